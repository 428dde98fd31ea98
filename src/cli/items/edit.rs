//! `jerry items edit`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::ItemRef;

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("change").required(true).multiple(true).args(["title", "description"])))]
pub struct EditArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The new title.
    #[arg(long)]
    pub title: Option<String>,
    /// The new description ("" removes it).
    #[arg(long, short = 'd')]
    pub description: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn edit(args: EditArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EditArgs {
        id,
        title,
        description,
        guard,
    } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::Edit {
            item: id,
            title,
            description,
        },
    )?;
    report_change(&outcome, out)
}
