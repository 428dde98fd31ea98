//! `jerry items move ID --to PROJECT`: the item continues in another project of the
//! workspace (see `app::moving` for how the two writes happen once).

use clap::Args;

use jerry::domain::{ItemRef, ProjectId};

use crate::cli::context::Context;
use crate::cli::notes;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The item to move (it must be open, without open children).
    pub id: ItemRef,
    /// The project it goes to: PROJ-002, PROJ-2 or 2 (it must exist: jerry projects create).
    #[arg(long, value_name = "PROJECT")]
    pub to: ProjectId,
}

pub(super) fn move_item(args: MoveArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let MoveArgs { id, to } = args;
    let session = ctx.open()?;
    let target = ctx.setup().for_project(to)?.open()?;
    let outcome = session.move_item(id, &target)?;
    let moved = &outcome.value;
    // This process shows ids with the first project's prefix; the target's are its own.
    let there = moved.to.id.with_prefix(
        target
            .config()
            .prefix
            .as_deref()
            .unwrap_or(jerry::domain::ids::CANONICAL_PREFIX),
    );
    notes::reactions(&outcome, &session, out);
    if !moved.unlinked.is_empty() {
        let ids: Vec<String> = moved.unlinked.iter().map(ToString::to_string).collect();
        out.note(&format!(
            "links do not cross projects: removed {}'s links to {}",
            moved.from.id,
            ids.join(", ")
        ));
    }
    if moved.already {
        out.note(&format!(
            "{} is already moved to {} as {there} (nothing written)",
            moved.from.id,
            target.project()
        ));
    }
    if out.json() {
        let mut to = serde_json::to_value(&moved.to)?;
        to["id"] = serde_json::json!(there);
        return out.json_value(&serde_json::json!({
            "from": { "project": session.project(), "item": moved.from },
            "to": { "project": target.project(), "item": to },
            "unlinked": moved.unlinked,
            "unchanged": moved.already,
        }));
    }
    if moved.already {
        return Ok(());
    }
    out.line(&format!(
        "{} moved to {} as {there}",
        moved.from.id,
        target.project()
    ))
}
