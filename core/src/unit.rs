//! An assessed unit (đơn vị): its identity and values, as read from data or built by a binding.

#[cfg(feature = "slots")]
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::error::{Issue, Pos};
use crate::inputs::RawValue;
#[cfg(feature = "slots")]
use crate::plan::Plan;
#[cfg(feature = "slots")]
use crate::ruleset::Ruleset;

#[cfg(feature = "slots")]
/// An input of one ruleset by its position (slot), from [`Ruleset::input_slot`]: a value
/// given by slot ([`Unit::push_slot_value`]) is read without looking its name up (D123).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InputSlot {
    /// The address of the ruleset's compiled plan, to refuse a slot of another ruleset.
    plan: usize,
    /// The input's slot.
    index: usize,
}

#[cfg(feature = "slots")]
impl InputSlot {
    pub(crate) fn new(plan: &Arc<Plan>, index: usize) -> Self {
        InputSlot {
            plan: Arc::as_ptr(plan) as usize,
            index,
        }
    }

    /// The input's position among the ruleset's inputs (declaration order).
    pub fn index(self) -> usize {
        self.index
    }
}

#[cfg(feature = "slots")]
/// A unit's values given by input slot ([`Unit::push_slot_value`]), with the plan whose slots
/// they are: a unit scored by another ruleset reads them by their names.
#[derive(Clone)]
pub(crate) struct SlotValues {
    pub(crate) plan: Arc<Plan>,
    pub(crate) values: Vec<(usize, RawValue)>,
}

#[cfg(feature = "slots")]
impl SlotValues {
    /// The values by name (the plan's input names), in order.
    pub(crate) fn named(&self) -> Vec<(String, RawValue)> {
        self.values
            .iter()
            .filter_map(|(s, v)| Some((self.plan.inputs.get(*s)?.name.clone(), v.clone())))
            .collect()
    }
}

#[cfg(feature = "slots")]
impl PartialEq for SlotValues {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.plan, &other.plan) && self.values == other.values
    }
}

