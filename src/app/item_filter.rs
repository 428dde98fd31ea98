//! What `items list`, `ready` and `next` are asked for: the filter, its words (an
//! assignee, a sort key), how an item is matched and ordered, and when the item index can
//! answer it alone.

use crate::domain::{DomainError, Priority, Status, WorkItem, WorkItemId, WorkType};
use crate::timestamp::Timestamp;

/// Filters for `items list` (and `items ready`). Within one field any listed value
/// matches; across fields every given field must match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemFilter {
    pub statuses: Vec<Status>,
    pub types: Vec<WorkType>,
    pub priorities: Vec<Priority>,
    pub assignee: Option<Assignee>,
    pub parent: Option<WorkItemId>,
    /// Items carrying every one of these labels.
    pub labels: Vec<String>,
    /// Text the title, the description or a comment contains, ignoring case.
    pub search: Option<String>,
    /// Open items whose due date is before this moment (`--overdue` passes now).
    pub overdue_at: Option<Timestamp>,
    /// Items due before this moment.
    pub due_before: Option<Timestamp>,
    pub sort: Option<SortKey>,
    pub reverse: bool,
    pub limit: Option<usize>,
    /// The state as of this moment instead of now.
    pub at: Option<Timestamp>,
    /// Archived items too (`--archived`); a list `at` a past moment always has them.
    pub archived: bool,
    /// Only items with open conflicts: events merged from another clone that did not fit.
    pub conflicts: bool,
    /// What to do with open items that wait (`items edit --wait`) past a moment.
    pub waiting: Waiting,
    /// Only stale work (`items list --stale`): open items whose claim ran out, and items in
    /// progress nobody changed since this moment.
    pub stale_before: Option<Timestamp>,
    /// With `limit`: matches past this many are not counted (the total then reads "more
    /// than N"), so a page costs what it shows however many items match. `None`: all
    /// are counted (what MCP and the board report).
    pub count_up_to: Option<usize>,
}

/// Whether a filter keeps open items that still wait at a moment (see
/// [`WorkItem::waiting_at`]): the default list, `ready` and `next` hide them, `items list
/// --waiting` lists only them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Waiting {
    /// Waiting or not.
    #[default]
    Kept,
    /// Not those still waiting at this moment.
    Hidden(Timestamp),
    /// Only those still waiting at this moment.
    Only(Timestamp),
}

impl Waiting {
    pub(crate) fn keeps(self, item: &WorkItem) -> bool {
        match self {
            Waiting::Kept => true,
            Waiting::Hidden(at) => !item.waiting_at(at),
            Waiting::Only(at) => item.waiting_at(at),
        }
    }
}

/// What a list's table shows of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSummary {
    pub id: WorkItemId,
    pub work_type: WorkType,
    pub priority: Priority,
    pub status: Status,
    pub assignee: Option<String>,
    pub due: Option<Timestamp>,
    pub title: String,
}

impl ItemSummary {
    pub fn of(item: &WorkItem) -> Self {
        Self {
            id: item.id,
            work_type: item.work_type,
            priority: item.priority,
            status: item.status,
            assignee: item.assignee.clone(),
            due: item.due,
            title: item.title.clone(),
        }
    }
}

/// Whom an assignee filter asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignee {
    /// Unassigned items (`--assignee none`).
    Nobody,
    Named(String),
}

impl Assignee {
    /// The filter word as every front door takes it: `none`, in any case, is nobody.
    pub fn from_word(word: impl Into<String>) -> Self {
        let word = word.into();
        if word.trim().eq_ignore_ascii_case("none") {
            Assignee::Nobody
        } else {
            Assignee::Named(word)
        }
    }
}

/// What `items list --sort` orders by; ties are broken by id, and the default is id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Most urgent first.
    Priority,
    Created,
    /// Most recently updated first.
    Updated,
    /// Earliest first; items without a due date last.
    Due,
    Id,
    /// In the order of the status graph: pending, in progress, blocked, done, cancelled.
    Status,
}

impl SortKey {
    /// Every key's word, as `--sort` and the MCP `list` tool take it.
    pub const NAMES: [&'static str; 6] = ["priority", "created", "updated", "due", "id", "status"];
}

impl std::str::FromStr for SortKey {
    type Err = DomainError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Ok(match input.trim().to_ascii_lowercase().as_str() {
            "priority" => SortKey::Priority,
            "created" => SortKey::Created,
            "updated" => SortKey::Updated,
            "due" => SortKey::Due,
            "id" => SortKey::Id,
            "status" => SortKey::Status,
            _ => {
                return Err(DomainError::InvalidValue {
                    kind: "sort key",
                    input: input.to_owned(),
                    expected: "one of priority, created, updated, due, id, status",
                })
            }
        })
    }
}

