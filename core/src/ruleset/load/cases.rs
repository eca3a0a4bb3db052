//! `tests:`: worked cases run by `cchc test`.

use super::Loader;
use super::read::{key, what};
use crate::msg;
use crate::ruleset::model::{ExpectDecl, Scalar, TestDecl};
use crate::syntax::Node;
use crate::text::nfc;

/// Keys of a test.
const TEST_KEYS: &[&str] = &[
    "name",
    "values",
    "parameters",
    "not_applicable",
    "self_assessed",
    "expect",
];

impl Loader<'_> {
    /// The tests that could be read.
    pub(super) fn tests(&mut self, n: &Node) -> Vec<TestDecl> {
        let items = self.list(n, &key("tests"));
        items.iter().filter_map(|it| self.test(it)).collect()
    }

    /// One test.
    fn test(&mut self, it: &Node) -> Option<TestDecl> {
        let test = what(msg!("load-what-test"));
        let mut m = self.map(it, &test)?;
        let name = self
            .required(&mut m, "name", it.pos, &test)
            .and_then(|v| self.text(v, &what(msg!("load-what-test-name"))));
        let values = m.get("values").map(|v| self.values(v)).unwrap_or_default();
        let parameters = m
            .get("parameters")
            .map(|v| self.values(v))
            .unwrap_or_default();
        let not_applicable = m
            .get("not_applicable")
            .and_then(|v| self.text_list(v, &key("not_applicable")))
            .map(|l| l.iter().map(|s| nfc(s)).collect())
            .unwrap_or_default();
        let self_assessed = m
            .get("self_assessed")
            .map(|v| {
                self.number_pairs(
                    v,
                    &key("self_assessed"),
                    &what(msg!("load-what-self-assessed-points")),
                )
            })
            .unwrap_or_default();
        let expect = self
            .required(&mut m, "expect", it.pos, &test)
            .and_then(|e| self.expectation(e));
        self.finish(&m, TEST_KEYS, &test);
        Some(TestDecl {
            name: name?,
            values,
            parameters,
            not_applicable,
            self_assessed,
            expect: expect?,
            pos: it.pos,
        })
    }

    /// A test's `values` (a null value is left out: the input is missing).
    fn values(&mut self, v: &Node) -> Vec<(String, Scalar)> {
        self.pairs(v, &key("values"))
            .into_iter()
            .filter(|(_, _, v)| !v.is_null())
            .filter_map(|(k, _, v)| {
                self.scalar(v, &what(msg!("load-what-value")))
                    .map(|s| (k, s))
            })
            .collect()
    }

    /// A test's `expect`.
    fn expectation(&mut self, n: &Node) -> Option<ExpectDecl> {
        let mut m = self.map(n, &key("expect"))?;
        let mut e = ExpectDecl::default();
        if let Some(p) = m.get("points") {
            e.points = self.number_pairs(
                p,
                &key("expect.points"),
                &what(msg!("load-what-expected-points")),
            );
        }
        e.total = m.get("total").and_then(|v| self.number(v, &key("total")));
        e.index = m.get("index").and_then(|v| {
            if v.is_null() {
                Some(None)
            } else {
                self.number(v, &key("index")).map(Some)
            }
        });
        e.grade = m.get("grade").and_then(|v| {
            if v.is_null() {
                Some(None)
            } else {
                self.text(v, &key("grade")).map(|g| Some(nfc(&g)))
            }
        });
        e.status = m.get("status").and_then(|v| self.keyword(v));
        self.finish(
            &m,
            &["points", "total", "index", "grade", "status"],
            &key("expect"),
        );
        Some(e)
    }
}
