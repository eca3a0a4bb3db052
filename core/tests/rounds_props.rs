//! Properties of assessment rounds (issue #11), over random unit data (proptest):
//!
//! - a unit whose later rounds change nothing scores the same in every round;
//! - set points always lie in [0, max] in the result, whatever points are given;
//! - ranking as of a round equals ranking a batch made of that round's data alone (the units
//!   flattened here, carrying values, `not_applicable` and points over by hand).
#![allow(
    clippy::indexing_slicing,
    clippy::expect_used,
    reason = "test code: indices come from the fixed ruleset below; a failed expect is a failing test"
)]

use std::collections::BTreeMap;

use cchc::{BatchOptions, Decimal, RawValue, Ruleset, Unit, UnitResult, UnitRound};
use proptest::prelude::*;

/// Three rounds; leaves of every kind of rule, a group, a bonus and a penalty, an input that
/// makes a node not applicable when missing, `applies_if`, `if_not_applicable: full`, points
/// with more places than `rounding` keeps.
const RULES: &str = r#"format: cchc/1
id: test.rounds-props
version: "1"
title: Thuộc tính các vòng chấm
total: 10
rounding: { places: 2 }
inputs:
  b1: { type: bool }
  p1: { type: percent }
  n1: { type: count, on_missing: zero }
  x1: { type: number, on_missing: not_applicable }
grades:
  - { id: tot, label: Tốt, at_least: 80 }
  - { id: kha, label: Khá, at_least: 50 }
  - { id: yeu, label: Yếu, at_least: 0 }
rounds:
  - { id: r1, label: Vòng 1 }
  - { id: r2, label: Vòng 2 }
  - { id: r3, label: Vòng 3 }
criteria:
  - id: "1"
    title: Nhóm 1
    max: 4
    children:
      - { id: "1.1", title: Kế hoạch, max: 1.5, rule: { check: b1 } }
      - { id: "1.2", title: Tỷ lệ, max: 2.5, rule: { scale: { input: p1, from: 0, to: 100 } } }
  - { id: "2", title: Sáng kiến, max: 3, applies_if: "n1 > 0", rule: { per: { input: n1, points: 0.75 } } }
  - id: "3"
    title: Số liệu
    max: 3
    if_not_applicable: full
    rule:
      bands:
        input: x1
        steps:
          - { at_least: 50, points: 3 }
          - { at_least: 10, points: 1.333 }
          - { points: 0 }
  - { id: T, title: Thưởng, kind: bonus, max: 1, rule: { check: b1 } }
  - { id: P, title: Trừ, kind: penalty, max: 0.5, rule: { per: { input: n1, points: 0.125 } } }
"#;

const ROUNDS: [&str; 3] = ["r1", "r2", "r3"];
const INPUTS: [&str; 4] = ["b1", "p1", "n1", "x1"];
/// Every node id, and the leaves with their declared max.
const NODES: [&str; 7] = ["1", "1.1", "1.2", "2", "3", "T", "P"];
const LEAVES: [(&str, i64, u32); 6] = [
    ("1.1", 15, 1),
    ("1.2", 25, 1),
    ("2", 3, 0),
    ("3", 3, 0),
    ("T", 1, 0),
    ("P", 5, 1),
];

fn ruleset() -> Ruleset {
    Ruleset::from_yaml_str(RULES, "rounds_props.yaml").expect("the ruleset loads")
}

fn leaf_max(id: &str) -> Option<Decimal> {
    LEAVES
        .iter()
        .find(|(l, _, _)| *l == id)
        .map(|(_, m, s)| Decimal::new(*m, *s))
}

