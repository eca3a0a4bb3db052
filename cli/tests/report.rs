//! `cchc report`: the printable HTML report of a small batch (insta snapshots in Vietnamese
//! and English), written with `--out` or to standard output, as of a round, and its errors.
#![allow(
    clippy::unwrap_used,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap here is a failing test."
)]

use std::path::{Path, PathBuf};
use std::process::Command;

const RULES: &str = "cli/tests/fixtures/report-rules.yaml";
const DATA: &str = "cli/tests/fixtures/report-data.yaml";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `cchc args…` from the repository's root: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(args)
        .current_dir(root())
        .env_remove("CCHC_LANG")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn small_report_vi() {
    let (code, out, err) = run(&["report", RULES, DATA, "--date", "2026-12-01"]);
    assert_eq!(code, 1, "{err}"); // xa-c is incomplete
    assert_eq!(err, "");
    assert_eq!(out.matches("class=\"rank-row\"").count(), 2);
    insta::assert_snapshot!("report_vi", out);
}

#[test]
fn small_report_en() {
    let (code, out, err) = run(&[
        "--lang",
        "en",
        "report",
        RULES,
        DATA,
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("<html lang=\"en\">"));
    insta::assert_snapshot!("report_en", out);
}

#[test]
fn out_file_is_the_same_html() {
    let dir = std::env::temp_dir().join(format!("cchc-report-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bao-cao.html");
    let file_arg = file.display().to_string();
    let (code, out, err) = run(&[
        "report",
        RULES,
        DATA,
        "--date",
        "2026-12-01",
        "--out",
        &file_arg,
    ]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    let (_, stdout, _) = run(&["report", RULES, DATA, "--date", "2026-12-01"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn as_of_a_round() {
    let (code, out, err) = run(&[
        "report",
        RULES,
        DATA,
        "--date",
        "2026-12-01",
        "--round",
        "tu_cham",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("Kết quả theo vòng: Tự chấm điểm"));
    let (code, out, err) = run(&["report", RULES, DATA, "--round", "chua_co"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("unknown_round"), "{err}");
}

#[test]
fn the_three_round_example() {
    let (code, out, err) = run(&[
        "report",
        "rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml",
        "examples/thach-that-2021/phong-chuyen-mon-3-vong.yaml",
        "--date",
        "2026-12-01",
    ]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(out.contains("Thẩm định lần 2 (sau giải trình)"));
    assert!(out.matches("class=\"rank-row\"").count() >= 5);
    assert_eq!(
        out.matches("<section class=\"page unit\">").count(),
        out.matches("class=\"rank-row\"").count() + out.matches("class=\"not-ranked-row\"").count()
    );
}

#[test]
fn unreadable_inputs_exit_2() {
    let (code, out, err) = run(&["report", "no-such.yaml", DATA]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("io"), "{err}");
    let (code, out, err) = run(&["report", RULES, "Cargo.toml"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("data_shape"), "{err}");
    let (code, _, err) = run(&["report", RULES, DATA, "--out", DATA]);
    assert_eq!(code, 2, "{err}");
}
