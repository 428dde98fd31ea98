//! The entries `jerry setup` owns in an agent host's files, put in and taken out as
//! structured edits of the file's JSON or TOML: everything else in the file stays.
//!
//! An entry is jerry's when it is the MCP server named `jerry`, or a hook whose command
//! runs a program named `jerry…` with `prime` (so a moved workspace or binary updates the
//! entry in place instead of adding a second one).

use serde_json::{json, Map, Value};

/// What the host is to run: the MCP server and the hook command line.
#[derive(Debug, Clone)]
pub struct Entries {
    pub program: String,
    pub mcp_args: Vec<String>,
    /// The hook's command line, quoted for the host's shell.
    pub prime: String,
}

/// The session events whose hooks run `jerry prime`: a new, resumed or cleared session, and
/// just before the context is compacted.
pub const HOOK_EVENTS: [&str; 2] = ["SessionStart", "PreCompact"];

/// One host file's part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `{"mcpServers": {"jerry": {...}}}`: Claude Code's `.mcp.json`, and most hosts'.
    McpJson,
    /// `{"hooks": {"SessionStart": [{"hooks": [{"type": "command", ...}]}]}}`: Claude
    /// Code's `.claude/settings.json` and Codex's `.codex/hooks.json`.
    HooksJson,
    /// `[mcp_servers.jerry]` and `[features] codex_hooks = true` in Codex's `config.toml`.
    CodexToml,
}

impl Part {
    /// What the part is, in a few words for the report.
    pub fn describe(self) -> &'static str {
        match self {
            Part::McpJson => "mcpServers.jerry runs `jerry mcp`",
            Part::HooksJson => "hooks SessionStart and PreCompact run `jerry prime`",
            Part::CodexToml => "[mcp_servers.jerry] runs `jerry mcp`; [features] codex_hooks = true",
        }
    }

    /// The file's text with jerry's entries in (`text` is `None` for a file not there).
    pub fn install(self, text: Option<&str>, entries: &Entries) -> Result<String, String> {
        match self {
            Part::McpJson => edit_json(text, |root| with_server(root, entries)),
            Part::HooksJson => edit_json(text, |root| with_hooks(root, &entries.prime)),
            Part::CodexToml => toml_with_server(text, entries),
        }
    }

    /// The file's text with jerry's entries out; `None` when nothing else is left in it.
    pub fn remove(self, text: &str) -> Result<Option<String>, String> {
        let original = text;
        let text = match self {
            Part::McpJson => edit_json(Some(text), without_server)?,
            Part::HooksJson => edit_json(Some(text), without_hooks)?,
            Part::CodexToml => toml_without_server(text)?,
        };
        let empty = text != original && matches!(text.trim(), "" | "{}");
        Ok((!empty).then_some(text))
    }
}

/// The MCP server entry, as every JSON host spells it.
pub fn server(entries: &Entries) -> Value {
    json!({"command": entries.program, "args": entries.mcp_args})
}

/// Parses `text` (an empty object when absent), edits it, and writes it back as two-space
/// indented JSON, the layout the hosts write themselves; text the edit leaves as it was
/// comes back unchanged, byte for byte.
fn edit_json(text: Option<&str>, edit: impl FnOnce(&mut Map<String, Value>)) -> Result<String, String> {
    let mut root: Value = match text {
        Some(text) if !text.trim().is_empty() => {
            serde_json::from_str(text).map_err(|err| format!("is not JSON ({err})"))?
        }
        _ => Value::Object(Map::new()),
    };
    let Value::Object(map) = &mut root else {
        return Err("is JSON but not an object".to_owned());
    };
    let unedited = map.clone();
    edit(map);
    // Nothing of jerry's to put in or take out: the file stays as the user wrote it.
    if let (Some(text), true) = (text, *map == unedited) {
        return Ok(text.to_owned());
    }
    let mut out = serde_json::to_string_pretty(&root).map_err(|err| err.to_string())?;
    out.push('\n');
    Ok(out)
}

/// The object at `key` in `map`, made one when missing or not an object.
fn object_at<'a>(map: &'a mut Map<String, Value>, key: &str) -> &'a mut Map<String, Value> {
    let slot = map
        .entry(key.to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    if !slot.is_object() {
        *slot = Value::Object(Map::new());
    }
    match slot {
        Value::Object(inner) => inner,
        _ => unreachable!("made an object just above"),
    }
}

fn with_server(root: &mut Map<String, Value>, entries: &Entries) {
    object_at(root, "mcpServers").insert("jerry".to_owned(), server(entries));
}

