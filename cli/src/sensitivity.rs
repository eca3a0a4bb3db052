//! `cchc sensitivity`: how ranks and grades depend on the area weights (core `analysis`).

use std::io::Write;
use std::path::{Path, PathBuf};

use cchc::analysis::{SensitivityOptions, sensitivity};
use cchc::{Decimal, Lang, Ruleset, Unit};

/// Output formats of the analyses.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Debug)]
pub(crate) enum TextOrJson {
    /// Text for people.
    Text,
    /// JSON (shapes in docs/analysis.md).
    Json,
}

/// Arguments of `cchc sensitivity`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The rule file.
    rules: PathBuf,
    /// Unit data: .json, .yaml, .yml or .csv.
    data: PathBuf,
    /// Monte Carlo draws of the area weights (0: only each area left out).
    #[arg(long, default_value_t = 1000)]
    draws: u32,
    /// Each area weight is multiplied by a factor uniform in [1 − R, 1 + R] (0 ≤ R < 1).
    #[arg(long, default_value = "0.2", value_name = "R")]
    range: Decimal,
    /// Seed of the draws (the same seed gives the same output on every platform).
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Rank each kind of unit on its own (instead of the ruleset's `ranking.groups`).
    #[arg(long, conflicts_with = "no_groups")]
    group_by_kind: bool,
    /// Rank every unit in one ranking, ignoring the ruleset's `ranking.groups`.
    #[arg(long)]
    no_groups: bool,
    /// Leave out the "each area left out" scenarios.
    #[arg(long)]
    no_leave_one_out: bool,
    /// Name units whose 5–95 % rank interval is wider than this many places.
    #[arg(long, default_value_t = 3, value_name = "PLACES")]
    max_rank_width: u32,
    /// Name units that get another grade in more than this fraction of the draws.
    #[arg(long, default_value = "0.1", value_name = "P")]
    max_grade_change: Decimal,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: TextOrJson,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Loads the rule file and the units, reporting problems on standard error (`Err(2)`).
pub(crate) fn load(rules: &Path, data: &Path, lang: Lang) -> Result<(Ruleset, Vec<Unit>), u8> {
    let rs = match Ruleset::load(rules) {
        Ok(rs) => rs,
        Err(e) => {
            crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
            return Err(2);
        }
    };
    match cchc::read_units_file(data) {
        Ok(units) => Ok((rs, units)),
        Err(e) => {
            crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
            Err(2)
        }
    }
}

/// Writes `text` to `out` (a file) or standard output; 0, or 2 when writing failed.
pub(crate) fn emit(out: Option<&Path>, text: &[u8], lang: Lang) -> u8 {
    let written = match out {
        Some(path) => std::fs::write(path, text),
        None => {
            let mut o = std::io::stdout().lock();
            o.write_all(text).and_then(|()| o.flush())
        }
    };
    match written {
        Ok(()) => 0,
        Err(e) => crate::render::output_failed(&e, lang),
    }
}

/// Reports an analysis error on standard error; 2.
pub(crate) fn failed(e: &cchc::Error, lang: Lang) -> u8 {
    crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
    2
}

pub(crate) fn run(args: &Args, lang: Lang) -> u8 {
    let (rs, units) = match load(&args.rules, &args.data, lang) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let mut opts = SensitivityOptions::default();
    opts.groups = if args.no_groups {
        cchc::Groups::None
    } else {
        cchc::Groups::Ruleset
    };
    opts.draws = args.draws;
    opts.range = args.range;
    opts.seed = args.seed;
    opts.group_by_kind = args.group_by_kind;
    opts.leave_one_out = !args.no_leave_one_out;
    opts.max_rank_width = args.max_rank_width;
    opts.max_grade_change = args.max_grade_change;
    let batch = rs.score_batch_with(&units, &opts.batch_options(), &mut |_| {});
    let report = match sensitivity(&rs, &batch.results, Some(&units), &opts) {
        Ok(r) => r,
        Err(e) => return failed(&e, lang),
    };
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
