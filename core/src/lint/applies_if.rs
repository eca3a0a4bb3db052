//! `applies_if_constant`: an `applies_if` that is true for every unit, or false for every
//! unit. Decided by evaluating the compiled condition over every combination of the values of
//! the inputs it reads, when they are all `bool` or `choice` and the combinations are few;
//! over numbers it is not decided (no warning).

use super::Lint;
use crate::error::Code;
use crate::expr::{Slot, mentioned};
use crate::inputs::Value;
use crate::msg;
use crate::types::InputType;

/// Most combinations of values tried for one condition.
const MAX_COMBINATIONS: usize = 4_096;

pub(super) fn check(cx: &mut Lint<'_>) {
    let plan = cx.plan;
    let mut found = Vec::new();
    for node in &plan.nodes {
        let Some(cond) = &node.applies_if else {
            continue;
        };
        if let Some(always) = decide(plan, cond) {
            found.push((node.pos, node.id.clone(), cond.source.clone(), always));
        }
    }
    for (pos, id, source, always) in found {
        let message = if always {
            msg!(
                "tools-lint-applies-if-always-true",
                condition = source.trim()
            )
        } else {
            msg!(
                "tools-lint-applies-if-always-false",
                condition = source.trim()
            )
        };
        cx.warn(
            Code::AppliesIfConstant,
            pos,
            Some(&id),
            message,
            msg!("tools-lint-applies-if-constant-help"),
        );
    }
}

/// `Some(b)` when the condition is `b` for every combination of its inputs' values.
fn decide(plan: &crate::plan::Plan, cond: &crate::expr::Compiled) -> Option<bool> {
    let reads = mentioned(&cond.source, &plan.input_index);
    // Every input's possible values.
    let mut choices: Vec<(usize, Vec<Value>)> = Vec::new();
    let mut combos: usize = 1;
    for &slot in &reads {
        let def = plan.inputs.get(slot)?;
        let values: Vec<Value> = match def.ty {
            InputType::Bool => vec![Value::Bool(false), Value::Bool(true)],
            InputType::Choice => (0..def.options.len()).map(Value::Choice).collect(),
            InputType::Count | InputType::Percent | InputType::Number => return None,
        };
        combos = combos.checked_mul(values.len().max(1))?;
        if combos > MAX_COMBINATIONS {
            return None;
        }
        choices.push((slot, values));
    }
    let mut slots = vec![Slot::Missing; plan.inputs.len()];
    let mut seen: Option<bool> = None;
    for n in 0..combos {
        let mut rest = n;
        for (slot, values) in &choices {
            let len = values.len().max(1);
            let v = values.get(rest % len).copied()?;
            rest /= len;
            *slots.get_mut(*slot)? = Slot::Value(v);
        }
        let b = cond
            .eval(&plan.engine, &plan.inputs, &slots, &[])
            .0
            .ok()?
            .as_bool()
            .ok()?;
        match seen {
            None => seen = Some(b),
            Some(s) if s != b => return None,
            Some(_) => {}
        }
    }
    seen
}
