//! `--fields` on the command line: the flag, and the table of those fields the human
//! formats print (the selection itself is shared by every door: `door::fields`).

use clap::Args;
use serde_json::Value;

use crate::door::error::CommandResult;
use crate::door::fields::Fields;

/// The `--fields` flag, for the commands that print items.
#[derive(Debug, Args)]
pub struct FieldsArg {
    /// Print only these fields of each item, in this order (id,title,status,…); a field an
    /// item lacks is null. Applies to every format (the table gets these columns).
    #[arg(long, value_name = "LIST", value_parser = Fields::parse)]
    pub fields: Option<Fields>,
}

/// Prints items (one object or a list) in `out`'s format, keeping only `fields`: JSON
/// formats get the projected values, the table gets those columns.
pub fn print(out: &mut super::output::Output, value: &Value, fields: &Fields) -> CommandResult {
    let projected = fields.project(value);
    if out.json() {
        return out.json_value(&projected);
    }
    let style = out.style();
    out.line(&table(fields, &projected, style))
}

/// A table of `fields`, one row per item.
fn table(fields: &Fields, value: &Value, style: super::style::Style) -> String {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let rows = items
        .iter()
        .map(|item| {
            fields
                .names()
                .iter()
                .map(|name| cell(item.get(name).unwrap_or(&Value::Null)))
                .collect()
        })
        .collect();
    let headers: Vec<String> = fields.names().iter().map(|name| name.to_uppercase()).collect();
    super::render::table(&headers, rows, style)
}

/// One value as a table cell: strings bare, lists comma-separated, nothing as `-`.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => "-".to_owned(),
        Value::String(text) => super::render::printable(text),
        Value::Array(values) if values.iter().all(|v| !v.is_object()) => {
            values.iter().map(cell).collect::<Vec<_>>().join(", ")
        }
        other => super::render::printable(&other.to_string()),
    }
}
