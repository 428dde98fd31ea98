//! The architecture, checked: which module may use which. Read from the sources, the way
//! a reviewer would, so a `use crate::cli::…` in a door (the cycle that grew when the doors
//! borrowed from the command line) fails here with the file that holds it.
//!
//! The library's layers are `store` and `domain` at the bottom, `app` above them, and
//! `kind` (the error classification) above all. The binary's front doors (`mcp`, `serve`,
//! `sync`) and the command line (`cli`) take what they share from `door` and never from
//! each other: the command line launches the others through a table of entry points that
//! `main.rs` fills (`door::launch::Doors`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const BINARY: [&str; 5] = ["cli", "door", "mcp", "serve", "sync"];

/// What each top-level module may use of its own side (library or binary). Anything not
/// named is refused.
fn allowed(module: &str) -> &'static [&'static str] {
    match module {
        // The binary.
        "cli" | "mcp" | "serve" | "sync" => &["door"],
        "door" => &[],
        // The library.
        "timestamp" | "faults" | "persist" => &[],
        "domain" => &["timestamp"],
        "store" => &["timestamp", "persist", "faults"],
        "project" => &["domain", "persist"],
        // Settings check durations (`claim_lease`) as the flags they stand for do.
        "config" => &["domain", "persist", "store", "timestamp"],
        "app" => &[
            "config",
            "domain",
            "faults",
            "persist",
            "project",
            "store",
            "timestamp",
        ],
        "kind" => &["app", "config", "domain", "project", "store", "timestamp"],
        _ => &[],
    }
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments and its unit tests (a test may reach anywhere).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("a source file");
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules `code` names through `crate::` (and, from the binary, `jerry::`).
fn used(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.insert(name);
        }
    }
    found
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut refused = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let first = relative.components().next().expect("a name");
        let top = Path::new(first.as_os_str())
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 name")
            .to_owned();
        if top == "main" || top == "lib" {
            continue;
        }
        let code = code(file);
        for name in used(&code, "crate::") {
            if name == top
                || !(BINARY.contains(&name.as_str())
                    || src.join(format!("{name}.rs")).exists()
                    || src.join(&name).is_dir())
            {
                continue;
            }
            edges.entry(top.clone()).or_default().insert(name.clone());
            if !allowed(&top).contains(&name.as_str()) {
                refused.push(format!("{}: {top} uses crate::{name}", relative.display()));
            }
        }
    }
    assert!(refused.is_empty(), "layers crossed:\n{}", refused.join("\n"));
    // What is allowed has no cycle; check it anyway, so a change to the table cannot add one.
    fn reaches(
        edges: &BTreeMap<String, BTreeSet<String>>,
        from: &str,
        to: &str,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        edges
            .get(from)
            .into_iter()
            .flatten()
            .any(|next| next == to || (seen.insert(next.clone()) && reaches(edges, next, to, seen)))
    }
    for module in edges.keys() {
        assert!(
            !reaches(&edges, module, module, &mut BTreeSet::new()),
            "{module} reaches itself: {edges:?}"
        );
    }
    assert!(
        edges.get("mcp").is_some_and(|uses| uses.contains("door")),
        "the scan found no use at all: it is broken"
    );
}

/// A module's path from its file: `src/cli/items/claim.rs` is `cli::items::claim`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("under src").with_extension("");
    let mut path: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if path.last().is_some_and(|last| last == "mod") {
        path.pop();
    }
    path
}

/// Every path `code` names from `prefix` on (`crate::app::session::Session` gives
/// `[app, session, Session]`).
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        found.push(
            path.split("::")
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect(),
        );
    }
    found
}

