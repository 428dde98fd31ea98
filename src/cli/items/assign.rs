//! `jerry items assign`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::ItemRef;

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::{CommandError, CommandResult, ErrorKind};

#[derive(Debug, Args)]
pub struct AssignArgs {
    /// The items (WORK-7, 7, or a ULID; several are all or nothing), then who takes them
    /// (left out with --none).
    #[arg(required = true, value_name = "ID... WHO")]
    pub args: Vec<String>,
    /// Unassign the item instead.
    #[arg(long)]
    pub none: bool,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn assign(args: AssignArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let AssignArgs {
        mut args,
        none,
        guard,
    } = args;
    let assignee = if none {
        None
    } else {
        if args.len() < 2 {
            return Err(CommandError::new(
                ErrorKind::Usage,
                "name the items and then who takes them (jerry items assign 7 ann), or pass --none",
            ));
        }
        args.pop()
    };
    let mut commands = Vec::with_capacity(args.len());
    for id in &args {
        let item: ItemRef = id.parse().map_err(|err: jerry::domain::DomainError| {
            CommandError::new(
                ErrorKind::Invalid,
                format!("invalid value '{id}' for '<ID>': {err}"),
            )
        })?;
        commands.push(Command::Assign {
            item,
            assignee: assignee.clone(),
        });
    }
    write_each(ctx, out, options(guard), commands)
}
