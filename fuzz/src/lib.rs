//! Shared code of the cchc fuzz targets: the checks every target makes, and a generator of small
//! structured rulesets and unit data (`arbitrary` → YAML / CSV / JSON text) for `score_generated`.
//!
//! A target fails (libFuzzer reports a crash) when the engine panics, aborts, or breaks one of the
//! checks below: an error without a diagnostic, a diagnostic without a message, a unit whose
//! `total` leaves `[0, max]` or whose index leaves `[0, 100]`.

use std::fmt::Write as _;
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Result as ArbResult, Unstructured};
use cchc::{DataFormat, Decimal, Error, Ruleset, UnitResult};

/// The shipped commune criteria set: unit data read by the `units_*` targets is scored with it.
pub fn shipped_ruleset() -> &'static Ruleset {
    static RS: OnceLock<Ruleset> = OnceLock::new();
    RS.get_or_init(|| {
        let text = include_str!("../../rules/ha-noi/thach-that/xa-thi-tran/2021.yaml");
        match Ruleset::from_yaml_str(text, "xa-thi-tran/2021.yaml") {
            Ok(rs) => rs,
            Err(e) => panic!("the shipped ruleset does not load: {e}"),
        }
    })
}

/// An error must carry at least one diagnostic, each with a code and a message.
pub fn check_error(e: &Error) {
    let diags = e.diagnostics();
    assert!(!diags.is_empty(), "an error without diagnostics: {e:?}");
    for d in diags {
        assert!(!d.code.as_str().is_empty());
        check_message(&d.message);
    }
    // Rendering never panics.
    let _ = e.to_string();
}

/// A message renders to a non-empty text in every language, from the catalogue (not the bare id).
pub fn check_message(m: &cchc::Message) {
    for lang in cchc::Lang::ALL {
        let text = m.render(*lang);
        assert!(!text.trim().is_empty(), "an empty message: {m:?}");
        assert_ne!(
            text,
            m.id(),
            "a message missing from the {lang} catalogue: {m:?}"
        );
    }
}

/// The spec's invariants of a unit result: `0 ≤ total ≤ max`, `0 ≤ index ≤ 100`.
pub fn check_result(r: &UnitResult) {
    assert!(r.total >= Decimal::ZERO, "negative total: {r:?}");
    assert!(r.total <= r.max, "total above max: {r:?}");
    if let Some(index) = r.index {
        assert!(
            index >= Decimal::ZERO && index <= Decimal::ONE_HUNDRED,
            "index out of range: {r:?}"
        );
    }
    for issue in r.errors.iter().chain(r.warnings.iter()) {
        check_message(&issue.message);
    }
}

/// Reads unit data in `format` and, when it reads, scores it with the shipped ruleset.
pub fn read_and_score(data: &[u8], format: DataFormat) {
    match cchc::read_units_bytes(data, format, "fuzz-data") {
        Ok(units) => {
            let rs = shipped_ruleset();
            let batch = rs.score_batch(&units);
            for r in &batch.results {
                check_result(r);
            }
        }
        Err(e) => check_error(&e),
    }
}

/// Reads a workbook's units from bytes (`read_workbook`, the first sheet) and scores them.
pub fn read_workbook_and_score(data: &[u8]) {
    match cchc::data::read_workbook(data, "fuzz.xlsx", None) {
        Ok(units) => {
            let batch = shipped_ruleset().score_batch(&units);
            for r in &batch.results {
                check_result(r);
            }
        }
        Err(e) => check_error(&e),
    }
}

/// Loads a ruleset from bytes; when it loads, runs its own tests and scores an empty unit.
pub fn load_ruleset(data: &[u8]) {
    match Ruleset::from_bytes(data, "fuzz.yaml") {
        Ok(rs) => {
            let _ = rs.run_tests();
            let r = rs.score(&cchc::Unit::new("u"));
            check_result(&r);
        }
        Err(e) => check_error(&e),
    }
}

// ---------------------------------------------------------------------------------------------
// Generated rulesets.

const MAX_INPUTS: usize = 6;
const MAX_NODES: usize = 24;
const MAX_DEPTH: u32 = 3;

/// A decimal from a small set of shapes: small values with 0–2 places mostly, extremes sometimes.
#[derive(Debug, Clone, Copy)]
pub struct Num(pub Decimal);

