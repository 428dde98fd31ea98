//! GitHub Issues as the GitHub CLI writes them: `gh issue list --state all --json
//! number,title,body,state,stateReason,labels,assignees,author,createdAt,closedAt,comments,
//! milestone,url` (a JSON array), or `gh issue view N --json …` (one object). The field
//! names are those of `gh`'s `--json` (cli.github.com/manual/gh_issue_list).

use serde_json::Value;

use super::fields::Record;
use super::{array, bad, label, Field, Foreign, Read, Skipped, Tracker};
use crate::app::AppError;
use crate::domain::{Comment, Status};

const TRACKER: Tracker = Tracker::Github;

const KNOWN: [&str; 14] = [
    "number",
    "title",
    "body",
    "state",
    "stateReason",
    "labels",
    "assignees",
    "author",
    "createdAt",
    "closedAt",
    "updatedAt",
    "comments",
    "milestone",
    "url",
];

pub(super) fn read(text: &str) -> Result<Read, AppError> {
    let mut read = Read::default();
    for (record, value) in array(TRACKER, text)? {
        let Value::Object(fields) = value else {
            return Err(bad(TRACKER, record, "expected an issue object"));
        };
        let issue = Record {
            tracker: TRACKER,
            number: record,
            fields: &fields,
            parse_time: super::instant,
        };
        let (foreign, others) = foreign(&issue)?;
        if !others.is_empty() {
            read.noted.push(Skipped {
                record,
                source: foreign.source.clone(),
                why: format!(
                    "assigned to the first assignee only; also assigned in GitHub: {}",
                    others.join(", ")
                ),
            });
        }
        read.items.push(foreign);
        for field in fields.keys() {
            if !KNOWN.contains(&field.as_str()) {
                read.not_mapped(field);
            }
        }
    }
    Ok(read)
}

/// The item, and the assignees after the first.
fn foreign(issue: &Record<'_>) -> Result<(Foreign, Vec<String>), AppError> {
    let url = issue
        .text("url")?
        .ok_or_else(|| issue.bad("the issue has no url (ask gh for --json …,url)"))?;
    let source = source_of(&url).ok_or_else(|| {
        issue.bad(format!(
            "url '{url}': expected https://github.com/OWNER/REPO/issues/N"
        ))
    })?;
    let state = issue.text("state")?.unwrap_or_default();
    let reason = issue.text("stateReason")?.unwrap_or_default();
    let status = match (
        state.to_ascii_uppercase().as_str(),
        reason.to_ascii_uppercase().as_str(),
    ) {
        ("OPEN", _) => Status::Pending,
        ("CLOSED", "NOT_PLANNED" | "DUPLICATE") => Status::Cancelled,
        ("CLOSED", _) => Status::Done,
        (other, _) => return Err(issue.bad(format!("state '{other}': expected OPEN or CLOSED"))),
    };
    let mut labels = Vec::new();
    for object in issue.objects("labels")? {
        if let Some(name) = object.get("name").and_then(Value::as_str) {
            labels.extend(label(name));
        }
    }
    if let Some(milestone) = issue.fields.get("milestone").and_then(Value::as_object) {
        if let Some(title) = milestone.get("title").and_then(Value::as_str) {
            labels.extend(label(&format!("milestone:{title}")));
        }
    }
    let mut assignees: Vec<String> = issue
        .objects("assignees")?
        .iter()
        .filter_map(|a| a.get("login").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let assignee = (!assignees.is_empty()).then(|| assignees.remove(0));
    let mut comments = Vec::new();
    for comment in issue.objects("comments")? {
        let body = comment.get("body").and_then(Value::as_str);
        let at = comment.get("createdAt").and_then(Value::as_str);
        let (Some(body), Some(at)) = (body, at) else {
            return Err(issue.bad("a comment without body or createdAt"));
        };
        let at = super::instant(at).map_err(|err| issue.bad(format!("a comment's createdAt: {err}")))?;
        if body.trim().is_empty() {
            continue;
        }
        comments.push(Comment {
            author: login(comment.get("author")).unwrap_or_default(),
            at,
            text: body.to_owned(),
        });
    }
    let created = issue
        .time("createdAt")?
        .ok_or_else(|| issue.bad("the issue has no createdAt"))?;
    let reason = match (status, reason.as_str()) {
        (Status::Cancelled, "DUPLICATE") => Some("duplicate".to_owned()),
        (Status::Cancelled, _) => Some("not planned".to_owned()),
        _ => None,
    };
    let foreign = Foreign {
        record: issue.number,
        source,
        title: issue.text("title")?.unwrap_or_default(),
        description: Some(issue.text("body")?.unwrap_or_default()),
        status,
        reason,
        assignee: Field::Says(assignee),
        labels,
        created,
        author: login(issue.fields.get("author")),
        closed: issue.time("closedAt")?,
        updated: issue.time("updatedAt")?,
        comments,
        ..Foreign::default()
    };
    Ok((foreign, assignees))
}

/// The login of an `author` object.
fn login(author: Option<&Value>) -> Option<String> {
    author?
        .get("login")?
        .as_str()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
}

/// `github:owner/repo#12` from `https://github.com/Owner/Repo/issues/12` (lower case:
/// GitHub's names are case-insensitive).
fn source_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let mut parts = rest.trim_end_matches('/').split('/');
    let _host = parts.next()?;
    let owner = parts.next().filter(|p| !p.is_empty())?;
    let repo = parts.next().filter(|p| !p.is_empty())?;
    let kind = parts.next()?;
    let number = parts.next()?.parse::<u64>().ok()?;
    if !matches!(kind, "issues" | "pull") || parts.next().is_some() {
        return None;
    }
    Some(format!(
        "github:{}/{}#{number}",
        owner.to_ascii_lowercase(),
        repo.to_ascii_lowercase()
    ))
}
