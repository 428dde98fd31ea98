//! Applying: how each event changes the item, and how an event merged from another clone
//! that no longer fits (a move the status machine forbids, a stale precondition, a field
//! written concurrently) is kept as a conflict instead of applied.

use crate::domain::Status;
use crate::timestamp::Timestamp;

use super::*;

impl WorkItem {
    /// Applies a recorded fact, written at `at` by `actor`. Facts are not re-checked: they
    /// already happened. A lease that ran out before `at` lapses first; any write by the
    /// holder of a live lease extends it.
    pub fn apply(&mut self, event: Option<&WorkItemEvent>, version: u64, at: Timestamp, actor: &str) {
        self.apply_owned(event.cloned(), version, at, actor);
    }

    /// [`WorkItem::apply`] of an event the caller is done with: its texts move into the
    /// item instead of being copied and then freed (a replay applies a million events).
    pub fn apply_owned(&mut self, event: Option<WorkItemEvent>, version: u64, at: Timestamp, actor: &str) {
        self.version = version;
        self.updated_at = at;
        self.lapse(at);
        if let Some(claim) = self.claim.as_mut().filter(|c| !c.expired && c.holder == actor) {
            if let (Some(seconds), Some(until)) = (claim.lease_seconds, claim.until) {
                let renewed = at.checked_add(std::time::Duration::from_secs(seconds));
                claim.until = renewed.filter(|r| *r > until).or(Some(until));
            }
        }
        let Some(event) = event else { return };
        if let Some((reason, wanted)) = self.misfit(&event) {
            self.conflicts.push(Conflict {
                version,
                event_type: event.event_type().to_owned(),
                reason,
                wanted,
                resolved: None,
            });
            return;
        }
        event.apply_to(self, at, version);
    }

    /// Why a status move recorded against another state cannot apply to this one, if it
    /// cannot. A writer always decides on the state it read (an undo too: it moves from
    /// whatever it found), so only events merged from another clone can misfit: a move
    /// decided on another status than the one it lands on — the status machine forbids it
    /// from here, or it was decided on a precondition that no longer holds (a cancel of a
    /// pending item landing on one another clone started) — is kept, shown as a conflict
    /// and not applied. A move to the status the item is already in agrees with it.
    pub(super) fn misfit(&self, event: &WorkItemEvent) -> Option<(String, Wanted)> {
        let (old, new, reason) = match event {
            WorkItemEvent::StatusChanged(e) => (e.old_status, e.new_status, e.reason.clone()),
            WorkItemEvent::Claimed(e) => (e.old_status, Status::InProgress, None),
            other => return self.superseded(other),
        };
        if old == self.status || self.status == new {
            return None;
        }
        let why = if self.status.can_move_to(new) {
            "decided on a state that no longer holds"
        } else {
            "a move the status machine forbids from here"
        };
        Some((
            format!(
                "{old} → {new} was written while {} was {old}; it is {} here ({why})",
                self.id, self.status
            ),
            Wanted::Status { to: new, reason },
        ))
    }

    /// Why a change of one field, decided on another value than the item holds, cannot
    /// apply: another clone wrote the same field concurrently, and its write sorts first.
    /// The first write stands; this one is kept and shown as a conflict, not applied (the
    /// same on every clone, as the order is). A write that sets what is already there
    /// agrees with it. Each field's event says it (`Fact::superseded`).
    pub(super) fn superseded(&self, event: &WorkItemEvent) -> Option<(String, Wanted)> {
        event.superseded(self)
    }
}
