use std::path::PathBuf;

use crate::config::ConfigError;
use crate::domain::{DomainError, ItemRef, ProjectId, WorkItemId};
use crate::project::ProjectError;
use crate::store::{StoreError, StoreUrl, StreamId};
use crate::timestamp::Timestamp;

/// Why a command or query failed. Each variant maps to one documented exit code in the CLI.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0} not found")]
    ItemNotFound(ItemRef),
    /// [`AppError::ItemNotFound`], as the service reports it: with the project searched.
    #[error("{item} not found in {project}")]
    ItemMissing { item: ItemRef, project: ProjectId },
    /// `items show --at` names a moment before the item was created.
    #[error("{item} did not exist yet at {at}")]
    NotYetCreated { item: ItemRef, at: Timestamp },
    /// The workspace root named is no directory. Nothing is created for a root that does
    /// not exist, so a typo cannot scatter projects across the disk.
    #[error("workspace root {}: no such directory", .0.display())]
    MissingRoot(PathBuf),
    /// A read that needs a project, where there is none yet.
    #[error("there is no project in {} yet", .root.display())]
    NoProject { root: PathBuf },
    /// Neither `XDG_CONFIG_HOME` nor `HOME` says where the user's settings live.
    #[error("there is no place for user settings: set XDG_CONFIG_HOME or HOME to an absolute path")]
    NoUserConfig,
    /// A read of a database file that does not exist (reads never create one).
    #[error("{0} does not exist (reads never create a store)")]
    NoStore(StoreUrl),
    /// The root named is a workspace's `projects/` folder instead of the workspace.
    #[error("workspace root {} is a projects/ folder; name the workspace that holds it: {}", .root.display(), .parent.display())]
    RootIsProjectsDir { root: PathBuf, parent: PathBuf },
    /// `store migrate` names as its target the store the project already uses.
    #[error("{0} is the store this project already uses; name another target")]
    SameStore(StoreUrl),
    /// A developer setting (`JERRY_TEST_TIMESTAMP`, `JERRY_TEST_SEED`) that does not parse.
    #[error("{var}: {reason}")]
    BadEnvironment { var: &'static str, reason: String },
    #[error("{}", stale_version(*id, *expected, *actual))]
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
    /// The item's file holds fewer events than the log had seen of it: changed outside
    /// jerry. A write would append after what is left, so none is made.
    #[error("{id} was changed outside jerry: the log had seen version {seen}, its file holds version {holds}; nothing was written")]
    Damaged { id: WorkItemId, seen: u64, holds: u64 },
    #[error("line {line} of the import: {reason}")]
    InvalidImport { line: u64, reason: String },
    /// A blocking hook refused a command's events (`[[hooks]]` with `blocking = true`);
    /// nothing was written.
    #[error("refused by hook {hook}: {message}; nothing was written")]
    HookRefused { hook: String, message: String },
    /// `jerry hooks test|retry NAME` names no hook in the project's config.
    #[error("no hook named '{name}' (known: {known})")]
    NoHook { name: String, known: String },
    /// No event has this position in the log.
    #[error("no event at position {0}")]
    NoSuchPosition(u64),
    /// A record of another tracker's export that cannot be read (`jerry import --from`).
    #[error("{place} of the {tracker} export: {reason}; nothing was imported")]
    InvalidForeign {
        tracker: &'static str,
        place: String,
        reason: String,
    },
    #[error("line {line} of the import conflicts with {stream} version {version}, which holds event {existing}; nothing was imported")]
    ImportConflict {
        stream: StreamId,
        version: u64,
        line: u64,
        existing: String,
    },
    #[error("line {line} holds event {event_id}, which is stored here with different content; nothing was imported")]
    ImportChanged { line: u64, event_id: String },
    #[error("line {line}: event id {event_id} is already stored as {stream} version {version}; nothing was imported")]
    ImportDuplicateId {
        line: u64,
        event_id: String,
        stream: StreamId,
        version: u64,
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
    /// One command named the same item twice (`items start 3 WORK-3`).
    #[error("{0} is named twice; name each item once")]
    SameItemTwice(WorkItemId),
    /// An expected version is one item's version; with several items it is ambiguous.
    #[error("an expected version guards one item; name one item, or leave it out")]
    SeveralExpected,
    /// `items move --to` the project the item is in.
    #[error("the item is in {0} already")]
    MoveToItself(crate::domain::ProjectId),
    /// Items are created one at a time (each gets the next number).
    #[error("items are created one per command")]
    SeveralCreates,
    /// `reason` says it whole: "nothing to undo: …" or "nothing to redo: …".
    #[error("{reason}")]
    NothingToUndo { reason: String },
    /// A claim, start or assignment would have an actor hold more items in a status than
    /// the project's `wip_limit.STATUS` allows.
    #[error("{actor} already holds {holding} {status} item{} and wip_limit.{status} is {limit}: finish or release one first", if *holding == 1 { "" } else { "s" })]
    WipLimit {
        actor: String,
        status: crate::domain::Status,
        limit: usize,
        holding: usize,
    },
    /// `items claim` without an id found no ready item it could take.
    #[error("nothing is ready to claim in {project}")]
    NothingReady { project: ProjectId },
    #[error("cannot undo {correlation}: later events touched the same items: {later}; undo those first")]
    UndoRefused { correlation: String, later: String },
    /// `jerry sync` received something that is not a readable item event.
    #[error("the remote holds event {event}, which cannot be taken: {reason}; nothing was applied")]
    SyncRejected { event: String, reason: String },
    /// `jerry sync` received an event this clone holds with other content.
    #[error(
        "the remote holds event {event} of {item} with other content than this clone; nothing was applied"
    )]
    SyncChanged { event: String, item: String },
    /// An incoming event holds text over the limits typed input keeps.
    #[error("the remote holds event {event}, which no jerry command could have written ({reason}); nothing was applied")]
    SyncOverLimit { event: String, reason: String },
    /// An incoming event reuses the id of another item's event here.
    #[error("the remote holds event {event} as part of {item}, but here that id belongs to {held}; nothing was applied")]
    SyncIdReused {
        event: String,
        item: String,
        held: String,
    },
    /// Two clones each created the same item number as different items.
    #[error("{id} was created here (event {here}) and on the remote (event {there}) as different items, and this clone's had already gone to another remote, so it cannot be renumbered; nothing was applied")]
    SyncIdCollision {
        id: WorkItemId,
        here: String,
        there: String,
    },
    #[error("the read model disagrees with the event log in {count} place(s); first: {first}")]
    Inconsistent { count: usize, first: String },
    #[error("jerry archive works on the files store; this project keeps its events in {store}")]
    ArchiveUnsupported { store: String },
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// An I/O failure outside the store (reading an import file, the working directory).
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl AppError {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        AppError::Io {
            context: context.into(),
            source,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        AppError::Store(err)
    }
}

/// What an expected version that does not hold means: someone wrote since (it is behind),
/// or the version was never reached (it is ahead: a typo, or the wrong item).
fn stale_version(id: WorkItemId, expected: u64, actual: u64) -> String {
    if expected > actual {
        format!("{id} is at version {actual}: it has no version {expected} yet (expected version {expected})")
    } else {
        format!("{id} was changed by someone else: expected version {expected}, it is at version {actual}")
    }
}
