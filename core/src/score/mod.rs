//! Scoring: one unit (not applicable, groups, caps, rounding, index, grade) and a batch
//! (ranking).

mod batch;
mod rounds;

use std::sync::Arc;

use rhai::Dynamic;
use rust_decimal::Decimal;

pub(crate) use batch::Duplicates;
pub use batch::{BatchOptions, Groups};

use crate::error::{Code, Issue};
use crate::expr::{self, Fail, Slot};
use crate::i18n::Arg;
use crate::inputs::{InputDef, RawValue, slot_arg};
use crate::msg;
use crate::plan::{Body, Plan};
use crate::result::{NodeResult, NodeStatus, UnitInfo, UnitResult, UnitStatus};
use crate::rules::{Ctx, Trace};
use crate::text::nfc_cow;
use crate::types::{NodeKind, OnMissing};
use crate::unit::Unit;

/// Rounds half away from zero.
#[inline]
pub(crate) fn round(d: Decimal, places: u32) -> Decimal {
    crate::num::round(d, places)
}

/// The slot of an input the unit does not give.
pub(crate) fn absent(def: &InputDef) -> Slot {
    if let Some(v) = &def.default {
        return Slot::Value(*v);
    }
    match def.on_missing {
        OnMissing::Error => Slot::Missing,
        OnMissing::NotApplicable => Slot::NotApplicable,
        OnMissing::Zero => def.zero().map(Slot::Value).unwrap_or(Slot::Missing),
    }
}

struct State<'a> {
    plan: &'a Plan,
    slots: Vec<Slot>,
    /// Inputs whose value was refused, with the refusal's code.
    refused: Vec<(usize, Code)>,
    na: Vec<bool>,
    nodes: Vec<NodeResult>,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
    printed: Vec<(usize, Vec<String>)>,
    scratch: Vec<String>,
    /// Points set on leaves by a round, by node (empty when none are).
    set: Vec<Option<rounds::Mark>>,
}

