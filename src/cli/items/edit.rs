//! `jerry items edit`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::recurrence::Recurrence;
use jerry::domain::{ItemRef, WorkType};
use jerry::timestamp::TimeSpec;

use jerry::kind::ErrorKind;

use super::write::*;
use crate::cli::context::Context;
use crate::cli::editor;
use crate::cli::output::Output;
use crate::door::error::{CommandError, CommandResult};

#[derive(Debug, Args)]
pub struct EditArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID. Without a change below, on a terminal,
    /// $VISUAL or $EDITOR opens the item's title, type, priority, labels and description.
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
    /// Keep it out of ready, next and the default list until TIME (friday, +3d, …); none
    /// shows it again.
    #[arg(long, value_name = "TIME", value_parser = or_none::<TimeSpec>)]
    pub wait: Option<OrNone<TimeSpec>>,
    /// Bring it back after each completion: daily, weekly, monthly, yearly, every 2w, …
    /// (it needs a due date); none stops it.
    #[arg(long, value_name = "RULE", value_parser = or_none::<Recurrence>)]
    pub recur: Option<OrNone<Recurrence>>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

/// A value, or `none` to clear the field.
#[derive(Debug, Clone)]
pub enum OrNone<T> {
    Set(T),
    None,
}

impl<T> OrNone<T> {
    fn into_option(self) -> Option<T> {
        match self {
            OrNone::Set(value) => Some(value),
            OrNone::None => None,
        }
    }
}

fn or_none<T: std::str::FromStr>(text: &str) -> Result<OrNone<T>, String>
where
    T::Err: std::fmt::Display,
{
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(OrNone::None);
    }
    text.parse()
        .map(OrNone::Set)
        .map_err(|err: T::Err| err.to_string())
}

pub(super) fn edit(args: EditArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EditArgs {
        id,
        title,
        description,
        work_type,
        wait,
        recur,
        guard,
    } = args;
    if title.is_none() && description.is_none() && work_type.is_none() && wait.is_none() && recur.is_none() {
        return in_editor(id, guard, ctx, out);
    }
    let session = ctx.open()?;
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
    if let Some(wait) = wait {
        let wait = match wait.into_option() {
            Some(spec) => Some(spec.resolve(session.now())?),
            None => None,
        };
        changes.push(Command::SetWait { item: id, wait });
    }
    if let Some(recur) = recur {
        changes.push(Command::SetRecurrence {
            item: id,
            recur: recur.into_option(),
        });
    }
    // Several changes to the item are one write, decided in turn (as MCP's update).
    let command = match changes.len() {
        1 => changes.remove(0),
        _ => Command::Together(changes),
    };
    let outcome = execute(&session, out, options(guard), command)?;
    report_change(&outcome, out)
}

/// `items edit ID` alone: the item in the editor, and what was changed there as one write.
fn in_editor(id: ItemRef, guard: WriteGuardArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    if !editor::at_a_terminal() {
        return Err(CommandError::new(
            ErrorKind::Usage,
            "say what to change: --title, --description, --type, --wait or --recur (on a terminal, items edit ID alone opens $EDITOR)",
        ));
    }
    let item = ctx.read(true)?.queries().show(id, None)?;
    let before = editor::Draft {
        title: item.title.clone(),
        work_type: item.work_type,
        priority: item.priority,
        labels: item.labels.clone(),
        description: item.description.clone().unwrap_or_default(),
    };
    let after = editor::edit(&before, &format!("{}: change what you like", item.id))?;
    if after.title.trim().is_empty() || after == before {
        out.note(&format!("{} unchanged: nothing written", item.id));
        return Ok(());
    }
    let item = ItemRef::Display(item.id);
    let mut changes = Vec::new();
    let title = (after.title != before.title).then(|| after.title.clone());
    let description = (after.description != before.description).then(|| after.description.clone());
    if title.is_some() || description.is_some() {
        changes.push(Command::Edit {
            item,
            title,
            description,
        });
    }
    if after.work_type != before.work_type {
        changes.push(Command::Retype {
            item,
            to: after.work_type,
        });
    }
    if after.priority != before.priority {
        changes.push(Command::ChangePriority {
            item,
            to: after.priority,
            reason: None,
        });
    }
    let add: Vec<String> = after
        .labels
        .iter()
        .filter(|l| !before.labels.contains(l))
        .cloned()
        .collect();
    let remove: Vec<String> = before
        .labels
        .iter()
        .filter(|l| !after.labels.contains(l))
        .cloned()
        .collect();
    if !add.is_empty() || !remove.is_empty() {
        changes.push(Command::Label { item, add, remove });
    }
    let command = match changes.len() {
        1 => changes.remove(0),
        _ => Command::Together(changes),
    };
    let outcome = write(ctx, out, options(guard), command)?;
    report_change(&outcome, out)
}
