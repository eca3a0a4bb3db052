//! The analyst tools of the core (`cchc::analysis`, feature `tools`) for Python: sensitivity of
//! ranks and grades to the area weights, the improvement report, and year-over-year comparison.
//! Each converts its arguments, calls the core and hands back the core's JSON report as Python
//! objects (numbers as `Decimal`); `cchc.analysis` turns the reports into DataFrames.

use cchc::analysis::{ImprovementOptions, SensitivityOptions};
use cchc::{Decimal, Lang};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::errors::{Doing, guard, internal, to_py_err_with_source};
use crate::lang::pick;
use crate::results::PyBatch;
use crate::ruleset::PyRuleset;
use crate::values::json_to_py;

/// A decimal option given as a Python number or text (a float through its shortest text).
fn decimal_option(v: &Bound<'_, PyAny>, name: &str) -> PyResult<Decimal> {
    let text = if v.is_instance_of::<pyo3::types::PyFloat>() {
        v.repr()?.to_cow()?.into_owned()
    } else {
        v.str()?.to_cow()?.into_owned()
    };
    cchc::parse_cell_number(&text).map_err(|_| PyValueError::new_err(format!("{name}: {text}")))
}

/// `Ruleset.sensitivity` / `cchc.sensitivity`: the core's report as Python objects.
#[allow(clippy::too_many_arguments, reason = "the Python keyword arguments")]
pub(crate) fn sensitivity<'py>(
    py: Python<'py>,
    rs: &PyRuleset,
    batch: &PyBatch,
    draws: u32,
    range: Option<&Bound<'py, PyAny>>,
    seed: u64,
    (group_by_kind, groups): (bool, cchc::Groups),
    leave_one_out: bool,
    max_rank_width: u32,
    max_grade_change: Option<&Bound<'py, PyAny>>,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let lang: Lang = pick(lang, rs.lang_given())?;
    let mut opts = SensitivityOptions::default();
    opts.draws = draws;
    if let Some(v) = range {
        opts.range = decimal_option(v, "range")?;
    }
    opts.seed = seed;
    opts.group_by_kind = group_by_kind;
    opts.groups = groups;
    opts.leave_one_out = leave_one_out;
    opts.max_rank_width = max_rank_width;
    if let Some(v) = max_grade_change {
        opts.max_grade_change = decimal_option(v, "max_grade_change")?;
    }
    let results = batch.core_results();
    let core = rs.core();
    let report = py
        .detach(|| {
            guard(|| {
                cchc::analysis::sensitivity(core, &results, None, &opts).map(|r| r.to_json(lang))
            })
        })
        .map_err(|()| internal(Doing::ScoringBatch))?;
    match report {
        Ok(v) => json_to_py(py, &v),
        Err(e) => Err(to_py_err_with_source(py, &e, None, lang)),
    }
}

/// `Ruleset.improvements(unit)`: the core's improvement report of one unit (a dict).
pub(crate) fn improvements<'py>(
    py: Python<'py>,
    rs: &PyRuleset,
    unit: &Bound<'py, PyAny>,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let lang: Lang = pick(lang, rs.lang_given())?;
    let unit = rs.read_unit(unit)?;
    let core = rs.core();
    let report = py
        .detach(|| {
            guard(|| {
                cchc::analysis::improvements(core, &unit, &ImprovementOptions::default())
                    .to_json(lang)
            })
        })
        .map_err(|()| internal(Doing::ScoringUnit))?;
    json_to_py(py, &report)
}

/// Two batches (or results files' JSON text) compared: the core's comparison as Python objects.
#[pyfunction]
#[pyo3(signature = (a, b, *, lang = None))]
pub(crate) fn compare<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = pick(lang, None)?;
    let text = |x: &Bound<'py, PyAny>| -> PyResult<String> {
        if let Ok(batch) = x.cast::<PyBatch>() {
            return batch.get().json_text(lang);
        }
        Ok(x.str()?.to_cow()?.into_owned())
    };
    let (ta, tb) = (text(a)?, text(b)?);
    let out = py
        .detach(|| {
            guard(|| {
                cchc::analysis::compare_results(ta.as_bytes(), tb.as_bytes(), ["a", "b"])
                    .map(|c| c.to_json(lang))
            })
        })
        .map_err(|()| internal(Doing::ReadingData))?;
    match out {
        Ok(v) => json_to_py(py, &v),
        Err(e) => Err(to_py_err_with_source(py, &e, None, lang)),
    }
}
