//! Workbooks from Python: `Ruleset.score_file` (any data file, workbooks included),
//! `Ruleset.template_excel` and `Batch.to_excel`. The workbooks are read and written by the
//! core (`cchc::data::read_workbook`, `cchc::present::xlsx`); this module converts and
//! delegates.

use std::path::Path;

use cchc::{Lang, RankEntry, Ruleset, UnitResult};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;

use crate::errors::{Doing, guard, internal, to_py_err_reading, to_py_err_with_source};

/// The units of a data file: a workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`; the sheet named
/// `sheet`, else the first) or JSON, YAML, CSV by extension. `DataError` when it cannot be
/// read (`unreadable_workbook`, `unknown_sheet`, …), with the message in `lang`.
pub(crate) fn read_units(
    py: Python<'_>,
    path: &Path,
    sheet: Option<&str>,
    lang: Lang,
) -> PyResult<Vec<cchc::Unit>> {
    let workbook = cchc::data::is_workbook_path(path);
    let read = py.detach(|| {
        guard(|| {
            if workbook {
                let origin = path.display().to_string();
                let bytes = cchc::data::read_file_bounded(path, cchc::data::MAX_DATA_FILE_BYTES)
                    .map_err(|e| e.into_error(&origin))?;
                cchc::data::read_workbook(&bytes, &origin, sheet)
            } else {
                cchc::read_units_file(path)
            }
        })
    });
    match read {
        Ok(Ok(units)) => {
            if sheet.is_some() && !workbook {
                return Err(PyValueError::new_err(
                    cchc::msg!("xlsx-cli-sheet-not-workbook").render(lang),
                ));
            }
            Ok(units)
        }
        // A workbook's problems are shown without its (binary) text.
        Ok(Err(e)) if workbook => Err(to_py_err_with_source(py, &e, None, lang)),
        Ok(Err(e)) => Err(to_py_err_reading(py, &e, path, lang)),
        Err(()) => Err(internal(Doing::ReadingData)),
    }
}

fn write(path: &Path, bytes: &[u8]) -> PyResult<()> {
    std::fs::write(path, bytes).map_err(|e| PyOSError::new_err(e.to_string()))
}

/// Writes the data-entry workbook of `rs` to `path`.
pub(crate) fn template(py: Python<'_>, rs: &Ruleset, path: &Path, lang: Lang) -> PyResult<()> {
    let bytes = py
        .detach(|| guard(|| cchc::present::xlsx::template_workbook(rs, lang)))
        .map_err(|()| internal(Doing::Describing))?
        .map_err(|e| PyOSError::new_err(e.to_string()))?;
    write(path, &bytes)
}

/// Writes the results workbook of a batch to `path`; `ValueError` for a batch without
/// results (there is no ruleset to write it from).
pub(crate) fn results(
    results: &[&UnitResult],
    ranking: &[RankEntry],
    grouped: bool,
    path: &Path,
    lang: Lang,
) -> PyResult<()> {
    let bytes = guard(|| cchc::present::xlsx::results_workbook_of(results, ranking, grouped, lang))
        .map_err(|()| internal(Doing::ScoringBatch))?
        .map_err(|e| PyOSError::new_err(e.to_string()))?
        .ok_or_else(|| PyValueError::new_err(cchc::msg!("xlsx-py-empty-batch").render(lang)))?;
    write(path, &bytes)
}
