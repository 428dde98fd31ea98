//! `doctor`: is this project's history intact? The store checks what it owns (files,
//! index, tails; a database's log read back); this checks what the application derives
//! from it: every stream replays, the read model equals a fresh replay of the global log,
//! which equals each stream's own replay, and snapshots agree with both.

use std::path::Path;

use serde::Serialize;

use crate::domain::ProjectId;
use crate::store::jsonl::Repair;
use crate::store::{check_log, Backend, Checkup, Finding};

use super::{compare, rebuild, stream_for, verify, AppError, ItemRepository, ItemsProjection, Snapshot};

/// What `doctor` found, what it repaired, and (after a repair) what remains.
#[derive(Debug, Clone, Serialize)]
pub struct DoctorReport {
    pub project: ProjectId,
    pub before: Checkup,
    pub repaired: Repair,
    pub after: Option<Checkup>,
    /// Events merged from other clones that their item's history could not apply (not
    /// damage: kept, shown, and the same on every clone).
    pub conflicts: Vec<super::exchange::ItemConflict>,
}

impl DoctorReport {
    /// The findings that still stand.
    pub fn remaining(&self) -> &[Finding] {
        &self.after.as_ref().unwrap_or(&self.before).findings
    }

    pub fn clean(&self) -> bool {
        self.remaining().is_empty()
    }

    /// Whether `doctor --repair` would fix everything that remains (false once repaired).
    pub fn repairable(&self) -> bool {
        self.after.is_none() && self.remaining().iter().all(|f| f.repairable)
    }
}

mod sound;

/// What one pass found and repaired, with the conflicts its items hold when the pass read
/// them (the one-pass check of a sound files store does; `None`: ask the read model).
pub(super) type Checked = (Checkup, Repair, Option<Vec<super::exchange::ItemConflict>>);

/// One pass: on a files store first the one-pass check of [`sound`], and where that has
/// any doubt the thorough checks below. `progress` is told the events read so far.
pub(super) fn check(
    store: &Backend,
    repair: bool,
    progress: &mut dyn FnMut(u64),
) -> Result<Checked, AppError> {
    if let Some(files) = store.as_jsonl() {
        if let Some(sound) = sound::check(files, progress)? {
            return Ok((sound.checkup, Repair::default(), Some(sound.conflicts)));
        }
    }
    let (checkup, repaired) = thorough(store, repair)?;
    Ok((checkup, repaired, None))
}

/// Every check, each problem named. With `repair`, a read model or snapshot that
/// disagrees is rebuilt.
fn thorough(store: &Backend, repair: bool) -> Result<(Checkup, Repair), AppError> {
    let (mut checkup, mut repaired, cache) = match store.as_jsonl() {
        Some(files) => {
            let (checkup, repaired) = files.doctor(repair)?;
            (checkup, repaired, files.data_dir().join("cache"))
        }
        None => {
            let location = store.location();
            (check_log(store, &location)?, Repair::default(), location)
        }
    };
    // Damage in the files makes the reads fail; replaying would only say so again (and
    // call a repairable problem one that needs a person).
    if checkup.findings.iter().any(|f| !f.repairable) || (!repair && !checkup.findings.is_empty()) {
        return Ok((checkup, repaired));
    }
    // Events the aggregate cannot apply make every read of the project fail: that is a
    // finding, never a silent "ok".
    let rebuilt = match rebuild(store, None, |_| {}) {
        Ok((rebuilt, _)) => rebuilt,
        Err(err) => {
            checkup
                .findings
                .push(finding("unreplayable", &store.location(), err.to_string(), false));
            return Ok((checkup, repaired));
        }
    };
    // The reads leave such streams out rather than fail; doctor names each one.
    for (stream, why) in &rebuilt.broken {
        checkup.findings.push(finding(
            "unreplayable",
            &store.location(),
            format!("{stream} cannot be replayed ({why}); the reads leave it out"),
            false,
        ));
    }
    if !rebuilt.broken.is_empty() {
        // Comparing views of a log that cannot be replayed says nothing more.
        return Ok((checkup, repaired));
    }
    // The cached model holds current work: compared with the rebuild without the archive.
    let mut current = rebuilt.clone();
    current.leave_out_archived(store)?;
    let mut cached = ItemsProjection::load(store);
    let mut differences = match cached.refresh(store) {
        Ok(_) => compare(&current.items, &cached.items),
        Err(err) => vec![format!(
            "the cached read model cannot be brought up to date: {err}"
        )],
    };
    differences.extend(verify(store, &rebuilt.items, None)?);
    let repository = ItemRepository::new(store);
    for (id, fresh) in &rebuilt.items {
        // Without a usable snapshot an item loads by the whole replay `verify` has just
        // compared; only a snapshot can make the two ways of loading differ.
        let stream = stream_for(*id)?;
        if Snapshot::load(store, &stream).is_none() {
            continue;
        }
        let through_snapshot = repository.load(*id).ok().flatten();
        if through_snapshot.as_ref() == Some(fresh) {
            continue;
        }
        let detail = format!("{id} loaded through its snapshot differs from a fresh replay");
        checkup
            .findings
            .push(finding("snapshot_mismatch", &cache, detail, true));
        if repair {
            Snapshot::discard(store, &stream);
            repaired.read_model_rebuilt = true;
        }
    }
    if repair && !differences.is_empty() {
        current.save(store);
        repaired.read_model_rebuilt = true;
    }
    for difference in differences {
        checkup
            .findings
            .push(finding("read_model_mismatch", &cache, difference, true));
    }
    Ok((checkup, repaired))
}

fn finding(kind: &'static str, path: &Path, detail: String, repairable: bool) -> Finding {
    Finding {
        kind,
        path: path.to_path_buf(),
        line: None,
        detail,
        repairable,
    }
}
