//! Explanations as data (issue #9 item 3) and unit messages in both languages.
//!
//! - Every kind of explanation (each rule kind, not applicable, missing, invalid, error, parent
//!   undecided, groups with bonus, penalty and cap) is produced by a small ruleset; its `why` id
//!   is the expected one, every `trace-` message of the catalogue is reached, the Vietnamese text
//!   has no English word and the English text no Vietnamese letter (outside identifiers and
//!   labels).
//! - `why` is the same in every language, and the JSON results of two languages differ only in
//!   `trace`, `message` and `help` texts.
//! - Each unit error and warning, and each data-file error, reads in both languages.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test."
)]

use std::collections::{BTreeMap, BTreeSet};

use cchc::{Code, DataFormat, Issue, Lang, Localize, Message, RawValue, Ruleset, Unit, UnitResult};
use serde_json::{Value, json};

const RULES: &str = r#"format: cchc/1
id: test.explanations
version: "1"
title: Kiểm thử lời giải thích
total: 26
inputs:
  b: { type: bool, label: Có kế hoạch }
  n: { type: number, label: Tỷ lệ hoàn thành }
  k: { type: count, label: Số báo cáo chậm }
  ch: { type: choice, options: [tot, kha], label: Mức độ thực hiện }
  na_in: { type: count, on_missing: not_applicable, label: Số hồ sơ liên thông }
  m: { type: count, label: Số hồ sơ tiếp nhận }
  bad: { type: bool, label: Có báo cáo }
  s: { type: count, label: Số sáng kiến }
  v: { type: number, label: Điểm hội đồng }
  bon: { type: count, label: Số mô hình mới }
  pen: { type: count, label: Số vi phạm }
criteria:
  - id: "1"
    title: Chỉ đạo, điều hành
    max: 11
    children:
      - { id: "1.1", title: Kế hoạch, max: 1, rule: { check: b } }
      - id: "1.2"
        title: Mức độ hoàn thành
        max: 2
        rule: { bands: { input: n, steps: [ { at_least: 80, points: 2 }, { above: 60, at_most: 79.99, points: 1.5 }, { at_least: 50, below: 80, points: 1 } ] } }
      - { id: "1.3", title: Thang điểm, max: 2, rule: { scale: { input: n, from: 0, to: 100 } } }
      - { id: "1.4", title: Báo cáo, max: 2, rule: { deduct: { input: k, per: 0.5, floor: 0.5 } } }
      - { id: "1.5", title: Tính theo lần, max: 2, rule: { per: { input: k, points: 1 } } }
      - { id: "1.6", title: Mức độ, max: 1, rule: { levels: { input: ch, points: { tot: 1, kha: 0.5 } } } }
      - { id: "1.7", title: Đúng một báo cáo chậm, max: 1, rule: { bands: { input: k, steps: [ { equals: 1, points: 1 }, { below: 5, points: 0.5 }, { points: 0 } ] } } }
  - id: "2"
    title: Điểm nhập trực tiếp
    max: 4
    children:
      - { id: "2.1", title: Hội đồng chấm, max: 2, rule: { value: v } }
      - id: "2.2"
        title: Sáng kiến
        max: 2
        rule:
          script: |
            if s > 0 { print("ok"); print(s); }
            if s > 0 { 2 } else { 1 }
  - { id: "3", title: Áp dụng có điều kiện (đủ điểm), max: 1, applies_if: "n > 10", if_not_applicable: full, rule: { check: b } }
  - { id: "4", title: Áp dụng có điều kiện (loại trừ), max: 1, applies_if: "n > 10", rule: { check: b } }
  - { id: "5", title: Liên thông, max: 1, rule: { per: { input: na_in, points: 1 } } }
  - id: "6"
    title: Nhóm không áp dụng
    max: 2
    children:
      - { id: "6.1", title: Mục một, max: 1, rule: { check: b } }
      - { id: "6.2", title: Mục hai, max: 1, rule: { check: b } }
  - id: "7"
    title: Nhóm thiếu điều kiện
    max: 1
    applies_if: "m > 0"
    children:
      - { id: "7.1", title: Mục con, max: 1, rule: { check: b } }
  - { id: "8", title: Giá trị không hợp lệ, max: 1, rule: { check: bad } }
  - { id: "9", title: Điểm vượt khung, max: 1, rule: { value: { expr: "v * 100" } } }
  - id: "C"
    title: Nhóm có trần điểm
    max: 1
    cap: true
    children:
      - { id: "C.1", title: Hình thức một, max: 1, rule: { check: b } }
      - { id: "C.2", title: Hình thức hai, max: 1, rule: { check: b } }
  - id: "E"
    title: Nhóm có điểm thưởng và điểm trừ
    max: 2
    children:
      - { id: "E.1", title: Mục chính, max: 2, rule: { check: b } }
      - { id: "E.T", title: Điểm thưởng, kind: bonus, max: 1, rule: { per: { input: bon, points: 1 } } }
      - { id: "E.P", title: Điểm trừ, kind: penalty, max: 2, rule: { per: { input: pen, points: 1 } } }
