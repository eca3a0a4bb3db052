//! Workbooks written with rust_xlsxwriter: the results of a batch ([`results_workbook`]) and
//! the data-entry template of a ruleset ([`template_workbook`]). One layout, used by the CLI
//! (`--format xlsx`, `cchc template`) and Python (`Batch.to_excel`, `Ruleset.template_excel`).
//!
//! Every sheet starts with the ruleset's block (rows 1–3: title, version and fingerprint, the
//! ruleset's status note when it is not official), a caption in row 4, and its table's header
//! in row 5 ([`TABLE_ROW`], frozen). Numbers are written as numbers (an exact decimal becomes
//! the double of its shortest text, as Excel holds every number) in the format `0.00`.

mod template;

pub use template::template_workbook;

use std::collections::HashSet;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::messages::{self, Header, Severity};
use crate::i18n::Lang;
use crate::msg;
use crate::plan::Plan;
use crate::result::{BatchResult, RankEntry, UnitResult};
use crate::ruleset::Ruleset;
use crate::types::NodeStatus;

/// The row (from 0) of every table's header: rows 0–3 hold the ruleset's block and a caption.
pub const TABLE_ROW: u32 = 4;

/// Most characters in a sheet name (Excel's).
const SHEET_NAME_CHARS: usize = 31;

/// Widest column, in characters.
const MAX_WIDTH: usize = 60;

/// Why a workbook could not be written (the writer's own error: it does not happen for
/// the workbooks written here, short of memory).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WorkbookError(String);

impl From<XlsxError> for WorkbookError {
    fn from(e: XlsxError) -> Self {
        WorkbookError(e.to_string())
    }
}

impl From<WorkbookError> for std::io::Error {
    fn from(e: WorkbookError) -> Self {
        std::io::Error::other(e.0)
    }
}

/// The formats of a workbook.
pub(crate) struct Formats {
    pub(crate) title: Format,
    pub(crate) header: Format,
    pub(crate) number: Format,
    pub(crate) number_bold: Format,
    pub(crate) bold: Format,
    pub(crate) wrap: Format,
    pub(crate) warn: Format,
}

impl Formats {
    pub(crate) fn new() -> Formats {
        let number = Format::new().set_num_format("0.00");
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("DDEBF7")
                .set_border(rust_xlsxwriter::FormatBorder::Thin),
            number_bold: number.clone().set_bold(),
            number,
            bold: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            warn: Format::new().set_bold().set_font_color("C00000"),
        }
    }
}

/// A decimal as the number Excel holds: the double nearest to its text (no arithmetic on
/// binary floats; the conversion is the one any reader of the text makes).
pub(crate) fn excel_number(d: Decimal) -> f64 {
    d.normalize().to_string().parse::<f64>().unwrap_or_default()
}

/// Column widths that fit their longest text (in characters), at most [`MAX_WIDTH`].
pub(crate) struct Widths(Vec<usize>);

impl Widths {
    pub(crate) fn new() -> Widths {
        Widths(Vec::new())
    }

    /// Notes a text in column `col` (its longest line counts).
    pub(crate) fn note(&mut self, col: u16, text: &str) {
        let n = text
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
            .min(MAX_WIDTH);
        let i = usize::from(col);
        if self.0.len() <= i {
            self.0.resize(i + 1, 0);
        }
        if let Some(w) = self.0.get_mut(i) {
            *w = (*w).max(n);
        }
    }

    pub(crate) fn apply(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        for (i, w) in self.0.iter().enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            let chars = u32::try_from((*w).max(6) + 2).unwrap_or(12);
            ws.set_column_width(col, f64::from(chars))?;
        }
        Ok(())
    }
}

