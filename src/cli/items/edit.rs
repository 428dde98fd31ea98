//! `jerry items edit`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::{ItemRef, WorkType};

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("change").required(true).multiple(true).args(["title", "description", "work_type"])))]
pub struct EditArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The new title.
    #[arg(long)]
    pub title: Option<String>,
    /// The new description ("" removes it).
    #[arg(long, short = 'd')]
    pub description: Option<String>,
    /// The new type: epic, story, task, subtask, bug or spike (it must still rank below its
    /// parent and above its children).
    #[arg(long = "type", short = 't', value_name = "TYPE", value_parser = crate::cli::flags::work_types())]
    pub work_type: Option<WorkType>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn edit(args: EditArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EditArgs {
        id,
        title,
        description,
        work_type,
        guard,
    } = args;
    let mut changes = Vec::new();
    if title.is_some() || description.is_some() {
        changes.push(Command::Edit {
            item: id,
            title,
            description,
        });
    }
    if let Some(to) = work_type {
        changes.push(Command::Retype { item: id, to });
    }
    // Several changes to the item are one write, decided in turn (as MCP's update).
    let command = match changes.len() {
        1 => changes.remove(0),
        _ => Command::Together(changes),
    };
    let outcome = write(ctx, out, options(guard), command)?;
    report_change(&outcome, out)
}
