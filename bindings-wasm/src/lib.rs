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

use cchc::{
    BatchOptions, BatchResult, Code, DataFormat, Diagnostic, Error, InputSlot, JsonOptions, Lang,
    Localize, Message, Pos, RawValue, Ruleset, Unit, UnitResult, msg,
};
use wasm_bindgen::prelude::*;

#[cfg(feature = "editor")]
mod selftest;

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

/// The language named by a JavaScript `lang` option: absent means Vietnamese; an unknown tag
/// is a `RangeError` with the CLI's message.
fn lang_of(tag: Option<String>) -> Result<Lang, JsValue> {
    match tag {
        None => Ok(Lang::Vi),
        Some(t) => t
            .parse::<Lang>()
            .map_err(|e| js_sys::RangeError::new(&e.to_string()).into()),
    }
}

/// The diagnostics as a JSON array (the core's serialisation, texts in `lang`).
fn diagnostics_json(diags: &[Diagnostic], lang: Lang) -> String {
    serde_json::to_string(&diags.in_lang(lang)).unwrap_or_else(|_| "[]".to_string())
}

/// A JavaScript `Error` named `CchcError` carrying the diagnostics (the JS wrapper turns it into
/// a `CchcError` object whose message it writes in the same language).
fn js_error(diags: &[Diagnostic], lang: Lang) -> JsValue {
    let message = match diags.first() {
        Some(d) => d.message.render(lang),
        None => msg!("js-unknown-error").render(lang),
    };
    let err = js_sys::Error::new(&message);
    err.set_name("CchcError");
    let list = js_sys::JSON::parse(&diagnostics_json(diags, lang))
        .unwrap_or_else(|_| js_sys::Array::new().into());
    // Setting a property on a fresh Error object cannot fail; ignore the impossible error.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("diagnostics"), &list);
    err.into()
}

fn to_js(e: &Error, lang: Lang) -> JsValue {
    js_error(e.diagnostics(), lang)
}

fn data_error(code: Code, origin: &str, message: Message, lang: Lang) -> JsValue {
    js_error(
        &[Diagnostic::new(code, origin, Pos::default(), message)],
        lang,
    )
}

fn to_json<T: serde::Serialize>(value: &T, lang: Lang) -> Result<String, JsValue> {
    json_text(serde_json::to_string(value), lang)
}

/// A JSON text written by the core (results and batches: `to_text`, the direct writer), or
/// the error as a `CchcError`.
fn json_text(text: Result<String, serde_json::Error>, lang: Lang) -> Result<String, JsValue> {
    text.map_err(|e| {
        data_error(
            Code::Io,
            "<result>",
            msg!("js-json-failed", error = e.to_string()),
            lang,
        )
    })
}

/// The arguments of a `js-` message.
struct JsArgs {
    count: u32,
    error: Option<String>,
    what: Option<String>,
    got: Option<String>,
}

/// A loaded, validated and compiled ruleset (`cchc/1`).
#[wasm_bindgen(js_name = RawRuleset)]
#[derive(Debug)]
pub struct WasmRuleset {
    inner: Ruleset,
    /// The ranking groups of batches (`withGroups`; the ruleset's by default).
    groups: cchc::Groups,
    /// The unit inputs' slots, in the order of `inputNames` (the quick path, D125).
    slots: Vec<InputSlot>,
}

impl WasmRuleset {
    fn new(inner: Ruleset, groups: cchc::Groups) -> WasmRuleset {
        let slots = inner
            .inputs()
            .iter()
            .filter_map(|i| inner.input_slot(&i.name))
            .collect();
        WasmRuleset {
            inner,
            groups,
            slots,
        }
    }
}

