//! Agents in worktrees, with real `git worktree`: every worktree of a repository reads and
//! writes the main working tree's tracker at once, unless it holds event files of its own
//! (a team that commits them), and `--root` still decides when given.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{git, Workspace};
use serde_json::Value;

/// A repository with one commit in a temp dir (the main working tree), and a folder for
/// its linked worktrees.
struct Repo {
    main: Workspace,
    others: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let main = Workspace::new();
        git(main.path(), &["init", "--quiet", "-b", "main", "."]);
        std::fs::write(main.path().join("README"), "code\n").unwrap();
        git(main.path(), &["add", "README"]);
        git(main.path(), &["commit", "--quiet", "-m", "start"]);
        Self {
            main,
            others: tempfile::tempdir().unwrap(),
        }
    }

    /// `git worktree add` of a new branch, as a jerry workspace (commands run in a
    /// subfolder of it, as an agent's would).
    fn worktree(&self, name: &str) -> Workspace {
        let path = self.others.path().join(name);
        git(
            self.main.path(),
            &["worktree", "add", "--quiet", "-b", name, path.to_str().unwrap()],
        );
        let inside = path.join("src");
        std::fs::create_dir_all(&inside).unwrap();
        Workspace::at(inside)
    }
}

fn real(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap()
}

fn ids(ws: &Workspace) -> Vec<String> {
    common::ids(&ws.json(&["items", "list"]))
}

#[test]
fn every_worktree_reads_and_writes_the_main_working_trees_tracker() {
    let repo = Repo::new();
    let (one, two, three) = (
        repo.worktree("agent1"),
        repo.worktree("agent2"),
        repo.worktree("agent3"),
    );
    // The first write, from a worktree, makes the project in the main working tree.
    one.ok(&["items", "create", "from agent1"]);
    assert!(repo.main.path().join("projects/PROJ-001").is_dir());
    assert!(!one.path().parent().unwrap().join("projects").exists());
    two.ok(&["items", "create", "from agent2"]);
    repo.main.ok(&["items", "create", "from main"]);
    for ws in [&repo.main, &one, &two, &three] {
        assert_eq!(ids(ws), ["WORK-001", "WORK-002", "WORK-003"]);
    }
    three.ok(&["items", "start", "1"]);
    assert_eq!(one.json(&["items", "show", "1"])["status"], "in_progress");
    let info = two.json(&["store", "info"]);
    assert_eq!(info["workspace"]["found"], "main_worktree", "{info}");
    assert_eq!(
        real(Path::new(info["workspace"]["root"].as_str().unwrap())),
        real(repo.main.path())
    );
    assert!(two.ok(&["store", "info"]).contains("shared by its worktrees"));
    let info = repo.main.json(&["store", "info"]);
    assert_eq!(info["workspace"]["found"], "found");
    // --root still decides: the worktree's own folder, which has no project.
    let own = one.path().parent().unwrap().to_str().unwrap().to_owned();
    let out = one.run(&["--root", &own, "items", "list", "--json"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
    let main = repo.main.path().to_str().unwrap().to_owned();
    assert_eq!(
        one.json(&["--root", &main, "store", "info"])["workspace"]["found"],
        "given"
    );
}

#[test]
fn claimers_in_four_worktrees_take_distinct_items() {
    let repo = Repo::new();
    for n in 0..10 {
        repo.main.ok(&["items", "create", &format!("task {n}")]);
    }
    let trees: Vec<Workspace> = (0..4).map(|n| repo.worktree(&format!("agent{n}"))).collect();
    let claimers: Vec<_> = (0..16)
        .map(|n| trees[n % 4].spawn(&["items", "claim", "--json", "--as", &format!("agent-{n}")]))
        .collect();
    let mut won = Vec::new();
    let mut nothing = 0;
    for child in claimers {
        let out = child.wait_with_output().unwrap();
        match out.status.code() {
            Some(0) => {
                let item: Value = serde_json::from_slice(&out.stdout).unwrap();
                won.push(item["id"].as_str().unwrap().to_owned());
            }
            Some(3) => nothing += 1,
            other => panic!(
                "claimer exited {other:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
        }
    }
    let distinct: BTreeSet<&String> = won.iter().collect();
    assert_eq!((won.len(), distinct.len(), nothing), (10, 10, 6), "{won:?}");
    assert_eq!(repo.main.json(&["doctor"])["clean"], true);
}

#[test]
fn a_worktree_with_its_own_committed_events_keeps_them() {
    let repo = Repo::new();
    repo.main.ok(&["items", "create", "committed"]);
    git(repo.main.path(), &["add", "-A"]);
    git(repo.main.path(), &["commit", "--quiet", "-m", "events"]);
    let branch = repo.worktree("feature");
    let info = branch.json(&["store", "info"]);
    assert_eq!(info["workspace"]["found"], "found", "{info}");
    branch.ok(&["items", "create", "on the branch"]);
    assert_eq!(ids(&branch), ["WORK-001", "WORK-002"]);
    assert_eq!(ids(&repo.main), ["WORK-001"], "the main tree's log is its own");
}

#[test]
fn a_subfolder_of_a_clone_uses_the_clones_root() {
    let repo = Repo::new();
    let docs = repo.main.path().join("docs/deep");
    std::fs::create_dir_all(&docs).unwrap();
    let inside = Workspace::at(docs);
    inside.ok(&["items", "create", "from a subfolder"]);
    assert!(repo.main.path().join("projects/PROJ-001").is_dir());
    assert_eq!(ids(&repo.main), ["WORK-001"]);
}

#[test]
fn a_tracker_in_a_subfolder_is_found_from_the_same_subfolder_of_a_worktree() {
    let repo = Repo::new();
    let tracker = repo.main.path().join("tracker");
    std::fs::create_dir_all(&tracker).unwrap();
    let root = tracker.to_str().unwrap().to_owned();
    repo.main
        .ok(&["--root", &root, "items", "create", "kept in tracker/"]);
    let agent = repo.worktree("agent1");
    let inside = agent.path().parent().unwrap().join("tracker/notes");
    std::fs::create_dir_all(&inside).unwrap();
    let there = Workspace::at(inside);
    assert_eq!(ids(&there), ["WORK-001"]);
    let root = there.json(&["store", "info"])["workspace"]["root"].clone();
    assert_eq!(real(Path::new(root.as_str().unwrap())), real(&tracker));
}