"#;

fn rules() -> Ruleset {
    Ruleset::from_yaml_str(RULES, "explanations.yaml").unwrap_or_else(|e| panic!("{e:?}"))
}

fn num(s: &str) -> RawValue {
    RawValue::Number(s.parse().unwrap())
}

/// Three units that between them reach every kind of explanation.
fn units() -> Vec<Unit> {
    let u1 = Unit::new("u1")
        .with_value("b", RawValue::Bool(true))
        .with_value("n", num("90"))
        .with_value("k", num("1"))
        .with_value("ch", RawValue::Text("tot".into()))
        .with_value("s", num("1"))
        .with_value("v", num("1.5"))
        .with_value("bon", num("1"))
        .with_value("pen", num("0"))
        .with_value("bad", RawValue::Text("có lẽ".into()))
        .with_not_applicable("6");
    let u2 = Unit::new("u2")
        .with_value("b", RawValue::Bool(false))
        .with_value("n", num("5"))
        .with_value("k", num("10"))
        .with_value("ch", RawValue::Text("kha".into()))
        .with_value("s", num("0"))
        .with_value("v", num("0"))
        .with_value("bon", num("0"))
        .with_value("pen", num("1"))
        .with_value("m", num("2"))
        .with_value("bad", RawValue::Bool(true))
        .with_value("na_in", num("1"));
    let u3 = Unit::new("u3")
        .with_value("b", RawValue::Bool(true))
        .with_value("n", num("70"))
        .with_value("k", num("0"))
        .with_value("ch", RawValue::Text("tot".into()))
        .with_value("s", num("0"))
        .with_value("v", num("0"))
        .with_value("bon", num("0"))
        .with_value("pen", num("1"))
        .with_value("m", num("0"))
        .with_value("bad", RawValue::Bool(false));
    vec![u1, u2, u3]
}

fn results() -> Vec<UnitResult> {
    let rs = rules();
    let mut out: Vec<UnitResult> = units().iter().map(|u| rs.score(u)).collect();
    // Points set by the unit (no rounds declared) and by a declared round, with and without a
    // note.
    let u3 = units().remove(2);
    let set = u3
        .clone()
        .with_points("1.1", "1".parse().unwrap())
        .with_points("1.2", "1".parse().unwrap())
        .with_note("1.2", "KH 15/KH-UBND");
    let mut set = set;
    set.id = Some("u4".into());
    out.push(rs.score(&set));
    let rounds = format!(
        "{RULES}rounds:\n  - {{ id: tu_cham, label: Self-assessment }}\n  - {{ id: tham_dinh, label: Appraisal }}\n"
    );
    let rs = Ruleset::from_yaml_str(&rounds, "rounds.yaml").unwrap_or_else(|e| panic!("{e:?}"));
    let set = u3.with_points("1.1", "1".parse().unwrap()).with_round(
        cchc::UnitRound::new("tham_dinh")
            .with_points("1.2", "1".parse().unwrap())
            .with_note("1.2", "BC 20/BC-HDTD"),
    );
    let mut set = set;
    set.id = Some("u5".into());
    out.push(rs.score(&set));
    // Criteria that do not apply because of a parameter (format §18): its value is named.
    let rs = Ruleset::from_yaml_str(PARAMS, "params.yaml").unwrap_or_else(|e| panic!("{e:?}"));
    out.push(rs.score(&Unit::new("u6").with_value("b", RawValue::Bool(false))));
    out
}

/// Criteria whose `applies_if` reads parameters (a bool false, a bool true, a number).
const PARAMS: &str = r#"format: cchc/1
id: test.explanations.parameters
version: "1"
title: Kiểm thử tham số
total: 3
parameters:
  khao_sat: { type: bool, label: Có điều tra xã hội học, default: false }
  co_ho_so: { type: bool, label: Có hồ sơ, default: true }
  nguong: { type: number, label: Ngưỡng, default: 50 }
inputs:
  b: { type: bool, label: Có kế hoạch }
criteria:
  - { id: P1, title: Khảo sát (đủ điểm), max: 1, applies_if: khao_sat, if_not_applicable: full, rule: { check: b } }
  - { id: P2, title: Hồ sơ (loại trừ), max: 1, applies_if: "co_ho_so && b", rule: { check: b } }
  - { id: P3, title: Ngưỡng, max: 1, applies_if: "nguong > 100", rule: { check: b } }
"#;

