//! Claims (`items claim`, `items release`): who holds an item in progress, and until when.

use serde::{Deserialize, Serialize};

use super::{with_reason, Fact, WorkItemEvent};
use crate::domain::limits::{check_maybe, check_name, check_text, non_blank, MAX_NAME, MAX_REASON};
use crate::domain::{AssigneeChanged, Claim, DomainError, Status, WorkItem};
use crate::timestamp::Timestamp;

/// `items claim`: the item is in progress and assigned to `claimant`, who holds it until
/// `lease_until` (renewed by each of the claimant's writes) or, without a lease, until it is
/// released, finished or reassigned. Also the renewal of a claim by its holder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItemClaimed {
    pub claimant: String,
    pub old_status: Status,
    #[serde(default)]
    pub old_assignee: Option<String>,
    /// How long each of the holder's writes extends the claim; absent: no lease.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_seconds: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_until: Option<Timestamp>,
    /// The holder whose lease had run out when this claim took the item over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken_from: Option<String>,
}

/// `items release`: in progress → pending, the assignee and the claim cleared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItemReleased {
    #[serde(default)]
    pub old_assignee: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

impl WorkItem {
    /// `claimant` takes the item at `now` (the state as of `now`: see [`WorkItem::lapse`]),
    /// or renews the claim they hold. A pending item is claimed; one in progress only by the
    /// one who holds it, or by anyone when nobody is assigned. With `lease`, the claim runs
    /// out that long after the holder's last write; a renewal without one keeps the lease
    /// it had.
    pub fn claim(
        &self,
        claimant: &str,
        lease: Option<std::time::Duration>,
        now: Timestamp,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        check_name("actor", claimant)?;
        let held = self.claim.as_ref().filter(|c| !c.expired);
        match self.status {
            Status::Pending => {}
            Status::InProgress => {
                let holder = held.map(|c| c.holder.as_str()).or(self.assignee.as_deref());
                if let Some(holder) = holder.filter(|h| *h != claimant) {
                    return Err(DomainError::Claimed {
                        id: self.id,
                        holder: holder.to_owned(),
                        until: held.and_then(|c| c.until),
                    });
                }
            }
            status => return Err(DomainError::NotClaimable { id: self.id, status }),
        }
        let lease_seconds = match lease {
            Some(lease) => Some(lease.as_secs().max(1)),
            None => held.and_then(|c| c.lease_seconds),
        };
        let lease_until =
            lease_seconds.and_then(|seconds| now.checked_add(std::time::Duration::from_secs(seconds)));
        if held.is_some_and(|c| {
            c.holder == claimant && c.lease_seconds == lease_seconds && c.until == lease_until
        }) {
            // Renewing a claim without a lease (or at the moment it was renewed) changes nothing.
            return Err(DomainError::Unchanged {
                id: self.id,
                what: format!("claimed by {claimant}, with nothing to renew"),
            });
        }
        let taken_from = self
            .claim
            .as_ref()
            .filter(|c| c.expired && c.holder != claimant)
            .map(|c| c.holder.clone());
        Ok(vec![WorkItemEvent::Claimed(WorkItemClaimed {
            claimant: claimant.to_owned(),
            old_status: self.status,
            old_assignee: self.assignee.clone(),
            lease_seconds,
            lease_until,
            taken_from,
        })])
    }

    /// Gives an item in progress back: pending, unassigned, unclaimed. Someone else's live
    /// claim is theirs to give back, unless `force`.
    pub fn release(
        &self,
        actor: &str,
        force: bool,
        reason: Option<String>,
        now: Timestamp,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        if self.status != Status::InProgress {
            return Err(DomainError::NotInProgress {
                id: self.id,
                status: self.status,
            });
        }
        if let Some(claim) = self.holder_at(now).filter(|c| c.holder != actor && !force) {
            return Err(DomainError::Claimed {
                id: self.id,
                holder: claim.holder.clone(),
                until: claim.until,
            });
        }
        Ok(vec![WorkItemEvent::Released(WorkItemReleased {
            old_assignee: self.assignee.clone(),
            reason: non_blank(reason)?,
        })])
    }
}

impl Fact for WorkItemClaimed {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.status = Status::InProgress;
        item.blocked_reason = None;
        item.assignee = Some(self.claimant.clone());
        item.claim = Some(Claim {
            holder: self.claimant,
            lease_seconds: self.lease_seconds,
            until: self.lease_until,
            expired: false,
        });
    }

    /// Last of the changes of state (a status or assignee change ends a claim, so theirs
    /// come first): a claim that came on an item already in progress for its holder (so
    /// neither status nor assignee moved) is ended by handing the item off and back; a
    /// claim the item had comes back with the lease it had (an undone release, or
    /// renewal). A lapsed one is not restored: it held nothing.
    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if before.claim.is_none() && now.claim.is_some() {
            let mut state = now.clone();
            for event in events.iter() {
                state.apply(Some(event), state.version + 1, now.updated_at, "");
            }
            if state.claim.is_some() {
                events.push(WorkItemEvent::AssigneeChanged(AssigneeChanged {
                    old_assignee: state.assignee.clone(),
                    new_assignee: None,
                }));
                if before.assignee.is_some() {
                    events.push(WorkItemEvent::AssigneeChanged(AssigneeChanged {
                        old_assignee: None,
                        new_assignee: before.assignee.clone(),
                    }));
                }
            }
        }
        if let Some(claim) = before.claim.as_ref().filter(|c| !c.expired) {
            if now.claim.as_ref() != Some(claim) && before.status == Status::InProgress {
                events.push(WorkItemEvent::Claimed(WorkItemClaimed {
                    claimant: claim.holder.clone(),
                    old_status: before.status,
                    old_assignee: before.assignee.clone(),
                    lease_seconds: claim.lease_seconds,
                    lease_until: claim.until,
                    taken_from: None,
                }));
            }
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_text("actor", &self.claimant, MAX_NAME)?;
        check_maybe("assignee", self.old_assignee.as_ref(), MAX_NAME)?;
        check_maybe("actor", self.taken_from.as_ref(), MAX_NAME)
    }

    fn describe(&self) -> String {
        let until = self
            .lease_until
            .map(|u| format!(" until {u}"))
            .unwrap_or_default();
        let from = self
            .taken_from
            .as_ref()
            .map(|from| format!(" (taken over from {from}, whose lease ran out)"))
            .unwrap_or_default();
        format!("claimed by {}{until}{from}", self.claimant)
    }
}

impl Fact for WorkItemReleased {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.status = Status::Pending;
        item.assignee = None;
        item.claim = None;
    }

    /// The status, assignee and claim it changed are taken back by theirs.
    fn revert(_: &WorkItem, _: &WorkItem, _: &str, _: &mut Vec<WorkItemEvent>) {}

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_maybe("assignee", self.old_assignee.as_ref(), MAX_NAME)?;
        check_maybe("reason", self.reason.as_ref(), MAX_REASON)
    }

    fn describe(&self) -> String {
        with_reason(
            match &self.old_assignee {
                Some(who) => format!("released (was {who})"),
                None => "released".to_owned(),
            },
            self.reason.as_deref(),
        )
    }
}
