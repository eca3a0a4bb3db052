//! Load+compile, one unit (from typed values, and read from JSON text), a batch of 10,000 (on
//! the default pool and on pools of 1 and 2 threads), and the hand-written floor, for a
//! ruleset of 100 criteria. Run: `cargo bench -p cchc-benches`.

#![allow(
    clippy::panic,
    reason = "A benchmark cannot run without its ruleset: failing loudly is right here."
)]

use std::hint::black_box;

use cchc::{DataFormat, Ruleset, read_units};
use cchc_benches::{hand_score, ruleset_yaml, unit, unit_json};
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
    // What a binding does with a unit it gets as JSON text: read it, then score it.
    let json = serde_json::to_string(&unit_json(1)).unwrap_or_default();
    c.bench_function("read_json_one_unit", |b| {
        b.iter(|| {
            read_units(black_box(&json), DataFormat::Json, "unit.json")
                .map(|us| us.len())
                .unwrap_or(0)
        })
    });
    c.bench_function("read_json_and_score_one_unit", |b| {
        b.iter(|| {
            read_units(black_box(&json), DataFormat::Json, "unit.json")
                .ok()
                .and_then(|us| us.first().map(|u| rs.score(u).total))
        })
    });
    let units: Vec<_> = (0..10_000).map(|k| unit(k).0).collect();
    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    g.throughput(Throughput::Elements(units.len() as u64));
    g.bench_function("score_batch_10000_units", |b| {
        b.iter(|| rs.score_batch(black_box(&units)).ranking.len())
    });
    // The same batch on a pool of 1 and of 2 threads: how it scales with cores.
    for threads in [1, 2] {
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(p) => p,
            Err(e) => panic!("thread pool: {e}"),
        };
        g.bench_function(format!("score_batch_10000_units_{threads}_thread"), |b| {
            pool.install(|| b.iter(|| rs.score_batch(black_box(&units)).ranking.len()))
        });
    }
    g.finish();
}

criterion_group!(scoring, benches);
criterion_main!(scoring);
