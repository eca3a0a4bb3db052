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
    /// The rule file's bytes and origin name, for pickling (see `frames.rs`).
    pub(crate) source: crate::frames::Source,
}

/// The ranking groups `groups=` asks for (`None`: the ruleset's); another word is a
/// `ValueError`.
pub(crate) fn groups_of(groups: Option<&str>, lang: Option<Lang>) -> PyResult<cchc::Groups> {
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
pub(crate) fn loaded(
    py: Python<'_>,
    r: Result<Result<Ruleset, cchc::Error>, ()>,
    source: Option<&str>,
    lang: Option<Lang>,
    kept: crate::frames::Source,
) -> PyResult<PyRuleset> {
    match r {
        Ok(Ok(inner)) => Ok(PyRuleset {
            known: convert::Known::new(py, &inner)?,
            hint: std::sync::Mutex::default(),
            inner,
            lang,
            source: kept,
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
        // The file's bytes are kept (for pickling) and compiled as `Ruleset::load` compiles
        // them; a file that cannot be read gets `Ruleset::load`'s own error.
        let origin = path.display().to_string();
        let (r, bytes) = py.detach(|| {
            match cchc::data::read_file_bounded(&path, crate::frames::MAX_RULE_FILE_BYTES) {
                Ok(b) => (guard(|| Ruleset::from_bytes(&b, &origin)), b),
                Err(_) => (guard(|| Ruleset::load(&path)), Vec::new()),
            }
        });
        if let Ok(Err(e)) = &r {
            return Err(to_py_err_reading(py, e, &path, pick(None, lang)?));
        }
        loaded(py, r, None, lang, crate::frames::Source::new(bytes, origin))
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
            let kept = crate::frames::Source::new(s.clone().into_bytes(), origin.to_owned());
            loaded(py, r, Some(&s), lang, kept)
        } else if let Ok(b) = text.cast::<PyBytes>() {
            let b = b.as_bytes().to_vec();
            let r = py.detach(|| guard(|| Ruleset::from_bytes(&b, origin)));
            let shown = String::from_utf8_lossy(&b).into_owned();
            loaded(
                py,
                r,
                Some(&shown),
                lang,
                crate::frames::Source::new(b, origin.to_owned()),
            )
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

    /// Static analysis (`Diagnostic` objects with codes such as `band_gap`, `max_unreachable`,
    /// `input_unused`; docs/authoring.md): rules that load but look wrong. Not run by loading
    /// or scoring. Texts in `lang` (default: the ruleset's, else the module's).
    #[pyo3(signature = (*, lang = None))]
    fn lint(&self, lang: Option<&str>) -> PyResult<Vec<crate::errors::PyDiagnostic>> {
        let lang = pick(lang, self.lang)?;
        Ok(self
            .inner
            .lint()
            .iter()
            .map(|d| crate::errors::PyDiagnostic::from_core(d, lang))
            .collect())
    }

    /// The coverage of the file's own `tests:`: a dict `{file, tests, covered, total, percent,
    /// kinds, items}` (docs/authoring.md), `percent` a `decimal.Decimal`.
    fn coverage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &typed_json(&self.inner.coverage())?)
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
    ///
    /// `progress=True` shows a progress bar (`tqdm.auto`: a widget in a notebook, text on a
    /// terminal) while the units are scored; it needs `tqdm` (`pip install cchc[progress]`,
    /// else `ImportError` saying so). `progress` may also be a tqdm-like object (anything with
    /// `update(n)`, `close()` is not called on it).
    #[pyo3(signature = (units, group_by_kind = false, *, lang = None, round = None, params = None, groups = None, progress = None))]
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
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyBatch> {
        let lang = self.result_lang(lang)?;
        let as_of = self.round_of(py, round, lang)?;
        let bound = self.with_params(py, params, lang)?;
        let groups = groups_of(groups, lang)?;
        let bar = crate::frames::Progress::new(py, progress, units, pick(None, lang)?)?;
        let texts = self.known.texts();
        let units = convert::units_from(units, pick(None, lang)?, &self.known, &mut |chunk| {
            py.detach(|| guard(|| chunk.finish(texts)))
                .map_err(|()| internal(Doing::ScoringBatch))
        })?;
        let out = self.batch_with(
            py,
            bound.as_ref(),
            units,
            (group_by_kind, groups),
            as_of,
            lang,
            &bar,
        );
        bar.close(py);
        out
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

    /// Reads units from a data file and scores them: a workbook (`.xlsx`, `.xlsm`, `.xls`,
    /// `.ods`: the sheet named `sheet`, else the first; a filled `template_excel` workbook
    /// as it is) or JSON, YAML, CSV by extension. Raises `DataError` when the file cannot be
    /// read (code `unreadable_workbook`, `unknown_sheet`, …); `round`, `params` and `groups`
    /// as in `score_many`.
    #[pyo3(signature = (path, sheet = None, group_by_kind = false, *, lang = None, round = None, params = None, groups = None))]
    #[allow(
        clippy::too_many_arguments,
        reason = "the Python keyword arguments of score_file"
    )]
    fn score_file(
        &self,
        py: Python<'_>,
        path: PathBuf,
        sheet: Option<&str>,
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
        let units = crate::xlsx::read_units(py, &path, sheet, pick(None, lang)?)?;
        self.batch(
            py,
            bound.as_ref(),
            units,
            (group_by_kind, groups),
            as_of,
            lang,
        )
    }

    /// Writes the data-entry workbook (.xlsx) of this ruleset to `path`: one column per input
    /// (labels in row 1, names in row 2), drop-down lists, notes, and instructions in `lang`.
    #[pyo3(signature = (path, *, lang = None))]
    fn template_excel(&self, py: Python<'_>, path: PathBuf, lang: Option<&str>) -> PyResult<()> {
        let lang = pick(lang, self.lang)?;
        crate::xlsx::template(py, &self.inner, &path, lang)
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

    /// Sensitivity of the batch's ranks and grades to the area weights (`docs/analysis.md`):
    /// each area left out, and `draws` Monte Carlo draws of the weights within ±`range`
    /// (seeded: the same `seed` gives the same report in Rust, Python, the CLI and JavaScript).
    /// The engine's report as a dict (numbers `Decimal`); `cchc.analysis.sensitivity_frame`
    /// lays it out as a DataFrame, `cchc.plot.intervals` draws it. Units are ranked within the
    /// ruleset's ranking groups as `score_many` ranks them; `groups` ("ruleset", "kind",
    /// "none") and `group_by_kind=True` override them as in `score_many`.
    #[pyo3(signature = (batch, *, draws = 1000, range = None, seed = 0, group_by_kind = false, leave_one_out = true, max_rank_width = 3, max_grade_change = None, lang = None, groups = None))]
    #[allow(clippy::too_many_arguments, reason = "the Python keyword arguments")]
    fn sensitivity<'py>(
        &self,
        py: Python<'py>,
        batch: PyRef<'py, PyBatch>,
        draws: u32,
        range: Option<&Bound<'py, PyAny>>,
        seed: u64,
        group_by_kind: bool,
        leave_one_out: bool,
        max_rank_width: u32,
        max_grade_change: Option<&Bound<'py, PyAny>>,
        lang: Option<&str>,
        groups: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let groups = groups_of(groups, self.result_lang(lang)?)?;
        crate::analysis::sensitivity(
            py,
            self,
            &batch,
            draws,
            range,
            seed,
            (group_by_kind, groups),
            leave_one_out,
            max_rank_width,
            max_grade_change,
            lang,
        )
    }

    /// The improvement report of one unit (a dict as `score` takes): the criteria where it lost
    /// points, by points recoverable, and the fewest criteria whose full marks lift it to the
    /// next grade (checked by re-scoring); the engine's report as a dict.
    #[pyo3(signature = (unit, *, lang = None))]
    fn improvements<'py>(
        &self,
        py: Python<'py>,
        unit: &Bound<'py, PyAny>,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::analysis::improvements(py, self, unit, lang)
    }

    /// Pickling: the rule file's text, its origin name, the language asked for at load time
    /// and the fingerprint; unpickling compiles the text again and checks the fingerprint
    /// (`CchcError` with code `fingerprint_mismatch` when it differs).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::frames::reduce(slf)
    }

    /// Ruleset objects are immutable: a copy is the same object.
    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// Ruleset objects are immutable: a deep copy is the same object.
    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }

    /// An empty pandas DataFrame to hand to units for data entry: columns `id`, `name`, `kind`
    /// and one per input in the rule file's order, each of the dtype its input type asks for
    /// (`bool` → `boolean`, `count` → `Int64`, `percent`/`number` → `Float64`, `choice` → a
    /// `category` of the option ids); `df.attrs` holds the ruleset's id, version and
    /// fingerprint and each input's type, label, description, bounds and options.
    fn template<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frames::template(self, py)
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

