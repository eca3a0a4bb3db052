//! The explanation of one unit: a heading, then each criterion (indented by depth) with its
//! points / max, status, the unit's own mark and why; then errors and warnings.

use std::fmt::Write as _;

use super::messages::{self, Severity};
use super::{delta, number, opt_number, terminal_safe as t};
use crate::i18n::Lang;
use crate::result::UnitResult;

/// The explanation of a unit's result as terminal-safe text, one line per criterion, ending
/// with a newline. The CLI (`score --explain`) and the Python `Result.explain()` print this.
pub fn explain(r: &UnitResult, lang: Lang) -> String {
    let mut out = heading(r, lang);
    out.push('\n');
    body(r, lang, &mut out);
    out
}

/// The first line of the explanation (no newline): the unit, its figures, status, grade and
/// own mark.
pub(crate) fn heading(r: &UnitResult, lang: Lang) -> String {
    let _ = lang;
    let mut out = String::new();
    let label = messages::unit_label(r.unit.name.as_deref(), r.unit.id.as_deref());
    out.push_str(&messages::unit_heading(
        &t(&label),
        number(r.total),
        number(r.max),
        opt_number(r.index),
        r.status.as_str(),
    ));
    if let Some(g) = r.grade() {
        out.push_str(&t(&messages::grade(g.label)));
    }
    if let Some(own) = r.self_assessed {
        out.push_str(&messages::self_assessed(
            number(own),
            delta(r.total, own).map(number),
        ));
    }
    out
}

/// One line per criterion, then the unit's errors and warnings.
fn body(r: &UnitResult, lang: Lang, out: &mut String) {
    for (i, (node, res)) in r.iter_nodes().enumerate() {
        let own = res
            .self_assessed
            .map(|s| messages::self_assessed(number(s), delta(res.points, s).map(number)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "{}{} {}{} — {}/{}{}{own}",
            "  ".repeat(node.depth),
            t(&node.id),
            t(&node.title),
            messages::kind_mark(node.kind.as_str()),
            number(res.points),
            number(res.max),
            messages::node_mark(res.status),
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
        let text = explain(&rs.score(&unit), Lang::Vi);
        assert!(
            text.contains("1 Kế hoạch — 1/1 (tự chấm 0.5, chênh 0.5)"),
            "{text}"
        );
    }
}
