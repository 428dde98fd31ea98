//! An event line of the shape jerry writes, read field by field (see [`crate::store::cursor`]):
//! the fields of a [`RecordedEvent`](crate::store::RecordedEvent) in their order, then what the
//! JSONL store adds for itself (a batch's end, a multi-stream write's mark). Anything else —
//! escapes, another order, damage — goes to serde_json. A property test holds the two to the
//! same answer.

use std::borrow::Cow;

use ulid::Ulid;

use super::{EventLine, MetadataLine};
use crate::store::cursor::Cursor;
use crate::timestamp::Timestamp;

/// `text` decoded, the short way when it has the usual shape.
pub(super) fn parse(text: &str) -> Result<EventLine<'_>, serde_json::Error> {
    match canonical(text) {
        Some(line) => Ok(line),
        None => serde_json::from_str(text),
    }
}

/// The event when `text` is of the usual shape, else `None`.
fn canonical(text: &str) -> Option<EventLine<'_>> {
    let mut at = Cursor(text);
    at.tag("{\"event_id\":\"")?;
    let id_text = at.plain_text()?;
    let event_id = Ulid::from_string(id_text).ok()?;
    at.tag(",\"aggregate_type\":\"")?;
    let aggregate_type = at.plain_text()?;
    at.tag(",\"aggregate_id\":\"")?;
    let aggregate_id = at.plain_text()?;
    at.tag(",\"event_type\":\"")?;
    let event_type = at.plain_text()?;
    at.tag(",\"version\":")?;
    let version = at.number()?;
    at.tag(",\"position\":")?;
    let position = at.number()?;
    at.tag(",\"schema_version\":")?;
    let schema_version = u32::try_from(at.number()?).ok()?;
    at.tag(",\"timestamp\":\"")?;
    let time_text = at.plain_text()?;
    let canonical_time = Timestamp::parse_canonical(time_text.as_bytes());
    let timestamp = match canonical_time {
        Some(timestamp) => timestamp,
        None => Timestamp::parse(time_text).ok()?,
    };
    at.tag(",\"payload\":")?;
    let payload = at.raw_value()?;
    at.tag(",\"metadata\":{\"actor\":\"")?;
    let actor = at.plain_text()?;
    at.tag(",\"correlation_id\":")?;
    let correlation_id = at.plain_text_or_null().ok()?;
    at.tag(",\"causation_id\":")?;
    let causation_id = at.plain_text_or_null().ok()?;
    let idempotency_key = at.plain_text_after(",\"idempotency_key\":\"").ok()?;
    let undoes = at.plain_text_after(",\"undoes\":\"").ok()?;
    let redoes = at.plain_text_after(",\"redoes\":\"").ok()?;
    let lamport = match at.tag(",\"lamport\":") {
        Some(()) => Some(at.number()?),
        None => None,
    };
    at.tag("}")?;
    let event_end = text.len() - at.0.len();
    if at.tag(",\"batch_end\":").is_some() {
        at.number()?;
    }
    // A multi-stream write's mark (every line an import, a sync or `generate` writes).
    if at.tag(",\"txn\":{\"id\":\"").is_some() {
        at.plain_text()?;
        at.tag(",\"witness\":\"")?;
        at.plain_text()?;
        at.tag(",\"offset\":")?;
        at.number()?;
        at.tag(",\"last\":")?;
        at.number()?;
        at.tag("}")?;
    }
    at.tag("}")?;
    if !at.is_empty() {
        return None;
    }
    // Written back, the id and the time read here give their own text only in the
    // canonical form (the id in capitals, the time in UTC to the microsecond).
    let mut id_buffer = [0u8; ulid::ULID_LEN];
    let verbatim = (canonical_time.is_some() && event_id.array_to_str(&mut id_buffer) == id_text)
        .then(|| text.get(..event_end))
        .flatten();
    Some(EventLine {
        event_id,
        aggregate_type: Cow::Borrowed(aggregate_type),
        aggregate_id: Cow::Borrowed(aggregate_id),
        event_type: Cow::Borrowed(event_type),
        version,
        position,
        schema_version,
        timestamp,
        payload,
        metadata: MetadataLine {
            actor: Cow::Borrowed(actor),
            correlation_id: correlation_id.map(Cow::Borrowed),
            causation_id: causation_id.map(Cow::Borrowed),
            idempotency_key: idempotency_key.map(Cow::Borrowed),
            undoes: undoes.map(Cow::Borrowed),
            redoes: redoes.map(Cow::Borrowed),
            lamport,
        },
        verbatim,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::store::{Metadata, RecordedEvent};

    fn text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 _\"\\\\é\u{1F600}\t\u{7f}-]{0,12}"
    }

    fn metadata() -> impl Strategy<Value = Metadata> {
        (
            text(),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(any::<u64>()),
        )
            .prop_map(
                |(actor, correlation_id, causation_id, idempotency_key, undoes, redoes, lamport)| Metadata {
                    actor,
                    correlation_id,
                    causation_id,
                    idempotency_key,
                    undoes,
                    redoes,
                    lamport,
                },
            )
    }

    fn event() -> impl Strategy<Value = RecordedEvent> {
        let payload = prop_oneof![
            Just(json!(null)),
            text().prop_map(|title| json!({"title": title, "tags": ["a", {"b": null}], "n": -1.5})),
            text().prop_map(|text| json!(text)),
        ];
        (
            any::<u128>(),
            (text(), text(), text()),
            (any::<u64>(), any::<u64>(), any::<u32>()),
            0i64..4_102_444_800_000_000,
            payload,
            metadata(),
        )
            .prop_map(
                |(
                    id,
                    (aggregate_type, aggregate_id, event_type),
                    (version, position, schema_version),
                    micros,
                    payload,
                    metadata,
                )| {
                    RecordedEvent {
                        event_id: Ulid(id),
                        aggregate_type,
                        aggregate_id,
                        event_type,
                        version,
                        position,
                        schema_version,
                        timestamp: Timestamp::from_unix_micros(micros).expect("in range"),
                        payload,
                        metadata,
                    }
                },
            )
    }

    /// The event a line holds, and the bytes writing it gives: what both ways must agree on.
    fn read(line: &EventLine<'_>) -> (Option<RecordedEvent>, Vec<u8>) {
        let mut written = Vec::new();
        line.write_json(&mut written).expect("writes");
        (line.to_recorded().ok(), written)
    }

    fn plain(event: &RecordedEvent) -> bool {
        let metadata = &event.metadata;
        let texts = [
            &event.aggregate_type,
            &event.aggregate_id,
            &event.event_type,
            &metadata.actor,
        ];
        let optional = [
            &metadata.correlation_id,
            &metadata.causation_id,
            &metadata.idempotency_key,
            &metadata.undoes,
            &metadata.redoes,
        ];
        texts
            .into_iter()
            .chain(optional.into_iter().flatten())
            .all(|text| !text.contains(['"', '\\', '\t']))
            && [Some(event.version), Some(event.position), metadata.lamport]
                .into_iter()
                .flatten()
                .all(|number| number < 10_000_000_000_000_000_000)
    }

    proptest! {
        /// Every line jerry writes reads back as its event, and writes back as the bytes
        /// serializing the event gives; the plain ones take the short way, copied as they are.
        #[test]
        fn written_lines_read_back(
            event in event(),
            batch_end in prop::option::of(any::<u64>()),
            txn in prop::option::of((any::<u128>(), text(), any::<u64>(), any::<u64>())),
        ) {
            let whole = serde_json::to_string(&event).unwrap();
            let mut line = whole.clone();
            if let Some(end) = batch_end {
                line = format!("{},\"batch_end\":{end}}}", &line[..line.len() - 1]);
            }
            if let Some((id, witness, offset, last)) = &txn {
                let mark = serde_json::json!({"id": Ulid(*id), "witness": witness, "offset": offset, "last": last});
                line = format!("{},\"txn\":{mark}}}", &line[..line.len() - 1]);
            }
            let (decoded, written) = read(&parse(&line).unwrap());
            prop_assert_eq!(decoded, Some(event.clone()));
            prop_assert_eq!(String::from_utf8(written).unwrap(), whole);
            let short = canonical(&line);
            let small = |number: u64| number < 10_000_000_000_000_000_000;
            let plain = plain(&event)
                && batch_end.is_none_or(small)
                && txn.as_ref().is_none_or(|(_, witness, offset, last)| {
                    !witness.contains(['"', '\\', '\t']) && small(*offset) && small(*last)
                });
            prop_assert_eq!(short.is_some(), plain);
            prop_assert_eq!(short.is_some_and(|line| line.verbatim.is_some()), plain);
        }

        /// On any change to a line, the short way gives serde_json's event and bytes, or
        /// steps aside.
        #[test]
        fn damaged_lines_read_as_serde_json_reads_them(
            event in event(),
            cut in any::<prop::sample::Index>(),
            byte in any::<u8>(),
        ) {
            let mut line = serde_json::to_vec(&event).unwrap();
            let at = cut.index(line.len());
            line[at] = byte;
            let Ok(line) = std::str::from_utf8(&line) else {
                return Ok(());
            };
            let slow = serde_json::from_str::<EventLine<'_>>(line);
            if let Some(fast) = canonical(line) {
                prop_assert_eq!(read(&fast), read(slow.as_ref().unwrap()));
            }
            prop_assert_eq!(parse(line).ok().map(|line| read(&line)), slow.ok().map(|line| read(&line)));
        }
    }

    #[test]
    fn other_forms_of_the_id_and_time_are_read_but_written_in_their_own_form() {
        let line = r#"{"event_id":"01M9103AD84SR87YX39FNXWZ4B","aggregate_type":"work_item","aggregate_id":"WORK-1","event_type":"E","version":1,"position":1,"schema_version":1,"timestamp":"2026-12-04T17:02:14.952467Z","payload":{},"metadata":{"actor":"a","correlation_id":null,"causation_id":null}}"#;
        assert!(canonical(line).is_some_and(|line| line.verbatim.is_some()));
        let lower_id = line.replace("01M9103AD84SR87YX39FNXWZ4B", "01m9103ad84sr87yx39fnxwz4b");
        let offset_time = line.replace("17:02:14.952467Z", "18:02:14.952467+01:00");
        for other in [&lower_id, &offset_time] {
            let short = canonical(other).expect("the usual shape");
            assert!(short.verbatim.is_none(), "{other}");
            let (_, written) = read(&short);
            assert_eq!(String::from_utf8(written).unwrap(), line);
        }
        let spaced = line.replace(r#""payload":{}"#, r#""payload": {}"#);
        assert!(canonical(&spaced).is_none(), "whitespace goes to serde_json");
        assert_eq!(read(&parse(&spaced).unwrap()).1, line.as_bytes());
        let marked = line.replace(
            "}}",
            r#"},"txn":{"id":"01M9103AD84SR87YX39FNXWZ4B","witness":"s","offset":0,"last":1}}"#,
        );
        let short = canonical(&marked).expect("a transaction mark is of the usual shape");
        assert_eq!(short.position, 1);
        assert_eq!(
            read(&short).1,
            line.as_bytes(),
            "the mark is the store's, not the event's"
        );
        let reordered = marked.replace(r#""witness":"s","offset":0"#, r#""offset":0,"witness":"s""#);
        assert!(
            canonical(&reordered).is_none(),
            "another order goes to serde_json"
        );
        assert_eq!(parse(&reordered).unwrap().position, 1);
    }
}
