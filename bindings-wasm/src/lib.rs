//! WebAssembly bindings of `cchc` (wasm-bindgen).
//!
//! A thin layer: every call converts its arguments, delegates to the core library and converts
//! the result back. Results cross the boundary as JSON text produced by the core (exact
//! numbers); the JavaScript wrapper in `js/` parses it, and turns thrown errors into `CchcError`
//! objects. There is no scoring logic here or in JavaScript.
//!
//! Errors are thrown as JavaScript `Error` objects named `CchcError` with a `diagnostics`
//! property: an array of `{code, message, file, line, column, criterion}`, the core's
//! diagnostics as they are.

use cchc::{BatchOptions, Code, DataFormat, Diagnostic, Error, Pos, Ruleset, Unit};
use wasm_bindgen::prelude::*;

/// The origin name used when the caller gives none.
const DEFAULT_RULES_ORIGIN: &str = "<ruleset>";
const DEFAULT_DATA_ORIGIN: &str = "<data>";

/// Turns any panic into a thrown JavaScript error (code `internal` in the JS wrapper) instead of
/// an opaque `unreachable` trap. The core has no panicking paths on input; this is a safety net.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = format!("cchc internal error (panic): {info}");
        wasm_bindgen::throw_str(&msg);
    }));
}

/// The diagnostics as a JSON array (the core's serialisation).
fn diagnostics_json(diags: &[Diagnostic]) -> String {
    serde_json::to_string(diags).unwrap_or_else(|_| "[]".to_string())
}

/// A JavaScript `Error` named `CchcError` carrying the diagnostics.
fn js_error(diags: &[Diagnostic]) -> JsValue {
    let message = match diags.first() {
        Some(d) if diags.len() > 1 => format!("{d} (and {} more problem(s))", diags.len() - 1),
        Some(d) => d.to_string(),
        None => "unknown error".to_string(),
    };
    let err = js_sys::Error::new(&message);
    err.set_name("CchcError");
    let list = js_sys::JSON::parse(&diagnostics_json(diags))
        .unwrap_or_else(|_| js_sys::Array::new().into());
    // Setting a property on a fresh Error object cannot fail; ignore the impossible error.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("diagnostics"), &list);
    err.into()
}

fn to_js(e: &Error) -> JsValue {
    js_error(e.diagnostics())
}

fn data_error(code: Code, origin: &str, message: &str) -> JsValue {
    js_error(&[Diagnostic::new(code, origin, Pos::default(), message)])
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| {
        data_error(
            Code::Io,
            "<result>",
            &format!("cannot write the result as JSON: {e}"),
        )
    })
}

/// True when `text` is JSON for a list or for `{"units": [...]}` rather than one unit.
fn is_many(text: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}')) {
        Ok(serde_json::Value::Object(m)) => m.contains_key("units"),
        Ok(serde_json::Value::Array(_)) => true,
        _ => false,
    }
}

/// A loaded, validated and compiled ruleset (`cchc/1`).
#[wasm_bindgen(js_name = RawRuleset)]
#[derive(Debug)]
pub struct WasmRuleset {
    inner: Ruleset,
}

#[wasm_bindgen(js_class = RawRuleset)]
impl WasmRuleset {
    /// Loads a ruleset from YAML (or JSON) text; throws a `CchcError` listing every problem.
    #[wasm_bindgen(js_name = fromYaml)]
    pub fn from_yaml(text: &str, origin: Option<String>) -> Result<WasmRuleset, JsValue> {
        let origin = origin.as_deref().unwrap_or(DEFAULT_RULES_ORIGIN);
        Ruleset::from_yaml_str(text, origin)
            .map(|inner| WasmRuleset { inner })
            .map_err(|e| to_js(&e))
    }

