//! A running `jerry serve` for the board's tests, and a plain HTTP/1.1 client for it over a
//! socket (so a test can send any `Host` or `Origin` it likes).

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::Value;

use super::Workspace;

/// A running `jerry serve`, stopped with Ctrl-C (SIGINT) when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub token: String,
}

impl Server {
    /// `jerry serve` on a free port.
    pub fn start(ws: &Workspace) -> Self {
        Self::start_on(ws, 0)
    }

    /// `jerry serve --port PORT` (0: any free one).
    pub fn start_on(ws: &Workspace, port: u16) -> Self {
        Self::start_with(ws, port, &[])
    }

    /// `jerry serve --port PORT` with more arguments (on loopback).
    pub fn start_with(ws: &Workspace, port: u16, more: &[&str]) -> Self {
        let mut child = ws
            .command()
            .args(["serve", "--port", &port.to_string()])
            .args(more)
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

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Sends one request; returns the status and the body.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
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

    pub fn get(&self, path: &str) -> (u16, String) {
        self.request("GET", path, &[], "")
    }

    pub fn json(&self, path: &str) -> Value {
        let (status, body) = self.get(path);
        assert_eq!(status, 200, "GET {path}: {body}");
        serde_json::from_str(&body).unwrap()
    }

    /// A write as the page makes it: the token, and the board's own origin.
    pub fn post(&self, path: &str, body: &str) -> (u16, String) {
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
