//! `jerry items start | complete | cancel | reopen`: a status move on each item named.

use clap::Args;

use jerry::app::Command;
use jerry::domain::{ItemRef, Status};

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct TransitionArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID; several are all or nothing.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<ItemRef>,
    #[arg(long, short = 'r')]
    pub reason: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

/// A status change on each item; `None` reopens (only from done).
pub(super) fn transition(
    args: TransitionArgs,
    to: Option<Status>,
    ctx: &Context,
    out: &mut Output,
) -> CommandResult {
    let TransitionArgs { ids, reason, guard } = args;
    let commands = ids
        .into_iter()
        .map(|item| match to {
            Some(to) => Command::ChangeStatus {
                item,
                to,
                reason: reason.clone(),
            },
            None => Command::Reopen {
                item,
                reason: reason.clone(),
            },
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}
