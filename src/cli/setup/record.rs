//! What `jerry setup` found in each file before it first wrote there, and what it wrote:
//! kept in the user's state folder (`$XDG_STATE_HOME/jerry/setup.json`, else
//! `~/.local/state/jerry/setup.json`), not beside the host's files, which teams commit.
//! `--remove` puts a file back byte for byte when it still holds what setup wrote; a file
//! edited since (or set up on another machine) gets jerry's entries taken out instead.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use jerry::persist::{persist, Durability};

/// One file: its text before the first setup (`None`: it was not there) and after the last.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Kept {
    pub before: Option<String>,
    pub after: String,
}

/// Every file setup has written, by absolute path.
#[derive(Debug, Default)]
pub struct Record {
    files: BTreeMap<PathBuf, Kept>,
    path: Option<PathBuf>,
}

/// Where the record lives, when the environment names a home for it.
fn location() -> Option<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .filter(|home| home.is_absolute())
                .map(|home| home.join(".local").join("state"))
        })?;
    Some(state.join("jerry").join("setup.json"))
}

impl Record {
    /// The record, empty when there is none yet (or no home to keep one in). A record that
    /// does not read is treated as empty: it only ever makes `--remove` more exact.
    pub fn load() -> Self {
        let Some(path) = location() else {
            return Self::default();
        };
        let files = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Self {
            files,
            path: Some(path),
        }
    }

    pub fn get(&self, file: &Path) -> Option<&Kept> {
        self.files.get(file)
    }

    /// Notes that setup wrote `after` to `file`, which held `before` (kept from the first
    /// time only: that is what `--remove` restores).
    pub fn wrote(&mut self, file: &Path, before: Option<&str>, after: &str) {
        let kept = self.files.entry(file.to_path_buf()).or_insert_with(|| Kept {
            before: before.map(str::to_owned),
            after: String::new(),
        });
        after.clone_into(&mut kept.after);
    }

    pub fn forget(&mut self, file: &Path) {
        self.files.remove(file);
    }

    pub fn save(&self) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let mut bytes = serde_json::to_vec_pretty(&self.files).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        persist(path, &bytes, Durability::Durable)
    }
}
