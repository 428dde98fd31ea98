//! `jerry items next`: open work by urgency, the most urgent first, and with `--explain`
//! what each item's urgency is made of.

use clap::Args;

use jerry::domain::urgency::TERMS;

use super::context::Context;
use super::flags::at_least_one;
use super::output::Output;
use super::render;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct NextArgs {
    #[command(flatten)]
    pub select: super::views::SelectArgs,
    /// Show at most N items [default: 10].
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
    /// Show each term of every item's urgency (--json: always there, as urgency_terms).
    #[arg(long)]
    pub explain: bool,
}

pub fn next(args: NextArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let NextArgs {
        select,
        limit,
        explain,
    } = args;
    let session = ctx.read(false)?;
    let coefficients = session.config().coefficients()?;
    let filter = jerry::app::ItemFilter {
        limit: Some(limit.unwrap_or(10)),
        ..select.filter(&session)?
    };
    let ranked = session.queries().next(&filter, &coefficients)?;
    if out.json() {
        let mut listed = Vec::with_capacity(ranked.items.len());
        for (item, urgency) in &ranked.items {
            let mut value = serde_json::to_value(item)?;
            value["urgency"] = serde_json::json!(urgency.score);
            value["urgency_terms"] = serde_json::to_value(&urgency.terms)?;
            listed.push(value);
        }
        return out.json_value(&listed);
    }
    if ranked.items.is_empty() {
        out.note(&format!("no open work in {}", session.project()));
        return Ok(());
    }
    let style = out.style();
    let mut header: Vec<String> = ["ID", "URGENCY"].map(str::to_owned).to_vec();
    if explain {
        header.extend(TERMS.iter().map(|(term, _, _)| term.to_uppercase()));
    } else {
        header.extend(["PRIORITY", "STATUS", "DUE"].map(str::to_owned));
    }
    header.push("TITLE".to_owned());
    let rows = ranked
        .items
        .iter()
        .map(|(item, urgency)| {
            let mut row = vec![item.id.to_string(), format!("{:.1}", urgency.score)];
            if explain {
                row.extend(TERMS.iter().map(|(term, _, _)| {
                    urgency
                        .terms
                        .get(term)
                        .map_or_else(String::new, |value| format!("{value:+.1}"))
                }));
            } else {
                row.push(item.priority.to_string());
                row.push(item.status.to_string());
                row.push(item.due.map(|due| style.times.moment(due)).unwrap_or_default());
            }
            row.push(render::printable(&item.title));
            row
        })
        .collect();
    out.line(&render::table(&header, rows, style))?;
    if ranked.items.len() < ranked.total {
        out.note(&format!(
            "{} more open items (--limit shows more)",
            ranked.total - ranked.items.len()
        ));
    }
    Ok(())
}
