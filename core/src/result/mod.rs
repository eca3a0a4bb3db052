//! Results, statuses and traces, written in the spec's JSON shape.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::error::Issue;
use crate::i18n::{Arg, ArgRef, Lang, Localize, Message, MsgRef, msg_ref};
use crate::plan::{Body, Plan};
use crate::rules::{Trace, WhyCx};
use crate::types::NodeKind;

mod json_text;
pub(crate) use crate::types::{NodeStatus, UnitStatus};
pub(crate) use json_text::pretty_into;

/// One node's result.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NodeResult {
    /// Points.
    pub points: Decimal,
    /// Max after exclusions.
    pub max: Decimal,
    /// Status.
    pub status: NodeStatus,
    /// Why.
    pub(crate) trace: Trace,
    /// The unit's own mark, where given for this node.
    pub self_assessed: Option<Decimal>,
}

/// The unit's identity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UnitInfo {
    /// Id.
    pub id: Option<String>,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A grade reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeRef<'a> {
    /// Id.
    pub id: &'a str,
    /// Label.
    pub label: &'a str,
}

/// The result of scoring one unit.
#[derive(Debug, Clone)]
pub struct UnitResult {
    pub(crate) plan: Arc<Plan>,
    /// The starting slots when parameter values were set (`None`: the defaults).
    pub(crate) base: Option<Arc<Vec<crate::expr::Slot>>>,
    /// The unit.
    pub unit: UnitInfo,
    /// Status.
    pub status: UnitStatus,
    /// Points (root group).
    pub total: Decimal,
    /// Max after exclusions.
    pub max: Decimal,
    /// total / max × 100, rounded; `None` when max is 0.
    pub index: Option<Decimal>,
    /// Index into the ruleset's grades.
    pub grade: Option<usize>,
    /// The unit's self-assessed total, where it gave marks.
    pub self_assessed: Option<Decimal>,
    /// Node results, in the ruleset's pre-order.
    pub nodes: Vec<NodeResult>,
    /// Warnings.
    pub warnings: Vec<Issue>,
    /// Errors.
    pub errors: Vec<Issue>,
    /// Lines printed by scripts, by node index.
    pub printed: Vec<(usize, Vec<String>)>,
    /// The rounds, notes, evidence and explanations, when the ruleset declares rounds or the
    /// unit uses them (see [`UnitResult::rounds`]).
    pub(crate) rounds: Option<Box<Rounds>>,
    /// `Some(as_of)` while the criteria tree is left out ([`BatchOptions::trees`]): the round
    /// the unit was scored as of, for [`UnitResult::restore_tree`].
    ///
    /// [`BatchOptions::trees`]: crate::BatchOptions::trees
    pub(crate) tree_left_out: Option<Option<usize>>,
}

/// The figures of a unit as of one of its rounds (tự chấm, thẩm định, …).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RoundResult {
    /// The round: an index into [`crate::Ruleset::rounds`] (0 for the implicit round of a
    /// ruleset without rounds).
    pub round: usize,
    /// Status as of this round.
    pub status: UnitStatus,
    /// Points as of this round.
    pub total: Decimal,
    /// Max after exclusions as of this round.
    pub max: Decimal,
    /// Index as of this round.
    pub index: Option<Decimal>,
    /// Grade as of this round (index into the ruleset's grades).
    pub grade: Option<usize>,
    /// Every node's points as of this round, in the ruleset's pre-order.
    pub points: Vec<Decimal>,
    /// Errors as of this round.
    pub errors: Vec<Issue>,
    /// Warnings as of this round.
    pub warnings: Vec<Issue>,
}

/// What rounds add to a unit's result.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rounds {
    /// The present rounds, in order; the last is the official one.
    pub(crate) list: Vec<RoundResult>,
    /// Notes: (node, round, text).
    pub(crate) notes: Vec<(usize, usize, String)>,
    /// Evidence cited, by node.
    pub(crate) evidence: Vec<(usize, Vec<String>)>,
    /// Explanations, by node.
    pub(crate) explanations: Vec<(usize, String)>,
    /// Scored as of a round the unit does not give: not ranked.
    pub(crate) absent: bool,
}

