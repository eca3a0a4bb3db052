//! `cchc sensitivity`, `cchc improve` and `cchc compare` on the shipped examples: text (insta
//! snapshots, Vietnamese and English), JSON, CSV, reproducible draws, and refused input.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test."
)]

use std::path::{Path, PathBuf};
use std::process::Command;

const XA: &str = "rules/ha-noi/thach-that/xa-thi-tran/2021.yaml";
const XA_DATA: &str = "examples/thach-that-2021/xa-thi-tran.csv";
const PHONG: &str = "rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml";
const PHONG_DATA: &str = "examples/thach-that-2021/phong-chuyen-mon.yaml";
const PHONG_3: &str = "examples/thach-that-2021/phong-chuyen-mon-3-vong.yaml";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `cchc --lang <lang> args…` from the repository's root: (exit code, stdout, stderr).
fn run(lang: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .arg("--lang")
        .arg(lang)
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("CCHC_LANG")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("analysis-{name}"));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).unwrap();
    p
}

#[test]
fn sensitivity_text_on_the_communes() {
    let (code, out, err) = run(
        "vi",
        &["sensitivity", XA, XA_DATA, "--draws", "200", "--seed", "1"],
    );
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("sensitivity_vi", out);
    let (code, out, err) = run(
        "en",
        &["sensitivity", XA, XA_DATA, "--draws", "200", "--seed", "1"],
    );
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("sensitivity_en", out);
}

#[test]
fn sensitivity_json_is_reproducible_and_matches_the_scores() {
    let args = [
        "sensitivity",
        XA,
        XA_DATA,
        "--draws",
        "300",
        "--seed",
        "7",
        "--format",
        "json",
    ];
    let (code, a, err) = run("en", &args);
    assert_eq!(code, 0, "{err}");
    let (_, b, _) = run("en", &args);
    assert_eq!(a, b);
    let v: serde_json::Value = serde_json::from_str(&a).unwrap();
    let (_, scored, _) = run(
        "en",
        &[
            "score", XA, XA_DATA, "--format", "json", "--detail", "summary",
        ],
    );
    let s: serde_json::Value = serde_json::from_str(&scored).unwrap();
    // Every ranked unit is analysed, with the batch's index and rank.
    let ranking = s["ranking"].as_array().unwrap();
    let units = v["units"].as_array().unwrap();
    assert_eq!(units.len(), ranking.len());
    for e in ranking {
        let u = units.iter().find(|u| u["id"] == e["id"]).unwrap();
        assert_eq!(u["index"], e["index"]);
        assert_eq!(u["rank"], e["rank"]);
        let mc = &u["monte_carlo"];
        assert!(mc["rank_p5"].as_u64() <= mc["median_rank"].as_u64());
        assert!(mc["median_rank"].as_u64() <= mc["rank_p95"].as_u64());
        let total: u64 = mc["grades"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["count"].as_u64().unwrap())
            .sum();
        assert_eq!(total, 300);
        assert_eq!(
            u["leave_one_out"].as_array().unwrap().len(),
            v["areas"].as_array().unwrap().len()
        );
    }
    assert_eq!(v["not_analysed"].as_array().unwrap().len(), 2);
    // Another seed draws otherwise.
    let (_, c, _) = run(
        "en",
        &[
            "sensitivity",
            XA,
            XA_DATA,
            "--draws",
            "300",
            "--seed",
            "8",
            "--format",
            "json",
        ],
    );
    assert_ne!(a, c);
}

