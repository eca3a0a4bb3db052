//! The rule file as written (`cchc/1`), checked for shape. The JSON Schema of the format
//! (`cchc schema`) is generated from these types, and the fingerprint is a hash of their
//! canonical JSON.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::error::Pos;
use crate::types::UnitStatus;
pub(crate) use crate::types::{
    IfNotApplicable, InputType, NodeKind, OnMissing, RankingMode, RulesetStatus,
};

/// A `cchc/1` rule file.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "cchc/1 ruleset",
    description = "A criteria set (bộ tiêu chí) for the CCHC index"
)]
pub(crate) struct RulesetDoc {
    /// File-format version: `cchc/1`.
    pub format: String,
    /// Ruleset id, e.g. `ha-noi.thach-that.xa`.
    pub id: String,
    /// The policy's version, free text.
    pub version: String,
    /// Title (Vietnamese).
    pub title: String,
    /// Issuing authority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_by: Option<String>,
    /// official, draft (the default) or illustrative: how far the figures may be relied on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<RulesetStatus>,
    /// Period the ruleset applies to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<Effective>,
    /// Must equal the sum of the top-level normal criteria's max.
    #[schemars(with = "f64")]
    pub total: Decimal,
    /// Rounding of leaf points and of the index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    /// Default for inputs absent from a unit's values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_missing: Option<OnMissing>,
    /// Ranking: how tied units are ranked, and the groups units are ranked within.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranking: Option<RankingDecl>,
    /// The data dictionary: every value a rule may read.
    #[schemars(with = "std::collections::BTreeMap<String, InputDecl>")]
    #[serde(default, serialize_with = "ser_pairs")]
    pub inputs: Vec<(String, InputDecl)>,
    /// Parameters: values set once per batch by the caller (format §18), declared like inputs
    /// with a required `default`.
    #[schemars(with = "std::collections::BTreeMap<String, ParamSchema>")]
    #[serde(
        default,
        serialize_with = "ser_pairs",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub parameters: Vec<(String, InputDecl)>,
    /// Where `parameters:` is written.
    #[serde(skip)]
    #[schemars(skip)]
    pub parameters_pos: Option<Pos>,
    /// Inputs (and parameters) whose declaration could not be read (already reported).
    #[serde(skip)]
    #[schemars(skip)]
    pub broken_inputs: Vec<String>,
    /// Criteria and grades that could not be read (already reported).
    #[serde(skip)]
    #[schemars(skip)]
    pub broken: crate::ruleset::load::Broken,
    /// Grades, highest first.
    #[serde(default)]
    pub grades: Vec<GradeDecl>,
    /// Assessment rounds, in order (tự chấm, thẩm định, …); none: one implicit round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<RoundDecl>,
    /// The criteria tree.
    pub criteria: Vec<NodeDecl>,
    /// Some top-level criterion could not be read (already reported): sums are not checked.
    #[serde(skip)]
    #[schemars(skip)]
    pub criteria_incomplete: bool,
    /// Worked cases run by `cchc test` (not part of the fingerprint).
    #[serde(skip_serializing, default)]
    pub tests: Vec<TestDecl>,
    /// Where `total` is written.
    #[serde(skip)]
    #[schemars(skip)]
    pub total_pos: Pos,
}

/// `effective: { from, to }` (dates as YYYY-MM-DD).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Effective {
    /// First day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// `rounding: { places }`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Rounding {
    /// Decimal places (0 to 10), half away from zero. Default 2.
    pub places: u32,
}

/// A scalar written in a rule file (an input's `default`, a test's value).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum Scalar {
    /// true/false.
    Bool(bool),
    /// A number.
    Number(#[schemars(with = "f64")] Decimal),
    /// Text.
    Text(String),
}

/// An input declaration.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct InputDecl {
    /// The type.
    #[serde(rename = "type")]
    pub ty: InputType,
    /// Label shown to users (Vietnamese).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Longer explanation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Smallest allowed value (`number` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<f64>")]
    pub min: Option<Decimal>,
    /// Largest allowed value (`number` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<f64>")]
    pub max: Option<Decimal>,
    /// The options (`choice` only): a list of ids, or a mapping id → label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<OptionsDecl>,
    /// Value used when the unit gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<Scalar>,
    /// What an absent value means (overrides the ruleset's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_missing: Option<OnMissing>,
    /// Where the declaration starts.
    #[serde(skip)]
    #[schemars(skip)]
    pub pos: Pos,
}

