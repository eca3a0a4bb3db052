//! The authoring commands: lint warnings in `check` and `test` (`--no-lint`,
//! `--deny-warnings`), `test --coverage` (`--min-coverage`, `--format json`), `diff` (text and
//! JSON, `--data`). Text outputs are insta snapshots.
#![allow(
    clippy::unwrap_used,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap here is a failing test."
)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A scratch folder holding copies of repository files under short names.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let p = std::env::temp_dir().join(format!("cchc-authoring-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Dir(p)
    }

    fn copy(&self, from: &str, to: &str) -> &Dir {
        std::fs::copy(root().join(from), self.0.join(to)).unwrap();
        self
    }

    fn file(&self, name: &str, text: &str) -> &Dir {
        std::fs::write(self.0.join(name), text).unwrap();
        self
    }

    fn text(&self, name: &str) -> String {
        std::fs::read_to_string(self.0.join(name)).unwrap()
    }

    /// `cchc args…` here, in `lang`: (exit code, stdout, stderr).
    fn run_in(&self, lang: &str, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
            .args(args)
            .current_dir(&self.0)
            .env("CCHC_LANG", lang)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_in("en", args)
    }
}

#[test]
fn check_prints_lint_warnings_after_load_warnings() {
    let d = Dir::new("check");
    d.copy("tests/lint/max_unreachable.yaml", "r.yaml");
    let (code, out, err) = d.run(&["check", "r.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("ok: r.yaml"), "{out}");
    insta::assert_snapshot!("check_lint_en", err);
    let (_, _, err) = d.run_in("vi", &["check", "r.yaml"]);
    insta::assert_snapshot!("check_lint_vi", err);
    // Warnings fail the run only when asked.
    assert_eq!(d.run(&["check", "--deny-warnings", "r.yaml"]).0, 1);
    let (code, _, err) = d.run(&["check", "--no-lint", "r.yaml"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        d.run(&["check", "--no-lint", "--deny-warnings", "r.yaml"])
            .0,
        0
    );
}

#[test]
fn test_prints_lint_warnings_and_coverage() {
    let d = Dir::new("coverage");
    d.copy("tests/coverage/small.yaml", "small.yaml");
    let (code, out, err) = d.run(&["test", "--coverage", "small.yaml"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("coverage_en", out);
    let (_, out, _) = d.run_in("vi", &["test", "--coverage", "small.yaml"]);
    insta::assert_snapshot!("coverage_vi", out);
    // 76.4 % is below 80 and above 76.
    let (code, _, err) = d.run(&["test", "--min-coverage", "80", "small.yaml"]);
    assert_eq!(code, 1);
    assert!(err.contains("76.4 %") && err.contains("80 %"), "{err}");
    assert_eq!(d.run(&["test", "--min-coverage", "76", "small.yaml"]).0, 0);
    // JSON: only the document on stdout.
    let (code, out, _) = d.run(&["test", "--coverage", "--format", "json", "small.yaml"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["passed"], 2);
    assert_eq!(v["coverage"][0]["percent"].to_string(), "76.4");
    assert_eq!(v["coverage"][0]["covered"], 13);
}

#[test]
fn diff_text_json_and_effect() {
    let d = Dir::new("diff");
    d.copy("rules/examples/spec-example.yaml", "old.yaml");
    let new = d.text("old.yaml").replacen(
        "- { at_least: 80, below: 100, points: 0.5 }",
        "- { at_least: 85, below: 100, points: 0.5 }",
        1,
    );
    d.file("new.yaml", &new);
    let units = r#"[
 {"id": "u70", "values": {"kh_ban_hanh_dung_han": true, "ty_le_hoan_thanh_kh": 70, "so_bao_cao_tre": 0, "ho_so_tiep_nhan": 10, "ho_so_dung_han": 10, "diem_khao_sat": 4, "bao_cao_nam": "dung_han"}},
 {"id": "u82", "values": {"kh_ban_hanh_dung_han": true, "ty_le_hoan_thanh_kh": 82, "so_bao_cao_tre": 0, "ho_so_tiep_nhan": 10, "ho_so_dung_han": 10, "diem_khao_sat": 4, "bao_cao_nam": "dung_han"}},
 {"id": "u90", "values": {"kh_ban_hanh_dung_han": true, "ty_le_hoan_thanh_kh": 90, "so_bao_cao_tre": 0, "ho_so_tiep_nhan": 10, "ho_so_dung_han": 10, "diem_khao_sat": 4, "bao_cao_nam": "dung_han"}}
]"#;
    d.file("units.json", units);
    let (code, out, err) = d.run(&["diff", "old.yaml", "new.yaml", "--data", "units.json"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("diff_en", out);
    let (_, out, _) = d.run_in(
        "vi",
        &["diff", "old.yaml", "new.yaml", "--data", "units.json"],
    );
    insta::assert_snapshot!("diff_vi", out);
    let (_, out, _) = d.run(&["diff", "old.yaml", "new.yaml", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["changes"][0]["parameter"], "steps.2");
    let (_, out, _) = d.run(&["diff", "old.yaml", "old.yaml", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["changes"], serde_json::json!([]));
    // A file that does not load: its problems, exit 1.
    d.file("bad.yaml", "format: cchc/1\n");
    let (code, _, err) = d.run(&["diff", "old.yaml", "bad.yaml"]);
    assert_eq!(code, 1);
    assert!(err.contains("missing_key"), "{err}");
}

/// The schema kept in the repository for editors (`docs/schema/cchc-1.schema.json`, named by
/// the `yaml-language-server` comment of each rule file) is exactly `cchc schema`'s output:
/// regenerate it with `CCHC_LANG=vi cchc schema > docs/schema/cchc-1.schema.json`.
#[test]
fn the_schema_in_the_repository_is_current() {
    let d = Dir::new("schema");
    let (code, out, _) = d.run_in("vi", &["schema"]);
    assert_eq!(code, 0);
    let kept = std::fs::read_to_string(root().join("docs/schema/cchc-1.schema.json")).unwrap();
    assert!(
        out == kept,
        "docs/schema/cchc-1.schema.json is stale: regenerate it"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

/// `inputs:` is optional (docs/format.md §3: default empty), in the loader and in the schema
/// alike (the schema once listed it as required, so an editor underlined a valid file).
#[test]
fn inputs_are_optional_in_the_loader_and_the_schema() {
    let d = Dir::new("schema-inputs");
    d.file(
        "t.yaml",
        "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 1\ncriteria:\n  - { id: '1', title: A, max: 1, rule: { value: { expr: '1' } } }\n",
    );
    let (code, _, err) = d.run(&["check", "t.yaml"]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = d.run(&["schema"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let required: Vec<&str> = v["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(
        required,
        ["format", "id", "version", "title", "total", "criteria"]
    );
}
