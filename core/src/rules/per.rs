//! `per`: min(points × v, max), v ≥ 0.

use rust_decimal::Decimal;

use super::{Ctx, Operand, Rule, Trace, non_negative};
use crate::error::Code;
use crate::expr::Fail;
use crate::inputs::InputDef;
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
            format!(
                "`per.points` is {}; it must be greater than 0",
                crate::num::Text(d.points)
            ),
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

    pub(super) fn explain(
        &self,
        v: Decimal,
        capped: bool,
        inputs: &[InputDef],
        p: crate::num::Text,
        m: crate::num::Text,
    ) -> String {
        let cap = if capped {
            format!(", capped at the max {m}")
        } else {
            String::new()
        };
        format!(
            "{} = {}: {} × {}{cap} = {p}",
            self.of.describe(inputs),
            crate::num::Text(v),
            crate::num::Text(self.points),
            crate::num::Text(v)
        )
    }
}