/// One line of a ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankEntry {
    /// Rank (1 is best).
    pub rank: u32,
    /// Position of the unit in the batch.
    pub position: usize,
    /// The ranking group the unit is ranked in, when the batch is ranked by the ruleset's
    /// groups: an index into the ruleset's groups, or their count for the implicit group
    /// "khác" (see [`UnitResult::ranking_group`]).
    pub group: Option<usize>,
}

/// The results of a batch and its ranking.
#[derive(Debug, Clone)]
pub struct BatchResult {
    /// One result per unit, in input order.
    pub results: Vec<UnitResult>,
    /// Complete units by index.
    pub ranking: Vec<RankEntry>,
    /// Ranked within each kind.
    pub grouped: bool,
}

/// Writes a decimal as an exact JSON number (normalised: `2.50` → `2.5`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num(pub Decimal);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A whole number is written as an integer: the same digits, without the detour below
        // (most points, maxima and counts are whole).
        if let Some(i) = whole_i64(self.0) {
            return s.serialize_i64(i);
        }
        // The digits are written as they are, through the protocol by which serde_json's own
        // `Number` writes itself with the `arbitrary_precision` feature (a one-field struct
        // under this name): the same output as parsing the text into a `Number` and
        // serialising that, without the parse. `numbers_print_exactly` checks both serde_json
        // writers (text and `Value`) on it.
        const TOKEN: &str = "$serde_json::private::Number";
        let (buf, at) = crate::num::Text(self.0).bytes();
        let text = std::str::from_utf8(buf.get(at..).unwrap_or_default())
            .map_err(serde::ser::Error::custom)?;
        let mut st = s.serialize_struct(TOKEN, 1)?;
        st.serialize_field(TOKEN, text)?;
        st.end()
    }
}

/// The decimal as an `i64` when it is a whole number that fits (`100.00` → 100), without
/// rounding: `None` for `2.5` or a value beyond the `i64` range.
fn whole_i64(d: Decimal) -> Option<i64> {
    let scale = d.scale();
    let m = d.mantissa();
    if scale == 0 {
        return i64::try_from(m).ok();
    }
    // The usual case in 64-bit arithmetic (no 128-bit division).
    if let (Ok(small), Some(p)) = (i64::try_from(m), 10i64.checked_pow(scale)) {
        return (small % p == 0).then_some(small / p);
    }
    let p = 10i128.checked_pow(scale)?;
    if m % p != 0 {
        return None;
    }
    i64::try_from(m / p).ok()
}

