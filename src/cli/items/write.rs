//! What every item write shares: the guard flags (`--expected-version`,
//! `--idempotency-key`), running the command through the session, and saying what happened.

use clap::Args;

use jerry::app::{Command, CommandOutcome, Session, Warning, WriteOptions};

use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::cli::{notes, render};
use crate::door::error::CommandResult;

/// Guards a write against concurrent changes and repeats.
#[derive(Debug, Args)]
pub struct WriteGuardArgs {
    /// Fail with exit code 4, writing nothing, unless the item is still at this version.
    #[arg(long, value_name = "N")]
    pub expected_version: Option<u64>,
    #[command(flatten)]
    pub once: OnceArgs,
}

/// 1 to 200 bytes without control characters; each mistake said plainly.
pub(super) fn idempotency_key(input: &str) -> Result<String, String> {
    if input.is_empty() {
        return Err("the idempotency key is empty".into());
    }
    if input.len() > 200 {
        return Err(format!(
            "the idempotency key is {} bytes long; at most 200 are allowed",
            input.len()
        ));
    }
    if input.chars().any(char::is_control) {
        return Err("the idempotency key contains a control character".into());
    }
    Ok(input.to_owned())
}

#[derive(Debug, Args)]
pub struct OnceArgs {
    /// Do this at most once: repeating the command with the same key writes nothing and
    /// prints the original result; the same key with other arguments is an error (exit 5).
    #[arg(long, value_name = "KEY", value_parser = idempotency_key)]
    pub idempotency_key: Option<String>,
}

/// Runs one write through the session and tells the user what else happened.
pub(super) fn write(
    ctx: &Context,
    out: &mut Output,
    options: WriteOptions,
    command: Command,
) -> CommandResult<CommandOutcome> {
    let session = ctx.open()?;
    execute(&session, out, options, command)
}

/// [`write`] on a session already open (a command that first resolved an id through it).
pub(super) fn execute(
    session: &Session,
    out: &mut Output,
    options: WriteOptions,
    command: Command,
) -> CommandResult<CommandOutcome> {
    let outcome = session.execute(command, options)?;
    for warning in &outcome.value.warnings {
        out.warn(&format!("warning: {}", words(warning)));
    }
    if outcome.value.replayed {
        out.note(&format!(
            "idempotency key already used for this command: nothing written; this is the original result (version {})",
            outcome.value.item.version
        ));
    }
    notes::created(&outcome, session, out);
    notes::reactions(&outcome, session, out);
    if out.json() {
        out.json_value(&write_json(&outcome.value)?)?;
    }
    Ok(outcome.value)
}

/// Runs one command per item, all or nothing, and reports each item's change; `--json`
/// prints the item for one id and an array of items for several.
pub(super) fn write_each(
    ctx: &Context,
    out: &mut Output,
    options: WriteOptions,
    commands: Vec<Command>,
) -> CommandResult {
    let several = commands.len() > 1;
    let session = ctx.open()?;
    let outcome = session.execute_all(commands, options)?;
    for value in &outcome.value {
        for warning in &value.warnings {
            out.warn(&format!("warning: {}", words(warning)));
        }
    }
    if outcome.value.iter().any(|value| value.replayed) {
        out.note(
            "idempotency key already used for this command: nothing written; this is the original result",
        );
    }
    notes::created(&outcome, &session, out);
    notes::reactions(&outcome, &session, out);
    if out.json() {
        let items = outcome
            .value
            .iter()
            .map(write_json)
            .collect::<CommandResult<Vec<_>>>()?;
        if several {
            out.json_value(&serde_json::Value::Array(items))?;
        } else if let Some(item) = items.into_iter().next() {
            out.json_value(&item)?;
        }
        return Ok(());
    }
    for value in &outcome.value {
        report_change(value, out)?;
    }
    Ok(())
}

pub(super) fn words(warning: &Warning) -> String {
    let list = |ids: &[jerry::domain::WorkItemId]| {
        ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    };
    match warning {
        Warning::CompletedWithoutMetrics { item } => format!(
            "{item} was completed without quality metrics (quality_gate = warn); record them with jerry items metrics {item}"
        ),
        Warning::OpenChildren { item, children } => format!(
            "{item} was completed while its children {} are still open (jerry items tree {item})",
            list(children)
        ),
        Warning::OpenBlockers { item, blockers } => format!(
            "{item} was started while {} that block it are still open (jerry items blocked)",
            list(blockers)
        ),
    }
}

/// A write's `--json`: the item, plus `replayed` (true when an idempotency key found the
/// command already done).
pub(super) fn write_json(outcome: &CommandOutcome) -> CommandResult<serde_json::Value> {
    crate::door::written::written(outcome, None)
}

pub(super) fn options(guard: WriteGuardArgs) -> WriteOptions {
    let WriteGuardArgs {
        expected_version,
        once: OnceArgs { idempotency_key },
    } = guard;
    WriteOptions {
        expected_version,
        idempotency_key,
        ..WriteOptions::default()
    }
}

pub(super) fn report_change(outcome: &CommandOutcome, out: &mut Output) -> CommandResult {
    if out.json() {
        return Ok(());
    }
    if let Some(why) = &outcome.unchanged {
        return out.confirm(&format!("{} (nothing written)", render::printable(why)));
    }
    for event in &outcome.events {
        out.confirm(&format!(
            "{} v{}: {}",
            outcome.item.id,
            event.version,
            render::describe(event)
        ))?;
    }
    Ok(())
}