/// A value for input `i`: sometimes null (missing), sometimes out of its type's range.
fn value(i: usize) -> BoxedStrategy<RawValue> {
    let null = Just(RawValue::Null);
    match i {
        0 => prop_oneof![1 => null, 6 => any::<bool>().prop_map(RawValue::Bool)].boxed(),
        1 => prop_oneof![
            1 => null,
            6 => (0i64..=10_000, 0u32..=2).prop_map(|(m, s)| RawValue::Number(Decimal::new(m, s))),
            1 => (10_001i64..20_000).prop_map(|m| RawValue::Number(Decimal::new(m, 2))),
        ]
        .boxed(),
        2 => {
            prop_oneof![1 => null, 6 => (0i64..6).prop_map(|n| RawValue::Number(Decimal::from(n)))]
                .boxed()
        }
        _ => prop_oneof![
            1 => null,
            6 => (-1_000i64..10_000).prop_map(|m| RawValue::Number(Decimal::new(m, 2))),
        ]
        .boxed(),
    }
}

/// Round data as plain maps (absent input: not in the map).
#[derive(Debug, Clone, Default)]
struct Data {
    values: BTreeMap<usize, RawValue>,
    not_applicable: Option<Vec<&'static str>>,
    points: BTreeMap<&'static str, Decimal>,
}

/// Set points for a leaf: within [0, max] (`in_range`) or anywhere in [-1, max + 1], with up to
/// four places.
fn points(in_range: bool) -> impl Strategy<Value = BTreeMap<&'static str, Decimal>> {
    proptest::collection::btree_map((0..LEAVES.len(), 0i64..=10_000, 0u32..=4), Just(()), 0..3)
        .prop_map(move |m| {
            m.into_keys()
                .map(|(l, frac, scale)| {
                    let (id, _, _) = LEAVES[l];
                    let max = leaf_max(id).unwrap_or(Decimal::ONE);
                    let span = if in_range { max } else { max + Decimal::TWO };
                    let base = if in_range {
                        Decimal::ZERO
                    } else {
                        -Decimal::ONE
                    };
                    // frac / 10_000 of the span, at `scale` places (rounded down: stays in range).
                    let p = (base + span * Decimal::new(frac, 4))
                        .round_dp_with_strategy(scale, rust_decimal::RoundingStrategy::ToZero);
                    (id, p)
                })
                .collect()
        })
}

fn data(in_range: bool) -> impl Strategy<Value = Data> {
    (
        proptest::collection::vec(any::<bool>(), INPUTS.len()),
        value(0),
        value(1),
        value(2),
        value(3),
        proptest::option::of(proptest::sample::subsequence(NODES.to_vec(), 0..3)),
        points(in_range),
    )
        .prop_map(|(given, v0, v1, v2, v3, na, points)| {
            let mut values = BTreeMap::new();
            for (i, v) in [v0, v1, v2, v3].into_iter().enumerate() {
                if given[i] {
                    values.insert(i, v);
                }
            }
            Data {
                values,
                not_applicable: na,
                points,
            }
        })
}

/// A unit from its rounds' data (`None`: the round is absent); the first round's data is the
/// unit's top-level data.
fn build(id: &str, rounds: &[Option<Data>]) -> Unit {
    let mut u = Unit::new(id);
    for (r, d) in rounds.iter().enumerate() {
        let Some(d) = d else { continue };
        let empty = d.values.is_empty()
            && d.points.is_empty()
            && d.not_applicable.as_ref().is_none_or(Vec::is_empty);
        // The first round is the unit's top-level data; with none (and later rounds), a block
        // naming it (R1).
        let later = rounds.iter().skip(1).any(Option::is_some);
        if r == 0 && (!empty || !later) {
            for (i, v) in &d.values {
                u = u.with_value(INPUTS[*i], v.clone());
            }
            for n in d.not_applicable.iter().flatten() {
                u = u.with_not_applicable(*n);
            }
            for (l, p) in &d.points {
                u = u.with_points(*l, *p);
            }
        } else {
            let mut round = UnitRound::new(ROUNDS[r]);
            for (i, v) in &d.values {
                round = round.with_value(INPUTS[*i], v.clone());
            }
            round.not_applicable = d
                .not_applicable
                .as_ref()
                .map(|l| l.iter().map(|s| s.to_string()).collect());
            for (l, p) in &d.points {
                round = round.with_points(*l, *p);
            }
            u = u.with_round(round);
        }
    }
    u
}

