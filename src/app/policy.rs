//! Policies: reactions to events. After each command, every enabled policy reads the events
//! appended since its checkpoint and may append its own, as `policy:<name>`, caused by the
//! triggering event and in its correlation, so `events list --correlation` shows a command
//! with all its reactions.
//!
//! **Exactly once.** The checkpoint (a position in the global order, kept beside the log)
//! only says where to resume: a process that dies between a trigger and its reaction leaves
//! it behind, and the next command reacts. What makes a reaction happen at most once is its
//! idempotency key, `policy:<name>:<trigger event id>:<item>[:<step>]`, decided by the store
//! in the same exclusive step as the append; re-reading a trigger, or two processes reacting
//! to it at once, writes nothing new.

use serde::{Deserialize, Serialize};
use ulid::Ulid;

mod recur;

use crate::domain::graph::unblocked_by;
use crate::domain::{ItemRef, QualityGate, Status, WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::{EventStore, RecordedEvent};

use super::{AppError, Clock, Command, CommandDispatcher, IdSource, ItemsProjection, WriteOptions, PAGE};

pub use crate::domain::Policy;

/// What one policy did in reaction to one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reaction {
    pub policy: &'static str,
    pub trigger: Ulid,
    pub item: WorkItemId,
    /// The events it appended; empty when it was already done (`replayed`) or skipped.
    pub events: Vec<RecordedEvent>,
    /// Why it did nothing, when it did nothing.
    pub skipped: Option<String>,
}

/// Where the engine resumes: the last event it reacted to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Checkpoint {
    position: u64,
}

const CHECKPOINT: &str = "policies";

pub struct PolicyEngine<'a> {
    store: &'a dyn EventStore,
    clock: &'a dyn Clock,
    ids: &'a dyn IdSource,
    policies: Vec<Policy>,
    gate: QualityGate,
}

impl<'a> PolicyEngine<'a> {
    pub fn new(
        store: &'a dyn EventStore,
        clock: &'a dyn Clock,
        ids: &'a dyn IdSource,
        policies: Vec<Policy>,
        gate: QualityGate,
    ) -> Self {
        Self {
            store,
            clock,
            ids,
            policies,
            gate,
        }
    }

    /// Kept as durable state, never as a cache: a checkpoint lost while a trigger is
    /// unanswered would re-arm at the head and skip that reaction forever.
    fn checkpoint(&self) -> Result<Option<u64>, AppError> {
        let Some(bytes) = self.store.load_state(CHECKPOINT)? else {
            return Ok(None);
        };
        let checkpoint = serde_json::from_slice::<Checkpoint>(&bytes).map_err(|err| {
            AppError::Store(crate::store::StoreError::Corrupt {
                path: "the policies' checkpoint".into(),
                line: None,
                reason: err.to_string(),
            })
        })?;
        Ok(Some(checkpoint.position))
    }

    fn save_checkpoint(&self, position: u64) -> Result<(), AppError> {
        let bytes = serde_json::to_vec(&Checkpoint { position })
            .map_err(|err| AppError::io("cannot encode the policies' checkpoint", err.into()))?;
        Ok(self.store.save_state(CHECKPOINT, &bytes)?)
    }

    /// Called before a command writes: the first time policies run in a project they start
    /// from here, so switching them on does not react to all of history. `recurring`: the
    /// command may finish or make recurring work, whose next instance is a reaction too;
    /// a project without policies is armed by the first such command (and then checks
    /// after every write), so one that never recurs pays nothing.
    pub fn arm(&self, recurring: bool) -> Result<(), AppError> {
        if (self.policies.is_empty() && !recurring) || self.checkpoint()?.is_some() {
            return Ok(());
        }
        let head = self.store.head_position()?;
        self.save_checkpoint(head)
    }

    /// Moves the checkpoint past everything in the log without reacting: after an import,
    /// whose history already holds whatever reactions it had.
    pub fn skip_to_head(&self) -> Result<(), AppError> {
        if self.policies.is_empty() && self.checkpoint()?.is_none() {
            return Ok(());
        }
        let head = self.store.head_position()?;
        self.save_checkpoint(head)
    }

