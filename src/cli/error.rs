//! The one error type of the command line, in the manner of jj's `CommandError`: a kind
//! (which is the exit code), the message, and hints. Every layer's error enum becomes one
//! through a `From` impl that matches it exhaustively, so a new variant does not compile
//! until it has an exit code. Hints (command lines to try) are added here and only here.

use std::error::Error;
use std::io;
use std::process::ExitCode;

use clap::error::ErrorKind;

use jerry::app::AppError;
use jerry::config::ConfigError;
use jerry::domain::DomainError;
use jerry::project::ProjectError;
use jerry::store::StoreError;
use jerry::timestamp::TimestampError;

/// The documented exit codes (README, "Exit codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Failure = 1,
    Usage = 2,
    NotFound = 3,
    Conflict = 4,
    Invalid = 5,
    Corrupt = 6,
}

impl Exit {
    /// The `kind` of the `--json` error object.
    fn name(self) -> &'static str {
        match self {
            Exit::Failure => "failure",
            Exit::Usage => "usage",
            Exit::NotFound => "not_found",
            Exit::Conflict => "conflict",
            Exit::Invalid => "invalid_input",
            Exit::Corrupt => "corrupt_data",
        }
    }
}

#[derive(Debug)]
pub struct CommandError {
    kind: Exit,
    message: String,
    hints: Vec<String>,
    /// Nobody reads our stdout any more: not an error, the command ends quietly.
    broken_pipe: bool,
    /// Not even `--json` prints the error object: an answer that is empty, not broken.
    no_json: bool,
}

pub type CliResult<T = ()> = Result<T, CommandError>;

impl CommandError {
    pub fn new(kind: Exit, message: impl Into<String>) -> Self {
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
        Self::new(Exit::Failure, message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(Exit::Invalid, message)
    }

    /// Adds an obvious next step, printed as `hint: …`.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    fn of(kind: Exit, err: &dyn Error) -> Self {
        Self::new(kind, chain(err))
    }

    /// Prints the error and returns its exit code: one line on stderr (plus any hints),
    /// and with `--json` also the error object, which `print` writes in the chosen format.
    pub fn report(&self, json: bool, print: impl FnOnce(&serde_json::Value)) -> ExitCode {
        if self.broken_pipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("error: {}", self.message);
        for hint in &self.hints {
            eprintln!("hint: {hint}");
        }
        if json && !self.no_json {
            print(&error_object(self.kind, &self.message));
        }
        ExitCode::from(self.kind as u8)
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
        let kind = match &err {
            AppError::Domain(inner) => return hinted_domain(inner, &err),
            AppError::Store(inner) => return store(inner, &err),
            AppError::Project(inner) => return project(inner, &err),
            AppError::Config(inner) => config_exit(inner),
            AppError::ItemNotFound(_) | AppError::ItemMissing { .. } => {
                return Self::of(Exit::NotFound, &err).hint("jerry items list")
            }
            AppError::NotYetCreated { .. } => {
                return Self::of(Exit::NotFound, &err).hint("jerry items history shows when it was created")
            }
            AppError::MissingRoot(_) => Exit::NotFound,
            AppError::NoProject { .. } => {
                return Self::of(Exit::NotFound, &err)
                    .hint("jerry init creates one here (or pass --root to the workspace that has it)")
            }
            AppError::NoStore(_) => {
                return Self::of(Exit::NotFound, &err)
                    .hint("check --store, or create it with jerry store init")
            }
            AppError::RootIsProjectsDir { .. } => Exit::Usage,
            AppError::SameItemTwice(_) | AppError::SeveralExpected | AppError::SeveralCreates => Exit::Usage,
            AppError::SameStore(_) | AppError::BadEnvironment { .. } => Exit::Invalid,
            AppError::Conflict { id, .. } => {
                let hint = format!("jerry items show {id} shows the current version; retry against it");
                return Self::of(Exit::Conflict, &err).hint(hint);
            }
            AppError::CorruptEvent { .. } | AppError::Inconsistent { .. } => Exit::Corrupt,
            AppError::Damaged { .. } => {
                return Self::of(Exit::Corrupt, &err)
                    .hint("jerry doctor says what is missing and how to bring it back")
            }
            AppError::InvalidImport { .. } => Exit::Invalid,
            AppError::ImportConflict { .. }
            | AppError::ImportChanged { .. }
            | AppError::ImportDuplicateId { .. } => Exit::Conflict,
            AppError::MigrationDiverged { .. } => {
                return Self::of(Exit::Conflict, &err)
                    .hint("migrate into an empty store, or one holding an interrupted copy of this project")
            }
            AppError::MigrationMismatch { .. } => Exit::Corrupt,
            AppError::NothingToUndo { .. } => {
                return Self::of(Exit::NotFound, &err)
                    .hint("jerry events list --last 5 shows the recent commands' correlation ids")
            }
            AppError::UndoRefused { .. } => Exit::Conflict,
            AppError::ArchiveUnsupported { .. } => Exit::Invalid,
            AppError::SyncRejected { .. } => Exit::Invalid,
            AppError::SyncChanged { .. }
            | AppError::SyncIdCollision { .. }
            | AppError::SyncIdReused { .. }
            | AppError::SyncOverLimit { .. } => Exit::Conflict,
            // An agent's claim loop reads stdout: "nothing to take" leaves it empty.
            AppError::NothingReady { .. } => return Self::of(Exit::NotFound, &err).without_json(),
            AppError::Io { source, .. } => return io_error(source, &err),
        };
        Self::of(kind, &err)
    }
}

