//! `reportHtml(rulesText, dataText, options)`: the printable report, the same HTML as
//! `cchc report` writes (the core's `present::report`).

use cchc::present::report::{ReportOptions, report_html as render, today};
use wasm_bindgen::prelude::*;

use crate::{Scored, scored, text_option};

/// The printable report of the units in `data_text` scored by the ruleset in `rules_text`, as
/// one self-contained HTML text. `options` (an object, every key optional): `dataFormat`
/// (`json`, the default, `yaml` or `csv`), `round` (a round id: scored and reported as of it),
/// `lang` (`vi`, the default, or `en`), `date` (printed on the report; default today, UTC),
/// `groupByKind`, `rulesOrigin`, `dataOrigin` (file names used in error messages).
///
/// # Errors
///
/// A `CchcError` with the diagnostics when the ruleset or the data cannot be read (or the round
/// is unknown: `unknown_round`); a `RangeError` for an unknown language; a `TypeError` for an
/// option of the wrong type.
#[wasm_bindgen(js_name = reportHtml)]
pub fn report_html(rules_text: &str, data_text: &str, options: JsValue) -> Result<String, JsValue> {
    let Scored {
        ruleset: rs,
        batch,
        lang,
        round,
    } = scored(rules_text, data_text, &options)?;
    let date = text_option(&options, "date")?.unwrap_or_else(today);
    Ok(render(
        &rs,
        &batch,
        &ReportOptions::new(lang, date).round(round),
    ))
}
