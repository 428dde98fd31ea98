//! `jerry serve`: the board's front door, an HTTP server on loopback. The page and its JSON
//! API read through the query side and write through the one application service
//! ([`Session`]), as every other front door does; `/api/stream` streams new events (Server-Sent
//! Events) from the log in its global order, as `events follow` does.
//!
//! Safe by default: it listens on 127.0.0.1 unless told otherwise (and then only with a
//! token); a request whose `Host` is not the server's own name is refused (DNS rebinding);
//! a write needs the per-server token the page carries and, from a browser, a same-origin
//! `Origin`. Nothing a client sends can stop it: every handler's error is an HTTP status
//! with the command line's own JSON error object, and a panic in one is a 500.

mod api;
mod connections;
mod writes;

use std::sync::{Arc, Mutex};

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use jerry::app::Session;

use crate::door::error::{CommandError, CommandResult, ErrorKind};

/// Largest request body accepted (a create or a comment is far smaller).
const BODY_LIMIT: usize = 64 * 1024;

pub use crate::door::launch::ServeOptions;

/// What every handler shares: the session (one request at a time on it, as in the MCP
/// server) and what the security checks compare against.
#[derive(Clone)]
pub struct Board {
    session: Arc<Mutex<Session>>,
    token: Arc<str>,
    /// The `Host` values this server answers to (`127.0.0.1:PORT`, `localhost:PORT`, …).
    hosts: Arc<[String]>,
    /// The log's head position, updated as soon as any process appends.
    head: tokio::sync::watch::Receiver<u64>,
    /// True once Ctrl-C came: open event streams end so the server can stop.
    stop: tokio::sync::watch::Receiver<bool>,
}

/// How long the watcher sleeps before looking again when no notification came (a store
/// on a filesystem without change notifications still advances).
const WATCH_TICK: std::time::Duration = std::time::Duration::from_secs(1);

/// Starts the thread that watches the log's head for the event streams.
fn watch_head(watcher: Session) -> CommandResult<tokio::sync::watch::Receiver<u64>> {
    let mut head = watcher.events().head()?;
    let (announce, changes) = tokio::sync::watch::channel(head);
    std::thread::Builder::new()
        .name("jerry-board-watch".into())
        .spawn(move || loop {
            if watcher.events().wait(head, WATCH_TICK).is_err() {
                std::thread::sleep(WATCH_TICK);
            }
            if let Ok(now) = watcher.events().head() {
                if now != head {
                    head = now;
                    // No receivers left means the server is shutting down.
                    if announce.send(now).is_err() {
                        return;
                    }
                }
            }
        })
        .map_err(|err| CommandError::failure(format!("cannot start the log watcher: {err}")))?;
    Ok(changes)
}

impl Board {
    /// Runs `work` on the session on tokio's blocking threads (a panic in it is an internal
    /// error, not a dead server): a store may block (the
    /// PostgreSQL client runs a runtime of its own, which cannot start on the server's
    /// thread), and a slow read never holds up the other requests' I/O.
    async fn with_session<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Session) -> CommandResult<T> + Send + 'static,
    ) -> CommandResult<T> {
        let session = Arc::clone(&self.session);
        let ran = tokio::task::spawn_blocking(move || {
            let (answer, damage) = crate::door::session::run_guarded(&session, |_| {}, work);
            // Damage a read went past is said where the server's user looks, once.
            for note in damage {
                eprintln!("warning: {note} (jerry doctor says what is missing and how to bring it back)");
            }
            answer
        })
        .await;
        ran.unwrap_or_else(|_| Err(CommandError::failure("internal error: the request panicked")))
    }
}

/// A door error as an HTTP answer: the status its kind stands for, and the same
/// `{"error": {…}}` object `--json` prints.
pub struct ApiError(pub CommandError);

