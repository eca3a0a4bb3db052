//! `cchc compare`: two results files (`cchc score --format json`) side by side.

use std::path::PathBuf;

use cchc::Lang;
use cchc::analysis::compare_results;

use crate::sensitivity::{emit, failed};

/// Output formats of `cchc compare`.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Debug)]
pub(crate) enum CompareFormat {
    /// Text for people.
    Text,
    /// JSON (shape in docs/analysis.md).
    Json,
    /// One row per unit, machine column names, decimal points.
    Csv,
}

/// Arguments of `cchc compare`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The earlier results file (JSON of `cchc score --format json`).
    a: PathBuf,
    /// The later results file.
    b: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: CompareFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// A results file's bytes, at most `cchc::data::MAX_DATA_FILE_BYTES`.
fn read(path: &std::path::Path) -> Result<Vec<u8>, cchc::Error> {
    let origin = path.display().to_string();
    cchc::data::read_file_bounded(path, cchc::data::MAX_DATA_FILE_BYTES)
        .map_err(|e| e.into_error(&origin))
}

pub(crate) fn run(args: &Args, lang: Lang) -> u8 {
    let (a, b) = match (read(&args.a), read(&args.b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return failed(&e, lang),
    };
    let files = [args.a.display().to_string(), args.b.display().to_string()];
    let cmp = match compare_results(&a, &b, [files[0].as_str(), files[1].as_str()]) {
        Ok(c) => c,
        Err(e) => return failed(&e, lang),
    };
    let bytes = match args.format {
        CompareFormat::Text => cmp.to_text(lang).into_bytes(),
        CompareFormat::Json => {
            let mut s = cmp.to_json(lang).to_string();
            s.push('\n');
            s.into_bytes()
        }
        CompareFormat::Csv => {
            let mut buf = Vec::new();
            if let Err(e) = cmp.write_csv(&mut buf) {
                return crate::render::output_failed(&e, lang);
            }
            buf
        }
    };
    emit(args.out.as_deref(), &bytes, lang)
}