impl<'a> Arbitrary<'a> for Num {
    fn arbitrary(u: &mut Unstructured<'a>) -> ArbResult<Self> {
        let d = match u.int_in_range(0u8..=9)? {
            0 => Decimal::ZERO,
            1 => Decimal::MAX,
            2 => Decimal::MIN,
            3 => Decimal::from_i128_with_scale(
                u.arbitrary::<i64>()? as i128,
                u.int_in_range(0..=28)?,
            ),
            _ => Decimal::new(u.int_in_range(-200i64..=2000)?, u.int_in_range(0..=2)?),
        };
        Ok(Num(d))
    }
}

/// A number as written in a rule file: the loader refuses magnitudes over 10^18, so larger ones
/// are folded into that range (the `ruleset` target covers the refusal).
fn rn(n: Num) -> Decimal {
    let limit = Decimal::from(1_000_000_000_000_000_000i64);
    if n.0.abs() >= limit {
        n.0 % limit
    } else {
        n.0
    }
}

/// A positive max with at most two places.
fn positive(u: &mut Unstructured<'_>) -> ArbResult<Decimal> {
    Ok(Decimal::new(
        u.int_in_range(1i64..=400)?,
        u.int_in_range(0..=2)?,
    ))
}

#[derive(Debug, Clone, Copy, Arbitrary, PartialEq)]
enum InputType {
    Bool,
    Count,
    Percent,
    Number,
    Choice,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum OnMissing {
    Error,
    Zero,
    NotApplicable,
}

impl OnMissing {
    fn as_str(self) -> &'static str {
        match self {
            OnMissing::Error => "error",
            OnMissing::Zero => "zero",
            OnMissing::NotApplicable => "not_applicable",
        }
    }
}

#[derive(Debug, Arbitrary)]
struct InputSpec {
    ty: InputType,
    on_missing: Option<OnMissing>,
    min: Option<Num>,
    max: Option<Num>,
    options: u8,
    default: Option<Num>,
}

/// An expression over the inputs: numbers, names, arithmetic, comparisons, the helpers.
#[derive(Debug)]
enum Expr {
    Lit(Num),
    Int(i16),
    Input(u8),
    Bin(Box<Expr>, BinOp, Box<Expr>),
    Neg(Box<Expr>),
    Call(Func, Vec<Expr>),
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `let s = 0; for i in 0..n { s += e; } s`: exercises the operation limit.
    Loop(u16, Box<Expr>),
    /// A text literal (wrong types must fail per node, not panic).
    Text(u8),
}

/// Deepest generated expression (a recursive derive would spend the whole input on one tree).
const MAX_EXPR_DEPTH: u32 = 4;

impl Expr {
    fn gen(u: &mut Unstructured<'_>, depth: u32) -> ArbResult<Expr> {
        let leaf = depth >= MAX_EXPR_DEPTH || u.is_empty();
        let pick = if leaf {
            u.int_in_range(0u8..=3)?
        } else {
            u.int_in_range(0u8..=9)?
        };
        let sub = |u: &mut Unstructured<'_>| Expr::gen(u, depth + 1).map(Box::new);
        Ok(match pick {
            0 => Expr::Lit(u.arbitrary()?),
            1 => Expr::Int(u.arbitrary()?),
            2 => Expr::Input(u.arbitrary()?),
            3 => Expr::Text(u.arbitrary()?),
            4 | 5 => {
                let a = sub(u)?;
                let op = u.arbitrary()?;
                Expr::Bin(a, op, sub(u)?)
            }
            6 => Expr::Neg(sub(u)?),
            7 => {
                let f = u.arbitrary()?;
                let n = u.int_in_range(0..=3)?;
                let mut args = Vec::with_capacity(n);
                for _ in 0..n {
                    args.push(Expr::gen(u, depth + 1)?);
                }
                Expr::Call(f, args)
            }
            8 => Expr::If(sub(u)?, sub(u)?, sub(u)?),
            _ => Expr::Loop(u.arbitrary()?, sub(u)?),
        })
    }
}

impl<'a> Arbitrary<'a> for Expr {
    fn arbitrary(u: &mut Unstructured<'a>) -> ArbResult<Self> {
        Expr::gen(u, 0)
    }
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Pow,
    Lt,
    Ge,
    Eq,
    And,
    Or,
    Shl,
}

