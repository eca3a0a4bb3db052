//! `levels`: the points given for the option the unit chose.

use rust_decimal::Decimal;

use super::{Ctx, Rule, Trace, WhyCx};
use crate::error::Code;
use crate::expr::{Fail, Slot};
use crate::i18n::{Arg, ArgRef, MsgRef, msg_ref};
use crate::inputs::Value;
use crate::msg;
use crate::ruleset::compile::Compiler;
use crate::ruleset::model::{LevelsDecl, NodeDecl};
use crate::types::InputType;

/// A compiled `levels` rule: points by option index.
#[derive(Debug)]
pub(crate) struct Levels {
    slot: usize,
    points: Vec<Decimal>,
}

pub(super) fn compile(cx: &mut Compiler<'_>, d: &LevelsDecl, node: &NodeDecl) -> Option<Rule> {
    let slot = cx.input_slot(&d.input, node, "levels", &[InputType::Choice])?;
    let def = cx.input_def(slot)?;
    let options = def.options.clone();
    let input = def.arg();
    let option_args: Vec<Arg> = (0..options.len()).map(|i| def.option_arg(i)).collect();
    let mut points: Vec<Option<Decimal>> = vec![None; options.len()];
    let index: std::collections::HashMap<&str, usize> = options
        .iter()
        .enumerate()
        .map(|(i, o)| (o.as_str(), i))
        .collect();
    let mut ok = true;
    for (opt, p) in &d.points {
        match index.get(opt.as_str()).and_then(|&i| points.get_mut(i)) {
            Some(slot) => *slot = Some(*p),
            None => {
                cx.err(
                    Code::UnknownOption,
                    node.rule_pos,
                    node,
                    msg!(
                        "unit-rule-levels-unknown-option",
                        option = Arg::ident(opt.as_str()),
                        input = input.clone(),
                        options = crate::inputs::list_arg(option_args.clone())
                    ),
                );
                ok = false;
            }
        }
        if *p < Decimal::ZERO || *p > node.max {
            cx.err(
                Code::PointsOutOfRange,
                node.rule_pos,
                node,
                msg!(
                    "unit-rule-levels-points-out-of-range",
                    option = Arg::ident(opt.as_str()),
                    points = *p,
                    max = node.max
                ),
            );
            ok = false;
        }
    }
    let unpriced: Vec<Arg> = option_args
        .iter()
        .zip(&points)
        .filter(|(_, p)| p.is_none())
        .map(|(o, _)| o.clone())
        .collect();
    if !unpriced.is_empty() {
        cx.err(
            Code::LevelsIncomplete,
            node.rule_pos,
            node,
            msg!(
                "unit-rule-levels-incomplete",
                count = unpriced.len(),
                options = crate::inputs::list_arg(unpriced),
                input = input
            ),
        );
        ok = false;
    }
    if !ok {
        return None;
    }
    Some(Rule::Levels(Levels {
        slot,
        points: points.into_iter().map(|p| p.unwrap_or_default()).collect(),
    }))
}

impl Levels {
    pub(super) fn eval(&self, ctx: &Ctx<'_>) -> Result<(Decimal, Trace), Fail> {
        match ctx.slots.get(self.slot) {
            Some(Slot::Value(Value::Choice(i))) => match self.points.get(*i) {
                Some(p) => Ok((*p, Trace::Level(*i))),
                None => Err(Fail::Error(
                    Code::UnknownChoice,
                    msg!("unit-choice-not-an-option"),
                )),
            },
            Some(Slot::Value(_)) => Err(Fail::Error(
                Code::WrongValueType,
                msg!("unit-input-not-a-choice"),
            )),
            Some(Slot::Missing) | None => Err(Fail::Missing(self.slot)),
            Some(Slot::NotApplicable) => Err(Fail::NotApplicable(self.slot)),
            Some(Slot::Invalid) => Err(Fail::Invalid(self.slot)),
        }
    }

    pub(super) fn why<R>(&self, opt: usize, w: &WhyCx<'_>, f: impl FnOnce(&MsgRef<'_>) -> R) -> R {
        let def = w.inputs.get(self.slot);
        f(&msg_ref!(
            "trace-level",
            input = crate::inputs::slot_arg_ref(w.inputs, self.slot),
            option = def.map_or(ArgRef::Ident("?"), |d| d.option_arg_ref(opt)),
            level = opt + 1,
            points = w.fixed(w.points),
            max = w.fixed(w.max)
        ))
    }
}
