//! `max_unreachable`: a leaf whose max no value of its input can earn (the best band step
//! reached gives less, every option is priced lower, a deduction that always applies, a count
//! that cannot grow far enough). `scale` is left to `scale_outside_range`; `check` always can,
//! and `script` cannot be decided.

use rust_decimal::Decimal;

use super::domain::End;
use super::{Lint, bands};
use crate::error::Code;
use crate::msg;
use crate::ruleset::model::{NodeDecl, RuleDecl};

pub(super) fn check(cx: &mut Lint<'_>, node: &NodeDecl, rule: &RuleDecl) {
    let why = match rule {
        RuleDecl::Bands(b) => bands::best(cx, b)
            .filter(|best| *best < node.max)
            .map(|best| msg!("tools-lint-max-unreachable-bands", best = best)),
        RuleDecl::Levels(l) => l
            .points
            .iter()
            .map(|(_, p)| *p)
            .max()
            .filter(|best| *best < node.max)
            .map(|best| msg!("tools-lint-max-unreachable-levels", best = best)),
        RuleDecl::Deduct(d) => cx.operand(&d.of).and_then(|(dom, of)| {
            // Full marks only for 0 (negative values are refused).
            (!dom.contains(Decimal::ZERO))
                .then(|| msg!("tools-lint-max-unreachable-deduct", of = of))
        }),
        RuleDecl::Per(p) => cx.operand(&p.of).and_then(|(dom, of)| {
            let End::At(top, _) = dom.range.1 else {
                return None;
            };
            let best = top.checked_mul(p.points)?;
            (best < node.max).then(|| {
                msg!(
                    "tools-lint-max-unreachable-per",
                    of = of,
                    top = top,
                    best = best
                )
            })
        }),
        RuleDecl::Value(op) => cx.operand(op).and_then(|(dom, of)| {
            let End::At(top, _) = dom.range.1 else {
                return None;
            };
            (top < node.max).then(|| msg!("tools-lint-max-unreachable-value", of = of, top = top))
        }),
        RuleDecl::Scale(_) | RuleDecl::Check(_) | RuleDecl::Script(_) => None,
    };
    if let Some(why) = why {
        cx.warn(
            Code::MaxUnreachable,
            node.rule_pos,
            Some(&node.id),
            msg!("tools-lint-max-unreachable", max = node.max, why = why),
            msg!("tools-lint-max-unreachable-help"),
        );
    }
}
