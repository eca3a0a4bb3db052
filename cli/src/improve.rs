//! `cchc improve`: where a unit lost points and what lifts it to the next grade.

use std::path::PathBuf;

use cchc::Lang;
use cchc::analysis::{ImprovementOptions, find_unit, improvements};

use crate::sensitivity::{TextOrJson, emit, failed, load};

/// Arguments of `cchc improve`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The rule file.
    rules: PathBuf,
    /// Unit data: .json, .yaml, .yml or .csv.
    data: PathBuf,
    /// The unit's id.
    #[arg(long, value_name = "ID")]
    unit: String,
    /// Most scorings of the unit in the search for the smallest set of criteria.
    #[arg(long, default_value_t = 20_000)]
    max_scorings: u32,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: TextOrJson,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub(crate) fn run(args: &Args, lang: Lang) -> u8 {
    let (rs, units) = match load(&args.rules, &args.data, lang) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let unit = match find_unit(&units, &args.unit) {
        Ok(u) => u,
        Err(e) => return failed(&e, lang),
    };
    let mut opts = ImprovementOptions::default();
    opts.max_scorings = args.max_scorings;
    let report = improvements(&rs, unit, &opts);
    let text = match args.format {
        TextOrJson::Text => report.to_text(lang),
        TextOrJson::Json => {
            let mut s = report.to_json(lang).to_string();
            s.push('\n');
            s
        }
    };
    emit(args.out.as_deref(), text.as_bytes(), lang)
}
