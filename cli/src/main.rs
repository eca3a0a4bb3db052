//! `cchc`: check, score and test `cchc/1` rulesets.

mod check;
mod compare;
mod diff;
mod improve;
mod render;
mod report;
mod schema;
mod score;
mod sensitivity;
mod template;
mod test;
mod workbook;

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
        #[command(flatten)]
        lint: check::LintArgs,
    },
    /// Score units. Exit 0 all complete, 1 some incomplete or in error, 2 unreadable input.
    Score(score::Args),
    /// Run the worked cases in each rule file's `tests:`. Exit 1 on any failure.
    Test {
        /// Rule files.
        #[arg(required = true)]
        rules: Vec<PathBuf>,
        #[command(flatten)]
        lint: check::LintArgs,
        #[command(flatten)]
        coverage: test::CoverageArgs,
    },
    /// Write a data-entry workbook for a ruleset (one column per input, drop-down lists, notes,
    /// instructions): `cchc template RULES --out mau-nhap-lieu.xlsx`. Fill it and score it
    /// with `cchc score RULES file.xlsx`.
    Template(template::Args),
    /// Compare two versions of a rule file: what changed, by criterion id; with --data, the
    /// units whose index, grade or rank change. Exit 0 (1 when a file does not load).
    Diff(diff::Args),
    /// Write the printable HTML report (cover, ranking, charts, a page per unit) of scored units.
    Report(report::Args),
    /// Print the JSON Schema (2020-12) of the rule format, for editors: its descriptions (hover
    /// texts) in the output language (docs/editor-setup.md).
    Schema,
    /// How ranks and grades depend on the area weights: each area left out, and seeded Monte
    /// Carlo draws of the weights. Exit 2 on unreadable input or options.
    Sensitivity(sensitivity::Args),
    /// A unit's lost points and the fewest criteria whose full marks reach the next grade.
    Improve(improve::Args),
    /// Compare two results files (`cchc score --format json`): index, rank, grade and area
    /// changes; units matched by id.
    Compare(compare::Args),
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
    /// A results workbook (.xlsx; needs --out): ranking, summary and a sheet per unit.
    Xlsx,
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
        Command::Check { rules, lint } => check::run(&rules, &lint, lang),
        Command::Score(args) => score::run(&args, lang),
        Command::Test {
            rules,
            lint,
            coverage,
        } => test::run(&rules, &lint, &coverage, lang),
        Command::Diff(args) => diff::run(&args, lang),
        Command::Template(args) => template::run(&args, lang),
        Command::Report(args) => report::run(&args, lang),
        Command::Schema => schema::run(lang),
        Command::Sensitivity(args) => sensitivity::run(&args, lang),
        Command::Improve(args) => improve::run(&args, lang),
        Command::Compare(args) => compare::run(&args, lang),
    };
    ExitCode::from(code)
}
