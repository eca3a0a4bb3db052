//! The analyses of `cchc::analysis` (core feature `tools`): `sensitivity`, `improvements`,
//! `compare`. Each takes texts and an options object and returns the core's JSON text (shapes
//! in `docs/analysis.md`; numbers exact in the text — parse it with `JSON.parse`, or with a
//! decimal-aware parser where the digits matter).
//!
//! Options are the core's keys (`draws`, `range`, `seed`, `groups` (`"ruleset"`, the default,
//! `"kind"` or `"none"`), `group_by_kind`, `leave_one_out`, `max_rank_width`,
//! `max_grade_change` for `sensitivity`; `max_scorings` for `improvements`),
//! plus `lang` (`vi`, the default, or `en`) for the texts. A JavaScript number becomes a decimal
//! through its shortest round-trip text (`0.2` → `"0.2"`), which `JSON.stringify` writes.

use cchc::analysis::{compare_json, improvements_json_with, sensitivity_json};
use cchc::{Lang, Ruleset};
use wasm_bindgen::prelude::*;

use crate::{js_error, lang_of, text_option};

/// The language of `options` and the other options as JSON text for the core (`""`: none).
fn split_options(options: &JsValue) -> Result<(Lang, String), JsValue> {
    let lang = lang_of(text_option(options, "lang")?)?;
    if options.is_undefined() || options.is_null() {
        return Ok((lang, String::new()));
    }
    let rest = if options.is_object() {
        let copy = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
        js_sys::Reflect::delete_property(&copy, &JsValue::from_str("lang"))?;
        JsValue::from(copy)
    } else {
        options.clone()
    };
    let text = js_sys::JSON::stringify(&rest)?
        .as_string()
        .unwrap_or_default();
    Ok((lang, text))
}

fn ruleset(rules_text: &str, lang: Lang) -> Result<Ruleset, JsValue> {
    Ruleset::from_yaml_str(rules_text, "<ruleset>").map_err(|e| js_error(e.diagnostics(), lang))
}

/// How ranks and grades depend on the area weights: each area left out and seeded Monte Carlo
/// draws, as `cchc sensitivity --format json` (the same seed gives the same figures; the draws
/// run on one thread here, with the same results). `data_text`: unit data, JSON or YAML.
///
/// # Errors
///
/// A `CchcError` for an unreadable ruleset, data or option (`invalid_value`, `unknown_key`,
/// `limit_exceeded`); a `RangeError` for an unknown language.
#[wasm_bindgen(js_name = sensitivity)]
pub fn sensitivity(rules_text: &str, data_text: &str, options: JsValue) -> Result<String, JsValue> {
    let (lang, opts) = split_options(&options)?;
    let rs = ruleset(rules_text, lang)?;
    sensitivity_json(&rs, data_text, &opts, lang).map_err(|e| js_error(e.diagnostics(), lang))
}

/// Where the unit `unit_id` lost points and the fewest criteria whose full marks lift it to the
/// next grade (checked by re-scoring), as `cchc improve --format json`.
///
/// # Errors
///
/// A `CchcError` for an unreadable ruleset, data or option, or no unit with that id
/// (`invalid_value`); a `RangeError` for an unknown language.
#[wasm_bindgen(js_name = improvements)]
pub fn improvements(
    rules_text: &str,
    data_text: &str,
    unit_id: &str,
    options: JsValue,
) -> Result<String, JsValue> {
    let (lang, opts) = split_options(&options)?;
    let rs = ruleset(rules_text, lang)?;
    improvements_json_with(&rs, data_text, unit_id, &opts, lang)
        .map_err(|e| js_error(e.diagnostics(), lang))
}

/// Two results files (`cchc score --format json`) compared, as `cchc compare --format json`.
/// `options`: `lang` only.
///
/// # Errors
///
/// A `CchcError` when a text is not a results file (`data_syntax`, `data_shape`); a
/// `RangeError` for an unknown language.
#[wasm_bindgen(js_name = compare)]
pub fn compare(a_text: &str, b_text: &str, options: JsValue) -> Result<String, JsValue> {
    let lang = lang_of(text_option(&options, "lang")?)?;
    compare_json(a_text, b_text, lang).map_err(|e| js_error(e.diagnostics(), lang))
}
