//! Hostile rule and data files: each gets a located, coded error (or is read correctly) in
//! bounded time and memory. Regression tests for the adversarial findings of issue #8.
#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test."
)]

use cchc::{BatchOptions, Code, DataFormat, Decimal, Diagnostic, Pos, RawValue, Ruleset, Unit};

const RULES: &str = "format: cchc/1\nid: t\nversion: \"1\"\ntitle: Kiểm thử\ntotal: 2\ninputs:\n  n: { type: number, min: 0, max: 2 }\ncriteria:\n  - id: \"1\"\n    title: Tiêu chí\n    max: 2\n    rule: { value: n }\n";

fn rules() -> Ruleset {
    Ruleset::from_yaml_str(RULES, "r.yaml").expect("the test ruleset loads")
}

fn load_diags(text: &str) -> Vec<Diagnostic> {
    match Ruleset::from_yaml_str(text, "bad.yaml") {
        Ok(_) => panic!("the ruleset must be refused"),
        Err(e) => e.diagnostics().to_vec(),
    }
}

fn data_diag(text: &str, f: DataFormat) -> Diagnostic {
    match cchc::read_units(text, f, "d") {
        Ok(u) => panic!("the data must be refused, got {} unit(s)", u.len()),
        Err(e) => e.diagnostics()[0].clone(),
    }
}

fn units(text: &str, f: DataFormat) -> Vec<Unit> {
    cchc::read_units(text, f, "d").unwrap_or_else(|e| panic!("data refused: {e}"))
}

fn at(line: u32, column: u32) -> Pos {
    Pos { line, column }
}

// ---- 1. YAML memory bombs ------------------------------------------------------------------

/// A 1 MB string aliased 50,000 times: few nodes, many bytes.
fn string_bomb() -> String {
    let mut s = format!("a: &s \"{}\"\nb:\n", "x".repeat(1_000_000));
    for _ in 0..50_000 {
        s.push_str("  - *s\n");
    }
    s
}

#[test]
fn aliased_big_string_is_refused_by_the_byte_budget() {
    let bomb = string_bomb();
    assert!(bomb.len() < 5 * 1024 * 1024);
    let d = load_diags(&bomb);
    assert_eq!(d[0].code, Code::YamlTooComplex, "{d:?}");
    assert!(d[0].line >= 3, "{d:?}");
    let d = data_diag(&bomb, DataFormat::Yaml);
    assert_eq!(d.code, Code::YamlTooComplex, "{d:?}");
    assert!(d.line >= 3 && d.column >= 1, "{d:?}");
}

/// 60 nested anchored lists, each with many items, and no alias: nothing may be copied.
fn nested_anchors(levels: usize, items: usize) -> String {
    let row = "x, ".repeat(items);
    let mut s = String::from("[");
    for i in 0..levels {
        s.push_str(&format!("{row}&a{i} ["));
    }
    s.push_str(&"]".repeat(levels + 1));
    s
}

#[test]
fn nested_anchors_without_aliases_are_read_without_copies() {
    let text = format!(
        "units:\n  - id: u\n    values:\n      n: {}\n",
        nested_anchors(58, 5_000)
    );
    let u = units(&text, DataFormat::Yaml);
    assert_eq!(u.len(), 1);
    assert!(matches!(
        u[0].values[0].1,
        RawValue::Invalid(Code::WrongValueType, _)
    ));
    // As a rule file: refused for what it is, not for its anchors.
    let d = load_diags(&nested_anchors(60, 5_000));
    assert!(d.iter().all(|d| d.code != Code::YamlTooComplex), "{d:?}");
}

#[test]
fn aliases_still_copy_their_anchor() {
    let text = "units:\n  - &u { id: a, kind: xa, values: &v { n: 1 } }\n  - { id: b, kind: *k, values: *v }\n  - { id: c, kind: &k phuong, values: { n: 2 } }\n";
    // `*k` before `&k` is refused.
    let d = data_diag(text, DataFormat::Yaml);
    assert_eq!(d.code, Code::DataSyntax);
    assert_eq!((d.line, d.column), (3, 20), "{d:?}");

    let text = "units:\n  - { id: a, kind: &k xa, values: &v { n: 1 } }\n  - { id: b, kind: *k, values: *v }\n";
    let u = units(text, DataFormat::Yaml);
    assert_eq!(u[1].kind.as_deref(), Some("xa"));
    assert_eq!(u[1].values, u[0].values);

    // An anchored node holding aliases, aliased again.
    let text = "a: &a [1, 2]\nb: &b [*a, *a]\nc: *b\n";
    let d = load_diags(text);
    assert!(
        d.iter()
            .all(|d| d.code != Code::YamlTooComplex && d.code != Code::YamlSyntax)
    );
    // An alias inside its own anchor cannot be expanded.
    let d = load_diags("a: &a [1, *a]\n");
    assert_eq!(d[0].code, Code::YamlSyntax);
    assert_eq!((d[0].line, d[0].column), (1, 11));
}

