//! What a hook has been given, kept with the log as durable state (never a cache): deleting
//! `data/cache/` must neither repeat a delivery nor skip one.

use serde::{Deserialize, Serialize};
use ulid::Ulid;

use crate::app::AppError;
use crate::store::{EventStore, StoreError};

/// One hook's record. Written before each run (naming the run under way) and after the
/// last, so a runner that dies finds what it was doing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HookState {
    /// Every event at or before this position was delivered, parked, or not for this hook.
    pub delivered: u64,
    /// Runs started so far: each run's number, so a result on disk names the run it is of.
    #[serde(default)]
    pub runs: u64,
    /// The run under way when this was written, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inflight: Option<Inflight>,
    /// Failed runs so far of the event after `delivered`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub failures: u32,
    /// Why the last run failed, while that event is owed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// That event is not tried again before this moment (milliseconds since 1970).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_at: Option<u64>,
    /// Deliveries given up on, in global order: `jerry hooks failed`, `jerry hooks retry`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parked: Vec<Parked>,
}

// serde's `skip_serializing_if` hands a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A run started and not yet seen to end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inflight {
    pub position: u64,
    /// Its number ([`HookState::runs`]).
    pub run: u64,
    /// A parked delivery sent again (`jerry hooks retry`), not the next owed one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retry: bool,
}

/// A delivery that failed every time it was tried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parked {
    pub position: u64,
    pub event_id: Ulid,
    pub event_type: String,
    pub aggregate_id: String,
    pub failures: u32,
    pub error: String,
    /// Milliseconds since 1970.
    pub parked_at: u64,
}

fn key(hook: &str) -> String {
    format!("hook-{hook}")
}

impl HookState {
    pub fn load(store: &dyn EventStore, hook: &str) -> Result<Option<Self>, AppError> {
        let Some(bytes) = store.load_state(&key(hook))? else {
            return Ok(None);
        };
        serde_json::from_slice(&bytes).map(Some).map_err(|err| {
            AppError::Store(StoreError::Corrupt {
                path: format!("the delivery record of hook {hook}").into(),
                line: None,
                reason: err.to_string(),
            })
        })
    }

    /// Durably: once this returns, a crash keeps it.
    pub fn save(&self, store: &dyn EventStore, hook: &str) -> Result<(), AppError> {
        let bytes = serde_json::to_vec(self)
            .map_err(|err| AppError::io("cannot encode a hook's delivery record", err.into()))?;
        Ok(store.save_state(&key(hook), &bytes)?)
    }
}
