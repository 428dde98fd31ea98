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
