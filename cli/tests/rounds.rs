//! Assessment rounds on the command line: the departments' example in three rounds (the table
//! with a column per round and the change, as of the first round, one unit's explanation, CSV
//! and JSON), a unit without some rounds, and `--round` with an id the ruleset does not declare;
//! in Vietnamese (the default) and English.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test; the text is sliced at ASCII markers it found."
)]

use std::path::{Path, PathBuf};
use std::process::Command;

const RULES: &str = "rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml";
const DATA: &str = "examples/thach-that-2021/phong-chuyen-mon-3-vong.yaml";
const NO_ROUNDS: &str = "rules/ha-noi/thach-that/xa-thi-tran/2021.yaml";
const NO_ROUNDS_DATA: &str = "examples/thach-that-2021/xa-thi-tran.csv";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `cchc args…` in `dir` (`CCHC_LANG` and `NO_COLOR` unset): (exit code, stdout, stderr).
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(args)
        .current_dir(dir)
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

/// Runs `cchc --lang <lang> args…` from the repository's root.
fn run(lang: &str, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    run_in(&root(), &all)
}

/// A scratch folder for one test, holding a copy of the department ruleset as `rules.yaml`.
fn scratch(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("rounds-{name}"));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).unwrap();
    std::fs::copy(root().join(RULES), p.join("rules.yaml")).unwrap();
    p
}

/// The example's text block of the unit with this id (from its `  - id:` line to the next).
fn unit_block(id: &str) -> String {
    let text = std::fs::read_to_string(root().join(DATA)).unwrap();
    let start = text.find(&format!("  - id: {id}\n")).unwrap();
    let rest = &text[start..];
    let end = rest[1..].find("\n  - id: ").map_or(rest.len(), |e| e + 2);
    rest[..end].to_string()
}

#[test]
fn table_with_a_column_per_round_in_both_languages() {
    for lang in ["vi", "en"] {
        let (code, out, err) = run(lang, &["score", RULES, DATA]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("rounds_table_{lang}"), out);
    }
    let (_, vi, _) = run("vi", &["score", RULES, DATA]);
    assert!(
        vi.contains(
            "Xếp loại      Tự chấm điểm  Thẩm định lần 1  Thẩm định lần 2 (sau giải trình)  Chênh lệch  Trạng thái"
        ),
        "{vi}"
    );
    // Phòng Lao động: 88,09 claimed, 84,54 after the council, 85,05 after its explanation.
    let line = vi.lines().find(|l| l.contains("Phòng Lao động")).unwrap();
    assert!(line.contains("85,05    Tốt           88,09         84,54            85,05"));
    assert!(line.contains("-3,04"), "{line}");
    let (_, en, _) = run("en", &["score", RULES, DATA]);
    assert!(en.contains("Change  Status"), "{en}");
}

