//! How urgent open work is: one number per item, the sum of documented terms, as
//! Taskwarrior ranks `task next`. Each term is a coefficient (configurable under
//! `[urgency]` in the settings) times a factor between 0 and 1 the item earns.

use std::collections::BTreeMap;

use serde::Serialize;

use super::graph::{blocking_edges, OpenLinks};
use super::{Priority, Status, WorkItem, WorkItemId};
use crate::timestamp::Timestamp;

/// The terms, with their default coefficients, in the order `--explain` shows them.
pub const TERMS: [(&str, f64, &str); 7] = [
    (
        "priority",
        6.0,
        "critical 1.33, high 1, medium 0.65, low 0.3 (of the coefficient)",
    ),
    (
        "due",
        12.0,
        "0.2 when due in 14 days or more, rising to 1 at 7 days overdue",
    ),
    ("age", 2.0, "the item's age as a share of a year, at most 1"),
    ("blocking", 8.0, "1 when the item blocks open work"),
    (
        "blocked",
        -5.0,
        "1 when the item waits on an open blocker or is blocked by hand",
    ),
    ("in_progress", 4.0, "1 when the item is in progress"),
    ("unassigned", 0.5, "1 when nobody is assigned"),
];

/// An item's urgency and the terms it is the sum of (each already times its coefficient;
/// terms that add nothing are left out).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Urgency {
    pub score: f64,
    pub terms: BTreeMap<&'static str, f64>,
}

/// The coefficients: the defaults, each one the settings name replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Coefficients(BTreeMap<&'static str, f64>);

impl Default for Coefficients {
    fn default() -> Self {
        Self(TERMS.iter().map(|(name, value, _)| (*name, *value)).collect())
    }
}

impl Coefficients {
    /// The defaults with `set` over them; a name that is no term is `Err` with it.
    pub fn with(set: &BTreeMap<String, f64>) -> Result<Self, String> {
        let mut coefficients = Self::default();
        for (name, value) in set {
            let Some((term, _, _)) = TERMS.iter().find(|(term, _, _)| term == name) else {
                return Err(name.clone());
            };
            coefficients.0.insert(term, *value);
        }
        Ok(coefficients)
    }

    fn of(&self, term: &str) -> f64 {
        self.0.get(term).copied().unwrap_or(0.0)
    }
}

/// Every open item of `items` with its urgency, the most urgent first (ties by id).
pub fn rank(
    items: &BTreeMap<WorkItemId, WorkItem>,
    coefficients: &Coefficients,
    now: Timestamp,
) -> Vec<(WorkItem, Urgency)> {
    let links = OpenLinks::of(items);
    let mut blocking = std::collections::BTreeSet::new();
    for (blocker, blocked) in blocking_edges(items.values()) {
        if blocker != blocked && items.get(&blocked).is_some_and(|b| b.status.is_open()) {
            blocking.insert(blocker);
        }
    }
    let mut ranked: Vec<(WorkItem, Urgency)> = items
        .values()
        .filter(|item| item.status.is_open())
        .map(|item| {
            let facts = Facts {
                blocking: blocking.contains(&item.id),
                blocked: item.status == Status::Blocked || !links.blockers(item.id).is_empty(),
            };
            (item.clone(), urgency(item, facts, coefficients, now))
        })
        .collect();
    ranked.sort_by(|(a, ua), (b, ub)| ub.score.total_cmp(&ua.score).then(a.id.cmp(&b.id)));
    ranked
}

/// What the links say about an item.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts {
    pub blocking: bool,
    pub blocked: bool,
}

