//! Telling the user what a write did besides its own result: the policies' reactions, a
//! project created by the first write, policies that could not run.

use jerry::app::{Outcome, Session};

use super::output::Output;
use super::render;

/// The note for a write that created the project.
pub fn created<T>(outcome: &Outcome<T>, session: &Session, out: &mut Output) {
    if let Some(project) = &outcome.created_project {
        out.note(&format!(
            "note: no project in {} yet, so created {project}",
            session.workspace_root().display()
        ));
    }
}

/// What the policies did (or why they did nothing); they never fail the write.
pub fn reactions<T>(outcome: &Outcome<T>, session: &Session, out: &mut Output) {
    for reaction in &outcome.reactions {
        // Recurring work's next instance reads as what it is, not as a policy's doing.
        if reaction.policy == "recur" && !reaction.events.is_empty() {
            let due = reaction
                .events
                .first()
                .and_then(|event| event.payload.get("due"))
                .and_then(|due| due.as_str())
                .and_then(|due| jerry::timestamp::Timestamp::parse(due).ok())
                .map(|due| format!(", due {}", out.style().times.moment(due)))
                .unwrap_or_default();
            out.note(&format!("recurs: {} is the next one{due}", reaction.item));
            continue;
        }
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
    if let Some(err) = &outcome.policy_failure {
        out.warn(&format!(
            "warning: the policies of {} did not run ({err}); the next command catches up",
            session.project()
        ));
    }
}
