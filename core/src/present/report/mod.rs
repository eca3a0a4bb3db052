//! The printable report (core feature `report`): one self-contained HTML5 file — inline CSS,
//! inline SVG charts drawn by the `svg` module, no script, no network — with print CSS for A4.
//!
//! Contents: a cover (the ruleset's title, id, version, issuer, fingerprint, the round shown,
//! the report's date and, for an illustrative ruleset, its label — repeated in the running
//! header of every printed page and on every unit's page), the ranking table and a bar chart of
//! the index coloured by grade, the grade distribution, the units not ranked with their
//! reasons, then a page per unit: its figures, an area profile chart (% of each area's max),
//! the criteria table (points per round where the ruleset declares rounds, change, why,
//! evidence, notes) and its errors and warnings.
//!
//! Every text comes from the catalogue (`report.ftl`, and the presentation's `ui.ftl`) in the
//! language asked for; every text from a rule file or data is escaped; the output depends only
//! on the results and the options (the date is passed in), so it is deterministic.
//!
//! ```
//! use cchc::present::report::{ReportOptions, report_html};
//! let rs = cchc::Ruleset::from_yaml_str(
//!     "format: cchc/1\nid: d\nversion: '1'\ntitle: T\ntotal: 1\ninputs:\n  kh: { type: bool }\ncriteria:\n  - { id: '1', title: Kế hoạch, max: 1, rule: { check: kh } }\n",
//!     "d.yaml",
//! ).unwrap();
//! let units = cchc::read_units("id;kh\na;có\n", cchc::DataFormat::Csv, "d.csv").unwrap();
//! let batch = rs.score_batch(&units);
//! let html = report_html(&rs, &batch, &ReportOptions::new(cchc::Lang::Vi, "2026-12-01"));
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains("Ngày lập báo cáo: 2026-12-01"));
//! ```

mod svg;

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::messages::{self, Header, Severity, header};
use super::text_number;
use crate::error::Issue;
use crate::i18n::Lang;
use crate::msg;
use crate::plan::Plan;
use crate::result::{BatchResult, RankEntry, UnitResult};
use crate::ruleset::Ruleset;
use crate::types::{NodeKind, RulesetStatus, UnitStatus};
use svg::{Anchor, Svg, scale};

/// Most bars of the ranking chart (the first ranked units); the ranking table lists them all.
pub const MAX_CHART_BARS: usize = 60;

/// Most problems listed as the reasons of a unit not ranked (the rest are counted).
const MAX_REASONS: usize = 5;

/// Most characters of a unit's or an area's name beside a bar (longer names end with `…`).
const MAX_BAR_LABEL: usize = 40;

/// The colour of each grade, by its place in the ruleset's `grades:` (the best first), cycled
/// beyond six grades; [`NO_GRADE`] for a unit without a grade.
const PALETTE: [&str; 6] = [
    "#1a7f37", "#2f81c7", "#8e6cc4", "#d08700", "#cf4a1b", "#7a5b4c",
];

/// The colour of a bar without a grade (and of the area profile's bars).
const NO_GRADE: &str = "#8c959f";

/// The colour of an area's bar.
const AREA: &str = "#2f6f9f";

/// What a report shows besides the results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// Language of every text.
    pub lang: Lang,
    /// The date printed on the cover and on every page (as given: e.g. `2026-12-01`; see
    /// [`today`]).
    pub date: String,
    /// The round the batch was scored as of (an index into [`Ruleset::rounds`]), shown on the
    /// cover; `None`: each unit's last (official) round.
    pub round: Option<usize>,
}

impl ReportOptions {
    /// Options for a report in `lang` dated `date`, of each unit's official round.
    pub fn new(lang: Lang, date: impl Into<String>) -> Self {
        ReportOptions {
            lang,
            date: date.into(),
            round: None,
        }
    }