#[wasm_bindgen(js_class = RawRuleset)]
impl WasmRuleset {
    /// Loads a ruleset from YAML (or JSON) text; throws a `CchcError` listing every problem,
    /// its texts in `lang` (`vi` when absent).
    #[wasm_bindgen(js_name = fromYaml)]
    pub fn from_yaml(
        text: &str,
        origin: Option<String>,
        lang: Option<String>,
    ) -> Result<WasmRuleset, JsValue> {
        let lang = lang_of(lang)?;
        let origin = origin.as_deref().unwrap_or(DEFAULT_RULES_ORIGIN);
        Ruleset::from_yaml_str(text, origin)
            .map(|inner| WasmRuleset::new(inner, cchc::Groups::Ruleset))
            .map_err(|e| to_js(&e, lang))
    }

    /// This ruleset ranking batches within other groups: `ruleset` (its `ranking.groups`),
    /// `kind` (each kind on its own) or `none` (one ranking); another word throws a
    /// `RangeError`.
    #[wasm_bindgen(js_name = withGroups)]
    pub fn with_groups(&self, groups: &str, lang: Option<String>) -> Result<WasmRuleset, JsValue> {
        let lang = lang_of(lang)?;
        let groups = cchc::Groups::parse(groups).ok_or_else(|| {
            JsValue::from(js_sys::RangeError::new(
                &msg!("js-unknown-groups", groups = cchc::Arg::ident(groups)).render(lang),
            ))
        })?;
        Ok(WasmRuleset {
            inner: self.inner.clone(),
            groups,
            slots: self.slots.clone(),
        })
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

    /// Who issued the criteria (`issued_by`), when the file says.
    #[wasm_bindgen(getter, js_name = issuedBy)]
    pub fn issued_by(&self) -> Option<String> {
        self.inner.issued_by().map(str::to_string)
    }

    /// `official`, `draft` or `illustrative`.
    #[wasm_bindgen(getter)]
    pub fn status(&self) -> String {
        self.inner.status().as_str().to_string()
    }

    /// The decimal places of points, totals and the index (`rounding.places`).
    #[wasm_bindgen(getter)]
    pub fn places(&self) -> u32 {
        self.inner.places()
    }

    /// The data dictionary as JSON text.
    #[wasm_bindgen(js_name = inputsJson)]
    pub fn inputs_json(&self) -> Result<String, JsValue> {
        to_json(&self.inner.inputs(), Lang::Vi)
    }

    /// The names of the unit inputs, in the order `scoreSlots` numbers them, as JSON text.
    #[wasm_bindgen(js_name = inputNames)]
    pub fn input_names(&self) -> Result<String, JsValue> {
        // The same filter as `WasmRuleset::new`: the same order.
        let names: Vec<String> = (self.inner.inputs().into_iter())
            .filter(|i| self.inner.input_slot(&i.name).is_some())
            .map(|i| i.name)
            .collect();
        to_json(&names, Lang::Vi)
    }

    /// The quick path of `Ruleset.score` and `scoreMany` (D125): units given as input slots
    /// rather than JSON text, scored and written as `scoreJsonWith` (`batch` false, one unit) or
    /// `scoreManyJsonWith` (`batch` true) would write them; the tree, traces and `why` only
    /// with `full`, the `ruleset` key only with `head`. `codes` holds, for each unit, a header
    /// (its number of values × 4, + 2 when it has a name, + 1 with a kind) and a code per value
    /// (its slot × 8 + a tag: 0 null, 1 false, 2 true, 3 a number given as text, 4 a text, 5 a
    /// decimal r × 10^-s given by the three codes after it: r's low and high 32 bits, then s × 2
    /// + 1 when negative); `texts` holds,
    /// each followed by NUL, each unit's id, name and kind (when it has them) and the text of
    /// its numbers (JavaScript's `String(x)`) and texts. Returns `undefined` (the caller then
    /// takes the JSON path) when the codes do not add up, a text holds a control character, or
    /// a result has a warning or an error (their places in the data are the JSON path's).
    /// `compact` (a ruleset without rounds, no tree): the summary's figures alone, separated by
    /// NUL — status, total, max, index (empty for none), then the grade's id and label when
    /// there is a grade — for JavaScript to put in the summary's shape; for a batch, every
    /// result's and the ranking's entries (see `compact_batch`).
    #[wasm_bindgen(js_name = scoreSlots)]
    #[allow(
        clippy::fn_params_excessive_bools,
        clippy::too_many_arguments,
        reason = "JavaScript calls this with positional flags; a struct would cost a JS object per call"
    )]
    pub fn score_slots(
        &self,
        codes: &[u32],
        texts: &str,
        lang: Option<String>,
        round: Option<String>,
        batch: bool,
        group_by_kind: bool,
        head: bool,
        full: bool,
        compact: bool,
    ) -> Result<Option<String>, JsValue> {
        let lang = lang_of(lang)?;
        let round = self.round_of(round, lang)?;
        if batch {
            // The memory of the units and their results, at once (see `reserve`): each unit
            // holds its values, each result (with its tree) a node result per criterion.
            let tree = if full { self.inner.criteria_count() } else { 0 };
            let per_unit = tree * size_of::<cchc::NodeResult>()
                + self.slots.len() * size_of::<(usize, RawValue)>();
            reserve_bytes(unit_count(codes).saturating_mul(per_unit.saturating_mul(2)));
        }
        let Some(units) = self.slot_units(codes, texts) else {
            return Ok(None);
        };
        let opts = json_options(lang, full, full, full).ruleset(head);
        let clean = |r: &UnitResult| r.warnings.is_empty() && r.errors.is_empty();
        if batch {
            // Without `full` nothing reads the trees: the batch keeps none (issue #10).
            let bo = BatchOptions::grouped(group_by_kind)
                .groups(self.groups)
                .as_of(round)
                .trees(full);
            let result = self.inner.score_batch_with(&units, &bo, &mut |_| {});
            if !result.results.iter().all(clean) {
                return Ok(None);
            }
            if compact
                && !full
                && self.inner.rounds().is_empty()
                && result.results.iter().all(|r| r.self_assessed.is_none())
            {
                return Ok(Some(compact_batch(&result, lang)));
            }
            return json_text(result.json(opts).to_text(), lang).map(Some);
        }
        let [unit] = units.as_slice() else {
            return Ok(None);
        };
        let r = match round {
            Some(i) => self.inner.score_as_of(unit, i),
            None => self.inner.score(unit),
        };
        if !clean(&r) {
            return Ok(None);
        }
        if compact && !full && self.inner.rounds().is_empty() && r.self_assessed.is_none() {
            return Ok(Some(compact_summary(&r)));
        }
        json_text(r.json(opts).to_text(), lang).map(Some)
    }

    /// Load-time warnings (diagnostics) as JSON text, texts in `lang`.
    #[wasm_bindgen(js_name = warningsJson)]
    pub fn warnings_json(&self, lang: Option<String>) -> Result<String, JsValue> {
        let lang = lang_of(lang)?;
        to_json(&self.inner.warnings().in_lang(lang), lang)
    }

    /// The declared parameters (`parameters:`) as JSON text, each with its default.
    #[wasm_bindgen(js_name = parametersJson)]
    pub fn parameters_json(&self) -> Result<String, JsValue> {
        to_json(&self.inner.parameters(), Lang::Vi)
    }

    /// This ruleset with parameter values set (JSON text of an object `{name: value}`: a bool,
    /// a number, read exactly from its text, or a text); throws a `CchcError` with code
    /// `unknown_parameter` or `invalid_parameter`, texts in `lang`.
    #[wasm_bindgen(js_name = withParameters)]
    pub fn with_parameters(
        &self,
        json: &str,
        lang: Option<String>,
    ) -> Result<WasmRuleset, JsValue> {
        let lang = lang_of(lang)?;
        // Read by the core's JSON reader as a unit's `values` (exact numbers, as unit data):
        // no `serde_json::Value` in the module (D113).
        let wrapped = format!("{{\"id\":\"params\",\"values\":{json}}}");
        let not_object = |error: String| {
            data_error(
                Code::InvalidParameter,
                "<params>",
                msg!("js-params-not-object", error = error),
                lang,
            )
        };
        let unit = cchc::read_units(&wrapped, DataFormat::Json, "<params>")
            .map_err(|e| {
                not_object(
                    e.diagnostics()
                        .first()
                        .map(|d| d.message.render(lang))
                        .unwrap_or_default(),
                )
            })?
            .into_iter()
            .next()
            .ok_or_else(|| not_object(String::new()))?;
        let mut params = cchc::Parameters::new();
        for (k, raw) in unit.values {
            params.set(k, raw);
        }
        self.inner
            .with_parameters(&params)
            .map(|inner| WasmRuleset::new(inner, self.groups))
            .map_err(|e| to_js(&e, lang))
    }

    /// The assessment rounds the ruleset declares, in order, as JSON text: `[{id, label}]`
    /// (`[]`: one implicit round).
    #[wasm_bindgen(js_name = roundsJson)]
    pub fn rounds_json(&self) -> Result<String, JsValue> {
        to_json(&self.inner.rounds(), Lang::Vi)
    }

    /// The criteria tree as JSON text.
    #[wasm_bindgen(js_name = criteriaJson)]
    pub fn criteria_json(&self) -> Result<String, JsValue> {
        to_json(&self.inner.criteria(), Lang::Vi)
    }

    /// Scores one unit given as JSON text (an object); returns the result as JSON text, its
    /// texts (`trace`, `message`) in `lang`.
    /// `round`: as of that round (see [`WasmRuleset::rounds_json`]; an id the ruleset does not
    /// declare throws a `CchcError` with code `unknown_round`).
    #[wasm_bindgen(js_name = scoreJson)]
    pub fn score_json(
        &self,
        text: &str,
        origin: Option<String>,
        lang: Option<String>,
        round: Option<String>,
    ) -> Result<String, JsValue> {
        self.score_json_with(text, origin, lang, round, true, true, true)
    }

    /// As `scoreJson`, the result's JSON holding what the flags ask: the `criteria` tree, each
    /// node's `trace` words and `why` data (all three true: the whole result, as `scoreJson`;
    /// `criteria` false: the summary, which is what `Ruleset.score` parses first).
    #[wasm_bindgen(js_name = scoreJsonWith)]
    #[allow(
        clippy::fn_params_excessive_bools,
        clippy::too_many_arguments,
        reason = "JavaScript calls this with three flags; a struct would cost a JS object per call"
    )]
    pub fn score_json_with(
        &self,
        text: &str,
        origin: Option<String>,
        lang: Option<String>,
        round: Option<String>,
        criteria: bool,
        trace: bool,
        why: bool,
    ) -> Result<String, JsValue> {
        let lang = lang_of(lang)?;
        let round = self.round_of(round, lang)?;
        let r = self.score_one(text, origin, lang, round)?;
        json_text(
            r.json(json_options(lang, criteria, trace, why)).to_text(),
            lang,
        )
    }

    /// Scores one unit given as JSON text and explains its result in words (`lang`): the text
    /// of `cchc score --explain`.
    pub fn explain(
        &self,
        text: &str,
        origin: Option<String>,
        lang: Option<String>,
        round: Option<String>,
    ) -> Result<String, JsValue> {
        let lang = lang_of(lang)?;
        let round = self.round_of(round, lang)?;
        let r = self.score_one(text, origin, lang, round)?;
        Ok(cchc::present::explain(&r, lang))
    }

    /// Scores one unit given as JSON text; its result as an HTML table (`lang`).
    #[wasm_bindgen(js_name = unitHtml)]
    pub fn unit_html(
        &self,
        text: &str,
        origin: Option<String>,
        lang: Option<String>,
        round: Option<String>,
    ) -> Result<String, JsValue> {
        let lang = lang_of(lang)?;
        let round = self.round_of(round, lang)?;
        let r = self.score_one(text, origin, lang, round)?;
        Ok(cchc::present::unit_html(&r, lang))
    }

    /// Scores a batch given as JSON text (a list, `{"units": [...]}` or one unit); returns
    /// `{"results": [...], "ranking": [...]}` as JSON text, texts in `lang`.
    #[wasm_bindgen(js_name = scoreManyJson)]
    pub fn score_many_json(
        &self,
        text: &str,
        group_by_kind: bool,
        origin: Option<String>,
        lang: Option<String>,
        round: Option<String>,
    ) -> Result<String, JsValue> {
        self.score_many_json_with(text, group_by_kind, origin, lang, round, true, true, true)
    }

    /// As `scoreManyJson`, each result's JSON holding what the flags ask (see `scoreJsonWith`).
    #[wasm_bindgen(js_name = scoreManyJsonWith)]
    #[allow(
        clippy::fn_params_excessive_bools,
        clippy::too_many_arguments,
        reason = "JavaScript calls this with positional flags; a struct would cost a JS object per call"
    )]
    pub fn score_many_json_with(
        &self,
        text: &str,
        group_by_kind: bool,
        origin: Option<String>,
        lang: Option<String>,
        round: Option<String>,
        criteria: bool,
        trace: bool,
        why: bool,
    ) -> Result<String, JsValue> {
        let lang = lang_of(lang)?;
        let opts = BatchOptions::grouped(group_by_kind)
            .groups(self.groups)
            .as_of(self.round_of(round, lang)?);
        let origin = origin.as_deref().unwrap_or(DEFAULT_DATA_ORIGIN);
        let result = self.score_json_batch(text, &opts, origin, lang)?;
        json_text(
            result
                .json(json_options(lang, criteria, trace, why))
                .to_text(),
            lang,
        )
    }

    /// Scores a batch given as JSON text; the results as an HTML table with their ranks (`lang`).
    #[wasm_bindgen(js_name = batchHtml)]
    pub fn batch_html(
        &self,
        text: &str,
        group_by_kind: bool,
        origin: Option<String>,
        lang: Option<String>,
        round: Option<String>,
    ) -> Result<String, JsValue> {
        let lang = lang_of(lang)?;
        let opts = BatchOptions::grouped(group_by_kind)
            .groups(self.groups)
            .as_of(self.round_of(round, lang)?);
        let origin = origin.as_deref().unwrap_or(DEFAULT_DATA_ORIGIN);
        let units =
            cchc::read_units(text, DataFormat::Json, origin).map_err(|e| to_js(&e, lang))?;
        let result = self.inner.score_batch_with(&units, &opts, &mut |_| {});
        Ok(cchc::present::batch_html(
            &result.results,
            &result.ranking,
            result.grouped,
            lang,
        ))
    }

    /// Scores a data file's text (`format`: `json`, `yaml` or `csv`); returns the batch result
    /// as JSON text, texts in `lang`.
    #[wasm_bindgen(js_name = scoreTextJson)]
    pub fn score_text_json(
        &self,
        text: &str,
        format: &str,
        group_by_kind: bool,
        origin: Option<String>,
        lang: Option<String>,
        round: Option<String>,
    ) -> Result<String, JsValue> {
        self.score_text_json_with(
            text,
            format,
            group_by_kind,
            origin,
            lang,
            round,
            true,
            true,
            true,
        )
    }

    /// As `scoreTextJson`, each result's JSON holding what the flags ask (see `scoreJsonWith`).
    #[wasm_bindgen(js_name = scoreTextJsonWith)]
    #[allow(
        clippy::fn_params_excessive_bools,
        clippy::too_many_arguments,
        reason = "JavaScript calls this with positional flags; a struct would cost a JS object per call"
    )]
    pub fn score_text_json_with(
        &self,
        text: &str,
        format: &str,
        group_by_kind: bool,
        origin: Option<String>,
        lang: Option<String>,
        round: Option<String>,
        criteria: bool,
        trace: bool,
        why: bool,
    ) -> Result<String, JsValue> {
        let lang = lang_of(lang)?;
        let opts = BatchOptions::grouped(group_by_kind)
            .groups(self.groups)
            .as_of(self.round_of(round, lang)?);
        let origin = origin.as_deref().unwrap_or(DEFAULT_DATA_ORIGIN);
        let format = DataFormat::parse(format).ok_or_else(|| {
            data_error(
                Code::DataShape,
                origin,
                msg!("js-unknown-format", format = cchc::Arg::ident(format)),
                lang,
            )
        })?;
        reserve(text.len());
        let units = cchc::read_units(text, format, origin).map_err(|e| to_js(&e, lang))?;
        self.batch(&units, &opts, json_options(lang, criteria, trace, why))
    }
}

