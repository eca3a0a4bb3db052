//! Phase 1: the inputs, checked and made ready to read values.

use crate::error::Code;
use crate::i18n::{Arg, Message, input_arg};
use crate::inputs::{InputDef, RawValue};
use crate::msg;
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
            |cx: &mut Compiler<'_>, code: Code, msg: Message| cx.err_at(code, d.pos, crit, msg);
        let input = || input_arg(name, d.label.as_deref());
        if (d.min.is_some() || d.max.is_some()) && d.ty != InputType::Number {
            bad(
                cx,
                Code::InvalidInput,
                msg!(
                    "load-input-min-max",
                    input = input(),
                    ty = Arg::ident(d.ty.as_str())
                ),
            );
        }
        if let (Some(lo), Some(hi)) = (d.min, d.max) {
            if lo > hi {
                bad(
                    cx,
                    Code::InvalidInput,
                    msg!(
                        "load-input-min-above-max",
                        input = input(),
                        min = lo.normalize(),
                        max = hi.normalize()
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
                    msg!("load-input-no-options", input = input()),
                );
            }
            InputType::Choice => {
                let mut seen: std::collections::HashSet<&String> = Default::default();
                for o in &options {
                    if !seen.insert(o) {
                        bad(
                            cx,
                            Code::InvalidInput,
                            msg!(
                                "load-input-option-twice",
                                input = input(),
                                option = Arg::ident(o.as_str())
                            ),
                        );
                    }
                }
            }
            _ if d.options.is_some() => {
                bad(
                    cx,
                    Code::InvalidInput,
                    msg!(
                        "load-input-options-not-choice",
                        input = input(),
                        ty = Arg::ident(d.ty.as_str())
                    ),
                );
            }
            _ => {}
        }
        if cx.input_index.contains_key(name) {
            bad(
                cx,
                Code::InvalidInput,
                msg!("load-input-twice", input = Arg::ident(name.as_str())),
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
                        msg!("load-input-bad-default", input = input(), problem = msg),
                    );
                }
            }
        }
        cx.input_index.insert(name.clone(), cx.inputs.len());
        cx.inputs.push(def);
    }
}
