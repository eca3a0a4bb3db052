//! `deduct`: max(max − per × v, floor), v ≥ 0.

use rust_decimal::Decimal;

use super::{Ctx, Operand, Rule, Trace, WhyCx, non_negative};
use crate::error::Code;
use crate::expr::Fail;
use crate::i18n::{MsgRef, msg_ref};
use crate::msg;
use crate::ruleset::compile::Compiler;
use crate::ruleset::model::{DeductDecl, NodeDecl};
use crate::types::InputType;

/// A compiled `deduct` rule.
#[derive(Debug)]
pub(crate) struct Deduct {
    of: Operand,
    per: Decimal,
    floor: Decimal,
}

pub(super) fn compile(cx: &mut Compiler<'_>, d: &DeductDecl, node: &NodeDecl) -> Option<Rule> {
    let of = Operand::compile(
        cx,
        &d.of,
        node,
        "deduct",
        &[InputType::Count, InputType::Percent, InputType::Number],
    );
    let mut ok = true;
    if d.per <= Decimal::ZERO {
        cx.err(
            Code::InvalidDeduct,
            node.rule_pos,
            node,
            msg!("unit-rule-deduct-per", per = d.per),
        );
        ok = false;
    }
    let floor = d.floor.unwrap_or(Decimal::ZERO);
    if floor < Decimal::ZERO || floor > node.max {
        cx.err(
            Code::InvalidDeduct,
            node.rule_pos,
            node,
            msg!("unit-rule-deduct-floor", floor = floor, max = node.max),
        );
        ok = false;
    }
    if !ok {
        return None;
    }
    Some(Rule::Deduct(Deduct {
        of: of?,
        per: d.per,
        floor,
    }))
}

impl Deduct {
    pub(super) fn eval(&self, ctx: &Ctx<'_>, max: Decimal) -> Result<(Decimal, Trace), Fail> {
        let v = non_negative(self.of.number(ctx)?, "deduct")?;
        // A product too large to hold is certainly below the floor.
        let raw = self.per.checked_mul(v).and_then(|t| max.checked_sub(t));
        match raw {
            Some(r) if crate::num::ge(r, self.floor) => Ok((r, Trace::Deduct(v, false))),
            _ => Ok((self.floor, Trace::Deduct(v, true))),
        }
    }

    pub(super) fn why<R>(
        &self,
        v: Decimal,
        floored: bool,
        w: &WhyCx<'_>,
        f: impl FnOnce(&MsgRef<'_>) -> R,
    ) -> R {
        let (of, points, max) = (self.of.arg_ref(w.inputs), w.fixed(w.points), w.fixed(w.max));
        if floored {
            f(&msg_ref!(
                "trace-deduct-floored",
                of = of,
                value = v,
                per = self.per,
                floor = w.fixed(self.floor),
                points = points,
                max = max
            ))
        } else {
            f(&msg_ref!(
                "trace-deduct",
                of = of,
                value = v,
                per = self.per,
                points = points,
                max = max
            ))
        }
    }
}
