//! The shipped Thạch Thất commune set on its example data, through the command line: the
//! survey switch `khao_sat` (held: a blank survey cell makes the unit incomplete; not held: the
//! survey criteria leave every unit's maximum alike) and the ruleset's ranking group that ranks
//! xã and thị trấn together (the flag `--group-by-kind` still ranks each kind alone).
//! And every shipped rule file: its worked cases cover every leaf and every grade.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "Test helpers: a failed unwrap or a panic here is a failing test."
)]

use std::path::{Path, PathBuf};
use std::process::Command;

const RULES: &str = "rules/ha-noi/thach-that/xa-thi-tran/2021.yaml";
const DATA: &str = "examples/thach-that-2021/xa-thi-tran.csv";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `cchc --lang en args…` from the repository's root: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .arg("--lang")
        .arg("en")
        .args(args)
        .current_dir(root())
        .env_remove("CCHC_LANG")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["score", RULES];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json", "--detail", "summary"]);
    let (code, out, err) = run(&all);
    // Two units of the example miss data on purpose: exit 1, results printed.
    assert_eq!(code, 1, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn result<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"]["id"] == id)
        .unwrap_or_else(|| panic!("no unit {id}"))
}

fn rank_entry<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not ranked"))
}

/// The town and the communes form one group: Liên Quan (thi_tran) is ranked among the xã, and
/// the ranks run 1…21 without a second rank 1.
#[test]
fn xa_and_thi_tran_are_ranked_in_one_group() {
    let v = json(&[DATA]);
    let ranking = v["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 21, "23 units, 2 incomplete");
    assert!(
        ranking.iter().all(|r| r["group"] == "xa_thi_tran"),
        "{ranking:?}"
    );
    let ones = ranking.iter().filter(|r| r["rank"] == 1).count();
    assert_eq!(ones, 1, "one ranking, one first place: {ranking:?}");
    // Thạch Hòa 92.13 first, the town second with 90.91.
    assert_eq!(rank_entry(&v, "thach-hoa")["rank"], 1);
    assert_eq!(rank_entry(&v, "lien-quan")["rank"], 2);
    // Ties share a rank: Hạ Bằng and Đồng Trúc, Đại Đồng and Phú Kim.
    assert_eq!(
        rank_entry(&v, "ha-bang")["rank"],
        rank_entry(&v, "dong-truc")["rank"]
    );
    assert_eq!(
        rank_entry(&v, "dai-dong")["rank"],
        rank_entry(&v, "phu-kim")["rank"]
    );
}

/// The flag `--group-by-kind` overrides the ruleset's groups: the town is alone in its kind.
#[test]
fn group_by_kind_still_ranks_each_kind_alone() {
    let v = json(&[DATA, "--group-by-kind"]);
    assert_eq!(rank_entry(&v, "lien-quan")["rank"], 1);
    assert_eq!(rank_entry(&v, "thach-hoa")["rank"], 1);
}

/// The table prints the group's label above its ranking.
#[test]
fn the_table_shows_the_group() {
    let (code, out, err) = run(&["score", RULES, DATA]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("Xã, thị trấn"), "{out}");
}

/// Survey held (the default): every unit is scored on 100 (98 for Cần Kiệm, which had no
/// inter-agency records); not held: every unit loses the same 30 survey points from its
/// maximum, and the index is on the appraised points.
#[test]
fn the_survey_switch_applies_to_every_unit_alike() {
    let held = json(&[DATA]);
    let not_held = json(&[DATA, "--set", "khao_sat=false"]);
    for r in held["results"].as_array().unwrap() {
        let id = r["unit"]["id"].as_str().unwrap();
        let max = if id == "can-kiem" { 98 } else { 100 };
        assert_eq!(r["max"], serde_json::json!(max), "{id}");
        let off = result(&not_held, id);
        assert_eq!(off["max"], serde_json::json!(max - 30), "{id}");
    }
    // Thạch Hòa: 92.13 of 100 with the survey; its appraised points alone are 92.13 minus its
    // survey points 11.09 + 5.30 + 4.55 + 6.19 = 27.13, i.e. 65 of 70.
    let th = result(&not_held, "thach-hoa");
    assert_eq!(th["total"], serde_json::json!(65));
    assert_eq!(th["index"], serde_json::json!(92.86));
}

/// Survey held and one survey cell left blank: that unit is incomplete, on the same maximum.
#[test]
fn a_blank_survey_cell_is_missing_when_the_survey_is_held() {
    let text = std::fs::read_to_string(root().join(DATA)).unwrap();
    let mut lines = text.split("\r\n");
    let head = lines.next().unwrap();
    let col = head.split(';').position(|c| c == "khao_sat_pakn").unwrap();
    let row = lines.find(|l| l.starts_with("binh-phu;")).unwrap();
    let mut cells: Vec<&str> = row.split(';').collect();
    cells[col] = "";
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("shipped-sets-blank");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("one.csv");
    std::fs::write(&data, format!("{head}\r\n{}\r\n", cells.join(";"))).unwrap();
    let (code, out, err) = run(&[
        "score",
        RULES,
        data.to_str().unwrap(),
        "--format",
        "json",
        "--detail",
        "summary",
    ]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let r = result(&v, "binh-phu");
    assert_eq!(r["status"], "incomplete");
    assert_eq!(r["max"], serde_json::json!(100));
    assert!(r["grade"].is_null());
    assert_eq!(v["ranking"].as_array().unwrap().len(), 0);
}

/// Every rule file under `rules/`, sorted.
fn shipped_rule_files() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("rules"), &mut files);
    files.sort();
    files
        .iter()
        .map(|p| {
            p.strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// Issue #14: the worked cases (`tests:`) of every shipped rule file pass and exercise every
/// leaf's own rule and reach every grade (`cchc test --coverage`, kinds `leaf` and `grade` at
/// 100 %). The other kinds (band steps, level options, `applies_if` outcomes, bonus and
/// penalty) need not be complete.
#[test]
fn shipped_files_cover_every_leaf_and_grade() {
    let files = shipped_rule_files();
    assert!(files.len() >= 5, "{files:?}");
    let mut args = vec!["test", "--coverage", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{out}\n{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["failed"], 0);
    let coverage = v["coverage"].as_array().unwrap();
    assert_eq!(coverage.len(), files.len());
    for c in coverage {
        for kind in ["leaf", "grade"] {
            let k = c["kinds"]
                .as_array()
                .unwrap()
                .iter()
                .find(|k| k["kind"] == kind)
                .unwrap_or_else(|| panic!("{}: no kind {kind}", c["file"]));
            assert!(
                k["total"].as_u64().unwrap() > 0,
                "{}: no {kind} to cover",
                c["file"]
            );
            let missing: Vec<&serde_json::Value> = c["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["kind"] == kind && i["covered"] == false)
                .collect();
            assert_eq!(
                k["covered"], k["total"],
                "{}: {kind} not covered: {missing:?}",
                c["file"]
            );
        }
    }
}
