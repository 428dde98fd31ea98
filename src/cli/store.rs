//! `jerry store init|info|migrate`: which backend holds a project's events, and moving
//! them to another.

use serde_json::json;

use jerry::app;
use jerry::store::{Backend, EventStore, StoreUrl};

use super::args::StoreCommand;
use super::context::Context;
use super::output::Output;

/// `store migrate --to` names the store the project already uses.
#[derive(Debug, thiserror::Error)]
#[error("--to {0} is the store this project already uses; name another")]
pub struct SameStore(pub StoreUrl);

pub fn run(command: StoreCommand, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    match command {
        StoreCommand::Init => init(ctx, out),
        StoreCommand::Info => info(ctx, out),
        StoreCommand::Migrate { to } => migrate(to, ctx, out),
    }
}

fn init(ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let settings = ctx.settings()?;
    let url = ctx.store_url(&settings.config)?;
    let options = ctx.open_options(&settings.project, &settings.config);
    let (version, applied) = Backend::init(&url, &options)?;
    if out.json() {
        return out.json_value(&json!({
            "store": url.to_string(),
            "backend": url.kind(),
            "schema_version": version,
            "applied": applied,
        }));
    }
    if applied.is_empty() {
        out.confirm(&format!(
            "{url} is ready (schema version {version}); nothing to do"
        ))
    } else {
        let list: Vec<String> = applied.iter().map(u32::to_string).collect();
        out.confirm(&format!(
            "{url} is ready: applied schema migration(s) {} (now at version {version})",
            list.join(", ")
        ))
    }
}

fn info(ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let opened = ctx.open()?;
    let url = ctx.store_url(&opened.config)?;
    let events = opened.store.head_position()?;
    let streams = opened.store.list_streams()?.len();
    if out.json() {
        return out.json_value(&json!({
            "project": opened.project,
            "backend": opened.store.kind(),
            "store": url.to_string(),
            "location": opened.store.location(),
            "events": events,
            "streams": streams,
        }));
    }
    out.line(&format!(
        "{}\n  backend   {}\n  location  {}\n  events    {events}\n  streams   {streams}",
        opened.project,
        opened.store.kind(),
        opened.store.location().display(),
    ))
}

fn migrate(to: StoreUrl, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let opened = ctx.open()?;
    let from_url = ctx.store_url(&opened.config)?;
    let cwd = std::env::current_dir()?;
    let to = to.relative_to(&cwd);
    if to == from_url {
        return Err(SameStore(to).into());
    }
    let options = ctx.open_options(&opened.project, &opened.config);
    let target = Backend::open(&to, &options)?;
    if opened.store.location() == target.location() {
        return Err(SameStore(to).into());
    }
    let total = opened.store.head_position()?;
    let bar = super::events::progress_bar(total);
    let report = app::migrate(&opened.store, &target, |position| bar.set_position(position))?;
    bar.finish_and_clear();
    if matches!(to, StoreUrl::Jsonl) {
        ctx.workspace().create_project(&opened.project)?;
    }
    if out.json() {
        return out.json_value(&json!({
            "project": opened.project,
            "from": from_url.to_string(),
            "to": to.to_string(),
            "copied": report.copied,
            "resumed_from": report.resumed_from,
            "events": report.events,
            "sha256": report.hash,
        }));
    }
    let resumed = if report.resumed_from > 0 {
        format!(" (continuing a copy that had {})", report.resumed_from)
    } else {
        String::new()
    };
    out.confirm(&format!(
        "copied {} events of {} from {from_url} to {to}{resumed}; both hold {} events, sha256 {}",
        report.copied, opened.project, report.events, report.hash
    ))?;
    out.note(&format!(
        "to use it from now on: jerry config set store '{to}' (or JERRY_STORE)"
    ));
    Ok(())
}
