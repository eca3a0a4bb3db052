//! A quick reading of the JSON text `JSON.stringify` writes for plain unit objects, to
//! [`Unit`]s — the conversion the Python binding does from dicts, done here from JSON text.
//!
//! The core reads JSON data through its YAML reader, which keeps every value's place in the
//! text for the messages of a unit's problems; in WebAssembly that reading costs far more than
//! scoring the unit. This module reads only texts whose meaning is beyond doubt and gives up
//! (returns `None`, and the caller hands the text to [`cchc::read_units`]) on anything else:
//! whitespace around the text, a backslash escape anywhere, a control character, a key that is
//! not plain ASCII or is written twice, a key a unit does not have, a value that is not a
//! scalar, an id that is not text, a number the core refuses, and the keys of assessment rounds
//! (`points`, `notes`, `evidence`, `explanations`, `rounds`). What it accepts, it reads to the
//! very unit the core's reader makes (same ids, values, order, exact decimals through the
//! core's own number reader) except for the places of values in the text; and since places
//! only show in the `at` of a result's warnings and errors, the caller scores such units again
//! through the core's reader whenever a result has any warning or error. So every result is
//! the one the core's reader gives.

use std::fmt;

use cchc::{RawValue, Unit};
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

/// One unit (a JSON object) or a list of them, read quickly; `None` when the core's reader
/// must read the text.
pub(crate) fn units(text: &str) -> Option<Quick> {
    let bytes = text.as_bytes();
    let (first, last) = (bytes.first()?, bytes.last()?);
    if text.len() > cchc::data::MAX_DATA_FILE_BYTES || !plain(bytes) {
        return None;
    }
    match (first, last) {
        (b'{', b'}') => serde_json::from_str::<QuickUnit>(text)
            .ok()
            .map(|u| Quick::One(Box::new(u.0))),
        (b'[', b']') => serde_json::from_str::<Vec<QuickUnit>>(text)
            .ok()
            .map(|us| Quick::Many(us.into_iter().map(|u| u.0).collect())),
        _ => None,
    }
}

/// What a quick reading found: one unit (an object) or a list of units.
#[derive(Debug)]
pub(crate) enum Quick {
    One(Box<Unit>),
    Many(Vec<Unit>),
}

/// No backslash (so every string is exactly its text between quotes), no DEL, no C1 control
/// (U+0080–U+009F, `C2 80`–`C2 9F`), no U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`): the core
/// refuses or may read such texts otherwise. JSON itself refuses the C0 controls in strings.
fn plain(bytes: &[u8]) -> bool {
    !bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\\' | 0x7F => true,
        0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
        0xEF => bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE..=0xBF)),
        _ => false,
    })
}

/// A unit's keys, each at most once (serde refuses a repeated field), no other key: a unit with
/// round data (`points`, `notes`, `evidence`, `explanations`, `rounds`) goes to the core's reader.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fields {
    id: Option<String>,
    name: Option<String>,
    kind: Option<String>,
    values: Option<Pairs>,
    not_applicable: Option<Vec<String>>,
    self_assessed: Option<Pairs>,
}

struct QuickUnit(Unit);

impl<'de> Deserialize<'de> for QuickUnit {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = Fields::deserialize(d)?;
        let mut u = Unit::default();
        u.id = f.id;
        u.name = f.name;
        u.kind = f.kind;
        u.values = f.values.map(|p| p.0).unwrap_or_default();
        u.not_applicable = f.not_applicable.unwrap_or_default();
        u.self_assessed = f.self_assessed.map(|p| p.0).unwrap_or_default();
        Ok(QuickUnit(u))
    }
}

/// A mapping of ASCII keys, each once, to scalar values, in the order written.
struct Pairs(Vec<(String, RawValue)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(PairsVisitor)
    }
}

struct PairsVisitor;

impl<'de> Visitor<'de> for PairsVisitor {
    type Value = Pairs;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping of names to values")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value::<Scalar>()?;
            pairs.push((k, v.0));
        }
        // ASCII keys are their own NFC form, so two of them are the same key only when their
        // bytes are; the core's reader compares other keys after NFC and reports repeats.
        let mut keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        if keys.iter().any(|k| !k.is_ascii()) || keys.windows(2).any(|w| w.first() == w.last()) {
            return Err(de::Error::custom("the core's reader decides"));
        }
        Ok(Pairs(pairs))
    }
}

/// A value as the core's reader reads it from JSON: null, a bool, an exact number (the core's
/// number reader on the number's own digits, as written) or text. Anything else (a list, a
/// mapping, a number the core refuses) is left to the core's reader. The value's JSON text is
/// borrowed from the input: [`plain`] made sure that no string holds an escape, so a string's
/// text is what lies between its quotes.
struct Scalar(RawValue);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let json = <&'de serde_json::value::RawValue>::deserialize(d)?.get();
        let leave = || de::Error::custom("the core's reader decides");
        let raw = match json.as_bytes().first() {
            Some(b'n') if json == "null" => RawValue::Null,
            Some(b't') if json == "true" => RawValue::Bool(true),
            Some(b'f') if json == "false" => RawValue::Bool(false),
            Some(b'"') => RawValue::Text(
                json.get(1..json.len().saturating_sub(1))
                    .ok_or_else(leave)?
                    .to_string(),
            ),
            Some(b'-' | b'0'..=b'9') => RawValue::Number(number(json).ok_or_else(leave)?),
            _ => return Err(leave()),
        };
        Ok(Scalar(raw))
    }
}

