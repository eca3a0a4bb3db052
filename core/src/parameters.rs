//! Parameters (format §18): switches a ruleset declares under `parameters:` and a caller sets
//! once for a whole batch (the survey held or not, …). Expressions read them like inputs; every
//! unit of a batch sees the same value.
//!
//! A parameter occupies a slot after the inputs' (`Plan::n_inputs`); its declared default is
//! that slot's value when nothing is set. [`Ruleset::with_parameters`] checks the values a
//! caller sets and gives a ruleset whose units start from those values instead.

use std::sync::Arc;

use crate::error::{Code, Diagnostic, Error, Pos};
use crate::expr::Slot;
use crate::i18n::{Arg, input_arg};
use crate::inputs::{RawValue, Value};
use crate::msg;
use crate::plan::Plan;
use crate::ruleset::{InputDefault, InputInfo, Ruleset};
use crate::text::nfc_cow;

/// Values of a ruleset's parameters set by a caller for a batch (the others keep their
/// declared defaults).
///
/// ```
/// use cchc::{Parameters, RawValue, Ruleset, Unit};
/// let rs = Ruleset::from_yaml_str(
///     "format: cchc/1\nid: d\nversion: '1'\ntitle: T\ntotal: 2\n\
///      parameters: { khao_sat: { type: bool, default: true } }\n\
///      inputs: { kh: { type: bool }, ks: { type: bool } }\n\
///      criteria:\n  - { id: '1', title: A, max: 1, rule: { check: kh } }\n\
///      \x20 - { id: '2', title: B, max: 1, applies_if: khao_sat, rule: { check: ks } }\n",
///     "d.yaml",
/// )?;
/// let off = rs.with_parameters(&Parameters::new().with("khao_sat", RawValue::Cell("không".into())))?;
/// let r = off.score(&Unit::new("a").with_value("kh", RawValue::Bool(true)));
/// assert_eq!(r.index, Some(cchc::Decimal::ONE_HUNDRED));
/// # Ok::<(), cchc::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parameters {
    values: Vec<(String, RawValue)>,
}

impl Parameters {
    /// No values set: every parameter keeps its default.
    pub fn new() -> Self {
        Parameters::default()
    }

    /// Sets `name` to `value` (a later value for the same name replaces an earlier one).
    pub fn set(&mut self, name: impl Into<String>, value: RawValue) {
        let name = name.into();
        self.values.retain(|(n, _)| *n != name);
        self.values.push((name, value));
    }

    /// With `name` set to `value`.
    #[must_use]
    pub fn with(mut self, name: impl Into<String>, value: RawValue) -> Self {
        self.set(name, value);
        self
    }

    /// True when no value is set.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The values set, in the order they were set.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.values.iter().map(|(n, v)| (n.as_str(), v))
    }
}

impl<K: Into<String>> FromIterator<(K, RawValue)> for Parameters {
    fn from_iter<I: IntoIterator<Item = (K, RawValue)>>(iter: I) -> Self {
        let mut p = Parameters::new();
        for (k, v) in iter {
            p.set(k, v);
        }
        p
    }
}

impl Ruleset {
    /// The declared parameters (format §18), in file order; `default` is each one's declared
    /// default.
    pub fn parameters(&self) -> Vec<InputInfo> {
        crate::ruleset::parameters_info(&self.plan)
    }

    /// The value of each parameter this ruleset scores with (set, or the default), in file
    /// order.
    pub fn parameter_values(&self) -> Vec<(&str, InputDefault)> {
        values(&self.plan, self.base.as_deref())
    }

