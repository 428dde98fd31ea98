//! Human renderings: text made safe to print and tables laid out here; items, events and
//! the graph in their own files. Machine output is serde.

use jerry::domain::Status;

use super::style::{truncate, width, Style};

mod event;
mod graph;
mod item;

pub use event::*;
pub use graph::*;
pub use item::*;

/// Shows control characters as escapes so one item is always one table row; JSON keeps
/// the exact text.
/// [`printable`], borrowing `text` when nothing in it needs escaping.
pub(super) fn printable_cow(text: &str) -> std::borrow::Cow<'_, str> {
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
pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Left margin and the gap between columns.
pub(super) const MARGIN: usize = 2;
pub(super) const GAP: usize = 3;

/// Renders a header, a rule under it, and one line per row, columns padded to their widest
/// cell: easy to read, cheap at 100,000 rows, and with no frame to strip when a person pipes
/// it into grep (scripts should use `--json`). On a terminal the last column gives way, ending
/// in an ellipsis, so every row stays on one line. `paint` may colour a cell.
pub(super) fn render<C: AsRef<str> + From<String>>(
    header: &[&str],
    mut rows: Vec<Vec<C>>,
    style: Style,
    paint: impl Fn(usize, usize) -> Option<&'static str>,
) -> String {
    if style.markdown {
        return markdown(header, &rows);
    }
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

/// A Markdown pipe table: a cell's `|` escaped and its line breaks as spaces, so every row
/// stays one line of the table.
pub(super) fn markdown<C: AsRef<str>>(header: &[&str], rows: &[Vec<C>]) -> String {
    let cell = |text: &str| text.replace('|', "\\|").replace(['\n', '\r'], " ");
    let line = |cells: &mut dyn Iterator<Item = String>| {
        let mut out = String::from("|");
        for text in cells {
            out.push(' ');
            out.push_str(&text);
            out.push_str(" |");
        }
        out
    };
    let mut out = vec![
        line(&mut header.iter().map(|h| cell(&h.to_lowercase()))),
        line(&mut header.iter().map(|_| "---".to_owned())),
    ];
    for row in rows {
        out.push(line(&mut row.iter().map(|c| cell(c.as_ref()))));
    }
    out.join("\n")
}

/// `count` spaces, copied from a run of them rather than pushed one char at a time.
pub(super) fn pad(out: &mut String, count: usize) {
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
pub(super) fn push_row<C: AsRef<str>>(
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
pub(super) fn status_colour(status: Status) -> Option<&'static str> {
    match status {
        Status::Pending => None,
        Status::InProgress => Some("36"),
        Status::Blocked => Some("31"),
        Status::Done => Some("32"),
        Status::Cancelled | Status::Deleted => Some("90"),
    }
}

/// A table with these headers and rows, for output shaped at run time (`--fields`).
pub fn table(header: &[String], rows: Vec<Vec<String>>, style: Style) -> String {
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    fitted_table(&header, rows, style)
}

/// A table of plain text rows whose last column gives way on a terminal.
pub(super) fn fitted_table(header: &[&str], rows: Vec<Vec<String>>, style: Style) -> String {
    render(header, rows, style, |_, _| None)
}