impl ItemFilter {
    pub(crate) fn matches(&self, item: &WorkItem, needle: Option<&str>) -> bool {
        // No status asked: any but deleted, which only `--status deleted` lists.
        (if self.statuses.is_empty() {
            item.status != Status::Deleted
        } else {
            self.statuses.contains(&item.status)
        }) && (self.types.is_empty() || self.types.contains(&item.work_type))
            && (self.priorities.is_empty() || self.priorities.contains(&item.priority))
            && self.assignee.as_ref().is_none_or(|a| match a {
                Assignee::Nobody => item.assignee.is_none(),
                Assignee::Named(who) => item.assignee.as_ref() == Some(who),
            })
            && self.parent.is_none_or(|p| item.parent == Some(p))
            && self.labels.iter().all(|l| item.labels.contains(l))
            && self
                .overdue_at
                .is_none_or(|now| item.status.is_open() && item.due.is_some_and(|due| due < now))
            && self
                .due_before
                .is_none_or(|at| item.due.is_some_and(|due| due < at))
            && needle.is_none_or(|needle| mentions(item, needle))
            && (!self.conflicts || !item.conflicts.is_empty())
            && self.waiting.keeps(item)
            && self.stale_before.is_none_or(|cutoff| is_stale(item, cutoff))
    }

    /// The matching items of `items`, in the order asked for.
    pub(crate) fn apply(&self, items: impl IntoIterator<Item = WorkItem>) -> Vec<WorkItem> {
        let needle = self.search.as_ref().map(|s| s.to_lowercase());
        let mut matching: Vec<WorkItem> = items
            .into_iter()
            .filter(|item| self.matches(item, needle.as_deref()))
            .collect();
        if let Some(key) = self.sort {
            matching.sort_by(|a, b| compare(key, a, b).then(a.id.cmp(&b.id)));
        }
        if self.reverse {
            matching.reverse();
        }
        matching
    }
}

/// Open work whose claim ran out (read at the list's moment, so a lapsed claim says
/// `expired`), or work in progress untouched since `cutoff`: what a fleet's supervisor
/// looks at.
fn is_stale(item: &WorkItem, cutoff: Timestamp) -> bool {
    let lapsed = item.status.is_open() && item.claim.as_ref().is_some_and(|claim| claim.expired);
    let untouched = item.status == Status::InProgress && item.updated_at < cutoff;
    lapsed || untouched
}

/// True when the title, the description or a comment contains `needle` (lower case).
fn mentions(item: &WorkItem, needle: &str) -> bool {
    let has = |text: &str| text.to_lowercase().contains(needle);
    has(&item.title)
        || item.description.as_deref().is_some_and(has)
        || item.comments.iter().any(|c| has(&c.text))
}

fn compare(key: SortKey, a: &WorkItem, b: &WorkItem) -> std::cmp::Ordering {
    match key {
        SortKey::Priority => a.priority_rank().cmp(&b.priority_rank()),
        SortKey::Created => a.created_at.cmp(&b.created_at),
        // The most recently changed first, as people look for what just moved.
        SortKey::Updated => b.updated_at.cmp(&a.updated_at),
        SortKey::Due => (a.due.is_none(), a.due).cmp(&(b.due.is_none(), b.due)),
        SortKey::Id => a.id.cmp(&b.id),
        SortKey::Status => a.status.cmp(&b.status),
    }
}

/// True when the item index holds what `filter` asks for: it has no row for a deleted item.
pub(crate) fn indexed(filter: &ItemFilter) -> bool {
    !filter.statuses.contains(&Status::Deleted)
}

/// True when a filter asks for nothing but statuses and a limit: what the indexed read model
/// answers without loading every item.
pub(crate) fn only_status_and_limit(filter: &ItemFilter) -> bool {
    let ItemFilter {
        statuses: _,
        types,
        priorities,
        assignee,
        parent,
        labels,
        search,
        overdue_at,
        due_before,
        sort,
        reverse,
        limit: _,
        at,
        archived,
        conflicts,
        waiting,
        stale_before,
        count_up_to: _,
    } = filter;
    // Hidden waiting items: each such read first asks the index whether any item waits
    // (`ItemIndex::hides_nothing`), and is answered otherwise when one does.
    !matches!(waiting, Waiting::Only(_))
        && types.is_empty()
        && stale_before.is_none()
        && !conflicts
        && priorities.is_empty()
        && assignee.is_none()
        && parent.is_none()
        && labels.is_empty()
        && search.is_none()
        && overdue_at.is_none()
        && due_before.is_none()
        && sort.is_none()
        && !reverse
        && !archived
        && at.is_none()
}
