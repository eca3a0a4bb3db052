//! `cchc.Result` (one unit) and `cchc.Batch` (many units and their ranking).
//!
//! Everything here presents what the core returned; nothing is computed beyond formatting.

use std::sync::OnceLock;

use cchc::present::{self, Cell, Column};
use cchc::{Arg, BatchResult, Issue, Lang, RankEntry, UnitResult};
use pyo3::exceptions::{PyImportError, PyIndexError, PyKeyError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::Serialize;

use crate::lang::pick;
use crate::values::{json_error, json_to_py, py_decimal, py_opt_decimal, to_f64};

fn issues<'py>(py: Python<'py>, list: &[Issue], lang: Lang) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for i in list {
        out.append(crate::errors::issue_dict(py, i, lang)?)?;
    }
    Ok(out)
}

/// "None" in the language (for a figure a result does not have).
fn none() -> Arg {
    Arg::from(cchc::msg!("py-none"))
}

/// A text shown quoted, as Python writes it (`"a"`), or "None".
pub(crate) fn quoted(s: Option<&str>) -> Arg {
    s.map(|s| Arg::Text(format!("{s:?}"))).unwrap_or_else(none)
}

fn to_json_text(value: &impl Serialize, indent: Option<usize>) -> PyResult<String> {
    let bytes = match indent {
        None => serde_json::to_vec(value),
        Some(n) => {
            let pad = " ".repeat(n);
            let mut out = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
            value.serialize(&mut ser).map(|()| out)
        }
    };
    let bytes = bytes.map_err(|e| json_error(&e))?;
    // serde_json writes UTF-8; the fallback keeps whatever it wrote.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// The result of scoring one unit.
///
/// Numbers (`total`, `max`, `index`, `self_assessed`, `delta`, and every figure in `criteria`)
/// are exact `decimal.Decimal` values, normalised (`2.50` is `Decimal('2.5')`).
///
/// Texts (explanations, `trace`, error and warning messages) are written in the language asked
/// for (`lang="vi"` or `"en"`), else the one given when scoring, else the module default
/// (`cchc.set_lang`); `why`, `message_id` and `args` are the same data in every language.
#[pyclass(frozen, name = "Result", module = "cchc")]
#[derive(Debug)]
pub struct PyUnitResult {
    /// The result as scored: a batch's has no criteria tree (`UnitResult::has_tree`), only
    /// the figures, warnings and errors, which every getter of a figure reads.
    summary: UnitResult,
    /// The unit it was scored from, while its tree is left out.
    unit: Option<cchc::Unit>,
    /// The result with its tree, put back by scoring `unit` again when the tree is first read.
    full: OnceLock<UnitResult>,
    /// The language asked for when scoring, if any.
    lang: Option<Lang>,
}

impl PyUnitResult {
    pub fn new(inner: UnitResult, lang: Option<Lang>) -> Self {
        PyUnitResult {
            summary: inner,
            unit: None,
            full: OnceLock::new(),
            lang,
        }
    }

    /// A batch's result without its tree, and the unit that puts it back.
    fn lean(summary: UnitResult, unit: cchc::Unit, lang: Option<Lang>) -> Self {
        PyUnitResult {
            summary,
            unit: Some(unit),
            full: OnceLock::new(),
            lang,
        }
    }

    /// True when the tree is at hand (a result scored alone, or one already read).
    fn has_tree(&self) -> bool {
        self.summary.has_tree() || self.full.get().is_some()
    }

    /// The whole result, its criteria tree included (scored again the first time it is read
    /// when the batch left it out; the same nodes, `cchc::UnitResult::restore_tree`).
    pub(crate) fn inner(&self) -> &UnitResult {
        match &self.unit {
            Some(unit) if !self.summary.has_tree() => self.full.get_or_init(|| {
                let mut r = self.summary.clone();
                r.restore_tree(unit);
                r
            }),
            _ => &self.summary,
        }
    }

    /// The language of a text: the call's `lang=`, else the result's, else the module default.
    fn lang(&self, lang: Option<&str>) -> PyResult<Lang> {
        pick(lang, self.lang)
    }

    fn dict_in<'py>(&self, py: Python<'py>, lang: Lang) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner().json(cchc::JsonOptions::new(lang)))
    }

    /// The index of the node with this id, or `KeyError`.
    fn node_index(&self, id: &str) -> PyResult<usize> {
        self.inner()
            .iter_nodes()
            .position(|(n, _)| n.id == id)
            .ok_or_else(|| {
                PyKeyError::new_err(crate::lang::text(&cchc::msg!(
                    "py-unknown-criterion",
                    id = Arg::ident(id)
                )))
            })
    }

    fn repr_in(&self, lang: Lang) -> String {
        let r = &self.summary;
        cchc::msg!(
            "py-result-repr",
            id = quoted(r.unit.id.as_deref()),
            status = r.status.as_str(),
            total = r.total,
            max = r.max,
            index = r.index.map(Arg::Num).unwrap_or_else(none),
            grade = quoted(r.grade().map(|g| g.id))
        )
        .render(lang)
    }
}

