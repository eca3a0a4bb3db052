//! Invariants over random valid rulesets and units (proptest).
#![allow(
    clippy::string_slice,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    reason = "test code: string slices and indexing into generated rule files are checked by the test itself"
)]

use cchc::{
    Decimal, Lang, Localize, NodeKind, NodeStatus, PlanNode, RawValue, Ruleset, Unit, UnitResult,
};
use proptest::prelude::*;

/// Draws numbers from a proptest-generated tape, so a whole ruleset shrinks with it.
struct Tape<'a> {
    t: &'a [u32],
    i: usize,
}

impl Tape<'_> {
    fn next(&mut self, n: u32) -> u32 {
        let v = self.t.get(self.i).copied().unwrap_or(7);
        self.i += 1;
        if n == 0 { 0 } else { v % n }
    }
    /// A decimal with two places in [lo, hi] hundredths.
    fn dec(&mut self, lo: u32, hi: u32) -> Decimal {
        Decimal::new((lo + self.next(hi - lo + 1)) as i64, 2)
    }
}

/// Sets the kind of the node whose text starts at `from` (its own `kind:` line only).
fn set_kind(out: &mut String, from: usize, kind: &str) {
    let rel = out[from..].find("kind: ").map(|i| i + from);
    if let Some(i) = rel {
        let end = out[i..].find('\n').map(|e| e + i).unwrap_or(out.len());
        out.replace_range(i..end, &format!("kind: {kind}"));
    }
}

fn node_yaml(
    t: &mut Tape<'_>,
    id: &str,
    depth: usize,
    out: &mut String,
    indent: usize,
    max: Decimal,
) {
    let pad = " ".repeat(indent);
    let kind = match t.next(10) {
        0 => "bonus",
        1 => "penalty",
        _ => "normal",
    };
    out.push_str(&format!(
        "{pad}- id: \"{id}\"\n{pad}  title: Tiêu chí {id}\n{pad}  kind: {kind}\n{pad}  max: {max}\n"
    ));
    if t.next(6) == 0 {
        out.push_str(&format!("{pad}  applies_if: \"n0 > {}\"\n", t.next(3)));
        if t.next(2) == 0 {
            out.push_str(&format!("{pad}  if_not_applicable: full\n"));
        }
    }
    if depth < 3 && max >= Decimal::new(10, 2) && t.next(3) == 0 {
        let k = 1 + t.next(3) as usize;
        let cap = t.next(4) == 0;
        if cap {
            out.push_str(&format!("{pad}  cap: true\n"));
        }
        out.push_str(&format!("{pad}  children:\n"));
        // Split max among the normal children (with cap: give each up to max).
        let mut rest = max;
        for c in 0..k {
            let share = if cap {
                max
            } else if c + 1 == k {
                rest
            } else {
                let s = (rest * Decimal::new(1 + t.next(8) as i64, 1) / Decimal::TEN)
                    .round_dp(2)
                    .max(Decimal::new(1, 2));
                let s = s.min(rest - Decimal::new(1, 2) * Decimal::from((k - c - 1) as i64));
                rest -= s;
                s
            };
            // Children are normal here so that the sums hold; bonus/penalty children are extra.
            let before = out.len();
            node_yaml(
                t,
                &format!("{id}.{}", c + 1),
                depth + 1,
                out,
                indent + 4,
                share,
            );
            set_kind(out, before, "normal");
        }
        if t.next(3) == 0 {
            let extra = t.dec(1, 300);
            let before = out.len();
            node_yaml(t, &format!("{id}.x"), depth + 1, out, indent + 4, extra);
            let k = if t.next(2) == 0 { "bonus" } else { "penalty" };
            set_kind(out, before, k);
        }
        return;
    }
    let p = |t: &mut Tape<'_>| (max * Decimal::new(t.next(101) as i64, 2)).round_dp(2);
    let rule = match t.next(8) {
        0 => "{ check: b0 }".to_string(),
        1 => format!(
            "{{ bands: {{ input: p0, steps: [ {{ at_least: {}, points: {} }}, {{ above: {}, below: 90, points: {} }}, {{ points: {} }} ] }} }}",
            t.next(100),
            p(t),
            t.next(50),
            p(t),
            p(t)
        ),
        2 => format!(
            "{{ scale: {{ input: x0, from: {}, to: {} }} }}",
            t.next(10),
            11 + t.next(10)
        ),
        3 => format!(
            "{{ deduct: {{ input: n0, per: {}, floor: {} }} }}",
            t.dec(1, 200),
            p(t)
        ),
        4 => format!("{{ per: {{ input: n0, points: {} }} }}", t.dec(1, 200)),
        5 => format!(
            "{{ levels: {{ input: c0, points: {{ a: {}, b: {}, c: {} }} }} }}",
            p(t),
            p(t),
            p(t)
        ),
        6 => "{ value: { expr: \"min(x0, 1)\" } }".to_string(),
        _ => format!("{{ script: \"if b0 {{ {} }} else {{ x0 * 0 }}\" }}", p(t)),
    };
    out.push_str(&format!("{pad}  rule: {rule}\n"));
}

