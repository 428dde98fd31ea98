//! Questions about the whole log in its one global order: list, stats, "A followed by B".
//! Everything streams through pages, so memory stays flat whatever the log's size.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::ops::ControlFlow;
use std::time::Duration;

use serde::Serialize;

use crate::domain::{DomainError, WorkItemEvent, WorkItemId, AGGREGATE_TYPE, EVENT_TYPES};
use crate::store::{EventLine, EventStore, LinePage, RecordedEvent, StreamId};
use crate::timestamp::Timestamp;

use super::AppError;

/// How many events one read of the store returns.
pub const PAGE: usize = 1024;

/// Filters shared by `events list`, `follow`, `export` and `stats`. Repeated values of one
/// field match any; different fields must all match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    pub types: Vec<String>,
    pub item: Option<WorkItemId>,
    pub stream: Option<StreamId>,
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub after: u64,
    pub correlation: Option<String>,
    pub actor: Option<String>,
}

impl EventFilter {
    /// True when only `after` narrows the log: then what matches is a range of positions,
    /// and its size and ends are known from the head without reading it.
    pub fn is_range(&self) -> bool {
        *self
            == Self {
                after: self.after,
                ..Self::default()
            }
    }

    pub fn matches(&self, event: &RecordedEvent) -> bool {
        self.matches_fields(&Fields::of(event))
    }

    /// [`EventFilter::matches`] for an event read as its line.
    pub fn matches_line(&self, line: &EventLine<'_>) -> bool {
        self.matches_fields(&Fields::of_line(line))
    }

    /// The one stream every matching event is in, when the filter names one.
    fn one_stream(&self) -> Option<StreamId> {
        match self.item {
            Some(id) => crate::app::repository::stream_for(id).ok(),
            None => self.stream.clone(),
        }
    }

    fn matches_fields(&self, event: &Fields<'_>) -> bool {
        let in_stream = |stream: &StreamId| {
            stream
                .as_str()
                .strip_prefix(event.aggregate_type)
                .and_then(|rest| rest.strip_prefix('-'))
                == Some(event.aggregate_id)
        };
        event.position > self.after
            && (self.types.is_empty() || self.types.iter().any(|t| t == event.event_type))
            && self.item.is_none_or(|id| {
                event.aggregate_type == AGGREGATE_TYPE && event.aggregate_id == id.canonical().to_string()
            })
            && self.stream.as_ref().is_none_or(in_stream)
            && self.since.is_none_or(|since| event.timestamp >= since)
            && self.until.is_none_or(|until| event.timestamp <= until)
            && self
                .correlation
                .as_ref()
                .is_none_or(|c| event.correlation == Some(c.as_str()))
            && self.actor.as_ref().is_none_or(|a| event.actor == a)
    }
}

/// What a filter looks at in an event, however it was read.
struct Fields<'a> {
    position: u64,
    event_type: &'a str,
    aggregate_type: &'a str,
    aggregate_id: &'a str,
    timestamp: Timestamp,
    correlation: Option<&'a str>,
    actor: &'a str,
}

impl<'a> Fields<'a> {
    fn of(event: &'a RecordedEvent) -> Self {
        Fields {
            position: event.position,
            event_type: &event.event_type,
            aggregate_type: &event.aggregate_type,
            aggregate_id: &event.aggregate_id,
            timestamp: event.timestamp,
            correlation: event.metadata.correlation_id.as_deref(),
            actor: &event.metadata.actor,
        }
    }

    fn of_line(line: &'a EventLine<'_>) -> Self {
        Fields {
            position: line.position,
            event_type: &line.event_type,
            aggregate_type: &line.aggregate_type,
            aggregate_id: &line.aggregate_id,
            timestamp: line.timestamp,
            correlation: line.metadata.correlation_id.as_deref(),
            actor: &line.metadata.actor,
        }
    }
}

/// The known event type a user typed (any case), or an error naming the closest ones, so a
/// typo in `--type` is not an empty success.
pub fn event_type_named(input: &str) -> Result<&'static str, DomainError> {
    if let Some(known) = WorkItemEvent::known_type(input) {
        return Ok(known);
    }
    let typed = input.trim().to_ascii_lowercase();
    let mut scored: Vec<(f64, &'static str)> = EVENT_TYPES
        .iter()
        .map(|known| (strsim::jaro_winkler(&typed, &known.to_ascii_lowercase()), *known))
        .filter(|(score, _)| *score > 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    Err(DomainError::UnknownEventType {
        input: input.to_owned(),
        closest: scored.into_iter().take(2).map(|(_, name)| name).collect(),
    })
}

/// The stream an event belongs to, by the `<aggregate_type>-<aggregate_id>` convention.
pub fn stream_of(event: &RecordedEvent) -> String {
    format!("{}-{}", event.aggregate_type, event.aggregate_id)
}

/// A page of events and how many matched in all, so a limit is never silent.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPage {
    pub events: Vec<RecordedEvent>,
    pub total_matching: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Type,
    Stream,
    Day,
    Actor,
}

