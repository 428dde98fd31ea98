//! `jerry serve`: the board's JSON API and event stream, against the real binary on a free
//! loopback port, with a plain HTTP/1.1 client over a socket (so a test can send any
//! `Host` or `Origin` it likes).

mod common;

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::Workspace;
use serde_json::Value;

/// A running `jerry serve`, stopped with Ctrl-C (SIGINT) when dropped.
struct Server {
    child: Child,
    port: u16,
    token: String,
}

impl Server {
    fn start(ws: &Workspace) -> Self {
        let mut child = ws
            .command()
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("jerry serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the URL line");
        let port = line
            .trim()
            .strip_prefix("jerry board: http://127.0.0.1:")
            .and_then(|rest| rest.trim_end_matches('/').parse().ok())
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        let mut server = Self {
            child,
            port,
            token: String::new(),
        };
        let page = server.get("/").1;
        let marker = "name=\"jerry-token\" content=\"";
        let start = page.find(marker).expect("the page carries the token") + marker.len();
        page[start..start + 26].clone_into(&mut server.token);
        server
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Sends one request; returns the status and the body.
    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut request = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("host")) {
            let _ = write!(request, "Host: {}\r\n", self.host());
        }
        for (name, value) in headers {
            let _ = write!(request, "{name}: {value}\r\n");
        }
        if !body.is_empty() {
            let _ = write!(
                request,
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            );
        }
        request.push_str("\r\n");
        request.push_str(body);
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status in {response:?}"));
        let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        // Small JSON bodies come whole or chunked; take the JSON out of a chunked one.
        let body = match (body.find(['{', '[']), body.rfind(['}', ']'])) {
            (Some(start), Some(end)) if !path.starts_with("/api/stream") && path != "/" => &body[start..=end],
            _ => body,
        };
        (status, body.to_owned())
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.request("GET", path, &[], "")
    }

    fn json(&self, path: &str) -> Value {
        let (status, body) = self.get(path);
        assert_eq!(status, 200, "GET {path}: {body}");
        serde_json::from_str(&body).unwrap()
    }

    /// A write as the page makes it: the token, and the board's own origin.
    fn post(&self, path: &str, body: &str) -> (u16, String) {
        let origin = format!("http://{}", self.host());
        self.request(
            "POST",
            path,
            &[("X-Jerry-Token", &self.token), ("Origin", &origin)],
            body,
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let pid = i32::try_from(self.child.id()).unwrap();
        unsafe {
            libc::kill(pid, libc::SIGINT);
        }
        let _ = self.child.wait();
    }
}

fn error_kind(body: &str) -> String {
    let value: Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"));
    value["error"]["kind"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn the_api_reads_and_writes_through_the_one_write_path() {
    let ws = Workspace::new();
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

    // A card changed meanwhile is a conflict, never an overwrite.
    let (status, body) = server.post(
        "/api/items/1/status",
        r#"{"status": "done", "expected_version": 1}"#,
    );
    assert_eq!((status, error_kind(&body).as_str()), (409, "conflict"), "{body}");
    assert_eq!(ws.json(&["items", "show", "1"])["status"], "in_progress");
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

/// Reads SSE events (`id`, data) from a stream until `want` of them came.
fn read_events(reader: &mut BufReader<TcpStream>, want: usize) -> Vec<(u64, Value)> {
    let mut events = Vec::new();
    let mut id = None;
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
        } else if let Some(data) = line.strip_prefix("data: ") {
            if let (Some(id), Ok(value)) = (id.take(), serde_json::from_str(data)) {
                events.push((id, value));
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
    let events = read_events(&mut live, 2);
    assert_eq!(events[0].0, 2);
    assert_eq!(events[0].1["event_type"], "StatusChanged");
    assert_eq!(events[1].0, 3);
    assert_eq!(events[1].1["event_type"], "CommentAdded");
    drop(live);
    // A page that lost the connection after event 2 resumes from it.
    let mut resumed = open_stream(&server, Some(1));
    let events = read_events(&mut resumed, 2);
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
    let mut server = Server::start(&ws);
    let pid = i32::try_from(server.child.id()).unwrap();
    unsafe {
        libc::kill(pid, libc::SIGINT);
    }
    let status = server.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}
