//! `jerry items priority`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::{ItemRef, Priority};

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct PriorityArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID; several are all or nothing.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<ItemRef>,
    /// critical, high, medium or low.
    #[arg(value_parser = crate::cli::flags::priorities())]
    pub priority: Priority,
    #[arg(long, short = 'r')]
    pub reason: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn priority(args: PriorityArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let PriorityArgs {
        ids,
        priority,
        reason,
        guard,
    } = args;
    let commands = ids
        .into_iter()
        .map(|item| Command::ChangePriority {
            item,
            to: priority,
            reason: reason.clone(),
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}
