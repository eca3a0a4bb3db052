//! The explanation of one unit: a heading, then each criterion (indented by depth) with its
//! points / max, status, the unit's own mark and why; then errors and warnings.

use std::fmt::Write as _;

use super::messages::{self, Severity};
use super::table::index_change;
use super::{delta, opt_number, terminal_safe as t, text_number};
use crate::i18n::{Arg, Lang};
use crate::result::UnitResult;

/// The explanation of a unit's result as terminal-safe text: its heading, the ruleset's issuer
/// and status (unless official), then one line per criterion, ending with a newline. The CLI (`score --explain`) and the Python `Result.explain()` print this.
pub fn explain(r: &UnitResult, lang: Lang) -> String {
    let mut out = heading(r, lang);
    out.push('\n');
    for line in messages::ruleset_notes(&r.plan, lang) {
        let _ = writeln!(out, "  {}", t(&line));
    }
    if let Some(line) = rounds_line(r, lang) {
        let _ = writeln!(out, "  {}", t(&line));
    }
    body(r, lang, &mut out);
    out
}

/// The unit's index in each present round and the change, when the ruleset declares rounds.
pub(crate) fn rounds_line(r: &UnitResult, lang: Lang) -> Option<String> {
    if r.plan.rounds.is_empty() || r.rounds().is_empty() {
        return None;
    }
    let places = r.plan.places;
    let items: Vec<(String, String)> = r
        .rounds()
        .iter()
        .map(|x| (round_label(r, x.round), opt_number(x.index, places, lang)))
        .collect();
    let change = index_change(r)
        .map(|d| messages::signed(d, places, lang))
        .unwrap_or_else(|| messages::none(lang));
    Some(messages::explain_rounds(&items, change, lang))
}

/// A round's label (its id when the ruleset gives no label; empty for the implicit round).
fn round_label(r: &UnitResult, round: usize) -> String {
    r.round_info(round)
        .map(|(_, label)| label.to_string())
        .unwrap_or_default()
}

/// The lines under node `i`: its points in each round (where they are not the same in every
/// round: the points shown say it all otherwise), its notes by round, the evidence cited and
/// the unit's explanation.
pub(crate) fn round_lines(r: &UnitResult, i: usize, lang: Lang) -> Vec<String> {
    let places = r.plan.places;
    let mut lines = Vec::new();
    let rounds = r.rounds();
    if !r.plan.rounds.is_empty() && rounds.len() > 1 {
        let points: Vec<_> = rounds.iter().map(|x| x.points.get(i).copied()).collect();
        let changed = points.windows(2).any(|w| w.first() != w.get(1));
        if changed {
            let items: Vec<(String, String)> = rounds
                .iter()
                .zip(&points)
                .map(|(x, p)| (round_label(r, x.round), opt_number(*p, places, lang)))
                .collect();
            let change = r
                .change(i)
                .map(|d| messages::signed(d, places, lang))
                .unwrap_or_else(|| messages::none(lang));
            lines.push(messages::explain_round_points(&items, change, lang));
        }
    }
    for (round, text) in r.notes(i) {
        let label = r.round_info(round).map(|(_, l)| l);
        lines.push(messages::explain_note(label, text, lang));
    }
    let evidence = r.evidence(i);
    if !evidence.is_empty() {
        lines.push(messages::explain_evidence(evidence, lang));
    }
    if let Some(text) = r.explanation(i) {
        lines.push(messages::explain_explanation(text, lang));
    }
    lines
}

/// The first line of the explanation (no newline): the unit, its figures, status, grade and
/// own mark.
pub(crate) fn heading(r: &UnitResult, lang: Lang) -> String {
    let places = r.plan.places;
    let label = messages::unit_label(r.unit.name.as_deref(), r.unit.id.as_deref(), lang);
    let index = match r.index {
        Some(i) => Arg::fixed(i, places),
        None => Arg::Text(messages::none(lang)),
    };
    let mut out = t(&messages::unit_heading(
        label,
        Arg::fixed(r.total, places),
        Arg::fixed(r.max, places),
        index,
        messages::unit_status(r.status, lang),
    )
    .render(lang))
    .into_owned();
    if let Some(g) = r.grade() {
        out.push_str(&t(&messages::grade(g.label, lang)));
    }
    if let Some(own) = r.self_assessed {
        out.push_str(&messages::self_assessed(
            own,
            delta(r.total, own),
            places,
            lang,
        ));
    }
    out
}