#[cfg(feature = "slots")]
impl std::fmt::Debug for SlotValues {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.named()).finish()
    }
}

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
    /// Values given by input slot ([`Unit::push_slot_value`]), read before `values`.
    #[cfg(feature = "slots")]
    pub(crate) slotted: Option<SlotValues>,
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

    #[cfg(feature = "slots")]
    /// Adds a value by the input slot of `ruleset` ([`Ruleset::input_slot`]): the same as
    /// [`Unit::with_value`] with the input's name, without looking the name up when the unit is
    /// scored by that ruleset (D123). Values given by slot are read before the values given by
    /// name. Returns false, adding nothing, when `slot` is not one of `ruleset`'s.
    pub fn push_slot_value(&mut self, ruleset: &Ruleset, slot: InputSlot, value: RawValue) -> bool {
        let plan = &ruleset.plan;
        if slot.plan != Arc::as_ptr(plan) as usize || slot.index >= plan.n_inputs {
            return false;
        }
        match &mut self.slotted {
            Some(s) if Arc::ptr_eq(&s.plan, plan) => s.values.push((slot.index, value)),
            Some(_) => {
                // Slots of two rulesets (not from a binding): keep the first ones by name.
                self.name_slots();
                self.slotted = Some(SlotValues {
                    plan: plan.clone(),
                    values: vec![(slot.index, value)],
                });
            }
            None => {
                self.slotted = Some(SlotValues {
                    plan: plan.clone(),
                    values: vec![(slot.index, value)],
                })
            }
        }
        true
    }

    #[cfg(feature = "slots")]
    /// Reserves room for `n` more values given by slot of `ruleset`.
    pub fn reserve_slot_values(&mut self, ruleset: &Ruleset, n: usize) {
        match &mut self.slotted {
            Some(s) => s.values.reserve(n),
            None => {
                self.slotted = Some(SlotValues {
                    plan: ruleset.plan.clone(),
                    values: Vec::with_capacity(n),
                })
            }
        }
    }

    #[cfg(feature = "slots")]
    /// The same unit with its values given by slot turned into values by name, first (the
    /// order they are read in).
    pub(crate) fn slots_named(&self) -> Unit {
        let mut u = self.clone();
        u.name_slots();
        u
    }

    /// Turns the values given by slot into values by name, before the others (nothing to do
    /// without the `slots` feature).
    pub(crate) fn name_slots(&mut self) {
        #[cfg(feature = "slots")]
        if let Some(s) = self.slotted.take() {
            let mut named = s.named();
            if !self.value_at.is_empty() {
                let mut at = vec![None; named.len()];
                at.append(&mut self.value_at);
                self.value_at = at;
            }
            named.append(&mut self.values);
            self.values = named;
        }
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
        #[cfg(feature = "slots")]
        if self.slotted.as_ref().is_some_and(|s| !s.values.is_empty()) {
            return true;
        }
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

#[cfg(all(test, feature = "slots"))]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "Tests: a failure is the test failing."
)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::result::JsonOptions;

    fn root() -> std::path::PathBuf {
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).to_path_buf()
    }

    /// The unit with its positions left out (a unit given by slot has none).
    fn unplaced(u: &Unit) -> Unit {
        let mut u = u.clone();
        u.value_at.clear();
        u.at = None;
        for r in &mut u.rounds {
            r.value_at.clear();
            r.at = None;
        }
        u
    }

    /// The unit with every value whose name is an input of `rs` given by slot instead.
    fn by_slot(rs: &Ruleset, u: &Unit) -> Unit {
        let mut s = unplaced(u);
        let named = std::mem::take(&mut s.values);
        if named.iter().all(|(n, _)| rs.input_slot(n).is_some()) {
            for (n, v) in named {
                assert!(s.push_slot_value(rs, rs.input_slot(&n).unwrap(), v));
            }
        } else {
            s.values = named;
        }
        s
    }

    fn json(r: &crate::result::UnitResult) -> serde_json::Value {
        serde_json::to_value(r.json(JsonOptions::new(Lang::En))).unwrap()
    }

    /// Values given by slot score exactly as the same values by name: one by one and in a
    /// batch, with rounds or without, by the ruleset the slots are of or by another.
    #[test]
    fn values_by_slot_score_as_values_by_name() {
        for (rules, data) in [
            (
                "rules/ha-noi/thach-that/xa-thi-tran/2021.yaml",
                "examples/thach-that-2021/xa-thi-tran.csv",
            ),
            (
                "rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml",
                "examples/thach-that-2021/phong-chuyen-mon.yaml",
            ),
            (
                "rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml",
                "examples/thach-that-2021/phong-chuyen-mon-3-vong.yaml",
            ),
        ] {
            let rs = Ruleset::load(root().join(rules)).unwrap();
            let other = Ruleset::load(root().join(rules)).unwrap();
            let mut units: Vec<Unit> = crate::read_units_file(root().join(data))
                .unwrap()
                .iter()
                .map(unplaced)
                .collect();
            // Refused and missing values too.
            if let Some(u) = units.get_mut(0) {
                for (k, (_, v)) in u.values.iter_mut().enumerate().take(6) {
                    *v = match k % 3 {
                        0 => RawValue::Text("abc".into()),
                        1 => RawValue::Null,
                        _ => RawValue::Cell("-5".into()),
                    };
                }
            }
            let slotted: Vec<Unit> = units.iter().map(|u| by_slot(&rs, u)).collect();
            assert!(slotted.iter().any(|u| u.slotted.is_some()), "{data}");
            for (u, s) in units.iter().zip(&slotted) {
                let want = json(&rs.score(u));
                assert_eq!(json(&rs.score(s)), want, "{data}");
                assert_eq!(json(&other.score(s)), want, "{data}: another ruleset");
            }
            let want =
                serde_json::to_value(rs.score_batch(&units).json(JsonOptions::new(Lang::Vi)));
            let got =
                serde_json::to_value(rs.score_batch(&slotted).json(JsonOptions::new(Lang::Vi)));
            assert_eq!(got.unwrap(), want.unwrap(), "{data}: batch");
        }
    }

    /// A slot of another ruleset, or an input's name that is not exactly as declared, gives
    /// no slot; values by slot are read before values by name.
    #[test]
    fn slots_belong_to_their_ruleset() {
        let rules = root().join("rules/ha-noi/thach-that/xa-thi-tran/2021.yaml");
        let (a, b) = (
            Ruleset::load(&rules).unwrap(),
            Ruleset::load(&rules).unwrap(),
        );
        let first = a.inputs().into_iter().next().unwrap().name;
        let slot = a.input_slot(&first).unwrap();
        assert_eq!(slot.index(), 0);
        assert!(a.input_slot("no such input").is_none());
        assert!(a.input_slot(&format!(" {first}")).is_none());
        let mut u = Unit::new("u");
        assert!(!u.push_slot_value(&b, slot, RawValue::Null));
        assert!(u.slotted.is_none());
        assert!(u.push_slot_value(&a, slot, RawValue::Text("abc".into())));
        // Slots of a second ruleset: the first ones become values by name, in front.
        assert!(u.push_slot_value(&b, b.input_slot(&first).unwrap(), RawValue::Null));
        assert_eq!(
            u.values,
            vec![(first.clone(), RawValue::Text("abc".into()))]
        );
        // Read in order: by slot (absent), then by name (refused).
        let named = Unit::new("u")
            .with_value(first.clone(), RawValue::Null)
            .with_value(first.clone(), RawValue::Text("x".into()));
        let mut s = Unit::new("u").with_value(first.clone(), RawValue::Text("x".into()));
        assert!(s.push_slot_value(&a, slot, RawValue::Null));
        assert_eq!(json(&a.score(&s)), json(&a.score(&named)));
    }
}
