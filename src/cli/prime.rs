//! `jerry prime`: what an agent needs at the start of a session, or after its context was
//! compacted, in a token budget: its own claims, what is in progress and by whom, what to
//! pick next, what was just closed, open conflicts, and the commands it needs. TOON unless
//! `--format` says otherwise (`markdown`, `json`).

use clap::Args;

use super::context::Context;
use super::output::{Format, Output};
use crate::door::error::CommandResult;
use crate::door::prime::{prime as primed, Commands, Written};

/// What every agent session needs to know how to do: the command, and when.
const COMMANDS: &Commands = &[
    ("jerry items claim --lease 30m --json", "take the next ready item"),
    ("jerry items show ID --json", "everything about one item"),
    ("jerry items comment ID TEXT", "leave a note (renews your lease)"),
    ("jerry items complete ID", "finished"),
    ("jerry items release ID", "give it back"),
    ("jerry items create TITLE --parent ID", "record work you found"),
    ("jerry items next --explain", "why an item is urgent"),
];

#[derive(Debug, Args)]
pub struct PrimeArgs {
    /// The most tokens the prime may take, counted as characters / 4.
    #[arg(long, value_name = "N", default_value_t = 1500, value_parser = super::flags::at_least_one)]
    pub max_tokens: usize,
}

pub fn prime(args: PrimeArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let session = ctx.read(false)?;
    // TOON unless a format was asked for (`--json` is JSON).
    let written = match (ctx.format(), out.format()) {
        (None, Format::Table) | (_, Format::Toon) => Written::Toon,
        (_, Format::Json | Format::Jsonl) => Written::Json,
        (_, Format::Markdown | Format::Table) => Written::Markdown,
        (_, Format::Csv) => {
            return Err(crate::door::error::CommandError::new(
                crate::door::error::ErrorKind::Usage,
                "jerry prime prints toon (the default), markdown or json; --format csv does not apply",
            ))
        }
    };
    let text = primed(&session, (args.max_tokens, "--max-tokens"), written, COMMANDS)?;
    out.line(&text)
}
