//! `cchc report`: the printable HTML report of a batch (the core's `present::report`).

use std::io::Write;
use std::path::PathBuf;

use cchc::present::report::{ReportOptions, report_html, today};
use cchc::{Arg, BatchOptions, Code, DataFormat, Diagnostic, Lang, Pos, Ruleset, msg};

/// Arguments of `cchc report`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The rule file.
    rules: PathBuf,
    /// Unit data: .json, .yaml, .yml, .csv, or `-` for standard input (with --data-format).
    data: PathBuf,
    /// The HTML file to write (e.g. `bao-cao.html`); standard output without it.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Report as of this assessment round (an id of the ruleset's `rounds:`).
    #[arg(long, value_name = "ID")]
    round: Option<String>,
    /// The report's date, as printed on the cover and every page (default: today, UTC,
    /// `YYYY-MM-DD`).
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Rank each kind of unit on its own.
    #[arg(long)]
    group_by_kind: bool,
    /// Format of the data when it is read from standard input (or has no known extension).
    #[arg(long, value_parser = ["json", "yaml", "csv"])]
    data_format: Option<String>,
}

/// Scores the data and writes the report. Exit 0 when every unit is complete, 1 when some
/// unit is incomplete or in error (the report is written all the same), 2 when the ruleset or
/// the data cannot be read or the report cannot be written.
pub(crate) fn run(args: &Args, lang: Lang) -> u8 {
    if let Some(out) = &args.out {
        for input in [&args.rules, &args.data] {
            if input.as_os_str() != "-" && same_file::is_same_file(out, input).unwrap_or(false) {
                let m = msg!(
                    "ui-cli-out-is-input",
                    out = Arg::ident(out.display().to_string()),
                    input = Arg::ident(input.display().to_string())
                );
                crate::render::to_stderr(&format!(
                    "{}\n  {}\n",
                    m.render(lang),
                    msg!("ui-cli-out-is-input-help").render(lang)
                ));
                return 2;
            }
        }
    }
    let rs = match Ruleset::load(&args.rules) {
        Ok(rs) => rs,
        Err(e) => {
            crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
            return 2;
        }
    };
    let round = match args
        .round
        .as_deref()
        .map(|id| crate::score::round_index(&rs, id, &args.rules))
    {
        None => None,
        Some(Ok(k)) => Some(k),
        Some(Err(d)) => {
            crate::render::to_stderr(&crate::render::all(&[*d], lang));
            return 2;
        }
    };
    let units = match read_units(args) {
        Ok(u) => u,
        Err(e) => {
            crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
            return 2;
        }
    };
    let opts = BatchOptions::grouped(args.group_by_kind).as_of(round);
    let batch = rs.score_batch_with(&units, &opts, &mut |_| {});
    let date = args.date.clone().unwrap_or_else(today);
    let html = report_html(&rs, &batch, &ReportOptions::new(lang, date).round(round));
    let written = match &args.out {
        Some(path) => std::fs::write(path, html.as_bytes()).map_err(|e| {
            let m = msg!(
                "ui-cli-cannot-write-file",
                file = Arg::ident(path.display().to_string()),
                error = e.to_string()
            );
            crate::render::to_stderr(&format!("{}\n", m.render(lang)));
            2
        }),
        None => std::io::stdout()
            .lock()
            .write_all(html.as_bytes())
            .map_err(|e| crate::render::output_failed(&e, lang)),
    };
    match written {
        Ok(()) => u8::from(
            batch
                .results
                .iter()
                .any(|r| r.status != cchc::UnitStatus::Complete),
        ),
        Err(code) => code,
    }
}

/// The units of the data file (bounded by `cchc::data::MAX_DATA_FILE_BYTES`).
fn read_units(args: &Args) -> Result<Vec<cchc::Unit>, cchc::Error> {
    let origin = args.data.display().to_string();
    let format = args
        .data_format
        .as_deref()
        .and_then(DataFormat::parse)
        .or_else(|| DataFormat::from_path(&args.data));
    let Some(format) = format else {
        return Err(cchc::Error::Data(Box::new(
            Diagnostic::new(
                Code::DataShape,
                &origin,
                Pos::default(),
                msg!("ui-cli-unknown-data-format"),
            )
            .with_help(msg!("ui-cli-unknown-data-format-help")),
        )));
    };
    let limit = cchc::data::MAX_DATA_FILE_BYTES;
    let bytes = if origin == "-" {
        cchc::data::read_bounded(std::io::stdin().lock(), limit)
    } else {
        cchc::data::read_file_bounded(&args.data, limit)
    }
    .map_err(|e| e.into_error(&origin))?;
    cchc::read_units_bytes(&bytes, format, &origin)
}
