//! Taskwarrior's `task export`: a JSON array of tasks (2.6 and 3.x). Times are
//! `20240115T093000Z`; `depends` is a list of UUIDs (a comma-separated string before 2.6).

use serde_json::Value;

use super::fields::Record;
use super::{array, bad, label, Field, Foreign, Read, Skipped, Tracker};
use crate::app::AppError;
use crate::domain::{Comment, DependencyType, Priority, Status};
use crate::timestamp::Timestamp;

const TRACKER: Tracker = Tracker::Taskwarrior;

/// Fields every task has that say nothing jerry keeps: its working-set number and its
/// computed urgency.
const DERIVED: [&str; 2] = ["id", "urgency"];

pub(super) fn read(text: &str) -> Result<Read, AppError> {
    let mut read = Read::default();
    for (record, value) in array(TRACKER, text)? {
        let Value::Object(task) = value else {
            return Err(bad(TRACKER, record, "expected a task object"));
        };
        let task = Record {
            tracker: TRACKER,
            number: record,
            fields: &task,
            parse_time,
        };
        let uuid = task
            .text("uuid")?
            .ok_or_else(|| bad(TRACKER, record, "the task has no uuid"))?;
        let source = format!("taskwarrior:{uuid}");
        let status = task.text("status")?.unwrap_or_default();
        if status == "recurring" {
            read.skipped.push(Skipped {
                record,
                source,
                why: "a recurring task's template: its pending instances are imported".into(),
            });
            continue;
        }
        let started = task.time("start")?;
        let status = match status.as_str() {
            "pending" | "waiting" if started.is_some() => Status::InProgress,
            "pending" | "waiting" => Status::Pending,
            "completed" => Status::Done,
            "deleted" => Status::Cancelled,
            other => {
                return Err(bad(
                    TRACKER,
                    record,
                    format!(
                    "unknown status '{other}': expected pending, waiting, completed, deleted or recurring"
                ),
                ))
            }
        };
        let priority = match task.text("priority")?.as_deref() {
            Some("H") => Priority::High,
            Some("M") | None => Priority::Medium,
            Some("L") => Priority::Low,
            Some(other) => {
                return Err(bad(
                    TRACKER,
                    record,
                    format!("unknown priority '{other}': expected H, M or L"),
                ))
            }
        };
        let mut labels: Vec<String> = task.list("tags")?.iter().filter_map(|t| label(t)).collect();
        if let Some(project) = task.text("project")? {
            labels.extend(label(&format!("project:{project}")));
        }
        let mut comments = Vec::new();
        if let Some(annotations) = task.fields.get("annotations") {
            let Value::Array(annotations) = annotations else {
                return Err(bad(TRACKER, record, "annotations: expected a list"));
            };
            for annotation in annotations {
                let entry = annotation.get("entry").and_then(Value::as_str);
                let text = annotation.get("description").and_then(Value::as_str);
                let (Some(entry), Some(text)) = (entry, text) else {
                    return Err(bad(TRACKER, record, "an annotation without entry or description"));
                };
                comments.push(Comment {
                    author: String::new(),
                    at: parse_time(entry)
                        .map_err(|err| bad(TRACKER, record, format!("annotations: {err}")))?,
                    text: text.to_owned(),
                });
            }
        }
        let links = task
            .list("depends")?
            .into_iter()
            .map(|uuid| (format!("taskwarrior:{uuid}"), DependencyType::BlockedBy))
            .collect();
        let created = task
            .time("entry")?
            .ok_or_else(|| bad(TRACKER, record, "the task has no entry time"))?;
        let title = task.text("description")?.unwrap_or_default();
        let recur = match task.text("recur")? {
            Some(every) => match every.parse() {
                Ok(recur) => Some(recur),
                Err(_) => {
                    read.noted.push(Skipped {
                        record,
                        source: source.clone(),
                        why: format!("recurs '{every}', which jerry cannot say: imported as a single task"),
                    });
                    None
                }
            },
            None => None,
        };
        let known = [
            "uuid",
            "status",
            "description",
            "entry",
            "modified",
            "start",
            "end",
            "due",
            "wait",
            "priority",
            "tags",
            "project",
            "annotations",
            "depends",
            "recur",
        ];
        for field in task.fields.keys() {
            if !known.contains(&field.as_str()) && !DERIVED.contains(&field.as_str()) {
                read.not_mapped(field);
            }
        }
        read.items.push(Foreign {
            record,
            source,
            title,
            priority: Some(priority),
            status,
            labels,
            due: Field::Says(task.time("due")?),
            wait: Field::Says(task.time("wait")?),
            created,
            started,
            closed: task.time("end")?,
            updated: task.time("modified")?,
            comments,
            links,
            recur,
            ..Foreign::default()
        });
    }
    Ok(read)
}

/// `20240115T093000Z` (Taskwarrior's own form), or RFC 3339.
fn parse_time(text: &str) -> Result<Timestamp, String> {
    let b = text.as_bytes();
    let rfc = if text.is_ascii() && b.len() == 16 && b[8] == b'T' && b[15] == b'Z' {
        format!(
            "{}-{}-{}T{}:{}:{}Z",
            &text[0..4],
            &text[4..6],
            &text[6..8],
            &text[9..11],
            &text[11..13],
            &text[13..15]
        )
    } else {
        text.to_owned()
    };
    super::instant(&rfc)
}
