//! Reading a global index line. Every reader of the whole log parses one per event (a
//! million lines for a replay), and serde_json spent a fifth of an export's CPU on them. The
//! lines [`super::index::GlobalIndex::write`] produces have one fixed shape, so that shape is
//! read field by field; anything else (escapes, other field orders, extra fields, damage)
//! goes to serde_json, which also gives the error. A property test holds the two to the same
//! answer.

use std::sync::Arc;

use super::index::IndexEntry;
use crate::store::cursor::Cursor;
use crate::store::StreamId;
use crate::timestamp::Timestamp;

/// The entry on `line` (without its newline).
pub fn parse(line: &[u8]) -> Result<IndexEntry, serde_json::Error> {
    parse_with(line, &mut Recent::default())
}

/// As [`parse`], for one of many lines read in a row: the entry shares its stream id and
/// event type with earlier entries that name the same (a page of a million-event replay
/// otherwise allocates both for every entry).
pub fn parse_with(line: &[u8], recent: &mut Recent) -> Result<IndexEntry, serde_json::Error> {
    match std::str::from_utf8(line)
        .ok()
        .and_then(|line| canonical(line, recent))
    {
        Some(entry) => Ok(entry),
        None => serde_json::from_slice(line),
    }
}

/// The stream id of the last entry read, and the event types read so far (a log has a
/// few dozen).
#[derive(Default)]
pub struct Recent {
    stream: Option<StreamId>,
    types: Vec<Arc<str>>,
}

/// Event types kept for sharing, at most: more than a log of jerry's has.
const TYPES_KEPT: usize = 64;

impl Recent {
    fn stream(&mut self, text: &str) -> Option<StreamId> {
        match &self.stream {
            Some(stream) if stream.as_str() == text => Some(stream.clone()),
            _ => {
                let stream = StreamId::new(text).ok()?;
                self.stream = Some(stream.clone());
                Some(stream)
            }
        }
    }

    fn event_type(&mut self, text: &str) -> Arc<str> {
        if let Some(known) = self.types.iter().find(|known| &***known == text) {
            return Arc::clone(known);
        }
        let event_type: Arc<str> = Arc::from(text);
        if self.types.len() < TYPES_KEPT {
            self.types.push(Arc::clone(&event_type));
        }
        event_type
    }
}

