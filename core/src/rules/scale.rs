//! `scale`: max × clamp((v − from) / (to − from), 0, 1); from > to means lower is better.

use rust_decimal::Decimal;

use super::{Ctx, Operand, Rule, Trace, WhyCx};
use crate::error::Code;
use crate::expr::Fail;
use crate::i18n::{MsgRef, msg_ref};
use crate::msg;
use crate::ruleset::compile::Compiler;
use crate::ruleset::model::{NodeDecl, ScaleDecl};
use crate::types::InputType;

/// A compiled `scale` rule.
#[derive(Debug)]
pub(crate) struct Scale {
    of: Operand,
    from: Decimal,
    to: Decimal,
    span: Decimal,
}

pub(super) fn compile(cx: &mut Compiler<'_>, d: &ScaleDecl, node: &NodeDecl) -> Option<Rule> {
    let of = Operand::compile(
        cx,
        &d.of,
        node,
        "scale",
        &[InputType::Count, InputType::Percent, InputType::Number],
    );
    if d.from == d.to {
        cx.err(
            Code::InvalidScale,
            node.rule_pos,
            node,
            msg!("unit-rule-scale-empty", from = d.from),
        );
        return None;
    }
    Some(Rule::Scale(Scale {
        of: of?,
        from: d.from,
        to: d.to,
        span: d.to - d.from,
    }))
}

impl Scale {
    pub(super) fn eval(&self, ctx: &Ctx<'_>, max: Decimal) -> Result<(Decimal, Trace), Fail> {
        let v = self.of.number(ctx)?;
        let overflow = || {
            Fail::Error(
                Code::ArithmeticOverflow,
                msg!("unit-scale-overflow", value = v),
            )
        };
        // d = v − from, on the side of `to` when it has the sign of the span.
        let d = v.checked_sub(self.from).ok_or_else(overflow)?;
        let up = self.span.is_sign_positive();
        let points = if d.is_zero() || d.is_sign_negative() == up {
            Decimal::ZERO
        } else if (up && crate::num::ge(d, self.span)) || (!up && crate::num::le(d, self.span)) {
            max
        } else {
            // Multiply before dividing, so that a share that terminates is exact (a tie such as
            // 0.125 must not become 0.12499…).
            d.checked_mul(max)
                .and_then(|n| crate::num::checked_div(n, self.span))
                .ok_or_else(overflow)?
        };
        Ok((points, Trace::Scale(v)))
    }

    pub(super) fn why<R>(&self, v: Decimal, w: &WhyCx<'_>, f: impl FnOnce(&MsgRef<'_>) -> R) -> R {
        f(&msg_ref!(
            "trace-scale",
            of = self.of.arg_ref(w.inputs),
            value = v,
            from = self.from,
            to = self.to,
            points = w.fixed(w.points),
            max = w.fixed(w.max)
        ))
    }
}
