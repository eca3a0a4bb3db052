//! Every user-visible word of the presentation module, one function per message, each built
//! from the catalogue (`core/locales/{vi,en}/ui.ftl`) in the language asked for.
//!
//! Machine values (`complete`, `missing`, error codes, column names of the plain CSV) are not
//! translated.

use rust_decimal::Decimal;

use crate::i18n::{Arg, Lang, Message};
use crate::msg;
use crate::plan::Plan;
use crate::result::{NodeStatus, UnitStatus};
use crate::types::RulesetStatus;

/// Shown where a value is absent (no index, no grade, no rank).
pub(crate) fn none(lang: Lang) -> String {
    msg!("ui-none").render(lang)
}

/// The word for a node's status.
pub(crate) fn node_status(s: NodeStatus, lang: Lang) -> String {
    match s {
        NodeStatus::Scored => msg!("ui-node-scored"),
        NodeStatus::NotApplicable => msg!("ui-node-not-applicable"),
        NodeStatus::Missing => msg!("ui-node-missing"),
        NodeStatus::Error => msg!("ui-node-error"),
    }
    .render(lang)
}

/// The word for a unit's status.
pub(crate) fn unit_status(s: UnitStatus, lang: Lang) -> String {
    match s {
        UnitStatus::Complete => msg!("ui-unit-complete"),
        UnitStatus::Incomplete => msg!("ui-unit-incomplete"),
        UnitStatus::Error => msg!("ui-unit-error"),
    }
    .render(lang)
}

/// The mark after a criterion in the explanation: nothing for a scored node.
pub(crate) fn node_mark(s: NodeStatus, lang: Lang) -> String {
    match s {
        NodeStatus::Scored => String::new(),
        s => format!(" [{}]", node_status(s, lang)),
    }
}

/// The mark of a bonus or penalty criterion.
pub(crate) fn kind_mark(kind: &str) -> &'static str {
    match kind {
        "bonus" => " (+)",
        "penalty" => " (−)",
        _ => "",
    }
}

/// A unit's own mark beside the engine's; `delta` is None when the difference is out of the
/// range of exact decimals.
pub(crate) fn self_assessed(
    own: Decimal,
    delta: Option<Decimal>,
    places: u32,
    lang: Lang,
) -> String {
    let m = match delta {
        Some(d) => msg!(
            "ui-self-assessed",
            own = Arg::fixed(own, places),
            delta = Arg::fixed(d, places)
        ),
        None => msg!(
            "ui-self-assessed-out-of-range",
            own = Arg::fixed(own, places)
        ),
    };
    format!(" {}", m.render(lang))
}

/// The first line of a unit's explanation (without grade and own mark).
pub(crate) fn unit_heading(
    unit: String,
    total: Arg,
    max: Arg,
    index: Arg,
    status: String,
) -> Message {
    msg!(
        "ui-unit-heading",
        unit = unit,
        total = total,
        max = max,
        index = index,
        status = status
    )
}

/// A unit named in a heading: its name and id, or whichever it has.
pub(crate) fn unit_label(name: Option<&str>, id: Option<&str>, lang: Lang) -> String {
    match (name, id) {
        (Some(n), Some(i)) => msg!("ui-unit-named", name = n, id = i).render(lang),
        (Some(n), None) => n.to_string(),
        (None, Some(i)) => format!("({i})"),
        (None, None) => msg!("ui-unit-unnamed").render(lang),
    }
}

/// The grade part of a unit's heading.
pub(crate) fn grade(label: &str, lang: Lang) -> String {
    msg!("ui-unit-grade", grade = label).render(lang)
}

/// `lỗi` / `error`, `cảnh báo` / `warning`.
pub(crate) fn severity_word(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => msg!("ui-error"),
        Severity::Warning => msg!("ui-warning"),
    }
    .render(lang)
}

/// A unit problem line: `lỗi[code] 1.2: message`.
pub(crate) fn issue(
    severity: Severity,
    code: &str,
    criterion: Option<&str>,
    msg: &str,
    lang: Lang,
) -> String {
    let word = severity_word(severity, lang);
    match criterion {
        Some(c) => format!("{word}[{code}] {c}: {msg}"),
        None => format!("{word}[{code}]: {msg}"),
    }
}

/// Error or warning.
#[derive(Clone, Copy)]
pub(crate) enum Severity {
    Error,
    Warning,
}

/// The title of a list of problems in HTML.
pub(crate) fn problems_title(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => msg!("ui-errors"),
        Severity::Warning => msg!("ui-warnings"),
    }
    .render(lang)
}

/// The title line of the ranking table.
pub(crate) fn ruleset_heading(
    title: &str,
    id: &str,
    version: &str,
    fingerprint: &str,
    lang: Lang,
) -> String {
    msg!(
        "ui-ruleset-heading",
        title = title,
        id = id,
        version = version,
        fingerprint = fingerprint
    )
    .render(lang)
}

/// The lines saying who issued the ruleset (when its file says) and, unless it is official,
/// how far its figures may be relied on.
pub(crate) fn ruleset_notes(plan: &Plan, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(by) = plan.issued_by.as_deref().filter(|b| !b.trim().is_empty()) {
        lines.push(msg!("ui-ruleset-issued-by", issued_by = by).render(lang));
    }
    match plan.status {
        RulesetStatus::Official => {}
        RulesetStatus::Draft => lines.push(msg!("ui-ruleset-draft").render(lang)),
        RulesetStatus::Illustrative => lines.push(msg!("ui-ruleset-illustrative").render(lang)),
    }
    lines
}