/// No two modules use each other, at any depth: within each top-level module, its
/// modules one level down (`cli::args`, `app::session`, `store::jsonl`) form no cycle.
/// A cycle is where "one file to read" turns into "read them all" (`cli::args` →
/// `cli::items` → `cli::context` → `cli::args` was one).
#[test]
fn no_module_cycles_one_level_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let key = |path: &[String]| path.iter().take(2).cloned().collect::<Vec<_>>().join("::");
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_path(&src, file);
        if module.len() < 2 {
            continue;
        }
        let code = code(file);
        let mut targets: Vec<Vec<String>> = paths_after(&code, "crate::");
        for relative in paths_after(&code, "super::") {
            let mut path = module[..module.len() - 1].to_vec();
            path.extend(relative);
            targets.push(path);
        }
        let from = key(&module);
        for target in targets {
            if target.len() < 2 || target[0] != module[0] {
                continue;
            }
            // Only modules: a name that starts with a capital letter is a type.
            if target[1].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let to = key(&target);
            if to != from
                && (src.join(&target[0]).join(format!("{}.rs", target[1])).exists()
                    || src.join(&target[0]).join(&target[1]).is_dir())
            {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    fn path_back(
        edges: &BTreeMap<String, BTreeSet<String>>,
        from: &str,
        to: &str,
        seen: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        for next in edges.get(from).into_iter().flatten() {
            if next == to {
                return Some(vec![next.clone()]);
            }
            if seen.insert(next.clone()) {
                if let Some(mut rest) = path_back(edges, next, to, seen) {
                    rest.insert(0, next.clone());
                    return Some(rest);
                }
            }
        }
        None
    }
    for module in edges.keys() {
        if let Some(cycle) = path_back(&edges, module, module, &mut BTreeSet::new()) {
            panic!("a module cycle: {module} -> {}", cycle.join(" -> "));
        }
    }
    assert!(edges.len() > 20, "the scan found too few modules: {edges:?}");
}

/// The one write path, as types: a door reads the log through `Session::events()` and
/// writes through the service's methods. The store itself (whose trait can append, save
/// state and rename) is out of a door's reach, and so is the test-only way to it.
#[test]
fn no_front_door_touches_the_store_itself() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for door in BINARY {
        sources(&src.join(door), &mut files);
    }
    assert!(files.len() > 10, "the doors' files were not found");
    let mut found = Vec::new();
    for file in &files {
        let code = code(file);
        for word in [
            "EventStore",
            "store_for_checks",
            "JsonlStore",
            "SqliteStore",
            "PostgresStore",
            "Backend",
        ] {
            if code.contains(word) {
                found.push(format!("{}: {word}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "a door reaches the store: {found:?}");
}

/// Cargo builds each file directly under `tests/` as a test target; a file in a folder
/// below is compiled only if a target declares it. One that none declares is never run,
/// and its tests pass silently.
#[test]
fn every_file_under_tests_belongs_to_a_test_target() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    sources(&tests, &mut files);
    let mut declared = BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a test file");
        let folder = file.parent().expect("a folder");
        let here = if file.file_name().is_some_and(|n| n == "mod.rs") || folder == tests {
            folder.to_path_buf()
        } else {
            folder.join(file.file_stem().expect("a name"))
        };
        for line in text.lines() {
            let line = line.trim();
            // `#[path = "common/browser.rs"] mod browser;`: declared by its path.
            if let Some(path) = line
                .strip_prefix("#[path = \"")
                .and_then(|rest| rest.strip_suffix("\"]"))
            {
                declared.insert(folder.join(path));
                continue;
            }
            let Some(name) = line
                .strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("mod "))
                .and_then(|rest| rest.strip_suffix(';'))
            else {
                continue;
            };
            declared.insert(here.join(format!("{name}.rs")));
            declared.insert(here.join(name).join("mod.rs"));
        }
    }
    let stray: Vec<String> = files
        .iter()
        .filter(|file| file.parent() != Some(tests.as_path()) && !declared.contains(*file))
        .map(|file| file.display().to_string())
        .collect();
    assert!(stray.is_empty(), "not part of any test target: {stray:?}");
}
