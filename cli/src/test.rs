//! `cchc test`.

use std::io::Write;
use std::path::PathBuf;

use cchc::report::{Severity, visible};

use crate::render;

pub(crate) fn run(files: &[PathBuf]) -> u8 {
    report(files, &mut std::io::stdout().lock()).unwrap_or_else(|e| render::output_failed(&e))
}

/// Runs the tests of every file, writing the outcomes to `out`; the exit code.
fn report(files: &[PathBuf], out: &mut impl Write) -> std::io::Result<u8> {
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut unreadable = false;
    for f in files {
        let loaded = render::load_ruleset(f);
        let rs = match loaded.result {
            Ok(rs) => rs,
            Err(e) => {
                unreadable = true;
                render::to_stderr(&render::with_source(
                    e.diagnostics(),
                    Severity::Error,
                    loaded.text.as_deref(),
                ));
                continue;
            }
        };
        let outcomes = rs.run_tests();
        if outcomes.is_empty() {
            writeln!(out, "{}: no tests", f.display())?;
        }
        for t in outcomes {
            if t.passed() {
                passed += 1;
                writeln!(out, "ok   {}:{} {}", f.display(), t.line, visible(&t.name))?;
            } else {
                failed += 1;
                writeln!(out, "FAIL {}:{} {}", f.display(), t.line, visible(&t.name))?;
                for d in &t.failures {
                    writeln!(
                        out,
                        "     {}: expected {}, got {}",
                        visible(&d.what.render(cchc::Lang::Vi)),
                        visible(&d.expected),
                        visible(&d.actual)
                    )?;
                }
                for e in &t.errors {
                    writeln!(
                        out,
                        "     unit error: {}",
                        visible(&e.render(cchc::Lang::Vi))
                    )?;
                }
            }
        }
    }
    writeln!(out, "test result: {passed} passed, {failed} failed")?;
    Ok(u8::from(failed > 0 || unreadable))
}
