//! `jerry archive`: moves finished work out of the live log folder and out of the read
//! models, into a compressed segment the store still reads from. The domain says which
//! items can go ([`plan_archive`]); the store moves their streams in one step, checking
//! under its write lock that none changed since the plan was made.

use crate::domain::archive::{plan_archive, ArchivePlan};
use crate::domain::WorkItemId;
use crate::store::Backend;
use crate::timestamp::Timestamp;

use super::item_index::ItemIndex;
use super::{stream_for, AppError, ItemsProjection};

/// What an archive run did (or, with `dry_run`, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveReport {
    pub before: Option<Timestamp>,
    pub dry_run: bool,
    /// The items archived (or that would be), in id order.
    pub archived: Vec<WorkItemId>,
    /// Finished before the cut-off but linked to work that is not: they wait for it.
    pub held_back: Vec<WorkItemId>,
    /// Groups another writer changed between the plan and the move: left as they were.
    pub changed_meanwhile: usize,
    /// The segment written, its size, and the size of the stream files it replaced.
    pub segment: Option<String>,
    pub segment_bytes: u64,
    pub stream_bytes: u64,
    /// Items archived before this run and still archived after it.
    pub already_archived: usize,
}

pub(super) fn archive(store: &Backend, before: Timestamp, dry_run: bool) -> Result<ArchiveReport, AppError> {
    let Some(files) = store.as_jsonl() else {
        return Err(AppError::ArchiveUnsupported {
            store: store.kind().to_owned(),
        });
    };
    let model = ItemsProjection::current(store)?;
    let ArchivePlan { groups, held_back } = plan_archive(&model.items, before);
    let mut report = ArchiveReport {
        before: Some(before),
        dry_run,
        held_back,
        already_archived: model.archived.len(),
        ..ArchiveReport::default()
    };
    if dry_run {
        report.archived = groups.into_iter().flatten().collect();
        report.archived.sort();
        return Ok(report);
    }
    let mut streams = Vec::with_capacity(groups.len());
    for group in &groups {
        let mut members = Vec::with_capacity(group.len());
        for id in group {
            let version = model.items.get(id).map_or(0, |item| item.version);
            members.push((stream_for(*id)?, version));
        }
        streams.push(members);
    }
    let outcome = files.archive_groups(&streams)?;
    let moved: std::collections::BTreeSet<_> = outcome.streams.iter().collect();
    report.archived = groups
        .into_iter()
        .flatten()
        .filter(|id| stream_for(*id).is_ok_and(|stream| moved.contains(&stream)))
        .collect();
    report.archived.sort();
    report.changed_meanwhile = outcome.moved_groups;
    report.segment = outcome.segment;
    report.segment_bytes = outcome.segment_bytes;
    report.stream_bytes = outcome.bytes_in;
    // The read models leave the archived items now, not on the next read.
    ItemsProjection::current(store)?;
    ItemIndex::current(store)?;
    Ok(report)
}
