//! The JSON Schema of the rule format with its descriptions in a language (Vietnamese by
//! default): the hover texts an editor shows (`cchc schema`, `docs/editor-setup.md`). The
//! schema's shape is derived from the model (`ruleset/model.rs`); its words come from the
//! catalogue (`tools-schema-…`), so that an officer reads them in Vietnamese.

use serde_json::Value;

use crate::i18n::{Lang, Message};
use crate::msg;

/// The descriptions: (definition, property, text). Definition `""` is the document itself,
/// `RuleDecl` the rule kinds (alternatives of `rule:`), `Operand` the `input`/`expr` forms of a
/// rule's value wherever they appear.
fn texts() -> Vec<(&'static str, &'static str, Message)> {
    vec![
        ("", "", msg!("tools-schema-root")),
        ("", "format", msg!("tools-schema-root-format")),
        ("", "id", msg!("tools-schema-root-id")),
        ("", "version", msg!("tools-schema-root-version")),
        ("", "title", msg!("tools-schema-root-title")),
        ("", "issued_by", msg!("tools-schema-root-issued-by")),
        ("", "status", msg!("tools-schema-root-status")),
        ("", "effective", msg!("tools-schema-root-effective")),
        ("", "total", msg!("tools-schema-root-total")),
        ("", "rounding", msg!("tools-schema-root-rounding")),
        ("", "on_missing", msg!("tools-schema-root-on-missing")),
        ("", "ranking", msg!("tools-schema-root-ranking")),
        ("", "inputs", msg!("tools-schema-root-inputs")),
        ("", "grades", msg!("tools-schema-root-grades")),
        ("", "rounds", msg!("tools-schema-root-rounds")),
        ("", "criteria", msg!("tools-schema-root-criteria")),
        ("", "tests", msg!("tools-schema-root-tests")),
        ("Effective", "from", msg!("tools-schema-effective-from")),
        ("Effective", "to", msg!("tools-schema-effective-to")),
        ("Rounding", "places", msg!("tools-schema-rounding-places")),
        ("InputDecl", "type", msg!("tools-schema-input-decl-type")),
        ("InputDecl", "label", msg!("tools-schema-input-decl-label")),
        (
            "InputDecl",
            "description",
            msg!("tools-schema-input-decl-description"),
        ),
        ("InputDecl", "min", msg!("tools-schema-input-decl-min")),
        ("InputDecl", "max", msg!("tools-schema-input-decl-max")),
        (
            "InputDecl",
            "options",
            msg!("tools-schema-input-decl-options"),
        ),
        (
            "InputDecl",
            "default",
            msg!("tools-schema-input-decl-default"),
        ),
        (
            "InputDecl",
            "on_missing",
            msg!("tools-schema-input-decl-on-missing"),
        ),
        ("GradeDecl", "id", msg!("tools-schema-grade-decl-id")),
        ("GradeDecl", "label", msg!("tools-schema-grade-decl-label")),
        (
            "GradeDecl",
            "at_least",
            msg!("tools-schema-grade-decl-at-least"),
        ),
        (
            "GradeDecl",
            "requires",
            msg!("tools-schema-grade-decl-requires"),
        ),
        ("RoundDecl", "id", msg!("tools-schema-round-decl-id")),
        ("RoundDecl", "label", msg!("tools-schema-round-decl-label")),
        ("NodeDecl", "id", msg!("tools-schema-node-decl-id")),
        ("NodeDecl", "title", msg!("tools-schema-node-decl-title")),
        ("NodeDecl", "max", msg!("tools-schema-node-decl-max")),
        (
            "NodeDecl",
            "description",
            msg!("tools-schema-node-decl-description"),
        ),
        (
            "NodeDecl",
            "evidence",
            msg!("tools-schema-node-decl-evidence"),
        ),
        ("NodeDecl", "kind", msg!("tools-schema-node-decl-kind")),
        (
            "NodeDecl",
            "applies_if",
            msg!("tools-schema-node-decl-applies-if"),
        ),
        (
            "NodeDecl",
            "if_not_applicable",
            msg!("tools-schema-node-decl-if-not-applicable"),
        ),
        ("NodeDecl", "cap", msg!("tools-schema-node-decl-cap")),
        (
            "NodeDecl",
            "children",
            msg!("tools-schema-node-decl-children"),
        ),
        ("NodeDecl", "rule", msg!("tools-schema-node-decl-rule")),
        ("RuleDecl", "check", msg!("tools-schema-rule-decl-check")),
        ("RuleDecl", "bands", msg!("tools-schema-rule-decl-bands")),
        ("RuleDecl", "scale", msg!("tools-schema-rule-decl-scale")),
        ("RuleDecl", "deduct", msg!("tools-schema-rule-decl-deduct")),
        ("RuleDecl", "per", msg!("tools-schema-rule-decl-per")),
        ("RuleDecl", "levels", msg!("tools-schema-rule-decl-levels")),
        ("RuleDecl", "value", msg!("tools-schema-rule-decl-value")),
        ("RuleDecl", "script", msg!("tools-schema-rule-decl-script")),
        ("Operand", "input", msg!("tools-schema-operand-input")),
        ("Operand", "expr", msg!("tools-schema-operand-expr")),
        ("BandsDecl", "steps", msg!("tools-schema-bands-decl-steps")),
        (
            "StepDecl",
            "at_least",
            msg!("tools-schema-step-decl-at-least"),
        ),
        ("StepDecl", "above", msg!("tools-schema-step-decl-above")),
        (
            "StepDecl",
            "at_most",
            msg!("tools-schema-step-decl-at-most"),
        ),
        ("StepDecl", "below", msg!("tools-schema-step-decl-below")),
        ("StepDecl", "equals", msg!("tools-schema-step-decl-equals")),
        ("StepDecl", "points", msg!("tools-schema-step-decl-points")),
        ("ScaleDecl", "from", msg!("tools-schema-scale-decl-from")),
        ("ScaleDecl", "to", msg!("tools-schema-scale-decl-to")),
        ("DeductDecl", "per", msg!("tools-schema-deduct-decl-per")),
        (
            "DeductDecl",
            "floor",
            msg!("tools-schema-deduct-decl-floor"),
        ),
        ("PerDecl", "points", msg!("tools-schema-per-decl-points")),
        (
            "LevelsDecl",
            "input",
            msg!("tools-schema-levels-decl-input"),
        ),
        (
            "LevelsDecl",
            "points",
            msg!("tools-schema-levels-decl-points"),
        ),
        ("", "parameters", msg!("tools-schema-root-parameters")),
        ("GroupDecl", "id", msg!("tools-schema-group-decl-id")),
        ("GroupDecl", "label", msg!("tools-schema-group-decl-label")),
        ("GroupDecl", "kinds", msg!("tools-schema-group-decl-kinds")),
        ("ParamSchema", "type", msg!("tools-schema-param-type")),
        ("ParamSchema", "label", msg!("tools-schema-param-label")),
        (
            "ParamSchema",
            "description",
            msg!("tools-schema-param-description"),
        ),
        ("ParamSchema", "default", msg!("tools-schema-param-default")),
        ("ParamSchema", "min", msg!("tools-schema-param-min")),
        ("ParamSchema", "max", msg!("tools-schema-param-max")),
        ("ParamSchema", "options", msg!("tools-schema-param-options")),
        (
            "RankingSpec",
            "method",
            msg!("tools-schema-ranking-spec-method"),
        ),
        (
            "RankingSpec",
            "groups",
            msg!("tools-schema-ranking-spec-groups"),
        ),
        (
            "TestDecl",
            "parameters",
            msg!("tools-schema-test-decl-parameters"),
        ),
        ("TestDecl", "name", msg!("tools-schema-test-decl-name")),
        ("TestDecl", "values", msg!("tools-schema-test-decl-values")),
        (
            "TestDecl",
            "not_applicable",
            msg!("tools-schema-test-decl-not-applicable"),
        ),
        (
            "TestDecl",
            "self_assessed",
            msg!("tools-schema-test-decl-self-assessed"),
        ),
        ("TestDecl", "expect", msg!("tools-schema-test-decl-expect")),
        (
            "ExpectDecl",
            "points",
            msg!("tools-schema-expect-decl-points"),
        ),
        (
            "ExpectDecl",
            "total",
            msg!("tools-schema-expect-decl-total"),
        ),
        (
            "ExpectDecl",
            "index",
            msg!("tools-schema-expect-decl-index"),
        ),
        (
            "ExpectDecl",
            "grade",
            msg!("tools-schema-expect-decl-grade"),
        ),
        (
            "ExpectDecl",
            "status",
            msg!("tools-schema-expect-decl-status"),
        ),
    ]
}

