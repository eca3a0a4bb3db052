//! `cchc check`.

use std::io::Write;
use std::path::PathBuf;

use cchc::report::{Severity, visible};

use crate::render;

pub(crate) fn run(files: &[PathBuf]) -> u8 {
    report(files, &mut std::io::stdout().lock()).unwrap_or_else(|e| render::output_failed(&e))
}

/// Checks every file, writing a line per good one to `out`; the exit code.
fn report(files: &[PathBuf], out: &mut impl Write) -> std::io::Result<u8> {
    let mut bad = false;
    for f in files {
        let loaded = render::load_ruleset(f);
        match loaded.result {
            Ok(rs) => {
                let n = rs.criteria_count();
                writeln!(
                    out,
                    "ok: {} — {} {} ({n} criteria, {} inputs, {} tests) {}",
                    f.display(),
                    visible(rs.id()),
                    visible(rs.version()),
                    rs.inputs().len(),
                    rs.test_count(),
                    rs.fingerprint()
                )?;
                let ws = rs.warnings();
                if !ws.is_empty() {
                    render::to_stderr(&render::with_source(
                        ws,
                        Severity::Warning,
                        loaded.text.as_deref(),
                    ));
                }
            }
            Err(e) => {
                bad = true;
                render::to_stderr(&render::with_source(
                    e.diagnostics(),
                    Severity::Error,
                    loaded.text.as_deref(),
                ));
            }
        }
    }
    Ok(u8::from(bad))
}