#[pymethods]
impl PyUnitResult {
    /// The unit: `{"id", "name", "kind"}` (None where not given).
    #[getter]
    fn unit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let u = &self.summary.unit;
        let d = PyDict::new(py);
        d.set_item("id", u.id.as_deref())?;
        d.set_item("name", u.name.as_deref())?;
        d.set_item("kind", u.kind.as_deref())?;
        Ok(d)
    }

    /// The unit's id (None when it had none).
    #[getter]
    fn id(&self) -> Option<&str> {
        self.summary.unit.id.as_deref()
    }

    /// The unit's name.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.summary.unit.name.as_deref()
    }

    /// The unit's kind.
    #[getter]
    fn kind(&self) -> Option<&str> {
        self.summary.unit.kind.as_deref()
    }

    /// "complete", "incomplete" or "error".
    #[getter]
    fn status(&self) -> &'static str {
        self.summary.status.as_str()
    }

    /// Points (Decimal).
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_decimal(py, self.summary.total)
    }

    /// Max after exclusions (Decimal).
    #[getter]
    fn max<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_decimal(py, self.summary.max)
    }

    /// total / max × 100, rounded (Decimal); None when max is 0.
    #[getter]
    fn index<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_opt_decimal(py, self.summary.index)
    }

    /// `{"id", "label"}` of the grade, or None (a unit that is not complete has no grade).
    #[getter]
    fn grade<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        match self.summary.grade() {
            Some(g) => {
                let d = PyDict::new(py);
                d.set_item("id", g.id)?;
                d.set_item("label", g.label)?;
                Ok(Some(d))
            }
            None => Ok(None),
        }
    }

    /// The unit's self-assessed total (Decimal), or None when it gave no marks.
    #[getter]
    fn self_assessed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_opt_decimal(py, self.summary.self_assessed)
    }

    /// total − self_assessed (Decimal), or None.
    #[getter]
    fn delta<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_opt_decimal(py, self.summary.delta())
    }

    /// The official round's id (the unit's last present round, or the round it was scored as
    /// of); None when the ruleset declares no rounds.
    #[getter]
    fn round(&self) -> Option<&str> {
        self.summary.round()
    }

    /// The unit's present rounds, in order (the last is the official result, the same figures
    /// as the unit's own): dicts `{id, label, status, total, max, index, grade, errors,
    /// warnings}` (numbers as Decimal, `grade` `{"id", "label"}` or None, errors and warnings
    /// as in `errors`); empty when the ruleset declares no rounds.
    #[getter]
    fn rounds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = self.summary.rounds();
        if self.summary.round().is_none() || list.is_empty() {
            return Ok(PyList::empty(py));
        }
        let lang = self.lang(None)?;
        // From the summary: the core's JSON of the rounds, without the criteria tree.
        let summary = json_to_py(py, &self.summary.json(cchc::JsonOptions::summary(lang)))?;
        let Ok(rounds) = summary.get_item("rounds") else {
            return Ok(PyList::empty(py));
        };
        let rounds = rounds.cast_into::<PyList>()?;
        for (d, rr) in rounds.iter().zip(list) {
            // The same dicts as the unit's own `errors` and `warnings`.
            d.set_item("errors", issues(py, &rr.errors, lang)?)?;
            d.set_item("warnings", issues(py, &rr.warnings, lang)?)?;
        }
        Ok(rounds)
    }

    /// The criteria tree: dicts `{id, title, kind, points, max, status, trace, why,
    /// [self_assessed, delta], [rounds, change], [notes], [evidence], [explanation],
    /// [children]}`, numbers as Decimal; `trace` in the result's language (see
    /// `to_dict(lang=...)` for another), `why` the same in every language. With assessment
    /// rounds, `rounds` is `{round id: points}` for the present rounds and `change` the
    /// official points minus the first present round's; `notes` is `{round id: text}`.
    #[getter]
    fn criteria<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.dict_in(py, self.lang(None)?)?.get_item("criteria")
    }

    /// Errors: dicts `{criterion, code, message, help, at, message_id, args}`.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        issues(py, &self.summary.errors, self.lang(None)?)
    }

    /// Warnings: dicts `{criterion, code, message, help, at, message_id, args}`.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        issues(py, &self.summary.warnings, self.lang(None)?)
    }

    /// Internal (tests): whether the criteria tree is at hand, or would be scored again when
    /// read (a result of `score_many` whose tree was not read yet).
    fn _tree_at_hand(&self) -> bool {
        self.has_tree()
    }

    /// The ruleset that scored it: `{"id", "version", "fingerprint", "issued_by", "status"}`.
    #[getter]
    fn ruleset<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        // From the summary: the same value, without writing the criteria tree.
        let summary = self
            .summary
            .json(cchc::JsonOptions::summary(self.lang(None)?));
        json_to_py(py, &summary)?.get_item("ruleset")
    }

    /// The result in the spec's JSON shape, as Python objects (numbers as Decimal); texts
    /// (`trace`, `message`, `help`) in `lang`.
    #[pyo3(signature = (*, lang = None))]
    fn to_dict<'py>(&self, py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        self.dict_in(py, self.lang(lang)?)
    }

    /// The result as JSON text in the spec's shape, with exact numbers; texts in `lang`.
    #[pyo3(signature = (indent = None, *, lang = None))]
    fn to_json(&self, indent: Option<usize>, lang: Option<&str>) -> PyResult<String> {
        let json = self.inner().json(cchc::JsonOptions::new(self.lang(lang)?));
        match indent {
            // Compact: the core's direct writer (the same bytes, faster).
            None => json.to_text().map_err(|e| json_error(&e)),
            Some(_) => to_json_text(&json, indent),
        }
    }

    /// The explanation as text (the CLI's `score --explain`) in `lang` ("vi" or "en"): a
    /// heading with the unit's figures, status and grade, then each criterion with its points
    /// / max, status, own mark and why; then errors and warnings. Control characters are
    /// escaped.
    #[pyo3(signature = (lang = None))]
    fn explain(&self, lang: Option<&str>) -> PyResult<String> {
        Ok(present::explain(self.inner(), self.lang(lang)?))
    }

    /// Why the criterion `node_id` scored what it did, in words, in `lang`. Raises `KeyError`
    /// for an id the ruleset does not have.
    #[pyo3(signature = (node_id, lang = None))]
    fn trace(&self, node_id: &str, lang: Option<&str>) -> PyResult<String> {
        let lang = self.lang(lang)?;
        Ok(self.inner().trace_text(self.node_index(node_id)?, lang))
    }

    /// Why the criterion `node_id` scored what it did, as data: `{"id": message id, "args":
    /// {...}}` (numbers as Decimal), the same in every language; None when the node has no
    /// explanation. Raises `KeyError` for an id the ruleset does not have.
    fn why<'py>(&self, py: Python<'py>, node_id: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.inner().why(self.node_index(node_id)?) {
            Some(w) => json_to_py(py, &w),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// An HTML table for notebooks, in the result's language (else the module default).
    fn _repr_html_(&self) -> PyResult<String> {
        Ok(present::unit_html(self.inner(), self.lang(None)?))
    }

    fn __repr__(&self) -> PyResult<String> {
        Ok(self.repr_in(self.lang(None)?))
    }
}

