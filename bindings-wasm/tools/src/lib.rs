//! The tools module of `cchc` for browsers and Node (`cchc-tools`): the features that do not
//! fit the 600 KB scoring package `cchc-wasm` — the printable report, reading and writing
//! workbooks (feature `xlsx`, on by default), the analyses (sensitivity, improvements, compare)
//! and the diff of two rule files. A page loads it only when one of them is
//! used (the demo page's "In báo cáo" button imports it on click).
//!
//! A thin layer, as `cchc-wasm`: each export converts its arguments, delegates to the core and
//! returns its output; one file per feature (`report.rs`, …). Errors are thrown as JavaScript
//! `Error` objects named `CchcError` with a `diagnostics` array (`{code, message, file, line,
//! column, criterion}`), as `cchc-wasm` throws them.

use cchc::{
    Arg, BatchOptions, BatchResult, Code, DataFormat, Diagnostic, Lang, Localize, Message, Pos,
    Ruleset, msg,
};
use wasm_bindgen::prelude::*;

mod analysis;
mod diff;
mod report;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use analysis::{compare, improvements, sensitivity};
pub use diff::diff_json;
pub use report::report_html;
#[cfg(feature = "xlsx")]
pub use xlsx::{read_workbook, results_workbook};

/// Turns any panic into a thrown JavaScript error instead of an opaque `unreachable` trap. The
/// core has no panicking paths on input; this is a safety net.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = format!("cchc internal error (panic): {info}");
        wasm_bindgen::throw_str(&msg);
    }));
}

/// The version of the engine (the workspace's version).
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The language named by a `lang` option: absent means Vietnamese; an unknown tag is a
/// `RangeError`.
pub(crate) fn lang_of(tag: Option<String>) -> Result<Lang, JsValue> {
    match tag {
        None => Ok(Lang::Vi),
        Some(t) => t
            .parse::<Lang>()
            .map_err(|e| js_sys::RangeError::new(&e.to_string()).into()),
    }
}

/// A JavaScript `Error` named `CchcError` carrying the diagnostics, texts in `lang`.
pub(crate) fn js_error(diags: &[Diagnostic], lang: Lang) -> JsValue {
    let message = diags
        .first()
        .map(|d| d.message.render(lang))
        .unwrap_or_default();
    let err = js_sys::Error::new(&message);
    err.set_name("CchcError");
    let json = serde_json::to_string(&diags.in_lang(lang)).unwrap_or_else(|_| "[]".to_string());
    let list = js_sys::JSON::parse(&json).unwrap_or_else(|_| js_sys::Array::new().into());
    // Setting a property on a fresh Error object cannot fail; ignore the impossible error.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("diagnostics"), &list);
    err.into()
}

/// A `CchcError` of one diagnostic without a position.
pub(crate) fn error(code: Code, origin: &str, message: Message, lang: Lang) -> JsValue {
    js_error(
        &[Diagnostic::new(code, origin, Pos::default(), message)],
        lang,
    )
}

/// Option `key` of a JavaScript options object as text (`undefined` and `null`: absent); a
/// value that is not a string is a `TypeError`.
pub(crate) fn text_option(options: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let v = js_sys::Reflect::get(options, &JsValue::from_str(key))?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| js_sys::TypeError::new(&format!("option `{key}` must be a string")).into())
}

/// Option `key` as a boolean (absent: false).
pub(crate) fn bool_option(options: &JsValue, key: &str) -> Result<bool, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(false);
    }
    Ok(js_sys::Reflect::get(options, &JsValue::from_str(key))?.is_truthy())
}

/// A batch scored for an export that takes `(rulesText, dataText, options)` (the report, the
/// results workbook): the ruleset, the units read from `data_text` (option `dataFormat`: `json`,
/// the default, `yaml` or `csv`), scored as of option `round` and grouped by kind with
/// `groupByKind`; the language of `lang`. Origins for messages: `rulesOrigin`, `dataOrigin`.
pub(crate) struct Scored {
    pub(crate) ruleset: Ruleset,
    pub(crate) batch: BatchResult,
    pub(crate) lang: Lang,
    pub(crate) round: Option<usize>,
}

/// Reads the ruleset and the data and scores them (see [`Scored`]); errors thrown as the
/// exports document them.
pub(crate) fn scored(
    rules_text: &str,
    data_text: &str,
    options: &JsValue,
) -> Result<Scored, JsValue> {
    let lang = lang_of(text_option(options, "lang")?)?;
    let rules_origin = text_option(options, "rulesOrigin")?.unwrap_or_else(|| "<ruleset>".into());
    let data_origin = text_option(options, "dataOrigin")?.unwrap_or_else(|| "<data>".into());
    let rs = Ruleset::from_yaml_str(rules_text, &rules_origin)
        .map_err(|e| js_error(e.diagnostics(), lang))?;
    let round = match text_option(options, "round")? {
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
    let format_name = text_option(options, "dataFormat")?.unwrap_or_else(|| "json".into());
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
    let opts = BatchOptions::grouped(bool_option(options, "groupByKind")?).as_of(round);
    let batch = rs.score_batch_with(&units, &opts, &mut |_| {});
    Ok(Scored {
        ruleset: rs,
        batch,
        lang,
        round,
    })
}
