//! `cchc diff OLD NEW [--data FILE] [--format text|json]`: the core's diff, rendered by the
//! core.

use std::io::Write;
use std::path::PathBuf;

use cchc::Lang;
use cchc::report::Severity;

use crate::render;

/// Arguments of `diff`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// The old rule file.
    old: PathBuf,
    /// The new rule file.
    new: PathBuf,
    /// Unit data (JSON, YAML or CSV) scored with both: list the units whose index, grade or
    /// rank change, largest change first, with the criteria responsible.
    #[arg(long, value_name = "FILE")]
    data: Option<PathBuf>,
    /// Output: `text` (for people) or `json` (stable, docs/authoring.md).
    #[arg(long, value_enum, default_value = "text")]
    format: DiffFormat,
}

/// Output formats of `diff`.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Debug)]
pub(crate) enum DiffFormat {
    /// For people.
    Text,
    /// Stable JSON.
    Json,
}

pub(crate) fn run(args: &Args, lang: Lang) -> u8 {
    let load = |p: &PathBuf| {
        let loaded = render::load_ruleset(p);
        match loaded.result {
            Ok(rs) => Some(rs),
            Err(e) => {
                render::to_stderr(&render::with_source(
                    e.diagnostics(),
                    Severity::Error,
                    loaded.text.as_deref(),
                    lang,
                ));
                None
            }
        }
    };
    let (Some(old), Some(new)) = (load(&args.old), load(&args.new)) else {
        return 1;
    };
    let d = match &args.data {
        Some(path) => match cchc::read_units_file(path) {
            Ok(units) => cchc::diff::diff_with_effect(&old, &new, &units),
            Err(e) => {
                render::to_stderr(&render::all(e.diagnostics(), lang));
                return 2;
            }
        },
        None => cchc::diff::diff(&old, &new),
    };
    let text = match args.format {
        DiffFormat::Text => d.render(lang),
        DiffFormat::Json => format!("{}\n", d.to_json()),
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(e) => render::output_failed(&e, lang),
    }
}
