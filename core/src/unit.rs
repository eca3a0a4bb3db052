//! An assessed unit (đơn vị): its identity and values, as read from data or built by a binding.

use rust_decimal::Decimal;

use crate::error::{Issue, Pos};
use crate::inputs::RawValue;

/// One assessed unit: a district department or a commune.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Unit {
    /// Unit id (required; a unit without one is an error of that unit).
    pub id: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// Kind, used to group rankings (e.g. `xa`, `thi_tran`, `phong`).
    pub kind: Option<String>,
    /// Input values by name, in the order given.
    pub values: Vec<(String, RawValue)>,
    /// Criterion ids that do not apply to this unit.
    pub not_applicable: Vec<String>,
    /// The unit's own marks by criterion id.
    pub self_assessed: Vec<(String, RawValue)>,
    /// Problems found while reading the unit's data (wrong shapes, unknown keys).
    pub problems: Vec<Issue>,
    /// Where the unit starts in its data file, when it was read from one.
    pub(crate) at: Option<Pos>,
    /// Where each of `values` is in the data file (same order; shorter when unknown).
    pub(crate) value_at: Vec<Option<Pos>>,
}

impl Unit {
    /// A unit with an id and nothing else.
    pub fn new(id: impl Into<String>) -> Self {
        Unit {
            id: Some(id.into()),
            ..Unit::default()
        }
    }

    /// Adds a value.
    pub fn with_value(mut self, name: impl Into<String>, value: RawValue) -> Self {
        self.values.push((name.into(), value));
        self
    }

    /// Adds a number.
    pub fn with_number(self, name: impl Into<String>, value: Decimal) -> Self {
        self.with_value(name, RawValue::Number(value))
    }

    /// Sets the name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the kind.
    pub fn with_kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = Some(kind.into());
        self
    }

    /// Marks a criterion not applicable.
    pub fn with_not_applicable(mut self, id: impl Into<String>) -> Self {
        self.not_applicable.push(id.into());
        self
    }

    /// Adds a self-assessed mark.
    pub fn with_self_assessed(mut self, id: impl Into<String>, points: Decimal) -> Self {
        self.self_assessed
            .push((id.into(), RawValue::Number(points)));
        self
    }
}
