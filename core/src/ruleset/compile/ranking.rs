//! The ranking groups (format §10.2): unique ids, each kind in one group at most.

use std::collections::HashMap;

use super::Compiler;
use crate::error::{Code, Diagnostic, Label, Pos};
use crate::i18n::Arg;
use crate::msg;
use crate::plan::RankGroup;
use crate::ruleset::model::RulesetDoc;

/// The id of the implicit group of units whose kind is in no declared group.
pub(crate) const OTHER: &str = "khac";

/// The declared groups, and the group of each kind.
pub(super) fn groups(
    cx: &mut Compiler<'_>,
    doc: &RulesetDoc,
) -> (Vec<RankGroup>, HashMap<String, usize>) {
    let decls = doc.ranking.as_ref().map_or(&[][..], |r| r.groups());
    let mut out: Vec<RankGroup> = Vec::with_capacity(decls.len());
    let mut first: HashMap<&str, Pos> = HashMap::new();
    let mut of_kind: HashMap<String, usize> = HashMap::new();
    let mut kind_at: HashMap<&str, (Pos, &str)> = HashMap::new();
    for g in decls {
        let dup = |cx: &mut Compiler<'_>, at: Pos, m: crate::Message, help: crate::Message| {
            let d = Diagnostic::new(Code::DuplicateId, cx.file, g.pos, m)
                .with_label(Label::new(cx.file, at, msg!("load-first-used-here")))
                .with_help(help);
            cx.push(d);
        };
        if g.id == OTHER {
            let d = Diagnostic::new(
                Code::InvalidValue,
                cx.file,
                g.pos,
                msg!("load-rank-group-reserved", id = Arg::ident(OTHER)),
            )
            .with_help(msg!("load-rank-group-reserved-help"));
            cx.push(d);
            continue;
        }
        if let Some(&at) = first.get(g.id.as_str()) {
            dup(
                cx,
                at,
                msg!("load-duplicate-rank-group", id = Arg::ident(g.id.as_str())),
                msg!("load-duplicate-rank-group-help"),
            );
            continue;
        }
        if g.kinds.is_empty() {
            let d = Diagnostic::new(
                Code::InvalidValue,
                cx.file,
                g.pos,
                msg!("load-rank-group-no-kinds", id = Arg::ident(g.id.as_str())),
            )
            .with_help(msg!("load-rank-group-no-kinds-help"));
            cx.push(d);
        }
        first.insert(&g.id, g.pos);
        let index = out.len();
        for k in &g.kinds {
            if let Some(&(at, other)) = kind_at.get(k.as_str()) {
                dup(
                    cx,
                    at,
                    msg!(
                        "load-kind-in-two-groups",
                        kind = Arg::ident(k.as_str()),
                        first = Arg::ident(other),
                        second = Arg::ident(g.id.as_str())
                    ),
                    msg!("load-kind-in-two-groups-help"),
                );
                continue;
            }
            kind_at.insert(k, (g.pos, &g.id));
            of_kind.insert(k.clone(), index);
        }
        out.push(RankGroup {
            id: g.id.clone(),
            label: g.label.clone().unwrap_or_else(|| g.id.clone()),
        });
    }
    (out, of_kind)
}

#[cfg(test)]
mod tests {
    use crate::{BatchOptions, Groups, Lang, RawValue, Ruleset, Unit};

    const RULES: &str = "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 100\nranking:\n  groups:\n    - { id: xa, label: 'Xã, thị trấn', kinds: [xa, thi_tran] }\n    - { id: phuong, label: Phường, kinds: [phuong] }\ninputs: { d: { type: number } }\ncriteria: [ { id: '1', title: A, max: 100, rule: { value: d } } ]\n";

    fn units() -> Vec<Unit> {
        [
            ("a", Some("xa"), 80),
            ("b", Some("phuong"), 90),
            ("c", Some("thi_tran"), 85),
            ("d", None, 70),
        ]
        .into_iter()
        .map(|(id, kind, d)| {
            let u = Unit::new(id).with_value("d", RawValue::Number(d.into()));
            match kind {
                Some(k) => u.with_kind(k),
                None => u,
            }
        })
        .collect()
    }

    #[test]
    fn groups_in_json_csv_and_the_table() {
        let rs = Ruleset::from_yaml_str(RULES, "t.yaml").unwrap();
        let batch = rs.score_batch(&units());
        let json = serde_json::to_value(&batch).unwrap();
        let rows: Vec<(String, String, u64)> = json["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["id"].as_str().unwrap().to_string(),
                    e["group"].as_str().unwrap().to_string(),
                    e["rank"].as_u64().unwrap(),
                )
            })
            .collect();
        let want = [
            ("c", "xa", 1),
            ("a", "xa", 2),
            ("b", "phuong", 1),
            ("d", "khac", 1),
        ];
        let want: Vec<(String, String, u64)> = want
            .iter()
            .map(|(i, g, r)| (i.to_string(), g.to_string(), *r))
            .collect();
        assert_eq!(rows, want);
        // The table prints each group's ranking under its label.
        let table = crate::present::text_table(&rs, &batch, Lang::Vi);
        let xa = table.find("Nhóm Xã, thị trấn:").unwrap();
        let ph = table.find("Nhóm Phường:").unwrap();
        let other = table.find("Nhóm Khác:").unwrap();
        assert!(xa < ph && ph < other, "{table}");
        assert!(table.contains("được xếp hạng trong từng nhóm"), "{table}");
        // CSV and DataFrames: a `group` column after `kind`.
        let cols = crate::present::Columns::for_ruleset(&rs);
        assert_eq!(
            cols.headers()[..5],
            ["id", "name", "kind", "group", "status"]
        );
        let cells: Vec<String> = batch
            .results
            .iter()
            .map(|r| cols.row(r)[3].csv_text())
            .collect();
        assert_eq!(cells, ["xa", "phuong", "xa", "khac"]);
        // Overrides: one ranking without groups; by kind.
        let one = rs.score_batch_with(
            &units(),
            &BatchOptions::default().groups(Groups::None),
            &mut |_| {},
        );
        assert!(one.ranking.iter().all(|e| e.group.is_none()));
        let ranks: Vec<u32> = one.ranking.iter().map(|e| e.rank).collect();
        assert_eq!(ranks, [1, 2, 3, 4]);
        let json = serde_json::to_string(&one).unwrap();
        assert!(!json.contains("\"group\""), "{json}");
    }

    #[test]
    fn the_word_form_keeps_its_fingerprint() {
        let word = RULES.replace(
            "ranking:\n  groups:\n    - { id: xa, label: 'Xã, thị trấn', kinds: [xa, thi_tran] }\n    - { id: phuong, label: Phường, kinds: [phuong] }\n",
            "ranking: dense\n",
        );
        let map = word.replace("ranking: dense\n", "ranking: { method: dense }\n");
        let none = word.replace("ranking: dense\n", "");
        let fp = |t: &str| {
            Ruleset::from_yaml_str(t, "t.yaml")
                .unwrap()
                .fingerprint()
                .to_string()
        };
        // Unchanged for the word form (as before groups existed); other forms differ.
        assert_ne!(fp(&word), fp(&none));
        assert_ne!(fp(&word), fp(&map));
        assert_ne!(fp(RULES), fp(&none));
        let rs = Ruleset::from_yaml_str(&map, "t.yaml").unwrap();
        assert_eq!(rs.plan.ranking, crate::types::RankingMode::Dense);
        // Without groups nobody is warned.
        let r = rs.score(&Unit::new("a").with_value("d", RawValue::Number(1.into())));
        assert!(r.warnings.is_empty());
    }
}
