//! Sets of values on the number line, exact: the values an input can take (its domain) and the
//! values a band step holds for, with open and closed ends.

use rust_decimal::Decimal;

use crate::i18n::{Arg, Message};
use crate::inputs::InputDef;
use crate::msg;
use crate::ruleset::model::StepDecl;
use crate::types::InputType;

/// A point of the line extended with "just below x" (`At(x, -1)`) and "just above x"
/// (`At(x, 1)`), so that open and closed ends compare as plain points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum End {
    /// −∞.
    NegInf,
    /// x, or just below / just above it.
    At(Decimal, i8),
    /// +∞.
    PosInf,
}

/// The closed interval `[lo, hi]` of the extended line (empty when `lo > hi`). Lower ends are
/// `NegInf`, `At(x, 0)` (≥ x) or `At(x, 1)` (> x); upper ends `PosInf`, `At(x, 0)` (≤ x) or
/// `At(x, -1)` (< x).
pub(crate) type Interval = (End, End);

/// The values an input can take: an interval, whole numbers only for `count`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Domain {
    /// The interval.
    pub range: Interval,
    /// Only whole numbers (`count`).
    pub whole: bool,
}

impl Domain {
    /// The domain of a numeric input (count ≥ 0 whole, percent in [0, 100], number in
    /// [min, max]); `None` for bool and choice.
    pub(crate) fn of(def: &InputDef) -> Option<Domain> {
        let (lo, hi, whole) = match def.ty {
            InputType::Count => (End::At(Decimal::ZERO, 0), End::PosInf, true),
            InputType::Percent => (
                End::At(Decimal::ZERO, 0),
                End::At(Decimal::ONE_HUNDRED, 0),
                false,
            ),
            InputType::Number => (End::NegInf, End::PosInf, false),
            InputType::Bool | InputType::Choice => return None,
        };
        let lo = def.min.map_or(lo, |m| lo.max(End::At(m, 0)));
        let hi = def.max.map_or(hi, |m| hi.min(End::At(m, 0)));
        Some(Domain {
            range: (lo, hi),
            whole,
        })
    }

    /// True when `x` is a value of the domain.
    pub(crate) fn contains(&self, x: Decimal) -> bool {
        let p = End::At(x, 0);
        self.range.0 <= p && p <= self.range.1 && (!self.whole || x.fract().is_zero())
    }

    /// The part of `i` inside the domain, with whole-number ends for a `count` (`None` when
    /// it holds no value of the domain, or when that cannot be decided exactly).
    pub(crate) fn clip(&self, i: Interval) -> Option<Interval> {
        let lo = i.0.max(self.range.0);
        let hi = i.1.min(self.range.1);
        if lo > hi {
            return None;
        }
        if !self.whole {
            return Some((lo, hi));
        }
        let lo = match lo {
            End::At(x, 0) => End::At(x.ceil(), 0),
            End::At(x, _) => End::At(x.floor().checked_add(Decimal::ONE)?, 0),
            other => other,
        };
        let hi = match hi {
            End::At(x, 0) => End::At(x.floor(), 0),
            End::At(x, _) => End::At(x.ceil().checked_sub(Decimal::ONE)?, 0),
            other => other,
        };
        (lo <= hi).then_some((lo, hi))
    }
}

/// The values a band step holds for.
pub(crate) fn step_interval(s: &StepDecl) -> Interval {
    let mut lo = End::NegInf;
    let mut hi = End::PosInf;
    for x in [s.at_least, s.equals].into_iter().flatten() {
        lo = lo.max(End::At(x, 0));
    }
    if let Some(x) = s.above {
        lo = lo.max(End::At(x, 1));
    }
    for x in [s.at_most, s.equals].into_iter().flatten() {
        hi = hi.min(End::At(x, 0));
    }
    if let Some(x) = s.below {
        hi = hi.min(End::At(x, -1));
    }
    (lo, hi)
}

