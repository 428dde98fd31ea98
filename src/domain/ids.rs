//! Identifiers: display ids (`WORK-007`), references to items, project ids.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ulid::Ulid;

use super::DomainError;

/// The human id of a work item: a prefix, `-` and a number, at least three digits wide.
/// The prefix people see is the project's (`jerry init --prefix API`: `API-007`), `WORK`
/// unless chosen; what is stored is always `WORK-007` (stream names, `aggregate_id`, event
/// payloads: see [`WorkItemId::canonical`]), so a prefix never changes the log, and any
/// spelling of an id reads back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkItemId(u64);

/// The stored prefix of every id, whatever prefix people see.
pub const CANONICAL_PREFIX: &str = "WORK";

/// The prefix this process shows ids with: the project's, set once when it opens one.
static SHOWN_PREFIX: std::sync::OnceLock<String> = std::sync::OnceLock::new();

thread_local! {
    /// Set while an event payload is encoded: ids are written in their stored form.
    static CANONICAL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Shows ids with `prefix` (2 to 8 letters, see [`check_prefix`]) from now on in this
/// process. The first call wins: the project a command is in decides, and a second one it
/// reaches (`items move --to`) names its ids itself (see [`WorkItemId::with_prefix`]).
pub fn show_ids_with(prefix: &str) {
    let _ = SHOWN_PREFIX.set(prefix.to_ascii_uppercase());
}

/// The prefix ids are shown with.
pub fn shown_prefix() -> &'static str {
    SHOWN_PREFIX.get().map_or(CANONICAL_PREFIX, String::as_str)
}

/// Runs `encode` with ids serialized in their stored form (`WORK-007`), as every event
/// payload is written.
pub fn canonically<T>(encode: impl FnOnce() -> T) -> T {
    CANONICAL.with(|canonical| {
        let before = canonical.replace(true);
        let result = encode();
        canonical.set(before);
        result
    })
}

/// A prefix people may choose: 2 to 8 ASCII letters (`API`, `ops`), shown upper case.
pub fn check_prefix(input: &str) -> Result<String, DomainError> {
    let valid = (2..=8).contains(&input.len()) && input.bytes().all(|b| b.is_ascii_alphabetic());
    valid
        .then(|| input.to_ascii_uppercase())
        .ok_or_else(|| DomainError::InvalidValue {
            kind: "id prefix",
            input: input.to_owned(),
            expected: "2 to 8 letters, such as API or OPS",
        })
}

impl WorkItemId {
    /// The smallest id, `WORK-001`.
    pub const MIN: WorkItemId = WorkItemId(1);

    pub fn new(number: u64) -> Option<Self> {
        (number > 0).then_some(Self(number))
    }

    pub fn number(self) -> u64 {
        self.0
    }

    /// How long the id's text is (`WORK-001`: 8), without writing it: a table sizes its
    /// id column from 100,000 of them.
    pub fn text_len(self) -> usize {
        let digits = self.0.checked_ilog10().map_or(1, |log| log as usize + 1);
        shown_prefix().len() + 1 + digits.max(3)
    }

    /// The id with another project's prefix than the one this process shows.
    pub fn with_prefix(self, prefix: &str) -> String {
        format!("{}-{:03}", prefix.to_ascii_uppercase(), self.0)
    }

    /// The id as it is stored, whatever prefix is shown: `WORK-007`.
    pub fn canonical(self) -> impl fmt::Display {
        Canonical(self.0)
    }

    /// Reads `input` with any prefix of 2 to 8 letters (`WORK-7`, `API-007`), or none.
    fn parse_any_prefix(input: &str) -> Result<Self, DomainError> {
        let trimmed = input.trim();
        let digits = match trimmed.split_once('-') {
            Some((prefix, digits)) if check_prefix(prefix).is_ok() => digits,
            _ => trimmed,
        };
        Self::from_digits(digits, input)
    }

    fn from_digits(digits: &str, input: &str) -> Result<Self, DomainError> {
        let valid = !digits.is_empty() && digits.len() <= 18 && digits.bytes().all(|b| b.is_ascii_digit());
        valid
            .then(|| digits.parse().ok())
            .flatten()
            .and_then(WorkItemId::new)
            .ok_or_else(|| DomainError::InvalidValue {
                kind: "item id",
                input: input.to_owned(),
                expected: "expected PREFIX-<number> (WORK-7, or the project's prefix), a number, or a ULID",
            })
    }
}

struct Canonical(u64);

impl fmt::Display for Canonical {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{CANONICAL_PREFIX}-{:03}", self.0)
    }
}

impl fmt::Display for WorkItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:03}", shown_prefix(), self.0)
    }
}

impl FromStr for WorkItemId {
    type Err = DomainError;

