//! `cchc score`.
// TODO(lead): lints after present merge (print through a handle, `pub(crate)` items).
#![allow(
    clippy::print_stderr,
    unreachable_pub,
    reason = "TODO(lead): lints after present merge"
)]

use std::fmt::Write as _;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

use cchc::{BatchOptions, BatchResult, DataFormat, NodeStatus, Ruleset, UnitResult, UnitStatus};

use crate::Format;

/// Arguments of `cchc score`.
#[derive(clap::Args)]
pub struct Args {
    /// The rule file.
    rules: PathBuf,
    /// Unit data: .json, .yaml, .yml, .csv, or `-` for standard input (with --data-format).
    data: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// With the table: show each unit's criteria tree, points/max and why.
    #[arg(long)]
    explain: bool,
    /// Rank each kind of unit on its own.
    #[arg(long)]
    group_by_kind: bool,
    /// Format of the data when it is read from standard input (or has no known extension).
    #[arg(long, value_parser = ["json", "yaml", "csv"])]
    data_format: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

fn read_data(args: &Args) -> Result<Vec<cchc::Unit>, cchc::Error> {
    let origin = args.data.display().to_string();
    let format = args
        .data_format
        .as_deref()
        .and_then(DataFormat::parse)
        .or_else(|| DataFormat::from_path(&args.data));
    let Some(format) = format else {
        return Err(cchc::Error::Data(Box::new(cchc::Diagnostic::new(
            cchc::Code::DataShape,
            &origin,
            cchc::Pos::default(),
            "cannot tell the data format; use a .json, .yaml, .yml or .csv file, or --data-format",
        ))));
    };
    let bytes = if origin == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map(|_| b)
    } else {
        std::fs::read(&args.data)
    }
    .map_err(|e| {
        cchc::Error::Data(Box::new(cchc::Diagnostic::new(
            cchc::Code::Io,
            &origin,
            cchc::Pos::default(),
            format!("cannot read `{origin}`: {e}"),
        )))
    })?;
    cchc::read_units_bytes(&bytes, format, &origin)
}

pub fn run(args: &Args) -> u8 {
    let rs = match Ruleset::load(&args.rules) {
        Ok(rs) => rs,
        Err(e) => {
            eprint!("{}", crate::render::all(e.diagnostics()));
            return 2;
        }
    };
    let units = match read_data(args) {
        Ok(u) => u,
        Err(e) => {
            eprint!("{}", crate::render::all(e.diagnostics()));
            return 2;
        }
    };
    let bar = (std::io::stderr().is_terminal() && units.len() >= 2000).then(|| {
        let b = indicatif::ProgressBar::new(units.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} units {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let batch = rs.score_batch_with(
        &units,
        &BatchOptions::grouped(args.group_by_kind),
        &mut |done| {
            if let Some(b) = &bar {
                b.set_position(done as u64);
            }
        },
    );
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&batch).unwrap_or_default() + "\n",
        Format::Csv => csv(&rs, &batch),
        Format::Table => table(&rs, &batch, args.explain),
    };
    let written = match &args.out {
        Some(path) => std::fs::write(path, text.as_bytes()),
        None => std::io::stdout().lock().write_all(text.as_bytes()),
    };
    if let Err(e) = written {
        eprintln!("error: cannot write the output: {e}");
        return 2;
    }
    u8::from(
        batch
            .results
            .iter()
            .any(|r| r.status != UnitStatus::Complete),
    )
}

fn fmt_num(d: Option<cchc::Decimal>) -> String {
    d.map(|d| d.normalize().to_string())
        .unwrap_or_else(|| "-".into())
}

fn pad(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n >= w {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(w - n))
    }
}

