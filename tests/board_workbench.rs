//! The board as a place to work, in a real browser (Debian's chromium over WebDriver):
//! a move to blocked asks why and the reason lands in the log; columns stand in the order
//! `items ready` gives; a card says its type, parent and holder; a long unbroken title
//! stays inside its card.

#[path = "common/browser.rs"]
mod browser;
mod common;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use browser::{click, drag, events_of, overlapping_labels, runtime, until, wait_in_column, Driver};
use common::server::Server;
use common::Workspace;

/// The ids of the cards in a column, top to bottom.
fn column_ids(status: &str) -> String {
    format!(
        "return [...document.querySelectorAll('.column[data-status=\"{status}\"] .card')].map(c => c.dataset.id)"
    )
}

fn ids(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|v| v.as_str().or_else(|| v["id"].as_str()).map(str::to_owned))
        .collect()
}

#[test]
fn the_board_asks_why_orders_cards_as_ready_does_and_keeps_long_words_in() {
    let Some(driver) = Driver::start() else { return };
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Low chore", "--priority", "low"]);
    ws.ok(&[
        "items",
        "create",
        "Fire",
        "--priority",
        "critical",
        "--type",
        "epic",
    ]);
    ws.ok(&[
        "items",
        "create",
        "Due later",
        "--priority",
        "high",
        "--due",
        "2026-03-01",
    ]);
    ws.ok(&[
        "items",
        "create",
        "Due sooner",
        "--priority",
        "high",
        "--due",
        "2026-02-01",
    ]);
    ws.ok(&[
        "items",
        "create",
        "No date",
        "--priority",
        "high",
        "--type",
        "bug",
        "--parent",
        "WORK-002",
    ]);
    let long = "x".repeat(300);
    ws.ok(&["items", "create", &long]);
    ws.ok(&["items", "create", "Doing", "--priority", "critical"]);
    ws.ok(&["items", "claim", "WORK-007", "--as", "ana", "--lease", "1h"]);
    let server = Server::start(&ws);
    let url = format!("http://127.0.0.1:{}/", server.port);
    runtime().block_on(async {
        let browser = driver.browser().await;
        browser.goto(&url).await.expect("the board opens");
        until(&browser, "the cards", "return document.querySelectorAll('.card').length === 7").await;

        // The pending column in the order `items ready` picks work.
        let ready = ids(&ws.json(&["items", "ready", "--limit", "50"]));
        let shown = ids(&browser.execute(&column_ids("pending"), vec![]).await.unwrap());
        // The epic, waiting on its open child, is not ready, but stands where its priority puts it.
        let ready_shown: Vec<String> = shown.iter().filter(|id| ready.contains(id)).cloned().collect();
        assert_eq!(ready_shown, ready, "the pending column against items ready");
        assert_eq!(shown, ["WORK-002", "WORK-004", "WORK-003", "WORK-005", "WORK-006", "WORK-001"]);
        // ... or by id, as chosen, and the choice is kept across a reload.
        browser
            .execute(
                "const o = document.getElementById('order'); o.value = 'id'; o.dispatchEvent(new Event('change'));",
                vec![],
            )
            .await
            .unwrap();
        browser.refresh().await.unwrap();
        until(&browser, "the cards again", "return document.querySelectorAll('.card').length === 7").await;
        let by_id = ids(&browser.execute(&column_ids("pending"), vec![]).await.unwrap());
        assert_eq!(by_id, ["WORK-001", "WORK-002", "WORK-003", "WORK-004", "WORK-005", "WORK-006"]);

        // A card says its type, its parent (a link that opens it) and who holds it.
        let card = browser
            .execute("return document.querySelector('.card[data-id=\"WORK-005\"]').innerText", vec![])
            .await
            .unwrap();
        let card = card.as_str().unwrap().to_lowercase();
        assert!(card.contains("bug") && card.contains("↑ work-002"), "{card}");
        let held = browser
            .execute("return document.querySelector('.card[data-id=\"WORK-007\"] .claim').innerText", vec![])
            .await
            .unwrap();
        assert!(held.as_str().unwrap().starts_with("held by ana until"), "{held}");
        click(&browser, ".card[data-id=\"WORK-005\"] .parent").await;
        until(&browser, "the parent opened", "const h = document.querySelector('#detail.open h2'); return h && h.textContent.startsWith('WORK-002 ');").await;
        click(&browser, "#detail button").await;

        // A 300-character word stays inside its card, and the card inside its column.
        let inside = browser
            .execute(
                "const c = document.querySelector('.card[data-id=\"WORK-006\"]'); const t = c.querySelector('.title');
                 const col = c.closest('.column').getBoundingClientRect(), r = c.getBoundingClientRect(), tr = t.getBoundingClientRect();
                 return [r.left >= col.left - 0.5, r.right <= col.right + 0.5, tr.right <= r.right + 0.5, t.scrollWidth <= t.clientWidth + 1];",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(inside, json!([true, true, true, true]), "the long title's bounds");

        // Blocking asks why; thinking better of it writes nothing.
        let before = events_of(&ws, "WORK-007").len();
        drag(&browser, "WORK-007", "blocked").await;
        until(&browser, "the reason dialog", "return document.getElementById('reason-dialog').open").await;
        click(&browser, "#reason-cancel").await;
        until(&browser, "the dialog closed", "return !document.getElementById('reason-dialog').open").await;
        wait_in_column(&browser, "WORK-007", "in_progress").await;
        assert_eq!(events_of(&ws, "WORK-007").len(), before, "a cancelled dialog wrote");
        // Asked again, answered: the move and its reason are one write, in the log.
        drag(&browser, "WORK-007", "blocked").await;
        until(&browser, "the reason dialog", "return document.getElementById('reason-dialog').open").await;
        let area = browser.find(Locator::Id("reason-text")).await.unwrap();
        area.send_keys("waits for the vendor's fix").await.unwrap();
        click(&browser, "#reason-ok").await;
        wait_in_column(&browser, "WORK-007", "blocked").await;
        let change = events_of(&ws, "WORK-007")
            .into_iter()
            .rev()
            .find(|e| e["event_type"] == "StatusChanged")
            .expect("a status change");
        assert_eq!(change["payload"]["new_status"], "blocked", "{change}");
        assert_eq!(change["payload"]["reason"], "waits for the vendor's fix", "{change}");
        assert_eq!(ws.json(&["items", "show", "WORK-007"])["status"], "blocked");

        // Cancelling asks too (the reason is optional, and kept).
        drag(&browser, "WORK-001", "cancelled").await;
        until(&browser, "the reason dialog", "return document.getElementById('reason-dialog').open").await;
        let area = browser.find(Locator::Id("reason-text")).await.unwrap();
        area.send_keys("nobody needs it").await.unwrap();
        click(&browser, "#reason-ok").await;
        wait_in_column(&browser, "WORK-001", "cancelled").await;
        let shown = ws.json(&["items", "show", "WORK-001"]);
        assert_eq!(shown["status"], "cancelled", "{shown}");
        let cancelled = events_of(&ws, "WORK-001")
            .into_iter()
            .rev()
            .find(|e| e["event_type"] == "StatusChanged")
            .expect("a status change");
        assert_eq!(cancelled["payload"]["reason"], "nobody needs it", "{cancelled}");
        browser.close().await.expect("the browser closes");
    });
    drop(server);
}

/// Presses one key, as a person does, on whatever has the focus.
async fn press(browser: &Client, key: char) {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    browser.perform_actions(keys).await.expect("the key");
    browser.release_actions().await.expect("released");
}

async fn focused(browser: &Client) -> Value {
    browser
        .execute(
            "const a = document.activeElement; return a.id || a.dataset.id || a.tagName;",
            vec![],
        )
        .await
        .unwrap()
}

/// The types of the events one write of `id` made: its last correlation's.
fn last_write(ws: &Workspace, id: &str) -> Vec<String> {
    let events = events_of(ws, id);
    let last = events.last().expect("events")["metadata"]["correlation_id"].clone();
    events
        .iter()
        .filter(|e| e["metadata"]["correlation_id"] == last)
        .map(|e| e["event_type"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn the_detail_panel_edits_claims_releases_undoes_and_creates() {
    let Some(driver) = Driver::start() else { return };
    let ws = Workspace::new();
    ws.ok(&["items", "create", "The release", "--type", "epic"]);
    ws.ok(&["items", "create", "Task one"]);
    ws.ok(&["items", "create", "Task two", "--assignee", "bo"]);
    let server = Server::start(&ws);
    let url = format!("http://127.0.0.1:{}/", server.port);
    runtime().block_on(async {
        let browser = driver.browser().await;
        browser.goto(&url).await.expect("the board opens");
        until(&browser, "the cards", "return document.querySelectorAll('.card').length === 3").await;

        // Every field from the edit form, in one write.
        click(&browser, ".card[data-id=\"WORK-002\"] .title").await;
        until(&browser, "the edit form", "return document.querySelector('#edit') !== null").await;
        let offered = browser
            .execute("return [...document.querySelectorAll('#actors option')].map(o => o.value)", vec![])
            .await
            .unwrap();
        assert_eq!(offered, json!(["bo"]), "the known actors offered");
        browser
            .execute(
                "const set = (n, v) => { const e = document.getElementById('edit-' + n); e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); };
                 set('title', 'Task one, renamed'); set('type', 'bug'); set('priority', 'high'); set('assignee', 'bo');
                 set('labels', 'ui, urgent'); set('due', '2026-03-15'); set('parent', 'WORK-001'); set('description', 'Steps to reproduce');",
                vec![],
            )
            .await
            .unwrap();
        click(&browser, "#edit button").await;
        until(&browser, "saved", "return document.getElementById('message').textContent === 'saved WORK-002'").await;
        let item = ws.json(&["items", "show", "WORK-002"]);
        assert_eq!(
            (&item["title"], &item["type"], &item["priority"], &item["assignee"], &item["parent"], &item["description"]),
            (&json!("Task one, renamed"), &json!("bug"), &json!("high"), &json!("bo"), &json!("WORK-001"), &json!("Steps to reproduce")),
            "{item}"
        );
        assert_eq!(item["labels"], json!(["ui", "urgent"]));
        assert!(item["due"].as_str().unwrap().starts_with("2026-03-15"), "{item}");
        let mut made = last_write(&ws, "WORK-002");
        made.sort();
        assert_eq!(
            made,
            ["AssigneeChanged", "DescriptionChanged", "DueDateChanged", "LabelAdded", "LabelAdded", "ParentChanged", "PriorityChanged", "TitleChanged", "TypeChanged"],
            "one write"
        );
        // A label taken off, and the due date cleared.
        until(&browser, "the form again", "const e = document.getElementById('edit-labels'); return e && e.value === 'ui, urgent';").await;
        browser
            .execute(
                "const set = (n, v) => { const e = document.getElementById('edit-' + n); e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); };
                 set('labels', 'ui'); set('due', '');",
                vec![],
            )
            .await
            .unwrap();
        click(&browser, "#edit button").await;
        until(&browser, "the label gone", "const e = document.getElementById('edit-labels'); return e && e.value === 'ui' && !document.querySelector('#edit[data-dirty]');").await;
        let mut made = last_write(&ws, "WORK-002");
        made.sort();
        assert_eq!(made, ["DueDateChanged", "LabelRemoved"]);
        assert_eq!(ws.json(&["items", "show", "WORK-002"]).get("due"), None, "the due date cleared");
        click(&browser, "#detail button").await;

        // Claim and release from the panel, then undo the release.
        click(&browser, ".card[data-id=\"WORK-003\"] .title").await;
        until(&browser, "WORK-003's claim button", "const h = document.querySelector('#detail.open h2'); return h && h.textContent.startsWith('WORK-003 ') && document.querySelector('#claim') !== null;").await;
        // Typed and pressed in one step: the live board may redraw the panel between two.
        browser
            .execute("document.getElementById('claim-lease').value = '30m'; document.getElementById('claim').click();", vec![])
            .await
            .unwrap();
        wait_in_column(&browser, "WORK-003", "in_progress").await;
        assert_eq!(last_write(&ws, "WORK-003"), ["WorkItemClaimed"]);
        assert_eq!(ws.json(&["items", "show", "WORK-003"])["claim"]["lease_seconds"], 1800);
        click(&browser, "#release").await;
        wait_in_column(&browser, "WORK-003", "pending").await;
        assert_eq!(last_write(&ws, "WORK-003"), ["WorkItemReleased"]);
        click(&browser, "#undo").await;
        wait_in_column(&browser, "WORK-003", "in_progress").await;
        until(&browser, "the undo said", "return document.getElementById('message').textContent.startsWith('undid ')").await;
        assert_eq!(ws.json(&["items", "show", "WORK-003"])["status"], "in_progress");

        // Delete from the panel, asked first; undo brings the item back.
        click(&browser, "#detail button").await;
        click(&browser, ".card[data-id=\"WORK-002\"] .title").await;
        until(&browser, "WORK-002's delete button", "const h = document.querySelector('#detail.open h2'); return h && h.textContent.startsWith('WORK-002 ') && document.querySelector('#delete') !== null;").await;
        click(&browser, "#delete").await;
        until(&browser, "the delete dialog", "return document.getElementById('reason-dialog').open").await;
        click(&browser, "#reason-ok").await;
        until(&browser, "the card gone", "return document.querySelector('.card[data-id=\"WORK-002\"]') === null").await;
        assert_eq!(ws.json(&["items", "show", "WORK-002"])["status"], "deleted");
        click(&browser, "#undo").await;
        until(&browser, "the card back", "return document.querySelector('.card[data-id=\"WORK-002\"]') !== null").await;
        assert_eq!(ws.json(&["items", "show", "WORK-002"])["status"], "pending");

        // The keyboard: Escape closes the panel, j and k walk the cards, Enter opens one,
        // / goes to search and n to a new item.
        browser.execute("document.activeElement.blur()", vec![]).await.unwrap();
        press(&browser, Key::Escape.into()).await;
        until(&browser, "the panel closed", "return !document.getElementById('detail').classList.contains('open')").await;
        browser.execute("document.querySelector('.column[data-status=\"pending\"] .card').focus()", vec![]).await.unwrap();
        let first = focused(&browser).await;
        press(&browser, 'j').await;
        let second = focused(&browser).await;
        assert_ne!(first, second, "j moves to the next card");
        press(&browser, 'k').await;
        assert_eq!(focused(&browser).await, first, "k moves back");
        // Another process writes: the live redraw keeps the focus where it was.
        let before = browser
            .execute("return document.querySelector('.card[data-id=\"WORK-001\"]').dataset.version", vec![])
            .await
            .unwrap();
        ws.ok(&["items", "priority", "WORK-001", "low"]);
        let redrawn = format!(
            "const c = document.querySelector('.card[data-id=\"WORK-001\"]'); return c !== null && c.dataset.version !== {before};"
        );
        until(&browser, "the live redraw", &redrawn).await;
        assert_eq!(focused(&browser).await, first, "a redraw keeps the focus");
        press(&browser, Key::Enter.into()).await;
        until(&browser, "the card opened", "const h = document.querySelector('#detail.open h2'); return h && h.textContent.startsWith(document.activeElement.dataset.id || 'WORK');").await;
        press(&browser, Key::Escape.into()).await;
        until(&browser, "the panel closed", "return !document.getElementById('detail').classList.contains('open')").await;
        press(&browser, '/').await;
        assert_eq!(focused(&browser).await, json!("search"));
        browser.execute("document.activeElement.blur()", vec![]).await.unwrap();
        press(&browser, 'n').await;
        assert_eq!(focused(&browser).await, json!("title"));

        // Create with type, priority, labels and parent.
        browser.find(Locator::Id("title")).await.unwrap().send_keys("Crash on save").await.unwrap();
        browser
            .execute(
                "document.getElementById('new-type').value = 'bug'; document.getElementById('new-priority').value = 'critical';
                 document.getElementById('new-labels').value = 'crash, ui'; document.getElementById('new-parent').value = 'WORK-001';",
                vec![],
            )
            .await
            .unwrap();
        click(&browser, "#create button").await;
        until(&browser, "the new card", "return document.querySelector('.card[data-id=\"WORK-004\"]') !== null").await;
        let made = ws.json(&["items", "show", "WORK-004"]);
        assert_eq!(
            (&made["title"], &made["type"], &made["priority"], &made["labels"], &made["parent"]),
            (&json!("Crash on save"), &json!("bug"), &json!("critical"), &json!(["crash", "ui"]), &json!("WORK-001")),
            "{made}"
        );
        browser.close().await.expect("the browser closes");
    });
    drop(server);
}

/// axe-core (npm: axe-core), run inside chromium on the board with a card's panel open and
/// the charts shown: no serious or critical violation. `.ci/run` fetches it and names it in
/// JERRY_AXE; the page itself ships no third-party code.
#[test]
fn the_board_passes_an_accessibility_check() {
    let Some(driver) = Driver::start() else { return };
    let Some(axe) = std::env::var_os("JERRY_AXE") else {
        common::skip("JERRY_AXE names no axe.min.js (npm pack axe-core; .ci/run fetches it)");
        return;
    };
    let axe = std::fs::read_to_string(&axe).expect("axe.min.js reads");
    let ws = Workspace::new();
    ws.ok(&[
        "items",
        "create",
        "The release",
        "--type",
        "epic",
        "--priority",
        "high",
    ]);
    ws.ok(&[
        "items",
        "create",
        "Task one",
        "--parent",
        "WORK-001",
        "--due",
        "2026-02-01",
    ]);
    ws.ok(&["items", "create", "Task two", "--assignee", "bo"]);
    ws.ok(&["items", "claim", "WORK-003", "--as", "bo", "--lease", "1h"]);
    ws.ok(&["items", "label", "WORK-002", "--add", "ui"]);
    ws.ok(&["items", "comment", "WORK-002", "Looks fine"]);
    let server = Server::start(&ws);
    let url = format!("http://127.0.0.1:{}/", server.port);
    runtime().block_on(async {
        let browser = driver.browser().await;
        browser.goto(&url).await.expect("the board opens");
        until(
            &browser,
            "the cards",
            "return document.querySelectorAll('.card').length === 3",
        )
        .await;
        click(&browser, "#charts-toggle").await;
        until(
            &browser,
            "the charts",
            "return document.querySelectorAll('#cfd polygon').length > 0",
        )
        .await;
        click(&browser, ".card[data-id=\"WORK-002\"] .title").await;
        until(
            &browser,
            "the panel",
            "return document.querySelector('#edit') !== null",
        )
        .await;
        browser.execute(&axe, vec![]).await.expect("axe loads");
        let found = browser
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                     nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))))
                   .catch(e => done([{ id: 'axe-failed', impact: 'critical', help: String(e) }]));",
                vec![],
            )
            .await
            .expect("axe runs");
        let serious: Vec<&Value> = found
            .as_array()
            .expect("the violations")
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        assert!(
            serious.is_empty(),
            "serious accessibility violations: {serious:#?}"
        );
        browser.close().await.expect("the browser closes");
    });
    drop(server);
}

