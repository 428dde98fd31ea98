//! The outside world the application needs (what time it is, fresh ids), passed in so
//! that tests can fix it. The composition root builds one [`Environment`] per process.

use std::sync::{Arc, Mutex};

use ulid::Ulid;

use crate::timestamp::Timestamp;

use super::AppError;

pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
}

pub trait IdSource: Send + Sync {
    fn next_ulid(&self) -> Ulid;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

pub struct UlidSource;

impl IdSource for UlidSource {
    fn next_ulid(&self) -> Ulid {
        Ulid::new()
    }
}

/// A clock that always reads the same moment.
pub struct FixedClock(pub Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}

/// ULIDs from a seeded generator (splitmix64) at a fixed millisecond: the same seed gives
/// the same ids in the same order. Distinct seeds give distinct ids, so processes that run
/// at once must each get their own.
pub struct SeededIds {
    millis: u64,
    state: Mutex<u64>,
}

impl SeededIds {
    pub fn new(seed: u64, at: Timestamp) -> Self {
        Self {
            millis: u64::try_from(at.unix_micros() / 1000).unwrap_or(0),
            state: Mutex::new(seed),
        }
    }

    fn next_u64(&self) -> u64 {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl IdSource for SeededIds {
    fn next_ulid(&self) -> Ulid {
        let random = (u128::from(self.next_u64()) << 64) | u128::from(self.next_u64());
        Ulid::from_parts(self.millis, random)
    }
}

/// The clock and id source of one process, shared by everything it runs.
#[derive(Clone)]
pub struct Environment {
    pub clock: Arc<dyn Clock>,
    pub ids: Arc<dyn IdSource>,
}

/// Fixes the clock (RFC 3339) for tests and developers: see CONTRIBUTING.md.
pub const FIXED_TIME_VAR: &str = "JERRY_TEST_TIMESTAMP";
/// Seeds the id source (a whole number) for tests and developers: see CONTRIBUTING.md.
pub const SEED_VAR: &str = "JERRY_TEST_SEED";

impl Environment {
    /// The real clock and random ULIDs.
    pub fn system() -> Self {
        Self {
            clock: Arc::new(SystemClock),
            ids: Arc::new(UlidSource),
        }
    }

    /// A fixed moment and seeded ids, for deterministic output.
    pub fn fixed(at: Timestamp, seed: u64) -> Self {
        Self {
            clock: Arc::new(FixedClock(at)),
            ids: Arc::new(SeededIds::new(seed, at)),
        }
    }

    /// The system's, unless `JERRY_TEST_TIMESTAMP` fixes the clock or `JERRY_TEST_SEED`
    /// seeds the ids. Read once, by the composition root.
    pub fn from_env() -> Result<Self, AppError> {
        let mut env = Self::system();
        let fixed = match std::env::var(FIXED_TIME_VAR) {
            Ok(text) => Some(Timestamp::parse(&text).map_err(|err| AppError::BadEnvironment {
                var: FIXED_TIME_VAR,
                reason: err.to_string(),
            })?),
            Err(_) => None,
        };
        if let Some(at) = fixed {
            env.clock = Arc::new(FixedClock(at));
        }
        if let Ok(text) = std::env::var(SEED_VAR) {
            let seed = text.trim().parse::<u64>().map_err(|_| AppError::BadEnvironment {
                var: SEED_VAR,
                reason: format!("'{text}' is not a whole number"),
            })?;
            env.ids = Arc::new(SeededIds::new(seed, fixed.unwrap_or_else(Timestamp::now)));
        }
        // Read where it is used (`snapshot_every`); a value that does not parse is refused
        // here, once, instead of being ignored there.
        if let Ok(text) = std::env::var(super::snapshot::SNAPSHOT_EVERY_VAR) {
            text.trim().parse::<u64>().map_err(|_| AppError::BadEnvironment {
                var: super::snapshot::SNAPSHOT_EVERY_VAR,
                reason: format!("'{text}' is not a whole number of events (0 turns snapshots off)"),
            })?;
        }
        Ok(env)
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_repeats_its_ids_and_another_seed_does_not() {
        let at = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        let a: Vec<Ulid> = (0..3).map(|_| SeededIds::new(7, at).next_ulid()).collect();
        assert_eq!(a[0], a[1]);
        let ids = SeededIds::new(7, at);
        let sequence: Vec<Ulid> = (0..100).map(|_| ids.next_ulid()).collect();
        let mut unique = sequence.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 100);
        assert_eq!(sequence[0], a[0]);
        assert_ne!(SeededIds::new(8, at).next_ulid(), a[0]);
        assert_eq!(sequence[0].timestamp_ms(), 1_767_225_600_000);
    }
}
