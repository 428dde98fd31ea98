//! `jerry items parent`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::ItemRef;

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct ParentArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The new parent.
    #[arg(required_unless_present = "none", conflicts_with = "none")]
    pub parent: Option<ItemRef>,
    /// Remove the parent: the item goes to the top.
    #[arg(long)]
    pub none: bool,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn reparent(args: ParentArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ParentArgs {
        id,
        parent,
        none: _,
        guard,
    } = args;
    let outcome = write(ctx, out, options(guard), Command::Reparent { item: id, parent })?;
    report_change(&outcome, out)
}
