//! `cchc.Ruleset`: load, inspect and score.

use std::path::PathBuf;

use cchc::{Arg, BatchOptions, DataFormat, Lang, Ruleset};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::convert;
use crate::errors::{Doing, guard, internal, to_py_err_reading, to_py_err_with_source};
use crate::lang::{given, pick, text};
use crate::results::{PyBatch, PyUnitResult};
use crate::values::json_to_py;

/// A loaded, checked and compiled criteria set (bộ tiêu chí) in the `cchc/1` format.
///
/// Immutable and safe to share between threads; scoring releases the GIL.
///
/// Texts (errors, warnings, explanations) are in the language asked for with `lang=` ("vi" or
/// "en"), else the one the ruleset was loaded with, else the module default (`cchc.set_lang`).
///
/// >>> rs = cchc.Ruleset.load("rules/examples/spec-example.yaml")
/// >>> r = rs.score({"id": "a", "values": {...}})
#[pyclass(frozen, name = "Ruleset", module = "cchc")]
#[derive(Debug)]
pub struct PyRuleset {
    inner: Ruleset,
    /// Its input names and options, to read Python values quickly.
    known: convert::Known,
    /// The value names of the last unit scored alone (see `convert::Hint`).
    hint: std::sync::Mutex<convert::Hint>,
    /// The language asked for when loading, if any.
    lang: Option<Lang>,
}

/// The ranking groups `groups=` asks for (`None`: the ruleset's); another word is a
/// `ValueError`.
fn groups_of(groups: Option<&str>, lang: Option<Lang>) -> PyResult<cchc::Groups> {
    match groups {
        None => Ok(cchc::Groups::Ruleset),
        Some(w) => cchc::Groups::parse(w).ok_or_else(|| {
            PyValueError::new_err(text_in(
                &cchc::msg!("py-unknown-groups", groups = Arg::ident(w)),
                lang,
            ))
        }),
    }
}

/// A typed description (inputs, criteria) as a JSON value, for `json_to_py`.
fn typed_json<T: serde::Serialize>(value: &T) -> PyResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|_| internal(Doing::Describing))
}

/// `source`: the rule file's text, shown in the error's message.
fn loaded(
    py: Python<'_>,
    r: Result<Result<Ruleset, cchc::Error>, ()>,
    source: Option<&str>,
    lang: Option<Lang>,
) -> PyResult<PyRuleset> {
    match r {
        Ok(Ok(inner)) => Ok(PyRuleset {
            known: convert::Known::new(py, &inner)?,
            hint: std::sync::Mutex::default(),
            inner,
            lang,
        }),
        Ok(Err(e)) => Err(to_py_err_with_source(py, &e, source, pick(None, lang)?)),
        Err(()) => Err(internal(Doing::Loading)),
    }
}

#[pymethods]
impl PyRuleset {
    /// Loads a rule file (YAML or JSON). Raises `RulesetError` listing every problem, in
    /// `lang` ("vi" or "en"; default: the module's), which the ruleset then keeps for its
    /// warnings and results.
    #[staticmethod]
    #[pyo3(signature = (path, *, lang = None))]
    fn load(py: Python<'_>, path: PathBuf, lang: Option<&str>) -> PyResult<PyRuleset> {
        let lang = given(lang)?;
        let r = py.detach(|| guard(|| Ruleset::load(&path)));
        if let Ok(Err(e)) = &r {
            return Err(to_py_err_reading(py, e, &path, pick(None, lang)?));
        }
        loaded(py, r, None, lang)
    }

