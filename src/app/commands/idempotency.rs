//! Idempotency: a command repeated with its key answers with the original result, and a
//! key reused for another command is refused.

use crate::app::repository::replay;
use crate::app::AppError;
use crate::app::ItemRepository;
use crate::domain::DomainError;
use crate::domain::ItemRef;
use crate::store::{OnceKey, OnceRecord};

use super::*;

impl CommandDispatcher<'_> {
    /// The original result of the request `request` made with idempotency key `key`, if it
    /// was made (a key used for another request is an error).
    pub fn replay_once(&self, key: &str, request: &str) -> Result<Option<CommandOutcome>, AppError> {
        let Some(record) = self.store.lookup_once(key)? else {
            return Ok(None);
        };
        record.answer(&OnceKey {
            key: key.to_owned(),
            fingerprint: request.to_owned(),
        })?;
        self.replayed(&record).map(Some)
    }

    /// The original results of an idempotent multi-item write, one per item.
    pub(super) fn replayed_all(&self, record: &OnceRecord) -> Result<Vec<CommandOutcome>, AppError> {
        record
            .spans()
            .into_iter()
            .map(|span| {
                let single = OnceRecord {
                    stream: span.stream,
                    first_version: span.first_version,
                    last_version: span.last_version,
                    first_position: span.first_position,
                    last_position: span.last_position,
                    more: Vec::new(),
                    ..record.clone()
                };
                self.replayed(&single)
            })
            .collect()
    }

    /// The original answer to a write of several items, one per command in the order asked:
    /// the written items as they were written, and those the write left as they were
    /// (nothing recorded for them) answered "already so" again, as the first time.
    pub(super) fn replayed_in_order(
        &self,
        record: &OnceRecord,
        plans: &[Prepared],
        targets: &[WorkItemId],
    ) -> Result<Vec<CommandOutcome>, AppError> {
        let mut written: std::collections::BTreeMap<WorkItemId, CommandOutcome> = self
            .replayed_all(record)?
            .into_iter()
            .map(|outcome| (outcome.item.id, outcome))
            .collect();
        let repository = ItemRepository::new(self.store);
        let now = self.clock.now();
        let mut outcomes = Vec::with_capacity(targets.len());
        for (id, prepared) in targets.iter().zip(plans) {
            if let Some(outcome) = written.remove(id) {
                outcomes.push(outcome);
                continue;
            }
            let current = repository
                .load(*id)?
                .ok_or(AppError::ItemNotFound(ItemRef::Display(*id)))?
                .lapsed(now);
            let why = match (prepared.decide)(&current, now) {
                Err(why @ DomainError::Unchanged { .. }) => why,
                // It has moved on since; what the key's write did to it is still nothing.
                _ => DomainError::Unchanged {
                    id: *id,
                    what: "as this key's write found it".to_owned(),
                },
            };
            let mut outcome = CommandOutcome::unchanged(current, &why);
            outcome.replayed = true;
            outcomes.push(outcome);
        }
        // Anything else the record holds (it cannot, for the same commands) is kept too.
        outcomes.extend(written.into_values());
        Ok(outcomes)
    }

    /// When the store says this write's idempotency key was already used, the original result.
    pub(super) fn original_result(&self, guard: &Guard<'_>) -> Result<Option<CommandOutcome>, AppError> {
        let Some(once) = guard.once else { return Ok(None) };
        match self.store.lookup_once(&once.key)? {
            Some(record) => self.replayed(&record).map(Some),
            None => Ok(None),
        }
    }

    /// The original result of an idempotent write: its events, and the item as they left it.
    pub(super) fn replayed(&self, record: &OnceRecord) -> Result<CommandOutcome, AppError> {
        let history = self.store.read(&record.stream, 1, record.last_version)?;
        let item = replay(&record.stream, &history)?.ok_or_else(|| AppError::CorruptEvent {
            stream: record.stream.to_string(),
            version: record.first_version,
            source: DomainError::MissingCreation {
                found: "nothing".into(),
            },
        })?;
        let events = history
            .into_iter()
            .filter(|event| event.version >= record.first_version)
            .collect();
        Ok(CommandOutcome {
            item,
            events,
            replayed: true,
            warnings: Vec::new(),
            unchanged: None,
        })
    }
}

/// What guards one command's write.
pub(super) struct Guard<'g> {
    pub(super) expected: Option<u64>,
    pub(super) once: Option<&'g OnceKey>,
    pub(super) labels: &'g Labels,
}

/// Identifies a command with its arguments, so a reused idempotency key can be told apart
/// from a repeat. Parsed values are compared, so `WORK-7` and `7` are the same request.
pub(super) fn fingerprint_all(commands: &[Command]) -> String {
    serde_json::to_string(commands).unwrap_or_else(|_| format!("{commands:?}"))
}

pub(super) fn fingerprint(command: &Command, expected_version: Option<u64>) -> String {
    serde_json::to_string(&(command, expected_version))
        .unwrap_or_else(|_| format!("{command:?}|{expected_version:?}"))
}