impl PyRuleset {
    /// The language asked for at load time, if any.
    pub(crate) fn lang_given(&self) -> Option<Lang> {
        self.lang
    }

    /// The fingerprint (`sha256:…`).
    pub(crate) fn fingerprint_text(&self) -> &str {
        self.inner.fingerprint()
    }

    /// The ruleset's id.
    pub(crate) fn id_text(&self) -> &str {
        self.inner.id()
    }

    /// The policy's version.
    pub(crate) fn version_text(&self) -> &str {
        self.inner.version()
    }

    /// The compiled ruleset.
    pub(crate) fn core(&self) -> &Ruleset {
        &self.inner
    }

    /// The language the ruleset was loaded with.
    pub(crate) fn loaded_lang(&self) -> Option<Lang> {
        self.lang
    }

    /// Units from a list of unit dicts or a DataFrame, read as `score_many` reads them.
    pub(crate) fn read_units(
        &self,
        py: Python<'_>,
        units: &Bound<'_, PyAny>,
        lang: Option<Lang>,
    ) -> PyResult<Vec<cchc::Unit>> {
        let texts = self.known.texts();
        convert::units_from(units, pick(None, lang)?, &self.known, &mut |chunk| {
            py.detach(|| guard(|| chunk.finish(texts)))
                .map_err(|()| internal(Doing::ScoringBatch))
        })
    }