#[test]
fn many_small_aliases_are_counted_by_nodes() {
    let mut s = String::from("a: &l [");
    s.push_str(&"1, ".repeat(1_000));
    s.push_str("]\nb: [");
    for _ in 0..200 {
        s.push_str("*l, ");
    }
    s.push_str("]\n");
    // 200,000 nodes: over the rule-file budget (100,000), under the data budget.
    assert_eq!(load_diags(&s)[0].code, Code::YamlTooComplex);
    let u = units(&s, DataFormat::Yaml);
    assert!(u[0].problems.iter().any(|p| p.code == Code::UnknownKey));
}

// ---- 2. Control characters -----------------------------------------------------------------

#[test]
fn nul_in_a_rule_file_is_refused_where_it_is() {
    let text = RULES.replace("title: Kiểm thử", "title: Kiểm\0 thử");
    let d = load_diags(&text);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, Code::ControlCharacter);
    assert_eq!((d[0].line, d[0].column), (4, 12));
    assert!(d[0].help.is_some());
    // Through bytes too, and other control characters.
    match Ruleset::from_bytes(RULES.replace("total: 2", "total: 2\u{1b}").as_bytes(), "b") {
        Err(e) => {
            assert_eq!(e.diagnostics()[0].code, Code::ControlCharacter);
            assert_eq!(e.diagnostics()[0].pos(), at(5, 9));
        }
        Ok(_) => panic!("ESC accepted"),
    }
    // Tab, CR and LF are fine.
    assert!(Ruleset::from_yaml_str(&RULES.replace('\n', "\r\n"), "crlf.yaml").is_ok());
}

#[test]
fn nul_in_data_is_refused_in_every_format() {
    let d = data_diag("[{\"id\": \"a\"},\0 {\"id\": \"b\"}]", DataFormat::Json);
    assert_eq!((d.code, d.pos()), (Code::ControlCharacter, at(1, 14)));
    let d = data_diag("- id: a\n- id: b\0\n- id: c\n", DataFormat::Yaml);
    assert_eq!((d.code, d.pos()), (Code::ControlCharacter, at(2, 8)));
    let d = data_diag("id;n\na;1\nb;2\0\nc;3\n", DataFormat::Csv);
    assert_eq!((d.code, d.pos()), (Code::ControlCharacter, at(3, 4)));
    assert!(d.help.is_some());
    // A C1 control (U+0085) too.
    let d = data_diag("id;n\na;1\u{85}\n", DataFormat::Csv);
    assert_eq!((d.code, d.pos()), (Code::ControlCharacter, at(2, 4)));
}

// ---- 3. Linear paths -----------------------------------------------------------------------

#[test]
fn many_keys_are_checked_for_duplicates_in_linear_time() {
    let n = 200_000;
    let mut s = String::from("{");
    for i in 0..n {
        s.push_str(&format!("k{i}: 1, "));
    }
    s.push_str("k17: 2}");
    let d = load_diags(&s);
    assert_eq!(d[0].code, Code::DuplicateKey);
    assert!(
        d[0].message.render(cchc::Lang::En).contains("`k17`"),
        "{}",
        d[0].message
    );
    // Duplicates are still found in small and mid-sized mappings.
    assert_eq!(load_diags("{a: 1, b: 2, a: 3}")[0].code, Code::DuplicateKey);
    let mut s = String::from("{");
    for i in 0..20 {
        s.push_str(&format!("k{i}: 1, "));
    }
    s.push_str("k3: 2, k19: 3}");
    let d = load_diags(&s);
    assert_eq!(d[0].code, Code::DuplicateKey);
    assert!(
        d[0].message.render(cchc::Lang::En).contains("`k3`"),
        "{}",
        d[0].message
    );
}

