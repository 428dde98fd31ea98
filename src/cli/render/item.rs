//! Items for people: the list table (fitted to the terminal), one item's details.

use std::fmt::Write as _;

use comfy_table::{ContentArrangement, Table};

use jerry::app::ItemSummary;
use jerry::domain::graph::Links;
use jerry::domain::WorkItem;

use super::*;
use crate::cli::style::{truncate, width, Style};
use crate::door::fields::item_fields;

/// The items as a table; a DUE column (`in 2d`, or as `time_format` says) appears when any
/// item has a due date.
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
    if style.markdown {
        let with_due = rows.iter().any(|row| row.due.is_some());
        let header: Vec<&str> = HEADER
            .iter()
            .enumerate()
            .filter(|(column, _)| *column != DUE || with_due)
            .map(|(_, name)| *name)
            .collect();
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                let mut cells = vec![
                    row.id.to_string(),
                    row.work_type.as_str().to_owned(),
                    row.priority.as_str().to_owned(),
                    row.status.as_str().to_owned(),
                    row.assignee.as_deref().map(printable).unwrap_or_default(),
                ];
                if with_due {
                    cells.push(row.due.map(|due| style.times.moment(due)).unwrap_or_default());
                }
                cells.push(printable(&row.title));
                cells
            })
            .collect();
        let mut text = super::markdown(&header, &cells);
        text.push('\n');
        return write(&text);
    }
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
pub(super) const HEADER: [&str; 7] = ["ID", "TYPE", "PRIORITY", "STATUS", "ASSIGNEE", "DUE", "TITLE"];
pub(super) const TITLE: usize = 6;
pub(super) const DUE: usize = 5;

/// The list table, what [`render`] draws, sized and then written a row at a time:
/// [`RowsTable::measure`] every row first, then the [`RowsTable::header`] and each
/// [`RowsTable::row`]. No cell is built that does not have to be.
pub(super) struct RowsTable {
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
        let due = item.due.map_or(0, |due| width(&self.style.times.moment(due)));
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
            let text = item
                .due
                .map(|due| self.style.times.moment(due))
                .unwrap_or_default();
            // Past due and still open: red, as the board shows it.
            let overdue = item.status.is_open()
                && item
                    .due
                    .zip(self.style.times.now)
                    .is_some_and(|(due, now)| due < now);
            let colour = overdue.then_some("31").filter(|_| self.style.color);
            self.cell(out, DUE, &text, width(&text), colour);
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
pub(super) fn claim_words(claim: &jerry::domain::Claim) -> String {
    let holder = printable(&claim.holder);
    match (claim.expired, claim.until) {
        (true, Some(until)) => format!("{holder}'s lease ran out at {until}"),
        (true, None) => format!("{holder}'s claim lapsed"),
        (false, Some(until)) => format!("held by {holder} until {until}"),
        (false, None) => format!("held by {holder} (no lease)"),
    }
}

pub fn item_details(item: &WorkItem, links: &Links, style: Style) -> String {
    let moment = |at| style.times.moment_in_full(at);
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
        ("due", item.due.map(moment).unwrap_or_default()),
        ("waits until", item.wait.map(moment).unwrap_or_default()),
        ("recurs", item.recur.map(|r| r.to_string()).unwrap_or_default()),
        (
            "moved from",
            item.moved_from
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
        (
            "moved to",
            item.moved_to
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
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
        ("quality", item.quality.map(|q| q.describe()).unwrap_or_default()),
        ("version", item.version.to_string()),
        ("created", moment(item.created_at)),
        ("updated", moment(item.updated_at)),
    ];
    let shown_whole = other_fields(item);
    for (key, value) in rows.into_iter().chain(shown_whole) {
        // Optional facts without a value are left out rather than shown blank.
        let optional = matches!(
            key,
            "blocked because"
                | "due"
                | "waits until"
                | "recurs"
                | "moved from"
                | "moved to"
                | "children"
                | "blocks"
                | "blocked by"
                | "related"
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
    for commit in &item.commits {
        let verb = if commit.closes { "closed by" } else { "named in" };
        table.add_row(vec![
            "commit".to_owned(),
            format!(
                "{} {verb} {}: {} ({})",
                commit.at,
                jerry::domain::short(&commit.commit),
                printable(&commit.summary),
                printable(&commit.author)
            ),
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

/// The item's fields [`item_details`] lays out itself (by their `--json` names).
const LAID_OUT: [&str; 24] = [
    "id",
    "internal_id",
    "title",
    "type",
    "priority",
    "status",
    "blocked_reason",
    "due",
    "wait",
    "recur",
    "moved_from",
    "moved_to",
    "description",
    "parent",
    "assignee",
    "claim",
    "dependencies",
    "labels",
    "comments",
    "commits",
    "quality",
    "version",
    "created_at",
    "updated_at",
];

/// Every other field an item has, by its `--json` name and value (a text as written, anything
/// else as JSON): a field added to items shows here until it is laid out above, never not
/// at all. Fields without a value are left out.
fn other_fields(item: &WorkItem) -> Vec<(&'static str, String)> {
    match serde_json::to_value(item) {
        Ok(serde_json::Value::Object(object)) => shown_whole(&object, item_fields()),
        _ => Vec::new(),
    }
}

/// The fields of `object` among `names` that are not [`LAID_OUT`], with their values.
fn shown_whole(
    object: &serde_json::Map<String, serde_json::Value>,
    names: &[&'static str],
) -> Vec<(&'static str, String)> {
    names
        .iter()
        .filter(|name| !LAID_OUT.contains(name))
        .filter_map(|name| {
            let text = match object.get(*name)? {
                serde_json::Value::Null => return None,
                serde_json::Value::String(text) => printable(text),
                other => printable(&other.to_string()),
            };
            Some((*name, text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `item_details` lays out are fields items have; any other field is shown whole.
    #[test]
    fn a_field_not_laid_out_is_shown_whole() {
        assert!(LAID_OUT.iter().all(|name| item_fields().contains(name)));
        let object = serde_json::json!({"id": "WORK-1", "estimate": 5, "size": "L", "gone": null});
        let object = object.as_object().expect("an object");
        assert_eq!(
            shown_whole(object, &["id", "estimate", "size", "gone"]),
            [("estimate", "5".to_owned()), ("size", "L".to_owned())]
        );
    }
}
