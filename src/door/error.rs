//! The one error type of every front door, in the manner of jj's `CommandError`: the
//! library's [`ErrorKind`], the message, and hints (the jerry commands to try next, which
//! any door's user can run). The kind comes from the library's own classification
//! (`jerry::kind`); each door renders it once: the CLI as an exit code ([`exit_code`]),
//! the board as an HTTP status, MCP as a tool error. Hints are added here and only here.

use std::error::Error;
use std::io;

use jerry::app::AppError;
use jerry::config::ConfigError;
use jerry::domain::DomainError;
use jerry::project::ProjectError;
use jerry::store::StoreError;
use jerry::timestamp::TimestampError;

pub use jerry::kind::ErrorKind;

/// The command line's exit code for each kind (README, "Exit codes"); the `code` of every
/// door's JSON error object.
pub const fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::Failure => 1,
        ErrorKind::Usage => 2,
        ErrorKind::NotFound => 3,
        ErrorKind::Conflict => 4,
        ErrorKind::Invalid => 5,
        ErrorKind::Corrupt => 6,
    }
}

#[derive(Debug)]
pub struct CommandError {
    kind: ErrorKind,
    message: String,
    hints: Vec<String>,
    /// Nobody reads our stdout any more: not an error, the command ends quietly.
    broken_pipe: bool,
    /// Not even `--json` prints the error object: an answer that is empty, not broken.
    no_json: bool,
}

pub type CommandResult<T = ()> = Result<T, CommandError>;

impl CommandError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            hints: Vec::new(),
            broken_pipe: false,
            no_json: false,
        }
    }

    /// The `--json` error object, `{"error": {"code", "kind", "message"}}` (the MCP
    /// server's tool errors carry the same).
    pub fn json_object(&self) -> serde_json::Value {
        error_object(self.kind, &self.message)
    }

    /// For a command whose `--json` answer already says it failed (one document, and the
    /// exit code): the error is the stderr line alone.
    pub fn without_json(mut self) -> Self {
        self.no_json = true;
        self
    }

    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Failure, message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Invalid, message)
    }

    /// Adds an obvious next step, printed as `hint: …`.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    pub fn of(kind: ErrorKind, err: &dyn Error) -> Self {
        Self::new(kind, chain(err))
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn hints(&self) -> &[String] {
        &self.hints
    }

    /// The reader closed our output: nothing to report, the command ends quietly.
    pub fn is_broken_pipe(&self) -> bool {
        self.broken_pipe
    }

    /// Whether `--json` prints the error object (see [`CommandError::without_json`]).
    pub fn prints_json(&self) -> bool {
        !self.no_json
    }
}

