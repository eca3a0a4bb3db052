//! Static analysis (`Ruleset::lint`): one rule file per warning code in `tests/lint/`, each
//! listing the warnings it must give (`# expect: CODE LINE:COLUMN CRITERION`, `-` for none),
//! and no warning on the shipped rule files.
#![allow(
    clippy::unwrap_used,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap here is a failing test."
)]

use std::path::{Path, PathBuf};

use cchc::{Code, Lang, Ruleset};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The warnings a case file expects, as `code line:column criterion`.
fn expected(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|l| l.trim().to_string())
        .collect();
    out.sort();
    out
}

fn found(rs: &Ruleset) -> Vec<String> {
    let mut out: Vec<String> = rs
        .lint()
        .iter()
        .map(|d| {
            format!(
                "{} {}:{} {}",
                d.code,
                d.line,
                d.column,
                d.criterion.as_deref().unwrap_or("-")
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_lint_code_has_a_case_with_its_location() {
    let dir = root().join("tests/lint");
    for code in cchc::lint::CODES {
        let path = dir.join(format!("{code}.yaml"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rs = Ruleset::from_yaml_str(&text, &path.display().to_string())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let want = expected(&text);
        assert!(
            want.iter().any(|w| w.starts_with(code.as_str())),
            "{}: no expectation of its own code",
            path.display()
        );
        assert_eq!(found(&rs), want, "{}", path.display());
        // Every warning says how to fix it, in both languages, with no unfilled argument.
        for d in rs.lint() {
            let help = d.help.as_ref().expect("a fix sentence");
            for lang in [Lang::Vi, Lang::En] {
                let text = format!("{} {}", d.message.render(lang), help.render(lang));
                assert!(!text.contains("{ $") && !text.contains("{$"), "{text}");
            }
        }
    }
}

/// The shipped rule files give no lint warning.
#[test]
fn shipped_rule_files_are_clean() {
    let mut files = Vec::new();
    let mut dirs = vec![root().join("rules")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    for f in files {
        let rs = Ruleset::load(&f).unwrap();
        let ws: Vec<String> = rs
            .lint()
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {} {}",
                    d.line,
                    d.column,
                    d.code,
                    d.message.render(Lang::En)
                )
            })
            .collect();
        assert!(ws.is_empty(), "{}: {ws:#?}", f.display());
    }
}

fn yaml(inputs: &str, rule: &str, max: &str) -> String {
    format!(
        "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: {max}\ninputs: {{ {inputs} }}\ncriteria:\n  - {{ id: '1', title: A, max: {max}, rule: {rule} }}\n"
    )
}

fn codes(text: &str) -> Vec<Code> {
    Ruleset::from_yaml_str(text, "t.yaml")
        .unwrap()
        .lint()
        .iter()
        .map(|d| d.code)
        .collect()
}

/// Bands over every kind of domain: whole numbers, open and closed bounds, `min`/`max`.
#[test]
fn bands_are_analysed_exactly() {
    // A count: 0–2 in no step (and step 1's 3 points are reached).
    let t = yaml(
        "n: { type: count }",
        "{ bands: { input: n, steps: [ { at_least: 3, points: 3 }, { above: 0.5, below: 1, points: 1 } ] } }",
        "3",
    );
    // Step 2 (0.5, 1) holds no whole number; 0..2 is a gap.
    assert_eq!(codes(&t), [Code::BandGap, Code::BandNeverHolds]);
    // A percent covered exactly: [0, 50) and [50, 100].
    let t = yaml(
        "p: { type: percent }",
        "{ bands: { input: p, steps: [ { at_least: 50, points: 2 }, { below: 50, points: 0 } ] } }",
        "2",
    );
    assert_eq!(codes(&t), []);
    // A gap of one value: 50 itself.
    let t = yaml(
        "p: { type: percent }",
        "{ bands: { input: p, steps: [ { above: 50, points: 2 }, { below: 50, points: 0 } ] } }",
        "2",
    );
    let rs = Ruleset::from_yaml_str(&t, "t.yaml").unwrap();
    let w = rs.lint();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].code, Code::BandGap);
    assert!(
        w[0].message.render(Lang::En).contains("= 50"),
        "{}",
        w[0].message.render(Lang::En)
    );
    // A number with min and max: a step beyond max never holds; its points do not count for
    // the max (2 is never earned).
    let t = yaml(
        "x: { type: number, min: 0, max: 10 }",
        "{ bands: { input: x, steps: [ { above: 10, points: 2 }, { points: 1 } ] } }",
        "2",
    );
    assert_eq!(codes(&t), [Code::MaxUnreachable, Code::BandNeverHolds]);
    // An expression: not decided.
    let t = yaml(
        "x: { type: number, min: 0, max: 10 }",
        "{ bands: { expr: 'x * 2', steps: [ { above: 100, points: 2 } ] } }",
        "2",
    );
    assert_eq!(codes(&t), []);
}

#[test]
fn reachable_maxima_give_no_warning() {
    for (inputs, rule) in [
        ("p: { type: percent }", "{ per: { input: p, points: 0.1 } }"),
        ("n: { type: count }", "{ per: { input: n, points: 0.5 } }"),
        ("n: { type: count }", "{ deduct: { input: n, per: 1 } }"),
        ("x: { type: number, max: 2 }", "{ value: x }"),
        (
            "p: { type: percent }",
            "{ scale: { input: p, from: 0, to: 100 } }",
        ),
    ] {
        assert_eq!(codes(&yaml(inputs, rule, "2")), [], "{rule}");
    }
    for (inputs, rule) in [
        (
            "p: { type: percent }",
            "{ per: { input: p, points: 0.01 } }",
        ),
        ("x: { type: number, max: 1.5 }", "{ value: x }"),
    ] {
        assert_eq!(
            codes(&yaml(inputs, rule, "2")),
            [Code::MaxUnreachable],
            "{rule}"
        );
    }
}
