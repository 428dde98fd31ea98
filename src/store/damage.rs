//! Damage a read went past. A file edited, cut short or deleted outside jerry darkens its
//! own item only: readers of the whole log read on without it, and what they skipped is
//! noted here, deep in the store, for the front door to tell the user once as the command
//! ends (a warning naming the item, and `jerry doctor`). One list per process: the damage
//! is a fact about the files, not about one handle.

use std::sync::Mutex;

use super::StoreError;

static NOTES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Notes `what` (one line, naming the item), once however often it is met.
pub fn report(what: String) {
    let mut notes = NOTES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !notes.contains(&what) {
        notes.push(what);
    }
}

/// What was noted since the last call, oldest first.
pub fn take() -> Vec<String> {
    std::mem::take(&mut *NOTES.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
}

/// True for what a reader meets when a store's global index names a line its stream no
/// longer holds where it says: a line removed, cut or lengthened, or the stream's file
/// deleted.
pub fn index_disagrees(err: &StoreError) -> bool {
    match err {
        StoreError::Corrupt { reason, .. } => reason.starts_with("global index"),
        StoreError::Io { source, .. } => source.kind() == std::io::ErrorKind::NotFound,
        _ => false,
    }
}
