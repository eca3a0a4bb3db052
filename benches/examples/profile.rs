//! Scores one unit many times, for a profiler:
//! `valgrind --tool=callgrind target/release/examples/profile [engine|rounds-1|rounds-3|hand|json|json-why|json-summary|serde-json|serde-json-why|read|load] [N]`.
//!
//! `engine` scores a unit of typed values, `rounds-1` the same unit with a ruleset that declares
//! three rounds, `rounds-3` a unit with three rounds ([`cchc_benches::unit_with_rounds`]), `hand` runs the hand-written floor, `json` scores and
//! writes the whole JSON result, `json-why` the result without trace words, `json-summary`
//! without the criteria tree (`cchc::JsonOptions`), all three with the direct writer
//! (`ResultJson::to_text`); `serde-json` and `serde-json-why` write the first two through serde, `read` reads the unit from its JSON text and
//! scores it, `load` loads and compiles the ruleset N times.

#![allow(
    clippy::print_stdout,
    reason = "A profiling program: printing the sum (so nothing is optimised away) is its output."
)]

use cchc::{JsonOptions, Lang};

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "engine".into());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let (u, hand) = cchc_benches::unit(1);
    let yaml = cchc_benches::ruleset_yaml();
    let rs = cchc::Ruleset::from_yaml_str(&yaml, "bench.yaml").ok();
    let text = serde_json::to_string(&cchc_benches::unit_json(1)).unwrap_or_default();
    let rounds = cchc::Ruleset::from_yaml_str(&cchc_benches::rounds_ruleset_yaml(), "r.yaml").ok();
    let three = cchc_benches::unit_with_rounds(1);
    let mut acc = cchc::Decimal::ZERO;
    for _ in 0..n {
        acc += match (&rs, mode.as_str()) {
            (_, "rounds-1") => rounds
                .as_ref()
                .map(|r| r.score(std::hint::black_box(&u)).total)
                .unwrap_or_default(),
            (_, "rounds-3") => rounds
                .as_ref()
                .map(|r| r.score(std::hint::black_box(&three)).total)
                .unwrap_or_default(),
            (_, "hand") => cchc_benches::hand_score(std::hint::black_box(&hand)).0,
            (
                Some(rs),
                m @ ("json" | "json-why" | "json-summary" | "serde-json" | "serde-json-why"),
            ) => {
                let opts = match m {
                    "json-why" | "serde-json-why" => JsonOptions::new(Lang::Vi).trace(false),
                    "json-summary" => JsonOptions::summary(Lang::Vi),
                    _ => JsonOptions::new(Lang::Vi),
                };
                let r = rs.score(std::hint::black_box(&u));
                let len = if m.starts_with("serde") {
                    serde_json::to_vec(&r.json(opts)).map_or(0, |s| s.len())
                } else {
                    r.json(opts).to_text().map_or(0, |s| s.len())
                };
                cchc::Decimal::from(len)
            }
            (Some(rs), "read") => cchc::read_units(
                std::hint::black_box(&text),
                cchc::DataFormat::Json,
                "u.json",
            )
            .ok()
            .and_then(|us| us.first().map(|u| rs.score(u).total))
            .unwrap_or_default(),
            (_, "load") => cchc::Decimal::from(
                cchc::Ruleset::from_yaml_str(std::hint::black_box(&yaml), "bench.yaml")
                    .map(|r| r.fingerprint().len())
                    .unwrap_or(0),
            ),
            (Some(rs), _) => rs.score(std::hint::black_box(&u)).total,
            (None, _) => break,
        };
    }
    println!("{acc}");
}