/// A parameter declaration, as the JSON Schema describes it (loaded as an [`InputDecl`]).
#[allow(dead_code, reason = "a shape for the JSON Schema only")]
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ParamSchema {
    /// The type: bool, count, percent, number or choice.
    #[serde(rename = "type")]
    ty: InputType,
    /// Label shown to users (Vietnamese).
    label: Option<String>,
    /// Longer explanation.
    description: Option<String>,
    /// Smallest allowed value (`number` only).
    #[schemars(with = "Option<f64>")]
    min: Option<Decimal>,
    /// Largest allowed value (`number` only).
    #[schemars(with = "Option<f64>")]
    max: Option<Decimal>,
    /// The options (`choice` only).
    options: Option<OptionsDecl>,
    /// The value used unless the caller sets another (required).
    default: Scalar,
}

/// `ranking:`: a word (`competition`, `dense`), or `{ method, groups }`. The word form hashes
/// as before groups existed (the fingerprint of a ruleset without groups is unchanged).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RankingDecl {
    /// How tied units are ranked.
    Method(RankingMode),
    /// The method and the ranking groups.
    Spec(RankingSpec),
}

impl RankingDecl {
    /// How tied units are ranked (`competition` when not written).
    pub(crate) fn method(&self) -> RankingMode {
        match self {
            RankingDecl::Method(m) => *m,
            RankingDecl::Spec(s) => s.method.unwrap_or(RankingMode::Competition),
        }
    }

    /// The declared groups (none for the word form).
    pub(crate) fn groups(&self) -> &[GroupDecl] {
        match self {
            RankingDecl::Method(_) => &[],
            RankingDecl::Spec(s) => &s.groups,
        }
    }
}

/// `ranking: { method, groups }`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RankingSpec {
    /// competition (default) or dense.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<RankingMode>,
    /// Units are ranked within their group (by `kind`), groups in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupDecl>,
}

/// A ranking group: the kinds of unit ranked together.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupDecl {
    /// Group id (e.g. `xa`).
    pub id: String,
    /// Label (Vietnamese; the id when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The unit kinds of the group (NFC).
    pub kinds: Vec<String>,
    /// Where the group starts.
    #[serde(skip)]
    #[schemars(skip)]
    pub pos: Pos,
}

/// A choice input's `options`: a list of ids (`[kip_thoi, cham]`), or a mapping of each id to
/// the label people read (`{ kip_thoi: Kịp thời, cham: Chậm }`), in the written order.
///
/// For the fingerprint, the mapping form is written as a list of `{"id", "label"}` objects, so
/// that the order of the options counts in both forms (it is the order forms show them in).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub(crate) enum OptionsDecl {
    /// Ids only (NFC).
    List(Vec<String>),
    /// Ids (NFC) with their labels (as written), in the written order.
    Labelled(#[serde(serialize_with = "ser_labelled")] Vec<(String, String)>),
}

impl OptionsDecl {
    /// The option ids, in order.
    pub(crate) fn ids(&self) -> Vec<String> {
        match self {
            OptionsDecl::List(ids) => ids.clone(),
            OptionsDecl::Labelled(pairs) => pairs.iter().map(|(id, _)| id.clone()).collect(),
        }
    }

    /// The label of every option, in order (`None` for the list form).
    pub(crate) fn labels(&self) -> Vec<Option<String>> {
        match self {
            OptionsDecl::List(ids) => vec![None; ids.len()],
            OptionsDecl::Labelled(pairs) => pairs.iter().map(|(_, l)| Some(l.clone())).collect(),
        }
    }
}

impl JsonSchema for OptionsDecl {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Options".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The allowed answers of a `choice` input: a list of option ids, or a mapping of each option id to its label (the text people read, e.g. `{ kip_thoi: Kịp thời, cham: Chậm }`). Unit data may give an option by its id or by its label.",
            "oneOf": [
                {
                    "title": "option ids",
                    "type": "array",
                    "items": { "type": "string" },
                    "minItems": 1
                },
                {
                    "title": "option id → label",
                    "type": "object",
                    "additionalProperties": { "type": "string", "minLength": 1 },
                    "minProperties": 1
                }
            ]
        })
    }
}

