//! The result table: one definition of its columns, used by the terminal table, CSV output and
//! the Python DataFrame.

use std::collections::HashSet;
use std::io::Write;

use rust_decimal::Decimal;

use super::messages::{self, Header};
use super::{number, opt_number, spreadsheet_safe, terminal_safe as t, text_number};
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
    /// The id of the ranking group of the unit's kind (when the ruleset declares groups;
    /// `khac` for a kind in no group).
    Group,
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
    /// The unit's total in this round (an index into the ruleset's rounds); absent when the
    /// unit does not give it.
    RoundTotal(usize),
    /// The unit's index in this round; absent when the unit does not give it.
    RoundIndex(usize),
    /// The index's change: the official (or as-of) round's index minus the first present
    /// round's (0 with one round).
    Change,
}

impl Column {
    /// True for columns of text (id, name, kind, status, grade); the others hold numbers.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Column::Id
                | Column::Name
                | Column::Kind
                | Column::Group
                | Column::Status
                | Column::Grade
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

/// The header of the ranking group column (with ranking groups).
const GROUP: &str = "group";

/// The header of the index change column (with rounds).
const CHANGE: &str = "change";

/// One cell of the result table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text (ids, names, kinds, statuses, grade ids); `None` when absent.
    Text(Option<String>),
    /// An exact number; `None` when absent (an index where max is 0).
    Number(Option<Decimal>),
}

impl Cell {
    /// The cell as plain CSV text, spreadsheet-safe (text cells that would run as a formula are
    /// prefixed with `'`; numbers are written as they are, with a decimal point).
    pub fn csv_text(&self) -> String {
        self.csv_text_in(CsvStyle::Plain)
    }

    /// The cell as CSV text in a style: numbers with a decimal point (plain) or comma (Excel),
    /// never padded; text cells spreadsheet-safe in both.
    pub fn csv_text_in(&self, style: CsvStyle) -> String {
        match (self, style) {
            (Cell::Text(s), _) => spreadsheet_safe(s.as_deref().unwrap_or("")).into_owned(),
            (Cell::Number(d), CsvStyle::Plain) => d.map(number).unwrap_or_default(),
            (Cell::Number(d), CsvStyle::Excel) => d
                .map(|d| crate::i18n::number(d, 0, Lang::Vi))
                .unwrap_or_default(),
        }
    }
}

/// How CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum CsvStyle {
    /// For programs: `,` between fields, a decimal point, the machine column names (`id`,
    /// `total`, criterion ids), no byte-order mark.
    #[default]
    Plain,
    /// For Excel with Vietnamese regional settings: a UTF-8 byte-order mark, `;` between
    /// fields, a decimal comma, column headers in the language (`Mã`, `Tổng điểm`,
    /// `Tiêu chí 1.2`). Status and grade cells keep their machine values.
    Excel,
}

impl CsvStyle {
    /// The style people of a language expect by default: Excel for Vietnamese, plain for
    /// English.
    pub fn default_for(lang: Lang) -> CsvStyle {
        match lang {
            Lang::Vi => CsvStyle::Excel,
            Lang::En => CsvStyle::Plain,
        }
    }
}

/// The columns of a ruleset's result table: the fixed ones (`id`, `name`, `kind`, `status`,
/// `total`, `max`, `index`, `grade`); when the ruleset declares rounds, `total:<round>` and
/// `index:<round>` for each round in order, then `change` (the index's change from the first
/// present round); then one per criterion in pre-order, headed by its id (a criterion whose id
/// is also another column's name is headed `criterion <id>`).
#[derive(Debug, Clone)]
pub struct Columns {
    cols: Vec<(Column, String)>,
    /// The id of each criterion column's criterion, in order.
    criteria: Vec<String>,
    /// The label of each round, in order.
    rounds: Vec<String>,
}

