//! From the YAML tree to the model: shape, types and unknown keys, every problem reported.

use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

use super::model::*;
use crate::error::{Code, Diagnostic, Pos};
use crate::syntax::{parse_decimal, suggest, MapReader, Node, NumberError, Style, Value};

/// Nodes deeper than this are an error (a top-level criterion is at depth 1).
pub const MAX_DEPTH: usize = 8;
/// Largest magnitude of a number in a rule file (keeps every sum exact, far from overflow).
pub const MAX_MAGNITUDE: i64 = 1_000_000_000_000_000_000;
/// Most nodes in one ruleset.
pub const MAX_NODES: usize = 10_000;

/// NFC form of a text.
pub fn nfc(s: &str) -> String {
    if s.is_ascii() {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

pub(crate) struct Loader<'f> {
    pub file: &'f str,
    pub diags: Vec<Diagnostic>,
    nodes: usize,
    too_many_reported: bool,
}

const TOP_KEYS: &[&str] = &[
    "format",
    "id",
    "version",
    "title",
    "issued_by",
    "effective",
    "total",
    "rounding",
    "on_missing",
    "ranking",
    "inputs",
    "grades",
    "criteria",
    "tests",
];
const NODE_KEYS: &[&str] = &[
    "id",
    "title",
    "max",
    "description",
    "evidence",
    "kind",
    "applies_if",
    "if_not_applicable",
    "cap",
    "children",
    "rule",
];
const INPUT_KEYS: &[&str] = &[
    "type",
    "label",
    "description",
    "min",
    "max",
    "options",
    "default",
    "on_missing",
];
const RULE_KINDS: &[&str] = &[
    "check", "bands", "scale", "deduct", "per", "levels", "value", "script",
];

impl<'f> Loader<'f> {
    pub fn new(file: &'f str) -> Self {
        Loader {
            file,
            diags: Vec::new(),
            nodes: 0,
            too_many_reported: false,
        }
    }

    pub fn err(&mut self, code: Code, pos: Pos, crit: Option<&str>, msg: impl Into<String>) {
        self.diags
            .push(Diagnostic::new(code, self.file, pos, msg).with_criterion(crit));
    }

    fn map<'a>(&mut self, node: &'a Node, what: &str, crit: Option<&str>) -> Option<MapReader<'a>> {
        let r = MapReader::new(node);
        if r.is_none() {
            self.err(
                Code::WrongType,
                node.pos,
                crit,
                format!(
                    "{what} must be a mapping of `key: value` lines, but this is {}",
                    node.describe()
                ),
            );
        }
        r
    }

    /// The items of a list, or none (and a `wrong_type` problem) when `n` is not a list.
    fn list<'a>(&mut self, n: &'a Node, what: &str, crit: Option<&str>) -> &'a [Node] {
        match &n.value {
            Value::Seq(items) => items,
            _ => {
                self.err(
                    Code::WrongType,
                    n.pos,
                    crit,
                    format!("{what} must be a list, but this is {}", n.describe()),
                );
                &[]
            }
        }
    }

    fn finish(&mut self, r: &MapReader<'_>, allowed: &[&str], what: &str, crit: Option<&str>) {
        let unread: Vec<_> = r.unread().collect();
        for (k, key) in unread {
            let hint = match suggest(key, allowed.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the keys allowed here are: {}", allowed.join(", ")),
            };
            self.err(
                Code::UnknownKey,
                k.pos,
                crit,
                format!("unknown key `{key}` in {what}; {hint}"),
            );
        }
    }

    fn required<'a>(
        &mut self,
        r: &mut MapReader<'a>,
        key: &str,
        at: Pos,
        what: &str,
        crit: Option<&str>,
    ) -> Option<&'a Node> {
        let v = r.get(key);
        if v.is_none() {
            self.err(
                Code::MissingKey,
                at,
                crit,
                format!("{what} needs a `{key}`; add `{key}: ...`"),
            );
        }
        v
    }

    /// Any scalar as text (ids and versions may be written as numbers).
    pub fn text(&mut self, node: &Node, what: &str, crit: Option<&str>) -> Option<String> {
        match &node.value {
            Value::Scalar(s, _) if !node.is_null() => Some(s.clone()),
            _ => {
                self.err(
                    Code::WrongType,
                    node.pos,
                    crit,
                    format!("{what} must be text, but this is {}", node.describe()),
                );
                None
            }
        }
    }

    pub fn number(&mut self, node: &Node, what: &str, crit: Option<&str>) -> Option<Decimal> {
        match &node.value {
            Value::Scalar(s, Style::Plain) => match parse_decimal(s) {
                Ok(d) if d.abs() > Decimal::from(MAX_MAGNITUDE) => {
                    self.err(Code::InvalidNumber, node.pos, crit, format!("{what} `{s}` is too large; numbers in a rule file are at most {MAX_MAGNITUDE} in size"));
                    None
                }
                Ok(d) => Some(d),
                Err(NumberError::NotANumber) => {
                    self.err(Code::WrongType, node.pos, crit, format!("{what} must be a number, but `{s}` is not one; write digits with `.` as the decimal point"));
                    None
                }
                Err(NumberError::NotFinite) => {
                    self.err(
                        Code::InvalidNumber,
                        node.pos,
                        crit,
                        format!("{what} must be a finite number, not `{s}`"),
                    );
                    None
                }
                Err(NumberError::Inexact) => {
                    self.err(Code::InvalidNumber, node.pos, crit, format!("{what} `{s}` cannot be held exactly (at most 28 significant digits); shorten it"));
                    None
                }
            },
            _ => {
                self.err(
                    Code::WrongType,
                    node.pos,
                    crit,
                    format!(
                        "{what} must be a number (unquoted), but this is {}",
                        node.describe()
                    ),
                );
                None
            }
        }
    }

    fn boolean(&mut self, node: &Node, what: &str, crit: Option<&str>) -> Option<bool> {
        let b = node.as_bool();
        if b.is_none() {
            self.err(
                Code::WrongType,
                node.pos,
                crit,
                format!(
                    "{what} must be true or false, but this is {}",
                    node.describe()
                ),
            );
        }
        b
    }

    fn choose<T: Copy>(
        &mut self,
        node: &Node,
        what: &str,
        crit: Option<&str>,
        options: &[(&str, T)],
    ) -> Option<T> {
        let s = self.text(node, what, crit)?;
        if let Some((_, t)) = options.iter().find(|(k, _)| *k == s) {
            return Some(*t);
        }
        let names: Vec<&str> = options.iter().map(|(k, _)| *k).collect();
        let hint = match suggest(&s, names.iter().copied()) {
            Some(n) => format!("did you mean `{n}`?"),
            None => format!("use one of: {}", names.join(", ")),
        };
        self.err(
            Code::InvalidValue,
            node.pos,
            crit,
            format!("`{s}` is not a valid {what}; {hint}"),
        );
        None
    }

    fn text_list(&mut self, node: &Node, what: &str, crit: Option<&str>) -> Option<Vec<String>> {
        match &node.value {
            Value::Seq(items) => {
                let mut out = Vec::new();
                for it in items {
                    if let Some(t) = self.text(it, what, crit) {
                        out.push(t);
                    }
                }
                Some(out)
            }
            _ => {
                self.err(
                    Code::WrongType,
                    node.pos,
                    crit,
                    format!(
                        "{what} must be a list (`[a, b]` or `- a` lines), but this is {}",
                        node.describe()
                    ),
                );
                None
            }
        }
    }

    fn pairs<'a>(
        &mut self,
        node: &'a Node,
        what: &str,
        crit: Option<&str>,
    ) -> Vec<(String, Pos, &'a Node)> {
        match &node.value {
            Value::Map(entries) => entries
                .iter()
                .filter_map(|(k, v)| self.text(k, what, crit).map(|t| (nfc(&t), k.pos, v)))
                .collect(),
            _ => {
                self.err(
                    Code::WrongType,
                    node.pos,
                    crit,
                    format!("{what} must be a mapping, but this is {}", node.describe()),
                );
                Vec::new()
            }
        }
    }

    pub fn scalar(&mut self, node: &Node, what: &str, crit: Option<&str>) -> Option<Scalar> {
        if let Some(b) = node.as_bool() {
            return Some(Scalar::Bool(b));
        }
        if node.looks_numeric() {
            return self.number(node, what, crit).map(Scalar::Number);
        }
        match &node.value {
            Value::Scalar(s, _) if !node.is_null() => Some(Scalar::Text(nfc(s))),
            _ => {
                self.err(
                    Code::WrongType,
                    node.pos,
                    crit,
                    format!(
                        "{what} must be true/false, a number or text, but this is {}",
                        node.describe()
                    ),
                );
                None
            }
        }
    }

    /// The whole document.
    pub fn document(&mut self, root: Option<&Node>) -> Option<RulesetDoc> {
        let start = Pos { line: 1, column: 1 };
        let Some(root) = root else {
            self.err(
                Code::MissingKey,
                start,
                None,
                "the file is empty; a ruleset starts with `format: cchc/1`",
            );
            return None;
        };
        let mut r = self.map(root, "a ruleset", None)?;
        let format = self.required(&mut r, "format", root.pos, "a ruleset", None).and_then(|n| {
            let f = self.text(n, "`format`", None)?;
            if f != "cchc/1" {
                self.err(Code::UnsupportedFormat, n.pos, None, format!("format `{f}` is not supported; this engine reads `cchc/1` (write `format: cchc/1`)"));
            }
            Some(f)
        });
        let id = self
            .required(&mut r, "id", root.pos, "a ruleset", None)
            .and_then(|n| self.text(n, "`id`", None));
        let version = self
            .required(&mut r, "version", root.pos, "a ruleset", None)
            .and_then(|n| self.text(n, "`version`", None));
        let title = self
            .required(&mut r, "title", root.pos, "a ruleset", None)
            .and_then(|n| self.text(n, "`title`", None));
        let issued_by = r
            .get("issued_by")
            .and_then(|n| self.text(n, "`issued_by`", None));
        let effective = r.get("effective").and_then(|n| self.effective(n));
        let total_node = self.required(&mut r, "total", root.pos, "a ruleset", None);
        let total_pos = total_node.map(|n| n.pos).unwrap_or(root.pos);
        let total = total_node.and_then(|n| self.number(n, "`total`", None));
        let rounding = r.get("rounding").and_then(|n| {
            let mut m = self.map(n, "`rounding`", None)?;
            let p = self.required(&mut m, "places", n.pos, "`rounding`", None)?;
            self.finish(&m, &["places"], "`rounding`", None);
            let d = self.number(p, "`rounding.places`", None)?;
            match u32::try_from(d)
                .ok()
                .filter(|v| Decimal::from(*v) == d && *v <= 10)
            {
                Some(places) => Some(Rounding { places }),
                None => {
                    self.err(
                        Code::InvalidValue,
                        p.pos,
                        None,
                        "`rounding.places` must be a whole number from 0 to 10",
                    );
                    None
                }
            }
        });
        let on_missing = r.get("on_missing").and_then(|n| self.on_missing(n, None));
        let ranking = r.get("ranking").and_then(|n| {
            self.choose(
                n,
                "ranking",
                None,
                &[
                    ("competition", RankingMode::Competition),
                    ("dense", RankingMode::Dense),
                ],
            )
        });
        let inputs = match r.get("inputs") {
            Some(n) => self.inputs(n),
            None => Vec::new(),
        };
        let grades = match r.get("grades") {
            Some(n) => self.grades(n),
            None => Vec::new(),
        };
        let criteria = self
            .required(&mut r, "criteria", root.pos, "a ruleset", None)
            .map(|n| self.node_list(n, 1))
            .unwrap_or_default();
        let tests = match r.get("tests") {
            Some(n) => self.tests(n),
            None => Vec::new(),
        };
        self.finish(&r, TOP_KEYS, "the ruleset", None);
        Some(RulesetDoc {
            format: format?,
            id: id?,
            version: version?,
            title: title?,
            issued_by,
            effective,
            total: total?,
            rounding,
            on_missing,
            ranking,
            inputs,
            grades,
            criteria,
            tests,
            total_pos,
        })
    }

    fn effective(&mut self, n: &Node) -> Option<Effective> {
        let mut m = self.map(n, "`effective`", None)?;
        let date = |this: &mut Self, key: &str, m: &mut MapReader<'_>| -> Option<String> {
            let v = m.get(key)?;
            let t = this.text(v, "a date", None)?;
            let ok = t.len() == 10
                && t.as_bytes().iter().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        *b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                })
                && (1..=12).contains(&t[5..7].parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&t[8..10].parse::<u32>().unwrap_or(0));
            if !ok {
                this.err(
                    Code::InvalidValue,
                    v.pos,
                    None,
                    format!("`{t}` is not a date; write it as YYYY-MM-DD, e.g. 2021-01-01"),
                );
                return None;
            }
            Some(t)
        };
        let from = date(self, "from", &mut m);
        let to = date(self, "to", &mut m);
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                self.err(
                    Code::InvalidValue,
                    n.pos,
                    None,
                    format!("`effective.from` ({f}) is after `effective.to` ({t}); swap them"),
                );
            }
        }
        self.finish(&m, &["from", "to"], "`effective`", None);
        Some(Effective { from, to })
    }

    fn on_missing(&mut self, n: &Node, crit: Option<&str>) -> Option<OnMissing> {
        self.choose(
            n,
            "on_missing policy",
            crit,
            &[
                ("error", OnMissing::Error),
                ("zero", OnMissing::Zero),
                ("not_applicable", OnMissing::NotApplicable),
            ],
        )
    }

    fn inputs(&mut self, n: &Node) -> Vec<(String, InputDecl)> {
        let mut out = Vec::new();
        for (name, _kpos, v) in self.pairs(n, "`inputs`", None) {
            if let Some(decl) = self.input(&name, v) {
                out.push((name, decl));
            }
        }
        out
    }

    fn input(&mut self, name: &str, n: &Node) -> Option<InputDecl> {
        let what = format!("input `{name}`");
        let mut m = self.map(n, &what, None)?;
        let ty = self
            .required(&mut m, "type", n.pos, &what, None)
            .and_then(|t| {
                self.choose(
                    t,
                    "input type",
                    None,
                    &[
                        ("bool", InputType::Bool),
                        ("count", InputType::Count),
                        ("percent", InputType::Percent),
                        ("number", InputType::Number),
                        ("choice", InputType::Choice),
                    ],
                )
            });
        let label = m.get("label").and_then(|v| self.text(v, "`label`", None));
        let description = m
            .get("description")
            .and_then(|v| self.text(v, "`description`", None));
        let min = m.get("min").and_then(|v| self.number(v, "`min`", None));
        let max = m.get("max").and_then(|v| self.number(v, "`max`", None));
        let options = m
            .get("options")
            .and_then(|v| self.text_list(v, "`options`", None))
            .map(|o| o.iter().map(|s| nfc(s)).collect());
        let default = m
            .get("default")
            .and_then(|v| self.scalar(v, "`default`", None));
        let on_missing = m.get("on_missing").and_then(|v| self.on_missing(v, None));
        self.finish(&m, INPUT_KEYS, &what, None);
        Some(InputDecl {
            ty: ty?,
            label,
            description,
            min,
            max,
            options,
            default,
            on_missing,
            pos: n.pos,
        })
    }

    fn grades(&mut self, n: &Node) -> Vec<GradeDecl> {
        let items = self.list(n, "`grades`", None);
        let mut out = Vec::new();
        for it in items {
            let Some(mut m) = self.map(it, "a grade", None) else {
                continue;
            };
            let id = self
                .required(&mut m, "id", it.pos, "a grade", None)
                .and_then(|v| self.text(v, "a grade id", None));
            let label = self
                .required(&mut m, "label", it.pos, "a grade", None)
                .and_then(|v| self.text(v, "a grade label", None));
            let at_least = self
                .required(&mut m, "at_least", it.pos, "a grade", None)
                .and_then(|v| self.number(v, "`at_least`", None));
            let requires = m
                .get("requires")
                .and_then(|v| self.text(v, "`requires`", None));
            self.finish(
                &m,
                &["id", "label", "at_least", "requires"],
                "a grade",
                None,
            );
            if let (Some(id), Some(label), Some(at_least)) = (id, label, at_least) {
                out.push(GradeDecl {
                    id: nfc(&id),
                    label,
                    at_least,
                    requires,
                    pos: it.pos,
                });
            }
        }
        out
    }

    fn node_list(&mut self, n: &Node, depth: usize) -> Vec<NodeDecl> {
        let items = self.list(n, "criteria and children (`- id: ...` entries)", None);
        let mut out = Vec::new();
        for it in items {
            self.nodes += 1;
            if self.nodes > MAX_NODES && !self.too_many_reported {
                self.too_many_reported = true;
                self.err(Code::TooManyNodes, it.pos, None, format!("the ruleset has more than {MAX_NODES} criteria; split it into several rulesets"));
            }
            if let Some(node) = self.node(it, depth) {
                out.push(node);
            }
        }
        out
    }

    fn node(&mut self, n: &Node, depth: usize) -> Option<NodeDecl> {
        let mut m = self.map(n, "a criterion", None)?;
        let id = self
            .required(&mut m, "id", n.pos, "a criterion", None)
            .and_then(|v| self.text(v, "a criterion id", None))
            .map(|s| nfc(&s));
        let crit = id.as_deref();
        let title = self
            .required(&mut m, "title", n.pos, "a criterion", crit)
            .and_then(|v| self.text(v, "`title`", crit));
        let max = self
            .required(&mut m, "max", n.pos, "a criterion", crit)
            .and_then(|v| self.number(v, "`max`", crit));
        let description = m
            .get("description")
            .and_then(|v| self.text(v, "`description`", crit));
        let evidence = m
            .get("evidence")
            .and_then(|v| self.text_list(v, "`evidence`", crit));
        let kind = m.get("kind").and_then(|v| {
            self.choose(
                v,
                "node kind",
                crit,
                &[
                    ("normal", NodeKind::Normal),
                    ("bonus", NodeKind::Bonus),
                    ("penalty", NodeKind::Penalty),
                ],
            )
        });
        let applies_if = m
            .get("applies_if")
            .and_then(|v| self.text(v, "`applies_if`", crit));
        let if_not_applicable = m.get("if_not_applicable").and_then(|v| {
            self.choose(
                v,
                "if_not_applicable",
                crit,
                &[
                    ("exclude", IfNotApplicable::Exclude),
                    ("full", IfNotApplicable::Full),
                ],
            )
        });
        let cap = m.get("cap").and_then(|v| self.boolean(v, "`cap`", crit));
        let children = match m.get("children") {
            Some(c) if depth >= MAX_DEPTH => {
                self.err(
                    Code::TooDeep,
                    c.pos,
                    crit,
                    format!("criteria nest deeper than {MAX_DEPTH} levels here; flatten the tree"),
                );
                None
            }
            Some(c) => Some(self.node_list(c, depth + 1)),
            None => None,
        };
        let rule_node = m.get("rule");
        let rule = rule_node.and_then(|v| self.rule(v, crit));
        self.finish(
            &m,
            NODE_KEYS,
            &format!("criterion `{}`", crit.unwrap_or("?")),
            crit,
        );
        Some(NodeDecl {
            id: id?,
            title: title?,
            max: max?,
            description,
            evidence,
            kind,
            applies_if,
            if_not_applicable,
            cap,
            children,
            rule,
            pos: n.pos,
            rule_pos: rule_node.map(|r| r.pos).unwrap_or(n.pos),
        })
    }

    fn rule(&mut self, n: &Node, crit: Option<&str>) -> Option<RuleDecl> {
        let m = self.map(n, "`rule`", crit)?;
        let kinds: Vec<&str> = RULE_KINDS.iter().copied().filter(|k| m.has(k)).collect();
        let Value::Map(entries) = &n.value else {
            return None;
        };
        if kinds.len() != 1 {
            let unknown: Vec<&str> = entries
                .iter()
                .filter_map(|(k, _)| k.scalar())
                .filter(|k| !RULE_KINDS.contains(k))
                .collect();
            if kinds.is_empty() && !unknown.is_empty() {
                self.finish(&m, RULE_KINDS, "`rule`", crit);
            } else {
                let msg = if kinds.is_empty() {
                    format!(
                        "`rule` names no rule kind; write exactly one of: {}",
                        RULE_KINDS.join(", ")
                    )
                } else {
                    format!(
                        "`rule` names {} rule kinds ({}); keep exactly one",
                        kinds.len(),
                        kinds.join(", ")
                    )
                };
                self.err(Code::InvalidRule, n.pos, crit, msg);
            }
            return None;
        }
        if entries.len() > 1 {
            self.finish(
                &m,
                &[kinds[0]],
                "`rule` (one rule kind per criterion)",
                crit,
            );
        }
        let kind = kinds[0];
        let (_, body) = entries.iter().find(|(k, _)| k.scalar() == Some(kind))?;
        let what = format!("`{kind}`");
        match kind {
            "check" => self.simple_operand(body, &what, crit).map(RuleDecl::Check),
            "value" => self.simple_operand(body, &what, crit).map(RuleDecl::Value),
            "script" => self.text(body, "a script", crit).map(RuleDecl::Script),
            "levels" => {
                let mut b = self.map(body, &what, crit)?;
                let input = self
                    .required(&mut b, "input", body.pos, &what, crit)
                    .and_then(|v| self.text(v, "`input`", crit))
                    .map(|s| nfc(&s));
                let points_node = self.required(&mut b, "points", body.pos, &what, crit);
                let points = points_node.map(|p| {
                    self.pairs(p, "`levels.points`", crit)
                        .into_iter()
                        .filter_map(|(k, _, v)| {
                            self.number(v, "level points", crit).map(|d| (k, d))
                        })
                        .collect()
                });
                self.finish(&b, &["input", "points"], &what, crit);
                Some(RuleDecl::Levels(LevelsDecl {
                    input: input?,
                    points: points?,
                }))
            }
            _ => {
                let mut b = self.map(body, &what, crit)?;
                let of = self.source(&mut b, body, &what, crit);
                let rule = match kind {
                    "bands" => {
                        let steps = self
                            .required(&mut b, "steps", body.pos, &what, crit)
                            .map(|s| self.steps(s, crit));
                        self.finish(&b, &["input", "expr", "steps"], &what, crit);
                        RuleDecl::Bands(BandsDecl {
                            of: of?,
                            steps: steps?,
                        })
                    }
                    "scale" => {
                        let from = self
                            .required(&mut b, "from", body.pos, &what, crit)
                            .and_then(|v| self.number(v, "`from`", crit));
                        let to = self
                            .required(&mut b, "to", body.pos, &what, crit)
                            .and_then(|v| self.number(v, "`to`", crit));
                        self.finish(&b, &["input", "expr", "from", "to"], &what, crit);
                        RuleDecl::Scale(ScaleDecl {
                            of: of?,
                            from: from?,
                            to: to?,
                        })
                    }
                    "deduct" => {
                        let per = self
                            .required(&mut b, "per", body.pos, &what, crit)
                            .and_then(|v| self.number(v, "`per`", crit));
                        let floor = b.get("floor").and_then(|v| self.number(v, "`floor`", crit));
                        self.finish(&b, &["input", "expr", "per", "floor"], &what, crit);
                        RuleDecl::Deduct(DeductDecl {
                            of: of?,
                            per: per?,
                            floor,
                        })
                    }
                    _ => {
                        let points = self
                            .required(&mut b, "points", body.pos, &what, crit)
                            .and_then(|v| self.number(v, "`points`", crit));
                        self.finish(&b, &["input", "expr", "points"], &what, crit);
                        RuleDecl::Per(PerDecl {
                            of: of?,
                            points: points?,
                        })
                    }
                };
                Some(rule)
            }
        }
    }

    /// `input: NAME` or `expr: "..."`, exactly one, inside a rule's mapping.
    fn source(
        &mut self,
        b: &mut MapReader<'_>,
        body: &Node,
        what: &str,
        crit: Option<&str>,
    ) -> Option<Operand> {
        let input = b.get("input");
        let expr = b.get("expr");
        match (input, expr) {
            (Some(i), None) => self
                .text(i, "`input`", crit)
                .map(|s| Operand::Input(nfc(&s))),
            (None, Some(e)) => self.text(e, "`expr`", crit).map(Operand::Expr),
            (Some(_), Some(_)) => {
                self.err(
                    Code::InvalidRule,
                    body.pos,
                    crit,
                    format!("{what} has both `input` and `expr`; keep one"),
                );
                None
            }
            (None, None) => {
                self.err(
                    Code::MissingKey,
                    body.pos,
                    crit,
                    format!("{what} needs `input: NAME` or `expr: \"...\"`"),
                );
                None
            }
        }
    }

    fn simple_operand(&mut self, body: &Node, what: &str, crit: Option<&str>) -> Option<Operand> {
        if let Value::Scalar(..) = body.value {
            return self.text(body, what, crit).map(|s| Operand::Input(nfc(&s)));
        }
        let mut b = self.map(body, what, crit)?;
        let of = self.source(&mut b, body, what, crit);
        self.finish(&b, &["input", "expr"], what, crit);
        of
    }

    fn steps(&mut self, n: &Node, crit: Option<&str>) -> Vec<StepDecl> {
        let items = self.list(n, "`steps` (`- { at_least: x, points: p }` entries)", crit);
        let mut out = Vec::new();
        for it in items {
            let Some(mut m) = self.map(it, "a band step", crit) else {
                continue;
            };
            let mut bound = |this: &mut Self, key: &str| {
                m.get(key)
                    .and_then(|v| this.number(v, &format!("`{key}`"), crit))
            };
            let at_least = bound(self, "at_least");
            let above = bound(self, "above");
            let at_most = bound(self, "at_most");
            let below = bound(self, "below");
            let equals = bound(self, "equals");
            let points = self
                .required(&mut m, "points", it.pos, "a band step", crit)
                .and_then(|v| self.number(v, "`points`", crit));
            self.finish(
                &m,
                &["at_least", "above", "at_most", "below", "equals", "points"],
                "a band step",
                crit,
            );
            if let Some(points) = points {
                out.push(StepDecl {
                    at_least,
                    above,
                    at_most,
                    below,
                    equals,
                    points,
                });
            }
        }
        out
    }

    fn tests(&mut self, n: &Node) -> Vec<TestDecl> {
        let items = self.list(n, "`tests`", None);
        let mut out = Vec::new();
        for it in items {
            let Some(mut m) = self.map(it, "a test", None) else {
                continue;
            };
            let name = self
                .required(&mut m, "name", it.pos, "a test", None)
                .and_then(|v| self.text(v, "a test name", None));
            let values = m
                .get("values")
                .map(|v| {
                    self.pairs(v, "`values`", None)
                        .into_iter()
                        .filter_map(|(k, _, v)| {
                            if v.is_null() {
                                None
                            } else {
                                self.scalar(v, "a value", None).map(|s| (k, s))
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            let not_applicable = m
                .get("not_applicable")
                .and_then(|v| self.text_list(v, "`not_applicable`", None))
                .map(|l| l.iter().map(|s| nfc(s)).collect())
                .unwrap_or_default();
            let self_assessed = m
                .get("self_assessed")
                .map(|v| {
                    self.pairs(v, "`self_assessed`", None)
                        .into_iter()
                        .filter_map(|(k, _, v)| {
                            self.number(v, "self-assessed points", None).map(|d| (k, d))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let expect = self
                .required(&mut m, "expect", it.pos, "a test", None)
                .and_then(|e| self.expectation(e));
            self.finish(
                &m,
                &[
                    "name",
                    "values",
                    "not_applicable",
                    "self_assessed",
                    "expect",
                ],
                "a test",
                None,
            );
            if let (Some(name), Some(expect)) = (name, expect) {
                out.push(TestDecl {
                    name,
                    values,
                    not_applicable,
                    self_assessed,
                    expect,
                    pos: it.pos,
                });
            }
        }
        out
    }

    fn expectation(&mut self, n: &Node) -> Option<ExpectDecl> {
        let mut m = self.map(n, "`expect`", None)?;
        let mut e = ExpectDecl::default();
        if let Some(p) = m.get("points") {
            e.points = self
                .pairs(p, "`expect.points`", None)
                .into_iter()
                .filter_map(|(k, _, v)| self.number(v, "expected points", None).map(|d| (k, d)))
                .collect();
        }
        e.total = m.get("total").and_then(|v| self.number(v, "`total`", None));
        e.index = m.get("index").and_then(|v| {
            if v.is_null() {
                Some(None)
            } else {
                self.number(v, "`index`", None).map(Some)
            }
        });
        e.grade = m.get("grade").and_then(|v| {
            if v.is_null() {
                Some(None)
            } else {
                self.text(v, "`grade`", None).map(|g| Some(nfc(&g)))
            }
        });
        e.status = m.get("status").and_then(|v| {
            let s = self.text(v, "`status`", None)?;
            if !matches!(s.as_str(), "complete" | "incomplete" | "error") {
                self.err(
                    Code::InvalidValue,
                    v.pos,
                    None,
                    format!("`{s}` is not a unit status; use complete, incomplete or error"),
                );
                return None;
            }
            Some(s)
        });
        self.finish(
            &m,
            &["points", "total", "index", "grade", "status"],
            "`expect`",
            None,
        );
        Some(e)
    }
}
