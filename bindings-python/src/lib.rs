//! Python bindings of `cchc` (module `cchc._cchc`).
//!
//! A thin layer: Python values are converted into the core's [`cchc::Unit`] and
//! [`cchc::RawValue`], the core scores them, and its results are handed back as Python objects
//! (numbers as exact `decimal.Decimal`). No scoring logic lives here.
//!
//! Every text for people comes from the core's message catalogues (`core/locales/{vi,en}/`,
//! the binding's own in `bindings.ftl`, ids `py-…`), in Vietnamese unless English is asked for
//! (see the `lang` module). Errors of pyo3's own argument conversion (a wrong type for a keyword such as
//! `indent`) are pyo3's English texts.

mod analysis;
mod authoring;
mod convert;
mod errors;
mod frames;
mod lang;
mod pyobjects;
mod report;
mod results;
mod ruleset;
mod values;
mod xlsx;

use pyo3::prelude::*;

pub use errors::{CchcError, DataError, RulesetError};

/// The native module `cchc._cchc`; the Python package `cchc` re-exports it.
#[pymodule]
fn _cchc(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    lang::init_from_env();
    m.add_function(wrap_pyfunction!(lang::set_lang, m)?)?;
    m.add_function(wrap_pyfunction!(lang::get_lang, m)?)?;
    m.add_function(wrap_pyfunction!(frames::text, m)?)?;
    m.add_function(wrap_pyfunction!(analysis::compare, m)?)?;
    m.add_function(wrap_pyfunction!(frames::_unpickle_ruleset, m)?)?;
    m.add(
        "LANGS",
        cchc::Lang::ALL
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>(),
    )?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add(
        "CODES",
        cchc::Code::ALL
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
    )?;
    m.add_class::<ruleset::PyRuleset>()?;
    m.add_class::<results::PyUnitResult>()?;
    m.add_class::<results::PyBatch>()?;
    m.add_class::<report::PyReport>()?;
    m.add_class::<errors::PyDiagnostic>()?;
    m.add_class::<authoring::PyDiff>()?;
    m.add_function(wrap_pyfunction!(authoring::diff, m)?)?;
    m.add_function(wrap_pyfunction!(authoring::json_schema, m)?)?;
    m.add("CchcError", py.get_type::<CchcError>())?;
    m.add("RulesetError", py.get_type::<RulesetError>())?;
    m.add("DataError", py.get_type::<DataError>())?;
    errors::init_types(py)?;
    Ok(())
}
