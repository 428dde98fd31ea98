//! The stdio lines under rmcp, checked for the JSON-RPC shape first.
//!
//! rmcp answers a request it cannot decode (`params` a string, a number or an array; a
//! `tools/call` without a tool name) with an error that carries no `id`, or with "method
//! not found": a client waiting for its id waits forever. So each line from stdin is looked
//! at before rmcp gets it, and a request whose shape is wrong is answered here, with its
//! id and JSON-RPC's own code. rmcp's answers and these share one writer, a whole line
//! at a time, so they never interleave.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;

/// Room for the lines rmcp reads and writes between the pumps (a line may be larger:
/// the pipes only bound what waits in them).
const PIPE: usize = 64 * 1024;

/// The two ends rmcp is served on, and the work that moves lines between them and stdio.
pub struct Framed {
    pub transport: (DuplexStream, DuplexStream),
    pub pumps: Pumps,
}

pub struct Pumps {
    from_stdin: tokio::task::JoinHandle<()>,
    to_stdout: tokio::task::JoinHandle<()>,
    from_server: tokio::task::JoinHandle<()>,
}

impl Pumps {
    /// After rmcp stopped: stop reading, and let every answer already made reach stdout.
    pub async fn finish(self) {
        self.from_stdin.abort();
        let _ = self.from_stdin.await;
        let _ = self.from_server.await;
        let _ = self.to_stdout.await;
    }
}

/// Starts the pumps on the current runtime.
pub fn stdio() -> Framed {
    let (server_in, mut feed) = tokio::io::duplex(PIPE);
    let (server_out, answers) = tokio::io::duplex(PIPE);
    let (lines, mut outgoing) = mpsc::unbounded_channel::<Vec<u8>>();
    let to_stdout = tokio::spawn(async move {
        let mut stdout = tokio::io::stdout();
        while let Some(line) = outgoing.recv().await {
            if stdout.write_all(&line).await.is_err() || stdout.flush().await.is_err() {
                break;
            }
        }
    });
    let from_server = {
        let lines = lines.clone();
        tokio::spawn(async move {
            let mut answers = BufReader::new(answers);
            loop {
                let mut line = Vec::new();
                match answers.read_until(b'\n', &mut line).await {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if lines.send(line).is_err() {
                            break;
                        }
                    }
                }
            }
        })
    };
    let from_stdin = tokio::spawn(async move {
        let mut stdin = BufReader::new(tokio::io::stdin());
        loop {
            let mut line = Vec::new();
            match stdin.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            if let Some(answer) = refusal(&line) {
                let mut answer = answer.to_string().into_bytes();
                answer.push(b'\n');
                if lines.send(answer).is_err() {
                    break;
                }
                continue;
            }
            if !line.ends_with(b"\n") {
                line.push(b'\n');
            }
            if feed.write_all(&line).await.is_err() {
                break;
            }
        }
        // Dropping the feed tells rmcp the client hung up.
        let _ = feed.shutdown().await;
    });
    Framed {
        transport: (server_in, server_out),
        pumps: Pumps {
            from_stdin,
            to_stdout,
            from_server,
        },
    }
}

/// The error to answer `line` with, when it is a request rmcp would answer without its id
/// (or not at all); `None` for everything rmcp handles itself.
pub fn refusal(line: &[u8]) -> Option<Value> {
    let text = line.trim_ascii();
    if text.is_empty() {
        return None;
    }
    let Ok(message) = serde_json::from_slice::<Value>(text) else {
        return Some(error(Value::Null, -32700, "parse error: the line is not JSON"));
    };
    let object = message.as_object()?;
    let id = object
        .get("id")
        .filter(|id| id.is_string() || id.is_number())?
        .clone();
    if object.contains_key("result") || object.contains_key("error") {
        return None;
    }
    let Some(method) = object.get("method").and_then(Value::as_str) else {
        return Some(error(id, -32600, "invalid request: the method must be a string"));
    };
    let params = object.get("params");
    if params.is_some_and(|params| !params.is_object()) {
        let message = format!("invalid params: {method} takes an object as its params");
        return Some(error(id, -32602, &message));
    }
    let named = params
        .and_then(|params| params.get("name"))
        .is_some_and(Value::is_string);
    if method == "tools/call" && !named {
        return Some(error(
            id,
            -32602,
            "invalid params: tools/call needs the tool's name",
        ));
    }
    None
}

fn error(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

#[cfg(test)]
mod tests {
    use super::refusal;

    #[test]
    fn requests_rmcp_cannot_decode_are_answered_with_their_id() {
        let answer =
            refusal(br#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":"oops"}"#).expect("refused");
        assert_eq!(answer["id"], 7);
        assert_eq!(answer["error"]["code"], -32602);
        let answer =
            refusal(br#"{"jsonrpc":"2.0","id":"a","method":"tools/list","params":[1]}"#).expect("refused");
        assert_eq!(answer["id"], "a");
        let answer =
            refusal(br#"{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{}}"#).expect("refused");
        assert_eq!(
            answer["error"]["message"],
            "invalid params: tools/call needs the tool's name"
        );
        let answer = refusal(b"{not json").expect("refused");
        assert!(answer["id"].is_null());
        assert_eq!(answer["error"]["code"], -32700);
        let answer = refusal(br#"{"jsonrpc":"2.0","id":9,"method":42}"#).expect("refused");
        assert_eq!(
            (answer["id"].as_u64(), answer["error"]["code"].as_i64()),
            (Some(9), Some(-32600))
        );
    }

    #[test]
    fn well_formed_messages_and_notifications_go_to_rmcp() {
        for line in [
            &br#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list"}}"#[..],
            br#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
            br#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            br#"{"jsonrpc":"2.0","id":3,"result":{}}"#,
            b"   \n",
        ] {
            assert_eq!(refusal(line), None, "{}", String::from_utf8_lossy(line));
        }
    }
}
