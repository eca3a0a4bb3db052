//! `cchc diff`: what changed between two versions of a rule file, by criterion id — criteria
//! added, removed, moved, retitled, their max and other fields; each rule parameter (band
//! step, level price, deduction price, scale range, script text); inputs added, removed or
//! retyped; grades; the ruleset's total, ranking and rounding — and, given unit data, whom it
//! affects ([`effect`]): the units whose index, grade or rank change, largest effect first,
//! with the criteria responsible.
//!
//! The diff compares the files as written (the loaded model), so two files that mean the same
//! thing give no change, and neither does a file with itself. Its JSON is stable and
//! documented in `docs/authoring.md`.

mod criteria;
mod effect;
mod grades;
mod inputs;
mod render;
mod rules;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use crate::error::Error;
use crate::ruleset::Ruleset;
use crate::types::RuleKind;

pub use effect::{CriterionEffect, Effect, UnitEffect, effect};

/// One side of a diff: which ruleset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Side {
    /// The file (or origin name).
    pub file: String,
    /// Ruleset id.
    pub id: String,
    /// Policy version.
    pub version: String,
    /// `sha256:` fingerprint of its meaning.
    pub fingerprint: String,
}

impl Side {
    fn of(rs: &Ruleset) -> Side {
        Side {
            file: rs.origin().to_string(),
            id: rs.id().to_string(),
            version: rs.version().to_string(),
            fingerprint: rs.fingerprint().to_string(),
        }
    }
}

/// One change. Values (`old`, `new`) are JSON: exact numbers, texts, `null` when absent,
/// objects for a band step (`{"at_least": 80, "points": 3}`) or an operand
/// (`{"input": "tl"}`, `{"expr": "…"}`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Change {
    /// The ruleset's `total`, `ranking`, `rounding` (places), `on_missing` or `status`.
    RulesetChanged {
        /// The field.
        field: &'static str,
        /// Before.
        old: Value,
        /// After.
        new: Value,
    },
    /// A criterion only in the new file.
    CriterionAdded {
        /// Id.
        criterion: String,
        /// Parent id (`null` for a top-level criterion).
        parent: Option<String>,
        /// Position among its siblings, from 1.
        position: usize,
        /// Its max.
        max: Value,
    },
    /// A criterion only in the old file.
    CriterionRemoved {
        /// Id.
        criterion: String,
        /// Parent id.
        parent: Option<String>,
        /// Position among its siblings, from 1.
        position: usize,
        /// Its max.
        max: Value,
    },
    /// A criterion under another parent, or in another order among the same siblings.
    CriterionMoved {
        /// Id.
        criterion: String,
        /// Parent before.
        old_parent: Option<String>,
        /// Parent after.
        new_parent: Option<String>,
        /// Position before, from 1.
        old_position: usize,
        /// Position after, from 1.
        new_position: usize,
    },
    /// A criterion's title.
    CriterionRetitled {
        /// Id.
        criterion: String,
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// A criterion's `max`, `kind`, `applies_if`, `if_not_applicable` or `cap`.
    CriterionChanged {
        /// Id.
        criterion: String,
        /// The field.
        field: &'static str,
        /// Before.
        old: Value,
        /// After.
        new: Value,
    },
    /// A leaf's rule kind (its parameters are then not compared), or a leaf that became a
    /// group (`null` kind) or the reverse.
    RuleKindChanged {
        /// Id.
        criterion: String,
        /// Before (`null`: a group).
        old: Option<RuleKind>,
        /// After.
        new: Option<RuleKind>,
    },
    /// A parameter of a leaf's rule: `of` (the input or expression read), `steps.N` (a band
    /// step, from 1), `from`, `to`, `per`, `floor`, `points`, `input`, `points.OPTION` (a level
    /// price), `script`.
    RuleChanged {
        /// Id.
        criterion: String,
        /// The rule kind.
        rule: RuleKind,
        /// The parameter.
        parameter: String,
        /// Before (`null`: absent).
        old: Value,
        /// After (`null`: absent).
        new: Value,
    },
    /// An input only in the new file.
    InputAdded {
        /// Name.
        input: String,
        /// Type.
        #[serde(rename = "type")]
        ty: crate::types::InputType,
    },
    /// An input only in the old file.
    InputRemoved {
        /// Name.
        input: String,
        /// Type.
        #[serde(rename = "type")]
        ty: crate::types::InputType,
    },
    /// An input's `type`, `min`, `max`, `options`, `default` or `on_missing`.
    InputChanged {
        /// Name.
        input: String,
        /// The field.
        field: &'static str,
        /// Before.
        old: Value,
        /// After.
        new: Value,
    },
    /// A grade only in the new file.
    GradeAdded {
        /// Id.
        grade: String,
        /// Its threshold.
        at_least: Value,
    },
    /// A grade only in the old file.
    GradeRemoved {
        /// Id.
        grade: String,
        /// Its threshold.
        at_least: Value,
    },
    /// A grade's `label`, `at_least` or `requires`.
    GradeChanged {
        /// Id.
        grade: String,
        /// The field.
        field: &'static str,
        /// Before.
        old: Value,
        /// After.
        new: Value,
    },
}

