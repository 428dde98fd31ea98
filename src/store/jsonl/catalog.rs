//! Rebuilding the archive catalog from the segments.
//!
//! The segments are the truth and the catalog is an index over them: a catalog that was
//! deleted or damaged must not strand the archived work (it did: the archived items vanished
//! and `doctor --repair` could only offer to give their events up). A segment holds stream
//! files byte for byte, so reading it back says which streams it has and where. What it
//! cannot say is which of them are still archived: a stream brought back to `events/` by a
//! write keeps its old bytes in its segment, and may since have been archived again (into a
//! newer segment) or renamed by sync (its events keep their ids). So, newest segment first,
//! a stream is catalogued only when no file holds it, no newer segment gave it already, and
//! none of its event ids is in a file or in a stream already taken.

use std::collections::HashSet;

use ulid::Ulid;

use super::archive::Located;
use super::doctor::finding;
use super::JsonlStore;
use crate::store::{EventLine, Finding, StoreError, StreamId};

/// What the segments say the catalog should hold.
pub(super) struct CatalogPlan {
    pub rows: Vec<(StreamId, Located)>,
    /// Greater than every segment's number, so the next segment sorts after them all.
    pub generation: u64,
    /// Segments that could not be read to their end, with why.
    pub damaged: Vec<(String, String)>,
}

impl JsonlStore {
    /// The stream files in `events/` and every event id they hold.
    pub(super) fn live_streams(&self) -> Result<(HashSet<StreamId>, HashSet<Ulid>), StoreError> {
        let mut ids = HashSet::new();
        let files: HashSet<StreamId> = self.list_all_stream_files()?.into_iter().collect();
        for stream in &files {
            let path = self.stream_path(stream);
            let bytes = fs_err::read(&path).map_err(|err| StoreError::io("cannot read", &path, err))?;
            for line in bytes.split(|&b| b == b'\n') {
                if let Ok(event) = EventLine::parse_bytes(line) {
                    ids.insert(event.event_id);
                }
            }
        }
        Ok((files, ids))
    }

