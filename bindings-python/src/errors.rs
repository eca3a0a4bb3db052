//! Exceptions (`CchcError`, `RulesetError`, `DataError`), diagnostics, and the panic guard.

use std::panic::{AssertUnwindSafe, catch_unwind};

use cchc::Lang;
use cchc::report::{Renderer, Severity, Source};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyKeyError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::values::json_to_py;

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

/// The labels of a diagnostic as dicts {file, line, column, end_line, end_column, message}.
fn labels_list<'py>(
    py: Python<'py>,
    d: &cchc::Diagnostic,
    lang: Lang,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for l in &d.labels {
        let x = PyDict::new(py);
        x.set_item("file", &l.file)?;
        x.set_item("line", l.line)?;
        x.set_item("column", l.column)?;
        x.set_item("end_line", l.end_line)?;
        x.set_item("end_column", l.end_column)?;
        x.set_item("message", l.message.render(lang))?;
        out.append(x)?;
    }
    Ok(out)
}

/// The named arguments of a message as a dict (numbers as Decimal, nested messages as
/// `{"id", "args"}` dicts): the language-neutral form of a text.
pub(crate) fn message_args<'py>(py: Python<'py>, m: &cchc::Message) -> PyResult<Bound<'py, PyAny>> {
    json_to_py(py, &m)?.get_item("args")
}

/// One problem in a rule file or a data text: a stable `code`, where it is (`file`, `line`,
/// `column`; 0 when not tied to a place; the span's `end_line` and `end_column`, 0 when
/// unknown), the `criterion` concerned (or None), a plain `message`, how to fix it (`help`, or
/// None) and related places (`labels`: dicts with file, line, column, end_line, end_column,
/// message). The texts are in the diagnostic's `lang` (the language asked for when the rule
/// file was loaded, else the module default); `message_id` and `args` are the message as
/// language-neutral data. Readable as attributes or as a mapping (`d["code"]`); `render()` shows
/// it the way the `cchc` command does.
#[pyclass(frozen, name = "Diagnostic", module = "cchc")]
#[derive(Clone, Debug)]
pub struct PyDiagnostic {
    /// The core diagnostic.
    core: cchc::Diagnostic,
    /// The language of its texts.
    lang: Lang,
}

const DIAG_KEYS: [&str; 12] = [
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
    "message_id",
    "args",
];

impl PyDiagnostic {
    /// The Python view of a core diagnostic, its texts in `lang`.
    pub(crate) fn from_core(d: &cchc::Diagnostic, lang: Lang) -> Self {
        PyDiagnostic {
            core: d.clone(),
            lang,
        }
    }

    fn item<'py>(
        &self,
        py: Python<'py>,
        key: &str,
        lang: Lang,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let d = &self.core;
        let v = match key {
            "code" => d.code.as_str().into_pyobject(py)?.into_any(),
            "message" => d.message.render(lang).into_pyobject(py)?.into_any(),
            "file" => d.file.clone().into_pyobject(py)?.into_any(),
            "line" => d.line.into_pyobject(py)?.into_any(),
            "column" => d.column.into_pyobject(py)?.into_any(),
            "end_line" => d.end_line.into_pyobject(py)?.into_any(),
            "end_column" => d.end_column.into_pyobject(py)?.into_any(),
            "criterion" => d.criterion.clone().into_pyobject(py)?.into_any(),
            "help" => d
                .help
                .as_ref()
                .map(|h| h.render(lang))
                .into_pyobject(py)?
                .into_any(),
            "labels" => labels_list(py, d, lang)?.into_any(),
            "message_id" => d.message.id().into_pyobject(py)?.into_any(),
            "args" => message_args(py, &d.message)?,
            _ => return Ok(None),
        };
        Ok(Some(v))
    }

    fn text(&self) -> String {
        self.core.message.render(self.lang)
    }
}