impl UnitResult {
    /// The grade, if any.
    pub fn grade(&self) -> Option<GradeRef<'_>> {
        self.grade
            .and_then(|g| self.plan.grades.get(g))
            .map(|g| GradeRef {
                id: &g.id,
                label: &g.label,
            })
    }

    /// total − self_assessed, where the unit gave marks.
    pub fn delta(&self) -> Option<Decimal> {
        self.self_assessed.and_then(|s| self.total.checked_sub(s))
    }

    /// The official round's id: the last present round, or the round asked for (`None` when
    /// the ruleset declares no rounds).
    pub fn round(&self) -> Option<&str> {
        let r = self.rounds.as_ref()?.list.last()?;
        self.plan.rounds.get(r.round).map(|d| d.id.as_str())
    }

    /// Each present round's figures, in order (the last is the official result, the same
    /// figures as the unit's own). Empty when the ruleset declares no rounds and the unit uses
    /// none.
    pub fn rounds(&self) -> &[RoundResult] {
        self.rounds.as_ref().map_or(&[], |r| r.list.as_slice())
    }

    /// A round's id and label, by its index in the ruleset (`None` for the implicit round).
    pub fn round_info(&self, round: usize) -> Option<(&str, &str)> {
        self.plan
            .rounds
            .get(round)
            .map(|d| (d.id.as_str(), d.label.as_str()))
    }

    /// Node `i`'s official points minus its points in the first present round (`None` when the
    /// ruleset declares no rounds).
    pub fn change(&self, i: usize) -> Option<Decimal> {
        if self.plan.rounds.is_empty() {
            return None;
        }
        let first = self.rounds.as_ref()?.list.first()?.points.get(i)?;
        self.nodes.get(i)?.points.checked_sub(*first)
    }

    /// Node `i`'s notes, as (round index, text), in round order.
    pub fn notes(&self, i: usize) -> impl Iterator<Item = (usize, &str)> {
        self.rounds
            .iter()
            .flat_map(|r| r.notes.iter())
            .filter(move |(n, _, _)| *n == i)
            .map(|(_, r, t)| (*r, t.as_str()))
    }

    /// The evidence the unit cites for node `i`.
    pub fn evidence(&self, i: usize) -> &[String] {
        self.rounds
            .as_ref()
            .and_then(|r| r.evidence.iter().find(|(n, _)| *n == i))
            .map_or(&[], |(_, d)| d.as_slice())
    }

    /// The unit's explanation (giải trình) for node `i`.
    pub fn explanation(&self, i: usize) -> Option<&str> {
        self.rounds
            .as_ref()?
            .explanations
            .iter()
            .find(|(n, _)| *n == i)
            .map(|(_, t)| t.as_str())
    }

    /// False for a batch's result whose criteria tree was left out
    /// ([`crate::BatchOptions::trees`]`(false)`): its `nodes` are empty, and its JSON has no
    /// `criteria`, until [`UnitResult::restore_tree`].
    pub fn has_tree(&self) -> bool {
        self.tree_left_out.is_none()
    }

    /// Puts back the criteria tree left out of a batch's result, by scoring `unit` — the unit
    /// this result was scored from — again (as of the same round, with the same parameter
    /// values): the nodes are what the batch would have kept, and the figures, warnings and
    /// errors stay the batch's (a duplicate id's error included). Does nothing when the result
    /// has its tree.
    pub fn restore_tree(&mut self, unit: &crate::Unit) {
        let Some(as_of) = self.tree_left_out else {
            return;
        };
        let fresh = crate::score::score_unit(&self.plan, self.base.as_ref(), unit, as_of);
        self.nodes = fresh.nodes;
        self.tree_left_out = None;
    }

    /// True when the unit may be ranked: complete, with an index, and (when scored as of a
    /// round) giving that round.
    pub fn rankable(&self) -> bool {
        self.status == UnitStatus::Complete
            && self.index.is_some()
            && !self.rounds.as_ref().is_some_and(|r| r.absent)
    }

    /// The result of the node with this id.
    pub fn node(&self, id: &str) -> Option<&NodeResult> {
        self.plan
            .node_index
            .get(id)
            .and_then(|&i| self.nodes.get(i))
    }

    /// Node ids in pre-order, with their results.
    pub fn iter_nodes(&self) -> impl Iterator<Item = (&crate::plan::PlanNode, &NodeResult)> {
        self.plan.nodes.iter().zip(self.nodes.iter())
    }

    /// The id and label of ranking group `g` of this result's ruleset (a [`RankEntry::group`]):
    /// the implicit group of units in no declared group is `khac`, labelled in `lang`.
    pub fn ranking_group(&self, g: usize, lang: Lang) -> (&str, String) {
        match self.plan.groups.get(g) {
            Some(x) => (x.id.as_str(), x.label.clone()),
            None => (
                self.plan.group_id(g),
                crate::msg!("ui-rank-group-other").render(lang),
            ),
        }
    }

    /// The parameter values the unit was scored with, in file order (`None` when the ruleset
    /// declares no parameters; format §18).
    pub fn parameter_values(&self) -> Option<Vec<(&str, crate::ruleset::InputDefault)>> {
        (self.plan.inputs.len() > self.plan.n_inputs)
            .then(|| crate::parameters::values(&self.plan, self.base.as_deref()))
    }

    /// Why node `i` scored what it did, as a language-neutral message (id and arguments: the
    /// input and the value read, the band that held, the deduction's count and price, the
    /// script's output…). `None` for a node with nothing to explain (an index outside the plan,
    /// or a leaf that was not scored).
    pub fn why(&self, i: usize) -> Option<Message> {
        self.why_with(i, |m| m.to_message())
    }

    /// [`UnitResult::why`] as a message built on the stack and handed to `f` (D134): the JSON
    /// writer writes it without making the owned message.
    pub(crate) fn why_with<R>(&self, i: usize, f: impl FnOnce(&MsgRef<'_>) -> R) -> Option<R> {
        let (mut f, mut out) = (Some(f), None);
        self.why_dyn(i, &mut |m| out = f.take().map(|f| f(m)));
        out
    }

    /// [`UnitResult::why_with`]'s body, compiled once (not once per caller's closure: the
    /// browser module's size).
    fn why_dyn(&self, i: usize, f: &mut dyn FnMut(&MsgRef<'_>)) -> Option<()> {
        let (node, r) = (self.plan.nodes.get(i)?, self.nodes.get(i)?);
        let inputs = &self.plan.inputs;
        let places = self.plan.places;
        let input = |s: usize| crate::inputs::slot_arg_ref(inputs, s);
        match &r.trace {
            Trace::ListedNotApplicable => f(&msg_ref!("trace-na-listed")),
            Trace::AppliesIfFalse => {
                let condition =
                    ArgRef::Ident(node.applies_if.as_ref().map_or("", |c| c.source.trim()));
                let params = node.applies_if.as_ref().map_or_else(Vec::new, |c| {
                    crate::parameters::read_by_condition(&self.plan, self.base.as_deref(), c)
                });
                if !params.is_empty() {
                    let parameters = crate::inputs::list_arg(params);
                    if node.full_if_na {
                        f(&msg_ref!(
                            "trace-na-parameter-full",
                            condition = condition,
                            parameters = &parameters
                        ))
                    } else {
                        f(&msg_ref!(
                            "trace-na-parameter-excluded",
                            condition = condition,
                            parameters = &parameters
                        ))
                    }
                    return Some(());
                }
                if node.full_if_na {
                    f(&msg_ref!("trace-na-applies-if-full", condition = condition))
                } else {
                    f(&msg_ref!(
                        "trace-na-applies-if-excluded",
                        condition = condition
                    ))
                }
            }
            Trace::InputNotApplicable(s) => f(&msg_ref!("trace-na-input", input = input(*s))),
            Trace::ParentNotApplicable => f(&msg_ref!("trace-na-parent")),
            Trace::Missing(s) => f(&msg_ref!("trace-missing", input = input(*s))),
            Trace::Invalid(s) => f(&msg_ref!("trace-invalid", input = input(*s))),
            Trace::ParentUndecided => f(&msg_ref!("trace-parent-undecided")),
            Trace::Set(round) => {
                let points = ArgRef::Fixed(r.points, places);
                let note = self.notes(i).find(|(n, _)| *n == *round).map(|(_, t)| t);
                let Some((_, label)) = self.round_info(*round) else {
                    match note {
                        Some(note) => f(&msg_ref!(
                            "trace-set-points-unit-note",
                            points = points,
                            note = note
                        )),
                        None => f(&msg_ref!("trace-set-points-unit", points = points)),
                    }
                    return Some(());
                };
                match note {
                    Some(note) => f(&msg_ref!(
                        "trace-set-points-note",
                        points = points,
                        label = label,
                        note = note
                    )),
                    None => f(&msg_ref!(
                        "trace-set-points",
                        points = points,
                        label = label
                    )),
                }
            }
            Trace::Error => match self
                .errors
                .iter()
                .find(|e| e.criterion.as_deref() == Some(node.id.as_str()))
            {
                // The node's own explanation need not name the criterion again.
                Some(e) => match (e.message.id(), e.message.arg("error")) {
                    ("unit-criterion-failed", Some(inner @ Arg::Msg(_))) => {
                        f(&msg_ref!("trace-error", error = inner))
                    }
                    _ => f(&msg_ref!("trace-error", error = &e.message)),
                },
                None => f(&msg_ref!("trace-error-unknown")),
            },
            Trace::None => match &node.body {
                Body::Group(kids) => self.group_why(kids, r, node.cap, places, f),
                Body::Leaf(_) => return None,
            },
            t => match &node.body {
                Body::Leaf(rule) => {
                    let printed = self
                        .printed
                        .iter()
                        .find(|(n, _)| *n == i)
                        .map(|(_, p)| p.as_slice())
                        .unwrap_or(&[]);
                    rule.why(
                        t,
                        &WhyCx {
                            inputs,
                            points: r.points,
                            max: r.max,
                            places,
                            printed,
                        },
                        f,
                    )
                }
                Body::Group(_) => return None,
            },
        }
        Some(())
    }

    /// A group's explanation: the sum of its normal children (and how many were scored), with
    /// bonus and penalty, and the cap or the floor at 0 when one applied.
    fn group_why<R>(
        &self,
        kids: &[usize],
        r: &NodeResult,
        cap: bool,
        places: u32,
        f: impl FnOnce(&MsgRef<'_>) -> R,
    ) -> R {
        let (mut count, mut sum, mut bonus, mut penalty) = (0u64, Decimal::ZERO, None, None);
        let add = |acc: &mut Option<Decimal>, p: Decimal| {
            *acc = Some(acc.unwrap_or_default().saturating_add(p));
        };
        for &k in kids {
            let (Some(kid), Some(kr)) = (self.plan.nodes.get(k), self.nodes.get(k)) else {
                continue;
            };
            match kid.kind {
                NodeKind::Normal => {
                    if kr.status == NodeStatus::Scored {
                        count += 1;
                    }
                    sum = sum.saturating_add(kr.points);
                }
                NodeKind::Bonus => add(&mut bonus, kr.points),
                NodeKind::Penalty => add(&mut penalty, kr.points),
            }
        }
        let fixed = |d: Decimal| ArgRef::Fixed(d, places);
        let (points, max) = (fixed(r.points), fixed(r.max));
        let raw = sum
            .saturating_add(bonus.unwrap_or_default())
            .saturating_sub(penalty.unwrap_or_default());
        let extras = bonus.is_some() || penalty.is_some();
        let capped = (cap || extras) && raw > r.max;
        let zero = extras && raw < Decimal::ZERO;
        match (extras, capped, zero) {
            (false, false, _) => f(&msg_ref!(
                "trace-group",
                count = count,
                points = points,
                max = max
            )),
            (false, true, _) => f(&msg_ref!(
                "trace-group-capped",
                count = count,
                sum = fixed(sum),
                points = points,
                max = max
            )),
            (true, false, false) => f(&msg_ref!(
                "trace-group-extras",
                count = count,
                sum = fixed(sum),
                bonus = fixed(bonus.unwrap_or_default()),
                penalty = fixed(penalty.unwrap_or_default()),
                points = points,
                max = max
            )),
            (true, true, _) => f(&msg_ref!(
                "trace-group-extras-capped",
                count = count,
                sum = fixed(sum),
                bonus = fixed(bonus.unwrap_or_default()),
                penalty = fixed(penalty.unwrap_or_default()),
                raw = fixed(raw),
                points = points,
                max = max
            )),
            (true, false, true) => f(&msg_ref!(
                "trace-group-extras-zero",
                count = count,
                sum = fixed(sum),
                bonus = fixed(bonus.unwrap_or_default()),
                penalty = fixed(penalty.unwrap_or_default()),
                raw = fixed(raw),
                points = points,
                max = max
            )),
        }
    }

    /// Why node `i` scored what it did, in words in `lang` (the rendering of [`UnitResult::why`];
    /// empty when there is nothing to explain).
    pub fn trace_text(&self, i: usize, lang: Lang) -> String {
        self.why(i).map(|m| m.render(lang)).unwrap_or_default()
    }

    /// The result in JSON as `opts` asks: the whole of it, a summary without the criteria tree,
    /// or the tree without its trace words (see [`JsonOptions`]). Serialise it with serde.
    pub fn json(&self, opts: JsonOptions) -> ResultJson<'_> {
        ResultJson { r: self, opts }
    }

    /// The result as a JSON value (exact numbers).
    ///
    /// # Errors
    ///
    /// None in practice (every key is text and every number is finite); a serialisation error
    /// is returned rather than hidden.
    pub fn to_json_value(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::to_value(self)
    }
}

/// The ruleset a result was scored with (keys in sorted order, as before).
#[derive(Serialize)]
struct RulesetRef<'a> {
    fingerprint: &'a str,
    id: &'a str,
    issued_by: Option<&'a str>,
    /// The parameter values used, when the ruleset declares parameters (format §18).
    #[serde(skip_serializing_if = "Option::is_none")]
    parameters: Option<ParamValues<'a>>,
    status: crate::types::RulesetStatus,
    version: &'a str,
}

