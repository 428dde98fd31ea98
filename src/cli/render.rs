//! Human renderings: tables and one-line descriptions of events. Machine output is serde.

use comfy_table::{Cell, Color, ContentArrangement, Table};

use jerry::app::{SequenceMatch, Stats};
use jerry::domain::{DependencyType, Status, WorkItem, WorkItemEvent};

use super::style::{truncate, Style};
use jerry::store::RecordedEvent;

/// Shows control characters as escapes so one item is always one table row; JSON keeps
/// the exact text.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A header, a rule under it, and one line per row: easy to read, and no frame to strip
/// when a human pipes it into grep (scripts should use `--json`).
const PRESET: &str = "    ────           ";

fn table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_preset(PRESET)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header);
    table
}

fn styled(mut table: Table, style: Style) -> String {
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.to_string()
}

fn status_cell(status: Status) -> Cell {
    let cell = Cell::new(status);
    match status {
        Status::Pending => cell,
        Status::InProgress => cell.fg(Color::Cyan),
        Status::Blocked => cell.fg(Color::Red),
        Status::Done => cell.fg(Color::Green),
        Status::Cancelled => cell.fg(Color::DarkGrey),
    }
}

/// A table of plain text rows whose last column gives way on a terminal: the other columns
/// keep their width and the last one ends in an ellipsis when it does not fit.
fn fitted_table(header: &[&str], rows: Vec<Vec<String>>, style: Style) -> String {
    let last = header.len() - 1;
    let room = style.width.map(|width| {
        let others: usize = (0..last)
            .map(|c| column_width(rows.iter().map(|r| r[c].as_str()), header[c]) + 3)
            .sum();
        width.saturating_sub(others + 4).max(6)
    });
    let mut table = table(header);
    for mut row in rows {
        if let Some(room) = room {
            row[last] = truncate(&row[last], room);
        }
        table.add_row(row);
    }
    styled(table, style)
}

/// The widest a column holding `cells` is, in characters.
fn column_width<'a>(cells: impl Iterator<Item = &'a str>, header: &str) -> usize {
    cells
        .map(|c| c.chars().count())
        .chain([header.chars().count()])
        .max()
        .unwrap_or(0)
}

pub fn item_table(items: &[WorkItem], style: Style) -> String {
    let header = ["ID", "TYPE", "PRIORITY", "STATUS", "ASSIGNEE", "TITLE"];
    let rows: Vec<[String; 6]> = items
        .iter()
        .map(|item| {
            [
                item.id.to_string(),
                item.work_type.to_string(),
                item.priority.to_string(),
                item.status.to_string(),
                item.assignee.as_deref().map(printable).unwrap_or_default(),
                printable(&item.title),
            ]
        })
        .collect();
    // On a terminal, titles give way so each item stays on one line: the other columns keep
    // their width, and a title that does not fit ends in an ellipsis.
    let title_room = style.width.map(|width| {
        let others: usize = (0..5)
            .map(|c| column_width(rows.iter().map(|r| r[c].as_str()), header[c]) + 3)
            .sum();
        width.saturating_sub(others + 4).max(6)
    });
    let mut table = table(&header);
    for (item, row) in items.iter().zip(rows) {
        let [id, kind, priority, _, assignee, title] = row;
        let title = match title_room {
            Some(room) => truncate(&title, room),
            None => title,
        };
        table.add_row(vec![
            Cell::new(id),
            Cell::new(kind),
            Cell::new(priority),
            status_cell(item.status),
            Cell::new(assignee),
            Cell::new(title),
        ]);
    }
    styled(table, style)
}

pub fn item_details(item: &WorkItem) -> String {
    let mut table = Table::new();
    table
        .load_preset(comfy_table::presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic);
    let dependencies: Vec<String> = item
        .dependencies
        .iter()
        .map(|d| format!("{} {}", d.kind, d.id))
        .collect();
    let rows = [
        ("id", item.id.to_string()),
        ("internal id", item.internal_id.to_string()),
        ("title", printable(&item.title)),
        ("type", item.work_type.to_string()),
        ("priority", item.priority.to_string()),
        ("status", item.status.to_string()),
        (
            "description",
            item.description.as_deref().map(printable).unwrap_or_default(),
        ),
        ("parent", item.parent.map(|p| p.to_string()).unwrap_or_default()),
        (
            "assignee",
            item.assignee.as_deref().map(printable).unwrap_or_default(),
        ),
        ("dependencies", dependencies.join(", ")),
        ("version", item.version.to_string()),
        ("created", item.created_at.to_string()),
        ("updated", item.updated_at.to_string()),
    ];
    for (key, value) in rows {
        table.add_row(vec![key.to_owned(), value]);
    }
    table.to_string()
}

pub fn history_table(events: &[RecordedEvent], style: Style) -> String {
    let rows = events
        .iter()
        .map(|event| {
            vec![
                event.version.to_string(),
                event.position.to_string(),
                event.timestamp.to_string(),
                event.event_type.clone(),
                printable(&event.metadata.actor),
                describe(event),
            ]
        })
        .collect();
    fitted_table(
        &["VERSION", "POS", "TIME", "EVENT", "ACTOR", "DETAILS"],
        rows,
        style,
    )
}

fn with_reason(text: String, reason: Option<&str>) -> String {
    match reason {
        Some(reason) => format!("{text} ({})", printable(reason)),
        None => text,
    }
}

fn duration(millis: u64) -> String {
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
    let mut table = table(&["KEY", "COUNT"]);
    for group in &stats.groups {
        table.add_row(vec![printable(&group.key), group.count.to_string()]);
    }
    table.add_row(vec!["total".to_owned(), stats.total.to_string()]);
    table.to_string()
}

pub fn sequence_table(found: &[SequenceMatch]) -> String {
    let mut table = table(&["ITEM", "FIRST", "AT", "THEN", "AT", "GAP"]);
    for m in found {
        table.add_row(vec![
            printable(&m.item),
            format!("{} (#{})", m.first.event_type, m.first.position),
            m.first.timestamp.to_string(),
            format!("{} (#{})", m.then.event_type, m.then.position),
            m.then.timestamp.to_string(),
            format!("{:.1}s", m.gap_seconds),
        ]);
    }
    table.to_string()
}