    /// Ruleset id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id().to_string()
    }

    /// Policy version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version().to_string()
    }

    /// Title.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.inner.title().to_string()
    }

    /// `sha256:` hash of the ruleset's meaning.
    #[wasm_bindgen(getter)]
    pub fn fingerprint(&self) -> String {
        self.inner.fingerprint().to_string()
    }

    /// The data dictionary as JSON text.
    #[wasm_bindgen(js_name = inputsJson)]
    pub fn inputs_json(&self) -> Result<String, JsValue> {
        to_json(&self.inner.inputs())
    }

    /// Load-time warnings (diagnostics) as JSON text.
    #[wasm_bindgen(js_name = warningsJson)]
    pub fn warnings_json(&self) -> Result<String, JsValue> {
        to_json(&self.inner.warnings())
    }

    /// The criteria tree as JSON text.
    #[wasm_bindgen(js_name = criteriaJson)]
    pub fn criteria_json(&self) -> Result<String, JsValue> {
        to_json(&self.inner.criteria())
    }

    /// Scores one unit given as JSON text (an object); returns the result as JSON text.
    #[wasm_bindgen(js_name = scoreJson)]
    pub fn score_json(&self, text: &str, origin: Option<String>) -> Result<String, JsValue> {
        let origin = origin.as_deref().unwrap_or(DEFAULT_DATA_ORIGIN);
        let units = cchc::read_units(text, DataFormat::Json, origin).map_err(|e| to_js(&e))?;
        match units.as_slice() {
            [unit] if !is_many(text) => to_json(&self.inner.score(unit)),
            _ => Err(data_error(
                Code::DataShape,
                origin,
                "score() takes one unit (an object with `id` and `values`); for a list of units use scoreMany()",
            )),
        }
    }

    /// Scores a batch given as JSON text (a list, `{"units": [...]}` or one unit); returns
    /// `{"results": [...], "ranking": [...]}` as JSON text.
    #[wasm_bindgen(js_name = scoreManyJson)]
    pub fn score_many_json(
        &self,
        text: &str,
        group_by_kind: bool,
        origin: Option<String>,
    ) -> Result<String, JsValue> {
        let origin = origin.as_deref().unwrap_or(DEFAULT_DATA_ORIGIN);
        let units = cchc::read_units(text, DataFormat::Json, origin).map_err(|e| to_js(&e))?;
        self.batch(&units, group_by_kind)
    }

    /// Scores a data file's text (`format`: `json`, `yaml` or `csv`); returns the batch result
    /// as JSON text.
    #[wasm_bindgen(js_name = scoreTextJson)]
    pub fn score_text_json(
        &self,
        text: &str,
        format: &str,
        group_by_kind: bool,
        origin: Option<String>,
    ) -> Result<String, JsValue> {
        let origin = origin.as_deref().unwrap_or(DEFAULT_DATA_ORIGIN);
        let format = DataFormat::parse(format).ok_or_else(|| {
            data_error(
                Code::DataShape,
                origin,
                &format!("unknown data format `{format}`; use json, yaml or csv"),
            )
        })?;
        let units = cchc::read_units(text, format, origin).map_err(|e| to_js(&e))?;
        self.batch(&units, group_by_kind)
    }
}

impl WasmRuleset {
    fn batch(&self, units: &[Unit], group_by_kind: bool) -> Result<String, JsValue> {
        let result =
            self.inner
                .score_batch_with(units, &BatchOptions::grouped(group_by_kind), &mut |_| {});
        to_json(&result)
    }
}

/// Every stable problem code, in the core's order (JSON text).
#[wasm_bindgen(js_name = codesJson)]
pub fn codes_json() -> String {
    let list: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_string())
}

/// Panics on purpose, so that a test build can check that a panic reaches JavaScript as a
/// thrown error (code `internal`). Only in builds with the `test-panic` feature: the shipped
/// module does not have it.
#[cfg(feature = "test-panic")]
#[doc(hidden)]
#[wasm_bindgen(js_name = __testPanic)]
pub fn test_panic() {
    #[allow(
        clippy::panic,
        reason = "the test hook panics on purpose, to test the panic hook"
    )]
    {
        panic!("test panic requested");
    }
}

/// The version of this package (the workspace version).
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    use super::is_many;

    #[test]
    fn one_unit_or_many() {
        assert!(!is_many(r#"{"id": "a", "values": {}}"#));
        assert!(is_many(r#"[{"id": "a"}]"#));
        assert!(is_many(r#"{"units": [{"id": "a"}]}"#));
        assert!(!is_many("not json"));
    }
}