    /// The round the batch was scored as of.
    #[must_use]
    pub fn round(mut self, round: Option<usize>) -> Self {
        self.round = round;
        self
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`, the default date of a report.
pub fn today() -> String {
    let secs = web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    date_of_day(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// The civil date (proleptic Gregorian) of a day counted from 1970-01-01, as `YYYY-MM-DD`
/// (H. Hinnant's `civil_from_days`).
fn date_of_day(days: i64) -> String {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe.saturating_add(era.saturating_mul(400));
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y.saturating_add(1) } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

/// A report shown in a notebook: an `<iframe srcdoc>` holding it, so that its CSS does not
/// reach the notebook's page.
pub fn notebook_frame(html: &str, lang: Lang) -> String {
    format!(
        "<iframe srcdoc=\"{}\" title=\"{}\" style=\"width:100%;height:640px;border:1px solid #d0d7de\"></iframe>",
        escape(html),
        escape(&msg!("report-title").render(lang))
    )
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text cut to `max` characters, ending with `…` when cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The colour of grade `g` (an index into the ruleset's grades).
fn grade_colour(g: Option<usize>) -> &'static str {
    match g {
        Some(g) => PALETTE.get(g % PALETTE.len()).copied().unwrap_or(NO_GRADE),
        None => NO_GRADE,
    }
}

/// A whole number as a decimal.
fn dec(n: usize) -> Decimal {
    Decimal::from(u64::try_from(n).unwrap_or(u64::MAX))
}

const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #1f2328; margin: 0 auto; max-width: 190mm; padding: 8mm 0; background: #fff; }
h1 { font-size: 20pt; margin: 0 0 6mm; }
h2 { font-size: 14pt; margin: 0 0 3mm; border-bottom: 1px solid #d0d7de; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 1px solid #d0d7de; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #f3f5f7; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.area td { font-weight: 600; background: #f8f9fa; }
.cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover p { margin: 1.5mm 0; }
.cover .fingerprint { font-family: "Noto Sans Mono", Consolas, "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; }
.illustrative { color: #9a3412; font-weight: 700; border: 1.5px solid #9a3412; padding: 1.5mm 3mm; display: inline-block; }
.page { break-before: page; page-break-before: always; padding-top: 2mm; }
.running { display: none; }
.figures td { width: 25%; }
.chart { max-width: 100%; height: auto; display: block; margin: 2mm 0 4mm; }
.chart text { font-size: 11px; font-family: inherit; fill: #1f2328; }
.legend span { display: inline-block; margin-right: 4mm; }
.legend i { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm; vertical-align: middle; }
.problems li { margin: 0.5mm 0; }
code { font-family: "Noto Sans Mono", Consolas, "DejaVu Sans Mono", monospace; font-size: 9pt; }
.muted { color: #57606a; }
@page { size: A4; margin: 16mm 12mm 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; }
  .running { display: block; position: fixed; top: -10mm; left: 0; right: 0; font-size: 8pt; color: #57606a; text-align: right; }
  .chart { break-inside: avoid; page-break-inside: avoid; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .chart, .legend i, tr.area td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The printable report of a scored batch (see the module's documentation). `rs` is the
/// ruleset the batch was scored with (its title, fingerprint and rounds are on the cover even
/// when the batch is empty).
pub fn report_html(rs: &Ruleset, batch: &BatchResult, opts: &ReportOptions) -> String {
    report_html_of(rs, &batch.results, &batch.ranking, opts)
}

/// The results of a batch (in input order) and their ranking, as the report reads them.
struct Batch<'a> {
    results: Vec<&'a UnitResult>,
    ranking: &'a [RankEntry],
}

/// [`report_html`] of results and a ranking held apart (as the Python binding holds them).
pub fn report_html_of<R: std::borrow::Borrow<UnitResult>>(
    rs: &Ruleset,
    results: &[R],
    ranking: &[RankEntry],
    opts: &ReportOptions,
) -> String {
    let batch = &Batch {
        results: results.iter().map(std::borrow::Borrow::borrow).collect(),
        ranking,
    };
    let plan: &Plan = &rs.plan;
    let lang = opts.lang;
    let title = msg!("report-title").render(lang);
    let mut rank_of = vec![None; batch.results.len()];
    for e in batch.ranking {
        if let Some(slot) = rank_of.get_mut(e.position) {
            *slot = Some(e.rank);
        }
    }
    let mut h = String::with_capacity(16 * 1024 + batch.results.len().saturating_mul(8 * 1024));
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} — {}</title><style>{CSS}</style></head><body>\n",
        lang.as_str(),
        escape(&title),
        escape(&plan.title)
    );
    running_head(&mut h, plan, opts);
    cover(&mut h, plan, batch, opts, &title);
    ranking_section(&mut h, plan, batch, lang);
    for (r, rank) in batch.results.iter().copied().zip(&rank_of) {
        unit_page(&mut h, r, *rank, lang);
    }
    h.push_str("</body></html>\n");
    h
}

/// The header of every printed page (the title, the date, the illustrative label).
fn running_head(h: &mut String, plan: &Plan, opts: &ReportOptions) {
    let mut text = msg!(
        "report-running-head",
        title = plan.title.as_str(),
        date = opts.date.as_str()
    )
    .render(opts.lang);
    if plan.status == RulesetStatus::Illustrative {
        text.push_str(" · ");
        text.push_str(&msg!("ui-ruleset-illustrative").render(opts.lang));
    }
    let _ = writeln!(h, "<div class=\"running\">{}</div>", escape(&text));
}

/// The illustrative label, as a paragraph, when the ruleset's status is illustrative.
fn illustrative(h: &mut String, plan: &Plan, lang: Lang) {
    if plan.status == RulesetStatus::Illustrative {
        let _ = write!(
            h,
            "<p class=\"illustrative\">{}</p>",
            escape(&msg!("ui-ruleset-illustrative").render(lang))
        );
    }
}

fn para(h: &mut String, class: &str, text: &str) {
    if class.is_empty() {
        let _ = write!(h, "<p>{}</p>", escape(text));
    } else {
        let _ = write!(h, "<p class=\"{class}\">{}</p>", escape(text));
    }
}

fn cover(h: &mut String, plan: &Plan, batch: &Batch<'_>, opts: &ReportOptions, title: &str) {
    let lang = opts.lang;
    let _ = write!(h, "<section class=\"cover\"><h1>{}</h1>", escape(title));
    illustrative(h, plan, lang);
    para(
        h,
        "",
        &msg!("report-cover-ruleset", title = plan.title.as_str()).render(lang),
    );
    para(
        h,
        "",
        &msg!(
            "report-cover-id",
            id = plan.id.as_str(),
            version = plan.version.as_str()
        )
        .render(lang),
    );
    for line in messages::ruleset_notes(plan, lang) {
        // The illustrative label is shown above, in its own box.
        if plan.status != RulesetStatus::Illustrative
            || line != msg!("ui-ruleset-illustrative").render(lang)
        {
            para(h, "", &line);
        }
    }
    para(
        h,
        "fingerprint",
        &msg!(
            "report-cover-fingerprint",
            fingerprint = plan.fingerprint.as_str()
        )
        .render(lang),
    );
    if !plan.rounds.is_empty() {
        let line = match opts.round.and_then(|k| plan.rounds.get(k)) {
            Some(d) => msg!("report-cover-round", round = d.label.as_str()),
            None => msg!("report-cover-round-official"),
        };
        para(h, "", &line.render(lang));
    }
    para(
        h,
        "",
        &msg!(
            "report-cover-units",
            units = batch.results.len(),
            ranked = batch.ranking.len()
        )
        .render(lang),
    );
    para(
        h,
        "",
        &msg!("report-cover-date", date = opts.date.as_str()).render(lang),
    );
    h.push_str("</section>\n");
}

fn unit_name(r: &UnitResult, lang: Lang) -> String {
    messages::unit_label(r.unit.name.as_deref(), r.unit.id.as_deref(), lang)
}

/// The ranking table, its chart, the grade distribution and the units not ranked.
fn ranking_section(h: &mut String, plan: &Plan, batch: &Batch<'_>, lang: Lang) {
    let places = plan.places;
    let _ = write!(
        h,
        "<section class=\"page ranking\"><h2>{}</h2>",
        escape(&msg!("report-ranking").render(lang))
    );
    illustrative(h, plan, lang);
    if batch.ranking.is_empty() {
        para(h, "muted", &msg!("report-no-ranked").render(lang));
    } else {
        let _ = write!(
            h,
            "<table class=\"ranking-table\"><thead><tr><th class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            escape(&header(Header::Rank, lang)),
            escape(&header(Header::Unit, lang)),
            escape(&header(Header::Total, lang)),
            escape(&header(Header::Index, lang)),
            escape(&header(Header::Grade, lang)),
            escape(&header(Header::Status, lang)),
        );
        for e in batch.ranking {
            let Some(r) = batch.results.get(e.position) else {
                continue;
            };
            let _ = write!(
                h,
                "<tr class=\"rank-row\"><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                e.rank,
                escape(&unit_name(r, lang)),
                text_number(r.total, places, lang),
                r.index
                    .map(|i| text_number(i, places, lang))
                    .unwrap_or_else(|| messages::none(lang)),
                r.grade().map(|g| escape(g.label)).unwrap_or_default(),
                escape(&messages::unit_status(r.status, lang)),
            );
        }
        h.push_str("</tbody></table>");
        let _ = write!(
            h,
            "<h3>{}</h3>",
            escape(&msg!("report-ranking-chart").render(lang))
        );
        ranking_chart(h, plan, batch, lang);
        legend(h, plan, lang);
    }
    let _ = write!(
        h,
        "<h3>{}</h3>",
        escape(&msg!("report-grades").render(lang))
    );
    grades(h, plan, batch, lang);
    not_ranked(h, batch, lang);
    h.push_str("</section>\n");
}

/// Horizontal bars of the index of the first [`MAX_CHART_BARS`] ranked units, coloured by
/// grade, on a 0–100 axis.
fn ranking_chart(h: &mut String, plan: &Plan, batch: &Batch<'_>, lang: Lang) {
    let bars: Vec<(u32, &UnitResult)> = batch
        .ranking
        .iter()
        .filter_map(|e| batch.results.get(e.position).map(|r| (e.rank, *r)))
        .take(MAX_CHART_BARS)
        .collect();
    let (label_w, bar_w, value_w) = (Decimal::from(250), Decimal::from(360), Decimal::from(60));
    let row = Decimal::from(20);
    let top = Decimal::from(8);
    let axis = Decimal::from(22);
    let rows = dec(bars.len()).checked_mul(row).unwrap_or(Decimal::ZERO);
    let height = top + rows + axis;
    let width = label_w + bar_w + value_w;
    let hundred = Decimal::ONE_HUNDRED;
    let mut s = Svg::new(width, height, &msg!("report-ranking-chart").render(lang));
    for tick in [0u32, 25, 50, 75, 100] {
        let x = label_w + scale(Decimal::from(tick), hundred, bar_w);
        s.line((x, top), (x, top + rows), "#d0d7de");
        s.text(
            x,
            top + rows + Decimal::from(15),
            Anchor::Middle,
            &tick.to_string(),
        );
    }
    for (k, (rank, r)) in bars.iter().enumerate() {
        let y = top + dec(k).checked_mul(row).unwrap_or(Decimal::ZERO);
        let name = format!("{rank}. {}", clip(&unit_name(r, lang), MAX_BAR_LABEL));
        s.text(
            label_w - Decimal::from(6),
            y + Decimal::from(14),
            Anchor::End,
            &name,
        );
        let index = r.index.unwrap_or(Decimal::ZERO);
        let w = scale(index, hundred, bar_w);
        s.rect(
            label_w,
            y + Decimal::from(3),
            w,
            Decimal::from(14),
            grade_colour(r.grade),
            "bar",
        );
        s.text(
            label_w + w + Decimal::from(4),
            y + Decimal::from(14),
            Anchor::Start,
            &text_number(index, plan.places, lang),
        );
    }
    h.push_str(&s.finish());
    if batch.ranking.len() > bars.len() {
        para(
            h,
            "muted",
            &msg!(
                "report-chart-first",
                shown = bars.len(),
                ranked = batch.ranking.len()
            )
            .render(lang),
        );
    }
}

/// The colour of each grade.
fn legend(h: &mut String, plan: &Plan, lang: Lang) {
    let _ = write!(
        h,
        "<p class=\"legend\"><strong>{}:</strong> ",
        escape(&msg!("report-legend").render(lang))
    );
    for (g, grade) in plan.grades.iter().enumerate() {
        let _ = write!(
            h,
            "<span><i style=\"background:{}\"></i>{}</span>",
            grade_colour(Some(g)),
            escape(&grade.label)
        );
    }
    let _ = write!(
        h,
        "<span><i style=\"background:{NO_GRADE}\"></i>{}</span></p>",
        escape(&msg!("report-no-grade").render(lang))
    );
}

/// The number of units of each grade (and without a grade): a table and a bar chart.
fn grades(h: &mut String, plan: &Plan, batch: &Batch<'_>, lang: Lang) {
    let mut counts = vec![0usize; plan.grades.len()];
    let mut none = 0usize;
    for r in &batch.results {
        match r.grade.and_then(|g| counts.get_mut(g)) {
            Some(c) => *c = c.saturating_add(1),
            None => none = none.saturating_add(1),
        }
    }
    let mut rows: Vec<(String, Option<usize>, usize)> = plan
        .grades
        .iter()
        .zip(&counts)
        .enumerate()
        .map(|(g, (grade, n))| (grade.label.clone(), Some(g), *n))
        .collect();
    if none > 0 {
        rows.push((msg!("report-no-grade").render(lang), None, none));
    }
    let _ = write!(
        h,
        "<table class=\"grade-table\"><thead><tr><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        escape(&header(Header::Grade, lang)),
        escape(&msg!("report-col-count").render(lang))
    );
    for (label, _, n) in &rows {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"num\">{n}</td></tr>",
            escape(label)
        );
    }
    h.push_str("</tbody></table>");
    let most = rows.iter().map(|(_, _, n)| *n).max().unwrap_or(0);
    let (label_w, bar_w, value_w) = (Decimal::from(160), Decimal::from(300), Decimal::from(60));
    let row = Decimal::from(22);
    let top = Decimal::from(6);
    let height = top + dec(rows.len()).checked_mul(row).unwrap_or(Decimal::ZERO) + top;
    let mut s = Svg::new(
        label_w + bar_w + value_w,
        height,
        &msg!("report-grades").render(lang),
    );
    for (k, (label, g, n)) in rows.iter().enumerate() {
        let y = top + dec(k).checked_mul(row).unwrap_or(Decimal::ZERO);
        s.text(
            label_w - Decimal::from(6),
            y + Decimal::from(15),
            Anchor::End,
            &clip(label, MAX_BAR_LABEL),
        );
        let w = scale(dec(*n), dec(most), bar_w);
        s.rect(
            label_w,
            y + Decimal::from(3),
            w,
            Decimal::from(16),
            grade_colour(*g),
            "bar",
        );
        s.text(
            label_w + w + Decimal::from(4),
            y + Decimal::from(15),
            Anchor::Start,
            &n.to_string(),
        );
    }
    h.push_str(&s.finish());
}

/// The reasons a unit is not ranked: its errors (then its warnings when it has none), at most
/// [`MAX_REASONS`], the rest counted.
fn reasons(r: &UnitResult, lang: Lang) -> String {
    let list: &[Issue] = if r.errors.is_empty() {
        &r.warnings
    } else {
        &r.errors
    };
    if list.is_empty() {
        let m = if r.status == UnitStatus::Complete {
            msg!("report-reason-round-absent")
        } else {
            msg!("report-reason-none")
        };
        return escape(&m.render(lang));
    }
    let severity = if r.errors.is_empty() {
        Severity::Warning
    } else {
        Severity::Error
    };
    let mut out = String::from("<ul class=\"problems\">");
    for i in list.iter().take(MAX_REASONS) {
        let _ = write!(out, "<li>{}</li>", issue_text(i, severity, lang));
    }
    if list.len() > MAX_REASONS {
        let _ = write!(
            out,
            "<li>{}</li>",
            escape(
                &msg!(
                    "report-more-problems",
                    count = list.len().saturating_sub(MAX_REASONS)
                )
                .render(lang)
            )
        );
    }
    out.push_str("</ul>");
    out
}

/// An issue as HTML: `lỗi[code] 1.2: message` and its help.
fn issue_text(i: &Issue, severity: Severity, lang: Lang) -> String {
    let word = messages::severity_word(severity, lang);
    let at = i
        .criterion
        .as_deref()
        .map(|c| format!(" {}:", escape(c)))
        .unwrap_or_else(|| ":".to_string());
    let mut out = format!(
        "{}[<code>{}</code>]{at} {}",
        escape(&word),
        i.code.as_str(),
        escape(&i.message.render(lang))
    );
    if let Some(help) = &i.help {
        let _ = write!(
            out,
            " <span class=\"muted\">({}: {})</span>",
            escape(&msg!("ui-help").render(lang)),
            escape(&help.render(lang))
        );
    }
    out
}

/// The units not ranked (incomplete, in error, or without the round asked for) and why.
fn not_ranked(h: &mut String, batch: &Batch<'_>, lang: Lang) {
    let _ = write!(
        h,
        "<h3>{}</h3>",
        escape(&msg!("report-not-ranked").render(lang))
    );
    let mut ranked = vec![false; batch.results.len()];
    for e in batch.ranking {
        if let Some(slot) = ranked.get_mut(e.position) {
            *slot = true;
        }
    }
    let mut any = false;
    for (r, is_ranked) in batch.results.iter().copied().zip(&ranked) {
        if *is_ranked {
            continue;
        }
        if !any {
            any = true;
            let _ = write!(
                h,
                "<table class=\"not-ranked\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
                escape(&header(Header::Unit, lang)),
                escape(&header(Header::Status, lang)),
                escape(&msg!("report-col-reason").render(lang))
            );
        }
        let _ = write!(
            h,
            "<tr class=\"not-ranked-row\"><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&unit_name(r, lang)),
            escape(&messages::unit_status(r.status, lang)),
            reasons(r, lang)
        );
    }
    if any {
        h.push_str("</tbody></table>");
    } else {
        para(h, "muted", &msg!("report-not-ranked-none").render(lang));
    }
}

/// A unit's page: figures, area profile, criteria table, problems.
fn unit_page(h: &mut String, r: &UnitResult, rank: Option<u32>, lang: Lang) {
    let plan = &r.plan;
    let places = plan.places;
    let _ = write!(
        h,
        "<section class=\"page unit\"><h2>{}</h2>",
        escape(&unit_name(r, lang))
    );
    illustrative(h, plan, lang);
    // Figures: rank, total / max, index, grade, status; the index in each round.
    let rank_text = match rank {
        Some(k) => msg!("report-unit-rank", rank = k),
        None => msg!("report-unit-not-ranked"),
    }
    .render(lang);
    let index = r
        .index
        .map(|i| text_number(i, places, lang))
        .unwrap_or_else(|| messages::none(lang));
    let _ = write!(
        h,
        "<table class=\"figures\"><tbody><tr><th>{}</th><td>{}</td><th>{}</th><td class=\"num\">{} / {}</td></tr><tr><th>{}</th><td class=\"num\">{}</td><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{}</td><th>{}</th><td>{}</td></tr>",
        escape(&header(Header::Rank, lang)),
        escape(&rank_text),
        escape(&header(Header::Total, lang)),
        text_number(r.total, places, lang),
        text_number(r.max, places, lang),
        escape(&header(Header::Index, lang)),
        index,
        escape(&header(Header::Grade, lang)),
        r.grade()
            .map(|g| escape(g.label))
            .unwrap_or_else(|| escape(&messages::none(lang))),
        escape(&header(Header::Status, lang)),
        escape(&messages::unit_status(r.status, lang)),
        escape(&header(Header::Kind, lang)),
        escape(r.unit.kind.as_deref().unwrap_or("")),
    );
    if let Some(line) = super::explain::rounds_line(r, lang) {
        let _ = write!(h, "<tr><td colspan=\"4\">{}</td></tr>", escape(&line));
    }
    h.push_str("</tbody></table>");
    let _ = write!(
        h,
        "<h3>{}</h3>",
        escape(&msg!("report-areas-chart").render(lang))
    );
    areas_chart(h, r, lang);
    let _ = write!(
        h,
        "<h3>{}</h3>",
        escape(&msg!("report-criteria").render(lang))
    );
    criteria_table(h, r, lang);
    problems(h, r, lang);
    h.push_str("</section>\n");
}

/// Each area's (top-level normal criterion's) points as a percentage of its max, as bars.
fn areas_chart(h: &mut String, r: &UnitResult, lang: Lang) {
    let areas: Vec<(String, Decimal, Decimal)> = r
        .iter_nodes()
        .filter(|(n, res)| n.depth == 1 && n.kind == NodeKind::Normal && res.max > Decimal::ZERO)
        .map(|(n, res)| {
            (
                clip(&format!("{} {}", n.id, n.title), MAX_BAR_LABEL),
                res.points,
                res.max,
            )
        })
        .collect();
    let (label_w, bar_w, value_w) = (Decimal::from(280), Decimal::from(300), Decimal::from(70));
    let row = Decimal::from(20);
    let top = Decimal::from(8);
    let axis = Decimal::from(22);
    let rows = dec(areas.len()).checked_mul(row).unwrap_or(Decimal::ZERO);
    let hundred = Decimal::ONE_HUNDRED;
    let mut s = Svg::new(
        label_w + bar_w + value_w,
        top + rows + axis,
        &msg!("report-areas-chart").render(lang),
    );
    for tick in [0u32, 25, 50, 75, 100] {
        let x = label_w + scale(Decimal::from(tick), hundred, bar_w);
        s.line((x, top), (x, top + rows), "#d0d7de");
        s.text(
            x,
            top + rows + Decimal::from(15),
            Anchor::Middle,
            &format!("{tick}%"),
        );
    }
    for (k, (label, points, max)) in areas.iter().enumerate() {
        let y = top + dec(k).checked_mul(row).unwrap_or(Decimal::ZERO);
        s.text(
            label_w - Decimal::from(6),
            y + Decimal::from(14),
            Anchor::End,
            label,
        );
        let w = scale(*points, *max, bar_w);
        s.rect(
            label_w,
            y + Decimal::from(3),
            w,
            Decimal::from(14),
            AREA,
            "bar",
        );
        let pct = scale(*points, *max, hundred);
        s.text(
            label_w + w + Decimal::from(4),
            y + Decimal::from(14),
            Anchor::Start,
            &format!("{}%", text_number(pct.round_dp(1), 1, lang)),
        );
    }
    h.push_str(&s.finish());
}

/// The criteria table: STT, criterion, max, points (a column per round shown when the ruleset
/// declares rounds, then the change), why, evidence, notes.
fn criteria_table(h: &mut String, r: &UnitResult, lang: Lang) {
    let plan = &r.plan;
    let places = plan.places;
    let rounds = super::table::shown_rounds(plan, std::slice::from_ref(r));
    let _ = write!(
        h,
        "<table class=\"criteria\"><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th>",
        escape(&msg!("report-col-no").render(lang)),
        escape(&header(Header::Criterion, lang)),
        escape(&header(Header::Max, lang)),
    );
    if rounds.is_empty() {
        let _ = write!(
            h,
            "<th class=\"num\">{}</th>",
            escape(&header(Header::Points, lang))
        );
    } else {
        for d in rounds {
            let _ = write!(h, "<th class=\"num\">{}</th>", escape(&d.label));
        }
        let _ = write!(
            h,
            "<th class=\"num\">{}</th>",
            escape(&header(Header::Change, lang))
        );
    }
    let _ = write!(
        h,
        "<th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(&msg!("report-col-why").render(lang)),
        escape(&msg!("report-col-evidence").render(lang)),
        escape(&msg!("report-col-notes").render(lang)),
    );
    for (i, (node, res)) in r.iter_nodes().enumerate() {
        let class = if node.depth <= 1 {
            " class=\"area\""
        } else {
            ""
        };
        let indent = node.depth.saturating_sub(1).saturating_mul(4);
        let _ = write!(
            h,
            "<tr{class}><td>{}</td><td style=\"padding-left:{}mm\">{}{}{}</td><td class=\"num\">{}</td>",
            escape(&node.id),
            indent.saturating_add(1),
            escape(&node.title),
            messages::kind_mark(node.kind.as_str()),
            escape(&messages::node_mark(res.status, lang)),
            text_number(res.max, places, lang),
        );
        if rounds.is_empty() {
            let _ = write!(
                h,
                "<td class=\"num\">{}</td>",
                text_number(res.points, places, lang)
            );
        } else {
            for k in 0..rounds.len() {
                let cell = r
                    .rounds()
                    .iter()
                    .find(|x| x.round == k)
                    .and_then(|x| x.points.get(i))
                    .map(|p| text_number(*p, places, lang))
                    .unwrap_or_else(|| messages::round_absent(lang));
                let _ = write!(h, "<td class=\"num\">{}</td>", escape(&cell));
            }
            let change = r
                .change(i)
                .map(|d| messages::signed(d, places, lang))
                .unwrap_or_default();
            let _ = write!(h, "<td class=\"num\">{}</td>", escape(&change));
        }
        let evidence: Vec<String> = r.evidence(i).iter().map(|e| escape(e)).collect();
        let mut notes: Vec<String> = r
            .notes(i)
            .map(|(round, text)| {
                let label = r.round_info(round).map(|(_, l)| l);
                escape(&messages::explain_note(label, text, lang))
            })
            .collect();
        if let Some(text) = r.explanation(i) {
            notes.push(escape(&messages::explain_explanation(text, lang)));
        }
        let _ = write!(
            h,
            "<td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&r.trace_text(i, lang)),
            evidence.join("<br>"),
            notes.join("<br>"),
        );
    }
    h.push_str("</tbody></table>");
}

/// A unit's errors and warnings (every round's, as its result holds them).
fn problems(h: &mut String, r: &UnitResult, lang: Lang) {
    if r.errors.is_empty() && r.warnings.is_empty() {
        para(h, "muted", &msg!("report-no-problems").render(lang));
        return;
    }
    for (severity, list) in [
        (Severity::Error, &r.errors),
        (Severity::Warning, &r.warnings),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            "<h3>{}</h3><ul class=\"problems\">",
            escape(&messages::problems_title(severity, lang))
        );
        for i in list {
            let _ = write!(h, "<li>{}</li>", issue_text(i, severity, lang));
        }
        h.push_str("</ul>");
    }
}

#[cfg(test)]
mod tests;
