//! The board's JSON API and its page. Shapes are the command line's `--json` ones
//! (docs/json-output.md); errors are its error objects with an HTTP status.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use futures_util::Stream;
use serde::Deserialize;
use serde_json::Value;

use jerry::app::{Assignee, Command, ItemFilter, Session, SortKey, WriteOptions};
use jerry::domain::{Decision, ItemRef, Priority, Status, WorkType};
use jerry::timestamp::TimeSpec;

use super::{refuse, ApiError, Board};
use crate::door::error::{CommandError, CommandResult};
use crate::door::new_item::NewItemWords;
use crate::door::written::written;

type Answer = Result<Json<Value>, ApiError>;

/// How long an event stream waits for the watcher's word before reading the log anyway.
const STREAM_TICK: Duration = Duration::from_secs(1);
/// Events per read of the log, for `/api/events` and the stream.
const PAGE: usize = 500;

/// The board's page, with this server's write token in it.
pub async fn page(State(board): State<Board>) -> Html<String> {
    // A token given with --token is the user's text: escaped for the attribute it goes in.
    let token = board
        .token
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    Html(
        include_str!("board.html")
            .replace("{{TOKEN}}", &token)
            .replace("{{MOVES}}", &moves()),
    )
}

/// The status graph as the domain has it (`{"pending": ["in_progress", …], …}`): the page
/// asks for a reason only on a move the graph allows, and leaves every other refusal to
/// the server.
fn moves() -> String {
    let graph: serde_json::Map<String, serde_json::Value> = Status::ALL
        .iter()
        .map(|from| {
            let to: Vec<&str> = from.next_statuses().iter().map(|to| to.as_str()).collect();
            (from.as_str().to_owned(), serde_json::json!(to))
        })
        .collect();
    serde_json::Value::Object(graph).to_string()
}

pub(super) fn item(text: &str) -> CommandResult<ItemRef> {
    Ok(text.parse::<ItemRef>()?)
}

fn time(session: &Session, text: &str) -> CommandResult<jerry::timestamp::Timestamp> {
    Ok(text.parse::<TimeSpec>()?.resolve(session.now())?)
}