impl Columns {
    fn of_plan(plan: Option<&Plan>) -> Self {
        let mut cols: Vec<(Column, String)> =
            FIXED.iter().map(|(c, h)| (*c, (*h).to_string())).collect();
        let mut criteria = Vec::new();
        let mut rounds = Vec::new();
        if let Some(plan) = plan {
            if !plan.groups.is_empty() {
                // After `kind`.
                cols.insert(3, (Column::Group, GROUP.to_string()));
            }
            for (k, r) in plan.rounds.iter().enumerate() {
                cols.push((Column::RoundTotal(k), format!("total:{}", r.id)));
                cols.push((Column::RoundIndex(k), format!("index:{}", r.id)));
                rounds.push(r.label.clone());
            }
            if !plan.rounds.is_empty() {
                cols.push((Column::Change, CHANGE.to_string()));
            }
            let taken: HashSet<String> = cols.iter().map(|(_, h)| h.clone()).collect();
            for (i, n) in plan.nodes.iter().enumerate() {
                let header = if taken.contains(n.id.as_str()) {
                    messages::criterion_column(&n.id)
                } else {
                    n.id.clone()
                };
                cols.push((Column::Criterion(i), header));
                criteria.push(n.id.clone());
            }
        }
        Columns {
            cols,
            criteria,
            rounds,
        }
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

    /// The headers for people in `lang` (the Excel-style CSV): the fixed columns' words, then
    /// `Tiêu chí <id>` per criterion.
    pub fn headers_in(&self, lang: Lang) -> Vec<String> {
        let mut criteria = self.criteria.iter();
        self.cols
            .iter()
            .map(|(c, h)| {
                let word = |h| messages::header(h, lang);
                match c {
                    Column::Id => word(Header::Id),
                    Column::Name => word(Header::Name),
                    Column::Kind => word(Header::Kind),
                    Column::Group => word(Header::Group),
                    Column::Status => word(Header::Status),
                    Column::Total => word(Header::Total),
                    Column::Max => word(Header::Max),
                    Column::Index => word(Header::Index),
                    Column::Grade => word(Header::Grade),
                    Column::Criterion(_) => criteria
                        .next()
                        .map(|id| messages::criterion_header(id, lang))
                        .unwrap_or_else(|| h.clone()),
                    Column::RoundTotal(k) | Column::RoundIndex(k) => self
                        .rounds
                        .get(*k)
                        .map(|l| {
                            messages::round_header(l, matches!(c, Column::RoundIndex(_)), lang)
                        })
                        .unwrap_or_else(|| h.clone()),
                    Column::Change => word(Header::Change),
                }
            })
            .collect()
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
        Column::Group => Cell::Text(
            r.plan
                .group_of(r.unit.kind.as_deref())
                .map(|g| r.plan.group_id(g).to_string()),
        ),
        Column::Status => Cell::Text(Some(r.status.as_str().to_string())),
        Column::Total => Cell::Number(Some(r.total)),
        Column::Max => Cell::Number(Some(r.max)),
        Column::Index => Cell::Number(r.index),
        Column::Grade => Cell::Text(r.grade().map(|g| g.id.to_string())),
        Column::Criterion(i) => Cell::Number(r.nodes.get(i).map(|n| n.points)),
        Column::RoundTotal(k) => Cell::Number(round_of(r, k).map(|x| x.total)),
        Column::RoundIndex(k) => Cell::Number(round_of(r, k).and_then(|x| x.index)),
        Column::Change => Cell::Number(index_change(r)),
    }
}

/// A result's figures in round `k` (an index into the ruleset's rounds), when present.
fn round_of(r: &UnitResult, k: usize) -> Option<&crate::result::RoundResult> {
    r.rounds().iter().find(|x| x.round == k)
}

/// The index of the last present round (the official one, or the one asked for) minus the
/// first present round's; `None` without declared rounds or where an index is absent.
pub(crate) fn index_change(r: &UnitResult) -> Option<Decimal> {
    if r.plan.rounds.is_empty() {
        return None;
    }
    let first = r.rounds().first()?.index?;
    let last = r.rounds().last()?.index?;
    last.checked_sub(first)
}

/// The rounds a table of these results shows: the declared rounds up to the latest one any
/// result shows (none without declared rounds).
pub(crate) fn shown_rounds<'a, R: std::borrow::Borrow<UnitResult>>(
    plan: &'a Plan,
    results: &[R],
) -> &'a [crate::plan::RoundDef] {
    let shown = results
        .iter()
        .filter_map(|r| {
            r.borrow()
                .rounds()
                .last()
                .map(|x| x.round.saturating_add(1))
        })
        .max()
        .unwrap_or(0)
        .min(plan.rounds.len());
    plan.rounds.get(..shown).unwrap_or(&[])
}

