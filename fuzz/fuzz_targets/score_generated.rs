//! Scoring generated rulesets against generated units: a small structured ruleset (`arbitrary`)
//! is written as YAML, loaded and used to score unit data (CSV, JSON or YAML) written from the
//! same input. Nothing may panic and every unit result keeps `0 ≤ total ≤ max`, `0 ≤ index ≤ 100`.
//!
//! With `CCHC_FUZZ_DUMP=DIR`, each input's texts are written to `DIR/case.rules.yaml` and
//! `DIR/case.units.<ext>` (to turn a crash artifact into a regression case).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let case = match cchc_fuzz::generate(data) {
        Ok(case) => case,
        Err(e) => {
            if std::env::var_os("CCHC_FUZZ_VERBOSE").is_some() {
                eprintln!("no case from this input: {e}");
            }
            return;
        }
    };
    if let Some(dir) = std::env::var_os("CCHC_FUZZ_DUMP") {
        let dir = std::path::PathBuf::from(dir);
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("case.rules.yaml"), &case.ruleset);
        let _ = std::fs::write(
            dir.join(format!("case.units.{}", case.data_ext())),
            &case.data,
        );
    }
    cchc_fuzz::run_case(&case);
});
