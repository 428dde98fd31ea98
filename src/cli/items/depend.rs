//! `jerry items depend` and `jerry items undepend`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::{DependencyType, ItemRef};

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct DependArgs {
    /// The item that depends.
    pub id: ItemRef,
    /// The item it depends on.
    pub other: ItemRef,
    /// blocks, blocked_by or related.
    #[arg(long = "type", default_value = "blocked_by", value_name = "TYPE", value_parser = crate::cli::flags::dependency_types())]
    pub kind: DependencyType,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct UndependArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The item it no longer depends on.
    pub other: ItemRef,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn depend(args: DependArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let DependArgs {
        id,
        other,
        kind,
        guard,
    } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::AddDependency {
            item: id,
            on: other,
            kind,
        },
    )?;
    report_change(&outcome, out)
}

pub(super) fn undepend(args: UndependArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let UndependArgs { id, other, guard } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::RemoveDependency { item: id, on: other },
    )?;
    report_change(&outcome, out)
}
