//! `jerry items comment`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::ItemRef;

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct CommentArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The comment (it may start with '-').
    #[arg(allow_hyphen_values = true)]
    pub text: String,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn comment(args: CommentArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let CommentArgs { id, text, guard } = args;
    let outcome = write(ctx, out, options(guard), Command::Comment { item: id, text })?;
    report_change(&outcome, out)
}