impl State<'_> {
    fn set(&mut self, i: usize, points: Decimal, max: Decimal, status: NodeStatus, trace: Trace) {
        // `nodes` has one entry per plan node, and `i` is a plan node's index.
        if let Some(n) = self.nodes.get_mut(i) {
            n.points = points;
            n.max = max;
            n.status = status;
            n.trace = trace;
        }
    }

    fn not_applicable(&mut self, i: usize, trace: Trace) -> (Decimal, Option<Decimal>) {
        let Some(node) = self.plan.nodes.get(i) else {
            return (Decimal::ZERO, None);
        };
        let (p, m) = if node.full_if_na {
            (node.max, node.max)
        } else {
            (Decimal::ZERO, Decimal::ZERO)
        };
        let end = node.end;
        self.set(i, p, m, NodeStatus::NotApplicable, trace);
        for d in i + 1..end {
            self.set(
                d,
                Decimal::ZERO,
                Decimal::ZERO,
                NodeStatus::NotApplicable,
                Trace::ParentNotApplicable,
            );
        }
        (p, (!node.full_if_na).then_some(m))
    }

    /// A node that could not be evaluated: 0 of its declared max.
    /// `applies_if` tells a condition's failure from a rule's.
    fn failed(&mut self, i: usize, fail: Fail, applies_if: bool) -> (Decimal, Option<Decimal>) {
        let plan = self.plan;
        let Some(node) = plan.nodes.get(i) else {
            return (Decimal::ZERO, None);
        };
        let (max, end, id) = (node.max, node.end, node.id.clone());
        let (status, trace) = match fail {
            Fail::Missing(slot) => {
                let input = slot_arg(&plan.inputs, slot);
                let msg = if applies_if {
                    msg!(
                        "unit-missing-input-applies-if",
                        criterion = Arg::ident(id.as_str()),
                        input = input
                    )
                } else {
                    msg!(
                        "unit-missing-input",
                        criterion = Arg::ident(id.as_str()),
                        input = input
                    )
                };
                self.errors
                    .push(Issue::new(Some(&id), Code::MissingInput, msg));
                (NodeStatus::Missing, Trace::Missing(slot))
            }
            Fail::Invalid(slot) => (NodeStatus::Error, Trace::Invalid(slot)),
            Fail::Error(code, msg) => {
                self.errors.push(Issue::new(
                    Some(&id),
                    code,
                    msg!(
                        "unit-criterion-failed",
                        criterion = Arg::ident(id.as_str()),
                        error = msg
                    ),
                ));
                (NodeStatus::Error, Trace::Error)
            }
            Fail::NotApplicable(slot) => {
                return self.not_applicable(i, Trace::InputNotApplicable(slot));
            }
        };
        self.set(i, Decimal::ZERO, max, status, trace);
        for (d, sub) in plan.nodes.iter().enumerate().take(end).skip(i + 1) {
            self.set(d, Decimal::ZERO, sub.max, status, Trace::ParentUndecided);
        }
        (Decimal::ZERO, None)
    }

    /// Scores node `i`: its points, and the max it contributes when that is not its declared
    /// max (after exclusions).
    fn eval(&mut self, i: usize) -> (Decimal, Option<Decimal>) {
        let plan = self.plan;
        // Node indices come from the plan (children, roots), so the node is always there.
        let Some(node) = plan.nodes.get(i) else {
            return (Decimal::ZERO, None);
        };
        if self.na.get(i).copied().unwrap_or(false) {
            return self.not_applicable(i, Trace::ListedNotApplicable);
        }
        if let Some(cond) = &node.applies_if {
            let (r, _) = cond.eval(&plan.engine, &plan.inputs, &self.slots, &[]);
            let r = r.and_then(|d| {
                d.as_bool().map_err(|_| {
                    Fail::Error(
                        Code::NotBoolean,
                        msg!("unit-applies-if-not-boolean", got = expr::describe(&d)),
                    )
                })
            });
            match r {
                Ok(true) => {}
                Ok(false) => return self.not_applicable(i, Trace::AppliesIfFalse),
                Err(f) => return self.failed(i, f, true),
            }
        }
        let set = self
            .set
            .get(i)
            .and_then(Option::as_ref)
            .and_then(|m| m.points.as_ref().ok().map(|p| (*p, m.round)));
        if let (Some((p, round)), Body::Leaf(rule)) = (set, &node.body) {
            return self.set_points(i, rule, p, round);
        }
        match &node.body {
            Body::Leaf(rule) => match rule.eval(
                &Ctx {
                    engine: &plan.engine,
                    inputs: &plan.inputs,
                    slots: &self.slots,
                },
                node.max,
                &mut self.scratch,
            ) {
                Ok((p, trace)) => {
                    if let Trace::NoBand(v) = &trace {
                        let msg = msg!(
                            "unit-no-band",
                            criterion = Arg::ident(node.id.as_str()),
                            value = *v
                        );
                        self.warnings
                            .push(Issue::new(Some(&node.id), Code::NoBand, msg));
                    }
                    // Rounding never lifts points above a max that is finer than the rounding.
                    let p = if p.scale() > plan.places {
                        crate::num::min(round(p, plan.places), node.max)
                    } else {
                        p
                    };
                    self.set(i, p, node.max, NodeStatus::Scored, trace);
                    if !self.scratch.is_empty() {
                        self.printed.push((i, std::mem::take(&mut self.scratch)));
                    }
                    (p, None)
                }
                Err(f) => self.failed(i, f, false),
            },
            Body::Group(kids) => {
                let (p, m, reduced) = self.group(
                    kids,
                    node.normal_sum,
                    node.cap.then_some(node.max),
                    node.has_extras,
                );
                self.set(i, p, m, NodeStatus::Scored, Trace::None);
                (p, reduced.then_some(m))
            }
        }
    }

    /// A leaf whose points a round set: scored with them whatever its inputs, unless an input
    /// whose absence makes it not applicable says so.
    fn set_points(
        &mut self,
        i: usize,
        rule: &crate::rules::Rule,
        points: Decimal,
        round: usize,
    ) -> (Decimal, Option<Decimal>) {
        let plan = self.plan;
        let Some(node) = plan.nodes.get(i) else {
            return (Decimal::ZERO, None);
        };
        let r = rule.eval(
            &Ctx {
                engine: &plan.engine,
                inputs: &plan.inputs,
                slots: &self.slots,
            },
            node.max,
            &mut self.scratch,
        );
        self.scratch.clear();
        if let Err(Fail::NotApplicable(slot)) = r {
            return self.not_applicable(i, Trace::InputNotApplicable(slot));
        }
        self.set(i, points, node.max, NodeStatus::Scored, Trace::Set(round));
        (points, None)
    }

    /// Sums a group: (points, max after exclusions, whether the max is below the declared).
    /// `cap` is the group's own max when it has `cap: true`.
    fn group(
        &mut self,
        kids: &[usize],
        declared: Decimal,
        cap: Option<Decimal>,
        extras: bool,
    ) -> (Decimal, Decimal, bool) {
        let plan = self.plan;
        // The normal children's sum, exactly as `+` would give it, mostly in an i64.
        let mut sum = crate::num::Sum::ZERO;
        let (mut adjust, mut bonus, mut penalty) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        let mut reduced = false;
        for &k in kids {
            let (p, mx) = self.eval(k);
            let Some(kid) = plan.nodes.get(k) else {
                continue;
            };
            match kid.kind {
                NodeKind::Normal => {
                    sum.add(p);
                    if let Some(mx) = mx {
                        adjust += mx - kid.max;
                        reduced = true;
                    }
                }
                NodeKind::Bonus => bonus += p,
                NodeKind::Penalty => penalty += p,
            }
        }
        let s = sum.value();
        let mut m = if reduced { declared + adjust } else { declared };
        if let Some(c) = cap {
            reduced = m < c;
            m = m.min(c);
        }
        // Without bonus, penalty or cap, S ≤ M holds by construction.
        let p = if extras || cap.is_some() {
            crate::num::min((s + bonus - penalty).max(Decimal::ZERO), m)
        } else {
            s
        };
        (p, m, reduced)
    }
}

