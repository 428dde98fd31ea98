//! Driving the board in a real browser: Debian's chromium, headless, over WebDriver by its
//! chromedriver; the helpers the board's browser tests share (each uses some).

#![allow(dead_code)]

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::common::Workspace;

/// chromedriver on a free loopback port, killed when dropped.
pub struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    /// `None` (a skip, which fails under CI) when chromedriver or chromium is missing.
    pub fn start() -> Option<Self> {
        let found = |program: &str| {
            Command::new(program)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        };
        if !found("chromedriver") || !found("chromium") {
            crate::common::skip(
                "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)",
            );
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        })
    }

    pub async fn browser(&self) -> Client {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1500,950", "--force-device-scale-factor=1"],
            }),
        );
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&self.url)
            .await
            .expect("a chromium session")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// Runs `script` in the page until it returns something truthy (or `what` times out).
pub async fn until(browser: &Client, what: &str, script: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let value = browser.execute(script, vec![]).await.expect("the script runs");
        if !(value.is_null() || value == json!(false) || value == json!(0)) {
            return value;
        }
        if Instant::now() >= deadline {
            // What the page said last is usually why.
            let said = browser
                .execute(
                    "const m = document.getElementById('message'); return m ? m.textContent : null;",
                    vec![],
                )
                .await
                .unwrap_or_default();
            panic!("timed out waiting for {what}; the page's message: {said}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Which column the card `id` stands in, or null.
pub fn column_of(id: &str) -> String {
    format!(
        "const c = document.querySelector('.card[data-id=\"{id}\"]'); return c && c.closest('.column').dataset.status;"
    )
}

pub async fn wait_in_column(browser: &Client, id: &str, status: &str) {
    let script = format!(
        "const c = document.querySelector('.card[data-id=\"{id}\"]'); return !!c && c.closest('.column').dataset.status === '{status}';"
    );
    until(browser, &format!("{id} in {status}"), &script).await;
}

/// Clicks the element `css` names, looking it up again if the live board redrew it between
/// the lookup and the click (a stale element).
pub async fn click(browser: &Client, css: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let clicked = match browser.find(Locator::Css(css)).await {
            Ok(element) => element.click().await,
            Err(err) => Err(err),
        };
        match clicked {
            Ok(()) => return,
            Err(err) => assert!(Instant::now() < deadline, "cannot click {css}: {err}"),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A real pointer drag: press on the card, move in steps onto the column, release. By
/// viewport coordinates, not elements: the live board may redraw a card between a lookup
/// and the press, which would make an element reference stale.
pub async fn drag(browser: &Client, id: &str, status: &str) {
    let script = format!(
        "const c = document.querySelector('.card[data-id=\"{id}\"]').getBoundingClientRect();
         const t = document.querySelector('.column[data-status=\"{status}\"] h2').getBoundingClientRect();
         return [c.x + c.width / 2, c.y + c.height / 2, t.x + t.width / 2, t.y + t.height + 20];"
    );
    let points = browser
        .execute(&script, vec![])
        .await
        .expect("the card and the column");
    let point = |i: usize| points[i].as_f64().expect("a coordinate").round();
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: point(0),
            y: point(1),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(100)),
            x: 20.0,
            y: 10.0,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(300)),
            x: point(2),
            y: point(3),
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    browser.perform_actions(mouse).await.expect("the drag");
    browser.release_actions().await.expect("released");
}

pub fn events_of(ws: &Workspace, id: &str) -> Vec<Value> {
    ws.json(&["events", "list"])
        .as_array()
        .expect("an array")
        .iter()
        .filter(|e| e["aggregate_id"].as_str().is_some_and(|a| a.ends_with(id)))
        .cloned()
        .collect()
}

/// The labels of the board's charts that overlap another of the same chart, as
/// `chart: one / other`; empty when every label stands clear.
pub async fn overlapping_labels(browser: &Client) -> Value {
    browser
        .execute(
            "const out = [];
             for (const id of ['cfd', 'cycle']) {
               const boxes = [...document.querySelectorAll('#' + id + ' text')].map(t => [t.textContent, t.getBoundingClientRect()]);
               for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                 const [a, r] = boxes[i], [b, q] = boxes[j];
                 if (r.left < q.right - 0.5 && q.left < r.right - 0.5 && r.top < q.bottom - 0.5 && q.top < r.bottom - 0.5) out.push(id + ': ' + a + ' / ' + b);
               }
             }
             return out;",
            vec![],
        )
        .await
        .expect("the labels measured")
}
