//! The analyst's side of `cchc.Ruleset` (issue #13): pickling (a ruleset ships to Dask or Spark
//! workers as its rule file's text), the data-entry template, the progress bar of
//! `score_many(..., progress=True)`, and `cchc.text` (catalogue texts for the plots).
//!
//! Nothing here scores: the template and the bar are built by small Python helpers
//! (`cchc._frames`) from what the engine describes.

use std::sync::atomic::{AtomicUsize, Ordering};

use cchc::{Arg, Lang, Ruleset};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};

use crate::errors::{CchcError, guard};
use crate::lang::{given, pick};
use crate::ruleset::PyRuleset;

/// The largest rule file kept for pickling: the core's own limit.
pub(crate) const MAX_RULE_FILE_BYTES: usize = cchc::MAX_FILE_BYTES;

/// A ruleset's rule file as it was compiled: its bytes and its origin name.
#[derive(Debug, Default)]
pub(crate) struct Source {
    bytes: Vec<u8>,
    origin: String,
}

impl Source {
    pub(crate) fn new(bytes: Vec<u8>, origin: String) -> Source {
        Source { bytes, origin }
    }
}

/// The code of a pickle whose rule file no longer compiles to the ruleset that was pickled.
const FINGERPRINT_MISMATCH: &str = "fingerprint_mismatch";

/// `Ruleset.__reduce__`: the rule file's text, its origin name, the language asked for at load
/// time and the fingerprint, rebuilt by [`_unpickle_ruleset`].
pub(crate) fn reduce<'py>(slf: &Bound<'py, PyRuleset>) -> PyResult<Bound<'py, PyTuple>> {
    let py = slf.py();
    let this = slf.get();
    let rebuild = py.import("cchc._cchc")?.getattr("_unpickle_ruleset")?;
    let args = (
        PyBytes::new(py, &this.source.bytes),
        this.source.origin.as_str(),
        this.lang_given().map(Lang::as_str),
        this.fingerprint_text(),
    );
    PyTuple::new(py, [rebuild, args.into_pyobject(py)?.into_any()])
}

/// `Ruleset.template()` (see its doc in `ruleset.rs`).
pub(crate) fn template<'py>(rs: &PyRuleset, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    let inputs = rs.inputs_dict(py)?;
    let meta = PyDict::new(py);
    meta.set_item("ruleset", rs.id_text())?;
    meta.set_item("version", rs.version_text())?;
    meta.set_item("fingerprint", rs.fingerprint_text())?;
    py.import("cchc._frames")?
        .getattr("template")?
        .call1((inputs, meta))
}

/// Rebuilds a pickled `Ruleset` (see `Ruleset.__reduce__`): compiles the rule file's text
/// again and checks that it is the ruleset that was pickled; `CchcError` with code
/// `fingerprint_mismatch` when it is not (another version of cchc compiles it differently),
/// `RulesetError` if it no longer compiles.
#[pyfunction]
#[pyo3(signature = (source, origin, lang, fingerprint))]
pub(crate) fn _unpickle_ruleset(
    py: Python<'_>,
    source: &[u8],
    origin: &str,
    lang: Option<&str>,
    fingerprint: &str,
) -> PyResult<PyRuleset> {
    let lang = given(lang)?;
    let bytes = source.to_vec();
    let r = py.detach(|| guard(|| Ruleset::from_bytes(&bytes, origin)));
    let shown = String::from_utf8_lossy(&bytes).into_owned();
    let rs = crate::ruleset::loaded(
        py,
        r,
        Some(&shown),
        lang,
        Source::new(bytes, origin.to_owned()),
    )?;
    if rs.fingerprint_text() != fingerprint {
        let m = cchc::msg!(
            "py-pickle-fingerprint",
            origin = Arg::ident(origin),
            expected = Arg::ident(fingerprint),
            found = Arg::ident(rs.fingerprint_text())
        );
        let err = CchcError::new_err(m.render(pick(None, lang)?));
        let _ = err.value(py).setattr("code", FINGERPRINT_MISMATCH);
        return Err(err);
    }
    Ok(rs)
}

/// The progress bar of a `score_many` call: updated from the engine's progress callback
/// (which runs without the GIL: the bar is updated under it, at most once per chunk of
/// 4,096 units).
pub(crate) struct Progress {
    bar: Option<Py<PyAny>>,
    /// Whether the bar was made here (then it is closed here).
    owned: bool,
    done: AtomicUsize,
}

