//! `jerry config …` and `jerry projects …`.

use comfy_table::Table;
use serde_json::json;

use jerry::app::ItemRepository;
use jerry::config::{ProjectConfig, KEYS};
use jerry::domain::ProjectId;
use jerry::project::Resolved;
use jerry::store::{Backend, EventStore};

use super::args::{ConfigCommand, ProjectsCommand};
use super::context::Context;
use super::output::Output;

pub fn config(command: ConfigCommand, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let opened = ctx.settings()?;
    let path = ctx.config_path(&opened.project);
    match command {
        ConfigCommand::Path => out.line(&path.display().to_string()),
        ConfigCommand::Get { key } => {
            let value = opened.config.get(&key)?;
            if out.json() {
                return out.json_value(&json!({ "key": key, "value": value }));
            }
            out.line(value.as_deref().unwrap_or_default())
        }
        ConfigCommand::Set { key, value } => {
            let mut config = ProjectConfig::load(&path)?;
            config.set(&key, &value)?;
            config.save(&path)?;
            if opened.first {
                out.note(&format!("note: created {} for its settings", opened.project));
            }
            if out.json() {
                return out.json_value(&json!({ "key": key, "value": config.get(&key)? }));
            }
            out.confirm(&format!("{key} = {value} in {}", path.display()))
        }
        ConfigCommand::List => {
            let defaults = [
                ("actor", "user"),
                ("default_type", "task"),
                ("lock_timeout", "5"),
                ("snapshot_interval", "50"),
                ("store", "jsonl"),
                ("quality_gate", "off"),
                ("policies", "none"),
            ];
            let mut rows = Vec::new();
            for (key, default) in defaults {
                debug_assert!(KEYS.contains(&key));
                let set = opened.config.get(key)?;
                let source = if set.is_some() { "config.toml" } else { "default" };
                rows.push((key, set.unwrap_or_else(|| default.to_owned()), source));
            }
            if out.json() {
                let entries: Vec<_> = rows
                    .iter()
                    .map(|(key, value, source)| json!({ "key": key, "value": value, "source": source }))
                    .collect();
                return out.json_value(&entries);
            }
            let mut table = Table::new();
            table
                .load_preset(comfy_table::presets::NOTHING)
                .set_header(["KEY", "VALUE", "FROM"]);
            for (key, value, source) in rows {
                table.add_row([key.to_owned(), value, source.to_owned()]);
            }
            out.line(&table.to_string())
        }
    }
}

pub fn projects(command: ProjectsCommand, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    match command {
        ProjectsCommand::Create { project } => super::init(ctx, project, out),
        ProjectsCommand::List => {
            let workspace = ctx.workspace();
            let mut summaries = Vec::new();
            for id in workspace.list_projects()? {
                summaries.push(summary(ctx, &id)?);
            }
            if out.json() {
                return out.json_value(&summaries);
            }
            if summaries.is_empty() {
                out.note(&format!(
                    "no projects in {} (jerry init creates one)",
                    workspace.root().display()
                ));
                return Ok(());
            }
            let mut table = Table::new();
            table
                .load_preset(comfy_table::presets::NOTHING)
                .set_header(["PROJECT", "ITEMS", "EVENTS", "PATH"]);
            for s in &summaries {
                table.add_row([
                    s["id"].as_str().unwrap_or_default().to_owned(),
                    s["items"].to_string(),
                    s["events"].to_string(),
                    s["path"].as_str().unwrap_or_default().to_owned(),
                ]);
            }
            out.line(&table.to_string())
        }
        ProjectsCommand::Show { project } => {
            let id = match project {
                Some(id) => id,
                None => match ctx.workspace().resolve(ctx.requested_project().cloned())? {
                    Resolved::Existing(id) => id,
                    Resolved::First(id) => {
                        return Err(jerry::project::ProjectError::NotFound {
                            id,
                            root: ctx.workspace().root().to_path_buf(),
                            available: Vec::new(),
                        }
                        .into())
                    }
                },
            };
            if !ctx.workspace().list_projects()?.contains(&id) {
                return Err(jerry::project::ProjectError::NotFound {
                    id,
                    root: ctx.workspace().root().to_path_buf(),
                    available: ctx.workspace().list_projects()?,
                }
                .into());
            }
            let mut details = summary(ctx, &id)?;
            let config = ProjectConfig::load(&ctx.config_path(&id))?;
            details["config"] = serde_json::to_value(&config)?;
            if out.json() {
                return out.json_value(&details);
            }
            out.line(&format!(
                "{id}\n  path    {}\n  items   {}\n  events  {}\n  config  {}",
                details["path"].as_str().unwrap_or_default(),
                details["items"],
                details["events"],
                ctx.config_path(&id).display()
            ))
        }
    }
}

/// `{id, path, items, events}` for one project.
fn summary(ctx: &Context, id: &ProjectId) -> anyhow::Result<serde_json::Value> {
    let workspace = ctx.workspace();
    let config = ProjectConfig::load(&ctx.config_path(id))?;
    let store = Backend::open(&ctx.store_url(&config)?, &ctx.open_options(id, &config))?;
    let items = ItemRepository::new(&store).item_streams()?.len();
    let events = store.head_position()?;
    Ok(json!({
        "id": id,
        "path": workspace.project_dir(id),
        "items": items,
        "events": events,
        "store": store.kind(),
    }))
}