impl<'a> RulesetRef<'a> {
    fn of(r: &'a UnitResult) -> Self {
        let p = &r.plan;
        RulesetRef {
            fingerprint: &p.fingerprint,
            id: &p.id,
            issued_by: p.issued_by.as_deref(),
            parameters: r.parameter_values().map(ParamValues),
            status: p.status,
            version: &p.version,
        }
    }
}

/// Parameter values as a JSON object, in declaration order.
struct ParamValues<'a>(Vec<(&'a str, crate::ruleset::InputDefault)>);

impl Serialize for ParamValues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

struct NodeView<'a> {
    r: &'a UnitResult,
    i: usize,
    opts: JsonOptions,
}

impl Serialize for NodeView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (Some(node), Some(res)) = (self.r.plan.nodes.get(self.i), self.r.nodes.get(self.i))
        else {
            return Err(serde::ser::Error::custom("a node index outside the plan"));
        };
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &node.id)?;
        m.serialize_entry("title", &node.title)?;
        m.serialize_entry("kind", node.kind.as_str())?;
        m.serialize_entry("points", &Num(res.points))?;
        m.serialize_entry("max", &Num(res.max))?;
        m.serialize_entry("status", res.status.as_str())?;
        if self.opts.trace || self.opts.why {
            // The explanation built once, on the stack (D134).
            let (trace, why, lang) = (self.opts.trace, self.opts.why, self.opts.lang);
            let written = self.r.why_with(self.i, |w| {
                if trace {
                    let mut words = String::new();
                    w.render_into(lang, &mut words);
                    m.serialize_entry("trace", &words)?;
                }
                if why {
                    m.serialize_entry("why", w)?;
                }
                Ok(())
            });
            match written {
                Some(done) => done?,
                None => {
                    if trace {
                        m.serialize_entry("trace", "")?;
                    }
                    if why {
                        m.serialize_entry("why", &None::<Message>)?;
                    }
                }
            }
        }
        if let Some(sa) = res.self_assessed {
            m.serialize_entry("self_assessed", &Num(sa))?;
            if let Some(d) = res.points.checked_sub(sa) {
                m.serialize_entry("delta", &Num(d))?;
            }
        }
        if let Some(rounds) = &self.r.rounds {
            let i = self.i;
            if !self.r.plan.rounds.is_empty() {
                m.serialize_entry("rounds", &NodeRounds { r: self.r, i })?;
                if let Some(c) = self.r.change(i) {
                    m.serialize_entry("change", &Num(c))?;
                }
            }
            if rounds.notes.iter().any(|(n, _, _)| *n == i) {
                m.serialize_entry("notes", &NodeNotes { r: self.r, i })?;
            }
            let evidence = self.r.evidence(i);
            if !evidence.is_empty() {
                m.serialize_entry("evidence", evidence)?;
            }
            if let Some(e) = self.r.explanation(i) {
                m.serialize_entry("explanation", e)?;
            }
        }
        if let Body::Group(kids) = &node.body {
            m.serialize_entry(
                "children",
                &Children {
                    r: self.r,
                    kids,
                    opts: self.opts,
                },
            )?;
        }
        m.end()
    }
}

