//! Fixtures for the benchmarks: a ruleset of 100 criteria (10 areas × 10 leaves, no scripts),
//! synthetic units, and a hand-written scorer of the same ruleset as the floor.

use cchc::{Decimal, RawValue, Unit};
use rust_decimal::RoundingStrategy;

/// Areas × leaves.
pub const AREAS: usize = 10;
/// Leaves per area.
pub const LEAVES: usize = 10;

fn name(a: usize, j: usize) -> String {
    format!("v{a}_{j}")
}

/// The benchmark ruleset (100 leaves of 1 point in 10 groups; six rule kinds in turn).
pub fn ruleset_yaml() -> String {
    let mut s = String::from(
        "format: cchc/1\nid: bench.100\nversion: \"1\"\ntitle: Bộ tiêu chí đo tốc độ (minh hoạ)\ntotal: 100\n",
    );
    s.push_str("grades:\n  - { id: xuat_sac, label: Xuất sắc, at_least: 90 }\n  - { id: tot, label: Tốt, at_least: 80 }\n  - { id: kha, label: Khá, at_least: 70 }\n  - { id: trung_binh, label: Trung bình, at_least: 50 }\n  - { id: yeu, label: Yếu, at_least: 0 }\n");
    s.push_str("inputs:\n");
    for a in 0..AREAS {
        for j in 0..LEAVES {
            let ty = match j % 6 {
                0 => "{ type: bool }".to_string(),
                1 => "{ type: percent }".to_string(),
                2 => "{ type: number, min: 1, max: 5 }".to_string(),
                3 | 4 => "{ type: count }".to_string(),
                _ => "{ type: choice, options: [dung_han, cham, khong] }".to_string(),
            };
            s.push_str(&format!("  {}: {ty}\n", name(a, j)));
        }
    }
    s.push_str("criteria:\n");
    for a in 0..AREAS {
        s.push_str(&format!(
            "  - id: \"{}\"\n    title: Lĩnh vực {}\n    max: {LEAVES}\n    children:\n",
            a + 1,
            a + 1
        ));
        for j in 0..LEAVES {
            let v = name(a, j);
            let rule = match j % 6 {
                0 => format!("{{ check: {v} }}"),
                1 => format!(
                    "{{ bands: {{ input: {v}, steps: [ {{ at_least: 90, points: 1 }}, {{ at_least: 70, points: 0.5 }}, {{ points: 0 }} ] }} }}"
                ),
                2 => format!("{{ scale: {{ input: {v}, from: 1, to: 5 }} }}"),
                3 => format!("{{ deduct: {{ input: {v}, per: 0.25 }} }}"),
                4 => format!("{{ per: {{ input: {v}, points: 0.5 }} }}"),
                _ => format!(
                    "{{ levels: {{ input: {v}, points: {{ dung_han: 1, cham: 0.5, khong: 0 }} }} }}"
                ),
            };
            s.push_str(&format!(
                "      - {{ id: \"{}.{}\", title: Tiêu chí {}.{}, max: 1, rule: {rule} }}\n",
                a + 1,
                j + 1,
                a + 1,
                j + 1
            ));
        }
    }
    s
}

/// A value of the hand-written scorer's input.
#[derive(Debug, Clone, Copy)]
pub enum HandValue {
    /// bool.
    B(bool),
    /// number.
    D(Decimal),
    /// choice index.
    C(u8),
}

/// Deterministic pseudo-random synthetic unit `k` (all values present and valid), both as an
/// engine unit and as the hand-written scorer's input.
pub fn unit(k: u64) -> (Unit, Vec<HandValue>) {
    let mut x = k
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    let mut u = Unit::new(format!("u{k}")).with_name(format!("Đơn vị {k}"));
    let mut hand = Vec::with_capacity(AREAS * LEAVES);
    for a in 0..AREAS {
        for j in 0..LEAVES {
            let (raw, hv) = match j % 6 {
                0 => {
                    let b = next(4) > 0;
                    (RawValue::Bool(b), HandValue::B(b))
                }
                1 => {
                    let d = Decimal::new(next(10001) as i64, 2);
                    (RawValue::Number(d), HandValue::D(d))
                }
                2 => {
                    let d = Decimal::new(100 + next(401) as i64, 2);
                    (RawValue::Number(d), HandValue::D(d))
                }
                3 | 4 => {
                    let d = Decimal::from(next(5));
                    (RawValue::Number(d), HandValue::D(d))
                }
                _ => {
                    let c = u8::try_from(next(3)).unwrap_or_default();
                    (RawValue::Text(option(c).into()), HandValue::C(c))
                }
            };
            u = u.with_value(name(a, j), raw);
            hand.push(hv);
        }
    }
    (u, hand)
}