/// What changed between two rulesets.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RulesetDiff {
    /// The old ruleset.
    pub old: Side,
    /// The new ruleset.
    pub new: Side,
    /// Every change, in a fixed order: the ruleset's fields, inputs (new order, then the
    /// removed ones), criteria (the new file's pre-order, then the removed ones in the old
    /// file's), grades.
    pub changes: Vec<Change>,
    /// The effect on units, when data was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
}

impl RulesetDiff {
    /// True when nothing changed (and no unit is affected).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.effect.as_ref().is_none_or(|e| e.units.is_empty())
    }

    /// The diff as stable JSON (see `docs/authoring.md`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}"))
    }
}

/// The structural diff of two rulesets, by criterion id (no scoring).
pub fn diff(old: &Ruleset, new: &Ruleset) -> RulesetDiff {
    let mut changes = Vec::new();
    ruleset_fields(old, new, &mut changes);
    inputs::diff(&old.doc, &new.doc, &mut changes);
    criteria::diff(&old.doc, &new.doc, &mut changes);
    grades::diff(&old.doc, &new.doc, &mut changes);
    RulesetDiff {
        old: Side::of(old),
        new: Side::of(new),
        changes,
        effect: None,
    }
}

/// The diff of two rulesets with its effect on `units` (scored with both).
pub fn diff_with_effect(old: &Ruleset, new: &Ruleset, units: &[crate::Unit]) -> RulesetDiff {
    let mut d = diff(old, new);
    d.effect = Some(effect(old, new, units));
    d
}

/// JSON in, JSON out (for bindings such as the browser module): loads both rule files from
/// their text (named in messages by `old_name`, `new_name`), reads the units from
/// `units_text` (JSON or YAML unit data) when given, and returns the diff's JSON.
///
/// # Errors
///
/// The load problems of the first rule file that does not load, or the problem of unit data
/// that cannot be read as units.
pub fn diff_json(
    old_text: &str,
    old_name: &str,
    new_text: &str,
    new_name: &str,
    units_text: Option<&str>,
) -> Result<String, Error> {
    let old = Ruleset::from_yaml_str(old_text, old_name)?;
    let new = Ruleset::from_yaml_str(new_text, new_name)?;
    let d = match units_text {
        Some(text) => {
            let units = crate::read_units(text, crate::DataFormat::Json, "units")?;
            diff_with_effect(&old, &new, &units)
        }
        None => diff(&old, &new),
    };
    Ok(d.to_json())
}

/// A decimal as an exact JSON number.
pub(crate) fn num(d: Decimal) -> Value {
    serde_json::to_value(crate::result::Num(d)).unwrap_or(Value::Null)
}

/// An optional decimal as JSON (`null` when absent).
pub(crate) fn opt_num(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, num)
}

/// Anything serialisable as JSON (`null` when it cannot be).
pub(crate) fn json<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// Pushes a `field` change when the values differ.
pub(crate) fn field(
    out: &mut Vec<Change>,
    field: &'static str,
    old: Value,
    new: Value,
    make: impl FnOnce(&'static str, Value, Value) -> Change,
) {
    if old != new {
        out.push(make(field, old, new));
    }
}

fn ruleset_fields(old: &Ruleset, new: &Ruleset, out: &mut Vec<Change>) {
    let (o, n) = (&*old.doc, &*new.doc);
    let make = |field, old, new| Change::RulesetChanged { field, old, new };
    field(out, "total", num(o.total), num(n.total), make);
    field(
        out,
        "rounding",
        json(&old.places()),
        json(&new.places()),
        make,
    );
    field(out, "ranking", json(&o.ranking), json(&n.ranking), make);
    field(
        out,
        "on_missing",
        json(&o.on_missing),
        json(&n.on_missing),
        make,
    );
    field(
        out,
        "status",
        json(&old.status()),
        json(&new.status()),
        make,
    );
}
