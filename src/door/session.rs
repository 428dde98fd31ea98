//! Running a request's work on the one session a server shares between its requests: one
//! at a time, and a panic in the work is an internal error answered like any other, never
//! a dead server (nor a poisoned lock that refuses every request after it).

use std::sync::{Mutex, PoisonError};

use jerry::app::Session;

use super::error::{CommandError, CommandResult};

/// Runs `work` on the session (after `prepare`, which may adjust it, e.g. to act as the
/// client's name), catching a panic as an internal error. Returns the answer and the damage
/// notes a read went past (`jerry::store::damage`), for the door to say its own way.
pub fn run_guarded<T>(
    session: &Mutex<Session>,
    prepare: impl FnOnce(&mut Session),
    work: impl FnOnce(&Session) -> CommandResult<T>,
) -> (CommandResult<T>, Vec<String>) {
    let mut session = session.lock().unwrap_or_else(PoisonError::into_inner);
    prepare(&mut session);
    let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&session)));
    let damage = jerry::store::damage::take();
    let answer = ran.unwrap_or_else(|_| Err(CommandError::failure("internal error: the request panicked")));
    (answer, damage)
}
