//! Moments as people read them: how long ago (or ahead) and the local clock. The log and
//! `--json` keep RFC 3339 in UTC; these are for tables.

use jiff::tz::TimeZone;

use super::Timestamp;

impl Timestamp {
    /// How far this is from `now`, short and rounded: `now`, `5m ago`, `3h ago`, `in 2d`,
    /// `in 3w`, `4mo ago`, `in 1y` (a unit once there are two of the one below it, or so).
    pub fn relative_to(&self, now: Timestamp) -> String {
        let micros = self.unix_micros().saturating_sub(now.unix_micros());
        let seconds = (micros / 1_000_000).unsigned_abs();
        let (size, unit) = match seconds {
            0..60 => return "now".to_owned(),
            60..3_600 => (60, "m"),
            3_600..86_400 => (3_600, "h"),
            86_400..1_209_600 => (86_400, "d"),
            1_209_600..5_184_000 => (604_800, "w"),
            5_184_000..31_536_000 => (2_592_000, "mo"),
            _ => (31_536_000, "y"),
        };
        // To the nearest: due "in 3 days", looked at a second later, is still in 3d.
        let count = (seconds + size / 2) / size;
        if micros < 0 {
            format!("{count}{unit} ago")
        } else {
            format!("in {count}{unit}")
        }
    }

    /// The local clock's reading (`TZ`, else the system's zone): `2026-12-24 17:00:05`.
    pub fn local(&self) -> String {
        match jiff::Timestamp::from_microsecond(self.unix_micros()) {
            Ok(at) => at
                .to_zoned(local_zone())
                .strftime("%Y-%m-%d %H:%M:%S")
                .to_string(),
            Err(_) => self.to_string(),
        }
    }
}

/// The local zone, once per process: `TZ` when set, else `/etc/localtime` read as it is
/// (jiff's `TimeZone::system` also works out the zone's name, which costs a millisecond a
/// table never needs), else jiff's own answer.
pub(super) fn local_zone() -> TimeZone {
    static ZONE: std::sync::OnceLock<TimeZone> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| {
        if std::env::var_os("TZ").is_none() {
            if let Ok(bytes) = std::fs::read("/etc/localtime") {
                if let Ok(zone) = TimeZone::tzif("localtime", &bytes) {
                    return zone;
                }
            }
        }
        TimeZone::system()
    })
    .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_far_in_the_largest_unit_that_fits() {
        let now = Timestamp::parse("2026-12-10T12:00:00Z").unwrap();
        let at = |micros: i64| Timestamp::from_unix_micros(now.unix_micros() + micros).unwrap();
        let second = 1_000_000;
        for (offset, want) in [
            (0, "now"),
            (-59 * second, "now"),
            (-5 * 60 * second, "5m ago"),
            (3 * 86_400 * second - second, "in 3d"),
            (3 * 3_600 * second, "in 3h"),
            (-2 * 86_400 * second, "2d ago"),
            (13 * 86_400 * second, "in 13d"),
            (21 * 86_400 * second, "in 3w"),
            (-120 * 86_400 * second, "4mo ago"),
            (400 * 86_400 * second, "in 1y"),
        ] {
            assert_eq!(at(offset).relative_to(now), want, "{offset}");
        }
    }
}