    /// Loads a ruleset from YAML (or JSON) text; `origin` names it in error messages, `lang`
    /// ("vi" or "en") chooses their language (see `load`).
    #[staticmethod]
    #[pyo3(signature = (text, origin = "<string>", *, lang = None))]
    fn from_yaml(
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        origin: &str,
        lang: Option<&str>,
    ) -> PyResult<PyRuleset> {
        let lang = given(lang)?;
        if let Ok(s) = text.cast::<PyString>() {
            let s = s.to_cow()?.into_owned();
            let r = py.detach(|| guard(|| Ruleset::from_yaml_str(&s, origin)));
            loaded(py, r, Some(&s), lang)
        } else if let Ok(b) = text.cast::<PyBytes>() {
            let b = b.as_bytes().to_vec();
            let r = py.detach(|| guard(|| Ruleset::from_bytes(&b, origin)));
            loaded(py, r, Some(&String::from_utf8_lossy(&b)), lang)
        } else {
            Err(PyTypeError::new_err(text_in(
                &cchc::msg!("py-from-yaml-type", found = type_arg(text)),
                lang,
            )))
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

    /// The issuing authority (`issued_by`), or None.
    #[getter]
    fn issued_by(&self) -> Option<&str> {
        self.inner.issued_by()
    }

    /// `"official"`, `"draft"` (also when the file does not say) or `"illustrative"`: results of
    /// an illustrative ruleset are examples, not official scores.
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status().as_str()
    }

    /// Decimal places of points and indexes (`rounding.places`).
    #[getter]
    fn places(&self) -> u32 {
        self.inner.places()
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
    /// exist, a grade threshold outside 0–100, a suspicious id); empty for a clean file. Their
    /// texts are in the ruleset's language (else the module default).
    #[getter]
    fn warnings(&self) -> PyResult<Vec<crate::errors::PyDiagnostic>> {
        let lang = pick(None, self.lang)?;
        Ok(self
            .inner
            .warnings()
            .iter()
            .map(|d| crate::errors::PyDiagnostic::from_core(d, lang))
            .collect())
    }

    /// The language the ruleset was loaded with ("vi" or "en"), or None (then the module
    /// default applies).
    #[getter]
    fn lang(&self) -> Option<&'static str> {
        self.lang.map(Lang::as_str)
    }

    /// The assessment rounds, in order: a list of dicts `{"id", "label"}`; empty when the
    /// ruleset declares none (one implicit round).
    #[getter]
    fn rounds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for r in self.inner.rounds() {
            let d = PyDict::new(py);
            d.set_item("id", &r.id)?;
            d.set_item("label", &r.label)?;
            out.append(d)?;
        }
        Ok(out)
    }

