//! Expressions and scripts through the public API: every shipped rule file still loads and
//! passes its own tests in the sandbox, and hostile scripts in a rule file get a coded error
//! (at load, or for the unit) in bounded time. The engine's own cases are unit tests in
//! `core/src/expr/tests.rs`.
#![allow(
    clippy::panic,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test."
)]

use std::path::{Path, PathBuf};

use cchc::{Code, Decimal, RawValue, Ruleset, Unit};

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

/// Every rule file under `rules/` loads with the sandboxed engine and passes its worked cases.
#[test]
fn shipped_rules_work_in_the_sandbox() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    let mut files = Vec::new();
    yaml_files(&root, &mut files);
    assert!(files.len() >= 3, "rule files not found under {root:?}");
    for f in &files {
        let rs = Ruleset::load(f).unwrap_or_else(|e| panic!("{f:?}: {e}"));
        for t in rs.run_tests() {
            assert!(
                t.passed(),
                "{f:?}: test `{}` failed: {:?}",
                t.name,
                t.failures
            );
        }
    }
}

const HEAD: &str = "format: cchc/1\nid: t\nversion: \"1\"\ntitle: Kiểm thử\ntotal: 2\ninputs:\n  n: { type: count }\n";

fn with_script(src: &str) -> String {
    format!(
        "{HEAD}criteria:\n  - id: \"1\"\n    title: Tiêu chí\n    max: 2\n    rule: {{ script: \"{src}\" }}\n"
    )
}

fn load_codes(text: &str) -> Vec<Code> {
    match Ruleset::from_yaml_str(text, "bad.yaml") {
        Ok(_) => panic!("expected the rule file to be refused:\n{text}"),
        Err(e) => e.diagnostics().iter().map(|d| d.code).collect(),
    }
}

fn unit_codes(text: &str, n: i64) -> Vec<Code> {
    let rs = Ruleset::from_yaml_str(text, "t.yaml").unwrap_or_else(|e| panic!("{e}"));
    let u = Unit::new("u").with_value("n", RawValue::Number(Decimal::from(n)));
    rs.score(&u).errors.iter().map(|i| i.code).collect()
}

/// Issue #8: `sleep(999999999); 1` hung the CLI and killed the WASM module. It is refused when
/// the rule file is loaded, like every function outside the sandbox.
#[test]
fn functions_outside_the_sandbox_are_refused_at_load() {
    for src in [
        "sleep(999999999); 1",
        "parse_json(`{}`); 1",
        "exit(1)",
        "let s = `a`; s.replace(`a`, `b`); 1",
    ] {
        assert_eq!(
            load_codes(&with_script(src)),
            vec![Code::ScriptCompile],
            "{src}"
        );
    }
    let grade = format!(
        "{HEAD}criteria:\n  - {{ id: \"1\", title: A, max: 2, rule: {{ value: n }} }}\ngrades:\n  - {{ id: g, label: G, at_least: 50, requires: \"sleep(5) == 0\" }}\n"
    );
    assert!(load_codes(&grade).contains(&Code::ScriptCompile));
}

/// The quirks of issue #8, through a rule file: a coded error for the unit, never a number.
#[test]
fn arithmetic_quirks_are_unit_errors() {
    assert_eq!(
        unit_codes(&with_script("(-4.0) ** 0.5"), 1),
        vec![Code::ScriptError]
    );
    assert_eq!(
        unit_codes(&with_script("let m = -9223372036854775807 - 1; m % -1"), 1),
        Vec::<Code>::new()
    );
    assert_eq!(
        unit_codes(&with_script("let a = n; a %= 0; a"), 1),
        vec![Code::DivisionByZero]
    );
    assert_eq!(
        load_codes(&with_script("1 << 64")),
        vec![Code::ScriptCompile]
    );
}

/// A grade's `requires` naming an unknown criterion is found from the compiled expression.
#[test]
fn requires_refs_are_checked() {
    let grade = |req: &str| {
        format!(
            "{HEAD}criteria:\n  - {{ id: \"1\", title: A, max: 2, rule: {{ value: n }} }}\ngrades:\n  - {{ id: g, label: G, at_least: 50, requires: '{req}' }}\n"
        )
    };
    assert!(load_codes(&grade("points(\"9\") >= 1")).contains(&Code::UnknownCriterion));
    assert!(Ruleset::from_yaml_str(&grade("points(\"1\") >= 1"), "ok.yaml").is_ok());
    // Text that only looks like a call is not a reference.
    assert!(Ruleset::from_yaml_str(&grade("\"points(\\\"9\\\")\" != \"\""), "ok.yaml").is_ok());
}

/// Regression: `points("…")` in a leaf's script or expression passed `check`, then failed on
/// every unit at run time (no criterion is scored when a leaf's rule runs). It is a load error.
#[test]
fn points_outside_a_grade_is_refused_at_load() {
    assert_eq!(
        load_codes(&with_script("if points(\\\"1\\\") > 0 { 1 } else { 0 }")),
        vec![Code::ScriptCompile]
    );
    assert_eq!(
        load_codes(&with_script("max_points(\\\"1\\\")")),
        vec![Code::ScriptCompile]
    );
}
