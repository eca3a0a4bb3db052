//! The result table: one definition of its columns, used by the terminal table, CSV output and
//! the Python DataFrame.

use std::collections::HashSet;
use std::io::Write;

use rust_decimal::Decimal;

use super::messages;
use super::{number, opt_number, spreadsheet_safe, terminal_safe as t};
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::result::{BatchResult, UnitResult};
use crate::ruleset::Ruleset;

/// A column of the result table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Column {
    /// The unit's id.
    Id,
    /// The unit's name.
    Name,
    /// The unit's kind.
    Kind,
    /// `complete`, `incomplete` or `error`.
    Status,
    /// Points.
    Total,
    /// Max after exclusions.
    Max,
    /// The index, where max is not 0.
    Index,
    /// The grade's id.
    Grade,
    /// The points of the criterion at this pre-order position.
    Criterion(usize),
}

impl Column {
    /// True for columns of text (id, name, kind, status, grade); the others hold numbers.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Column::Id | Column::Name | Column::Kind | Column::Status | Column::Grade
        )
    }
}

/// The fixed columns, in order, before one column per criterion.
const FIXED: [(Column, &str); 8] = [
    (Column::Id, "id"),
    (Column::Name, "name"),
    (Column::Kind, "kind"),
    (Column::Status, "status"),
    (Column::Total, "total"),
    (Column::Max, "max"),
    (Column::Index, "index"),
    (Column::Grade, "grade"),
];

/// One cell of the result table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text (ids, names, kinds, statuses, grade ids); `None` when absent.
    Text(Option<String>),
    /// An exact number; `None` when absent (an index where max is 0).
    Number(Option<Decimal>),
}

impl Cell {
    /// The cell as CSV text, spreadsheet-safe (text cells that would run as a formula are
    /// prefixed with `'`; numbers are written as they are).
    pub fn csv_text(&self) -> String {
        match self {
            Cell::Text(s) => spreadsheet_safe(s.as_deref().unwrap_or("")).into_owned(),
            Cell::Number(d) => d.map(number).unwrap_or_default(),
        }
    }
}

/// The columns of a ruleset's result table: the fixed ones (`id`, `name`, `kind`, `status`,
/// `total`, `max`, `index`, `grade`), then one per criterion in pre-order, headed by its id (a
/// criterion whose id is also a fixed column's name is headed `criterion <id>`).
#[derive(Debug, Clone)]
pub struct Columns {
    cols: Vec<(Column, String)>,
}

impl Columns {
    fn of_plan(plan: Option<&Plan>) -> Self {
        let mut cols: Vec<(Column, String)> =
            FIXED.iter().map(|(c, h)| (*c, (*h).to_string())).collect();
        if let Some(plan) = plan {
            let fixed: HashSet<&str> = FIXED.iter().map(|(_, h)| *h).collect();
            for (i, n) in plan.nodes.iter().enumerate() {
                let header = if fixed.contains(n.id.as_str()) {
                    messages::criterion_column(&n.id)
                } else {
                    n.id.clone()
                };
                cols.push((Column::Criterion(i), header));
            }
        }
        Columns { cols }
    }

    /// The columns of this ruleset's results.
    pub fn for_ruleset(rs: &Ruleset) -> Self {
        Self::of_plan(Some(&rs.plan))
    }

    /// The columns of the ruleset that produced this result.
    pub fn for_result(r: &UnitResult) -> Self {
        Self::of_plan(Some(&r.plan))
    }

    /// The fixed columns only (an empty batch, whose ruleset is not known).
    pub fn fixed() -> Self {
        Self::of_plan(None)
    }

    /// The columns with their headers, in order.
    pub fn iter(&self) -> impl Iterator<Item = (Column, &str)> {
        self.cols.iter().map(|(c, h)| (*c, h.as_str()))
    }

    /// The headers, in order.
    pub fn headers(&self) -> Vec<&str> {
        self.cols.iter().map(|(_, h)| h.as_str()).collect()
    }

    /// A result's row, one cell per column.
    pub fn row(&self, r: &UnitResult) -> Vec<Cell> {
        self.cols.iter().map(|(c, _)| cell(*c, r)).collect()
    }
}

/// One cell of a result's row.
pub(crate) fn cell(c: Column, r: &UnitResult) -> Cell {
    match c {
        Column::Id => Cell::Text(r.unit.id.clone()),
        Column::Name => Cell::Text(r.unit.name.clone()),
        Column::Kind => Cell::Text(r.unit.kind.clone()),
        Column::Status => Cell::Text(Some(r.status.as_str().to_string())),
        Column::Total => Cell::Number(Some(r.total)),
        Column::Max => Cell::Number(Some(r.max)),
        Column::Index => Cell::Number(r.index),
        Column::Grade => Cell::Text(r.grade().map(|g| g.id.to_string())),
        Column::Criterion(i) => Cell::Number(r.nodes.get(i).map(|n| n.points)),
    }
}

