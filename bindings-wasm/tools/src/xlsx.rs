//! Workbooks in the browser: `readWorkbook(rulesText, bytes, options)` reads a workbook's sheet
//! (`.xlsx`, `.xlsm`, `.xls`, `.ods`) into JSON unit data, and `resultsWorkbook(rulesText,
//! dataText, options)` writes the results workbook of the units scored — the same reader and
//! writer as `cchc score units.xlsx` and `cchc score … --format xlsx` (the core's `data` and
//! `present::xlsx`).

use cchc::{Lang, Ruleset};
use wasm_bindgen::prelude::*;

use crate::{Scored, js_error, lang_of, scored, text_option};

/// The ruleset of `rules_text` (its diagnostics thrown).
fn ruleset(rules_text: &str, options: &JsValue, lang: Lang) -> Result<Ruleset, JsValue> {
    let origin = text_option(options, "rulesOrigin")?.unwrap_or_else(|| "<ruleset>".into());
    Ruleset::from_yaml_str(rules_text, &origin).map_err(|e| js_error(e.diagnostics(), lang))
}

/// The units of a workbook's sheet as JSON unit data (an array, the format of docs/format.md),
/// each value read as the ruleset of `rules_text` reads it (a cell "có" of a yes/no input is
/// `true`, "92,5" is `92.5`, a header written as an input's label becomes its name). `bytes`:
/// the workbook file's bytes (a `Uint8Array`). `options` (every key optional): `sheet` (a
/// sheet's name; default the first), `lang` (`vi`, the default, or `en`: the texts of errors
/// and of cells that cannot be values), `dataOrigin` (the file's name, in messages),
/// `rulesOrigin`.
///
/// # Errors
///
/// A `CchcError` when the ruleset cannot be read or the workbook cannot be read as units
/// (`unreadable_workbook`: not a workbook, password-protected, damaged, a zip bomb;
/// `unknown_sheet`; `empty_csv`; `file_too_large`; a duplicate column); a `RangeError` for an
/// unknown language; a `TypeError` for an option of the wrong type.
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook(rules_text: &str, bytes: &[u8], options: JsValue) -> Result<String, JsValue> {
    let lang = lang_of(text_option(&options, "lang")?)?;
    let rs = ruleset(rules_text, &options, lang)?;
    let origin = text_option(&options, "dataOrigin")?.unwrap_or_else(|| "<workbook>".into());
    let sheet = text_option(&options, "sheet")?;
    let units = cchc::data::read_workbook(bytes, &origin, sheet.as_deref())
        .map_err(|e| js_error(e.diagnostics(), lang))?;
    Ok(cchc::data::units_json(&rs, &units, lang).to_string())
}

/// The results workbook (`.xlsx` bytes, a `Uint8Array`) of the units in `data_text` scored by
/// the ruleset in `rules_text`: sheets "Xếp hạng", "Tổng hợp" and one per unit, as `cchc score
/// … --format xlsx` writes it. `options` (every key optional): `dataFormat` (`json`, the
/// default, `yaml` or `csv`), `round` (a round id: scored as of it), `lang` (`vi`, the default,
/// or `en`: headers and words), `groupByKind`, `rulesOrigin`, `dataOrigin`.
///
/// # Errors
///
/// As `reportHtml`: a `CchcError` when the ruleset or the data cannot be read (or the round is
/// unknown: `unknown_round`); a `RangeError` for an unknown language; a `TypeError` for an
/// option of the wrong type.
#[wasm_bindgen(js_name = resultsWorkbook)]
pub fn results_workbook(
    rules_text: &str,
    data_text: &str,
    options: JsValue,
) -> Result<Vec<u8>, JsValue> {
    let Scored {
        ruleset: rs,
        batch,
        lang,
        round: _,
    } = scored(rules_text, data_text, &options)?;
    cchc::present::xlsx::results_workbook(&rs, &batch, lang)
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}
