//! Where output goes: data to stdout, notes and errors to stderr. Write errors propagate so
//! that a closed pipe ends the command quietly instead of panicking.

use std::io::{self, Write};

use serde::Serialize;

use super::style::Style;
use crate::door::error::{CommandError, CommandResult};

/// How data is written: a table for people, or one of the machine formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Table,
    /// One JSON document (pretty-printed).
    Json,
    /// One compact JSON object per line; a list gives one line per element.
    Jsonl,
    /// TOON, the token-efficient encoding of the same JSON data model, for LLM agents.
    Toon,
    /// Markdown: `jerry prime`'s text; every other command's table as a pipe table.
    Markdown,
    /// Comma-separated values (RFC 4180) with a header row, for a spreadsheet.
    Csv,
}

impl Format {
    /// True for the formats that print text for people (a table, or Markdown).
    pub fn for_people(self) -> bool {
        matches!(self, Format::Table | Format::Markdown)
    }
}

pub struct Output {
    format: Format,
    style: Style,
    /// Held for the whole command, so lines from other threads cannot interleave; given
    /// up by [`Output::release`] for a command that hands stdout to something else.
    stdout: Option<io::StdoutLock<'static>>,
    /// A list written row by row ([`Output::list_element`]), not yet on stdout.
    block: Vec<u8>,
    /// The same, as CSV: rows gathered until the list ends (a header names every column
    /// any row has).
    rows: Vec<serde_json::Value>,
    /// The columns of a CSV stream, named by its first row.
    csv_header: Option<Vec<String>>,
}