    /// This ruleset with parameter values set for every unit it scores (the others keep their
    /// defaults; values set earlier on `self` are kept unless set again). A value is read by
    /// the parameter's type like a unit's value: a CSV cell (`RawValue::Cell`) like a cell.
    ///
    /// # Errors
    ///
    /// [`Error::Ruleset`] with every problem: `unknown_parameter` for a name the ruleset does
    /// not declare (placed at its `parameters:`, with the nearest name), `invalid_parameter` for
    /// a value its type refuses or an empty one (placed at the parameter's declaration).
    pub fn with_parameters(&self, params: &Parameters) -> Result<Ruleset, Error> {
        let plan: &Plan = &self.plan;
        if params.is_empty() {
            return Ok(self.clone());
        }
        let mut base: Vec<Slot> = match &self.base {
            Some(b) => b.as_ref().clone(),
            None => plan.absent.clone(),
        };
        let mut diags = Vec::new();
        let at = plan.parameters_pos.unwrap_or(Pos { line: 1, column: 1 });
        for (name, raw) in params.iter() {
            let key = nfc_cow(name);
            let slot = plan
                .input_index
                .get(key.as_ref())
                .copied()
                .filter(|&s| s >= plan.n_inputs);
            let Some((slot, def)) = slot.and_then(|s| Some((s, plan.inputs.get(s)?))) else {
                let names = plan
                    .inputs
                    .iter()
                    .skip(plan.n_inputs)
                    .map(|d| d.name.as_str());
                let help = match crate::syntax::suggest(&key, names.clone()) {
                    Some(s) => msg!("load-did-you-mean", name = Arg::ident(s)),
                    None if plan.n_inputs == plan.inputs.len() => {
                        msg!("load-unknown-parameter-none-help")
                    }
                    None => msg!(
                        "load-unknown-parameter-help",
                        names = Arg::idents(names.take(20))
                    ),
                };
                diags.push(
                    Diagnostic::new(
                        Code::UnknownParameter,
                        &plan.origin,
                        at,
                        msg!("load-unknown-parameter", name = Arg::ident(name)),
                    )
                    .with_help(help),
                );
                continue;
            };
            let param = input_arg(&def.name, def.label.as_deref());
            let problem = match def.read(raw) {
                Ok(Some(v)) => {
                    if let Some(s) = base.get_mut(slot) {
                        *s = Slot::Value(v);
                    }
                    continue;
                }
                Ok(None) => msg!("load-parameter-empty", parameter = param),
                Err((_, why)) => msg!("load-parameter-refused", parameter = param, problem = why),
            };
            let pos = declared_at(plan, slot).unwrap_or(at);
            diags.push(
                Diagnostic::new(Code::InvalidParameter, &plan.origin, pos, problem)
                    .with_help(msg!("load-invalid-parameter-help")),
            );
        }
        if !diags.is_empty() {
            return Err(Error::Ruleset(diags));
        }
        Ok(Ruleset {
            plan: self.plan.clone(),
            base: Some(Arc::new(base)),
        })
    }
}

/// Where the parameter in `slot` is declared.
fn declared_at(plan: &Plan, slot: usize) -> Option<Pos> {
    let i = slot.checked_sub(plan.n_inputs)?;
    plan.parameter_pos.get(i).copied()
}

/// The value of every parameter in file order, from a unit's starting slots (`None`: the
/// defaults).
pub(crate) fn values<'p>(plan: &'p Plan, base: Option<&Vec<Slot>>) -> Vec<(&'p str, InputDefault)> {
    let slots = base.unwrap_or(&plan.absent);
    plan.inputs
        .iter()
        .enumerate()
        .skip(plan.n_inputs)
        .filter_map(|(i, d)| match slots.get(i) {
            Some(Slot::Value(v)) => Some((d.name.as_str(), crate::ruleset::value_of(d, v)?)),
            _ => None,
        })
        .collect()
}

/// Every parameter with its value, each as `name (label): value` for the table's heading
/// (`base` as in [`values`]).
pub(crate) fn listed(plan: &Plan, base: Option<&Vec<Slot>>) -> Vec<Arg> {
    let slots = base.unwrap_or(&plan.absent);
    plan.inputs
        .iter()
        .enumerate()
        .skip(plan.n_inputs)
        .filter_map(|(s, d)| {
            let Some(Slot::Value(v)) = slots.get(s) else {
                return None;
            };
            let parameter = input_arg(&d.name, d.label.as_deref());
            Some(Arg::from(match v {
                Value::Bool(true) => msg!("ui-parameter-true", parameter = parameter),
                Value::Bool(false) => msg!("ui-parameter-false", parameter = parameter),
                Value::Num(n) => msg!("ui-parameter-value", parameter = parameter, value = *n),
                Value::Choice(i) => msg!(
                    "ui-parameter-value",
                    parameter = parameter,
                    value = d.option_arg(*i)
                ),
            }))
        })
        .collect()
}

