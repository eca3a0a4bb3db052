//! Typed descriptions of a loaded ruleset's inputs and criteria, for forms and bindings.
//!
//! Fields are declared in alphabetical order, so that `serde_json::to_string` writes the same
//! bytes as a `serde_json::Value` of them (whose maps are sorted).

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::inputs::Value;
use crate::plan::{Body, Plan};
use crate::result::Num;
use crate::types::{InputType, NodeKind, OnMissing, RuleKind};

/// The value an input takes when a unit does not give it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum InputDefault {
    /// A bool input's default.
    Bool(bool),
    /// A numeric input's default (an exact JSON number).
    Number(#[serde(serialize_with = "num")] Decimal),
    /// A choice input's default option.
    Choice(String),
}

/// One declared input (the data dictionary), as `Ruleset::inputs` lists them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct InputInfo {
    /// Value used when the unit gives none.
    pub default: Option<InputDefault>,
    /// Longer explanation.
    pub description: Option<String>,
    /// Label shown to users (Vietnamese).
    pub label: Option<String>,
    /// Largest allowed value (`number` inputs).
    #[serde(serialize_with = "opt_num")]
    pub max: Option<Decimal>,
    /// Smallest allowed value (`number` inputs).
    #[serde(serialize_with = "opt_num")]
    pub min: Option<Decimal>,
    /// Name (NFC), as units give it.
    pub name: String,
    /// What an absent value means (the ruleset's default resolved).
    pub on_missing: OnMissing,
    /// Each option's label, by option id, when the rule file labels them (`choice` inputs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option_labels: Option<std::collections::BTreeMap<String, String>>,
    /// The option ids, in order (`choice` inputs).
    pub options: Option<Vec<String>>,
    /// The type.
    #[serde(rename = "type")]
    pub ty: InputType,
}

/// One criterion of the tree, with its sub-criteria, as `Ruleset::criteria` lists them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CriterionInfo {
    /// The source of its `applies_if` condition.
    pub applies_if: Option<String>,
    /// Groups: the sub-criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<CriterionInfo>>,
    /// Explanation.
    pub description: Option<String>,
    /// Documents an inspector asks for.
    pub evidence: Vec<String>,
    /// Id (NFC).
    pub id: String,
    /// normal, bonus or penalty.
    pub kind: NodeKind,
    /// Declared maximum points.
    #[serde(serialize_with = "num")]
    pub max: Decimal,
    /// Leaves: the rule kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleKind>,
    /// Title.
    pub title: String,
}

fn num<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    Num(*d).serialize(s)
}

fn opt_num<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    d.map(Num).serialize(s)
}

/// The inputs of a plan, in declaration order (not its parameters).
pub(super) fn inputs(plan: &Plan) -> Vec<InputInfo> {
    infos(plan.inputs.iter().take(plan.n_inputs))
}

/// The parameters of a plan, in declaration order (`default` is the declared default).
pub(crate) fn parameters(plan: &Plan) -> Vec<InputInfo> {
    infos(plan.inputs.iter().skip(plan.n_inputs))
}

/// A value of an input or parameter as a JSON-ready value (a choice by its option id).
pub(crate) fn value_of(d: &crate::inputs::InputDef, v: &Value) -> Option<InputDefault> {
    match v {
        Value::Bool(b) => Some(InputDefault::Bool(*b)),
        Value::Num(n) => Some(InputDefault::Number(*n)),
        Value::Choice(i) => d.options.get(*i).cloned().map(InputDefault::Choice),
    }
}

fn infos<'a>(defs: impl Iterator<Item = &'a crate::inputs::InputDef>) -> Vec<InputInfo> {
    defs.map(|d| InputInfo {
        default: d.default.as_ref().and_then(|v| value_of(d, v)),
        description: d.description.clone(),
        label: d.label.clone(),
        max: d.max,
        min: d.min,
        name: d.name.clone(),
        on_missing: d.on_missing,
        option_labels: option_labels(d),
        options: (!d.options.is_empty()).then(|| d.options.clone()),
        ty: d.ty,
    })
    .collect()
}