fn number_of(raw: &RawValue) -> Option<Decimal> {
    match raw {
        RawValue::Number(d) => Some(*d),
        RawValue::Cell(c) => crate::inputs::parse_cell_number(c).ok(),
        _ => None,
    }
}

/// Scores one unit (as of a round, when given: see [`rounds`]). Never panics; every problem
/// is in the result.
/// `base` holds every unit's starting slots when parameter values are set (format §18).
pub(crate) fn score_unit(
    plan_arc: &Arc<Plan>,
    base: Option<&Arc<Vec<Slot>>>,
    unit: &Unit,
    as_of: Option<usize>,
) -> UnitResult {
    #[cfg(feature = "slots")]
    if let Some(s) = &unit.slotted {
        // Values by slot of another ruleset: read by their names.
        if !Arc::ptr_eq(&s.plan, plan_arc) {
            return score_unit(plan_arc, base, &unit.slots_named(), as_of);
        }
    }
    let mut r = if plan_arc.rounds.is_empty() && !unit.uses_rounds() {
        score_single(plan_arc, base, unit)
    } else {
        rounds::score(plan_arc, base, unit, as_of)
    };
    r.base = base.cloned();
    ungrouped(plan_arc, unit, &mut r);
    r
}

/// The warning `ungrouped_unit` for a unit whose kind is in none of the ruleset's ranking
/// groups (it is ranked in the implicit group "khác", format §10.2).
fn ungrouped(plan: &Plan, unit: &Unit, r: &mut UnitResult) {
    if plan.group_of(unit.kind.as_deref()) != Some(plan.groups.len()) {
        return;
    }
    let groups = Arg::idents(plan.groups.iter().take(20).map(|g| g.id.as_str()));
    let issue = match unit.kind.as_deref() {
        Some(k) => Issue::new(
            None,
            Code::UngroupedUnit,
            msg!("unit-ungrouped", kind = Arg::ident(k)),
        ),
        None => Issue::new(None, Code::UngroupedUnit, msg!("unit-ungrouped-no-kind")),
    };
    let mut issue = issue.with_help(msg!("unit-ungrouped-help", groups = groups));
    issue.at = unit.at;
    r.warnings.push(issue);
}