impl WasmRuleset {
    /// The round a `round` option names, as an index into the ruleset's rounds (`None`: no
    /// option, each unit's last round). An id the ruleset does not declare (every id, for a
    /// ruleset without rounds) throws a `CchcError` with code `unknown_round`.
    fn round_of(&self, round: Option<String>, lang: Lang) -> Result<Option<usize>, JsValue> {
        let Some(id) = round else { return Ok(None) };
        if let Some(i) = self.inner.round_index(&id) {
            return Ok(Some(i));
        }
        let rounds = self.inner.rounds();
        let round = cchc::Arg::ident(id);
        let d = if rounds.is_empty() {
            Diagnostic::new(
                Code::UnknownRound,
                "",
                Pos::default(),
                msg!("js-unknown-round-none", round = round),
            )
        } else {
            Diagnostic::new(
                Code::UnknownRound,
                "",
                Pos::default(),
                msg!("js-unknown-round", round = round),
            )
            .with_help(msg!(
                "unit-unknown-round-help",
                rounds = cchc::Arg::idents(rounds.iter().map(|r| r.id.as_str()))
            ))
        };
        Err(js_error(&[d], lang))
    }

    /// One unit from JSON text (an object, not a list), read by the core and scored.
    fn score_one(
        &self,
        text: &str,
        origin: Option<String>,
        lang: Lang,
        round: Option<usize>,
    ) -> Result<UnitResult, JsValue> {
        let score = |u: &Unit| match round {
            Some(i) => self.inner.score_as_of(u, i),
            None => self.inner.score(u),
        };
        let origin = origin.as_deref().unwrap_or(DEFAULT_DATA_ORIGIN);
        match cchc::data::read_one_unit(text, origin).map_err(|e| to_js(&e, lang))? {
            Some(unit) => Ok(score(&unit)),
            None => Err(data_error(
                Code::DataShape,
                origin,
                msg!("js-one-unit"),
                lang,
            )),
        }
    }

