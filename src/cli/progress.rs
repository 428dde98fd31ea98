//! Progress on stderr for long commands, shown only on a terminal.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// A spinner with a message, for work of unknown length, when stderr is a terminal; hidden
/// otherwise. Ticks on its own so a long silent step still shows life.
pub fn spinner(message: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::new_spinner();
    spinner.set_message(message.to_owned());
    spinner.enable_steady_tick(Duration::from_millis(120));
    spinner
}

/// A bar over `total` events on stderr when it is a terminal and the work is long; hidden
/// otherwise.
pub fn progress_bar(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() || total < 10_000 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} events ({per_sec}, {eta} left)") {
        bar.set_style(style);
    }
    bar
}
