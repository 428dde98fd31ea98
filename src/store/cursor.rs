//! Reading JSON of one known shape field by field. Every whole-log reader parses two lines
//! per event (the global index's and the event's own), and a general parser spends most of
//! its time on what a line of the shape jerry writes never holds: other field orders,
//! escapes, whitespace. Callers read that one shape with a [`Cursor`] and hand anything
//! else to serde_json, which then gives the same answer or the error.

use serde::Deserialize;
use serde_json::value::RawValue;

/// The rest of a JSON text, consumed from the front. Each step either consumes what it
/// reads and answers, or answers `None` (the text is not of the expected shape).
pub(crate) struct Cursor<'a>(pub &'a str);

/// The text is not of the shape its reader expects.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Unexpected;

impl<'a> Cursor<'a> {
    /// Consumes `tag` if the text starts with it.
    pub fn tag(&mut self, tag: &str) -> Option<()> {
        self.0 = self.0.strip_prefix(tag)?;
        Some(())
    }

    /// A JSON integer as serde_json writes a `u64`: no sign, no leading zero, no fraction.
    /// Up to 19 digits, which cannot overflow; longer numbers go the general way.
    pub fn number(&mut self) -> Option<u64> {
        let bytes = self.0.as_bytes();
        let mut value = 0u64;
        let mut digits = 0;
        while let Some(digit) = bytes.get(digits).filter(|byte| byte.is_ascii_digit()) {
            value = value.wrapping_mul(10).wrapping_add(u64::from(digit - b'0'));
            digits += 1;
        }
        if digits == 0 || digits > 19 || (digits > 1 && bytes[0] == b'0') {
            return None;
        }
        self.0 = &self.0[digits..];
        Some(value)
    }

    /// The rest of a string whose opening quote is consumed, up to its closing one, when it
    /// needs no unescaping (no `\`, no control character): then it is its own value, and
    /// serde_json writes it back byte for byte.
    pub fn plain_text(&mut self) -> Option<&'a str> {
        let bytes = self.0.as_bytes();
        let end = memchr::memchr(b'"', bytes)?;
        // No escape and no control character before the quote. Not short-circuiting lets
        // the compiler test many bytes at a time: strings here are short and nearly always
        // plain.
        let escaped = bytes[..end].iter().fold(0u8, |seen, &byte| {
            seen | u8::from(byte == b'\\') | u8::from(byte < 0x20)
        });
        if escaped != 0 {
            return None;
        }
        // The quote is ASCII, so both cuts fall on character boundaries.
        let text = self.0.get(..end)?;
        self.0 = self.0.get(end + 1..)?;
        Some(text)
    }

    /// A plain string (its quotes included) or `null`.
    pub fn plain_text_or_null(&mut self) -> Result<Option<&'a str>, Unexpected> {
        if self.tag("null").is_some() {
            return Ok(None);
        }
        self.tag("\"").ok_or(Unexpected)?;
        self.plain_text().map(Some).ok_or(Unexpected)
    }

    /// A plain string after `key` (which ends in its opening quote), when the text goes
    /// on with `key`: a field written only when it has a value.
    pub fn plain_text_after(&mut self, key: &str) -> Result<Option<&'a str>, Unexpected> {
        match self.tag(key) {
            Some(()) => self.plain_text().map(Some).ok_or(Unexpected),
            None => Ok(None),
        }
    }

    /// Any JSON value, checked by serde_json and left as its text.
    pub fn raw_value(&mut self) -> Option<&'a RawValue> {
        let mut parser = serde_json::Deserializer::from_str(self.0);
        let raw = <&'a RawValue>::deserialize(&mut parser).ok()?;
        // The value borrows from this text, so it ends where its text does. It must start
        // where the text does too: whitespace before it is not of the shape (and would not
        // be written back).
        let start = (raw.get().as_ptr() as usize).checked_sub(self.0.as_ptr() as usize)?;
        if start != 0 {
            return None;
        }
        self.0 = self.0.get(raw.get().len()..)?;
        Some(raw)
    }

    /// Whether the whole text is consumed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_raw_value_ends_where_its_text_does() {
        let mut at = Cursor(r#"{"a":"},\"x","b":[1,{"c":null}]},"next":1"#);
        assert_eq!(
            at.raw_value().map(RawValue::get),
            Some(r#"{"a":"},\"x","b":[1,{"c":null}]}"#)
        );
        assert_eq!(at.0, r#","next":1"#);
        assert!(Cursor(r#"{"a":"#).raw_value().is_none());
        assert!(Cursor(r#" {},"next":1"#).raw_value().is_none());
    }

    #[test]
    fn only_plain_strings_and_plain_numbers_are_read() {
        let mut at = Cursor(r#"é x"rest"#);
        assert_eq!(at.plain_text(), Some("é x"));
        assert_eq!(at.0, "rest");
        assert!(Cursor(r#"a\"b""#).plain_text().is_none());
        assert!(Cursor("a\tb\"").plain_text().is_none());
        assert!(Cursor("no end").plain_text().is_none());
        assert_eq!(Cursor("0,").number(), Some(0));
        assert!(Cursor("01").number().is_none());
        assert!(Cursor("-1").number().is_none());
        assert!(Cursor("12345678901234567890").number().is_none());
        assert_eq!(Cursor("null,").plain_text_or_null(), Ok(None));
        assert_eq!(Cursor(r#""x","#).plain_text_or_null(), Ok(Some("x")));
        assert_eq!(Cursor("nul").plain_text_or_null(), Err(Unexpected));
        let mut at = Cursor(r#","k":"v","j":1"#);
        assert_eq!(at.plain_text_after(r#","j":""#), Ok(None));
        assert_eq!(at.plain_text_after(r#","k":""#), Ok(Some("v")));
        assert_eq!(at.0, r#","j":1"#);
        assert_eq!(
            Cursor(r#","k":"v\"#).plain_text_after(r#","k":""#),
            Err(Unexpected)
        );
    }
}
