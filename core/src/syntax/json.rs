//! A fast reader for plain JSON documents, giving the very tree that the YAML reader gives for
//! them (JSON is YAML): the same scalars with the same styles and the same positions.
//!
//! Bindings hand units over as JSON text, and reading it through the YAML library costs many
//! times the scoring. This reader takes only what it can read exactly as the YAML reader does,
//! and declines everything else (returns `None`), which the caller then reads the YAML way, with
//! its error messages: a syntax error, escapes in a string, tabs or carriage returns, a
//! document that is not a list or a mapping, nesting deeper than the limit, a very long key.
//! Its tests compare both readers' trees.

use super::yaml::{Node, Style, Value};
use crate::error::Pos;

/// Longest key taken (YAML limits an implicit key to 1024 characters; longer keys are left to
/// the YAML reader and its message).
const MAX_KEY_BYTES: usize = 1000;

struct Reader<'a> {
    t: &'a str,
    b: &'a [u8],
    i: usize,
    line: u32,
    /// Column of `i`, in characters, from 1.
    col: u32,
    depth: usize,
}

/// The tree of `text` when it is a plain JSON list or mapping (a leading BOM skipped) nested
/// at most `depth` deep, else `None`.
pub(crate) fn parse(text: &str, depth: usize) -> Option<Node> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = Reader {
        t: text,
        b: text.as_bytes(),
        i: 0,
        line: 1,
        col: 1,
        depth,
    };
    r.ws();
    if !matches!(r.peek(), Some(b'{' | b'[')) {
        return None;
    }
    let root = r.value(1)?;
    r.ws();
    (r.i == r.b.len()).then_some(root)
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.col,
        }
    }

    /// Skips spaces and line feeds (tabs and carriage returns are left to the YAML reader).
    fn ws(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                b' ' => self.col = self.col.saturating_add(1),
                b'\n' => {
                    self.line = self.line.saturating_add(1);
                    self.col = 1;
                }
                _ => return,
            }
            self.i += 1;
        }
    }

    /// Consumes one ASCII byte.
    fn bump(&mut self) {
        self.i += 1;
        self.col = self.col.saturating_add(1);
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek() == Some(c)).then(|| self.bump())
    }

    /// A value at nesting `level` (collections count from 1).
    fn value(&mut self, level: usize) -> Option<Node> {
        let pos = self.pos();
        let value = match self.peek()? {
            b'{' => self.map(level)?,
            b'[' => self.seq(level)?,
            b'"' => Value::Scalar(self.string()?, Style::Quoted),
            _ => Value::Scalar(self.plain()?, Style::Plain),
        };
        Some(Node { pos, value })
    }

    fn map(&mut self, level: usize) -> Option<Value> {
        if level > self.depth {
            return None;
        }
        self.bump();
        self.ws();
        let mut entries = Vec::new();
        if self.eat(b'}').is_some() {
            return Some(Value::Map(entries));
        }
        loop {
            let kpos = self.pos();
            if self.peek() != Some(b'"') {
                return None;
            }
            let key = self.string()?;
            if key.len() > MAX_KEY_BYTES {
                return None;
            }
            // `"key": value`, `"key":value` and `"key" : value`.
            self.ws();
            self.eat(b':')?;
            self.ws();
            let v = self.value(level + 1)?;
            entries.push((
                Node {
                    pos: kpos,
                    value: Value::Scalar(key, Style::Quoted),
                },
                v,
            ));
            self.ws();
            match self.peek()? {
                b',' => {
                    self.bump();
                    self.ws();
                }
                b'}' => {
                    self.bump();
                    return Some(Value::Map(entries));
                }
                _ => return None,
            }
        }
    }

    fn seq(&mut self, level: usize) -> Option<Value> {
        if level > self.depth {
            return None;
        }
        self.bump();
        self.ws();
        let mut items = Vec::new();
        if self.eat(b']').is_some() {
            return Some(Value::Seq(items));
        }
        loop {
            items.push(self.value(level + 1)?);
            self.ws();
            match self.peek()? {
                b',' => {
                    self.bump();
                    self.ws();
                }
                b']' => {
                    self.bump();
                    return Some(Value::Seq(items));
                }
                _ => return None,
            }
        }
    }

    /// A string without escapes, line breaks or control characters; characters the YAML
    /// reader might treat specially (a BOM, U+2028, U+2029) are left to it.
    fn string(&mut self) -> Option<String> {
        let start = self.i + 1;
        let mut j = start;
        let mut chars = 0u32;
        loop {
            let c = *self.b.get(j)?;
            match c {
                b'"' => break,
                // Escapes, line breaks, tabs and control characters (C0, DEL, C1).
                b'\\' | 0..=0x1F | 0x7F => return None,
                0xC2 if matches!(self.b.get(j + 1), Some(0x80..=0x9F)) => return None,
                0xE2 if matches!(self.b.get(j + 1..j + 3), Some([0x80, 0xA8 | 0xA9])) => {
                    return None;
                }
                0xEF if matches!(self.b.get(j + 1..j + 3), Some([0xBB, 0xBF])) => return None,
                _ => {}
            }
            if c & 0xC0 != 0x80 {
                chars = chars.saturating_add(1);
            }
            j += 1;
        }
        // Both ends are next to a quote (ASCII), so on character boundaries.
        let s = self.t.get(start..j)?.to_string();
        self.i = j + 1;
        self.col = self.col.saturating_add(chars).saturating_add(2);
        Some(s)
    }

    /// `true`, `false`, `null` or a JSON number, followed by a space, a line feed, `,`, `]`,
    /// `}` or the end.
    fn plain(&mut self) -> Option<String> {
        let start = self.i;
        let rest = self.b.get(start..)?;
        let len = if rest.starts_with(b"true") || rest.starts_with(b"null") {
            4
        } else if rest.starts_with(b"false") {
            5
        } else {
            number_len(rest)?
        };
        if !matches!(
            rest.get(len),
            None | Some(b' ' | b'\n' | b',' | b']' | b'}')
        ) {
            return None;
        }
        let s = self.t.get(start..start + len)?.to_string();
        self.i += len;
        self.col = self.col.saturating_add(super::clamp_u32(len));
        Some(s)
    }
}