/// A CSV writer of result rows (header first), spreadsheet-safe.
pub(crate) struct CsvRows<W: Write> {
    cols: Columns,
    style: CsvStyle,
    out: csv::Writer<W>,
}

impl<W: Write> CsvRows<W> {
    /// Writes the byte-order mark (Excel style) and the header.
    pub(crate) fn new(
        cols: Columns,
        mut out: W,
        style: CsvStyle,
        lang: Lang,
    ) -> std::io::Result<Self> {
        let (delimiter, header) = match style {
            CsvStyle::Plain => (b',', cols.headers().into_iter().map(String::from).collect()),
            CsvStyle::Excel => {
                out.write_all("\u{feff}".as_bytes())?;
                (b';', cols.headers_in(lang))
            }
        };
        let mut out = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(out);
        let header: Vec<String> = header
            .iter()
            .map(|h: &String| spreadsheet_safe(h).into_owned())
            .collect();
        out.write_record(&header).map_err(std::io::Error::other)?;
        Ok(CsvRows { cols, style, out })
    }

    /// Writes one result's row.
    pub(crate) fn row(&mut self, r: &UnitResult) -> std::io::Result<()> {
        let row: Vec<String> = self
            .cols
            .row(r)
            .iter()
            .map(|c| c.csv_text_in(self.style))
            .collect();
        self.out.write_record(&row).map_err(std::io::Error::other)
    }

    /// Flushes the output.
    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Writes results as plain CSV: a header row, then a row per result in input order; text cells
/// are spreadsheet-safe.
///
/// # Errors
/// When writing fails.
pub fn write_csv<'a>(
    rs: &Ruleset,
    results: impl IntoIterator<Item = &'a UnitResult>,
    out: impl Write,
) -> std::io::Result<()> {
    write_csv_with(rs, results, CsvStyle::Plain, Lang::En, out)
}