/// Writes the ruleset's block (rows 0–2) and the sheet's caption (row 3).
pub(crate) fn ruleset_block(
    ws: &mut Worksheet,
    plan: &Plan,
    caption: &str,
    f: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, 0, &plan.title, &f.title)?;
    ws.write_string(
        1,
        0,
        msg!(
            "xlsx-ruleset-line",
            id = plan.id.as_str(),
            version = plan.version.as_str(),
            fingerprint = plan.fingerprint.as_str()
        )
        .render(lang),
    )?;
    let notes = messages::ruleset_notes(plan, lang);
    if !notes.is_empty() {
        ws.write_string_with_format(2, 0, notes.join(" · "), &f.warn)?;
    }
    if !caption.is_empty() {
        ws.write_string_with_format(3, 0, caption, &f.bold)?;
    }
    Ok(())
}

/// Writes a table's header row at [`TABLE_ROW`] and freezes the rows above and it.
pub(crate) fn table_header(
    ws: &mut Worksheet,
    headers: &[String],
    widths: &mut Widths,
    f: &Formats,
    freeze_cols: u16,
) -> Result<(), XlsxError> {
    for (c, h) in headers.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(TABLE_ROW, c, h, &f.header)?;
        // A header may wrap: half its length is enough.
        widths.note(
            c,
            &h.chars()
                .take(h.chars().count().div_ceil(2).max(8))
                .collect::<String>(),
        );
    }
    ws.set_freeze_panes(TABLE_ROW + 1, freeze_cols)?;
    Ok(())
}

/// Excel's sheet names: at most 31 characters, none of `[]:*?/\`, not starting or ending
/// with `'`, unique without regard to case. Each name is made so from a wish (a unit's id).
struct SheetNames {
    taken: HashSet<String>,
}

impl SheetNames {
    fn new() -> SheetNames {
        SheetNames {
            taken: HashSet::new(),
        }
    }

    fn key(name: &str) -> String {
        crate::text::nfc_cow(name).to_lowercase()
    }

    /// Takes `name` as it is (the fixed sheets).
    fn reserve(&mut self, name: &str) {
        self.taken.insert(Self::key(name));
    }

    /// A free, Excel-safe name made from `wish`, `fallback` when nothing is left of it.
    fn make(&mut self, wish: &str, fallback: &str) -> String {
        let clean: String = wish
            .chars()
            .map(|c| {
                if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let clean = clean.trim().trim_matches('\'').trim();
        let base: String = if clean.is_empty() || Self::key(clean) == "history" {
            fallback.to_string()
        } else {
            clean.to_string()
        };
        let base: String = base.chars().take(SHEET_NAME_CHARS).collect();
        let mut name = base.clone();
        let mut n = 2u64;
        while self.taken.contains(&Self::key(&name)) {
            let suffix = format!("~{n}");
            let keep = SHEET_NAME_CHARS.saturating_sub(suffix.chars().count());
            let head: String = base.chars().take(keep).collect();
            name = format!("{}{suffix}", head.trim_end_matches('\''));
            n += 1;
        }
        self.taken.insert(Self::key(&name));
        name
    }
}

/// The top-level criteria (lĩnh vực) of a plan, by node index.
fn areas(plan: &Plan) -> Vec<usize> {
    plan.roots.clone()
}

/// The results workbook of a batch: sheet "Xếp hạng" (rank, unit, index, grade, status, each
/// area's points), sheet "Tổng hợp" (a row per unit: its figures and every criterion's
/// points) and a sheet per unit in the appendix layout (STT | criterion | max | one column per
/// round | change | evidence | notes). Headers and words in `lang`.
///
/// # Errors
/// The writer's error (which does not happen for these workbooks, short of memory).
pub fn results_workbook(
    rs: &Ruleset,
    batch: &BatchResult,
    lang: Lang,
) -> Result<Vec<u8>, WorkbookError> {
    let results: Vec<&UnitResult> = batch.results.iter().collect();
    let view = Results {
        results: &results,
        ranking: &batch.ranking,
        grouped: batch.grouped,
    };
    write_results(&rs.plan, &view, lang)
}

/// [`results_workbook`] from the results of a batch held elsewhere (a binding's): `None` when
/// there are none (the ruleset is known through them).
///
/// # Errors
/// As [`results_workbook`].
pub fn results_workbook_of(
    results: &[&UnitResult],
    ranking: &[RankEntry],
    grouped: bool,
    lang: Lang,
) -> Result<Option<Vec<u8>>, WorkbookError> {
    let Some(first) = results.first() else {
        return Ok(None);
    };
    let plan = std::sync::Arc::clone(&first.plan);
    let view = Results {
        results,
        ranking,
        grouped,
    };
    write_results(&plan, &view, lang).map(Some)
}

/// A batch's results and ranking, wherever they are held.
struct Results<'a> {
    results: &'a [&'a UnitResult],
    ranking: &'a [RankEntry],
    grouped: bool,
}