/// The text of option `c` of the choice input.
fn option(c: u8) -> &'static str {
    match c {
        0 => "dung_han",
        1 => "cham",
        _ => "khong",
    }
}

fn r2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The same ruleset scored by hand: (total, index, grade index).
pub fn hand_score(v: &[HandValue]) -> (Decimal, Decimal, usize) {
    let one = Decimal::ONE;
    let half = Decimal::new(5, 1);
    let mut total = Decimal::ZERO;
    for leaves in v.chunks(LEAVES).take(AREAS) {
        let mut area = Decimal::ZERO;
        for (j, &hv) in leaves.iter().enumerate() {
            let p = match (j % 6, hv) {
                (0, HandValue::B(b)) => {
                    if b {
                        one
                    } else {
                        Decimal::ZERO
                    }
                }
                (1, HandValue::D(d)) => {
                    if d >= Decimal::from(90) {
                        one
                    } else if d >= Decimal::from(70) {
                        half
                    } else {
                        Decimal::ZERO
                    }
                }
                (2, HandValue::D(d)) => ((d - one) / Decimal::from(4)).max(Decimal::ZERO).min(one),
                (3, HandValue::D(d)) => (one - Decimal::new(25, 2) * d).max(Decimal::ZERO),
                (4, HandValue::D(d)) => (half * d).min(one),
                (_, HandValue::C(c)) => match c {
                    0 => one,
                    1 => half,
                    _ => Decimal::ZERO,
                },
                _ => Decimal::ZERO,
            };
            area += r2(p);
        }
        total += area;
    }
    let index = r2(total);
    let grade = [90, 80, 70, 50, 0]
        .iter()
        .position(|t| index >= Decimal::from(*t))
        .unwrap_or(4);
    (total, index, grade)
}

/// Unit `k` of [`unit()`] in the data file's JSON shape (`{"id", "name", "values": {...}}`,
/// exact numbers): what the Node and Python benchmarks score, so that every binding is
/// measured on the same units as the core.
pub fn unit_json(k: u64) -> serde_json::Value {
    let (u, _) = unit(k);
    let mut values = serde_json::Map::new();
    for (name, v) in &u.values {
        let j = match v {
            RawValue::Bool(b) => serde_json::Value::Bool(*b),
            // Exact: the decimal's own digits (serde_json keeps them: `arbitrary_precision`).
            RawValue::Number(d) => d
                .normalize()
                .to_string()
                .parse::<serde_json::Number>()
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            RawValue::Text(t) | RawValue::Cell(t) => serde_json::Value::String(t.clone()),
            _ => serde_json::Value::Null,
        };
        values.insert(name.clone(), j);
    }
    serde_json::json!({ "id": u.id, "name": u.name, "values": values })
}

/// The benchmark ruleset with three assessment rounds (tự chấm, thẩm định, chốt điểm).
pub fn rounds_ruleset_yaml() -> String {
    let mut s = ruleset_yaml();
    s.push_str("rounds:\n  - { id: tu_cham, label: Tự chấm điểm }\n  - { id: tham_dinh, label: Thẩm định lần 1 }\n  - { id: chot_diem, label: Thẩm định lần 2 }\n");
    s
}

/// Unit `k` with three rounds: the appraisal changes 10 facts and sets 5 leaves' points, the
/// final appraisal changes 5 facts back.
pub fn unit_with_rounds(k: u64) -> Unit {
    let (u, _) = unit(k);
    let changed = |round: &str, every: usize| {
        let mut r = cchc::UnitRound::new(round);
        for (i, (name, raw)) in u.values.iter().enumerate() {
            if i % every == 1 {
                // A count of 0 or a false check: a fact the council did not accept.
                let v = match raw {
                    RawValue::Bool(_) => RawValue::Bool(false),
                    RawValue::Text(_) => RawValue::Text("cham".into()),
                    RawValue::Number(d) => RawValue::Number(*d),
                    other => other.clone(),
                };
                r = r.with_value(name.clone(), v);
            }
        }
        r
    };
    let mut appraisal = changed("tham_dinh", 10);
    for a in 0..5 {
        appraisal = appraisal
            .with_points(format!("{}.1", a + 1), Decimal::new(5, 1))
            .with_note(format!("{}.1", a + 1), "Thiếu tài liệu kiểm chứng");
    }
    u.clone()
        .with_round(appraisal)
        .with_round(changed("chot_diem", 20))
}