    /// The catalog the segments give, next to the stream files `files` holding the events
    /// `live` (see the module docs for the rule).
    pub(super) fn plan_catalog(
        &self,
        files: &HashSet<StreamId>,
        live: &HashSet<Ulid>,
    ) -> Result<CatalogPlan, StoreError> {
        let mut plan = CatalogPlan {
            rows: Vec::new(),
            generation: 1,
            damaged: Vec::new(),
        };
        let mut taken: HashSet<StreamId> = HashSet::new();
        let mut seen: HashSet<Ulid> = HashSet::new();
        let mut group = 0;
        for segment in self.archive.segments()? {
            let number: u64 = segment
                .strip_prefix("segment-")
                .and_then(|rest| rest.split('-').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            plan.generation = plan.generation.max(number + 1);
            let scan = self.archive.read_segment(&segment, group)?;
            if let Some(reason) = scan.damage {
                plan.damaged.push((segment.clone(), reason));
            }
            for found in scan.streams {
                group = group.max(found.located.group + 1);
                let elsewhere = files.contains(&found.stream)
                    || taken.contains(&found.stream)
                    || found
                        .event_ids
                        .iter()
                        .any(|id| live.contains(id) || seen.contains(id));
                if elsewhere {
                    continue;
                }
                seen.extend(found.event_ids);
                taken.insert(found.stream.clone());
                plan.rows.push((found.stream, found.located));
            }
        }
        plan.rows.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(plan)
    }

    /// Writes the catalog `plan` describes in place of the one there (moved into quarantine).
    pub(super) fn rebuild_catalog(&self, plan: &CatalogPlan) -> Result<(), StoreError> {
        let quarantine = self.quarantine_dir()?;
        self.archive.replace(&plan.rows, plan.generation, &quarantine)
    }

    /// Under the write lock, once a loss was accepted (which runs only when nothing is
    /// archived): every segment left holds only streams that are files again or were given
    /// up, with positions from before the renumbering. They go to quarantine, so a damaged
    /// one stops being a finding and no later rebuild brings a given-up stream back.
    pub(super) fn retire_segments(&self) -> Result<(), StoreError> {
        let segments = self.archive.segments()?;
        if segments.is_empty() {
            return Ok(());
        }
        let quarantine = self.quarantine_dir()?;
        for segment in segments {
            let from = self.archive.dir().join(&segment);
            let to = quarantine.join(format!("retired-{segment}"));
            fs_err::rename(&from, &to)
                .map_err(|err| StoreError::io("cannot move into quarantine", &from, err))?;
        }
        super::sync_dir(self.archive.dir())
    }

    /// Under the write lock, before anything reads or writes: segments whose catalog is
    /// gone (deleted by hand, or left out of a copy) or is no database any more get it
    /// back, so the write neither misses an archived stream nor reuses its events' positions.
    pub(super) fn recover_catalog(&self) -> Result<(), StoreError> {
        if self.archive.has_catalog() {
            match self.archive.generation() {
                Err(StoreError::Corrupt { .. }) => {}
                Ok(_) | Err(_) => return Ok(()),
            }
        }
        if self.archive.segments()?.is_empty() {
            return Ok(());
        }
        let (files, live) = self.live_streams()?;
        let plan = self.plan_catalog(&files, &live)?;
        if !plan.damaged.is_empty() {
            // Not on its own: a catalog without the damaged segment's streams would say
            // they were never archived. `doctor` names the segment; a person decides.
            return Ok(());
        }
        self.rebuild_catalog(&plan)
    }

    /// Compares the archive catalog with what the segments hold (see `catalog.rs`): a
    /// catalog that is gone, unreadable or missing a stream the segments still have is a
    /// finding, and with `repair` it is rebuilt. Returns the streams the segments hold when
    /// the catalog is not to be trusted.
    pub(super) fn check_catalog(
        &self,
        repair: bool,
        files: &HashSet<StreamId>,
        live: &HashSet<ulid::Ulid>,
        findings: &mut Vec<Finding>,
    ) -> Result<Option<Vec<(StreamId, super::archive::Located)>>, StoreError> {
        if self.archive.segments()?.is_empty() {
            return Ok(None);
        }
        let plan = self.plan_catalog(files, live)?;
        let catalog = self.archive.catalog_path().to_path_buf();
        for (segment, reason) in &plan.damaged {
            let path = self.archive.dir().join(segment);
            let detail = format!("{reason}: the streams after it cannot be read back from this segment");
            findings.push(finding("archive_segment_damaged", &path, None, detail, false));
        }
        let known: Result<HashSet<StreamId>, StoreError> = if self.archive.has_catalog() {
            self.archive
                .all()
                .map(|rows| rows.into_iter().map(|(s, _)| s).collect())
        } else {
            Ok(HashSet::new())
        };
        let missing: Vec<&StreamId> = match &known {
            Ok(known) => plan
                .rows
                .iter()
                .map(|(s, _)| s)
                .filter(|s| !known.contains(*s))
                .collect(),
            Err(_) => plan.rows.iter().map(|(s, _)| s).collect(),
        };
        let unreadable = known.as_ref().err().map(ToString::to_string);
        if missing.is_empty() && unreadable.is_none() {
            return Ok(None);
        }
        let named: Vec<&str> = missing.iter().take(5).map(|s| s.as_str()).collect();
        let more = missing.len().saturating_sub(named.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let why = match (&unreadable, self.archive.has_catalog()) {
            (Some(err), _) => format!("the archive catalog cannot be read ({err})"),
            (None, false) => "the archive catalog is gone".to_owned(),
            (None, true) => "the archive catalog lacks streams its segments hold".to_owned(),
        };
        let detail = format!(
            "{why}: {} archived stream(s) cannot be found ({}{more}); --repair rebuilds the catalog from the segments",
            missing.len(),
            named.join(", ")
        );
        findings.push(finding("archive_catalog", &catalog, None, detail, true));
        if repair {
            self.rebuild_catalog(&plan)?;
        }
        Ok(Some(plan.rows))
    }
}
