//! The command line in Vietnamese (the default) and English: snapshots of the shipped example's
//! ranking and of one unit's explanation, a broken rule file (`check`), a data file with bad
//! cells (`score`), the CSV styles (Excel: byte-order mark, `;`, decimal comma; plain), a
//! formula-injection cell, and how the language is chosen (`--lang`, `CCHC_LANG`).
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test."
)]

use std::path::{Path, PathBuf};
use std::process::Command;

const RULES: &str = "rules/ha-noi/thach-that/xa-thi-tran/2021.yaml";
const DATA: &str = "examples/thach-that-2021/xa-thi-tran.csv";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `cchc args…` in `dir` with `CCHC_LANG` set to `env` (or unset): (exit code, stdout,
/// stderr).
fn run_in(dir: &Path, env: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cchc"));
    c.args(args).current_dir(dir).env_remove("NO_COLOR");
    match env {
        Some(l) => c.env("CCHC_LANG", l),
        None => c.env_remove("CCHC_LANG"),
    };
    let out = c.output().unwrap();
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
    run_in(&root(), None, &all)
}

/// A scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("lang-{name}"));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).unwrap();
    p
}

#[test]
fn example_ranking_in_both_languages() {
    for lang in ["vi", "en"] {
        let (code, out, err) = run(lang, &["score", RULES, DATA, "--group-by-kind"]);
        // Two units of the example miss data on purpose.
        assert_eq!(code, 1, "{err}");
        insta::assert_snapshot!(format!("example_ranking_{lang}"), out);
    }
    let (_, vi, _) = run("vi", &["score", RULES, DATA]);
    assert!(vi.contains("Hạng  Đơn vị"), "{vi}");
    assert!(vi.contains("Tổng điểm  Tối đa  Chỉ số   Xếp loại"), "{vi}");
    assert!(vi.contains("79,30      100,00  79,30"), "{vi}");
    assert!(vi.contains("thiếu dữ liệu"), "{vi}");
    let (_, en, _) = run("en", &["score", RULES, DATA]);
    assert!(en.contains("79.30     100.00  79.30"), "{en}");
    assert!(en.contains("incomplete"), "{en}");
}

/// The explanation of one unit of the example (the header and its first row of data).
#[test]
fn example_explain_of_a_unit_in_both_languages() {
    let dir = scratch("explain");
    let text = std::fs::read_to_string(root().join(DATA)).unwrap();
    let one: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("id;") || l.starts_with("binh-yen;"))
        .collect();
    assert_eq!(one.len(), 2, "the example has the unit binh-yen");
    std::fs::write(dir.join("one.csv"), one.join("\n") + "\n").unwrap();
    std::fs::copy(root().join(RULES), dir.join("rules.yaml")).unwrap();
    for lang in ["vi", "en"] {
        let (code, out, err) = run_in(
            &dir,
            Some(lang),
            &["score", "rules.yaml", "one.csv", "--explain"],
        );
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("example_explain_{lang}"), out);
    }
    let (_, vi, _) = run_in(
        &dir,
        Some("vi"),
        &["score", "rules.yaml", "one.csv", "--explain"],
    );
    assert!(
        vi.contains("UBND xã Bình Yên (binh-yen) — 79,30 / 100,00, chỉ số 79,30, đủ dữ liệu"),
        "{vi}"
    );
}

const BROKEN: &str = "format: cchc/1
id: demo
version: \"1\"
title: Bộ tiêu chí thử
total: 2
inputs:
  kh: { type: bool, label: Ban hành kế hoạch CCHC }
  tl: { type: percent }