/// `GET /api/items`: `items list`'s filters as query parameters (`status`, `type`,
/// `priority` and `label` may repeat): the JSON array `items list --json` prints.
pub async fn list(State(board): State<Board>, Query(query): Query<Vec<(String, String)>>) -> Answer {
    let items = board.with_session(move |session| {
        let mut filter = ItemFilter::default();
        for (key, value) in &query {
            match key.as_str() {
                "status" => filter.statuses.extend(Status::named_by(value)?),
                "type" => filter.types.push(value.parse::<WorkType>()?),
                "priority" => filter.priorities.push(value.parse::<Priority>()?),
                "assignee" => filter.assignee = Some(Assignee::from_word(value.as_str())),
                "label" => filter.labels.push(value.clone()),
                "search" => filter.search = Some(value.clone()).filter(|s| !s.trim().is_empty()),
                "sort" => filter.sort = Some(value.parse::<SortKey>()?),
                "reverse" => filter.reverse = value == "true" || value == "1",
                "limit" => {
                    filter.limit = Some(value.parse().map_err(|_| {
                        CommandError::invalid(format!("limit '{value}' is not a number"))
                    })?);
                }
                "at" => filter.at = Some(time(session, value)?),
                "parent" => filter.parent = Some(session.queries().existing(item(value)?)?),
                other => {
                    return Err(CommandError::invalid(format!(
                        "unknown filter '{other}': status, type, priority, assignee, label, search, sort, reverse, limit, at, parent"
                    )))
                }
            }
        }
        Ok(session.queries().list(&filter)?.items)
    }).await?;
    Ok(Json(serde_json::to_value(items).map_err(CommandError::from)?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct At {
    at: Option<String>,
    /// `false` leaves the history out (the page's live updates need only the card).
    history: Option<bool>,
}

/// `GET /api/items/{id}?at=TIME`: the item as `items show --json [--at]` has it (with its
/// links: children, blocks, blocked_by, related), plus its whole `history` (as `items
/// history --json`).
pub async fn show(State(board): State<Board>, Path(id): Path<String>, Query(at): Query<At>) -> Answer {
    let value = board
        .with_session(move |session| {
            let target = item(&id)?;
            let when = at.at.as_deref().map(|text| time(session, text)).transpose()?;
            let queries = session.queries();
            let shown = queries.show(target, when)?;
            let links = queries.links(shown.id, when)?;
            let mut value = serde_json::to_value(&shown)?;
            if let (Some(object), Value::Object(links)) =
                (value.as_object_mut(), serde_json::to_value(links)?)
            {
                object.extend(links);
                if at.history != Some(false) {
                    object.insert("history".into(), serde_json::to_value(queries.history(target)?)?);
                }
            }
            Ok(value)
        })
        .await?;
    Ok(Json(value))
}

/// `GET /api/blocked`: what `items blocked --json` prints — each open item that waits,
/// with the open items it waits for. The page marks those cards with their blockers.
pub async fn blocked(State(board): State<Board>) -> Answer {
    let blocked = board
        .with_session(move |session| Ok(session.queries().blocked()?))
        .await?;
    Ok(Json(serde_json::to_value(blocked).map_err(CommandError::from)?))
}

/// `GET /api/flow`: the project's cumulative flow (items per status at the end of each
/// day) and the latest cycle times (first start → done), from the steps the item index
/// keeps (see `app::item_index::flow`).
pub async fn flow(State(board): State<Board>) -> Answer {
    let flow = board
        .with_session(move |session| Ok(session.queries().flow()?))
        .await?;
    Ok(Json(serde_json::to_value(flow).map_err(CommandError::from)?))
}

#[derive(Deserialize)]
pub struct After {
    after: Option<u64>,
    limit: Option<usize>,
}

/// `GET /api/events?after=POS&limit=N`: the log after a position, in its global order.
pub async fn events(State(board): State<Board>, Query(after): Query<After>) -> Answer {
    let events = board
        .with_session(move |session| {
            let limit = after.limit.unwrap_or(PAGE).min(10 * PAGE);
            Ok(session.events().page(after.after.unwrap_or(0), limit)?)
        })
        .await?;
    Ok(Json(serde_json::to_value(events).map_err(CommandError::from)?))
}

/// `GET /api/stream`: a `ready` message, then every event after `Last-Event-ID` (or
/// `?after=`, or else the head now), as Server-Sent Events whose id is the event's
/// position, so a page that reconnects misses nothing. The session is held only to read a page of the log, never while waiting.
pub async fn stream(
    State(board): State<Board>,
    headers: HeaderMap,
    Query(after): Query<After>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let resumed = headers
        .get("last-event-id")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    let start = match resumed.or(after.after) {
        Some(position) => position,
        None => {
            board
                .with_session(move |session| Ok(session.events().head()?))
                .await?
        }
    };
    let head = board.head.clone();
    let stop = board.stop.clone();
    // First a `ready` message whose id is where the stream starts: a page that reconnects
    // before any event came still says where it was (Last-Event-ID), and retries after 1 s.
    let ready = Event::default()
        .event("ready")
        .id(start.to_string())
        .retry(Duration::from_secs(1))
        .data(start.to_string());
    let state = (board, head, stop, start, VecDeque::from([ready]));
    let events = futures_util::stream::unfold(
        state,
        |(board, mut head, mut stop, mut position, mut pending)| async move {
            loop {
                // The server is stopping: end the stream, or Ctrl-C would wait for the page.
                if *stop.borrow_and_update() {
                    return None;
                }
                if let Some(event) = pending.pop_front() {
                    return Some((Ok(event), (board, head, stop, position, pending)));
                }
                // Marked seen before the read, so an append after it wakes the wait below.
                head.borrow_and_update();
                let page = board
                    .with_session(move |session| Ok(session.events().page(position, PAGE)?))
                    .await;
                match page {
                    Ok(page) if !page.is_empty() => {
                        for recorded in &page {
                            position = recorded.position;
                            let event = Event::default()
                                .id(position.to_string())
                                .event("event")
                                .json_data(recorded);
                            match event {
                                Ok(event) => pending.push_back(event),
                                Err(err) => {
                                    // Never an empty event: the page would take it as one.
                                    eprintln!("jerry serve: event {position} cannot be sent ({err}); its stream ends");
                                    return None;
                                }
                            }
                        }
                    }
                    _ => {
                        tokio::select! {
                            _ = stop.changed() => {}
                            changed = tokio::time::timeout(STREAM_TICK, head.changed()) => {
                                if let Ok(Err(_)) = changed {
                                    // The watcher is gone: fall back to reading every tick.
                                    tokio::time::sleep(STREAM_TICK).await;
                                }
                            }
                        }
                    }
                }
            }
        },
    );
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}

/// A JSON body, or the reason it is not one (400, as a JSON error).
pub(super) fn body<T>(payload: Result<Json<T>, JsonRejection>) -> Result<T, Box<Response>> {
    payload.map(|Json(value)| value).map_err(|rejection| {
        Box::new(match rejection {
            JsonRejection::BytesRejection(_) => refuse(
                StatusCode::PAYLOAD_TOO_LARGE,
                "invalid_input",
                "the request body is too large",
            ),
            other => refuse(StatusCode::BAD_REQUEST, "invalid_input", &other.body_text()),
        })
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewItem {
    title: String,
    #[serde(rename = "type")]
    work_type: Option<String>,
    priority: Option<String>,
    description: Option<String>,
    parent: Option<String>,
    #[serde(default)]
    labels: Vec<String>,
}

/// `POST /api/items`: creates an item; answers 201 with it.
pub async fn create(State(board): State<Board>, payload: Result<Json<NewItem>, JsonRejection>) -> Response {
    let new = match body(payload) {
        Ok(new) => new,
        Err(refusal) => return *refusal,
    };
    let created = board
        .with_session(move |session| {
            let item = NewItemWords {
                title: new.title,
                work_type: new.work_type,
                priority: new.priority,
                description: new.description,
                parent: new.parent.filter(|parent| !parent.trim().is_empty()),
                ..NewItemWords::default()
            }
            .build(session)?;
            let outcome = session.execute(Command::Create(item), WriteOptions::default())?;
            let labels: Vec<String> = new.labels.into_iter().filter(|l| !l.trim().is_empty()).collect();
            if labels.is_empty() {
                return written(&outcome.value, None);
            }
            // A second write, as `items create --label` makes.
            let labelled = Command::Label {
                item: ItemRef::Display(outcome.value.item.id),
                add: labels,
                remove: Vec::new(),
            };
            let outcome = session.execute(labelled, WriteOptions::default())?;
            written(&outcome.value, None)
        })
        .await;
    match created {
        Ok(item) => (StatusCode::CREATED, Json(item)).into_response(),
        Err(err) => ApiError(err).into_response(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Move {
    status: String,
    /// The version the card showed: a card changed meanwhile is a 409, never overwritten.
    expected_version: Option<u64>,
    reason: Option<String>,
}

/// `POST /api/items/{id}/status`: a card dragged to another column.
pub async fn move_item(
    State(board): State<Board>,
    Path(id): Path<String>,
    payload: Result<Json<Move>, JsonRejection>,
) -> Response {
    let change = match body(payload) {
        Ok(change) => change,
        Err(refusal) => return *refusal,
    };
    write(&board, change.expected_version, move |_| {
        Ok(Command::ChangeStatus {
            item: item(&id)?,
            to: change.status.parse()?,
            reason: change.reason.clone(),
        })
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewComment {
    text: String,
    expected_version: Option<u64>,
}

/// `POST /api/items/{id}/comments`.
pub async fn comment(
    State(board): State<Board>,
    Path(id): Path<String>,
    payload: Result<Json<NewComment>, JsonRejection>,
) -> Response {
    let comment = match body(payload) {
        Ok(comment) => comment,
        Err(refusal) => return *refusal,
    };
    write(&board, comment.expected_version, move |_| {
        Ok(Command::Comment {
            item: item(&id)?,
            text: comment.text.clone(),
        })
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settle {
    /// The conflict's version (the event that did not fit); absent: the only open one.
    conflict: Option<u64>,
    /// `keep`, `take` or `set` (with `value`), as `items resolve` takes them.
    decision: String,
    value: Option<String>,
    expected_version: Option<u64>,
}

/// `POST /api/items/{id}/resolve`: a conflict settled from the detail panel.
pub async fn resolve(
    State(board): State<Board>,
    Path(id): Path<String>,
    payload: Result<Json<Settle>, JsonRejection>,
) -> Response {
    let settle = match body(payload) {
        Ok(settle) => settle,
        Err(refusal) => return *refusal,
    };
    write(&board, settle.expected_version, move |_| {
        let decision = match (settle.decision.as_str(), &settle.value) {
            ("keep", None) => Decision::Keep,
            ("take", None) => Decision::Take,
            ("set", Some(value)) => Decision::Set(value.clone()),
            _ => {
                return Err(CommandError::invalid(
                    "decision must be keep, take, or set with a value",
                ))
            }
        };
        Ok(Command::Resolve {
            item: item(&id)?,
            version: settle.conflict,
            decision,
        })
    })
    .await
}

/// One command through the application service (policies run as for any command); the
/// item as it left it.
pub(super) async fn write(
    board: &Board,
    expected_version: Option<u64>,
    command: impl FnOnce(&Session) -> CommandResult<Command> + Send + 'static,
) -> Response {
    let written = board
        .with_session(move |session| {
            let command = command(session)?;
            let options = WriteOptions {
                expected_version,
                ..WriteOptions::default()
            };
            let outcome = session.execute(command, options)?;
            written(&outcome.value, None)
        })
        .await;
    match written {
        Ok(item) => Json(item).into_response(),
        Err(err) => ApiError(err).into_response(),
    }
}