impl BinOp {
    fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::Pow => "**",
            BinOp::Lt => "<",
            BinOp::Ge => ">=",
            BinOp::Eq => "==",
            BinOp::And => "&&",
            BinOp::Or => "||",
            BinOp::Shl => "<<",
        }
    }
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum Func {
    Min,
    Max,
    Clamp,
    Abs,
    Round,
}

impl Func {
    fn as_str(self) -> &'static str {
        match self {
            Func::Min => "min",
            Func::Max => "max",
            Func::Clamp => "clamp",
            Func::Abs => "abs",
            Func::Round => "round",
        }
    }
}

#[derive(Debug, Arbitrary)]
enum Src {
    Input(u8),
    Expr(Expr),
}

#[derive(Debug, Arbitrary)]
struct Step {
    at_least: Option<Num>,
    above: Option<Num>,
    at_most: Option<Num>,
    below: Option<Num>,
    equals: Option<Num>,
    /// Points as quarters of the node's max.
    quarters: u8,
}

/// Up to six band steps.
#[derive(Debug)]
struct Steps(Vec<Step>);

impl<'a> Arbitrary<'a> for Steps {
    fn arbitrary(u: &mut Unstructured<'a>) -> ArbResult<Self> {
        items(u, 6).map(Steps)
    }
}

#[derive(Debug, Arbitrary)]
enum RuleSpec {
    Check(Src),
    Bands(Src, Steps),
    Scale(Src, Num, Num),
    Deduct(Src, Num, Option<u8>),
    Per(Src, Num),
    Levels(u8, Vec<u8>),
    Value(Src),
    Script(Expr, Expr),
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum Kind {
    Normal,
    Bonus,
    Penalty,
}

#[derive(Debug)]
struct NodeSpec {
    kind: Kind,
    applies_if: Option<Expr>,
    full_if_na: bool,
    /// A group when it has children (and depth allows), else a leaf with `rule`.
    children: Vec<NodeSpec>,
    cap: bool,
    rule: RuleSpec,
}

impl NodeSpec {
    fn gen(u: &mut Unstructured<'_>, depth: u32) -> ArbResult<NodeSpec> {
        let kind = u.arbitrary()?;
        let applies_if = if u.ratio(1u8, 4)? {
            Some(u.arbitrary()?)
        } else {
            None
        };
        let full_if_na = u.arbitrary()?;
        let mut children = Vec::new();
        if depth < MAX_DEPTH && u.ratio(1u8, 3)? {
            let n = u.int_in_range(1..=4)?;
            for _ in 0..n {
                children.push(NodeSpec::gen(u, depth + 1)?);
            }
        }
        let cap = u.ratio(1u8, 5)?;
        let rule = u.arbitrary()?;
        Ok(NodeSpec {
            kind,
            applies_if,
            full_if_na,
            children,
            cap,
            rule,
        })
    }
}

impl<'a> Arbitrary<'a> for NodeSpec {
    fn arbitrary(u: &mut Unstructured<'a>) -> ArbResult<Self> {
        NodeSpec::gen(u, 1)
    }
}

#[derive(Debug, Arbitrary)]
struct GradeSpec {
    at_least: u8,
    requires: Option<Expr>,
}

/// A unit's value, written as a CSV cell or a JSON/YAML scalar.
#[derive(Debug, Arbitrary)]
enum CellSpec {
    Missing,
    Num(Num),
    Bool(bool),
    Text(String),
    Comma(u16, u8),
    Percent(u8),
}

#[derive(Debug)]
struct UnitSpec {
    kind: u8,
    values: Vec<CellSpec>,
    not_applicable: Vec<u8>,
}

/// A whole case: a ruleset and unit data in one format.
#[derive(Debug)]
pub struct CaseSpec {
    inputs: Vec<InputSpec>,
    criteria: Vec<NodeSpec>,
    grades: Vec<GradeSpec>,
    on_missing: Option<OnMissing>,
    rounding: Option<u8>,
    dense: bool,
    units: Vec<UnitSpec>,
    format: u8,
}

/// `n` items, `n` read first from a small range (a derived `Vec` would spend most of the input
/// on items that are then dropped).
fn items<'a, T: Arbitrary<'a>>(u: &mut Unstructured<'a>, max: usize) -> ArbResult<Vec<T>> {
    let n = u.int_in_range(0..=max)?;
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        v.push(u.arbitrary()?);
    }
    Ok(v)
}

