//! `jerry serve`: the board's JSON API and event stream, against the real binary on a free
//! loopback port, with a plain HTTP/1.1 client over a socket (so a test can send any
//! `Host` or `Origin` it likes).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::server::Server;
use common::Workspace;
use serde_json::{json, Value};

fn error_kind(body: &str) -> String {
    let value: Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"));
    value["error"]["kind"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn the_api_reads_and_writes_through_the_one_write_path() {
    api_reads_and_writes(Workspace::new());
}

#[test]
fn the_api_reads_and_writes_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    api_reads_and_writes(Workspace::with_store(&format!(
        "sqlite:{}",
        dir.path().join("jerry.db").display()
    )));
}

/// On PostgreSQL the server once aborted at its first request: the database client's
/// own runtime cannot start inside the server's.
#[test]
fn the_api_reads_and_writes_on_postgres() {
    let Some(url) = common::postgres_database() else {
        return;
    };
    let ws = Workspace::with_store(&url);
    ws.ok(&["store", "init"]);
    api_reads_and_writes(ws);
}

fn api_reads_and_writes(ws: Workspace) {
    ws.ok(&["items", "create", "First", "--priority", "high"]);
    ws.ok(&["items", "create", "Second"]);
    ws.ok(&["items", "label", "2", "--add", "ui"]);
    let server = Server::start(&ws);

    let items = server.json("/api/items");
    assert_eq!(
        items,
        ws.json(&["items", "list"]),
        "the same shape as items list --json"
    );
    let filtered = server.json("/api/items?label=ui");
    assert_eq!(common::ids(&filtered), ["WORK-002"]);
    assert_eq!(
        server
            .json("/api/items?priority=high&status=open")
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let shown = server.json("/api/items/WORK-002");
    assert_eq!(shown["title"], "Second");
    assert_eq!(shown["history"].as_array().unwrap().len(), 2);
    let events = server.json("/api/events?after=1");
    assert_eq!(events.as_array().unwrap().len(), 2);
    assert_eq!(events[0]["position"], 2);

    let (status, body) = server.post("/api/items", r#"{"title": "From the board", "priority": "low"}"#);
    assert_eq!(status, 201, "{body}");
    let (status, body) = server.post(
        "/api/items/1/status",
        r#"{"status": "in_progress", "expected_version": 1}"#,
    );
    assert_eq!(status, 200, "{body}");
    let (status, body) = server.post("/api/items/1/comments", r#"{"text": "looks good"}"#);
    assert_eq!(status, 200, "{body}");
    let shown = ws.json(&["items", "show", "1"]);
    assert_eq!(shown["status"], "in_progress");
    assert_eq!(shown["comments"][0]["text"], "looks good");
    assert_eq!(ws.json(&["items", "show", "3"])["title"], "From the board");
    let actor = ws.json(&["events", "list"]).as_array().unwrap().last().unwrap()["metadata"]["actor"].clone();
    assert_eq!(actor, "user");

    // Settling a conflict that is not there, or with a decision that is not one, is a
    // refusal that writes nothing.
    let before = ws.exported_ids();
    let (status, body) = server.post("/api/items/1/resolve", r#"{"decision": "keep"}"#);
    assert_eq!(
        (status, error_kind(&body).as_str()),
        (400, "invalid_input"),
        "{body}"
    );
    assert!(body.contains("no open conflict"), "{body}");
    let (status, body) = server.post("/api/items/1/resolve", r#"{"decision": "maybe"}"#);
    assert_eq!(
        (status, error_kind(&body).as_str()),
        (400, "invalid_input"),
        "{body}"
    );
    let (status, body) = server.post("/api/items/1/resolve", r#"{"decision": "set"}"#);
    assert_eq!(status, 400, "{body}");
    assert_eq!(ws.exported_ids(), before);

    // A card changed meanwhile is a conflict, never an overwrite.
    let (status, body) = server.post(
        "/api/items/1/status",
        r#"{"status": "done", "expected_version": 1}"#,
    );
    assert_eq!((status, error_kind(&body).as_str()), (409, "conflict"), "{body}");
    assert_eq!(ws.json(&["items", "show", "1"])["status"], "in_progress");

    // The page's other reads: a card with its links (without its history, for live
    // updates), a card as it was, what waits on what, and the charts' flow.
    ws.ok(&["items", "depend", "2", "1", "--type", "blocked_by"]);
    assert_eq!(
        server.json("/api/items/WORK-002?history=false"),
        ws.json(&["items", "show", "2"]),
        "items show --json, links included"
    );
    let was = server.json(&format!("/api/items/1?at={}", common::moment(1)));
    assert_eq!(was["status"], "pending");
    assert!(
        was["history"].as_array().unwrap().len() >= 3,
        "the whole history: {was}"
    );
    assert_eq!(server.json("/api/blocked"), ws.json(&["items", "blocked"]));
    assert_eq!(
        common::ids(
            &server
                .json("/api/blocked")
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b["item"].clone())
                .collect()
        ),
        ["WORK-002"]
    );
    let flow = server.json("/api/flow");
    let today = flow["days"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (today["pending"].clone(), today["in_progress"].clone()),
        (json!(2), json!(1)),
        "{flow}"
    );
    assert_eq!(flow["cycle_times"], json!([]));
    ws.ok(&["items", "complete", "1"]);
    let flow = server.json("/api/flow");
    assert_eq!(flow["cycle_times"][0]["id"], "WORK-001", "{flow}");
    assert_eq!(flow["cycles"], 1, "{flow}");
}

#[test]
fn bad_and_hostile_requests_are_refused_and_write_nothing() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Only"]);
    let server = Server::start(&ws);
    let before = ws.snapshot();
    let create = r#"{"title": "sneaky"}"#;

    // No token; a token from another origin (a page elsewhere posting here).
    let (status, body) = server.request("POST", "/api/items", &[], create);
    assert_eq!((status, error_kind(&body).as_str()), (403, "forbidden"));
    let (status, _) = server.request(
        "POST",
        "/api/items",
        &[
            ("X-Jerry-Token", &server.token),
            ("Origin", "http://evil.example"),
        ],
        create,
    );
    assert_eq!(status, 403);
    let (status, _) = server.request("POST", "/api/items", &[("X-Jerry-Token", "0000")], create);
    assert_eq!(status, 403);
    // A name that resolves here but is not the server's own (DNS rebinding).
    let (status, body) = server.request("GET", "/api/items", &[("Host", "evil.example:80")], "");
    assert_eq!((status, error_kind(&body).as_str()), (403, "forbidden"));

    // Malformed, unknown, oversized.
    let (status, body) = server.post("/api/items", r#"{"title": "#);
    assert_eq!(
        (status, error_kind(&body).as_str()),
        (400, "invalid_input"),
        "{body}"
    );
    let (status, _) = server.post("/api/items", r#"{"title": "x", "colour": "red"}"#);
    assert_eq!(status, 400);
    // The detail panel's writes: nothing to change, a word no field takes, a bad lease, a
    // stale version, an unknown item.
    for (path, body, want) in [
        ("/api/items/1", r#"{}"#, 400),
        ("/api/items/1", r#"{"priority": "urgent"}"#, 400),
        ("/api/items/1", r#"{"type": "feature"}"#, 400),
        ("/api/items/1", r#"{"title": "x", "expected_version": 9}"#, 409),
        ("/api/items/9", r#"{"title": "x"}"#, 404),
        ("/api/items/1/claim", r#"{"lease": "soon"}"#, 400),
        ("/api/items/1/release", r#"{}"#, 400),
        ("/api/items/1/delete", r#"{"expected_version": 9}"#, 409),
    ] {
        let (status, answer) = server.post(path, body);
        assert_eq!(status, want, "{path} {body}: {answer}");
    }
    let (status, answer) = server.post("/api/items/1", r#"{"priority": "urgent"}"#);
    assert!(
        answer.contains("invalid value 'urgent' for 'priority': expected one of critical"),
        "{status} {answer}"
    );
    let (status, body) = server.post("/api/items", r#"{"title": ""}"#);
    assert_eq!(
        (status, error_kind(&body).as_str()),
        (400, "invalid_input"),
        "{body}"
    );
    let (status, body) = server.post("/api/items/1/status", r#"{"status": "sideways"}"#);
    assert_eq!(status, 400, "{body}");
    let huge = format!(r#"{{"title": "{}"}}"#, "x".repeat(200 * 1024));
    let (status, _) = server.post("/api/items", &huge);
    assert_eq!(status, 413);
    let (status, body) = server.get("/api/items/WORK-404");
    assert_eq!((status, error_kind(&body).as_str()), (404, "not_found"));
    let (status, _) = server.get("/api/items/not-an-id");
    assert_eq!(status, 400);
    let (status, _) = server.get("/api/items?colour=red");
    assert_eq!(status, 400);
    let (status, _) = server.get("/../../etc/passwd");
    assert_eq!(status, 404);
    let (status, _) = server.get("/api/events?after=minus-one");
    assert_eq!(status, 400);

    assert_eq!(before, ws.snapshot(), "a refused request wrote something");
    // And it still serves.
    assert_eq!(server.json("/api/items").as_array().unwrap().len(), 1);
}

/// Reads SSE events (`id`, data) from a stream until `want` of them came; `ready`
/// messages (the stream's start position) go to `ready`.
fn read_events(reader: &mut BufReader<TcpStream>, want: usize, ready: &mut Vec<u64>) -> Vec<(u64, Value)> {
    let mut events = Vec::new();
    let mut id = None;
    let mut kind = String::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut line = String::new();
    while events.len() < want {
        assert!(
            Instant::now() < deadline,
            "only {} events came: {events:?}",
            events.len()
        );
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            continue;
        }
        let line = line.trim_end();
        if let Some(value) = line.strip_prefix("id: ") {
            id = value.parse().ok();
        } else if let Some(value) = line.strip_prefix("event: ") {
            value.clone_into(&mut kind);
        } else if let Some(data) = line.strip_prefix("data: ") {
            if let (Some(id), Ok(value)) = (id.take(), serde_json::from_str(data)) {
                if kind == "ready" {
                    ready.push(id);
                } else {
                    events.push((id, value));
                }
            }
        }
    }
    events
}

fn open_stream(server: &Server, last_event_id: Option<u64>) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    let resume = last_event_id.map_or(String::new(), |id| format!("Last-Event-ID: {id}\r\n"));
    let request = format!(
        "GET /api/stream HTTP/1.1\r\nHost: {}\r\n{resume}\r\n",
        server.host()
    );
    stream.write_all(request.as_bytes()).unwrap();
    BufReader::new(stream)
}

#[test]
fn the_stream_shows_other_processes_writes_and_a_reconnect_misses_nothing() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Watched"]);
    let server = Server::start(&ws);
    let mut live = open_stream(&server, None);
    std::thread::sleep(Duration::from_millis(300));
    // Another process writes; the stream shows it, in the log's order.
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "comment", "1", "from a terminal"]);
    let mut ready = Vec::new();
    let events = read_events(&mut live, 2, &mut ready);
    assert_eq!(ready, [1], "the stream says it starts after position 1");
    assert_eq!(events[0].0, 2);
    assert_eq!(events[0].1["event_type"], "StatusChanged");
    assert_eq!(events[1].0, 3);
    assert_eq!(events[1].1["event_type"], "CommentAdded");
    drop(live);
    // A page that lost the connection after event 2 resumes from it.
    let mut resumed = open_stream(&server, Some(1));
    let events = read_events(&mut resumed, 2, &mut ready);
    let positions: Vec<u64> = events.iter().map(|(id, _)| *id).collect();
    assert_eq!(positions, [2, 3]);
}

#[test]
fn serving_beyond_loopback_needs_a_token_and_ctrl_c_ends_it_cleanly() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Only"]);
    common::assert_fails(
        &ws.run(&["serve", "--listen", "0.0.0.0", "--port", "0"]),
        2,
        "needs --token",
    );
    // An empty token would let anyone write.
    for empty in ["", "  "] {
        common::assert_fails(
            &ws.run(&["serve", "--listen", "0.0.0.0", "--port", "0", "--token", empty]),
            2,
            "--token is empty",
        );
    }
    common::assert_fails(
        &ws.run(&["serve", "--port", "0", "--host", "a/b"]),
        2,
        "not a host name",
    );
    // A name given with --host is answered (a board reached by its LAN name); others are not.
    let named = Server::start_with(&ws, 0, &["--host", "devbox"]);
    let port = named.port.to_string();
    for host in [
        format!("devbox:{port}"),
        "devbox".to_owned(),
        format!("DEVBOX:{port}"),
    ] {
        let (status, body) = named.request("GET", "/api/items", &[("Host", &host)], "");
        assert_eq!(status, 200, "{host}: {body}");
    }
    let (status, _) = named.request("GET", "/api/items", &[("Host", &format!("evil:{port}"))], "");
    assert_eq!(status, 403);
    drop(named);
    let mut server = Server::start(&ws);
    // A page left open holds an event stream that never ends by itself; Ctrl-C still stops
    // the server (a graceful shutdown would otherwise wait for the page forever).
    let mut page = open_stream(&server, None);
    let mut first = String::new();
    page.read_line(&mut first).unwrap();
    assert!(first.starts_with("HTTP/1.1 200"), "{first}");
    let pid = i32::try_from(server.child.id()).unwrap();
    unsafe {
        libc::kill(pid, libc::SIGINT);
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not stop on Ctrl-C with a page open"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}

/// A client that sends its headers a byte at a time is cut off after the header timeout
/// (10 s), and clients over the connection limit (128) are closed as they come; meanwhile
/// and afterwards the board answers others.
#[test]
fn slow_clients_are_cut_off_and_connections_are_limited() {
    use std::io::{Read, Write};
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Only"]);
    let server = Server::start(&ws);
    let connect = || {
        let stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        stream
    };
    let started = Instant::now();
    let mut slow = connect();
    slow.write_all(b"GET /api/items HTTP/1.1\r\n").unwrap();
    // Fill every other slot with connections that send nothing at all.
    let idle: Vec<_> = (0..127).map(|_| connect()).collect();
    std::thread::sleep(Duration::from_millis(300));
    // One more is over the limit: closed at once, without an answer.
    let mut over = connect();
    over.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    let mut answer = Vec::new();
    let read = over.read_to_end(&mut answer);
    let waiting = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        )
    };
    assert!(
        matches!(read, Ok(0)) || read.as_ref().is_err_and(|e| !waiting(e)),
        "over the limit, the connection is closed: {read:?} {}",
        String::from_utf8_lossy(&answer)
    );
    // The slow client trickles a header byte a second; the server cuts it off.
    let mut cut = false;
    for _ in 0..15 {
        if slow.write_all(b"X").is_err() {
            cut = true;
            break;
        }
        std::thread::sleep(Duration::from_secs(1));
        let mut probe = [0u8; 1];
        slow.set_nonblocking(true).unwrap();
        let peeked = slow.read(&mut probe);
        slow.set_nonblocking(false).unwrap();
        if matches!(peeked, Ok(0))
            || peeked
                .as_ref()
                .is_err_and(|e| e.kind() != std::io::ErrorKind::WouldBlock)
        {
            cut = true;
            break;
        }
    }
    assert!(cut, "the slow client was never cut off");
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(9),
        "cut off after {waited:?}, before its time"
    );
    drop(idle);
    // The idle ones are gone by now too (the same timeout): the board answers again.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let (status, _) = server.get("/api/items");
        if status == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "the board did not answer again");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A write answers the same object in every door: the item, `replayed` and `warnings` (here
/// an open blocker), from `items start --json` and from the board's `POST`.
#[test]
fn a_write_answers_one_shape_in_every_door() {
    let ws = Workspace::new();
    for title in ["Blocker", "From the CLI", "From the board"] {
        ws.ok(&["items", "create", title]);
    }
    ws.ok(&["items", "depend", "2", "1", "--type", "blocked_by"]);
    ws.ok(&["items", "depend", "3", "1", "--type", "blocked_by"]);
    let from_cli = ws.json(&["items", "start", "2"]);
    let server = Server::start(&ws);
    let (status, body) = server.post("/api/items/3/status", r#"{"status": "in_progress"}"#);
    assert_eq!(status, 200, "{body}");
    let from_board: Value = serde_json::from_str(&body).unwrap();
    for (door, answer, id) in [("cli", &from_cli, "WORK-002"), ("board", &from_board, "WORK-003")] {
        assert_eq!(answer["id"], id, "{door}: {answer}");
        assert_eq!(answer["status"], "in_progress", "{door}: {answer}");
        assert_eq!(answer["replayed"], false, "{door}: {answer}");
        assert_eq!(
            answer["warnings"],
            json!([{"warning": "open_blockers", "item": id, "blockers": ["WORK-001"]}]),
            "{door}: {answer}"
        );
    }
    let keys = |answer: &Value| answer.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&from_cli), keys(&from_board));
}
