//! The outside world the application needs, passed in so tests can fix it.

use ulid::Ulid;

use crate::timestamp::Timestamp;

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