/// A node's points in each present round: `{round id: points}`.
struct NodeRounds<'a> {
    r: &'a UnitResult,
    i: usize,
}

impl Serialize for NodeRounds<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let list = self.r.rounds();
        let mut m = s.serialize_map(Some(list.len()))?;
        for rr in list {
            let id = self.r.round_info(rr.round).map_or("", |(id, _)| id);
            let p = rr.points.get(self.i).copied().unwrap_or_default();
            m.serialize_entry(id, &Num(p))?;
        }
        m.end()
    }
}

/// A node's notes: `{round id: text}`.
struct NodeNotes<'a> {
    r: &'a UnitResult,
    i: usize,
}

impl Serialize for NodeNotes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (round, text) in self.r.notes(self.i) {
            let id = self.r.round_info(round).map_or("", |(id, _)| id);
            m.serialize_entry(id, text)?;
        }
        m.end()
    }
}

/// The unit's rounds: `[{id, label, status, total, max, index, grade, errors, warnings}]`.
struct RoundList<'a> {
    r: &'a UnitResult,
    lang: Lang,
}

impl Serialize for RoundList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let list = self.r.rounds();
        let mut seq = s.serialize_seq(Some(list.len()))?;
        for rr in list {
            let (id, label) = self.r.round_info(rr.round).unwrap_or(("", ""));
            let grade = rr
                .grade
                .and_then(|g| self.r.plan.grades.get(g))
                .map(|g| GradeRef {
                    id: &g.id,
                    label: &g.label,
                });
            seq.serialize_element(&RoundJson {
                id,
                label,
                status: rr.status.as_str(),
                total: Num(rr.total),
                max: Num(rr.max),
                index: rr.index.map(Num),
                grade,
                errors: rr.errors.in_lang(self.lang),
                warnings: rr.warnings.in_lang(self.lang),
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct RoundJson<'a, E: Serialize> {
    id: &'a str,
    label: &'a str,
    status: &'a str,
    total: Num,
    max: Num,
    index: Option<Num>,
    grade: Option<GradeRef<'a>>,
    errors: E,
    warnings: E,
}

struct Children<'a> {
    r: &'a UnitResult,
    kids: &'a [usize],
    opts: JsonOptions,
}

impl Serialize for Children<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.kids.len()))?;
        for &k in self.kids {
            seq.serialize_element(&NodeView {
                r: self.r,
                i: k,
                opts: self.opts,
            })?;
        }
        seq.end()
    }
}

