//! `cchc check`.

use std::io::Write;
use std::path::PathBuf;

use cchc::Lang;
use cchc::msg;
use cchc::report::{Severity, visible};

use crate::render;

/// `--no-lint`, `--deny-warnings` (of `check` and `test`).
#[derive(clap::Args, Debug, Clone, Copy)]
pub(crate) struct LintArgs {
    /// Do not run the static analysis (lint warnings: docs/authoring.md).
    #[arg(long)]
    pub no_lint: bool,
    /// Exit 1 when a file has a warning (load or lint).
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Prints a loaded file's lint warnings (after its load warnings) to standard error; true
/// when it has a warning of either kind.
pub(crate) fn lint(rs: &cchc::Ruleset, text: Option<&str>, args: &LintArgs, lang: Lang) -> bool {
    let warned = !rs.warnings().is_empty();
    if args.no_lint {
        return warned;
    }
    let ws = rs.lint();
    if !ws.is_empty() {
        render::to_stderr(&render::with_source(&ws, Severity::Warning, text, lang));
    }
    warned || !ws.is_empty()
}

pub(crate) fn run(files: &[PathBuf], args: &LintArgs, lang: Lang) -> u8 {
    report(files, args, lang, &mut std::io::stdout().lock())
        .unwrap_or_else(|e| render::output_failed(&e, lang))
}

/// Checks every file, writing a line per good one to `out`; the exit code.
fn report(
    files: &[PathBuf],
    args: &LintArgs,
    lang: Lang,
    out: &mut impl Write,
) -> std::io::Result<u8> {
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
                if lint(&rs, loaded.text.as_deref(), args, lang) && args.deny_warnings {
                    bad = true;
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
