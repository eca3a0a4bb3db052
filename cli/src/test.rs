//! `cchc test`.

use std::io::Write;
use std::path::PathBuf;

use cchc::Lang;
use cchc::msg;
use cchc::report::{Severity, visible};

use crate::render;

pub(crate) fn run(files: &[PathBuf], lang: Lang) -> u8 {
    report(files, lang, &mut std::io::stdout().lock())
        .unwrap_or_else(|e| render::output_failed(&e, lang))
}

/// Runs the tests of every file, writing the outcomes to `out`; the exit code.
fn report(files: &[PathBuf], lang: Lang, out: &mut impl Write) -> std::io::Result<u8> {
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
                    lang,
                ));
                continue;
            }
        };
        let outcomes = rs.run_tests();
        let file = visible(&f.display().to_string()).into_owned();
        if outcomes.is_empty() {
            writeln!(
                out,
                "{}",
                msg!("ui-cli-no-tests", file = &file).render(lang)
            )?;
        }
        for t in outcomes {
            let place = format!("{file}:{}", t.line);
            let name = visible(&t.name).into_owned();
            if t.passed() {
                passed += 1;
                let m = msg!("ui-cli-test-ok", place = place, name = name);
                writeln!(out, "{}", m.render(lang))?;
            } else {
                failed += 1;
                let m = msg!("ui-cli-test-fail", place = place, name = name);
                writeln!(out, "{}", m.render(lang))?;
                for d in &t.failures {
                    let m = msg!(
                        "ui-cli-test-expected",
                        what = visible(&d.what.render(lang)).into_owned(),
                        expected = visible(&d.expected).into_owned(),
                        actual = visible(&d.actual).into_owned()
                    );
                    writeln!(out, "     {}", m.render(lang))?;
                }
                for e in &t.errors {
                    let m = msg!(
                        "ui-cli-test-unit-error",
                        error = visible(&e.render(lang)).into_owned()
                    );
                    writeln!(out, "     {}", m.render(lang))?;
                }
            }
        }
    }
    let m = msg!("ui-cli-test-result", passed = passed, failed = failed);
    writeln!(out, "{}", m.render(lang))?;
    Ok(u8::from(failed > 0 || unreadable))
}
