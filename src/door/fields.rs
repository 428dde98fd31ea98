//! Field selection (`--fields id,title,status` on the command line, `fields` in MCP): only
//! those fields of each item, in that order, so an agent reading the output pays (in
//! tokens) only for what it reads. A field an item lacks (no due date) is `null`, so every
//! object has the same keys.

use serde_json::{Map, Value};

/// The keys of an item's `--json` object (docs/json-output.md), in its order.
pub const ITEM_FIELDS: [&str; 19] = [
    "id",
    "internal_id",
    "title",
    "type",
    "priority",
    "status",
    "description",
    "parent",
    "assignee",
    "dependencies",
    "labels",
    "comments",
    "quality",
    "due",
    "blocked_reason",
    "claim",
    "version",
    "created_at",
    "updated_at",
];

/// What `items show --json` (and `items claim --json`) adds: the item's links.
pub const LINK_FIELDS: [&str; 4] = ["children", "blocks", "blocked_by", "related"];

/// A checked list of field names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields(Vec<String>);

impl Fields {
    /// Parses `id,title,status` (spaces around names are ignored); an unknown or repeated
    /// name is refused with the valid ones.
    pub fn parse(input: &str) -> Result<Self, String> {
        let mut fields: Vec<String> = Vec::new();
        for name in input.split(',').map(str::trim) {
            if name.is_empty() {
                return Err("an empty field name (write them as id,title,status)".into());
            }
            let known = ITEM_FIELDS.contains(&name) || LINK_FIELDS.contains(&name);
            if !known {
                return Err(format!(
                    "unknown field '{name}'; the fields are: {}, {}",
                    ITEM_FIELDS.join(", "),
                    LINK_FIELDS.join(", ")
                ));
            }
            if fields.iter().any(|f| f == name) {
                return Err(format!("field '{name}' is named twice"));
            }
            fields.push(name.to_owned());
        }
        Ok(Self(fields))
    }

    /// Keeps only these fields of an item object, or of each object of an array.
    pub fn project(&self, value: &Value) -> Value {
        match value {
            Value::Array(items) => Value::Array(items.iter().map(|item| self.project(item)).collect()),
            Value::Object(object) => {
                let mut kept = Map::with_capacity(self.0.len());
                for name in &self.0 {
                    kept.insert(name.clone(), object.get(name).cloned().unwrap_or(Value::Null));
                }
                Value::Object(kept)
            }
            other => other.clone(),
        }
    }

    /// The names, in their order.
    pub fn names(&self) -> &[String] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_named_fields_in_order_and_fills_the_missing_with_null() {
        let fields = Fields::parse("status, id,due").unwrap();
        let item = serde_json::json!({"id": "WORK-1", "title": "t", "status": "pending"});
        assert_eq!(
            serde_json::to_string(&fields.project(&serde_json::json!([item]))).unwrap(),
            r#"[{"status":"pending","id":"WORK-1","due":null}]"#
        );
    }

    #[test]
    fn refuses_unknown_empty_and_repeated_names() {
        let unknown = Fields::parse("id,titel").unwrap_err();
        assert!(
            unknown.contains("unknown field 'titel'") && unknown.contains("title"),
            "{unknown}"
        );
        assert!(Fields::parse("id,,title").is_err());
        assert!(Fields::parse("id,id").is_err());
    }
}
