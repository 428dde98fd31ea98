//! The one place that maps errors to exit codes and prints them: one line on stderr (plus a
//! hint when there is an obvious next step), and with `--json` also an error object on stdout.

use std::io;
use std::process::ExitCode;

use clap::error::ErrorKind;

use jerry::app::AppError;
use jerry::domain::{DomainError, ItemRef, ProjectId};
use jerry::project::ProjectError;
use jerry::store::StoreError;

use super::output::Output;

/// The documented exit codes.
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
    fn kind(self) -> &'static str {
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

/// An item that is not in the project the command ran against.
#[derive(Debug, thiserror::Error)]
#[error("{item} not found in {project}")]
pub struct ItemMissing {
    item: ItemRef,
    project: ProjectId,
}

/// Names the project in a not-found error; passes every other error through.
pub fn locate(err: AppError, project: &ProjectId) -> anyhow::Error {
    match err {
        AppError::ItemNotFound(item) => ItemMissing {
            item,
            project: project.clone(),
        }
        .into(),
        other => other.into(),
    }
}

fn classify(err: &anyhow::Error) -> (Exit, Option<String>) {
    if let Some(unhealthy) = err.downcast_ref::<super::doctor::Unhealthy>() {
        let hint = unhealthy
            .repairable
            .then(|| "jerry doctor --repair fixes these without removing any complete event".to_owned());
        return (Exit::Corrupt, hint);
    }
    if let Some(err) = err.downcast_ref::<jerry::config::ConfigError>() {
        let exit = match err {
            jerry::config::ConfigError::Write { .. } => Exit::Failure,
            _ => Exit::Invalid,
        };
        return (exit, None);
    }
    if err.downcast_ref::<super::context::MissingRoot>().is_some() {
        return (Exit::NotFound, None);
    }
    if err.downcast_ref::<super::items::NotYetCreated>().is_some() {
        return (
            Exit::NotFound,
            Some("jerry items history shows when it was created".into()),
        );
    }
    if err.downcast_ref::<super::store::SameStore>().is_some() {
        return (Exit::Invalid, None);
    }
    if err.downcast_ref::<ItemMissing>().is_some() {
        return (Exit::NotFound, Some("jerry items list".into()));
    }
    if let Some(err) = err.downcast_ref::<AppError>() {
        return classify_app(err);
    }
    if let Some(err) = err.downcast_ref::<ProjectError>() {
        return classify_project(err);
    }
    if let Some(err) = err.downcast_ref::<StoreError>() {
        return (classify_store(err), None);
    }
    if err.downcast_ref::<DomainError>().is_some() {
        return (Exit::Invalid, None);
    }
    (Exit::Failure, None)
}

fn classify_app(err: &AppError) -> (Exit, Option<String>) {
    match err {
        AppError::ItemNotFound(_) => (Exit::NotFound, Some("jerry items list".into())),
        AppError::Conflict { id, .. } => (
            Exit::Conflict,
            Some(format!(
                "jerry items show {id} shows the current version; retry against it"
            )),
        ),
        AppError::CorruptEvent { .. } | AppError::Inconsistent { .. } => (Exit::Corrupt, None),
        AppError::InvalidImport { .. } => (Exit::Invalid, None),
        AppError::ImportConflict { .. } => (Exit::Conflict, None),
        AppError::MigrationDiverged { .. } => (
            Exit::Conflict,
            Some("migrate into an empty store, or one holding an interrupted copy of this project".into()),
        ),
        AppError::MigrationMismatch { .. } => (Exit::Corrupt, None),
        AppError::NothingToUndo { .. } => (
            Exit::NotFound,
            Some("jerry events list --last 5 shows the recent commands' correlation ids".into()),
        ),
        AppError::UndoRefused { .. } | AppError::UndoCutShort { .. } => (Exit::Conflict, None),
        AppError::Domain(DomainError::InvalidTransition { .. }) => (Exit::Invalid, None),
        AppError::Domain(_) => (Exit::Invalid, None),
        AppError::Store(err) => (classify_store(err), None),
        AppError::Project(err) => classify_project(err),
    }
}

fn classify_project(err: &ProjectError) -> (Exit, Option<String>) {
    match err {
        ProjectError::NotFound { id, .. } => (Exit::NotFound, Some(format!("jerry init {id}"))),
        ProjectError::Ambiguous { .. } => (Exit::Usage, None),
        ProjectError::Io { .. } => (Exit::Failure, None),
    }
}

fn classify_store(err: &StoreError) -> Exit {
    match err {
        StoreError::Conflict { .. } => Exit::Conflict,
        StoreError::Corrupt { .. } => Exit::Corrupt,
        StoreError::InvalidStreamId(..)
        | StoreError::EmptyBatch(_)
        | StoreError::IdempotencyKeyReused { .. }
        | StoreError::InvalidUrl { .. } => Exit::Invalid,
        StoreError::LockTimeout { .. }
        | StoreError::Io { .. }
        | StoreError::Encode { .. }
        | StoreError::Database { .. }
        | StoreError::Schema { .. } => Exit::Failure,
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

/// Prints the error and returns its exit code. A closed stdout is not an error.
pub fn report(err: &anyhow::Error, json: bool, out: &mut Output) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    let (exit, hint) = classify(err);
    let message = format!("{err:#}");
    emit(exit, &message, hint.as_deref(), json, out);
    ExitCode::from(exit as u8)
}

/// Handles what clap refused. Help and version are not errors; a value that does not
/// parse is invalid input (exit 5, one line); anything else is a usage error (exit 2).
pub fn report_usage(err: clap::Error, json: bool) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            let code = if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                2
            } else {
                0
            };
            return ExitCode::from(code);
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation | ErrorKind::InvalidUtf8 => {
            let rendered = err.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid value");
            let message = first.strip_prefix("error: ").unwrap_or(first).to_owned();
            let mut out = super::output::Output::new(json);
            emit(Exit::Invalid, &message, None, json, &mut out);
            return ExitCode::from(Exit::Invalid as u8);
        }
        _ => {}
    }
    if json {
        let rendered = err.render().to_string();
        let first = rendered.lines().next().unwrap_or("usage error");
        let message = first.strip_prefix("error: ").unwrap_or(first);
        let mut out = super::output::Output::new(json);
        emit_json(Exit::Usage, message, &mut out);
    }
    let _ = err.print();
    ExitCode::from(Exit::Usage as u8)
}

fn emit(exit: Exit, message: &str, hint: Option<&str>, json: bool, out: &mut Output) {
    eprintln!("error: {message}");
    if let Some(hint) = hint {
        eprintln!("hint: {hint}");
    }
    if json {
        emit_json(exit, message, out);
    }
}

fn emit_json(exit: Exit, message: &str, out: &mut Output) {
    let body = serde_json::json!({
        "error": { "code": exit as u8, "kind": exit.kind(), "message": message }
    });
    let _ = out.json_value(&body);
    let _ = out.flush();
}