fn write_results(plan: &Plan, batch: &Results<'_>, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    let mut names = SheetNames::new();
    let ranking_name = msg!("xlsx-sheet-ranking").render(lang);
    let summary_name = msg!("xlsx-sheet-summary").render(lang);
    names.reserve(&ranking_name);
    names.reserve(&summary_name);
    ranking_sheet(
        wb.add_worksheet().set_name(&ranking_name)?,
        plan,
        batch,
        &f,
        lang,
    )?;
    summary_sheet(
        wb.add_worksheet().set_name(&summary_name)?,
        plan,
        batch,
        &f,
        lang,
    )?;
    for (k, r) in batch.results.iter().enumerate() {
        let fallback = msg!("xlsx-sheet-unit", n = k + 1).render(lang);
        let wish = r.unit.id.as_deref().unwrap_or(&fallback);
        let name = names.make(wish, &fallback);
        unit_sheet(wb.add_worksheet().set_name(name)?, plan, r, &f, lang)?;
    }
    Ok(wb.save_to_buffer()?)
}

fn write_opt_number(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    d: Option<Decimal>,
    format: &Format,
) -> Result<(), XlsxError> {
    if let Some(d) = d {
        ws.write_number_with_format(row, col, excel_number(d), format)?;
    }
    Ok(())
}

fn ranking_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    batch: &Results<'_>,
    f: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    let ranked = batch.ranking.len();
    let caption = messages::batch_caption(
        batch.results.len(),
        ranked,
        batch.grouped,
        batch.ranking.iter().any(|e| e.group.is_some()),
        lang,
    );
    ruleset_block(ws, plan, &caption, f, lang)?;
    let areas = areas(plan);
    let mut headers = vec![
        messages::header(Header::Rank, lang),
        messages::header(Header::Id, lang),
        messages::header(Header::Name, lang),
        messages::header(Header::Kind, lang),
        messages::header(Header::Index, lang),
        messages::header(Header::Grade, lang),
        messages::header(Header::Status, lang),
    ];
    let fixed = u16::try_from(headers.len()).unwrap_or(u16::MAX);
    for &a in &areas {
        if let Some(n) = plan.nodes.get(a) {
            headers.push(format!("{} {}", n.id, n.title));
        }
    }
    let mut widths = Widths::new();
    table_header(ws, &headers, &mut widths, f, 3)?;
    // Ranked units in rank order, then the others in batch order.
    let mut order: Vec<(Option<u32>, usize)> = batch
        .ranking
        .iter()
        .map(|e| (Some(e.rank), e.position))
        .collect();
    let ranked_set: HashSet<usize> = batch.ranking.iter().map(|e| e.position).collect();
    order.extend(
        (0..batch.results.len())
            .filter(|p| !ranked_set.contains(p))
            .map(|p| (None, p)),
    );
    let mut row = TABLE_ROW + 1;
    for (rank, p) in order {
        let Some(r) = batch.results.get(p) else {
            continue;
        };
        if let Some(rank) = rank {
            ws.write_number(row, 0, f64::from(rank))?;
        }
        let texts = [
            (1, r.unit.id.as_deref().unwrap_or("")),
            (2, r.unit.name.as_deref().unwrap_or("")),
            (3, r.unit.kind.as_deref().unwrap_or("")),
            (5, r.grade().map_or("", |g| g.label)),
        ];
        for (c, t) in texts {
            if !t.is_empty() {
                ws.write_string(row, c, t)?;
                widths.note(c, t);
            }
        }
        write_opt_number(ws, row, 4, r.index, &f.number)?;
        let status = messages::unit_status(r.status, lang);
        widths.note(6, &status);
        ws.write_string(row, 6, status)?;
        for (k, &a) in areas.iter().enumerate() {
            let c = fixed.saturating_add(u16::try_from(k).unwrap_or(u16::MAX));
            write_opt_number(ws, row, c, r.nodes.get(a).map(|n| n.points), &f.number)?;
        }
        row += 1;
    }
    widths.apply(ws)?;
    Ok(())
}