/// The results of many units (in input order) and their ranking.
///
/// Iterable (`for r in batch`), indexable (`batch[0]`), `len(batch)`.
#[pyclass(frozen, name = "Batch", module = "cchc")]
#[derive(Debug)]
pub struct PyBatch {
    results: Vec<Py<PyUnitResult>>,
    /// Best first; positions index `results`.
    ranking: Vec<RankEntry>,
    grouped: bool,
    /// The language asked for when scoring, if any.
    lang: Option<Lang>,
    /// The ruleset that scored it and the round it was scored as of (for the report).
    pub(crate) source: (cchc::Ruleset, Option<usize>),
}

impl PyBatch {
    /// The column `round` (each unit's official round id) when the ruleset declares rounds,
    /// unless the core's table columns already have one of that name (a criterion `round`,
    /// whose points keep it). The round figures (`total:<id>`, `index:<id>`, `change`) are the
    /// core's columns (`present::Columns`).
    fn round_column(&self, taken: &[String]) -> Option<Vec<Option<String>>> {
        let first = self.results.first().map(|r| &r.get().summary)?;
        first.round_info(0)?;
        if taken.iter().any(|h| h == "round") {
            return None;
        }
        Some(
            self.results
                .iter()
                .map(|r| r.get().summary.round().map(str::to_owned))
                .collect(),
        )
    }