/// Scores a unit without rounds: one set of facts.
fn score_single(plan_arc: &Arc<Plan>, base: Option<&Arc<Vec<Slot>>>, unit: &Unit) -> UnitResult {
    let plan: &Plan = plan_arc;
    let mut st = State::new(plan, base);
    st.take_problems(unit);
    st.fill_slots(unit);
    st.mark_not_applicable(unit);
    let figures = st.score_tree();
    let self_total = st.self_assessment(unit);
    st.finish(plan_arc, unit, figures, self_total)
}

impl State<'_> {
    /// The unit's result from a scored state: its status from the errors, and its grade when
    /// it is complete.
    fn finish(
        self,
        plan_arc: &Arc<Plan>,
        unit: &Unit,
        (total, max, index): (Decimal, Decimal, Option<Decimal>),
        self_assessed: Option<Decimal>,
    ) -> UnitResult {
        let status = status_of(&self.errors);
        let mut result = UnitResult {
            plan: plan_arc.clone(),
            unit: UnitInfo {
                id: unit.id.clone(),
                name: unit.name.clone(),
                kind: unit.kind.clone(),
            },
            status,
            total,
            max,
            index,
            grade: None,
            self_assessed,
            nodes: self.nodes,
            warnings: self.warnings,
            errors: self.errors,
            printed: self.printed,
            rounds: None,
            base: None,
            tree_left_out: None,
        };
        if status == UnitStatus::Complete {
            grade(&mut result, &self.slots, &self.refused);
        }
        result
    }
}

impl<'a> State<'a> {
    /// A fresh state: every input absent (every parameter at its value), every node unscored.
    fn new(plan: &'a Plan, base: Option<&Arc<Vec<Slot>>>) -> Self {
        State {
            plan,
            slots: base.map_or_else(|| plan.absent.clone(), |b| b.as_ref().clone()),
            refused: Vec::new(),
            na: Vec::new(),
            nodes: vec![NodeResult::default(); plan.nodes.len()],
            errors: Vec::new(),
            warnings: Vec::new(),
            printed: Vec::new(),
            scratch: Vec::new(),
            set: Vec::new(),
        }
    }

    /// The problems found while reading the unit's data, and a missing id.
    fn take_problems(&mut self, unit: &Unit) {
        for p in &unit.problems {
            if p.code == Code::UnknownKey {
                self.warnings.push(p.clone());
            } else {
                self.errors.push(p.clone());
            }
        }
        if unit.id.is_none() {
            let mut issue = Issue::new(None, Code::MissingUnitId, msg!("unit-missing-id"));
            issue.at = unit.at;
            self.errors.push(issue);
        }
    }

    /// Reads the unit's values into slots. Data usually lists the inputs in declaration
    /// order, so the next slot is tried before the index.
    fn fill_slots(&mut self, unit: &Unit) {
        let (mut errors, mut warnings) = (
            std::mem::take(&mut self.errors),
            std::mem::take(&mut self.warnings),
        );
        // Reads are not wanted here (`false` below): only refusals and unknown names.
        let mut event = |e| match e {
            ValueEvent::Read(_) => {}
            ValueEvent::Refused(_, issue) => errors.push(issue),
            ValueEvent::Unknown(issue) => warnings.push(issue),
        };
        // Values given by slot are the plan's ([`score_unit`] names them otherwise).
        #[cfg(feature = "slots")]
        if let Some(s) = &unit.slotted {
            read_slot_values(
                self.plan,
                &s.values,
                &mut self.slots,
                &mut self.refused,
                false,
                &mut event,
            );
        }
        read_values(
            self.plan,
            &unit.values,
            &unit.value_at,
            &mut self.slots,
            &mut self.refused,
            false,
            &mut event,
        );
        self.errors = errors;
        self.warnings = warnings;
    }
}