impl GroupBy {
    /// The group `event` counts in, written into `key` (reused from event to event).
    fn key(self, event: &Fields<'_>, key: &mut String) {
        key.clear();
        match self {
            GroupBy::Type => key.push_str(event.event_type),
            GroupBy::Stream => {
                key.push_str(event.aggregate_type);
                key.push('-');
                key.push_str(event.aggregate_id);
            }
            GroupBy::Day => key.push_str(&event.timestamp.day()),
            GroupBy::Actor => key.push_str(event.actor),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatGroup {
    pub key: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub total: u64,
    pub groups: Vec<StatGroup>,
}

/// One `A followed by B` match within an item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SequenceMatch {
    pub item: String,
    pub first: RecordedEvent,
    pub then: RecordedEvent,
    pub gap_seconds: f64,
}

pub struct EventLog<'a> {
    store: &'a dyn EventStore,
}

impl<'a> EventLog<'a> {
    pub fn new(store: &'a dyn EventStore) -> Self {
        Self { store }
    }

    /// The position of the last event: where a reader that wants only what comes next
    /// starts.
    pub fn head(&self) -> Result<u64, AppError> {
        Ok(self.store.head_position()?)
    }

    /// Up to `limit` events after `position`, in global order, unfiltered: the page a
    /// follower or an event stream sends on.
    pub fn page(&self, after: u64, limit: usize) -> Result<Vec<RecordedEvent>, AppError> {
        Ok(self.store.read_global(after, limit)?)
    }

    /// Sleeps until an event after `after` may be there, or `timeout` passes (the store's
    /// notifications: a waiting door costs no CPU).
    pub fn wait(&self, after: u64, timeout: std::time::Duration) -> Result<(), AppError> {
        Ok(self.store.wait_for_events(after, timeout)?)
    }

    /// Following the log, one step: the events after `position` (up to `limit`), or, when
    /// there are none yet, an empty page after sleeping until one may be there or
    /// `timeout` passes. Every follower (the CLI's `events follow`, the board's watcher)
    /// loops on this, so each sleeps the same way between appends.
    pub fn follow(
        &self,
        position: u64,
        limit: usize,
        timeout: std::time::Duration,
    ) -> Result<Vec<RecordedEvent>, AppError> {
        let page = self.page(position, limit)?;
        if page.is_empty() {
            self.wait(position, timeout)?;
        }
        Ok(page)
    }

    /// How many streams (items) the log holds.
    pub fn stream_count(&self) -> Result<usize, AppError> {
        Ok(self.store.list_streams()?.len())
    }

    /// Visits matching events in global order, page by page, until `visit` breaks.
    pub fn scan(
        &self,
        filter: &EventFilter,
        mut visit: impl FnMut(RecordedEvent) -> Result<ControlFlow<()>, AppError>,
    ) -> Result<(), AppError> {
        if let Some(stream) = filter.one_stream() {
            // One item's events are read from its stream (in version order, which is their
            // order in the log), not looked for in the whole log.
            for event in self.store.read_all(&stream)? {
                if filter.matches(&event) && visit(event)?.is_break() {
                    break;
                }
            }
            return Ok(());
        }
        // The whole log as pages of lines, matched on the decoders: only the events the
        // filter keeps are built whole.
        super::log_pages::map_pages(
            self.store,
            filter.after,
            |page: &LinePage| {
                let mut kept = Vec::new();
                page.each(|line| {
                    if filter.matches_line(&line) {
                        kept.push(
                            line.to_recorded()
                                .map_err(|err| AppError::io("cannot read an event's payload", err.into()))?,
                        );
                    }
                    Ok::<(), AppError>(())
                })?;
                Ok(kept)
            },
            |kept| {
                for event in kept {
                    if visit(event)?.is_break() {
                        return Ok(ControlFlow::Break(()));
                    }
                }
                Ok(ControlFlow::Continue(()))
            },
            |_| {},
        )
    }

