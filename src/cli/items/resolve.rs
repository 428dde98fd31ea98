//! `jerry items resolve`: settle a conflict.

use clap::Args;

use jerry::app::Command;
use jerry::domain::{Decision, ItemRef};

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("decision").required(true).args(["keep", "take", "set"]))]
pub struct ResolveArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The conflict to settle: the version of the event that did not fit (items show lists
    /// them as vN).
    #[arg(long, value_name = "VERSION")]
    pub conflict: Option<u64>,
    /// Keep what the item holds; the conflicting event stays not applied.
    #[arg(long)]
    pub keep: bool,
    /// Take what the conflicting event asked for.
    #[arg(long)]
    pub take: bool,
    /// Set this value of the conflict's field instead (none clears an optional field).
    #[arg(long, value_name = "VALUE")]
    pub set: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn resolve(args: ResolveArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ResolveArgs {
        id,
        conflict,
        keep: _,
        take,
        set,
        guard,
    } = args;
    let decision = match set {
        Some(value) => Decision::Set(value),
        None if take => Decision::Take,
        None => Decision::Keep,
    };
    let command = Command::Resolve {
        item: id,
        version: conflict,
        decision,
    };
    let outcome = write(ctx, out, options(guard), command)?;
    report_change(&outcome, out)
}