/// `set` (disjoint intervals, in order) without the values of `cut`.
pub(crate) fn subtract(set: &[Interval], cut: Interval) -> Vec<Interval> {
    let mut out = Vec::new();
    if cut.0 > cut.1 {
        return set.to_vec();
    }
    for &(lo, hi) in set {
        // The part before `cut`.
        let before = match cut.0 {
            End::At(x, 0) => Some(End::At(x, -1)),
            End::At(x, _) => Some(End::At(x, 0)),
            End::NegInf => None,
            End::PosInf => Some(End::PosInf),
        };
        if let Some(b) = before {
            let end = hi.min(b);
            if lo <= end {
                out.push((lo, end));
            }
        }
        // The part after `cut`.
        let after = match cut.1 {
            End::At(x, 0) => Some(End::At(x, 1)),
            End::At(x, _) => Some(End::At(x, 0)),
            End::PosInf => None,
            End::NegInf => Some(End::NegInf),
        };
        if let Some(a) = after {
            let start = lo.max(a);
            if start <= hi {
                out.push((start, hi));
            }
        }
    }
    out
}

/// The first part of `set` holding a value of `domain`, clipped to it.
pub(crate) fn first_value(set: &[Interval], domain: &Domain) -> Option<Interval> {
    set.iter().find_map(|&i| domain.clip(i))
}

/// An interval as a list of bounds for messages (`≥ 50`, `< 60`; `= 5` for one value).
pub(crate) fn describe(i: Interval) -> Arg {
    let mut parts: Vec<Arg> = Vec::new();
    if let (End::At(a, 0), End::At(b, 0)) = i {
        if a == b {
            return Arg::List(vec![Arg::from(msg!("trace-bound-equals", x = a))]);
        }
    }
    let push = |parts: &mut Vec<Arg>, m: Message| parts.push(Arg::from(m));
    match i.0 {
        End::At(x, 0) => push(&mut parts, msg!("trace-bound-at-least", x = x)),
        End::At(x, _) => push(&mut parts, msg!("trace-bound-above", x = x)),
        _ => {}
    }
    match i.1 {
        End::At(x, 0) => push(&mut parts, msg!("trace-bound-at-most", x = x)),
        End::At(x, _) => push(&mut parts, msg!("trace-bound-below", x = x)),
        _ => {}
    }
    if parts.is_empty() {
        push(&mut parts, msg!("trace-bound-otherwise"));
    }
    Arg::List(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn subtracting_leaves_open_and_closed_ends_right() {
        let all = vec![(End::At(d("0"), 0), End::At(d("100"), 0))];
        // Remove [50, 60): left [0, 50) and [60, 100].
        let rest = subtract(&all, (End::At(d("50"), 0), End::At(d("60"), -1)));
        assert_eq!(
            rest,
            vec![
                (End::At(d("0"), 0), End::At(d("50"), -1)),
                (End::At(d("60"), 0), End::At(d("100"), 0)),
            ]
        );
        // Remove everything above 40: [0, 40] remains... of the first part only.
        let rest = subtract(&rest, (End::At(d("40"), 1), End::PosInf));
        assert_eq!(rest, vec![(End::At(d("0"), 0), End::At(d("40"), 0))]);
    }

    #[test]
    fn whole_numbers_between_open_ends() {
        let count = Domain {
            range: (End::At(Decimal::ZERO, 0), End::PosInf),
            whole: true,
        };
        // (2, 3) holds no whole number; (2, 3] holds 3.
        assert_eq!(count.clip((End::At(d("2"), 1), End::At(d("3"), -1))), None);
        assert_eq!(
            count.clip((End::At(d("2"), 1), End::At(d("3"), 0))),
            Some((End::At(d("3"), 0), End::At(d("3"), 0)))
        );
        assert_eq!(count.clip((End::NegInf, End::At(d("-1"), 0))), None);
        assert!(count.contains(d("4")) && !count.contains(d("4.5")));
    }
}
