//! Results written straight to compact JSON text: the same bytes as serialising
//! [`ResultJson`] or a batch's [`BatchView`](crate::present::BatchView) with `serde_json`, with
//! about half the work of writing a whole result through serde (docs/performance.md, D132,
//! D134).
//!
//! A tree is most of a result's JSON (110 nodes and about 2,200 keys and strings for a 100-leaf
//! ruleset), and through serde each key and string is scanned byte by byte for escapes and each
//! piece written by its own call. Here the tree's keys are literals, each node's id, title and
//! kind are written once per ruleset and copied, explanations are written from the message
//! built on the stack (D134), a string is copied whole when a scan of eight bytes at a time
//! finds nothing to escape (serde_json escapes the rare other), numbers are written as [`Num`]
//! writes them, and one text buffer serves every node's trace words. The parts outside the tree
//! (the unit, grade, rounds, warnings, errors) are few and go through serde_json as before.
//! Tests compare both writers byte for byte on every conformance case and on random rulesets.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Children, NodeNotes, NodeRounds, ResultJson, RoundList, RulesetRef, UnitResult};
use crate::i18n::{Arg, ArgRef, Lang, Localize, Message, MsgRef, labelled};
use crate::plan::{Body, Plan, PlanNode};

/// A JSON text being written.
pub(crate) struct Out<'a> {
    buf: &'a mut String,
    /// A reused buffer for trace words.
    words: String,
}

impl<'a> Out<'a> {
    pub(crate) fn new(buf: &'a mut String) -> Self {
        Out {
            buf,
            words: String::new(),
        }
    }

    /// Text written as it is (punctuation and keys known to need no escape).
    #[inline]
    fn raw(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    /// A JSON string, escaped as serde_json escapes it.
    #[inline]
    fn str(&mut self, s: &str) -> Result<(), serde_json::Error> {
        if needs_escape(s.as_bytes()) {
            return self.escaped(s);
        }
        self.quoted(s);
        Ok(())
    }

    /// `s` between quotes, as it is (known to need no escape).
    #[inline]
    fn quoted(&mut self, s: &str) {
        self.buf.reserve(s.len() + 2);
        self.buf.push('"');
        self.buf.push_str(s);
        self.buf.push('"');
    }

    /// A string with a character to escape: serde_json escapes it (rare; kept out of line so
    /// that the usual path stays small).
    #[cold]
    #[inline(never)]
    fn escaped(&mut self, s: &str) -> Result<(), serde_json::Error> {
        self.ser(s)
    }

    /// A message id or an argument name: an identifier in the program's source (`msg!`
    /// checks the id against the catalogue, whose ids are identifiers, and the names are Rust
    /// identifiers), so it is quoted as it is.
    #[inline]
    fn name(&mut self, s: &'static str) {
        debug_assert!(!needs_escape(s.as_bytes()), "{s:?} is not an identifier");
        self.quoted(s);
    }

    /// A decimal as [`Num`](super::Num) writes it: an integer when whole, else its exact digits
    /// without trailing zeros (a mantissa over 64 bits as [`crate::num::Text`] writes it).
    #[inline]
    fn num(&mut self, d: Decimal) {
        let Some((negative, int, frac, digits)) = crate::num::split(d) else {
            crate::num::Text(d).push_to(self.buf);
            return;
        };
        let mut text = itoa::Buffer::new();
        if negative {
            self.buf.push('-');
        }
        self.buf.push_str(text.format(int));
        if digits > 0 {
            let frac = text.format(frac);
            self.buf.push('.');
            for _ in frac.len()..digits {
                self.buf.push('0');
            }
            self.buf.push_str(frac);
        }
    }

    /// Anything else, through serde_json (a few values per result).
    fn ser<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), serde_json::Error> {
        self.buf.push_str(&serde_json::to_string(v)?);
        Ok(())
    }

    /// A message built on the stack, as data: `{"id":…,"args":{…}}`.
    fn msg_ref(&mut self, m: &MsgRef<'_>) -> Result<(), serde_json::Error> {
        self.fields(m.id, m.args.iter().copied())
    }

    /// An owned message, as data (as [`Out::msg_ref`]).
    fn message(&mut self, m: &Message) -> Result<(), serde_json::Error> {
        self.fields(m.id(), m.args().iter().map(|(k, a)| (*k, ArgRef::from(a))))
    }

