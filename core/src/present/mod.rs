//! Presentation of results, written once for the CLI and both bindings: the explanation of a
//! unit's criteria tree, the result table (one definition of its columns for the terminal
//! table, CSV and DataFrames), HTML views for notebooks, the ranking JSON and streamed output
//! of large batches.
//!
//! Every user-visible word comes from `messages`, one function per message, each rendered from
//! the catalogue (`ui.ftl`) in the language asked for; numbers in text are padded to the
//! ruleset's `rounding.places` and use the language's decimal separator. Text from rule files and data (names, titles, kinds) is made safe
//! for where it goes: control characters are escaped in terminal text ([`terminal_safe`]) and
//! cells that a spreadsheet would run as a formula are neutralised in CSV
//! ([`spreadsheet_safe`]).

mod explain;
mod html;
mod messages;
mod ranking;
#[cfg(feature = "report")]
pub mod report;
mod stream;
mod table;

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::i18n::Lang;

pub use explain::explain;
pub use html::{batch_html, unit_html};
pub use ranking::{BatchJson, BatchView, RankRow, batch_json};
pub use stream::{Output, StreamFormat, StreamSummary, write_batch, write_batch_chunks};
pub use table::{Cell, Column, Columns, CsvStyle, text_table, write_csv, write_csv_with};

/// Engine points minus the unit's own mark, exactly; `None` when the difference does not fit
/// in a decimal (it never panics).
pub fn delta(points: Decimal, self_assessed: Decimal) -> Option<Decimal> {
    points.checked_sub(self_assessed)
}

/// A decimal as the engine prints it: normalised (`2.50` → `2.5`).
pub fn number(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A decimal in text for people: padded to the ruleset's `places`, with the language's
/// decimal separator (`75,20` in Vietnamese, `75.20` in English).
pub(crate) fn text_number(d: Decimal, places: u32, lang: Lang) -> String {
    crate::i18n::number(d, places, lang)
}

/// An optional decimal in text for people (see [`text_number`]), `-` when absent.
pub(crate) fn opt_number(d: Option<Decimal>, places: u32, lang: Lang) -> String {
    d.map(|d| text_number(d, places, lang))
        .unwrap_or_else(|| messages::none(lang))
}

/// True for characters that must not reach a terminal raw: control characters (ESC, CR, NUL,
/// DEL, C1 controls) and the Unicode bidirectional overrides that reorder what is shown.
fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text from a rule file or data made safe for a terminal: every control character (including
/// newlines and tabs) and bidirectional override is written as a visible escape (`\u{1b}`).
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A text cell made safe for spreadsheets (OWASP "CSV injection"): a cell starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so Excel or LibreOffice
/// show it as text instead of running it as a formula. Numbers are never passed here.
pub fn spreadsheet_safe(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_never_panics() {
        assert_eq!(
            delta(Decimal::from(3), Decimal::from(5)),
            Some(Decimal::from(-2))
        );
        assert_eq!(delta(Decimal::MIN, Decimal::MAX), None);
        assert_eq!(delta(Decimal::MAX, Decimal::MIN), None);
    }

    #[test]
    fn terminal_text_has_no_controls() {
        assert_eq!(terminal_safe("Xã Bình Yên"), "Xã Bình Yên");
        let s = terminal_safe("a\u{1b}[2Jb\r\nc\u{202e}d\u{7f}\u{9b}");
        assert_eq!(s, "a\\u{1b}[2Jb\\u{d}\\u{a}c\\u{202e}d\\u{7f}\\u{9b}");
        assert!(!s.chars().any(is_unsafe_char));
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            let safe = spreadsheet_safe(bad);
            assert_eq!(safe, format!("'{bad}"));
        }
        for ok in ["", "UBND xã", "1", "a=b", "'x"] {
            assert_eq!(spreadsheet_safe(ok), ok);
        }
    }
}
