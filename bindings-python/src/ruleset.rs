//! `cchc.Ruleset`: load, inspect and score.

use std::path::PathBuf;

use cchc::{BatchOptions, DataFormat, Ruleset};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::convert;
use crate::errors::{guard, internal, to_py_err_reading, to_py_err_with_source};
use crate::results::{PyBatch, PyUnitResult};
use crate::values::json_to_py;

/// A loaded, checked and compiled criteria set (bộ tiêu chí) in the `cchc/1` format.
///
/// Immutable and safe to share between threads; scoring releases the GIL.
///
/// >>> rs = cchc.Ruleset.load("rules/examples/spec-example.yaml")
/// >>> r = rs.score({"id": "a", "values": {...}})
#[pyclass(frozen, name = "Ruleset", module = "cchc")]
#[derive(Debug)]
pub struct PyRuleset {
    inner: Ruleset,
}

/// A typed description (inputs, criteria) as a JSON value, for `json_to_py`.
fn typed_json<T: serde::Serialize>(value: &T) -> PyResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|_| internal("describing the ruleset"))
}

/// `source`: the rule file's text, shown in the error's message.
fn loaded(
    py: Python<'_>,
    r: Result<Result<Ruleset, cchc::Error>, ()>,
    source: Option<&str>,
) -> PyResult<PyRuleset> {
    match r {
        Ok(Ok(inner)) => Ok(PyRuleset { inner }),
        Ok(Err(e)) => Err(to_py_err_with_source(py, &e, source)),
        Err(()) => Err(internal("loading a ruleset")),
    }
}

