//! `input_unused`: an input declared in `inputs:` that no rule, `applies_if`, expression,
//! script or grade condition reads.

use super::{Lint, leaves_and_groups};
use crate::error::Code;
use crate::expr::mentioned;
use crate::msg;
use crate::ruleset::model::{Operand, RuleDecl};

pub(super) fn check(cx: &mut Lint<'_>) {
    let names = &cx.plan.input_index;
    let mut read = vec![false; cx.plan.inputs.len()];
    let mut mark = |slots: Vec<usize>| {
        for s in slots {
            if let Some(r) = read.get_mut(s) {
                *r = true;
            }
        }
    };
    let operand = |op: &Operand| match op {
        Operand::Input(name) => names.get(name.as_str()).copied().into_iter().collect(),
        Operand::Expr(src) => mentioned(src, names),
    };
    for node in leaves_and_groups(&cx.doc.criteria) {
        if let Some(src) = &node.applies_if {
            mark(mentioned(src, names));
        }
        match &node.rule {
            Some(RuleDecl::Check(op) | RuleDecl::Value(op)) => mark(operand(op)),
            Some(RuleDecl::Bands(b)) => mark(operand(&b.of)),
            Some(RuleDecl::Scale(s)) => mark(operand(&s.of)),
            Some(RuleDecl::Deduct(d)) => mark(operand(&d.of)),
            Some(RuleDecl::Per(p)) => mark(operand(&p.of)),
            Some(RuleDecl::Levels(l)) => {
                mark(names.get(l.input.as_str()).copied().into_iter().collect());
            }
            Some(RuleDecl::Script(src)) => mark(mentioned(src, names)),
            None => {}
        }
    }
    for g in &cx.doc.grades {
        if let Some(src) = &g.requires {
            mark(mentioned(src, names));
        }
    }
    let unread: Vec<_> = cx
        .doc
        .inputs
        .iter()
        .filter(|(name, _)| {
            names
                .get(name.as_str())
                .and_then(|&s| read.get(s))
                .is_some_and(|r| !r)
        })
        .map(|(name, decl)| (name.clone(), decl.pos))
        .collect();
    for (name, pos) in unread {
        cx.warn(
            Code::InputUnused,
            pos,
            None,
            msg!(
                "tools-lint-input-unused",
                input = crate::i18n::Arg::ident(name)
            ),
            msg!("tools-lint-input-unused-help"),
        );
    }
}
