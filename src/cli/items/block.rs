//! `jerry items block`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::{ItemRef, Status};

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct BlockArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID; several are all or nothing.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<ItemRef>,
    /// Why the item is blocked.
    #[arg(long, short = 'r')]
    pub reason: String,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn block(args: BlockArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let BlockArgs { ids, reason, guard } = args;
    let commands = ids
        .into_iter()
        .map(|item| Command::ChangeStatus {
            item,
            to: Status::Blocked,
            reason: Some(reason.clone()),
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}