/// The entry when `line` is exactly what serde_json writes for one, else `None`.
fn canonical(line: &str, recent: &mut Recent) -> Option<IndexEntry> {
    let mut at = Cursor(line);
    at.tag("{\"position\":")?;
    let position = at.number()?;
    at.tag(",\"stream\":\"")?;
    let stream = recent.stream(at.plain_text()?)?;
    at.tag(",\"version\":")?;
    let version = at.number()?;
    at.tag(",\"offset\":")?;
    let offset = at.number()?;
    at.tag(",\"length\":")?;
    let length = at.number()?;
    at.tag(",\"event_type\":\"")?;
    let event_type = recent.event_type(at.plain_text()?);
    at.tag(",\"timestamp\":\"")?;
    let timestamp = Timestamp::parse(at.plain_text()?).ok()?;
    at.tag("}")?;
    at.is_empty().then_some(IndexEntry {
        position,
        stream,
        version,
        offset,
        length,
        event_type,
        timestamp,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn entry() -> impl Strategy<Value = IndexEntry> {
        (
            any::<u64>(),
            "[a-z_]{1,12}-[A-Za-z0-9\"\\\\/é\u{1F600} -]{1,20}",
            (any::<u64>(), any::<u64>(), any::<u64>()),
            "[A-Za-z\"\\\\\u{7f}é]{1,20}",
            0i64..4_102_444_800_000_000,
        )
            .prop_map(
                |(position, stream, (version, offset, length), event_type, micros)| IndexEntry {
                    position,
                    stream: StreamId::new(stream).expect("no control characters"),
                    version,
                    offset,
                    length,
                    event_type: event_type.into(),
                    timestamp: Timestamp::from_unix_micros(micros).expect("in range"),
                },
            )
    }

    proptest! {
        /// Every line the index writes reads back as its entry; the ones without escapes
        /// take the short way.
        #[test]
        fn written_lines_read_back(entry in entry()) {
            let line = serde_json::to_vec(&entry).unwrap();
            prop_assert_eq!(parse(&line).unwrap(), entry.clone());
            let plain = !entry.stream.as_str().contains(['"', '\\'])
                && !entry.event_type.contains(['"', '\\'])
                && entry.position.to_string().len() < 20
                && [entry.version, entry.offset, entry.length].iter().all(|n| n.to_string().len() < 20);
            prop_assert_eq!(canonical(std::str::from_utf8(&line).unwrap(), &mut Recent::default()).is_some(), plain);
        }

        /// On any change to a line, the short way gives serde_json's entry or steps aside.
        #[test]
        fn damaged_lines_read_as_serde_json_reads_them(
            entry in entry(),
            cut in any::<prop::sample::Index>(),
            byte in any::<u8>(),
        ) {
            let mut line = serde_json::to_vec(&entry).unwrap();
            let at = cut.index(line.len());
            line[at] = byte;
            if let Some(fast) = std::str::from_utf8(&line).ok().and_then(|line| canonical(line, &mut Recent::default())) {
                let slow: IndexEntry = serde_json::from_slice(&line).unwrap();
                prop_assert_eq!(fast, slow);
            }
            prop_assert_eq!(
                parse(&line).ok(),
                serde_json::from_slice::<IndexEntry>(&line).ok()
            );
        }
    }

    #[test]
    fn lines_read_in_a_row_share_what_they_name_alike() {
        let line = |stream: &str, event_type: &str| {
            format!(
                r#"{{"position":1,"stream":"{stream}","version":1,"offset":0,"length":3,"event_type":"{event_type}","timestamp":"2026-01-01T00:00:00Z"}}"#
            )
        };
        let mut recent = Recent::default();
        let read: Vec<IndexEntry> = [("s-1", "A"), ("s-1", "B"), ("s-2", "A"), ("s-1", "B")]
            .iter()
            .map(|(stream, event_type)| parse_with(line(stream, event_type).as_bytes(), &mut recent).unwrap())
            .collect();
        let streams: Vec<&str> = read.iter().map(|entry| entry.stream.as_str()).collect();
        let types: Vec<&str> = read.iter().map(|entry| &*entry.event_type).collect();
        assert_eq!(streams, ["s-1", "s-1", "s-2", "s-1"]);
        assert_eq!(types, ["A", "B", "A", "B"]);
        assert!(Arc::ptr_eq(&read[0].event_type, &read[2].event_type));
        assert!(Arc::ptr_eq(&read[1].event_type, &read[3].event_type));
    }

    #[test]
    fn other_shapes_go_to_serde_json() {
        let reordered = r#"{"stream":"s-1","position":1,"version":1,"offset":0,"length":3,"event_type":"E","timestamp":"2026-01-01T00:00:00Z"}"#;
        assert!(canonical(reordered, &mut Recent::default()).is_none());
        assert_eq!(parse(reordered.as_bytes()).unwrap().position, 1);
        let leading_zero = r#"{"position":01,"stream":"s-1","version":1,"offset":0,"length":3,"event_type":"E","timestamp":"2026-01-01T00:00:00Z"}"#;
        assert!(canonical(leading_zero, &mut Recent::default()).is_none());
        assert!(parse(leading_zero.as_bytes()).is_err());
        let trailing = r#"{"position":1,"stream":"s-1","version":1,"offset":0,"length":3,"event_type":"E","timestamp":"2026-01-01T00:00:00Z"} x"#;
        assert!(parse(trailing.as_bytes()).is_err());
    }
}
