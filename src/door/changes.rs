//! An item's changes from the words a request gave (the MCP `update` tool, the board's
//! detail panel): each parsed as the command line parses it and refused in its words, as
//! the commands of one atomic [`Command::Together`] write. One builder, so the doors that
//! take text cannot drift apart on what a change means (`""` clears a field in both).

use jerry::app::{Command, Session};
use jerry::domain::{DomainError, ItemRef};
use jerry::timestamp::TimeSpec;

use super::error::{CommandError, CommandResult};

/// The fields to change, as text; absent ones stay as they are, `""` clears one.
#[derive(Debug, Default)]
pub struct ChangeWords {
    pub title: Option<String>,
    pub description: Option<String>,
    pub work_type: Option<String>,
    pub status: Option<String>,
    pub priority: Option<String>,
    pub assignee: Option<String>,
    pub add_labels: Vec<String>,
    pub remove_labels: Vec<String>,
    pub due: Option<String>,
    pub wait: Option<String>,
    pub recur: Option<String>,
    pub parent: Option<String>,
    /// Why (a status or priority change; required to block).
    pub reason: Option<String>,
}

/// The arguments a change takes, for the message when none was given.
pub const CHANGE_ARGUMENTS: &str =
    "status, priority, assignee, title, description, type, add_labels, remove_labels, due, wait, recur, parent";

impl ChangeWords {
    /// The commands that make these changes to `target`, in the order a person makes them
    /// (the text first, then type, status, priority, assignee, labels, dates, parent).
    pub fn commands(self, session: &Session, target: ItemRef) -> CommandResult<Vec<Command>> {
        let mut changes = Vec::new();
        if self.title.is_some() || self.description.is_some() {
            changes.push(Command::Edit {
                item: target,
                title: self.title,
                description: self.description,
            });
        }
        if let Some(work_type) = self.work_type {
            changes.push(Command::Retype {
                item: target,
                to: word("type", &work_type, str::parse)?,
            });
        }
        if let Some(status) = self.status {
            changes.push(Command::ChangeStatus {
                item: target,
                to: word("status", &status, str::parse)?,
                reason: self.reason.clone(),
            });
        }
        if let Some(priority) = self.priority {
            changes.push(Command::ChangePriority {
                item: target,
                to: word("priority", &priority, str::parse)?,
                reason: self.reason.clone(),
            });
        }
        if let Some(assignee) = self.assignee {
            changes.push(Command::Assign {
                item: target,
                assignee: Some(assignee).filter(|a| !a.is_empty()),
            });
        }
        if !self.add_labels.is_empty() || !self.remove_labels.is_empty() {
            changes.push(Command::Label {
                item: target,
                add: self.add_labels,
                remove: self.remove_labels,
            });
        }
        let moment = |text: String| -> CommandResult<_> {
            if text.is_empty() {
                Ok(None)
            } else {
                Ok(Some(text.parse::<TimeSpec>()?.resolve(session.now())?))
            }
        };
        if let Some(due) = self.due {
            changes.push(Command::SetDue {
                item: target,
                due: moment(due)?,
            });
        }
        if let Some(wait) = self.wait {
            changes.push(Command::SetWait {
                item: target,
                wait: moment(wait)?,
            });
        }
        if let Some(recur) = self.recur {
            let recur = if recur.is_empty() {
                None
            } else {
                Some(recur.parse()?)
            };
            changes.push(Command::SetRecurrence { item: target, recur });
        }
        if let Some(parent) = self.parent {
            let parent = if parent.is_empty() {
                None
            } else {
                Some(parent.parse::<ItemRef>()?)
            };
            changes.push(Command::Reparent { item: target, parent });
        }
        if changes.is_empty() {
            return Err(CommandError::invalid(format!(
                "nothing to update: give at least one of {CHANGE_ARGUMENTS}"
            )));
        }
        Ok(changes)
    }
}

/// A word of a closed vocabulary, parsed as the command line parses it and refused in its
/// words, the argument named as the request names it: `invalid value 'urgent' for
/// 'priority': expected one of critical, high, medium, low` (the command line says
/// `'--priority <PRIORITY>'`).
pub fn word<T>(
    argument: &str,
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, DomainError>,
) -> CommandResult<T> {
    parse(text).map_err(|err| match err {
        DomainError::InvalidValue { expected, .. } => {
            let shown: String = text.chars().take(40).collect();
            CommandError::invalid(format!(
                "invalid value '{shown}' for '{argument}': expected {expected}"
            ))
        }
        other => other.into(),
    })
}