/// A merge the driver cannot make is a conflict for git, which is what exit 1 tells it.
impl From<crate::sync::merge_driver::DriverError> for CommandError {
    fn from(err: crate::sync::merge_driver::DriverError) -> Self {
        Self::of(Exit::Failure, &err)
    }
}

impl From<crate::sync::SyncError> for CommandError {
    fn from(err: crate::sync::SyncError) -> Self {
        use crate::sync::{git::GitError, SyncError};
        match err {
            SyncError::App(inner) => inner.into(),
            SyncError::Git(GitError::NotARepository(_)) => {
                Self::of(Exit::Failure, &err).hint("git init, or run jerry sync inside a clone")
            }
            SyncError::Git(GitError::NotACommit { .. }) | SyncError::PackChanged { .. } => {
                Self::of(Exit::Conflict, &err)
            }
            SyncError::Git(_) | SyncError::Busy(_) | SyncError::Lock { .. } => Self::of(Exit::Failure, &err),
            SyncError::Garbage { .. } | SyncError::BadRemote(_) => Self::of(Exit::Invalid, &err),
        }
    }
}

impl From<DomainError> for CommandError {
    fn from(err: DomainError) -> Self {
        hinted_domain(&err, &err)
    }
}

/// Every domain error is invalid input; some have an obvious next step.
fn hinted_domain(err: &DomainError, whole: &dyn Error) -> CommandError {
    let error = CommandError::of(Exit::Invalid, whole);
    match err {
        // Someone else holds it: the state, not the input, is in the way.
        DomainError::Claimed { id, .. } => CommandError::of(Exit::Conflict, whole).hint(format!(
            "jerry items claim (without an id) takes the next ready item; jerry items show {id} shows the claim"
        )),
        DomainError::NotClaimable { .. } | DomainError::NotInProgress { .. } => error,
        DomainError::QualityGate { id } => error.hint(format!(
            "record them first (jerry items metrics {id} --coverage … --positive … --negative … --edge …), or run `jerry config set quality_gate warn`"
        )),
        DomainError::InvalidValue { .. }
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
        DomainError::WhichConflict { id, open } => error.hint(format!(
            "jerry items resolve {id} --conflict {} …, or --keep alone to keep what {id} holds against all of them",
            open.first().copied().unwrap_or_default()
        )),
        DomainError::NoConflict { id } => error.hint(format!("jerry items show {id} lists its conflicts")),
    }
}

impl From<StoreError> for CommandError {
    fn from(err: StoreError) -> Self {
        store(&err, &err)
    }
}

fn store(err: &StoreError, whole: &dyn Error) -> CommandError {
    let error = CommandError::of(store_exit(err), whole);
    match err {
        StoreError::Schema { found, wanted, .. } if found < wanted => {
            error.hint("jerry store init creates or upgrades the schema")
        }
        StoreError::Schema { .. } => error.hint("upgrade jerry to use this database"),
        _ => error,
    }
}

fn store_exit(err: &StoreError) -> Exit {
    match err {
        StoreError::Conflict { .. } | StoreError::RenameRefused { .. } => Exit::Conflict,
        StoreError::Corrupt { .. } => Exit::Corrupt,
        StoreError::InvalidStreamId(..)
        | StoreError::EmptyBatch(_)
        | StoreError::DuplicateStream(_)
        | StoreError::IdempotencyKeyReused { .. }
        | StoreError::InvalidUrl { .. } => Exit::Invalid,
        StoreError::LockTimeout { .. }
        | StoreError::Io { .. }
        | StoreError::Encode { .. }
        | StoreError::Database { .. }
        | StoreError::Schema { .. } => Exit::Failure,
    }
}

impl From<ProjectError> for CommandError {
    fn from(err: ProjectError) -> Self {
        project(&err, &err)
    }
}

