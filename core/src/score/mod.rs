//! Scoring: one unit (not applicable, groups, caps, rounding, index, grade) and a batch
//! (ranking).

mod batch;

use std::sync::Arc;

use rhai::Dynamic;
use rust_decimal::{Decimal, RoundingStrategy};

pub use batch::BatchOptions;

use crate::error::{Code, Issue};
use crate::expr::{self, Fail, Slot};
use crate::inputs::{InputDef, RawValue};
use crate::plan::{Body, Plan};
use crate::result::{NodeResult, NodeStatus, UnitInfo, UnitResult, UnitStatus};
use crate::rules::{Ctx, Trace};
use crate::ruleset::load::nfc;
use crate::ruleset::model::{NodeKind, OnMissing};
use crate::syntax::suggest;
use crate::unit::Unit;

/// Rounds half away from zero.
pub fn round(d: Decimal, places: u32) -> Decimal {
    if d.scale() <= places {
        return d;
    }
    d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
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

fn key(name: &str) -> std::borrow::Cow<'_, str> {
    if name.is_ascii() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(nfc(name))
    }
}

struct State<'a> {
    plan: &'a Plan,
    slots: Vec<Slot>,
    na: Vec<bool>,
    nodes: Vec<NodeResult>,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
    printed: Vec<(usize, Vec<String>)>,
    scratch: Vec<String>,
}