/// The exact decimal of a JSON number's text, as the core reads it (`None`: the core refuses it,
/// or decides). Without an exponent the core's reading is the digits read exactly, then
/// normalised (`2.50` is `2.5`, `-0` is `0`): done here directly, which skips the CSV cell
/// handling (`%`, decimal commas) that [`cchc::parse_cell_number`] does first and a JSON number
/// never has. With an exponent, the core's own reader.
fn number(json: &str) -> Option<cchc::Decimal> {
    if json.bytes().any(|b| matches!(b, b'e' | b'E')) {
        return cchc::parse_cell_number(json).ok();
    }
    cchc::Decimal::from_str_exact(json)
        .ok()
        .map(|d| d.normalize())
}

#[cfg(test)]
mod tests {
    use super::{Quick, units};
    use cchc::{DataFormat, RawValue, Unit};

    fn core(text: &str) -> Vec<Unit> {
        cchc::read_units(text, DataFormat::Json, "<data>").unwrap()
    }

    /// The quick reading equals the core's but for the places (which the quick one leaves out).
    fn same(text: &str) {
        let quick = match units(text) {
            Some(Quick::One(u)) => vec![*u],
            Some(Quick::Many(us)) => us,
            None => panic!("not read quickly: {text}"),
        };
        let core = core(text);
        assert_eq!(quick.len(), core.len());
        for (q, c) in quick.iter().zip(&core) {
            assert_eq!(q.id, c.id);
            assert_eq!(q.name, c.name);
            assert_eq!(q.kind, c.kind);
            assert_eq!(q.values, c.values);
            assert_eq!(q.not_applicable, c.not_applicable);
            assert_eq!(q.self_assessed, c.self_assessed);
            assert_eq!(q.problems, c.problems);
        }
    }

    #[test]
    fn plain_units_read_as_the_core_reads_them() {
        same(
            r#"{"id":"a","name":"Đơn vị","kind":"xa","values":{"b":true,"n":78.46,"z":-0,"e":1.5e3,"c":"dung_han","m":null,"big":12345678901234567890123},"not_applicable":["1.2"],"self_assessed":{"1":1.50}}"#,
        );
        same(
            r#"[{"id":"a"},{"id":"b","values":{}},{"id":null,"values":null,"not_applicable":null}]"#,
        );
        same("[]");
        same(r#"{"id":"","name":"null"}"#);
        let Some(Quick::One(u)) = units(r#"{"id":"a","values":{"n":2.50}}"#) else {
            panic!("not read quickly");
        };
        assert_eq!(
            u.values.first().map(|(_, v)| v.clone()),
            Some(RawValue::Number(rust_decimal_250()))
        );
    }

    fn rust_decimal_250() -> cchc::Decimal {
        cchc::Decimal::new(250, 2)
    }

    #[test]
    fn numbers_read_as_the_core_reads_them() {
        for text in [
            "0",
            "-0",
            "7",
            "-12",
            "2.50",
            "78.46",
            "0.000",
            "-0.0",
            "100",
            "1.5e3",
            "15E-1",
            "12345678901234567890123",
            "1234567890123456789012345678",
            "0.1234567890123456789012345678",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "1.00000000000000000000000000001",
            "1e400",
            "1e-400",
        ] {
            let core = cchc::parse_cell_number(text).ok().map(|d| d.to_string());
            let quick = super::number(text).map(|d| d.to_string());
            assert_eq!(quick, core, "{text}");
        }
    }

    #[test]
    fn anything_unusual_is_left_to_the_core() {
        for text in [
            r#" {"id":"a"}"#,
            r#"{"id":"a"} "#,
            r#"{"id":"a\u00e9"}"#,
            r#"{"id":"a","values":{"x":1,"x":2}}"#,
            r#"{"id":"a","values":{"é":1}}"#,
            r#"{"id":"a","id":"b"}"#,
            r#"{"id":"a","extra":1}"#,
            r#"{"units":[{"id":"a"}]}"#,
            r#"{"id":5}"#,
            r#"{"id":"a","values":{"x":[1]}}"#,
            r#"{"id":"a","values":{"x":{"y":1}}}"#,
            r#"{"id":"a","values":{"x":1.00000000000000000000000000001}}"#,
            r#"{"id":"a","values":{"x":1e400}}"#,
            r#"{"id":"a","not_applicable":[1]}"#,
            // Round data (issue #11) is the core reader's alone.
            r#"{"id":"a","points":{"1":1}}"#,
            r#"{"id":"a","notes":{"1":"x"}}"#,
            r#"{"id":"a","evidence":{"1":["x"]}}"#,
            r#"{"id":"a","explanations":{"1":"x"}}"#,
            r#"{"id":"a","rounds":{"r2":{"values":{"x":1}}}}"#,
            r#"[{"id":"a"},{"id":"b","rounds":{}}]"#,
            "{\"id\":\"a\u{85}\"}",
            "{\"id\":\"a\u{7f}\"}",
            "[1]",
            "[{\"id\":\"a\"},2]",
            "{\"id\":\"a\"",
            "",
        ] {
            assert!(units(text).is_none(), "read quickly: {text}");
        }
    }
}