    /// A unit dict read as `score` reads it, or the first row of a DataFrame read as
    /// `score_many` reads it.
    pub(crate) fn read_unit(&self, unit: &Bound<'_, PyAny>) -> PyResult<cchc::Unit> {
        let texts = self.known.texts();
        if convert::frame_kind(unit).is_some() {
            let units = convert::units_from(unit, pick(None, self.lang)?, &self.known, &mut |c| {
                Ok(c.finish(texts))
            })?;
            return Ok(units.into_iter().next().unwrap_or_default());
        }
        Ok(convert::unit_from_dict(unit, &self.known, None).finish(texts))
    }

    /// The data dictionary, as the `inputs` property gives it.
    pub(crate) fn inputs_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.inputs(py)
    }

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
        let none = crate::frames::Progress::none();
        self.batch_with(
            py,
            bound,
            units,
            (group_by_kind, groups),
            as_of,
            lang,
            &none,
        )
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "the batch's options, as the Python keyword arguments give them"
    )]
    fn batch_with(
        &self,
        py: Python<'_>,
        bound: Option<&Ruleset>,
        units: Vec<cchc::Unit>,
        (group_by_kind, groups): (bool, cchc::Groups),
        as_of: Option<usize>,
        lang: Option<Lang>,
        bar: &crate::frames::Progress,
    ) -> PyResult<PyBatch> {
        let rs = bound.unwrap_or(&self.inner);
        // Without the trees (issue #10): each result keeps its unit, and its tree is scored
        // again when read (the same nodes: `UnitResult::restore_tree`).
        let opts = BatchOptions::grouped(group_by_kind)
            .groups(groups)
            .as_of(as_of)
            .trees(false);
        let (batch, units) = py
            .detach(move || {
                guard(move || {
                    let batch = rs.score_batch_with(&units, &opts, &mut |done| bar.to(done));
                    (batch, units)
                })
            })
            .map_err(|()| internal(Doing::ScoringBatch))?;
        PyBatch::new(py, batch, units, lang, (rs.clone(), as_of))
    }
}
