//! `diffJson(oldText, oldName, newText, newName, dataText?, dataFormat?, lang?)`: what changed
//! between two versions of a rule file, and, with unit data, the units whose index, grade or
//! rank change — the core's `cchc::diff`, the same diff as `cchc diff OLD NEW [--data FILE]
//! --format json`.

use cchc::diff::{diff, diff_with_effect};
use cchc::{Arg, Code, DataFormat, Ruleset, msg};
use wasm_bindgen::prelude::*;

use crate::{error, js_error, lang_of};

/// The name of the unit data in error messages.
const DATA_ORIGIN: &str = "<data>";

/// The diff of the rule file `old_text` (named `old_name` in messages) and `new_text`
/// (`new_name`), as the JSON text `{"diff": …, "texts": […]}`: `diff` is exactly what
/// `cchc diff --format json` writes (docs/authoring.md; with `data_text`, its `effect` lists the
/// units scored with both whose index, grade or rank change), `texts` each change of
/// `diff.changes` in words, in `lang` (`vi`, the default, or `en`), in the same order.
/// `data_format`: `json` (the default), `yaml` or `csv`, read by the core's readers as
/// `cchc diff --data` reads a file.
///
/// # Errors
///
/// A `CchcError` with the diagnostics of the first rule file that does not load, of data that
/// cannot be read, or of an unknown data format (`data_shape`); a `RangeError` for an unknown
/// language.
#[wasm_bindgen(js_name = diffJson)]
pub fn diff_json(
    old_text: &str,
    old_name: &str,
    new_text: &str,
    new_name: &str,
    data_text: Option<String>,
    data_format: Option<String>,
    lang: Option<String>,
) -> Result<String, JsValue> {
    let lang = lang_of(lang)?;
    let load = |text: &str, name: &str| {
        Ruleset::from_yaml_str(text, name).map_err(|e| js_error(e.diagnostics(), lang))
    };
    let old = load(old_text, old_name)?;
    let new = load(new_text, new_name)?;
    let d = match data_text {
        None => diff(&old, &new),
        Some(text) => {
            let name = data_format.unwrap_or_else(|| "json".into());
            let format = DataFormat::parse(&name).ok_or_else(|| {
                error(
                    Code::DataShape,
                    DATA_ORIGIN,
                    msg!("js-unknown-format", format = Arg::ident(name.as_str())),
                    lang,
                )
            })?;
            let units = cchc::read_units(&text, format, DATA_ORIGIN)
                .map_err(|e| js_error(e.diagnostics(), lang))?;
            diff_with_effect(&old, &new, &units)
        }
    };
    let texts = serde_json::to_string(&d.change_texts(lang)).unwrap_or_else(|_| "[]".into());
    Ok(format!("{{\"diff\":{},\"texts\":{texts}}}", d.to_json()))
}
