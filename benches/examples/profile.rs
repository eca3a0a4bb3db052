//! Scores one unit many times, for a profiler: `valgrind --tool=callgrind target/release/examples/profile`.
fn main() {
    let rs =
        cchc::Ruleset::from_yaml_str(&cchc_benches::ruleset_yaml(), "bench.yaml").expect("loads");
    let (u, _) = cchc_benches::unit(1);
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let mut acc = cchc::Decimal::ZERO;
    for _ in 0..n {
        acc += rs.score(&u).total;
    }
    println!("{acc}");
}