impl Serialize for UnitResult {
    /// With Vietnamese texts (see [`Localize`] for another language).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize_in(Lang::Vi, s)
    }
}

impl Localize for UnitResult {
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error> {
        self.json(JsonOptions::new(lang)).serialize(s)
    }
}

/// What a result's JSON holds, and the language of its texts.
///
/// The default (and [`JsonOptions::new`]) is the whole result: the `criteria` tree with each
/// node's `trace` (words) and `why` (the same explanation as data). Leaving parts out makes the
/// JSON much cheaper to write: the trace words are most of its cost, and a caller that shows
/// only totals needs no tree ([`JsonOptions::summary`]). Whatever is left out is left out
/// whole: a key is either absent or has the same value it has in the full JSON.
///
/// ```
/// # let rs = cchc::Ruleset::from_yaml_str("format: cchc/1\nid: d\nversion: '1'\ntitle: T\ntotal: 1\ninputs: { kh: { type: bool } }\ncriteria: [ { id: '1', title: K, max: 1, rule: { check: kh } } ]\n", "d.yaml").unwrap();
/// use cchc::{JsonOptions, Lang, Unit, RawValue};
/// let r = rs.score(&Unit::new("a").with_value("kh", RawValue::Bool(true)));
/// let full = serde_json::to_value(r.json(JsonOptions::new(Lang::Vi))).unwrap();
/// let summary = serde_json::to_value(r.json(JsonOptions::summary(Lang::Vi))).unwrap();
/// assert!(summary.get("criteria").is_none());
/// assert_eq!(summary["index"], full["index"]);
/// let data = serde_json::to_value(r.json(JsonOptions::new(Lang::En).trace(false))).unwrap();
/// assert!(data["criteria"][0].get("trace").is_none());
/// assert_eq!(data["criteria"][0]["why"], full["criteria"][0]["why"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct JsonOptions {
    /// The language of the texts (`trace`, the messages of errors and warnings).
    pub lang: Lang,
    /// Write the `criteria` tree (every node's points, max and status).
    pub criteria: bool,
    /// Write each node's `trace`: its explanation in words (the costly part).
    pub trace: bool,
    /// Write each node's `why`: its explanation as a message id and arguments.
    pub why: bool,
    /// Write the `ruleset` the result was scored with (the same for every result of a ruleset:
    /// a binding that writes many results may send it once, D125).
    pub ruleset: bool,
}

