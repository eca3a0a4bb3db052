//! `rule:` of a leaf: exactly one rule kind, each read by its own function.

use super::Loader;
use super::read::{key, what, words};
use crate::error::Code;
use crate::i18n::Arg;
use crate::msg;
use crate::ruleset::model::{
    BandsDecl, DeductDecl, LevelsDecl, Operand, PerDecl, RuleDecl, ScaleDecl, StepDecl,
};
use crate::syntax::{MapReader, Node, Value};
use crate::text::nfc;
use crate::types::RuleKind;

/// Keys of a band step.
const STEP_KEYS: &[&str] = &["at_least", "above", "at_most", "below", "equals", "points"];

impl Loader<'_> {
    /// A rule: finds its one kind, then reads the kind's body.
    pub(super) fn rule(&mut self, n: &Node) -> Option<RuleDecl> {
        let m = self.map(n, &key("rule"))?;
        let names: Vec<&str> = RuleKind::ALL.iter().map(|k| k.as_str()).collect();
        let kinds: Vec<RuleKind> = RuleKind::ALL
            .iter()
            .copied()
            .filter(|k| m.has(k.as_str()))
            .collect();
        let Value::Map(entries) = &n.value else {
            return None;
        };
        let [kind] = kinds[..] else {
            let unknown = entries
                .iter()
                .filter_map(|(k, _)| k.scalar())
                .any(|k| k.parse::<RuleKind>().is_err());
            if kinds.is_empty() && unknown {
                self.finish(&m, &names, &key("rule"));
            } else if kinds.is_empty() {
                self.err(
                    Code::InvalidRule,
                    n.pos,
                    msg!("load-rule-no-kind", kinds = words(&names)),
                );
            } else {
                let written: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
                self.err(
                    Code::InvalidRule,
                    n.pos,
                    msg!(
                        "load-rule-several-kinds",
                        count = kinds.len(),
                        kinds = words(&written)
                    ),
                );
            }
            return None;
        };
        if entries.len() > 1 {
            self.finish(&m, &[kind.as_str()], &what(msg!("load-what-rule-one-kind")));
        }
        let (_, body) = entries
            .iter()
            .find(|(k, _)| k.scalar() == Some(kind.as_str()))?;
        let what = key(kind.as_str());
        match kind {
            RuleKind::Check => self.simple_operand(body, &what).map(RuleDecl::Check),
            RuleKind::Value => self.simple_operand(body, &what).map(RuleDecl::Value),
            RuleKind::Script => self
                .text(body, &super::read::what(msg!("load-what-script")))
                .map(RuleDecl::Script),
            RuleKind::Levels => self.levels(body, &what).map(RuleDecl::Levels),
            RuleKind::Bands => self.bands(body, &what).map(RuleDecl::Bands),
            RuleKind::Scale => self.scale(body, &what).map(RuleDecl::Scale),
            RuleKind::Deduct => self.deduct(body, &what).map(RuleDecl::Deduct),
            RuleKind::Per => self.per(body, &what).map(RuleDecl::Per),
        }
    }

    /// `levels: { input, points: { option: p } }`.
    fn levels(&mut self, body: &Node, what: &Arg) -> Option<LevelsDecl> {
        let mut b = self.map(body, what)?;
        let input = self
            .required(&mut b, "input", body.pos, what)
            .and_then(|v| self.text(v, &key("input")))
            .map(|s| nfc(&s));
        // Every option's points must read: a partial table would be reported as incomplete.
        let points = self
            .required(&mut b, "points", body.pos, what)
            .and_then(|p| {
                let n = match &p.value {
                    Value::Map(entries) => Some(entries.len()),
                    _ => None,
                };
                let pairs = self.number_pairs(
                    p,
                    &key("levels.points"),
                    &super::read::what(msg!("load-what-level-points")),
                );
                (Some(pairs.len()) == n).then_some(pairs)
            });
        self.finish(&b, &["input", "points"], what);
        Some(LevelsDecl {
            input: input?,
            points: points?,
        })
    }

    /// `bands: { input | expr, steps }`.
    fn bands(&mut self, body: &Node, what: &Arg) -> Option<BandsDecl> {
        let mut b = self.map(body, what)?;
        let of = self.source(&mut b, body, what);
        let steps = self
            .required(&mut b, "steps", body.pos, what)
            .map(|s| self.steps(s));
        self.finish(&b, &["input", "expr", "steps"], what);
        Some(BandsDecl {
            of: of?,
            steps: steps??,
        })
    }

    /// `scale: { input | expr, from, to }`.
    fn scale(&mut self, body: &Node, what: &Arg) -> Option<ScaleDecl> {
        let mut b = self.map(body, what)?;
        let of = self.source(&mut b, body, what);
        let from = self
            .required(&mut b, "from", body.pos, what)
            .and_then(|v| self.number(v, &key("from")));
        let to = self
            .required(&mut b, "to", body.pos, what)
            .and_then(|v| self.number(v, &key("to")));
        self.finish(&b, &["input", "expr", "from", "to"], what);
        Some(ScaleDecl {
            of: of?,
            from: from?,
            to: to?,
        })
    }

    /// `deduct: { input | expr, per, floor }`.
    fn deduct(&mut self, body: &Node, what: &Arg) -> Option<DeductDecl> {
        let mut b = self.map(body, what)?;
        let of = self.source(&mut b, body, what);
        let per = self
            .required(&mut b, "per", body.pos, what)
            .and_then(|v| self.number(v, &key("per")));
        let floor = b.get("floor").map(|v| self.number(v, &key("floor")));
        self.finish(&b, &["input", "expr", "per", "floor"], what);
        Some(DeductDecl {
            of: of?,
            per: per?,
            floor: match floor {
                Some(f) => Some(f?),
                None => None,
            },
        })
    }

    /// `per: { input | expr, points }`.
    fn per(&mut self, body: &Node, what: &Arg) -> Option<PerDecl> {
        let mut b = self.map(body, what)?;
        let of = self.source(&mut b, body, what);
        let points = self
            .required(&mut b, "points", body.pos, what)
            .and_then(|v| self.number(v, &key("points")));
        self.finish(&b, &["input", "expr", "points"], what);
        Some(PerDecl {
            of: of?,
            points: points?,
        })
    }

    /// `input: NAME` or `expr: "..."`, exactly one, inside a rule's mapping.
    fn source(&mut self, b: &mut MapReader<'_>, body: &Node, what: &Arg) -> Option<Operand> {
        match (b.get("input"), b.get("expr")) {
            (Some(i), None) => self.text(i, &key("input")).map(|s| Operand::Input(nfc(&s))),
            (None, Some(e)) => self.text(e, &key("expr")).map(Operand::Expr),
            (Some(_), Some(_)) => {
                self.err(
                    Code::InvalidRule,
                    body.pos,
                    msg!("load-rule-input-and-expr", what = what.clone()),
                );
                None
            }
            (None, None) => {
                self.err(
                    Code::MissingKey,
                    body.pos,
                    msg!("load-rule-no-source", what = what.clone()),
                );
                None
            }
        }
    }

    /// `check: NAME`, or the mapping form with `input` or `expr`.
    fn simple_operand(&mut self, body: &Node, what: &Arg) -> Option<Operand> {
        if let Value::Scalar(..) = body.value {
            return self.text(body, what).map(|s| Operand::Input(nfc(&s)));
        }
        let mut b = self.map(body, what)?;
        let of = self.source(&mut b, body, what);
        self.finish(&b, &["input", "expr"], what);
        of
    }

    /// The steps of `bands`; none when some step could not be read (the rule is then not
    /// checked further, so a bad bound does not cascade into misleading band checks).
    fn steps(&mut self, n: &Node) -> Option<Vec<StepDecl>> {
        let items = self.list(n, &what(msg!("load-what-steps")));
        let mut out = Some(Vec::new());
        for it in items {
            let step = self.step(it);
            out = match (out, step) {
                (Some(mut v), Some(s)) => {
                    v.push(s);
                    Some(v)
                }
                _ => None,
            };
        }
        if !matches!(n.value, Value::Seq(_)) {
            return None;
        }
        out
    }

    /// One band step.
    fn step(&mut self, it: &Node) -> Option<StepDecl> {
        let step = what(msg!("load-what-band-step"));
        let mut m = self.map(it, &step)?;
        let mut ok = true;
        let mut bound = |this: &mut Self, key: &str| match m.get(key) {
            Some(v) => {
                let d = this.number(v, &Arg::ident(key));
                ok &= d.is_some();
                d
            }
            None => None,
        };
        let at_least = bound(self, "at_least");
        let above = bound(self, "above");
        let at_most = bound(self, "at_most");
        let below = bound(self, "below");
        let equals = bound(self, "equals");
        let points = self
            .required(&mut m, "points", it.pos, &step)
            .and_then(|v| self.number(v, &key("points")));
        self.finish(&m, STEP_KEYS, &step);
        let step = StepDecl {
            at_least,
            above,
            at_most,
            below,
            equals,
            points: points?,
            pos: it.pos,
        };
        ok.then_some(step)
    }
}