    /// The criteria tree: a list of dicts `{id, title, kind, max, rule, description, evidence,
    /// applies_if, children}` (`rule` is the rule kind of a leaf; `children` on groups).
    #[getter]
    fn criteria<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &typed_json(&self.inner.criteria())?)
    }

    /// Scores one unit: a dict with `id`, `name`, `kind`, `values`, `not_applicable`,
    /// `self_assessed`, and for assessment rounds `points`, `notes`, `evidence`,
    /// `explanations`, `rounds` (as in JSON data). Bad data never raises: it is reported in the
    /// result's `errors`. `lang` ("vi" or "en") is the result's language (default: the
    /// ruleset's, else the module's). `round` (a round's id) scores it as of that round; an id
    /// the ruleset does not declare raises `CchcError` with code `unknown_round`.
    ///
    /// `params` sets the ruleset's parameters (its `parameters:`, e.g. `{"khao_sat": False}`)
    /// for this call; the others keep their defaults. A name the ruleset does not declare
    /// raises `RulesetError` with code `unknown_parameter`, a value its type refuses
    /// `invalid_parameter`.
    #[pyo3(signature = (unit, *, lang = None, round = None, params = None))]
    fn score(
        &self,
        py: Python<'_>,
        unit: &Bound<'_, PyAny>,
        lang: Option<&str>,
        round: Option<&str>,
        params: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyUnitResult> {
        let lang = self.result_lang(lang)?;
        let as_of = self.round_of(py, round, lang)?;
        let bound = self.with_params(py, params, lang)?;
        let unit = {
            // Another thread scoring with this ruleset has the hint: go without.
            let mut hint = self.hint.try_lock().ok();
            convert::unit_from_dict(unit, &self.known, hint.as_deref_mut())
        };
        let (rs, texts) = (bound.as_ref().unwrap_or(&self.inner), self.known.texts());
        let scored = py.detach(|| {
            guard(|| {
                let unit = unit.finish(texts);
                match as_of {
                    Some(i) => rs.score_as_of(&unit, i),
                    None => rs.score(&unit),
                }
            })
        });
        match scored {
            Ok(r) => Ok(PyUnitResult::new(r, lang)),
            Err(()) => Err(internal(Doing::ScoringUnit)),
        }
    }

    /// Scores many units (a list of unit dicts, or a pandas DataFrame with a row per unit:
    /// columns `id`, `name`, `kind` and one per input) and ranks them; `lang` and `round` as
    /// in `score` (as of a round, a unit without it is not ranked); `params` as in `score`.
    /// `groups` overrides the ruleset's ranking groups (`ranking.groups`): "kind" ranks each
    /// kind on its own (as `group_by_kind=True`), "none" ranks every unit together, "ruleset"
    /// (the default) uses the ruleset's groups.
    #[pyo3(signature = (units, group_by_kind = false, *, lang = None, round = None, params = None, groups = None))]
    #[allow(
        clippy::too_many_arguments,
        reason = "the Python keyword arguments of score_many"
    )]
    fn score_many(
        &self,
        py: Python<'_>,
        units: &Bound<'_, PyAny>,
        group_by_kind: bool,
        lang: Option<&str>,
        round: Option<&str>,
        params: Option<&Bound<'_, PyDict>>,
        groups: Option<&str>,
    ) -> PyResult<PyBatch> {
        let lang = self.result_lang(lang)?;
        let as_of = self.round_of(py, round, lang)?;
        let bound = self.with_params(py, params, lang)?;
        let groups = groups_of(groups, lang)?;
        let texts = self.known.texts();
        let units = convert::units_from(units, pick(None, lang)?, &self.known, &mut |chunk| {
            py.detach(|| guard(|| chunk.finish(texts)))
                .map_err(|()| internal(Doing::ScoringBatch))
        })?;
        self.batch(
            py,
            bound.as_ref(),
            units,
            (group_by_kind, groups),
            as_of,
            lang,
        )
    }

    /// Reads units from data text (`format`: "json", "yaml" or "csv") and scores them.
    /// Raises `DataError` when the text cannot be read as units at all (its message in `lang`,
    /// as in `score`); `round`, `params` and `groups` as in `score_many`.
    #[pyo3(signature = (text, format = "json", group_by_kind = false, origin = "<string>", *, lang = None, round = None, params = None, groups = None))]
    #[allow(
        clippy::too_many_arguments,
        reason = "the Python keyword arguments of score_text"
    )]
    fn score_text(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        format: &str,
        group_by_kind: bool,
        origin: &str,
        lang: Option<&str>,
        round: Option<&str>,
        params: Option<&Bound<'_, PyDict>>,
        groups: Option<&str>,
    ) -> PyResult<PyBatch> {
        let lang = self.result_lang(lang)?;
        let as_of = self.round_of(py, round, lang)?;
        let bound = self.with_params(py, params, lang)?;
        let groups = groups_of(groups, lang)?;
        let fmt = DataFormat::parse(format).ok_or_else(|| {
            PyValueError::new_err(text_in(
                &cchc::msg!("py-unknown-format", format = Arg::ident(format)),
                lang,
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
            return Err(PyTypeError::new_err(text_in(
                &cchc::msg!("py-score-text-type", found = type_arg(text)),
                lang,
            )));
        };
        match read {
            Ok(Ok(units)) => self.batch(
                py,
                bound.as_ref(),
                units,
                (group_by_kind, groups),
                as_of,
                lang,
            ),
            Ok(Err(e)) => Err(to_py_err_with_source(
                py,
                &e,
                Some(&String::from_utf8_lossy(&kept)),
                pick(None, lang)?,
            )),
            Err(()) => Err(internal(Doing::ReadingData)),
        }
    }

    /// Runs the ruleset's own `tests:` section: a list of dicts `{name, line, passed,
    /// failures: [{what, expected, actual}], errors: [str]}`; `what` and `errors` in `lang`
    /// (default: the ruleset's, else the module's).
    #[pyo3(signature = (*, lang = None))]
    fn run_tests<'py>(&self, py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyList>> {
        let lang = pick(lang, self.lang)?;
        let rs = &self.inner;
        let outcomes = py
            .detach(|| guard(|| rs.run_tests()))
            .map_err(|()| internal(Doing::RunningTests))?;
        let list = PyList::empty(py);
        for o in &outcomes {
            let d = PyDict::new(py);
            d.set_item("name", &o.name)?;
            d.set_item("line", o.line)?;
            d.set_item("passed", o.passed())?;
            let failures = PyList::empty(py);
            for f in &o.failures {
                let fd = PyDict::new(py);
                fd.set_item("what", f.what.text_in(lang))?;
                fd.set_item("expected", &f.expected)?;
                fd.set_item("actual", &f.actual)?;
                failures.append(fd)?;
            }
            d.set_item("failures", failures)?;
            let errors: Vec<String> = o.errors.iter().map(|e| e.text_in(lang)).collect();
            d.set_item("errors", errors)?;
            list.append(d)?;
        }
        Ok(list)
    }

    fn __repr__(&self) -> PyResult<String> {
        let q = |s: &str| Arg::Text(format!("{s:?}"));
        Ok(cchc::msg!(
            "py-ruleset-repr",
            id = q(self.inner.id()),
            version = q(self.inner.version()),
            title = q(self.inner.title()),
            status = self.inner.status().as_str(),
            issued_by = crate::results::quoted(self.inner.issued_by())
        )
        .render(pick(None, self.lang)?))
    }
}

/// A text of the core for people: a catalogue message, rendered in a language, or (in the parts
/// not yet converted) plain text, shown as it is.
trait TextIn {
    fn text_in(&self, lang: Lang) -> String;
}

impl TextIn for String {
    fn text_in(&self, _lang: Lang) -> String {
        self.clone()
    }
}

impl TextIn for cchc::Message {
    fn text_in(&self, lang: Lang) -> String {
        self.render(lang)
    }
}

/// The text of a message in `lang`, else the module default.
fn text_in(m: &cchc::Message, lang: Option<Lang>) -> String {
    match lang {
        Some(l) => m.render(l),
        None => text(m),
    }
}

/// The Python type of a value, for messages.
fn type_arg(v: &Bound<'_, PyAny>) -> Arg {
    Arg::ident(
        v.get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "object".into()),
    )
}