fn table(rs: &Ruleset, batch: &BatchResult, explain: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} {} ({})",
        rs.title(),
        rs.id(),
        rs.version(),
        rs.fingerprint()
    );
    let mut rows: Vec<(String, &UnitResult)> = batch
        .ranked()
        .map(|(rank, r)| (rank.to_string(), r))
        .collect();
    let ranked: std::collections::HashSet<usize> =
        batch.ranking.iter().map(|e| e.position).collect();
    rows.extend(
        batch
            .results
            .iter()
            .enumerate()
            .filter(|(i, _)| !ranked.contains(i))
            .map(|(_, r)| ("-".to_string(), r)),
    );
    let name_w = rows
        .iter()
        .map(|(_, r)| {
            r.unit
                .name
                .as_deref()
                .or(r.unit.id.as_deref())
                .unwrap_or("?")
                .chars()
                .count()
        })
        .max()
        .unwrap_or(4)
        .max(4);
    let kind_col = batch.grouped;
    let _ = write!(out, "{}  {}  ", pad("rank", 4), pad("unit", name_w));
    if kind_col {
        let _ = write!(out, "{}  ", pad("kind", 10));
    }
    let _ = writeln!(
        out,
        "{}  {}  {}  {}  status",
        pad("total", 8),
        pad("max", 6),
        pad("index", 7),
        pad("grade", 12)
    );
    for (rank, r) in &rows {
        let name = r
            .unit
            .name
            .as_deref()
            .or(r.unit.id.as_deref())
            .unwrap_or("?");
        let _ = write!(out, "{}  {}  ", pad(rank, 4), pad(name, name_w));
        if kind_col {
            let _ = write!(out, "{}  ", pad(r.unit.kind.as_deref().unwrap_or("-"), 10));
        }
        let grade = r
            .grade()
            .map(|g| g.label.to_string())
            .unwrap_or_else(|| "-".into());
        let _ = writeln!(
            out,
            "{}  {}  {}  {}  {}",
            pad(&fmt_num(Some(r.total)), 8),
            pad(&fmt_num(Some(r.max)), 6),
            pad(&fmt_num(r.index), 7),
            pad(&grade, 12),
            r.status.as_str()
        );
    }
    if explain {
        for r in &batch.results {
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "{} ({}) — {} / {}, index {}, {}",
                r.unit.name.as_deref().unwrap_or(""),
                r.unit.id.as_deref().unwrap_or("?"),
                fmt_num(Some(r.total)),
                fmt_num(Some(r.max)),
                fmt_num(r.index),
                r.status.as_str()
            );
            for (i, (node, res)) in r.iter_nodes().enumerate() {
                let mark = match res.status {
                    NodeStatus::Scored => "",
                    NodeStatus::NotApplicable => " [không áp dụng]",
                    NodeStatus::Missing => " [thiếu dữ liệu]",
                    NodeStatus::Error => " [lỗi]",
                };
                let delta = res
                    .self_assessed
                    .map(|s| {
                        format!(
                            " (tự chấm {}, chênh {})",
                            s.normalize(),
                            (res.points - s).normalize()
                        )
                    })
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{}{} {} — {}/{}{mark}{delta}: {}",
                    "  ".repeat(node.depth),
                    node.id,
                    node.title,
                    res.points.normalize(),
                    res.max.normalize(),
                    r.trace_text(i)
                );
            }
            for e in &r.errors {
                let _ = writeln!(out, "  error[{}]: {}", e.code, e.message);
            }
            for w in &r.warnings {
                let _ = writeln!(out, "  warning[{}]: {}", w.code, w.message);
            }
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(rs: &Ruleset, batch: &BatchResult) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = [
        "id", "name", "kind", "status", "total", "max", "index", "grade",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(rs.nodes().iter().map(|n| n.id.clone()));
    let _ = writeln!(
        out,
        "{}",
        header
            .iter()
            .map(|h| csv_field(h))
            .collect::<Vec<_>>()
            .join(",")
    );
    for r in &batch.results {
        let mut row = vec![
            r.unit.id.clone().unwrap_or_default(),
            r.unit.name.clone().unwrap_or_default(),
            r.unit.kind.clone().unwrap_or_default(),
            r.status.as_str().to_string(),
            r.total.normalize().to_string(),
            r.max.normalize().to_string(),
            r.index
                .map(|i| i.normalize().to_string())
                .unwrap_or_default(),
            r.grade().map(|g| g.id.to_string()).unwrap_or_default(),
        ];
        row.extend(r.nodes.iter().map(|n| n.points.normalize().to_string()));
        let _ = writeln!(
            out,
            "{}",
            row.iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(",")
        );
    }
    out
}
