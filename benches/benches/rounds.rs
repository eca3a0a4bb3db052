//! Assessment rounds: one unit of the 100-criteria ruleset without rounds (today's path), with a
//! ruleset that declares rounds but one round of data, and with three rounds. Scoring R rounds
//! should cost about R single scorings. Run: `cargo bench -p cchc-benches --bench rounds`.

#![allow(
    clippy::panic,
    reason = "A benchmark cannot run without its ruleset: failing loudly is right here."
)]

use std::hint::black_box;

use cchc::Ruleset;
use cchc_benches::{rounds_ruleset_yaml, ruleset_yaml, unit, unit_with_rounds};
use criterion::{Criterion, criterion_group, criterion_main};

fn load(text: &str) -> Ruleset {
    match Ruleset::from_yaml_str(text, "bench.yaml") {
        Ok(rs) => rs,
        Err(e) => panic!("bench ruleset: {e}"),
    }
}

fn benches(c: &mut Criterion) {
    let plain = load(&ruleset_yaml());
    let rounds = load(&rounds_ruleset_yaml());
    let (one, _) = unit(1);
    let three = unit_with_rounds(1);
    let mut g = c.benchmark_group("rounds");
    g.bench_function("no_rounds", |b| {
        b.iter(|| plain.score(black_box(&one)).total)
    });
    g.bench_function("1_round", |b| {
        b.iter(|| rounds.score(black_box(&one)).total)
    });
    g.bench_function("3_rounds", |b| {
        b.iter(|| rounds.score(black_box(&three)).total)
    });
    g.bench_function("3_rounds_json", |b| {
        b.iter(|| {
            serde_json::to_string(&rounds.score(black_box(&three)))
                .map(|s| s.len())
                .unwrap_or(0)
        })
    });
    g.finish();
}

criterion_group!(rounds_benches, benches);
criterion_main!(rounds_benches);
