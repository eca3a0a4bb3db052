//! `cchc::diff`: pairs of files with known changes, the effect of a moved band threshold on
//! units near it, the diff of a file with itself, and a property: a random single change to a
//! generated ruleset is reported as exactly that change.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::cast_possible_truncation,
    reason = "test code: helpers outside `#[test]` functions; a failure is a failing test"
)]

use std::path::{Path, PathBuf};

use cchc::diff::{Change, diff, diff_json, diff_with_effect};
use cchc::{Decimal, RawValue, Ruleset, Unit};
use proptest::prelude::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn shipped() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![root().join("rules")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

const SPEC: &str = "rules/examples/spec-example.yaml";

fn spec_text() -> String {
    std::fs::read_to_string(root().join(SPEC)).unwrap()
}

fn load(text: &str, name: &str) -> Ruleset {
    Ruleset::from_yaml_str(text, name).unwrap()
}

/// Replaces exactly one occurrence.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn a_file_with_itself_has_no_change() {
    for f in shipped() {
        let a = Ruleset::load(&f).unwrap();
        let b = Ruleset::load(&f).unwrap();
        let d = diff(&a, &b);
        assert!(d.is_empty(), "{}: {:?}", f.display(), d.changes);
        let v: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
        assert_eq!(v["changes"], serde_json::json!([]));
        assert_eq!(v["old"]["fingerprint"], v["new"]["fingerprint"]);
    }
}

#[test]
fn known_changes_are_reported_one_by_one() {
    let old = spec_text();
    let mut new = edit(
        &old,
        "title: Thực hiện chế độ báo cáo",
        "title: Chế độ báo cáo",
    );
    new = edit(&new, "cham: 0.5, khong_gui: 0", "cham: 0.25, khong_gui: 0");
    new = edit(
        &new,
        "rule: { deduct: { input: so_bao_cao_tre, per: 0.25 } }",
        "rule: { deduct: { input: so_bao_cao_tre, per: 0.5 } }",
    );
    new = edit(
        &new,
        "  - { id: kha,        label: Khá,        at_least: 70 }\n",
        "  - { id: kha,        label: Khá,        at_least: 65 }\n",
    );
    let d = diff(&load(&old, "old.yaml"), &load(&new, "new.yaml"));
    let got: Vec<serde_json::Value> = d
        .changes
        .iter()
        .map(|c| serde_json::to_value(c).unwrap())
        .collect();
    assert_eq!(
        got,
        [
            serde_json::json!({"change": "criterion_retitled", "criterion": "1.3", "old": "Thực hiện chế độ báo cáo", "new": "Chế độ báo cáo"}),
            serde_json::json!({"change": "rule_changed", "criterion": "1.3", "rule": "deduct", "parameter": "per", "old": 0.25, "new": 0.5}),
            serde_json::json!({"change": "rule_changed", "criterion": "1.4", "rule": "levels", "parameter": "points.cham", "old": 0.5, "new": 0.25}),
            serde_json::json!({"change": "grade_changed", "grade": "kha", "field": "at_least", "old": 70, "new": 65}),
        ]
    );
    assert_ne!(d.old.fingerprint, d.new.fingerprint);
}

#[test]
fn structure_changes_added_removed_moved() {
    let old = "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 4\ninputs: { a: { type: bool }, b: { type: bool } }\ncriteria:\n  - { id: '1', title: A, max: 1, rule: { check: a } }\n  - { id: '2', title: B, max: 1, rule: { check: b } }\n  - { id: '3', title: C, max: 1, rule: { check: a } }\n  - { id: '5', title: E, max: 1, rule: { check: a } }\n";
    // 5 moves to the front, 2 is removed, 4 is added, input b is retyped to a count (read by 4).
    let new = "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 4\ninputs: { a: { type: bool }, b: { type: count } }\ncriteria:\n  - { id: '5', title: E, max: 1, rule: { check: a } }\n  - { id: '1', title: A, max: 1, rule: { check: a } }\n  - { id: '3', title: C, max: 1, rule: { check: a } }\n  - { id: '4', title: D, max: 1, rule: { per: { input: b, points: 1 } } }\n";
    let d = diff(&load(old, "o"), &load(new, "n"));
    let tags: Vec<String> = d
        .changes
        .iter()
        .map(|c| {
            let v = serde_json::to_value(c).unwrap();
            format!(
                "{} {}",
                v["change"].as_str().unwrap(),
                v.get("criterion").or(v.get("input")).unwrap()
            )
        })
        .collect();
    // Only 5 moved (1 and 3 kept their order).
    assert_eq!(
        tags,
        [
            "input_changed \"b\"",
            "criterion_moved \"5\"",
            "criterion_added \"4\"",
            "criterion_removed \"2\"",
        ]
    );
}

