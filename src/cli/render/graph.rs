//! The item graph for people: blocked work and the tree of parents and dependencies.

use std::fmt::Write as _;

use super::*;

/// `items blocked`: each waiting item and what blocks it: the open items it waits on, and
/// the reason it was blocked by hand, quoted.
pub fn blocked_table(blocked: &[jerry::domain::graph::BlockedItem]) -> String {
    let rows: Vec<Vec<String>> = blocked
        .iter()
        .map(|b| {
            vec![
                b.item.id.to_string(),
                b.item.priority.to_string(),
                b.item.status.to_string(),
                b.blocked_by
                    .iter()
                    .map(ToString::to_string)
                    .chain(
                        b.item
                            .blocked_reason
                            .iter()
                            .map(|r| format!("\"{}\"", printable(r))),
                    )
                    .collect::<Vec<_>>()
                    .join(", "),
                printable(&b.item.title),
            ]
        })
        .collect();
    let mut out = format!(
        "  {:<10} {:<9} {:<8} {:<22} {}\n",
        "ID", "PRIORITY", "STATUS", "BLOCKED BY", "TITLE"
    );
    for row in rows {
        let _ = writeln!(
            out,
            "  {:<10} {:<9} {:<8} {:<22} {}",
            row[0], row[1], row[2], row[3], row[4]
        );
    }
    out.trim_end().to_owned()
}

/// `items tree`: one line per item, indented under its parent with box-drawing guides, its
/// blocking links after the title.
pub fn tree(roots: &[jerry::domain::graph::TreeNode]) -> String {
    fn walk(
        node: &jerry::domain::graph::TreeNode,
        prefix: &str,
        last: bool,
        top: bool,
        out: &mut Vec<String>,
    ) {
        let (branch, extend) = match (top, last) {
            (true, _) => ("", ""),
            (false, true) => ("└── ", "    "),
            (false, false) => ("├── ", "│   "),
        };
        let mut links = Vec::new();
        if !node.blocked_by.is_empty() {
            links.push(format!(
                "blocked by {}",
                node.blocked_by
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !node.blocks.is_empty() {
            links.push(format!(
                "blocks {}",
                node.blocks
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !node.related.is_empty() {
            links.push(format!(
                "related to {}",
                node.related
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let links = if links.is_empty() {
            String::new()
        } else {
            format!("  [{}]", links.join("; "))
        };
        out.push(format!(
            "{prefix}{branch}{} {} {} \"{}\"{links}",
            node.id,
            node.work_type,
            node.status,
            printable(&node.title)
        ));
        let child_prefix = format!("{prefix}{extend}");
        for (index, child) in node.children.iter().enumerate() {
            walk(child, &child_prefix, index + 1 == node.children.len(), false, out);
        }
    }
    let mut lines = Vec::new();
    for root in roots {
        walk(root, "", true, true, &mut lines);
    }
    lines.join("\n")
}