#[pymethods]
impl PyDiagnostic {
    /// The stable code (ASCII, the same in every language).
    #[getter]
    fn code(&self) -> &'static str {
        self.core.code.as_str()
    }

    /// What is wrong, in the diagnostic's language.
    #[getter]
    fn message(&self) -> String {
        self.text()
    }

    /// The catalogue id of the message (the same in every language).
    #[getter]
    fn message_id(&self) -> &'static str {
        self.core.message.id()
    }

    /// The message's named arguments (the same in every language).
    #[getter]
    fn args<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        message_args(py, &self.core.message)
    }

    /// How to fix it, in the diagnostic's language, or None.
    #[getter]
    fn help(&self) -> Option<String> {
        self.core.help.as_ref().map(|h| h.render(self.lang))
    }

    /// The language of the texts: "vi" or "en".
    #[getter]
    fn lang(&self) -> &'static str {
        self.lang.as_str()
    }

    #[getter]
    fn file(&self) -> &str {
        &self.core.file
    }

    #[getter]
    fn line(&self) -> u32 {
        self.core.line
    }

    #[getter]
    fn column(&self) -> u32 {
        self.core.column
    }

    #[getter]
    fn end_line(&self) -> u32 {
        self.core.end_line
    }

    #[getter]
    fn end_column(&self) -> u32 {
        self.core.end_column
    }

    #[getter]
    fn criterion(&self) -> Option<&str> {
        self.core.criterion.as_deref()
    }

    /// Related places: a list of dicts {file, line, column, end_line, end_column, message}.
    #[getter]
    fn labels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        labels_list(py, &self.core, self.lang)
    }

    /// The diagnostic rendered as the `cchc` command shows it: `error[code]: message`,
    /// `--> file:line:col`, and, when `source` (the text of `file`) is given, the line with the
    /// span underlined; then help and notes. `warning=True` renders it as a warning; `lang`
    /// ("vi" or "en") overrides the diagnostic's language.
    #[pyo3(signature = (source = None, *, warning = false, lang = None))]
    fn render(&self, source: Option<&str>, warning: bool, lang: Option<&str>) -> PyResult<String> {
        let lang = crate::lang::pick(lang, Some(self.lang))?;
        let src = source.map(Source::new);
        Ok(Renderer::plain()
            .lang(lang)
            .diagnostic(&self.core, severity(warning), src.as_ref()))
    }

    /// The diagnostic as a dict: code, file, line, column, end_line, end_column, criterion,
    /// message, help, labels, message_id, args; texts in `lang` (default: the diagnostic's).
    #[pyo3(signature = (*, lang = None))]
    fn to_dict<'py>(&self, py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
        let lang = crate::lang::pick(lang, Some(self.lang))?;
        let d = PyDict::new(py);
        for k in DIAG_KEYS {
            if let Some(v) = self.item(py, k, lang)? {
                d.set_item(k, v)?;
            }
        }
        Ok(d)
    }

    fn keys(&self) -> Vec<&'static str> {
        DIAG_KEYS.to_vec()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.item(py, key, self.lang)?
            .ok_or_else(|| PyKeyError::new_err(key.to_string()))
    }

    /// Equal when they describe the same problem (whatever the language of their texts).
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyDiagnostic>()
            .is_ok_and(|o| self.core == o.get().core)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let d = &self.core;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            d.code.as_str(),
            d.message.id(),
            &d.file,
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            &d.criterion,
        )
            .hash(&mut h);
        h.finish()
    }

    fn __str__(&self) -> String {
        let d = &self.core;
        format!(
            "{}:{}:{}: {} [{}]",
            d.file,
            d.line,
            d.column,
            self.text(),
            d.code.as_str()
        )
    }

    fn __repr__(&self) -> String {
        let d = &self.core;
        format!(
            "Diagnostic(code={:?}, file={:?}, line={}, column={}, criterion={}, message={:?})",
            d.code.as_str(),
            d.file,
            d.line,
            d.column,
            d.criterion
                .as_ref()
                .map(|c| format!("{c:?}"))
                .unwrap_or_else(|| "None".into()),
            self.text()
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

/// A unit's issue as a dict: criterion, code, message and help (or None) in `lang`,
/// `message_id` and `args` (the message as language-neutral data), and `at`: where in the data
/// the problem is, `{"line", "column"}` (in CSV the column is the field's number), or None.
pub(crate) fn issue_dict<'py>(
    py: Python<'py>,
    i: &cchc::Issue,
    lang: Lang,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("criterion", i.criterion.as_deref())?;
    d.set_item("code", i.code.as_str())?;
    d.set_item("message", i.message.render(lang))?;
    d.set_item("help", i.help.as_ref().map(|h| h.render(lang)))?;
    match i.at {
        Some(p) => {
            let at = PyDict::new(py);
            at.set_item("line", p.line)?;
            at.set_item("column", p.column)?;
            d.set_item("at", at)?;
        }
        None => d.set_item("at", py.None())?,
    }
    d.set_item("message_id", i.message.id())?;
    d.set_item("args", message_args(py, &i.message)?)?;
    Ok(d)
}

/// Like [`to_py_err_with_source`], the rule file read (at most its size limit) for the source
/// lines; for an error of `Ruleset.load`, which does not keep the text.
pub(crate) fn to_py_err_reading(
    py: Python<'_>,
    err: &cchc::Error,
    path: &std::path::Path,
    lang: Lang,
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
    to_py_err_with_source(py, err, text.as_deref(), lang)
}

/// Turns a core error into `RulesetError` / `DataError` with `.code` and `.errors` set; the
/// message (in `lang`) renders every problem, with the offending lines when `source` (the text
/// the diagnostics point into) is given, the way the `cchc` command does.
pub(crate) fn to_py_err_with_source(
    py: Python<'_>,
    err: &cchc::Error,
    source: Option<&str>,
    lang: Lang,
) -> PyErr {
    let diags = err.diagnostics();
    let head = match err {
        cchc::Error::Ruleset(_) => cchc::msg!("py-ruleset-problems", count = diags.len()),
        _ => cchc::msg!("py-data-unreadable"),
    };
    let mut msg = head.render(lang);
    msg.push('\n');
    let src = source.map(Source::new);
    msg.push_str(
        Renderer::plain()
            .lang(lang)
            .diagnostics(diags, Severity::Error, src.as_ref())
            .trim_end(),
    );
    let e = match err {
        cchc::Error::Ruleset(_) => RulesetError::new_err(msg),
        cchc::Error::Data(_) => DataError::new_err(msg),
        _ => CchcError::new_err(msg),
    };
    let list: Vec<PyDiagnostic> = diags
        .iter()
        .map(|d| PyDiagnostic::from_core(d, lang))
        .collect();
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

/// What the binding was doing when it failed (for [`internal`]).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Doing {
    Loading,
    Describing,
    ScoringUnit,
    ScoringBatch,
    ReadingData,
    RunningTests,
}

/// A `CchcError` for a failure inside the binding (a panic, which should never happen), in the
/// module default language.
pub(crate) fn internal(doing: Doing) -> PyErr {
    let what = match doing {
        Doing::Loading => cchc::msg!("py-doing-load"),
        Doing::Describing => cchc::msg!("py-doing-describe"),
        Doing::ScoringUnit => cchc::msg!("py-doing-score-unit"),
        Doing::ScoringBatch => cchc::msg!("py-doing-score-batch"),
        Doing::ReadingData => cchc::msg!("py-doing-read-data"),
        Doing::RunningTests => cchc::msg!("py-doing-run-tests"),
    };
    CchcError::new_err(crate::lang::text(&cchc::msg!("py-internal", what = what)))
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
