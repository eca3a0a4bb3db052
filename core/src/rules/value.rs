//! `value`: the number itself (points entered directly), which must lie in [0, max].

use rust_decimal::Decimal;

use super::{Ctx, Operand, Rule, Trace};
use crate::error::Code;
use crate::expr::Fail;
use crate::msg;
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

/// Refuses a result outside [0, max] (checked before rounding, never clamped); `script` tells
/// a script's result from a `value` rule's.
pub(super) fn in_range(v: Decimal, max: Decimal, script: bool) -> Result<Decimal, Fail> {
    if v < Decimal::ZERO || v > max {
        let m = if script {
            msg!("unit-script-out-of-range", value = v, max = max)
        } else {
            msg!("unit-value-out-of-range", value = v, max = max)
        };
        return Err(Fail::Error(Code::ResultOutOfRange, m));
    }
    Ok(v)
}

pub(super) fn eval(op: &Operand, ctx: &Ctx<'_>, max: Decimal) -> Result<(Decimal, Trace), Fail> {
    let v = in_range(op.number(ctx)?, max, false)?;
    Ok((v, Trace::Value(v)))
}
