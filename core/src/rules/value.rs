//! `value`: the number itself (points entered directly), which must lie in [0, max].

use rust_decimal::Decimal;

use super::{Ctx, Operand, Rule, Trace};
use crate::error::Code;
use crate::expr::Fail;
use crate::ruleset::compile::Compiler;
use crate::ruleset::model::{NodeDecl, Operand as OperandDecl};
use crate::types::InputType;

pub(super) fn compile(cx: &mut Compiler<'_>, op: &OperandDecl, node: &NodeDecl) -> Option<Rule> {
    Operand::compile(
        cx,
        op,
        node,
        "value",
        &[InputType::Count, InputType::Percent, InputType::Number],
    )
    .map(Rule::Value)
}

/// Refuses a result outside [0, max] (checked before rounding, never clamped).
pub(super) fn in_range(v: Decimal, max: Decimal, what: &str) -> Result<Decimal, Fail> {
    if v < Decimal::ZERO || v > max {
        return Err(Fail::Error(
            Code::ResultOutOfRange,
            format!(
                "{what} gave {} points, outside [0, {}]; correct the data or the rule",
                crate::num::Text(v),
                crate::num::Text(max)
            )
            .into(),
        ));
    }
    Ok(v)
}

pub(super) fn eval(op: &Operand, ctx: &Ctx<'_>, max: Decimal) -> Result<(Decimal, Trace), Fail> {
    let v = in_range(op.number(ctx)?, max, "`value`")?;
    Ok((v, Trace::Value(v)))
}
