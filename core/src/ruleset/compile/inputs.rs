//! Phase 1: the inputs, checked and made ready to read values.

use crate::error::Code;
use crate::inputs::{InputDef, RawValue};
use crate::ruleset::model::{RulesetDoc, Scalar};
use crate::types::{InputType, OnMissing};

use super::Compiler;

/// A value written in the rule file, as a unit would give it.
fn scalar_raw(s: &Scalar) -> RawValue {
    match s {
        Scalar::Bool(b) => RawValue::Bool(*b),
        Scalar::Number(d) => RawValue::Number(*d),
        Scalar::Text(t) => RawValue::Text(t.clone()),
    }
}

/// Declares every input: checks its settings and its default, gives it a slot.
pub(super) fn declare(cx: &mut Compiler<'_>, doc: &RulesetDoc) {
    let default_missing = doc.on_missing.unwrap_or(OnMissing::Error);
    for (name, d) in &doc.inputs {
        let crit = None;
        let bad =
            |cx: &mut Compiler<'_>, code: Code, msg: String| cx.err_at(code, d.pos, crit, msg);
        if (d.min.is_some() || d.max.is_some()) && d.ty != InputType::Number {
            bad(
                cx,
                Code::InvalidInput,
                format!(
                    "input `{name}` is {}; `min` and `max` apply to `number` inputs only",
                    d.ty.as_str()
                ),
            );
        }
        if let (Some(lo), Some(hi)) = (d.min, d.max) {
            if lo > hi {
                bad(
                    cx,
                    Code::InvalidInput,
                    format!(
                        "input `{name}` has min {} above max {}; swap them",
                        lo.normalize(),
                        hi.normalize()
                    ),
                );
            }
        }
        let options = d.options.as_ref().map(|o| o.ids()).unwrap_or_default();
        let option_labels = d.options.as_ref().map(|o| o.labels()).unwrap_or_default();
        match d.ty {
            InputType::Choice if options.is_empty() => {
                bad(
                    cx,
                    Code::InvalidInput,
                    format!("choice input `{name}` needs `options: [a, b, ...]`"),
                );
            }
            InputType::Choice => {
                let mut seen: std::collections::HashSet<&String> = Default::default();
                for o in &options {
                    if !seen.insert(o) {
                        bad(
                            cx,
                            Code::InvalidInput,
                            format!("choice input `{name}` lists the option `{o}` twice"),
                        );
                    }
                }
            }
            _ if d.options.is_some() => {
                bad(
                    cx,
                    Code::InvalidInput,
                    format!(
                        "input `{name}` is {}; `options` apply to `choice` inputs only",
                        d.ty.as_str()
                    ),
                );
            }
            _ => {}
        }
        if cx.input_index.contains_key(name) {
            bad(
                cx,
                Code::InvalidInput,
                format!(
                    "the input `{name}` is declared twice (after Unicode normalisation); keep one"
                ),
            );
            continue;
        }
        let mut def = InputDef {
            name: name.clone(),
            ty: d.ty,
            label: d.label.clone(),
            description: d.description.clone(),
            min: d.min,
            max: d.max,
            options,
            option_labels,
            default: None,
            on_missing: d.on_missing.unwrap_or(default_missing),
        };
        if let Some(s) = &d.default {
            match def.read(&scalar_raw(s)) {
                Ok(v) => def.default = v,
                Err((code, msg)) => {
                    let code = if code == Code::UnknownChoice {
                        Code::UnknownOption
                    } else {
                        Code::InvalidInput
                    };
                    bad(
                        cx,
                        code,
                        format!("the default of input `{name}` is not valid: {msg}"),
                    );
                }
            }
        }
        cx.input_index.insert(name.clone(), cx.inputs.len());
        cx.inputs.push(def);
    }
}