/// What reading a unit's values found, value by value.
pub(crate) enum ValueEvent {
    /// The input in this slot was read (a value, or none: absent); sent only when the reader
    /// is asked for reads.
    Read(usize),
    /// The value of the input in this slot was refused.
    Refused(usize, Issue),
    /// A value for no declared input.
    Unknown(Issue),
}

/// Reads values into slots (a value replaces the slot's; `null` or an empty cell makes it
/// absent again). Data usually lists the inputs in declaration order, so the next slot is
/// tried before the index.
/// `reads`: whether each value read is told to `event` (refusals and unknown names always are).
pub(crate) fn read_values(
    plan: &Plan,
    values: &[(String, RawValue)],
    value_at: &[Option<crate::error::Pos>],
    slots: &mut [Slot],
    refused: &mut Vec<(usize, Code)>,
    reads: bool,
    event: &mut dyn FnMut(ValueEvent),
) {
    {
        let mut hint = 0usize;
        for (vi, (name, raw)) in values.iter().enumerate() {
            let at = value_at.get(vi).copied().flatten();
            // A name equal to the declared (NFC) name is its own NFC form: no normalising.
            let found = match plan.inputs.get(hint) {
                Some(d) if d.name == *name => Some((hint, d)),
                _ => plan
                    .input_index
                    .get(nfc_cow(name).as_ref())
                    .and_then(|&s| Some((s, plan.inputs.get(s)?))),
            };
            // A header written as an input's label (a workbook's, a CSV's).
            #[cfg(feature = "xlsx")]
            let found = match found {
                Some(f) => Some(f),
                None => match plan.inputs_labelled(name) {
                    [] => None,
                    [s] => plan.inputs.get(*s).map(|d| (*s, d)),
                    many => {
                        let issue = ambiguous_label(plan, name, many, at);
                        for &s in many {
                            if let Some(t) = slots.get_mut(s) {
                                *t = Slot::Invalid;
                            }
                            refused.push((s, Code::AmbiguousLabel));
                        }
                        if let Some(&first) = many.first() {
                            event(ValueEvent::Refused(first, issue));
                        }
                        continue;
                    }
                },
            };
            // A parameter is set once for the batch, never by a unit (format §18).
            let found = found.filter(|(slot, _)| *slot < plan.n_inputs);
            let Some((slot, def)) = found else {
                if plan.n_inputs < plan.inputs.len() {
                    if let Some(&s) = plan.input_index.get(nfc_cow(name).as_ref()) {
                        if s >= plan.n_inputs {
                            let mut issue = Issue::new(
                                None,
                                Code::UnknownInput,
                                msg!("unit-parameter-in-data", name = Arg::ident(name.as_str())),
                            )
                            .with_help(msg!(
                                "unit-parameter-in-data-help",
                                name = Arg::ident(name.as_str())
                            ));
                            issue.at = at;
                            event(ValueEvent::Unknown(issue));
                            continue;
                        }
                    }
                }
                let message = match plan.suggest_input(&nfc_cow(name)) {
                    Some(s) => msg!(
                        "unit-unknown-input-did-you-mean",
                        name = Arg::ident(name.as_str()),
                        suggestion = Arg::ident(s)
                    ),
                    None => msg!("unit-unknown-input", name = Arg::ident(name.as_str())),
                };
                let mut issue = Issue::new(None, Code::UnknownInput, message);
                issue.at = at;
                event(ValueEvent::Unknown(issue));
                continue;
            };
            hint = slot + 1;
            read_slot(plan, slot, def, raw, at, slots, refused, reads, event);
        }
    }
}

