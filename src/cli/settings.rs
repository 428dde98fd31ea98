//! `jerry init`, `jerry config …` and `jerry projects …`.

use comfy_table::Table;
use serde_json::json;

use jerry::config::ProjectConfig;

use super::args::{ConfigCommand, ProjectsCommand};
use super::context::Context;
use super::output::Output;
use crate::door::error::CommandResult;

pub fn config(command: ConfigCommand, ctx: &Context, out: &mut Output) -> CommandResult {
    let setup = ctx.setup();
    match command {
        ConfigCommand::Path { user: true } => {
            return out.line(&jerry::app::Setup::user_path()?.display().to_string())
        }
        ConfigCommand::Set {
            key,
            value,
            user: true,
        } => {
            let (path, config) = setup.set_user_config(&key, &value)?;
            if out.json() {
                return out.json_value(&json!({ "key": key, "value": config.get(&key)?, "path": path }));
            }
            return out.confirm(&format!("{key} = {value} in {}", path.display()));
        }
        ConfigCommand::Unset { key, user: true } => {
            let path = setup.unset_user_config(&key)?;
            if out.json() {
                return out.json_value(&json!({ "key": key, "value": null, "path": path }));
            }
            return out.confirm(&format!("{key} unset in {}", path.display()));
        }
        _ => {}
    }
    let opened = setup.settings()?;
    let path = setup.config_path(&opened.project);
    match command {
        ConfigCommand::Path { .. } => {
            if opened.first {
                out.note(&format!(
                    "there is no project in {} yet; this is where its config.toml will be",
                    setup.workspace().root().display()
                ));
            }
            out.line(&path.display().to_string())
        }
        ConfigCommand::Get { key } => {
            opened.config.get(&key)?; // an unknown key: exit 5
            let effective = setup.effective(&opened.layers)?;
            let Some(setting) = effective.into_iter().find(|s| s.key == key) else {
                return Err(jerry::config::ConfigError::UnknownKey(key).into());
            };
            if out.json() {
                return out.json_value(&setting);
            }
            // The value alone on stdout, for scripts (as `git config` prints it); where it
            // comes from beside it, for people.
            out.line(&setting.value)?;
            out.note(&format!("(from {})", setting.source));
            Ok(())
        }
        ConfigCommand::Unset { key, .. } => {
            setup.unset_config(&key)?;
            if out.json() {
                return out.json_value(&json!({ "key": key, "value": null }));
            }
            out.confirm(&format!("{key} unset in {}", path.display()))
        }
        ConfigCommand::Set { key, value, .. } => {
            let (opened, config) = setup.set_config(&key, &value)?;
            if opened.first {
                out.note(&format!("note: created {} for its settings", opened.project));
            }
            if out.json() {
                return out.json_value(&json!({ "key": key, "value": config.get(&key)? }));
            }
            out.confirm(&format!("{key} = {value} in {}", path.display()))
        }
        ConfigCommand::List => {
            let rows = setup.effective(&opened.layers)?;
            if out.json() {
                return out.json_value(&rows);
            }
            let mut table = Table::new();
            table
                .load_preset(comfy_table::presets::NOTHING)
                .set_header(["KEY", "VALUE", "FROM"]);
            for row in rows {
                table.add_row([row.key.to_owned(), row.value, row.source.to_owned()]);
            }
            out.line(&table.to_string())
        }
    }
}

pub fn projects(command: ProjectsCommand, ctx: &Context, out: &mut Output) -> CommandResult {
    let setup = ctx.setup();
    match command {
        ProjectsCommand::Create { project, prefix } => create(ctx, project, prefix, true, out),
        ProjectsCommand::Use { project } => {
            let id = setup.workspace().set_default_project(&project)?;
            out.note(&format!("{id} is now this workspace's default project"));
            if out.json() {
                out.json_value(&serde_json::json!({ "default_project": id }))
            } else {
                out.line(id.as_str())
            }
        }
        ProjectsCommand::List => {
            let workspace = setup.workspace();
            let mut summaries = Vec::new();
            for id in workspace.list_projects()? {
                summaries.push(setup.summary(&id)?);
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
                let name = if s.default {
                    format!("{} (default)", s.id)
                } else {
                    s.id.to_string()
                };
                table.add_row([
                    name,
                    s.items.to_string(),
                    s.events.to_string(),
                    s.path.display().to_string(),
                ]);
            }
            out.line(&table.to_string())
        }
        ProjectsCommand::Show { project } => {
            let id = setup.existing_project(project)?;
            let summary = setup.summary(&id)?;
            let config_path = setup.config_path(&id);
            let config = ProjectConfig::load(&config_path)?;
            if out.json() {
                let mut details = serde_json::to_value(&summary)?;
                details["config"] = serde_json::to_value(&config)?;
                return out.json_value(&details);
            }
            out.line(&format!(
                "{id}\n  path    {}\n  items   {}\n  events  {}\n  config  {}",
                summary.path.display(),
                summary.items,
                summary.events,
                config_path.display()
            ))
        }
    }
}

/// `jerry init [PROJECT]` (and `projects create`).
pub fn init(
    ctx: &Context,
    project: Option<jerry::domain::ProjectId>,
    prefix: Option<String>,
    out: &mut Output,
) -> CommandResult {
    create(ctx, project, prefix, false, out)
}

/// `init` and `projects create`; only the latter makes another project when none is named.
fn create(
    ctx: &Context,
    project: Option<jerry::domain::ProjectId>,
    prefix: Option<String>,
    another: bool,
    out: &mut Output,
) -> CommandResult {
    let named = project.is_some();
    let (id, path, created) = ctx.setup().init(project, another, prefix.as_deref())?;
    if created {
        out.note(&format!("created project {id} in {}", path.display()));
    } else if named || another {
        out.note(&format!("project {id} already exists in {}", path.display()));
    } else {
        out.note(&format!(
            "this workspace already has project {id} ({}); nothing created (jerry projects create makes another)",
            path.display()
        ));
    }
    if let Some(prefix) = &prefix {
        out.note(&format!("its items are shown as {prefix}-001, {prefix}-002, …"));
    }
    if out.json() {
        out.json_value(&serde_json::json!({ "project": id, "path": path, "created": created, "prefix": prefix.as_deref().unwrap_or(jerry::domain::ids::CANONICAL_PREFIX) }))
    } else {
        out.line(id.as_str())
    }
}