/// The unit as of round `upto`, flattened by hand: values, `not_applicable` and points carried
/// over from each present round to the next (`None` when the unit lacks that round).
fn flatten(id: &str, rounds: &[Option<Data>], upto: usize) -> Option<Unit> {
    rounds.get(upto)?.as_ref()?;
    let mut acc = Data::default();
    for d in rounds.iter().take(upto + 1).flatten() {
        for (i, v) in &d.values {
            acc.values.insert(*i, v.clone());
        }
        if let Some(na) = &d.not_applicable {
            acc.not_applicable = Some(na.clone());
        }
        for (l, p) in &d.points {
            acc.points.insert(*l, *p);
        }
    }
    Some(build(id, &[Some(acc)]))
}

/// The set points carried into round `upto`.
fn flat_points(rounds: &[Option<Data>], upto: usize) -> BTreeMap<&'static str, Decimal> {
    let mut acc = BTreeMap::new();
    for d in rounds.iter().take(upto + 1).flatten() {
        acc.extend(d.points.iter().map(|(l, p)| (*l, *p)));
    }
    acc
}

fn codes(issues: &[cchc::Issue]) -> Vec<String> {
    let mut v: Vec<String> = issues.iter().map(|i| i.code.as_str().to_string()).collect();
    v.sort();
    v
}

/// The figures of one round that a comparison looks at.
fn figures(r: &cchc::RoundResult) -> String {
    format!(
        "{} {} {} {:?} {:?} {:?} {:?} {:?}",
        r.status.as_str(),
        r.total.normalize(),
        r.max.normalize(),
        r.index.map(|d| d.normalize()),
        r.grade,
        r.points.iter().map(|d| d.normalize()).collect::<Vec<_>>(),
        codes(&r.errors),
        codes(&r.warnings),
    )
}

/// The figures of a unit result (its official round).
fn unit_figures(r: &UnitResult) -> String {
    format!(
        "{} {} {} {:?} {:?} {:?} {:?} {:?}",
        r.status.as_str(),
        r.total.normalize(),
        r.max.normalize(),
        r.index.map(|d| d.normalize()),
        r.grade,
        r.nodes
            .iter()
            .map(|n| n.points.normalize())
            .collect::<Vec<_>>(),
        codes(&r.errors),
        codes(&r.warnings),
    )
}