impl Default for JsonOptions {
    fn default() -> Self {
        JsonOptions::new(Lang::default())
    }
}

impl JsonOptions {
    /// The whole result, texts in `lang`.
    pub fn new(lang: Lang) -> Self {
        JsonOptions {
            lang,
            criteria: true,
            trace: true,
            why: true,
            ruleset: true,
        }
    }

    /// The result without its `criteria` tree: the ruleset, the unit, status, total, max,
    /// index, grade, the self-assessed total and its delta, warnings and errors.
    pub fn summary(lang: Lang) -> Self {
        JsonOptions {
            criteria: false,
            ..JsonOptions::new(lang)
        }
    }

    /// With or without the `criteria` tree.
    #[must_use]
    pub fn criteria(mut self, on: bool) -> Self {
        self.criteria = on;
        self
    }

    /// With or without each node's `trace` words.
    #[must_use]
    pub fn trace(mut self, on: bool) -> Self {
        self.trace = on;
        self
    }

    /// With or without each node's `why` data.
    #[must_use]
    pub fn why(mut self, on: bool) -> Self {
        self.why = on;
        self
    }

    /// With or without the `ruleset` key.
    #[must_use]
    pub fn ruleset(mut self, on: bool) -> Self {
        self.ruleset = on;
        self
    }
}