/// A grade (xếp loại).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GradeDecl {
    /// Grade id.
    pub id: String,
    /// Label (Vietnamese).
    pub label: String,
    /// Lowest index for this grade.
    #[schemars(with = "f64")]
    pub at_least: Decimal,
    /// Extra condition (an expression over `index`, `total`, `points("id")`, inputs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires: Option<String>,
    /// Where the grade starts.
    #[serde(skip)]
    #[schemars(skip)]
    pub pos: Pos,
}

/// An assessment round.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RoundDecl {
    /// Round id (e.g. `tu_cham`, `tham_dinh`).
    pub id: String,
    /// Label (Vietnamese; the id when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Where the round starts.
    #[serde(skip)]
    #[schemars(skip)]
    pub pos: Pos,
}

/// A node of the criteria tree: a group (`children`) or a leaf (`rule`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NodeDecl {
    /// Unique id (e.g. "1.2").
    pub id: String,
    /// Title (Vietnamese).
    pub title: String,
    /// Maximum points (> 0).
    #[schemars(with = "f64")]
    pub max: Decimal,
    /// Explanation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Documents an inspector asks for (tài liệu kiểm chứng).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Vec<String>>,
    /// normal (default), bonus or penalty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<NodeKind>,
    /// The node applies only when this expression is true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<String>,
    /// What a not-applicable node scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub if_not_applicable: Option<IfNotApplicable>,
    /// Groups only: children's max may add up to more than `max`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<bool>,
    /// Sub-criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<NodeDecl>>,
    /// The leaf's rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleDecl>,
    /// Where the node starts.
    #[serde(skip)]
    #[schemars(skip)]
    pub pos: Pos,
    /// Where the rule starts.
    #[serde(skip)]
    #[schemars(skip)]
    pub rule_pos: Pos,
    /// A child or the rule could not be read (already reported): the node's sums and shape
    /// are not checked, so one bad entry does not cascade into misleading problems.
    #[serde(skip)]
    #[schemars(skip)]
    pub incomplete: bool,
}

/// A leaf rule: exactly one kind.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum RuleDecl {
    /// `max` if true, else 0.
    Check(#[schemars(with = "SimpleOperand")] Operand),
    /// Points of the first step whose bounds hold.
    Bands(BandsDecl),
    /// `max × clamp((v − from) / (to − from), 0, 1)`.
    Scale(ScaleDecl),
    /// `max(max − per × v, floor)`.
    Deduct(DeductDecl),
    /// `min(points × v, max)`.
    Per(PerDecl),
    /// Points for the option chosen.
    Levels(LevelsDecl),
    /// v itself.
    Value(#[schemars(with = "SimpleOperand")] Operand),
    /// The number a Rhai script returns.
    Script(String),
}

/// Where a rule's value comes from: `NAME`, `{ input: NAME }` or `{ expr: "..." }`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Operand {
    /// An input, by name.
    Input(String),
    /// A Rhai expression.
    Expr(String),
}

/// The schema of `check:` and `value:`: an input's name, `{ input: NAME }` or
/// `{ expr: "…" }` (the loader accepts all three; the derived schema of [`Operand`] only the
/// last two).
struct SimpleOperand;