/// The message and its causes on one line, as `message: cause: cause`. A cause the
/// message already spells out (an error whose text includes its source's) is not repeated.
fn chain(err: &dyn Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(next) = cause {
        let said = next.to_string();
        if !text.contains(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        cause = next.source();
    }
    text
}

impl From<AppError> for CommandError {
    fn from(err: AppError) -> Self {
        let error = Self::of(err.kind(), &err);
        match &err {
            AppError::Domain(inner) => domain_hints(error, inner),
            AppError::Store(inner) => store_hints(error, inner),
            AppError::Project(inner) => project_hints(error, inner),
            AppError::ItemNotFound(_) | AppError::ItemMissing { .. } => error.hint("jerry items list"),
            AppError::NotYetCreated { .. } => error.hint("jerry items history shows when it was created"),
            AppError::NoProject { .. } => {
                error.hint("jerry init creates one here (or pass --root to the workspace that has it)")
            }
            AppError::NoStore(_) => error.hint("check --store, or create it with jerry store init"),
            AppError::Conflict { id, .. } => error.hint(format!(
                "jerry items show {id} shows the current version; retry against it"
            )),
            AppError::Damaged { .. } => {
                error.hint("jerry doctor says what is missing and how to bring it back")
            }
            AppError::MigrationDiverged { .. } => {
                error.hint("migrate into an empty store, or one holding an interrupted copy of this project")
            }
            AppError::NothingToUndo { .. } => {
                error.hint("jerry events list --last 5 shows the recent commands' correlation ids")
            }
            AppError::WipLimit { actor, status, .. } => error.hint(format!(
                "jerry items list --assignee {actor} --status {status} lists them"
            )),
            // An agent's claim loop reads stdout: "nothing to take" leaves it empty.
            AppError::NothingReady { .. } => error.without_json(),
            AppError::Io { source, .. } => {
                let mut error = error;
                error.broken_pipe = source.kind() == io::ErrorKind::BrokenPipe;
                error
            }
            AppError::MissingRoot(_) => error.hint("--root names the workspace: a directory that exists"),
            AppError::RootIsProjectsDir { parent, .. } => error.hint(format!("--root {}", parent.display())),
            AppError::SameStore(_) => error.hint("--to names the store to copy the project into"),
            AppError::SeveralExpected => error.hint("--expected-version is one item's version"),
            AppError::HookRefused { hook, .. } => error.hint(format!(
                "the [[hooks]] named {hook} in the project's config.toml is a blocking check"
            )),
            AppError::NoHook { .. } => error.hint("jerry hooks list shows the project's hooks"),
            AppError::NoSuchPosition(_) => {
                error.hint("jerry events list --last 5 shows the latest positions")
            }
            AppError::Config(_)
            | AppError::SameItemTwice(_)
            | AppError::SeveralCreates
            | AppError::MoveToItself(_)
            | AppError::BadEnvironment { .. }
            | AppError::NoUserConfig
            | AppError::CorruptEvent { .. }
            | AppError::Inconsistent { .. }
            | AppError::InvalidImport { .. }
            | AppError::InvalidForeign { .. }
            | AppError::ImportConflict { .. }
            | AppError::ImportChanged { .. }
            | AppError::ImportDuplicateId { .. }
            | AppError::MigrationMismatch { .. }
            | AppError::UndoRefused { .. }
            | AppError::ArchiveUnsupported { .. }
            | AppError::SyncRejected { .. }
            | AppError::SyncChanged { .. }
            | AppError::SyncIdCollision { .. }
            | AppError::SyncIdReused { .. }
            | AppError::SyncOverLimit { .. } => error,
        }
    }
}

impl From<DomainError> for CommandError {
    fn from(err: DomainError) -> Self {
        domain_hints(Self::of(err.kind(), &err), &err)
    }
}

/// The obvious next step after some domain errors.
fn domain_hints(error: CommandError, err: &DomainError) -> CommandError {
    match err {
        DomainError::Claimed { id, .. } => error.hint(format!(
            "jerry items claim (without an id) takes the next ready item; jerry items show {id} shows the claim"
        )),
        DomainError::QualityGate { id } => error.hint(format!(
            "record them first (jerry items metrics {id} --coverage … --positive … --negative … --edge …), or run `jerry config set quality_gate warn`"
        )),
        DomainError::WhichConflict { id, open } => error.hint(format!(
            "jerry items resolve {id} --conflict {} …, or --keep alone to keep what {id} holds against all of them",
            open.first().copied().unwrap_or_default()
        )),
        DomainError::NoConflict { id } => error.hint(format!("jerry items show {id} lists its conflicts")),
        DomainError::Deleted { id } => error.hint(format!("jerry items restore {id} brings it back")),
        DomainError::DeleteByCommand { id } => error.hint(format!("jerry items delete {id} deletes it")),
        DomainError::NotClaimable { .. }
        | DomainError::NotInProgress { .. }
        | DomainError::RecurWithoutDue { .. }
        | DomainError::NotMovable { .. }
        | DomainError::MovesWithChildren { .. }
        | DomainError::InvalidValue { .. }
        | DomainError::EmptyTitle
        | DomainError::TooLong { .. }
        | DomainError::InvalidTransition { .. }
        | DomainError::NotDone { .. }
        | DomainError::OpenChildren { .. }
        | DomainError::Unchanged { .. }
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
        | DomainError::NoSuchConflict { .. } => error,
    }
}

impl From<StoreError> for CommandError {
    fn from(err: StoreError) -> Self {
        store_hints(Self::of(err.kind(), &err), &err)
    }
}

fn store_hints(error: CommandError, err: &StoreError) -> CommandError {
    match err {
        StoreError::Schema { found, wanted, .. } if found < wanted => {
            error.hint("jerry store init creates or upgrades the schema")
        }
        StoreError::Schema { .. } => error.hint("upgrade jerry to use this database"),
        _ => error,
    }
}

impl From<ProjectError> for CommandError {
    fn from(err: ProjectError) -> Self {
        project_hints(Self::of(err.kind(), &err), &err)
    }
}

fn project_hints(error: CommandError, err: &ProjectError) -> CommandError {
    match err {
        ProjectError::NotFound { id, .. } => error.hint(format!("jerry init {id}")),
        ProjectError::Ambiguous { .. } => error
            .hint("pass --project, set JERRY_PROJECT, or make one the default with jerry projects use ID"),
        ProjectError::Io { .. } => error,
    }
}

impl From<ConfigError> for CommandError {
    fn from(err: ConfigError) -> Self {
        Self::of(err.kind(), &err)
    }
}

impl From<TimestampError> for CommandError {
    fn from(err: TimestampError) -> Self {
        Self::of(err.kind(), &err)
    }
}

/// Writing the output failed; a closed pipe is the reader's choice, not an error.
impl From<io::Error> for CommandError {
    fn from(err: io::Error) -> Self {
        let mut error = CommandError::of(ErrorKind::Failure, &err);
        error.broken_pipe = err.kind() == io::ErrorKind::BrokenPipe;
        error
    }
}

/// Encoding the output failed (it cannot for jerry's own types; a failure is a bug).
impl From<serde_json::Error> for CommandError {
    fn from(err: serde_json::Error) -> Self {
        let mut error = Self::of(ErrorKind::Failure, &err);
        error.broken_pipe = err.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
        error
    }
}

/// The JSON error object every door answers with (docs/json-output.md):
/// `{"error": {"code", "kind", "message"}}`.
pub fn error_object(kind: ErrorKind, message: &str) -> serde_json::Value {
    serde_json::json!({
        "error": { "code": exit_code(kind), "kind": kind.name(), "message": message }
    })
}
