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
    /// The other streams of an [`EventStore::append_all`], after the first (`stream`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<OnceSpan>,
}

/// Where one more stream's events of an idempotent multi-stream write went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnceSpan {
    pub stream: StreamId,
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

/// The result of [`EventStore::append_all`]: one [`Appended`] per batch, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenAll {
    pub appended: Vec<Appended>,
    pub replayed: bool,
}

impl OnceRecord {
    /// The record of an idempotent write of `appends` (in order) that ended where `appended`
    /// says; `number` for a numbered create.
    pub fn new(once: &OnceKey, streams: &[(StreamId, u64, Appended)], number: Option<u64>) -> Option<Self> {
        let mut spans = streams.iter().map(|(stream, count, appended)| OnceSpan {
            stream: stream.clone(),
            first_version: appended.version + 1 - count,
            last_version: appended.version,
            first_position: appended.position + 1 - count,
            last_position: appended.position,
        });
        let first = spans.next()?;
        Some(OnceRecord {
            key: once.key.clone(),
            fingerprint: once.fingerprint.clone(),
            stream: first.stream,
            number,
            first_version: first.first_version,
            last_version: first.last_version,
            first_position: first.first_position,
            last_position: first.last_position,
            more: spans.collect(),
        })
    }

    /// Every stream's span, the first one included.
    pub fn spans(&self) -> Vec<OnceSpan> {
        let mut spans = vec![OnceSpan {
            stream: self.stream.clone(),
            first_version: self.first_version,
            last_version: self.last_version,
            first_position: self.first_position,
            last_position: self.last_position,
        }];
        spans.extend(self.more.iter().cloned());
        spans
    }

    /// [`OnceRecord::answer`] for a multi-stream write.
    pub fn answer_all(&self, once: &OnceKey) -> Result<WrittenAll, StoreError> {
        self.answer(once)?;
        Ok(WrittenAll {
            appended: self
                .spans()
                .iter()
                .map(|span| Appended {
                    version: span.last_version,
                    position: span.last_position,
                })
                .collect(),
            replayed: true,
        })
    }

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