    /// `{"id":…,"args":{…}}` (statically dispatched: this runs for every node).
    fn fields<'v>(
        &mut self,
        id: &'static str,
        args: impl Iterator<Item = (&'static str, ArgRef<'v>)>,
    ) -> Result<(), serde_json::Error> {
        self.raw("{\"id\":");
        self.name(id);
        self.raw(",\"args\":{");
        for (i, (k, a)) in args.enumerate() {
            if i > 0 {
                self.raw(",");
            }
            self.name(k);
            self.raw(":");
            self.arg(a)?;
        }
        self.raw("}}");
        Ok(())
    }

    fn arg(&mut self, a: ArgRef<'_>) -> Result<(), serde_json::Error> {
        match a {
            ArgRef::Text(t) | ArgRef::Ident(t) => self.str(t),
            ArgRef::Labelled(name, label) => labelled(name, label, |m| self.msg_ref(m)),
            ArgRef::Num(d) | ArgRef::Fixed(d, _) => {
                self.num(d);
                Ok(())
            }
            ArgRef::Int(n) => {
                self.raw(itoa::Buffer::new().format(n));
                Ok(())
            }
            ArgRef::Msg(m) => self.msg_ref(m),
            ArgRef::OwnedMsg(m) => self.message(m),
            ArgRef::List(items) => self.list(items.iter().copied()),
            ArgRef::Owned(Arg::List(items)) => self.list(items.iter().map(ArgRef::from)),
            // Any other owned argument is read as its borrowed form (never `Owned` again).
            ArgRef::Owned(a) => self.arg(ArgRef::from(a)),
        }
    }

    fn list<'v>(
        &mut self,
        items: impl Iterator<Item = ArgRef<'v>>,
    ) -> Result<(), serde_json::Error> {
        self.raw("[");
        for (i, a) in items.enumerate() {
            if i > 0 {
                self.raw(",");
            }
            self.arg(a)?;
        }
        self.raw("]");
        Ok(())
    }

    /// A result, as [`ResultJson`]'s `Serialize` writes it.
    pub(crate) fn result(&mut self, j: &ResultJson<'_>) -> Result<(), serde_json::Error> {
        let (r, opts) = (j.r, j.opts);
        let p = &r.plan;
        self.raw("{");
        if opts.ruleset {
            self.raw("\"ruleset\":");
            self.ser(&RulesetRef::of(r))?;
            self.raw(",");
        }
        self.raw("\"unit\":");
        self.ser(&r.unit)?;
        self.raw(",\"status\":");
        self.str(r.status.as_str())?;
        self.raw(",\"total\":");
        self.num(r.total);
        self.raw(",\"max\":");
        self.num(r.max);
        self.raw(",\"index\":");
        match r.index {
            Some(i) => self.num(i),
            None => self.raw("null"),
        }
        self.raw(",\"grade\":");
        self.ser(&r.grade())?;
        if let Some(sa) = r.self_assessed {
            self.raw(",\"self_assessed\":");
            self.num(sa);
            self.raw(",\"delta\":");
            match r.delta() {
                Some(d) => self.num(d),
                None => self.raw("null"),
            }
        }
        if !p.rounds.is_empty() {
            self.raw(",\"round\":");
            self.ser(&r.round())?;
            self.raw(",\"rounds\":");
            self.ser(&RoundList { r, lang: opts.lang })?;
        }
        if opts.criteria && r.has_tree() {
            self.raw(",\"criteria\":");
            self.children(&Children {
                r,
                kids: &p.roots,
                opts,
            })?;
        }
        self.raw(",\"warnings\":");
        self.ser(&r.warnings.in_lang(opts.lang))?;
        self.raw(",\"errors\":");
        self.ser(&r.errors.in_lang(opts.lang))?;
        self.raw("}");
        Ok(())
    }

    fn children(&mut self, c: &Children<'_>) -> Result<(), serde_json::Error> {
        self.raw("[");
        for (n, &k) in c.kids.iter().enumerate() {
            if n > 0 {
                self.raw(",");
            }
            self.node(c.r, k, c)?;
        }
        self.raw("]");
        Ok(())
    }

    /// A node's `trace`: the explanation's words (empty without one).
    fn trace(&mut self, why: Option<&MsgRef<'_>>, lang: Lang) -> Result<(), serde_json::Error> {
        self.raw(",\"trace\":");
        let mut words = std::mem::take(&mut self.words);
        words.clear();
        if let Some(m) = why {
            m.render_into(lang, &mut words);
        }
        let done = self.str(&words);
        self.words = words;
        done
    }

    /// A node's head: `{"id":…,"title":…,"kind":…,"points":`.
    fn head(&mut self, node: &PlanNode) -> Result<(), serde_json::Error> {
        self.raw("{\"id\":");
        self.str(&node.id)?;
        self.raw(",\"title\":");
        self.str(&node.title)?;
        self.raw(",\"kind\":");
        self.str(node.kind.as_str())?;
        self.raw(",\"points\":");
        Ok(())
    }

    /// Node `i`, as `NodeView`'s `Serialize` writes it.
    fn node(
        &mut self,
        r: &UnitResult,
        i: usize,
        c: &Children<'_>,
    ) -> Result<(), serde_json::Error> {
        let opts = c.opts;
        let (Some(node), Some(res)) = (r.plan.nodes.get(i), r.nodes.get(i)) else {
            return Err(serde::ser::Error::custom("a node index outside the plan"));
        };
        match r.plan.json_heads.get_or_init(|| heads(&r.plan)).get(i) {
            Some(head) => self.raw(head),
            None => self.head(node)?,
        }
        self.num(res.points);
        self.raw(",\"max\":");
        self.num(res.max);
        self.raw(",\"status\":");
        self.str(res.status.as_str())?;
        if opts.trace || opts.why {
            // The explanation is built once, on the stack, and its words and data are written
            // from it (D134).
            let written = r.why_with(i, |m| {
                if opts.trace {
                    self.trace(Some(m), opts.lang)?;
                }
                if opts.why {
                    self.raw(",\"why\":");
                    self.msg_ref(m)?;
                }
                Ok::<(), serde_json::Error>(())
            });
            match written {
                Some(done) => done?,
                None => {
                    if opts.trace {
                        self.trace(None, opts.lang)?;
                    }
                    if opts.why {
                        self.raw(",\"why\":null");
                    }
                }
            }
        }
        if let Some(sa) = res.self_assessed {
            self.raw(",\"self_assessed\":");
            self.num(sa);
            if let Some(d) = res.points.checked_sub(sa) {
                self.raw(",\"delta\":");
                self.num(d);
            }
        }
        if let Some(rounds) = &r.rounds {
            if !r.plan.rounds.is_empty() {
                self.raw(",\"rounds\":");
                self.ser(&NodeRounds { r, i })?;
                if let Some(ch) = r.change(i) {
                    self.raw(",\"change\":");
                    self.num(ch);
                }
            }
            if rounds.notes.iter().any(|(n, _, _)| *n == i) {
                self.raw(",\"notes\":");
                self.ser(&NodeNotes { r, i })?;
            }
            let evidence = r.evidence(i);
            if !evidence.is_empty() {
                self.raw(",\"evidence\":");
                self.ser(evidence)?;
            }
            if let Some(e) = r.explanation(i) {
                self.raw(",\"explanation\":");
                self.str(e)?;
            }
        }
        if let Body::Group(kids) = &node.body {
            self.raw(",\"children\":");
            self.children(&Children { r, kids, opts })?;
        }
        self.raw("}");
        Ok(())
    }
}