/// One item's urgency at `now`.
pub fn urgency(item: &WorkItem, facts: Facts, coefficients: &Coefficients, now: Timestamp) -> Urgency {
    const DAY: f64 = 86_400.0;
    let priority = match item.priority {
        Priority::Critical => 1.33,
        Priority::High => 1.0,
        Priority::Medium => 0.65,
        Priority::Low => 0.3,
    };
    let due = item.due.map_or(0.0, |due| {
        // Days until due (negative: overdue), from 14 ahead (0.2) to 7 overdue (1).
        let days = (due.unix_micros() - now.unix_micros()) as f64 / 1e6 / DAY;
        if days >= 14.0 {
            0.2
        } else if days <= -7.0 {
            1.0
        } else {
            0.2 + 0.8 * (14.0 - days) / 21.0
        }
    });
    let age = (now.seconds_since(&item.created_at) as f64 / (365.0 * DAY)).min(1.0);
    let factors = [
        ("priority", priority),
        ("due", due),
        ("age", age),
        ("blocking", f64::from(u8::from(facts.blocking))),
        ("blocked", f64::from(u8::from(facts.blocked))),
        (
            "in_progress",
            f64::from(u8::from(item.status == Status::InProgress)),
        ),
        ("unassigned", f64::from(u8::from(item.assignee.is_none()))),
    ];
    let mut terms = BTreeMap::new();
    for (term, factor) in factors {
        let value = factor * coefficients.of(term);
        if value != 0.0 {
            terms.insert(term, round(value));
        }
    }
    Urgency {
        score: round(terms.values().sum()),
        terms,
    }
}

/// To three decimals, so that what is shown adds up to what is sorted by.
fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DependencyType, NewWorkItem};

    fn at(day: i64) -> Timestamp {
        Timestamp::from_unix_micros(1_767_225_600_000_000 + day * 86_400_000_000).unwrap()
    }

    fn item(id: u64, priority: Priority) -> WorkItem {
        let created = NewWorkItem {
            title: "t".into(),
            priority,
            ..NewWorkItem::default()
        }
        .created(WorkItemId::new(id).unwrap(), ulid::Ulid::new());
        WorkItem::replay([(Some(created), 1, at(0), "t")])
            .unwrap()
            .unwrap()
    }

    #[test]
    fn each_term_is_its_factor_times_its_coefficient() {
        let mut items = BTreeMap::new();
        let blocker = item(1, Priority::Low);
        let mut waiting = item(2, Priority::High);
        for event in waiting
            .add_dependency(blocker.id, DependencyType::BlockedBy)
            .unwrap()
        {
            waiting.apply(Some(&event), 2, at(0), "t");
        }
        let mut due = item(3, Priority::Medium);
        due.due = Some(at(30 + 3));
        items.insert(blocker.id, blocker);
        items.insert(waiting.id, waiting);
        items.insert(due.id, due);
        let ranked = rank(&items, &Coefficients::default(), at(30));
        let score = |id: u64| {
            ranked
                .iter()
                .find(|(item, _)| item.id.number() == id)
                .map(|(_, u)| u.clone())
                .unwrap()
        };
        // The low blocker outranks the high item it blocks.
        assert!((score(1).terms["blocking"] - 8.0).abs() < f64::EPSILON);
        assert!((score(2).terms["blocked"] + 5.0).abs() < f64::EPSILON);
        assert!(score(1).score > score(2).score);
        // Due in 3 days: 0.2 + 0.8 × 11/21 of 12.
        assert!((score(3).terms["due"] - 12.0 * (0.2 + 0.8 * 11.0 / 21.0)).abs() < 0.001);
        let age = 2.0 * 30.0 / 365.0;
        assert!((score(3).terms["age"] - age).abs() < 0.001);
        for (_, urgency) in &ranked {
            let sum: f64 = urgency.terms.values().sum();
            assert!((sum - urgency.score).abs() < 0.01);
        }
        // A coefficient set to 0 takes its term away; an unknown name is refused.
        let quiet = Coefficients::with(&[("blocking".to_owned(), 0.0)].into()).unwrap();
        assert!(!rank(&items, &quiet, at(30))[0].1.terms.contains_key("blocking"));
        assert_eq!(
            Coefficients::with(&[("colour".to_owned(), 1.0)].into()),
            Err("colour".to_owned())
        );
    }
}