#[test]
fn grouped_ranking_with_many_kinds() {
    let rs = rules();
    let n = 20_000;
    let batch: Vec<Unit> = (0..n)
        .map(|i| {
            Unit::new(format!("u{i}"))
                .with_kind(format!("k{}", i / 2))
                .with_number("n", Decimal::from(i % 3))
        })
        .collect();
    let r = rs.score_batch_with(&batch, &BatchOptions::grouped(true), &mut |_| {});
    assert_eq!(r.ranking.len(), n);
    // Kind k0: u0 (0 points) and u1 (1 point): u1 first.
    assert_eq!(
        (
            r.ranking[0].rank,
            r.ranking[0].position,
            r.ranking[1].rank,
            r.ranking[1].position
        ),
        (1, 1, 2, 0)
    );
    // Groups come in order of first appearance.
    assert_eq!(
        r.results[r.ranking[2].position].unit.kind.as_deref(),
        Some("k1")
    );
}

#[test]
fn unit_ids_equal_after_nfc_are_duplicates() {
    let rs = rules();
    let one = |id: &str| Unit::new(id).with_number("n", Decimal::ONE);
    // "Hòa" precomposed and decomposed.
    let batch = [one("H\u{f2}a"), one("Ho\u{300}a"), one("khac")];
    let r = rs.score_batch(&batch);
    let dup = |i: usize| {
        r.results[i]
            .errors
            .iter()
            .any(|e| e.code == Code::DuplicateUnitId)
    };
    assert!(dup(0) && dup(1) && !dup(2));
    assert_eq!(r.ranking.len(), 1);
}

// ---- 4. Silent misreads --------------------------------------------------------------------

#[test]
fn yaml_core_tags_are_honoured() {
    let vals = |text: &str| {
        let u = units(
            &format!("{{ id: a, values: {{ v: {text} }} }}"),
            DataFormat::Yaml,
        );
        u[0].values[0].1.clone()
    };
    assert_eq!(vals("!!str 10"), RawValue::Text("10".into()));
    assert_eq!(vals("! 10"), RawValue::Text("10".into()));
    assert_eq!(vals("!!int 10"), RawValue::Number(Decimal::from(10)));
    assert_eq!(vals("!!int \"12\""), RawValue::Number(Decimal::from(12)));
    assert_eq!(vals("!!float 0.1"), RawValue::Number(Decimal::new(1, 1)));
    assert_eq!(vals("!!bool true"), RawValue::Bool(true));
    assert_eq!(vals("!!null ~"), RawValue::Null);
    assert_eq!(vals("10"), RawValue::Number(Decimal::from(10)));
    for bad in [
        "!!int 1.5",
        "!!int abc",
        "!!float .nan",
        "!!bool yes",
        "!!null 0",
        "!foo x",
        "!!binary aGk=",
        "!!map [1]",
        "!!seq {a: 1}",
        "!<tag:example.com,2000:x> 1",
    ] {
        let d = data_diag(
            &format!("{{ id: a, values: {{ v: {bad} }} }}"),
            DataFormat::Yaml,
        );
        assert_eq!(d.code, Code::DataSyntax, "{bad}: {d:?}");
        assert!(d.line == 1 && d.column >= 24, "{bad}: {d:?}");
        assert!(d.help.is_some(), "{bad}: {d:?}");
    }
    // In a rule file, `!!str 1` is text where text is wanted.
    assert!(Ruleset::from_yaml_str(&RULES.replace("\"1\"\ntitle", "!!str 1\ntitle"), "t").is_ok());
    let d = load_diags(&RULES.replace("total: 2", "total: !!str 2"));
    assert_eq!(d[0].code, Code::WrongType, "{d:?}");
    let d = load_diags(&RULES.replace("total: 2", "total: !custom 2"));
    assert_eq!(
        (d[0].code, d[0].pos()),
        (Code::YamlSyntax, at(5, 16)),
        "{d:?}"
    );
}