    /// The units `scoreSlots` was given, or `None` when the codes and texts do not add up or a
    /// text holds a control character (the JSON path then reads the units and reports it).
    fn slot_units(&self, codes: &[u32], texts: &str) -> Option<Vec<Unit>> {
        let mut parts = texts.split('\0');
        let mut text = || {
            parts
                .next()
                .filter(|t| {
                    !t.chars()
                        .any(|c| c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c))
                })
                .map(str::to_string)
        };
        let mut codes = codes.iter().copied();
        let mut units = Vec::new();
        while let Some(head) = codes.next() {
            let mut u = Unit::new(text()?);
            if head & 2 != 0 {
                u.name = Some(text()?);
            }
            if head & 1 != 0 {
                u.kind = Some(text()?);
            }
            // Every value takes a code at least: a count beyond the codes left is not believed
            // (nor reserved for).
            let n = usize::try_from(head >> 2).ok()?;
            if n > codes.len() {
                return None;
            }
            u.reserve_slot_values(&self.inner, n);
            for _ in 0..n {
                let code = codes.next()?;
                let slot = *self.slots.get(usize::try_from(code >> 3).ok()?)?;
                let value = match code & 7 {
                    0 => RawValue::Null,
                    1 => RawValue::Bool(false),
                    2 => RawValue::Bool(true),
                    3 => RawValue::from_plain_scalar(text()?),
                    4 => RawValue::Text(text()?),
                    5 => {
                        // r = hi × 2^32 + lo (< 10^15), then scale × 2 + sign.
                        let (lo, hi, meta) = (codes.next()?, codes.next()?, codes.next()?);
                        let r = i64::try_from((u64::from(hi) << 32) | u64::from(lo)).ok()?;
                        let r = if meta & 1 == 1 { -r } else { r };
                        RawValue::Number(cchc::Decimal::try_new(r, meta >> 1).ok()?.normalize())
                    }
                    _ => return None,
                };
                if !u.push_slot_value(&self.inner, slot, value) {
                    return None;
                }
            }
            units.push(u);
        }
        // Every text taken: only the empty piece after the last NUL is left.
        (text()?.is_empty() && text().is_none()).then_some(units)
    }

    /// A batch from JSON text, read by the core, scored and ranked.
    fn score_json_batch(
        &self,
        text: &str,
        opts: &BatchOptions,
        origin: &str,
        lang: Lang,
    ) -> Result<BatchResult, JsValue> {
        reserve(text.len());
        let units =
            cchc::read_units(text, DataFormat::Json, origin).map_err(|e| to_js(&e, lang))?;
        Ok(self.inner.score_batch_with(&units, opts, &mut |_| {}))
    }

    fn batch(
        &self,
        units: &[Unit],
        batch: &BatchOptions,
        opts: JsonOptions,
    ) -> Result<String, JsValue> {
        // A summary reads no tree: the batch keeps none (issue #10).
        let batch = batch.clone().trees(opts.criteria);
        let result = self.inner.score_batch_with(units, &batch, &mut |_| {});
        json_text(
            cchc::present::batch_json(&result.results, &result.ranking, opts).to_text(),
            opts.lang,
        )
    }
}