fn ruleset_yaml(t: &mut Tape<'_>) -> String {
    let mut crit = String::new();
    let n = 1 + t.next(4) as usize;
    let mut total = Decimal::ZERO;
    for i in 0..n {
        let max = t.dec(50, 3000);
        let before = crit.len();
        node_yaml(t, &(i + 1).to_string(), 1, &mut crit, 2, max);
        set_kind(&mut crit, before, "normal");
        total += max;
    }
    if t.next(3) == 0 {
        let before = crit.len();
        let max = t.dec(1, 500);
        node_yaml(t, "T", 1, &mut crit, 2, max);
        let k = if t.next(2) == 0 { "bonus" } else { "penalty" };
        set_kind(&mut crit, before, k);
    }
    let places = t.next(3);
    format!(
        "format: cchc/1\nid: prop\nversion: \"1\"\ntitle: Ngẫu nhiên\ntotal: {total}\nrounding: {{ places: {places} }}\ninputs:\n  b0: {{ type: bool }}\n  p0: {{ type: percent }}\n  n0: {{ type: count, on_missing: zero }}\n  x0: {{ type: number, min: 0, max: 20 }}\n  c0: {{ type: choice, options: [a, b, c] }}\ngrades:\n  - {{ id: a, label: A, at_least: 80 }}\n  - {{ id: b, label: B, at_least: 0 }}\ncriteria:\n{crit}"
    )
}

fn unit(t: &mut Tape<'_>) -> Unit {
    let mut u = Unit::new("u");
    if t.next(5) > 0 {
        u = u.with_value("b0", RawValue::Bool(t.next(2) == 0));
    }
    if t.next(5) > 0 {
        u = u.with_number("p0", Decimal::new(t.next(10001) as i64, 2));
    }
    if t.next(5) > 0 {
        u = u.with_number("n0", Decimal::from(t.next(12)));
    }
    if t.next(5) > 0 {
        u = u.with_number("x0", Decimal::new(t.next(2001) as i64, 2));
    }
    if t.next(5) > 0 {
        u = u.with_value(
            "c0",
            RawValue::Text(["a", "b", "c"][t.next(3) as usize].into()),
        );
    }
    u
}

/// `v` without its `trace`, `message` and `help` texts.
fn without_texts(v: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "trace" | "message" | "help"))
                .map(|(k, v)| (k.clone(), without_texts(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_texts).collect()),
        other => other.clone(),
    }
}

/// Every node explains itself, and the results of two languages differ only in texts.
fn check_explanations(r: &UnitResult) -> Result<(), TestCaseError> {
    for (i, (node, _)) in r.iter_nodes().enumerate() {
        let why = r.why(i);
        prop_assert!(why.is_some(), "node {} has no why", node.id);
        prop_assert!(!r.trace_text(i, Lang::Vi).is_empty(), "node {}", node.id);
    }
    let json = |l: Lang| {
        serde_json::to_value(r.in_lang(l)).map_err(|e| TestCaseError::fail(e.to_string()))
    };
    prop_assert_eq!(
        without_texts(&json(Lang::Vi)?),
        without_texts(&json(Lang::En)?)
    );
    Ok(())
}

