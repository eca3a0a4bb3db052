//! `script`: the number a Rhai script returns, which must lie in [0, max].

use rust_decimal::Decimal;

use super::{Ctx, Rule, Trace};
use crate::error::Code;
use crate::expr::{self, Compiled, Fail};
use crate::msg;
use crate::ruleset::compile::Compiler;
use crate::ruleset::model::NodeDecl;

pub(super) fn compile(cx: &mut Compiler<'_>, src: &str, node: &NodeDecl) -> Option<Rule> {
    cx.script(src, node).map(|c| Rule::Script(Box::new(c)))
}

pub(super) fn eval(
    c: &Compiled,
    ctx: &Ctx<'_>,
    max: Decimal,
    out: &mut Vec<String>,
) -> Result<(Decimal, Trace), Fail> {
    let (r, printed) = c.eval(ctx.engine, ctx.inputs, ctx.slots, &[]);
    *out = printed;
    let d = r?;
    let v = expr::as_number(&d).ok_or_else(|| {
        Fail::Error(
            Code::NotNumeric,
            msg!("unit-script-not-number", got = expr::describe(&d)),
        )
    })?;
    let v = super::value::in_range(v, max, true)?;
    Ok((v, Trace::Script(v)))
}