/// A result written as JSON with [`JsonOptions`] (see [`UnitResult::json`]).
#[derive(Debug, Clone, Copy)]
pub struct ResultJson<'a> {
    r: &'a UnitResult,
    opts: JsonOptions,
}

impl Serialize for ResultJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (r, opts) = (self.r, self.opts);
        let p = &r.plan;
        let mut m = s.serialize_map(None)?;
        if opts.ruleset {
            m.serialize_entry("ruleset", &RulesetRef::of(r))?;
        }
        m.serialize_entry("unit", &r.unit)?;
        m.serialize_entry("status", r.status.as_str())?;
        m.serialize_entry("total", &Num(r.total))?;
        m.serialize_entry("max", &Num(r.max))?;
        m.serialize_entry("index", &r.index.map(Num))?;
        m.serialize_entry("grade", &r.grade())?;
        if let Some(sa) = r.self_assessed {
            m.serialize_entry("self_assessed", &Num(sa))?;
            m.serialize_entry("delta", &r.delta().map(Num))?;
        }
        if !p.rounds.is_empty() {
            m.serialize_entry("round", &r.round())?;
            m.serialize_entry("rounds", &RoundList { r, lang: opts.lang })?;
        }
        if opts.criteria && r.has_tree() {
            m.serialize_entry(
                "criteria",
                &Children {
                    r,
                    kids: &p.roots,
                    opts,
                },
            )?;
        }
        m.serialize_entry("warnings", &r.warnings.in_lang(opts.lang))?;
        m.serialize_entry("errors", &r.errors.in_lang(opts.lang))?;
        m.end()
    }
}

impl BatchResult {
    /// The batch in JSON as `opts` asks (see [`JsonOptions`]).
    pub fn json(&self, opts: JsonOptions) -> crate::present::BatchView<'_, UnitResult> {
        crate::present::batch_json(&self.results, &self.ranking, opts)
    }

    /// The ranking as `(rank, result)` pairs.
    pub fn ranked(&self) -> impl Iterator<Item = (u32, &UnitResult)> {
        self.ranking
            .iter()
            .filter_map(|e| self.results.get(e.position).map(|r| (e.rank, r)))
    }
}

impl Serialize for BatchResult {
    /// With Vietnamese texts (see [`Localize`] for another language).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize_in(Lang::Vi, s)
    }
}

impl Localize for BatchResult {
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error> {
        crate::present::BatchJson {
            results: &self.results,
            ranking: &self.ranking,
        }
        .serialize_in(lang, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn numbers_print_exactly() {
        for (d, want) in [
            ("0.3", "0.3"),
            ("2.50", "2.5"),
            ("100.00", "100"),
            ("-3.000", "-3"),
            ("0.000", "0"),
            ("-0.5", "-0.5"),
            ("9223372036854775807", "9223372036854775807"),
            ("9223372036854775808", "9223372036854775808"),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            (
                "1234567890.123456789012345678",
                "1234567890.123456789012345678",
            ),
        ] {
            let text = serde_json::to_string(&Num(Decimal::from_str(d).unwrap())).unwrap();
            assert_eq!(text, want);
            let v = serde_json::to_value(Num(Decimal::from_str(d).unwrap())).unwrap();
            assert_eq!(v.to_string(), want);
        }
    }
}