/// The charts on day one and in a narrow window: the flow spans a week, no two labels run
/// into one another, and each chart has its numbers as a table.
#[test]
fn the_charts_read_well_on_day_one_and_have_tables() {
    let Some(driver) = Driver::start() else { return };
    let ws = Workspace::new();
    for n in 0..5 {
        ws.ok(&["items", "create", &format!("task {n}")]);
    }
    ws.ok(&["items", "start", "WORK-001"]);
    ws.ok(&["items", "complete", "WORK-001"]);
    ws.ok(&["items", "start", "WORK-002"]);
    ws.ok(&["items", "complete", "WORK-002"]);
    ws.ok(&["items", "start", "WORK-003"]);
    let server = Server::start(&ws);
    let url = format!("http://127.0.0.1:{}/", server.port);
    runtime().block_on(async {
        let browser = driver.browser().await;
        browser.set_window_size(560, 900).await.expect("a narrow window");
        browser.goto(&url).await.expect("the board opens");
        until(&browser, "the cards", "return document.querySelectorAll('.card').length === 5").await;
        click(&browser, "#charts-toggle").await;
        until(&browser, "the charts", "return document.querySelectorAll('#cfd polygon').length === 5 && document.querySelectorAll('#cycle circle').length === 2").await;
        assert_eq!(
            browser.execute("return document.getElementById('cfd').dataset.days", vec![]).await.unwrap(),
            json!("7"),
            "a week, not a sliver"
        );
        // Every label of both charts, pairwise: none overlaps another.
        let overlaps = overlapping_labels(&browser).await;
        assert_eq!(overlaps, json!([]), "overlapping labels");
        let ticks = browser
            .execute("return document.querySelectorAll('#cfd text.tick').length", vec![])
            .await
            .unwrap();
        assert!(ticks.as_u64().unwrap() >= 2, "the days along the axis: {ticks}");
        // The text fallback: the numbers of both charts as tables.
        let flow = browser
            .execute("return [...document.querySelectorAll('#cfd-table tr')].map(r => [...r.cells].map(c => c.textContent))", vec![])
            .await
            .unwrap();
        let flow = flow.as_array().unwrap();
        assert_eq!(flow[0], json!(["day", "done", "cancelled", "blocked", "in progress", "pending"]));
        assert_eq!(flow.last().unwrap().as_array().unwrap()[1..], [json!("2"), json!("0"), json!("0"), json!("1"), json!("2")]);
        let cycles = browser
            .execute("return [...document.querySelectorAll('#cycle-table tr')].map(r => r.cells[0].textContent)", vec![])
            .await
            .unwrap();
        assert_eq!(cycles, json!(["item", "WORK-002", "WORK-001"]));
        browser.close().await.expect("the browser closes");
    });
    drop(server);
}
