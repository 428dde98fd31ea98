//! `jerry items update`: one change to every item the filters of `items list` select, all
//! decided first and written in one atomic append, or none.

use std::io::{BufRead, IsTerminal, Write};

use clap::Args;

use jerry::app::Command;
use jerry::domain::recurrence::Recurrence;
use jerry::domain::{ItemRef, Priority, Status, WorkItem, WorkType};
use jerry::timestamp::TimeSpec;

use super::write::*;
use crate::cli::context::{resolve_time, Context};
use crate::cli::output::Output;
use crate::cli::views::WhichArgs;
use crate::door::error::{CommandError, CommandResult};

/// More items than this ask first, on a terminal (Taskwarrior's `bulk` is 3 too).
const ASK_ABOVE: usize = 3;

#[derive(Debug, Args)]
pub struct UpdateArgs {
    #[command(flatten)]
    pub which: WhichArgs,
    /// The change: priority=P, assignee=WHO|none, type=T, due=TIME|none, wait=TIME|none,
    /// recur=RULE|none, status=S, parent=ID|none, title=T, description=D (repeatable: all
    /// of them, one write per item).
    #[arg(long = "set", value_name = "FIELD=VALUE", value_parser = parse_assignment)]
    pub set: Vec<Assignment>,
    /// Add this label (repeatable).
    #[arg(long, value_name = "LABEL")]
    pub add_label: Vec<String>,
    /// Remove this label where it is (repeatable).
    #[arg(long, value_name = "LABEL")]
    pub remove_label: Vec<String>,
    /// List the items the change would touch, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask before changing more than 3 items on a terminal.
    #[arg(long, short = 'y')]
    pub yes: bool,
}

/// One `--set FIELD=VALUE`, checked when parsed.
#[derive(Debug, Clone)]
pub enum Assignment {
    Priority(Priority),
    Assignee(Option<String>),
    Type(WorkType),
    Due(Option<TimeSpec>),
    Wait(Option<TimeSpec>),
    Recur(Option<Recurrence>),
    Status(Status),
    Parent(Option<ItemRef>),
    Title(String),
    Description(String),
}

fn parse_assignment(text: &str) -> Result<Assignment, String> {
    let Some((field, value)) = text.split_once('=') else {
        return Err("expected FIELD=VALUE, e.g. priority=high".to_owned());
    };
    let none = value.trim().eq_ignore_ascii_case("none");
    let shown = |err: &dyn std::fmt::Display| err.to_string();
    Ok(match field.trim() {
        "priority" => Assignment::Priority(value.parse().map_err(|e| shown(&e))?),
        "assignee" => Assignment::Assignee((!none).then(|| value.to_owned())),
        "type" => Assignment::Type(value.parse().map_err(|e| shown(&e))?),
        "due" if none => Assignment::Due(None),
        "due" => Assignment::Due(Some(value.parse().map_err(|e| shown(&e))?)),
        "wait" if none => Assignment::Wait(None),
        "wait" => Assignment::Wait(Some(value.parse().map_err(|e| shown(&e))?)),
        "recur" if none => Assignment::Recur(None),
        "recur" => Assignment::Recur(Some(value.parse().map_err(|e| shown(&e))?)),
        "status" => Assignment::Status(value.parse().map_err(|e| shown(&e))?),
        "parent" if none => Assignment::Parent(None),
        "parent" => Assignment::Parent(Some(value.parse().map_err(|e| shown(&e))?)),
        "title" => Assignment::Title(value.to_owned()),
        "description" => Assignment::Description(value.to_owned()),
        other => {
            return Err(format!(
                "unknown field '{other}': priority, assignee, type, due, wait, recur, status, parent, title or description"
            ))
        }
    })
}