fn without_server(root: &mut Map<String, Value>) {
    if let Some(Value::Object(servers)) = root.get_mut("mcpServers") {
        servers.shift_remove("jerry");
        if servers.is_empty() {
            root.shift_remove("mcpServers");
        }
    }
}

/// Whether a hook's command line is jerry's: a program named `jerry…` running `prime`.
fn is_ours(command: &str) -> bool {
    let Some(words) = shlex::split(command) else {
        return false;
    };
    let named_jerry = words.first().is_some_and(|program| {
        std::path::Path::new(program)
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.starts_with("jerry"))
    });
    named_jerry && words.get(1).is_some_and(|word| word == "prime")
}

/// The command hooks of one matcher group.
fn group_hooks(group: &mut Value) -> Option<&mut Vec<Value>> {
    group.get_mut("hooks").and_then(Value::as_array_mut)
}

fn hook_command(hook: &Value) -> Option<&str> {
    hook.get("command").and_then(Value::as_str)
}

fn with_hooks(root: &mut Map<String, Value>, command: &str) {
    let hooks = object_at(root, "hooks");
    for event in HOOK_EVENTS {
        let groups = hooks
            .entry(event.to_owned())
            .or_insert_with(|| Value::Array(Vec::new()));
        if !groups.is_array() {
            *groups = Value::Array(Vec::new());
        }
        let Value::Array(groups) = groups else {
            unreachable!("made an array just above")
        };
        let mut found = false;
        for group in groups.iter_mut() {
            for hook in group_hooks(group).into_iter().flatten() {
                if hook_command(hook).is_some_and(is_ours) {
                    hook["command"] = Value::String(command.to_owned());
                    found = true;
                }
            }
        }
        if !found {
            groups.push(json!({"hooks": [{"type": "command", "command": command}]}));
        }
    }
}

fn without_hooks(root: &mut Map<String, Value>) {
    let Some(Value::Object(hooks)) = root.get_mut("hooks") else {
        return;
    };
    for event in HOOK_EVENTS {
        let Some(Value::Array(groups)) = hooks.get_mut(event) else {
            continue;
        };
        for group in groups.iter_mut() {
            if let Some(list) = group_hooks(group) {
                list.retain(|hook| !hook_command(hook).is_some_and(is_ours));
            }
        }
        groups.retain(|group| {
            group
                .get("hooks")
                .and_then(Value::as_array)
                .is_none_or(|list| !list.is_empty())
        });
        if groups.is_empty() {
            hooks.shift_remove(event);
        }
    }
    if hooks.is_empty() {
        root.shift_remove("hooks");
    }
}

fn parse_toml(text: &str) -> Result<toml_edit::DocumentMut, String> {
    // toml_edit's message draws the line it points at; one line says where and what.
    text.parse().map_err(|err: toml_edit::TomlError| {
        let text = err.to_string();
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let what = match (lines.first(), lines.last()) {
            (Some(first), Some(last)) if first != last => format!("{first}: {last}"),
            (Some(first), _) => (*first).to_owned(),
            _ => "it does not parse".to_owned(),
        };
        format!("is not TOML ({what})")
    })
}

/// The `[mcp_servers.jerry]` table and the hooks feature, added to the user's `config.toml`
/// with its layout and comments kept; a file that has both already is returned as it is.
fn toml_with_server(text: Option<&str>, entries: &Entries) -> Result<String, String> {
    use toml_edit::{value, Array, Item, Table};
    let text = text.unwrap_or("");
    let mut doc = parse_toml(text)?;
    let current = doc.get("mcp_servers").and_then(|servers| servers.get("jerry"));
    let same_command = current
        .and_then(|server| server.get("command"))
        .and_then(Item::as_str)
        == Some(entries.program.as_str());
    let same_args = current
        .and_then(|server| server.get("args"))
        .and_then(Item::as_array)
        .is_some_and(|args| {
            args.iter()
                .map(|arg| arg.as_str())
                .eq(entries.mcp_args.iter().map(|arg| Some(arg.as_str())))
        });
    let hooks_on = doc
        .get("features")
        .and_then(|features| features.get("codex_hooks"))
        .and_then(Item::as_bool)
        == Some(true);
    if same_command && same_args && hooks_on {
        return Ok(text.to_owned());
    }
    if !same_command || !same_args {
        let servers = doc.entry("mcp_servers").or_insert_with(|| {
            let mut table = Table::new();
            table.set_implicit(true);
            Item::Table(table)
        });
        let Some(servers) = servers.as_table_like_mut() else {
            return Err("has an mcp_servers that is not a table".to_owned());
        };
        let mut server = Table::new();
        server.insert("command", value(entries.program.as_str()));
        server.insert(
            "args",
            value(entries.mcp_args.iter().map(String::as_str).collect::<Array>()),
        );
        servers.insert("jerry", Item::Table(server));
    }
    if !hooks_on {
        let features = doc.entry("features").or_insert_with(|| Item::Table(Table::new()));
        let Some(features) = features.as_table_like_mut() else {
            return Err("has a features that is not a table".to_owned());
        };
        features.insert("codex_hooks", value(true));
    }
    Ok(doc.to_string())
}

