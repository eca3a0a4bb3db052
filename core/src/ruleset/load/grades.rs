//! `grades:`: the grade thresholds, highest first.

use rust_decimal::Decimal;

use super::Loader;
use super::read::{key, what};
use crate::error::Code;
use crate::i18n::Arg;
use crate::msg;
use crate::ruleset::model::GradeDecl;
use crate::syntax::Node;
use crate::text::nfc;

impl Loader<'_> {
    /// The grades that could be read (the ids of the others are recorded as broken).
    pub(super) fn grades(&mut self, n: &Node) -> Vec<GradeDecl> {
        let items = self.list(n, &key("grades"));
        let mut out = Vec::new();
        for it in items {
            match self.grade(it) {
                Ok(g) => out.push(g),
                Err(Some(id)) => {
                    self.broken.grades.insert(id);
                }
                Err(None) => {}
            }
        }
        out
    }

    /// One grade; when it cannot be read, its id if that could be read.
    fn grade(&mut self, it: &Node) -> Result<GradeDecl, Option<String>> {
        let grade = what(msg!("load-what-grade"));
        let grade_id = what(msg!("load-what-grade-id"));
        let mut m = self.map(it, &grade).ok_or(None)?;
        let id_node = self.required(&mut m, "id", it.pos, &grade);
        let id = id_node.and_then(|v| self.text(v, &grade_id));
        let label = self
            .required(&mut m, "label", it.pos, &grade)
            .and_then(|v| self.text(v, &what(msg!("load-what-grade-label"))));
        let at_least_node = self.required(&mut m, "at_least", it.pos, &grade);
        let at_least = at_least_node.and_then(|v| self.number(v, &key("at_least")));
        let requires = m
            .get("requires")
            .and_then(|v| self.text(v, &key("requires")));
        self.finish(&m, &["id", "label", "at_least", "requires"], &grade);
        let id = nfc(&id.ok_or(None)?);
        self.check_id(&id, id_node.map_or(it.pos, |v| v.pos), &grade_id);
        let Some(at_least) = at_least else {
            return Err(Some(id));
        };
        if let Some(v) = at_least_node {
            if at_least < Decimal::ZERO || at_least > Decimal::ONE_HUNDRED {
                let d = self
                    .diagnostic(
                        Code::GradeOutOfRange,
                        v.pos,
                        msg!(
                            "load-grade-out-of-range",
                            grade = Arg::ident(id.as_str()),
                            at_least = at_least.normalize()
                        ),
                    )
                    .with_help(msg!("load-grade-out-of-range-help"));
                self.warn(d);
            }
        }
        let Some(label) = label else {
            return Err(Some(id));
        };
        Ok(GradeDecl {
            id,
            label,
            at_least,
            requires,
            pos: it.pos,
        })
    }
}
