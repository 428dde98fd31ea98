//! A new item from the words a request gave (the MCP `create` tool, the board's create
//! form): each field parsed as the command line parses it, the project's default type
//! where none is given, and the parent checked to exist. One builder, so the doors that
//! take text cannot drift apart on what they accept.

use jerry::app::Session;
use jerry::domain::recurrence::Recurrence;
use jerry::domain::{ItemRef, NewWorkItem, Priority, WorkType};
use jerry::timestamp::TimeSpec;

use super::error::CommandResult;

/// The fields of a new item as text; absent ones take their defaults.
#[derive(Debug, Default)]
pub struct NewItemWords {
    pub title: String,
    pub work_type: Option<String>,
    pub priority: Option<String>,
    pub description: Option<String>,
    pub parent: Option<String>,
    pub assignee: Option<String>,
    pub due: Option<String>,
    /// Hidden from ready work until then.
    pub wait: Option<String>,
    /// `weekly`, `every 2 weeks`, … (needs `due`).
    pub recur: Option<String>,
}

impl NewItemWords {
    pub fn build(self, session: &Session) -> CommandResult<NewWorkItem> {
        let work_type = match self.work_type.as_deref() {
            Some(word) => word.parse::<WorkType>()?,
            None => session.default_type(),
        };
        let priority = match self.priority.as_deref() {
            Some(word) => word.parse::<Priority>()?,
            None => Priority::default(),
        };
        let parent = match self.parent.as_deref() {
            Some(parent) => Some(session.queries().existing(parent.parse::<ItemRef>()?)?),
            None => None,
        };
        let moment = |text: Option<&str>| -> CommandResult<_> {
            match text {
                Some(text) => Ok(Some(text.parse::<TimeSpec>()?.resolve(session.now())?)),
                None => Ok(None),
            }
        };
        let due = moment(self.due.as_deref())?;
        let wait = moment(self.wait.as_deref())?;
        let recur = self.recur.as_deref().map(str::parse::<Recurrence>).transpose()?;
        Ok(NewWorkItem {
            title: self.title,
            work_type,
            priority,
            description: self.description,
            parent,
            assignee: self.assignee,
            due,
            wait,
            recur,
            moved_from: None,
        })
    }
}
