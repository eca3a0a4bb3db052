//! Test coverage (`Ruleset::coverage`) on a small file whose coverage is worked out by hand in
//! its header comment (`tests/coverage/small.yaml`).
#![allow(
    clippy::unwrap_used,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap here is a failing test."
)]

use cchc::Ruleset;
use cchc::coverage::Target;

fn small() -> Ruleset {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/coverage/small.yaml");
    Ruleset::load(path).unwrap()
}

#[test]
fn the_small_file_passes_its_own_tests() {
    let rs = small();
    for t in rs.run_tests() {
        assert!(t.passed(), "{}: {:?}", t.name, t.failures);
    }
}

#[test]
fn figures_known_by_hand() {
    let c = small().coverage();
    assert_eq!(c.tests, 2);
    let kinds: Vec<(&str, usize, usize)> = c
        .kinds
        .iter()
        .map(|k| (k.kind, k.covered, k.total))
        .collect();
    assert_eq!(
        kinds,
        [
            ("leaf", 5, 5),
            ("band_step", 2, 3),
            ("level_option", 2, 3),
            ("applies_if", 2, 2),
            ("extra", 0, 1),
            ("grade", 2, 3),
        ]
    );
    assert_eq!((c.covered, c.total), (13, 17));
    assert_eq!(c.percent.to_string(), "76.4");
    let missing: Vec<&Target> = c
        .items
        .iter()
        .filter(|i| !i.covered)
        .map(|i| &i.target)
        .collect();
    assert_eq!(
        missing,
        [
            &Target::BandStep {
                criterion: "2".into(),
                step: 3
            },
            &Target::LevelOption {
                criterion: "3".into(),
                option: "khong_gui".into()
            },
            &Target::Extra {
                criterion: "5".into()
            },
            &Target::Grade {
                grade: "kha".into()
            },
        ]
    );
    // Located where they are written: step 3 of criterion 2 is on line 36.
    let step3 = c
        .items
        .iter()
        .find(|i| {
            i.target
                == Target::BandStep {
                    criterion: "2".into(),
                    step: 3,
                }
        })
        .unwrap();
    assert_eq!(step3.line, 36);
}

/// No tests: nothing covered but grades and leaves still listed; nothing at all: 100 %.
#[test]
fn a_file_without_tests_covers_nothing() {
    let rs = Ruleset::from_yaml_str(
        "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 1\ninputs: { kh: { type: bool } }\ncriteria: [ { id: '1', title: A, max: 1, rule: { check: kh } } ]\n",
        "t.yaml",
    )
    .unwrap();
    let c = rs.coverage();
    assert_eq!((c.covered, c.total), (0, 1));
    assert_eq!(c.percent.to_string(), "0");
}

/// The JSON report: stable keys, exact numbers.
#[test]
fn json_shape() {
    let c = small().coverage();
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(v["percent"].to_string(), "76.4");
    assert_eq!(v["items"][0]["kind"], "leaf");
    assert_eq!(v["items"][0]["criterion"], "1");
    assert_eq!(v["kinds"][1]["kind"], "band_step");
}

/// Regression: a case's own `parameters:` are applied, as `cchc test` applies them, so a
/// survey switch turned off in one case covers the `false` outcome of the survey's
/// `applies_if` (coverage once scored every case with the file's defaults).
#[test]
fn a_case_with_its_own_parameters_is_scored_with_them() {
    let rs = Ruleset::from_yaml_str(
        "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 2\n\
         parameters: { khao_sat: { type: bool, default: true } }\n\
         inputs: { kh: { type: bool }, hl: { type: percent } }\n\
         criteria:\n  - { id: '1', title: A, max: 1, rule: { check: kh } }\n  \
         - { id: '2', title: B, max: 1, applies_if: khao_sat, rule: { scale: { input: hl, from: 0, to: 100 } } }\n\
         tests:\n  - { name: co, values: { kh: true, hl: 50 }, expect: { points: { '2': 0.5 } } }\n  \
         - { name: khong, parameters: { khao_sat: false }, values: { kh: true }, expect: { index: 100 } }\n",
        "t.yaml",
    )
    .unwrap();
    assert!(rs.run_tests().iter().all(|t| t.passed()));
    let c = rs.coverage();
    assert_eq!(c.tests, 2);
    let outcome = |o: bool| {
        c.items
            .iter()
            .find(|i| {
                i.target
                    == Target::AppliesIf {
                        criterion: "2".into(),
                        outcome: o,
                    }
            })
            .unwrap()
            .covered
    };
    assert!(outcome(true));
    assert!(outcome(false));
    assert_eq!((c.covered, c.total), (c.total, 4));
}