/// One line per criterion, then the unit's errors and warnings.
fn body(r: &UnitResult, lang: Lang, out: &mut String) {
    let places = r.plan.places;
    for (i, (node, res)) in r.iter_nodes().enumerate() {
        let own = res
            .self_assessed
            .map(|s| messages::self_assessed(s, delta(res.points, s), places, lang))
            .unwrap_or_default();
        let _ = write!(
            out,
            "{}{} {}{} — {}/{}{}{own}",
            "  ".repeat(node.depth),
            t(&node.id),
            t(&node.title),
            messages::kind_mark(node.kind.as_str()),
            text_number(res.points, places, lang),
            text_number(res.max, places, lang),
            messages::node_mark(res.status, lang),
        );
        let why = r.trace_text(i, lang);
        if !why.is_empty() {
            let _ = write!(out, ": {}", t(&why));
        }
        out.push('\n');
        for line in round_lines(r, i, lang) {
            let _ = writeln!(out, "{}    {}", "  ".repeat(node.depth), t(&line));
        }
    }
    for (severity, list) in [
        (Severity::Error, &r.errors),
        (Severity::Warning, &r.warnings),
    ] {
        for e in list {
            let line = messages::issue(
                severity,
                e.code.as_str(),
                e.criterion.as_deref(),
                &e.message.render(lang),
                lang,
            );
            let _ = writeln!(out, "  {}", t(&line));
        }
    }
    // The problems of the earlier rounds that the round shown does not have (a set mark
    // ignored in the self-assessment, say), each after its round's label.
    let earlier = r.rounds().len().saturating_sub(1);
    for x in r.rounds().iter().take(earlier) {
        let label = round_label(r, x.round);
        for (severity, list, official) in [
            (Severity::Error, &x.errors, &r.errors),
            (Severity::Warning, &x.warnings, &r.warnings),
        ] {
            for e in list.iter().filter(|e| !official.contains(e)) {
                let line = messages::issue(
                    severity,
                    e.code.as_str(),
                    e.criterion.as_deref(),
                    &e.message.render(lang),
                    lang,
                );
                let line = messages::round_issue(&label, &line, lang);
                let _ = writeln!(out, "  {}", t(&line));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::inputs::RawValue;
    use crate::ruleset::Ruleset;
    use crate::unit::Unit;

    const RULES: &str = "format: cchc/1\nid: demo\nversion: \"1\"\ntitle: Ví dụ\ntotal: 1\ninputs:\n  kh: { type: bool }\ncriteria:\n  - { id: \"1\", title: Kế hoạch, max: 1, rule: { check: kh } }\n";

    /// An own mark so far below the engine's points that the difference does not fit in a
    /// decimal: the explanation says so instead of panicking (the CLI used `points - own`).
    #[test]
    fn own_mark_out_of_range_does_not_panic() {
        let rs = Ruleset::from_yaml_str(RULES, "demo.yaml").unwrap();
        let unit = Unit::new("a")
            .with_value("kh", RawValue::Bool(true))
            .with_self_assessed("1", Decimal::MIN);
        let text = explain(&rs.score(&unit), Lang::Vi);
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with("1 "))
            .unwrap();
        assert!(line.contains("chênh vượt giới hạn số"), "{text}");
        let unit = Unit::new("b")
            .with_value("kh", RawValue::Bool(true))
            .with_self_assessed("1", Decimal::new(5, 1));
        let r = rs.score(&unit);
        let text = explain(&r, Lang::Vi);
        assert!(
            text.contains("1 Kế hoạch — 1,00/1,00 (tự chấm 0,50, chênh 0,50)"),
            "{text}"
        );
        let text = explain(&r, Lang::En);
        assert!(
            text.contains("1 Kế hoạch — 1.00/1.00 (self-assessed 0.50, difference 0.50)"),
            "{text}"
        );
    }

    /// Without declared rounds (one implicit round), a unit's notes, evidence and explanation
    /// still show under the criterion, the note without a round's label, and no rounds line.
    #[test]
    fn notes_evidence_and_explanation_without_rounds() {
        let rs = Ruleset::from_yaml_str(RULES, "demo.yaml").unwrap();
        let unit = Unit::new("a")
            .with_value("kh", RawValue::Bool(true))
            .with_note("1", "Đã ban hành")
            .with_evidence("1", "Kế hoạch 15/KH-UBND")
            .with_evidence("1", "Báo cáo 20/BC-UBND")
            .with_explanation("1", "Ban hành muộn do dịch");
        let text = explain(&rs.score(&unit), Lang::Vi);
        assert!(
            text.ends_with(
                "1 Kế hoạch — 1,00/1,00: `kh` là có (đúng): đạt 1,00/1,00 điểm\n      ghi chú: Đã ban hành\n      tài liệu kiểm chứng: Kế hoạch 15/KH-UBND; Báo cáo 20/BC-UBND\n      giải trình: Ban hành muộn do dịch\n"
            ),
            "{text}"
        );
        assert!(!text.contains("các vòng"), "{text}");
        let plain = explain(
            &rs.score(&Unit::new("a").with_value("kh", RawValue::Bool(true))),
            Lang::Vi,
        );
        assert!(
            !plain.contains("ghi chú") && !plain.contains("    "),
            "{plain}"
        );
    }
}
