//! Human renderings: tables and one-line descriptions of events. Machine output is serde.

use std::fmt::Write as _;

use comfy_table::{ContentArrangement, Table};

use jerry::app::ItemSummary;
use jerry::app::{SequenceMatch, Stats};
use jerry::domain::graph::Links;
use jerry::domain::{Conflict, DependencyType, Resolution, Status, WorkItem, WorkItemEvent};

use super::style::{truncate, width, Style};
use jerry::store::RecordedEvent;

/// Shows control characters as escapes so one item is always one table row; JSON keeps
/// the exact text.
/// [`printable`], borrowing `text` when nothing in it needs escaping.
fn printable_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if super::style::plain_ascii(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    if text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        std::borrow::Cow::Owned(printable(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

pub fn printable(text: &str) -> String {
    let hidden = |c: char| c.is_control() || is_bidi_control(c);
    if !text.chars().any(hidden) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The invisible characters that reorder text on screen (U+202E makes the rest of a line
/// read backwards): escaped like control characters, so a title cannot rewrite a table.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Left margin and the gap between columns.
const MARGIN: usize = 2;
const GAP: usize = 3;

/// Renders a header, a rule under it, and one line per row, columns padded to their widest
/// cell: easy to read, cheap at 100,000 rows, and with no frame to strip when a person pipes
/// it into grep (scripts should use `--json`). On a terminal the last column gives way, ending
/// in an ellipsis, so every row stays on one line. `paint` may colour a cell.
fn render<C: AsRef<str> + From<String>>(
    header: &[&str],
    mut rows: Vec<Vec<C>>,
    style: Style,
    paint: impl Fn(usize, usize) -> Option<&'static str>,
) -> String {
    let last = header.len() - 1;
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in &rows {
        for (column, cell) in widths.iter_mut().zip(row).take(last) {
            *column = (*column).max(width(cell.as_ref()));
        }
    }
    let fixed: usize = MARGIN + widths[..last].iter().map(|w| w + GAP).sum::<usize>();
    if let Some(width) = style.width {
        let room = width.saturating_sub(fixed).max(6);
        for row in &mut rows {
            row[last] = C::from(truncate(row[last].as_ref(), room));
        }
    }
    let last_width = rows
        .iter()
        .map(|row| width(row[last].as_ref()))
        .chain([width(header[last])])
        .max()
        .unwrap_or(0);
    let mut out = String::with_capacity((fixed + last_width + 1) * (rows.len() + 2));
    push_row(&mut out, header, &widths, |_| None);
    out.push_str(&"─".repeat(fixed + last_width));
    out.push('\n');
    for (index, row) in rows.iter().enumerate() {
        push_row(&mut out, row, &widths, |column| {
            paint(index, column).filter(|_| style.color)
        });
    }
    out.pop();
    out
}

/// `count` spaces, copied from a run of them rather than pushed one char at a time.
fn pad(out: &mut String, count: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = count;
    while left > 0 {
        let now = left.min(SPACES.len());
        out.push_str(&SPACES[..now]);
        left -= now;
    }
}

/// One line: the margin, each cell padded to its column (the last one not), coloured where
/// `colour` says.
fn push_row<C: AsRef<str>>(
    out: &mut String,
    cells: &[C],
    widths: &[usize],
    colour: impl Fn(usize) -> Option<&'static str>,
) {
    pad(out, MARGIN);
    let last = cells.len() - 1;
    for (column, cell) in cells.iter().enumerate() {
        let cell = cell.as_ref();
        match colour(column) {
            Some(code) => {
                out.push_str("\x1b[");
                out.push_str(code);
                out.push('m');
                out.push_str(cell);
                out.push_str("\x1b[39m");
            }
            None => out.push_str(cell),
        }
        if column < last {
            pad(out, widths[column].saturating_sub(width(cell)) + GAP);
        }
    }
    out.push('\n');
}

/// The ANSI colour of a status (none for pending).
fn status_colour(status: Status) -> Option<&'static str> {
    match status {
        Status::Pending => None,
        Status::InProgress => Some("36"),
        Status::Blocked => Some("31"),
        Status::Done => Some("32"),
        Status::Cancelled => Some("90"),
    }
}

/// A table with these headers and rows, for output shaped at run time (`--fields`).
pub fn table(header: &[String], rows: Vec<Vec<String>>, style: Style) -> String {
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    fitted_table(&header, rows, style)
}

/// A table of plain text rows whose last column gives way on a terminal.
fn fitted_table(header: &[&str], rows: Vec<Vec<String>>, style: Style) -> String {
    render(header, rows, style, |_, _| None)
}

/// The items as a table; a DUE column (the day) appears when any item has a due date.
pub fn item_table(items: &[WorkItem], style: Style) -> String {
    let rows: Vec<ItemSummary> = items.iter().map(ItemSummary::of).collect();
    let mut out = String::new();
    let _ = item_rows(&rows, style, |block| {
        out.push_str(block);
        Ok::<(), std::convert::Infallible>(())
    });
    out.pop();
    out
}

/// The list table of `rows` (ending in a newline), handed to `write` a block of about
/// 64 KB at a time: a table of 100,000 rows is never one string.
pub fn item_rows<E>(
    rows: &[ItemSummary],
    style: Style,
    mut write: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    const BLOCK: usize = 64 * 1024;
    let mut table = RowsTable::new(style);
    for row in rows {
        table.measure(row);
    }
    let mut text = String::with_capacity(BLOCK + 1024);
    table.header(&mut text);
    for row in rows {
        table.row(&mut text, row);
        if text.len() >= BLOCK {
            write(&text)?;
            text.clear();
        }
    }
    write(&text)
}

/// The list table's headers; DUE only when some item has a due date.
const HEADER: [&str; 7] = ["ID", "TYPE", "PRIORITY", "STATUS", "ASSIGNEE", "DUE", "TITLE"];
const TITLE: usize = 6;
const DUE: usize = 5;

/// The list table, what [`render`] draws, sized and then written a row at a time:
/// [`RowsTable::measure`] every row first, then the [`RowsTable::header`] and each
/// [`RowsTable::row`]. No cell is built that does not have to be.
struct RowsTable {
    style: Style,
    /// The widest cell of each column of [`HEADER`], its header included (the title's
    /// before it gives way on a terminal).
    widths: [usize; 7],
    with_due: bool,
}

impl RowsTable {
    fn new(style: Style) -> Self {
        Self {
            style,
            widths: HEADER.map(width),
            with_due: false,
        }
    }

    /// Widens the columns to hold `item`'s cells. (Ids and the names of types, priorities
    /// and statuses are ASCII: their width is their length.)
    fn measure(&mut self, item: &ItemSummary) {
        let due = item.due.map_or(0, |due| width(&due.day()));
        let cells = [
            item.id.text_len(),
            item.work_type.as_str().len(),
            item.priority.as_str().len(),
            item.status.as_str().len(),
            item.assignee.as_deref().map_or(0, |a| width(&printable_cow(a))),
            due,
            width(&printable_cow(&item.title)),
        ];
        for (widest, cell) in self.widths.iter_mut().zip(cells) {
            *widest = (*widest).max(cell);
        }
        self.with_due |= item.due.is_some();
    }

    /// The columns shown, in order.
    fn columns(&self) -> impl Iterator<Item = usize> + '_ {
        (0..HEADER.len()).filter(|&column| column != DUE || self.with_due)
    }

    /// The margin and every column before the title, with its gap.
    fn fixed(&self) -> usize {
        MARGIN
            + self
                .columns()
                .filter(|&column| column != TITLE)
                .map(|column| self.widths[column] + GAP)
                .sum::<usize>()
    }

    /// How wide a title may be: on a terminal, what is left of its width (at least 6).
    fn room(&self) -> Option<usize> {
        self.style
            .width
            .map(|columns| columns.saturating_sub(self.fixed()).max(6))
    }

    /// The header and the rule under it.
    fn header(&self, out: &mut String) {
        let title = self
            .room()
            .map_or(self.widths[TITLE], |room| self.widths[TITLE].min(room));
        pad(out, MARGIN);
        for column in self.columns() {
            self.cell(out, column, HEADER[column], HEADER[column].len(), None);
        }
        out.push('\n');
        out.push_str(&"─".repeat(self.fixed() + title.max(width(HEADER[TITLE]))));
        out.push('\n');
    }

    /// One item's line.
    fn row(&self, out: &mut String, item: &ItemSummary) {
        pad(out, MARGIN);
        let _ = write!(out, "{}", item.id);
        pad(out, self.widths[0].saturating_sub(item.id.text_len()) + GAP);
        let ascii = |text: &'static str| (text, text.len());
        let (kind, kind_width) = ascii(item.work_type.as_str());
        self.cell(out, 1, kind, kind_width, None);
        let (priority, priority_width) = ascii(item.priority.as_str());
        self.cell(out, 2, priority, priority_width, None);
        let colour = status_colour(item.status).filter(|_| self.style.color);
        let (status, status_width) = ascii(item.status.as_str());
        self.cell(out, 3, status, status_width, colour);
        let assignee = item.assignee.as_deref().map(printable_cow).unwrap_or_default();
        self.cell(out, 4, &assignee, width(&assignee), None);
        if self.with_due {
            let due = item.due.map(|due| due.day()).unwrap_or_default();
            self.cell(out, DUE, &due, width(&due), None);
        }
        let title = printable_cow(&item.title);
        match self.room() {
            Some(room) if width(&title) > room => out.push_str(&truncate(&title, room)),
            _ => out.push_str(&title),
        }
        out.push('\n');
    }

    /// A cell `text_width` wide, coloured if `colour` says, padded to its column; the
    /// title, last, is not padded but gives way on a terminal.
    fn cell(&self, out: &mut String, column: usize, text: &str, text_width: usize, colour: Option<&str>) {
        if column == TITLE {
            match self.room() {
                Some(room) if text_width > room => out.push_str(&truncate(text, room)),
                _ => out.push_str(text),
            }
            return;
        }
        match colour {
            Some(code) => {
                out.push_str("\x1b[");
                out.push_str(code);
                out.push('m');
                out.push_str(text);
                out.push_str("\x1b[39m");
            }
            None => out.push_str(text),
        }
        pad(out, self.widths[column].saturating_sub(text_width) + GAP);
    }
}

/// `held by ann until …`, or whose lease ran out.
fn claim_words(claim: &jerry::domain::Claim) -> String {
    let holder = printable(&claim.holder);
    match (claim.expired, claim.until) {
        (true, Some(until)) => format!("{holder}'s lease ran out at {until}"),
        (true, None) => format!("{holder}'s claim lapsed"),
        (false, Some(until)) => format!("held by {holder} until {until}"),
        (false, None) => format!("held by {holder} (no lease)"),
    }
}

pub fn item_details(item: &WorkItem, links: &Links) -> String {
    let ids = |ids: &[jerry::domain::WorkItemId]| {
        ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    };
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
            "blocked because",
            item.blocked_reason.as_deref().map(printable).unwrap_or_default(),
        ),
        ("due", item.due.map(|d| d.to_string()).unwrap_or_default()),
        (
            "description",
            item.description.as_deref().map(printable).unwrap_or_default(),
        ),
        ("parent", item.parent.map(|p| p.to_string()).unwrap_or_default()),
        (
            "assignee",
            item.assignee.as_deref().map(printable).unwrap_or_default(),
        ),
        ("claim", item.claim.as_ref().map(claim_words).unwrap_or_default()),
        ("dependencies", dependencies.join(", ")),
        ("children", ids(&links.children)),
        ("blocks", ids(&links.blocks)),
        ("blocked by", ids(&links.blocked_by)),
        ("related", ids(&links.related)),
        ("labels", item.labels.join(", ")),
        (
            "quality",
            item.quality
                .map(|q| {
                    format!(
                        "coverage {}, tests +{} -{} edge {}",
                        percent(q.coverage),
                        q.positive_tests,
                        q.negative_tests,
                        q.edge_tests
                    )
                })
                .unwrap_or_default(),
        ),
        ("version", item.version.to_string()),
        ("created", item.created_at.to_string()),
        ("updated", item.updated_at.to_string()),
    ];
    for (key, value) in rows {
        // Optional facts without a value are left out rather than shown blank.
        let optional = matches!(
            key,
            "blocked because" | "due" | "children" | "blocks" | "blocked by" | "related"
        );
        if optional && value.is_empty() {
            continue;
        }
        table.add_row(vec![key.to_owned(), value]);
    }
    // Events merged from another clone that did not fit: kept, not applied, shown here
    // until someone settles them.
    for conflict in &item.conflicts {
        table.add_row(vec![
            "conflict".to_owned(),
            format!(
                "v{} {} not applied: {}",
                conflict.version,
                conflict.event_type,
                printable(&conflict.reason)
            ),
        ]);
    }
    if !item.conflicts.is_empty() {
        table.add_row(vec![
            "settle with".to_owned(),
            format!("jerry items resolve {} --keep | --take | --set VALUE", item.id),
        ]);
    }
    for comment in &item.comments {
        table.add_row(vec![
            "comment".to_owned(),
            format!(
                "{} {}: {}",
                comment.at,
                printable(&comment.author),
                printable(&comment.text)
            ),
        ]);
    }
    table.to_string()
}

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
fn percent(coverage: Option<f64>) -> String {
    coverage.map_or_else(|| "not recorded".to_owned(), |c| format!("{c}%"))
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

/// `items blocked`: each waiting item and what blocks it: the open items it waits on, and
/// the reason it was blocked by hand, quoted.
pub fn blocked_table(blocked: &[jerry::domain::graph::BlockedItem]) -> String {
    let rows: Vec<Vec<String>> = blocked
        .iter()
        .map(|b| {
            vec![
                b.item.id.to_string(),
                b.item.priority.to_string(),
                b.item.status.to_string(),
                b.blocked_by
                    .iter()
                    .map(ToString::to_string)
                    .chain(
                        b.item
                            .blocked_reason
                            .iter()
                            .map(|r| format!("\"{}\"", printable(r))),
                    )
                    .collect::<Vec<_>>()
                    .join(", "),
                printable(&b.item.title),
            ]
        })
        .collect();
    let mut out = format!(
        "  {:<10} {:<9} {:<8} {:<22} {}\n",
        "ID", "PRIORITY", "STATUS", "BLOCKED BY", "TITLE"
    );
    for row in rows {
        let _ = writeln!(
            out,
            "  {:<10} {:<9} {:<8} {:<22} {}",
            row[0], row[1], row[2], row[3], row[4]
        );
    }
    out.trim_end().to_owned()
}

/// `items tree`: one line per item, indented under its parent with box-drawing guides, its
/// blocking links after the title.
pub fn tree(roots: &[jerry::domain::graph::TreeNode]) -> String {
    fn walk(
        node: &jerry::domain::graph::TreeNode,
        prefix: &str,
        last: bool,
        top: bool,
        out: &mut Vec<String>,
    ) {
        let (branch, extend) = match (top, last) {
            (true, _) => ("", ""),
            (false, true) => ("└── ", "    "),
            (false, false) => ("├── ", "│   "),
        };
        let mut links = Vec::new();
        if !node.blocked_by.is_empty() {
            links.push(format!(
                "blocked by {}",
                node.blocked_by
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !node.blocks.is_empty() {
            links.push(format!(
                "blocks {}",
                node.blocks
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !node.related.is_empty() {
            links.push(format!(
                "related to {}",
                node.related
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let links = if links.is_empty() {
            String::new()
        } else {
            format!("  [{}]", links.join("; "))
        };
        out.push(format!(
            "{prefix}{branch}{} {} {} \"{}\"{links}",
            node.id,
            node.work_type,
            node.status,
            printable(&node.title)
        ));
        let child_prefix = format!("{prefix}{extend}");
        for (index, child) in node.children.iter().enumerate() {
            walk(child, &child_prefix, index + 1 == node.children.len(), false, out);
        }
    }
    let mut lines = Vec::new();
    for root in roots {
        walk(root, "", true, true, &mut lines);
    }
    lines.join("\n")
}
