//! Every path to a result gives the same result: one unit at a time or in a batch, on 1 or 2
//! threads, from typed values or read from the unit's JSON text.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "A test: a failure here is a failing test."
)]

use cchc::{DataFormat, Ruleset, UnitResult, read_units};
use cchc_benches::{ruleset_yaml, unit, unit_json};

fn rules() -> Ruleset {
    Ruleset::from_yaml_str(&ruleset_yaml(), "bench.yaml").expect("bench ruleset loads")
}

/// The same figures, node results (mantissa and scale included: `Decimal`'s `==` ignores the
/// scale, its text does not) and problems.
fn same(a: &UnitResult, b: &UnitResult) {
    let exact = |d: cchc::Decimal| (d.mantissa(), d.scale());
    assert_eq!(a.unit, b.unit);
    assert_eq!(a.status, b.status);
    assert_eq!(exact(a.total), exact(b.total));
    assert_eq!(exact(a.max), exact(b.max));
    assert_eq!(a.index.map(exact), b.index.map(exact));
    assert_eq!(a.grade, b.grade);
    assert_eq!(a.nodes, b.nodes);
    for (x, y) in a.nodes.iter().zip(&b.nodes) {
        assert_eq!(exact(x.points), exact(y.points));
        assert_eq!(exact(x.max), exact(y.max));
    }
    assert_eq!(a.errors.len(), b.errors.len());
    assert_eq!(a.warnings.len(), b.warnings.len());
}

#[test]
fn batch_on_one_or_two_threads_matches_single_scoring() {
    let rs = rules();
    let units: Vec<_> = (0..600).map(|k| unit(k).0).collect();
    let single: Vec<_> = units.iter().map(|u| rs.score(u)).collect();
    let mut rankings = Vec::new();
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let batch = pool.install(|| rs.score_batch(&units));
        assert_eq!(batch.results.len(), single.len());
        for (a, b) in batch.results.iter().zip(&single) {
            same(a, b);
        }
        rankings.push(batch.ranking);
    }
    assert_eq!(rankings.first(), rankings.last());
    // The ranking: every complete unit once, by index (highest first), ties in input order.
    let ranking = rankings.first().expect("a ranking");
    assert_eq!(ranking.len(), single.len());
    for w in ranking.windows(2) {
        let (a, b) = (&single[w[0].position], &single[w[1].position]);
        assert!(a.index >= b.index);
        if a.index == b.index {
            assert_eq!(w[0].rank, w[1].rank);
            assert!(w[0].position < w[1].position);
        } else {
            assert!(w[0].rank < w[1].rank);
        }
    }
}

#[test]
fn a_unit_read_from_json_scores_as_the_typed_unit() {
    let rs = rules();
    for k in 0..300 {
        let text = serde_json::to_string(&unit_json(k)).expect("json");
        let read = read_units(&text, DataFormat::Json, "unit.json").expect("reads");
        assert_eq!(read.len(), 1);
        // The JSON text has the shortest form of each number (`0.1` for the typed `0.10`):
        // the same values, so the same figures.
        let (a, b) = (rs.score(&read[0]), rs.score(&unit(k).0));
        assert_eq!(
            (a.status, a.total, a.index, a.grade),
            (b.status, b.total, b.index, b.grade)
        );
        assert_eq!(a.nodes, b.nodes);
        // A line ending the fast reader leaves to the YAML reader: the same units, exactly.
        let slow =
            read_units(&format!("{text}\r\n"), DataFormat::Json, "unit.json").expect("reads");
        assert_eq!(slow[0].values, read[0].values);
        same(&rs.score(&slow[0]), &a);
        // Pretty-printed JSON, read as YAML, gives the same unit.
        let pretty = serde_json::to_string_pretty(&unit_json(k)).expect("json");
        let again = read_units(&pretty, DataFormat::Yaml, "unit.yaml").expect("reads");
        assert_eq!(again[0].values, read[0].values);
    }
    // A list of units, as the fixtures write them.
    let list = serde_json::Value::Array((0..50).map(unit_json).collect());
    let text = serde_json::to_string(&list).expect("json");
    let units = read_units(&text, DataFormat::Json, "units.json").expect("reads");
    assert_eq!(units.len(), 50);
    let slow = read_units(&format!("{text}\r\n"), DataFormat::Json, "units.json").expect("reads");
    for (u, v) in units.iter().zip(&slow) {
        assert_eq!(u.values, v.values);
        same(&rs.score(u), &rs.score(v));
    }
}
