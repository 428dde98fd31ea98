//! The board in a real browser: Debian's chromium, headless, driven over WebDriver by its
//! chromedriver, against the real `jerry serve`. What a person does with the page — reads
//! the cards, sees another process's write arrive, drags a card, opens its timeline,
//! comments, travels back in time, opens the charts — each checked against the log.
//!
//! `JERRY_UPDATE_DOCS=1` also saves the screenshot in docs/board.png. The benchmark
//! (`scripts/bench-board`) is the ignored test at the end.

mod common;

#[path = "common/browser.rs"]
mod browser;

use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::{json, Value};

use browser::{
    click, column_of, drag, events_of, overlapping_labels, runtime, until, wait_in_column, Driver,
};
use common::server::Server;
use common::Workspace;

#[test]
fn the_board_in_a_real_browser() {
    let Some(driver) = Driver::start() else { return };
    let ws = Workspace::new();
    // A fortnight of history before the workspace's own clock (2026-01-01), one command
    // every 14 hours, so the charts have days to draw.
    let history: [&[&str]; 19] = [
        &["items", "create", "--priority", "high", "Write the parser"],
        &[
            "items",
            "create",
            "--priority",
            "critical",
            "--assignee",
            "ana",
            "Fix the login",
        ],
        &["items", "create", "--type", "epic", "Ship the release"],
        &["items", "create", "--priority", "low", "Update the docs"],
        &["items", "create", "Drop the old importer"],
        &["items", "create", "Set up CI"],
        &["items", "create", "--assignee", "bo", "Add a config file"],
        &["items", "create", "--type", "bug", "Crash on an empty title"],
        &["items", "label", "WORK-001", "--add", "core"],
        &["items", "label", "WORK-004", "--add", "docs"],
        &["items", "depend", "WORK-003", "WORK-002", "--type", "blocked_by"],
        &["items", "start", "WORK-006"],
        &["items", "start", "WORK-008"],
        &["items", "start", "WORK-007"],
        &["items", "complete", "WORK-008"],
        &["items", "complete", "WORK-006"],
        &["items", "complete", "WORK-007"],
        &["items", "start", "WORK-002"],
        &["items", "cancel", "WORK-005", "--reason", "kept after all"],
    ];
    let start = time::OffsetDateTime::parse(
        "2025-12-18T09:00:00Z",
        &time::format_description::well_known::Rfc3339,
    )
    .expect("a time");
    let mut before_start = String::new();
    for (step, args) in history.iter().enumerate() {
        let at = start + time::Duration::hours(14 * step as i64);
        let at = at
            .format(&time::format_description::well_known::Rfc3339)
            .expect("RFC 3339");
        let out = ws
            .command()
            .args(*args)
            .env("JERRY_TEST_TIMESTAMP", &at)
            .output()
            .expect("jerry runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if args[1] == "complete" {
            // The last moment before WORK-002 started: where the time travel goes.
            before_start = at;
        }
    }
    let server = Server::start(&ws);
    let url = format!("http://127.0.0.1:{}/", server.port);

    runtime().block_on(async {
        let browser = driver.browser().await;
        browser.goto(&url).await.expect("the board opens");

        // The cards, each in its column, with what a card shows.
        until(&browser, "the cards", "return document.querySelectorAll('.card').length === 8").await;
        for (id, status) in [
            ("WORK-001", "pending"),
            ("WORK-002", "in_progress"),
            ("WORK-003", "pending"),
            ("WORK-004", "pending"),
            ("WORK-005", "cancelled"),
            ("WORK-006", "done"),
            ("WORK-007", "done"),
            ("WORK-008", "done"),
        ] {
            let column = browser.execute(&column_of(id), vec![]).await.unwrap();
            assert_eq!(column, json!(status), "{id}");
        }
        let first = browser
            .execute("return document.querySelector('.card[data-id=\"WORK-001\"]').innerText", vec![])
            .await
            .unwrap();
        let first = first.as_str().unwrap();
        for shown in ["WORK-001", "Write the parser", "high", "core"] {
            assert!(first.contains(shown), "{shown} in {first:?}");
        }
        let blocked = browser
            .execute("return document.querySelector('.card[data-id=\"WORK-003\"] .blockers').innerText", vec![])
            .await
            .unwrap();
        assert_eq!(blocked, json!("blocked by WORK-002"));
        until(&browser, "the live stream", "return document.getElementById('live').textContent === 'live'").await;

        // Another process writes; the card moves without a reload.
        browser.execute("window.notReloaded = true", vec![]).await.unwrap();
        ws.ok(&["items", "start", "WORK-001"]);
        wait_in_column(&browser, "WORK-001", "in_progress").await;
        assert_eq!(browser.execute("return window.notReloaded", vec![]).await.unwrap(), json!(true));

        // A drag writes the move through the server: the event is in the log.
        drag(&browser, "WORK-001", "done").await;
        wait_in_column(&browser, "WORK-001", "done").await;
        let moved = events_of(&ws, "WORK-001");
        let change = moved
            .iter()
            .rev()
            .find(|e| e["event_type"] == "StatusChanged")
            .expect("a status change");
        assert_eq!(change["payload"]["new_status"], "done", "{change}");
        assert_eq!(moved.last().unwrap()["event_type"], "WorkItemCompleted");
        assert_eq!(
            ws.json(&["items", "show", "WORK-001"])["status"],
            "done"
        );
        // A drag onto a column the status machine forbids says why and writes nothing.
        let count = events_of(&ws, "WORK-004").len();
        drag(&browser, "WORK-004", "blocked").await;
        until(&browser, "the refusal", "return document.getElementById('message').textContent.includes('cannot move WORK-004')").await;
        assert_eq!(events_of(&ws, "WORK-004").len(), count);
        wait_in_column(&browser, "WORK-004", "pending").await;

        // A click opens the card: links, comments and the timeline.
        click(&browser, ".card[data-id=\"WORK-003\"] .title").await;
        until(&browser, "the detail", "return document.querySelector('#detail.open h2') !== null").await;
        let detail = browser
            .execute("return document.getElementById('detail').innerText", vec![])
            .await
            .unwrap();
        let detail = detail.as_str().unwrap();
        assert!(detail.contains("WORK-003 Ship the release"), "{detail}");
        assert!(detail.contains("blocked by: WORK-002"), "{detail}");
        let timeline = browser
            .execute(
                "return [...document.querySelectorAll('.timeline li')].map(li => li.dataset.type)",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(timeline, json!(["WorkItemCreated", "DependencyAdded"]));
        assert!(detail.contains("linked: blocked_by WORK-002"), "{detail}");

        // A comment from the page lands in the log and on the timeline.
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            // Looked up again if the detail was redrawn meanwhile (a draft survives a redraw).
            let area = browser.find(Locator::Css("#comment textarea")).await.unwrap();
            if area.send_keys("Waiting for the login fix").await.is_ok() {
                break;
            }
            assert!(Instant::now() < deadline, "cannot type the comment");
        }
        click(&browser, "#comment button").await;
        until(
            &browser,
            "the comment on the timeline",
            "return document.querySelectorAll('.timeline li').length === 3",
        )
        .await;
        let shown = ws.json(&["items", "show", "WORK-003"]);
        assert_eq!(shown["comments"][0]["text"], "Waiting for the login fix", "{shown}");
        click(&browser, "#detail button").await;

        // Create from the page: the card appears, and the item is in the log.
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let title = browser.find(Locator::Id("title")).await.unwrap();
            if title.send_keys("Made on the board").await.is_ok() {
                break;
            }
            assert!(Instant::now() < deadline, "cannot type the title");
        }
        click(&browser, "#create button").await;
        until(&browser, "the new card", "return document.querySelectorAll('.card[data-id=\"WORK-009\"]').length === 1").await;
        assert_eq!(ws.json(&["items", "show", "WORK-009"])["title"], "Made on the board");
        wait_in_column(&browser, "WORK-009", "pending").await;

        // A card moved from a stale view (its version behind the log) is refused with a
        // conflict, says so, writes nothing, and the board reloads.
        ws.ok(&["items", "priority", "WORK-009", "high"]);
        until(&browser, "the new priority", "return document.querySelector('.card[data-id=\"WORK-009\"]').className.includes('p-high')").await;
        let count = events_of(&ws, "WORK-009").len();
        browser
            .execute("move({ id: 'WORK-009', version: 1, status: 'pending' }, 'in_progress')", vec![])
            .await
            .unwrap();
        until(&browser, "the conflict", "return document.getElementById('message').textContent.includes('changed while you looked at it')").await;
        assert_eq!(events_of(&ws, "WORK-009").len(), count, "a stale move wrote");
        wait_in_column(&browser, "WORK-009", "pending").await;

        // Time travel: the board as it was before WORK-002 started, read only.
        let when: String = before_start.chars().take(19).collect();
        browser
            .execute(
                "const f = document.getElementById('when-text'); f.value = arguments[0]; f.dispatchEvent(new Event('change'));",
                vec![json!(when)],
            )
            .await
            .unwrap();
        until(&browser, "the past", "return document.body.classList.contains('past')").await;
        for id in ["WORK-001", "WORK-002", "WORK-005"] {
            wait_in_column(&browser, id, "pending").await;
        }
        let past = browser
            .execute("return document.getElementById('past').innerText", vec![])
            .await
            .unwrap();
        assert!(past.as_str().unwrap().contains("read only"), "{past}");
        click(&browser, "#now").await;
        wait_in_column(&browser, "WORK-001", "done").await;

        // The charts, drawn from the log.
        click(&browser, "#charts-toggle").await;
        until(&browser, "the flow diagram", "return document.querySelectorAll('#cfd polygon').length === 5").await;
        until(&browser, "the cycles", "return document.querySelectorAll('#cycle circle').length === 4").await;
        assert_eq!(overlapping_labels(&browser).await, json!([]), "overlapping chart labels");
        let caption = browser
            .execute("return document.getElementById('cycle-caption').textContent", vec![])
            .await
            .unwrap();
        assert!(caption.as_str().unwrap().contains("4 items"), "{caption}");

        // A closed column folds away and stays folded across reloads.
        click(&browser, ".column[data-status=\"cancelled\"] h2").await;
        until(
            &browser,
            "the folded column",
            "return document.querySelector('.column[data-status=\"cancelled\"]').classList.contains('collapsed')",
        )
        .await;
        browser.refresh().await.unwrap();
        until(
            &browser,
            "the folded column after a reload",
            "return document.querySelectorAll('.card').length === 9 && document.querySelector('.column[data-status=\"cancelled\"]').classList.contains('collapsed') && document.querySelectorAll('#cfd polygon').length === 5",
        )
        .await;

        // The server goes away and comes back on the same port: the page reconnects by
        // itself, catches up with what was written meanwhile, and can write again.
        let port = server.port;
        browser.execute("window.notReloaded = true", vec![]).await.unwrap();
        drop(server);
        until(&browser, "the lost connection", "return document.getElementById('live').textContent !== 'live'").await;
        ws.ok(&["items", "start", "WORK-004"]);
        let server = Server::start_on(&ws, port);
        wait_in_column(&browser, "WORK-004", "in_progress").await;
        assert_eq!(browser.execute("return window.notReloaded", vec![]).await.unwrap(), json!(true));
        until(&browser, "the stream back", "return document.getElementById('live').textContent === 'live'").await;
        drag(&browser, "WORK-004", "done").await;
        wait_in_column(&browser, "WORK-004", "done").await;
        assert_eq!(ws.json(&["items", "show", "WORK-004"])["status"], "done");

        // The charts follow the log too (at most a second behind).
        until(&browser, "the charts caught up", "return [...document.querySelectorAll('#cfd text')].some(t => t.textContent === 'done 5')").await;
        let png = browser.screenshot().await.expect("a screenshot");
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        if std::env::var_os("JERRY_UPDATE_DOCS").is_some() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/board.png");
            std::fs::write(path, &png).expect("docs/board.png");
        }
        browser.close().await.expect("the browser closes");
        drop(server);
    });
}