#[pymethods]
impl PyRuleset {
    /// Loads a rule file (YAML or JSON). Raises `RulesetError` listing every problem.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyRuleset> {
        let r = py.detach(|| guard(|| Ruleset::load(&path)));
        if let Ok(Err(e)) = &r {
            return Err(to_py_err_reading(py, e, &path));
        }
        loaded(py, r, None)
    }

    /// Loads a ruleset from YAML (or JSON) text; `origin` names it in error messages.
    #[staticmethod]
    #[pyo3(signature = (text, origin = "<string>"))]
    fn from_yaml(py: Python<'_>, text: &Bound<'_, PyAny>, origin: &str) -> PyResult<PyRuleset> {
        if let Ok(s) = text.cast::<PyString>() {
            let s = s.to_cow()?.into_owned();
            let r = py.detach(|| guard(|| Ruleset::from_yaml_str(&s, origin)));
            loaded(py, r, Some(&s))
        } else if let Ok(b) = text.cast::<PyBytes>() {
            let b = b.as_bytes().to_vec();
            let r = py.detach(|| guard(|| Ruleset::from_bytes(&b, origin)));
            loaded(py, r, Some(&String::from_utf8_lossy(&b)))
        } else {
            Err(PyTypeError::new_err(
                "from_yaml takes the rule file's text (str or bytes)",
            ))
        }
    }

    /// Ruleset id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id()
    }

    /// The policy's version (free text).
    #[getter]
    fn version(&self) -> &str {
        self.inner.version()
    }

    /// Title.
    #[getter]
    fn title(&self) -> &str {
        self.inner.title()
    }

    /// `sha256:` hash of the ruleset's meaning (comments and layout do not change it).
    #[getter]
    fn fingerprint(&self) -> &str {
        self.inner.fingerprint()
    }

    /// The data dictionary: `{name: {"type", "label", "description", "min", "max", "options",
    /// "default", "on_missing"}}` in file order; numbers are `Decimal`.
    #[getter]
    fn inputs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let list = json_to_py(py, &typed_json(&self.inner.inputs())?)?;
        let out = PyDict::new(py);
        for item in list.try_iter()? {
            let item = item?;
            let d = item.cast::<PyDict>()?;
            let name = d.get_item("name")?;
            d.del_item("name")?;
            out.set_item(name, d)?;
        }
        Ok(out)
    }

    /// Load-time warnings (`Diagnostic` objects: an unreachable band step, a date that does not
    /// exist, a grade threshold outside 0–100, a suspicious id); empty for a clean file.
    #[getter]
    fn warnings(&self) -> Vec<crate::errors::PyDiagnostic> {
        self.inner
            .warnings()
            .iter()
            .map(crate::errors::PyDiagnostic::from_core)
            .collect()
    }

    /// The criteria tree: a list of dicts `{id, title, kind, max, rule, description, evidence,
    /// applies_if, children}` (`rule` is the rule kind of a leaf; `children` on groups).
    #[getter]
    fn criteria<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &typed_json(&self.inner.criteria())?)
    }

    /// Scores one unit: a dict with `id`, `name`, `kind`, `values`, `not_applicable`,
    /// `self_assessed`. Bad data never raises: it is reported in the result's `errors`.
    fn score(&self, py: Python<'_>, unit: &Bound<'_, PyAny>) -> PyResult<PyUnitResult> {
        let unit = convert::unit_from_dict(unit);
        let rs = &self.inner;
        match py.detach(|| guard(|| rs.score(&unit))) {
            Ok(r) => Ok(PyUnitResult::new(r)),
            Err(()) => Err(internal("scoring a unit")),
        }
    }

    /// Scores many units (a list of unit dicts, or a pandas DataFrame with a row per unit:
    /// columns `id`, `name`, `kind` and one per input) and ranks them.
    #[pyo3(signature = (units, group_by_kind = false))]
    fn score_many(
        &self,
        py: Python<'_>,
        units: &Bound<'_, PyAny>,
        group_by_kind: bool,
    ) -> PyResult<PyBatch> {
        let units = convert::units_from(units)?;
        self.batch(py, units, group_by_kind)
    }

    /// Reads units from data text (`format`: "json", "yaml" or "csv") and scores them.
    /// Raises `DataError` when the text cannot be read as units at all.
    #[pyo3(signature = (text, format = "json", group_by_kind = false, origin = "<string>"))]
    fn score_text(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        format: &str,
        group_by_kind: bool,
        origin: &str,
    ) -> PyResult<PyBatch> {
        let fmt = DataFormat::parse(format).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown data format `{format}`; use \"json\", \"yaml\" or \"csv\""
            ))
        })?;
        // The text is kept to show the offending line if the data cannot be read.
        let (read, kept) = if let Ok(s) = text.cast::<PyString>() {
            let s = s.to_cow()?.into_owned();
            let r = py.detach(|| guard(|| cchc::read_units(&s, fmt, origin)));
            (r, s.into_bytes())
        } else if let Ok(b) = text.cast::<PyBytes>() {
            let b = b.as_bytes().to_vec();
            let r = py.detach(|| guard(|| cchc::read_units_bytes(&b, fmt, origin)));
            (r, b)
        } else {
            return Err(PyTypeError::new_err(
                "score_text takes the data as text (str or bytes)",
            ));
        };
        match read {
            Ok(Ok(units)) => self.batch(py, units, group_by_kind),
            Ok(Err(e)) => Err(to_py_err_with_source(
                py,
                &e,
                Some(&String::from_utf8_lossy(&kept)),
            )),
            Err(()) => Err(internal("reading data")),
        }
    }

    /// Runs the ruleset's own `tests:` section: a list of dicts `{name, line, passed,
    /// failures: [{what, expected, actual}], errors: [str]}`.
    fn run_tests<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rs = &self.inner;
        let outcomes = py
            .detach(|| guard(|| rs.run_tests()))
            .map_err(|()| internal("running the ruleset's tests"))?;
        let list = PyList::empty(py);
        for o in &outcomes {
            let d = PyDict::new(py);
            d.set_item("name", &o.name)?;
            d.set_item("line", o.line)?;
            d.set_item("passed", o.passed())?;
            let failures = PyList::empty(py);
            for f in &o.failures {
                let fd = PyDict::new(py);
                fd.set_item("what", f.what.render(cchc::Lang::Vi))?;
                fd.set_item("expected", &f.expected)?;
                fd.set_item("actual", &f.actual)?;
                failures.append(fd)?;
            }
            d.set_item("failures", failures)?;
            let errors: Vec<String> = o.errors.iter().map(|e| e.render(cchc::Lang::Vi)).collect();
            d.set_item("errors", errors)?;
            list.append(d)?;
        }
        Ok(list)
    }

    fn __repr__(&self) -> String {
        format!(
            "<cchc.Ruleset id={:?} version={:?} title={:?}>",
            self.inner.id(),
            self.inner.version(),
            self.inner.title()
        )
    }
}

impl PyRuleset {
    fn batch(
        &self,
        py: Python<'_>,
        units: Vec<cchc::Unit>,
        group_by_kind: bool,
    ) -> PyResult<PyBatch> {
        let rs = &self.inner;
        let opts = BatchOptions::grouped(group_by_kind);
        let batch = py
            .detach(|| guard(|| rs.score_batch_with(&units, &opts, &mut |_done| {})))
            .map_err(|()| internal("scoring a batch"))?;
        PyBatch::new(py, batch)
    }
}