/// `{id: label}` of a choice input whose options are labelled.
fn option_labels(
    d: &crate::inputs::InputDef,
) -> Option<std::collections::BTreeMap<String, String>> {
    let map: std::collections::BTreeMap<String, String> = d
        .options
        .iter()
        .zip(&d.option_labels)
        .filter_map(|(o, l)| l.clone().map(|l| (o.clone(), l)))
        .collect();
    (!map.is_empty()).then_some(map)
}

/// The criteria tree of a plan.
pub(super) fn criteria(plan: &Plan) -> Vec<CriterionInfo> {
    plan.roots
        .iter()
        .filter_map(|&r| criterion(plan, r))
        .collect()
}

fn criterion(plan: &Plan, i: usize) -> Option<CriterionInfo> {
    let n = plan.nodes.get(i)?;
    let (rule, children) = match &n.body {
        Body::Leaf(rule) => (Some(rule.kind()), None),
        Body::Group(kids) => (
            None,
            Some(kids.iter().filter_map(|&k| criterion(plan, k)).collect()),
        ),
    };
    Some(CriterionInfo {
        applies_if: n.applies_if.as_ref().map(|c| c.source.clone()),
        children,
        description: n.description.clone(),
        evidence: n.evidence.clone(),
        id: n.id.clone(),
        kind: n.kind,
        max: n.max,
        rule,
        title: n.title.clone(),
    })
}

#[cfg(test)]
mod tests {
    use crate::Ruleset;

    /// The same JSON the former hand-built `inputs_json`/`criteria_json` wrote.
    #[test]
    fn json_shape_is_unchanged() {
        let text = "format: cchc/1\nid: t\nversion: \"1\"\ntitle: T\ntotal: 3\ninputs:\n  b: { type: bool, label: Có, default: true }\n  x: { type: number, min: 0.50, max: 10, description: D }\n  c: { type: choice, options: [a, b], default: b, on_missing: zero }\n  p: { type: percent }\ncriteria:\n  - id: g\n    title: G\n    max: 2\n    description: Gd\n    evidence: [e1]\n    applies_if: b\n    children:\n      - { id: a, title: A, max: 1.50, rule: { check: b } }\n      - { id: k, title: K, max: 0.5, rule: { levels: { input: c, points: { a: 0, b: 0.5 } } } }\n  - { id: z, title: Z, max: 1, kind: normal, rule: { bands: { input: p, steps: [ { points: 1 } ] } } }\n  - { id: q, title: Q, max: 1, kind: bonus, rule: { value: x } }\n";
        let rs = Ruleset::from_yaml_str(text, "t.yaml").unwrap();
        let inputs = r#"[{"default":true,"description":null,"label":"Có","max":null,"min":null,"name":"b","on_missing":"error","options":null,"type":"bool"},{"default":null,"description":"D","label":null,"max":10,"min":0.5,"name":"x","on_missing":"error","options":null,"type":"number"},{"default":"b","description":null,"label":null,"max":null,"min":null,"name":"c","on_missing":"zero","options":["a","b"],"type":"choice"},{"default":null,"description":null,"label":null,"max":null,"min":null,"name":"p","on_missing":"error","options":null,"type":"percent"}]"#;
        let criteria = r#"[{"applies_if":"b","children":[{"applies_if":null,"description":null,"evidence":[],"id":"a","kind":"normal","max":1.5,"rule":"check","title":"A"},{"applies_if":null,"description":null,"evidence":[],"id":"k","kind":"normal","max":0.5,"rule":"levels","title":"K"}],"description":"Gd","evidence":["e1"],"id":"g","kind":"normal","max":2,"title":"G"},{"applies_if":null,"description":null,"evidence":[],"id":"z","kind":"normal","max":1,"rule":"bands","title":"Z"},{"applies_if":null,"description":null,"evidence":[],"id":"q","kind":"bonus","max":1,"rule":"value","title":"Q"}]"#;
        assert_eq!(serde_json::to_string(&rs.inputs()).unwrap(), inputs);
        assert_eq!(serde_json::to_string(&rs.criteria()).unwrap(), criteria);
        // Through a `Value` (what the bindings convert) too.
        assert_eq!(
            serde_json::to_value(rs.inputs()).unwrap().to_string(),
            inputs
        );
        assert_eq!(
            serde_json::to_value(rs.criteria()).unwrap().to_string(),
            criteria
        );
    }
}
