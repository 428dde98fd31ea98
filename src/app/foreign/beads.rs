//! beads' `.beads/issues.jsonl`: one issue a line, as its Go type `Issue` marshals it
//! (github.com/steveyegge/beads, `internal/types/types.go`), labels, dependencies and
//! comments inline.

use serde_json::{Map, Value};

use super::{bad, label, Field, Foreign, Read, Tracker};
use crate::app::AppError;
use crate::domain::{Comment, DependencyType, Priority, Status, WorkType};
use crate::timestamp::Timestamp;

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
        let issue = Issue { line, fields: &issue };
        read.items.push(issue.foreign()?);
        for field in issue.fields.keys() {
            if !KNOWN.contains(&field.as_str()) && !LATER.contains(&field.as_str()) {
                read.not_mapped(field);
            }
        }
    }
    Ok(read)
}

struct Issue<'a> {
    line: u64,
    fields: &'a Map<String, Value>,
}

impl Issue<'_> {
    fn foreign(&self) -> Result<Foreign, AppError> {
        let id = self.text("id")?.ok_or_else(|| self.bad("the issue has no id"))?;
        let status = self.text("status")?.unwrap_or_else(|| "open".into());
        let mut labels: Vec<String> = self.list("labels")?.iter().filter_map(|l| label(l)).collect();
        let (status, reason) = match status.as_str() {
            "open" => (Status::Pending, None),
            "in_progress" => (Status::InProgress, None),
            "blocked" => (Status::Blocked, Some("blocked in beads".to_owned())),
            "deferred" => (Status::Pending, None),
            "closed" => (Status::Done, self.text("close_reason")?),
            "tombstone" => (Status::Deleted, self.text("delete_reason")?),
            custom => {
                // beads lets a project name its own statuses: the work stays open here,
                // with the status as a label.
                labels.extend(label(&format!("status:{custom}")));
                (Status::Pending, None)
            }
        };
        let priority = match self.fields.get("priority") {
            None | Some(Value::Null) => Priority::Medium,
            Some(value) => match value.as_i64() {
                Some(0) => Priority::Critical,
                Some(1) => Priority::High,
                Some(2) => Priority::Medium,
                Some(3 | 4) => Priority::Low,
                _ => return Err(self.bad(format!("priority {value}: expected 0 to 4"))),
            },
        };
        let kind = match self.text("issue_type")? {
            Some(kind) if kind == "tombstone" || kind.is_empty() => self.text("original_type")?,
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
        let mut description = self.text("description")?.unwrap_or_default();
        for (field, heading) in [
            ("design", "Design"),
            ("acceptance_criteria", "Acceptance criteria"),
            ("notes", "Notes"),
        ] {
            if let Some(text) = self.text(field)?.filter(|t| !t.trim().is_empty()) {
                if !description.is_empty() {
                    description.push_str("\n\n");
                }
                description.push_str("## ");
                description.push_str(heading);
                description.push_str("\n\n");
                description.push_str(&text);
            }
        }
        let created = self
            .time("created_at")?
            .ok_or_else(|| self.bad("the issue has no created_at"))?;
        let closed = match status {
            Status::Deleted => self.time("deleted_at")?.or(self.time("closed_at")?),
            _ => self.time("closed_at")?,
        };
        let mut links = Vec::new();
        let mut parent = None;
        for dependency in self.objects("dependencies")? {
            let on = dependency.get("depends_on_id").and_then(Value::as_str);
            let kind = dependency.get("type").and_then(Value::as_str).unwrap_or("blocks");
            let Some(on) = on else {
                return Err(self.bad("a dependency without depends_on_id"));
            };
            let target = format!("beads:{on}");
            match kind {
                "blocks" => links.push((target, DependencyType::BlockedBy)),
                "related" | "discovered-from" => links.push((target, DependencyType::Related)),
                "parent-child" => parent = Some(target),
                other => {
                    return Err(self.bad(format!(
                        "dependency type '{other}': expected blocks, related, parent-child or discovered-from"
                    )))
                }
            }
        }
        let mut comments = Vec::new();
        for comment in self.objects("comments")? {
            let text = comment.get("text").and_then(Value::as_str);
            let at = comment.get("created_at").and_then(Value::as_str);
            let (Some(text), Some(at)) = (text, at) else {
                return Err(self.bad("a comment without text or created_at"));
            };
            let at = super::instant(at).map_err(|err| self.bad(format!("a comment's created_at: {err}")))?;
            let author = comment.get("author").and_then(Value::as_str).unwrap_or_default();
            comments.push(Comment {
                author: author.to_owned(),
                at,
                text: text.to_owned(),
            });
        }
        Ok(Foreign {
            record: self.line,
            source: format!("beads:{id}"),
            title: self.text("title")?.unwrap_or_default(),
            description: Some(description),
            work_type: Some(work_type),
            priority: Some(priority),
            status,
            reason,
            assignee: Field::Says(self.text("assignee")?.filter(|a| !a.trim().is_empty())),
            labels,
            due: Field::Says(self.time("due_at")?),
            wait: Field::Says(self.time("defer_until")?),
            created,
            author: self.text("created_by")?,
            started: None,
            closed,
            closed_by: self.text("deleted_by")?,
            updated: self.time("updated_at")?,
            comments,
            links,
            parent,
            recur: None,
        })
    }

    fn bad(&self, reason: impl std::fmt::Display) -> AppError {
        bad(TRACKER, self.line, reason)
    }

    fn text(&self, field: &str) -> Result<Option<String>, AppError> {
        match self.fields.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(self.bad(format!("{field}: expected text"))),
        }
    }

    fn time(&self, field: &str) -> Result<Option<Timestamp>, AppError> {
        self.text(field)?
            .filter(|t| !t.is_empty())
            .map(|text| super::instant(&text).map_err(|err| self.bad(format!("{field}: {err}"))))
            .transpose()
    }

    fn list(&self, field: &str) -> Result<Vec<String>, AppError> {
        match self.fields.get(field) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(words)) => words
                .iter()
                .map(|w| {
                    w.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| self.bad(format!("{field}: expected text")))
                })
                .collect(),
            Some(_) => Err(self.bad(format!("{field}: expected a list"))),
        }
    }

    fn objects(&self, field: &str) -> Result<Vec<&Map<String, Value>>, AppError> {
        match self.fields.get(field) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| {
                    item.as_object()
                        .ok_or_else(|| self.bad(format!("{field}: expected objects")))
                })
                .collect(),
            Some(_) => Err(self.bad(format!("{field}: expected a list"))),
        }
    }
}
