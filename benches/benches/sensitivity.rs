//! Sensitivity analysis (issue #13): 1,000 Monte Carlo draws of the area weights over 1,000
//! units of the 100-leaf ruleset (10 areas), with each area left out, in parallel and on one
//! thread. Scoring the batch is done once, outside the measurement. Target: under 5 s on 2
//! cores. Run: `cargo bench -p cchc-benches --bench sensitivity`.

#![allow(
    clippy::panic,
    reason = "A benchmark cannot run without its ruleset: failing loudly is right here."
)]

use std::hint::black_box;

use cchc::Ruleset;
use cchc::analysis::{SensitivityOptions, sensitivity};
use cchc_benches::{ruleset_yaml, unit};
use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let rs = match Ruleset::from_yaml_str(&ruleset_yaml(), "bench.yaml") {
        Ok(rs) => rs,
        Err(e) => panic!("bench ruleset: {e}"),
    };
    let units: Vec<_> = (0..1000).map(|k| unit(k).0).collect();
    let batch = rs.score_batch(&units);
    let mut g = c.benchmark_group("sensitivity");
    g.sample_size(10);
    for parallel in [true, false] {
        let mut opts = SensitivityOptions::default();
        opts.draws = 1000;
        opts.parallel = parallel;
        let name = if parallel {
            "1000_draws_1000_units_parallel"
        } else {
            "1000_draws_1000_units_serial"
        };
        g.bench_function(name, |b| {
            b.iter(|| {
                sensitivity(&rs, black_box(&batch.results), Some(&units), &opts)
                    .map(|r| r.units.len())
                    .unwrap_or(0)
            })
        });
    }
    g.finish();
}

criterion_group!(group, benches);
criterion_main!(group);
