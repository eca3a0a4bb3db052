//! Writes one unit's result as JSON many times, for a profiler:
//! `valgrind --tool=callgrind target/release/examples/profile_json [full|why|summary] [N]`.

#![allow(
    clippy::print_stdout,
    reason = "A profiling program: printing the sum (so nothing is optimised away) is its output."
)]

use cchc::{JsonOptions, Lang};

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "why".into());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2_000);
    let opts = match mode.as_str() {
        "full" => JsonOptions::new(Lang::Vi),
        "summary" => JsonOptions::summary(Lang::Vi),
        _ => JsonOptions::new(Lang::Vi).trace(false),
    };
    let (u, _) = cchc_benches::unit(1);
    let Ok(rs) = cchc::Ruleset::from_yaml_str(&cchc_benches::ruleset_yaml(), "bench.yaml") else {
        return;
    };
    let r = rs.score(&u);
    let mut acc = 0usize;
    for _ in 0..n {
        acc += serde_json::to_vec(&r.json(std::hint::black_box(opts))).map_or(0, |v| v.len());
    }
    println!("{acc}");
}