/// Round `r` of a unit whose later rounds re-give some of the first round's data, or nothing.
fn same_again(first: &Data, keep: &[bool]) -> Data {
    let pick = |k: usize| keep.get(k).copied().unwrap_or(false);
    Data {
        values: first
            .values
            .iter()
            .enumerate()
            .filter(|(k, _)| pick(*k))
            .map(|(_, (i, v))| (*i, v.clone()))
            .collect(),
        not_applicable: if pick(5) {
            first.not_applicable.clone()
        } else {
            None
        },
        points: first
            .points
            .iter()
            .enumerate()
            .filter(|(k, _)| pick(6 + *k))
            .map(|(_, (l, p))| (*l, *p))
            .collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Later rounds that give nothing new (nothing at all, or some of the same data again)
    /// score exactly like the first round, and every node's change is 0.
    #[test]
    fn unchanged_rounds_score_the_same(
        first in data(true),
        keep2 in proptest::collection::vec(any::<bool>(), 9),
        keep3 in proptest::collection::vec(any::<bool>(), 9),
        has2 in any::<bool>(),
    ) {
        let rs = ruleset();
        let rounds = [
            Some(first.clone()),
            has2.then(|| same_again(&first, &keep2)),
            Some(same_again(&first, &keep3)),
        ];
        let r = rs.score(&build("u", &rounds));
        let all = r.rounds();
        prop_assert_eq!(all.len(), if has2 { 3 } else { 2 });
        prop_assert_eq!(r.round(), Some("r3"));
        let want = figures(&all[0]);
        for round in all {
            prop_assert_eq!(figures(round), want.clone(), "round {}", round.round);
        }
        prop_assert_eq!(unit_figures(&r), want);
        for i in 0..r.nodes.len() {
            prop_assert_eq!(r.change(i), Some(Decimal::ZERO), "node {}", NODES.get(i).copied().unwrap_or("?"));
        }
        // And the same as the unit without any later round.
        let alone = rs.score(&build("u", &[Some(first)]));
        prop_assert_eq!(unit_figures(&alone), figures(&all[0]));
    }

    /// Whatever points are given (in range or not, in any round), every leaf's points in every
    /// round lie in [0, its declared max]; a mark in range on an applicable leaf is the leaf's
    /// points (rounded to 2 places, half away from zero); a mark out of range is
    /// `points_out_of_range` in the round that gives it.
    #[test]
    fn set_points_stay_in_range(
        r1 in data(false),
        r2 in proptest::option::of(data(false)),
        r3 in proptest::option::of(data(false)),
    ) {
        let rs = ruleset();
        let rounds = [Some(r1), r2, r3];
        let r = rs.score(&build("u", &rounds));
        let present: Vec<usize> = (0..3).filter(|i| rounds[*i].is_some()).collect();
        prop_assert_eq!(r.rounds().len(), present.len());
        for (round, &ri) in r.rounds().iter().zip(&present) {
            prop_assert_eq!(round.round, ri);
            prop_assert_eq!(round.points.len(), NODES.len());
            for (i, (node, _)) in r.iter_nodes().enumerate() {
                let p = round.points[i];
                prop_assert!(
                    p >= Decimal::ZERO && p <= node.max,
                    "round {} node {}: {} outside [0, {}]", round.round, node.id, p, node.max
                );
            }
            let own = rounds[ri].as_ref().map(|d| &d.points);
            let out_of_range = own.into_iter().flatten().any(|(l, p)| {
                *p < Decimal::ZERO || leaf_max(l).is_some_and(|m| *p > m)
            });
            if out_of_range {
                prop_assert!(
                    codes(&round.errors).iter().any(|c| c == "points_out_of_range"),
                    "round {}: {:?}", round.round, codes(&round.errors)
                );
            } else if round.errors.is_empty() {
                // Every mark carried into this round is in range: each applicable leaf with one
                // scores exactly it (rounded).
                let flat = flatten("u", &rounds, ri).expect("the round is present");
                let carried = flat_points(&rounds, ri);
                let scored = rs.score(&flat);
                for (l, p) in &carried {
                    if *p < Decimal::ZERO || leaf_max(l).is_some_and(|m| *p > m) {
                        continue;
                    }
                    let i = NODES.iter().position(|n| n == l).expect("a leaf");
                    let status = scored.nodes[i].status;
                    if status.as_str() == "scored" {
                        let want = p.round_dp_with_strategy(
                            2,
                            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                        );
                        prop_assert_eq!(round.points[i].normalize(), want.normalize(), "round {} leaf {}", round.round, l);
                    }
                }
            }
        }
    }

    /// Ranking a batch as of a round equals ranking the units that have that round, flattened
    /// as of it, as a batch of their own; each unit's figures as of the round are the flattened
    /// unit's.
    #[test]
    fn ranking_as_of_a_round_is_that_rounds_batch(
        units in proptest::collection::vec(
            (data(true), proptest::option::of(data(true)), proptest::option::of(data(true)), any::<bool>()),
            1..7,
        ),
        upto in 0usize..3,
    ) {
        let rs = ruleset();
        let rounds: Vec<[Option<Data>; 3]> = units
            .into_iter()
            .map(|(a, b, c, first)| [first.then_some(a.clone()).or_else(|| (b.is_none() && c.is_none()).then_some(a)), b, c])
            .collect();
        let ids: Vec<String> = (0..rounds.len()).map(|i| format!("u{i}")).collect();
        let batch_units: Vec<Unit> = rounds.iter().zip(&ids).map(|(r, id)| build(id, r)).collect();
        let opts = BatchOptions::grouped(false).as_of(rs.round_index(ROUNDS[upto]));
        prop_assert_eq!(opts.round, Some(upto));
        let batch = rs.score_batch_with(&batch_units, &opts, &mut |_| {});
        let flat: Vec<Unit> = rounds
            .iter()
            .zip(&ids)
            .filter_map(|(r, id)| flatten(id, r, upto))
            .collect();
        let alone = rs.score_batch_with(&flat, &BatchOptions::grouped(false), &mut |_| {});
        let rank = |b: &cchc::BatchResult| -> Vec<String> {
            b.ranked()
                .map(|(k, r)| format!("{}#{k}", r.unit.id.as_deref().unwrap_or("?")))
                .collect()
        };
        prop_assert_eq!(rank(&batch), rank(&alone));
        for f in &alone.results {
            let got = batch
                .results
                .iter()
                .find(|r| r.unit.id == f.unit.id)
                .expect("the unit is in the batch");
            prop_assert_eq!(got.round(), Some(ROUNDS[upto]));
            prop_assert_eq!(unit_figures(got), unit_figures(f));
        }
    }
}

/// The ruleset without its `rounds:` block.
fn without_rounds() -> Ruleset {
    let (head, rest) = RULES.split_once("rounds:\n").expect("a rounds block");
    let (_, tail) = rest.split_once("criteria:\n").expect("criteria");
    let text = format!("{head}criteria:\n{tail}");
    Ruleset::from_yaml_str(&text, "rounds_props_none.yaml").expect("the ruleset loads")
}

/// A result's JSON without what rounds add (and without the fingerprint, which `rounds:`
/// changes, and the texts, which name the round).
fn json_without_rounds(r: &UnitResult) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        if let Some(m) = v.as_object_mut() {
            // The texts and the `why` of a set mark name the round (none for the implicit one).
            for k in [
                "round", "rounds", "change", "message", "help", "trace", "why",
            ] {
                m.remove(k);
            }
            if let Some(rs) = m.get_mut("ruleset").and_then(|x| x.as_object_mut()) {
                rs.remove("fingerprint");
            }
            for (_, x) in m.iter_mut() {
                strip(x);
            }
        } else if let Some(a) = v.as_array_mut() {
            a.iter_mut().for_each(strip);
        }
    }
    let mut v = serde_json::to_value(r).expect("JSON");
    strip(&mut v);
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Data without rounds scores the same whether the ruleset declares rounds or not (the
    /// first round is then the official one): the same JSON, apart from the keys rounds add
    /// and the fingerprint.
    #[test]
    fn data_without_rounds_scores_as_without_rounds(first in data(false)) {
        let unit = build("u", &[Some(first)]);
        let with = ruleset().score(&unit);
        let none = without_rounds().score(&unit);
        prop_assert_eq!(with.round(), Some("r1"));
        prop_assert_eq!(none.round(), None);
        prop_assert_eq!(json_without_rounds(&with), json_without_rounds(&none));
    }

    /// The JSON carries each round's figures and each node's points per round as the result
    /// holds them; `change` is the official points minus the first present round's.
    #[test]
    fn json_matches_the_rounds(
        r1 in data(true),
        r2 in proptest::option::of(data(true)),
        r3 in proptest::option::of(data(true)),
    ) {
        let r = ruleset().score(&build("u", &[Some(r1), r2, r3]));
        let json = serde_json::to_value(&r).expect("JSON");
        let list = json["rounds"].as_array().expect("rounds").clone();
        prop_assert_eq!(list.len(), r.rounds().len());
        prop_assert_eq!(json["round"].as_str(), r.round());
        let dec = |v: &serde_json::Value| -> Option<Decimal> {
            v.as_number().and_then(|n| n.to_string().parse::<Decimal>().ok())
        };
        for (j, round) in list.iter().zip(r.rounds()) {
            prop_assert_eq!(j["id"].as_str(), Some(ROUNDS[round.round]));
            prop_assert_eq!(dec(&j["total"]), Some(round.total));
            prop_assert_eq!(dec(&j["index"]), round.index);
        }
        let first = r.rounds().first().expect("a round");
        let last = r.rounds().last().expect("a round");
        let mut nodes = Vec::new();
        fn walk<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Value>) {
            for n in v.as_array().into_iter().flatten() {
                out.push(n);
                walk(&n["children"], out);
            }
        }
        walk(&json["criteria"], &mut nodes);
        prop_assert_eq!(nodes.len(), NODES.len());
        for (i, n) in nodes.iter().enumerate() {
            for round in r.rounds() {
                prop_assert_eq!(dec(&n["rounds"][ROUNDS[round.round]]), Some(round.points[i]));
            }
            prop_assert_eq!(dec(&n["change"]), Some(last.points[i] - first.points[i]));
            prop_assert_eq!(r.change(i), Some(last.points[i] - first.points[i]));
            prop_assert_eq!(dec(&n["points"]), Some(last.points[i]));
        }
    }
}

