//! The global log as lines: what whole-log readers (replay, export) take instead of
//! [`RecordedEvent`]s, so a million events cost a million borrowed parses and no
//! `serde_json::Value` trees. A line decodes as [`EventLine`], whose strings point into the
//! page's buffer and whose payload stays raw JSON until the domain decodes it once.

use std::borrow::Cow;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use ulid::Ulid;

use super::{RecordedEvent, StoreError};

mod shape;
use crate::timestamp::Timestamp;

/// One committed event, borrowed from its line. Field for field (and in the same order) a
/// [`RecordedEvent`]: serialized, it gives the bytes `RecordedEvent` would. Fields a line
/// carries for its store alone (a batch's end, a transaction mark) are ignored.
#[derive(Debug, Deserialize, Serialize)]
pub struct EventLine<'a> {
    pub event_id: Ulid,
    #[serde(borrow)]
    pub aggregate_type: Cow<'a, str>,
    #[serde(borrow)]
    pub aggregate_id: Cow<'a, str>,
    #[serde(borrow)]
    pub event_type: Cow<'a, str>,
    pub version: u64,
    pub position: u64,
    pub schema_version: u32,
    pub timestamp: Timestamp,
    #[serde(borrow)]
    pub payload: &'a RawValue,
    #[serde(borrow)]
    pub metadata: MetadataLine<'a>,
    /// The line's text up to the end of its metadata, when that is exactly what writing
    /// this event gives (less the closing brace): writing it then copies the text.
    #[serde(skip)]
    pub(super) verbatim: Option<&'a str>,
}

/// [`crate::store::Metadata`], borrowed; serializes as it does.
#[derive(Debug, Deserialize, Serialize)]
pub struct MetadataLine<'a> {
    #[serde(borrow)]
    pub actor: Cow<'a, str>,
    #[serde(default, borrow)]
    pub correlation_id: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub causation_id: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub redoes: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lamport: Option<u64>,
}

impl<'a> EventLine<'a> {
    /// Decodes a line: the lines jerry writes field by field, anything else by serde_json.
    pub fn parse(text: &'a str) -> Result<Self, serde_json::Error> {
        shape::parse(text)
    }

    /// As [`EventLine::parse`], from bytes that may not be UTF-8 (serde_json then names
    /// where they are not).
    pub fn parse_bytes(bytes: &'a [u8]) -> Result<Self, serde_json::Error> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::parse(text),
            Err(_) => serde_json::from_slice(bytes),
        }
    }

    /// Appends the event as JSON: the bytes serializing it gives, copied from its line
    /// when the line holds them.
    pub fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        match self.verbatim {
            Some(text) => {
                out.extend_from_slice(text.as_bytes());
                out.push(b'}');
                Ok(())
            }
            None => serde_json::to_writer(out, self),
        }
    }

    /// The owned event (for the paths that keep events rather than fold them).
    pub fn to_recorded(&self) -> Result<RecordedEvent, serde_json::Error> {
        let metadata = &self.metadata;
        let owned = |text: &Option<Cow<'_, str>>| text.as_deref().map(str::to_owned);
        Ok(RecordedEvent {
            event_id: self.event_id,
            aggregate_type: self.aggregate_type.clone().into_owned(),
            aggregate_id: self.aggregate_id.clone().into_owned(),
            event_type: self.event_type.clone().into_owned(),
            version: self.version,
            position: self.position,
            schema_version: self.schema_version,
            timestamp: self.timestamp,
            payload: serde_json::from_str(self.payload.get())?,
            metadata: crate::store::Metadata {
                actor: metadata.actor.clone().into_owned(),
                correlation_id: owned(&metadata.correlation_id),
                causation_id: owned(&metadata.causation_id),
                idempotency_key: owned(&metadata.idempotency_key),
                undoes: owned(&metadata.undoes),
                redoes: owned(&metadata.redoes),
                lamport: metadata.lamport,
            },
        })
    }
}

/// A page of the global log as lines, reused from page to page so reading allocates once.
/// Each line comes with the position and version the store's index gives it, which its
/// reader checks against the line itself.
#[derive(Debug, Default)]
pub struct LinePage {
    bytes: Vec<u8>,
    lines: Vec<PageLine>,
    /// Where the lines came from, named in a corruption report.
    sources: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy)]
