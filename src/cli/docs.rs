//! Documentation generated from the clap definition, so it can never disagree with the
//! parser: shell completions (answered by the parser itself) and man pages. `tests/generated_docs.rs` fails when the
//! committed copies in `completions/` and `docs/man/` drift.

use std::path::Path;

use clap::CommandFactory;

use super::args::Cli;
use super::output::Output;
use crate::door::error::{CommandError, CommandResult};

/// The script a shell loads to complete jerry: it asks `jerry` itself (`COMPLETE=<shell>
/// jerry -- <words>`) at each TAB, so subcommands, flags, the values a flag takes and the
/// ids of the items and projects there are now all complete, with nothing else to install.
pub fn completions(shell: clap_complete::Shell, out: &mut Output) -> CommandResult {
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::Elvish => &Elvish,
        clap_complete::Shell::PowerShell => &Powershell,
        other => {
            return Err(CommandError::new(
                jerry::kind::ErrorKind::Usage,
                format!("no completion for {other}"),
            ))
        }
    };
    let mut script = Vec::new();
    completer
        .write_registration(COMPLETE_VAR, "jerry", "jerry", "jerry", &mut script)
        .map_err(|err| CommandError::failure(err.to_string()))?;
    out.line(String::from_utf8_lossy(&script).trim())
}

/// The variable that turns a run of `jerry` into a completion request.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// Answers a completion request (`COMPLETE` set, as the scripts from [`completions`] do)
/// and ends the process; returns when this run is not one.
pub fn complete_if_asked() {
    clap_complete::CompleteEnv::with_factory(completing_command)
        .var(COMPLETE_VAR)
        .complete();
}

/// The parser's command tree, with the ids there are now offered wherever an argument
/// takes an item or a project (found by the type it parses to, so a new argument is
/// covered without a line here).
fn completing_command() -> clap::Command {
    fn attach(command: clap::Command, creates: bool) -> clap::Command {
        let command = command.mut_args(|arg| {
            let parses_to = arg.get_value_parser().type_id();
            if parses_to == std::any::TypeId::of::<jerry::domain::ItemRef>() {
                arg.add(ArgValueCandidates::new(|| candidates(false)))
            } else if parses_to == std::any::TypeId::of::<jerry::domain::ProjectId>() && !creates {
                arg.add(ArgValueCandidates::new(|| candidates(true)))
            } else {
                arg
            }
        });
        command.mut_subcommands(|sub| {
            // A project being made is a new id, not one there is.
            let creates = matches!(sub.get_name(), "create" | "init");
            attach(sub, creates)
        })
    }
    attach(Cli::command(), false)
}

use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

/// The ids to offer, found as a command run here would find its workspace (the
/// environment's `JERRY_ROOT` and `JERRY_PROJECT` count; flags typed on the line being
/// completed do not). Silent: a completion never prints an error.
fn candidates(projects: bool) -> Vec<CompletionCandidate> {
    let found = || -> Option<Vec<String>> {
        let env = jerry::app::Environment::from_env().ok()?;
        let cli = <Cli as clap::Parser>::try_parse_from(["jerry", "ids"]).ok()?;
        let ctx = super::context::Context::new(cli.global, false, env).ok()?;
        id_list(projects, &ctx).ok()
    };
    found()
        .unwrap_or_default()
        .into_iter()
        .map(CompletionCandidate::new)
        .collect()
}

/// Ids for a shell's completion: cheap (the items read model), one per line.
pub fn ids(projects: bool, ctx: &super::context::Context, out: &mut Output) -> CommandResult {
    out.line(&id_list(projects, ctx)?.join("\n"))
}

/// Every project's id, or every item's that is not deleted.
fn id_list(projects: bool, ctx: &super::context::Context) -> CommandResult<Vec<String>> {
    Ok(if projects {
        ctx.setup()
            .workspace()
            .list_projects()?
            .iter()
            .map(ToString::to_string)
            .collect()
    } else {
        let session = ctx.read(false)?;
        session.queries().ids()?.iter().map(ToString::to_string).collect()
    })
}

/// Writes `jerry.1` and `jerry-<sub>[-<sub>].1` for every visible subcommand.
pub fn man_pages(dir: &Path, out: &mut Output) -> CommandResult {
    fs_err::create_dir_all(dir).map_err(|err| CommandError::failure(err.to_string()))?;
    let mut command = Cli::command();
    command.build();
    let written = write_pages(&command, "jerry", dir)?;
    out.note(&format!("wrote {written} man pages to {}", dir.display()));
    Ok(())
}

fn write_pages(command: &clap::Command, name: &str, dir: &Path) -> CommandResult<usize> {
    let page = command.clone().name(name.to_owned());
    let mut bytes = Vec::new();
    clap_mangen::Man::new(page).render(&mut bytes)?;
    let path = dir.join(format!("{name}.1"));
    jerry::persist::persist(&path, &bytes, jerry::persist::Durability::Durable)
        .map_err(|err| CommandError::failure(format!("cannot write {}: {err}", path.display())))?;
    let mut written = 1;
    for sub in command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
    {
        written += write_pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(written)
}
