//! Scores one unit many times, for a profiler:
//! `valgrind --tool=callgrind target/release/examples/profile [engine|hand|json] [N]`.

#![allow(
    clippy::print_stdout,
    reason = "A profiling program: printing the sum (so nothing is optimised away) is its output."
)]

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "engine".into());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let (u, hand) = cchc_benches::unit(1);
    let rs = cchc::Ruleset::from_yaml_str(&cchc_benches::ruleset_yaml(), "bench.yaml").ok();
    let mut acc = cchc::Decimal::ZERO;
    for _ in 0..n {
        acc += match (&rs, mode.as_str()) {
            (_, "hand") => cchc_benches::hand_score(std::hint::black_box(&hand)).0,
            (Some(rs), "json") => {
                let r = rs.score(std::hint::black_box(&u));
                cchc::Decimal::from(serde_json::to_string(&r).map(|s| s.len()).unwrap_or(0))
            }
            (Some(rs), _) => rs.score(std::hint::black_box(&u)).total,
            (None, _) => break,
        };
    }
    println!("{acc}");
}
