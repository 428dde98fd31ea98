//! Crash points for the crash tests: with `JERRY_FAULT=<point>` the process aborts there,
//! as a power cut would stop it; with `JERRY_FAULT=<point>:hang` it stops there for good,
//! so that a test can kill it with a real SIGKILL. Compiled only with the `failpoints`
//! feature, which the test build turns on (see Cargo.toml); a release build has none, and
//! `inject` is an empty function the optimiser removes.

/// Aborts (or hangs) the process when `JERRY_FAULT` names `point`.
#[cfg(feature = "failpoints")]
pub fn inject(point: &str) {
    let Some(fault) = std::env::var_os("JERRY_FAULT") else {
        return;
    };
    let fault = fault.to_string_lossy();
    if fault == point {
        std::process::abort();
    }
    if fault.strip_suffix(":hang") == Some(point) {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}

#[cfg(not(feature = "failpoints"))]
#[inline(always)]
pub fn inject(_point: &str) {}