fn unit(id: &str, tl: &str) -> Unit {
    Unit::new(id.to_string())
        .with_value("kh_ban_hanh_dung_han", RawValue::Bool(true))
        .with_value("ty_le_hoan_thanh_kh", RawValue::Number(tl.parse().unwrap()))
        .with_value("so_bao_cao_tre", RawValue::Number(Decimal::ZERO))
        .with_value("ho_so_tiep_nhan", RawValue::Number(Decimal::from(10)))
        .with_value("ho_so_dung_han", RawValue::Number(Decimal::from(10)))
        .with_value("diem_khao_sat", RawValue::Number(Decimal::from(4)))
        .with_value("bao_cao_nam", RawValue::Text("dung_han".into()))
}

/// Raising the threshold of step 2 of 1.2 from 80 to 85 changes the index of exactly the units
/// from 80 to below 85 (0.5 point less each); the unit at 70, tied with them afterwards, only
/// moves up in rank.
#[test]
fn a_moved_threshold_moves_exactly_the_units_near_it() {
    let old = spec_text();
    let new = edit(
        &old,
        "- { at_least: 80, below: 100, points: 0.5 }",
        "- { at_least: 85, below: 100, points: 0.5 }",
    );
    let (a, b) = (load(&old, "old.yaml"), load(&new, "new.yaml"));
    let values = ["70", "80", "82", "84.99", "85", "90", "100"];
    let units: Vec<Unit> = values.iter().map(|v| unit(&format!("u{v}"), v)).collect();
    let d = diff_with_effect(&a, &b, &units);
    let e = d.effect.as_ref().unwrap();
    assert_eq!(e.scored, 7);
    let changed_index: Vec<&str> = e
        .units
        .iter()
        .filter(|u| u.old_index != u.new_index)
        .map(|u| u.unit.as_deref().unwrap())
        .collect();
    assert_eq!(changed_index, ["u80", "u82", "u84.99"]);
    for u in e.units.iter().filter(|u| u.old_index != u.new_index) {
        let crit: Vec<&str> = u.criteria.iter().map(|c| c.criterion.as_str()).collect();
        // The leaf and its ancestors; the ancestor's points differ by the same 0.5.
        assert_eq!(crit, ["1", "1.2"], "{u:?}");
        assert_eq!(u.criteria[1].old, Some(Decimal::new(5, 1)));
        assert_eq!(u.criteria[1].new, Some(Decimal::ZERO));
    }
    let rest: Vec<(&str, Option<u32>, Option<u32>)> = e
        .units
        .iter()
        .filter(|u| u.old_index == u.new_index)
        .map(|u| (u.unit.as_deref().unwrap(), u.old_rank, u.new_rank))
        .collect();
    assert!(
        rest.iter().all(|(id, a, b)| *id == "u70" && a > b),
        "{rest:?}"
    );
    // Through the JSON entry point, the same effect.
    let units_json = serde_json::to_string(
        &values
            .iter()
            .map(|v| {
                serde_json::json!({"id": format!("u{v}"), "values": {
                "kh_ban_hanh_dung_han": true, "ty_le_hoan_thanh_kh": v.parse::<f64>().unwrap(),
                "so_bao_cao_tre": 0, "ho_so_tiep_nhan": 10, "ho_so_dung_han": 10,
                "diem_khao_sat": 4, "bao_cao_nam": "dung_han"}})
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let j: serde_json::Value = serde_json::from_str(
        &diff_json(&old, "old.yaml", &new, "new.yaml", Some(&units_json)).unwrap(),
    )
    .unwrap();
    assert_eq!(j["effect"]["units"][0]["delta"].to_string(), "-0.5");
    assert!(diff_json("format: x", "bad.yaml", &new, "new.yaml", None).is_err());
}

// ---- property: a random single change is reported as exactly that change ----

/// Draws numbers from a proptest-generated tape.
struct Tape<'a> {
    t: &'a [u32],
    i: usize,
}

impl Tape<'_> {
    fn next(&mut self, n: u32) -> u32 {
        let v = self.t.get(self.i).copied().unwrap_or(7);
        self.i += 1;
        if n == 0 { 0 } else { v % n }
    }
}

/// A flat ruleset of 1–6 leaves (each max 10) of random kinds, one per line.
fn ruleset(t: &mut Tape<'_>) -> String {
    let n = 1 + t.next(6) as usize;
    let mut crit = String::new();
    for i in 1..=n {
        let rule = match t.next(6) {
            0 => "{ check: b0 }".to_string(),
            1 => format!(
                "{{ bands: {{ input: p0, steps: [ {{ at_least: {}, points: {} }}, {{ below: 50, points: {} }}, {{ points: 0 }} ] }} }}",
                50 + t.next(50),
                t.next(11),
                t.next(11)
            ),
            2 => format!(
                "{{ scale: {{ input: p0, from: {}, to: {} }} }}",
                t.next(50),
                50 + t.next(51)
            ),
            3 => format!("{{ deduct: {{ input: n0, per: {} }} }}", 1 + t.next(5)),
            4 => format!(
                "{{ levels: {{ input: c0, points: {{ a: {}, b: {}, c: {} }} }} }}",
                t.next(11),
                t.next(11),
                t.next(11)
            ),
            _ => format!("{{ script: \"if b0 {{ {} }} else {{ 0 }}\" }}", t.next(11)),
        };
        crit.push_str(&format!(
            "  - {{ id: \"{i}\", title: T{i}, max: 10, rule: {rule} }}\n"
        ));
    }
    format!(
        "format: cchc/1\nid: prop\nversion: \"1\"\ntitle: P\ntotal: {}\ninputs:\n  b0: {{ type: bool }}\n  p0: {{ type: percent }}\n  n0: {{ type: count }}\n  c0: {{ type: choice, options: [a, b, c] }}\ngrades:\n  - {{ id: a, label: A, at_least: 80 }}\n  - {{ id: b, label: B, at_least: 0 }}\ncriteria:\n{crit}",
        n * 10
    )
}

/// One change to one criterion's line: the new text and what the diff must say (change tag,
/// criterion, parameter or field).
fn mutate(text: &str, t: &mut Tape<'_>) -> (String, String) {
    let lines: Vec<&str> = text.lines().collect();
    let crit: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("  - { id: \""))
        .map(|(i, _)| i)
        .collect();
    let at = crit[t.next(crit.len() as u32) as usize];
    let line = lines[at];
    let id = line.split('"').nth(1).unwrap().to_string();
    let (new_line, expect) = match t.next(2) {
        0 => (
            line.replacen(&format!("title: T{id},"), &format!("title: Đổi {id},"), 1),
            format!("criterion_retitled {id} -"),
        ),
        _ if line.contains("bands:") => {
            // Step 2's threshold: below 50 → below 40.
            (
                line.replacen("below: 50", "below: 40", 1),
                format!("rule_changed {id} steps.2"),
            )
        }
        _ if line.contains("scale:") => {
            let from = line
                .split("from: ")
                .nth(1)
                .unwrap()
                .split(',')
                .next()
                .unwrap();
            let n: u32 = from.parse().unwrap();
            (
                line.replacen(&format!("from: {n},"), &format!("from: {},", n + 1), 1),
                format!("rule_changed {id} from"),
            )
        }
        _ if line.contains("deduct:") => (
            line.replacen("per: ", "per: 0.5", 1),
            format!("rule_changed {id} per"),
        ),
        _ if line.contains("levels:") => {
            let b = line
                .split(" b: ")
                .nth(1)
                .unwrap()
                .split(',')
                .next()
                .unwrap();
            let n: u32 = b.parse().unwrap();
            let m = if n == 10 { 9 } else { n + 1 };
            (
                line.replacen(&format!(" b: {n},"), &format!(" b: {m},"), 1),
                format!("rule_changed {id} points.b"),
            )
        }
        _ if line.contains("script:") => (
            line.replacen("else { 0 }", "else { 0 + 0 }", 1),
            format!("rule_changed {id} script"),
        ),
        _ => (
            line.replacen("check: b0", "check: { expr: \"b0 == true\" }", 1),
            format!("rule_changed {id} of"),
        ),
    };
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[at] = new_line;
    (out.join("\n") + "\n", expect)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_single_change_is_reported_as_exactly_that_change(tape in proptest::collection::vec(any::<u32>(), 40)) {
        let mut t = Tape { t: &tape, i: 0 };
        let old = ruleset(&mut t);
        let (new, expect) = mutate(&old, &mut t);
        let a = Ruleset::from_yaml_str(&old, "old.yaml").unwrap();
        let b = Ruleset::from_yaml_str(&new, "new.yaml").unwrap();
        let d = diff(&a, &b);
        let got: Vec<String> = d.changes.iter().map(|c| match c {
            Change::CriterionRetitled { criterion, .. } => format!("criterion_retitled {criterion} -"),
            Change::RuleChanged { criterion, parameter, .. } => format!("rule_changed {criterion} {parameter}"),
            other => format!("{other:?}"),
        }).collect();
        prop_assert_eq!(got, vec![expect], "{}\n---\n{}", old, new);
        // And back: the same change, the other way.
        prop_assert_eq!(diff(&b, &a).changes.len(), 1);
        prop_assert!(diff(&a, &a).changes.is_empty());
    }
}
