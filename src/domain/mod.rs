//! The work-item model: pure data and rules. No I/O, no clock, no randomness; time and
//! ids are passed in, so every decision here is a plain function of its inputs.

pub mod archive;
mod error;
pub mod flow;
pub mod graph;
pub mod ids;
pub mod limits;
mod policy;
pub mod recurrence;
pub mod revert;
mod status;
pub mod upcast;
pub mod urgency;
mod values;
mod work_item;

pub use error::DomainError;
pub use ids::{source_ulid, ItemRef, ProjectId, SourceRef, WorkItemId, SOURCE_PREFIXES};
pub use policy::Policy;
pub use status::Status;
pub use values::{DependencyType, Priority, QualityGate, WorkType};
pub use work_item::events::{
    duration, is_commit_id, named_in, short, AssigneeChanged, CommentAdded, CommentRemoved, CommitLinked,
    ConflictReopened, ConflictResolved, DependencyAdded, DependencyRemoved, DescriptionChanged, Elsewhere,
    Fact, LabelAdded, LabelRemoved, ParentChanged, PriorityChanged, QualityMetrics, QualityMetricsUpdated,
    Resolution, StatusChanged, TitleChanged, WorkItemCompleted, WorkItemCreated, WorkItemMoved,
    WorkItemRenumbered, AGGREGATE_TYPE,
};
pub use work_item::{
    Claim, Comment, CommitLink, Conflict, Decision, Dependency, NewWorkItem, Wanted, WorkItem, WorkItemEvent,
    EVENT_TYPES,
};
