//! The printable report from Python: `Batch.report_html()`, `Batch.save_report(path)` and
//! `Batch.report()` (a `Report` that Jupyter shows in an `<iframe srcdoc>`). The core writes
//! the HTML (`cchc::present::report`); this file only converts arguments.

use std::path::Path;

use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

use crate::results::PyBatch;

/// The report of `batch` in `lang` (the batch's, else the module's), dated `date` (default:
/// today, UTC), written with the GIL released.
pub(crate) fn html(
    py: Python<'_>,
    batch: &PyBatch,
    lang: Option<&str>,
    date: Option<String>,
) -> PyResult<String> {
    let lang = batch.lang(lang)?;
    let date = date.unwrap_or_else(cchc::present::report::today);
    Ok(py.detach(|| batch.render_report(lang, date)))
}

/// Writes the report of `batch` to `path`; `OSError` when it cannot be written.
pub(crate) fn save(
    py: Python<'_>,
    batch: &PyBatch,
    path: &Path,
    lang: Option<&str>,
    date: Option<String>,
) -> PyResult<()> {
    let text = html(py, batch, lang, date)?;
    py.detach(|| std::fs::write(path, text.as_bytes()))
        .map_err(|e| {
            PyOSError::new_err((
                e.raw_os_error().unwrap_or(0),
                e.to_string(),
                path.display().to_string(),
            ))
        })
}

/// A printable report: `.html` (the self-contained HTML text), `.save(path)`, and shown by
/// Jupyter in an `<iframe srcdoc>` (its CSS stays inside the frame).
#[pyclass(frozen, name = "Report", module = "cchc")]
#[derive(Debug)]
pub struct PyReport {
    html: String,
    lang: cchc::Lang,
}

impl PyReport {
    pub(crate) fn new(html: String, lang: cchc::Lang) -> Self {
        PyReport { html, lang }
    }
}

#[pymethods]
impl PyReport {
    /// The report's HTML text.
    #[getter]
    fn html(&self) -> &str {
        &self.html
    }

    /// Writes the report to `path`.
    fn save(&self, py: Python<'_>, path: std::path::PathBuf) -> PyResult<()> {
        py.detach(|| std::fs::write(&path, self.html.as_bytes()))
            .map_err(|e| {
                PyOSError::new_err((
                    e.raw_os_error().unwrap_or(0),
                    e.to_string(),
                    path.display().to_string(),
                ))
            })
    }

    /// The report in an `<iframe srcdoc>` for notebooks.
    fn _repr_html_(&self) -> String {
        cchc::present::report::notebook_frame(&self.html, self.lang)
    }

    fn __len__(&self) -> usize {
        self.html.len()
    }
}
