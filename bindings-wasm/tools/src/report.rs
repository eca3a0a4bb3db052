//! `reportHtml(rulesText, dataText, options)`: the printable report, the same HTML as
//! `cchc report` writes (the core's `present::report`).

use cchc::present::report::{ReportOptions, report_html as render, today};
use cchc::{Arg, BatchOptions, Code, DataFormat, Ruleset, msg};
use wasm_bindgen::prelude::*;

use crate::{bool_option, error, js_error, lang_of, text_option};

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
    let lang = lang_of(text_option(&options, "lang")?)?;
    let rules_origin = text_option(&options, "rulesOrigin")?.unwrap_or_else(|| "<ruleset>".into());
    let data_origin = text_option(&options, "dataOrigin")?.unwrap_or_else(|| "<data>".into());
    let rs = Ruleset::from_yaml_str(rules_text, &rules_origin)
        .map_err(|e| js_error(e.diagnostics(), lang))?;
    let round = match text_option(&options, "round")? {
        None => None,
        Some(id) => Some(rs.round_index(&id).ok_or_else(|| {
            let round = Arg::ident(id.as_str());
            let m = if rs.rounds().is_empty() {
                msg!("js-unknown-round-none", round = round)
            } else {
                msg!("js-unknown-round", round = round)
            };
            error(Code::UnknownRound, &rules_origin, m, lang)
        })?),
    };
    let format_name = text_option(&options, "dataFormat")?.unwrap_or_else(|| "json".into());
    let format = DataFormat::parse(&format_name).ok_or_else(|| {
        error(
            Code::DataShape,
            &data_origin,
            msg!(
                "js-unknown-format",
                format = Arg::ident(format_name.as_str())
            ),
            lang,
        )
    })?;
    let units = cchc::read_units(data_text, format, &data_origin)
        .map_err(|e| js_error(e.diagnostics(), lang))?;
    let opts = BatchOptions::grouped(bool_option(&options, "groupByKind")?).as_of(round);
    let batch = rs.score_batch_with(&units, &opts, &mut |_| {});
    let date = text_option(&options, "date")?.unwrap_or_else(today);
    Ok(render(
        &rs,
        &batch,
        &ReportOptions::new(lang, date).round(round),
    ))
}
