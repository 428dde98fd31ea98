//! The tool schemas as an agent's context pays for them on every turn: what schemars
//! derives, made small and exact. Optional arguments are plain types (not `[T, "null"]`:
//! leaving one out is how it is omitted), without `format`, `minimum`, `default` or the
//! per-tool `$schema` and `additionalProperties`; every closed vocabulary is an `enum` of the domain's own words, so a
//! host can check an argument before sending it; and `update` requires a `reason` when it
//! blocks, as the domain does.

use std::sync::Arc;

use rmcp::handler::server::router::tool::ToolRouter;
use serde_json::{json, Map, Value};

use jerry::app::SortKey;
use jerry::domain::{DependencyType, Priority, Status, WorkType};

/// Rewrites every tool's input schema in `router`.
pub fn tighten<S>(router: &mut ToolRouter<S>) {
    for route in router.map.values_mut() {
        let tool = route.attr.name.to_string();
        let mut schema = (*route.attr.input_schema).clone();
        schema.remove("$schema");
        // Unknown arguments are still refused, by the server, with the ones it takes named
        // (`args.rs`); said in every schema, it costs more than it tells.
        schema.remove("additionalProperties");
        if let Some(Value::Object(properties)) = schema.get_mut("properties") {
            for (name, property) in properties.iter_mut() {
                tidy(property);
                if let Some(words) = vocabulary(&tool, name) {
                    enumerate(property, &words);
                }
            }
        }
        if tool == "update" {
            schema.insert(
                "if".into(),
                json!({"properties": {"status": {"const": "blocked"}}, "required": ["status"]}),
            );
            schema.insert("then".into(), json!({"required": ["reason"]}));
        }
        route.attr.input_schema = Arc::new(schema);
    }
}

/// The words an argument takes, where they are a closed set.
fn vocabulary(tool: &str, argument: &str) -> Option<Vec<&'static str>> {
    match (tool, argument) {
        ("depend", "type") => Some(DependencyType::ALL.iter().map(|t| t.as_str()).collect()),
        (_, "type") => Some(WorkType::ALL.iter().map(|t| t.as_str()).collect()),
        (_, "priority") => Some(Priority::ALL.iter().map(|p| p.as_str()).collect()),
        ("list", "status") => {
            let mut all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
            all.extend(["open", "closed"]);
            Some(all)
        }
        // A status an update moves to: deleting is not a step of the status graph.
        ("update", "status") => Some(
            Status::ALL
                .iter()
                .filter(|s| **s != Status::Deleted)
                .map(|s| s.as_str())
                .collect(),
        ),
        ("list", "sort") => Some(SortKey::NAMES.to_vec()),
        ("resolve", "decision") => Some(vec!["keep", "take"]),
        _ => None,
    }
}

/// One property without the noise: `["T", "null"]` as `T`, no `format`, `minimum` or
/// `default` (here or in its items).
fn tidy(property: &mut Value) {
    let Value::Object(object) = property else {
        return;
    };
    if let Some(Value::Array(types)) = object.get("type") {
        let kept: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
        let single = match kept.as_slice() {
            [one] => one.clone(),
            _ => Value::Array(kept),
        };
        object.insert("type".into(), single);
    }
    for noise in ["format", "minimum", "default"] {
        object.remove(noise);
    }
    if let Some(items) = object.get_mut("items") {
        tidy(items);
    }
}

/// `words` as the property's enum, or its items' when it is a list.
fn enumerate(property: &mut Value, words: &[&str]) {
    let Value::Object(object) = property else {
        return;
    };
    let target: &mut Map<String, Value> = match object.get_mut("items") {
        Some(Value::Object(items)) => items,
        _ => object,
    };
    target.insert("enum".into(), json!(words));
}
