//! `jerry views save|list|delete` and `items list @NAME`: an `items list` command line
//! kept under a name in the project's settings (or the user's), run again by name. A view
//! is the arguments as typed, checked by the parser when saved, so it means tomorrow what
//! `items list` means then.

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches};
use serde_json::json;

use jerry::config::ProjectConfig;
use jerry::kind::ErrorKind;

use super::args::{Cli, TopCommand, ViewsCommand};
use super::context::Context;
use super::items::ItemsCommand;
use super::output::Output;
use super::views::ListArgs;
use crate::door::error::{CommandError, CommandResult};

pub fn views(command: ViewsCommand, ctx: &Context, out: &mut Output) -> CommandResult {
    let setup = ctx.setup();
    let settings = setup.settings()?;
    let path = setup.config_path(&settings.project);
    match command {
        ViewsCommand::Save { name, args } => {
            check_name(&name)?;
            check_args(&args)?;
            ProjectConfig::update(&path, |config| {
                config.views.insert(name.clone(), args.clone());
                Ok(())
            })?;
            if out.json() {
                return out.json_value(&json!({ "name": name, "args": args }));
            }
            out.confirm(&format!(
                "saved view {name}: items list @{name} runs items list {}",
                args.join(" ")
            ))
        }
        ViewsCommand::List => {
            let views = &settings.config.views;
            if out.json() {
                let listed: Vec<_> = views
                    .iter()
                    .map(|(name, args)| json!({ "name": name, "args": args }))
                    .collect();
                return out.json_value(&listed);
            }
            if views.is_empty() {
                out.note("no saved views (jerry views save NAME FLAGS… saves one)");
                return Ok(());
            }
            let rows = views
                .iter()
                .map(|(name, args)| vec![format!("@{name}"), args.join(" ")])
                .collect();
            out.line(&super::render::table(
                &["VIEW".to_owned(), "RUNS items list".to_owned()],
                rows,
                out.style(),
            ))
        }
        ViewsCommand::Delete { name } => {
            if !settings.layers.project.views.contains_key(&name) {
                return Err(no_view(&name));
            }
            ProjectConfig::update(&path, |config| {
                config.views.remove(&name);
                Ok(())
            })?;
            if out.json() {
                return out.json_value(&json!({ "name": name, "deleted": true }));
            }
            out.confirm(&format!("deleted view {name}"))
        }
    }
}

fn check_name(name: &str) -> CommandResult {
    let fine = !name.is_empty()
        && name.len() <= 40
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if fine {
        Ok(())
    } else {
        Err(CommandError::new(
            ErrorKind::Usage,
            format!("invalid view name '{name}': letters, digits, - and _, at most 40"),
        ))
    }
}

/// The flags must be `items list`'s own: they are parsed as it parses them, and a flag
/// every command takes (`--json`, `--project`, …) is the command line's, not the view's.
fn check_args(args: &[String]) -> CommandResult {
    if args
        .iter()
        .any(|arg| arg.starts_with('@') || arg == "--view" || arg.starts_with("--view="))
    {
        return Err(CommandError::new(
            ErrorKind::Usage,
            "a view cannot run another view",
        ));
    }
    let mut line: Vec<OsString> = ["jerry", "items", "list"].map(OsString::from).to_vec();
    line.extend(args.iter().map(OsString::from));
    let matches = Cli::command().try_get_matches_from(line).map_err(|err| {
        let first = err.to_string();
        let first = first
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ")
            .to_owned();
        // The exit code items list itself would give: a value refused is 5, a flag it lacks 2.
        let kind = match err.kind() {
            clap::error::ErrorKind::InvalidValue
            | clap::error::ErrorKind::ValueValidation
            | clap::error::ErrorKind::InvalidUtf8 => ErrorKind::Invalid,
            _ => ErrorKind::Usage,
        };
        CommandError::new(kind, format!("not items list's flags: {first}"))
    })?;
    let global = Cli::command()
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .map(|arg| arg.get_id().to_string())
        .find(|id| matches.value_source(id) == Some(clap::parser::ValueSource::CommandLine));
    match global {
        Some(id) => Err(CommandError::new(
            ErrorKind::Usage,
            format!(
                "--{} is every command's flag: give it on the command line, not in the view",
                id.replace('_', "-")
            ),
        )),
        None => Ok(()),
    }
}

fn no_view(name: &str) -> CommandError {
    CommandError::new(
        ErrorKind::NotFound,
        format!("no view named '{name}' (jerry views list shows the saved ones)"),
    )
}

/// `items list @NAME …` as the view's flags, then the ones typed after it (a flag taking
/// one value typed again replaces the view's; repeatable ones add to them).
pub fn expand(name: &str, ctx: &Context) -> CommandResult<ListArgs> {
    let config = ctx.setup().settings()?.config;
    let saved = config.views.get(name).ok_or_else(|| no_view(name))?;
    let raw: Vec<OsString> = std::env::args_os().collect();
    let mut line = Vec::with_capacity(raw.len() + saved.len());
    let mut words = raw.into_iter();
    while let Some(word) = words.next() {
        let text = word.to_string_lossy();
        if text == format!("@{name}") || text == format!("--view={name}") {
            line.extend(saved.iter().map(OsString::from));
        } else if text == "--view" {
            words.next();
            line.extend(saved.iter().map(OsString::from));
        } else {
            line.push(word);
        }
    }
    let command = Cli::command().mut_subcommand("items", |items| {
        items.mut_subcommand("list", |list| list.args_override_self(true))
    });
    let matches = command.try_get_matches_from(line).map_err(|err| {
        CommandError::new(
            ErrorKind::Usage,
            format!(
                "view {name}: {}",
                err.to_string().lines().next().unwrap_or_default()
            ),
        )
    })?;
    match Cli::from_arg_matches(&matches).map(|cli| cli.command) {
        Ok(TopCommand::Items(ItemsCommand::List(args))) => Ok(args),
        _ => Err(CommandError::new(
            ErrorKind::Usage,
            format!("view {name} is no items list"),
        )),
    }
}