/// The length of the JSON number at the start of `b`: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn number_len(b: &[u8]) -> Option<usize> {
    let digits = |from: usize| {
        b.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let mut i = usize::from(b.first() == Some(&b'-'));
    match b.get(i)? {
        b'0' => i += 1,
        b'1'..=b'9' => i += digits(i),
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        let n = digits(i + 1);
        if n == 0 {
            return None;
        }
        i += 1 + n;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = digits(i);
        if n == 0 {
            return None;
        }
        i += n;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::yaml::{Limits, parse as yaml};
    use proptest::prelude::*;

    const LIMITS: Limits = Limits {
        alias_nodes: 1_000_000,
        alias_bytes: 64 * 1024 * 1024,
        depth: 64,
        keep_duplicate_keys: true,
    };

    /// When the fast reader takes `text`, its tree is the YAML reader's.
    fn agrees(text: &str) -> bool {
        match parse(text, LIMITS.depth) {
            Some(tree) => {
                let y = yaml(text, LIMITS);
                assert_eq!(y.as_ref().ok(), Some(&Some(tree)), "{text}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn same_tree_as_yaml() {
        let taken = [
            r#"{"id":"u1","name":"Đơn vị 1","values":{"a":true,"b":92.5,"c":"chậm","d":null,"e":0}}"#,
            r#"[{"id":"u1","values":{"a":false,"b":-0.25,"c":1e5,"d":1E-3,"e":-0,"f":12345678901234567890123456789}}]"#,
            "[\n  {\n    \"id\": \"u1\",\n    \"values\": {\n      \"a\": 1,\n      \"b\": [1, 2, []],\n      \"c\": {}\n    }\n  }\n]\n",
            r#"{"units":[{"id":"a"},{"id":"b","not_applicable":["1.1","2"]}]}"#,
            "{\"id\":\"x\",\"values\":{\"a\":1,\"a\":2,\"Kie\u{302}\u{323}m\":\"Ki\u{301}\"}}",
            "\u{feff}{\"id\": \"bom\"}",
            r#"  { "id" :"x"}"#,
            r#"{"ids":[true,false,null,"true","",0.0,10]}"#,
            r#"{"a":"x # not a comment","b":"k: v","c":"- item","d":"&anchor *alias !tag"}"#,
            "{\"a\":\"ἀ𝄞 combining e\u{301}\"}",
        ];
        for t in taken {
            assert!(agrees(t), "not taken: {t}");
        }
        // Left to the YAML reader (which reads or refuses them with its own messages).
        for t in [
            r#"{"a":"x\"y"}"#,
            "{\"a\":\t1}",
            "{\"a\":1}\r\n",
            r#"{"a":01}"#,
            r#"{"a":1.}"#,
            r#"{"a":.5}"#,
            r#"{"a":1,}"#,
            r#"{a:1}"#,
            r#""text""#,
            "5",
            "",
            r#"{"a":1} x"#,
            r#"{"a":tru}"#,
            r#"{"a":truex}"#,
            r#"{"a" 1}"#,
            r#"{"a":[1 2]}"#,
            "{\"a\":\"x\u{1}\"}",
            "{\"a\":\"x\u{85}\"}",
            "{\"a\":\"x\u{7f}\"}",
            "{\"a\":\"x\u{2028}\"}",
            "{\"a\":\"x\u{feff}\"}",
        ] {
            assert!(parse(t, LIMITS.depth).is_none(), "taken: {t}");
        }
        // A key that YAML may find too long, and nesting beyond the limit.
        let long = format!("{{\"{}\":1}}", "k".repeat(2000));
        assert!(parse(&long, LIMITS.depth).is_none());
        let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert!(parse(&deep, LIMITS.depth).is_none());
        let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
        assert!(agrees(&ok));
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            (any::<i32>(), 0u32..6).prop_map(|(m, s)| {
                let d = rust_decimal::Decimal::new(i64::from(m), s);
                serde_json::Value::Number(d.to_string().parse().unwrap())
            }),
            "[a-zA-Z0-9 _.:#&*!|>'%@`,\\[\\]{}-]{0,12}".prop_map(serde_json::Value::String),
            "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễđ ]{0,8}".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::vec(("[a-z_.0-9]{1,8}", inner), 0..6)
                    .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn random_documents_agree(v in json_value()) {
            let doc = serde_json::json!({ "units": [v.clone()], "x": v });
            prop_assert!(agrees(&serde_json::to_string(&doc).unwrap()));
            prop_assert!(agrees(&serde_json::to_string_pretty(&doc).unwrap()));
        }
    }
}
