//! A tool's arguments, read so that a bad one is jerry's own error, not the SDK's.
//!
//! rmcp turns arguments that do not deserialize into a tool error carrying serde's raw
//! text ("failed to deserialize parameters: …"). [`Args`] always deserializes, keeping the
//! failure, which the tool then returns as any refusal: jerry's error object, with a
//! one-line message in the command line's words and its kind (an unknown or missing
//! argument is a usage error, exit code 2; a value of the wrong shape is invalid input, 5).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::door::error::{CommandError, CommandResult, ErrorKind};

/// `T`, or why the arguments were not a `T`.
pub struct Args<T>(Result<T, Refused>);

/// Why arguments were refused, before the tool's name is known.
pub struct Refused {
    kind: ErrorKind,
    /// Completed with the tool's name: `{tool}` stands for it.
    message: String,
}

impl<T> Args<T> {
    /// The arguments, or the error `tool` answers with.
    pub fn take(self, tool: &str) -> CommandResult<T> {
        self.0
            .map_err(|refused| CommandError::new(refused.kind, refused.message.replace("{tool}", tool)))
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Args<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(Args(serde_path_to_error::deserialize(value).map_err(|err| {
            let path = err.path().to_string();
            refused(&path, &err.into_inner().to_string())
        })))
    }
}

/// serde's message, in the command line's words.
fn refused(path: &str, message: &str) -> Refused {
    let quoted = |text: &str| text.split('`').nth(1).unwrap_or("").to_owned();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or("");
        let known: Vec<&str> = rest
            .split_once("expected ")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let takes = if known.is_empty() {
            "it takes no arguments".to_owned()
        } else {
            format!("it takes {}", known.join(", "))
        };
        return Refused {
            kind: ErrorKind::Usage,
            message: format!("unexpected argument '{name}' for {{tool}} ({takes})"),
        };
    }
    if message.starts_with("missing field `") {
        return Refused {
            kind: ErrorKind::Usage,
            message: format!("{{tool}} needs '{}'", quoted(message)),
        };
    }
    let message = message.strip_prefix("invalid type: ").unwrap_or(message);
    Refused {
        kind: ErrorKind::Invalid,
        message: if path == "." {
            format!("{{tool}} takes an object of arguments, not {message}")
        } else {
            format!("invalid value for '{path}': {message}")
        },
    }
}

/// The schema is `T`'s: the wrapper is invisible to clients.
impl<T: JsonSchema> JsonSchema for Args<T> {
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Two {
        #[allow(dead_code)]
        id: String,
        #[allow(dead_code)]
        limit: Option<usize>,
    }

    fn error(value: Value) -> CommandError {
        let args: Args<Two> = serde_json::from_value(value).expect("always reads");
        args.take("show").expect_err("refused")
    }

    #[test]
    fn refusals_read_like_the_command_line() {
        let unknown = error(serde_json::json!({"id": "1", "bogus": 1}));
        assert_eq!(
            unknown.json_object()["error"]["message"],
            "unexpected argument 'bogus' for show (it takes id, limit)"
        );
        assert_eq!(unknown.json_object()["error"]["code"], 2);
        let missing = error(serde_json::json!({}));
        assert_eq!(missing.json_object()["error"]["message"], "show needs 'id'");
        let shape = error(serde_json::json!({"id": "1", "limit": "ten"}));
        assert_eq!(
            shape.json_object()["error"]["message"],
            "invalid value for 'limit': string \"ten\", expected usize"
        );
        assert_eq!(shape.json_object()["error"]["code"], 5);
    }
}
