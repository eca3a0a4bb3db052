//! `grades:`: the grade thresholds, highest first.

use rust_decimal::Decimal;

use super::Loader;
use crate::error::Code;
use crate::ruleset::model::GradeDecl;
use crate::syntax::Node;
use crate::text::nfc;

impl Loader<'_> {
    /// The grades that could be read (the ids of the others are recorded as broken).
    pub(super) fn grades(&mut self, n: &Node) -> Vec<GradeDecl> {
        let items = self.list(n, "`grades`");
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
        let mut m = self.map(it, "a grade").ok_or(None)?;
        let id_node = self.required(&mut m, "id", it.pos, "a grade");
        let id = id_node.and_then(|v| self.text(v, "a grade id"));
        let label = self
            .required(&mut m, "label", it.pos, "a grade")
            .and_then(|v| self.text(v, "a grade label"));
        let at_least_node = self.required(&mut m, "at_least", it.pos, "a grade");
        let at_least = at_least_node.and_then(|v| self.number(v, "`at_least`"));
        let requires = m.get("requires").and_then(|v| self.text(v, "`requires`"));
        self.finish(&m, &["id", "label", "at_least", "requires"], "a grade");
        let id = nfc(&id.ok_or(None)?);
        self.check_id(&id, id_node.map_or(it.pos, |v| v.pos), "a grade id");
        let Some(at_least) = at_least else {
            return Err(Some(id));
        };
        if let Some(v) = at_least_node {
            if at_least < Decimal::ZERO || at_least > Decimal::ONE_HUNDRED {
                let d = self
                    .diagnostic(
                        Code::GradeOutOfRange,
                        v.pos,
                        format!(
                            "grade `{id}` starts at an index of {}, which no unit can have (the index runs from 0 to 100)",
                            at_least.normalize()
                        ),
                    )
                    .with_help("write `at_least` as an index from 0 to 100");
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