/// Writes results as CSV in a style (headers of the Excel style in `lang`); text cells are
/// spreadsheet-safe in every style.
///
/// # Errors
/// When writing fails.
pub fn write_csv_with<'a>(
    rs: &Ruleset,
    results: impl IntoIterator<Item = &'a UnitResult>,
    style: CsvStyle,
    lang: Lang,
    out: impl Write,
) -> std::io::Result<()> {
    let mut w = CsvRows::new(Columns::for_ruleset(rs), out, style, lang)?;
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

/// The ranking table for a terminal: a title line (then the issuer, and the status unless the
/// ruleset is official), then every unit (ranked ones first, best
/// first; the others after, ranked `-`), with a kind column when the ranking is by kind, and a
/// last line counting the units and those ranked. Text
/// from the rule file and the data is terminal-safe; numbers are padded to the ruleset's
/// `rounding.places` with the language's decimal separator.
///
/// When the ruleset declares rounds, one column per round (the unit's index in it, headed by
/// the round's label, `—` where the unit does not give it) and the index's change follow the
/// grade. The columns stop at the latest round any unit shows: a batch scored as of a round
/// (`BatchOptions::as_of`) has no columns for the rounds after it.
pub fn text_table(rs: &Ruleset, batch: &BatchResult, lang: Lang) -> String {
    let places = rs.plan.places;
    let round_cols = shown_rounds(&rs.plan, &batch.results);
    let absent = messages::round_absent(lang);
    let none = messages::none(lang);
    let mut out = messages::ruleset_heading(
        &t(rs.title()),
        &t(rs.id()),
        &t(rs.version()),
        rs.fingerprint(),
        lang,
    );
    out.push('\n');
    for line in messages::ruleset_notes(&rs.plan, lang) {
        out.push_str(&t(&line));
        out.push('\n');
    }
    // The parameter values of the batch (format §18), under the title.
    let params = crate::parameters::listed(&rs.plan, rs.base.as_deref());
    if !params.is_empty() {
        let line = crate::msg!("ui-parameters", list = crate::inputs::list_arg(params));
        out.push_str(&t(&line.render(lang)));
        out.push('\n');
    }
    let mut ranked = vec![false; batch.results.len()];
    let mut rows: Vec<(String, &UnitResult)> = Vec::with_capacity(batch.results.len());
    // Ranked by the ruleset's groups: each group's label on a line before its first row
    // (`headings` holds the row index, 0 being the header row, and the line).
    let mut headings: Vec<(usize, String)> = Vec::new();
    let mut group: Option<usize> = None;
    for e in &batch.ranking {
        if let (Some(r), Some(seen)) = (batch.results.get(e.position), ranked.get_mut(e.position)) {
            if e.group.is_some() && e.group != group {
                group = e.group;
                let (_, label) = r.ranking_group(e.group.unwrap_or(0), lang);
                headings.push((rows.len() + 1, messages::group_heading(&t(&label), lang)));
            }
            *seen = true;
            rows.push((e.rank.to_string(), r));
        }
    }
    if group.is_some() && ranked.iter().any(|s| !s) {
        headings.push((rows.len() + 1, messages::unranked_heading(lang)));
    }
    for (r, seen) in batch.results.iter().zip(&ranked) {
        if !seen {
            rows.push((none.clone(), r));
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
    // Every row's cells, the header first; the last column (status) is not padded.
    let mut table: Vec<Vec<String>> = Vec::with_capacity(rows.len() + 1);
    let mut head = vec![
        messages::header(Header::Rank, lang),
        messages::header(Header::Unit, lang),
    ];
    if batch.grouped {
        head.push(messages::header(Header::Kind, lang));
    }
    for h in [Header::Total, Header::Max, Header::Index, Header::Grade] {
        head.push(messages::header(h, lang));
    }
    for r in round_cols {
        head.push(t(&r.label).into_owned());
    }
    if !round_cols.is_empty() {
        head.push(messages::header(Header::Change, lang));
    }
    head.push(messages::header(Header::Status, lang));
    table.push(head);
    for (rank, r) in &rows {
        let mut line = vec![rank.clone(), name_of(r)];
        if batch.grouped {
            line.push(t(r.unit.kind.as_deref().unwrap_or(&none)).into_owned());
        }
        let grade = r
            .grade()
            .map(|g| t(g.label).into_owned())
            .unwrap_or_else(|| none.clone());
        line.extend([
            text_number(r.total, places, lang),
            text_number(r.max, places, lang),
            opt_number(r.index, places, lang),
            grade,
        ]);
        for k in 0..round_cols.len() {
            line.push(match round_of(r, k) {
                Some(x) => opt_number(x.index, places, lang),
                None => absent.clone(),
            });
        }
        if !round_cols.is_empty() {
            line.push(
                index_change(r)
                    .map(|d| messages::signed(d, places, lang))
                    .unwrap_or_else(|| none.clone()),
            );
        }
        line.push(messages::unit_status(r.status, lang));
        table.push(line);
    }
    // Minimum widths: today's layout (rank 4, unit 4, kind 10, total 8, max 6, index 7,
    // grade 12).
    let mut mins = vec![4, 4];
    if batch.grouped {
        mins.push(10);
    }
    mins.extend([8, 6, 7, 12]);
    mins.extend(std::iter::repeat_n(0, round_cols.len()));
    if !round_cols.is_empty() {
        mins.push(0);
    }
    mins.push(0);
    let widths: Vec<usize> = mins
        .iter()
        .enumerate()
        .map(|(i, min)| {
            table
                .iter()
                .filter_map(|row| row.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
                .max(*min)
        })
        .collect();
    let last = widths.len().saturating_sub(1);
    let mut headings = headings.into_iter().peekable();
    for (k, row) in table.iter().enumerate() {
        if let Some((_, h)) = headings.next_if(|(at, _)| *at == k) {
            out.push_str(&h);
            out.push('\n');
        }
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            if i == last {
                line.push_str(cell);
            } else {
                line.push_str(&pad(cell, *w));
                line.push_str("  ");
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&messages::batch_caption(
        batch.results.len(),
        batch.ranking.len(),
        batch.grouped,
        group.is_some(),
        lang,
    ));
    out.push('\n');
    out
}
