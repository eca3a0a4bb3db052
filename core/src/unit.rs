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
    /// Points the unit sets on leaves in its first round, by criterion id.
    pub points: Vec<(String, RawValue)>,
    /// Notes of the first round, by criterion id.
    pub notes: Vec<(String, String)>,
    /// Evidence the unit cites (tài liệu kiểm chứng), by criterion id, for every round.
    pub evidence: Vec<(String, Vec<String>)>,
    /// The unit's explanations (giải trình), by criterion id.
    pub explanations: Vec<(String, String)>,
    /// Later rounds (thẩm định, …), each with what it changes.
    pub rounds: Vec<UnitRound>,
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

    /// Sets a leaf's points in the first round.
    pub fn with_points(mut self, id: impl Into<String>, points: Decimal) -> Self {
        self.points.push((id.into(), RawValue::Number(points)));
        self
    }

    /// Adds a first-round note on a criterion.
    pub fn with_note(mut self, id: impl Into<String>, note: impl Into<String>) -> Self {
        self.notes.push((id.into(), note.into()));
        self
    }

    /// Cites a document as evidence for a criterion.
    pub fn with_evidence(mut self, id: impl Into<String>, document: impl Into<String>) -> Self {
        let (id, document) = (id.into(), document.into());
        match self.evidence.iter_mut().find(|(k, _)| *k == id) {
            Some((_, docs)) => docs.push(document),
            None => self.evidence.push((id, vec![document])),
        }
        self
    }

    /// Adds an explanation (giải trình) for a criterion.
    pub fn with_explanation(mut self, id: impl Into<String>, text: impl Into<String>) -> Self {
        self.explanations.push((id.into(), text.into()));
        self
    }

    /// Adds a later round.
    pub fn with_round(mut self, round: UnitRound) -> Self {
        self.rounds.push(round);
        self
    }

    /// True when the unit gives data of the first round at top level (values,
    /// `not_applicable`, points or notes).
    pub(crate) fn has_first_round_data(&self) -> bool {
        !(self.values.is_empty()
            && self.not_applicable.is_empty()
            && self.points.is_empty()
            && self.notes.is_empty())
    }

    /// True when the unit uses any part of assessment rounds.
    pub(crate) fn uses_rounds(&self) -> bool {
        !(self.points.is_empty()
            && self.notes.is_empty()
            && self.evidence.is_empty()
            && self.explanations.is_empty()
            && self.rounds.is_empty())
    }

    /// Adds a self-assessed mark.
    pub fn with_self_assessed(mut self, id: impl Into<String>, points: Decimal) -> Self {
        self.self_assessed
            .push((id.into(), RawValue::Number(points)));
        self
    }
}

/// What one later round of a unit changes: values (a value replaces the carried one;
/// [`RawValue::Null`] makes it missing), the `not_applicable` list (replaced whole when given),
/// set points, and notes (which do not carry over).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct UnitRound {
    /// The round's id, as the ruleset declares it.
    pub id: String,
    /// Values this round gives.
    pub values: Vec<(String, RawValue)>,
    /// The round's `not_applicable` list, when given.
    pub not_applicable: Option<Vec<String>>,
    /// Points set on leaves in this round.
    pub points: Vec<(String, RawValue)>,
    /// Notes of this round, by criterion id.
    pub notes: Vec<(String, String)>,
    /// Where the round's data starts in its file.
    pub(crate) at: Option<Pos>,
    /// Where each of `values` is in the file (same order; shorter when unknown).
    pub(crate) value_at: Vec<Option<Pos>>,
}

impl UnitRound {
    /// A round that changes nothing yet.
    pub fn new(id: impl Into<String>) -> Self {
        UnitRound {
            id: id.into(),
            ..UnitRound::default()
        }
    }

    /// Adds a value.
    pub fn with_value(mut self, name: impl Into<String>, value: RawValue) -> Self {
        self.values.push((name.into(), value));
        self
    }

    /// Sets a leaf's points.
    pub fn with_points(mut self, id: impl Into<String>, points: Decimal) -> Self {
        self.points.push((id.into(), RawValue::Number(points)));
        self
    }

    /// Adds a note on a criterion.
    pub fn with_note(mut self, id: impl Into<String>, note: impl Into<String>) -> Self {
        self.notes.push((id.into(), note.into()));
        self
    }

    /// Replaces the `not_applicable` list.
    pub fn with_not_applicable(mut self, ids: Vec<String>) -> Self {
        self.not_applicable = Some(ids);
        self
    }
}