/// Writes compact JSON (as serde_json writes it: no whitespace outside strings) the way
/// `serde_json::to_vec_pretty` writes it as an element of a top-level array: two spaces a
/// level, one level in. Moves bytes, never parses a value: lists of thousands of items go
/// out at the speed of a copy. (`pretty_element_is_serde_jsons_pretty_printer` holds it to
/// that.)
fn pretty_element(compact: &[u8], out: &mut Vec<u8>) {
    let indent = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * (depth + 1), b' ');
    };
    let mut depth = 0;
    let mut at = 0;
    while at < compact.len() {
        let byte = compact[at];
        match byte {
            b'"' => {
                // A string, copied whole: up to the first quote no backslash escapes.
                let start = at;
                at += 1;
                while at < compact.len() && compact[at] != b'"' {
                    at += if compact[at] == b'\\' { 2 } else { 1 };
                }
                at = (at + 1).min(compact.len());
                out.extend_from_slice(&compact[start..at]);
                continue;
            }
            b'{' | b'[' => {
                let close = if byte == b'{' { b'}' } else { b']' };
                if compact.get(at + 1) == Some(&close) {
                    out.extend_from_slice(&[byte, close]);
                    at += 2;
                    continue;
                }
                out.push(byte);
                depth += 1;
                indent(out, depth);
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                indent(out, depth);
                out.push(byte);
            }
            b',' => {
                out.push(b',');
                indent(out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(byte),
        }
        at += 1;
    }
}

/// How much of a list is gathered before it is written.
const BLOCK: usize = 256 * 1024;

impl Output {
    pub fn new(json: bool) -> Self {
        let format = if json { Format::Json } else { Format::Table };
        Self::styled(format, Style::default())
    }

    pub fn styled(format: Format, style: Style) -> Self {
        let style = Style {
            markdown: format == Format::Markdown,
            color: style.color && format != Format::Markdown,
            ..style
        };
        Self {
            format,
            style,
            stdout: Some(io::stdout().lock()),
            block: Vec::new(),
            rows: Vec::new(),
            csv_header: None,
        }
    }

    /// Unlocks stdout for another thread (the MCP server's transport writes to it); a
    /// later write locks it again.
    pub fn release(&mut self) {
        if let Some(mut stdout) = self.stdout.take() {
            let _ = stdout.flush();
        }
    }

    fn stdout(&mut self) -> &mut io::StdoutLock<'static> {
        self.stdout.get_or_insert_with(|| io::stdout().lock())
    }

    pub fn style(&self) -> Style {
        self.style
    }

    /// How tables show times, once the settings say.
    pub fn set_times(&mut self, times: super::style::Times) {
        self.style.times = times;
    }

    /// A warning the user must see even with `--quiet` (a limit cut a list, say). A method
    /// like its siblings, so every message goes through `Output`.
    #[allow(clippy::unused_self)]
    pub fn warn(&mut self, text: &str) {
        eprintln!("{text}");
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// True for every machine format: the command hands its data to [`Output::json_value`].
    pub fn json(&self) -> bool {
        !self.format.for_people()
    }

    pub fn line(&mut self, text: &str) -> CommandResult {
        writeln!(self.stdout(), "{text}")?;
        Ok(())
    }

    /// Human text as it is, newlines included: a table written a block at a time.
    pub fn text(&mut self, text: &str) -> CommandResult {
        self.stdout().write_all(text.as_bytes())?;
        Ok(())
    }

    /// Writes data in the chosen machine format. Encoding happens first, so only I/O errors
    /// (such as a closed pipe) come from writing.
    pub fn json_value<T: Serialize + ?Sized>(&mut self, value: &T) -> CommandResult {
        let mut buffer = match self.format {
            Format::Table | Format::Markdown | Format::Json => serde_json::to_vec_pretty(value)?,
            Format::Jsonl => {
                let value = serde_json::to_value(value)?;
                let items = match value {
                    serde_json::Value::Array(items) => items,
                    other => vec![other],
                };
                // One line per element; an empty list is no lines at all, not a blank one.
                let mut lines = Vec::new();
                for item in items {
                    serde_json::to_writer(&mut lines, &item)?;
                    lines.push(b'\n');
                }
                self.stdout().write_all(&lines)?;
                return Ok(());
            }
            Format::Csv => super::csv::encode(serde_json::to_value(value)?)?,
            Format::Toon => toon_format::encode_default(&serde_json::to_value(value)?)
                .map_err(|err| CommandError::failure(format!("cannot encode as TOON: {err}")))?
                .into_bytes(),
        };
        // CSV rows end in their own line breaks.
        if self.format != Format::Csv {
            buffer.push(b'\n');
        }
        self.stdout().write_all(&buffer)?;
        Ok(())
    }

    /// One element of a list that is written as it is read, already encoded as compact JSON
    /// (rows of the indexed read model). `index` counts from 0; [`Output::end_list`] closes
    /// the list. The bytes are those [`Output::json_value`] writes for the whole list.
    pub fn list_element(&mut self, index: usize, compact: &str) -> CommandResult {
        // Gathered into blocks: stdout flushes at every newline, a syscall per line.
        let mut block = std::mem::take(&mut self.block);
        match self.format {
            Format::Jsonl => {
                block.extend_from_slice(compact.as_bytes());
                block.push(b'\n');
            }
            Format::Table | Format::Markdown | Format::Json => {
                block.extend_from_slice(if index == 0 { b"[\n  " } else { b",\n  " });
                pretty_element(compact.as_bytes(), &mut block);
            }
            Format::Csv => {
                self.rows.push(serde_json::from_str(compact)?);
                self.block = block;
                return Ok(());
            }
            Format::Toon => {
                return Err(CommandError::failure(
                    "a TOON list is encoded whole, not row by row",
                ));
            }
        }
        if block.len() >= BLOCK {
            self.stdout().write_all(&block)?;
            block.clear();
        }
        self.block = block;
        Ok(())
    }

    /// Ends a list written with [`Output::list_element`], of `count` elements.
    pub fn end_list(&mut self, count: usize) -> CommandResult {
        if self.format == Format::Csv {
            let rows = std::mem::take(&mut self.rows);
            let encoded = super::csv::encode(serde_json::Value::Array(rows))?;
            self.stdout().write_all(&encoded)?;
            return Ok(());
        }
        let mut block = std::mem::take(&mut self.block);
        if self.format != Format::Jsonl {
            block.extend_from_slice(if count == 0 { b"[]\n" } else { b"\n]\n" });
        }
        self.stdout().write_all(&block)?;
        Ok(())
    }

    /// One compact JSON object on its own line (JSON Lines / NDJSON).
    pub fn json_line<T: Serialize + ?Sized>(&mut self, value: &T) -> CommandResult {
        if self.format == Format::Csv {
            let mut header = self.csv_header.take();
            let row = super::csv::line(serde_json::to_value(value)?, &mut header);
            self.csv_header = header;
            self.stdout().write_all(&row?)?;
            return Ok(());
        }
        let mut buffer = serde_json::to_vec(value)?;
        buffer.push(b'\n');
        self.stdout().write_all(&buffer)?;
        Ok(())
    }

    /// A message for the person at the terminal, never part of the data; `--quiet` drops it.
    pub fn note(&mut self, text: &str) {
        if !self.style.quiet {
            eprintln!("{text}");
        }
    }

    /// A human confirmation on stdout (`WORK-001 v2: pending → in_progress`); `--quiet`
    /// drops it.
    pub fn confirm(&mut self, text: &str) -> CommandResult {
        if self.style.quiet {
            return Ok(());
        }
        self.line(text)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.stdout().flush()
    }

    /// Flushes now, reporting a closed pipe as an error (used by `follow` after each event).
    pub fn flush_now(&mut self) -> CommandResult {
        self.stdout().flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::Value;

    use super::pretty_element;

    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            ".*".prop_map(Value::String),
            "[\\\\\"{}\\[\\],: ]{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec(("[a-z\"\\\\:,{}]{0,5}", inner), 0..6)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn pretty_element_is_serde_jsons_pretty_printer(values in prop::collection::vec(json(), 1..4)) {
            let mut ours = Vec::new();
            for (index, value) in values.iter().enumerate() {
                ours.extend_from_slice(if index == 0 { b"[\n  " } else { b",\n  " });
                pretty_element(serde_json::to_string(value).unwrap().as_bytes(), &mut ours);
            }
            ours.extend_from_slice(b"\n]");
            let theirs = serde_json::to_vec_pretty(&values).unwrap();
            prop_assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
        }
    }
}
