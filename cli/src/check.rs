//! `cchc check`.

use std::path::PathBuf;

use cchc::Ruleset;

pub fn run(files: &[PathBuf]) -> u8 {
    let mut bad = false;
    for f in files {
        match Ruleset::load(f) {
            Ok(rs) => {
                let n = rs.criteria_count();
                println!(
                    "ok: {} — {} {} ({n} criteria, {} inputs, {} tests) {}",
                    f.display(),
                    rs.id(),
                    rs.version(),
                    rs.inputs().len(),
                    rs.test_count(),
                    rs.fingerprint()
                );
            }
            Err(e) => {
                bad = true;
                eprint!("{}", crate::render::all(e.diagnostics()));
            }
        }
    }
    u8::from(bad)
}
