//! Idempotency: a key makes a write happen at most once. The record of what a key did is
//! written before the events it names, and is trusted only if those events are there, so a
//! crash between the two can never make a retry look done when it was not.

use serde::{Deserialize, Serialize};

use super::{Appended, EventStore, StoreError, StreamId};

/// A caller's idempotency key and a fingerprint of the request it came with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnceKey {
    pub key: String,
    pub fingerprint: String,
}

/// What a key's write did: which events of which stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnceRecord {
    pub key: String,
    pub fingerprint: String,
    pub stream: StreamId,
    #[serde(default)]
    pub number: Option<u64>,
    pub first_version: u64,
    pub last_version: u64,
    pub first_position: u64,
    pub last_position: u64,
}

/// The result of [`EventStore::append_once`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub appended: Appended,
    pub replayed: bool,
}

impl OnceRecord {
    pub fn appended(&self) -> Appended {
        Appended {
            version: self.last_version,
            position: self.last_position,
        }
    }

    /// True when the events this record names are committed: the first one is where the
    /// record says, under the same key.
    pub fn is_committed(&self, store: &dyn EventStore) -> Result<bool, StoreError> {
        let first = store.read(&self.stream, self.first_version, self.first_version)?;
        Ok(first.first().is_some_and(|event| {
            event.position == self.first_position
                && event.metadata.idempotency_key.as_deref() == Some(self.key.as_str())
        }))
    }

    /// Returns the original result for the same fingerprint, an error for another.
    pub fn answer(&self, once: &OnceKey) -> Result<Written, StoreError> {
        if self.fingerprint != once.fingerprint {
            return Err(StoreError::IdempotencyKeyReused {
                key: once.key.clone(),
            });
        }
        Ok(Written {
            appended: self.appended(),
            replayed: true,
        })
    }
}
