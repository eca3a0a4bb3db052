//! Exceptions (`CchcError`, `RulesetError`, `DataError`), diagnostics, and the panic guard.

use std::panic::{AssertUnwindSafe, catch_unwind};

use cchc::report::{Renderer, Severity, Source};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyKeyError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

create_exception!(
    cchc,
    CchcError,
    PyException,
    "Base class of every cchc error; `.code` is the first problem's code, `.errors` lists every problem (Diagnostic objects)."
);
create_exception!(
    cchc,
    RulesetError,
    CchcError,
    "The rule file has problems; `.errors` lists all of them, each with code, file, line, column, criterion and message."
);
create_exception!(
    cchc,
    DataError,
    CchcError,
    "A data text cannot be read as units at all (not JSON/YAML/CSV, an empty CSV, a wrong shape)."
);

/// A related place of a diagnostic (e.g. where a duplicated id was first used).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct LabelData {
    file: String,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    message: String,
}

impl LabelData {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("file", &self.file)?;
        d.set_item("line", self.line)?;
        d.set_item("column", self.column)?;
        d.set_item("end_line", self.end_line)?;
        d.set_item("end_column", self.end_column)?;
        d.set_item("message", &self.message)?;
        Ok(d)
    }
}

/// One problem in a rule file or a data text: a stable `code`, where it is (`file`, `line`,
/// `column`; 0 when not tied to a place; the span's `end_line` and `end_column`, 0 when
/// unknown), the `criterion` concerned (or None), a plain `message`, how to fix it (`help`, or
/// None) and related places (`labels`: dicts with file, line, column, end_line, end_column,
/// message). Readable as attributes or as a mapping (`d["code"]`); `render()` shows it the way
/// the `cchc` command does.
#[pyclass(frozen, name = "Diagnostic", module = "cchc")]
#[derive(Clone, Debug)]
pub struct PyDiagnostic {
    #[pyo3(get)]
    code: String,
    #[pyo3(get)]
    message: String,
    #[pyo3(get)]
    file: String,
    #[pyo3(get)]
    line: u32,
    #[pyo3(get)]
    column: u32,
    #[pyo3(get)]
    end_line: u32,
    #[pyo3(get)]
    end_column: u32,
    #[pyo3(get)]
    criterion: Option<String>,
    #[pyo3(get)]
    help: Option<String>,
    labels: Vec<LabelData>,
    /// The core diagnostic, for rendering.
    core: cchc::Diagnostic,
}

const DIAG_KEYS: [&str; 10] = [
    "code",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "criterion",
    "message",
    "help",
    "labels",
];

impl PyDiagnostic {
    /// The Python view of a core diagnostic.
    pub(crate) fn from_core(d: &cchc::Diagnostic) -> Self {
        PyDiagnostic {
            code: d.code.as_str().to_string(),
            message: d.message.render(cchc::Lang::Vi),
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            end_line: d.end_line,
            end_column: d.end_column,
            criterion: d.criterion.clone(),
            help: d.help.as_ref().map(|h| h.render(cchc::Lang::Vi)),
            labels: d
                .labels
                .iter()
                .map(|l| LabelData {
                    file: l.file.clone(),
                    line: l.line,
                    column: l.column,
                    end_line: l.end_line,
                    end_column: l.end_column,
                    message: l.message.render(cchc::Lang::Vi),
                })
                .collect(),
            core: d.clone(),
        }
    }

    /// The fields that make two diagnostics equal (and their hash).
    #[allow(
        clippy::type_complexity,
        reason = "a tuple of the compared fields, used once"
    )]
    fn identity(
        &self,
    ) -> (
        (&str, &str, &str, u32, u32, u32, u32),
        (Option<&str>, Option<&str>, &[LabelData]),
    ) {
        (
            (
                &self.code,
                &self.message,
                &self.file,
                self.line,
                self.column,
                self.end_line,
                self.end_column,
            ),
            (
                self.criterion.as_deref(),
                self.help.as_deref(),
                &self.labels,
            ),
        )
    }

    fn labels_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for l in &self.labels {
            out.append(l.to_dict(py)?)?;
        }
        Ok(out)
    }

    fn item<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let v = match key {
            "code" => self.code.clone().into_pyobject(py)?.into_any(),
            "message" => self.message.clone().into_pyobject(py)?.into_any(),
            "file" => self.file.clone().into_pyobject(py)?.into_any(),
            "line" => self.line.into_pyobject(py)?.into_any(),
            "column" => self.column.into_pyobject(py)?.into_any(),
            "end_line" => self.end_line.into_pyobject(py)?.into_any(),
            "end_column" => self.end_column.into_pyobject(py)?.into_any(),
            "criterion" => self.criterion.clone().into_pyobject(py)?.into_any(),
            "help" => self.help.clone().into_pyobject(py)?.into_any(),
            "labels" => self.labels_list(py)?.into_any(),
            _ => return Ok(None),
        };
        Ok(Some(v))
    }
}

