//! Event schemas are forever: a stored payload keeps the `schema_version` it was written
//! with, and reading it goes through a chain of upcasters, one per version step, until it
//! has today's shape. An upcaster never fails on a payload its version allowed, and the
//! chain is tested against a frozen file of version-1 events (tests/fixtures).

use serde_json::Value;

use super::DomainError;

/// What reading a stored payload gives.
#[derive(Debug, Clone, PartialEq)]
pub enum Upcast {
    /// Today's shape.
    Current(Value),
    /// Written by a newer jerry (a schema this one does not know): kept, not interpreted.
    Newer,
}

/// Brings `payload`, written with schema `version`, up to `current`, the schema today's
/// jerry writes (the event table's, passed in: the table decodes through here).
pub fn upcast(event_type: &str, version: u32, current: u32, payload: &Value) -> Result<Upcast, DomainError> {
    if version > current {
        return Ok(Upcast::Newer);
    }
    let mut payload = payload.clone();
    for from in version.max(1)..current {
        step(event_type, from, &mut payload)?;
    }
    Ok(Upcast::Current(payload))
}

/// One step of the chain: schema `from` to `from + 1`.
fn step(event_type: &str, from: u32, payload: &mut Value) -> Result<(), DomainError> {
    match (event_type, from) {
        ("WorkItemCompleted", 1) => {
            let seconds = payload
                .get("duration_seconds")
                .and_then(Value::as_u64)
                .ok_or_else(|| DomainError::MalformedEvent {
                    event_type: event_type.to_owned(),
                    reason: "version 1 needs duration_seconds".into(),
                })?;
            if let Some(object) = payload.as_object_mut() {
                object.insert("duration_ms".into(), Value::from(seconds.saturating_mul(1000)));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upcast(event_type: &str, version: u32, payload: &Value) -> Result<Upcast, DomainError> {
        super::upcast(
            event_type,
            version,
            crate::domain::work_item::current_schema(event_type),
            payload,
        )
    }
    use serde_json::json;

    #[test]
    fn completion_v1_gains_milliseconds() {
        let v1 = json!({"final_status": "done", "duration_seconds": 90, "completion_reason": null});
        let Upcast::Current(v2) = upcast("WorkItemCompleted", 1, &v1).unwrap() else {
            panic!("not upcast")
        };
        assert_eq!(v2["duration_ms"], 90_000);
        assert_eq!(v2["duration_seconds"], 90);
    }

    #[test]
    fn current_payloads_pass_through_and_newer_ones_are_kept_aside() {
        let v2 = json!({"final_status": "done", "duration_seconds": 1, "duration_ms": 1500});
        assert_eq!(
            upcast("WorkItemCompleted", 2, &v2).unwrap(),
            Upcast::Current(v2.clone())
        );
        assert_eq!(upcast("WorkItemCompleted", 3, &v2).unwrap(), Upcast::Newer);
        assert_eq!(upcast("StatusChanged", 2, &v2).unwrap(), Upcast::Newer);
        assert!(upcast("WorkItemCompleted", 1, &json!({"final_status": "done"})).is_err());
    }
}
