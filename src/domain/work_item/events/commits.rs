//! Commits that name an item (`jerry git install-hooks`): a link from the code to the work,
//! recorded once per commit however many clones see the commit.

use serde::{Deserialize, Serialize};

use super::{Fact, WorkItemEvent};
use crate::domain::limits::{check_text, MAX_NAME, MAX_TITLE};
use crate::domain::{CommitLink, DomainError, WorkItem};
use crate::timestamp::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitLinked {
    /// The commit's full id, lowercase hex.
    pub commit: String,
    /// Its message's first line.
    pub summary: String,
    /// Its author, as `Name <email>`.
    pub author: String,
    /// The message said `Fixes`, `Closes` or `Resolves` before the item.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closes: bool,
}

/// A commit id: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
pub fn is_commit_id(text: &str) -> bool {
    matches!(text.len(), 40 | 64)
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl WorkItem {
    /// Links a commit that names this item; a commit already linked is
    /// [`DomainError::Unchanged`].
    pub fn link_commit(&self, link: CommitLinked) -> Result<Vec<WorkItemEvent>, DomainError> {
        link.check_limits()?;
        if self.commits.iter().any(|c| c.commit == link.commit) {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: format!("linked to commit {}", short(&link.commit)),
            });
        }
        Ok(vec![WorkItemEvent::CommitLinked(link)])
    }
}

/// The 12-digit form people read.
pub fn short(commit: &str) -> &str {
    commit.get(..12).unwrap_or(commit)
}

impl Fact for CommitLinked {
    /// Once per commit: two clones that saw the same commit before they synced each wrote
    /// a link, and the item lists it once.
    fn apply(self, item: &mut WorkItem, at: Timestamp, _: u64) {
        if !item.commits.iter().any(|c| c.commit == self.commit) {
            item.commits.push(CommitLink {
                commit: self.commit,
                summary: self.summary,
                author: self.author,
                closes: self.closes,
                at,
            });
        }
    }

    /// A commit stays made: undo takes back what the commit's words did (a completion),
    /// not the record that the commit names the item.
    fn revert(_: &WorkItem, _: &WorkItem, _: &str, _: &mut Vec<WorkItemEvent>) {}

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        if !is_commit_id(&self.commit) {
            return Err(DomainError::InvalidValue {
                kind: "commit",
                input: self.commit.clone(),
                expected: "a full commit id: 40 or 64 lowercase hex digits",
            });
        }
        check_text("commit summary", &self.summary, MAX_TITLE)?;
        check_text("commit author", &self.author, MAX_NAME * 3)
    }

    fn describe(&self) -> String {
        let verb = if self.closes { "closed by" } else { "named in" };
        format!("{verb} commit {}: {}", short(&self.commit), self.summary)
    }
}

/// An item a commit message names, as written, and whether a closing word came before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub item: String,
    pub closes: bool,
}

/// The words that close what follows them, as GitHub reads them.
const CLOSING: [&str; 9] = [
    "fix", "fixes", "fixed", "close", "closes", "closed", "resolve", "resolves", "resolved",
];

/// The items `message` names: `WORK-12`, `<prefix>-12` (the project's prefix, in any case)
/// or a ULID, each once, closing when a closing word came before it with only items, `and`
/// and commas between (`Fixes WORK-1, WORK-2 and WORK-3`); any other word ends a closing
/// run (`refs WORK-4` only links). Other `LETTERS-N` words (`UTF-8`, `SHA-256`) are not
/// items.
pub fn named_in(message: &str, prefix: Option<&str>) -> Vec<Named> {
    let mut named: Vec<Named> = Vec::new();
    let mut closing = false;
    for word in message.split(|c: char| c.is_whitespace() || c == ',') {
        let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if word.is_empty() {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        if CLOSING.contains(&lower.as_str()) {
            closing = true;
            continue;
        }
        if lower == "and" {
            continue;
        }
        if is_item_word(word, prefix) {
            match named.iter_mut().find(|n| n.item.eq_ignore_ascii_case(word)) {
                Some(seen) => seen.closes |= closing,
                None => named.push(Named {
                    item: word.to_owned(),
                    closes: closing,
                }),
            }
            continue;
        }
        closing = false;
    }
    named
}

fn is_item_word(word: &str, prefix: Option<&str>) -> bool {
    if let Some((letters, digits)) = word.split_once('-') {
        let known =
            letters.eq_ignore_ascii_case("WORK") || prefix.is_some_and(|p| letters.eq_ignore_ascii_case(p));
        return known
            && !digits.is_empty()
            && digits.len() <= 9
            && digits.bytes().all(|b| b.is_ascii_digit());
    }
    word.len() == 26 && ulid::Ulid::from_string(word).is_ok() && word.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(message: &str) -> Vec<(String, bool)> {
        named_in(message, Some("API"))
            .into_iter()
            .map(|n| (n.item, n.closes))
            .collect()
    }

    #[test]
    fn closing_words_close_the_items_right_after_them() {
        assert_eq!(
            read("Fixes WORK-001, refs WORK-002"),
            [("WORK-001".into(), true), ("WORK-002".into(), false)]
        );
        assert_eq!(
            read("login: closes api-7 and WORK-9.\n\nResolves: (WORK-10)"),
            [
                ("api-7".into(), true),
                ("WORK-9".into(), true),
                ("WORK-10".into(), true)
            ]
        );
        assert_eq!(read("Fix login (WORK-3)"), [("WORK-3".into(), false)]);
        assert_eq!(read("WORK-3 then fixes WORK-3"), [("WORK-3".into(), true)]);
    }

    #[test]
    fn other_dashed_words_are_not_items() {
        assert!(read("Use UTF-8 and SHA-256 per ISO-8601; OPS-4 is another project").is_empty());
        assert_eq!(
            read("refs 01KDVDNNQ0HN4T0W3ZCKC4YSEC"),
            [("01KDVDNNQ0HN4T0W3ZCKC4YSEC".into(), false)]
        );
        assert!(read("WORK- WORK-x WORK-1234567890").is_empty());
    }
}