    /// Accepts `WORK-7`, `WORK-007`, `work-7`, any other prefix of 2 to 8 letters (the
    /// project's, `api-7`: ids are read before the project is known) and a bare `7`.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Self::parse_any_prefix(input)
    }
}

/// Shown (`API-007`), but stored (`WORK-007`) inside [`canonically`].
impl Serialize for WorkItemId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if CANONICAL.with(std::cell::Cell::get) {
            serializer.collect_str(&self.canonical())
        } else {
            serializer.collect_str(self)
        }
    }
}

impl<'de> Deserialize<'de> for WorkItemId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The trackers `jerry import` reads from, as their source references begin.
pub const SOURCE_PREFIXES: [&str; 3] = ["taskwarrior:", "beads:", "github:"];

/// The internal id of the item imported from `source` (`taskwarrior:UUID`, `beads:ID`,
/// `github:OWNER/REPO#N`): a 128-bit FNV-1a hash of the reference. Derived, not drawn, so
/// that the reference names the item wherever an id is taken (the command line, MCP, the
/// board) through the lookup by ULID every door already has, with no index of its own.
/// The hash is part of the on-disk format: changing it would orphan every imported item's
/// reference. GitHub owners and repositories are case-insensitive, so are their references.
pub fn source_ulid(source: &str) -> Option<Ulid> {
    let source = source.trim();
    let prefix = SOURCE_PREFIXES.iter().find(|p| source.starts_with(**p))?;
    if source.len() == prefix.len() {
        return None;
    }
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let hash = |bytes: &mut dyn Iterator<Item = u8>| {
        bytes.fold(OFFSET, |hash, byte| (hash ^ u128::from(byte)).wrapping_mul(PRIME))
    };
    Some(Ulid(if *prefix == "github:" {
        hash(&mut source.bytes().map(|b| b.to_ascii_lowercase()))
    } else {
        hash(&mut source.bytes())
    }))
}

/// How a user names an item on the command line: by display id, by its ULID, or by the
/// source reference an import gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemRef {
    Display(WorkItemId),
    Internal(Ulid),
    Source(SourceRef),
}

/// A source reference as typed (`github:acme/widgets#12`): the internal id it stands for
/// ([`source_ulid`]) and, for messages, its text. Kept inline so that an [`ItemRef`] stays
/// `Copy`; a longer reference is shown cut, with `…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRef {
    ulid: Ulid,
    text: [u8; SourceRef::SHOWN],
    len: u8,
    cut: bool,
}

impl SourceRef {
    const SHOWN: usize = 56;

    fn new(text: &str, ulid: Ulid) -> Self {
        let mut end = text.len().min(Self::SHOWN);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut kept = [0; Self::SHOWN];
        kept[..end].copy_from_slice(&text.as_bytes()[..end]);
        Self {
            ulid,
            text: kept,
            len: end as u8,
            cut: end < text.len(),
        }
    }

    /// The item's internal id.
    pub fn ulid(&self) -> Ulid {
        self.ulid
    }
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = std::str::from_utf8(&self.text[..usize::from(self.len)]).unwrap_or_default();
        write!(f, "{text}{}", if self.cut { "…" } else { "" })
    }
}

impl FromStr for ItemRef {
    type Err = DomainError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        if let Ok(id) = input.parse::<WorkItemId>() {
            return Ok(ItemRef::Display(id));
        }
        if let Some(ulid) = source_ulid(input) {
            return Ok(ItemRef::Source(SourceRef::new(input.trim(), ulid)));
        }
        match Ulid::from_string(input.trim()) {
            Ok(ulid) => Ok(ItemRef::Internal(ulid)),
            Err(_) => Err(DomainError::InvalidValue {
                kind: "item id",
                input: input.to_owned(),
                expected: "expected PREFIX-<number> (WORK-7, or the project's prefix), a number, a ULID, or an import's source (github:OWNER/REPO#N)",
            }),
        }
    }
}

impl Serialize for ItemRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemRef::Display(id) => id.fmt(f),
            ItemRef::Internal(ulid) => ulid.fmt(f),
            ItemRef::Source(source) => source.fmt(f),
        }
    }
}

/// A project: `PROJ-` and at least three digits, optionally `-` and a lowercase slug
/// (`PROJ-001`, `PROJ-012-billing-api`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ProjectId(String);