/// A CSV writer of result rows (header first), spreadsheet-safe.
pub(crate) struct CsvRows<W: Write> {
    cols: Columns,
    out: csv::Writer<W>,
}

impl<W: Write> CsvRows<W> {
    /// Writes the header.
    pub(crate) fn new(cols: Columns, out: W) -> std::io::Result<Self> {
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(out);
        let header: Vec<String> = cols
            .iter()
            .map(|(_, h)| spreadsheet_safe(h).into_owned())
            .collect();
        out.write_record(&header).map_err(std::io::Error::other)?;
        Ok(CsvRows { cols, out })
    }

    /// Writes one result's row.
    pub(crate) fn row(&mut self, r: &UnitResult) -> std::io::Result<()> {
        let row: Vec<String> = self.cols.row(r).iter().map(Cell::csv_text).collect();
        self.out.write_record(&row).map_err(std::io::Error::other)
    }

    /// Flushes the output.
    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Writes results as CSV: a header row, then a row per result in input order; text cells are
/// spreadsheet-safe.
///
/// # Errors
/// When writing fails.
pub fn write_csv<'a>(
    rs: &Ruleset,
    results: impl IntoIterator<Item = &'a UnitResult>,
    out: impl Write,
) -> std::io::Result<()> {
    let mut w = CsvRows::new(Columns::for_ruleset(rs), out)?;
    for r in results {
        w.row(r)?;
    }
    w.finish()
}

fn pad(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n >= w {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(w - n))
    }
}

/// The ranking table for a terminal: a title line, then every unit (ranked ones first, best
/// first; the others after, ranked `-`), with a kind column when the ranking is by kind. Text
/// from the rule file and the data is terminal-safe.
pub fn text_table(rs: &Ruleset, batch: &BatchResult, lang: Lang) -> String {
    let _ = lang;
    let mut out = messages::ruleset_heading(
        &t(rs.title()),
        &t(rs.id()),
        &t(rs.version()),
        rs.fingerprint(),
    );
    out.push('\n');
    let mut ranked = vec![false; batch.results.len()];
    let mut rows: Vec<(String, &UnitResult)> = Vec::with_capacity(batch.results.len());
    for e in &batch.ranking {
        if let (Some(r), Some(seen)) = (batch.results.get(e.position), ranked.get_mut(e.position)) {
            *seen = true;
            rows.push((e.rank.to_string(), r));
        }
    }
    for (r, seen) in batch.results.iter().zip(&ranked) {
        if !seen {
            rows.push((messages::NONE.to_string(), r));
        }
    }
    let name_of = |r: &UnitResult| {
        t(r.unit
            .name
            .as_deref()
            .or(r.unit.id.as_deref())
            .unwrap_or("?"))
        .into_owned()
    };
    let names: Vec<String> = rows.iter().map(|(_, r)| name_of(r)).collect();
    let name_w = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut line = format!(
        "{}  {}  ",
        pad(messages::TABLE_RANK, 4),
        pad(messages::TABLE_UNIT, name_w)
    );
    if batch.grouped {
        line.push_str(&pad(messages::TABLE_KIND, 10));
        line.push_str("  ");
    }
    line.push_str(&format!(
        "{}  {}  {}  {}  {}",
        pad(messages::TABLE_TOTAL, 8),
        pad(messages::TABLE_MAX, 6),
        pad(messages::TABLE_INDEX, 7),
        pad(messages::TABLE_GRADE, 12),
        messages::TABLE_STATUS
    ));
    out.push_str(&line);
    out.push('\n');
    for ((rank, r), name) in rows.iter().zip(&names) {
        let mut line = format!("{}  {}  ", pad(rank, 4), pad(name, name_w));
        if batch.grouped {
            line.push_str(&pad(
                &t(r.unit.kind.as_deref().unwrap_or(messages::NONE)),
                10,
            ));
            line.push_str("  ");
        }
        let grade = r
            .grade()
            .map(|g| t(g.label).into_owned())
            .unwrap_or_else(|| messages::NONE.to_string());
        line.push_str(&format!(
            "{}  {}  {}  {}  {}",
            pad(&number(r.total), 8),
            pad(&number(r.max), 6),
            pad(&opt_number(r.index), 7),
            pad(&grade, 12),
            r.status.as_str()
        ));
        out.push_str(&line);
        out.push('\n');
    }
    out
}
