//! A small, strict JSON reader for API bodies (RFC 8259). serde_json with its `Value` cost the page
//! ~12 KB of compressed WASM, an eighth of the transfer budget, to read one body shape; this keeps
//! what the page needs: the tree, object lookup, and each value's text exactly as sent, so an
//! unreadable job is shown as the API wrote it.

use std::borrow::Cow;

/// A parsed JSON value, borrowing from the body it came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// The number as written; its syntax has been checked.
    Number(&'a str),
    String {
        text: Cow<'a, str>,
        raw: &'a str,
    },
    Array {
        items: Vec<Json<'a>>,
        raw: &'a str,
    },
    Object {
        members: Vec<(Cow<'a, str>, Json<'a>)>,
        raw: &'a str,
    },
}

/// Deeper nesting than this is refused rather than risking the stack on a hostile body.
const MAX_DEPTH: usize = 128;

/// The body is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotJson;

/// Parses a whole document; anything but whitespace after the value is an error.
pub fn parse(text: &str) -> Result<Json<'_>, NotJson> {
    let mut parser = Parser { text, pos: 0 };
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos == text.len() {
        Ok(value)
    } else {
        Err(NotJson)
    }
}

impl<'a> Json<'a> {
    /// An object's member; the last one wins when a key repeats, as in `JSON.parse`.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object { members, .. } => members.iter().rev().find(|(k, _)| k == key),
            _ => None,
        }
        .map(|(_, value)| value)
    }

    /// The value's JSON text as it appeared in the body.
    pub fn raw(&self) -> &'a str {
        match self {
            Json::Null => "null",
            Json::Bool(true) => "true",
            Json::Bool(false) => "false",
            Json::Number(raw)
            | Json::String { raw, .. }
            | Json::Array { raw, .. }
            | Json::Object { raw, .. } => raw,
        }
    }

    /// What kind of value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a true/false value",
            Json::Number(_) => "a number",
            Json::String { .. } => "a string",
            Json::Array { .. } => "a list",
            Json::Object { .. } => "an object",
        }
    }
}

