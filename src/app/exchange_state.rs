//! What this clone has exchanged with each remote (`jerry sync`), kept as durable state
//! behind the service, and the crash-safe steps that change it: a renumbering is recorded
//! before it starts and cleared once it is done, so a sync killed in between is finished
//! by the next one. The door (sync) moves the bytes over git; what it has done, and what
//! it must finish, is kept here.

use serde::{Deserialize, Serialize};

use super::renumber::Renumbering;
use super::{AppError, Session};

/// What this clone has exchanged with one remote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeState {
    /// The remote commit whose packs are all merged here (and which holds every event this
    /// clone had sent by then).
    pub tip: Option<String>,
    /// This clone's events up to this position are on the remote. (Events after it that
    /// arrived by sync carry their Lamport time, which is how they are told apart from this
    /// clone's own: no list of them is kept.)
    pub sent_through: u64,
    /// A renumbering begun and not known to be finished: the next sync finishes it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    renumbering: Vec<Renumbering>,
}

impl ExchangeState {
    /// A state that says `tip` is merged and this clone's events through `sent_through`
    /// were sent.
    pub fn at(tip: Option<String>, sent_through: u64) -> Self {
        Self {
            tip,
            sent_through,
            renumbering: Vec::new(),
        }
    }
}

/// The state record of the furthest position this clone's events reached on any remote:
/// an item sent through one remote is never renumbered for another. (A remote's own
/// record is `sync-<key>`, and a key never holds a dot.)
const SENT_ANYWHERE: &str = "sync.sent-anywhere";

/// The name of the state record kept for the remote `key`.
fn record(key: &str) -> String {
    format!("sync-{key}")
}

impl Session {
    /// What this clone has exchanged with the remote `key` (a name safe in a file name); a
    /// new state when none was kept, or when the one kept cannot be read (the next sync
    /// then reads every pack again, and finds what it has).
    pub fn exchange_state(&self, key: &str) -> Result<ExchangeState, AppError> {
        Ok(self
            .load_state(&record(key))?
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default())
    }

    /// Keeps `state` for the remote `key`, atomically (nothing before the project exists:
    /// a clone that has received nothing has nothing to remember).
    pub fn save_exchange_state(&self, key: &str, state: &ExchangeState) -> Result<(), AppError> {
        if !self.project_exists() {
            return Ok(());
        }
        let bytes = serde_json::to_vec(state)
            .map_err(|err| AppError::io("cannot encode the sync state", err.into()))?;
        self.save_state(&record(key), &bytes)
    }

    /// Finishes a renumbering a killed sync began with the remote `key`, if there is one.
    pub fn finish_renumbering(&self, key: &str, state: &mut ExchangeState) -> Result<(), AppError> {
        if state.renumbering.is_empty() {
            return Ok(());
        }
        self.renumber(&state.renumbering, true)?;
        state.renumbering.clear();
        self.save_exchange_state(key, state)
    }

    /// Moves this clone's items to the numbers `plan` gives them, so that a kill at any
    /// point is finished by the next sync: the plan is kept in `state` first, and cleared
    /// once every item has moved.
    pub fn renumber_for(
        &self,
        key: &str,
        state: &mut ExchangeState,
        plan: &[Renumbering],
    ) -> Result<(), AppError> {
        if plan.is_empty() {
            return Ok(());
        }
        state.renumbering = plan.to_vec();
        self.save_exchange_state(key, state)?;
        self.renumber(plan, false)?;
        state.renumbering.clear();
        self.save_exchange_state(key, state)
    }

    /// The furthest position this clone's events reached on any remote.
    pub fn sent_anywhere(&self) -> Result<u64, AppError> {
        Ok(self
            .load_state(SENT_ANYWHERE)?
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| text.trim().parse().ok())
            .unwrap_or(0))
    }

    /// Records that this clone's events through `position` reached a remote, when that is
    /// further than any did before.
    pub fn record_sent_anywhere(&self, position: u64) -> Result<(), AppError> {
        if self.project_exists() && position > self.sent_anywhere()? {
            self.save_state(SENT_ANYWHERE, position.to_string().as_bytes())?;
        }
        Ok(())
    }
}
