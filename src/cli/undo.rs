//! `jerry undo [--correlation ID]`.

use jerry::app::{self, SystemClock, UlidSource};

use super::context::Context;
use super::output::Output;
use super::policies::{engine, react};
use super::render;

pub fn run(target: Option<String>, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let opened = ctx.open()?;
    let actor = ctx.actor(&opened);
    let policies = engine(&opened);
    policies.arm()?;
    let undone = app::undo(
        &opened.store,
        &SystemClock,
        &UlidSource,
        &actor,
        target.as_deref(),
        ctx.correlation_id(),
    )?;
    react(&opened, &policies, out);
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
