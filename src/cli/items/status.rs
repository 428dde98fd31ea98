//! `jerry items status`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::{ItemRef, Status};

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// pending, in_progress, blocked, done or cancelled.
    #[arg(value_parser = crate::cli::flags::statuses())]
    pub status: Status,
    #[arg(long, short = 'r')]
    pub reason: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn status(args: StatusArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let StatusArgs {
        id,
        status,
        reason,
        guard,
    } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::ChangeStatus {
            item: id,
            to: status,
            reason,
        },
    )?;
    report_change(&outcome, out)
}
