//! `band_never_holds` (a step no value of the input reaches, given its type, `min` and `max`
//! and the steps before it) and `band_gap` (values of the input that no step covers).

use super::Lint;
use super::domain::{self, Interval};
use crate::error::Code;
use crate::msg;
use crate::ruleset::model::{BandsDecl, NodeDecl, RuleDecl};

pub(super) fn check(cx: &mut Lint<'_>, node: &NodeDecl, rule: &RuleDecl) {
    let RuleDecl::Bands(b) = rule else {
        return;
    };
    let Some((dom, of)) = cx.operand(&b.of) else {
        return;
    };
    let Some(all) = dom.clip(dom.range) else {
        return;
    };
    // What is left of the whole line, and of the input's values, after each step.
    let mut line: Vec<Interval> = vec![(domain::End::NegInf, domain::End::PosInf)];
    let mut left: Vec<Interval> = vec![all];
    for (i, s) in b.steps.iter().enumerate() {
        let own = domain::step_interval(s);
        // A step empty on the whole line, or covered there by earlier steps, is already
        // `unreachable_band` at load.
        let reaches_line = own.0 <= own.1 && line.iter().any(|&l| l.0.max(own.0) <= l.1.min(own.1));
        let reaches = left
            .iter()
            .any(|&l| dom.clip((l.0.max(own.0), l.1.min(own.1))).is_some());
        if reaches_line && !reaches {
            cx.warn(
                Code::BandNeverHolds,
                s.pos,
                Some(&node.id),
                msg!(
                    "tools-lint-band-never-holds",
                    step = i + 1,
                    bounds = domain::describe(own),
                    of = of.clone(),
                    values = domain::describe(all)
                ),
                msg!("tools-lint-band-never-holds-help"),
            );
        }
        line = domain::subtract(&line, own);
        left = domain::subtract(&left, own);
    }
    if let Some(gap) = domain::first_value(&left, &dom) {
        cx.warn(
            Code::BandGap,
            node.rule_pos,
            Some(&node.id),
            msg!("tools-lint-band-gap", of = of, gap = domain::describe(gap)),
            msg!("tools-lint-band-gap-help"),
        );
    }
}

/// The highest points some value of the input gets (0 when some value falls in a gap), or
/// `None` when the operand's values are not known.
pub(super) fn best(cx: &Lint<'_>, b: &BandsDecl) -> Option<rust_decimal::Decimal> {
    let (dom, _) = cx.operand(&b.of)?;
    let mut left: Vec<Interval> = vec![dom.clip(dom.range)?];
    let mut best: Option<rust_decimal::Decimal> = None;
    for s in &b.steps {
        let own = domain::step_interval(s);
        let reaches = left
            .iter()
            .any(|&l| dom.clip((l.0.max(own.0), l.1.min(own.1))).is_some());
        if reaches {
            best = Some(best.map_or(s.points, |b| b.max(s.points)));
        }
        left = domain::subtract(&left, own);
    }
    if domain::first_value(&left, &dom).is_some() {
        best = Some(best.map_or(rust_decimal::Decimal::ZERO, |b| {
            b.max(rust_decimal::Decimal::ZERO)
        }));
    }
    best
}