fn summary_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    batch: &Results<'_>,
    f: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ruleset_block(ws, plan, "", f, lang)?;
    let mut headers = vec![
        messages::header(Header::Id, lang),
        messages::header(Header::Name, lang),
        messages::header(Header::Kind, lang),
        messages::header(Header::Status, lang),
        messages::header(Header::Total, lang),
        messages::header(Header::Max, lang),
        messages::header(Header::Index, lang),
        messages::header(Header::Grade, lang),
    ];
    let fixed = u16::try_from(headers.len()).unwrap_or(u16::MAX);
    headers.extend(plan.nodes.iter().map(|n| format!("{} {}", n.id, n.title)));
    let mut widths = Widths::new();
    table_header(ws, &headers, &mut widths, f, 2)?;
    for (row, r) in (TABLE_ROW + 1..).zip(batch.results.iter()) {
        let status = messages::unit_status(r.status, lang);
        let texts = [
            (0, r.unit.id.as_deref().unwrap_or("")),
            (1, r.unit.name.as_deref().unwrap_or("")),
            (2, r.unit.kind.as_deref().unwrap_or("")),
            (3, status.as_str()),
            (7, r.grade().map_or("", |g| g.label)),
        ];
        for (c, t) in texts {
            if !t.is_empty() {
                ws.write_string(row, c, t)?;
                widths.note(c, t);
            }
        }
        write_opt_number(ws, row, 4, Some(r.total), &f.number)?;
        write_opt_number(ws, row, 5, Some(r.max), &f.number)?;
        write_opt_number(ws, row, 6, r.index, &f.number)?;
        for (i, n) in r.nodes.iter().enumerate() {
            let c = fixed.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
            let bold = plan.nodes.get(i).is_some_and(|p| p.depth == 1);
            let fmt = if bold { &f.number_bold } else { &f.number };
            write_opt_number(ws, row, c, Some(n.points), fmt)?;
        }
    }
    widths.apply(ws)?;
    Ok(())
}

