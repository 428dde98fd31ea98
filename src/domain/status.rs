//! The status machine of a work item.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    InProgress,
    Blocked,
    Done,
    Cancelled,
    /// A mistake taken out (`items delete`, or the undo of a create): gone from every list,
    /// the board and completion, still in `items show` and the history, and back with
    /// `items restore` or `jerry undo`. Not a step of the status graph.
    Deleted,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Pending,
        Status::InProgress,
        Status::Blocked,
        Status::Done,
        Status::Cancelled,
        Status::Deleted,
    ];

    /// Every status this one may move to: the whole graph, in one place.
    pub fn next_statuses(self) -> &'static [Status] {
        use Status::*;
        match self {
            // Straight to done: "close" works on work nobody formally started.
            Pending => &[InProgress, Done, Cancelled],
            InProgress => &[Blocked, Done, Cancelled],
            Blocked => &[InProgress, Cancelled],
            Done => &[InProgress],
            Cancelled | Deleted => &[],
        }
    }

    pub fn can_move_to(self, to: Status) -> bool {
        self.next_statuses().contains(&to)
    }

    /// Done and cancelled items are finished; reopening a done item unfinishes it.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Cancelled)
    }

    /// Pending, in progress or blocked: work still to do. Neither finished nor deleted.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Pending | Status::InProgress | Status::Blocked)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::InProgress => "in_progress",
            Status::Blocked => "blocked",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
            Status::Deleted => "deleted",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = DomainError;

    /// Accepts `in_progress`, `in-progress` and `inprogress`, in any case.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let normal = input.trim().to_ascii_lowercase().replace('-', "_");
        let found = match normal.as_str() {
            "inprogress" => Some(Status::InProgress),
            "canceled" => Some(Status::Cancelled),
            other => Status::ALL.into_iter().find(|s| s.as_str() == other),
        };
        found.ok_or_else(|| DomainError::InvalidValue {
            kind: "status",
            input: input.to_owned(),
            expected: "one of pending, in_progress, blocked, done, cancelled, deleted",
        })
    }
}

impl Status {
    /// The statuses a filter word names, as every front door takes it: one status, `open`
    /// (pending, in_progress, blocked) or `closed` (done, cancelled), in any case.
    pub fn named_by(word: &str) -> Result<Vec<Status>, DomainError> {
        match word.trim().to_ascii_lowercase().as_str() {
            "open" => Ok(vec![Status::Pending, Status::InProgress, Status::Blocked]),
            "closed" => Ok(vec![Status::Done, Status::Cancelled]),
            _ => word.parse().map(|status| vec![status]).map_err(|_| DomainError::InvalidValue {
                kind: "status",
                input: word.to_owned(),
                expected: "one of pending, in_progress, blocked, done, cancelled, deleted, open (the first three), closed (done, cancelled)",
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Status::{self, *};

    /// Every (from, to) pair, written out by hand from the specification.
    #[test]
    fn transition_table_covers_every_pair() {
        let allowed = [
            (Pending, InProgress),
            (Pending, Done),
            (Pending, Cancelled),
            (InProgress, Blocked),
            (InProgress, Done),
            (InProgress, Cancelled),
            (Blocked, InProgress),
            (Blocked, Cancelled),
            (Done, InProgress),
        ];
        let mut checked = 0;
        for from in Status::ALL {
            for to in Status::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(from.can_move_to(to), expected, "{from} -> {to}");
                checked += 1;
            }
        }
        assert_eq!(checked, 36);
    }

    #[test]
    fn parses_spellings() {
        assert_eq!("in-progress".parse::<Status>().unwrap(), InProgress);
        assert_eq!("IN_PROGRESS".parse::<Status>().unwrap(), InProgress);
        assert_eq!("done".parse::<Status>().unwrap(), Done);
        assert!("finished".parse::<Status>().is_err());
    }
}
