//! Writes the benchmark fixtures that every binding's benchmark reads, and measures the core on
//! them in the same run, so that each binding's figure is printed beside the core's:
//!
//! ```text
//! cargo run --release -p cchc-benches --example fixtures -- OUT_DIR [UNITS] [--no-time]
//! ```
//!
//! - `OUT_DIR/ruleset.yaml`: the 100-leaf benchmark ruleset ([`cchc_benches::ruleset_yaml`]);
//! - `OUT_DIR/units.json`: `UNITS` (default 10,000) distinct synthetic units
//!   ([`cchc_benches::unit_json`]), a JSON list in the data file's shape;
//! - `OUT_DIR/core.json`: the core's figures on the same ruleset and units (µs per unit for one
//!   call per unit, for reading one unit from its JSON text and scoring it
//!   (`read_json_score_us`), and for a batch at 1 and 2 threads, with and without the criteria
//!   trees (`BatchOptions::trees`), ms per load; medians of 3
//!   passes after a warm-up pass), or `{"timed": false}` with `--no-time` (CI's smoke runs).

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::exit,
    clippy::float_arithmetic,
    clippy::cast_precision_loss,
    reason = "A command-line timing program: it reports on standard output, fails with a status, and divides times (floats) that never touch a score."
)]

use std::hint::black_box;
use std::time::Instant;

use cchc::Ruleset;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Median over 3 passes of `f`'s time in µs, divided by `per`.
fn time_us(per: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let passes = (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e6 / per.max(1) as f64
        })
        .collect();
    median(passes)
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let timed = !args.iter().any(|a| a == "--no-time");
    let mut pos = args.iter().filter(|a| !a.starts_with("--"));
    let out = std::path::PathBuf::from(
        pos.next()
            .ok_or("usage: fixtures OUT_DIR [UNITS] [--no-time]")?,
    );
    let n: usize = match pos.next() {
        Some(s) => s
            .parse()
            .map_err(|_| format!("UNITS must be a whole number, not {s}"))?,
        None => 10_000,
    };
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let yaml = cchc_benches::ruleset_yaml();
    let write = |name: &str, text: &str| {
        let p = out.join(name);
        std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))
    };
    write("ruleset.yaml", &yaml)?;
    let ks = 0..n as u64;
    let json: Vec<_> = ks.clone().map(cchc_benches::unit_json).collect();
    write(
        "units.json",
        &serde_json::to_string(&json).map_err(|e| e.to_string())?,
    )?;
    if !timed {
        write("core.json", "{\"timed\": false}\n")?;
        return Ok(());
    }
    let rs = Ruleset::from_yaml_str(&yaml, "ruleset.yaml").map_err(|e| e.to_string())?;
    let units: Vec<_> = ks.clone().map(|k| cchc_benches::unit(k).0).collect();
    let hand: Vec<_> = ks.map(|k| cchc_benches::unit(k).1).collect();
    let load_ms = time_us(1, || {
        for _ in 0..20 {
            black_box(Ruleset::from_yaml_str(black_box(&yaml), "ruleset.yaml").is_ok());
        }
    }) / 20.0
        / 1000.0;
    let score_us = time_us(n, || {
        for u in &units {
            let r = rs.score(black_box(u));
            black_box((r.status, r.total, r.max, r.index, r.grade));
        }
    });
    // A binding's path for one unit given as JSON text: read it, then score it.
    let texts: Vec<String> = json
        .iter()
        .map(|j| serde_json::to_string(j).unwrap_or_default())
        .collect();
    let read_score_us = time_us(n, || {
        for t in &texts {
            let us = cchc::read_units(black_box(t), cchc::DataFormat::Json, "unit.json");
            black_box(us.ok().and_then(|us| us.first().map(|u| rs.score(u).total)));
        }
    });
    let floor_us = time_us(n, || {
        for h in &hand {
            black_box(cchc_benches::hand_score(black_box(h)));
        }
    });
    let batch = |threads: usize, trees: bool| -> Result<f64, String> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(pool.install(|| {
            time_us(n, || {
                let opts = cchc::BatchOptions::default().trees(trees);
                let b = rs.score_batch_with(black_box(&units), &opts, &mut |_| {});
                black_box(b.ranking.len());
            })
        }))
    };
    let (batch1_us, batch2_us) = (batch(1, true)?, batch(2, true)?);
    let (lean1_us, lean2_us) = (batch(1, false)?, batch(2, false)?);
    let core = serde_json::json!({
        "timed": true,
        "units": n,
        "load_ms": load_ms,
        "score_us": score_us,
        "floor_us": floor_us,
        "read_json_score_us": read_score_us,
        "batch_1_thread_us": batch1_us,
        "batch_2_threads_us": batch2_us,
        "batch_no_trees_1_thread_us": lean1_us,
        "batch_no_trees_2_threads_us": lean2_us,
    });
    write("core.json", &format!("{core:#}\n"))?;
    println!("{core:#}");
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("fixtures: {e}");
        std::process::exit(2);
    }
}
