//! What people attach to an item: labels (`items label`) and comments (`items comment`).

use serde::{Deserialize, Serialize};

use super::{Fact, WorkItemEvent};
use crate::domain::limits::{check_label, check_length, check_text, MAX_DESCRIPTION, MAX_LABEL, MAX_NAME};
use crate::domain::{Comment, DomainError, WorkItem};
use crate::timestamp::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelAdded {
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelRemoved {
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentAdded {
    pub author: String,
    pub text: String,
    /// When the comment was first written, on a comment that comes back (the redo of its
    /// removal): absent on a new comment, which is dated by its event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
}

/// Undoes one `CommentAdded`: the latest comment by `author` with exactly this `text` goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentRemoved {
    pub author: String,
    pub text: String,
}

impl WorkItem {
    /// Adds and removes labels; each must change something.
    pub fn relabel(&self, add: &[String], remove: &[String]) -> Result<Vec<WorkItemEvent>, DomainError> {
        let mut events = Vec::new();
        for label in add {
            check_label(label)?;
            if !self.labels.contains(label)
                && !events.contains(&WorkItemEvent::LabelAdded(LabelAdded { label: label.clone() }))
            {
                events.push(WorkItemEvent::LabelAdded(LabelAdded { label: label.clone() }));
            }
        }
        for label in remove {
            // Removing what is not there is a mistake worth hearing about (a typo), not a
            // silent success.
            if !self.labels.contains(label) {
                return Err(DomainError::NoSuchLabel {
                    id: self.id,
                    label: label.clone(),
                });
            }
            let removal = WorkItemEvent::LabelRemoved(LabelRemoved { label: label.clone() });
            if !events.contains(&removal) {
                events.push(removal);
            }
        }
        if events.is_empty() {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: "labelled so".into(),
            });
        }
        Ok(events)
    }

    pub fn comment(&self, text: String, author: &str) -> Result<Vec<WorkItemEvent>, DomainError> {
        if text.trim().is_empty() {
            return Err(DomainError::InvalidValue {
                kind: "comment",
                input: text,
                expected: "some text",
            });
        }
        check_length("comment", &text, MAX_DESCRIPTION)?;
        Ok(vec![WorkItemEvent::CommentAdded(CommentAdded {
            author: author.to_owned(),
            text,
            at: None,
        })])
    }
}

impl Fact for LabelAdded {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        if let Err(at) = item.labels.binary_search(&self.label) {
            item.labels.insert(at, self.label);
        }
    }

    /// Takes back the labels added since and, by adding them again, the ones removed since
    /// (for `LabelRemoved` too).
    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        for label in &now.labels {
            if !before.labels.contains(label) {
                events.push(WorkItemEvent::LabelRemoved(LabelRemoved { label: label.clone() }));
            }
        }
        for label in &before.labels {
            if !now.labels.contains(label) {
                events.push(WorkItemEvent::LabelAdded(LabelAdded { label: label.clone() }));
            }
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_text("label", &self.label, MAX_LABEL)
    }

    fn describe(&self) -> String {
        format!("label +{}", self.label)
    }
}

impl Fact for LabelRemoved {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.labels.retain(|l| *l != self.label);
    }

    /// `LabelAdded`'s revert takes back both.
    fn revert(_: &WorkItem, _: &WorkItem, _: &str, _: &mut Vec<WorkItemEvent>) {}

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_text("label", &self.label, MAX_LABEL)
    }

    fn describe(&self) -> String {
        format!("label -{}", self.label)
    }
}

impl Fact for CommentAdded {
    fn apply(self, item: &mut WorkItem, at: Timestamp, _: u64) {
        item.comments.push(Comment {
            author: self.author,
            at: self.at.unwrap_or(at),
            text: self.text,
        });
    }

    /// Comments only grow, except by an undo: removes the ones added since, newest first,
    /// and adds back any an earlier undo removed (for `CommentRemoved` too).
    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        let kept = now
            .comments
            .iter()
            .zip(&before.comments)
            .take_while(|(a, b)| a == b)
            .count();
        for comment in now.comments[kept..].iter().rev() {
            events.push(WorkItemEvent::CommentRemoved(CommentRemoved {
                author: comment.author.clone(),
                text: comment.text.clone(),
            }));
        }
        for comment in &before.comments[kept..] {
            events.push(WorkItemEvent::CommentAdded(CommentAdded {
                author: comment.author.clone(),
                text: comment.text.clone(),
                at: Some(comment.at),
            }));
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_text("author", &self.author, MAX_NAME)?;
        check_text("comment", &self.text, MAX_DESCRIPTION)
    }

    fn describe(&self) -> String {
        format!("{}: \"{}\"", self.author, self.text)
    }
}

impl Fact for CommentRemoved {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        if let Some(index) = item
            .comments
            .iter()
            .rposition(|c| c.author == self.author && c.text == self.text)
        {
            item.comments.remove(index);
        }
    }

    /// `CommentAdded`'s revert takes back both.
    fn revert(_: &WorkItem, _: &WorkItem, _: &str, _: &mut Vec<WorkItemEvent>) {}

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_text("author", &self.author, MAX_NAME)?;
        check_text("comment", &self.text, MAX_DESCRIPTION)
    }

    fn describe(&self) -> String {
        format!("comment by {} removed: \"{}\"", self.author, self.text)
    }
}