/// The description of each definition (what its value is).
fn definitions() -> Vec<(&'static str, Message)> {
    vec![
        ("BandsDecl", msg!("tools-schema-def-bands-decl")),
        ("DeductDecl", msg!("tools-schema-def-deduct-decl")),
        ("Effective", msg!("tools-schema-def-effective")),
        ("ExpectDecl", msg!("tools-schema-def-expect-decl")),
        ("GradeDecl", msg!("tools-schema-def-grade-decl")),
        (
            "IfNotApplicable",
            msg!("tools-schema-def-if-not-applicable"),
        ),
        ("GroupDecl", msg!("tools-schema-def-group-decl")),
        ("ParamSchema", msg!("tools-schema-def-param-schema")),
        ("RankingSpec", msg!("tools-schema-def-ranking-spec")),
        ("RankingDecl", msg!("tools-schema-def-ranking-decl")),
        ("InputDecl", msg!("tools-schema-def-input-decl")),
        ("InputType", msg!("tools-schema-def-input-type")),
        ("LevelsDecl", msg!("tools-schema-def-levels-decl")),
        ("NodeDecl", msg!("tools-schema-def-node-decl")),
        ("NodeKind", msg!("tools-schema-def-node-kind")),
        ("OnMissing", msg!("tools-schema-def-on-missing")),
        ("Options", msg!("tools-schema-def-options")),
        ("PerDecl", msg!("tools-schema-def-per-decl")),
        ("RankingMode", msg!("tools-schema-def-ranking-mode")),
        ("RoundDecl", msg!("tools-schema-def-round-decl")),
        ("Rounding", msg!("tools-schema-def-rounding")),
        ("RuleDecl", msg!("tools-schema-def-rule-decl")),
        ("RulesetStatus", msg!("tools-schema-def-ruleset-status")),
        ("Scalar", msg!("tools-schema-def-scalar")),
        ("ScaleDecl", msg!("tools-schema-def-scale-decl")),
        ("SimpleOperand", msg!("tools-schema-def-simple-operand")),
        ("StepDecl", msg!("tools-schema-def-step-decl")),
        ("TestDecl", msg!("tools-schema-def-test-decl")),
        ("UnitStatus", msg!("tools-schema-def-unit-status")),
    ]
}

