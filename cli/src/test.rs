//! `cchc test`.

use std::io::Write;
use std::path::PathBuf;

use cchc::Lang;
use cchc::msg;
use cchc::report::{Severity, visible};

use crate::check::LintArgs;
use crate::render;

/// `--coverage`, `--min-coverage`, `--format` of `test`.
#[derive(clap::Args, Debug, Clone, Copy)]
pub(crate) struct CoverageArgs {
    /// Report which leaves, band steps, level options, `applies_if` outcomes, bonus and
    /// penalty criteria and grades the file's own tests exercise.
    #[arg(long)]
    pub coverage: bool,
    /// Exit 1 when a file's coverage is below N percent (implies --coverage).
    #[arg(long, value_name = "N")]
    pub min_coverage: Option<cchc::Decimal>,
    /// Output of the coverage report: `text` or `json` (JSON: stdout holds only
    /// `{"passed", "failed", "coverage": [...]}`).
    #[arg(long, value_enum, default_value = "text")]
    pub format: CoverageFormat,
}

/// Output formats of `test --coverage`.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Debug)]
pub(crate) enum CoverageFormat {
    /// For people.
    Text,
    /// Stable JSON (docs/authoring.md).
    Json,
}

pub(crate) fn run(files: &[PathBuf], lint: &LintArgs, cov: &CoverageArgs, lang: Lang) -> u8 {
    report(files, lint, cov, lang, &mut std::io::stdout().lock())
        .unwrap_or_else(|e| render::output_failed(&e, lang))
}

/// Runs the tests of every file, writing the outcomes to `out`; the exit code.
fn report(
    files: &[PathBuf],
    lint: &LintArgs,
    cov: &CoverageArgs,
    lang: Lang,
    out: &mut impl Write,
) -> std::io::Result<u8> {
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut unreadable = false;
    let mut warned = false;
    let want_coverage = cov.coverage || cov.min_coverage.is_some();
    let json = want_coverage && cov.format == CoverageFormat::Json;
    let mut below = false;
    let mut reports = Vec::new();
    // With JSON coverage, stdout holds only the JSON document.
    let mut sink = std::io::sink();
    let text_out: &mut dyn Write = if json { &mut sink } else { out };
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
        warned |= crate::check::lint(&rs, loaded.text.as_deref(), lint, lang);
        let outcomes = rs.run_tests();
        let file = visible(&f.display().to_string()).into_owned();
        if outcomes.is_empty() {
            writeln!(
                text_out,
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
                writeln!(text_out, "{}", m.render(lang))?;
            } else {
                failed += 1;
                let m = msg!("ui-cli-test-fail", place = place, name = name);
                writeln!(text_out, "{}", m.render(lang))?;
                for d in &t.failures {
                    let m = msg!(
                        "ui-cli-test-expected",
                        what = visible(&d.what.render(lang)).into_owned(),
                        expected = visible(&d.expected).into_owned(),
                        actual = visible(&d.actual).into_owned()
                    );
                    writeln!(text_out, "     {}", m.render(lang))?;
                }
                for e in &t.errors {
                    let m = msg!(
                        "ui-cli-test-unit-error",
                        error = visible(&e.render(lang)).into_owned()
                    );
                    writeln!(text_out, "     {}", m.render(lang))?;
                }
            }
        }
        if want_coverage {
            let c = rs.coverage();
            if let Some(min) = cov.min_coverage {
                if c.percent < min {
                    below = true;
                    let m = msg!(
                        "tools-coverage-below-min",
                        file = &file,
                        percent = c.percent,
                        min = min
                    );
                    render::to_stderr(&format!("{}\n", m.render(lang)));
                }
            }
            if !json {
                write!(text_out, "{}", c.render(lang))?;
            }
            reports.push(c);
        }
    }
    let m = msg!("ui-cli-test-result", passed = passed, failed = failed);
    writeln!(text_out, "{}", m.render(lang))?;
    if json {
        let doc = serde_json::json!({
            "passed": passed,
            "failed": failed,
            "coverage": reports,
        });
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        )?;
    }
    Ok(u8::from(
        failed > 0 || unreadable || below || (warned && lint.deny_warnings),
    ))
}
