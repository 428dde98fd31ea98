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

/// Fails when `text` has more than `max` characters (an event's text, named `what`).
pub(crate) fn check_text(what: &'static str, text: &str, max: usize) -> Result<(), DomainError> {
    check_length(what, text, max)
}

/// [`check_text`] of a text that may be absent.
pub(crate) fn check_maybe(what: &'static str, text: Option<&String>, max: usize) -> Result<(), DomainError> {
    text.map_or(Ok(()), |text| check_length(what, text, max))
}

/// A label: 1 to 50 characters, no whitespace or control characters.
pub(crate) fn check_label(label: &str) -> Result<(), DomainError> {
    let valid = !label.is_empty()
        && label.chars().count() <= MAX_LABEL
        && !label.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(())
    } else {
        Err(DomainError::InvalidValue {
            kind: "label",
            input: label.to_owned(),
            expected: "1 to 50 characters without spaces",
        })
    }
}

/// A reason as given: a blank one is none, a long one is refused.
pub(crate) fn non_blank(reason: Option<String>) -> Result<Option<String>, DomainError> {
    let reason = reason.filter(|r| !r.trim().is_empty());
    if let Some(reason) = &reason {
        check_length("reason", reason, MAX_REASON)?;
    }
    Ok(reason)
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