struct PageLine {
    start: usize,
    end: usize,
    position: u64,
    version: u64,
    source: usize,
}

impl LinePage {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn clear(&mut self) {
        self.bytes.clear();
        self.lines.clear();
        self.sources.clear();
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The position of the page's last line: where the next page starts after.
    pub fn last_position(&self) -> Option<u64> {
        self.lines.last().map(|line| line.position)
    }

    /// Drops the lines after `position` (lines are in log order).
    pub fn keep_up_to(&mut self, position: u64) {
        let keep = self.lines.partition_point(|line| line.position <= position);
        self.lines.truncate(keep);
    }

    /// Starts lines read from `path`; returns the number [`LinePage::push`] takes.
    pub fn source(&mut self, path: PathBuf) -> usize {
        self.sources.push(path);
        self.sources.len() - 1
    }

    /// The buffer a store appends raw bytes to before marking lines in them.
    pub fn buffer(&mut self) -> &mut Vec<u8> {
        &mut self.bytes
    }

    /// Marks `start..end` of the buffer as the line of the event at `position`, `version`.
    pub fn push(&mut self, start: usize, end: usize, position: u64, version: u64, source: usize) {
        self.lines.push(PageLine {
            start,
            end,
            position,
            version,
            source,
        });
    }

    /// Appends `event` as a line (the way stores without lines of their own fill a page).
    pub fn push_event(&mut self, event: &RecordedEvent) -> Result<(), StoreError> {
        let start = self.bytes.len();
        serde_json::to_writer(&mut self.bytes, event).map_err(|err| StoreError::Corrupt {
            path: PathBuf::new(),
            line: Some(event.version),
            reason: format!("cannot encode the event at position {}: {err}", event.position),
        })?;
        let end = self.bytes.len();
        self.push(start, end, event.position, event.version, usize::MAX);
        Ok(())
    }

    /// Decodes each line in order, checked against what the store's index says it is.
    pub fn each<E: From<StoreError>>(
        &self,
        mut visit: impl FnMut(EventLine<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        for index in 0..self.lines.len() {
            visit(self.line(index)?)?;
        }
        Ok(())
    }

    /// As [`LinePage::each`], with each line's text beside its decoding (for a reader that
    /// keeps a few lines to decode whole later).
    pub fn each_with_text<E: From<StoreError>>(
        &self,
        mut visit: impl FnMut(EventLine<'_>, &str) -> Result<(), E>,
    ) -> Result<(), E> {
        for index in 0..self.lines.len() {
            let (line, text) = self.line_and_text(index)?;
            visit(line, text)?;
        }
        Ok(())
    }

    /// Line `index`, decoded and checked.
    pub fn line(&self, index: usize) -> Result<EventLine<'_>, StoreError> {
        self.line_and_text(index).map(|(line, _)| line)
    }

    fn line_and_text(&self, index: usize) -> Result<(EventLine<'_>, &str), StoreError> {
        let Some(line) = self.lines.get(index) else {
            return Err(self.corrupt(index, "no such line in the page".to_owned()));
        };
        let bytes = self.bytes.get(line.start..line.end).unwrap_or_default();
        // One UTF-8 check of the whole line, then a parse from `&str`: from bytes, serde_json
        // checks each borrowed string on its own, which cost a tenth of an export.
        let text = std::str::from_utf8(bytes)
            .map_err(|err| self.corrupt(index, format!("global index points at a bad line: {err}")))?;
        let event = EventLine::parse(text)
            .map_err(|err| self.corrupt(index, format!("global index points at a bad line: {err}")))?;
        if event.position != line.position || event.version != line.version {
            return Err(self.corrupt(
                index,
                format!(
                    "global index says position {} version {}, the stream says position {} version {}",
                    line.position, line.version, event.position, event.version
                ),
            ));
        }
        Ok((event, text))
    }

    fn corrupt(&self, index: usize, reason: String) -> StoreError {
        let line = self.lines.get(index);
        StoreError::Corrupt {
            path: line
                .and_then(|line| self.sources.get(line.source))
                .cloned()
                .unwrap_or_default(),
            line: line.map(|line| line.version),
            reason,
        }
    }
}