impl Progress {
    /// No bar.
    pub(crate) fn none() -> Progress {
        Progress {
            bar: None,
            owned: false,
            done: AtomicUsize::new(0),
        }
    }

    /// The bar `progress=` asks for: `None`/`False` none, `True` a `tqdm.auto` bar over the
    /// units (their `len()`), any other object used as a tqdm-like bar.
    pub(crate) fn new(
        py: Python<'_>,
        progress: Option<&Bound<'_, PyAny>>,
        units: &Bound<'_, PyAny>,
        lang: Lang,
    ) -> PyResult<Progress> {
        let Some(p) = progress else {
            return Ok(Progress::none());
        };
        if p.is_none() {
            return Ok(Progress::none());
        }
        if let Ok(flag) = p.cast::<pyo3::types::PyBool>() {
            if !flag.is_true() {
                return Ok(Progress::none());
            }
            let total = units.len().ok();
            let bar = py.import("cchc._frames")?.getattr("progress_bar")?.call1((
                total,
                cchc::msg!("py-progress-desc").render(lang),
                cchc::msg!("py-progress-missing").render(lang),
            ))?;
            return Ok(Progress {
                bar: Some(bar.unbind()),
                owned: true,
                done: AtomicUsize::new(0),
            });
        }
        Ok(Progress {
            bar: Some(p.clone().unbind()),
            owned: false,
            done: AtomicUsize::new(0),
        })
    }

    /// `done` units of the batch are scored (called without the GIL).
    pub(crate) fn to(&self, done: usize) {
        let Some(bar) = &self.bar else {
            return;
        };
        let before = self.done.swap(done, Ordering::Relaxed);
        let step = done.saturating_sub(before);
        if step == 0 {
            return;
        }
        Python::attach(|py| {
            // A bar that fails to draw never stops the scoring.
            let _ = bar.bind(py).call_method1("update", (step,));
        });
    }

    /// Closes a bar made here.
    pub(crate) fn close(&self, py: Python<'_>) {
        if let (Some(bar), true) = (&self.bar, self.owned) {
            let _ = bar.bind(py).call_method0("close");
        }
    }
}

/// The catalogue message Python may ask for by id (the plots' titles and labels, the
/// template's labels), with its arguments from `arg`; `None` for any other id.
fn known_text(id: &str, arg: &dyn Fn(&str) -> String) -> Option<cchc::Message> {
    Some(match id {
        "py-plot-ranking-title" => cchc::msg!("py-plot-ranking-title"),
        "py-plot-ranking-x" => cchc::msg!("py-plot-ranking-x"),
        "py-plot-ranking-y" => cchc::msg!("py-plot-ranking-y"),
        "py-plot-no-grade" => cchc::msg!("py-plot-no-grade"),
        "py-plot-profile-title" => {
            cchc::msg!("py-plot-profile-title", unit = Arg::Text(arg("unit")))
        }
        "py-plot-profile-x" => cchc::msg!("py-plot-profile-x"),
        "py-plot-intervals-title" => cchc::msg!("py-plot-intervals-title"),
        "py-plot-intervals-x" => cchc::msg!("py-plot-intervals-x"),
        "py-plot-intervals-median" => cchc::msg!("py-plot-intervals-median"),
        "py-plot-slope-title" => cchc::msg!("py-plot-slope-title"),
        "py-plot-slope-y" => cchc::msg!("py-plot-slope-y"),
        "py-plot-before" => cchc::msg!("py-plot-before"),
        "py-plot-after" => cchc::msg!("py-plot-after"),
        "py-template-id" => cchc::msg!("py-template-id"),
        "py-template-name" => cchc::msg!("py-template-name"),
        "py-template-kind" => cchc::msg!("py-template-kind"),
        _ => return None,
    })
}

/// The text of catalogue message `id` (one of the plots' and the template's, `py-plot-…`,
/// `py-template-…`) in `lang` ("vi" or "en"; default: the module's), with its arguments given
/// as keywords (as text). `KeyError` for an id that is not one of them.
#[pyfunction]
#[pyo3(signature = (id, lang = None, **args))]
pub(crate) fn text(
    id: &str,
    lang: Option<&str>,
    args: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let lang = pick(lang, None)?;
    let arg = |name: &str| -> String {
        args.and_then(|a| a.get_item(name).ok().flatten())
            .and_then(|v| v.str().ok().map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_default()
    };
    match known_text(id, &arg) {
        Some(m) => Ok(m.render(lang)),
        None => Err(pyo3::exceptions::PyKeyError::new_err(id.to_owned())),
    }
}
