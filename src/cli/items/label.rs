//! `jerry items label`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::ItemRef;

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::{CommandError, CommandResult, ErrorKind};

#[derive(Debug, Args)]
pub struct LabelArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID; several are all or nothing.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<ItemRef>,
    /// A label to add (repeatable): 1 to 50 characters, no spaces.
    #[arg(long, value_name = "LABEL", required_unless_present = "remove")]
    pub add: Vec<String>,
    /// A label to remove (repeatable).
    #[arg(long, value_name = "LABEL")]
    pub remove: Vec<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn label(args: LabelArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let LabelArgs {
        ids,
        add,
        remove,
        guard,
    } = args;
    // Adding and removing one label at once has no meaning (it is not a toggle).
    if let Some(both) = add.iter().find(|label| remove.contains(label)) {
        return Err(CommandError::new(
            ErrorKind::Usage,
            format!("--add and --remove both name '{both}'; give each label once"),
        ));
    }
    let commands = ids
        .into_iter()
        .map(|item| Command::Label {
            item,
            add: add.clone(),
            remove: remove.clone(),
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}