/// Memory a batch of JSON text of `len` bytes needs while it is read and scored (its units and
/// their results), by measure: about 12 times the text.
const BATCH_BYTES_PER_TEXT_BYTE: usize = 12;

/// Grows the module's memory once, before a batch, to what the batch will need (allocated and
/// freed at once: the allocator keeps it for the batch's many small allocations). Without it
/// the memory grows a page run at a time while the batch is read and scored, and the engine
/// (V8 here) may copy the whole memory at each growth: a 10,000-unit batch then took ~20×
/// longer the first time than the second. Nothing happens if the memory cannot grow that much
/// (the batch then grows it as it goes).
fn reserve(len: usize) {
    reserve_bytes(len.saturating_mul(BATCH_BYTES_PER_TEXT_BYTE));
}

/// How many units `scoreSlots`' codes hold (their headers, counted without reading them).
fn unit_count(codes: &[u32]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while let Some(&head) = codes.get(i) {
        n += 1;
        i += 1;
        for _ in 0..head >> 2 {
            let Some(code) = codes.get(i) else { break };
            i += if code & 7 == 5 { 4 } else { 1 };
        }
    }
    n
}

/// As [`reserve`], for `bytes` bytes (at most what one allocation may be: `isize::MAX`, 2 GiB
/// on wasm32).
fn reserve_bytes(bytes: usize) {
    let most = usize::try_from(isize::MAX).unwrap_or(usize::MAX);
    let mut block: Vec<u8> = Vec::new();
    let _ = block.try_reserve_exact(bytes.min(most));
}

