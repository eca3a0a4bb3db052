//! Assessment rounds: each present round of a unit scored as a unit of its own, with values,
//! `not_applicable` and set points carried from round to round; the last present round (or the
//! round asked for) is the official result.

use std::sync::Arc;

use rust_decimal::Decimal;

#[cfg(feature = "slots")]
use super::read_slot_values;
use super::{State, ValueEvent, read_values, unknown_criterion};
use crate::error::{Code, Issue};
use crate::i18n::Arg;
use crate::inputs::RawValue;
use crate::msg;
use crate::plan::{Body, Plan};
use crate::result::{NodeStatus, RoundResult, Rounds, UnitResult};
use crate::text::nfc_cow;
use crate::unit::{Unit, UnitRound};

/// Points a round set on a node, carried to later rounds until one replaces them.
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    /// The round that set them (index into the ruleset's rounds).
    pub(crate) round: usize,
    /// The points, or why they cannot be used (an error of every round they are carried to).
    pub(crate) points: Result<Decimal, Issue>,
}

/// Where a present round's data is written.
enum Source<'u> {
    /// The unit's own top-level keys (the first declared round).
    Top,
    /// A block under `rounds:`.
    Block(&'u UnitRound),
}

/// The round's id for messages (the implicit round has neither: its id is empty).
fn round_arg(plan: &Plan, round: usize) -> Arg {
    Arg::ident(plan.rounds.get(round).map_or("", |r| r.id.as_str()))
}

/// Where set points were given: "in round `x`", or "in the unit's data" without rounds.
fn where_arg(plan: &Plan, round: usize) -> Arg {
    match plan.rounds.get(round) {
        Some(r) => Arg::Msg(Box::new(msg!(
            "unit-in-round",
            round = Arg::ident(r.id.as_str())
        ))),
        None => Arg::Msg(Box::new(msg!("unit-in-data"))),
    }
}