/// Each kind of failure as an HTTP status. Damaged data is the server's problem (500),
/// not the request's.
fn status(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Conflict => StatusCode::CONFLICT,
        ErrorKind::Usage | ErrorKind::Invalid => StatusCode::BAD_REQUEST,
        ErrorKind::Failure | ErrorKind::Corrupt => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl From<CommandError> for ApiError {
    fn from(err: CommandError) -> Self {
        Self(err)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (status(self.0.kind()), Json(self.0.json_object())).into_response()
    }
}

/// An error answered before any handler runs (security, bad request shape).
pub fn refuse(status: StatusCode, kind: &str, message: &str) -> Response {
    let body = json!({ "error": { "kind": kind, "message": message } });
    (status, Json(body)).into_response()
}

/// Serves `session` until Ctrl-C (exit 0). `watcher` is a second, read-only session on the
/// same store, lent to one thread that sleeps on the store's change notifications (as
/// `events follow` does) and announces each new head position to the event streams.
pub fn serve(mut session: Session, watcher: Session, options: ServeOptions) -> CommandResult {
    session.keep_warm();
    let loopback = options.listen.ip().is_loopback();
    if options
        .token
        .as_deref()
        .is_some_and(|token| token.trim().is_empty())
    {
        return Err(CommandError::new(
            ErrorKind::Usage,
            "the --token is empty: anyone could write with it (leave it out for a random one)",
        ));
    }
    if let Some(bad) = options
        .hosts
        .iter()
        .find(|host| host.is_empty() || host.contains(['/', ' ', '@']) || host.chars().any(char::is_control))
    {
        return Err(CommandError::new(
            ErrorKind::Usage,
            format!("--host '{bad}' is not a host name or address"),
        ));
    }
    if !loopback && options.token.is_none() {
        return Err(CommandError::new(
            ErrorKind::Usage,
            "listening beyond loopback needs --token (anyone who can reach the port could write otherwise)",
        ));
    }
    // One thread: requests take turns on the session anyway, and none waits on a lock.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| CommandError::failure(format!("cannot start the server: {err}")))?;
    // Outside the runtime, as every store call is: the PostgreSQL client blocks on a
    // runtime of its own. The session is dropped outside it too, for the same reason.
    let head = watch_head(watcher)?;
    let session = Arc::new(Mutex::new(session));
    let kept = Arc::clone(&session);
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.listen)
            .await
            .map_err(|err| CommandError::failure(format!("cannot listen on {}: {err}", options.listen)))?;
        let address = listener
            .local_addr()
            .map_err(|err| CommandError::failure(format!("cannot read the listening address: {err}")))?;
        let port = address.port();
        let mut hosts = vec![
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ];
        // A name given with --host answers with or without the port (a proxy on port 80).
        for name in &options.hosts {
            hosts.push(format!("{name}:{port}"));
            hosts.push(name.clone());
        }
        if !loopback {
            hosts.push(address.to_string());
            eprintln!("warning: the board listens on {address}, beyond this machine; writes need the token");
        }
        let token = options.token.unwrap_or_else(|| ulid::Ulid::new().to_string());
        let (stop, stopping) = tokio::sync::watch::channel(false);
        let url = if loopback {
            format!("http://127.0.0.1:{port}/")
        } else {
            format!("http://{address}/")
        };
        let board = Board {
            session,
            token: token.into(),
            hosts: hosts.into(),
            head,
            stop: stopping,
        };
        println!("jerry board: {url}");
        if options.open {
            open_browser(&url);
        }
        connections::serve(listener, router(board), async move {
            let _ = tokio::signal::ctrl_c().await;
            let _ = stop.send(true);
        })
        .await;
        Ok(())
    });
    drop(runtime);
    drop(kept);
    served
}

fn router(board: Board) -> Router {
    Router::new()
        .route("/", get(api::page))
        .route("/api/items", get(api::list).post(api::create))
        .route("/api/items/{id}", get(api::show).post(writes::update))
        .route("/api/items/{id}/claim", post(writes::claim))
        .route("/api/items/{id}/release", post(writes::release))
        .route("/api/items/{id}/delete", post(writes::delete))
        .route("/api/undo", post(writes::undo))
        .route("/api/items/{id}/status", post(api::move_item))
        .route("/api/items/{id}/comments", post(api::comment))
        .route("/api/items/{id}/resolve", post(api::resolve))
        .route("/api/blocked", get(api::blocked))
        .route("/api/flow", get(api::flow))
        .route("/api/events", get(api::events))
        .route("/api/stream", get(api::stream))
        .fallback(|| async { refuse(StatusCode::NOT_FOUND, "not_found", "no such page") })
        .layer(middleware::from_fn_with_state(board.clone(), guard))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(board)
}

/// The checks every request passes first: a `Host` of this server's (so a page on another
/// site cannot reach it through a name that points here), and for a write the token and,
/// when the browser says where the request comes from, this server's own origin.
async fn guard(State(board): State<Board>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !board.hosts.iter().any(|known| known.eq_ignore_ascii_case(host)) {
        return refuse(
            StatusCode::FORBIDDEN,
            "forbidden",
            "this server does not answer to that host name",
        );
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        if let Some(refusal) = write_refusal(&board, headers, host) {
            return refusal;
        }
    }
    let mut response = next.run(request).await;
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn write_refusal(board: &Board, headers: &HeaderMap, host: &str) -> Option<Response> {
    if let Some(origin) = headers.get(header::ORIGIN) {
        let same = origin
            .to_str()
            .ok()
            .and_then(|o| o.strip_prefix("http://"))
            .is_some_and(|o| o.eq_ignore_ascii_case(host));
        if !same {
            return Some(refuse(
                StatusCode::FORBIDDEN,
                "forbidden",
                "a write must come from the board's own page",
            ));
        }
    }
    let token = headers.get("x-jerry-token").and_then(|t| t.to_str().ok());
    if token != Some(&*board.token) {
        return Some(refuse(
            StatusCode::FORBIDDEN,
            "forbidden",
            "a write needs the board's token (X-Jerry-Token)",
        ));
    }
    None
}

/// Best effort: the URL is printed either way.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
