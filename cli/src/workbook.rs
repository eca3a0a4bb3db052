//! Workbooks on the command line: `cchc score … --format xlsx --out FILE` and the checks of
//! `--sheet` and `--out` (the workbooks themselves are written by `cchc::present::xlsx`).

use std::path::Path;

use cchc::data::UnitChunks;
use cchc::{Arg, BatchOptions, Lang, Message, Ruleset, msg};

use crate::Format;

/// Refuses `--format xlsx` without `--out` (a workbook is not for a terminal or a pipe) and
/// `--sheet` for data that is not a workbook.
pub(crate) fn check_args(
    format: Format,
    out: Option<&Path>,
    sheet: bool,
    workbook: bool,
) -> Result<(), Message> {
    if format == Format::Xlsx && out.is_none() {
        return Err(msg!("xlsx-cli-needs-out"));
    }
    if sheet && !workbook {
        return Err(msg!("xlsx-cli-sheet-not-workbook"));
    }
    Ok(())
}

/// Writes `bytes` to `path`; the exit code 2 (said on standard error) when it cannot.
pub(crate) fn write_file(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), u8> {
    std::fs::write(path, bytes).map_err(|e| {
        let m = msg!(
            "ui-cli-cannot-write-file",
            file = Arg::ident(path.display().to_string()),
            error = e.to_string()
        );
        crate::render::to_stderr(&format!("{}\n", m.render(lang)));
        2
    })
}

/// Scores every unit (all in memory: a workbook is written whole) and writes the results
/// workbook to `out`. Exit 0 when every unit is complete, 1 otherwise, 2 when the file cannot
/// be written.
pub(crate) fn score_to_workbook(
    rs: &Ruleset,
    units: &UnitChunks<'_>,
    opts: &BatchOptions,
    out: Option<&Path>,
    lang: Lang,
) -> u8 {
    let Some(out) = out else {
        return 2;
    };
    let mut all = Vec::with_capacity(units.len());
    let read: Result<(), cchc::Error> = units.for_each(4096, |chunk| {
        all.extend_from_slice(chunk);
        Ok(())
    });
    if let Err(e) = read {
        crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
        return 2;
    }
    let batch = rs.score_batch_with(&all, opts, &mut |_| {});
    drop(all);
    let bytes = match cchc::present::xlsx::results_workbook(rs, &batch, lang) {
        Ok(b) => b,
        Err(e) => return crate::render::output_failed(&e.into(), lang),
    };
    if let Err(code) = write_file(out, &bytes, lang) {
        return code;
    }
    u8::from(
        batch
            .results
            .iter()
            .any(|r| r.status != cchc::UnitStatus::Complete),
    )
}
