//! The cost of writing a result as JSON, by what it holds (`cchc::JsonOptions`), beside the
//! score alone in the same run. Run: `cargo bench -p cchc-benches --bench json`.

#![allow(
    clippy::panic,
    reason = "A benchmark cannot run without its ruleset: failing loudly is right here."
)]

use std::hint::black_box;

use cchc::{JsonOptions, Lang, Ruleset};
use cchc_benches::{ruleset_yaml, unit};
use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let rs = match Ruleset::from_yaml_str(&ruleset_yaml(), "bench.yaml") {
        Ok(rs) => rs,
        Err(e) => panic!("bench ruleset: {e}"),
    };
    let (u, _) = unit(1);
    let mut g = c.benchmark_group("json");
    g.bench_function("score_only", |b| b.iter(|| rs.score(black_box(&u)).total));
    for (name, opts) in [
        ("score_and_json_summary", JsonOptions::summary(Lang::Vi)),
        (
            "score_and_json_why_no_trace",
            JsonOptions::new(Lang::Vi).trace(false),
        ),
        ("score_and_json_full", JsonOptions::new(Lang::Vi)),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let r = rs.score(black_box(&u));
                serde_json::to_vec(&r.json(opts)).map_or(0, |v| v.len())
            })
        });
    }
    g.finish();
}

criterion_group!(json, benches);
criterion_main!(json);