#[pymethods]
impl PyDiagnostic {
    /// Related places: a list of dicts {file, line, column, end_line, end_column, message}.
    #[getter]
    fn labels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.labels_list(py)
    }

    /// The diagnostic rendered as the `cchc` command shows it: `error[code]: message`,
    /// `--> file:line:col`, and, when `source` (the text of `file`) is given, the line with the
    /// span underlined; then help and notes. `warning=True` renders it as a warning.
    #[pyo3(signature = (source = None, *, warning = false))]
    fn render(&self, source: Option<&str>, warning: bool) -> String {
        let src = source.map(Source::new);
        Renderer::plain().diagnostic(&self.core, severity(warning), src.as_ref())
    }

    /// The diagnostic as a dict: code, file, line, column, end_line, end_column, criterion,
    /// message, help, labels.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for k in DIAG_KEYS {
            if let Some(v) = self.item(py, k)? {
                d.set_item(k, v)?;
            }
        }
        Ok(d)
    }

    fn keys(&self) -> Vec<&'static str> {
        DIAG_KEYS.to_vec()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.item(py, key)?
            .ok_or_else(|| PyKeyError::new_err(key.to_string()))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyDiagnostic>()
            .is_ok_and(|o| self.identity() == o.get().identity())
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.identity().hash(&mut h);
        h.finish()
    }

    fn __str__(&self) -> String {
        format!(
            "{}:{}:{}: {} [{}]",
            self.file, self.line, self.column, self.message, self.code
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Diagnostic(code={:?}, file={:?}, line={}, column={}, criterion={}, message={:?})",
            self.code,
            self.file,
            self.line,
            self.column,
            self.criterion
                .as_ref()
                .map(|c| format!("{c:?}"))
                .unwrap_or_else(|| "None".into()),
            self.message
        )
    }
}

fn severity(warning: bool) -> Severity {
    if warning {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// A unit's issue as a dict: criterion, code, message, help (or None), and `at`: where in the
/// data the problem is, `{"line", "column"}` (in CSV the column is the field's number), or
/// None.
pub(crate) fn issue_dict<'py>(py: Python<'py>, i: &cchc::Issue) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("criterion", i.criterion.as_deref())?;
    d.set_item("code", i.code.as_str())?;
    d.set_item("message", i.message.render(cchc::Lang::Vi))?;
    d.set_item("help", i.help.as_ref().map(|h| h.render(cchc::Lang::Vi)))?;
    match i.at {
        Some(p) => {
            let at = PyDict::new(py);
            at.set_item("line", p.line)?;
            at.set_item("column", p.column)?;
            d.set_item("at", at)?;
        }
        None => d.set_item("at", py.None())?,
    }
    Ok(d)
}

/// Turns a core error into `RulesetError` / `DataError` with `.code` and `.errors` set; the
/// message renders every problem (without source lines).
#[allow(
    dead_code,
    reason = "for callers without the text; the ruleset's loaders pass it"
)]
pub(crate) fn to_py_err(py: Python<'_>, err: &cchc::Error) -> PyErr {
    to_py_err_with_source(py, err, None)
}

/// Like [`to_py_err`], the rule file read (at most its size limit) for the source lines; for
/// an error of `Ruleset.load`, which does not keep the text.
pub(crate) fn to_py_err_reading(
    py: Python<'_>,
    err: &cchc::Error,
    path: &std::path::Path,
) -> PyErr {
    use std::io::Read;
    // The library's limit for a rule file (`MAX_FILE_BYTES`), above which it is refused.
    let limit = 5 * 1024 * 1024;
    let mut bytes = Vec::new();
    let text = std::fs::File::open(path)
        .and_then(|f| f.take(limit as u64 + 1).read_to_end(&mut bytes))
        .ok()
        .filter(|n| *n <= limit)
        .map(|_| String::from_utf8_lossy(&bytes).into_owned());
    to_py_err_with_source(py, err, text.as_deref())
}

/// Like [`to_py_err`], with the text the diagnostics point into, so that the message shows the
/// offending lines (the way the `cchc` command does).
pub(crate) fn to_py_err_with_source(
    py: Python<'_>,
    err: &cchc::Error,
    source: Option<&str>,
) -> PyErr {
    let diags = err.diagnostics();
    let mut msg = match err {
        cchc::Error::Ruleset(_) => format!("the ruleset has {} problem(s):\n", diags.len()),
        _ => String::from("the data cannot be read:\n"),
    };
    let src = source.map(Source::new);
    msg.push_str(
        Renderer::plain()
            .diagnostics(diags, Severity::Error, src.as_ref())
            .trim_end(),
    );
    let e = match err {
        cchc::Error::Ruleset(_) => RulesetError::new_err(msg),
        cchc::Error::Data(_) => DataError::new_err(msg),
        _ => CchcError::new_err(msg),
    };
    let list: Vec<PyDiagnostic> = diags.iter().map(PyDiagnostic::from_core).collect();
    let code = diags.first().map(|d| d.code.as_str());
    let value = e.value(py);
    // Setting attributes on a fresh exception instance does not fail in practice; if it ever
    // did, the exception is still raised, with the message.
    let _ = value.setattr("code", code);
    if let Ok(l) = PyList::new(py, list) {
        let _ = value.setattr("errors", l);
    }
    e
}

/// A `CchcError` for a failure inside the binding (a panic, which should never happen).
pub(crate) fn internal(what: &str) -> PyErr {
    CchcError::new_err(format!(
        "internal error in cchc while {what}; please report it"
    ))
}

/// Runs `f`, turning a panic into `Err` (so that no panic reaches Python).
pub(crate) fn guard<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| ())
}

/// Sets the class-level defaults `code = None`, `errors = ()` on the exception types.
pub(crate) fn init_types(py: Python<'_>) -> PyResult<()> {
    let t = py.get_type::<CchcError>();
    t.setattr("code", py.None())?;
    t.setattr("errors", pyo3::types::PyTuple::empty(py))?;
    Ok(())
}
