//! Crash points for the crash tests: with `JERRY_FAULT=<point>` the process aborts there,
//! as a power cut or a `kill -9` would stop it. Unset (always, outside tests), it costs one
//! environment lookup.

/// Aborts the process when `JERRY_FAULT` names `point`.
pub fn inject(point: &str) {
    if std::env::var_os("JERRY_FAULT").is_some_and(|fault| fault == point) {
        std::process::abort();
    }
}