#[test]
fn a_duplicate_key_in_one_unit_is_that_units_error() {
    for (text, f) in [
        (
            r#"[{"id": "a", "values": {"n": 1}}, {"id": "b", "values": {"n": 1, "n": 2}}, {"id": "c", "id": "d", "values": {"n": 2}}]"#,
            DataFormat::Json,
        ),
        (
            "- { id: a, values: { n: 1 } }\n- id: b\n  values:\n    n: 1\n    n: 2\n- { id: c, id: d, values: { n: 2 } }\n",
            DataFormat::Yaml,
        ),
    ] {
        let u = units(text, f);
        assert_eq!(u.len(), 3);
        assert!(u[0].problems.is_empty());
        assert_eq!(u[1].problems[0].code, Code::DuplicateKey);
        assert_eq!(u[2].problems[0].code, Code::DuplicateKey);
        assert!(u[1].problems[0].at.is_some());
        assert_eq!(u[2].id.as_deref(), Some("c"));
        let r = rules().score_batch(&u);
        assert_eq!(r.results[0].status, cchc::UnitStatus::Complete);
        assert_eq!(r.results[1].status, cchc::UnitStatus::Error);
        assert_eq!(r.results[2].status, cchc::UnitStatus::Error);
        assert_eq!(r.ranking.len(), 1);
    }
    let u = units("- id: b\n  values:\n    n: 1\n    n: 2\n", DataFormat::Yaml);
    assert_eq!(u[0].problems[0].at, Some(at(4, 5)));
    // Keys equal after NFC are the same input.
    let u = units(
        "- id: b\n  values: { \"h\u{f2}a\": 1, \"ho\u{300}a\": 2 }\n",
        DataFormat::Yaml,
    );
    assert_eq!(u[0].problems[0].code, Code::DuplicateKey);
    assert_eq!(u[0].values.len(), 1);
    // `units` twice is the file's problem.
    let d = data_diag("units: []\nunits: []\n", DataFormat::Yaml);
    assert_eq!((d.code, d.pos()), (Code::DuplicateKey, at(2, 1)));
    assert_eq!(d.labels.len(), 1);
}

#[test]
fn csv_header_problems_are_reported() {
    // A column named twice refuses the file, pointing at both.
    let d = data_diag("id;n;tên;n\na;1;x;2\n", DataFormat::Csv);
    assert_eq!((d.code, d.pos()), (Code::DuplicateKey, at(1, 10)));
    assert_eq!((d.labels[0].line, d.labels[0].column), (1, 4));
    // Equal after NFC.
    let d = data_diag("id,h\u{f2}a,ho\u{300}a\na,1,2\n", DataFormat::Csv);
    assert_eq!(d.code, Code::DuplicateKey);
    // A cell under a column without a name is that unit's warning; an empty one is fine.
    let u = units("id;n;;\na;1;;\nb;1;7;\n", DataFormat::Csv);
    assert!(u[0].problems.is_empty());
    assert_eq!(u[1].problems.len(), 1);
    assert_eq!(u[1].problems[0].code, Code::UnknownKey);
    assert_eq!(u[1].problems[0].at, Some(at(3, 3)));
    let r = rules().score_batch(&u);
    assert_eq!(r.results[1].status, cchc::UnitStatus::Complete);
    assert!(
        r.results[1]
            .warnings
            .iter()
            .any(|w| w.code == Code::UnknownKey)
    );
}

#[test]
fn a_count_written_with_a_thousands_separator_is_refused() {
    let rs = Ruleset::from_yaml_str(
        &RULES
            .replace(
                "n: { type: number, min: 0, max: 2 }",
                "n: { type: count }\n  m: { type: number, min: 0, max: 2 }",
            )
            .replace("value: n", "value: m"),
        "r.yaml",
    )
    .unwrap();
    let u = units("id;n;m\na;1.000;1\nb;1000;1\nc;3,0;1\n", DataFormat::Csv);
    let r = rs.score_batch(&u);
    assert_eq!(r.results[0].status, cchc::UnitStatus::Error);
    let e = &r.results[0].errors[0];
    assert_eq!(e.code, Code::WrongValueType);
    assert!(
        e.message.render(cchc::Lang::En).contains("1000"),
        "{}",
        e.message
    );
    assert_eq!(r.results[1].status, cchc::UnitStatus::Complete);
    assert_eq!(r.results[2].status, cchc::UnitStatus::Complete);
}

// ---- 5. Bounded reading --------------------------------------------------------------------

