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
