//! `jerry mcp` end to end: the official Python SDK's stdio client calls every tool
//! (tests/mcp/client.py), rmcp's own client lists and calls them from Rust, and raw
//! JSON-RPC lines show that malformed requests get errors while the server keeps serving.
//! Writes made over MCP are seen at once by `jerry items list` and by an `events follow`
//! running in another process.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use common::{skip, Workspace};
use rmcp::model::CallToolRequestParams;
use rmcp::transport::TokioChildProcess;
use rmcp::ServiceExt;
use serde_json::{json, Value};

/// Whether this machine has Python with the `mcp` package (`.ci/run` installs it).
fn python_sdk() -> bool {
    Command::new("python3")
        .args(["-c", "import mcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

#[test]
fn the_python_sdk_client_calls_every_tool() {
    python_client_session(Workspace::new());
}

#[test]
fn the_python_sdk_client_calls_every_tool_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    python_client_session(Workspace::with_store(&format!(
        "sqlite:{}",
        dir.path().join("jerry.db").display()
    )));
}

/// On PostgreSQL every tool once answered "the tool panicked": the database client's own
/// runtime cannot start inside the server's.
#[test]
fn the_python_sdk_client_calls_every_tool_on_postgres() {
    let Some(url) = common::postgres_database() else {
        return;
    };
    let ws = Workspace::with_store(&url);
    ws.ok(&["store", "init"]);
    python_client_session(ws);
}

fn python_client_session(w: Workspace) {
    if !python_sdk() {
        return skip("python3 with the mcp package is missing (pip install mcp)");
    }
    w.ok(&["init"]);
    // Another process follows the log while the MCP client writes.
    let mut follow = w
        .command()
        .args(["events", "follow", "--from-start", "--format", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("events follow");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/mcp/client.py");
    let out = w
        .shell(&format!("exec timeout 120 python3 '{script}' \"$0\" \"$PWD\""))
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the Python client failed (exit {:?}; 124 is the 120 s timeout): {stderr}",
        out.status.code()
    );
    let summary: Value = serde_json::from_slice(&out.stdout).expect("the client's summary");
    let chars = summary["tools_list_chars"].as_u64().expect("a size");
    assert!(
        chars <= 6_000,
        "tools/list is {chars} characters, over 6,000 (about 1,500 tokens)"
    );
    // A refusal reads as the command line's, the argument named as the tool names it.
    let cli_error = |args: &[&str]| {
        let out = w.run(args);
        assert!(!out.status.success(), "{args:?} was accepted");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let first = stderr.lines().next().unwrap_or_default();
        first.strip_prefix("error: ").unwrap_or(first).to_owned()
    };
    let errors = &summary["errors"];
    assert_eq!(
        errors["bad_priority"].as_str().map(str::to_owned),
        Some(cli_error(&["items", "priority", "1", "urgent"]).replace("'<PRIORITY>'", "'priority'"))
    );
    assert_eq!(
        errors["bad_status"].as_str().map(str::to_owned),
        Some(cli_error(&["items", "list", "--status", "opne"]).replace("'--status <STATUS>'", "'status'"))
    );
    let labelled = summary["labelled"].as_str().expect("an id");
    assert_eq!(
        errors["no_conflict"].as_str().map(str::to_owned),
        Some(cli_error(&["items", "resolve", labelled, "--keep"]))
    );
    let head = summary["head"].as_u64().expect("the head position");
    // What the client wrote is what the command line reads.
    let items = w.json(&["items", "list", "--all"]);
    assert_eq!(items[0]["status"], "done");
    assert_eq!(items[0]["assignee"], "python-e2e");
    assert_eq!(items[0]["labels"], json!(["parser"]));
    assert_eq!(w.json(&["store", "info"])["events"], head);
    // ... and what the follower saw, line by line, up to the last write (read on a thread,
    // so a follower that stalls fails the test after a while instead of hanging it).
    let lines = BufReader::new(follow.stdout.take().expect("piped"));
    let (positions, seen) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.lines().map_while(Result::ok) {
            let event: Value = serde_json::from_str(&line).expect("an event");
            if positions
                .send(event["position"].as_u64().expect("a position"))
                .is_err()
            {
                break;
            }
        }
    });
    let mut last = 0;
    while last < head {
        match seen.recv_timeout(std::time::Duration::from_secs(30)) {
            Ok(position) => {
                assert_eq!(position, last + 1, "follow prints every position once, in order");
                last = position;
            }
            Err(_) => break,
        }
    }
    let _ = follow.kill();
    let _ = follow.wait();
    assert_eq!(last, head, "events follow saw every MCP write");
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// The text a tool answered, as JSON, and whether it was a tool error.
fn answer(result: &rmcp::model::CallToolResult) -> (Value, bool) {
    let text = result
        .content
        .first()
        .and_then(|block| block.as_text())
        .map(|text| text.text.clone())
        .expect("a text answer");
    (
        serde_json::from_str(&text).expect("JSON"),
        result.is_error == Some(true),
    )
}

fn arguments(value: Value) -> serde_json::Map<String, Value> {
    value.as_object().cloned().expect("an object")
}

#[test]
fn the_rmcp_client_lists_the_tools_and_claims_with_an_explicit_actor() {
    let w = Workspace::new();
    w.ok(&["items", "create", "one", "--priority", "high"]);
    w.ok(&["items", "create", "two"]);
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_jerry"));
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args([
            "--root",
            &w.path().display().to_string(),
            "--actor",
            "agent-7",
            "mcp",
        ])
        .stderr(Stdio::null());
    let cli = &w;
    runtime().block_on(async move {
        let transport = TokioChildProcess::new(command).expect("jerry mcp starts");
        let client = ().serve(transport).await.expect("the handshake");
        let tools = client.list_all_tools().await.expect("tools/list");
        let mut names: Vec<String> = tools.iter().map(|tool| tool.name.to_string()).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "claim",
                "comment",
                "create",
                "depend",
                "events_since",
                "list",
                "prime",
                "ready",
                "release",
                "resolve",
                "show",
                "undo",
                "update",
            ]
        );
        let call = |name: &'static str, args: Value| {
            let client = &client;
            async move {
                let result = client
                    .call_tool(CallToolRequestParams::new(name).with_arguments(arguments(args)))
                    .await
                    .expect("a tool answer");
                answer(&result)
            }
        };
        let (ready, _) = call("ready", json!({"limit": 1})).await;
        assert_eq!(ready["items"][0]["id"], "WORK-001");
        assert_eq!(ready["total"], 2);
        let (claimed, failed) = call("claim", json!({"lease": "10m"})).await;
        assert!(!failed, "{claimed}");
        assert_eq!(
            (claimed["id"].as_str(), claimed["assignee"].as_str()),
            (Some("WORK-001"), Some("agent-7"))
        );
        let (held, failed) = call("claim", json!({"id": "1", "idempotency_key": "x"})).await;
        assert!(!failed, "the holder renews: {held}");
        // The server keeps its read model in memory: a write by another process shows at once.
        cli.ok(&["items", "create", "three"]);
        let (listed, _) = call("list", json!({"fields": ["id"]})).await;
        assert_eq!(listed["total"], 3, "{listed}");
        // One clone alone has no conflicts: the filter keeps nothing (tests/sync.rs has some).
        let (conflicted, failed) = call("list", json!({"conflicts": true})).await;
        assert!(!failed, "{conflicted}");
        assert_eq!(conflicted["total"], 0, "{conflicted}");
        cli.ok(&["items", "cancel", "2"]);
        let (ready, _) = call("ready", json!({"fields": ["id"]})).await;
        assert_eq!(ready["items"], json!([{"id": "WORK-003"}]));
        let (bad, failed) = call("ready", json!({"type": ["storyy"]})).await;
        assert!(failed);
        assert_eq!(bad["error"]["kind"], "invalid_input", "{bad}");
        let (bad, failed) = call("list", json!({"fields": ["id", "nope"]})).await;
        assert!(
            failed
                && bad["error"]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("unknown field 'nope'"))
        );
        client.cancel().await.expect("a clean close");
    });
    let shown = w.json(&["items", "show", "1"]);
    assert_eq!(shown["claim"]["holder"], "agent-7");
}