    /// The batch's results; `units` (the units scored, in order) put back the trees of a batch
    /// scored without them (`BatchOptions::trees(false)`) when they are read.
    pub fn new(
        py: Python<'_>,
        batch: BatchResult,
        units: Vec<cchc::Unit>,
        lang: Option<Lang>,
        source: (cchc::Ruleset, Option<usize>),
    ) -> PyResult<Self> {
        let ranking = batch.ranking.clone();
        let grouped = batch.grouped;
        let mut units = units.into_iter();
        let results = batch
            .results
            .into_iter()
            .map(|r| {
                let one = match units.next() {
                    Some(u) if !r.has_tree() => PyUnitResult::lean(r, u, lang),
                    _ => PyUnitResult::new(r, lang),
                };
                Py::new(py, one)
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyBatch {
            results,
            ranking,
            grouped,
            lang,
            source,
        })
    }

    pub(crate) fn lang(&self, lang: Option<&str>) -> PyResult<Lang> {
        pick(lang, self.lang)
    }

    /// The printable report of these results (see `cchc::present::report`).
    pub(crate) fn render_report(&self, lang: Lang, date: String) -> String {
        use cchc::present::report::{ReportOptions, report_html_of};
        let opts = ReportOptions::new(lang, date).round(self.source.1);
        report_html_of(&self.source.0, &self.refs(), &self.ranking, &opts)
    }

    /// Puts back every result's criteria tree (the batch kept none) before a read of them all:
    /// the units are scored again in parallel, without the GIL.
    fn restore_all(&self) {
        let results = &self.results;
        if results.iter().all(|r| r.get().has_tree()) {
            return;
        }
        Python::attach(|py| {
            py.detach(|| {
                use rayon::prelude::*;
                // The core does not panic; a panic would leave the tree to the next read.
                let _ = crate::errors::guard(|| {
                    results.par_iter().for_each(|r| {
                        r.get().inner();
                    });
                });
            });
        });
    }

    /// The core's results, in input order (for the analyses).
    pub(crate) fn core_results(&self) -> Vec<UnitResult> {
        self.restore_all();
        self.results
            .iter()
            .map(|r| r.get().inner().clone())
            .collect()
    }

    /// The batch as the CLI's results JSON, texts in `lang` (for `cchc.compare`).
    pub(crate) fn json_text(&self, lang: Lang) -> PyResult<String> {
        self.json_view(lang, None)
    }

    fn json_view(&self, lang: Lang, indent: Option<usize>) -> PyResult<String> {
        let results = self.refs();
        let view = present::batch_json(&results, &self.ranking, cchc::JsonOptions::new(lang));
        match indent {
            // Compact: the core's direct writer (the same bytes, faster).
            None => view.to_text().map_err(|e| json_error(&e)),
            Some(_) => to_json_text(&view, indent),
        }
    }

    /// Result `i`'s figures (its tree is not put back: the ranking reads none).
    fn result(&self, i: usize) -> Option<&UnitResult> {
        self.results.get(i).map(|r| &r.get().summary)
    }

    /// The results with their trees, in input order.
    fn refs(&self) -> Vec<&UnitResult> {
        self.restore_all();
        self.results.iter().map(|r| r.get().inner()).collect()
    }
}

#[pymethods]
impl PyBatch {
    fn __len__(&self) -> usize {
        self.results.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.results(py)?.try_iter()?.into_any())
    }

