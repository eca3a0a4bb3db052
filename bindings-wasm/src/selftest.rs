//! The ruleset's own worked cases (`tests:`), run by the core's test runner (`cchc test`), for
//! the rule editor page. A thin export: the outcomes are written as JSON, their texts in a
//! language; what passes and what differs is the core's. Only in the editor's build of the module
//! (feature `editor`): the runner costs about 3 KB gzipped, more than the scoring package's
//! budget has left.

use wasm_bindgen::prelude::*;

use super::{WasmRuleset, lang_of, to_json};

/// One case as the page reads it.
#[derive(serde::Serialize)]
struct Case {
    name: String,
    line: u32,
    passed: bool,
    failures: Vec<Failure>,
    errors: Vec<String>,
}

/// One figure that differs (`what` in words).
#[derive(serde::Serialize)]
struct Failure {
    what: String,
    expected: String,
    actual: String,
}

#[wasm_bindgen(js_class = RawRuleset)]
impl WasmRuleset {
    /// Runs the file's `tests:`: `[{name, line, passed, failures: [{what, expected, actual}],
    /// errors: [text]}]`, texts in `lang` (`vi` when absent); `[]` when the file has none.
    #[wasm_bindgen(js_name = runTestsJson)]
    pub fn run_tests_json(&self, lang: Option<String>) -> Result<String, JsValue> {
        let lang = lang_of(lang)?;
        let cases: Vec<Case> = self
            .inner
            .run_tests()
            .into_iter()
            .map(|t| Case {
                passed: t.passed(),
                failures: t
                    .failures
                    .iter()
                    .map(|f| Failure {
                        what: f.what.render(lang),
                        expected: f.expected.clone(),
                        actual: f.actual.clone(),
                    })
                    .collect(),
                errors: t.errors.iter().map(|m| m.render(lang)).collect(),
                name: t.name,
                line: t.line,
            })
            .collect();
        to_json(&cases, lang)
    }
}