/// Every node's head ([`Out::head`]), written once per ruleset; empty if one fails (each node
/// is then written in full).
fn heads(plan: &Plan) -> Vec<String> {
    plan.nodes
        .iter()
        .map(|node| {
            let mut text = String::with_capacity(node.id.len() + node.title.len() + 48);
            Out::new(&mut text).head(node).map(|()| text)
        })
        .collect::<Result<_, _>>()
        .unwrap_or_default()
}

impl ResultJson<'_> {
    /// Appends the compact JSON text to `out`: the same bytes as `serde_json::to_writer`, written
    /// directly (about half the work of writing a whole result through serde).
    ///
    /// # Errors
    ///
    /// None in practice (every key is text and every number finite); a serialisation error is
    /// returned rather than hidden.
    pub fn write_into(&self, out: &mut String) -> Result<(), serde_json::Error> {
        Out::new(out).result(self)
    }

    /// About how many bytes the text takes (a little more for the usual ruleset), so that it is
    /// written without the buffer growing.
    fn size_hint(&self) -> usize {
        let per_node =
            96 + if self.opts.why { 128 } else { 0 } + if self.opts.trace { 192 } else { 0 };
        let nodes = if self.opts.criteria && self.r.has_tree() {
            self.r.plan.nodes.len()
        } else {
            0
        };
        nodes.saturating_mul(per_node).saturating_add(1024)
    }

    /// The compact JSON text (see [`ResultJson::write_into`]).
    ///
    /// # Errors
    ///
    /// As [`ResultJson::write_into`].
    pub fn to_text(&self) -> Result<String, serde_json::Error> {
        let mut out = String::with_capacity(self.size_hint());
        self.write_into(&mut out)?;
        Ok(out)
    }
}

