//! How long free text may be. Limits keep one event one reasonable line and stop a runaway
//! script from writing megabytes into history; they are documented in the README.

use super::DomainError;

pub const MAX_TITLE: usize = 500;
pub const MAX_DESCRIPTION: usize = 10_000;
pub const MAX_REASON: usize = 1_000;
pub const MAX_NAME: usize = 100;

/// Fails when `text` has more than `max` characters.
pub fn check_length(what: &'static str, text: &str, max: usize) -> Result<(), DomainError> {
    let length = text.chars().count();
    if length > max {
        return Err(DomainError::TooLong { what, length, max });
    }
    Ok(())
}

/// A name (actor, assignee): 1 to 100 characters, no control characters.
pub fn check_name(what: &'static str, name: &str) -> Result<(), DomainError> {
    if name.trim().is_empty() || name.chars().any(char::is_control) {
        return Err(DomainError::InvalidValue {
            kind: what,
            input: name.to_owned(),
            expected: "a non-empty name without control characters",
        });
    }
    check_length(what, name, MAX_NAME)
}

/// The longest label (`items label`).
pub const MAX_LABEL: usize = 50;

/// Whether a recorded event's texts keep the limits a typed command keeps: what arrives
/// from outside (`jerry sync`, `events import`) is held to what could have been typed, so
/// a 20 MB title cannot come in through the back door.
pub fn check_event(event: &super::WorkItemEvent) -> Result<(), DomainError> {
    use super::WorkItemEvent as E;
    let text = |what, value: &str, max| check_length(what, value, max);
    let maybe = |what, value: &Option<String>, max| value.as_deref().map_or(Ok(()), |v| text(what, v, max));
    match event {
        E::Created(e) => {
            text("title", &e.title, MAX_TITLE)?;
            maybe("description", &e.description, MAX_DESCRIPTION)?;
            maybe("assignee", &e.assignee, MAX_NAME)
        }
        E::StatusChanged(e) => maybe("reason", &e.reason, MAX_REASON),
        E::Completed(e) => maybe("reason", &e.completion_reason, MAX_REASON),
        E::CompletionWithdrawn(e) => maybe("reason", &e.completion_reason, MAX_REASON),
        E::PriorityChanged(e) => maybe("reason", &e.reason, MAX_REASON),
        E::AssigneeChanged(e) => {
            maybe("assignee", &e.old_assignee, MAX_NAME)?;
            maybe("assignee", &e.new_assignee, MAX_NAME)
        }
        E::TitleChanged(e) => {
            text("title", &e.old_title, MAX_TITLE)?;
            text("title", &e.new_title, MAX_TITLE)
        }
        E::DescriptionChanged(e) => {
            maybe("description", &e.old_description, MAX_DESCRIPTION)?;
            maybe("description", &e.new_description, MAX_DESCRIPTION)
        }
        E::LabelAdded(e) => text("label", &e.label, MAX_LABEL),
        E::LabelRemoved(e) => text("label", &e.label, MAX_LABEL),
        E::CommentAdded(e) => {
            text("author", &e.author, MAX_NAME)?;
            text("comment", &e.text, MAX_DESCRIPTION)
        }
        E::CommentRemoved(e) => {
            text("author", &e.author, MAX_NAME)?;
            text("comment", &e.text, MAX_DESCRIPTION)
        }
        E::Claimed(e) => {
            text("actor", &e.claimant, MAX_NAME)?;
            maybe("assignee", &e.old_assignee, MAX_NAME)?;
            maybe("actor", &e.taken_from, MAX_NAME)
        }
        E::Released(e) => {
            maybe("assignee", &e.old_assignee, MAX_NAME)?;
            maybe("reason", &e.reason, MAX_REASON)
        }
        E::DependencyAdded(_)
        | E::DependencyRemoved(_)
        | E::ParentChanged(_)
        | E::QualityMetricsUpdated(_)
        | E::DueDateChanged(_)
        | E::Renumbered(_)
        | E::ConflictResolved(_)
        | E::ConflictReopened(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes() {
        assert!(check_length("title", &"é".repeat(MAX_TITLE), MAX_TITLE).is_ok());
        assert!(check_length("title", &"é".repeat(MAX_TITLE + 1), MAX_TITLE).is_err());
        assert!(check_name("actor", "ci-bot").is_ok());
        assert!(check_name("actor", "").is_err());
        assert!(check_name("actor", "a\u{0}b").is_err());
        assert!(check_name("actor", &"x".repeat(101)).is_err());
    }
}