fn project(err: &ProjectError, whole: &dyn Error) -> CommandError {
    match err {
        ProjectError::NotFound { id, .. } => {
            CommandError::of(Exit::NotFound, whole).hint(format!("jerry init {id}"))
        }
        ProjectError::Ambiguous { .. } => CommandError::of(Exit::Usage, whole)
            .hint("pass --project, set JERRY_PROJECT, or make one the default with jerry projects use ID"),
        ProjectError::Io { .. } => CommandError::of(Exit::Failure, whole),
    }
}

impl From<ConfigError> for CommandError {
    fn from(err: ConfigError) -> Self {
        Self::of(config_exit(&err), &err)
    }
}

fn config_exit(err: &ConfigError) -> Exit {
    match err {
        ConfigError::Write { .. } => Exit::Failure,
        ConfigError::Unreadable { .. } | ConfigError::UnknownKey(_) | ConfigError::InvalidValue { .. } => {
            Exit::Invalid
        }
    }
}

impl From<TimestampError> for CommandError {
    fn from(err: TimestampError) -> Self {
        Self::of(Exit::Invalid, &err)
    }
}

/// Writing the output failed; a closed pipe is the reader's choice, not an error.
impl From<io::Error> for CommandError {
    fn from(err: io::Error) -> Self {
        io_error(&err, &err)
    }
}

fn io_error(err: &io::Error, whole: &dyn Error) -> CommandError {
    let mut error = CommandError::of(Exit::Failure, whole);
    error.broken_pipe = err.kind() == io::ErrorKind::BrokenPipe;
    error
}

/// Encoding the output failed (it cannot for jerry's own types; a failure is a bug).
impl From<serde_json::Error> for CommandError {
    fn from(err: serde_json::Error) -> Self {
        match err.io_error_kind() {
            Some(io::ErrorKind::BrokenPipe) => {
                let mut error = Self::of(Exit::Failure, &err);
                error.broken_pipe = true;
                error
            }
            _ => Self::of(Exit::Failure, &err),
        }
    }
}

/// Handles what clap refused. Help and version are not errors; a value that does not
/// parse is invalid input (exit 5, one line); anything else is a usage error (exit 2).
pub fn report_usage(err: clap::Error, json: bool, print: impl FnOnce(&serde_json::Value)) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return ExitCode::from(Exit::Usage as u8);
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation | ErrorKind::InvalidUtf8 => {
            let message = first_line(&err, "invalid value");
            return CommandError::invalid(message).report(json, print);
        }
        _ => {}
    }
    if json {
        print(&error_object(Exit::Usage, &paragraph(&err, "usage error")));
    }
    let rendered = without_hidden_tips(&err.render().to_string());
    eprint!("{rendered}");
    ExitCode::from(Exit::Usage as u8)
}

/// The error's first paragraph on one line: `the following required arguments were not
/// provided: <TITLE>`, not just its first line.
fn paragraph(err: &clap::Error, fallback: &str) -> String {
    let rendered = err.render().to_string();
    let text: Vec<&str> = rendered
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect();
    if text.is_empty() {
        return fallback.to_owned();
    }
    let joined = text.join(" ");
    joined.strip_prefix("error: ").unwrap_or(&joined).to_owned()
}

/// Drops clap's "a similar subcommand exists" tip when it names a hidden command (one
/// kept for scripts, such as `ids`): a typo should not lead anyone there.
fn without_hidden_tips(rendered: &str) -> String {
    use clap::CommandFactory;
    fn hidden(command: &clap::Command, names: &mut Vec<String>) {
        for sub in command.get_subcommands() {
            if sub.is_hide_set() {
                names.push(sub.get_name().to_owned());
            }
            hidden(sub, names);
        }
    }
    let mut names = Vec::new();
    hidden(&super::args::Cli::command(), &mut names);
    let mut out = String::with_capacity(rendered.len());
    let mut skip_blank = false;
    for line in rendered.split_inclusive('\n') {
        let names_hidden = line.contains("similar subcommand")
            && names.iter().any(|name| line.contains(&format!("'{name}'")));
        if names_hidden {
            // The blank line that introduced the tip goes with it.
            if out.ends_with("\n\n") {
                out.pop();
            }
            skip_blank = true;
            continue;
        }
        if skip_blank && line.trim().is_empty() {
            skip_blank = false;
            out.push_str(line);
            continue;
        }
        skip_blank = false;
        out.push_str(line);
    }
    out
}

fn first_line(err: &clap::Error, fallback: &str) -> String {
    let rendered = err.render().to_string();
    let first = rendered.lines().next().unwrap_or(fallback);
    first.strip_prefix("error: ").unwrap_or(first).to_owned()
}

/// The `--json` error object (docs/json-output.md).
fn error_object(exit: Exit, message: &str) -> serde_json::Value {
    serde_json::json!({
        "error": { "code": exit as u8, "kind": exit.name(), "message": message }
    })
}
