//! `jerry undo [--correlation ID]` and `jerry redo`.

use jerry::app::UndoTarget;

use super::context::Context;
use super::output::Output;
use super::{notes, render};
use crate::door::error::CommandResult;

pub fn run(target: UndoTarget<'_>, ctx: &Context, out: &mut Output) -> CommandResult {
    let session = ctx.open()?;
    let outcome = session.undo(target)?;
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
            render::shown_item(event),
            event.version,
            render::describe(event)
        ))?;
    }
    if target == UndoTarget::Redo {
        out.note(&format!(
            "redid what {} took back; `jerry undo` takes it back again",
            undone.correlation
        ));
    } else {
        out.note(&format!(
            "undid {}; `jerry redo` re-applies it (or `jerry undo --correlation {}`)",
            undone.correlation, undone.undo_correlation
        ));
    }
    Ok(())
}