/// The description of each keyword value of the enumerations (`type: count`, `kind: bonus`…).
fn keywords() -> Vec<(&'static str, &'static str, Message)> {
    vec![
        (
            "IfNotApplicable",
            "exclude",
            msg!("tools-schema-if-not-applicable-is-exclude"),
        ),
        (
            "IfNotApplicable",
            "full",
            msg!("tools-schema-if-not-applicable-is-full"),
        ),
        ("InputType", "bool", msg!("tools-schema-input-type-is-bool")),
        (
            "InputType",
            "count",
            msg!("tools-schema-input-type-is-count"),
        ),
        (
            "InputType",
            "percent",
            msg!("tools-schema-input-type-is-percent"),
        ),
        (
            "InputType",
            "number",
            msg!("tools-schema-input-type-is-number"),
        ),
        (
            "InputType",
            "choice",
            msg!("tools-schema-input-type-is-choice"),
        ),
        (
            "NodeKind",
            "normal",
            msg!("tools-schema-node-kind-is-normal"),
        ),
        ("NodeKind", "bonus", msg!("tools-schema-node-kind-is-bonus")),
        (
            "NodeKind",
            "penalty",
            msg!("tools-schema-node-kind-is-penalty"),
        ),
        (
            "OnMissing",
            "error",
            msg!("tools-schema-on-missing-is-error"),
        ),
        ("OnMissing", "zero", msg!("tools-schema-on-missing-is-zero")),
        (
            "OnMissing",
            "not_applicable",
            msg!("tools-schema-on-missing-is-not-applicable"),
        ),
        (
            "RankingMode",
            "competition",
            msg!("tools-schema-ranking-mode-is-competition"),
        ),
        (
            "RankingMode",
            "dense",
            msg!("tools-schema-ranking-mode-is-dense"),
        ),
        (
            "RulesetStatus",
            "official",
            msg!("tools-schema-ruleset-status-is-official"),
        ),
        (
            "RulesetStatus",
            "draft",
            msg!("tools-schema-ruleset-status-is-draft"),
        ),
        (
            "RulesetStatus",
            "illustrative",
            msg!("tools-schema-ruleset-status-is-illustrative"),
        ),
        (
            "UnitStatus",
            "complete",
            msg!("tools-schema-unit-status-is-complete"),
        ),
        (
            "UnitStatus",
            "incomplete",
            msg!("tools-schema-unit-status-is-incomplete"),
        ),
        (
            "UnitStatus",
            "error",
            msg!("tools-schema-unit-status-is-error"),
        ),
    ]
}