/// The parameters that the expression of node `i`'s `applies_if` reads, with their values
/// (for the explanation of a node that does not apply).
pub(crate) fn read_by_condition(
    plan: &Plan,
    base: Option<&Vec<Slot>>,
    cond: &crate::expr::Compiled,
) -> Vec<Arg> {
    let slots = base.unwrap_or(&plan.absent);
    cond.reads()
        .iter()
        .filter(|&&s| s >= plan.n_inputs)
        .filter_map(|&s| {
            let d = plan.inputs.get(s)?;
            let Some(Slot::Value(v)) = slots.get(s) else {
                return None;
            };
            let parameter = input_arg(&d.name, d.label.as_deref());
            Some(Arg::from(match v {
                Value::Bool(true) => msg!("trace-parameter-true", parameter = parameter),
                Value::Bool(false) => msg!("trace-parameter-false", parameter = parameter),
                Value::Num(n) => msg!("trace-parameter-value", parameter = parameter, value = *n),
                Value::Choice(i) => msg!(
                    "trace-parameter-value",
                    parameter = parameter,
                    value = d.option_arg(*i)
                ),
            }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::{Lang, Parameters, RawValue, Ruleset, Unit, UnitStatus};

    const SURVEY: &str = "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 10\nparameters:\n  khao_sat: { type: bool, label: Có ĐTXHH, default: true }\ninputs:\n  kh: { type: bool }\n  hl: { type: percent, on_missing: error }\ncriteria:\n  - { id: '1', title: A, max: 4, rule: { check: kh } }\n  - { id: '2', title: B, max: 6, applies_if: khao_sat, rule: { scale: { input: hl, from: 0, to: 100 } } }\n";

    fn off() -> Parameters {
        Parameters::new().with("khao_sat", RawValue::Cell("không".into()))
    }

    #[test]
    fn the_survey_switch() {
        let rs = Ruleset::from_yaml_str(SURVEY, "t.yaml").unwrap();
        let unit = Unit::new("a").with_value("kh", RawValue::Bool(true));
        // Held (the default): the blank survey value is missing.
        let r = rs.score(&unit);
        assert_eq!(r.status, UnitStatus::Incomplete);
        // Not held: excluded for the unit, the index on the remaining 4 points.
        let not_held = rs.with_parameters(&off()).unwrap();
        let r = not_held.score(&unit);
        assert_eq!(r.status, UnitStatus::Complete);
        assert_eq!((r.total, r.max), (4.into(), 4.into()));
        assert_eq!(r.index, Some(100.into()));
        // The values used travel with the result, and the explanation names the parameter.
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["ruleset"]["parameters"]["khao_sat"], false);
        let why = r.trace_text(1, Lang::En);
        assert!(why.contains("`khao_sat` (Có ĐTXHH) is false"), "{why}");
        let vi = r.trace_text(1, Lang::Vi);
        assert!(vi.contains("là không"), "{vi}");
        // The original ruleset is unchanged; setting the default again gives its results.
        assert_eq!(rs.parameter_values()[0].1, crate::InputDefault::Bool(true));
        let again = not_held
            .with_parameters(&Parameters::new().with("khao_sat", RawValue::Bool(true)))
            .unwrap();
        assert_eq!(again.score(&unit).status, UnitStatus::Incomplete);
        // The batch table shows the values under the title.
        let batch = not_held.score_batch(&[unit]);
        let table = crate::present::text_table(&not_held, &batch, Lang::Vi);
        assert!(
            table.contains("Tham số: `khao_sat` (Có ĐTXHH) là không"),
            "{table}"
        );
    }

    #[test]
    fn results_without_parameters_are_unchanged() {
        let text = "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 1\ninputs: { kh: { type: bool } }\ncriteria: [ { id: '1', title: A, max: 1, rule: { check: kh } } ]\n";
        let rs = Ruleset::from_yaml_str(text, "t.yaml").unwrap();
        let json = serde_json::to_value(rs.score(&Unit::new("a"))).unwrap();
        assert!(json["ruleset"].get("parameters").is_none(), "{json}");
        assert!(rs.parameters().is_empty());
        let e = rs
            .with_parameters(&Parameters::new().with("x", RawValue::Bool(true)))
            .unwrap_err();
        assert_eq!(e.diagnostics()[0].code, crate::Code::UnknownParameter);
        // Declarations are part of the fingerprint; values set are not.
        let with = Ruleset::from_yaml_str(SURVEY, "t.yaml").unwrap();
        let other = SURVEY.replace("default: true", "default: false");
        let other = Ruleset::from_yaml_str(&other, "t.yaml").unwrap();
        assert_ne!(with.fingerprint(), other.fingerprint());
        assert_eq!(
            with.fingerprint(),
            with.with_parameters(&off()).unwrap().fingerprint()
        );
    }

    #[test]
    fn worked_cases_set_parameters() {
        let text = format!(
            "{SURVEY}tests:\n  - {{ name: held, values: {{ kh: true, hl: 50 }}, expect: {{ total: 7, index: 70 }} }}\n  - {{ name: not held, parameters: {{ khao_sat: false }}, values: {{ kh: true }}, expect: {{ total: 4, index: 100, status: complete }} }}\n"
        );
        let rs = Ruleset::from_yaml_str(&text, "t.yaml").unwrap();
        let out = rs.run_tests();
        assert!(out.iter().all(|o| o.passed()), "{out:?}");
        // A wrong expectation fails (the parameter is really applied).
        let wrong = text.replace("total: 4, index: 100", "total: 10, index: 100");
        let rs = Ruleset::from_yaml_str(&wrong, "t.yaml").unwrap();
        assert!(!rs.run_tests()[1].passed());
    }

    #[test]
    fn a_unit_cannot_set_a_parameter() {
        let rs = Ruleset::from_yaml_str(SURVEY, "t.yaml").unwrap();
        let r = rs.score(
            &Unit::new("a")
                .with_value("kh", RawValue::Bool(true))
                .with_value("khao_sat", RawValue::Bool(false)),
        );
        assert_eq!(r.status, UnitStatus::Incomplete);
        assert_eq!(r.warnings[0].code, crate::Code::UnknownInput);
        assert!(
            r.warnings[0]
                .message
                .render(Lang::En)
                .contains("is a parameter")
        );
        // Parameters are not inputs of the data dictionary.
        let names: Vec<String> = rs.inputs().into_iter().map(|i| i.name).collect();
        assert_eq!(names, ["kh", "hl"]);
        assert_eq!(rs.parameters()[0].name, "khao_sat");
    }
}
