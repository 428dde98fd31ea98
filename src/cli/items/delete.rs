//! `jerry items delete | restore`: take a mistake out of the work, and bring it back.

use jerry::app::Command;

use super::transition::TransitionArgs;
use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

/// Deletes each item named: an event, so its history stays and `undo` or `restore` brings
/// it back.
pub(super) fn delete(args: TransitionArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let TransitionArgs { ids, reason, guard } = args;
    let commands = ids
        .into_iter()
        .map(|item| Command::Delete {
            item,
            reason: reason.clone(),
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}

/// Puts each deleted item back in the status it was deleted from.
pub(super) fn restore(args: TransitionArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let TransitionArgs { ids, reason, guard } = args;
    let commands = ids
        .into_iter()
        .map(|item| Command::Restore {
            item,
            reason: reason.clone(),
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}
