//! Words the events' descriptions share.

/// `text`, and the reason in brackets when there is one.
pub(crate) fn with_reason(text: String, reason: Option<&str>) -> String {
    match reason {
        Some(reason) => format!("{text} ({reason})"),
        None => text,
    }
}

/// A time taken, as a person says it: 4.2s, 3m 20s, 2h 5m, 3d 4h.
pub fn duration(millis: u64) -> String {
    match millis / 1000 {
        0 => format!("{:.1}s", millis as f64 / 1000.0),
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m {}s", s / 60, s % 60),
        s if s < 86_400 => format!("{}h {}m", s / 3600, (s % 3600) / 60),
        s => format!("{}d {}h", s / 86_400, (s % 86_400) / 3600),
    }
}
