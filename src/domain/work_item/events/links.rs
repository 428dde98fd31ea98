//! Links between items (`items depend`, `items undepend`). A link is recorded on one of
//! its two items; the graph rules (one link per pair, no blocking cycle) are checked by
//! the caller against the other items (`domain::graph`).

use serde::{Deserialize, Serialize};

use super::{Fact, WorkItemEvent};
use crate::domain::{Dependency, DependencyType, DomainError, WorkItem, WorkItemId};
use crate::timestamp::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DependencyAdded {
    pub dependency_id: WorkItemId,
    pub dependency_type: DependencyType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DependencyRemoved {
    pub dependency_id: WorkItemId,
}

impl WorkItem {
    pub fn add_dependency(
        &self,
        other: WorkItemId,
        kind: DependencyType,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        if other == self.id {
            return Err(DomainError::SelfDependency { id: self.id });
        }
        if self.dependencies.iter().any(|d| d.id == other) {
            return Err(DomainError::DuplicateDependency { id: self.id, other });
        }
        Ok(vec![WorkItemEvent::DependencyAdded(DependencyAdded {
            dependency_id: other,
            dependency_type: kind,
        })])
    }

    pub fn remove_dependency(&self, other: WorkItemId) -> Result<Vec<WorkItemEvent>, DomainError> {
        if !self.dependencies.iter().any(|d| d.id == other) {
            return Err(DomainError::NoSuchDependency { id: self.id, other });
        }
        Ok(vec![WorkItemEvent::DependencyRemoved(DependencyRemoved {
            dependency_id: other,
        })])
    }
}

impl Fact for DependencyAdded {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        // Kept in id order, so an item's state does not depend on the order its links were
        // made (an undone undepend restores the same list).
        item.dependencies.retain(|d| d.id != self.dependency_id);
        let at = item.dependencies.partition_point(|d| d.id < self.dependency_id);
        item.dependencies.insert(
            at,
            Dependency {
                id: self.dependency_id,
                kind: self.dependency_type,
            },
        );
    }

    /// Takes back the links added since and, by adding them again, the ones removed since
    /// (for `DependencyRemoved` too, which has nothing of its own to take back).
    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        for dependency in &now.dependencies {
            if !before.dependencies.contains(dependency) {
                events.push(WorkItemEvent::DependencyRemoved(DependencyRemoved {
                    dependency_id: dependency.id,
                }));
            }
        }
        for dependency in &before.dependencies {
            if !now.dependencies.contains(dependency) {
                events.push(WorkItemEvent::DependencyAdded(DependencyAdded {
                    dependency_id: dependency.id,
                    dependency_type: dependency.kind,
                }));
            }
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        Ok(())
    }

    fn describe(&self) -> String {
        match self.dependency_type {
            DependencyType::Blocks => format!("blocks {}", self.dependency_id),
            DependencyType::BlockedBy => format!("blocked by {}", self.dependency_id),
            DependencyType::Related => format!("related to {}", self.dependency_id),
        }
    }
}

impl Fact for DependencyRemoved {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.dependencies.retain(|d| d.id != self.dependency_id);
    }

    /// `DependencyAdded`'s revert takes back both.
    fn revert(_: &WorkItem, _: &WorkItem, _: &str, _: &mut Vec<WorkItemEvent>) {}

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        Ok(())
    }

    fn describe(&self) -> String {
        format!("dependency on {} removed", self.dependency_id)
    }
}