/// The JSON Schema (2020-12) of the `cchc/1` rule format, its descriptions in `lang`.
pub fn json_schema_in(lang: Lang) -> Value {
    let mut schema = crate::ruleset::json_schema();
    for (def, prop, m) in texts() {
        let text = Value::String(m.render(lang));
        match (def, prop) {
            ("", "") => set(&mut schema, text),
            ("", p) => set_prop(&mut schema, p, text),
            ("RuleDecl", p) => {
                for alt in alternatives(&mut schema, "RuleDecl") {
                    if alt.pointer(&format!("/properties/{p}")).is_some() {
                        set(alt, text.clone());
                        set_prop(alt, p, text.clone());
                    }
                }
            }
            ("Operand", p) => {
                let defs = [
                    "SimpleOperand",
                    "BandsDecl",
                    "ScaleDecl",
                    "DeductDecl",
                    "PerDecl",
                ];
                for d in defs {
                    for alt in alternatives(&mut schema, d) {
                        if let Some(v) = alt.pointer_mut(&format!("/properties/{p}")) {
                            set(v, text.clone());
                            set(alt, text.clone());
                        }
                    }
                }
            }
            (d, p) => {
                if let Some(def) = schema.pointer_mut(&format!("/$defs/{d}")) {
                    set_prop(def, p, text);
                }
            }
        }
    }
    for (def, m) in definitions() {
        if let Some(d) = schema.pointer_mut(&format!("/$defs/{def}")) {
            set(d, Value::String(m.render(lang)));
        }
    }
    for (def, keyword, m) in keywords() {
        for alt in alternatives(&mut schema, def) {
            if alt.get("const").and_then(Value::as_str) == Some(keyword) {
                set(alt, Value::String(m.render(lang)));
            }
        }
    }
    schema
}

/// The `oneOf` alternatives of a definition.
fn alternatives<'a>(schema: &'a mut Value, def: &str) -> Vec<&'a mut Value> {
    schema
        .pointer_mut(&format!("/$defs/{def}/oneOf"))
        .and_then(Value::as_array_mut)
        .map(|a| a.iter_mut().collect())
        .unwrap_or_default()
}

fn set(v: &mut Value, text: Value) {
    if let Some(o) = v.as_object_mut() {
        o.insert("description".into(), text);
    }
}

fn set_prop(v: &mut Value, prop: &str, text: Value) {
    if let Some(p) = v.pointer_mut(&format!("/properties/{prop}")) {
        set(p, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every property of every definition has a description in the language asked for: a
    /// field added to the model without its Vietnamese text fails here.
    #[test]
    fn every_property_is_described_in_vietnamese() {
        let vi = json_schema_in(Lang::Vi);
        let en = crate::ruleset::json_schema();
        let mut missing = Vec::new();
        let mut check = |path: String, v: &Value, e: &Value| {
            let (a, b) = (v.get("description"), e.get("description"));
            if a.is_none() || a == b {
                missing.push(path);
            }
        };
        let props = |v: &Value| {
            v.get("properties")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default()
        };
        for (k, v) in props(&vi) {
            check(format!("/{k}"), &v, &en["properties"][&k]);
        }
        for (d, def) in vi["$defs"].as_object().unwrap() {
            for (k, v) in props(def) {
                check(format!("{d}/{k}"), &v, &en["$defs"][d]["properties"][&k]);
            }
        }
        for (i, alt) in vi["$defs"]["RuleDecl"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            check(
                format!("RuleDecl/{i}"),
                alt,
                &en["$defs"]["RuleDecl"]["oneOf"][i],
            );
        }
        for (d, def) in vi["$defs"].as_object().unwrap() {
            check(d.to_string(), def, &en["$defs"][d]);
            for (i, alt) in def
                .get("oneOf")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                if alt.get("const").is_some() {
                    check(format!("{d}/{i}"), alt, &en["$defs"][d]["oneOf"][i]);
                }
            }
        }
        assert!(missing.is_empty(), "{missing:?}");
        assert!(
            vi["properties"]["total"]["description"]
                .as_str()
                .unwrap()
                .contains("Tổng điểm")
        );
    }
}