    /// Every matching event encoded by `encode` (which appends its bytes to a page's
    /// buffer), the buffers handed to `write` in log order with how many events each
    /// holds: export's path. Pages are read on one thread and encoded on the others,
    /// each event decoded once, borrowed, so the cost is near that of parsing the lines.
    pub fn encode_matching(
        &self,
        filter: &EventFilter,
        encode: impl Fn(&EventLine<'_>, &mut Vec<u8>) -> Result<(), AppError> + Sync,
        mut write: impl FnMut(&[u8], u64) -> Result<ControlFlow<()>, AppError>,
        mut progress: impl FnMut(u64),
    ) -> Result<(), AppError> {
        if let Some(stream) = filter.one_stream() {
            // One item's events, from its stream: each is written as its line and read back
            // as one, so the bytes are those the whole log's path gives.
            let mut bytes = Vec::new();
            let mut count = 0;
            let mut text = Vec::new();
            for event in self.store.read_all(&stream)? {
                progress(event.position);
                if !filter.matches(&event) {
                    continue;
                }
                let bad = |err: serde_json::Error| AppError::io("cannot encode an event", err.into());
                text.clear();
                serde_json::to_writer(&mut text, &event).map_err(bad)?;
                let line = EventLine::parse_bytes(&text).map_err(bad)?;
                encode(&line, &mut bytes)?;
                count += 1;
            }
            if count > 0 {
                // The last write: whether the writer wants more does not matter.
                let _ = write(&bytes, count)?;
            }
            return Ok(());
        }
        super::log_pages::map_pages(
            self.store,
            filter.after,
            |page: &LinePage| {
                let mut bytes = Vec::with_capacity(page.len() * 400);
                let mut count = 0u64;
                page.each(|line| {
                    if filter.matches_line(&line) {
                        count += 1;
                        encode(&line, &mut bytes)?;
                    }
                    Ok::<(), AppError>(())
                })?;
                Ok((bytes, count))
            },
            |(bytes, count)| {
                if count == 0 {
                    Ok(ControlFlow::Continue(()))
                } else {
                    write(&bytes, count)
                }
            },
            progress,
        )
    }

    /// Matching events in global order: the first `limit`, or the last `last`.
    pub fn list(
        &self,
        filter: &EventFilter,
        limit: Option<usize>,
        last: Option<usize>,
    ) -> Result<EventPage, AppError> {
        if filter.is_range() {
            return self.list_range(filter.after, limit, last);
        }
        if (limit.is_some() || last.is_some()) && filter.one_stream().is_none() {
            return self.list_few(filter, limit, last);
        }
        let mut kept: VecDeque<RecordedEvent> = VecDeque::new();
        let mut total_matching = 0;
        self.scan(filter, |event| {
            total_matching += 1;
            match (limit, last) {
                (_, Some(last)) => {
                    kept.push_back(event);
                    if kept.len() > last {
                        kept.pop_front();
                    }
                }
                (Some(limit), None) if kept.len() >= limit => {}
                _ => kept.push_back(event),
            }
            Ok(ControlFlow::Continue(()))
        })?;
        let mut events: Vec<RecordedEvent> = kept.into();
        if let (Some(limit), Some(_)) = (limit, last) {
            events.truncate(limit);
        }
        Ok(EventPage {
            events,
            total_matching,
        })
    }

    /// [`EventLog::list`] with a limit over the whole log: the decoders count the matches
    /// and pass their lines on as text; only the lines kept (the first `limit`, or the last
    /// `last`) are built into events, not every match.
    fn list_few(
        &self,
        filter: &EventFilter,
        limit: Option<usize>,
        last: Option<usize>,
    ) -> Result<EventPage, AppError> {
        let mut kept: VecDeque<String> = VecDeque::new();
        let mut total_matching = 0;
        super::log_pages::map_pages(
            self.store,
            filter.after,
            |page: &LinePage| {
                let mut texts = String::new();
                let mut ends = Vec::new();
                page.each_with_text(|line, text| {
                    if filter.matches_line(&line) {
                        texts.push_str(text);
                        ends.push(texts.len());
                    }
                    Ok::<(), AppError>(())
                })?;
                Ok((texts, ends))
            },
            |(texts, ends)| {
                let mut start = 0;
                for end in ends {
                    let text = texts.get(start..end).unwrap_or_default();
                    start = end;
                    total_matching += 1;
                    match (limit, last) {
                        (_, Some(last)) => {
                            // A ring of `last` lines, its buffers reused.
                            let mut slot = if kept.len() >= last {
                                kept.pop_front().unwrap_or_default()
                            } else {
                                String::new()
                            };
                            if last > 0 {
                                slot.clear();
                                slot.push_str(text);
                                kept.push_back(slot);
                            }
                        }
                        (Some(limit), None) if kept.len() >= limit => {}
                        _ => kept.push_back(text.to_owned()),
                    }
                }
                Ok(ControlFlow::Continue(()))
            },
            |_| {},
        )?;
        let mut events = Vec::with_capacity(kept.len());
        for text in &kept {
            let line = EventLine::parse(text)
                .map_err(|err| AppError::io("cannot read an event's payload", err.into()))?;
            events.push(
                line.to_recorded()
                    .map_err(|err| AppError::io("cannot read an event's payload", err.into()))?,
            );
        }
        if let (Some(limit), Some(_)) = (limit, last) {
            events.truncate(limit);
        }
        Ok(EventPage {
            events,
            total_matching,
        })
    }

    /// [`EventLog::list`] of everything after `after`: positions are gap-free, so the
    /// count is `head - after` and `--last N` reads only the last N, whatever the log's size.
    fn list_range(
        &self,
        after: u64,
        limit: Option<usize>,
        last: Option<usize>,
    ) -> Result<EventPage, AppError> {
        let head = self.store.head_position()?;
        let total = head.saturating_sub(after);
        let from = match last {
            Some(last) => head.saturating_sub(last as u64).max(after),
            None => after,
        };
        let want = usize::try_from(head - from.min(head)).unwrap_or(usize::MAX);
        let want = limit.map_or(want, |limit| limit.min(want));
        let mut events = Vec::with_capacity(want.min(PAGE));
        let mut at = from;
        while events.len() < want {
            let page = self.store.read_global(at, PAGE.min(want - events.len()))?;
            let Some(last) = page.last().map(|e| e.position) else {
                break;
            };
            at = last;
            events.extend(page);
        }
        Ok(EventPage {
            events,
            total_matching: usize::try_from(total).unwrap_or(usize::MAX),
        })
    }

    pub fn stats(&self, filter: &EventFilter, group_by: GroupBy) -> Result<Stats, AppError> {
        let mut counts: BTreeMap<String, u64> = BTreeMap::new();
        let mut total = 0;
        if filter.one_stream().is_some() {
            let mut key = String::new();
            self.scan(filter, |event| {
                group_by.key(&Fields::of(&event), &mut key);
                total += 1;
                *counts.entry(key.clone()).or_default() += 1;
                Ok(ControlFlow::Continue(()))
            })?;
        } else {
            // Each page is counted on a decoder from its lines (nothing but the grouping
            // key is read out of an event); the counts are added up in log order.
            super::log_pages::map_pages(
                self.store,
                filter.after,
                |page: &LinePage| {
                    let mut counted: HashMap<String, u64> = HashMap::new();
                    let mut key = String::new();
                    page.each(|line| {
                        if filter.matches_line(&line) {
                            group_by.key(&Fields::of_line(&line), &mut key);
                            match counted.get_mut(key.as_str()) {
                                Some(count) => *count += 1,
                                None => {
                                    counted.insert(key.clone(), 1);
                                }
                            }
                        }
                        Ok::<(), AppError>(())
                    })?;
                    Ok(counted)
                },
                |counted| {
                    for (key, count) in counted {
                        total += count;
                        *counts.entry(key).or_default() += count;
                    }
                    Ok(ControlFlow::Continue(()))
                },
                |_| {},
            )?;
        }
        let mut groups: Vec<StatGroup> = counts
            .into_iter()
            .map(|(key, count)| StatGroup { key, count })
            .collect();
        if group_by != GroupBy::Day {
            groups.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        }
        Ok(Stats { total, groups })
    }

    /// Each `first` event followed, in the same stream, by a `then` event within `within`.
    /// Every `first` pairs with the earliest `then` after it.
    pub fn followed_by(
        &self,
        first: &str,
        then: &str,
        within: Duration,
        filter: &EventFilter,
    ) -> Result<Vec<SequenceMatch>, AppError> {
        let mut waiting: HashMap<String, Vec<RecordedEvent>> = HashMap::new();
        let mut found = Vec::new();
        self.scan(filter, |event| {
            let stream = stream_of(&event);
            if event.event_type == then {
                if let Some(starts) = waiting.remove(&stream) {
                    for start in starts {
                        let in_window = start
                            .timestamp
                            .checked_add(within)
                            .is_some_and(|end| event.timestamp <= end);
                        if in_window {
                            let gap =
                                (event.timestamp.unix_micros() - start.timestamp.unix_micros()) as f64 / 1e6;
                            found.push(SequenceMatch {
                                item: event.aggregate_id.clone(),
                                first: start,
                                then: event.clone(),
                                gap_seconds: gap,
                            });
                        }
                    }
                }
            }
            if event.event_type == first {
                waiting.entry(stream).or_default().push(event);
            }
            Ok(ControlFlow::Continue(()))
        })?;
        found.sort_by_key(|m| m.then.position);
        Ok(found)
    }
}
