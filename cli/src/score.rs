//! `cchc score`.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use cchc::present::{self, Output, StreamFormat};
use cchc::{Arg, BatchOptions, Code, DataFormat, Diagnostic, JsonOptions, Lang, Pos, Ruleset, msg};

use crate::{CsvStyle, Format};

/// Arguments of `cchc score`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The rule file.
    rules: PathBuf,
    /// Unit data: .json, .yaml, .yml, .csv, or `-` for standard input (with --data-format).
    data: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// With --format csv: `excel` (UTF-8 byte-order mark, `;`, decimal comma; the default in
    /// Vietnamese) or `plain` (`,`, decimal point, machine column names; the default in English).
    #[arg(long, value_enum)]
    csv: Option<CsvStyle>,
    /// With the table: show each unit's criteria tree, points/max and why.
    #[arg(long)]
    explain: bool,
    /// With --format json, what each result holds: `full` (the criteria tree, each node's
    /// explanation in words and as data; the default), `data` (the tree and `why`, without the
    /// words: several times faster to write and read) or `summary` (figures, grade, warnings
    /// and errors; no tree).
    #[arg(long, value_enum, default_value = "full")]
    detail: Detail,
    /// Rank each kind of unit on its own (instead of the ruleset's `ranking.groups`).
    #[arg(long, conflicts_with = "no_groups")]
    group_by_kind: bool,
    /// Rank every unit in one ranking, ignoring the ruleset's `ranking.groups`.
    #[arg(long)]
    no_groups: bool,
    /// Score and rank as of this assessment round (an id of the ruleset's `rounds:`, e.g.
    /// `tu_cham`): later rounds are left out; a unit without this round is shown as of its last
    /// earlier round and not ranked.
    #[arg(long, value_name = "ID")]
    round: Option<String>,
    /// Set a parameter of the ruleset for the whole batch (its `parameters:`), e.g.
    /// `--set khao_sat=không`; repeatable. The value is read like a CSV cell, by the
    /// parameter's type. Unset parameters keep their defaults.
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// Format of the data when it is read from standard input (or has no known extension).
    #[arg(long, value_parser = ["json", "yaml", "csv"])]
    data_format: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// The data file's bytes (at most `cchc::data::MAX_DATA_FILE_BYTES`), its format and origin.
fn read_data(args: &Args) -> Result<(Vec<u8>, DataFormat, String), cchc::Error> {
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
    // Both paths read at most `cchc::data::MAX_DATA_FILE_BYTES` (+1): a pipe or `/dev/zero`
    // is refused with `file_too_large` instead of filling memory.
    let limit = cchc::data::MAX_DATA_FILE_BYTES;
    let bytes = if origin == "-" {
        cchc::data::read_bounded(std::io::stdin().lock(), limit)
    } else {
        cchc::data::read_file_bounded(&args.data, limit)
    };
    match bytes {
        Ok(bytes) => Ok((bytes, format, origin)),
        Err(e) => Err(e.into_error(&origin)),
    }
}

/// Refuses an `--out` that is the rule file or the data file (the same file under any path,
/// link or hard link): writing would destroy the input.
fn check_out(args: &Args, lang: Lang) -> Result<(), String> {
    let Some(out) = &args.out else {
        return Ok(());
    };
    let mut inputs = vec![&args.rules];
    if args.data.as_os_str() != "-" {
        inputs.push(&args.data);
    }
    for input in inputs {
        // An error means one of them does not exist (yet): then they are not the same file.
        if same_file::is_same_file(out, input).unwrap_or(false) {
            let m = msg!(
                "ui-cli-out-is-input",
                out = Arg::ident(out.display().to_string()),
                input = Arg::ident(input.display().to_string())
            );
            return Err(format!(
                "{}\n  {}",
                m.render(lang),
                msg!("ui-cli-out-is-input-help").render(lang)
            ));
        }
    }
    Ok(())
}

/// `--detail`: the parts of each JSON result.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Debug)]
pub(crate) enum Detail {
    /// Everything: the criteria tree with `trace` and `why`.
    Full,
    /// The criteria tree with `why`, without the `trace` words.
    Data,
    /// No criteria tree.
    Summary,
}

impl Detail {
    fn options(self, lang: Lang) -> JsonOptions {
        match self {
            Detail::Full => JsonOptions::new(lang),
            Detail::Data => JsonOptions::new(lang).trace(false),
            Detail::Summary => JsonOptions::summary(lang),
        }
    }
}

