//! Load+compile, one unit, a batch of 10,000, and the hand-written floor, for a ruleset of
//! 100 criteria. Run: `cargo bench -p cchc-benches`.

#![allow(
    clippy::panic,
    reason = "A benchmark cannot run without its ruleset: failing loudly is right here."
)]

use std::hint::black_box;

use cchc::Ruleset;
use cchc_benches::{hand_score, ruleset_yaml, unit};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let text = ruleset_yaml();
    c.bench_function("load_compile_100_criteria", |b| {
        b.iter(|| {
            Ruleset::from_yaml_str(black_box(&text), "bench.yaml")
                .map(|r| r.fingerprint().len())
                .unwrap_or(0)
        })
    });
    let rs = match Ruleset::from_yaml_str(&text, "bench.yaml") {
        Ok(rs) => rs,
        Err(e) => panic!("bench ruleset: {e}"),
    };
    let (u, hand) = unit(1);
    c.bench_function("score_one_unit_100_criteria", |b| {
        b.iter(|| rs.score(black_box(&u)).total)
    });
    c.bench_function("hand_written_100_criteria", |b| {
        b.iter(|| hand_score(black_box(&hand)).1)
    });
    c.bench_function("score_and_serialize_json_one_unit", |b| {
        b.iter(|| {
            serde_json::to_string(&rs.score(black_box(&u)))
                .map(|s| s.len())
                .unwrap_or(0)
        })
    });
    let units: Vec<_> = (0..10_000).map(|k| unit(k).0).collect();
    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    g.throughput(Throughput::Elements(units.len() as u64));
    g.bench_function("score_batch_10000_units", |b| {
        b.iter(|| rs.score_batch(black_box(&units)).ranking.len())
    });
    g.finish();
}

criterion_group!(scoring, benches);
criterion_main!(scoring);
