//! `cchc check`.

use std::path::PathBuf;

use cchc::report::{visible, Severity};
use cchc::{Diagnostic, Ruleset};

use crate::render;

/// Load-time warnings of a valid ruleset.
// TODO(lead): `rs.warnings()` once `Ruleset::warnings` (helper "api") is merged.
fn warnings(_rs: &Ruleset) -> &[Diagnostic] {
    &[]
}

pub fn run(files: &[PathBuf]) -> u8 {
    let mut bad = false;
    for f in files {
        let loaded = render::load_ruleset(f);
        match loaded.result {
            Ok(rs) => {
                let n = rs.plan().nodes.len();
                println!(
                    "ok: {} — {} {} ({n} criteria, {} inputs, {} tests) {}",
                    f.display(),
                    visible(rs.id()),
                    visible(rs.version()),
                    rs.plan().inputs.len(),
                    rs.plan().tests.len(),
                    rs.fingerprint()
                );
                let ws = warnings(&rs);
                if !ws.is_empty() {
                    eprint!(
                        "{}",
                        render::with_source(ws, Severity::Warning, loaded.text.as_deref())
                    );
                }
            }
            Err(e) => {
                bad = true;
                eprint!(
                    "{}",
                    render::with_source(e.diagnostics(), Severity::Error, loaded.text.as_deref())
                );
            }
        }
    }
    u8::from(bad)
}
