//! `cchc`: check, score and test `cchc/1` rulesets.

mod check;
mod render;
mod schema;
mod score;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Scores Vietnam's administrative-reform index (Chỉ số CCHC) from cchc/1 rule files.
#[derive(Parser)]
#[command(name = "cchc", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    /// Print the JSON Schema of the rule format (for editors).
    Schema,
}

/// Output formats of `score`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Format {
    /// A ranking table (with --explain, the criteria tree of each unit).
    Table,
    /// `{"results": [...], "ranking": [...]}`.
    Json,
    /// One row per unit, a column per criterion.
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check { rules } => check::run(&rules),
        Command::Score(args) => score::run(&args),
        Command::Test { rules } => test::run(&rules),
        Command::Schema => schema::run(),
    };
    ExitCode::from(code)
}
