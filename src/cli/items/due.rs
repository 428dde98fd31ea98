//! `jerry items due`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::ItemRef;
use jerry::timestamp::TimeSpec;

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct DueArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// When it is due: a date, a local time (2026-12-24 17:00), friday, eow, eom, in 3 days,
    /// +3d, tomorrow, RFC 3339, …
    #[arg(
        required_unless_present = "none",
        conflicts_with = "none",
        value_name = "TIME"
    )]
    pub due: Option<TimeSpec>,
    /// Remove the due date.
    #[arg(long)]
    pub none: bool,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn due(args: DueArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let DueArgs {
        id,
        due,
        none: _,
        guard,
    } = args;
    let session = ctx.open()?;
    let due = due.map(|spec| spec.resolve(session.now())).transpose()?;
    let outcome = execute(&session, out, options(guard), Command::SetDue { item: id, due })?;
    report_change(&outcome, out)
}