impl ProjectId {
    pub fn from_number(number: u64) -> Self {
        Self(format!("PROJ-{number:03}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn number(&self) -> u64 {
        self.0[5..]
            .split('-')
            .next()
            .and_then(|d| d.parse().ok())
            .unwrap_or(0)
    }
}

impl FromStr for ProjectId {
    type Err = DomainError;

    /// Accepts what people type for a project — `PROJ-002`, `PROJ-2`, `proj-2`, `2`, with
    /// or without a slug — and keeps the canonical spelling, `PROJ-002[-slug]`.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let invalid = || DomainError::InvalidValue {
            kind: "project id",
            input: input.to_owned(),
            expected:
                "expected PROJ-NNN, PROJ-NNN-slug or a number (slug: lowercase letters, digits and '-')",
        };
        let text = input.trim();
        let rest = match text.get(..5) {
            Some(prefix) if prefix.eq_ignore_ascii_case("PROJ-") => &text[5..],
            _ if text.bytes().all(|b| b.is_ascii_digit()) => text,
            _ => return Err(invalid()),
        };
        let (digits, slug) = match rest.split_once('-') {
            Some((digits, slug)) => (digits, Some(slug)),
            None => (rest, None),
        };
        let digits_ok = (1..=9).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        let slug_ok = slug.is_none_or(|slug| {
            !slug.is_empty()
                && slug.len() <= 64
                && !slug.starts_with('-')
                && !slug.ends_with('-')
                && !slug.contains("--")
                && slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
        let number = digits.parse::<u64>().ok().filter(|n| *n > 0);
        match (digits_ok && slug_ok, number) {
            (true, Some(number)) => Ok(Self(match slug {
                Some(slug) => format!("PROJ-{number:03}-{slug}"),
                None => format!("PROJ-{number:03}"),
            })),
            _ => Err(invalid()),
        }
    }
}

impl ProjectId {
    /// True when the id carries a slug (`PROJ-005-billing`), false for a bare number.
    pub fn has_slug(&self) -> bool {
        self.0[5..].contains('-')
    }
}

impl fmt::Display for ProjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_ids_pad_to_three_digits_and_grow() {
        assert_eq!(WorkItemId::new(1).unwrap().to_string(), "WORK-001");
        assert_eq!(WorkItemId::new(999).unwrap().to_string(), "WORK-999");
        assert_eq!(WorkItemId::new(1000).unwrap().to_string(), "WORK-1000");
        for number in [1, 9, 10, 99, 100, 999, 1000, 12_345, u64::MAX] {
            let id = WorkItemId::new(number).unwrap();
            assert_eq!(id.text_len(), id.to_string().len(), "{id}");
        }
    }

    #[test]
    fn every_spelling_of_an_item_is_accepted() {
        let seven = WorkItemId::new(7).unwrap();
        for text in ["WORK-7", "WORK-007", "work-07", "7", " 7 "] {
            assert_eq!(text.parse::<WorkItemId>().unwrap(), seven, "{text}");
        }
        let ulid = Ulid::new();
        assert_eq!(
            ulid.to_string().parse::<ItemRef>().unwrap(),
            ItemRef::Internal(ulid)
        );
    }

    #[test]
    fn malformed_item_ids_are_rejected() {
        for text in [
            "",
            "WORK-",
            "WORK-0",
            "0",
            "WORK-x",
            "-3",
            "T-1",
            "PREFIXTOOLONG-1",
            "A1-3",
            "99999999999999999999",
        ] {
            assert!(text.parse::<ItemRef>().is_err(), "{text}");
        }
    }

    /// Any prefix of 2 to 8 letters reads (the project's is not known while arguments are
    /// parsed); payloads are written in the stored form whatever prefix is shown.
    #[test]
    fn ids_read_with_any_prefix_and_are_stored_canonically() {
        for text in ["api-7", "API-007", "work-7", "Ops-7", "7"] {
            assert_eq!(text.parse::<WorkItemId>().unwrap().number(), 7, "{text}");
        }
        let id = WorkItemId::new(7).unwrap();
        assert_eq!(id.canonical().to_string(), "WORK-007");
        assert_eq!(
            canonically(|| serde_json::to_string(&id)).unwrap(),
            "\"WORK-007\""
        );
        assert!(check_prefix("a1").is_err() && check_prefix("x").is_err());
        assert_eq!(check_prefix("api").unwrap(), "API");
    }

    #[test]
    fn project_ids() {
        for ok in ["PROJ-001", "PROJ-1234", "PROJ-012-billing-api", "PROJ-002-v2"] {
            assert_eq!(ok.parse::<ProjectId>().unwrap().as_str(), ok);
        }
        for (typed, canonical) in [
            ("PROJ-2", "PROJ-002"),
            ("proj-2", "PROJ-002"),
            ("2", "PROJ-002"),
            ("PROJ-5-my-slug", "PROJ-005-my-slug"),
        ] {
            assert_eq!(typed.parse::<ProjectId>().unwrap().as_str(), canonical);
        }
        for bad in [
            "PROJ-",
            "0",
            "PROJ-001-Billing",
            "PROJ-001-",
            "PROJ-001--a",
            "PROJ-000",
            "../x",
            "PROJ-001/x",
        ] {
            assert!(bad.parse::<ProjectId>().is_err(), "{bad}");
        }
        assert_eq!("PROJ-012-x".parse::<ProjectId>().unwrap().number(), 12);
    }
}
