//! HTML views of results for notebooks (`_repr_html_` in Python): escaped text, no script.

use std::fmt::Write as _;

use super::messages::{self, Severity};
use super::number;
use crate::error::Issue;
use crate::i18n::Lang;
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
    let title = match severity {
        Severity::Error => messages::HTML_ERRORS,
        Severity::Warning => messages::HTML_WARNINGS,
    };
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

/// One unit's result as an HTML table of its criteria (points, max, status, why), then its
/// errors and warnings; the heading is the first line of [`super::explain`].
pub fn unit_html(r: &UnitResult, lang: Lang) -> String {
    let mut h = String::from("<div class=\"cchc-result\">");
    let heading = super::explain::heading(r, lang);
    let _ = write!(h, "<p><strong>{}</strong></p>", esc(&heading));
    let _ = write!(
        h,
        "<table><thead><tr><th style=\"text-align:left\">{}</th><th>{}</th><th>{}</th><th>{}</th><th style=\"text-align:left\">{}</th></tr></thead><tbody>",
        messages::HTML_CRITERION,
        messages::HTML_POINTS,
        messages::HTML_MAX,
        messages::HTML_STATUS,
        messages::HTML_TRACE
    );
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
            number(res.points),
            number(res.max),
            messages::node_status(res.status),
            esc(&r.trace_text(i, lang))
        );
    }
    h.push_str("</tbody></table>");
    issues(&mut h, Severity::Error, &r.errors, lang);
    issues(&mut h, Severity::Warning, &r.warnings, lang);
    h.push_str("</div>");
    h
}

/// A batch as an HTML table: every unit in input order with its rank (blank when not ranked).
pub fn batch_html<R: std::borrow::Borrow<UnitResult>>(
    results: &[R],
    ranking: &[RankEntry],
    grouped: bool,
    lang: Lang,
) -> String {
    let _ = lang;
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
            grouped
        ))
    );
    let _ = write!(
        h,
        "<table><thead><tr><th>{}</th><th style=\"text-align:left\">{}</th><th style=\"text-align:left\">{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        messages::HTML_RANK,
        messages::HTML_ID,
        messages::HTML_NAME,
        messages::HTML_KIND,
        messages::HTML_STATUS,
        messages::HTML_TOTAL,
        messages::HTML_MAX,
        messages::HTML_INDEX,
        messages::HTML_GRADE,
    );
    for (r, rank) in results.iter().zip(&rank_of) {
        let r = r.borrow();
        let opt = |s: &Option<String>| esc(s.as_deref().unwrap_or(""));
        let index = r.index.map(number).unwrap_or_default();
        let _ = write!(
            h,
            "<tr><td>{}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            rank.map(|r| r.to_string()).unwrap_or_default(),
            opt(&r.unit.id),
            opt(&r.unit.name),
            opt(&r.unit.kind),
            r.status.as_str(),
            number(r.total),
            number(r.max),
            index,
            r.grade().map(|g| esc(g.label)).unwrap_or_default(),
        );
    }
    h.push_str("</tbody></table></div>");
    h
}