#[cfg(feature = "slots")]
/// Reads values given by slot ([`Unit::push_slot_value`]; the slots are the plan's inputs)
/// into slots, as [`read_values`] reads them by name.
pub(crate) fn read_slot_values(
    plan: &Plan,
    values: &[(usize, RawValue)],
    slots: &mut [Slot],
    refused: &mut Vec<(usize, Code)>,
    reads: bool,
    event: &mut dyn FnMut(ValueEvent),
) {
    for (slot, raw) in values {
        let slot = *slot;
        if slot >= plan.n_inputs {
            continue;
        }
        if let Some(def) = plan.inputs.get(slot) {
            read_slot(plan, slot, def, raw, None, slots, refused, reads, event);
        }
    }
}

/// Reads one value into the slot of the input `def` (a value replaces the slot's; `null` or
/// an empty cell makes it absent again).
#[allow(
    clippy::too_many_arguments,
    reason = "the reading state of read_values, passed through"
)]
fn read_slot(
    plan: &Plan,
    slot: usize,
    def: &InputDef,
    raw: &RawValue,
    at: Option<crate::error::Pos>,
    slots: &mut [Slot],
    refused: &mut Vec<(usize, Code)>,
    reads: bool,
    event: &mut dyn FnMut(ValueEvent),
) {
    let Some(target) = slots.get_mut(slot) else {
        return;
    };
    if !refused.is_empty() {
        refused.retain(|(s, _)| *s != slot);
    }
    // The usual values go straight into the slot: through the `Result` of `read`, the value
    // was stored in parts and loaded back whole, which stalls the processor once per value.
    if let Some(v) = def.read_quick(raw) {
        *target = Slot::Value(v);
        if reads {
            event(ValueEvent::Read(slot));
        }
        return;
    }
    match def.read(raw) {
        Ok(Some(v)) => {
            *target = Slot::Value(v);
            if reads {
                event(ValueEvent::Read(slot));
            }
        }
        Ok(None) => {
            if let Some(a) = plan.absent.get(slot) {
                *target = *a;
            }
            if reads {
                event(ValueEvent::Read(slot));
            }
        }
        Err((code, msg)) => {
            *target = Slot::Invalid;
            refused.push((slot, code));
            let mut issue = Issue::new(None, code, msg);
            issue.at = at;
            event(ValueEvent::Refused(slot, issue));
        }
    }
}

/// The error of a column header that is the label of several inputs.
#[cfg(feature = "xlsx")]
fn ambiguous_label(
    plan: &Plan,
    header: &str,
    slots: &[usize],
    at: Option<crate::error::Pos>,
) -> Issue {
    let inputs =
        crate::inputs::list_arg(slots.iter().map(|&s| slot_arg(&plan.inputs, s)).collect());
    let mut issue = Issue::new(
        None,
        Code::AmbiguousLabel,
        msg!(
            "xlsx-ambiguous-label",
            header = Arg::ident(header),
            inputs = inputs
        ),
    )
    .with_help(msg!("xlsx-ambiguous-label-help"));
    issue.at = at;
    issue
}

