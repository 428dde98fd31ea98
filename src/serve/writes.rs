//! The detail panel's writes: an edit of any of an item's fields in one atomic write, a
//! claim and its release, and undo of the board's own last change. Each through the
//! application service, guarded by the version the card showed.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use jerry::app::{Command, UndoTarget};
use jerry::timestamp::parse_duration;

use super::api::{body, item, write};
use super::{ApiError, Board};
use crate::door::changes::ChangeWords;
use crate::door::error::CommandError;

/// The fields to change; absent ones stay, `""` clears one (as MCP's `update`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    title: Option<String>,
    description: Option<String>,
    #[serde(rename = "type")]
    work_type: Option<String>,
    status: Option<String>,
    priority: Option<String>,
    assignee: Option<String>,
    #[serde(default)]
    add_labels: Vec<String>,
    #[serde(default)]
    remove_labels: Vec<String>,
    due: Option<String>,
    parent: Option<String>,
    reason: Option<String>,
    expected_version: Option<u64>,
}

/// `POST /api/items/{id}`: the detail panel's edit, every changed field in one write.
pub async fn update(
    State(board): State<Board>,
    Path(id): Path<String>,
    payload: Result<Json<Change>, JsonRejection>,
) -> Response {
    let change = match body(payload) {
        Ok(change) => change,
        Err(refusal) => return *refusal,
    };
    let expected = change.expected_version;
    write(&board, expected, move |session| {
        let words = ChangeWords {
            title: change.title,
            description: change.description,
            work_type: change.work_type,
            status: change.status,
            priority: change.priority,
            assignee: change.assignee,
            add_labels: change.add_labels,
            remove_labels: change.remove_labels,
            due: change.due,
            wait: None,
            recur: None,
            parent: change.parent,
            reason: change.reason,
        };
        Ok(Command::Together(words.commands(session, item(&id)?)?))
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claiming {
    /// `30m`, `2h`; absent: the project's `claim_lease`, else until released.
    lease: Option<String>,
    expected_version: Option<u64>,
}

/// `POST /api/items/{id}/claim`: the board's actor takes the item.
pub async fn claim(
    State(board): State<Board>,
    Path(id): Path<String>,
    payload: Result<Json<Claiming>, JsonRejection>,
) -> Response {
    let claiming = match body(payload) {
        Ok(claiming) => claiming,
        Err(refusal) => return *refusal,
    };
    write(&board, claiming.expected_version, move |_| {
        let lease_seconds = claiming
            .lease
            .as_deref()
            .filter(|lease| !lease.trim().is_empty())
            .map(|lease| parse_duration(lease.trim()).map(|d| d.as_secs().max(1)))
            .transpose()?;
        Ok(Command::Claim {
            item: item(&id)?,
            lease_seconds,
        })
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Releasing {
    expected_version: Option<u64>,
}

/// `POST /api/items/{id}/release`: gives the board actor's claim back.
pub async fn release(
    State(board): State<Board>,
    Path(id): Path<String>,
    payload: Result<Json<Releasing>, JsonRejection>,
) -> Response {
    let releasing = match body(payload) {
        Ok(releasing) => releasing,
        Err(refusal) => return *refusal,
    };
    write(&board, releasing.expected_version, move |_| {
        Ok(Command::Release {
            item: item(&id)?,
            force: false,
            reason: None,
        })
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deleting {
    reason: Option<String>,
    expected_version: Option<u64>,
}

/// `POST /api/items/{id}/delete`: takes a mistake out of the work, as `items delete` does
/// (the history stays; `undo` brings it back).
pub async fn delete(
    State(board): State<Board>,
    Path(id): Path<String>,
    payload: Result<Json<Deleting>, JsonRejection>,
) -> Response {
    let deleting = match body(payload) {
        Ok(deleting) => deleting,
        Err(refusal) => return *refusal,
    };
    write(&board, deleting.expected_version, move |_| {
        Ok(Command::Delete {
            item: item(&id)?,
            reason: deleting.reason.clone().filter(|reason| !reason.trim().is_empty()),
        })
    })
    .await
}

/// `POST /api/undo`: takes back the board actor's last change, as `jerry undo` does for
/// the command line's; answers what `jerry undo --json` prints.
pub async fn undo(State(board): State<Board>) -> Response {
    let undone = board
        .with_session(|session| {
            let outcome = session.undo(UndoTarget::Last)?;
            serde_json::to_value(&outcome.value).map_err(CommandError::from)
        })
        .await;
    match undone {
        Ok(value) => Json(value).into_response(),
        Err(err) => ApiError(err).into_response(),
    }
}