/// Frees the units of a batch without the GIL (in parallel for a large one: a unit holds a
/// text per value).
fn drop_units(units: Vec<cchc::Unit>) {
    use rayon::prelude::*;
    if units.len() >= 256 {
        units.into_par_iter().for_each(drop);
    }
}

impl PyRuleset {
    /// The language of a result: the call's `lang=`, else the ruleset's; None leaves it to the
    /// module default when the texts are written.
    fn result_lang(&self, lang: Option<&str>) -> PyResult<Option<Lang>> {
        Ok(given(lang)?.or(self.lang))
    }

    /// The index of the round `round` names (None for None); `CchcError` with code
    /// `unknown_round` for an id the ruleset does not declare, its message in `lang`.
    fn round_of(
        &self,
        py: Python<'_>,
        round: Option<&str>,
        lang: Option<Lang>,
    ) -> PyResult<Option<usize>> {
        let Some(id) = round else {
            return Ok(None);
        };
        if let Some(i) = self.inner.round_index(id) {
            return Ok(Some(i));
        }
        let rounds = self.inner.rounds();
        let m = if rounds.is_empty() {
            cchc::msg!("py-unknown-round-none", round = Arg::ident(id))
        } else {
            cchc::msg!(
                "py-unknown-round",
                round = Arg::ident(id),
                rounds = Arg::idents(rounds.iter().map(|r| r.id.as_str()))
            )
        };
        let err = crate::errors::CchcError::new_err(text_in(&m, lang));
        // Setting an attribute on a fresh exception does not fail in practice; if it did, the
        // exception is still raised, with its message.
        let _ = err
            .value(py)
            .setattr("code", cchc::Code::UnknownRound.as_str());
        Err(err)
    }

    /// The ruleset with the parameter values of `params=` (None when none are given); a name
    /// or value the core refuses raises `RulesetError` with its code.
    fn with_params(
        &self,
        py: Python<'_>,
        params: Option<&Bound<'_, PyDict>>,
        lang: Option<Lang>,
    ) -> PyResult<Option<Ruleset>> {
        let Some(params) = params.filter(|p| !p.is_empty()) else {
            return Ok(None);
        };
        let mut set = cchc::Parameters::new();
        for (k, v) in params.iter() {
            let name = match k.cast::<PyString>() {
                Ok(s) => s.to_cow()?.into_owned(),
                Err(_) => k.str()?.to_cow()?.into_owned(),
            };
            set.set(name, convert::raw_value(&v, convert::Mode::Plain));
        }
        match self.inner.with_parameters(&set) {
            Ok(rs) => Ok(Some(rs)),
            Err(e) => Err(to_py_err_with_source(py, &e, None, pick(None, lang)?)),
        }
    }

    fn batch(
        &self,
        py: Python<'_>,
        bound: Option<&Ruleset>,
        units: Vec<cchc::Unit>,
        (group_by_kind, groups): (bool, cchc::Groups),
        as_of: Option<usize>,
        lang: Option<Lang>,
    ) -> PyResult<PyBatch> {
        let rs = bound.unwrap_or(&self.inner);
        let opts = BatchOptions::grouped(group_by_kind)
            .groups(groups)
            .as_of(as_of);
        let batch = py
            .detach(move || {
                guard(move || {
                    let batch = rs.score_batch_with(&units, &opts, &mut |_done| {});
                    drop_units(units);
                    batch
                })
            })
            .map_err(|()| internal(Doing::ScoringBatch))?;
        PyBatch::new(py, batch, lang, (rs.clone(), as_of))
    }
}
