//! `cchc.Result` (one unit) and `cchc.Batch` (many units and their ranking).
//!
//! Everything here presents what the core returned; nothing is computed beyond formatting.

// TODO(lead): lints after present merge (bounds-checked lookups, `pub(crate)` items, Debug).
#![allow(
    clippy::indexing_slicing,
    unreachable_pub,
    missing_debug_implementations,
    reason = "TODO(lead): lints after present merge"
)]

use cchc::{BatchResult, Decimal, Issue, UnitResult};
use pyo3::exceptions::{PyImportError, PyIndexError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::Serialize;

use crate::values::{json_text_to_py, json_to_py, py_decimal, py_opt_decimal, to_f64};

fn norm(d: Decimal) -> String {
    d.normalize().to_string()
}

fn issues<'py>(py: Python<'py>, list: &[Issue]) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for i in list {
        out.append(crate::errors::issue_dict(py, i)?)?;
    }
    Ok(out)
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
    let bytes =
        bytes.map_err(|e| crate::errors::CchcError::new_err(format!("cannot write JSON: {e}")))?;
    String::from_utf8(bytes)
        .map_err(|e| crate::errors::CchcError::new_err(format!("cannot write JSON: {e}")))
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The result of scoring one unit.
///
/// Numbers (`total`, `max`, `index`, `self_assessed`, `delta`, and every figure in `criteria`)
/// are exact `decimal.Decimal` values, normalised (`2.50` is `Decimal('2.5')`).
#[pyclass(frozen, name = "Result", module = "cchc")]
pub struct PyUnitResult {
    pub(crate) inner: UnitResult,
}

impl PyUnitResult {
    pub fn new(inner: UnitResult) -> Self {
        PyUnitResult { inner }
    }

    fn summary(&self) -> String {
        let r = &self.inner;
        let mut s = format!(
            "status: {} · total {} / {}",
            r.status.as_str(),
            norm(r.total),
            norm(r.max)
        );
        s.push_str(&match r.index {
            Some(i) => format!(" · index {}", norm(i)),
            None => " · index none".to_string(),
        });
        s.push_str(&match r.grade() {
            Some(g) => format!(" · grade {} ({})", g.label, g.id),
            None => " · no grade".to_string(),
        });
        if let Some(sa) = r.self_assessed {
            s.push_str(&format!(" · self-assessed {}", norm(sa)));
            if let Some(d) = r.delta() {
                s.push_str(&format!(" · delta {}", norm(d)));
            }
        }
        s
    }

    fn heading(&self) -> String {
        let u = &self.inner.unit;
        let mut s = u.id.clone().unwrap_or_else(|| "(no id)".into());
        if let Some(n) = &u.name {
            s.push_str(&format!(" — {n}"));
        }
        if let Some(k) = &u.kind {
            s.push_str(&format!(" [{k}]"));
        }
        s
    }
}