    fn __getitem__(&self, py: Python<'_>, i: isize) -> PyResult<Py<PyUnitResult>> {
        let n = self.results.len() as isize;
        let j = if i < 0 { i + n } else { i };
        usize::try_from(j)
            .ok()
            .and_then(|j| self.results.get(j))
            .map(|r| r.clone_ref(py))
            .ok_or_else(|| {
                PyIndexError::new_err(crate::lang::text(&cchc::msg!(
                    "py-batch-index",
                    index = Arg::Text(i.to_string()),
                    len = self.results.len()
                )))
            })
    }

    /// The results, in input order.
    #[getter]
    fn results<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.results.iter().map(|r| r.clone_ref(py)))
    }

    /// Writes the results workbook (.xlsx) to `path`: sheets of the ranking, the summary and
    /// one per unit (the appendix layout), in `lang`. `ValueError` for an empty batch.
    #[pyo3(signature = (path, lang = None))]
    fn to_excel(&self, path: std::path::PathBuf, lang: Option<&str>) -> PyResult<()> {
        let lang = self.lang(lang)?;
        crate::xlsx::results(&self.refs(), &self.ranking, self.grouped, &path, lang)
    }

    /// True when the ranking is within each `kind`.
    #[getter]
    fn grouped(&self) -> bool {
        self.grouped
    }

    /// The ranking of the complete units, best first: dicts `{rank, id, name, kind, index,
    /// total, grade}` (`rank` an int, `index`/`total` Decimal, `grade` the grade id).
    #[getter]
    fn ranking<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for e in &self.ranking {
            // Positions index `results` by construction; a stale one is skipped, not a panic.
            let Some(r) = self.result(e.position) else {
                continue;
            };
            let d = PyDict::new(py);
            d.set_item("rank", e.rank)?;
            d.set_item("id", r.unit.id.as_deref())?;
            d.set_item("name", r.unit.name.as_deref())?;
            d.set_item("kind", r.unit.kind.as_deref())?;
            d.set_item("index", py_opt_decimal(py, r.index)?)?;
            d.set_item("total", py_decimal(py, r.total)?)?;
            d.set_item("grade", r.grade().map(|g| g.id))?;
            if let Some(g) = e.group {
                d.set_item("group", r.ranking_group(g, Lang::Vi).0)?;
            }
            out.append(d)?;
        }
        Ok(out)
    }

    /// Every result as a dict (see `Result.to_dict`), texts in `lang`.
    #[pyo3(signature = (*, lang = None))]
    fn to_dicts<'py>(&self, py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyList>> {
        let lang = self.lang(lang)?;
        self.restore_all();
        let out = PyList::empty(py);
        // One builder: the results share their keys and repeated numbers.
        let mut b = crate::pyobjects::Builder::new(py)?;
        for r in &self.results {
            out.append(b.build(&r.get().inner().json(cchc::JsonOptions::new(lang)))?)?;
        }
        Ok(out)
    }

    /// `{"results": [...], "ranking": [...]}` as Python objects (numbers as Decimal), texts in
    /// `lang`.
    #[pyo3(signature = (*, lang = None))]
    fn to_dict<'py>(&self, py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        let results = self.refs();
        let view = present::batch_json(
            &results,
            &self.ranking,
            cchc::JsonOptions::new(self.lang(lang)?),
        );
        json_to_py(py, &view)
    }

    /// `{"results": [...], "ranking": [...]}` as JSON text, with exact numbers; texts in
    /// `lang`.
    #[pyo3(signature = (indent = None, *, lang = None))]
    fn to_json(&self, indent: Option<usize>, lang: Option<&str>) -> PyResult<String> {
        self.json_view(self.lang(lang)?, indent)
    }

    /// A pandas DataFrame with a row per unit: id, name, kind, status, total, max, index,
    /// grade (the grade id), then one column of points per criterion id (pre-order). Numbers are
    /// floats, for analysis; the exact figures stay in the results. The column names and the
    /// status values are the machine names of the JSON and CSV output, the same in every
    /// language. When the ruleset declares assessment rounds, the column `round` (the official
    /// round's id) comes after `grade`, then the core's round columns as in the CLI's CSV:
    /// `total:<round id>` and `index:<round id>` per declared round (NaN where the unit lacks
    /// it) and `change` (the index's change from the first present round).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas").map_err(|e| {
            PyImportError::new_err(crate::lang::text(&cchc::msg!(
                "py-needs-pandas",
                error = e.to_string()
            )))
        })?;
        let columns = match self.results.first() {
            Some(r) => present::Columns::for_result(&r.get().summary),
            None => present::Columns::fixed(),
        };
        self.restore_all();
        let cols: Vec<(Column, &str)> = columns.iter().collect();
        let mut data: Vec<Vec<Cell>> = vec![Vec::with_capacity(self.results.len()); cols.len()];
        for r in &self.results {
            for (col, cell) in data.iter_mut().zip(columns.row(r.get().inner())) {
                col.push(cell);
            }
        }
        let frame = PyDict::new(py);
        let mut headers: Vec<String> = columns.headers().iter().map(|h| (*h).to_owned()).collect();
        if let Some(ids) = self.round_column(&headers) {
            frame.set_item("round", ids)?;
            // After `grade` (the last fixed column), before the round figures and criteria.
            let at = headers
                .iter()
                .position(|h| h == "grade")
                .map_or(headers.len(), |i| i + 1);
            headers.insert(at, "round".to_owned());
        }
        for ((column, name), cells) in cols.iter().zip(data) {
            if column.is_text() {
                let col: Vec<Option<String>> = cells
                    .into_iter()
                    .map(|c| match c {
                        Cell::Text(s) => s,
                        Cell::Number(d) => d.map(|d| d.normalize().to_string()),
                    })
                    .collect();
                frame.set_item(name, col)?;
            } else {
                let col: Vec<f64> = cells
                    .into_iter()
                    .map(|c| match c {
                        Cell::Number(Some(d)) => to_f64(d),
                        _ => f64::NAN,
                    })
                    .collect();
                frame.set_item(name, col)?;
            }
        }
        let data = frame;
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", headers)?;
        pandas.getattr("DataFrame")?.call((data,), Some(&kwargs))
    }

    /// An HTML table for notebooks: every unit with its rank (blank when not ranked), in the
    /// batch's language (else the module default).
    fn _repr_html_(&self) -> PyResult<String> {
        Ok(present::batch_html(
            &self.refs(),
            &self.ranking,
            self.grouped,
            self.lang(None)?,
        ))
    }

    /// The printable report (one self-contained HTML file, the same as `cchc report` writes)
    /// as text; `lang` as elsewhere, `date` the report's date (default: today, UTC).
    #[pyo3(signature = (lang = None, *, date = None))]
    fn report_html(
        &self,
        py: Python<'_>,
        lang: Option<&str>,
        date: Option<String>,
    ) -> PyResult<String> {
        crate::report::html(py, self, lang, date)
    }

    /// Writes the printable report (see `report_html`) to `path`.
    #[pyo3(signature = (path, *, lang = None, date = None))]
    fn save_report(
        &self,
        py: Python<'_>,
        path: std::path::PathBuf,
        lang: Option<&str>,
        date: Option<String>,
    ) -> PyResult<()> {
        crate::report::save(py, self, &path, lang, date)
    }

    /// The printable report as an object that Jupyter shows (in an `<iframe srcdoc>`, so that
    /// its CSS stays inside); `.html` is its text, `.save(path)` writes it.
    #[pyo3(signature = (lang = None, *, date = None))]
    fn report(
        &self,
        py: Python<'_>,
        lang: Option<&str>,
        date: Option<String>,
    ) -> PyResult<crate::report::PyReport> {
        let html = crate::report::html(py, self, lang, date)?;
        Ok(crate::report::PyReport::new(html, self.lang(lang)?))
    }

    fn __repr__(&self) -> PyResult<String> {
        Ok(cchc::msg!(
            "py-batch-repr",
            units = self.results.len(),
            ranked = self.ranking.len()
        )
        .render(self.lang(None)?))
    }
}
