//! How human output looks on this terminal: colour (only on a terminal, `--color`,
//! `NO_COLOR`), the width tables must fit, and whether to stay quiet.

use std::io::IsTerminal;

use clap::ValueEnum;

use jerry::config::TimeFormat;
use jerry::timestamp::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
    /// The terminal's width in columns, when stdout is a terminal.
    pub width: Option<usize>,
    pub quiet: bool,
    pub times: Times,
    /// Tables as Markdown (`--format markdown`): a pipe table a person pastes into a pull
    /// request, whole (nothing cut to the terminal's width) and without colour.
    pub markdown: bool,
}

/// How a table shows a moment (the `time_format` setting, or `--utc`) and what now is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Times {
    pub format: TimeFormat,
    /// The session's clock: a fixed test clock and what it stamps agree on "3h ago".
    pub now: Option<Timestamp>,
}

impl Times {
    /// An item's moment (due, created, updated): `3h ago` / `in 2d`, or the local clock, or
    /// RFC 3339 in UTC.
    pub fn moment(&self, at: Timestamp) -> String {
        match (self.format, self.now) {
            (TimeFormat::Relative, Some(now)) => at.relative_to(now),
            (TimeFormat::Utc, _) => at.to_string(),
            _ => at.local(),
        }
    }

    /// As [`Times::moment`], with the local clock beside a relative moment: for one item's
    /// details, where there is room for both.
    pub fn moment_in_full(&self, at: Timestamp) -> String {
        match (self.format, self.now) {
            (TimeFormat::Relative, Some(now)) => format!("{} ({})", at.relative_to(now), at.local()),
            _ => self.moment(at),
        }
    }

    /// When an event was recorded, in a log: the clock, never relative (local, or UTC).
    pub fn logged(&self, at: Timestamp) -> String {
        match self.format {
            TimeFormat::Utc => at.to_string(),
            _ => at.local(),
        }
    }
}

impl Style {
    pub fn detect(choice: ColorChoice, quiet: bool, wide: bool) -> Self {
        let terminal = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        let width = (terminal && !wide).then(terminal_width).flatten();
        Self {
            color,
            width,
            quiet,
            times: Times::default(),
            markdown: false,
        }
    }
}

#[cfg(unix)]
fn terminal_width() -> Option<usize> {
    let mut size = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ writes one winsize into the struct we pass; nothing else is touched.
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    if ok && size.ws_col > 0 {
        return Some(usize::from(size.ws_col));
    }
    columns_from_env()
}

#[cfg(not(unix))]
fn terminal_width() -> Option<usize> {
    columns_from_env()
}

fn columns_from_env() -> Option<usize> {
    std::env::var("COLUMNS").ok()?.parse().ok().filter(|&w| w > 0)
}

/// True when every byte of `text` is printable ASCII (one column each, nothing to escape):
/// one pass over the bytes, the common case of a table of thousands of rows.
pub fn plain_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// The columns `text` takes on a terminal: East Asian wide characters take two.
pub fn width(text: &str) -> usize {
    if plain_ascii(text) {
        return text.len();
    }
    unicode_width::UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` terminal columns, ending in `…` when it was longer.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        used += w;
        kept.push(c);
    }
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_keeps_short_text_and_marks_cuts() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("exactly10!", 10), "exactly10!");
        assert_eq!(truncate("a much longer title", 10), "a much lo…");
        assert_eq!(truncate("ééééé", 3), "éé…");
        // Wide characters take two columns each.
        assert_eq!(truncate("漢字漢字漢字", 7), "漢字漢…");
        assert_eq!(width("漢字 ok"), 7);
    }

    #[test]
    fn only_printable_ascii_takes_the_short_way() {
        assert!(plain_ascii("Fix login ~ (WORK-001)"));
        assert!(plain_ascii(""));
        for text in ["tab\there", "bell\u{7}", "del\u{7f}", "é", "漢"] {
            assert!(!plain_ascii(text), "{text:?}");
        }
    }
}