impl State<'_> {
    /// The criteria the unit marks not applicable.
    fn mark_not_applicable(&mut self, unit: &Unit) {
        self.mark_not_applicable_ids(&unit.not_applicable);
    }

    /// Marks these criteria not applicable.
    fn mark_not_applicable_ids(&mut self, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        let plan = self.plan;
        self.na = vec![false; plan.nodes.len()];
        for id in ids {
            match plan.node_index.get(nfc_cow(id).as_ref()) {
                Some(&i) => {
                    if let Some(flag) = self.na.get_mut(i) {
                        *flag = true;
                    }
                }
                None => self
                    .warnings
                    .push(unknown_criterion(plan, id, "not_applicable")),
            }
        }
    }

    /// Scores the tree (the top-level criteria form the root group): total, max and index.
    fn score_tree(&mut self) -> (Decimal, Decimal, Option<Decimal>) {
        let plan = self.plan;
        let (total, m, _) = self.group(&plan.roots, plan.total, None, plan.root_has_extras);
        let index = if m.is_zero() {
            self.errors
                .push(Issue::new(None, Code::ZeroMax, msg!("unit-zero-max")));
            None
        } else {
            // total × 100 / max: multiplying first keeps a terminating index exact.
            Some(round(
                crate::num::checked_div(total * Decimal::ONE_HUNDRED, m).unwrap_or(Decimal::ZERO),
                plan.places,
            ))
        };
        (total, m, index)
    }

    /// The unit's own marks, node by node, and its self-assessed total.
    fn self_assessment(&mut self, unit: &Unit) -> Option<Decimal> {
        if unit.self_assessed.is_empty() {
            return None;
        }
        let plan = self.plan;
        let mut given: Vec<Option<Decimal>> = vec![None; plan.nodes.len()];
        for (id, raw) in &unit.self_assessed {
            let Some((&i, node)) = plan
                .node_index
                .get(nfc_cow(id).as_ref())
                .and_then(|i| Some((i, plan.nodes.get(*i)?)))
            else {
                self.warnings
                    .push(unknown_criterion(plan, id, "self_assessed"));
                continue;
            };
            match (number_of(raw), given.get_mut(i)) {
                (Some(d), Some(g)) => *g = Some(d),
                (None, _) => self.errors.push(Issue::new(
                    Some(&node.id),
                    Code::InvalidUnit,
                    msg!(
                        "unit-self-assessed-not-number",
                        criterion = Arg::ident(id.as_str())
                    ),
                )),
                (Some(_), None) => {}
            }
        }
        for (n, g) in self.nodes.iter_mut().zip(&given) {
            n.self_assessed = *g;
        }
        self_figures(plan, &given)
    }
}

fn status_of(errors: &[Issue]) -> UnitStatus {
    if errors.iter().any(|e| e.code != Code::MissingInput) {
        UnitStatus::Error
    } else if !errors.is_empty() {
        UnitStatus::Incomplete
    } else {
        UnitStatus::Complete
    }
}

fn unknown_criterion(plan: &Plan, id: &str, list: &'static str) -> Issue {
    let message = match plan.suggest_criterion(&nfc_cow(id)) {
        Some(s) => msg!(
            "unit-unknown-criterion-did-you-mean",
            id = Arg::ident(id),
            list = Arg::ident(list),
            suggestion = Arg::ident(s)
        ),
        None => msg!(
            "unit-unknown-criterion",
            id = Arg::ident(id),
            list = Arg::ident(list)
        ),
    };
    Issue::new(None, Code::UnknownCriterion, message)
}

/// The unit's self-assessed figure (see docs/decisions.md #13): a node's figure is its own
/// mark, or else, for a group, the clamp-free sum of its children's figures (bonus adds,
/// penalty subtracts) when at least one child has one.
fn self_figures(plan: &Plan, given: &[Option<Decimal>]) -> Option<Decimal> {
    let n = plan.nodes.len();
    let mut fig: Vec<Option<Decimal>> = vec![None; n];
    let combine = |kids: &[usize], fig: &[Option<Decimal>]| -> Option<Decimal> {
        let mut acc: Option<Decimal> = None;
        for &k in kids {
            if let Some(v) = fig.get(k).copied().flatten() {
                let penalty = plan.nodes.get(k).map(|n| n.kind) == Some(NodeKind::Penalty);
                let signed = if penalty { -v } else { v };
                acc = Some(acc.unwrap_or_default().checked_add(signed)?);
            }
        }
        acc
    };
    // Children come after their parent, so a reverse walk sees every child first.
    for (i, node) in plan.nodes.iter().enumerate().rev() {
        let v = match (given.get(i).copied().flatten(), &node.body) {
            (Some(v), _) => Some(v),
            (None, Body::Group(kids)) => combine(kids, &fig),
            (None, Body::Leaf(_)) => None,
        };
        if let Some(f) = fig.get_mut(i) {
            *f = v;
        }
    }
    combine(&plan.roots, &fig)
}

