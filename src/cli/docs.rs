//! Documentation generated from the clap definition, so it can never disagree with the
//! parser: shell completions and man pages. `tests/generated_docs.rs` fails when the
//! committed copies in `completions/` and `docs/man/` drift.

use std::path::Path;

use clap::CommandFactory;

use super::args::Cli;
use super::output::Output;
use crate::door::error::{CommandError, CommandResult};

pub fn completions(shell: clap_complete::Shell, out: &mut Output) -> CommandResult {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "jerry", &mut script);
    out.line(String::from_utf8_lossy(&script).trim_end())
}

/// Ids for a shell's completion function: cheap (the items read model), and silent on any
/// error, since a completion must never print noise.
pub fn ids(projects: bool, ctx: &super::context::Context, out: &mut Output) -> CommandResult {
    let ids: Vec<String> = if projects {
        ctx.setup()
            .workspace()
            .list_projects()?
            .iter()
            .map(ToString::to_string)
            .collect()
    } else {
        let session = ctx.read(false)?;
        session.queries().ids()?.iter().map(ToString::to_string).collect()
    };
    out.line(&ids.join("\n"))
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
