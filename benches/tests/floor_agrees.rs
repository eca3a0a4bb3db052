//! The hand-written floor scores exactly what the engine scores (so the comparison is fair).

use cchc::Ruleset;
use cchc_benches::{hand_score, ruleset_yaml, unit};

#[test]
fn hand_written_scorer_matches_the_engine() {
    let rs = Ruleset::from_yaml_str(&ruleset_yaml(), "bench.yaml").expect("bench ruleset loads");
    assert_eq!(rs.criteria_count(), 110);
    for k in 0..500 {
        let (u, hand) = unit(k);
        let r = rs.score(&u);
        assert_eq!(r.status, cchc::UnitStatus::Complete, "{:?}", r.errors);
        let (total, index, grade) = hand_score(&hand);
        assert_eq!(r.total, total, "unit {k}");
        assert_eq!(r.index, Some(index), "unit {k}");
        assert_eq!(r.grade, Some(grade), "unit {k}");
    }
}
