//! A backend-neutral check of a log: what `jerry doctor` can say about any store through
//! the trait alone. The file store adds its own checks of files, index and torn tails; a
//! database enforces most of these with constraints, so here they must simply hold.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{EventStore, StoreError, StreamId};

/// One problem found in a project's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// A stable, machine-readable name: `torn_tail`, `unfinished_batch`, `trailing_garbage`,
    /// `unparsable_line`, `version_gap`, `duplicate_event_id`, `duplicate_position`,
    /// `missing_position`, `missing_event` (listed in the index, gone from its stream), `unmerged` (a git merge kept the other side aside), `index_mismatch`, `index_unreadable`; and from the application's
    /// checks: `unreplayable` (events the aggregate cannot apply), `read_model_mismatch`,
    /// `snapshot_mismatch`.
    pub kind: &'static str,
    pub path: PathBuf,
    pub line: Option<u64>,
    pub detail: String,
    /// Whether `doctor --repair` can fix it without removing a complete event.
    pub repairable: bool,
}

/// What a check found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Checkup {
    pub streams: u64,
    pub events: u64,
    pub findings: Vec<Finding>,
}

const PAGE: usize = 10_000;

/// Reads the whole log in global order and checks that positions run 1, 2, 3, … without a
/// gap, every aggregate's versions do too, and no event id appears twice. Streams are
/// known here by their events' `aggregate_type-aggregate_id`, as jerry names them.
/// `location` names the store in findings.
pub fn check_log(store: &dyn EventStore, location: &Path) -> Result<Checkup, StoreError> {
    let mut checkup = Checkup::default();
    let mut versions: HashMap<StreamId, u64> = HashMap::new();
    let mut ids = HashSet::new();
    let mut after = 0;
    let finding = |kind, line, detail: String| Finding {
        kind,
        path: location.to_path_buf(),
        line,
        detail,
        repairable: false,
    };
    loop {
        let page = store.read_global(after, PAGE)?;
        let Some(last) = page.last() else { break };
        let next_after = last.position;
        for event in page {
            checkup.events += 1;
            if event.position != after + 1 {
                checkup.findings.push(finding(
                    "missing_position",
                    Some(event.position),
                    format!("position {} follows {after}", event.position),
                ));
            }
            after = event.position;
            let stream = StreamId::new(format!("{}-{}", event.aggregate_type, event.aggregate_id))?;
            let seen = versions.entry(stream.clone()).or_insert(0);
            if event.version != *seen + 1 {
                checkup.findings.push(finding(
                    "version_gap",
                    Some(event.position),
                    format!("{stream} goes from version {seen} to {}", event.version),
                ));
            }
            *seen = event.version;
            if !ids.insert(event.event_id) {
                checkup.findings.push(finding(
                    "duplicate_event_id",
                    Some(event.position),
                    format!("event {} appears twice", event.event_id),
                ));
            }
        }
        after = next_after;
    }
    checkup.streams = versions.len() as u64;
    Ok(checkup)
}
