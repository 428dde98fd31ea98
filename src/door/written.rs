//! What a write answers, in every door: the item after it (in the fields asked for), whether
//! an idempotency key found it already done (`replayed`: nothing was written, this is the
//! original result), what the user should know although it succeeded (`warnings`) and
//! whether the item already was as asked (`unchanged`: nothing was written). One
//! shape, so a script that reads `items start --json` reads MCP's `update` and the board's
//! `POST` the same way (docs/json-output.md, "Write result").

use serde_json::Value;

use jerry::app::CommandOutcome;

use super::error::CommandResult;
use super::fields::Fields;

/// The answer to a write that produced `outcome`, with only `fields` of the item when given.
pub fn written(outcome: &CommandOutcome, fields: Option<&Fields>) -> CommandResult<Value> {
    let item = serde_json::to_value(&outcome.item)?;
    let mut value = match fields {
        Some(fields) => fields.project(&item),
        None => item,
    };
    if let Some(object) = value.as_object_mut() {
        object.insert("replayed".into(), outcome.replayed.into());
        object.insert("warnings".into(), serde_json::to_value(&outcome.warnings)?);
        object.insert("unchanged".into(), outcome.unchanged.is_some().into());
    }
    Ok(value)
}