impl State<'_> {
    fn set(&mut self, i: usize, points: Decimal, max: Decimal, status: NodeStatus, trace: Trace) {
        let n = &mut self.nodes[i];
        n.points = points;
        n.max = max;
        n.status = status;
        n.trace = trace;
    }

    fn input_name(&self, slot: usize) -> String {
        let d = &self.plan.inputs[slot];
        match &d.label {
            Some(l) => format!("`{}` ({l})", d.name),
            None => format!("`{}`", d.name),
        }
    }

    fn not_applicable(&mut self, i: usize, trace: Trace) -> (Decimal, Option<Decimal>) {
        let node = &self.plan.nodes[i];
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
    fn failed(&mut self, i: usize, fail: Fail, what: &str) -> (Decimal, Option<Decimal>) {
        let node = &self.plan.nodes[i];
        let (max, end, id) = (node.max, node.end, node.id.clone());
        let (status, trace) = match fail {
            Fail::Missing(slot) => {
                let msg = format!(
                    "criterion `{id}` {what} {}, which the unit does not give; add the value (or mark the criterion not applicable)",
                    self.input_name(slot)
                );
                self.errors
                    .push(Issue::new(Some(&id), Code::MissingInput, msg));
                (NodeStatus::Missing, Trace::Missing(slot))
            }
            Fail::Invalid(slot) => (NodeStatus::Error, Trace::Invalid(slot)),
            Fail::Error(code, msg) => {
                self.errors.push(Issue::new(
                    Some(&id),
                    code,
                    format!("criterion `{id}`: {msg}"),
                ));
                (NodeStatus::Error, Trace::Error)
            }
            Fail::NotApplicable(slot) => {
                return self.not_applicable(i, Trace::InputNotApplicable(slot))
            }
        };
        self.set(i, Decimal::ZERO, max, status, trace);
        for d in i + 1..end {
            let m = self.plan.nodes[d].max;
            self.set(d, Decimal::ZERO, m, status, Trace::ParentUndecided);
        }
        (Decimal::ZERO, None)
    }

    /// Scores node `i`: its points, and the max it contributes when that is not its declared
    /// max (after exclusions).
    fn eval(&mut self, i: usize) -> (Decimal, Option<Decimal>) {
        let plan = self.plan;
        let node = &plan.nodes[i];
        if self.na.get(i).copied().unwrap_or(false) {
            return self.not_applicable(i, Trace::ListedNotApplicable);
        }
        if let Some(cond) = &node.applies_if {
            let (r, _) = cond.eval(&plan.engine, &plan.inputs, &self.slots, &[]);
            let r = r.and_then(|d| {
                d.as_bool().map_err(|_| {
                    Fail::Error(
                        Code::NotBoolean,
                        format!(
                            "`applies_if` must give true or false, but gave {}",
                            expr::describe(&d)
                        ),
                    )
                })
            });
            match r {
                Ok(true) => {}
                Ok(false) => return self.not_applicable(i, Trace::AppliesIfFalse),
                Err(f) => return self.failed(i, f, "decides whether it applies from"),
            }
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
                        let msg = format!(
                            "criterion `{}`: no band holds for the value {}, so it scores 0",
                            node.id,
                            crate::num::Text(*v)
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
                Err(f) => self.failed(i, f, "reads"),
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
        let (mut s, mut adjust, mut bonus, mut penalty) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        let mut reduced = false;
        for &k in kids {
            let (p, mx) = self.eval(k);
            match plan.nodes[k].kind {
                NodeKind::Normal => {
                    s += p;
                    if let Some(mx) = mx {
                        adjust += mx - plan.nodes[k].max;
                        reduced = true;
                    }
                }
                NodeKind::Bonus => bonus += p,
                NodeKind::Penalty => penalty += p,
            }
        }
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

/// Scores one unit. Never panics; every problem is in the result.
pub(crate) fn score_unit(plan_arc: &Arc<Plan>, unit: &Unit) -> UnitResult {
    let plan: &Plan = plan_arc;
    let n = plan.nodes.len();
    let mut st = State {
        plan,
        slots: plan.absent.clone(),
        na: Vec::new(),
        nodes: vec![NodeResult::default(); n],
        errors: Vec::new(),
        warnings: Vec::new(),
        printed: Vec::new(),
        scratch: Vec::new(),
    };
    for p in &unit.problems {
        if p.code == Code::UnknownKey {
            st.warnings.push(p.clone());
        } else {
            st.errors.push(p.clone());
        }
    }
    if unit.id.is_none() {
        let mut issue = Issue::new(
            None,
            Code::MissingUnitId,
            "the unit has no `id`; give every unit a unique id",
        );
        issue.at = unit.at;
        st.errors.push(issue);
    }

    // Values into slots. Data usually lists the inputs in declaration order, so the next slot
    // is tried before the index.
    let mut hint = 0usize;
    for (vi, (name, raw)) in unit.values.iter().enumerate() {
        let at = unit.value_at.get(vi).copied().flatten();
        let k = key(name);
        let slot = match plan.inputs.get(hint) {
            Some(d) if d.name == k.as_ref() => Some(hint),
            _ => plan.input_index.get(k.as_ref()).copied(),
        };
        if let Some(s) = slot {
            hint = s + 1;
        }
        match slot {
            Some(slot) => match plan.inputs[slot].read(raw) {
                Ok(Some(v)) => st.slots[slot] = Slot::Value(v),
                Ok(None) => {}
                Err((code, msg)) => {
                    st.slots[slot] = Slot::Invalid;
                    let mut issue = Issue::new(None, code, msg);
                    issue.at = at;
                    st.errors.push(issue);
                }
            },
            None => {
                let hint = suggest(&k, plan.input_index.keys().map(String::as_str))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_else(|| "; it is ignored".to_string());
                let mut issue = Issue::new(
                    None,
                    Code::UnknownInput,
                    format!("`{name}` is not a declared input{hint}"),
                );
                issue.at = at;
                st.warnings.push(issue);
            }
        }
    }

    // Criteria the unit marks not applicable.
    if !unit.not_applicable.is_empty() {
        st.na = vec![false; n];
        for id in &unit.not_applicable {
            match plan.node_index.get(key(id).as_ref()) {
                Some(&i) => st.na[i] = true,
                None => st
                    .warnings
                    .push(unknown_criterion(plan, id, "not_applicable")),
            }
        }
    }

    // Score the tree: the top-level criteria form the root group.
    let (total, m, _) = st.group(&plan.roots, plan.total, None, plan.root_has_extras);
    let index = if m.is_zero() {
        st.errors.push(Issue::new(
            None,
            Code::ZeroMax,
            "every criterion is excluded for this unit, so its max is 0 and it has no index; check its `not_applicable` list and data",
        ));
        None
    } else {
        // total × 100 / max: multiplying first keeps a terminating index exact.
        Some(round(
            (total * Decimal::ONE_HUNDRED)
                .checked_div(m)
                .unwrap_or(Decimal::ZERO),
            plan.places,
        ))
    };

    // Self-assessment.
    let mut self_total = None;
    if !unit.self_assessed.is_empty() {
        let mut given: Vec<Option<Decimal>> = vec![None; n];
        for (id, raw) in &unit.self_assessed {
            let Some(&i) = plan.node_index.get(key(id).as_ref()) else {
                st.warnings
                    .push(unknown_criterion(plan, id, "self_assessed"));
                continue;
            };
            match number_of(raw) {
                Some(d) => given[i] = Some(d),
                None => st.errors.push(Issue::new(
                    Some(&plan.nodes[i].id),
                    Code::InvalidUnit,
                    format!("the self-assessed mark for `{id}` must be a number"),
                )),
            }
        }
        for (i, g) in given.iter().enumerate() {
            st.nodes[i].self_assessed = *g;
        }
        self_total = self_figures(plan, &given);
    }

    let status = status_of(&st.errors);
    let mut result = UnitResult {
        plan: plan_arc.clone(),
        unit: UnitInfo {
            id: unit.id.clone(),
            name: unit.name.clone(),
            kind: unit.kind.clone(),
        },
        status,
        total,
        max: m,
        index,
        grade: None,
        self_assessed: self_total,
        nodes: st.nodes,
        warnings: st.warnings,
        errors: st.errors,
        printed: st.printed,
    };
    if status == UnitStatus::Complete {
        grade(&mut result, &st.slots);
    }
    result
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

fn unknown_criterion(plan: &Plan, id: &str, list: &str) -> Issue {
    let hint = suggest(id, plan.node_index.keys().map(String::as_str))
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default();
    Issue::new(
        None,
        Code::UnknownCriterion,
        format!("`{id}` in `{list}` names no criterion{hint}"),
    )
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
            if let Some(v) = fig[k] {
                let signed = if plan.nodes[k].kind == NodeKind::Penalty {
                    -v
                } else {
                    v
                };
                acc = Some(acc.unwrap_or_default().checked_add(signed)?);
            }
        }
        acc
    };
    for i in (0..n).rev() {
        fig[i] = match (&given[i], &plan.nodes[i].body) {
            (Some(v), _) => Some(*v),
            (None, Body::Group(kids)) => combine(kids, &fig),
            (None, Body::Leaf(_)) => None,
        };
    }
    combine(&plan.roots, &fig)
}

fn grade(result: &mut UnitResult, slots: &[Slot]) {
    let plan = result.plan.clone();
    let Some(index) = result.index else { return };
    let pts: Vec<(Decimal, Decimal)> = if plan.grades_need_points {
        result.nodes.iter().map(|n| (n.points, n.max)).collect()
    } else {
        Vec::new()
    };
    let extra = [
        ("index", Dynamic::from_decimal(index)),
        ("total", Dynamic::from_decimal(result.total)),
    ];
    for (gi, g) in plan.grades.iter().enumerate() {
        if index < g.at_least {
            continue;
        }
        let ok = match &g.requires {
            None => Ok(true),
            Some(c) => expr::with_points(plan.node_index.clone(), pts.clone(), || {
                let (r, _) = c.eval(&plan.engine, &plan.inputs, slots, &extra);
                r.and_then(|d| {
                    d.as_bool().map_err(|_| {
                        Fail::Error(
                            Code::NotBoolean,
                            format!(
                                "`requires` must give true or false, but gave {}",
                                expr::describe(&d)
                            ),
                        )
                    })
                })
            }),
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
                        format!(
                            "the condition of grade `{}` reads `{}`, which the unit does not give",
                            g.id, plan.inputs[s].name
                        ),
                    ),
                    Fail::Invalid(s) => (
                        Code::ScriptError,
                        format!(
                            "the condition of grade `{}` reads the refused value of `{}`",
                            g.id, plan.inputs[s].name
                        ),
                    ),
                    Fail::Error(code, msg) => (
                        code,
                        format!("the condition of grade `{}` failed: {msg}", g.id),
                    ),
                };
                result.errors.push(Issue::new(None, code, msg));
                result.status = status_of(&result.errors);
                return;
            }
        }
    }
}