/// The `[mcp_servers.jerry]` table taken out. The hooks feature stays: the user may have
/// turned it on for hooks of their own (the record of what setup changed restores it).
fn toml_without_server(text: &str) -> Result<String, String> {
    let mut doc = parse_toml(text)?;
    if let Some(servers) = doc
        .get_mut("mcp_servers")
        .and_then(|item| item.as_table_like_mut())
    {
        if servers.remove("jerry").is_none() {
            return Ok(text.to_owned());
        }
        if servers.is_empty() {
            doc.remove("mcp_servers");
        }
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Entries {
        Entries {
            program: "/bin/jerry".to_owned(),
            mcp_args: vec!["mcp".to_owned(), "--root".to_owned(), "/w".to_owned()],
            prime: "/bin/jerry prime --root /w".to_owned(),
        }
    }

    #[test]
    fn hooks_are_added_once_and_taken_out_leaving_the_rest() {
        let mine = r#"{"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "echo hi"}]}]}, "model": "x"}"#;
        let once = Part::HooksJson.install(Some(mine), &entries()).unwrap();
        let twice = Part::HooksJson.install(Some(&once), &entries()).unwrap();
        assert_eq!(once, twice);
        let parsed: Value = serde_json::from_str(&once).unwrap();
        assert_eq!(parsed["hooks"]["SessionStart"].as_array().unwrap().len(), 2);
        assert_eq!(
            parsed["hooks"]["PreCompact"][0]["hooks"][0]["command"],
            "/bin/jerry prime --root /w"
        );
        let back = Part::HooksJson.remove(&once).unwrap().unwrap();
        let back: Value = serde_json::from_str(&back).unwrap();
        let before: Value = serde_json::from_str(mine).unwrap();
        assert_eq!(back, before);
    }

    #[test]
    fn a_moved_binary_updates_the_hook_in_place() {
        let once = Part::HooksJson.install(None, &entries()).unwrap();
        let moved = Entries {
            prime: "'/opt/my jerry/jerry' prime --root /w".to_owned(),
            ..entries()
        };
        let again = Part::HooksJson.install(Some(&once), &moved).unwrap();
        let parsed: Value = serde_json::from_str(&again).unwrap();
        let start = parsed["hooks"]["SessionStart"].as_array().unwrap();
        assert_eq!(start.len(), 1);
        assert_eq!(
            start[0]["hooks"][0]["command"],
            "'/opt/my jerry/jerry' prime --root /w"
        );
        assert_eq!(Part::HooksJson.remove(&again).unwrap(), None);
    }

    #[test]
    fn toml_keeps_comments_and_an_unchanged_file_stays_byte_for_byte() {
        let mine = "# mine\nmodel = \"o3\"  # the best\n\n[mcp_servers.other]\ncommand = \"x\"\n";
        let once = Part::CodexToml.install(Some(mine), &entries()).unwrap();
        assert!(once.starts_with("# mine\nmodel = \"o3\"  # the best\n"), "{once}");
        assert!(once.contains("[mcp_servers.jerry]"), "{once}");
        assert!(once.contains("codex_hooks = true"), "{once}");
        assert_eq!(Part::CodexToml.install(Some(&once), &entries()).unwrap(), once);
        let back = Part::CodexToml.remove(&once).unwrap().unwrap();
        assert!(
            back.contains("[mcp_servers.other]") && !back.contains("jerry"),
            "{back}"
        );
    }

    #[test]
    fn damaged_files_are_refused() {
        assert!(Part::McpJson.install(Some("{nope"), &entries()).is_err());
        assert!(Part::McpJson.install(Some("[1]"), &entries()).is_err());
        assert!(Part::CodexToml.install(Some("[[x"), &entries()).is_err());
    }
}