/// A value as JSON text and as a CSV cell.
fn texts(v: &RawValue) -> (String, String) {
    match v {
        RawValue::Null => ("null".into(), String::new()),
        RawValue::Bool(b) => (b.to_string(), b.to_string()),
        RawValue::Number(d) => (d.to_string(), d.to_string()),
        other => (format!("{other:?}"), format!("{other:?}")),
    }
}

/// The same units written as JSON and as CSV rows (one row per present round; a later row
/// gives only what its round gives, every other cell empty).
fn json_and_csv(units: &[[Option<Data>; 3]]) -> (String, String) {
    let leaves: Vec<&str> = LEAVES.iter().map(|(l, _, _)| *l).collect();
    let mut header = vec!["id".to_string(), "round".to_string()];
    header.extend(INPUTS.iter().map(|s| s.to_string()));
    header.push("not_applicable".into());
    header.extend(leaves.iter().map(|l| format!("points:{l}")));
    let mut csv = format!("{}\n", header.join(";"));
    let mut json = Vec::new();
    for (n, rounds) in units.iter().enumerate() {
        let id = format!("u{n}");
        let block = |d: &Data| -> String {
            let values: Vec<String> = d
                .values
                .iter()
                .map(|(i, v)| format!("\"{}\": {}", INPUTS[*i], texts(v).0))
                .collect();
            let points: Vec<String> = d
                .points
                .iter()
                .map(|(l, p)| format!("\"{l}\": {p}"))
                .collect();
            let mut parts = vec![
                format!("\"values\": {{{}}}", values.join(", ")),
                format!("\"points\": {{{}}}", points.join(", ")),
            ];
            if let Some(na) = &d.not_applicable {
                let ids: Vec<String> = na.iter().map(|s| format!("\"{s}\"")).collect();
                parts.push(format!("\"not_applicable\": [{}]", ids.join(", ")));
            }
            parts.join(", ")
        };
        let mut unit = vec![format!("\"id\": \"{id}\"")];
        let mut later = Vec::new();
        for (r, d) in rounds.iter().enumerate() {
            let Some(d) = d else { continue };
            if r == 0 {
                unit.push(block(d));
            } else {
                later.push(format!("\"{}\": {{{}}}", ROUNDS[r], block(d)));
            }
            // The unit's first row leaves `round` empty when it is the first round.
            let round = if r == 0 { "" } else { ROUNDS[r] };
            let mut row = vec![id.clone(), round.to_string()];
            for i in 0..INPUTS.len() {
                row.push(d.values.get(&i).map(|v| texts(v).1).unwrap_or_default());
            }
            row.push(
                d.not_applicable
                    .as_ref()
                    .map(|l| l.join(","))
                    .unwrap_or_default(),
            );
            for l in &leaves {
                row.push(d.points.get(l).map(|p| p.to_string()).unwrap_or_default());
            }
            csv.push_str(&row.join(";"));
            csv.push('\n');
        }
        if !later.is_empty() {
            unit.push(format!("\"rounds\": {{{}}}", later.join(", ")));
        }
        json.push(format!("{{{}}}", unit.join(", ")));
    }
    (format!("[{}]", json.join(",\n")), csv)
}

