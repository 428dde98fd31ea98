use crate::domain::{DomainError, ItemRef, WorkItemId};
use crate::project::ProjectError;
use crate::store::{StoreError, StreamId};

/// Why a command or query failed. Each variant maps to one documented exit code in the CLI.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0} not found")]
    ItemNotFound(ItemRef),
    #[error("{id} was changed by someone else: expected version {expected}, it is at version {actual}")]
    Conflict {
        id: WorkItemId,
        expected: u64,
        actual: u64,
    },
    #[error("corrupt event in {stream} version {version}: {source}")]
    CorruptEvent {
        stream: String,
        version: u64,
        #[source]
        source: DomainError,
    },
    #[error("line {line} of the import: {reason}")]
    InvalidImport { line: u64, reason: String },
    #[error("line {line} of the import conflicts with {stream} version {version}, which holds event {existing}; nothing was imported")]
    ImportConflict {
        stream: StreamId,
        version: u64,
        line: u64,
        existing: String,
    },
    /// `store migrate` found a target holding events this project's log does not have.
    #[error("the target store diverges from this project at position {position}: {reason}; nothing more was copied")]
    MigrationDiverged { position: u64, reason: String },
    /// `store migrate` copied, but the two logs do not read back the same.
    #[error("after the copy the stores differ: {source_events} events (hash {source_hash}) here, {target_events} (hash {target_hash}) in the target")]
    MigrationMismatch {
        source_events: u64,
        source_hash: String,
        target_events: u64,
        target_hash: String,
    },
    #[error("nothing to undo: {reason}")]
    NothingToUndo { reason: String },
    #[error("cannot undo {correlation}: later events touched the same items: {later}; undo those first")]
    UndoRefused { correlation: String, later: String },
    #[error("undo of {correlation} was cut short: {changed} was written while undoing; already taken back: {done} (jerry undo --correlation {undo_correlation} restores them)")]
    UndoCutShort {
        correlation: String,
        undo_correlation: String,
        changed: String,
        done: String,
    },
    #[error("the read model disagrees with the event log in {count} place(s); first: {first}")]
    Inconsistent { count: usize, first: String },
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Project(#[from] ProjectError),
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        AppError::Store(err)
    }
}