/// Lines a client could send by mistake: each gets an error with the request's id (a line
/// that is not JSON at all gets a parse error with id null, as JSON-RPC 2.0 says), and the
/// server answers the next request as if nothing happened. rmcp alone answered params that
/// are no object without an id, so a client waited for its answer forever.
#[test]
fn malformed_requests_get_errors_and_the_server_keeps_serving() {
    let w = Workspace::new();
    w.ok(&["items", "create", "one"]);
    let lines = [
        "{not json",
        r#"{"jsonrpc":"2.0","id":8,"method":42}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"show","arguments":{"id":"1","bogus":true}}}"#,
        r#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}"#,
        r#"{"jsonrpc":"2.0","id":4,"method":"no/such/method"}"#,
        r#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"show","arguments":{"id":"WORK-999"}}}"#,
        r#"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"create","arguments":{"title":""}}}"#,
        r#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"list","arguments":{"fields":["id","status"]}}}"#,
        r#"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"list","arguments":{"limit":0}}}"#,
        r#"{"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"events_since","arguments":{"after":0,"limit":0}}}"#,
        r#"{"jsonrpc":"2.0","id":12,"method":"tools/call","params":"oops"}"#,
        r#"{"jsonrpc":"2.0","id":"thirteen","method":"tools/list","params":[1,2]}"#,
        r#"{"jsonrpc":"2.0","id":14,"method":"tools/call","params":{}}"#,
    ];
    // An argument of a megabyte, which the error must not echo back whole.
    let huge = format!(
        r#"{{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{{"name":"show","arguments":{{"id":"{}"}}}}}}"#,
        "x".repeat(1 << 20)
    );
    let calls: Vec<&str> = lines.iter().copied().chain([huge.as_str()]).collect();
    let replies = raw_session(&w, &calls);
    let reply = |id: u64| {
        replies
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no reply to {id}: {replies:?}"))
    };
    assert_eq!(reply(1)["result"]["serverInfo"]["name"], "jerry");
    assert!(
        replies
            .iter()
            .any(|r| r["id"].is_null() && r["error"]["code"] == -32700),
        "a line that is not JSON: {replies:?}"
    );
    assert_eq!(reply(8)["error"]["code"], -32600, "JSON that is no request");
    for id in [json!(12), json!("thirteen"), json!(14)] {
        let answer = replies.iter().find(|r| r["id"] == id);
        let code = answer.map(|r| r["error"]["code"].clone());
        assert_eq!(
            code,
            Some(json!(-32602)),
            "params that are no request's: {replies:?}"
        );
    }
    assert_eq!(reply(2)["result"]["isError"], true, "unknown argument");
    let unknown = reply(2)["result"]["content"][0]["text"]
        .as_str()
        .expect("text")
        .to_owned();
    let unknown: Value = serde_json::from_str(&unknown).expect("jerry's error object");
    assert_eq!(unknown["error"]["kind"], "usage", "{unknown}");
    assert_eq!(reply(3)["error"]["code"], -32602, "unknown tool");
    assert_eq!(reply(4)["error"]["code"], -32601, "unknown method");
    let tool_error = |id: u64| -> Value {
        let text = reply(id)["result"]["content"][0]["text"]
            .as_str()
            .expect("text")
            .to_owned();
        serde_json::from_str(&text).expect("a JSON error")
    };
    assert_eq!(tool_error(5)["error"]["kind"], "not_found");
    assert_eq!(tool_error(6)["error"]["message"], "the title must not be empty");
    let shown = reply(7)["result"]["content"][0]["text"].as_str().expect("text");
    assert_eq!(
        shown,
        r#"{"items":[{"id":"WORK-001","status":"pending"}],"total":1}"#
    );
    // A page of nothing would answer "more" forever: limit is at least 1, as in the CLI.
    for id in [9, 10] {
        assert_eq!(reply(id)["result"]["isError"], true, "limit 0: {}", reply(id));
        assert!(tool_error(id)["error"]["message"]
            .as_str()
            .unwrap()
            .contains("at least 1"));
    }
    let huge = reply(11)["result"]["content"][0]["text"]
        .as_str()
        .expect("text")
        .len();
    assert!(huge < 1_000, "the error echoed {huge} bytes");
    assert_eq!(w.lines("WORK-001").len(), 1, "nothing was written");
}