/// (unit, node) → the id of its `why`.
const EXPECTED: &[(&str, &str, &str)] = &[
    ("u1", "1", "trace-group"),
    ("u1", "1.1", "trace-check-true"),
    ("u1", "1.2", "trace-band"),
    ("u1", "1.3", "trace-scale"),
    ("u1", "1.4", "trace-deduct"),
    ("u1", "1.5", "trace-per"),
    ("u1", "1.6", "trace-level"),
    ("u1", "2.1", "trace-value"),
    ("u1", "2.2", "trace-script-printed"),
    ("u1", "3", "trace-check-true"),
    ("u1", "5", "trace-na-input"),
    ("u1", "6", "trace-na-listed"),
    ("u1", "6.1", "trace-na-parent"),
    ("u1", "7", "trace-missing"),
    ("u1", "7.1", "trace-parent-undecided"),
    ("u1", "8", "trace-invalid"),
    ("u1", "9", "trace-error"),
    ("u1", "C", "trace-group-capped"),
    ("u1", "E", "trace-group-extras-capped"),
    ("u2", "1.1", "trace-check-false"),
    ("u2", "1.2", "trace-no-band"),
    ("u2", "1.4", "trace-deduct-floored"),
    ("u2", "1.5", "trace-per-capped"),
    ("u2", "2.2", "trace-script"),
    ("u2", "3", "trace-na-applies-if-full"),
    ("u2", "4", "trace-na-applies-if-excluded"),
    ("u2", "C", "trace-group"),
    ("u2", "E", "trace-group-extras-zero"),
    ("u3", "E", "trace-group-extras"),
    ("u3", "7", "trace-na-applies-if-excluded"),
    ("u4", "1.1", "trace-set-points-unit"),
    ("u4", "1.2", "trace-set-points-unit-note"),
    ("u5", "1.1", "trace-set-points"),
    ("u5", "1.2", "trace-set-points-note"),
];

/// `trace-` messages no unit reaches: a fallback for a trace that does not match its rule, and
/// an error node whose error is not in the unit's list (neither can happen).
const UNREACHABLE: &[&str] = &["trace-points", "trace-error-unknown"];

