//! `deduct`: max(max − per × v, floor), v ≥ 0.

use rust_decimal::Decimal;

use super::{Ctx, Operand, Rule, Trace, non_negative};
use crate::error::Code;
use crate::expr::Fail;
use crate::inputs::InputDef;
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
            format!(
                "`deduct.per` is {}; it must be greater than 0",
                crate::num::Text(d.per)
            ),
        );
        ok = false;
    }
    let floor = d.floor.unwrap_or(Decimal::ZERO);
    if floor < Decimal::ZERO || floor > node.max {
        cx.err(
            Code::InvalidDeduct,
            node.rule_pos,
            node,
            format!(
                "`deduct.floor` is {}; it must lie in [0, {}] (the criterion's max)",
                crate::num::Text(floor),
                crate::num::Text(node.max)
            ),
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

    pub(super) fn explain(
        &self,
        v: Decimal,
        floored: bool,
        inputs: &[InputDef],
        p: crate::num::Text,
        m: crate::num::Text,
    ) -> String {
        let mut s = format!(
            "{} = {}: {m} − {} × {} = {p}",
            self.of.describe(inputs),
            crate::num::Text(v),
            crate::num::Text(self.per),
            crate::num::Text(v)
        );
        if floored {
            s = format!(
                "{} = {}: {m} − {} × {} is below the floor, {p}",
                self.of.describe(inputs),
                crate::num::Text(v),
                crate::num::Text(self.per),
                crate::num::Text(v)
            );
        }
        s
    }
}