/// A file damaged outside jerry: the tools answer past it, and say so in a second block
/// naming the item, as the CLI says it on stderr.
#[test]
fn damage_a_tool_read_past_is_said_with_its_answer() {
    let w = Workspace::new();
    w.ok(&["items", "create", "one"]);
    w.ok(&["items", "comment", "1", "note"]);
    w.ok(&["items", "create", "two"]);
    let stream = w.stream_file("WORK-001");
    let text = std::fs::read_to_string(&stream).unwrap();
    let kept: Vec<&str> = text.lines().take(1).collect();
    std::fs::write(&stream, format!("{}\n", kept.join("\n"))).unwrap();
    let lines = [
        r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"events_since","arguments":{"after":0}}}"#,
    ];
    let reply = raw_session(&w, &lines)
        .into_iter()
        .find(|r| r["id"] == 2)
        .expect("a reply to the call");
    assert_eq!(reply["result"]["isError"], false, "{reply}");
    let answer: Value =
        serde_json::from_str(reply["result"]["content"][0]["text"].as_str().unwrap()).unwrap();
    assert_eq!(
        answer["events"].as_array().map(Vec::len),
        Some(2),
        "the undamaged events: {answer}"
    );
    let warning: Value = serde_json::from_str(
        reply["result"]["content"][1]["text"]
            .as_str()
            .expect("a second block with the warning"),
    )
    .unwrap();
    assert!(
        warning["warnings"][0].as_str().unwrap().contains("WORK-001"),
        "{warning}"
    );
}

