//! `cchc check`.
// A command's output is what it prints (the library itself never prints).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;

use cchc::report::{visible, Severity};

use crate::render;

pub(crate) fn run(files: &[PathBuf]) -> u8 {
    let mut bad = false;
    for f in files {
        let loaded = render::load_ruleset(f);
        match loaded.result {
            Ok(rs) => {
                let n = rs.criteria_count();
                println!(
                    "ok: {} — {} {} ({n} criteria, {} inputs, {} tests) {}",
                    f.display(),
                    visible(rs.id()),
                    visible(rs.version()),
                    rs.inputs().len(),
                    rs.test_count(),
                    rs.fingerprint()
                );
                let ws = rs.warnings();
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
