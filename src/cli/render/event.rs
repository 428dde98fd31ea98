//! Events for people: one line describing each, the history and event tables, stats and
//! sequence matches.

use std::fmt::Write as _;

use jerry::app::{SequenceMatch, Stats};
use jerry::domain::{Conflict, WorkItemEvent};
use jerry::store::RecordedEvent;

use super::*;
use crate::cli::style::Style;

pub fn history_table(events: &[RecordedEvent], conflicts: &[Conflict], style: Style) -> String {
    let rows = events
        .iter()
        .map(|event| {
            let mut details = describe(event);
            match conflicts.iter().find(|c| c.version == event.version) {
                Some(Conflict {
                    resolved: Some(resolved),
                    ..
                }) => {
                    let _ = write!(
                        details,
                        " [conflict: not applied; settled at v{}]",
                        resolved.version
                    );
                }
                Some(_) => details.push_str(" [conflict: not applied]"),
                None => {}
            }
            vec![
                event.version.to_string(),
                event.position.to_string(),
                style.times.logged(event.timestamp),
                event.event_type.clone(),
                printable(&event.metadata.actor),
                details,
            ]
        })
        .collect();
    fitted_table(
        &["VERSION", "POS", "TIME", "EVENT", "ACTOR", "DETAILS"],
        rows,
        style,
    )
}

/// One line saying what an event did.
pub fn describe(event: &RecordedEvent) -> String {
    let Ok(Some(decoded)) = WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload)
    else {
        return format!("{} (not known to this version of jerry)", event.event_type);
    };
    printable(&decoded.describe())
}

/// The item an event is about, as ids are shown here (the project's prefix): the log
/// stores `WORK-007` whatever the prefix.
pub fn shown_item(event: &RecordedEvent) -> String {
    match event.aggregate_id.parse::<jerry::domain::WorkItemId>() {
        Ok(id) if event.aggregate_type == jerry::domain::AGGREGATE_TYPE => id.to_string(),
        _ => printable(&event.aggregate_id),
    }
}

pub fn event_table(events: &[RecordedEvent], style: Style) -> String {
    let rows = events
        .iter()
        .map(|event| {
            vec![
                event.position.to_string(),
                style.times.logged(event.timestamp),
                shown_item(event),
                event.event_type.clone(),
                event.version.to_string(),
                printable(&event.metadata.actor),
                describe(event),
            ]
        })
        .collect();
    fitted_table(
        &["POS", "TIME", "ITEM", "EVENT", "VER", "ACTOR", "DETAILS"],
        rows,
        style,
    )
}

/// One event on one line, for `events follow`.
pub fn event_line(event: &RecordedEvent) -> String {
    format!(
        "{:>6}  {}  {}  v{}  {}  {}  {}",
        event.position,
        event.timestamp,
        shown_item(event),
        event.version,
        event.event_type,
        printable(&event.metadata.actor),
        describe(event)
    )
}

pub fn stats_table(stats: &Stats) -> String {
    let mut rows: Vec<Vec<String>> = stats
        .groups
        .iter()
        .map(|group| vec![printable(&group.key), group.count.to_string()])
        .collect();
    rows.push(vec!["total".to_owned(), stats.total.to_string()]);
    render(&["KEY", "COUNT"], rows, Style::default(), |_, _| None)
}

pub fn sequence_table(found: &[SequenceMatch]) -> String {
    let rows = found
        .iter()
        .map(|m| {
            vec![
                printable(&m.item),
                format!("{} (#{})", m.first.event_type, m.first.position),
                m.first.timestamp.to_string(),
                format!("{} (#{})", m.then.event_type, m.then.position),
                m.then.timestamp.to_string(),
                format!("{:.1}s", m.gap_seconds),
            ]
        })
        .collect();
    render(
        &["ITEM", "FIRST", "AT", "THEN", "AT", "GAP"],
        rows,
        Style::default(),
        |_, _| None,
    )
}