criteria:
  - { id: \"1\", titel: Kế hoạch, max: 1, rule: { check: kh } }
  - id: \"2\"
    title: Hoàn thành kế hoạch
    max: 1
    rule: { bands: { input: ty_le, steps: [ { at_least: 80, points: 1 }, { points: 0 } ] } }
";

#[test]
fn broken_rule_file_in_both_languages() {
    let dir = scratch("check");
    std::fs::write(dir.join("bad.yaml"), BROKEN).unwrap();
    for lang in ["vi", "en"] {
        let (code, out, err) = run_in(&dir, Some(lang), &["check", "bad.yaml"]);
        assert_eq!((code, out.as_str()), (1, ""));
        assert!(err.contains("--> bad.yaml:10:16"), "{err}");
        insta::assert_snapshot!(format!("check_broken_{lang}"), err);
    }
    let (_, _, vi) = run_in(&dir, Some("vi"), &["check", "bad.yaml"]);
    assert!(vi.contains("lỗi[unknown_key]"), "{vi}");
    assert!(vi.contains("= ghi chú: tiêu chí `1`"), "{vi}");
    assert!(vi.ends_with("Tìm thấy 3 lỗi.\n"), "{vi}");
}

const GOOD: &str = "format: cchc/1
id: demo
version: \"1\"
title: Bộ tiêu chí thử
total: 2
inputs:
  kh: { type: bool, label: Ban hành kế hoạch CCHC }
  tl: { type: percent }
criteria:
  - { id: \"1\", title: Kế hoạch, max: 1, rule: { check: kh } }
  - id: \"2\"
    title: Hoàn thành kế hoạch
    max: 1
    rule: { bands: { input: tl, steps: [ { at_least: 80, points: 1 }, { points: 0 } ] } }
";

/// Cells that are not values of their input: the units are in error, said in the table and in
/// the explanation.
#[test]
fn data_with_bad_cells_in_both_languages() {
    let dir = scratch("cells");
    std::fs::write(dir.join("rules.yaml"), GOOD).unwrap();
    std::fs::write(
        dir.join("units.csv"),
        "id;name;kh;tl\na;Xã A;có;85,5\nb;Xã B;có lẽ;90\nc;Xã C;không;nhiều\n",
    )
    .unwrap();
    for lang in ["vi", "en"] {
        let (code, out, err) = run_in(
            &dir,
            Some(lang),
            &["score", "rules.yaml", "units.csv", "--explain"],
        );
        assert_eq!(code, 1, "{err}");
        insta::assert_snapshot!(format!("bad_cells_{lang}"), format!("{out}{err}"));
    }
}

/// Rules with a decimal result, and data whose names and ids would run as formulas.
const CSV_RULES: &str = "format: cchc/1
id: demo
version: \"1\"
title: Ví dụ
total: 2
inputs:
  kh: { type: bool }
  tl: { type: percent }
criteria:
  - { id: \"1\", title: Kế hoạch, max: 1, rule: { check: kh } }
  - id: \"2\"
    title: Tỷ lệ
    max: 1
    rule: { scale: { input: tl, from: 0, to: 100 } }
";
const CSV_DATA: &str =
    "id;name;kh;tl\n=1+1;@SUM(A1);có;75,5\n-b;Xã B;không;40\nc;\"+x;y\";có;100\n";

#[test]
fn csv_styles_and_formula_cells() {
    let dir = scratch("csv");
    std::fs::write(dir.join("rules.yaml"), CSV_RULES).unwrap();
    std::fs::write(dir.join("units.csv"), CSV_DATA).unwrap();
    let score = |env: &str, extra: &[&str]| {
        let mut args = vec!["score", "rules.yaml", "units.csv", "--format", "csv"];
        args.extend_from_slice(extra);
        let (code, out, err) = run_in(&dir, Some(env), &args);
        assert!(code <= 1, "{err}");
        out
    };
    // Vietnamese: the Excel style by default.
    let excel = score("vi", &[]);
    assert!(
        excel.starts_with("\u{feff}Mã;Tên;Loại;Trạng thái;Tổng điểm"),
        "{excel}"
    );
    assert!(excel.contains(";Tiêu chí 1;Tiêu chí 2\n"), "{excel}");
    assert!(
        excel.contains("'=1+1;'@SUM(A1);;complete;1,76;2;88;;1;0,76\n"),
        "{excel}"
    );
    insta::assert_snapshot!("csv_excel_vi", excel);
    // English: plain by default; `--csv excel` forces the Excel style, headers in English.
    let plain = score("en", &[]);
    assert!(
        plain.starts_with("id,name,kind,status,total,max,index,grade,1,2\n"),
        "{plain}"
    );
    assert!(
        plain.contains("'=1+1,'@SUM(A1),,complete,1.76,2,88,,1,0.76\n"),
        "{plain}"
    );
    assert!(!plain.contains('\u{feff}'));
    insta::assert_snapshot!("csv_plain", plain);
    let excel_en = score("en", &["--csv", "excel"]);
    assert!(
        excel_en.starts_with("\u{feff}Id;Name;Kind;Status;Total"),
        "{excel_en}"
    );
    assert!(excel_en.contains(";1,76;2;88;"), "{excel_en}");
    // `--csv plain` in Vietnamese gives today's CSV.
    assert_eq!(score("vi", &["--csv", "plain"]), plain);
    // Every text cell is spreadsheet-safe: `-b` and `+x;y` too (quoted in the Excel style,
    // where `;` separates fields).
    assert!(plain.contains("\n'-b,"), "{plain}");
    assert!(
        excel.contains("\n\"'+x;y\";") || excel.contains("\nc;\"'+x;y\";"),
        "{excel}"
    );
}

#[test]
fn the_language_is_chosen_by_flag_then_environment() {
    let r = root();
    let args = ["score", RULES, DATA];
    let (_, default, _) = run_in(&r, None, &args);
    assert!(default.contains("Hạng  Đơn vị"), "{default}");
    let (_, env_en, _) = run_in(&r, Some("en-US"), &args);
    assert!(env_en.contains("Rank  Unit"), "{env_en}");
    // An unknown CCHC_LANG falls back to Vietnamese; the flag wins over the environment.
    let (_, env_bad, _) = run_in(&r, Some("fr"), &args);
    assert_eq!(env_bad, default);
    let (_, flag, _) = run_in(&r, Some("en"), &["--lang", "vi", "score", RULES, DATA]);
    assert_eq!(flag, default);
    // After the command too (a global flag).
    let (_, after, _) = run_in(&r, None, &["score", RULES, DATA, "--lang", "en"]);
    assert_eq!(after, env_en);
    // An unknown --lang is a usage error.
    let (code, out, err) = run_in(&r, None, &["--lang", "fr", "check", RULES]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("ngôn ngữ `fr` không được hỗ trợ"), "{err}");
    let (code, _, err) = run_in(&r, Some("en"), &["--lang", "fr", "check", RULES]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown language `fr`"), "{err}");
}

#[test]
fn check_and_test_summaries_in_both_languages() {
    let (code, out, _) = run("vi", &["check", RULES]);
    assert_eq!(code, 0);
    assert!(out.starts_with("hợp lệ: "), "{out}");
    assert!(
        out.contains("(48 tiêu chí, 46 dữ liệu đầu vào, 10 ca kiểm thử)"),
        "{out}"
    );
    let (_, out, _) = run("en", &["check", RULES]);
    assert!(out.contains("(48 criteria, 46 inputs, 10 tests)"), "{out}");
    let (code, out, _) = run("vi", &["test", RULES]);
    assert_eq!(code, 0);
    assert!(
        out.ends_with("Kết quả kiểm thử: 10 đạt, 0 không đạt\n"),
        "{out}"
    );
    let (_, out, _) = run("en", &["test", RULES]);
    assert!(out.ends_with("test result: 10 passed, 0 failed\n"), "{out}");
}

/// `cchc test` with a passing and a failing case: the outcome lines and the summary.
#[test]
fn test_outcomes_in_both_languages() {
    let dir = scratch("test");
    let text = format!(
        "{GOOD}tests:\n  - name: Đủ điểm\n    values: {{ kh: true, tl: 90 }}\n    expect: {{ total: 2 }}\n  - name: Sai tổng\n    values: {{ kh: true, tl: 90 }}\n    expect: {{ total: 1 }}\n"
    );
    std::fs::write(dir.join("t.yaml"), text).unwrap();
    for lang in ["vi", "en"] {
        let (code, out, err) = run_in(&dir, Some(lang), &["test", "t.yaml"]);
        assert_eq!(code, 1, "{out}{err}");
        insta::assert_snapshot!(format!("test_outcomes_{lang}"), out);
    }
    let (_, vi, _) = run_in(&dir, Some("vi"), &["test", "t.yaml"]);
    assert!(vi.contains("đạt       t.yaml:16 Đủ điểm\n"), "{vi}");
    assert!(vi.contains("KHÔNG ĐẠT t.yaml:19 Sai tổng\n"), "{vi}");
    assert!(
        vi.ends_with("Kết quả kiểm thử: 1 đạt, 1 không đạt\n"),
        "{vi}"
    );
}