/// An agent settles a conflict with the `resolve` tool (keep or take), as `items resolve`.
#[test]
fn the_resolve_tool_settles_a_conflict() {
    let w = Workspace::new();
    w.ok(&["items", "create", "Shared"]);
    w.ok(&["items", "create", "Calm"]);
    w.ok(&["items", "edit", "1", "--title", "From A"]);
    // Another clone's title change, decided on the old title, arrives as sync would bring it.
    let export = w.ok(&["events", "export", "--format", "jsonl"]);
    let last: Value = serde_json::from_str(export.lines().last().unwrap()).unwrap();
    let line = json!({
        "event_id": "01JH0000000000000000000009",
        "aggregate_type": "work_item",
        "aggregate_id": "WORK-001",
        "event_type": "TitleChanged",
        "version": 3,
        "position": last["position"].as_u64().unwrap() + 1,
        "schema_version": 1,
        "timestamp": last["timestamp"],
        "payload": {"old_title": "Shared", "new_title": "From B"},
        "metadata": {"actor": "bob", "correlation_id": "01JH0000000000000000000010"},
    });
    let file = w.path().join("other.jsonl");
    std::fs::write(&file, format!("{line}\n")).unwrap();
    w.ok(&["events", "import", file.to_str().unwrap()]);
    assert_eq!(
        w.json(&["items", "show", "1"])["conflicts"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let lines = [
        r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"resolve","arguments":{"id":"2","decision":"keep"}}}"#,
        r#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"resolve","arguments":{"id":"1","decision":"maybe"}}}"#,
        r#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"resolve","arguments":{"id":"1","decision":"take"}}}"#,
        r#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"update","arguments":{"id":"1","priority":"high"}}}"#,
    ];
    let replies = raw_session(&w, &lines);
    let text = |id: u64| -> Value {
        let reply = replies.iter().find(|r| r["id"] == id).expect("a reply");
        serde_json::from_str(reply["result"]["content"][0]["text"].as_str().unwrap()).unwrap()
    };
    assert!(text(2)["error"]["message"]
        .as_str()
        .unwrap()
        .contains("no open conflict"));
    assert!(text(3)["error"]["message"]
        .as_str()
        .unwrap()
        .contains("invalid value 'maybe' for 'decision': expected one of keep, take"));
    let shown = w.json(&["items", "show", "1"]);
    assert_eq!(shown["title"], "From B", "{shown}");
    assert_eq!(shown["priority"], "high");
    assert_eq!(shown.get("conflicts"), None, "{shown}");
    assert_eq!(shown["resolved_conflicts"][0]["resolved"]["resolution"], "take");
}

/// One `jerry mcp` over raw JSON-RPC lines: the handshake, then `calls`, then end of input.
/// The server must end cleanly; its replies, in the order it wrote them.
fn raw_session(w: &Workspace, calls: &[&str]) -> Vec<Value> {
    let mut server = w
        .command()
        .arg("mcp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("jerry mcp");
    let handshake = [
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"#,
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
    ];
    let mut stdin = server.stdin.take().expect("piped");
    for line in handshake.iter().chain(calls) {
        writeln!(stdin, "{line}").expect("the server reads");
    }
    drop(stdin);
    let out = server
        .wait_with_output()
        .expect("the server ends at end of input");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON-RPC"))
        .collect()
}
