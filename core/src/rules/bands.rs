//! `bands`: the points of the first step whose bounds all hold.

use rust_decimal::Decimal;

use super::{Ctx, Operand, Rule, Trace, WhyCx};
use crate::error::{Code, Pos};
use crate::expr::Fail;
use crate::i18n::{Arg, ArgRef, MsgRef, msg_ref};
use crate::msg;
use crate::ruleset::compile::Compiler;
use crate::ruleset::model::{BandsDecl, NodeDecl};
use crate::types::InputType;

/// One step: bounds and points.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    /// v ≥ x.
    pub at_least: Option<Decimal>,
    /// v > x.
    pub above: Option<Decimal>,
    /// v ≤ x.
    pub at_most: Option<Decimal>,
    /// v < x.
    pub below: Option<Decimal>,
    /// v = x.
    pub equals: Option<Decimal>,
    /// Points.
    pub points: Decimal,
}

impl Step {
    fn holds(&self, v: Decimal) -> bool {
        use crate::num::cmp;
        use std::cmp::Ordering::{Equal, Greater, Less};
        self.at_least.is_none_or(|x| cmp(v, x) != Less)
            && self.above.is_none_or(|x| cmp(v, x) == Greater)
            && self.at_most.is_none_or(|x| cmp(v, x) != Greater)
            && self.below.is_none_or(|x| cmp(v, x) == Less)
            && self.equals.is_none_or(|x| cmp(v, x) == Equal)
    }

    /// The step's bounds, as a list of messages (`≥ 80`, `< 90`; "otherwise" when it has none).
    pub(crate) fn bounds(&self) -> Arg {
        self.bounds_with(|a| a.to_arg())
    }

    /// [`Step::bounds`], borrowed, handed to `f`.
    pub(crate) fn bounds_with<R>(&self, f: impl FnOnce(ArgRef<'_>) -> R) -> R {
        let x = |b: Option<Decimal>| b.unwrap_or_default();
        let all = [
            (
                self.at_least.is_some(),
                msg_ref!("trace-bound-at-least", x = x(self.at_least)),
            ),
            (
                self.above.is_some(),
                msg_ref!("trace-bound-above", x = x(self.above)),
            ),
            (
                self.at_most.is_some(),
                msg_ref!("trace-bound-at-most", x = x(self.at_most)),
            ),
            (
                self.below.is_some(),
                msg_ref!("trace-bound-below", x = x(self.below)),
            ),
            (
                self.equals.is_some(),
                msg_ref!("trace-bound-equals", x = x(self.equals)),
            ),
        ];
        let otherwise = msg_ref!("trace-bound-otherwise");
        let mut parts = [ArgRef::Msg(&otherwise); 5];
        let mut n = 0;
        for (on, m) in &all {
            if let (true, Some(slot)) = (*on, parts.get_mut(n)) {
                *slot = ArgRef::Msg(m);
                n += 1;
            }
        }
        f(ArgRef::List(parts.get(..n.max(1)).unwrap_or_default()))
    }
}

/// A compiled `bands` rule.
#[derive(Debug)]
pub(crate) struct Bands {
    /// The value.
    pub of: Operand,
    /// Steps in order.
    pub steps: Vec<Step>,
}

pub(super) fn compile(cx: &mut Compiler<'_>, d: &BandsDecl, node: &NodeDecl) -> Option<Rule> {
    let of = Operand::compile(
        cx,
        &d.of,
        node,
        "bands",
        &[InputType::Count, InputType::Percent, InputType::Number],
    );
    let mut ok = true;
    if d.steps.is_empty() {
        cx.err(
            Code::BandsNoSteps,
            node.rule_pos,
            node,
            msg!("unit-rule-bands-no-steps"),
        );
        ok = false;
    }
    for (i, s) in d.steps.iter().enumerate() {
        if s.points < Decimal::ZERO || s.points > node.max {
            cx.err(
                Code::PointsOutOfRange,
                s.pos,
                node,
                msg!(
                    "unit-rule-band-points-out-of-range",
                    step = i + 1,
                    points = s.points,
                    max = node.max
                ),
            );
            ok = false;
        }
    }
    let steps: Vec<Step> = d
        .steps
        .iter()
        .map(|s| Step {
            at_least: s.at_least,
            above: s.above,
            at_most: s.at_most,
            below: s.below,
            equals: s.equals,
            points: s.points,
        })
        .collect();
    if !ok {
        return None;
    }
    let at: Vec<Pos> = d.steps.iter().map(|s| s.pos).collect();
    warn_unreachable(cx, node, &steps, &at);
    Some(Rule::Bands(Bands { of: of?, steps }))
}

/// Steps beyond this many are not checked for being covered by earlier ones (the check is
/// quadratic); each is still checked for bounds that can never hold.
const MAX_COVER_CHECK: usize = 256;

/// One end of a step's set of values, on the line extended with "just below x" (`At(x, -1)`)
/// and "just above x" (`At(x, 1)`), so that open and closed ends compare as plain points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    NegInf,
    At(Decimal, i8),
    PosInf,
}

impl Step {
    /// The values the step holds for, as `[lo, hi]` on the extended line (empty when lo > hi).
    fn interval(&self) -> (End, End) {
        let mut lo = End::NegInf;
        let mut hi = End::PosInf;
        let mut raise = |e: End| lo = lo.max(e);
        if let Some(x) = self.at_least {
            raise(End::At(x, 0));
        }
        if let Some(x) = self.above {
            raise(End::At(x, 1));
        }
        if let Some(x) = self.equals {
            raise(End::At(x, 0));
        }
        let mut lower = |e: End| hi = hi.min(e);
        if let Some(x) = self.at_most {
            lower(End::At(x, 0));
        }
        if let Some(x) = self.below {
            lower(End::At(x, -1));
        }
        if let Some(x) = self.equals {
            lower(End::At(x, 0));
        }
        (lo, hi)
    }
}