impl<'a> Arbitrary<'a> for CaseSpec {
    fn arbitrary(u: &mut Unstructured<'a>) -> ArbResult<Self> {
        Ok(CaseSpec {
            inputs: items(u, MAX_INPUTS)?,
            criteria: items(u, 6)?,
            grades: items(u, 5)?,
            on_missing: u.arbitrary()?,
            rounding: u.arbitrary()?,
            dense: u.arbitrary()?,
            format: u.arbitrary()?,
            units: items(u, 8)?,
        })
    }
}

impl<'a> Arbitrary<'a> for UnitSpec {
    fn arbitrary(u: &mut Unstructured<'a>) -> ArbResult<Self> {
        Ok(UnitSpec {
            kind: u.arbitrary()?,
            values: items(u, MAX_INPUTS)?,
            not_applicable: items(u, 3)?,
        })
    }
}

/// The texts of a generated case.
#[derive(Debug)]
pub struct Case {
    /// The rule file (YAML).
    pub ruleset: String,
    /// The unit data.
    pub data: String,
    /// The data's format.
    pub format: DataFormat,
}

impl Case {
    /// The extension of the data file (`csv`, `json`, `yaml`).
    pub fn data_ext(&self) -> &'static str {
        match self.format {
            DataFormat::Csv => "csv",
            DataFormat::Json => "json",
            _ => "yaml",
        }
    }
}

/// A YAML/JSON double-quoted string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Gen<'s> {
    inputs: Vec<(String, &'s InputSpec)>,
    out: String,
    ids: Vec<String>,
    nodes: usize,
}

impl<'s> Gen<'s> {
    fn input(&self, i: u8) -> Option<&(String, &'s InputSpec)> {
        if self.inputs.is_empty() {
            None
        } else {
            self.inputs.get(i as usize % self.inputs.len())
        }
    }

    /// The first input of type `ty` from position `i` on.
    fn input_of(&self, i: u8, ty: &[InputType]) -> Option<&str> {
        let n = self.inputs.len();
        (0..n)
            .map(|k| &self.inputs[(i as usize + k) % n])
            .find(|(_, s)| ty.contains(&s.ty))
            .map(|(name, _)| name.as_str())
    }

    /// Writes an expression; `script` allows statement blocks (loops), which expressions refuse.
    fn expr(&self, e: &Expr, depth: u32, script: bool, out: &mut String) {
        if depth > 4 {
            out.push('1');
            return;
        }
        match e {
            Expr::Lit(n) => {
                let _ = write!(out, "{}", n.0);
            }
            Expr::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Expr::Input(i) => match self.input(*i) {
                Some((name, _)) => out.push_str(name),
                None => out.push('0'),
            },
            Expr::Bin(a, op @ (BinOp::And | BinOp::Or), b) => {
                // Rhai refuses `&&`/`||` on number literals at compile time: compare first.
                out.push_str("((");
                self.expr(a, depth + 1, script, out);
                let _ = write!(out, ") >= 0 {} (", op.as_str());
                self.expr(b, depth + 1, script, out);
                out.push_str(") >= 0)");
            }
            Expr::Bin(a, op, b) => {
                out.push('(');
                self.expr(a, depth + 1, script, out);
                let _ = write!(out, " {} ", op.as_str());
                self.expr(b, depth + 1, script, out);
                out.push(')');
            }
            Expr::Neg(a) => {
                out.push_str("-(");
                self.expr(a, depth + 1, script, out);
                out.push(')');
            }
            Expr::Call(f, args) => {
                out.push_str(f.as_str());
                out.push('(');
                for (k, a) in args.iter().take(3).enumerate() {
                    if k > 0 {
                        out.push_str(", ");
                    }
                    self.expr(a, depth + 1, script, out);
                }
                out.push(')');
            }
            Expr::If(c, a, b) => {
                out.push_str("if (");
                self.expr(c, depth + 1, script, out);
                out.push_str(") >= 0 { ");
                self.expr(a, depth + 1, script, out);
                out.push_str(" } else { ");
                self.expr(b, depth + 1, script, out);
                out.push_str(" }");
            }
            Expr::Loop(n, body) if !script => {
                let _ = write!(out, "min({n}, ");
                self.expr(body, depth + 1, script, out);
                out.push(')');
            }
            Expr::Loop(n, body) => {
                let _ = write!(out, "{{ let s = 0; for i in 0..{n} {{ s += ");
                self.expr(body, depth + 1, script, out);
                out.push_str("; } s }");
            }
            Expr::Text(n) => {
                let _ = write!(out, "\"t{n}\"");
            }
        }
    }

