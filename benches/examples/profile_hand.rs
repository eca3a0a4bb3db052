//! The hand-written floor under a profiler.
fn main() {
    let (_, hand) = cchc_benches::unit(1);
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let mut acc = cchc::Decimal::ZERO;
    for _ in 0..n {
        acc += cchc_benches::hand_score(std::hint::black_box(&hand)).0;
    }
    println!("{acc}");
}
