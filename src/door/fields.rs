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

    /// An item with every field set (so none is skipped when it is written): a new field
    /// of `WorkItem` does not compile here until it is named, and then fails the check
    /// below until `ITEM_FIELDS` lists it (or it is said to be shown only whole).
    #[test]
    fn the_item_fields_are_every_key_of_an_item() {
        use jerry::domain::{Claim, Comment, Dependency, DependencyType, Priority, QualityMetrics, Status};
        use jerry::domain::{WorkItem, WorkItemId, WorkType};
        use jerry::timestamp::Timestamp;
        let id = |n| WorkItemId::new(n).expect("an id");
        let at = Timestamp::parse("2026-01-01T00:00:00Z").expect("a time");
        let item = WorkItem {
            id: id(2),
            internal_id: ulid::Ulid::nil(),
            title: "t".into(),
            work_type: WorkType::Task,
            priority: Priority::High,
            status: Status::Blocked,
            description: Some("d".into()),
            parent: Some(id(1)),
            assignee: Some("a".into()),
            dependencies: vec![Dependency {
                id: id(3),
                kind: DependencyType::BlockedBy,
            }],
            labels: vec!["l".into()],
            comments: vec![Comment {
                author: "a".into(),
                at,
                text: "c".into(),
            }],
            quality: Some(QualityMetrics {
                coverage: Some(1.0),
                positive_tests: 1,
                negative_tests: 1,
                edge_tests: 1,
            }),
            due: Some(at),
            blocked_reason: Some("r".into()),
            claim: Some(Claim {
                holder: "a".into(),
                lease_seconds: None,
                until: None,
                expired: false,
            }),
            // Shown whole by `items show` and `items list --conflicts`, not selectable.
            conflicts: Vec::new(),
            resolved_conflicts: Vec::new(),
            version: 1,
            created_at: at,
            updated_at: at,
        };
        let value = serde_json::to_value(&item).expect("an item encodes");
        let keys: Vec<&str> = value
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        for key in &keys {
            assert!(
                ITEM_FIELDS.contains(key),
                "`{key}` is a field of an item but not in ITEM_FIELDS"
            );
        }
        for field in ITEM_FIELDS {
            assert!(
                keys.contains(&field),
                "ITEM_FIELDS names `{field}`, which no item has"
            );
        }
    }

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