#[pymethods]
impl PyUnitResult {
    /// The unit: `{"id", "name", "kind"}` (None where not given).
    #[getter]
    fn unit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let u = &self.inner.unit;
        let d = PyDict::new(py);
        d.set_item("id", u.id.as_deref())?;
        d.set_item("name", u.name.as_deref())?;
        d.set_item("kind", u.kind.as_deref())?;
        Ok(d)
    }

    /// The unit's id (None when it had none).
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.unit.id.as_deref()
    }

    /// The unit's name.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.inner.unit.name.as_deref()
    }

    /// The unit's kind.
    #[getter]
    fn kind(&self) -> Option<&str> {
        self.inner.unit.kind.as_deref()
    }

    /// "complete", "incomplete" or "error".
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status.as_str()
    }

    /// Points (Decimal).
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_decimal(py, self.inner.total)
    }

    /// Max after exclusions (Decimal).
    #[getter]
    fn max<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_decimal(py, self.inner.max)
    }

    /// total / max × 100, rounded (Decimal); None when max is 0.
    #[getter]
    fn index<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_opt_decimal(py, self.inner.index)
    }

    /// `{"id", "label"}` of the grade, or None (a unit that is not complete has no grade).
    #[getter]
    fn grade<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        match self.inner.grade() {
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
        py_opt_decimal(py, self.inner.self_assessed)
    }

    /// total − self_assessed (Decimal), or None.
    #[getter]
    fn delta<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_opt_decimal(py, self.inner.delta())
    }

    /// The criteria tree: dicts `{id, title, kind, points, max, status, trace, [self_assessed,
    /// delta], [children]}`, numbers as Decimal.
    #[getter]
    fn criteria<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item("criteria")
    }

    /// Errors: dicts `{criterion, code, message}`.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        issues(py, &self.inner.errors)
    }

    /// Warnings: dicts `{criterion, code, message}`.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        issues(py, &self.inner.warnings)
    }

    /// The ruleset that scored it: `{"id", "version", "fingerprint"}`.
    #[getter]
    fn ruleset<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item("ruleset")
    }

    /// The result in the spec's JSON shape, as Python objects (numbers as Decimal).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner)
    }

    /// The result as JSON text in the spec's shape, with exact numbers.
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        to_json_text(&self.inner, indent)
    }

    /// A text tree: each criterion with its points / max, status and trace; then errors and
    /// warnings.
    fn explain(&self) -> String {
        let r = &self.inner;
        let mut out = format!("{}\n{}\n", self.heading(), self.summary());
        for (i, (node, res)) in r.iter_nodes().enumerate() {
            let pad = "  ".repeat(node.depth.saturating_sub(1));
            let sign = match node.kind.as_str() {
                "bonus" => " (+bonus)",
                "penalty" => " (−penalty)",
                _ => "",
            };
            out.push_str(&format!(
                "{pad}{} {}{sign}: {}/{} [{}]",
                node.id,
                node.title,
                norm(res.points),
                norm(res.max),
                res.status.as_str()
            ));
            let trace = r.trace_text(i);
            if !trace.is_empty() {
                out.push_str(&format!(" — {trace}"));
            }
            if let Some(sa) = res.self_assessed {
                out.push_str(&format!(" (self-assessed {}", norm(sa)));
                if let Some(d) = res.points.checked_sub(sa) {
                    out.push_str(&format!(", delta {}", norm(d)));
                }
                out.push(')');
            }
            out.push('\n');
        }
        for (title, list) in [("errors", &r.errors), ("warnings", &r.warnings)] {
            if !list.is_empty() {
                out.push_str(&format!("{title}:\n"));
                for i in list.iter() {
                    let at = i
                        .criterion
                        .as_deref()
                        .map(|c| format!(" {c}:"))
                        .unwrap_or_default();
                    out.push_str(&format!("  [{}]{at} {}\n", i.code.as_str(), i.message));
                }
            }
        }
        out
    }

    /// An HTML table for notebooks.
    fn _repr_html_(&self) -> String {
        let r = &self.inner;
        let mut h = String::from("<div class=\"cchc-result\">");
        h.push_str(&format!(
            "<p><strong>{}</strong><br>{}</p>",
            html_escape(&self.heading()),
            html_escape(&self.summary())
        ));
        h.push_str("<table><thead><tr><th style=\"text-align:left\">Criterion</th><th>Points</th><th>Max</th><th>Status</th><th style=\"text-align:left\">Trace</th></tr></thead><tbody>");
        for (i, (node, res)) in r.iter_nodes().enumerate() {
            let pad = "&nbsp;&nbsp;&nbsp;&nbsp;".repeat(node.depth.saturating_sub(1));
            let label = format!("{} {}", node.id, node.title);
            let label = if node.depth == 1 {
                format!("<strong>{}</strong>", html_escape(&label))
            } else {
                html_escape(&label)
            };
            h.push_str(&format!(
                "<tr><td style=\"text-align:left\">{pad}{label}</td><td>{}</td><td>{}</td><td>{}</td><td style=\"text-align:left\">{}</td></tr>",
                norm(res.points),
                norm(res.max),
                res.status.as_str(),
                html_escape(&r.trace_text(i))
            ));
        }
        h.push_str("</tbody></table>");
        for (title, list) in [("Errors", &r.errors), ("Warnings", &r.warnings)] {
            if !list.is_empty() {
                h.push_str(&format!("<p>{title}:</p><ul>"));
                for i in list.iter() {
                    let at = i
                        .criterion
                        .as_deref()
                        .map(|c| format!(" {}:", html_escape(c)))
                        .unwrap_or_default();
                    h.push_str(&format!(
                        "<li><code>{}</code>{at} {}</li>",
                        i.code.as_str(),
                        html_escape(&i.message)
                    ));
                }
                h.push_str("</ul>");
            }
        }
        h.push_str("</div>");
        h
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        format!(
            "<cchc.Result id={} status={} total={} max={} index={} grade={}>",
            r.unit
                .id
                .as_deref()
                .map(|s| format!("{s:?}"))
                .unwrap_or_else(|| "None".into()),
            r.status.as_str(),
            norm(r.total),
            norm(r.max),
            r.index.map(norm).unwrap_or_else(|| "None".into()),
            r.grade()
                .map(|g| format!("{:?}", g.id))
                .unwrap_or_else(|| "None".into()),
        )
    }
}