/// A conflict as another clone's write makes it: a title change decided on the title the
/// item had before this clone changed it, brought in by `events import` (what sync does).
fn conflicting_title(ws: &Workspace, id: &str, old: &str, new: &str) {
    let last = events_of(ws, id).pop().expect("the item's events");
    let line = json!({
        "event_id": ulid::Ulid::new().to_string(),
        "aggregate_type": "work_item",
        "aggregate_id": id,
        "event_type": "TitleChanged",
        "version": last["version"].as_u64().unwrap() + 1,
        "position": last["position"].as_u64().unwrap() + 1,
        "schema_version": 1,
        "timestamp": last["timestamp"],
        "payload": {"old_title": old, "new_title": new},
        "metadata": {"actor": "bob", "correlation_id": ulid::Ulid::new().to_string()},
    });
    let file = ws.path().join("other-clone.jsonl");
    std::fs::write(&file, format!("{line}\n")).expect("the other clone's event");
    ws.ok(&["events", "import", file.to_str().unwrap()]);
}

#[test]
fn conflicts_show_on_the_board_and_settle_from_it() {
    let Some(driver) = Driver::start() else { return };
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Shared"]);
    ws.ok(&["items", "create", "Calm"]);
    ws.ok(&["items", "edit", "WORK-001", "--title", "From A"]);
    let server = Server::start(&ws);
    let url = format!("http://127.0.0.1:{}/", server.port);
    runtime().block_on(async {
        let browser = driver.browser().await;
        browser.goto(&url).await.expect("the board opens");
        until(&browser, "the cards", "return document.querySelectorAll('.card').length === 2").await;
        assert_eq!(
            browser.execute("return document.querySelectorAll('.badge.conflict').length", vec![]).await.unwrap(),
            json!(0)
        );
        // Another clone's write arrives while the page is open: the card gets a badge.
        conflicting_title(&ws, "WORK-001", "Shared", "From B");
        let badge = until(
            &browser,
            "the conflict badge",
            "const b = document.querySelector('.card[data-id=\"WORK-001\"] .badge.conflict'); return b && b.textContent;",
        )
        .await;
        assert!(badge.as_str().unwrap().contains("1 conflict"), "{badge}");
        assert_eq!(
            browser.execute("return document.querySelector('.card[data-id=\"WORK-002\"] .badge')", vec![]).await.unwrap(),
            Value::Null
        );
        // The detail panel says what did not apply, and the history marks the event.
        click(&browser, ".card[data-id=\"WORK-001\"] .title").await;
        let listed = until(
            &browser,
            "the conflict in the panel",
            "const c = document.querySelector('#detail .conflicts li'); return c && c.textContent;",
        )
        .await;
        assert!(listed.as_str().unwrap().contains("From B"), "{listed}");
        until(
            &browser,
            "the marked history",
            "return [...document.querySelectorAll('#detail .timeline li.not-applied')].some(li => li.textContent.includes('[conflict: not applied]'))",
        )
        .await;
        // Taking the other side from the panel: one settlement through the application
        // service, the badge gone, the title the other clone's.
        click(&browser, "#detail .conflicts button[data-decision=\"take\"]").await;
        until(
            &browser,
            "the settled card",
            "const c = document.querySelector('.card[data-id=\"WORK-001\"]'); return c && !c.querySelector('.badge') && c.querySelector('.title').textContent === 'From B';",
        )
        .await;
        let item = ws.json(&["items", "show", "WORK-001"]);
        assert_eq!(item["title"], "From B", "{item}");
        assert_eq!(item.get("conflicts"), None, "{item}");
        assert_eq!(item["resolved_conflicts"][0]["resolved"]["resolution"], "take", "{item}");
        until(
            &browser,
            "the settled history",
            "return [...document.querySelectorAll('#detail .timeline li')].some(li => li.textContent.includes('settled at v'))",
        )
        .await;
        browser.close().await.expect("the browser closes");
    });
    drop(server);
}

