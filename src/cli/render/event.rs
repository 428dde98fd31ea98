//! Events for people: one line describing each, the history and event tables, stats and
//! sequence matches.

use std::fmt::Write as _;

use jerry::app::{SequenceMatch, Stats};
use jerry::domain::{Conflict, DependencyType, Resolution, WorkItemEvent};
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
                event.timestamp.to_string(),
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

/// A coverage as recorded, or `not recorded`.
pub(super) fn percent(coverage: Option<f64>) -> String {
    coverage.map_or_else(|| "not recorded".to_owned(), |c| format!("{c}%"))
}

pub(super) fn with_reason(text: String, reason: Option<&str>) -> String {
    match reason {
        Some(reason) => format!("{text} ({})", printable(reason)),
        None => text,
    }
}

pub(super) fn duration(millis: u64) -> String {
    match millis / 1000 {
        0 => format!("{:.1}s", millis as f64 / 1000.0),
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m {}s", s / 60, s % 60),
        s if s < 86_400 => format!("{}h {}m", s / 3600, (s % 3600) / 60),
        s => format!("{}d {}h", s / 86_400, (s % 86_400) / 3600),
    }
}

/// One line saying what an event did.
pub fn describe(event: &RecordedEvent) -> String {
    let Ok(Some(decoded)) = WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload)
    else {
        return format!("{} (not known to this version of jerry)", event.event_type);
    };
    match decoded {
        WorkItemEvent::Created(e) => format!(
            "created \"{}\" ({}, {})",
            printable(&e.title),
            e.work_type,
            e.priority
        ),
        WorkItemEvent::StatusChanged(e) => with_reason(
            format!("{} → {}", e.old_status, e.new_status),
            e.reason.as_deref(),
        ),
        WorkItemEvent::Completed(e) => with_reason(
            format!("finished as {} after {}", e.final_status, duration(e.duration_ms)),
            e.completion_reason.as_deref(),
        ),
        WorkItemEvent::CompletionWithdrawn(e) => format!(
            "withdrew the finish as {} after {} (undone)",
            e.final_status,
            duration(e.duration_ms)
        ),
        WorkItemEvent::PriorityChanged(e) => with_reason(
            format!("priority {} → {}", e.old_priority, e.new_priority),
            e.reason.as_deref(),
        ),
        WorkItemEvent::AssigneeChanged(e) => match (e.old_assignee, e.new_assignee) {
            (_, Some(new)) => format!("assigned to {}", printable(&new)),
            (Some(old), None) => format!("unassigned (was {})", printable(&old)),
            (None, None) => "unassigned".to_owned(),
        },
        WorkItemEvent::DependencyAdded(e) => match e.dependency_type {
            DependencyType::Blocks => format!("blocks {}", e.dependency_id),
            DependencyType::BlockedBy => format!("blocked by {}", e.dependency_id),
            DependencyType::Related => format!("related to {}", e.dependency_id),
        },
        WorkItemEvent::DependencyRemoved(e) => format!("dependency on {} removed", e.dependency_id),
        WorkItemEvent::TitleChanged(e) => format!("title → \"{}\"", printable(&e.new_title)),
        WorkItemEvent::DescriptionChanged(e) => match e.new_description {
            Some(text) => format!("description → \"{}\"", printable(&text)),
            None => "description removed".to_owned(),
        },
        WorkItemEvent::LabelAdded(e) => format!("label +{}", printable(&e.label)),
        WorkItemEvent::LabelRemoved(e) => format!("label -{}", printable(&e.label)),
        WorkItemEvent::CommentAdded(e) => format!("{}: \"{}\"", printable(&e.author), printable(&e.text)),
        WorkItemEvent::CommentRemoved(e) => format!(
            "comment by {} removed: \"{}\"",
            printable(&e.author),
            printable(&e.text)
        ),
        WorkItemEvent::ConflictResolved(e) => format!(
            "conflict at v{} settled: {}",
            e.conflict_version,
            match e.resolution {
                Resolution::Keep => "kept what the item held",
                Resolution::Take => "took the other side",
                Resolution::Set => "set another value",
            }
        ),
        WorkItemEvent::ConflictReopened(e) => {
            format!("conflict at v{} open again (undo)", e.conflict_version)
        }
        WorkItemEvent::Renumbered(e) => format!(
            "renumbered {} → {} by sync (another clone had {} first)",
            e.old_display_id, e.new_display_id, e.old_display_id
        ),
        WorkItemEvent::ParentChanged(e) => match e.new_parent {
            Some(parent) => format!("moved under {parent}"),
            None => "moved to the top (no parent)".to_owned(),
        },
        WorkItemEvent::QualityMetricsUpdated(e) => match e.metrics {
            Some(m) => format!(
                "quality: coverage {}, tests +{} -{} edge {}",
                percent(m.coverage),
                m.positive_tests,
                m.negative_tests,
                m.edge_tests
            ),
            None => "quality metrics cleared".to_owned(),
        },
        WorkItemEvent::DueDateChanged(e) => match e.new_due {
            Some(due) => format!("due {due}"),
            None => "due date removed".to_owned(),
        },
        WorkItemEvent::Claimed(e) => {
            let until = e.lease_until.map(|u| format!(" until {u}")).unwrap_or_default();
            let from = e
                .taken_from
                .map(|from| format!(" (taken over from {}, whose lease ran out)", printable(&from)))
                .unwrap_or_default();
            format!("claimed by {}{until}{from}", printable(&e.claimant))
        }
        WorkItemEvent::Released(e) => with_reason(
            match e.old_assignee {
                Some(who) => format!("released (was {})", printable(&who)),
                None => "released".to_owned(),
            },
            e.reason.as_deref(),
        ),
    }
}

pub fn event_table(events: &[RecordedEvent], style: Style) -> String {
    let rows = events
        .iter()
        .map(|event| {
            vec![
                event.position.to_string(),
                event.timestamp.to_string(),
                printable(&event.aggregate_id),
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
        printable(&event.aggregate_id),
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
