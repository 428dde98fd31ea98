//! What kind of failure an error is: the library's one classification, which each front
//! door renders its own way (the command line as an exit code with hints, the board as an
//! HTTP status, MCP as a tool error's `kind`). Every error type of the library answers
//! [`ErrorKind`] here with an exhaustive match, so a new variant does not compile until it
//! is classified, once, below the doors; no door reads a kind back out of a message or a
//! rendered error.

use crate::app::AppError;
use crate::config::ConfigError;
use crate::domain::DomainError;
use crate::project::ProjectError;
use crate::store::StoreError;
use crate::timestamp::TimestampError;

/// The kinds of failure, each a documented exit code of the command line (README, "Exit
/// codes") and a `kind` word of every door's JSON error object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Something outside the request failed: the disk, a lock held too long, a server.
    Failure,
    /// The request is not one the door understands (arguments, a flag combination).
    Usage,
    /// What the request names is not there.
    NotFound,
    /// The state is in the way: changed since it was read, held by someone else, or
    /// disagreeing with another copy.
    Conflict,
    /// The request is understood and refused: a value or a move the rules forbid.
    Invalid,
    /// Stored data is damaged.
    Corrupt,
}

impl ErrorKind {
    /// The word every door's JSON error object carries as `kind`.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::Failure => "failure",
            ErrorKind::Usage => "usage",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Invalid => "invalid_input",
            ErrorKind::Corrupt => "corrupt_data",
        }
    }
}

impl AppError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            AppError::Domain(inner) => inner.kind(),
            AppError::Store(inner) => inner.kind(),
            AppError::Project(inner) => inner.kind(),
            AppError::Config(inner) => inner.kind(),
            AppError::ItemNotFound(_)
            | AppError::ItemMissing { .. }
            | AppError::NotYetCreated { .. }
            | AppError::MissingRoot(_)
            | AppError::NoProject { .. }
            | AppError::NoStore(_)
            | AppError::NothingToUndo { .. }
            | AppError::NothingReady { .. }
            | AppError::NoHook { .. }
            | AppError::NoSuchPosition(_) => ErrorKind::NotFound,
            AppError::RootIsProjectsDir { .. }
            | AppError::SameItemTwice(_)
            | AppError::SeveralExpected
            | AppError::SeveralCreates
            | AppError::MoveToItself(_) => ErrorKind::Usage,
            AppError::SameStore(_)
            | AppError::BadEnvironment { .. }
            | AppError::NoUserConfig
            | AppError::InvalidImport { .. }
            | AppError::InvalidForeign { .. }
            | AppError::HookRefused { .. }
            | AppError::ArchiveUnsupported { .. }
            | AppError::SyncRejected { .. } => ErrorKind::Invalid,
            AppError::Conflict { .. }
            | AppError::WipLimit { .. }
            | AppError::ImportConflict { .. }
            | AppError::ImportChanged { .. }
            | AppError::ImportDuplicateId { .. }
            | AppError::MigrationDiverged { .. }
            | AppError::UndoRefused { .. }
            | AppError::SyncChanged { .. }
            | AppError::SyncIdCollision { .. }
            | AppError::SyncIdReused { .. }
            | AppError::SyncOverLimit { .. } => ErrorKind::Conflict,
            AppError::CorruptEvent { .. }
            | AppError::Inconsistent { .. }
            | AppError::Damaged { .. }
            | AppError::MigrationMismatch { .. } => ErrorKind::Corrupt,
            AppError::Io { .. } => ErrorKind::Failure,
        }
    }
}

impl DomainError {
    /// Every domain error is a refused request, but a claim someone else holds: there the
    /// state, not the request, is in the way.
    pub fn kind(&self) -> ErrorKind {
        match self {
            DomainError::Claimed { .. } => ErrorKind::Conflict,
            DomainError::NotClaimable { .. }
            | DomainError::NotInProgress { .. }
            | DomainError::QualityGate { .. }
            | DomainError::InvalidValue { .. }
            | DomainError::EmptyTitle
            | DomainError::TooLong { .. }
            | DomainError::InvalidTransition { .. }
            | DomainError::NotDone { .. }
            | DomainError::OpenChildren { .. }
            | DomainError::Unchanged { .. }
            | DomainError::Deleted { .. }
            | DomainError::DeleteByCommand { .. }
            | DomainError::RecurWithoutDue { .. }
            | DomainError::NotMovable { .. }
            | DomainError::MovesWithChildren { .. }
            | DomainError::SelfDependency { .. }
            | DomainError::DuplicateDependency { .. }
            | DomainError::NoSuchDependency { .. }
            | DomainError::NoSuchLabel { .. }
            | DomainError::OwnParent { .. }
            | DomainError::UnknownEventType { .. }
            | DomainError::MalformedEvent { .. }
            | DomainError::MissingCreation { .. }
            | DomainError::MissingReason { .. }
            | DomainError::Cycle { .. }
            | DomainError::InvalidParent { .. }
            | DomainError::NoSuchConflict { .. }
            | DomainError::WhichConflict { .. }
            | DomainError::NoConflict { .. } => ErrorKind::Invalid,
        }
    }
}

impl StoreError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            StoreError::Conflict { .. } | StoreError::HeadMoved { .. } | StoreError::RenameRefused { .. } => {
                ErrorKind::Conflict
            }
            StoreError::Corrupt { .. } => ErrorKind::Corrupt,
            StoreError::InvalidStreamId(..)
            | StoreError::EmptyBatch(_)
            | StoreError::DuplicateStream(_)
            | StoreError::IdempotencyKeyReused { .. }
            | StoreError::InvalidUrl { .. } => ErrorKind::Invalid,
            StoreError::LockTimeout { .. }
            | StoreError::Io { .. }
            | StoreError::Encode { .. }
            | StoreError::Database { .. }
            | StoreError::Schema { .. } => ErrorKind::Failure,
        }
    }
}

impl ProjectError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            ProjectError::NotFound { .. } => ErrorKind::NotFound,
            ProjectError::Ambiguous { .. } => ErrorKind::Usage,
            ProjectError::Io { .. } => ErrorKind::Failure,
        }
    }
}

impl ConfigError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            ConfigError::Write { .. } => ErrorKind::Failure,
            ConfigError::Unreadable { .. }
            | ConfigError::UnknownKey(_)
            | ConfigError::InvalidValue { .. } => ErrorKind::Invalid,
        }
    }
}

impl TimestampError {
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::Invalid
    }
}
