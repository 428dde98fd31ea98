//! `jerry store init|info|migrate`: which backend holds a project's events, and moving
//! them to another.

use serde_json::json;

use jerry::store::StoreUrl;

use super::args::StoreCommand;
use super::context::Context;
use super::output::Output;
use super::progress::progress_bar;
use crate::door::error::{CommandError, CommandResult};

pub fn run(command: StoreCommand, ctx: &Context, out: &mut Output) -> CommandResult {
    match command {
        StoreCommand::Init => init(ctx, out),
        StoreCommand::Info => info(ctx, out),
        StoreCommand::Migrate { to } => migrate(to, ctx, out),
    }
}

fn init(ctx: &Context, out: &mut Output) -> CommandResult {
    let (url, version, applied) = ctx.setup().init_store()?;
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

fn info(ctx: &Context, out: &mut Output) -> CommandResult {
    let session = ctx.read(true)?;
    let events = session.events().head()?;
    let streams = session.events().stream_count()?;
    let (found, why) = session.workspace_found().describe();
    if out.json() {
        return out.json_value(&json!({
            "workspace": { "root": session.workspace_root(), "found": found, "why": why },
            "project": session.project(),
            "backend": session.backend_kind(),
            "store": session.store_url().map(ToString::to_string),
            "location": session.location(),
            "events": events,
            "streams": streams,
        }));
    }
    out.line(&format!(
        "{}\n  workspace {} ({why})\n  backend   {}\n  location  {}\n  events    {events}\n  streams   {streams}",
        session.project(),
        session.workspace_root().display(),
        session.backend_kind(),
        session.location().display(),
    ))
}

fn migrate(to: StoreUrl, ctx: &Context, out: &mut Output) -> CommandResult {
    let session = ctx.open()?;
    let cwd = std::env::current_dir()
        .map_err(|err| CommandError::failure(format!("cannot read the current directory: {err}")))?;
    let bar = progress_bar(session.events().head()?);
    let migration = session.migrate(to.relative_to(&cwd), |position| bar.set_position(position))?;
    bar.finish_and_clear();
    let (to, report) = (&migration.to, &migration.report);
    let from_url = migration
        .from
        .as_ref()
        .map_or_else(|| "memory".to_owned(), ToString::to_string);
    if out.json() {
        return out.json_value(&json!({
            "project": session.project(),
            "from": from_url,
            "to": to.to_string(),
            "copied": report.copied,
            "resumed_from": report.resumed_from,
            "events": report.events,
            "sha256": report.hash,
            "idempotency_keys": report.idempotency_keys,
        }));
    }
    let resumed = if report.resumed_from > 0 {
        format!(" (continuing a copy that had {})", report.resumed_from)
    } else {
        String::new()
    };
    out.confirm(&format!(
        "copied {} events of {} from {from_url} to {to}{resumed}; both hold {} events, sha256 {}; {} idempotency key(s) carried over",
        report.copied,
        session.project(),
        report.events,
        report.hash,
        report.idempotency_keys
    ))?;
    out.note(&format!(
        "to use it from now on: jerry config set store '{to}' (or JERRY_STORE)"
    ));
    Ok(())
}
