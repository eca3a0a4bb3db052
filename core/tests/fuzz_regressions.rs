//! Replays the fuzzers' inputs without the fuzzer: every crash reproducer in
//! `fuzz/regressions/<target>/` and every seed in `fuzz/seeds/<target>/` (the conformance cases'
//! rulesets and units, the shipped rule files and examples). Nothing may panic; an input that is
//! refused is refused with a coded, located error; units that read are scored and keep the
//! invariants `0 ≤ total ≤ max`, `0 ≤ index ≤ 100`.
//!
//! `score_generated` reproducers are the generated texts themselves (`NAME.rules.yaml` with
//! `NAME.units.csv|json|yaml`, written by the target with `CCHC_FUZZ_DUMP`; see docs/fuzzing.md).
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "Test helpers outside `#[test]` functions: a panic here is a failing test."
)]

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use cchc::{DataFormat, Decimal, Error, Ruleset, Unit, UnitResult};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The files of `fuzz/<kind>/<target>/`, sorted; none when the folder does not exist.
fn files(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = fuzz_dir().join(kind).join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| p.file_name().and_then(|n| n.to_str()) != Some("README.md"))
        .collect();
    out.sort();
    out
}

fn read(path: &Path) -> Vec<u8> {
    match fs::read(path) {
        Ok(b) => b,
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    }
}

fn check_error(e: &Error) -> Result<(), String> {
    let diags = e.diagnostics();
    if diags.is_empty() {
        return Err(format!("an error without diagnostics: {e:?}"));
    }
    for d in diags {
        if d.message.render(cchc::Lang::Vi).trim().is_empty() {
            return Err(format!("a diagnostic without a message: {d:?}"));
        }
        // A rule-file problem is located (only a file over the size limit has no position).
        if matches!(e, Error::Ruleset(_)) && d.line == 0 && d.code != cchc::Code::FileTooLarge {
            return Err(format!("a rule-file diagnostic without a position: {d:?}"));
        }
    }
    Ok(())
}

fn check_result(r: &UnitResult) -> Result<(), String> {
    if r.total < Decimal::ZERO || r.total > r.max {
        return Err(format!("total {} outside [0, max {}]", r.total, r.max));
    }
    if let Some(i) = r.index {
        if i < Decimal::ZERO || i > Decimal::ONE_HUNDRED {
            return Err(format!("index {i} outside [0, 100]"));
        }
    }
    Ok(())
}

fn shipped() -> Ruleset {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../rules/ha-noi/thach-that/xa-thi-tran/2021.yaml");
    match Ruleset::load(&path) {
        Ok(rs) => rs,
        Err(e) => panic!("the shipped ruleset does not load: {e}"),
    }
}

fn score_all(rs: &Ruleset, units: &[Unit]) -> Result<(), String> {
    let batch = rs.score_batch(units);
    if batch.results.len() != units.len() {
        return Err(format!(
            "{} unit(s) in, {} result(s) out",
            units.len(),
            batch.results.len()
        ));
    }
    batch.results.iter().try_for_each(check_result)
}

fn load_ruleset(bytes: &[u8]) -> Result<(), String> {
    match Ruleset::from_bytes(bytes, "fuzz.yaml") {
        Ok(rs) => {
            let _ = rs.run_tests();
            check_result(&rs.score(&Unit::new("u")))
        }
        Err(e) => check_error(&e),
    }
}

fn read_units(bytes: &[u8], format: DataFormat, rs: &Ruleset) -> Result<(), String> {
    match cchc::read_units_bytes(bytes, format, "fuzz-data") {
        Ok(units) => score_all(rs, &units),
        Err(e) => check_error(&e),
    }
}

/// Runs `check` on each file, catching panics; returns how many files ran and the failures.
fn replay(paths: &[PathBuf], check: impl Fn(&Path) -> Result<(), String>) -> Vec<String> {
    let mut failures = Vec::new();
    for p in paths {
        match catch_unwind(AssertUnwindSafe(|| check(p))) {
            Ok(Ok(())) => {}
            Ok(Err(why)) => failures.push(format!("{}: {why}", p.display())),
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{}: panicked: {msg}", p.display()));
            }
        }
    }
    failures
}

fn assert_none(what: &str, failures: Vec<String>) {
    assert!(failures.is_empty(), "{what}:\n{}", failures.join("\n"));
}

#[test]
fn ruleset_inputs_never_panic() {
    let seeds = files("seeds", "ruleset");
    assert!(
        seeds.len() >= 80,
        "the ruleset seeds are missing ({} files)",
        seeds.len()
    );
    let mut all = files("regressions", "ruleset");
    all.extend(seeds);
    assert_none("rule files", replay(&all, |p| load_ruleset(&read(p))));
}

#[test]
fn unit_data_never_panics() {
    let rs = shipped();
    for (target, format) in [
        ("units_json", DataFormat::Json),
        ("units_yaml", DataFormat::Yaml),
        ("units_csv", DataFormat::Csv),
    ] {
        let seeds = files("seeds", target);
        assert!(
            seeds.len() >= 50,
            "the {target} seeds are missing ({} files)",
            seeds.len()
        );
        let mut all = files("regressions", target);
        all.extend(seeds);
        assert_none(target, replay(&all, |p| read_units(&read(p), format, &rs)));
    }
}

/// Workbooks (`units_workbook`): read with the archive checks, units scored. The first
/// regression: a cell reference beyond any sheet overflowed calamine's arithmetic (D124).
#[cfg(feature = "xlsx")]
#[test]
fn workbook_data_never_panics() {
    let rs = shipped();
    let mut all = files("regressions", "units_workbook");
    assert!(
        !all.is_empty(),
        "the units_workbook regressions are missing"
    );
    all.extend(files("seeds", "units_workbook"));
    assert_none(
        "units_workbook",
        replay(&all, |p| {
            match cchc::data::read_workbook(&read(p), "fuzz.xlsx", None) {
                Ok(units) => score_all(&rs, &units),
                Err(e) => check_error(&e),
            }
        }),
    );
}

#[test]
fn generated_cases_never_panic() {
    let rules: Vec<PathBuf> = files("regressions", "score_generated")
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".rules.yaml"))
        .collect();
    let failures = replay(&rules, |p| {
        let name = p.to_string_lossy();
        let stem = name.trim_end_matches(".rules.yaml");
        let rs = match Ruleset::from_bytes(&read(p), "generated.yaml") {
            Ok(rs) => rs,
            Err(e) => return check_error(&e),
        };
        for (ext, format) in [
            ("csv", DataFormat::Csv),
            ("json", DataFormat::Json),
            ("yaml", DataFormat::Yaml),
        ] {
            let data = PathBuf::from(format!("{stem}.units.{ext}"));
            if data.exists() {
                return read_units(&read(&data), format, &rs);
            }
        }
        Err("no NAME.units.csv|json|yaml beside it".into())
    });
    assert_none("generated cases", failures);
}