/// The first point after `hi` (the first one an interval ending at `hi` leaves uncovered).
fn after(hi: End) -> End {
    match hi {
        End::At(x, e) if e < 0 => End::At(x, 0),
        End::At(x, _) => End::At(x, 1),
        other => other,
    }
}

/// True when the union of `earlier` covers `[lo, hi]`.
fn covered(mut earlier: Vec<(End, End)>, lo: End, hi: End) -> bool {
    earlier.sort();
    let mut cur = lo;
    for (a, b) in earlier {
        if a > cur {
            return false;
        }
        if b >= cur {
            if b == End::PosInf || b >= hi {
                return true;
            }
            cur = after(b);
        }
    }
    cur > hi
}

/// Warns about steps that can never hold: bounds that contradict each other, or values all
/// taken by earlier steps (steps are tried in order).
fn warn_unreachable(cx: &mut Compiler<'_>, node: &NodeDecl, steps: &[Step], at: &[Pos]) {
    let mut earlier: Vec<(End, End)> = Vec::new();
    for (i, s) in steps.iter().enumerate() {
        let (lo, hi) = s.interval();
        let why = if lo > hi {
            Some(msg!(
                "unit-rule-band-contradictory",
                step = i + 1,
                bounds = s.bounds()
            ))
        } else if i < MAX_COVER_CHECK && covered(earlier.clone(), lo, hi) {
            Some(msg!(
                "unit-rule-band-unreachable",
                step = i + 1,
                bounds = s.bounds()
            ))
        } else {
            earlier.push((lo, hi));
            None
        };
        if let Some(msg) = why {
            let d = cx
                .diagnostic(
                    Code::UnreachableBand,
                    at.get(i).copied().unwrap_or(node.rule_pos),
                    node,
                    msg,
                )
                .with_help(msg!("unit-rule-band-unreachable-help"));
            cx.warn(d);
        }
    }
}

impl Bands {
    pub(super) fn eval(&self, ctx: &Ctx<'_>) -> Result<(Decimal, Trace), Fail> {
        let v = self.of.number(ctx)?;
        match self.steps.iter().enumerate().find(|(_, s)| s.holds(v)) {
            Some((i, step)) => Ok((step.points, Trace::Band(i, v))),
            None => Ok((Decimal::ZERO, Trace::NoBand(v))),
        }
    }

    pub(super) fn why<R>(
        &self,
        i: usize,
        v: Decimal,
        w: &WhyCx<'_>,
        f: impl FnOnce(&MsgRef<'_>) -> R,
    ) -> R {
        let band = |bounds: ArgRef<'_>| {
            f(&msg_ref!(
                "trace-band",
                of = self.of.arg_ref(w.inputs),
                value = v,
                band = i + 1,
                bounds = bounds,
                points = w.fixed(w.points),
                max = w.fixed(w.max)
            ))
        };
        match self.steps.get(i) {
            Some(step) => step.bounds_with(band),
            None => band(ArgRef::List(&[])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(
        at_least: Option<i64>,
        above: Option<i64>,
        at_most: Option<i64>,
        below: Option<i64>,
        equals: Option<i64>,
    ) -> Step {
        let d = |x: Option<i64>| x.map(Decimal::from);
        Step {
            at_least: d(at_least),
            above: d(above),
            at_most: d(at_most),
            below: d(below),
            equals: d(equals),
            points: Decimal::ZERO,
        }
    }

    fn cover(earlier: &[Step], s: &Step) -> bool {
        let (lo, hi) = s.interval();
        covered(earlier.iter().map(Step::interval).collect(), lo, hi)
    }

    #[test]
    fn empty_steps() {
        let (lo, hi) = step(Some(80), None, None, Some(50), None).interval();
        assert!(lo > hi);
        let (lo, hi) = step(None, Some(5), None, Some(5), None).interval();
        assert!(lo > hi);
        let (lo, hi) = step(Some(5), None, Some(5), None, None).interval();
        assert!(lo <= hi, "[5, 5] holds for 5");
        let (lo, hi) = step(Some(5), None, None, Some(5), None).interval();
        assert!(lo > hi, "[5, 5) is empty");
    }

    #[test]
    fn covering() {
        let ge80 = step(Some(80), None, None, None, None);
        let ge50 = step(Some(50), None, None, None, None);
        let lt50 = step(None, None, None, Some(50), None);
        let le50 = step(None, None, Some(50), None, None);
        let any = step(None, None, None, None, None);
        let eq90 = step(None, None, None, None, Some(90));
        // Descending thresholds are fine; ascending ones shadow the later step.
        assert!(!cover(std::slice::from_ref(&ge80), &ge50));
        assert!(cover(std::slice::from_ref(&ge50), &ge80));
        assert!(cover(std::slice::from_ref(&ge50), &eq90));
        // [50, ∞) and (−∞, 50) leave nothing for a catch-all.
        assert!(cover(&[ge50.clone(), lt50.clone()], &any));
        // A gap at exactly 50: (50, ∞) and (−∞, 50).
        let gt50 = step(None, Some(50), None, None, None);
        assert!(!cover(&[gt50.clone(), lt50.clone()], &any));
        assert!(cover(&[gt50, le50], &any));
        assert!(!cover(&[], &any));
    }
}
