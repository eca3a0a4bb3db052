//! Exceptions (`CchcError`, `RulesetError`, `DataError`), diagnostics, and the panic guard.

use std::panic::{catch_unwind, AssertUnwindSafe};

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

/// One problem in a rule file or a data text: a stable `code`, where it is (`file`, `line`,
/// `column`; 0 when not tied to a place), the `criterion` concerned (or None) and a plain
/// `message`. Readable as attributes or as a mapping (`d["code"]`).
#[pyclass(frozen, name = "Diagnostic", module = "cchc")]
#[derive(Clone)]
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
    criterion: Option<String>,
}

const DIAG_KEYS: [&str; 6] = ["code", "file", "line", "column", "criterion", "message"];

impl PyDiagnostic {
    fn from_core(d: &cchc::Diagnostic) -> Self {
        PyDiagnostic {
            code: d.code.as_str().to_string(),
            message: d.message.clone(),
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            criterion: d.criterion.clone(),
        }
    }

    /// The fields that make two diagnostics equal (and their hash).
    #[allow(clippy::type_complexity)]
    fn identity(&self) -> (&str, &str, &str, u32, u32, Option<&str>) {
        (
            &self.code,
            &self.message,
            &self.file,
            self.line,
            self.column,
            self.criterion.as_deref(),
        )
    }

    fn item<'py>(&self, py: Python<'py>, key: &str) -> Option<Bound<'py, PyAny>> {
        let v = match key {
            "code" => self.code.clone().into_pyobject(py).ok()?.into_any(),
            "message" => self.message.clone().into_pyobject(py).ok()?.into_any(),
            "file" => self.file.clone().into_pyobject(py).ok()?.into_any(),
            "line" => self.line.into_pyobject(py).ok()?.into_any(),
            "column" => self.column.into_pyobject(py).ok()?.into_any(),
            "criterion" => self.criterion.clone().into_pyobject(py).ok()?.into_any(),
            _ => return None,
        };
        Some(v)
    }
}

#[pymethods]
impl PyDiagnostic {
    /// The diagnostic as a dict: code, file, line, column, criterion, message.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for k in DIAG_KEYS {
            if let Some(v) = self.item(py, k) {
                d.set_item(k, v)?;
            }
        }
        Ok(d)
    }

    fn keys(&self) -> Vec<&'static str> {
        DIAG_KEYS.to_vec()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.item(py, key)
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

/// Turns a core error into `RulesetError` / `DataError` with `.code` and `.errors` set.
pub fn to_py_err(py: Python<'_>, err: &cchc::Error) -> PyErr {
    let diags = err.diagnostics();
    let mut msg = match err {
        cchc::Error::Ruleset(_) => format!("the ruleset has {} problem(s):", diags.len()),
        _ => String::from("the data cannot be read:"),
    };
    for d in diags {
        msg.push_str("\n  ");
        msg.push_str(&d.to_string());
    }
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
pub fn internal(what: &str) -> PyErr {
    CchcError::new_err(format!(
        "internal error in cchc while {what}; please report it"
    ))
}

/// Runs `f`, turning a panic into `Err` (so that no panic reaches Python).
pub fn guard<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| ())
}

/// Sets the class-level defaults `code = None`, `errors = ()` on the exception types.
pub fn init_types(py: Python<'_>) -> PyResult<()> {
    let t = py.get_type::<CchcError>();
    t.setattr("code", py.None())?;
    t.setattr("errors", pyo3::types::PyTuple::empty(py))?;
    Ok(())
}
