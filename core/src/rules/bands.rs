//! `bands`: the points of the first step whose bounds all hold.

use rust_decimal::Decimal;

use super::{Ctx, Operand, Rule, Trace};
use crate::error::Code;
use crate::expr::Fail;
use crate::inputs::InputDef;
use crate::ruleset::compile::Compiler;
use crate::ruleset::model::{BandsDecl, InputType, NodeDecl};

/// One step: bounds and points.
#[derive(Debug, Clone)]
pub struct Step {
    /// v ≥ x.
    pub at_least: Option<Decimal>,
    /// v > x.
    pub above: Option<Decimal>,
    /// v ≤ x.
    pub at_most: Option<Decimal>,
    /// v < x.
    pub below: Option<Decimal>,
    /// v = x.
    pub equals: Option<Decimal>,
    /// Points.
    pub points: Decimal,
}

impl Step {
    fn holds(&self, v: Decimal) -> bool {
        use crate::num::cmp;
        use std::cmp::Ordering::{Equal, Greater, Less};
        self.at_least.is_none_or(|x| cmp(v, x) != Less)
            && self.above.is_none_or(|x| cmp(v, x) == Greater)
            && self.at_most.is_none_or(|x| cmp(v, x) != Greater)
            && self.below.is_none_or(|x| cmp(v, x) == Less)
            && self.equals.is_none_or(|x| cmp(v, x) == Equal)
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        let mut add = |op: &str, x: Option<Decimal>| {
            if let Some(x) = x {
                parts.push(format!("{op} {}", crate::num::Text(x)));
            }
        };
        add("≥", self.at_least);
        add(">", self.above);
        add("≤", self.at_most);
        add("<", self.below);
        add("=", self.equals);
        if parts.is_empty() {
            "otherwise".into()
        } else {
            parts.join(" and ")
        }
    }
}

/// A compiled `bands` rule.
#[derive(Debug)]
pub struct Bands {
    /// The value.
    pub of: Operand,
    /// Steps in order.
    pub steps: Vec<Step>,
}

pub(super) fn compile(cx: &mut Compiler<'_>, d: &BandsDecl, node: &NodeDecl) -> Option<Rule> {
    let of = Operand::compile(
        cx,
        &d.of,
        node,
        "bands",
        &[InputType::Count, InputType::Percent, InputType::Number],
    );
    let mut ok = true;
    if d.steps.is_empty() {
        cx.err(
            Code::BandsNoSteps,
            node.rule_pos,
            node,
            "`bands` has no steps; add `steps:` with at least one `- { at_least: x, points: p }`"
                .to_string(),
        );
        ok = false;
    }
    for (i, s) in d.steps.iter().enumerate() {
        if s.points < Decimal::ZERO || s.points > node.max {
            cx.err(
                Code::PointsOutOfRange,
                node.rule_pos,
                node,
                format!(
                    "step {} of `bands` gives {} points, outside [0, {}] (the criterion's max); lower the points or raise `max`",
                    i + 1,
                    crate::num::Text(s.points),
                    crate::num::Text(node.max)
                ),
            );
            ok = false;
        }
    }
    let steps = d
        .steps
        .iter()
        .map(|s| Step {
            at_least: s.at_least,
            above: s.above,
            at_most: s.at_most,
            below: s.below,
            equals: s.equals,
            points: s.points,
        })
        .collect();
    if !ok {
        return None;
    }
    Some(Rule::Bands(Bands { of: of?, steps }))
}

impl Bands {
    pub(super) fn eval(&self, ctx: &Ctx<'_>) -> Result<(Decimal, Trace), Fail> {
        let v = self.of.number(ctx)?;
        match self.steps.iter().position(|s| s.holds(v)) {
            Some(i) => Ok((self.steps[i].points, Trace::Band(i, v))),
            None => Ok((Decimal::ZERO, Trace::NoBand(v))),
        }
    }

    pub(super) fn explain(
        &self,
        i: usize,
        v: Decimal,
        inputs: &[InputDef],
        points: crate::num::Text,
    ) -> String {
        let step = self.steps.get(i).map(Step::describe).unwrap_or_default();
        format!(
            "{} = {}: band {step} holds, {}",
            self.of.describe(inputs),
            crate::num::Text(v),
            super::points_word(points)
        )
    }
}
