//! Phase 1: the inputs, checked and made ready to read values.

use crate::error::Code;
use crate::i18n::{Arg, Message, input_arg};
use crate::inputs::{InputDef, RawValue};
use crate::msg;
use crate::ruleset::model::{RulesetDoc, Scalar};
use crate::types::{InputType, OnMissing};

use super::Compiler;

/// A value written in the rule file, as a unit would give it.
pub(super) fn scalar_raw(s: &Scalar) -> RawValue {
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
        declare_one(cx, name, d, default_missing, false);
    }
}

/// Declares every parameter after the inputs: the same checks, a slot after the inputs' (so
/// expressions read it like an input); a name an input already has is `duplicate_id`.
pub(super) fn declare_parameters(cx: &mut Compiler<'_>, doc: &RulesetDoc) {
    for (name, d) in &doc.parameters {
        if let Some(&slot) = cx.input_index.get(name) {
            let first = cx.inputs.get(slot).map(|_| {
                doc.inputs
                    .iter()
                    .chain(doc.parameters.iter())
                    .find(|(n, _)| n == name)
                    .map_or(d.pos, |(_, x)| x.pos)
            });
            let mut diag = crate::error::Diagnostic::new(
                Code::DuplicateId,
                cx.file,
                d.pos,
                msg!("load-parameter-twice", name = Arg::ident(name.as_str())),
            )
            .with_help(msg!("load-parameter-twice-help"));
            if let Some(at) = first {
                diag = diag.with_label(crate::error::Label::new(
                    cx.file,
                    at,
                    msg!("load-first-used-here"),
                ));
            }
            cx.push(diag);
            continue;
        }
        declare_one(cx, name, d, OnMissing::Error, true);
    }
}

/// Declares one input (or parameter).
fn declare_one(
    cx: &mut Compiler<'_>,
    name: &String,
    d: &crate::ruleset::model::InputDecl,
    default_missing: OnMissing,
    param: bool,
) {
    {
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
            return;
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
        if param && def.default.is_none() {
            // Its default was refused (reported above): the parameter has no value.
            cx.broken_inputs.insert(name.clone());
            return;
        }
        cx.input_index.insert(name.clone(), cx.inputs.len());
        cx.inputs.push(def);
    }
}
