//! `jerry undo [--correlation ID]`.

use super::context::Context;
use super::error::CliResult;
use super::output::Output;
use super::{notes, render};

pub fn run(target: Option<String>, ctx: &Context, out: &mut Output) -> CliResult {
    let session = ctx.open()?;
    let outcome = session.undo(target.as_deref())?;
    notes::reactions(&outcome, &session, out);
    let undone = outcome.value;
    if out.json() {
        return out.json_value(&undone);
    }
    if undone.events.is_empty() {
        return out.confirm(&format!(
            "{}: nothing to take back (the items are already as they were)",
            undone.correlation
        ));
    }
    for event in &undone.events {
        out.confirm(&format!(
            "{} v{}: {}",
            event.aggregate_id,
            event.version,
            render::describe(event)
        ))?;
    }
    out.note(&format!(
        "undid {}; `jerry undo --correlation {}` takes the undo back",
        undone.correlation, undone.undo_correlation
    ));
    Ok(())
}