/// Round data a CSV row can carry: in a later round no null value (an empty cell there means
/// unchanged) and no empty `not_applicable` list (an empty cell there means unchanged).
fn csv_data() -> impl Strategy<Value = Data> {
    data(true).prop_map(|mut d| {
        // (In a first row an empty cell is a missing value, as without rounds: nulls are left
        // out there too, so that both files give the same keys.)
        d.values.retain(|_, v| !matches!(v, RawValue::Null));
        if d.not_applicable.as_ref().is_some_and(Vec::is_empty) {
            d.not_applicable = None;
        }
        d
    })
}

/// A result's figures and every round's, without the places in the data file (which differ
/// between the two files) and the texts.
fn comparable(r: &UnitResult) -> String {
    let rounds: Vec<String> = r
        .rounds()
        .iter()
        .map(|x| format!("{}: {}", x.round, figures(x)))
        .collect();
    format!("{} | {:?} | {:?}", unit_figures(r), r.round(), rounds)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// The same units written as JSON and as CSV with a `round` column (a later row giving
    /// only what changes) score the same, as of every round.
    #[test]
    fn csv_rows_score_like_json(
        units in proptest::collection::vec(
            (proptest::option::of(csv_data()), proptest::option::of(csv_data()), proptest::option::of(csv_data())),
            1..5,
        ),
        upto in proptest::option::of(0usize..3),
    ) {
        // A unit gives at least one round; a first round with nothing in it is written as an
        // empty first row, which JSON writes as no top-level data: give it one value.
        let units: Vec<[Option<Data>; 3]> = units
            .into_iter()
            .map(|(a, b, c)| {
                let mut a = if a.is_none() && b.is_none() && c.is_none() { Some(Data::default()) } else { a };
                if let Some(d) = a.as_mut() {
                    d.values.entry(2).or_insert(RawValue::Number(Decimal::ONE));
                }
                [a, b, c]
            })
            .collect();
        let (json, csv) = json_and_csv(&units);
        let from_json = cchc::read_units(&json, cchc::DataFormat::Json, "u.json");
        let from_csv = cchc::read_units(&csv, cchc::DataFormat::Csv, "u.csv");
        let (Ok(from_json), Ok(from_csv)) = (from_json, from_csv) else {
            return Err(TestCaseError::fail(format!("unreadable:\n{json}\n{csv}")));
        };
        prop_assert_eq!(from_json.len(), units.len());
        prop_assert_eq!(from_csv.len(), units.len(), "{}", csv);
        let rs = ruleset();
        let opts = BatchOptions::grouped(false).as_of(upto);
        let a = rs.score_batch_with(&from_json, &opts, &mut |_| {});
        let b = rs.score_batch_with(&from_csv, &opts, &mut |_| {});
        for (x, y) in a.results.iter().zip(&b.results) {
            prop_assert_eq!(comparable(x), comparable(y), "\n{}\n{}", json, csv);
        }
        let rank = |b: &cchc::BatchResult| -> Vec<String> {
            b.ranked()
                .map(|(k, r)| format!("{}#{k}", r.unit.id.as_deref().unwrap_or("?")))
                .collect()
        };
        prop_assert_eq!(rank(&a), rank(&b));
    }
}
