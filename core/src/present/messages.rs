//! Every user-visible word of the presentation module, one function per message, so that a
//! Vietnamese/English catalogue can replace this file later without touching the renderers.
//!
//! Terminal output keeps the Vietnamese words the CLI has always printed; machine values
//! (`complete`, `missing`, error codes, column names of the CSV) are not translated.

use std::fmt::Display;

use crate::result::NodeStatus;

/// Shown where a value is absent (no index, no grade, no rank).
pub(crate) const NONE: &str = "-";

/// The word for a node's status.
pub(crate) fn node_status(s: NodeStatus) -> &'static str {
    match s {
        NodeStatus::Scored => "đã chấm",
        NodeStatus::NotApplicable => "không áp dụng",
        NodeStatus::Missing => "thiếu dữ liệu",
        NodeStatus::Error => "lỗi",
    }
}

/// The mark after a criterion in the explanation: nothing for a scored node.
pub(crate) fn node_mark(s: NodeStatus) -> String {
    match s {
        NodeStatus::Scored => String::new(),
        s => format!(" [{}]", node_status(s)),
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
pub(crate) fn self_assessed(own: impl Display, delta: Option<impl Display>) -> String {
    match delta {
        Some(d) => format!(" (tự chấm {own}, chênh {d})"),
        None => format!(" (tự chấm {own}, chênh vượt giới hạn số)"),
    }
}

/// The first line of a unit's explanation.
pub(crate) fn unit_heading(
    unit: &str,
    total: impl Display,
    max: impl Display,
    index: impl Display,
    status: &str,
) -> String {
    format!("{unit} — {total} / {max}, index {index}, {status}")
}

/// A unit named in a heading: its name and id, or whichever it has.
pub(crate) fn unit_label(name: Option<&str>, id: Option<&str>) -> String {
    match (name, id) {
        (Some(n), Some(i)) => format!("{n} ({i})"),
        (Some(n), None) => n.to_string(),
        (None, Some(i)) => format!("({i})"),
        (None, None) => "(?)".to_string(),
    }
}

/// The grade part of a unit's heading.
pub(crate) fn grade(label: &str) -> String {
    format!(", xếp loại {label}")
}

/// A unit problem line: `error[code] 1.2: message`.
pub(crate) fn issue(severity: Severity, code: &str, criterion: Option<&str>, msg: &str) -> String {
    let word = match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
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

/// The title line of the ranking table.
pub(crate) fn ruleset_heading(title: &str, id: &str, version: &str, fingerprint: &str) -> String {
    format!("{title} — {id} {version} ({fingerprint})")
}

/// Headers of the ranking table (terminal).
pub(crate) const TABLE_RANK: &str = "rank";
pub(crate) const TABLE_UNIT: &str = "unit";
pub(crate) const TABLE_KIND: &str = "kind";
pub(crate) const TABLE_TOTAL: &str = "total";
pub(crate) const TABLE_MAX: &str = "max";
pub(crate) const TABLE_INDEX: &str = "index";
pub(crate) const TABLE_GRADE: &str = "grade";
pub(crate) const TABLE_STATUS: &str = "status";

/// Headers of the HTML views (notebooks).
pub(crate) const HTML_CRITERION: &str = "Tiêu chí";
pub(crate) const HTML_POINTS: &str = "Điểm";
pub(crate) const HTML_MAX: &str = "Tối đa";
pub(crate) const HTML_STATUS: &str = "Trạng thái";
pub(crate) const HTML_TRACE: &str = "Giải thích";
pub(crate) const HTML_ERRORS: &str = "Lỗi";
pub(crate) const HTML_WARNINGS: &str = "Cảnh báo";
pub(crate) const HTML_RANK: &str = "Hạng";
pub(crate) const HTML_ID: &str = "Mã";
pub(crate) const HTML_NAME: &str = "Tên";
pub(crate) const HTML_KIND: &str = "Loại";
pub(crate) const HTML_TOTAL: &str = "Tổng điểm";
pub(crate) const HTML_INDEX: &str = "Chỉ số";
pub(crate) const HTML_GRADE: &str = "Xếp loại";

/// The caption of a batch's HTML table.
pub(crate) fn batch_caption(units: usize, ranked: usize, grouped: bool) -> String {
    let within = if grouped {
        ", xếp hạng theo từng loại"
    } else {
        ""
    };
    format!("{units} đơn vị, {ranked} được xếp hạng{within}")
}

/// The header of a criterion's column in CSV and DataFrames, when its id is also the name of
/// one of the fixed columns (`id`, `total`…).
pub(crate) fn criterion_column(id: &str) -> String {
    format!("criterion {id}")
}
