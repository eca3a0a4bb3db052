//! Phase 3: the grades: order, unique ids, `requires` conditions.

use std::collections::HashMap;

use super::Compiler;
use crate::error::{Code, Diagnostic, Label};
use crate::expr::SourceKind;
use crate::i18n::Arg;
use crate::msg;
use crate::plan::Grade;
use crate::ruleset::model::{GradeDecl, RulesetDoc};

/// Checks and compiles the grades.
pub(super) fn compile(
    cx: &mut Compiler<'_>,
    doc: &RulesetDoc,
    node_index: &HashMap<String, usize>,
) -> Vec<Grade> {
    let mut grades = Vec::new();
    let mut first: HashMap<&str, &GradeDecl> = HashMap::new();
    let mut prev: Option<&GradeDecl> = None;
    for g in &doc.grades {
        if let Some(f) = first.get(g.id.as_str()) {
            let d = Diagnostic::new(
                Code::DuplicateGrade,
                cx.file,
                g.pos,
                msg!("load-duplicate-grade", id = Arg::ident(g.id.as_str())),
            )
            .with_label(Label::new(cx.file, f.pos, msg!("load-first-used-here")))
            .with_help(msg!("load-duplicate-grade-help"));
            cx.push(d);
        } else {
            first.insert(&g.id, g);
        }
        if let Some(p) = prev.filter(|p| g.at_least > p.at_least) {
            cx.err_at(
                Code::GradesOrder,
                g.pos,
                None,
                msg!(
                    "load-grades-order",
                    grade = Arg::ident(g.id.as_str()),
                    at_least = g.at_least.normalize(),
                    previous = Arg::ident(p.id.as_str()),
                    previous_at_least = p.at_least.normalize()
                ),
            );
        }
        prev = Some(g);
        let requires = g.requires.as_ref().and_then(|src| {
            let c = cx.compile_src(
                src,
                SourceKind::Expression,
                g.pos,
                None,
                &["index", "total"],
            )?;
            for id in c.point_refs() {
                let id_nfc = crate::text::nfc(&id);
                if !node_index.contains_key(&id_nfc) && !doc.broken.criteria.contains(&id_nfc) {
                    cx.err_at(
                        Code::UnknownCriterion,
                        g.pos,
                        None,
                        msg!(
                            "load-grade-unknown-criterion",
                            grade = Arg::ident(g.id.as_str()),
                            call = format!("points(\"{id}\")")
                        ),
                    );
                }
            }
            Some(c)
        });
        grades.push(Grade {
            id: g.id.clone(),
            label: g.label.clone(),
            at_least: g.at_least,
            requires,
        });
    }
    grades
}