/// A column header for people (terminal table, HTML views, CSV in the Excel style).
#[derive(Clone, Copy)]
pub(crate) enum Header {
    Rank,
    Unit,
    Id,
    Name,
    Kind,
    Group,
    Status,
    Total,
    Max,
    Index,
    Grade,
    Criterion,
    Points,
    Why,
    Change,
}

/// The words of a column header.
pub(crate) fn header(h: Header, lang: Lang) -> String {
    match h {
        Header::Rank => msg!("ui-col-rank"),
        Header::Unit => msg!("ui-col-unit"),
        Header::Id => msg!("ui-col-id"),
        Header::Name => msg!("ui-col-name"),
        Header::Kind => msg!("ui-col-kind"),
        Header::Group => msg!("ui-col-group"),
        Header::Status => msg!("ui-col-status"),
        Header::Total => msg!("ui-col-total"),
        Header::Max => msg!("ui-col-max"),
        Header::Index => msg!("ui-col-index"),
        Header::Grade => msg!("ui-col-grade"),
        Header::Criterion => msg!("ui-col-criterion"),
        Header::Points => msg!("ui-col-points"),
        Header::Why => msg!("ui-col-why"),
        Header::Change => msg!("ui-col-change"),
    }
    .render(lang)
}

/// A criterion's column header for people: `Tiêu chí 1.2`.
pub(crate) fn criterion_header(id: &str, lang: Lang) -> String {
    msg!("ui-col-criterion-id", id = id).render(lang)
}

/// The line before a ranking group's rows in the terminal table.
pub(crate) fn group_heading(label: &str, lang: Lang) -> String {
    msg!("ui-rank-group-heading", label = label).render(lang)
}

/// The line before the rows of the units not ranked, after the groups.
pub(crate) fn unranked_heading(lang: Lang) -> String {
    msg!("ui-rank-group-unranked").render(lang)
}

/// The caption of a batch's table (HTML and terminal): by kind, or by the ruleset's groups.
pub(crate) fn batch_caption(
    units: usize,
    ranked: usize,
    grouped: bool,
    in_groups: bool,
    lang: Lang,
) -> String {
    if in_groups {
        msg!("ui-batch-caption-groups", units = units, ranked = ranked)
    } else if grouped {
        msg!("ui-batch-caption-grouped", units = units, ranked = ranked)
    } else {
        msg!("ui-batch-caption", units = units, ranked = ranked)
    }
    .render(lang)
}

/// The header of a criterion's column in the plain CSV and DataFrames (machine names), when
/// its id is also the name of one of the fixed columns (`id`, `total`…).
pub(crate) fn criterion_column(id: &str) -> String {
    format!("criterion {id}")
}

/// Shown in a round's column where the unit does not give that round.
pub(crate) fn round_absent(lang: Lang) -> String {
    msg!("ui-round-absent").render(lang)
}

/// A round's total (`index == false`) or index column header in the Excel-style CSV.
pub(crate) fn round_header(label: &str, index: bool, lang: Lang) -> String {
    if index {
        msg!("ui-col-round-index", round = label)
    } else {
        msg!("ui-col-round-total", round = label)
    }
    .render(lang)
}

/// A change (official − first round) for people: a `+` before a gain, padded to `places`.
pub(crate) fn signed(d: Decimal, places: u32, lang: Lang) -> String {
    let n = crate::i18n::number(d, places, lang);
    if d.is_sign_positive() && !d.is_zero() {
        format!("+{n}")
    } else {
        n
    }
}

/// `label value` items of a round list, joined by arrows, in order.
fn round_list(items: &[(String, String)], lang: Lang) -> String {
    items
        .iter()
        .map(|(label, value)| {
            msg!(
                "ui-explain-round-value",
                round = label.as_str(),
                value = value.as_str()
            )
            .render(lang)
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

/// The unit's index in each present round and the change, under its heading.
pub(crate) fn explain_rounds(items: &[(String, String)], change: String, lang: Lang) -> String {
    msg!(
        "ui-explain-rounds",
        rounds = round_list(items, lang),
        change = change
    )
    .render(lang)
}

/// A criterion's points in each present round and its change.
pub(crate) fn explain_round_points(
    items: &[(String, String)],
    change: String,
    lang: Lang,
) -> String {
    msg!(
        "ui-explain-round-points",
        rounds = round_list(items, lang),
        change = change
    )
    .render(lang)
}

/// A note on a criterion, with the label of its round (none for the implicit round).
pub(crate) fn explain_note(round: Option<&str>, text: &str, lang: Lang) -> String {
    match round {
        Some(r) => msg!("ui-explain-note", round = r, text = text),
        None => msg!("ui-explain-note-plain", text = text),
    }
    .render(lang)
}

/// The evidence a unit cites for a criterion (documents separated by `; `).
pub(crate) fn explain_evidence(documents: &[String], lang: Lang) -> String {
    msg!("ui-explain-evidence", documents = documents.join("; ")).render(lang)
}

/// The unit's explanation (giải trình) for a criterion.
pub(crate) fn explain_explanation(text: &str, lang: Lang) -> String {
    msg!("ui-explain-explanation", text = text).render(lang)
}

/// A problem line of a round other than the one shown: `[label] …`.
pub(crate) fn round_issue(round: &str, issue: &str, lang: Lang) -> String {
    msg!("ui-explain-round-issue", round = round, issue = issue).render(lang)
}
