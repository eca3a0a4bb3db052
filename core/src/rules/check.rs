//! `check`: max if true, else 0.

use rust_decimal::Decimal;

use super::{Ctx, Operand, Rule, Trace};
use crate::expr::Fail;
use crate::ruleset::compile::Compiler;
use crate::ruleset::model::{NodeDecl, Operand as OperandDecl};
use crate::types::InputType;

pub(super) fn compile(cx: &mut Compiler<'_>, op: &OperandDecl, node: &NodeDecl) -> Option<Rule> {
    Operand::compile(cx, op, node, "check", &[InputType::Bool]).map(Rule::Check)
}

pub(super) fn eval(op: &Operand, ctx: &Ctx<'_>, max: Decimal) -> Result<(Decimal, Trace), Fail> {
    let b = op.boolean(ctx)?;
    Ok((if b { max } else { Decimal::ZERO }, Trace::Check(b)))
}
