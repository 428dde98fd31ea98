//! beads' `.beads/issues.jsonl`: one issue a line, as its Go type `Issue` marshals it
//! (github.com/steveyegge/beads, `internal/types/types.go`), labels, dependencies and
//! comments inline.

use serde_json::Value;

use super::fields::Record;
use super::{bad, label, Field, Foreign, Read, Tracker};
use crate::app::AppError;
use crate::domain::{Comment, DependencyType, Priority, Status, WorkType};

const TRACKER: Tracker = Tracker::Beads;

/// The fields read; any other a record has is counted as not mapped.
const KNOWN: [&str; 20] = [
    "id",
    "title",
    "description",
    "design",
    "acceptance_criteria",
    "notes",
    "status",
    "priority",
    "issue_type",
    "assignee",
    "created_at",
    "updated_at",
    "closed_at",
    "close_reason",
    "labels",
    "dependencies",
    "comments",
    "deleted_at",
    "deleted_by",
    "delete_reason",
];

/// Newer beads fields with a place in jerry.
const LATER: [&str; 4] = ["defer_until", "due_at", "created_by", "original_type"];

pub(super) fn read(text: &str) -> Result<Read, AppError> {
    let mut read = Read::default();
    for (line, text) in (1..).zip(text.lines()) {
        if text.trim().is_empty() {
            continue;
        }
        let value: Value =
            serde_json::from_str(text).map_err(|err| bad(TRACKER, line, format!("not JSON: {err}")))?;
        let Value::Object(issue) = value else {
            return Err(bad(TRACKER, line, "expected an issue object"));
        };
        let issue = Record {
            tracker: TRACKER,
            number: line,
            fields: &issue,
            parse_time: super::instant,
        };
        read.items.push(foreign(&issue)?);
        for field in issue.fields.keys() {
            if !KNOWN.contains(&field.as_str()) && !LATER.contains(&field.as_str()) {
                read.not_mapped(field);
            }
        }
    }
    Ok(read)
}

fn foreign(issue: &Record<'_>) -> Result<Foreign, AppError> {
    let id = issue
        .text("id")?
        .ok_or_else(|| issue.bad("the issue has no id"))?;
    let status = issue.text("status")?.unwrap_or_else(|| "open".into());
    let mut labels: Vec<String> = issue.list("labels")?.iter().filter_map(|l| label(l)).collect();
    let (status, reason) = match status.as_str() {
        "open" => (Status::Pending, None),
        "in_progress" => (Status::InProgress, None),
        "blocked" => (Status::Blocked, Some("blocked in beads".to_owned())),
        "deferred" => (Status::Pending, None),
        "closed" => (Status::Done, issue.text("close_reason")?),
        "tombstone" => (Status::Deleted, issue.text("delete_reason")?),
        custom => {
            // beads lets a project name its own statuses: the work stays open here,
            // with the status as a label.
            labels.extend(label(&format!("status:{custom}")));
            (Status::Pending, None)
        }
    };
    let priority = match issue.fields.get("priority") {
        None | Some(Value::Null) => Priority::Medium,
        Some(value) => match value.as_i64() {
            Some(0) => Priority::Critical,
            Some(1) => Priority::High,
            Some(2) => Priority::Medium,
            Some(3 | 4) => Priority::Low,
            _ => return Err(issue.bad(format!("priority {value}: expected 0 to 4"))),
        },
    };
    let kind = match issue.text("issue_type")? {
        Some(kind) if kind == "tombstone" || kind.is_empty() => issue.text("original_type")?,
        other => other,
    };
    let work_type = match kind.as_deref() {
        Some("bug") => WorkType::Bug,
        Some("feature") => WorkType::Story,
        Some("epic") => WorkType::Epic,
        Some("task" | "chore") | None => WorkType::Task,
        Some(other) => {
            labels.extend(label(&format!("type:{other}")));
            WorkType::Task
        }
    };
    let mut description = issue.text("description")?.unwrap_or_default();
    for (field, heading) in [
        ("design", "Design"),
        ("acceptance_criteria", "Acceptance criteria"),
        ("notes", "Notes"),
    ] {
        if let Some(text) = issue.text(field)?.filter(|t| !t.trim().is_empty()) {
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str("## ");
            description.push_str(heading);
            description.push_str("\n\n");
            description.push_str(&text);
        }
    }
    let created = issue
        .time("created_at")?
        .ok_or_else(|| issue.bad("the issue has no created_at"))?;
    let closed = match status {
        Status::Deleted => issue.time("deleted_at")?.or(issue.time("closed_at")?),
        _ => issue.time("closed_at")?,
    };
    let mut links = Vec::new();
    let mut parent = None;
    for dependency in issue.objects("dependencies")? {
        let on = dependency.get("depends_on_id").and_then(Value::as_str);
        let kind = dependency.get("type").and_then(Value::as_str).unwrap_or("blocks");
        let Some(on) = on else {
            return Err(issue.bad("a dependency without depends_on_id"));
        };
        let target = format!("beads:{on}");
        match kind {
            "blocks" => links.push((target, DependencyType::BlockedBy)),
            "related" | "discovered-from" => links.push((target, DependencyType::Related)),
            "parent-child" => parent = Some(target),
            other => {
                return Err(issue.bad(format!(
                    "dependency type '{other}': expected blocks, related, parent-child or discovered-from"
                )))
            }
        }
    }
    let mut comments = Vec::new();
    for comment in issue.objects("comments")? {
        let text = comment.get("text").and_then(Value::as_str);
        let at = comment.get("created_at").and_then(Value::as_str);
        let (Some(text), Some(at)) = (text, at) else {
            return Err(issue.bad("a comment without text or created_at"));
        };
        let at = super::instant(at).map_err(|err| issue.bad(format!("a comment's created_at: {err}")))?;
        let author = comment.get("author").and_then(Value::as_str).unwrap_or_default();
        comments.push(Comment {
            author: author.to_owned(),
            at,
            text: text.to_owned(),
        });
    }
    Ok(Foreign {
        record: issue.number,
        source: format!("beads:{id}"),
        title: issue.text("title")?.unwrap_or_default(),
        description: Some(description),
        work_type: Some(work_type),
        priority: Some(priority),
        status,
        reason,
        assignee: Field::Says(issue.text("assignee")?.filter(|a| !a.trim().is_empty())),
        labels,
        due: Field::Says(issue.time("due_at")?),
        wait: Field::Says(issue.time("defer_until")?),
        created,
        author: issue.text("created_by")?,
        started: None,
        closed,
        closed_by: issue.text("deleted_by")?,
        updated: issue.time("updated_at")?,
        comments,
        links,
        parent,
        recur: None,
    })
}