/// Milliseconds since the Unix epoch of an RFC 3339 time.
fn unix_millis(text: &str) -> f64 {
    let at = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| panic!("a time: {text}"));
    at.unix_timestamp_nanos() as f64 / 1e6
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1]
}

/// `scripts/bench-board`: the page's load time with 10,000 items (`JERRY_BENCH_ITEMS`), and
/// the time from an append in another process (the event's own timestamp) to the page
/// having drawn it, over 100 writes, each an `items start` that moves a card.
#[test]
#[ignore = "a benchmark: scripts/bench-board runs it"]
fn bench_board() {
    let Some(driver) = Driver::start() else { return };
    let count: u64 = std::env::var("JERRY_BENCH_ITEMS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let ws = Workspace::new().with_real_clock();
    ws.ok(&[
        "generate",
        "--items",
        &count.to_string(),
        "--events-per-item",
        "2",
    ]);
    let ids: Vec<String> = common::ids(&ws.json(&["items", "list", "--limit", "101"]));
    let server = Server::start(&ws);
    let url = format!("http://127.0.0.1:{}/", server.port);

    runtime().block_on(async {
        let browser = driver.browser().await;
        let mut loads = Vec::new();
        for _ in 0..5 {
            browser.goto(&url).await.expect("the board opens");
            let drawn = until(&browser, "the first render", "return window.jerryBoard.firstRender").await;
            loads.push(drawn.as_f64().expect("milliseconds"));
        }
        let cards = browser
            .execute("return document.querySelectorAll('.card').length", vec![])
            .await
            .unwrap();
        loads.sort_by(f64::total_cmp);
        println!(
            "board page load, {count} items: median {:.0} ms, min {:.0}, max {:.0} ({} loads, {cards} cards drawn)",
            percentile(&loads, 0.5),
            loads[0],
            loads[loads.len() - 1],
            loads.len()
        );
        // The first request reads every stream (the index keeps the steps from then on).
        let started = Instant::now();
        let flow = server.json("/api/flow");
        let first = started.elapsed().as_secs_f64() * 1000.0;
        let started = Instant::now();
        server.json("/api/flow");
        println!(
            "board charts (/api/flow), {count} items: first {first:.0} ms, then {:.1} ms ({} days)",
            started.elapsed().as_secs_f64() * 1000.0,
            flow["days"].as_array().map_or(0, Vec::len)
        );
        until(&browser, "the live stream", "return document.getElementById('live').textContent === 'live'").await;

        let head = |events: &Value| events.as_array().and_then(|e| e.last()).map(|e| e["position"].as_u64().unwrap());
        let mut position = head(&server.json("/api/events?after=0&limit=5000")).unwrap_or(0);
        // Skip to the head: the log can be longer than one page.
        while let Some(next) = head(&server.json(&format!("/api/events?after={position}&limit=5000"))) {
            position = next;
        }
        let mut latencies = Vec::new();
        for id in ids.iter().skip(1).take(100) {
            ws.ok(&["items", "start", id]);
            let written = server.json(&format!("/api/events?after={position}"));
            let written = written.as_array().expect("the new events");
            let last = head(&Value::Array(written.clone())).expect("a new event");
            until(
                &browser,
                "the card's move",
                &format!("return window.jerryBoard.drawn >= {last}"),
            )
            .await;
            let times = browser.execute("return window.jerryBoard.times", vec![]).await.unwrap();
            for event in written {
                let drawn = times[event["position"].as_u64().unwrap().to_string()]
                    .as_f64()
                    .expect("a drawing time");
                latencies.push(drawn - unix_millis(event["timestamp"].as_str().unwrap()));
            }
            position = last;
        }
        latencies.sort_by(f64::total_cmp);
        println!(
            "append → card drawn, {} writes on {count} items: median {:.0} ms, p95 {:.0} ms, max {:.0} ms",
            latencies.len(),
            percentile(&latencies, 0.5),
            percentile(&latencies, 0.95),
            latencies[latencies.len() - 1]
        );
        browser.close().await.expect("the browser closes");
    });
}