impl JsonSchema for SimpleOperand {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SimpleOperand".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The value read: an input's name, `{ input: NAME }` or `{ expr: \"…\" }`.",
            "oneOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": { "input": { "type": "string" } },
                    "required": ["input"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "properties": { "expr": { "type": "string" } },
                    "required": ["expr"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// `bands`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct BandsDecl {
    /// The value.
    #[serde(flatten)]
    pub of: Operand,
    /// Steps, tried in order.
    pub steps: Vec<StepDecl>,
}

/// One band.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StepDecl {
    /// v ≥ x.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<f64>")]
    pub at_least: Option<Decimal>,
    /// v > x.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<f64>")]
    pub above: Option<Decimal>,
    /// v ≤ x.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<f64>")]
    pub at_most: Option<Decimal>,
    /// v < x.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<f64>")]
    pub below: Option<Decimal>,
    /// v = x.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<f64>")]
    pub equals: Option<Decimal>,
    /// Points when the bounds hold.
    #[schemars(with = "f64")]
    pub points: Decimal,
    /// Where the step starts.
    #[serde(skip)]
    #[schemars(skip)]
    pub pos: Pos,
}

/// `scale`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScaleDecl {
    /// The value.
    #[serde(flatten)]
    pub of: Operand,
    /// v at which the node scores 0.
    #[schemars(with = "f64")]
    pub from: Decimal,
    /// v at which the node scores its max.
    #[schemars(with = "f64")]
    pub to: Decimal,
}

/// `deduct`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeductDecl {
    /// The value.
    #[serde(flatten)]
    pub of: Operand,
    /// Points taken per unit of v (> 0).
    #[schemars(with = "f64")]
    pub per: Decimal,
    /// Lowest score (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<f64>")]
    pub floor: Option<Decimal>,
}

/// `per`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PerDecl {
    /// The value.
    #[serde(flatten)]
    pub of: Operand,
    /// Points per unit of v (> 0).
    #[schemars(with = "f64")]
    pub points: Decimal,
}

/// `levels`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LevelsDecl {
    /// A `choice` input.
    pub input: String,
    /// Points for every option.
    #[schemars(with = "std::collections::BTreeMap<String, f64>")]
    #[serde(serialize_with = "ser_pairs")]
    pub points: Vec<(String, Decimal)>,
}

/// A worked case in `tests:`.
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TestDecl {
    /// Name.
    pub name: String,
    /// Input values.
    #[schemars(with = "std::collections::BTreeMap<String, Scalar>")]
    pub values: Vec<(String, Scalar)>,
    /// Parameter values for this case (the others keep their defaults).
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, Scalar>")]
    pub parameters: Vec<(String, Scalar)>,
    /// Criteria not applicable to this unit.
    #[serde(default)]
    pub not_applicable: Vec<String>,
    /// Self-assessed points.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, f64>")]
    pub self_assessed: Vec<(String, Decimal)>,
    /// What the result must show.
    pub expect: ExpectDecl,
    /// Where the case starts.
    #[serde(skip)]
    #[schemars(skip)]
    pub pos: Pos,
}

/// Expected figures of a test.
#[derive(Debug, Clone, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExpectDecl {
    /// Points by node id.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, f64>")]
    pub points: Vec<(String, Decimal)>,
    /// Total.
    #[schemars(with = "Option<f64>")]
    pub total: Option<Decimal>,
    /// Index (null for none).
    #[schemars(with = "Option<Option<f64>>")]
    pub index: Option<Option<Decimal>>,
    /// Grade id (null for none).
    pub grade: Option<Option<String>>,
    /// complete, incomplete or error.
    pub status: Option<UnitStatus>,
}

fn ser_pairs<S: serde::Serializer, V: Serialize>(
    pairs: &[(String, V)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

fn ser_labelled<S: serde::Serializer>(pairs: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    /// One labelled option, as the fingerprint hashes it.
    #[derive(Serialize)]
    struct Labelled<'a> {
        id: &'a str,
        label: &'a str,
    }
    let mut seq = s.serialize_seq(Some(pairs.len()))?;
    for (id, label) in pairs {
        seq.serialize_element(&Labelled { id, label })?;
    }
    seq.end()
}

#[cfg(test)]
mod tests {
    /// The schema describes both forms of `options`, and only those.
    #[test]
    fn schema_describes_options_as_a_list_or_a_map() {
        let schema = crate::ruleset::json_schema();
        let prop = &schema["$defs"]["InputDecl"]["properties"]["options"];
        assert!(prop.to_string().contains("#/$defs/Options"), "{prop}");
        let forms = schema["$defs"]["Options"]["oneOf"].as_array().unwrap();
        let types: Vec<&str> = forms.iter().map(|f| f["type"].as_str().unwrap()).collect();
        assert_eq!(types, ["array", "object"]);
        assert_eq!(forms[1]["additionalProperties"]["minLength"], 1);
    }
}
