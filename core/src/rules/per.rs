//! `per`: min(points × v, max), v ≥ 0.

use rust_decimal::Decimal;

use super::{Ctx, Operand, Rule, Trace, WhyCx, non_negative};
use crate::error::Code;
use crate::expr::Fail;
use crate::i18n::{MsgRef, msg_ref};
use crate::msg;
use crate::ruleset::compile::Compiler;
use crate::ruleset::model::{NodeDecl, PerDecl};
use crate::types::InputType;

/// A compiled `per` rule.
#[derive(Debug)]
pub(crate) struct Per {
    of: Operand,
    points: Decimal,
}

pub(super) fn compile(cx: &mut Compiler<'_>, d: &PerDecl, node: &NodeDecl) -> Option<Rule> {
    let of = Operand::compile(
        cx,
        &d.of,
        node,
        "per",
        &[InputType::Count, InputType::Percent, InputType::Number],
    );
    if d.points <= Decimal::ZERO {
        cx.err(
            Code::InvalidPer,
            node.rule_pos,
            node,
            msg!("unit-rule-per-points", points = d.points),
        );
        return None;
    }
    Some(Rule::Per(Per {
        of: of?,
        points: d.points,
    }))
}

impl Per {
    pub(super) fn eval(&self, ctx: &Ctx<'_>, max: Decimal) -> Result<(Decimal, Trace), Fail> {
        let v = non_negative(self.of.number(ctx)?, "per")?;
        match self.points.checked_mul(v) {
            Some(p) if crate::num::le(p, max) => Ok((p, Trace::Per(v, false))),
            _ => Ok((max, Trace::Per(v, true))),
        }
    }

    pub(super) fn why<R>(
        &self,
        v: Decimal,
        capped: bool,
        w: &WhyCx<'_>,
        f: impl FnOnce(&MsgRef<'_>) -> R,
    ) -> R {
        let (of, points, max) = (self.of.arg_ref(w.inputs), w.fixed(w.points), w.fixed(w.max));
        if capped {
            f(&msg_ref!(
                "trace-per-capped",
                of = of,
                value = v,
                per = self.points,
                points = points,
                max = max
            ))
        } else {
            f(&msg_ref!(
                "trace-per",
                of = of,
                value = v,
                per = self.points,
                points = points,
                max = max
            ))
        }
    }
}