    fn expr_string(&self, e: &Expr) -> String {
        let mut s = String::new();
        self.expr(e, 0, false, &mut s);
        s
    }

    fn script_string(&self, e: &Expr) -> String {
        let mut s = String::new();
        self.expr(e, 0, true, &mut s);
        s
    }

    /// `input: NAME` when an input of the wanted types exists, else `expr: "..."`.
    fn src(&self, src: &Src, ty: &[InputType]) -> String {
        match src {
            Src::Input(i) => match self.input_of(*i, ty) {
                Some(name) => format!("input: {name}"),
                None => "expr: \"1\"".to_string(),
            },
            Src::Expr(e) => format!("expr: {}", q(&self.expr_string(e))),
        }
    }

    /// Writes a node and returns its max (declared), or `None` when the node budget ran out.
    fn node(
        &mut self,
        u: &mut Unstructured<'_>,
        spec: &NodeSpec,
        id: String,
        depth: u32,
        indent: usize,
    ) -> ArbResult<Option<(Decimal, Kind)>> {
        if self.nodes >= MAX_NODES {
            return Ok(None);
        }
        self.nodes += 1;
        self.ids.push(id.clone());
        let pad = " ".repeat(indent);
        let mut head = String::new();
        let _ = writeln!(head, "{pad}- id: {}", q(&id));
        let _ = writeln!(head, "{pad}  title: {}", q(&format!("Tiêu chí {id}")));
        match spec.kind {
            Kind::Normal => {}
            Kind::Bonus => {
                let _ = writeln!(head, "{pad}  kind: bonus");
            }
            Kind::Penalty => {
                let _ = writeln!(head, "{pad}  kind: penalty");
            }
        }
        if let Some(e) = &spec.applies_if {
            let _ = writeln!(head, "{pad}  applies_if: {}", q(&self.expr_string(e)));
            if spec.full_if_na {
                let _ = writeln!(head, "{pad}  if_not_applicable: full");
            }
        }
        if !spec.children.is_empty() && depth < MAX_DEPTH {
            let mut body = String::new();
            let mut sum = Decimal::ZERO;
            let mut any = false;
            let ids_before = self.ids.len();
            let saved = std::mem::take(&mut self.out);
            for (k, child) in spec.children.iter().enumerate() {
                let cid = format!("{id}.{}", k + 1);
                if let Some((m, kind)) = self.node(u, child, cid, depth + 1, indent + 4)? {
                    if matches!(kind, Kind::Normal) {
                        sum += m;
                        any = true;
                    }
                }
            }
            let children = std::mem::replace(&mut self.out, saved);
            if any {
                let max = if spec.cap {
                    (sum / Decimal::TWO).round_dp(2).max(Decimal::new(1, 2))
                } else {
                    sum
                };
                let _ = writeln!(body, "{pad}  max: {max}");
                if spec.cap {
                    let _ = writeln!(body, "{pad}  cap: true");
                }
                let _ = writeln!(body, "{pad}  children:");
                self.out.push_str(&head);
                self.out.push_str(&body);
                self.out.push_str(&children);
                return Ok(Some((max, spec.kind)));
            }
            // Only bonus/penalty children: fall through to a leaf so that the group max holds.
            self.ids.truncate(ids_before);
        }
        let max = positive(u)?;
        self.out.push_str(&head);
        let _ = writeln!(self.out, "{pad}  max: {max}");
        let rule = self.rule(&spec.rule, max);
        let _ = writeln!(self.out, "{pad}  rule: {rule}");
        Ok(Some((max, spec.kind)))
    }

