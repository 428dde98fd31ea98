//! Where output goes: data to stdout, notes and errors to stderr. Write errors propagate so
//! that a closed pipe ends the command quietly instead of panicking.

use std::io::{self, Write};

use serde::Serialize;

use super::style::Style;

pub struct Output {
    json: bool,
    style: Style,
    stdout: io::StdoutLock<'static>,
}

impl Output {
    pub fn new(json: bool) -> Self {
        Self::styled(json, Style::default())
    }

    pub fn styled(json: bool, style: Style) -> Self {
        Self {
            json,
            style,
            stdout: io::stdout().lock(),
        }
    }

    pub fn style(&self) -> Style {
        self.style
    }

    /// A warning the user must see even with `--quiet` (a limit cut a list, say).
    pub fn warn(&mut self, text: &str) {
        eprintln!("{text}");
    }

    pub fn json(&self) -> bool {
        self.json
    }

    pub fn line(&mut self, text: &str) -> anyhow::Result<()> {
        writeln!(self.stdout, "{text}")?;
        Ok(())
    }

    pub fn json_value<T: Serialize + ?Sized>(&mut self, value: &T) -> anyhow::Result<()> {
        // Encode first, so that only I/O errors (such as a closed pipe) come from writing.
        let mut buffer = serde_json::to_vec_pretty(value)?;
        buffer.push(b'\n');
        self.stdout.write_all(&buffer)?;
        Ok(())
    }

    /// One compact JSON object on its own line (JSON Lines / NDJSON).
    pub fn json_line<T: Serialize + ?Sized>(&mut self, value: &T) -> anyhow::Result<()> {
        let mut buffer = serde_json::to_vec(value)?;
        buffer.push(b'\n');
        self.stdout.write_all(&buffer)?;
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
    pub fn confirm(&mut self, text: &str) -> anyhow::Result<()> {
        if self.style.quiet {
            return Ok(());
        }
        self.line(text)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.stdout.flush()
    }

    /// Flushes now, reporting a closed pipe as an error (used by `follow` after each event).
    pub fn flush_now(&mut self) -> anyhow::Result<()> {
        self.stdout.flush()?;
        Ok(())
    }
}