#[test]
fn endless_sources_are_read_only_to_the_limit() {
    match cchc::data::read_bounded(std::io::repeat(0), 1000) {
        Err(cchc::data::ReadError::TooLarge) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(
        cchc::data::read_bounded(&b"abc"[..], 3).unwrap(),
        b"abc".to_vec()
    );
    if std::path::Path::new("/dev/zero").exists() {
        match Ruleset::load("/dev/zero") {
            Err(e) => assert_eq!(e.diagnostics()[0].code, Code::FileTooLarge),
            Ok(_) => panic!("/dev/zero loaded"),
        }
    }
}

// ---- 6. Positions on unit issues -----------------------------------------------------------

#[test]
fn unit_issues_carry_their_place_in_the_data() {
    let u = units(
        "units:\n  - id: a\n    valeus: { n: 1 }\n  - id: [b]\n    values: 3\n    not_applicable: [x, [y]]\n  - 7\n",
        DataFormat::Yaml,
    );
    let first = |i: usize| (u[i].problems[0].code, u[i].problems[0].at);
    assert_eq!(first(0), (Code::UnknownKey, Some(at(3, 5))));
    assert_eq!(
        u[0].problems[0]
            .help
            .as_ref()
            .map(|h| h.render(cchc::Lang::En))
            .as_deref(),
        Some("did you mean `values`?")
    );
    assert_eq!(first(1), (Code::InvalidUnit, Some(at(4, 9))));
    assert_eq!(u[1].problems[1].at, Some(at(5, 13)));
    assert_eq!(u[1].problems[2].at, Some(at(6, 25)));
    assert_eq!(first(2), (Code::InvalidUnit, Some(at(7, 5))));
    for p in u.iter().flat_map(|u| &u.problems) {
        assert!(
            !p.message.render(cchc::Lang::En).contains("(line"),
            "{}",
            p.message
        );
    }
    // CSV: the record's line, the field's number.
    let u = units("id;n\n\na;1;9\n\"b\nc\";2;8\nd;3\n", DataFormat::Csv);
    assert_eq!(first_at(&u[0]), Some(at(3, 1)));
    assert_eq!(first_at(&u[1]), Some(at(4, 1)));
    assert!(u[2].problems.is_empty());
    let u = units("\n\nid;n;\n\r\n\r\na;1;\nb;2;x\n", DataFormat::Csv);
    assert_eq!(first_at(&u[1]), Some(at(7, 3)));
    // Serialised as {"line", "column"} only when present.
    let json = serde_json::to_value(&u[1].problems[0]).unwrap();
    assert_eq!(json["at"], serde_json::json!({"line": 7, "column": 3}));
    let json = serde_json::to_value(cchc::Issue::new(
        None,
        Code::InvalidUnit,
        cchc::msg!("test-text", text = "x"),
    ))
    .unwrap();
    assert!(json.get("at").is_none());
}

fn first_at(u: &Unit) -> Option<Pos> {
    u.problems.first().and_then(|p| p.at)
}

#[test]
fn scoring_issues_of_data_values_carry_their_place() {
    let rs = rules();
    let u = units("id;n;khac\na;9;1\n;1;\na;1;\n", DataFormat::Csv);
    let r = rs.score_batch(&u);
    let issue = |i: usize, code: Code| {
        r.results[i]
            .errors
            .iter()
            .chain(&r.results[i].warnings)
            .find(|e| e.code == code)
            .unwrap_or_else(|| panic!("no {code} in unit {i}"))
            .at
    };
    assert_eq!(issue(0, Code::ValueOutOfRange), Some(at(2, 2)));
    assert_eq!(issue(0, Code::UnknownInput), Some(at(2, 3)));
    assert_eq!(issue(0, Code::DuplicateUnitId), Some(at(2, 1)));
    assert_eq!(issue(1, Code::MissingUnitId), Some(at(3, 1)));
    let u = units("- id: a\n  values: { n: [1] }\n", DataFormat::Yaml);
    let r = rs.score_batch(&u);
    assert_eq!(r.results[0].errors[0].code, Code::WrongValueType);
    assert_eq!(r.results[0].errors[0].at, Some(at(2, 16)));
    // Units built in code have no place.
    let r = rs.score(&Unit::new("x").with_number("n", Decimal::from(9)));
    assert_eq!(r.errors[0].at, None);
}

// ---- Never a panic -------------------------------------------------------------------------

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "&a ", "&b ", "*a", "*b", "[", "]", "{", "}", ": ", ", ", "x", "1", "1.000", "\n", "\n  ",
        "- ", "!!str ", "!!int ", "!x ", "? ", "\"q\"", "id", "values", "units", ";", "\0", "#",
        "---\n", "~",
    ];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn reading_any_text_returns(t in text()) {
            for f in [DataFormat::Json, DataFormat::Yaml, DataFormat::Csv] {
                let _ = cchc::read_units(&t, f, "d");
            }
            let _ = Ruleset::from_yaml_str(&t, "r");
        }

        #[test]
        fn reading_any_bytes_returns(b in proptest::collection::vec(any::<u8>(), 0..200)) {
            for f in [DataFormat::Json, DataFormat::Yaml, DataFormat::Csv] {
                let _ = cchc::read_units_bytes(&b, f, "d");
            }
            let _ = Ruleset::from_bytes(&b, "r");
        }
    }
}
