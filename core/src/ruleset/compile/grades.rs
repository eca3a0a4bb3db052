//! Phase 3: the grades: order, unique ids, `requires` conditions.

use std::collections::HashMap;

use super::Compiler;
use crate::error::{Code, Diagnostic, Label};
use crate::expr::SourceKind;
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
                format!("the grade id `{}` is used twice", g.id),
            )
            .with_label(Label::new(cx.file, f.pos, "first used here"))
            .with_help("grade ids must be unique; rename one of them");
            cx.push(d);
        } else {
            first.insert(&g.id, g);
        }
        if let Some(p) = prev.filter(|p| g.at_least > p.at_least) {
            cx.err_at(
                Code::GradesOrder,
                g.pos,
                None,
                format!(
                    "grade `{}` (at least {}) comes after `{}` (at least {}); list grades from the highest threshold down",
                    g.id,
                    g.at_least.normalize(),
                    p.id,
                    p.at_least.normalize()
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
                        format!(
                            "grade `{}` reads points(\"{id}\"), but no criterion has that id",
                            g.id
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
