//! Phase 4: the `tests:` section names criteria and grades that exist.

use std::collections::HashMap;

use super::Compiler;
use crate::error::{Code, Diagnostic};
use crate::i18n::Arg;
use crate::msg;
use crate::ruleset::model::RulesetDoc;

/// Checks the ids and grades the tests name.
pub(super) fn check(cx: &mut Compiler<'_>, doc: &RulesetDoc, node_index: &HashMap<String, usize>) {
    let grades: std::collections::HashSet<&str> =
        doc.grades.iter().map(|g| g.id.as_str()).collect();
    for t in &doc.tests {
        let ids = t
            .expect
            .points
            .iter()
            .map(|(k, _)| k)
            .chain(t.not_applicable.iter())
            .chain(t.self_assessed.iter().map(|(k, _)| k));
        for id in ids {
            if !node_index.contains_key(id) && !doc.broken.criteria.contains(id) {
                let mut d = Diagnostic::new(
                    Code::UnknownCriterion,
                    cx.file,
                    t.pos,
                    msg!(
                        "load-test-unknown-criterion",
                        test = Arg::ident(t.name.as_str()),
                        id = Arg::ident(id.as_str())
                    ),
                );
                if let Some(s) = cx.suggest(id, node_index.keys().map(String::as_str)) {
                    d = d.with_help(msg!("load-did-you-mean", name = Arg::ident(s)));
                }
                cx.push(d);
            }
        }
        for (name, value) in &t.parameters {
            let declared = doc.parameters.iter().any(|(n, _)| n == name);
            let def = cx
                .input_index
                .get(name)
                .and_then(|&s| cx.inputs.get(s))
                .filter(|_| declared);
            if let Some(def) = def {
                let problem = match def.read(&super::inputs::scalar_raw(value)) {
                    Ok(Some(_)) => None,
                    Ok(None) => Some(msg!("load-parameter-empty", parameter = def.arg())),
                    Err((_, why)) => Some(msg!(
                        "load-parameter-refused",
                        parameter = def.arg(),
                        problem = why
                    )),
                };
                if let Some(problem) = problem {
                    let d = Diagnostic::new(Code::InvalidParameter, cx.file, t.pos, problem)
                        .with_help(msg!("load-invalid-parameter-help"));
                    cx.push(d);
                }
            }
            if !declared && !doc.broken_inputs.contains(name) {
                let mut d = Diagnostic::new(
                    Code::UnknownParameter,
                    cx.file,
                    t.pos,
                    msg!(
                        "load-test-unknown-parameter",
                        test = Arg::ident(t.name.as_str()),
                        name = Arg::ident(name.as_str())
                    ),
                );
                let names = doc.parameters.iter().map(|(n, _)| n.as_str());
                if let Some(s) = cx.suggest(name, names) {
                    d = d.with_help(msg!("load-did-you-mean", name = Arg::ident(s)));
                }
                cx.push(d);
            }
        }
        if let Some(Some(g)) = &t.expect.grade {
            if !grades.contains(g.as_str()) && !doc.broken.grades.contains(g) {
                cx.err_at(
                    Code::InvalidValue,
                    t.pos,
                    None,
                    msg!(
                        "load-test-unknown-grade",
                        test = Arg::ident(t.name.as_str()),
                        grade = Arg::ident(g.as_str())
                    ),
                );
            }
        }
    }
}
