//! Writing an item in your editor: `items create` without a title and `items edit` without
//! a change, on a terminal, open `$VISUAL` (else `$EDITOR`, else `vi`) on a small template,
//! as `git commit` does. An empty title or an unchanged template writes nothing.

use std::io::IsTerminal;

use jerry::domain::{Priority, WorkType};

use crate::door::error::{CommandError, CommandResult};

/// What the template holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub title: String,
    pub work_type: WorkType,
    pub priority: Priority,
    pub labels: Vec<String>,
    pub description: String,
}

/// A person is at the keyboard: the editor can open.
pub fn at_a_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// `draft` as the person left it in their editor.
pub fn edit(draft: &Draft, heading: &str) -> CommandResult<Draft> {
    let mut file = tempfile::Builder::new()
        .prefix("jerry-")
        .suffix(".md")
        .tempfile()
        .map_err(|err| CommandError::failure(format!("cannot write the template: {err}")))?;
    std::io::Write::write_all(&mut file, render(draft, heading).as_bytes())
        .map_err(|err| CommandError::failure(format!("cannot write the template: {err}")))?;
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_owned());
    // Through the shell, as git runs it: `EDITOR="code -w"` works.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(file.path())
        .status()
        .map_err(|err| CommandError::failure(format!("cannot start the editor ({editor}): {err}")))?;
    if !status.success() {
        return Err(CommandError::failure(format!(
            "the editor ({editor}) failed ({status}): nothing written"
        )));
    }
    let text = std::fs::read_to_string(file.path())
        .map_err(|err| CommandError::failure(format!("cannot read the template back: {err}")))?;
    parse(&text)
}

fn render(draft: &Draft, heading: &str) -> String {
    format!(
        "# {heading}\n\
         # Lines starting with # are left out. An empty title, or no change, writes nothing.\n\
         title: {}\n\
         type: {}\n\
         priority: {}\n\
         labels: {}\n\
         # The description is everything below the next line.\n\
         ---\n\
         {}\n",
        draft.title,
        draft.work_type,
        draft.priority,
        draft.labels.join(", "),
        draft.description
    )
}

/// The template read back; a field that does not parse is refused (exit 5), naming it.
fn parse(text: &str) -> CommandResult<Draft> {
    let mut draft = Draft {
        title: String::new(),
        work_type: WorkType::default(),
        priority: Priority::default(),
        labels: Vec::new(),
        description: String::new(),
    };
    let mut lines = text.lines();
    let invalid = |message: String| CommandError::new(jerry::kind::ErrorKind::Invalid, message);
    for line in lines.by_ref() {
        if line.trim() == "---" {
            break;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(invalid(format!(
                "the template's line '{line}' is no 'field: value'"
            )));
        };
        let value = value.trim();
        match key.trim() {
            "title" => value.clone_into(&mut draft.title),
            "type" => draft.work_type = value.parse().map_err(|err| invalid(format!("{err}")))?,
            "priority" => draft.priority = value.parse().map_err(|err| invalid(format!("{err}")))?,
            "labels" => {
                draft.labels = value
                    .split(',')
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            other => return Err(invalid(format!("the template has no field '{other}'"))),
        }
    }
    let description: Vec<&str> = lines.filter(|line| !line.starts_with('#')).collect();
    description.join("\n").trim().clone_into(&mut draft.description);
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_reads_back_as_it_was_written() {
        let draft = Draft {
            title: "Fix login: the form".into(),
            work_type: WorkType::Bug,
            priority: Priority::High,
            labels: vec!["ui".into(), "auth".into()],
            description: "Steps:\n1. open\n\n2. fail".into(),
        };
        assert_eq!(parse(&render(&draft, "new item")).unwrap(), draft);
        assert!(parse("title: x\ntype: feature\n---\n").is_err());
        assert!(parse("colour: red\n").is_err());
    }
}