/// One unit's sheet in the appendix layout.
fn unit_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    r: &UnitResult,
    f: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut caption = messages::unit_label(r.unit.name.as_deref(), r.unit.id.as_deref(), lang);
    caption.push_str(" — ");
    caption.push_str(
        &msg!(
            "xlsx-unit-caption",
            status = messages::unit_status(r.status, lang),
            index = super::opt_number(r.index, plan.places, lang),
            grade = r
                .grade()
                .map_or_else(|| messages::none(lang), |g| g.label.to_string())
        )
        .render(lang),
    );
    ruleset_block(ws, plan, &caption, f, lang)?;
    // The round columns: the ruleset's rounds (a round the unit does not give stays empty),
    // or one "points" column.
    let rounds: Vec<String> = if plan.rounds.is_empty() {
        vec![messages::header(Header::Points, lang)]
    } else {
        plan.rounds.iter().map(|d| d.label.clone()).collect()
    };
    let with_change = plan.rounds.len() >= 2;
    let mut headers = vec![
        msg!("xlsx-col-number").render(lang),
        msg!("xlsx-col-criterion").render(lang),
        msg!("xlsx-col-max").render(lang),
    ];
    headers.extend(rounds.iter().cloned());
    if with_change {
        headers.push(messages::header(Header::Change, lang));
    }
    headers.push(msg!("xlsx-col-evidence").render(lang));
    headers.push(msg!("xlsx-col-notes").render(lang));
    let first_round_col: u16 = 3;
    let n_rounds = u16::try_from(rounds.len()).unwrap_or(u16::MAX);
    let change_col = first_round_col.saturating_add(n_rounds);
    let evidence_col = change_col.saturating_add(u16::from(with_change));
    let notes_col = evidence_col.saturating_add(1);
    let mut widths = Widths::new();
    table_header(ws, &headers, &mut widths, f, 2)?;
    let mut row = TABLE_ROW + 1;
    for (i, (node, res)) in plan.nodes.iter().zip(r.nodes.iter()).enumerate() {
        let area = node.depth == 1;
        let (text_fmt, num_fmt) = if area {
            (f.bold.clone(), &f.number_bold)
        } else {
            (
                Format::new().set_indent(u8::try_from(node.depth.saturating_sub(1)).unwrap_or(7)),
                &f.number,
            )
        };
        ws.write_string_with_format(row, 0, &node.id, &text_fmt)?;
        widths.note(0, &node.id);
        ws.write_string_with_format(row, 1, &node.title, &text_fmt.clone().set_text_wrap())?;
        widths.note(1, &format!("{}{}", "  ".repeat(node.depth), node.title));
        ws.write_number_with_format(row, 2, excel_number(node.max), num_fmt)?;
        if plan.rounds.is_empty() {
            ws.write_number_with_format(row, first_round_col, excel_number(res.points), num_fmt)?;
        } else {
            for rr in r.rounds() {
                let Some(c) = u16::try_from(rr.round)
                    .ok()
                    .map(|k| first_round_col.saturating_add(k))
                else {
                    continue;
                };
                write_opt_number(ws, row, c, rr.points.get(i).copied(), num_fmt)?;
            }
        }
        if with_change {
            write_opt_number(ws, row, change_col, r.change(i), num_fmt)?;
        }
        let evidence = r.evidence(i).join("\n");
        if !evidence.is_empty() {
            ws.write_string_with_format(row, evidence_col, &evidence, &f.wrap)?;
            widths.note(evidence_col, &evidence);
        }
        let mut notes: Vec<String> = Vec::new();
        if res.status != NodeStatus::Scored {
            notes.push(messages::node_status(res.status, lang));
        }
        for (round, text) in r.notes(i) {
            match plan.rounds.get(round) {
                Some(d) => notes.push(format!("{}: {text}", d.label)),
                None => notes.push(text.to_string()),
            }
        }
        if let Some(e) = r.explanation(i) {
            notes.push(e.to_string());
        }
        if !notes.is_empty() {
            let text = notes.join("\n");
            ws.write_string_with_format(row, notes_col, &text, &f.wrap)?;
            widths.note(notes_col, &text);
        }
        row += 1;
    }
    // The unit's problems under the table.
    let problems: Vec<String> = r
        .errors
        .iter()
        .map(|e| (Severity::Error, e))
        .chain(r.warnings.iter().map(|w| (Severity::Warning, w)))
        .map(|(s, e)| {
            let mut text = e.message.render(lang);
            if let Some(h) = &e.help {
                text.push(' ');
                text.push_str(&h.render(lang));
            }
            messages::issue(s, e.code.as_str(), e.criterion.as_deref(), &text, lang)
        })
        .collect();
    if !problems.is_empty() {
        row += 1;
        ws.write_string_with_format(row, 0, msg!("xlsx-problems").render(lang), &f.warn)?;
        for p in problems {
            row += 1;
            ws.write_string(row, 0, &p)?;
        }
    }
    widths.apply(ws)?;
    Ok(())
}

#[cfg(test)]
mod tests;