    /// Reacts to every event after the checkpoint (the reactions' own events included, so
    /// a completed parent can close its parent in turn) and moves the checkpoint on.
    pub fn run(&self) -> Result<Vec<Reaction>, AppError> {
        let mut reactions = Vec::new();
        // Unarmed: no policy is on and no recurring work was ever finished or made here.
        let Some(mut after) = self.checkpoint()? else {
            return Ok(reactions);
        };
        // A checkpoint past the head belongs to another history (a log restored from an
        // older copy): resume from the head rather than wait forever for that position.
        after = after.min(self.store.head_position()?);
        loop {
            let page = self.store.read_global(after, PAGE)?;
            let Some(last) = page.last().map(|e| e.position) else {
                break;
            };
            for event in &page {
                if let Some(finished) = finished_item(event) {
                    for policy in &self.policies {
                        reactions.extend(self.react(*policy, event, finished)?);
                    }
                    reactions.extend(self.recur(event, finished)?);
                }
            }
            crate::faults::inject("before-policy-checkpoint");
            self.save_checkpoint(last)?;
            after = last;
        }
        Ok(reactions)
    }

    fn react(
        &self,
        policy: Policy,
        trigger: &RecordedEvent,
        finished: WorkItemId,
    ) -> Result<Vec<Reaction>, AppError> {
        let items = ItemsProjection::current(self.store)?.items;
        let mut reactions = Vec::new();
        match policy {
            Policy::UnblockDependents => {
                for dependent in unblocked_by(&items, finished) {
                    let steps = [(Status::InProgress, format!("{finished} finished"))];
                    reactions.push(self.apply(policy, trigger, dependent, &steps)?);
                }
            }
            Policy::CloseParent => {
                let Some(parent) = items.get(&finished).and_then(|item| item.parent) else {
                    return Ok(reactions);
                };
                let Some(parent_item) = items.get(&parent) else {
                    return Ok(reactions);
                };
                let all_done = items
                    .values()
                    .filter(|item| item.parent == Some(parent))
                    .all(|child| !child.status.is_open());
                if !all_done || !parent_item.status.is_open() {
                    return Ok(reactions);
                }
                let reason = "every child is done or cancelled".to_owned();
                let mut steps = Vec::new();
                if parent_item.status != Status::InProgress {
                    steps.push((Status::InProgress, reason.clone()));
                }
                steps.push((Status::Done, reason));
                reactions.push(self.apply(policy, trigger, parent, &steps)?);
            }
        }
        Ok(reactions)
    }

    /// Moves `item` through `steps`, each step once per trigger (its own key).
    fn apply(
        &self,
        policy: Policy,
        trigger: &RecordedEvent,
        item: WorkItemId,
        steps: &[(Status, String)],
    ) -> Result<Reaction, AppError> {
        let dispatcher = CommandDispatcher::new(
            self.store,
            self.clock,
            self.ids,
            format!("policy:{}", policy.name()),
        )
        .with_quality_gate(self.gate);
        let mut reaction = Reaction {
            policy: policy.name(),
            trigger: trigger.event_id,
            item,
            events: Vec::new(),
            skipped: None,
        };
        for (to, reason) in steps {
            let options = WriteOptions {
                expected_version: None,
                idempotency_key: Some(format!(
                    "policy:{}:{}:{}:{to}",
                    policy.name(),
                    trigger.event_id,
                    item.canonical()
                )),
                correlation_id: trigger.metadata.correlation_id.clone(),
                causation_id: Some(trigger.event_id.to_string()),
                request: None,
            };
            let command = Command::ChangeStatus {
                item: ItemRef::Display(item),
                to: *to,
                reason: Some(reason.clone()),
            };
            match dispatcher.dispatch(command, options) {
                Ok(outcome) if !outcome.replayed => reaction.events.extend(outcome.events),
                Ok(_) => {}
                // The state moved on since the trigger (someone else unblocked it, say), or
                // the quality gate refuses: the policy does nothing, and says why.
                Err(AppError::Domain(err)) => {
                    reaction.skipped = Some(err.to_string());
                    break;
                }
                Err(err) => return Err(err),
            }
        }
        Ok(reaction)
    }
}

/// The item an event finished (a `StatusChanged` into done or cancelled), if any. An
/// event that arrived by `jerry sync` (it carries its Lamport time) is no trigger here:
/// the clone that wrote it reacts, and its reactions arrive by sync like any event, so a
/// trigger is answered once across all clones.
fn finished_item(event: &RecordedEvent) -> Option<WorkItemId> {
    if event.metadata.lamport.is_some() {
        return None;
    }
    if event.aggregate_type != AGGREGATE_TYPE || event.event_type != "StatusChanged" {
        return None;
    }
    match WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload) {
        Ok(Some(WorkItemEvent::StatusChanged(change))) if change.new_status.is_finished() => {
            event.aggregate_id.parse().ok()
        }
        _ => None,
    }
}
