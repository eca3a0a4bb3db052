//! What `cchc check`, `cchc test` and `cchc score` print for bad files (snapshots of standard
//! error), and their exit codes.
#![allow(
    clippy::unwrap_used,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test."
)]

use std::path::{Path, PathBuf};

use std::process::{Command, Stdio};

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

/// A scratch folder for one test; commands run in it, so paths print short and stable.
/// Commands run here print in English (`CCHC_LANG=en`; `tests/lang.rs` covers Vietnamese).
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let p = std::env::temp_dir().join(format!("cchc-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Dir(p)
    }

    fn file(&self, name: &str, text: &str) -> &Dir {
        std::fs::write(self.0.join(name), text).unwrap();
        self
    }

    /// Runs `cchc args…` here: (exit code, stdout, stderr). Colour is off (not a terminal).
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
            .args(args)
            .current_dir(&self.0)
            .env_remove("NO_COLOR")
            .env("CCHC_LANG", "en")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn check_reports_every_problem_with_snippets() {
    let d = Dir::new("check");
    d.file(
        "bad.yaml",
        &GOOD
            .replace("title: Kế hoạch", "titel: Kế hoạch")
            .replace("input: tl", "input: ty_le"),
    );
    let (code, out, err) = d.run(&["check", "bad.yaml"]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(err.contains("--> bad.yaml:10:16"), "{err}");
    assert!(
        err.contains("10 |   - { id: \"1\", titel: Kế hoạch"),
        "{err}"
    );
    insta::assert_snapshot!(err);
}

#[test]
fn check_ok_prints_to_stdout_only() {
    let d = Dir::new("ok");
    d.file("good.yaml", GOOD);
    let (code, out, err) = d.run(&["check", "good.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("ok: good.yaml — demo 1 (2 criteria, 2 inputs, 0 tests) sha256:"),
        "{out}"
    );
    assert_eq!(err, "");
}

#[test]
fn check_clips_a_very_long_line() {
    let d = Dir::new("long");
    // A 1 MB title line: the problem is on it; the output stays short.
    let long = GOOD.replace(
        "title: Kế hoạch",
        &format!("{}titel: Kế hoạch", " ".repeat(1_000_000)),
    );
    d.file("long.yaml", &long);
    let (code, _, err) = d.run(&["check", "long.yaml"]);
    assert_eq!(code, 1);
    assert!(err.len() < 4_000, "{} bytes", err.len());
    assert!(err.contains('…'), "{err}");
}

#[test]
fn check_shows_control_characters_as_symbols() {
    let d = Dir::new("ctl");
    d.file(
        "ctl.yaml",
        &GOOD.replace("check: kh } }", "check: k } } # \u{1b}[2J\u{9b}31m"),
    );
    let (code, _, err) = d.run(&["check", "ctl.yaml"]);
    assert_eq!(code, 1);
    assert!(!err.contains('\u{1b}'), "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn check_unreadable_and_endless_files() {
    let d = Dir::new("io");
    let (code, _, err) = d.run(&["check", "missing.yaml"]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("error[io]: cannot read `missing.yaml`"),
        "{err}"
    );
    if Path::new("/dev/zero").exists() {
        let (code, _, err) = d.run(&["check", "/dev/zero"]);
        assert_eq!(code, 1);
        insta::assert_snapshot!("dev_zero", err);
    }
}

#[test]
fn cchc_test_renders_load_errors() {
    let d = Dir::new("test");
    d.file("bad.yaml", &GOOD.replace("total: 2", "total: 3"));
    let (code, out, err) = d.run(&["test", "bad.yaml"]);
    assert_eq!(code, 1);
    assert_eq!(out, "test result: 0 passed, 0 failed\n");
    insta::assert_snapshot!(err);
}

#[test]
fn score_renders_rule_and_data_errors() {
    let d = Dir::new("score");
    d.file("good.yaml", GOOD)
        .file("bad.yaml", &GOOD.replace("check: kh", "check: k"))
        .file(
            "units.json",
            "[\n  {\"id\": \"a\", \"kh\": true, \"tl\": 90},\n  {\"id\": \"b\" \"kh\": false}\n]\n",
        );
    let (code, out, err) = d.run(&["score", "bad.yaml", "units.json"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("--> bad.yaml:10:"), "{err}");
    let (code, out, err) = d.run(&["score", "good.yaml", "units.json"]);
    assert_eq!((code, out.as_str()), (2, ""));
    insta::assert_snapshot!(err);
}

#[test]
fn cchc_test_output_shows_control_characters_as_symbols() {
    let d = Dir::new("testctl");
    let text = format!(
        "{GOOD}tests:\n  - name: \"Mẫu \\e[2J\"\n    values: {{ kh: true, tl: 90 }}\n    expect: {{ total: 1 }}\n"
    );
    d.file("t.yaml", &text);
    let (code, out, err) = d.run(&["test", "t.yaml"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(!out.contains('\u{1b}'), "{out}");
    assert!(out.contains("FAIL t.yaml:16 Mẫu ␛[2J"), "{out}");
    assert!(out.contains("expected 1, got 2"), "{out}");
}

/// `cchc test … | head`: when the reader of the output is gone, a command says it could not
/// write (exit 2) instead of panicking (`println!` used to).
#[test]
fn a_closed_output_is_an_error_not_a_panic() {
    let d = Dir::new("closed-output");
    d.file("good.yaml", GOOD);
    for args in [
        &["test", "good.yaml"][..],
        &["check", "good.yaml"],
        &["schema"],
    ] {
        // A pipe whose only reader has exited: every write to it fails (EPIPE), whatever the timing.
        let mut reader = Command::new(env!("CARGO_BIN_EXE_cchc"))
            .arg("--version")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let closed = reader.stdin.take().unwrap();
        reader.wait().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
            .args(args)
            .current_dir(&d.0)
            .env("CCHC_LANG", "en")
            .stdout(closed)
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.contains("cannot write the output"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    }
}