/// Scores every present round of `unit` (up to round `as_of`, when given).
pub(crate) fn score(
    plan_arc: &Arc<Plan>,
    base: Option<&Arc<Vec<crate::expr::Slot>>>,
    unit: &Unit,
    as_of: Option<usize>,
) -> UnitResult {
    let plan: &Plan = plan_arc;
    let declared = !plan.rounds.is_empty();
    let (mut common_err, mut common_warn) = (Vec::new(), Vec::new());
    for p in &unit.problems {
        if p.code == Code::UnknownKey {
            common_warn.push(p.clone());
        } else {
            common_err.push(p.clone());
        }
    }
    if unit.id.is_none() {
        let mut issue = Issue::new(None, Code::MissingUnitId, msg!("unit-missing-id"));
        issue.at = unit.at;
        common_err.push(issue);
    }

    // The present rounds, in the ruleset's order.
    let first_top = !declared || unit.has_first_round_data() || unit.rounds.is_empty();
    let mut present: Vec<(usize, Source<'_>)> = Vec::with_capacity(1 + unit.rounds.len());
    if first_top {
        present.push((0, Source::Top));
    }
    for r in &unit.rounds {
        let id = nfc_cow(&r.id);
        let found = plan.rounds.iter().position(|d| d.id == id.as_ref());
        let issue = match found {
            None if declared => Some(
                Issue::new(
                    None,
                    Code::UnknownRound,
                    msg!("unit-unknown-round", round = Arg::ident(r.id.as_str())),
                )
                .with_help(msg!(
                    "unit-unknown-round-help",
                    rounds = Arg::idents(plan.rounds.iter().map(|d| d.id.as_str()))
                )),
            ),
            None => Some(
                Issue::new(
                    None,
                    Code::UnknownRound,
                    msg!("unit-unknown-round-none", round = Arg::ident(r.id.as_str())),
                )
                .with_help(msg!("unit-unknown-round-none-help")),
            ),
            Some(0) if first_top => Some(
                Issue::new(
                    None,
                    Code::DuplicateKey,
                    msg!("unit-first-round-twice", round = Arg::ident(r.id.as_str())),
                )
                .with_help(msg!("unit-first-round-twice-help")),
            ),
            Some(i) if present.iter().any(|(j, _)| *j == i) => Some(
                Issue::new(
                    None,
                    Code::DuplicateKey,
                    msg!("unit-round-twice", round = Arg::ident(r.id.as_str())),
                )
                .with_help(msg!("unit-first-round-twice-help")),
            ),
            Some(i) => {
                present.push((i, Source::Block(r)));
                None
            }
        };
        if let Some(mut issue) = issue {
            issue.at = r.at;
            common_err.push(issue);
        }
    }
    if present.is_empty() {
        present.push((0, Source::Top));
    }
    present.sort_by_key(|(i, _)| *i);

    // As of a round: later rounds dropped; a unit without that round is not ranked.
    let mut absent_warning = None;
    if let Some(x) = as_of {
        let last = present.iter().rposition(|(i, _)| *i <= x);
        let keep = last.unwrap_or(0);
        present.truncate(keep + 1);
        let shown = present.last().map_or(0, |(i, _)| *i);
        if shown != x {
            let (round, shown) = (round_arg(plan, x), round_arg(plan, shown));
            let message = if last.is_some() {
                msg!("unit-round-absent", round = round, shown = shown)
            } else {
                msg!("unit-round-absent-none", round = round, shown = shown)
            };
            absent_warning = Some(Issue::new(None, Code::RoundAbsent, message));
        }
    }

    // A leaf marked both ways in the first round.
    let first_points: &[(String, RawValue)] = match present.first() {
        Some((0, Source::Top)) => &unit.points,
        Some((0, Source::Block(r))) => &r.points,
        _ => &[],
    };
    if !first_points.is_empty() && !unit.self_assessed.is_empty() {
        for (id, _) in first_points {
            let id = nfc_cow(id);
            if unit
                .self_assessed
                .iter()
                .any(|(s, _)| nfc_cow(s).as_ref() == id.as_ref())
            {
                common_err.push(
                    Issue::new(
                        Some(id.as_ref()),
                        Code::ConflictingMarks,
                        msg!(
                            "unit-conflicting-marks",
                            criterion = Arg::ident(id.as_ref())
                        ),
                    )
                    .with_help(msg!("unit-conflicting-marks-help")),
                );
            }
        }
    }

    // Evidence and explanations, by node.
    let mut evidence: Vec<(usize, Vec<String>)> = Vec::new();
    for (id, docs) in &unit.evidence {
        match plan.node_index.get(nfc_cow(id).as_ref()) {
            Some(&i) => match evidence.iter_mut().find(|(n, _)| *n == i) {
                Some((_, d)) => d.extend(docs.iter().cloned()),
                None => evidence.push((i, docs.clone())),
            },
            None => common_warn.push(unknown_criterion(plan, id, "evidence")),
        }
    }
    let mut explanations: Vec<(usize, String)> = Vec::new();
    for (id, text) in &unit.explanations {
        match plan.node_index.get(nfc_cow(id).as_ref()) {
            Some(&i) => explanations.push((i, text.clone())),
            None => common_warn.push(unknown_criterion(plan, id, "explanations")),
        }
    }
    let check_evidence = declared || !unit.evidence.is_empty() || !unit.explanations.is_empty();

    // What carries from round to round.
    let mut slots = base.map_or_else(|| plan.absent.clone(), |b| b.as_ref().clone());
    let mut refused: Vec<(usize, Code)> = Vec::new();
    let mut slot_errors: Vec<(usize, Issue)> = Vec::new();
    let mut na: &[String] = &[];
    let mut marks: Vec<Option<Mark>> = Vec::new();
    let mut notes: Vec<(usize, usize, String)> = Vec::new();

    let last = present.len().saturating_sub(1);
    let mut list: Vec<RoundResult> = Vec::with_capacity(present.len());
    let mut official: Option<UnitResult> = None;
    for (k, (ri, src)) in present.iter().enumerate() {
        let ri = *ri;
        let (values, value_at, na_given, points, round_notes) = match src {
            Source::Top => (
                unit.values.as_slice(),
                unit.value_at.as_slice(),
                Some(unit.not_applicable.as_slice()),
                unit.points.as_slice(),
                unit.notes.as_slice(),
            ),
            Source::Block(r) => (
                r.values.as_slice(),
                r.value_at.as_slice(),
                r.not_applicable.as_deref(),
                r.points.as_slice(),
                r.notes.as_slice(),
            ),
        };
        let mut round_warn: Vec<Issue> = Vec::new();
        let mut event = |e| match e {
            ValueEvent::Read(s) => slot_errors.retain(|(x, _)| *x != s),
            ValueEvent::Refused(s, issue) => {
                slot_errors.retain(|(x, _)| *x != s);
                slot_errors.push((s, issue));
            }
            ValueEvent::Unknown(issue) => round_warn.push(issue),
        };
        // The first round's values given by slot (this plan's: `score_unit` names the others).
        #[cfg(feature = "slots")]
        if let (Source::Top, Some(s)) = (src, &unit.slotted) {
            read_slot_values(plan, &s.values, &mut slots, &mut refused, true, &mut event);
        }
        read_values(
            plan,
            values,
            value_at,
            &mut slots,
            &mut refused,
            true,
            &mut event,
        );
        if let Some(list) = na_given {
            na = list;
        }
        for (id, raw) in points {
            let Some(&i) = plan.node_index.get(nfc_cow(id).as_ref()) else {
                round_warn.push(unknown_criterion(plan, id, "points"));
                continue;
            };
            if marks.is_empty() {
                marks = vec![None; plan.nodes.len()];
            }
            let mark = mark(plan, i, ri, raw);
            if let Some(m) = marks.get_mut(i) {
                *m = Some(mark);
            }
        }
        for (id, text) in round_notes {
            match plan.node_index.get(nfc_cow(id).as_ref()) {
                Some(&i) => notes.push((i, ri, text.clone())),
                None => round_warn.push(unknown_criterion(plan, id, "notes")),
            }
        }

        let is_official = k == last;
        let mut st = State::new(plan, base);
        st.errors.clone_from(&common_err);
        st.errors
            .extend(slot_errors.iter().map(|(_, issue)| issue.clone()));
        st.errors.extend(
            marks
                .iter()
                .flatten()
                .filter_map(|m| m.points.as_ref().err().cloned()),
        );
        st.warnings.clone_from(&common_warn);
        st.warnings.append(&mut round_warn);
        st.slots.clone_from(&slots);
        st.refused.clone_from(&refused);
        st.set.clone_from(&marks);
        st.mark_not_applicable_ids(na);
        let (total, max, index) = st.score_tree();
        for (i, m) in marks.iter().enumerate() {
            let Some(Mark {
                round,
                points: Ok(_),
            }) = m
            else {
                continue;
            };
            let (Some(node), Some(r)) = (plan.nodes.get(i), st.nodes.get(i)) else {
                continue;
            };
            if r.status == NodeStatus::NotApplicable {
                st.warnings.push(Issue::new(
                    Some(&node.id),
                    Code::PointsIgnored,
                    msg!(
                        "unit-points-ignored",
                        criterion = Arg::ident(node.id.as_str()),
                        where = where_arg(plan, *round)
                    ),
                ));
            }
        }
        let self_total = if is_official {
            st.self_assessment(unit)
        } else {
            None
        };
        if is_official && check_evidence {
            for (i, (node, r)) in plan.nodes.iter().zip(&st.nodes).enumerate() {
                if node.evidence.is_empty()
                    || r.status != NodeStatus::Scored
                    || evidence.iter().any(|(n, _)| *n == i)
                    || explanations.iter().any(|(n, _)| *n == i)
                {
                    continue;
                }
                st.warnings.push(
                    Issue::new(
                        Some(&node.id),
                        Code::NoEvidence,
                        msg!(
                            "unit-no-evidence",
                            criterion = Arg::ident(node.id.as_str()),
                            evidence = Arg::List(
                                node.evidence.iter().map(|e| Arg::Text(e.clone())).collect()
                            )
                        ),
                    )
                    .with_help(msg!("unit-no-evidence-help")),
                );
            }
        }
        if is_official {
            if let Some(w) = absent_warning.take() {
                st.warnings.push(w);
            }
        }
        let result = st.finish(plan_arc, unit, (total, max, index), self_total);
        list.push(RoundResult {
            round: ri,
            status: result.status,
            total: result.total,
            max: result.max,
            index: result.index,
            grade: result.grade,
            points: result.nodes.iter().map(|n| n.points).collect(),
            errors: result.errors.clone(),
            warnings: result.warnings.clone(),
        });
        if is_official {
            official = Some(result);
        }
    }
    let absent = as_of.is_some_and(|x| list.last().is_none_or(|r| r.round != x));
    let mut result = official.unwrap_or_else(|| super::score_single(plan_arc, base, unit));
    result.rounds = Some(Box::new(Rounds {
        list,
        notes,
        evidence,
        explanations,
        absent,
    }));
    result
}

/// The mark a round sets on node `i`: points on a leaf, in [0, max], rounded like leaf points.
fn mark(plan: &Plan, i: usize, round: usize, raw: &RawValue) -> Mark {
    let Some(node) = plan.nodes.get(i) else {
        return Mark {
            round,
            points: Ok(Decimal::ZERO),
        };
    };
    let id = node.id.as_str();
    let points = if matches!(node.body, Body::Group(_)) {
        Err(Issue::new(
            Some(id),
            Code::NotALeaf,
            msg!(
                "unit-points-not-a-leaf",
                criterion = Arg::ident(id),
                where = where_arg(plan, round)
            ),
        )
        .with_help(msg!("unit-points-not-a-leaf-help")))
    } else {
        match super::number_of(raw) {
            None => Err(Issue::new(
                Some(id),
                Code::InvalidUnit,
                msg!(
                    "unit-points-not-number",
                    criterion = Arg::ident(id),
                    where = where_arg(plan, round)
                ),
            )),
            Some(p) if p < Decimal::ZERO || p > node.max => Err(Issue::new(
                Some(id),
                Code::PointsOutOfRange,
                msg!(
                    "unit-points-out-of-range",
                    criterion = Arg::ident(id),
                    where = where_arg(plan, round),
                    points = p.normalize(),
                    max = node.max.normalize()
                ),
            )
            .with_help(msg!(
                "unit-points-out-of-range-help",
                max = node.max.normalize()
            ))),
            Some(p) => Ok(if p.scale() > plan.places {
                crate::num::min(super::round(p, plan.places), node.max)
            } else {
                p
            }),
        }
    };
    Mark { round, points }
}

#[cfg(test)]
mod tests {
    use crate::{Decimal, RawValue, Ruleset, Unit, UnitRound, UnitStatus};

    const RULES: &str = "format: cchc/1\nid: r\nversion: '1'\ntitle: T\ntotal: 10\ninputs:\n  p: { type: percent }\n  k: { type: bool }\nrounds:\n  - { id: tu_cham }\n  - { id: tham_dinh, label: Thẩm định }\n  - { id: chot_diem }\ncriteria:\n  - { id: a, title: A, max: 4, rule: { bands: { input: p, steps: [ { at_least: 90, points: 4 }, { at_least: 70, points: 2 }, { points: 0 } ] } } }\n  - { id: b, title: B, max: 6, rule: { check: k } }\n";

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    fn unit() -> Unit {
        Unit::new("u")
            .with_value("p", RawValue::Number(d("95")))
            .with_value("k", RawValue::Bool(true))
    }

    #[test]
    fn the_worked_example() -> Result<(), crate::Error> {
        let rs = Ruleset::from_yaml_str(RULES, "r.yaml")?;
        let u = unit()
            .with_round(
                UnitRound::new("tham_dinh")
                    .with_value("p", RawValue::Number(d("80")))
                    .with_points("b", d("3")),
            )
            .with_round(UnitRound::new("chot_diem").with_value("p", RawValue::Number(d("91"))));
        let r = rs.score(&u);
        let totals: Vec<Decimal> = r.rounds().iter().map(|x| x.total).collect();
        assert_eq!(totals, [d("10"), d("5"), d("7")]);
        assert_eq!(
            (r.round(), r.total, r.index),
            (Some("chot_diem"), d("7"), Some(d("70")))
        );
        assert_eq!((r.change(0), r.change(1)), (Some(d("0")), Some(d("-3"))));
        // As of the first round: that round's figures, the later ones left out.
        let first = rs.score_as_of(&u, 0);
        assert_eq!(
            (first.round(), first.total, first.rounds().len()),
            (Some("tu_cham"), d("10"), 1)
        );
        assert!(first.rankable());
        Ok(())
    }

    #[test]
    fn null_makes_a_carried_value_missing_and_a_later_round_restores_it() -> Result<(), crate::Error>
    {
        let rs = Ruleset::from_yaml_str(RULES, "r.yaml")?;
        let u = unit()
            .with_round(UnitRound::new("tham_dinh").with_value("k", RawValue::Null))
            .with_round(UnitRound::new("chot_diem").with_value("k", RawValue::Bool(false)));
        let r = rs.score(&u);
        let statuses: Vec<UnitStatus> = r.rounds().iter().map(|x| x.status).collect();
        assert_eq!(
            statuses,
            [
                UnitStatus::Complete,
                UnitStatus::Incomplete,
                UnitStatus::Complete
            ]
        );
        assert_eq!(r.total, d("4"));
        assert!(r.errors.is_empty());
        Ok(())
    }

    #[test]
    fn a_replaced_not_applicable_list_and_carried_refusals() -> Result<(), crate::Error> {
        let rs = Ruleset::from_yaml_str(RULES, "r.yaml")?;
        let u = unit()
            .with_not_applicable("b")
            .with_value("p", RawValue::Text("nhiều".into()))
            .with_round(UnitRound::new("tham_dinh").with_not_applicable(vec![]));
        let r = rs.score(&u);
        // The refused value is an error of both rounds; the list is replaced by an empty one.
        assert!(r.rounds().iter().all(|x| x.status == UnitStatus::Error));
        assert_eq!(r.rounds()[0].max, d("4"));
        assert_eq!(r.max, d("10"));
        Ok(())
    }
}
