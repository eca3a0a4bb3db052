//! HTML views of results for notebooks (`_repr_html_` in Python): escaped text, no script.

use std::fmt::Write as _;

use super::messages::{self, Header, Severity, header};
use super::text_number;
use crate::error::Issue;
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::result::{RankEntry, UnitResult};

/// Escapes text for HTML element content and attribute values.
fn esc(s: &str) -> String {
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

fn issues(out: &mut String, severity: Severity, list: &[Issue], lang: Lang) {
    if list.is_empty() {
        return;
    }
    let title = esc(&messages::problems_title(severity, lang));
    let _ = write!(out, "<p>{title}:</p><ul>");
    for i in list {
        let at = i
            .criterion
            .as_deref()
            .map(|c| format!(" {}:", esc(c)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<li><code>{}</code>{at} {}</li>",
            i.code.as_str(),
            esc(&i.message.render(lang))
        );
    }
    out.push_str("</ul>");
}

/// The ruleset's issuer and status (unless official), one paragraph each.
fn notes(out: &mut String, plan: &Plan, lang: Lang) {
    for line in messages::ruleset_notes(plan, lang) {
        let _ = write!(out, "<p><em>{}</em></p>", esc(&line));
    }
}

/// One unit's result as an HTML table of its criteria (points, max, status, why), then its
/// errors and warnings; the heading is the first line of [`super::explain`].
pub fn unit_html(r: &UnitResult, lang: Lang) -> String {
    let mut h = String::from("<div class=\"cchc-result\">");
    let heading = super::explain::heading(r, lang);
    let _ = write!(h, "<p><strong>{}</strong></p>", esc(&heading));
    notes(&mut h, &r.plan, lang);
    if let Some(line) = super::explain::rounds_line(r, lang) {
        let _ = write!(h, "<p>{}</p>", esc(&line));
    }
    let _ = write!(
        h,
        "<table><thead><tr><th style=\"text-align:left\">{}</th><th>{}</th><th>{}</th><th>{}</th><th style=\"text-align:left\">{}</th></tr></thead><tbody>",
        esc(&header(Header::Criterion, lang)),
        esc(&header(Header::Points, lang)),
        esc(&header(Header::Max, lang)),
        esc(&header(Header::Status, lang)),
        esc(&header(Header::Why, lang)),
    );
    let places = r.plan.places;
    for (i, (node, res)) in r.iter_nodes().enumerate() {
        let pad = "&nbsp;&nbsp;&nbsp;&nbsp;".repeat(node.depth.saturating_sub(1));
        let label = esc(&format!(
            "{} {}{}",
            node.id,
            node.title,
            messages::kind_mark(node.kind.as_str())
        ));
        let label = if node.depth == 1 {
            format!("<strong>{label}</strong>")
        } else {
            label
        };
        let _ = write!(
            h,
            "<tr><td style=\"text-align:left\">{pad}{label}</td><td>{}</td><td>{}</td><td>{}</td><td style=\"text-align:left\">{}</td></tr>",
            text_number(res.points, places, lang),
            text_number(res.max, places, lang),
            esc(&messages::node_status(res.status, lang)),
            why_cell(r, i, lang)
        );
    }
    h.push_str("</tbody></table>");
    issues(&mut h, Severity::Error, &r.errors, lang);
    issues(&mut h, Severity::Warning, &r.warnings, lang);
    h.push_str("</div>");
    h
}

/// A node's why, then (with rounds, notes, evidence or explanations) its points by round,
/// notes, evidence and explanation, a line each.
fn why_cell(r: &UnitResult, i: usize, lang: Lang) -> String {
    let mut cell = esc(&r.trace_text(i, lang));
    for line in super::explain::round_lines(r, i, lang) {
        let _ = write!(cell, "<br>{}", esc(&line));
    }
    cell
}

/// A batch as an HTML table: every unit in input order with its rank (blank when not ranked);
/// when the ruleset declares rounds, the unit's index in each round (`—` where it does not give
/// it) and the index's change follow the grade.
pub fn batch_html<R: std::borrow::Borrow<UnitResult>>(
    results: &[R],
    ranking: &[RankEntry],
    grouped: bool,
    lang: Lang,
) -> String {
    let mut rank_of = vec![None; results.len()];
    for e in ranking {
        if let Some(slot) = rank_of.get_mut(e.position) {
            *slot = Some(e.rank);
        }
    }
    let mut h = format!(
        "<div class=\"cchc-batch\"><p>{}</p>",
        esc(&messages::batch_caption(
            results.len(),
            ranking.len(),
            grouped,
            ranking.iter().any(|e| e.group.is_some()),
            lang
        ))
    );
    if let Some(first) = results.first() {
        notes(&mut h, &first.borrow().plan, lang);
    }
    let _ = write!(
        h,
        "<table><thead><tr><th>{}</th><th style=\"text-align:left\">{}</th><th style=\"text-align:left\">{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>",
        esc(&header(Header::Rank, lang)),
        esc(&header(Header::Id, lang)),
        esc(&header(Header::Name, lang)),
        esc(&header(Header::Kind, lang)),
        esc(&header(Header::Status, lang)),
        esc(&header(Header::Total, lang)),
        esc(&header(Header::Max, lang)),
        esc(&header(Header::Index, lang)),
        esc(&header(Header::Grade, lang)),
    );
    let rounds = results.first().map_or(&[][..], |r| {
        super::table::shown_rounds(&r.borrow().plan, results)
    });
    if !rounds.is_empty() {
        for d in rounds {
            let _ = write!(h, "<th>{}</th>", esc(&d.label));
        }
        let _ = write!(h, "<th>{}</th>", esc(&header(Header::Change, lang)));
    }
    h.push_str("</tr></thead><tbody>");
    for (r, rank) in results.iter().zip(&rank_of) {
        let r = r.borrow();
        let opt = |s: &Option<String>| esc(s.as_deref().unwrap_or(""));
        let places = r.plan.places;
        let index = r
            .index
            .map(|i| text_number(i, places, lang))
            .unwrap_or_default();
        let _ = write!(
            h,
            "<tr><td>{}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
            rank.map(|r| r.to_string()).unwrap_or_default(),
            opt(&r.unit.id),
            opt(&r.unit.name),
            opt(&r.unit.kind),
            esc(&messages::unit_status(r.status, lang)),
            text_number(r.total, places, lang),
            text_number(r.max, places, lang),
            index,
            r.grade().map(|g| esc(g.label)).unwrap_or_default(),
        );
        if !rounds.is_empty() {
            for k in 0..rounds.len() {
                let cell = match r.rounds().iter().find(|x| x.round == k) {
                    Some(x) => x
                        .index
                        .map(|i| text_number(i, places, lang))
                        .unwrap_or_default(),
                    None => messages::round_absent(lang),
                };
                let _ = write!(h, "<td>{}</td>", esc(&cell));
            }
            let change = super::table::index_change(r)
                .map(|d| messages::signed(d, places, lang))
                .unwrap_or_default();
            let _ = write!(h, "<td>{}</td>", esc(&change));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div>");
    h
}
