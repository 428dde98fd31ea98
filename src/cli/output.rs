//! Where output goes: data to stdout, notes and errors to stderr. Write errors propagate so
//! that a closed pipe ends the command quietly instead of panicking.

use std::io::{self, Write};

use serde::Serialize;

use super::error::{CliResult, CommandError};
use super::style::Style;

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
}

pub struct Output {
    format: Format,
    style: Style,
    /// Held for the whole command, so lines from other threads cannot interleave; given
    /// up by [`Output::release`] for a command that hands stdout to something else.
    stdout: Option<io::StdoutLock<'static>>,
}

impl Output {
    pub fn new(json: bool) -> Self {
        let format = if json { Format::Json } else { Format::Table };
        Self::styled(format, Style::default())
    }

    pub fn styled(format: Format, style: Style) -> Self {
        Self {
            format,
            style,
            stdout: Some(io::stdout().lock()),
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
        self.format != Format::Table
    }

    pub fn line(&mut self, text: &str) -> CliResult {
        writeln!(self.stdout(), "{text}")?;
        Ok(())
    }

    /// Writes data in the chosen machine format. Encoding happens first, so only I/O errors
    /// (such as a closed pipe) come from writing.
    pub fn json_value<T: Serialize + ?Sized>(&mut self, value: &T) -> CliResult {
        let mut buffer = match self.format {
            Format::Table | Format::Json => serde_json::to_vec_pretty(value)?,
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
            Format::Toon => toon_format::encode_default(&serde_json::to_value(value)?)
                .map_err(|err| CommandError::failure(format!("cannot encode as TOON: {err}")))?
                .into_bytes(),
        };
        buffer.push(b'\n');
        self.stdout().write_all(&buffer)?;
        Ok(())
    }

    /// One compact JSON object on its own line (JSON Lines / NDJSON).
    pub fn json_line<T: Serialize + ?Sized>(&mut self, value: &T) -> CliResult {
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
    pub fn confirm(&mut self, text: &str) -> CliResult {
        if self.style.quiet {
            return Ok(());
        }
        self.line(text)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.stdout().flush()
    }

    /// Flushes now, reporting a closed pipe as an error (used by `follow` after each event).
    pub fn flush_now(&mut self) -> CliResult {
        self.stdout().flush()?;
        Ok(())
    }
}