/// The figures of a clean result without rounds, separated by NUL (see `scoreSlots`).
fn compact_summary(r: &UnitResult) -> String {
    let mut s = String::with_capacity(64);
    push_compact(&mut s, r);
    s
}

fn push_compact(s: &mut String, r: &UnitResult) {
    use std::fmt::Write;
    let _ = write!(s, "{}\0{}\0{}\0", r.status.as_str(), r.total, r.max);
    if let Some(i) = r.index {
        let _ = write!(s, "{i}");
    }
    if let Some(g) = r.grade() {
        let _ = write!(s, "\0{}\0{}", g.id, g.label);
    }
}

/// A clean batch without rounds in compact form (see `scoreSlots`): each result's figures, as
/// [`compact_summary`], separated by U+0001; then U+0002 and the ranking's entries, separated by
/// U+0001, each the result's position and rank (and its group's id), separated by NUL.
fn compact_batch(b: &BatchResult, lang: Lang) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(b.results.len() * 64);
    for (i, r) in b.results.iter().enumerate() {
        if i > 0 {
            s.push('\u{1}');
        }
        push_compact(&mut s, r);
    }
    s.push('\u{2}');
    for (i, e) in b.ranking.iter().enumerate() {
        if i > 0 {
            s.push('\u{1}');
        }
        let _ = write!(s, "{}\0{}", e.position, e.rank);
        if let (Some(g), Some(r)) = (e.group, b.results.get(e.position)) {
            let _ = write!(s, "\0{}", r.ranking_group(g, lang).0);
        }
    }
    s
}

