//! The project-wide write lock: an OS file lock (flock via `fd-lock`) on a file that holds
//! no data, so the kernel releases it when its holder dies; never a PID file.

use std::fs::File;
use std::io;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use fd_lock::RwLock;

use crate::store::StoreError;

pub(super) struct WriteLock {
    path: PathBuf,
    timeout: Duration,
    /// Threads of one process queue here first; the OS lock then excludes other processes.
    threads: Mutex<()>,
}

/// Held for a whole read-version → check → write → fsync step. Dropping it closes the
/// lock file's descriptor, which releases the OS lock.
pub(super) struct WriteGuard<'a> {
    _file: RwLock<File>,
    _thread: MutexGuard<'a, ()>,
}

impl WriteLock {
    pub fn new(path: PathBuf, timeout: Duration) -> Self {
        Self {
            path,
            timeout,
            threads: Mutex::new(()),
        }
    }

    /// Waits for the lock, polling with a short back-off, and gives up after the timeout
    /// with [`StoreError::LockTimeout`] rather than hanging forever.
    pub fn acquire(&self) -> Result<WriteGuard<'_>, StoreError> {
        let started = Instant::now();
        let thread = self
            .threads
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let file = fs_err::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&self.path)
            .map_err(|err| StoreError::io("cannot open lock file", &self.path, err))?;
        let mut lock = RwLock::new(file.into_parts().0);
        let mut pause = Duration::from_micros(100);
        loop {
            match lock.try_write() {
                Ok(guard) => {
                    // Keep the lock until the descriptor closes, when `WriteGuard` drops.
                    std::mem::forget(guard);
                    break;
                }
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => {}
                Err(err) => return Err(StoreError::io("cannot lock", &self.path, err)),
            }
            if started.elapsed() >= self.timeout {
                return Err(StoreError::LockTimeout {
                    path: self.path.clone(),
                    waited: started.elapsed(),
                });
            }
            thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(4));
        }
        Ok(WriteGuard {
            _file: lock,
            _thread: thread,
        })
    }
}
