//! Stream ids and their reversible, filesystem-safe file names.

use std::fmt;
use std::sync::Arc;

use super::StoreError;

const MAX_LEN: usize = 200;

/// The name of one stream, e.g. `work_item-WORK-001`. Any non-empty text without control
/// characters, up to 200 bytes; [`StreamId::file_stem`] makes it safe as a file name.
/// Shared, not copied, when cloned: every global index entry names its stream, and
/// readers of the whole log give consecutive entries of one stream the same id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StreamId(Arc<str>);

impl StreamId {
    pub fn new(id: impl Into<String>) -> Result<Self, StoreError> {
        let id = id.into();
        if id.is_empty() {
            return Err(StoreError::InvalidStreamId(id, "it is empty"));
        }
        if id.len() > MAX_LEN {
            return Err(StoreError::InvalidStreamId(id, "it is longer than 200 bytes"));
        }
        if id.chars().any(char::is_control) {
            return Err(StoreError::InvalidStreamId(id, "it contains control characters"));
        }
        Ok(Self(Arc::from(id)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Letters, digits, `-` and `_` stay as they are; every other byte becomes `%XX`.
    /// So no name can contain a path separator, `..`, or a character Windows forbids, and
    /// distinct ids always give distinct names.
    pub fn file_stem(&self) -> String {
        let mut out = String::with_capacity(self.0.len());
        self.push_file_stem(&mut out);
        out
    }

    /// [`StreamId::file_stem`] appended to `out` (a reader of 100,000 streams names them
    /// all in one buffer).
    pub fn push_file_stem(&self, out: &mut String) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        for byte in self.0.bytes() {
            if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
                out.push(char::from(byte));
            } else {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xF)]));
            }
        }
    }

    /// The inverse of [`StreamId::file_stem`]; `None` for names it could not have produced.
    pub fn from_file_stem(stem: &str) -> Option<Self> {
        let bytes = stem.as_bytes();
        let mut decoded = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            if byte == b'%' {
                let hex = stem.get(i + 1..i + 3)?;
                if hex.bytes().any(|b| b.is_ascii_lowercase()) {
                    return None;
                }
                decoded.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            } else if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
                decoded.push(byte);
                i += 1;
            } else {
                return None;
            }
        }
        let id = Self::new(String::from_utf8(decoded).ok()?).ok()?;
        (id.file_stem() == stem).then_some(id)
    }
}

impl serde::Serialize for StreamId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for StreamId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        StreamId::new(text).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for StreamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids_keep_their_name() {
        let id = StreamId::new("work_item-WORK-001").unwrap();
        assert_eq!(id.file_stem(), "work_item-WORK-001");
    }

    #[test]
    fn dangerous_characters_are_escaped_and_reversible() {
        for raw in [
            "../etc/passwd",
            "a:b*c?d\"e<f>g|h",
            "a%41",
            "a.b",
            "é",
            "%",
            "x/y\\z",
        ] {
            let id = StreamId::new(raw).unwrap();
            let stem = id.file_stem();
            assert!(
                stem.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_%".contains(&b)),
                "{stem}"
            );
            assert_eq!(StreamId::from_file_stem(&stem), Some(id));
        }
    }

    #[test]
    fn distinct_ids_never_alias() {
        let a = StreamId::new("a%41").unwrap().file_stem();
        let b = StreamId::new("aA").unwrap().file_stem();
        assert_ne!(a, b);
    }

    #[test]
    fn foreign_file_names_are_not_streams() {
        assert_eq!(StreamId::from_file_stem("a.b"), None);
        assert_eq!(StreamId::from_file_stem("%2e"), None);
        assert_eq!(StreamId::from_file_stem("%4"), None);
        assert_eq!(StreamId::from_file_stem(""), None);
    }

    #[test]
    fn rejects_empty_and_control_characters() {
        assert!(StreamId::new("").is_err());
        assert!(StreamId::new("a\nb").is_err());
        assert!(StreamId::new("x".repeat(201)).is_err());
    }
}