pub(crate) fn run(args: &Args, lang: Lang) -> u8 {
    if let Err(msg) = check_out(args, lang) {
        crate::render::to_stderr(&format!("{msg}\n"));
        return 2;
    }
    let rs = match Ruleset::load(&args.rules) {
        Ok(rs) => rs,
        Err(e) => {
            crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
            return 2;
        }
    };
    let rs = match rs.with_parameters(&parameters(&args.set)) {
        Ok(rs) => rs,
        Err(e) => {
            crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
            return 2;
        }
    };
    let round = match args
        .round
        .as_deref()
        .map(|id| round_index(&rs, id, &args.rules))
    {
        None => None,
        Some(Ok(k)) => Some(k),
        Some(Err(d)) => {
            crate::render::to_stderr(&crate::render::all(&[*d], lang));
            return 2;
        }
    };
    let (bytes, format, origin) = match read_data(args) {
        Ok(d) => d,
        Err(e) => {
            crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
            return 2;
        }
    };
    let csv = match args.csv {
        Some(CsvStyle::Plain) => present::CsvStyle::Plain,
        Some(CsvStyle::Excel) => present::CsvStyle::Excel,
        None => present::CsvStyle::default_for(lang),
    };
    // Every format is streamed: CSV data is read, scored and written a chunk at a time; only
    // the ids (for duplicates) and, for a ranking, each unit's figures stay in memory.
    let output = Output::new(match args.format {
        Format::Json => StreamFormat::Json,
        Format::Csv => StreamFormat::Csv,
        Format::Table => StreamFormat::Table,
    })
    .lang(lang)
    .csv(csv)
    .json(args.detail.options(lang))
    .explain(args.explain);
    let units = match cchc::data::unit_chunks(&bytes, format, &origin) {
        Ok(u) => u,
        Err(e) => {
            crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
            return 2;
        }
    };
    let count = units.len();
    let bar = (std::io::stderr().is_terminal() && count >= 2000).then(|| {
        let b = indicatif::ProgressBar::new(count as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template(&format!(
                "{{bar:40}} {{pos}}/{{len}} {} {{elapsed}}",
                msg!("ui-cli-progress").render(lang)
            ))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let mut progress = |done: usize| {
        if let Some(b) = &bar {
            b.set_position(done as u64);
        }
    };
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                let m = msg!(
                    "ui-cli-cannot-write-file",
                    file = Arg::ident(path.display().to_string()),
                    error = e.to_string()
                );
                crate::render::to_stderr(&format!("{}\n", m.render(lang)));
                return 2;
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let groups = if args.no_groups {
        cchc::Groups::None
    } else {
        cchc::Groups::Ruleset
    };
    let opts = BatchOptions::grouped(args.group_by_kind)
        .groups(groups)
        .as_of(round);
    let (written, all_complete) =
        match present::write_batch_chunks(&rs, &units, &opts, output, &mut out, &mut progress) {
            Ok(s) => (Ok(()), s.complete == s.units),
            Err(e) => (Err(e), false),
        };
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Err(e) = written {
        return crate::render::output_failed(&e, lang);
    }
    u8::from(!all_complete)
}

/// The values of `--set NAME=VALUE` (a value is a CSV cell, read by the parameter's type; a
/// `NAME` without `=` has an empty value, which the core refuses as `invalid_parameter`).
fn parameters(set: &[String]) -> cchc::Parameters {
    set.iter()
        .map(|s| {
            let (name, value) = s.split_once('=').unwrap_or((s.as_str(), ""));
            (name.trim(), cchc::RawValue::Cell(value.to_string()))
        })
        .collect()
}

/// The index of round `id` in the ruleset, or the `unknown_round` problem naming the declared
/// rounds, placed at the rule file's `rounds:` key when it can be found there.
pub(crate) fn round_index(rs: &Ruleset, id: &str, rules: &Path) -> Result<usize, Box<Diagnostic>> {
    if let Some(k) = rs.round_index(id) {
        return Ok(k);
    }
    let file = rules.display().to_string();
    let d = if rs.rounds().is_empty() {
        Diagnostic::new(
            Code::UnknownRound,
            &file,
            Pos::default(),
            msg!("ui-cli-unknown-round-none", round = Arg::ident(id)),
        )
        .with_help(msg!("ui-cli-unknown-round-none-help"))
    } else {
        let (pos, end) = rounds_key(rules).unwrap_or_default();
        Diagnostic::new(
            Code::UnknownRound,
            &file,
            pos,
            msg!("ui-cli-unknown-round", round = Arg::ident(id)),
        )
        .with_end(end)
        .with_help(msg!(
            "ui-cli-unknown-round-help",
            rounds = Arg::idents(rs.rounds().iter().map(|r| r.id.as_str()))
        ))
    };
    Err(Box::new(d))
}

/// Where the top-level `rounds:` key of a YAML rule file is (its start and end), when a line
/// of the file starts with it (read again, at most up to the rule files' size limit).
fn rounds_key(rules: &Path) -> Option<(Pos, Pos)> {
    let mut text = Vec::new();
    std::fs::File::open(rules)
        .ok()?
        .take(cchc::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut text)
        .ok()?;
    if text.len() > cchc::MAX_FILE_BYTES {
        return None;
    }
    let text = String::from_utf8_lossy(&text);
    let line = text
        .lines()
        .position(|l| l.starts_with("rounds:") || l.starts_with("\"rounds\":"))?;
    let line = u32::try_from(line).ok()?.checked_add(1)?;
    Some((Pos { line, column: 1 }, Pos { line, column: 7 }))
}
