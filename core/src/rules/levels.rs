//! `levels`: the points given for the option the unit chose.

use rust_decimal::Decimal;

use super::{Ctx, Rule, Trace};
use crate::error::Code;
use crate::expr::{Fail, Slot};
use crate::inputs::{InputDef, Value};
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
    let options = cx.input_def(slot)?.options.clone();
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
                    format!(
                        "`levels` gives points for `{opt}`, which is not an option of `{}` ({})",
                        d.input,
                        crate::text::list(&options)
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
                format!(
                    "`levels` gives `{opt}` {} points, outside [0, {}] (the criterion's max)",
                    crate::num::Text(*p),
                    crate::num::Text(node.max)
                ),
            );
            ok = false;
        }
    }
    let unpriced: Vec<&str> = options
        .iter()
        .zip(&points)
        .filter(|(_, p)| p.is_none())
        .map(|(o, _)| o.as_str())
        .collect();
    if !unpriced.is_empty() {
        cx.err(
            Code::LevelsIncomplete,
            node.rule_pos,
            node,
            format!(
                "`levels` gives no points for option(s) {} of `{}`; every option needs points",
                unpriced.join(", "),
                d.input
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
                    "the choice is not one of the input's options".into(),
                )),
            },
            Some(Slot::Value(_)) => Err(Fail::Error(
                Code::WrongValueType,
                "the input is not a choice".into(),
            )),
            Some(Slot::Missing) | None => Err(Fail::Missing(self.slot)),
            Some(Slot::NotApplicable) => Err(Fail::NotApplicable(self.slot)),
            Some(Slot::Invalid) => Err(Fail::Invalid(self.slot)),
        }
    }

    pub(super) fn explain(&self, opt: usize, inputs: &[InputDef], p: crate::num::Text) -> String {
        let def = inputs.get(self.slot);
        format!(
            "`{}` is `{}`: {}",
            def.map_or("?", |d| d.name.as_str()),
            def.and_then(|d| d.options.get(opt))
                .map(String::as_str)
                .unwrap_or("?"),
            super::points_word(p)
        )
    }
}
