//! `jerry items create`.

use clap::Args;

use jerry::app::{Command, WriteOptions};
use jerry::domain::recurrence::Recurrence;
use jerry::domain::{ItemRef, NewWorkItem, Priority, WorkType};
use jerry::timestamp::TimeSpec;

use jerry::kind::ErrorKind;

use super::write::*;
use crate::cli::context::Context;
use crate::cli::editor;
use crate::cli::output::Output;
use crate::door::error::{CommandError, CommandResult};

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The title; kept exactly as given (it may start with '-'). Without one, on a terminal,
    /// $VISUAL or $EDITOR opens a template to write the item in.
    #[arg(allow_hyphen_values = true)]
    pub title: Option<String>,
    /// epic, story, task, subtask, bug or spike [default: the project's default_type, else task].
    #[arg(long = "type", short = 't', value_name = "TYPE", value_parser = crate::cli::flags::work_types())]
    pub work_type: Option<WorkType>,
    /// critical, high, medium or low.
    #[arg(long, short = 'p', default_value = "medium", value_parser = crate::cli::flags::priorities())]
    pub priority: Priority,
    #[arg(long, short = 'd')]
    pub description: Option<String>,
    /// The parent item (it must exist).
    #[arg(long, value_name = "ID")]
    pub parent: Option<ItemRef>,
    #[arg(long, short = 'a', value_name = "WHO")]
    pub assignee: Option<String>,
    /// When it is due: a date, a local time (2026-12-24 17:00), friday, eow, eom, in 3 days,
    /// +3d, tomorrow, RFC 3339, …
    #[arg(long, value_name = "TIME")]
    pub due: Option<TimeSpec>,
    /// Keep it out of ready, next and the default list until TIME (items list --waiting
    /// shows it meanwhile).
    #[arg(long, value_name = "TIME")]
    pub wait: Option<TimeSpec>,
    /// Bring it back after each completion, due a step later: daily, weekly, monthly,
    /// yearly, every 2w, every 3 months, … (needs --due).
    #[arg(long, value_name = "RULE")]
    pub recur: Option<Recurrence>,
    #[command(flatten)]
    pub once: OnceArgs,
}

pub(super) fn create(args: CreateArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let CreateArgs {
        title,
        work_type,
        priority,
        description,
        parent,
        assignee,
        due,
        wait,
        recur,
        once: OnceArgs { idempotency_key },
    } = args;
    let options = WriteOptions {
        idempotency_key,
        ..WriteOptions::default()
    };
    let session = ctx.open()?;
    let parent = parent.map(|p| session.queries().resolve(p)).transpose()?;
    let due = due.map(|spec| spec.resolve(session.now())).transpose()?;
    let wait = wait.map(|spec| spec.resolve(session.now())).transpose()?;
    let work_type = work_type.unwrap_or_else(|| session.default_type());
    let (title, work_type, priority, description, labels) = match title {
        Some(title) => (title, work_type, priority, description, Vec::new()),
        None => {
            if !editor::at_a_terminal() {
                return Err(CommandError::new(
                    ErrorKind::Usage,
                    "a title is required: items create <TITLE> (on a terminal, without one, $EDITOR opens a template)",
                ));
            }
            let blank = editor::Draft {
                title: String::new(),
                work_type,
                priority,
                labels: Vec::new(),
                description: description.unwrap_or_default(),
            };
            let written = editor::edit(&blank, "A new item: give it a title")?;
            if written.title.trim().is_empty() {
                out.note("no title: nothing created");
                return Ok(());
            }
            let description = Some(written.description).filter(|d| !d.is_empty());
            (
                written.title,
                written.work_type,
                written.priority,
                description,
                written.labels,
            )
        }
    };
    let command = Command::Create(NewWorkItem {
        title,
        work_type,
        priority,
        description,
        parent,
        assignee,
        due,
        wait,
        recur,
        moved_from: None,
    });
    let outcome = execute(&session, out, options, command)?;
    if !labels.is_empty() {
        let label = Command::Label {
            item: ItemRef::Display(outcome.item.id),
            add: labels,
            remove: Vec::new(),
        };
        execute(&session, out, WriteOptions::default(), label)?;
    }
    if !out.json() {
        out.line(&outcome.item.id.to_string())?;
    }
    Ok(())
}
