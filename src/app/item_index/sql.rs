//! Filters as SQL: the conditions that narrow a query to the rows that may match, and a
//! cheap test of a row's JSON before it is decoded.

use super::*;
use crate::app::{Assignee, ItemFilter, Waiting};

/// Whether a row whose JSON text is `json` may hold an item a search for `needle` (lower
/// case, printable ASCII but `"` and `\`, all of which JSON writes as they are) keeps:
/// when the text holds the needle in any ASCII case, or any character beyond ASCII —
/// Unicode lower-casing makes ASCII of a few (the Kelvin sign becomes `k`), so such a row
/// is left to the search itself. A superset, never a miss, at memchr's speed rather than
/// decoding every row.
pub(super) fn may_mention(json: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    !json.is_ascii()
        || memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), json).any(|at| {
            json.get(at..at + needle.len())
                .is_some_and(|window| window.eq_ignore_ascii_case(needle))
        })
}

/// SQL conditions on the `items` table (with their values, in order) that every item
/// `filter` keeps meets, each a superset of the filter's own test (a label by its JSON text
/// anywhere in the item); status and assignee are or'ed with a lapse by `lapse`.
pub(super) fn narrowing(
    filter: &ItemFilter,
    lapse: Lapse,
) -> Result<(Vec<String>, Vec<rusqlite::types::Value>), IndexError> {
    use rusqlite::types::Value;
    let mut conditions = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut one_of = |column: &str, wanted: Vec<String>, conditions: &mut Vec<String>| {
        if !wanted.is_empty() {
            conditions.push(format!("{column} IN ({})", vec!["?"; wanted.len()].join(", ")));
            values.extend(wanted.into_iter().map(Value::Text));
        }
    };
    one_of(
        "work_type",
        filter.types.iter().map(ToString::to_string).collect(),
        &mut conditions,
    );
    one_of(
        "priority",
        filter.priorities.iter().map(ToString::to_string).collect(),
        &mut conditions,
    );
    let mut held = Vec::new();
    one_of(
        "status",
        filter.statuses.iter().map(ToString::to_string).collect(),
        &mut held,
    );
    match &filter.assignee {
        Some(Assignee::Nobody) => held.push("assignee IS NULL".to_owned()),
        Some(Assignee::Named(who)) => {
            held.push("assignee = ?".to_owned());
            values.push(Value::Text(who.clone()));
        }
        None => {}
    }
    if !held.is_empty() {
        let lapsed = match lapse {
            Lapse::By(now) => {
                values.push(Value::Integer(now.unix_micros()));
                " OR lapses_at <= ?"
            }
            Lapse::Never => "",
        };
        conditions.push(format!("(({}){lapsed})", held.join(" AND ")));
    }
    match filter.waiting {
        Waiting::Kept => {}
        Waiting::Hidden(at) => {
            conditions.push("(wait IS NULL OR wait <= ?)".to_owned());
            values.push(Value::Integer(at.unix_micros()));
        }
        Waiting::Only(at) => {
            conditions.push("wait > ?".to_owned());
            values.push(Value::Integer(at.unix_micros()));
        }
    }
    if let Some(parent) = filter.parent {
        conditions.push("parent = ?".to_owned());
        values.push(Value::Integer(parent.number() as i64));
    }
    for label in &filter.labels {
        conditions.push("instr(json, ?) > 0".to_owned());
        values.push(Value::Text(serde_json::to_string(label)?));
    }
    for before in [filter.due_before, filter.overdue_at].into_iter().flatten() {
        conditions.push("due < ?".to_owned());
        values.push(Value::Integer(before.unix_micros()));
    }
    // A needle JSON would escape (a quote, a backslash, a control character) or that is not
    // ASCII is left to the search alone: its text in the row is not the needle's.
    if let Some(needle) = filter.search.as_deref().map(str::to_lowercase) {
        if needle
            .bytes()
            .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
        {
            conditions.push("jerry_may_mention(json, ?)".to_owned());
            values.push(Value::Text(needle));
        }
    }
    Ok((conditions, values))
}

/// `conditions` joined with `AND`, after `lead` (`WHERE`, or `AND` to extend one); empty
/// for none.
pub(super) fn where_clause(conditions: &[String], lead: &str) -> String {
    if conditions.is_empty() {
        String::new()
    } else {
        format!("{lead} {}", conditions.join(" AND "))
    }
}