/// As of the first round: only that round's column, each unit's self-assessment ranked.
#[test]
fn as_of_the_self_assessment() {
    for lang in ["vi", "en"] {
        let (code, out, err) = run(lang, &["score", RULES, DATA, "--round", "tu_cham"]);
        assert_eq!(code, 0, "{err}");
        assert!(!out.contains("Thẩm định lần 1"), "{out}");
        insta::assert_snapshot!(format!("rounds_as_of_tu_cham_{lang}"), out);
    }
    let (_, vi, _) = run("vi", &["score", RULES, DATA, "--round", "tu_cham"]);
    let first = vi.lines().find(|l| l.starts_with("1 ")).unwrap();
    assert!(first.contains("Phòng Nội vụ"), "{vi}");
    assert!(first.contains("94,25      98,50   95,69"), "{vi}");
    // The same figures in JSON: each unit's official round is the one asked for.
    let (_, json, _) = run(
        "en",
        &[
            "score", RULES, DATA, "--round", "tu_cham", "--format", "json", "--detail", "summary",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for r in v["results"].as_array().unwrap() {
        assert_eq!(r["round"], "tu_cham");
        assert_eq!(r["rounds"].as_array().unwrap().len(), 1);
    }
    assert_eq!(v["ranking"][0]["id"], "noi-vu");
    assert_eq!(v["ranking"][0]["index"], serde_json::json!(95.69));
}

/// One unit's explanation: the index by round, each criterion's points by round where they
/// change, the notes of each round, the evidence, the explanations, the council's set marks
/// with their trace, and the `no_evidence` warnings.
#[test]
fn explain_of_a_unit_with_rounds_in_both_languages() {
    let dir = scratch("explain");
    std::fs::write(
        dir.join("one.yaml"),
        format!("units:\n{}", unit_block("lao-dong-tbxh")),
    )
    .unwrap();
    for lang in ["vi", "en"] {
        let (code, out, err) = run_in(
            &dir,
            &[
                "--lang",
                lang,
                "score",
                "rules.yaml",
                "one.yaml",
                "--explain",
            ],
        );
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("rounds_explain_{lang}"), out);
    }
    let (_, vi, _) = run_in(&dir, &["score", "rules.yaml", "one.yaml", "--explain"]);
    for want in [
        "các vòng (chỉ số): Tự chấm điểm 88,09 → Thẩm định lần 1 84,54 → Thẩm định lần 2 (sau giải trình) 85,05; chênh lệch -3,04",
        "3.3 Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (tính cả hồ sơ đang giải quyết quá hạn) — 3,50/4,00: 3,50 điểm do vòng Thẩm định lần 2 (sau giải trình) cho: Chấp nhận giải trình",
        "điểm qua các vòng: Tự chấm điểm 4,00 → Thẩm định lần 1 3,00 → Thẩm định lần 2 (sau giải trình) 3,50; chênh lệch -0,50",
        "ghi chú (Thẩm định lần 1): Phần mềm Một cửa ghi 13 hồ sơ giải quyết quá hạn",
        "giải trình: 8 trong 13 hồ sơ quá hạn",
        "tài liệu kiểm chứng: Báo cáo thống kê từ phần mềm Một cửa điện tử năm 2021",
        "ghi chú (Tự chấm điểm): Phòng tự chấm tối đa",
    ] {
        assert!(vi.contains(want), "{want}\n{vi}");
    }
    // A criterion whose points are the same in every round has no line of rounds.
    let after_41 = vi.split("    4.1 ").nth(1).unwrap();
    let next = after_41.lines().nth(1).unwrap();
    assert!(!next.contains("điểm qua các vòng"), "{after_41}");
}

/// A unit that gives only its self-assessment, one without the last round: `—` in the
/// columns of the rounds it lacks; as of the last round, those units are shown as of their
/// last round (warning `round_absent`) and not ranked.
#[test]
fn units_without_some_rounds() {
    let dir = scratch("absent");
    let full = unit_block("tu-phap");
    let only_first = unit_block("noi-vu");
    let only_first = &only_first[..only_first.find("    rounds:\n").unwrap()];
    let two = unit_block("kinh-te");
    let two = &two[..two.find("      chot_diem:\n").unwrap()];
    std::fs::write(
        dir.join("some.yaml"),
        format!("units:\n{full}{only_first}{two}"),
    )
    .unwrap();
    let (code, out, err) = run_in(&dir, &["--lang", "en", "score", "rules.yaml", "some.yaml"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("rounds_absent_en", out);
    let nv = out.lines().find(|l| l.contains("Phòng Nội vụ")).unwrap();
    assert!(
        nv.contains("95.69         —                —      "),
        "{out}"
    );
    let (code, out, err) = run_in(
        &dir,
        &[
            "--lang",
            "en",
            "score",
            "rules.yaml",
            "some.yaml",
            "--round",
            "chot_diem",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let ranked: Vec<&str> = out.lines().filter(|l| l.starts_with("1 ")).collect();
    assert_eq!(ranked.len(), 1, "{out}");
    assert!(ranked[0].contains("Phòng Tư pháp"), "{out}");
    assert!(out.contains("3 units, 1 ranked"), "{out}");
    let (_, json, _) = run_in(
        &dir,
        &[
            "score",
            "rules.yaml",
            "some.yaml",
            "--round",
            "chot_diem",
            "--format",
            "json",
            "--detail",
            "summary",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kt = &v["results"][2];
    assert_eq!(kt["round"], "tham_dinh");
    assert!(
        kt["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "round_absent"),
        "{kt}"
    );
    assert_eq!(v["ranking"].as_array().unwrap().len(), 1);
}

/// CSV: each round's total and index, then the change, before the criteria.
#[test]
fn csv_has_each_rounds_figures() {
    let (code, out, err) = run("en", &["score", RULES, DATA, "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    let head = lines.next().unwrap();
    assert!(
        head.starts_with(
            "id,name,kind,status,total,max,index,grade,total:tu_cham,index:tu_cham,total:tham_dinh,index:tham_dinh,total:chot_diem,index:chot_diem,change,1,1.1,"
        ),
        "{head}"
    );
    let ld = lines.find(|l| l.starts_with("lao-dong-tbxh,")).unwrap();
    assert!(
        ld.contains(",complete,83.77,98.5,85.05,tot,86.77,88.09,83.27,84.54,83.77,85.05,-3.04,"),
        "{ld}"
    );
    let (_, vi, _) = run("vi", &["score", RULES, DATA, "--format", "csv"]);
    let head = vi.lines().next().unwrap();
    assert!(
        head.contains(
            ";Tổng điểm (Tự chấm điểm);Chỉ số (Tự chấm điểm);Tổng điểm (Thẩm định lần 1);"
        ),
        "{head}"
    );
    assert!(head.contains(";Chênh lệch;Tiêu chí 1;"), "{head}");
}

/// JSON carries the rounds of the contract: the official round, each round's figures, and per
/// criterion its points by round, change, notes, evidence and explanation.
#[test]
fn json_carries_the_rounds() {
    let (code, out, err) = run("vi", &["score", RULES, DATA, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let r = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"]["id"] == "lao-dong-tbxh")
        .unwrap();
    assert_eq!(r["round"], "chot_diem");
    let rounds: Vec<_> = r["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["id"].as_str().unwrap(), x["index"].to_string()))
        .collect();
    assert_eq!(
        rounds,
        [
            ("tu_cham", "88.09".to_string()),
            ("tham_dinh", "84.54".to_string()),
            ("chot_diem", "85.05".to_string())
        ]
    );
    assert_eq!(r["rounds"][0]["label"], "Tự chấm điểm");
    fn find<'a>(nodes: &'a serde_json::Value, id: &str) -> Option<&'a serde_json::Value> {
        nodes.as_array()?.iter().find_map(|n| {
            if n["id"] == id {
                Some(n)
            } else {
                find(&n["children"], id)
            }
        })
    }
    let n = find(&r["criteria"], "3.3").unwrap();
    assert_eq!(
        n["rounds"],
        serde_json::json!({"tu_cham": 4, "tham_dinh": 3, "chot_diem": 3.5})
    );
    assert_eq!(n["change"], serde_json::json!(-0.5));
    assert_eq!(
        n["notes"]["tham_dinh"],
        "Phần mềm Một cửa ghi 13 hồ sơ giải quyết quá hạn"
    );
    assert_eq!(
        n["evidence"],
        serde_json::json!(["Báo cáo thống kê từ phần mềm Một cửa điện tử năm 2021"])
    );
    assert!(
        n["explanation"]
            .as_str()
            .unwrap()
            .starts_with("8 trong 13 hồ sơ")
    );
    // Every department misses evidence somewhere or not: the warnings are the official
    // round's, and some departments have them.
    let with_warnings = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w["code"] == "no_evidence")
        })
        .count();
    assert!((1..12).contains(&with_warnings), "{with_warnings}");
}

/// `--round` with an id the ruleset does not declare: exit 2, nothing on standard output, the
/// coded problem placed at the rule file's `rounds:` and naming the rounds; for a ruleset
/// without rounds, the problem says so.
#[test]
fn unknown_round_in_both_languages() {
    let dir = scratch("unknown");
    for lang in ["vi", "en"] {
        let (code, out, err) = run_in(
            &dir,
            &[
                "--lang",
                lang,
                "score",
                "rules.yaml",
                &root().join(DATA).display().to_string(),
                "--round",
                "tham_dinh_2",
            ],
        );
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        assert!(err.contains("[unknown_round]"), "{err}");
        assert!(err.contains("--> rules.yaml:"), "{err}");
        assert!(err.contains("`tu_cham`, `tham_dinh`, `chot_diem`"), "{err}");
        insta::assert_snapshot!(format!("rounds_unknown_{lang}"), err);
    }
    for lang in ["vi", "en"] {
        let (code, out, err) = run(
            lang,
            &["score", NO_ROUNDS, NO_ROUNDS_DATA, "--round", "tu_cham"],
        );
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        assert!(err.contains("[unknown_round]"), "{err}");
        insta::assert_snapshot!(format!("rounds_unknown_no_rounds_{lang}"), err);
    }
}

/// The spec's worked example (total 10; `a` by bands on `p`, `b` by `k`; three rounds).
const WORKED: &str = "format: cchc/1
id: vi-du.vong
version: \"1\"
title: Ví dụ ba vòng
total: 10
rounds:
  - { id: tu_cham, label: Tự chấm điểm }
  - { id: tham_dinh, label: Thẩm định lần 1 }
  - { id: chot_diem, label: Thẩm định lần 2 }
inputs:
  p: { type: percent }
  k: { type: bool }
criteria:
  - id: a
    title: Tỷ lệ
    max: 4
    rule: { bands: { input: p, steps: [ { at_least: 90, points: 4 }, { at_least: 70, points: 2 }, { points: 0 } ] } }
  - { id: b, title: Kiểm tra, max: 6, rule: { check: k } }
";

/// The same units in YAML and in CSV (a `round` column; a later row gives only what changes):
/// the same table, CSV output and JSON; the worked example's figures (100 → 50 → 70).
#[test]
fn rounds_from_csv_and_yaml_agree() {
    let dir = scratch("csv");
    std::fs::write(dir.join("worked.yaml"), WORKED).unwrap();
    std::fs::write(
        dir.join("units.yaml"),
        "units:
  - id: u
    values: { p: 95, k: true }
    rounds:
      tham_dinh: { values: { p: 80 }, points: { b: 3 }, notes: { b: Thiếu biên bản } }
      chot_diem: { values: { p: 91 } }
  - id: v
    values: { p: 75, k: false }
    rounds:
      tham_dinh: { values: { p: 72 } }
",
    )
    .unwrap();
    std::fs::write(
        dir.join("units.csv"),
        "id;round;p;k;points:b;notes:b
u;tu_cham;95;có;;
u;tham_dinh;80;;3;Thiếu biên bản
u;chot_diem;91;;;
v;;75;không;;
v;tham_dinh;72;;;
",
    )
    .unwrap();
    let mut outputs = Vec::new();
    for data in ["units.yaml", "units.csv"] {
        let mut one = Vec::new();
        for extra in [
            &[][..],
            &["--round", "tham_dinh"][..],
            &["--format", "csv", "--csv", "plain"][..],
            &["--format", "json", "--detail", "data"][..],
        ] {
            let mut args = vec!["--lang", "en", "score", "worked.yaml", data];
            args.extend_from_slice(extra);
            let (code, out, err) = run_in(&dir, &args);
            assert_eq!(code, 0, "{data} {extra:?}: {err}");
            one.push(out);
        }
        outputs.push(one);
    }
    assert_eq!(outputs[0], outputs[1]);
    let table = &outputs[0][0];
    let u = table.lines().find(|l| l.contains(" u ")).unwrap();
    assert!(
        u.contains("7.00      10.00   70.00    -             100.00        50.00            70.00            -30.00"),
        "{table}"
    );
    let v = table.lines().find(|l| l.contains(" v ")).unwrap();
    assert!(v.contains("—"), "{table}");
    let as_of = &outputs[0][1];
    assert!(!as_of.contains("Thẩm định lần 2"), "{as_of}");
}