/// The results of many units (in input order) and their ranking.
///
/// Iterable (`for r in batch`), indexable (`batch[0]`), `len(batch)`.
#[pyclass(frozen, name = "Batch", module = "cchc")]
pub struct PyBatch {
    results: Vec<Py<PyUnitResult>>,
    /// (rank, position) pairs, best first.
    ranking: Vec<(u32, usize)>,
    grouped: bool,
}

#[derive(Serialize)]
struct BatchView<'a> {
    results: Vec<&'a UnitResult>,
    ranking: Vec<serde_json::Value>,
}

fn json_num(d: Decimal) -> serde_json::Value {
    norm(d)
        .parse::<serde_json::Number>()
        .map(serde_json::Value::Number)
        .unwrap_or(serde_json::Value::String(norm(d)))
}

impl PyBatch {
    pub fn new(py: Python<'_>, batch: BatchResult) -> PyResult<Self> {
        let ranking = batch.ranking.iter().map(|e| (e.rank, e.position)).collect();
        let grouped = batch.grouped;
        let results = batch
            .results
            .into_iter()
            .map(|r| Py::new(py, PyUnitResult::new(r)))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyBatch {
            results,
            ranking,
            grouped,
        })
    }

    fn result(&self, i: usize) -> &UnitResult {
        &self.results[i].get().inner
    }

    fn view(&self) -> BatchView<'_> {
        let ranking = self
            .ranking
            .iter()
            .map(|&(rank, pos)| {
                let r = self.result(pos);
                serde_json::json!({
                    "rank": rank,
                    "id": r.unit.id,
                    "name": r.unit.name,
                    "kind": r.unit.kind,
                    "index": r.index.map(json_num),
                    "total": json_num(r.total),
                    "grade": r.grade().map(|g| g.id),
                })
            })
            .collect();
        BatchView {
            results: (0..self.results.len()).map(|i| self.result(i)).collect(),
            ranking,
        }
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
        if j < 0 || j >= n {
            return Err(PyIndexError::new_err("batch index out of range"));
        }
        Ok(self.results[j as usize].clone_ref(py))
    }

    /// The results, in input order.
    #[getter]
    fn results<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.results.iter().map(|r| r.clone_ref(py)))
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
        for &(rank, pos) in &self.ranking {
            let r = self.result(pos);
            let d = PyDict::new(py);
            d.set_item("rank", rank)?;
            d.set_item("id", r.unit.id.as_deref())?;
            d.set_item("name", r.unit.name.as_deref())?;
            d.set_item("kind", r.unit.kind.as_deref())?;
            d.set_item("index", py_opt_decimal(py, r.index)?)?;
            d.set_item("total", py_decimal(py, r.total)?)?;
            d.set_item("grade", r.grade().map(|g| g.id))?;
            out.append(d)?;
        }
        Ok(out)
    }

    /// Every result as a dict (see `Result.to_dict`).
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for r in &self.results {
            out.append(r.get().to_dict(py)?)?;
        }
        Ok(out)
    }

    /// `{"results": [...], "ranking": [...]}` as Python objects (numbers as Decimal).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_text_to_py(py, &to_json_text(&self.view(), None)?)
    }

    /// `{"results": [...], "ranking": [...]}` as JSON text, with exact numbers.
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        to_json_text(&self.view(), indent)
    }

    /// A pandas DataFrame with a row per unit: id, name, kind, status, total, max, index,
    /// grade (the grade id), then one column of points per criterion id (pre-order). Numbers are
    /// floats, for analysis; the exact figures stay in the results.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas").map_err(|e| {
            PyImportError::new_err(format!(
                "Batch.to_pandas() needs pandas (pip install pandas): {e}"
            ))
        })?;
        let mut cols: Vec<String> = [
            "id", "name", "kind", "status", "total", "max", "index", "grade",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let node_ids: Vec<String> = match self.results.first() {
            Some(r) => r
                .get()
                .inner
                .iter_nodes()
                .map(|(n, _)| n.id.clone())
                .collect(),
            None => Vec::new(),
        };
        for nid in &node_ids {
            if !cols.contains(nid) {
                cols.push(nid.clone());
            }
        }
        let data = PyDict::new(py);
        let n = self.results.len();
        let mut id = Vec::with_capacity(n);
        let mut name = Vec::with_capacity(n);
        let mut kind = Vec::with_capacity(n);
        let mut status = Vec::with_capacity(n);
        let mut total = Vec::with_capacity(n);
        let mut max = Vec::with_capacity(n);
        let mut index = Vec::with_capacity(n);
        let mut grade = Vec::with_capacity(n);
        let mut points: Vec<Vec<f64>> = vec![Vec::with_capacity(n); node_ids.len()];
        for i in 0..n {
            let r = self.result(i);
            id.push(r.unit.id.clone());
            name.push(r.unit.name.clone());
            kind.push(r.unit.kind.clone());
            status.push(r.status.as_str());
            total.push(to_f64(r.total));
            max.push(to_f64(r.max));
            index.push(r.index.map(to_f64).unwrap_or(f64::NAN));
            grade.push(r.grade().map(|g| g.id.to_string()));
            for (k, (_, res)) in r.iter_nodes().enumerate() {
                if let Some(col) = points.get_mut(k) {
                    col.push(to_f64(res.points));
                }
            }
        }
        data.set_item("id", id)?;
        data.set_item("name", name)?;
        data.set_item("kind", kind)?;
        data.set_item("status", status)?;
        data.set_item("total", total)?;
        data.set_item("max", max)?;
        data.set_item("index", index)?;
        data.set_item("grade", grade)?;
        for (nid, col) in node_ids.iter().zip(points) {
            if !data.contains(nid)? {
                data.set_item(nid, col)?;
            }
        }
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", cols)?;
        pandas.getattr("DataFrame")?.call((data,), Some(&kwargs))
    }

    /// An HTML table for notebooks: every unit with its rank (blank when not ranked).
    fn _repr_html_(&self) -> String {
        let mut rank_of = vec![None; self.results.len()];
        for &(rank, pos) in &self.ranking {
            if let Some(slot) = rank_of.get_mut(pos) {
                *slot = Some(rank);
            }
        }
        let mut h = format!(
            "<div class=\"cchc-batch\"><p>{} unit(s), {} ranked{}</p>",
            self.results.len(),
            self.ranking.len(),
            if self.grouped {
                " within each kind"
            } else {
                ""
            }
        );
        h.push_str("<table><thead><tr><th>Rank</th><th style=\"text-align:left\">Id</th><th style=\"text-align:left\">Name</th><th>Kind</th><th>Status</th><th>Total</th><th>Max</th><th>Index</th><th>Grade</th></tr></thead><tbody>");
        for (i, rank) in rank_of.iter().enumerate() {
            let r = self.result(i);
            let opt = |s: &Option<String>| html_escape(s.as_deref().unwrap_or(""));
            h.push_str(&format!(
                "<tr><td>{}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                rank.map(|r| r.to_string()).unwrap_or_default(),
                opt(&r.unit.id),
                opt(&r.unit.name),
                opt(&r.unit.kind),
                r.status.as_str(),
                norm(r.total),
                norm(r.max),
                r.index.map(norm).unwrap_or_default(),
                r.grade().map(|g| html_escape(g.label)).unwrap_or_default(),
            ));
        }
        h.push_str("</tbody></table></div>");
        h
    }

    fn __repr__(&self) -> String {
        format!(
            "<cchc.Batch units={} ranked={}>",
            self.results.len(),
            self.ranking.len()
        )
    }
}
