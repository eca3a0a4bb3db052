//! Running a ruleset's own `tests:` section.

use rust_decimal::Decimal;

use super::Ruleset;
use super::model::Scalar;
use crate::Error;
use crate::i18n::{Arg, Message};
use crate::inputs::RawValue;
use crate::msg;
use crate::unit::Unit;

/// One figure that differs from what a test expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestFailure {
    /// What (e.g. `points of 1.2`, `total`), rendered in a language on output.
    pub what: Message,
    /// Expected.
    pub expected: String,
    /// Actual.
    pub actual: String,
}

/// The outcome of one test.
#[derive(Debug, Clone)]
pub struct TestOutcome {
    /// Test name.
    pub name: String,
    /// Line of the test in the rule file.
    pub line: u32,
    /// Differences (empty: passed).
    pub failures: Vec<TestFailure>,
    /// The unit's errors, for context (each `message [code]`).
    pub errors: Vec<Message>,
}

impl TestOutcome {
    /// True when every expected figure matched.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

fn opt_dec(d: Option<Decimal>) -> String {
    d.map(|d| d.normalize().to_string())
        .unwrap_or_else(|| "null".into())
}

/// A value written in a test, as a unit or a caller gives it.
fn scalar_raw(v: &Scalar) -> RawValue {
    match v {
        Scalar::Bool(b) => RawValue::Bool(*b),
        Scalar::Number(d) => RawValue::Number(*d),
        Scalar::Text(s) => RawValue::Text(s.clone()),
    }
}

/// The unit a worked case describes (its values, not-applicable list and marks).
pub(crate) fn unit_of(t: &super::model::TestDecl) -> Unit {
    let mut unit = Unit::new(t.name.clone());
    for (k, v) in &t.values {
        unit.values.push((k.clone(), scalar_raw(v)));
    }
    unit.not_applicable = t.not_applicable.clone();
    unit.self_assessed = t
        .self_assessed
        .iter()
        .map(|(k, d)| (k.clone(), RawValue::Number(*d)))
        .collect();
    unit
}

impl TestOutcome {
    /// A case that could not run because a parameter value was refused.
    fn failed_on_parameters(mut self) -> Self {
        self.failures.push(TestFailure {
            what: msg!("load-what-parameter-name"),
            expected: "valid".into(),
            actual: "invalid".into(),
        });
        self
    }
}

/// The ruleset with a worked case's own `parameters:` (the ruleset itself when it sets none);
/// an error when the parameter's type refuses a value (names are checked at load).
pub(crate) fn bound_for(rs: &Ruleset, t: &super::model::TestDecl) -> Result<Ruleset, Error> {
    let params: crate::Parameters = t
        .parameters
        .iter()
        .map(|(k, v)| (k.clone(), scalar_raw(v)))
        .collect();
    rs.with_parameters(&params)
}

pub(super) fn run(rs: &Ruleset) -> Vec<TestOutcome> {
    rs.plan
        .tests
        .iter()
        .map(|t| {
            let unit = unit_of(t);
            // A value the parameter's type refuses fails the case.
            let bound = match bound_for(rs, t) {
                Ok(b) => b,
                Err(e) => {
                    return TestOutcome {
                        name: t.name.clone(),
                        line: t.pos.line,
                        failures: Vec::new(),
                        errors: e.diagnostics().iter().map(|d| d.message.clone()).collect(),
                    }
                    .failed_on_parameters();
                }
            };
            let r = bound.score(&unit);
            let mut failures = Vec::new();
            let mut check = |what: Message, expected: String, actual: String| {
                if expected != actual {
                    failures.push(TestFailure {
                        what,
                        expected,
                        actual,
                    });
                }
            };
            for (id, want) in &t.expect.points {
                let got = r.node(id).map(|n| n.points);
                check(
                    msg!("load-test-points-of", id = Arg::ident(id.as_str())),
                    opt_dec(Some(*want)),
                    opt_dec(got),
                );
            }
            if let Some(want) = t.expect.total {
                check(
                    msg!("load-test-total"),
                    opt_dec(Some(want)),
                    opt_dec(Some(r.total)),
                );
            }
            if let Some(want) = &t.expect.index {
                check(msg!("load-test-index"), opt_dec(*want), opt_dec(r.index));
            }
            if let Some(want) = &t.expect.grade {
                check(
                    msg!("load-test-grade"),
                    want.clone().unwrap_or_else(|| "null".into()),
                    r.grade()
                        .map(|g| g.id.to_string())
                        .unwrap_or_else(|| "null".into()),
                );
            }
            if let Some(want) = &t.expect.status {
                check(
                    msg!("load-test-status"),
                    want.as_str().into(),
                    r.status.as_str().into(),
                );
            }
            TestOutcome {
                name: t.name.clone(),
                line: t.pos.line,
                failures,
                errors: r
                    .errors
                    .iter()
                    .map(|e| {
                        msg!(
                            "load-test-unit-error",
                            message = e.message.clone(),
                            code = e.code.as_str()
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}
