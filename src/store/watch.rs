//! Waking readers when a store's files change, for `events follow`: the file store's data
//! directory, or the folder of an SQLite database (whose WAL file every commit writes).

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::store::StoreError;

/// Polling interval when no notification mechanism is available.
const POLL: Duration = Duration::from_millis(10);

pub(crate) struct Watch {
    dir: PathBuf,
    mode: RecursiveMode,
    active: Mutex<Option<Active>>,
}

struct Active {
    _watcher: RecommendedWatcher,
    changes: Receiver<()>,
}

impl Watch {
    /// Watches `dir` and everything below it.
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            mode: RecursiveMode::Recursive,
            active: Mutex::new(None),
        }
    }

    /// Watches only the files directly in `dir`.
    pub fn shallow(dir: PathBuf) -> Self {
        Self {
            dir,
            mode: RecursiveMode::NonRecursive,
            active: Mutex::new(None),
        }
    }

    fn start(&self) -> Option<Active> {
        let (sender, changes) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            if event.as_ref().map_or(true, |event| is_write(event.kind)) {
                let _ = sender.send(());
            }
        })
        .ok()?;
        watcher.watch(&self.dir, self.mode).ok()?;
        Some(Active {
            _watcher: watcher,
            changes,
        })
    }

    /// Returns once `ready` says so or `timeout` passes. The watcher is set up before the
    /// first check, so a change between the check and the sleep still wakes us.
    pub fn wait(
        &self,
        timeout: Duration,
        mut ready: impl FnMut() -> Result<bool, StoreError>,
    ) -> Result<(), StoreError> {
        let deadline = Instant::now() + timeout;
        let mut active = self
            .active
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if active.is_none() {
            *active = self.start();
        }
        loop {
            if let Some(active) = active.as_ref() {
                while active.changes.try_recv().is_ok() {}
            }
            if ready()? {
                return Ok(());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(());
            }
            match active.as_ref() {
                Some(active) => {
                    let _ = active.changes.recv_timeout(left);
                }
                None => std::thread::sleep(POLL.min(left)),
            }
        }
    }
}

/// True for what a writer does to the watched files. Opening, reading and closing a file
/// unwritten are reported too (inotify's `IN_OPEN`), and the waiter itself opens the files
/// each time it looks: waking on those made an idle follower wake itself forever, at most
/// of a core. A metadata change (an access time a read refreshed) is no append either.
fn is_write(kind: EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    }
}