pub(super) fn update(args: UpdateArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let UpdateArgs {
        which,
        set,
        add_label,
        remove_label,
        dry_run,
        yes,
    } = args;
    if set.is_empty() && add_label.is_empty() && remove_label.is_empty() {
        return Err(usage(
            "say what to change: --set FIELD=VALUE, --add-label or --remove-label",
        ));
    }
    if !which.narrows() && !which.all {
        return Err(usage(
            "name the items to change with items list's filters (--label ui, --status open, …), or --all for every one",
        ));
    }
    let session = ctx.read(false)?;
    let (filter, _) = which.filter(&session)?;
    let items: Vec<WorkItem> = session.queries().list(&filter)?.items;
    let changes = describe(&set, &add_label, &remove_label);
    if items.is_empty() {
        out.note("no item matches: nothing changed");
        return if out.json() {
            out.json_value(&serde_json::json!([]))
        } else {
            Ok(())
        };
    }
    let ids: Vec<String> = items.iter().map(|item| item.id.to_string()).collect();
    if dry_run {
        if out.json() {
            return out.json_value(&serde_json::json!({ "would_change": ids, "changes": changes }));
        }
        out.line(&format!(
            "would set {changes} on {} items: {}",
            ids.len(),
            ids.join(", ")
        ))?;
        out.note("--dry-run: nothing written");
        return Ok(());
    }
    if items.len() > ASK_ABOVE && !yes && std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        eprint!(
            "set {changes} on {} items ({})? [y/N] ",
            ids.len(),
            ids.join(", ")
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
            return Err(usage("not confirmed: nothing changed"));
        }
    }
    let mut commands = Vec::with_capacity(items.len());
    for item in &items {
        let item = ItemRef::Display(item.id);
        let mut parts = Vec::new();
        for assignment in &set {
            parts.push(command(item, assignment, &session)?);
        }
        if !add_label.is_empty() || !remove_label.is_empty() {
            parts.push(Command::Label {
                item,
                add: add_label.clone(),
                remove: remove_label.clone(),
            });
        }
        commands.push(match parts.len() {
            1 => parts.remove(0),
            _ => Command::Together(parts),
        });
    }
    drop(session);
    write_each(ctx, out, jerry::app::WriteOptions::default(), commands)
}

/// The command one assignment is for one item.
fn command(item: ItemRef, assignment: &Assignment, session: &jerry::app::Session) -> CommandResult<Command> {
    Ok(match assignment.clone() {
        Assignment::Priority(to) => Command::ChangePriority {
            item,
            to,
            reason: None,
        },
        Assignment::Assignee(assignee) => Command::Assign { item, assignee },
        Assignment::Type(to) => Command::Retype { item, to },
        Assignment::Due(due) => Command::SetDue {
            item,
            due: resolve_time(due, session)?,
        },
        Assignment::Wait(wait) => Command::SetWait {
            item,
            wait: resolve_time(wait, session)?,
        },
        Assignment::Recur(recur) => Command::SetRecurrence { item, recur },
        Assignment::Status(Status::Deleted) => Command::Delete { item, reason: None },
        Assignment::Status(to) => Command::ChangeStatus {
            item,
            to,
            reason: None,
        },
        Assignment::Parent(parent) => Command::Reparent { item, parent },
        Assignment::Title(title) => Command::Edit {
            item,
            title: Some(title),
            description: None,
        },
        Assignment::Description(description) => Command::Edit {
            item,
            title: None,
            description: Some(description),
        },
    })
}

/// `priority=high, +label ui`: what the change is, in words.
fn describe(set: &[Assignment], add: &[String], remove: &[String]) -> String {
    let mut words: Vec<String> = set
        .iter()
        .map(|assignment| match assignment {
            Assignment::Priority(p) => format!("priority={p}"),
            Assignment::Assignee(who) => format!("assignee={}", who.as_deref().unwrap_or("none")),
            Assignment::Type(t) => format!("type={t}"),
            Assignment::Due(Some(_)) => "due".to_owned(),
            Assignment::Due(None) => "due=none".to_owned(),
            Assignment::Wait(Some(_)) => "wait".to_owned(),
            Assignment::Wait(None) => "wait=none".to_owned(),
            Assignment::Recur(Some(r)) => format!("recur={r}"),
            Assignment::Recur(None) => "recur=none".to_owned(),
            Assignment::Status(s) => format!("status={s}"),
            Assignment::Parent(Some(p)) => format!("parent={p}"),
            Assignment::Parent(None) => "parent=none".to_owned(),
            Assignment::Title(_) => "title".to_owned(),
            Assignment::Description(_) => "description".to_owned(),
        })
        .collect();
    words.extend(add.iter().map(|label| format!("+label {label}")));
    words.extend(remove.iter().map(|label| format!("-label {label}")));
    words.join(", ")
}

fn usage(message: &str) -> CommandError {
    CommandError::new(jerry::kind::ErrorKind::Usage, message)
}
