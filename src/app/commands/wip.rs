//! WIP limits (`wip_limit.in_progress = 3`): no actor holds more items in a status than the
//! project allows, whichever door the claim, start or assignment comes through.
//!
//! Counting reads other items than the one written, which an item's version cannot guard.
//! So a write that takes an actor into a limited status reads the log's head first, counts
//! on a read model at least that new, and is appended only if the head is still there
//! ([`crate::store::EventStore::append_all_at`], decided under the store's write lock): of
//! two claimers racing for an actor's last free place, one is appended and the other counts
//! again and is refused. Never "7 of 8 won" (beads #4657).

use std::collections::BTreeMap;

use crate::app::AppError;
use crate::domain::{Status, WorkItem};
use crate::timestamp::Timestamp;

use super::CommandDispatcher;

/// How many times a write re-decides after other writes moved the log between its count
/// and its append, before it reports the contention as a conflict.
pub(super) const HEAD_ATTEMPTS: usize = 64;

impl CommandDispatcher<'_> {
    /// For writes taking items from `before` to `after` (pairs, one per item): `None` when
    /// no limit applies to them; else the head to append at, once counted within every
    /// limit; [`AppError::WipLimit`] naming the limit when over one.
    pub(super) fn wip_check(
        &self,
        moves: &[(&WorkItem, &WorkItem)],
        now: Timestamp,
    ) -> Result<Option<u64>, AppError> {
        if self.wip_limits.is_empty() {
            return Ok(None);
        }
        let mut entering: BTreeMap<(Status, &str), usize> = BTreeMap::new();
        for (before, after) in moves {
            let (Some(_), Some(actor)) = (self.wip_limits.get(&after.status), after.assignee.as_deref())
            else {
                continue;
            };
            if before.status == after.status && before.assignee.as_deref() == Some(actor) {
                continue;
            }
            *entering.entry((after.status, actor)).or_default() += 1;
        }
        if entering.is_empty() {
            return Ok(None);
        }
        let head = self.store.head_position()?;
        let mut projection = crate::app::ItemsProjection::load(self.store);
        projection.refresh(self.store)?;
        for ((status, actor), adding) in entering {
            let limit = self.wip_limits.get(&status).copied().unwrap_or(usize::MAX);
            let holding = projection
                .items
                .values()
                .filter(|item| item.status == status && item.assignee.as_deref() == Some(actor))
                .filter(|item| {
                    let item = (*item).clone().lapsed(now);
                    item.status == status && item.assignee.as_deref() == Some(actor)
                })
                .count();
            if holding + adding > limit {
                return Err(AppError::WipLimit {
                    actor: actor.to_owned(),
                    status,
                    limit,
                    holding,
                });
            }
        }
        Ok(Some(head))
    }
}