/// The ids of a catalogue file.
fn catalogue_ids(lang: &str, file: &str) -> BTreeSet<String> {
    let path = format!("{}/locales/{lang}/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.trim()))
        .map(str::to_string)
        .collect()
}

/// Every message id in `m`, nested ones included.
fn ids_in(m: &Message, out: &mut BTreeSet<String>) {
    out.insert(m.id().to_string());
    for (_, a) in m.args() {
        arg_ids(a, out);
    }
}

fn arg_ids(a: &cchc::Arg, out: &mut BTreeSet<String>) {
    match a {
        cchc::Arg::Msg(m) => ids_in(m, out),
        cchc::Arg::List(items) => items.iter().for_each(|i| arg_ids(i, out)),
        _ => {}
    }
}

/// The text without identifiers (between backticks) and the label written just after one
/// (`` `kh` (Kế hoạch) ``): what is left is the language's own words.
fn own_words(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '`' {
            out.push(c);
            continue;
        }
        for d in chars.by_ref() {
            if d == '`' {
                break;
            }
        }
        let rest: String = chars.clone().take(2).collect();
        if rest == " (" {
            chars.next();
            chars.next();
            let mut depth = 1;
            for d in chars.by_ref() {
                match d {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        out.push(' ');
    }
    out
}

const ENGLISH: &[&str] = &[
    "the",
    "of",
    "is",
    "are",
    "point",
    "points",
    "sum",
    "missing",
    "needs",
    "error",
    "not",
    "applicable",
    "band",
    "script",
    "returned",
    "gives",
    "gave",
    "printed",
    "holds",
    "scale",
    "capped",
    "floor",
    "below",
    "max",
    "bonus",
    "penalty",
    "excluded",
    "full",
    "marks",
    "true",
    "false",
    "evaluated",
    "parent",
    "criterion",
    "sub",
    "criteria",
    "value",
    "invalid",
    "given",
    "otherwise",
    "raised",
    "failed",
    "must",
    "number",
    "unit",
    "input",
    "but",
    "and",
    "or",
    "which",
    "does",
    "cannot",
    "be",
    "a",
    "an",
    "it",
    "its",
    "in",
    "to",
    "from",
    "with",
    "no",
    "did",
    "you",
    "mean",
    "ignored",
    "declared",
    "names",
    "grade",
    "condition",
    "reads",
    "file",
    "row",
    "column",
    "cell",
    "header",
    "key",
    "appears",
    "twice",
    "list",
    "mapping",
    "text",
];

fn english_words(text: &str) -> Vec<String> {
    own_words(text)
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

/// Letters that only Vietnamese writes (with a diacritic, or đ).
fn vietnamese_letters(text: &str) -> usize {
    own_words(text)
        .chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii())
        .count()
}

fn assert_vietnamese(what: &str, vi: &str) {
    let en_words = english_words(vi);
    assert!(
        en_words.is_empty(),
        "{what}: English words {en_words:?} in Vietnamese: {vi}"
    );
    assert!(vietnamese_letters(vi) > 0, "{what}: not Vietnamese: {vi}");
}

/// English: no Vietnamese letter (an explanation may be a bare formula such as
/// `` `k` = 1: 2.00 − 0.5 × 1 = 1.50 ``).
fn assert_english(what: &str, en: &str) {
    assert_eq!(
        vietnamese_letters(en),
        0,
        "{what}: Vietnamese letters in English: {en}"
    );
}

/// An English sentence: no Vietnamese letter, and English words.
fn assert_english_sentence(what: &str, en: &str) {
    assert_english(what, en);
    assert!(
        !english_words(en).is_empty(),
        "{what}: no English word: {en}"
    );
}

fn node_index(r: &UnitResult, id: &str) -> usize {
    r.iter_nodes()
        .position(|(n, _)| n.id == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

#[test]
fn every_kind_of_explanation_is_data_and_reads_in_both_languages() {
    let rs = results();
    let by_id: BTreeMap<&str, &UnitResult> = rs
        .iter()
        .map(|r| (r.unit.id.as_deref().unwrap(), r))
        .collect();
    for (unit, node, want) in EXPECTED {
        let r = by_id[unit];
        let i = node_index(r, node);
        let why = r.why(i).unwrap_or_else(|| panic!("{unit}/{node}: no why"));
        assert_eq!(why.id(), *want, "{unit}/{node}: {}", why.render(Lang::En));
    }
    let mut seen = BTreeSet::new();
    for r in &rs {
        for i in 0..r.nodes.len() {
            let Some(why) = r.why(i) else {
                panic!("{:?}/{i}: every scored node has a why", r.unit.id)
            };
            ids_in(&why, &mut seen);
            let what = format!("{:?}/{} ({})", r.unit.id, i, why.id());
            let (vi, en) = (r.trace_text(i, Lang::Vi), r.trace_text(i, Lang::En));
            assert_eq!(vi, why.render(Lang::Vi));
            assert_eq!(en, why.render(Lang::En));
            assert_vietnamese(&what, &vi);
            assert_english(&what, &en);
        }
    }
    let missing: Vec<_> = catalogue_ids("en", "trace.ftl")
        .into_iter()
        .filter(|id| !seen.contains(id) && !UNREACHABLE.contains(&id.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "explanations never produced: {missing:?}"
    );
}

#[test]
fn explanations_carry_the_facts() {
    let rs = results();
    let u1 = &rs[0];
    let band = u1.why(node_index(u1, "1.2")).unwrap();
    let j = serde_json::to_value(&band).unwrap();
    assert_eq!(j["args"]["band"], json!(1));
    assert_eq!(j["args"]["value"], json!(90));
    assert_eq!(j["args"]["points"], json!(2));
    assert_eq!(
        j["args"]["bounds"],
        json!([{ "id": "trace-bound-at-least", "args": { "x": 80 } }])
    );
    assert_eq!(
        j["args"]["of"],
        json!({ "id": "common-labelled", "args": { "name": "n", "label": "Tỷ lệ hoàn thành" } })
    );
    // Points keep the ruleset's places, with the language's separator.
    assert_eq!(
        band.render(Lang::Vi),
        "`n` (Tỷ lệ hoàn thành) = 90: thuộc khoảng 1 (≥ 80), đạt 2,00/2,00 điểm"
    );
    assert_eq!(
        band.render(Lang::En),
        "`n` (Tỷ lệ hoàn thành) = 90: band 1 (≥ 80) holds, 2.00 of 2.00"
    );
    let deduct = u1.why(node_index(u1, "1.4")).unwrap();
    let j = serde_json::to_value(&deduct).unwrap();
    assert_eq!(
        (&j["args"]["value"], &j["args"]["per"]),
        (&json!(1), &json!(0.5))
    );
    assert_eq!(
        deduct.render(Lang::Vi),
        "`k` (Số báo cáo chậm) = 1: 2,00 − 0,5 × 1 = 1,50 điểm"
    );
    let script = u1.why(node_index(u1, "2.2")).unwrap();
    let j = serde_json::to_value(&script).unwrap();
    assert_eq!(j["args"]["printed"], json!(["ok", "1"]));
    assert_eq!(j["args"]["result"], json!(2));
    let level = u1.why(node_index(u1, "1.6")).unwrap();
    let j = serde_json::to_value(&level).unwrap();
    assert_eq!(
        (&j["args"]["option"], &j["args"]["level"]),
        (&json!("tot"), &json!(1))
    );
    let extras = rs[1].why(node_index(&rs[1], "E")).unwrap();
    let j = serde_json::to_value(&extras).unwrap();
    assert_eq!(
        (
            &j["args"]["sum"],
            &j["args"]["penalty"],
            &j["args"]["raw"],
            &j["args"]["points"]
        ),
        (&json!(0), &json!(1), &json!(-1), &json!(0))
    );
    let error = u1.why(node_index(u1, "9")).unwrap();
    let j = serde_json::to_value(&error).unwrap();
    // The node's error, without the criterion named again.
    assert_eq!(j["args"]["error"]["id"], json!("unit-value-out-of-range"));
    assert_eq!(
        error.render(Lang::Vi),
        "lỗi: `value` cho 150 điểm, nằm ngoài khoảng [0, 1]; hãy sửa số liệu hoặc quy tắc"
    );
    // A group counts its scored children.
    let group = u1.why(node_index(u1, "1")).unwrap();
    assert_eq!(group.arg("count"), Some(&cchc::Arg::Int(7)));
    assert!(
        group
            .render(Lang::En)
            .starts_with("sum of 7 scored sub-criteria")
    );
    let u3 = &rs[2];
    let band = u3.why(node_index(u3, "1.2")).unwrap();
    assert_eq!(
        band.render(Lang::Vi),
        "`n` (Tỷ lệ hoàn thành) = 70: thuộc khoảng 2 (> 60, ≤ 79,99), đạt 1,50/2,00 điểm"
    );
    let otherwise = rs[1].why(node_index(&rs[1], "1.7")).unwrap();
    assert_eq!(
        otherwise.render(Lang::En),
        "`k` (Số báo cáo chậm) = 10: band 3 (otherwise) holds, 0.00 of 1.00"
    );
    let one = rs[2].why(node_index(&rs[2], "C")).unwrap();
    assert_eq!(one.id(), "trace-group-capped", "{}", one.render(Lang::En));
}

/// `v` with its `trace`, `message` and `help` keys removed, everywhere.
fn without_texts(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "trace" | "message" | "help"))
                .map(|(k, v)| (k.clone(), without_texts(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_texts).collect()),
        other => other.clone(),
    }
}

/// Every node object of a result's JSON tree.
fn json_nodes<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    if let Some(kids) = v.get("criteria").or_else(|| v.get("children")) {
        for k in kids.as_array().unwrap() {
            out.push(k);
            json_nodes(k, out);
        }
    }
}

#[test]
fn json_results_differ_between_languages_only_in_texts() {
    for r in results() {
        let vi = serde_json::to_value(r.in_lang(Lang::Vi)).unwrap();
        let en = serde_json::to_value(r.in_lang(Lang::En)).unwrap();
        assert_ne!(vi, en, "the texts differ");
        assert_eq!(without_texts(&vi), without_texts(&en));
        // The default serialisation is the Vietnamese one.
        assert_eq!(serde_json::to_value(&r).unwrap(), vi);
        let (mut nv, mut ne) = (Vec::new(), Vec::new());
        json_nodes(&vi, &mut nv);
        json_nodes(&en, &mut ne);
        assert_eq!(nv.len(), r.nodes.len());
        for (i, (a, b)) in nv.iter().zip(&ne).enumerate() {
            let id = a["id"].as_str().unwrap();
            let why = &a["why"];
            assert!(why.is_object(), "{id}: why is {why}");
            assert_eq!(why, &b["why"], "{id}");
            let j = node_index(&r, id);
            assert_eq!(why, &serde_json::to_value(r.why(j)).unwrap(), "{id} ({i})");
            assert_eq!(a["trace"], json!(r.trace_text(j, Lang::Vi)));
            assert_eq!(b["trace"], json!(r.trace_text(j, Lang::En)));
        }
    }
}

// ---- Unit errors and warnings in both languages ---------------------------------------------

fn check_issue(what: &str, i: &Issue) {
    let (vi, en) = (i.message.render(Lang::Vi), i.message.render(Lang::En));
    assert_ne!(vi, en, "{what}");
    assert_vietnamese(what, &vi);
    assert_english_sentence(what, &en);
    if let Some(h) = &i.help {
        assert_vietnamese(what, &h.render(Lang::Vi));
        assert_english_sentence(what, &h.render(Lang::En));
    }
}

/// The unit's issues with `code`, at least one.
fn issues(r: &UnitResult, code: Code) -> Vec<&Issue> {
    let v: Vec<_> = r
        .errors
        .iter()
        .chain(&r.warnings)
        .filter(|i| i.code == code)
        .collect();
    assert!(
        !v.is_empty(),
        "no {code:?} in {:?} {:?}",
        r.errors,
        r.warnings
    );
    v
}

const SMALL: &str = r#"format: cchc/1
id: test.unit-messages
version: "1"
title: Kiểm thử thông báo
total: 6
inputs:
  dem: { type: count, label: Số hồ sơ }
  pt: { type: percent, label: Tỷ lệ }
  so: { type: number, min: 1, max: 5, label: Điểm khảo sát }
  co: { type: bool, label: Có báo cáo }
  chon: { type: choice, options: [kip_thoi, cham], label: Ban hành kế hoạch }
  x: { type: number }
  g: { type: bool }
criteria:
  - { id: "1", title: Số hồ sơ, max: 1, rule: { per: { input: dem, points: 1 } } }
  - { id: "2", title: Tỷ lệ, max: 1, rule: { bands: { input: pt, steps: [ { at_least: 50, points: 1 } ] } } }
  - { id: "3", title: Khảo sát, max: 1, rule: { scale: { input: so, from: 1, to: 5 } } }
  - { id: "4", title: Báo cáo, max: 1, rule: { check: co } }
  - { id: "5", title: Kế hoạch, max: 1, rule: { levels: { input: chon, points: { kip_thoi: 1, cham: 0 } } } }
  - { id: "6", title: Công thức, max: 1, rule: { deduct: { expr: "x - 10", per: 1 } } }
grades:
  - { id: tot, label: Tốt, at_least: 50, requires: "g" }
"#;

fn small() -> Ruleset {
    Ruleset::from_yaml_str(SMALL, "small.yaml").unwrap_or_else(|e| panic!("{e:?}"))
}

fn full() -> Unit {
    Unit::new("a")
        .with_value("dem", num("1"))
        .with_value("pt", num("60"))
        .with_value("so", num("3"))
        .with_value("co", RawValue::Bool(true))
        .with_value("chon", RawValue::Text("kip_thoi".into()))
        .with_value("x", num("10"))
        .with_value("g", RawValue::Bool(true))
}

fn with(u: Unit, name: &str, v: RawValue) -> Unit {
    let mut u = u;
    u.values.retain(|(n, _)| n != name);
    u.with_value(name, v)
}

#[test]
fn unit_errors_and_warnings_read_in_both_languages() {
    let rs = small();
    let cell = |s: &str| RawValue::Cell(s.to_string());
    let cases: Vec<(&str, Unit, Code)> = vec![
        (
            "count not whole",
            with(full(), "dem", num("1.5")),
            Code::NotWholeNumber,
        ),
        (
            "count negative",
            with(full(), "dem", num("-1")),
            Code::ValueOutOfRange,
        ),
        (
            "count thousands",
            with(full(), "dem", cell("1.000")),
            Code::WrongValueType,
        ),
        (
            "percent",
            with(full(), "pt", num("120")),
            Code::ValueOutOfRange,
        ),
        (
            "below min",
            with(full(), "so", num("0")),
            Code::ValueOutOfRange,
        ),
        (
            "above max",
            with(full(), "so", num("6")),
            Code::ValueOutOfRange,
        ),
        (
            "bool cell",
            with(full(), "co", cell("có lẽ")),
            Code::WrongValueType,
        ),
        (
            "bool given a number",
            with(full(), "co", num("1")),
            Code::WrongValueType,
        ),
        (
            "number given text",
            with(full(), "so", RawValue::Text("ba".into())),
            Code::WrongValueType,
        ),
        (
            "number given a bool",
            with(full(), "so", RawValue::Bool(true)),
            Code::WrongValueType,
        ),
        (
            "choice",
            with(full(), "chon", RawValue::Text("som".into())),
            Code::UnknownChoice,
        ),
        (
            "not a number",
            with(full(), "so", cell("ba")),
            Code::WrongValueType,
        ),
        (
            "mixed separators",
            with(full(), "so", cell("1.234,5")),
            Code::WrongValueType,
        ),
        (
            "not finite",
            with(full(), "so", cell("NaN")),
            Code::NotFinite,
        ),
        (
            "inexact",
            with(full(), "so", cell("1.00000000000000000000000000001")),
            Code::InexactNumber,
        ),
        (
            "missing input",
            with(full(), "dem", RawValue::Null),
            Code::MissingInput,
        ),
        (
            "unknown input",
            full().with_value("dme", num("1")),
            Code::UnknownInput,
        ),
        (
            "unknown input far",
            full().with_value("zzzzzz", num("1")),
            Code::UnknownInput,
        ),
        (
            "unknown criterion",
            full().with_not_applicable("9"),
            Code::UnknownCriterion,
        ),
        (
            "self-assessed unknown",
            full().with_self_assessed("99", "1".parse().unwrap()),
            Code::UnknownCriterion,
        ),
        ("no band", with(full(), "pt", num("10")), Code::NoBand),
        (
            "negative for deduct",
            with(full(), "x", num("5")),
            Code::NegativeValue,
        ),
        (
            "zero max",
            ["1", "2", "3", "4", "5", "6"]
                .iter()
                .fold(full(), |u, id| u.with_not_applicable(*id)),
            Code::ZeroMax,
        ),
        (
            "grade condition",
            with(full(), "g", RawValue::Null),
            Code::MissingInput,
        ),
        (
            "grade refused",
            with(full(), "g", num("2")),
            Code::WrongValueType,
        ),
    ];
    let mut missing_id = full();
    missing_id.id = None;
    let mut all = cases;
    all.push(("missing id", missing_id, Code::MissingUnitId));
    for (what, unit, code) in &all {
        let r = rs.score(unit);
        for i in issues(&r, *code) {
            check_issue(what, i);
        }
    }
    // Labels travel with the input's name; options are listed.
    let r = rs.score(&with(full(), "chon", RawValue::Text("som".into())));
    let i = issues(&r, Code::UnknownChoice)[0];
    assert_eq!(
        i.message.render(Lang::En),
        "`som` is not an option of `chon` (Ban hành kế hoạch); use one of: `kip_thoi`, `cham`"
    );
    assert_eq!(
        i.message.render(Lang::Vi),
        "`som` không phải là phương án của `chon` (Ban hành kế hoạch); hãy chọn một trong: `kip_thoi`, `cham`"
    );
    // Numbers in text use the language's separator.
    let r = rs.score(&with(full(), "dem", num("1.5")));
    let i = issues(&r, Code::NotWholeNumber)[0];
    assert!(
        i.message.render(Lang::Vi).ends_with("không thể là 1,5"),
        "{}",
        i.message
    );
    assert!(i.message.render(Lang::En).ends_with("not 1.5"));
    // A duplicate id in a batch.
    let b = rs.score_batch(&[full(), full()]);
    for r in &b.results {
        for i in issues(r, Code::DuplicateUnitId) {
            check_issue("duplicate id", i);
        }
    }
}

#[test]
fn data_file_errors_read_in_both_languages() {
    let file_errors: &[(&str, &str, DataFormat, Code)] = &[
        ("empty yaml", "", DataFormat::Yaml, Code::DataShape),
        ("scalar", "42", DataFormat::Yaml, Code::DataShape),
        (
            "units twice",
            "units: []\nunits: []\n",
            DataFormat::Yaml,
            Code::DuplicateKey,
        ),
        (
            "beside units",
            "units: []\nother: 1\n",
            DataFormat::Yaml,
            Code::DataShape,
        ),
        (
            "units not a list",
            "units: 3\n",
            DataFormat::Yaml,
            Code::DataShape,
        ),
        ("empty csv", "", DataFormat::Csv, Code::EmptyCsv),
        ("no rows", "id;dem\n", DataFormat::Csv, Code::EmptyCsv),
        (
            "column twice",
            "id;dem;dem\na;1;2\n",
            DataFormat::Csv,
            Code::DuplicateKey,
        ),
    ];
    for (what, text, f, code) in file_errors {
        let e = cchc::read_units(text, *f, "d")
            .err()
            .unwrap_or_else(|| panic!("{what}"));
        let d = &e.diagnostics()[0];
        assert_eq!(d.code, *code, "{what}");
        let (vi, en) = (d.message.render(Lang::Vi), d.message.render(Lang::En));
        assert_vietnamese(what, &vi);
        assert_english(what, &en);
        if let Some(h) = &d.help {
            assert_vietnamese(what, &h.render(Lang::Vi));
        }
        for l in &d.labels {
            assert_vietnamese(what, &l.message.render(Lang::Vi));
        }
    }
    let unit_problems: &[(&str, &str, DataFormat, Code)] = &[
        (
            "key twice",
            "- { id: a, id: b }\n",
            DataFormat::Yaml,
            Code::DuplicateKey,
        ),
        (
            "unknown key",
            "- { id: a, valeus: {} }\n",
            DataFormat::Yaml,
            Code::UnknownKey,
        ),
        (
            "unknown key far",
            "- { id: a, zzzzzz: 1 }\n",
            DataFormat::Yaml,
            Code::UnknownKey,
        ),
        (
            "row length",
            "id;dem\na;1;2\n",
            DataFormat::Csv,
            Code::InvalidUnit,
        ),
        (
            "unnamed column",
            "id;dem;\na;1;x\n",
            DataFormat::Csv,
            Code::UnknownKey,
        ),
    ];
    for (what, text, f, code) in unit_problems {
        let units = cchc::read_units(text, *f, "d").unwrap_or_else(|e| panic!("{what}: {e}"));
        let p = units[0]
            .problems
            .iter()
            .find(|p| p.code == *code)
            .unwrap_or_else(|| panic!("{what}: {:?}", units[0].problems));
        check_issue(what, p);
    }
    // Values the data cannot hold, reported when the unit is scored.
    let rs = small();
    for (what, text) in [
        ("list value", "- { id: a, values: { so: [1] } }\n"),
        ("map value", "- { id: a, values: { so: { a: 1 } } }\n"),
        ("nan value", "- { id: a, values: { so: .nan } }\n"),
    ] {
        let units = cchc::read_units(text, DataFormat::Yaml, "d").unwrap();
        let r = rs.score(&units[0]);
        let e = r
            .errors
            .iter()
            .find(|e| e.message.render(Lang::En).contains("cannot be used"))
            .unwrap_or_else(|| panic!("{what}: {:?}", r.errors));
        check_issue(what, e);
    }
}

#[test]
fn rule_declaration_errors_read_in_both_languages() {
    let bad = |rule: &str, max: &str| {
        format!(
            "format: cchc/1\nid: t\nversion: \"1\"\ntitle: T\ntotal: {max}\ninputs:\n  n: {{ type: number }}\n  c: {{ type: choice, options: [a, b] }}\ncriteria:\n  - {{ id: \"1\", title: T, max: {max}, rule: {rule} }}\n"
        )
    };
    let cases = [
        (
            "no steps",
            "{ bands: { input: n, steps: [] } }",
            Code::BandsNoSteps,
        ),
        (
            "band points",
            "{ bands: { input: n, steps: [ { at_least: 1, points: 5 } ] } }",
            Code::PointsOutOfRange,
        ),
        (
            "deduct per",
            "{ deduct: { input: n, per: 0 } }",
            Code::InvalidDeduct,
        ),
        (
            "deduct floor",
            "{ deduct: { input: n, per: 1, floor: 9 } }",
            Code::InvalidDeduct,
        ),
        (
            "per points",
            "{ per: { input: n, points: 0 } }",
            Code::InvalidPer,
        ),
        (
            "scale",
            "{ scale: { input: n, from: 1, to: 1 } }",
            Code::InvalidScale,
        ),
        (
            "levels option",
            "{ levels: { input: c, points: { a: 1, b: 0, z: 1 } } }",
            Code::UnknownOption,
        ),
        (
            "levels points",
            "{ levels: { input: c, points: { a: 5, b: 0 } } }",
            Code::PointsOutOfRange,
        ),
        (
            "levels incomplete",
            "{ levels: { input: c, points: { a: 1 } } }",
            Code::LevelsIncomplete,
        ),
    ];
    for (what, rule, code) in cases {
        let e = Ruleset::from_yaml_str(&bad(rule, "2"), "r.yaml")
            .err()
            .unwrap_or_else(|| panic!("{what}"));
        let d = e
            .diagnostics()
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("{what}: {:?}", e.diagnostics()));
        assert_vietnamese(what, &d.message.render(Lang::Vi));
        assert_english(what, &d.message.render(Lang::En));
    }
    // Unreachable steps are a warning with a help sentence.
    let rs = Ruleset::from_yaml_str(
        &bad(
            "{ bands: { input: n, steps: [ { at_least: 1, points: 1 }, { at_least: 5, points: 2 }, { at_least: 9, below: 3, points: 2 } ] } }",
            "2",
        ),
        "r.yaml",
    )
    .unwrap();
    let w: Vec<_> = rs
        .warnings()
        .iter()
        .filter(|d| d.code == Code::UnreachableBand)
        .collect();
    assert_eq!(w.len(), 2, "{w:?}");
    for d in w {
        assert_vietnamese("unreachable", &d.message.render(Lang::Vi));
        assert_english("unreachable", &d.message.render(Lang::En));
        assert_vietnamese(
            "unreachable help",
            &d.help.as_ref().unwrap().render(Lang::Vi),
        );
    }
}

/// Unit problems whose message names what the data holds (`a list`, `a number`): those words
/// come from the YAML reader's `describe`, which helper "loadmsg" turns into a message.
#[test]
fn unit_shape_problems_read_in_both_languages() {
    let unit_problems: &[(&str, &str, Code)] = &[
        ("not a mapping", "- 3\n", Code::InvalidUnit),
        ("id not text", "- { id: [1] }\n", Code::InvalidUnit),
        (
            "values not a mapping",
            "- { id: a, values: 3 }\n",
            Code::InvalidUnit,
        ),
        (
            "na item",
            "- { id: a, not_applicable: [[1]] }\n",
            Code::InvalidUnit,
        ),
        (
            "na not a list",
            "- { id: a, not_applicable: 3 }\n",
            Code::InvalidUnit,
        ),
    ];
    for (what, text, code) in unit_problems {
        let units = cchc::read_units(text, DataFormat::Yaml, "d").unwrap();
        let p = units[0]
            .problems
            .iter()
            .find(|p| p.code == *code)
            .unwrap_or_else(|| panic!("{what}: {:?}", units[0].problems));
        check_issue(what, p);
    }
}