/// Compact JSON text (as serde_json or the direct writer writes it) indented as serde_json's
/// pretty printer writes the same value, as if it stood `depth` levels deep (two spaces a
/// level; empty arrays and objects stay `[]` and `{}`), appended to `out`. Strings are copied
/// as they are: a compact text has no whitespace outside them.
pub(crate) fn pretty_into(text: &str, depth: usize, out: &mut Vec<u8>) {
    let b = text.as_bytes();
    let mut depth = depth;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        for _ in 0..depth {
            out.extend_from_slice(b"  ");
        }
    };
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        i += 1;
        match c {
            b'"' => {
                // To the closing quote, past escaped characters.
                let start = i - 1;
                while let Some(&d) = b.get(i) {
                    i += if d == b'\\' { 2 } else { 1 };
                    if d == b'"' {
                        break;
                    }
                }
                out.extend_from_slice(b.get(start..i.min(b.len())).unwrap_or_default());
            }
            b'{' | b'[' => {
                out.push(c);
                let close = if c == b'{' { b'}' } else { b']' };
                if b.get(i) == Some(&close) {
                    out.push(close);
                    i += 1;
                } else {
                    depth += 1;
                    newline(out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(out, depth);
                out.push(c);
            }
            b',' => {
                out.push(b',');
                newline(out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(c),
        }
    }
}

/// Whether a string holds a byte JSON escapes: a control character, `"` or `\\`. Eight bytes
/// at a time: a byte below 0x20, or equal to `"` or `\\` once XORed to zero, sets its high bit
/// in the sums below (the usual has-zero-byte and has-less-than tests, exact as a yes/no).
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |x: u64| {
        let q = x ^ (ONES * u64::from(b'"'));
        let b = x ^ (ONES * u64::from(b'\\'));
        (x.wrapping_sub(ONES * 0x20) & !x)
            | (q.wrapping_sub(ONES) & !q)
            | (b.wrapping_sub(ONES) & !b)
    };
    let at8 = |i: usize| {
        s.get(i..i + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let at4 = |i: usize| {
        s.get(i..i + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    let n = s.len();
    let hit = if n >= 8 {
        // Whole words, then the last eight bytes (overlapping the last word read).
        let mut hit = word(at8(n - 8));
        let mut i = 0;
        while i + 8 <= n {
            hit |= word(at8(i));
            i += 8;
        }
        hit
    } else if n >= 4 {
        // The first and the last four bytes (overlapping when fewer than eight).
        word(at4(0) | (at4(n - 4) << 32))
    } else {
        return s.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
    };
    hit & HIGH != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{JsonOptions, Lang, RawValue, Ruleset, Unit};

    fn same(r: &UnitResult) {
        for opts in [
            JsonOptions::new(Lang::Vi),
            JsonOptions::new(Lang::En),
            JsonOptions::new(Lang::Vi).trace(false),
            JsonOptions::new(Lang::Vi).why(false),
            JsonOptions::summary(Lang::Vi),
            JsonOptions::new(Lang::En).ruleset(false),
        ] {
            let j = r.json(opts);
            let want = serde_json::to_string(&j).unwrap();
            assert_eq!(j.to_text().unwrap(), want);
        }
    }

    #[test]
    fn escapes_like_serde_json() {
        let yaml = "format: cchc/1\nid: d\nversion: '1'\ntitle: T\ntotal: 2\ninputs: { kh: { type: bool } }\ncriteria:\n  - { id: 'a\"1', title: \"Kế \\\\ hoạch\\t\\u0001 \\\"x\\\"\", max: 1, rule: { check: kh } }\n  - { id: '2', title: Hai, max: 1, rule: { check: kh } }\n";
        let rs = Ruleset::from_yaml_str(yaml, "d.yaml").unwrap();
        for v in [
            RawValue::Bool(true),
            RawValue::Text("x\"\n".into()),
            RawValue::Null,
        ] {
            let r = rs.score(
                &Unit::new("u\"\\\u{7}")
                    .with_name("Tên \"đơn vị\"")
                    .with_value("kh", v),
            );
            same(&r);
            let text = r.json(JsonOptions::new(Lang::Vi)).to_text().unwrap();
            assert!(text.contains(r#"\\ hoạch\t\u0001 \"x\""#), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn scan_finds_every_escape(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40)) {
            // Every length up to five words, so each branch of the scan is tried.
            let want = bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
            proptest::prop_assert_eq!(needs_escape(&bytes), want);
        }

        #[test]
        fn strings_as_serde_json(s in "[ -~\\u{0}-\\u{1f}àđếữ\\u{7f}]{0,30}") {
            let mut buf = String::new();
            Out::new(&mut buf).str(&s).unwrap();
            proptest::prop_assert_eq!(buf, serde_json::to_string(&s).unwrap());
        }
    }

    /// Random JSON values: nested arrays and objects (empty ones too), strings with quotes,
    /// backslashes, brackets, commas and colons, numbers and literals.
    fn json_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            "[a-z\"\\\\{}\\[\\],: \\n\\u{0}đ]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                proptest::collection::vec(("[a-z\":\\\\]{0,4}", inner), 0..5)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn pretty_as_serde_json_writes_it(v in json_value()) {
            let mut out = Vec::new();
            pretty_into(&serde_json::to_string(&v).unwrap(), 0, &mut out);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string_pretty(&v).unwrap());
        }

        #[test]
        fn pretty_at_a_depth(v in json_value()) {
            // As an element of an array inside an object: serde_json's indentation there.
            let doc = serde_json::json!({ "a": [v.clone()] });
            let mut out = b"{\n  \"a\": [\n    ".to_vec();
            pretty_into(&serde_json::to_string(&v).unwrap(), 2, &mut out);
            out.extend_from_slice(b"\n  ]\n}");
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string_pretty(&doc).unwrap());
        }
    }

    #[test]
    fn strings_scan() {
        for s in [
            "",
            "abc",
            "Kế hoạch",
            "a\"b",
            "a\\b",
            "\u{1f}",
            "\u{7f}",
            "x\ny",
            "Tiêu chí 1.1 — điểm\"",
            "12345678\\",
            "1234567\u{0}",
            "\u{20}\u{21}\u{5b}\u{5d}\u{e0}\u{ff}",
        ] {
            let mut buf = String::new();
            Out::new(&mut buf).str(s).unwrap();
            assert_eq!(buf, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    proptest::proptest! {
        /// Any decimal (a 64-bit or a wider mantissa, any scale) as `Num` writes it.
        #[test]
        fn any_number_as_num_writes_it(
            lo in proptest::prelude::any::<i64>(),
            hi in -(1i128 << 32)..(1i128 << 32),
            wide in proptest::prelude::any::<bool>(),
            zeros in 0u32..6,
            scale in 0u32..=28,
        ) {
            let m = if wide { i128::from(lo) + (hi << 64) } else { i128::from(lo) };
            let m = m.checked_mul(10i128.pow(zeros)).filter(|m| m.unsigned_abs() < 1u128 << 96).unwrap_or(m);
            if let Ok(d) = Decimal::try_from_i128_with_scale(m, scale) {
                let mut buf = String::new();
                Out::new(&mut buf).num(d);
                proptest::prop_assert_eq!(buf, serde_json::to_string(&super::super::Num(d)).unwrap());
            }
        }
    }

    #[test]
    fn numbers_as_num_writes_them() {
        use std::str::FromStr;
        for d in [
            "0",
            "-0",
            "2.50",
            "100.00",
            "-3.000",
            "0.3",
            "-0.5",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "79228162514264337593543950335",
            "1234567890.123456789012345678",
        ] {
            let d = Decimal::from_str(d).unwrap();
            let mut buf = String::new();
            Out::new(&mut buf).num(d);
            assert_eq!(buf, serde_json::to_string(&super::super::Num(d)).unwrap());
        }
    }
}
