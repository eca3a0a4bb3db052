//! `scale_outside_range`: a `scale` whose `from` or `to` lies outside the values its input can
//! take (its type, `min` and `max`), so part of the scale is never used — or its max never
//! reached, when it is `to`.

use super::Lint;
use super::domain;
use crate::error::Code;
use crate::msg;
use crate::ruleset::model::{NodeDecl, RuleDecl};

pub(super) fn check(cx: &mut Lint<'_>, node: &NodeDecl, rule: &RuleDecl) {
    let RuleDecl::Scale(s) = rule else {
        return;
    };
    let Some((dom, of)) = cx.operand(&s.of) else {
        return;
    };
    let inside = |x| {
        let p = domain::End::At(x, 0);
        dom.range.0 <= p && p <= dom.range.1
    };
    for (end, x) in [("from", s.from), ("to", s.to)] {
        if !inside(x) {
            cx.warn(
                Code::ScaleOutsideRange,
                node.rule_pos,
                Some(&node.id),
                msg!(
                    "tools-lint-scale-outside-range",
                    end = end,
                    value = x,
                    of = of.clone(),
                    values = domain::describe(dom.range)
                ),
                msg!("tools-lint-scale-outside-range-help"),
            );
        }
    }
}
