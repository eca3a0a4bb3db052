//! The authoring tools: `cchc.diff(old, new, units=None)` and `cchc.json_schema(lang=None)`;
//! `Ruleset.lint()` and `Ruleset.coverage()` are in `ruleset.rs`. Everything is computed and
//! worded by the core; this converts.

use cchc::Lang;
use pyo3::prelude::*;

use crate::errors::{Doing, guard, internal};
use crate::lang::{given, pick};
use crate::ruleset::PyRuleset;
use crate::values::json_to_py;

/// What changed between two rulesets (`cchc.diff`): `changes` (a list of dicts, each with a
/// `change` tag: `criterion_added`, `rule_changed`, …; docs/authoring.md), `effect` (the units
/// whose index, grade or rank change, or None), `to_json()`, and its text with `str()`.
#[pyclass(frozen, name = "Diff", module = "cchc")]
#[derive(Debug)]
pub struct PyDiff {
    inner: cchc::diff::RulesetDiff,
    lang: Option<Lang>,
}

#[pymethods]
impl PyDiff {
    /// Every change, as a list of dicts (numbers as `decimal.Decimal`).
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &json(&self.inner.changes)?)
    }

    /// The units affected (a dict `{scored, units}`), or None without units.
    #[getter]
    fn effect<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &json(&self.inner.effect)?)
    }

    /// The old and new rulesets: dicts `{file, id, version, fingerprint}`.
    #[getter(old)]
    fn old_side<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &json(&self.inner.old)?)
    }

    /// See `old`.
    #[getter(new)]
    fn new_side<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &json(&self.inner.new)?)
    }

    /// The diff as stable JSON text (as `cchc diff --format json`).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The diff in words (`lang`: "vi" or "en"; default: the language given to `cchc.diff`,
    /// else the module's).
    #[pyo3(signature = (*, lang = None))]
    fn text(&self, lang: Option<&str>) -> PyResult<String> {
        Ok(self.inner.render(pick(lang, self.lang)?))
    }

    /// True when something changed.
    fn __bool__(&self) -> bool {
        !self.inner.is_empty()
    }

    fn __len__(&self) -> usize {
        self.inner.changes.len()
    }

    fn __str__(&self) -> PyResult<String> {
        self.text(None)
    }

    fn __repr__(&self) -> String {
        format!(
            "<cchc.Diff {} → {}: {} change(s)>",
            self.inner.old.id,
            self.inner.new.id,
            self.inner.changes.len()
        )
    }

    fn _repr_html_(&self) -> PyResult<String> {
        Ok(self.inner.render_html(pick(None, self.lang)?))
    }
}

fn json<T: serde::Serialize>(v: &T) -> PyResult<serde_json::Value> {
    serde_json::to_value(v).map_err(|_| internal(Doing::Describing))
}

/// What changed between two rulesets, by criterion id; with `units` (a list of unit dicts or
/// a DataFrame, as `Ruleset.score_many` takes), also the units whose index, grade or rank
/// change, largest change first, with the criteria responsible. `lang` is the language of its
/// text.
#[pyfunction]
#[pyo3(signature = (old, new, units = None, *, lang = None))]
pub(crate) fn diff(
    py: Python<'_>,
    old: &PyRuleset,
    new: &PyRuleset,
    units: Option<&Bound<'_, PyAny>>,
    lang: Option<&str>,
) -> PyResult<PyDiff> {
    let lang = given(lang)?.or(new.loaded_lang());
    let (a, b) = (old.core(), new.core());
    let inner = match units {
        Some(u) => {
            let units = new.read_units(py, u, lang)?;
            py.detach(|| guard(|| cchc::diff::diff_with_effect(a, b, &units)))
        }
        None => py.detach(|| guard(|| cchc::diff::diff(a, b))),
    }
    .map_err(|()| internal(Doing::Describing))?;
    Ok(PyDiff { inner, lang })
}

/// The JSON Schema (2020-12) of the rule format as JSON text (`json.loads` it), its
/// descriptions (editor hover texts) in `lang` (default: the module's language).
#[pyfunction]
#[pyo3(signature = (*, lang = None))]
pub(crate) fn json_schema(lang: Option<&str>) -> PyResult<String> {
    serde_json::to_string_pretty(&cchc::json_schema_in(pick(lang, None)?))
        .map_err(|_| internal(Doing::Describing))
}