/// A JSON number's value, read with integer arithmetic (no float parser in the bundle): exact for
/// up to 19 significant digits, correctly rounded for the decimals APIs send, like `103.2`.
pub fn number_value(raw: &str) -> Option<f64> {
    let (negative, rest) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (mantissa_text, exponent_text) = rest.split_once(['e', 'E']).unwrap_or((rest, "0"));
    let (whole, fraction) = mantissa_text.split_once('.').unwrap_or((mantissa_text, ""));
    let mut exponent: i64 = exponent_text
        .strip_prefix('+')
        .unwrap_or(exponent_text)
        .parse::<i64>()
        .ok()?
        .clamp(-400, 400);
    let mut mantissa: u64 = 0;
    for (i, digit) in whole.bytes().chain(fraction.bytes()).enumerate() {
        if !digit.is_ascii_digit() {
            return None;
        }
        let past_point = i >= whole.len();
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(digit - b'0');
            exponent -= i64::from(past_point);
        } else {
            // Beyond 19 digits only the magnitude matters.
            exponent += i64::from(!past_point);
        }
    }
    let magnitude = mantissa as f64;
    // Dividing by an exact power of ten rounds once; multiplying by 0.1… would round twice.
    let value = if exponent < 0 {
        magnitude / 10f64.powi(-exponent as i32)
    } else {
        magnitude * 10f64.powi(exponent as i32)
    };
    Some(if negative { -value } else { value })
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    fn expect(&mut self, byte: u8) -> Result<(), NotJson> {
        self.eat(byte).then_some(()).ok_or(NotJson)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn digits(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, NotJson> {
        self.skip_whitespace();
        let start = self.pos;
        let rest = &self.text[start..];
        let word = |word: &str, value| {
            rest.starts_with(word)
                .then_some((word.len(), value))
                .ok_or(NotJson)
        };
        let (length, value) = match self.peek().ok_or(NotJson)? {
            b'n' => word("null", Json::Null)?,
            b't' => word("true", Json::Bool(true))?,
            b'f' => word("false", Json::Bool(false))?,
            b'"' => {
                let text = self.string()?;
                let raw = &self.text[start..self.pos];
                return Ok(Json::String { text, raw });
            }
            b'[' | b'{' if depth >= MAX_DEPTH => return Err(NotJson),
            b'[' => {
                let mut items = Vec::new();
                self.separated(b']', |parser| {
                    items.push(parser.value(depth + 1)?);
                    Ok(())
                })?;
                let raw = &self.text[start..self.pos];
                return Ok(Json::Array { items, raw });
            }
            b'{' => {
                let mut members = Vec::new();
                self.separated(b'}', |parser| {
                    parser.skip_whitespace();
                    if parser.peek() != Some(b'"') {
                        return Err(NotJson);
                    }
                    let key = parser.string()?;
                    parser.skip_whitespace();
                    parser.expect(b':')?;
                    members.push((key, parser.value(depth + 1)?));
                    Ok(())
                })?;
                let raw = &self.text[start..self.pos];
                return Ok(Json::Object { members, raw });
            }
            b'-' | b'0'..=b'9' => {
                self.eat(b'-');
                if !self.eat(b'0') && !self.digits() {
                    return Err(NotJson);
                }
                if self.eat(b'.') && !self.digits() {
                    return Err(NotJson);
                }
                if matches!(self.peek(), Some(b'e' | b'E')) {
                    self.pos += 1;
                    let _ = self.eat(b'+') || self.eat(b'-');
                    if !self.digits() {
                        return Err(NotJson);
                    }
                }
                return Ok(Json::Number(&self.text[start..self.pos]));
            }
            _ => return Err(NotJson),
        };
        self.pos += length;
        Ok(value)
    }

    /// From an opening bracket to its `close`: items separated by commas, each read by `item`.
    fn separated(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), NotJson>,
    ) -> Result<(), NotJson> {
        self.pos += 1;
        self.skip_whitespace();
        if self.eat(close) {
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_whitespace();
            if self.eat(close) {
                return Ok(());
            }
            self.expect(b',')?;
        }
    }

    /// A string literal starting at the opening quote. Borrowed unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, NotJson> {
        self.pos += 1;
        let start = self.pos;
        let plain_run = |parser: &mut Self| {
            while parser
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                parser.pos += 1;
            }
        };
        plain_run(self);
        if self.eat(b'"') {
            return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
        }
        let mut text = String::from(&self.text[start..self.pos]);
        loop {
            match self.peek().ok_or(NotJson)? {
                b'"' => {
                    self.pos += 1;
                    return Ok(Cow::Owned(text));
                }
                b'\\' => {
                    self.pos += 1;
                    let escaped = self.peek().ok_or(NotJson)?;
                    self.pos += 1;
                    text.push(match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(NotJson),
                    });
                }
                // Raw control characters are not allowed inside JSON strings.
                byte if byte < 0x20 => return Err(NotJson),
                _ => {
                    let run = self.pos;
                    plain_run(self);
                    text.push_str(&self.text[run..self.pos]);
                }
            }
        }
    }

    /// After `\u`: four hex digits, or a surrogate pair written as two escapes. A lone surrogate
    /// (which `JSON.parse` accepts but a Rust string cannot hold) becomes U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, NotJson> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return Ok(char::from_u32(high).unwrap_or('\u{FFFD}'));
        }
        if !self.text[self.pos..].starts_with("\\u") {
            return Ok('\u{FFFD}');
        }
        let resume = self.pos;
        self.pos += 2;
        let low = self.hex4()?;
        if !(0xDC00..0xE000).contains(&low) {
            self.pos = resume;
            return Ok('\u{FFFD}');
        }
        Ok(
            char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                .unwrap_or('\u{FFFD}'),
        )
    }

    fn hex4(&mut self) -> Result<u32, NotJson> {
        let digits = self
            .text
            .as_bytes()
            .get(self.pos..self.pos + 4)
            .ok_or(NotJson)?;
        let mut value = 0;
        for &digit in digits {
            value = value * 16 + char::from(digit).to_digit(16).ok_or(NotJson)?;
        }
        self.pos += 4;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(json: &Json) -> String {
        match json {
            Json::String { text, .. } => text.to_string(),
            other => panic!("not a string: {other:?}"),
        }
    }

    #[test]
    fn documents_parse_into_a_tree_with_raw_text() {
        let body = r#" {"data": [ {"run_id": 1042, "ok": true, "none": null, "x": -1.5e+3} ], "meta": {}} "#;
        let value = parse(body).unwrap();
        let Some(Json::Array { items, raw }) = value.get("data") else {
            panic!("{value:?}")
        };
        assert_eq!(
            *raw,
            r#"[ {"run_id": 1042, "ok": true, "none": null, "x": -1.5e+3} ]"#
        );
        let job = &items[0];
        assert_eq!(job.get("run_id"), Some(&Json::Number("1042")));
        assert_eq!(job.get("ok"), Some(&Json::Bool(true)));
        assert_eq!(job.get("none"), Some(&Json::Null));
        assert_eq!(job.get("x").unwrap().raw(), "-1.5e+3");
        assert_eq!(job.get("missing"), None);
        assert_eq!(value.get("meta").unwrap().kind(), "an object");
    }

    #[test]
    fn escapes_decode_and_plain_strings_are_borrowed() {
        let value = parse(r#"["plain ü", "a\"b\\c\/d\n\t\u00e9\ud83d\ude00", "\ud800x"]"#).unwrap();
        let Json::Array { items, .. } = value else {
            panic!()
        };
        assert!(matches!(
            &items[0],
            Json::String {
                text: Cow::Borrowed("plain ü"),
                ..
            }
        ));
        assert_eq!(text(&items[1]), "a\"b\\c/d\n\té😀");
        assert_eq!(items[1].raw(), r#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#);
        assert_eq!(text(&items[2]), "\u{FFFD}x");
    }

    #[test]
    fn the_last_of_repeated_keys_wins() {
        let value = parse(r#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(value.get("a"), Some(&Json::Number("2")));
    }

    #[test]
    fn anything_that_is_not_json_is_refused() {
        for bad in [
            "",
            "<html>oops</html>",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "{a: 1}",
            "[1] [2]",
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "nulls",
            "\"unterminated",
            "\"bad \\x escape\"",
            "\"\\u12\"",
            "\"raw\ncontrol\"",
            "'single'",
            "NaN",
        ] {
            assert_eq!(parse(bad), Err(NotJson), "{bad:?} was accepted");
        }
    }

    #[test]
    fn hostile_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep), Err(NotJson));
        let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn numbers_read_exactly_where_it_matters() {
        assert_eq!(number_value("103.2"), Some(103.2));
        assert_eq!(number_value("-0.5"), Some(-0.5));
        assert_eq!(number_value("12"), Some(12.0));
        assert_eq!(number_value("1.5E2"), Some(150.0));
        assert_eq!(number_value("25e-1"), Some(2.5));
        assert_eq!(number_value("0.1"), Some(0.1));
        assert_eq!(
            number_value("12345678901234567890123"),
            Some(1.2345678901234568e22)
        );
        assert_eq!(number_value("1e999"), Some(f64::INFINITY));
        assert_eq!(number_value("abc"), None);
    }
}