    fn rule(&self, r: &RuleSpec, max: Decimal) -> String {
        use InputType::*;
        let numeric = [Count, Percent, Number];
        match r {
            RuleSpec::Check(src) => match src {
                Src::Input(i) => match self.input_of(*i, &[Bool]) {
                    Some(name) => format!("{{ check: {name} }}"),
                    None => "{ check: { expr: \"true\" } }".to_string(),
                },
                Src::Expr(e) => format!("{{ check: {{ expr: {} }} }}", q(&self.expr_string(e))),
            },
            RuleSpec::Bands(src, steps) => {
                let mut s = format!("{{ bands: {{ {}, steps: [", self.src(src, &numeric));
                for (k, st) in steps.0.iter().enumerate() {
                    if k > 0 {
                        s.push_str(", ");
                    }
                    s.push_str("{ ");
                    for (key, v) in [
                        ("at_least", st.at_least),
                        ("above", st.above),
                        ("at_most", st.at_most),
                        ("below", st.below),
                        ("equals", st.equals),
                    ] {
                        if let Some(v) = v {
                            let _ = write!(s, "{key}: {}, ", rn(v));
                        }
                    }
                    let points =
                        (max * Decimal::from(st.quarters % 5) / Decimal::from(4)).round_dp(2);
                    let _ = write!(s, "points: {} }}", points.min(max));
                }
                if steps.0.is_empty() {
                    s.push_str("{ points: 0 }");
                }
                s.push_str("] } }");
                s
            }
            RuleSpec::Scale(src, a, b) => {
                let (a, b) = (rn(*a), rn(*b));
                let b = if a == b { a + Decimal::ONE } else { b };
                format!(
                    "{{ scale: {{ {}, from: {a}, to: {b} }} }}",
                    self.src(src, &numeric)
                )
            }
            RuleSpec::Deduct(src, per, floor) => {
                let per = if rn(*per) > Decimal::ZERO {
                    rn(*per)
                } else {
                    Decimal::new(25, 2)
                };
                let mut s = format!("{{ deduct: {{ {}, per: {per}", self.src(src, &numeric));
                if let Some(f) = floor {
                    let f = (max * Decimal::from(f % 5) / Decimal::from(4))
                        .round_dp(2)
                        .min(max);
                    let _ = write!(s, ", floor: {f}");
                }
                s.push_str(" } }");
                s
            }
            RuleSpec::Per(src, p) => {
                let p = if rn(*p) > Decimal::ZERO {
                    rn(*p)
                } else {
                    Decimal::new(5, 1)
                };
                format!("{{ per: {{ {}, points: {p} }} }}", self.src(src, &numeric))
            }
            RuleSpec::Levels(i, pts) => {
                let Some((name, spec)) = self
                    .input_of(*i, &[Choice])
                    .and_then(|n| self.inputs.iter().find(|(m, _)| m == n))
                else {
                    return "{ value: { expr: \"0\" } }".to_string();
                };
                let mut s = format!("{{ levels: {{ input: {name}, points: {{ ");
                for k in 0..options(spec) {
                    let qv = pts.get(k).copied().unwrap_or(0) % 5;
                    let p = (max * Decimal::from(qv) / Decimal::from(4))
                        .round_dp(2)
                        .min(max);
                    if k > 0 {
                        s.push_str(", ");
                    }
                    let _ = write!(s, "o{k}: {p}");
                }
                s.push_str(" } } }");
                s
            }
            RuleSpec::Value(src) => match src {
                Src::Input(i) => match self.input_of(*i, &numeric) {
                    Some(name) => format!("{{ value: {name} }}"),
                    None => "{ value: { expr: \"0\" } }".to_string(),
                },
                Src::Expr(e) => format!("{{ value: {{ expr: {} }} }}", q(&self.expr_string(e))),
            },
            RuleSpec::Script(a, b) => {
                let src = format!(
                    "let x = {};\nif x >= 0 {{ {} }} else {{ 0 }}",
                    self.script_string(a),
                    self.script_string(b)
                );
                format!("{{ script: {} }}", q(&src))
            }
        }
    }
}

fn options(spec: &InputSpec) -> usize {
    (spec.options % 4) as usize + 1
}

