//! `cchc check`.

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

/// Checks every file, writing a line per good one to `out`; the exit code.
fn report(files: &[PathBuf], lang: Lang, out: &mut impl Write) -> std::io::Result<u8> {
    let mut bad = false;
    for f in files {
        let loaded = render::load_ruleset(f);
        match loaded.result {
            Ok(rs) => {
                let line = msg!(
                    "ui-cli-check-ok",
                    file = visible(&f.display().to_string()).into_owned(),
                    id = visible(rs.id()).into_owned(),
                    version = visible(rs.version()).into_owned(),
                    criteria = rs.criteria_count(),
                    inputs = rs.inputs().len(),
                    tests = rs.test_count(),
                    fingerprint = rs.fingerprint()
                );
                writeln!(out, "{}", line.render(lang))?;
                let ws = rs.warnings();
                if !ws.is_empty() {
                    render::to_stderr(&render::with_source(
                        ws,
                        Severity::Warning,
                        loaded.text.as_deref(),
                        lang,
                    ));
                }
            }
            Err(e) => {
                bad = true;
                render::to_stderr(&render::with_source(
                    e.diagnostics(),
                    Severity::Error,
                    loaded.text.as_deref(),
                    lang,
                ));
            }
        }
    }
    Ok(u8::from(bad))
}
