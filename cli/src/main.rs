//! `cchc`: check, score and test `cchc/1` rulesets.

mod check;
mod render;
mod report;
mod schema;
mod score;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

use cchc::Lang;
use clap::{Parser, Subcommand, ValueEnum};

/// Scores Vietnam's administrative-reform index (Chỉ số CCHC) from cchc/1 rule files.
#[derive(Parser)]
#[command(name = "cchc", version, about, long_about = None)]
struct Cli {
    /// Language of the output: `vi` (Tiếng Việt, the default) or `en` (English). Without it,
    /// the `CCHC_LANG` environment variable, else Vietnamese.
    #[arg(long, global = true, value_parser = parse_lang, value_name = "vi|en")]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

/// `--lang`: `vi`, `en` (or a tag such as `vi-VN`); anything else is a usage error, said in
/// the language of `CCHC_LANG`.
fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>()
        .map_err(|e| e.message().render(Lang::from_env()))
}

#[derive(Subcommand)]
enum Command {
    /// Check rule files; report every problem with its place. Exit 0 valid, 1 invalid.
    Check {
        /// Rule files (YAML or JSON).
        #[arg(required = true)]
        rules: Vec<PathBuf>,
    },
    /// Score units. Exit 0 all complete, 1 some incomplete or in error, 2 unreadable input.
    Score(score::Args),
    /// Run the worked cases in each rule file's `tests:`. Exit 1 on any failure.
    Test {
        /// Rule files.
        #[arg(required = true)]
        rules: Vec<PathBuf>,
    },
    /// Write the printable HTML report (cover, ranking, charts, a page per unit) of scored units.
    Report(report::Args),
    /// Print the JSON Schema of the rule format (for editors; its descriptions are in English).
    Schema,
}

/// Output formats of `score`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Format {
    /// A ranking table (with --explain, the criteria tree of each unit).
    Table,
    /// `{"results": [...], "ranking": [...]}`.
    Json,
    /// One row per unit, a column per criterion (see --csv).
    Csv,
}

/// Styles of CSV output.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum CsvStyle {
    /// `,` between fields, a decimal point, machine column names, no byte-order mark.
    Plain,
    /// For Excel (Vietnamese settings): UTF-8 byte-order mark, `;`, a decimal comma, headers
    /// in the output language.
    Excel,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let code = match cli.command {
        Command::Check { rules } => check::run(&rules, lang),
        Command::Score(args) => score::run(&args, lang),
        Command::Test { rules } => test::run(&rules, lang),
        Command::Report(args) => report::run(&args, lang),
        Command::Schema => schema::run(lang),
    };
    ExitCode::from(code)
}