#[test]
fn sensitivity_refuses_a_bad_range() {
    let (code, _, err) = run("en", &["sensitivity", XA, XA_DATA, "--range", "1.5"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid_value"), "{err}");
    assert!(err.contains("range"), "{err}");
}

#[test]
fn improve_text_and_json() {
    let (code, out, err) = run("vi", &["improve", XA, XA_DATA, "--unit", "dai-dong"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("improve_vi", out);
    let (code, out, err) = run(
        "en",
        &[
            "improve", PHONG, PHONG_DATA, "--unit", "tu-phap", "--format", "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["losses"].is_array());
    assert!(v["next_grade"]["outcome"].is_string());
}

#[test]
fn improve_with_rounds_and_an_unknown_unit() {
    let (code, out, err) = run("en", &["improve", PHONG, PHONG_3, "--unit", "tu-phap"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.is_empty());
    let (code, _, err) = run("en", &["improve", XA, XA_DATA, "--unit", "khong-co"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid_value") && err.contains("khong-co"),
        "{err}"
    );
}

#[test]
fn compare_two_years() {
    let dir = scratch("compare");
    let a = dir.join("a.json");
    let (code, _, err) = run(
        "en",
        &[
            "score",
            XA,
            XA_DATA,
            "--format",
            "json",
            "--out",
            a.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1, "{err}"); // two units are incomplete
    // "Next year": the data with one unit's values changed and one unit removed.
    let csv = std::fs::read_to_string(root().join(XA_DATA)).unwrap();
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    let removed = lines.remove(lines.len() - 1);
    let removed_id = removed.split(';').next().unwrap().to_string();
    let data = dir.join("b.csv");
    std::fs::write(&data, lines.join("\r\n") + "\r\n").unwrap();
    let b = dir.join("b.json");
    run(
        "en",
        &[
            "score",
            XA,
            data.to_str().unwrap(),
            "--format",
            "json",
            "--out",
            b.to_str().unwrap(),
        ],
    );
    let (code, out, err) = run(
        "en",
        &[
            "compare",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["only_a"][0]["id"], removed_id.as_str());
    assert_eq!(v["same_ruleset"], true);
    // A file with itself: all zero.
    let (code, out, _) = run(
        "vi",
        &[
            "compare",
            a.to_str().unwrap(),
            a.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["unchanged"], true);
    for u in v["units"].as_array().unwrap() {
        assert!(u["index_change"].is_null() || u["index_change"] == 0, "{u}");
        assert!(u["rank_change"].is_null() || u["rank_change"] == 0, "{u}");
    }
    let (code, out, _) = run(
        "en",
        &[
            "compare",
            a.to_str().unwrap(),
            a.to_str().unwrap(),
            "--format",
            "csv",
        ],
    );
    assert_eq!(code, 0);
    assert!(out.starts_with("id,name,kind,status_a,"), "{out}");
    let (code, out, _) = run("vi", &["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("Chỉ có trong tệp thứ nhất"), "{out}");
}

#[test]
fn compare_refuses_what_is_not_a_results_file() {
    let (code, _, err) = run("en", &["compare", XA, XA_DATA]);
    assert_eq!(code, 2);
    assert!(err.contains("data_syntax"), "{err}");
}

/// With two ranking groups, `cchc sensitivity` ranks as `cchc score` does: within the
/// ruleset's groups by default, each kind with `--group-by-kind`, all together with
/// `--no-groups`.
#[test]
fn sensitivity_ranks_as_score_does_with_ranking_groups() {
    let dir = scratch("groups");
    let rules = dir.join("t.yaml");
    std::fs::write(
        &rules,
        "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 4\nranking:\n  method: competition\n  groups:\n    - { id: xa, label: Xã, kinds: [xa, thi_tran] }\n    - { id: phuong, label: Phường, kinds: [phuong] }\ngrades:\n  - { id: tot, label: Tốt, at_least: 75 }\n  - { id: kha, label: Khá, at_least: 0 }\ninputs: { a: { type: bool }, b: { type: bool } }\ncriteria:\n  - { id: '1', title: A, max: 2, rule: { check: a } }\n  - { id: '2', title: B, max: 2, rule: { check: b } }\n",
    )
    .unwrap();
    let data = dir.join("d.json");
    std::fs::write(
        &data,
        r#"[
        {"id": "x1", "kind": "xa", "values": {"a": true, "b": false}},
        {"id": "p1", "kind": "phuong", "values": {"a": true, "b": true}},
        {"id": "t1", "kind": "thi_tran", "values": {"a": true, "b": true}},
        {"id": "p2", "kind": "phuong", "values": {"a": false, "b": false}},
        {"id": "k1", "values": {"a": false, "b": true}}
    ]"#,
    )
    .unwrap();
    let (rules, data) = (rules.display().to_string(), data.display().to_string());
    let mut seen = Vec::new();
    for flag in [None, Some("--group-by-kind"), Some("--no-groups")] {
        let mut sens = vec![
            "sensitivity",
            &rules,
            &data,
            "--draws",
            "20",
            "--range",
            "0",
            "--format",
            "json",
        ];
        let mut score = vec![
            "score", &rules, &data, "--format", "json", "--detail", "summary",
        ];
        sens.extend(flag);
        score.extend(flag);
        let (code, out, err) = run("en", &sens);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let (_, scored, _) = run("en", &score);
        let s: serde_json::Value = serde_json::from_str(&scored).unwrap();
        let ranking = s["ranking"].as_array().unwrap();
        let units = v["units"].as_array().unwrap();
        assert_eq!(units.len(), 5);
        let mut ranks = Vec::new();
        for e in ranking {
            let u = units.iter().find(|u| u["id"] == e["id"]).unwrap();
            assert_eq!(u["rank"], e["rank"], "{flag:?} {}", e["id"]);
            assert_eq!(u["monte_carlo"]["median_rank"], e["rank"], "{flag:?}");
            ranks.push((e["id"].to_string(), e["rank"].as_u64().unwrap()));
        }
        ranks.sort();
        seen.push(ranks);
    }
    // The three groupings rank differently here.
    assert_ne!(seen[0], seen[1]);
    assert_ne!(seen[0], seen[2]);
    assert_ne!(seen[1], seen[2]);
    let (code, _, err) = run(
        "en",
        &[
            "sensitivity",
            &rules,
            &data,
            "--group-by-kind",
            "--no-groups",
        ],
    );
    assert_eq!(code, 2, "{err}");
}
