//! Running the project's policies around a write, and telling the user what they did.

use jerry::app::{PolicyEngine, SystemClock, UlidSource};

use super::context::Opened;
use super::output::Output;
use super::render;

/// Runs the project's policies on what was appended since their checkpoint (this
/// command's events, and any a crashed process left unanswered), telling the user what
/// they did. A policy failing never fails the command that already succeeded.
pub(super) fn react(opened: &Opened, engine: &PolicyEngine<'_>, out: &mut Output) {
    match engine.run() {
        Ok(reactions) => {
            for reaction in reactions {
                for event in &reaction.events {
                    out.note(&format!(
                        "policy {}: {} v{}: {}",
                        reaction.policy,
                        reaction.item,
                        event.version,
                        render::describe(event)
                    ));
                }
                if let Some(why) = &reaction.skipped {
                    out.note(&format!(
                        "policy {}: left {} as it is: {why}",
                        reaction.policy, reaction.item
                    ));
                }
            }
        }
        Err(err) => out.warn(&format!(
            "warning: the policies of {} did not run ({err}); the next command catches up",
            opened.project
        )),
    }
}

/// The policy engine for a project, as its settings switch it on.
pub(super) fn engine(opened: &Opened) -> PolicyEngine<'_> {
    PolicyEngine::new(
        &opened.store,
        &SystemClock,
        &UlidSource,
        opened.config.enabled_policies(),
        opened.config.quality_gate.unwrap_or_default(),
    )
}