/// Evaluates a grade's `requires` with the unit's slots, its nodes' `(points, max)` (read by
/// `points()`) and `index`/`total`, the way grading does (also used by `analysis`, feature
/// `tools`, to re-check a gate at another index).
pub(crate) fn check_requires(
    plan: &Plan,
    cond: &expr::Compiled,
    slots: &[Slot],
    pts: Vec<(Decimal, Decimal)>,
    extra: &[(&str, Dynamic)],
) -> Result<bool, Fail> {
    expr::with_points(plan.node_index.clone(), pts, || {
        let (r, _) = cond.eval(&plan.engine, &plan.inputs, slots, extra);
        r.and_then(|d| {
            d.as_bool().map_err(|_| {
                Fail::Error(
                    Code::NotBoolean,
                    msg!("unit-requires-not-boolean", got = expr::describe(&d)),
                )
            })
        })
    })
}

/// A unit's input slots as scoring reads them, for a unit without later rounds (`None` for
/// one with later rounds: its slots are those of its last round). Used by `analysis` (feature `tools`).
#[cfg(feature = "tools")]
pub(crate) fn unit_slots(
    plan: &Plan,
    base: Option<&Arc<Vec<Slot>>>,
    unit: &Unit,
) -> Option<Vec<Slot>> {
    if !unit.rounds.is_empty() {
        return None;
    }
    let mut st = State::new(plan, base);
    st.fill_slots(unit);
    Some(st.slots)
}

/// The unit's grade: the first whose threshold and condition hold. `refused` gives the code
/// of each input whose value was refused.
fn grade(result: &mut UnitResult, slots: &[Slot], refused: &[(usize, Code)]) {
    let plan = result.plan.clone();
    let Some(index) = result.index else { return };
    let pts: Vec<(Decimal, Decimal)> = if plan.grades_need_points {
        result.nodes.iter().map(|n| (n.points, n.max)).collect()
    } else {
        Vec::new()
    };
    // What a `requires` condition may read besides the inputs, made only when one is checked.
    let mut extra: Option<[(&str, Dynamic); 2]> = None;
    for (gi, g) in plan.grades.iter().enumerate() {
        if index < g.at_least {
            continue;
        }
        let ok = match &g.requires {
            None => Ok(true),
            Some(c) => {
                let extra = extra.get_or_insert_with(|| {
                    [
                        ("index", Dynamic::from_decimal(index)),
                        ("total", Dynamic::from_decimal(result.total)),
                    ]
                });
                check_requires(&plan, c, slots, pts.clone(), extra.as_slice())
            }
        };
        match ok {
            Ok(true) => {
                result.grade = Some(gi);
                return;
            }
            Ok(false) => {}
            Err(f) => {
                let (code, msg) = match f {
                    Fail::Missing(s) | Fail::NotApplicable(s) => (
                        Code::MissingInput,
                        msg!(
                            "unit-grade-missing-input",
                            grade = Arg::ident(g.id.as_str()),
                            input = slot_arg(&plan.inputs, s)
                        ),
                    ),
                    Fail::Invalid(s) => (
                        refused
                            .iter()
                            .find(|(slot, _)| *slot == s)
                            .map(|(_, c)| *c)
                            .unwrap_or(Code::WrongValueType),
                        msg!(
                            "unit-grade-refused-input",
                            grade = Arg::ident(g.id.as_str()),
                            input = slot_arg(&plan.inputs, s)
                        ),
                    ),
                    Fail::Error(code, msg) => (
                        code,
                        msg!(
                            "unit-grade-failed",
                            grade = Arg::ident(g.id.as_str()),
                            error = msg
                        ),
                    ),
                };
                result.errors.push(Issue::new(None, code, msg));
                result.status = status_of(&result.errors);
                return;
            }
        }
    }
}