impl CaseSpec {
    /// Writes the ruleset and the data texts.
    pub fn render(&self, u: &mut Unstructured<'_>) -> ArbResult<Case> {
        let inputs: Vec<(String, &InputSpec)> = self
            .inputs
            .iter()
            .take(MAX_INPUTS)
            .enumerate()
            .map(|(k, s)| (format!("in_{k}"), s))
            .collect();
        let mut g = Gen {
            inputs,
            out: String::new(),
            ids: Vec::new(),
            nodes: 0,
        };

        let mut crit = String::new();
        let mut total = Decimal::ZERO;
        for (k, spec) in self.criteria.iter().enumerate() {
            let saved = std::mem::take(&mut g.out);
            let res = g.node(u, spec, format!("{}", k + 1), 1, 2)?;
            let text = std::mem::replace(&mut g.out, saved);
            if let Some((m, kind)) = res {
                crit.push_str(&text);
                if matches!(kind, Kind::Normal) {
                    total += m;
                }
            }
        }
        if total.is_zero() {
            let _ = writeln!(crit, "  - {{ id: \"z\", title: Dự phòng, max: 1, rule: {{ value: {{ expr: \"1\" }} }} }}");
            g.ids.push("z".into());
            total = Decimal::ONE;
        }

        let mut rs = String::new();
        rs.push_str(
            "format: cchc/1\nid: fuzz.generated\nversion: \"1\"\ntitle: Bộ tiêu chí sinh tự động\n",
        );
        let _ = writeln!(rs, "total: {total}");
        if let Some(p) = self.rounding {
            let _ = writeln!(rs, "rounding: {{ places: {} }}", p % 6);
        }
        if let Some(m) = self.on_missing {
            let _ = writeln!(rs, "on_missing: {}", m.as_str());
        }
        if self.dense {
            rs.push_str("ranking: dense\n");
        }
        if !g.inputs.is_empty() {
            rs.push_str("inputs:\n");
            for (name, s) in &g.inputs {
                let ty = match s.ty {
                    InputType::Bool => "bool",
                    InputType::Count => "count",
                    InputType::Percent => "percent",
                    InputType::Number => "number",
                    InputType::Choice => "choice",
                };
                let _ = write!(rs, "  {name}: {{ type: {ty}");
                if s.ty == InputType::Number {
                    let (lo, hi) = match (s.min.map(rn), s.max.map(rn)) {
                        (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                        other => other,
                    };
                    if let Some(lo) = lo {
                        let _ = write!(rs, ", min: {lo}");
                    }
                    if let Some(hi) = hi {
                        let _ = write!(rs, ", max: {hi}");
                    }
                }
                if s.ty == InputType::Choice {
                    rs.push_str(", options: [");
                    for k in 0..options(s) {
                        if k > 0 {
                            rs.push_str(", ");
                        }
                        let _ = write!(rs, "o{k}");
                    }
                    rs.push(']');
                }
                if let Some(m) = s.on_missing {
                    let _ = write!(rs, ", on_missing: {}", m.as_str());
                }
                if let Some(d) = s.default {
                    match s.ty {
                        InputType::Bool => rs.push_str(", default: false"),
                        InputType::Choice => rs.push_str(", default: o0"),
                        InputType::Count => {
                            let _ = write!(rs, ", default: {}", rn(d).abs().trunc());
                        }
                        InputType::Percent => {
                            let _ = write!(rs, ", default: {}", rn(d).abs() % Decimal::ONE_HUNDRED);
                        }
                        _ => {
                            let _ = write!(rs, ", default: {}", rn(d));
                        }
                    }
                }
                rs.push_str(" }\n");
            }
        }
        if !self.grades.is_empty() {
            rs.push_str("grades:\n");
            let mut at: Vec<u8> = self
                .grades
                .iter()
                .take(5)
                .map(|gr| gr.at_least % 101)
                .collect();
            at.sort_unstable_by(|a, b| b.cmp(a));
            for (k, (gr, a)) in self.grades.iter().zip(at).enumerate() {
                let _ = write!(rs, "  - {{ id: g{k}, label: Hạng {k}, at_least: {a}");
                if let Some(e) = &gr.requires {
                    let id = g
                        .ids
                        .get(k % g.ids.len().max(1))
                        .cloned()
                        .unwrap_or_default();
                    let cond = format!(
                        "({}) >= 0 || points({}) >= 0 || index > total",
                        g.expr_string(e),
                        q(&id)
                    );
                    let _ = write!(rs, ", requires: {}", q(&cond));
                }
                rs.push_str(" }\n");
            }
        }
        rs.push_str("criteria:\n");
        rs.push_str(&crit);

        let format = match self.format % 3 {
            0 => DataFormat::Csv,
            1 => DataFormat::Json,
            _ => DataFormat::Yaml,
        };
        let data = self.data(&g, format);
        Ok(Case {
            ruleset: rs,
            data,
            format,
        })
    }

    fn data(&self, g: &Gen<'_>, format: DataFormat) -> String {
        let units = self.units.iter().take(8);
        let mut out = String::new();
        let cell = |c: &CellSpec, csv: bool| -> Option<String> {
            match c {
                CellSpec::Missing => None,
                CellSpec::Num(n) => Some(n.0.to_string()),
                CellSpec::Bool(b) => Some(if csv {
                    if *b {
                        "có".into()
                    } else {
                        "không".into()
                    }
                } else {
                    b.to_string()
                }),
                CellSpec::Text(t) => Some(if csv { csv_cell(t) } else { q(t) }),
                CellSpec::Comma(a, b) => Some(if csv {
                    format!("{a},{b}")
                } else {
                    q(&format!("{a},{b}"))
                }),
                CellSpec::Percent(p) => Some(if csv {
                    format!("{p}%")
                } else {
                    q(&format!("{p}%"))
                }),
            }
        };
        match format {
            DataFormat::Csv => {
                out.push_str("id;kind");
                for (name, _) in &g.inputs {
                    let _ = write!(out, ";{name}");
                }
                out.push('\n');
                for (k, unit) in units.enumerate() {
                    let _ = write!(out, "u{k};k{}", unit.kind % 3);
                    for i in 0..g.inputs.len() {
                        out.push(';');
                        if let Some(s) = unit.values.get(i).and_then(|c| cell(c, true)) {
                            out.push_str(&s);
                        }
                    }
                    out.push('\n');
                }
            }
            _ => {
                let json = matches!(format, DataFormat::Json);
                out.push_str(if json { "{\"units\": [" } else { "units:\n" });
                for (k, unit) in units.enumerate() {
                    let mut vals = Vec::new();
                    for (i, (name, _)) in g.inputs.iter().enumerate() {
                        if let Some(s) = unit.values.get(i).and_then(|c| cell(c, false)) {
                            vals.push(format!("{}: {s}", q(name)));
                        }
                    }
                    let na: Vec<String> = unit
                        .not_applicable
                        .iter()
                        .take(3)
                        .filter_map(|i| g.ids.get(*i as usize % g.ids.len().max(1)))
                        .map(|id| q(id))
                        .collect();
                    let body = format!(
                        "{{\"id\": \"u{k}\", \"kind\": \"k{}\", \"values\": {{{}}}, \"not_applicable\": [{}]}}",
                        unit.kind % 3,
                        vals.join(", "),
                        na.join(", ")
                    );
                    if json {
                        if k > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(&body);
                    } else {
                        let _ = writeln!(out, "  - {body}");
                    }
                }
                if json {
                    out.push_str("]}\n");
                } else if self.units.is_empty() {
                    out = "units: []\n".into();
                }
            }
        }
        out
    }
}

/// A CSV cell: quoted when it holds the delimiter, a quote or a line break.
fn csv_cell(t: &str) -> String {
    if t.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t.to_string()
    }
}

/// Generates a case from fuzz input.
pub fn generate(data: &[u8]) -> ArbResult<Case> {
    let mut u = Unstructured::new(data);
    let spec = CaseSpec::arbitrary(&mut u)?;
    spec.render(&mut u)
}

/// Loads, reads and scores a generated case; the ruleset must load (the generator writes valid
/// files), the data may be refused with a coded error, and no unit result may break the invariants.
pub fn run_case(case: &Case) {
    let rs = match Ruleset::from_yaml_str(&case.ruleset, "generated.yaml") {
        Ok(rs) => rs,
        Err(e) => {
            check_error(&e);
            if std::env::var_os("CCHC_FUZZ_VERBOSE").is_some() {
                eprintln!("generated ruleset refused: {e}\n{}", case.ruleset);
            }
            return;
        }
    };
    match cchc::read_units(&case.data, case.format, "generated-data") {
        Ok(units) => {
            let batch = rs.score_batch(&units);
            for r in &batch.results {
                check_result(r);
            }
            if std::env::var_os("CCHC_FUZZ_VERBOSE").is_some() {
                eprintln!("generated case scored: {} unit(s)", batch.results.len());
            }
        }
        Err(e) => check_error(&e),
    }
}