fn check_invariants(_rs: &Ruleset, r: &UnitResult) -> Result<(), TestCaseError> {
    let nodes: Vec<&PlanNode> = r.iter_nodes().map(|(n, _)| n).collect();
    for (i, (node, res)) in r.iter_nodes().enumerate() {
        prop_assert!(
            res.points >= Decimal::ZERO && res.points <= res.max,
            "node {} points {} max {}",
            node.id,
            res.points,
            res.max
        );
        if let (true, NodeStatus::Scored) = (node.is_group(), res.status) {
            let kids = node.children();
            let (mut s, mut m, mut b, mut p) =
                (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
            for &k in kids {
                let c = &r.nodes[k];
                match nodes[k].kind {
                    NodeKind::Normal => {
                        s += c.points;
                        m += c.max;
                    }
                    NodeKind::Bonus => b += c.points,
                    NodeKind::Penalty => p += c.points,
                }
            }
            if node.is_capped() {
                m = m.min(node.max);
            }
            prop_assert_eq!(res.max, m, "group {} max", node.id);
            prop_assert_eq!(
                res.points,
                (s + b - p).max(Decimal::ZERO).min(m),
                "group {} points",
                node.id
            );
        }
        let _ = i;
    }
    prop_assert!(r.total >= Decimal::ZERO && r.total <= r.max);
    if let Some(ix) = r.index {
        prop_assert!(
            ix >= Decimal::ZERO && ix <= Decimal::ONE_HUNDRED,
            "index {}",
            ix
        );
    } else {
        prop_assert!(r.max.is_zero());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn scoring_invariants(tape in prop::collection::vec(any::<u32>(), 400)) {
        let mut t = Tape { t: &tape, i: 0 };
        let text = ruleset_yaml(&mut t);
        let rs = Ruleset::from_yaml_str(&text, "prop.yaml").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        for _ in 0..4 {
            let u = unit(&mut t);
            let r = rs.score(&u);
            check_invariants(&rs, &r)?;
            check_explanations(&r)?;
            // Deterministic.
            let again = rs.score(&u);
            let json = |r: &UnitResult| r.to_json_value().map_err(|e| TestCaseError::fail(e.to_string()));
            prop_assert_eq!(json(&r)?, json(&again)?);
            // Excluding one more leaf changes no other leaf's points.
            let nodes: Vec<&PlanNode> = r.iter_nodes().map(|(n, _)| n).collect();
            let leaves: Vec<usize> = nodes.iter().enumerate()
                .filter(|(_, n)| !n.is_group() && !n.full_if_not_applicable()).map(|(i, _)| i).collect();
            if !leaves.is_empty() {
                let pick = leaves[t.next(leaves.len() as u32) as usize];
                let id = nodes[pick].id.clone();
                let r2 = rs.score(&u.clone().with_not_applicable(id));
                check_invariants(&rs, &r2)?;
                for &l in &leaves {
                    if l != pick {
                        prop_assert_eq!(r.nodes[l].points, r2.nodes[l].points, "leaf {} changed", nodes[l].id);
                    }
                }
            }
        }
    }

    /// A batch scored without trees (issue #10) ranks as the whole batch does, and each tree
    /// put back by `restore_tree` is the whole batch's, and the direct JSON writer writes serde's
    /// bytes for it (random rulesets and units).
    #[test]
    fn batch_without_trees_restores_the_same(tape in prop::collection::vec(any::<u32>(), 400)) {
        let mut t = Tape { t: &tape, i: 0 };
        let text = ruleset_yaml(&mut t);
        let rs = Ruleset::from_yaml_str(&text, "prop.yaml").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let units: Vec<_> = (0..6).map(|_| unit(&mut t)).collect();
        let full = rs.score_batch(&units);
        let lean = rs.score_batch_with(&units, &cchc::BatchOptions::default().trees(false), &mut |_| {});
        prop_assert_eq!(&full.ranking, &lean.ranking);
        let json = |r: &UnitResult| r.to_json_value().map_err(|e| TestCaseError::fail(e.to_string()));
        for ((f, mut l), u) in full.results.iter().zip(lean.results).zip(&units) {
            prop_assert!(!l.has_tree() && l.nodes.is_empty());
            prop_assert_eq!((f.status, f.total, f.max, f.index, f.grade), (l.status, l.total, l.max, l.index, l.grade));
            l.restore_tree(u);
            prop_assert_eq!(json(f)?, json(&l)?);
            // The direct JSON writer writes serde's bytes (random titles, numbers, statuses).
            for o in [cchc::JsonOptions::new(Lang::Vi), cchc::JsonOptions::new(Lang::En).trace(false)] {
                let direct = f.json(o).to_text().map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(direct, serde_json::to_string(&f.json(o)).map_err(|e| TestCaseError::fail(e.to_string()))?);
            }
        }
    }

    #[test]
    fn fingerprint_ignores_layout(tape in prop::collection::vec(any::<u32>(), 400)) {
        let mut t = Tape { t: &tape, i: 0 };
        let text = ruleset_yaml(&mut t);
        let a = Ruleset::from_yaml_str(&text, "a.yaml").map_err(|e| TestCaseError::fail(format!("{e}")))?;
        // Comments, blank lines and a different order of the top-level keys.
        let mut lines: Vec<&str> = text.lines().collect();
        let crit_at = lines.iter().position(|l| *l == "criteria:").unwrap_or(0);
        let tail = lines.split_off(crit_at);
        let mut reordered = String::from("# chú thích\n");
        for l in tail.iter().chain(lines.iter()) {
            reordered.push_str(l);
            reordered.push_str("   # c\n\n");
        }
        let b = Ruleset::from_yaml_str(&reordered, "b.yaml").map_err(|e| TestCaseError::fail(format!("{e}\n{reordered}")))?;
        prop_assert_eq!(a.fingerprint(), b.fingerprint());
        // A change of a bound or an id changes it.
        for changed in [text.replacen("at_least: 80", "at_least: 81", 1), text.replacen("id: prop", "id: prop2", 1)] {
            let c = Ruleset::from_yaml_str(&changed, "c.yaml").map_err(|e| TestCaseError::fail(format!("{e}")))?;
            prop_assert_ne!(a.fingerprint(), c.fingerprint());
        }
    }
}

/// Every shipped rule file loads without a load-time warning.
#[test]
fn shipped_rule_files_are_warning_free() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                out.push(p);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    walk(&root.join("rules"), &mut files);
    assert!(files.len() >= 4, "{files:?}");
    for f in files {
        let rs = Ruleset::load(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!(
            rs.warnings().is_empty(),
            "{}: {:#?}",
            f.display(),
            rs.warnings()
        );
    }
}