/// What a result's JSON holds (see [`JsonOptions`]).
#[allow(
    clippy::fn_params_excessive_bools,
    reason = "the three flags of the JavaScript call"
)]
fn json_options(lang: Lang, criteria: bool, trace: bool, why: bool) -> JsonOptions {
    JsonOptions::new(lang)
        .criteria(criteria)
        .trace(trace)
        .why(why)
}

/// The language tag (`vi` or `en`) a `lang` option names; throws a `RangeError` for another.
#[wasm_bindgen(js_name = parseLang)]
pub fn parse_lang(tag: Option<String>) -> Result<String, JsValue> {
    lang_of(tag).map(|l| l.as_str().to_string())
}

/// A text of the JavaScript layer (`js-` messages) in `lang`, with its arguments (absent ones
/// read as empty). An id this function does not know gives `None` (the caller's own fallback).
#[wasm_bindgen(js_name = jsText)]
pub fn js_text(
    id: &str,
    count: Option<u32>,
    error: Option<String>,
    what: Option<String>,
    got: Option<String>,
    lang: Option<String>,
) -> Result<Option<String>, JsValue> {
    let lang = lang_of(lang)?;
    let args = JsArgs {
        count: count.unwrap_or(0),
        error,
        what,
        got,
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let count = args.count;
    let what = || match args.what.as_deref().unwrap_or_default() {
        "ruleset" => Some(msg!("js-what-ruleset")),
        "unit-json" => Some(msg!("js-what-unit-json")),
        "units-json" => Some(msg!("js-what-units-json")),
        "data" => Some(msg!("js-what-data")),
        "format" => Some(msg!("js-what-format")),
        _ => None,
    };
    let m = match id {
        "js-more-problems" => msg!("js-more-problems", count = count),
        "js-unknown-error" => msg!("js-unknown-error"),
        "js-internal" => msg!("js-internal", error = text(&args.error)),
        "js-engine-stopped" => msg!("js-engine-stopped", error = text(&args.error)),
        "js-freed" => msg!("js-freed"),
        "js-use-from-yaml" => msg!("js-use-from-yaml"),
        "js-not-string" => match what() {
            Some(w) => msg!(
                "js-not-string",
                what = w,
                got = cchc::Arg::ident(text(&args.got))
            ),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(m.render(lang)))
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
