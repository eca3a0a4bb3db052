//! The explanation of one unit: a heading, then each criterion (indented by depth) with its
//! points / max, status, the unit's own mark and why; then errors and warnings.

use std::fmt::Write as _;

use super::messages::{self, Severity};
use super::{delta, terminal_safe as t, text_number};
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
    body(r, lang, &mut out);
    out
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
}
