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
