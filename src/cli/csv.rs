//! `--format csv`: the JSON a command prints, as RFC 4180 rows for a spreadsheet. A list
//! of objects is a header row (every key any row has, in the order first seen, so a field
//! absent from the first item still gets its column) and one row per object; one object is
//! one row. A cell is the value as text: a string as it is, a list of words joined by `; `
//! (labels), anything deeper as compact JSON, nothing (or null) as an empty cell.

use serde_json::{Map, Value};

use crate::door::error::{CommandError, CommandResult};

/// The rows of `value` (a list, or one value), encoded.
pub fn encode(value: Value) -> CommandResult<Vec<u8>> {
    let rows: Vec<Map<String, Value>> = match value {
        Value::Array(items) => items.into_iter().map(row).collect(),
        other => vec![row(other)],
    };
    let mut header: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in &rows {
        for key in row.keys() {
            if seen.insert(key.as_str()) {
                header.push(key);
            }
        }
    }
    let failed = |err: csv::Error| CommandError::failure(format!("cannot write CSV: {err}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    if !header.is_empty() {
        writer.write_record(&header).map_err(failed)?;
    }
    for row in &rows {
        writer
            .write_record(header.iter().map(|key| cell(row.get(*key))))
            .map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|err| CommandError::failure(format!("cannot write CSV: {err}")))
}

/// One row of a stream (`events follow`), the header first when `header` has none yet: a
/// stream cannot wait for its last row to name its columns, so the first row names them.
pub fn line(value: Value, header: &mut Option<Vec<String>>) -> CommandResult<Vec<u8>> {
    let row = row(value);
    let failed = |err: csv::Error| CommandError::failure(format!("cannot write CSV: {err}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    let columns = match header {
        Some(columns) => columns,
        None => {
            let columns: Vec<String> = row.keys().cloned().collect();
            writer.write_record(&columns).map_err(failed)?;
            header.insert(columns)
        }
    };
    writer
        .write_record(columns.iter().map(|key| cell(row.get(key))))
        .map_err(failed)?;
    writer
        .into_inner()
        .map_err(|err| CommandError::failure(format!("cannot write CSV: {err}")))
}

fn row(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => Map::from_iter([("value".to_owned(), other)]),
    }
}

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(list)) if list.iter().all(Value::is_string) => list
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_key_gets_a_column_and_cells_are_quoted_as_rfc_4180_says() {
        let text = encode(json!([
            {"id": "WORK-1", "title": "a, \"quoted\"\nline", "labels": ["x", "y"]},
            {"id": "WORK-2", "due": "2026-01-01", "claim": {"holder": "ana"}},
        ]))
        .unwrap();
        assert_eq!(
            String::from_utf8(text).unwrap(),
            "id,title,labels,due,claim\nWORK-1,\"a, \"\"quoted\"\"\nline\",x; y,,\nWORK-2,,,2026-01-01,\"{\"\"holder\"\":\"\"ana\"\"}\"\n"
        );
        assert_eq!(encode(json!([])).unwrap(), b"");
    }
}
