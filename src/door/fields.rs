//! Field selection (`--fields id,title,status` on the command line, `fields` in MCP): only
//! those fields of each item, in that order, so an agent reading the output pays (in
//! tokens) only for what it reads. A field an item lacks (no due date) is `null`, so every
//! object has the same keys.

use jerry::domain::WorkItem;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde_json::{Map, Value};

/// The keys of an item's `--json` object (docs/json-output.md), in its order: every field
/// of [`WorkItem`] as serde names it, so a new field is selectable the moment it exists.
/// Conflicts are left out: `items show` and `items list --conflicts` show them whole.
pub fn item_fields() -> &'static [&'static str] {
    static FIELDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        serde_fields::<WorkItem>()
            .iter()
            .copied()
            .filter(|name| !matches!(*name, "conflicts" | "resolved_conflicts"))
            .collect()
    });
    &FIELDS
}

/// The names serde gives a struct's fields, in their order (the trick `serde_aux` uses): a
/// deserializer that keeps the list `Deserialize` hands it, and stops there.
fn serde_fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Names<'a>(&'a mut &'static [&'static str]);
    impl<'de> Deserializer<'de> for Names<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("only the field names are read"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            self.deserialize_any(visitor)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut names: &'static [&'static str] = &[];
    let _refused = T::deserialize(Names(&mut names));
    names
}

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
            let known = item_fields().contains(&name) || LINK_FIELDS.contains(&name);
            if !known {
                return Err(format!(
                    "unknown field '{name}'; the fields are: {}, {}",
                    item_fields().join(", "),
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

    /// The fields are the keys an item is written with, renames and all, in order.
    #[test]
    fn the_item_fields_are_the_keys_of_an_item() {
        let fields = item_fields();
        assert_eq!(fields[..4], ["id", "internal_id", "title", "type"]);
        assert!(fields.contains(&"due") && fields.contains(&"claim"), "{fields:?}");
        assert!(!fields.contains(&"conflicts") && !fields.contains(&"work_type"));
        let item: WorkItem = serde_json::from_value(serde_json::json!({
            "id": "WORK-2", "internal_id": "01J00000000000000000000000", "title": "t",
            "type": "task", "priority": "high", "status": "blocked", "description": "d",
            "parent": "WORK-1", "assignee": "a", "dependencies": [], "version": 1,
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
        }))
        .expect("an item decodes");
        let value = serde_json::to_value(&item).expect("an item encodes");
        for key in value.as_object().expect("an object").keys() {
            assert!(
                fields.contains(&key.as_str()),
                "`{key}` is written but not selectable"
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
