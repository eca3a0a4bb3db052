//! A bad-input test for every error the engine can raise, at load and at scoring. None may
//! panic; each must carry its code, a position (load) and a message that says how to fix it.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test."
)]

use std::collections::BTreeSet;
use std::sync::Mutex;

use cchc::{Code, DataFormat, Decimal, RawValue, Ruleset, Unit};

static SEEN: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

fn seen(code: Code) {
    SEEN.lock().unwrap().insert(code.as_str());
}

const HEAD: &str = "format: cchc/1\nid: t\nversion: \"1\"\ntitle: Kiểm thử\n";

/// A ruleset with one leaf `1` (max 2) using `rule`, and these inputs.
fn one_leaf(inputs: &str, rule: &str) -> String {
    format!(
        "{HEAD}total: 2\ninputs:\n{inputs}\ncriteria:\n  - id: \"1\"\n    title: Tiêu chí\n    max: 2\n    rule: {rule}\n"
    )
}

const INPUTS: &str = "  b: { type: bool }\n  n: { type: count }\n  p: { type: percent }\n  x: { type: number, min: 1, max: 5 }\n  c: { type: choice, options: [dung_han, cham] }";

fn load_err(text: &str) -> Vec<cchc::Diagnostic> {
    match Ruleset::from_yaml_str(text, "bad.yaml") {
        Ok(_) => panic!("expected the ruleset to be refused:\n{text}"),
        Err(e) => e.diagnostics().to_vec(),
    }
}

/// Loads `text`, expects `code` among the problems, checks position and message.
fn expect_load(text: &str, code: Code) -> cchc::Diagnostic {
    let diags = load_err(text);
    let d = diags
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"))
        .clone();
    assert!(d.line >= 1 && d.column >= 1, "{d:?} has no position");
    assert!(
        d.message.render(cchc::Lang::En).len() > 20,
        "{d:?}: message too short to help"
    );
    assert_eq!(d.file, "bad.yaml");
    for x in &diags {
        seen(x.code);
    }
    d
}

#[test]
fn load_errors() {
    let ok = one_leaf(INPUTS, "{ check: b }");
    assert!(Ruleset::from_yaml_str(&ok, "ok.yaml").is_ok());

    let d = expect_load(
        &ok.replace("title: Tiêu chí", "titel: Tiêu chí"),
        Code::UnknownKey,
    );
    assert!(
        d.help
            .as_ref()
            .map(|h| h.render(cchc::Lang::En))
            .as_deref()
            .unwrap_or_default()
            .contains("did you mean `title`?"),
        "{d:?}"
    );
    assert_eq!(d.criterion.as_deref(), Some("1"));

    let d = expect_load(
        "format: cchc/1\nid: x\ntitle: \"unclosed\n",
        Code::YamlSyntax,
    );
    assert!(d.line >= 3, "{d:?}");
    let d = expect_load("format: cchc/1\nid: x\n  title: y\n", Code::YamlSyntax);
    assert_eq!((d.line, d.column), (3, 8), "{d:?}");
    expect_load(&ok.replace("cchc/1", "cchc/2"), Code::UnsupportedFormat);
    expect_load(
        &ok.replace("total: 2", "total: 2\ntotal: 3"),
        Code::DuplicateKey,
    );
    expect_load(
        &ok.replace("max: 2\n    rule", "max: \"2\"\n    rule"),
        Code::WrongType,
    );
    expect_load(&ok.replace("title: Kiểm thử\n", ""), Code::MissingKey);
    expect_load(
        &ok.replace("total: 2", "total: 2\nranking: denser"),
        Code::InvalidValue,
    );
    expect_load(
        &ok.replace(
            "max: 2\n    rule",
            "max: 2.00000000000000000000000000001\n    rule",
        ),
        Code::InvalidNumber,
    );
    expect_load(
        &ok.replace("max: 2\n    rule", "max: .inf\n    rule"),
        Code::InvalidNumber,
    );
    expect_load(
        &ok.replace("max: 2\n    rule", "max: 0\n    rule")
            .replace("total: 2", "total: 0"),
        Code::InvalidMax,
    );
    let d = expect_load(&ok.replace("total: 2", "total: 3"), Code::MaxMismatch);
    assert!(
        d.message.render(cchc::Lang::En).contains('3')
            && d.message.render(cchc::Lang::En).contains('2'),
        "both figures: {}",
        d.message
    );
    expect_load(
        &ok.replace("rule: { check: b }", "rule: { check: b }\n    children: []"),
        Code::InvalidNode,
    );
    expect_load(
        &ok.replace("rule: { check: b }", "rule: { check: b, value: n }"),
        Code::InvalidRule,
    );
    expect_load(
        &ok.replace("rule: { check: b }", "rule: {}"),
        Code::InvalidRule,
    );
    expect_load(
        &ok.replace("rule: { check: b }", "rule: { chek: b }"),
        Code::UnknownKey,
    );
    expect_load(
        &ok.replace("{ check: b }", "{ check: khong_co }"),
        Code::UndeclaredInput,
    );
    expect_load(
        &ok.replace("{ check: b }", "{ check: { expr: \"khong_co > 1\" } }"),
        Code::UndeclaredInput,
    );
    expect_load(
        &ok.replace(
            "{ check: b }",
            "{ bands: { input: b, steps: [ { points: 1 } ] } }",
        ),
        Code::InputTypeMismatch,
    );
    expect_load(
        &ok.replace("{ check: b }", "{ levels: { input: n, points: {} } }"),
        Code::InputTypeMismatch,
    );
    expect_load(
        &ok.replace("{ check: b }", "{ script: \"let x = ;\" }"),
        Code::ScriptCompile,
    );
    expect_load(
        &ok.replace(
            "{ check: b }",
            "{ bands: { input: p, steps: [ { at_least: 50, points: 3 } ] } }",
        ),
        Code::PointsOutOfRange,
    );
    expect_load(
        &ok.replace(
            "{ check: b }",
            "{ levels: { input: c, points: { dung_han: 2, cham: -1 } } }",
        ),
        Code::PointsOutOfRange,
    );
    expect_load(
        &ok.replace("{ check: b }", "{ bands: { input: p, steps: [] } }"),
        Code::BandsNoSteps,
    );
    expect_load(
        &ok.replace("{ check: b }", "{ scale: { input: p, from: 5, to: 5 } }"),
        Code::InvalidScale,
    );
    expect_load(
        &ok.replace("{ check: b }", "{ deduct: { input: n, per: 0 } }"),
        Code::InvalidDeduct,
    );
    expect_load(
        &ok.replace("{ check: b }", "{ deduct: { input: n, per: 1, floor: 3 } }"),
        Code::InvalidDeduct,
    );
    expect_load(
        &ok.replace("{ check: b }", "{ per: { input: n, points: -1 } }"),
        Code::InvalidPer,
    );
    expect_load(
        &ok.replace(
            "{ check: b }",
            "{ levels: { input: c, points: { dung_han: 2 } } }",
        ),
        Code::LevelsIncomplete,
    );
    expect_load(
        &ok.replace(
            "{ check: b }",
            "{ levels: { input: c, points: { dung_han: 2, cham: 1, tre: 0 } } }",
        ),
        Code::UnknownOption,
    );
    expect_load(
        &ok.replace(
            "x: { type: number, min: 1, max: 5 }",
            "x: { type: number, min: 5, max: 1 }",
        ),
        Code::InvalidInput,
    );
    expect_load(
        &ok.replace(
            "c: { type: choice, options: [dung_han, cham] }",
            "c: { type: choice }",
        ),
        Code::InvalidInput,
    );
    expect_load(
        &ok.replace("n: { type: count }", "n: { type: count, default: -1 }"),
        Code::InvalidInput,
    );
    expect_load(
        &ok.replace("n: { type: count }", "n: { type: counter }"),
        Code::InvalidValue,
    );

    let grades = "grades:\n  - { id: kha, label: Khá, at_least: 70 }\n  - { id: tot, label: Tốt, at_least: 80 }\n";
    expect_load(
        &ok.replace("inputs:", &format!("{grades}inputs:")),
        Code::GradesOrder,
    );
    let grades = "grades:\n  - { id: tot, label: Tốt, at_least: 80 }\n  - { id: tot, label: Khá, at_least: 70 }\n";
    expect_load(
        &ok.replace("inputs:", &format!("{grades}inputs:")),
        Code::DuplicateGrade,
    );
    let grades =
        "grades:\n  - { id: tot, label: Tốt, at_least: 80, requires: \"points(\\\"9\\\") > 1\" }\n";
    expect_load(
        &ok.replace("inputs:", &format!("{grades}inputs:")),
        Code::UnknownCriterion,
    );
    let tests = "tests:\n  - { name: a, values: { b: true }, expect: { points: { \"9\": 1 } } }\n";
    expect_load(&format!("{ok}{tests}"), Code::UnknownCriterion);

    // Duplicate ids, also the NFC and NFD forms of the same Vietnamese id.
    let two = |a: &str, b: &str| {
        format!(
            "{HEAD}total: 2\ninputs:\n  v: {{ type: number }}\ncriteria:\n  - {{ id: \"{a}\", title: A, max: 1, rule: {{ value: v }} }}\n  - {{ id: \"{b}\", title: B, max: 1, rule: {{ value: v }} }}\n"
        )
    };
    expect_load(&two("1", "1"), Code::DuplicateId);
    let d = expect_load(
        &two("Tiêu chí 1", "Tie\u{302}u chi\u{301} 1"),
        Code::DuplicateId,
    );
    assert_eq!(d.line, 10);
    assert!(Ruleset::from_yaml_str(&two("Tiêu chí 1", "Tiêu chí 2"), "ok.yaml").is_ok());

    // A cap group whose children add up to less than its max.
    let cap = format!(
        "{HEAD}total: 3\ninputs:\n  v: {{ type: number }}\ncriteria:\n  - id: g\n    title: G\n    max: 3\n    cap: true\n    children:\n      - {{ id: a, title: A, max: 1, rule: {{ value: v }} }}\n      - {{ id: b, title: B, max: 1, rule: {{ value: v }} }}\n"
    );
    expect_load(&cap, Code::CapTooSmall);

    // Several problems are all reported, sorted by position.
    let many = ok
        .replace("titel", "title")
        .replace("total: 2", "total: 9")
        .replace("{ check: b }", "{ check: zz }");
    let diags = load_err(&many.replace("version: \"1\"", "version: \"1\"\nissued: x"));
    let codes: BTreeSet<Code> = diags.iter().map(|d| d.code).collect();
    assert!(
        codes.contains(&Code::UnknownKey)
            && codes.contains(&Code::MaxMismatch)
            && codes.contains(&Code::UndeclaredInput),
        "{diags:#?}"
    );
    assert!(
        diags
            .windows(2)
            .all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column))
    );
}

#[test]
fn limits_on_rule_files() {
    // 6 MiB file.
    let big = format!(
        "{}# {}\n",
        one_leaf(INPUTS, "{ check: b }"),
        "x".repeat(6 * 1024 * 1024)
    );
    expect_load(&big, Code::FileTooLarge);
    match Ruleset::from_bytes(big.as_bytes(), "bad.yaml") {
        Err(e) => assert_eq!(e.diagnostics()[0].code, Code::FileTooLarge),
        Ok(_) => panic!("6 MiB accepted"),
    }
    // Not UTF-8.
    match Ruleset::from_bytes(b"format: cchc/1\nid: \xff\xfe\n", "bad.yaml") {
        Err(e) => {
            assert_eq!(e.diagnostics()[0].code, Code::NotUtf8);
            assert_eq!(e.diagnostics()[0].line, 2);
            seen(Code::NotUtf8);
        }
        Ok(_) => panic!("latin-1 accepted"),
    }
    // A leading BOM is fine.
    assert!(
        Ruleset::from_bytes(
            format!("\u{feff}{}", one_leaf(INPUTS, "{ check: b }")).as_bytes(),
            "bom.yaml"
        )
        .is_ok()
    );
    // Depth 9.
    let mut tree = String::from("{ id: l9, title: L, max: 1, rule: { value: v } }");
    for d in (1..=8).rev() {
        tree = format!("{{ id: l{d}, title: L, max: 1, children: [ {tree} ] }}");
    }
    let deep = format!("{HEAD}total: 1\ninputs:\n  v: {{ type: number }}\ncriteria:\n  - {tree}\n");
    expect_load(&deep, Code::TooDeep);
    let ok8 = deep.replace(
        "children: [ { id: l9, title: L, max: 1, rule: { value: v } } ]",
        "rule: { value: v }",
    );
    assert!(
        Ruleset::from_yaml_str(&ok8, "ok.yaml").is_ok(),
        "depth 8 must load"
    );
    // 10,001 nodes.
    let mut many = format!("{HEAD}total: 10001\ninputs:\n  v: {{ type: number }}\ncriteria:\n");
    for i in 0..10_001 {
        many.push_str(&format!(
            "  - {{ id: \"n{i}\", title: N, max: 1, rule: {{ value: v }} }}\n"
        ));
    }
    expect_load(&many, Code::TooManyNodes);
    // A YAML alias bomb.
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    expect_load(&bomb, Code::YamlTooComplex);
    // Deep nesting of plain YAML.
    expect_load(
        &format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        Code::YamlTooComplex,
    );
    // A file that cannot be read.
    match Ruleset::load("/nonexistent/cchc.yaml") {
        Err(e) => {
            assert_eq!(e.diagnostics()[0].code, Code::Io);
            seen(Code::Io);
        }
        Ok(_) => panic!(),
    }
}

fn unit(values: &[(&str, RawValue)]) -> Unit {
    let mut u = Unit::new("u");
    for (k, v) in values {
        u = u.with_value(*k, v.clone());
    }
    u
}

fn codes_of(r: &cchc::UnitResult) -> (BTreeSet<Code>, BTreeSet<Code>) {
    for i in r.errors.iter().chain(&r.warnings) {
        seen(i.code);
        assert!(i.message.render(cchc::Lang::En).len() > 15, "{i:?}");
    }
    (
        r.errors.iter().map(|i| i.code).collect(),
        r.warnings.iter().map(|i| i.code).collect(),
    )
}

fn expect_unit(rs: &Ruleset, u: &Unit, code: Code) -> cchc::UnitResult {
    let r = rs.score(u);
    let (e, w) = codes_of(&r);
    assert!(
        e.contains(&code) || w.contains(&code),
        "expected {code}, got errors {e:?} warnings {w:?}"
    );
    r
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn scoring_errors() {
    use RawValue::*;
    let rs = |rule: &str| Ruleset::from_yaml_str(&one_leaf(INPUTS, rule), "t.yaml").unwrap();
    let check = rs("{ check: b }");
    let r = expect_unit(&check, &unit(&[]), Code::MissingInput);
    assert_eq!(r.status, cchc::UnitStatus::Incomplete);
    let r = expect_unit(
        &check,
        &unit(&[("b", Text("có".into()))]),
        Code::WrongValueType,
    );
    assert_eq!(r.status, cchc::UnitStatus::Error);
    assert_eq!(r.node("1").unwrap().status, cchc::NodeStatus::Error);
    expect_unit(
        &check,
        &unit(&[("b", Number(Decimal::ONE))]),
        Code::WrongValueType,
    );

    let count = rs("{ per: { input: n, points: 1 } }");
    expect_unit(
        &count,
        &unit(&[("n", Number(dec("-1")))]),
        Code::ValueOutOfRange,
    );
    expect_unit(
        &count,
        &unit(&[("n", Number(dec("2.5")))]),
        Code::NotWholeNumber,
    );
    expect_unit(
        &count,
        &unit(&[("n", Text("ba".into()))]),
        Code::WrongValueType,
    );
    expect_unit(
        &count,
        &unit(&[("n", Cell("ba".into()))]),
        Code::WrongValueType,
    );
    expect_unit(&count, &unit(&[("n", Cell("NaN".into()))]), Code::NotFinite);
    expect_unit(
        &count,
        &unit(&[("n", Cell("Infinity".into()))]),
        Code::NotFinite,
    );
    expect_unit(
        &count,
        &unit(&[("n", Cell("1.2345678901234567890123456789012".into()))]),
        Code::InexactNumber,
    );
    let pct = rs("{ scale: { input: p, from: 0, to: 100 } }");
    expect_unit(
        &pct,
        &unit(&[("p", Number(dec("100.5")))]),
        Code::ValueOutOfRange,
    );
    let num = rs("{ scale: { input: x, from: 1, to: 5 } }");
    expect_unit(
        &num,
        &unit(&[("x", Number(dec("0")))]),
        Code::ValueOutOfRange,
    );
    let ch = rs("{ levels: { input: c, points: { dung_han: 2, cham: 1 } } }");
    expect_unit(
        &ch,
        &unit(&[("c", Text("khong".into()))]),
        Code::UnknownChoice,
    );

    let script = |src: &str| rs(&format!("{{ script: \"{src}\" }}"));
    expect_unit(&script("loop { }"), &unit(&[]), Code::LimitExceeded);
    expect_unit(
        &script("fn f(n) { f(n + 1) } f(0)"),
        &unit(&[]),
        Code::LimitExceeded,
    );
    expect_unit(
        &script("let s = `xxxxxxxxxx`; loop { s += s; }"),
        &unit(&[]),
        Code::LimitExceeded,
    );
    expect_unit(&script("1 / 0"), &unit(&[]), Code::DivisionByZero);
    expect_unit(&script("throw `no`"), &unit(&[]), Code::ScriptError);
    expect_unit(&script("3"), &unit(&[]), Code::ResultOutOfRange);
    expect_unit(&script("`hai`"), &unit(&[]), Code::NotNumeric);
    let v = rs("{ value: x }");
    expect_unit(
        &v,
        &unit(&[("x", Number(dec("2.004")))]),
        Code::ResultOutOfRange,
    );
    let neg = rs("{ deduct: { expr: \"x - 3\", per: 1 } }");
    expect_unit(&neg, &unit(&[("x", Number(dec("1")))]), Code::NegativeValue);
    let nb = rs("{ check: { expr: \"x + 1\" } }");
    expect_unit(&nb, &unit(&[("x", Number(dec("1")))]), Code::NotBoolean);
    let band = rs("{ bands: { input: p, steps: [ { at_least: 50, points: 2 } ] } }");
    let r = expect_unit(&band, &unit(&[("p", Number(dec("10")))]), Code::NoBand);
    assert_eq!(r.status, cchc::UnitStatus::Complete);
    expect_unit(
        &check,
        &unit(&[("b", Bool(true)), ("bb", Bool(true))]),
        Code::UnknownInput,
    );
    expect_unit(
        &check,
        &unit(&[("b", Bool(true))]).with_not_applicable("9"),
        Code::UnknownCriterion,
    );
    let r = expect_unit(
        &check,
        &unit(&[("b", Bool(true))]).with_not_applicable("1"),
        Code::ZeroMax,
    );
    assert_eq!(r.index, None);
    let mut anon = unit(&[("b", Bool(true))]);
    anon.id = None;
    expect_unit(&check, &anon, Code::MissingUnitId);
    let mut sa = unit(&[("b", Bool(true))]);
    sa.self_assessed.push(("1".into(), Text("hai".into())));
    expect_unit(&check, &sa, Code::InvalidUnit);

    let batch = check.score_batch(&[unit(&[("b", Bool(true))]), unit(&[("b", Bool(false))])]);
    for r in &batch.results {
        assert!(codes_of(r).0.contains(&Code::DuplicateUnitId));
    }
    assert!(batch.ranking.is_empty());
}

#[test]
fn data_errors() {
    let read = |text: &str, f: DataFormat| {
        cchc::read_units(text, f, "d").map_err(|e| Box::new(e.diagnostics()[0].clone()))
    };
    let code = |text: &str, f: DataFormat| {
        let d = read(text, f).expect_err("must fail");
        seen(d.code);
        d.code
    };
    assert_eq!(code("{ units: [", DataFormat::Json), Code::DataSyntax);
    assert_eq!(code("42", DataFormat::Json), Code::DataShape);
    assert_eq!(code("", DataFormat::Yaml), Code::DataShape);
    assert_eq!(code("units: 3", DataFormat::Yaml), Code::DataShape);
    assert_eq!(code("", DataFormat::Csv), Code::EmptyCsv);
    assert_eq!(code("id;x\n", DataFormat::Csv), Code::EmptyCsv);
    match cchc::read_units_bytes(b"id;x\n\xff;1\n", DataFormat::Csv, "d") {
        Err(e) => assert_eq!(e.diagnostics()[0].code, Code::NotUtf8),
        Ok(_) => panic!(),
    }
    // Unit-level problems stay in the unit.
    let units = read(
        "units:\n  - { id: a, valeus: { x: 1 } }\n  - { id: b, values: [1] }\n  - 7\n",
        DataFormat::Yaml,
    )
    .unwrap();
    assert_eq!(units.len(), 3);
    assert_eq!(units[0].problems[0].code, Code::UnknownKey);
    assert_eq!(units[1].problems[0].code, Code::InvalidUnit);
    assert_eq!(units[2].problems[0].code, Code::InvalidUnit);
    // NaN, infinities and over-long numbers in JSON/YAML data are values of the unit, refused there.
    let units = read(
        "[{ id: a, values: { x: .nan, y: 1.00000000000000000000000000000001 } }]",
        DataFormat::Yaml,
    )
    .unwrap();
    assert!(matches!(
        units[0].values[0].1,
        RawValue::Invalid(Code::NotFinite, _)
    ));
    assert!(matches!(
        units[0].values[1].1,
        RawValue::Invalid(Code::InexactNumber, _)
    ));
}

/// Needs every feature: the lint and workbook codes are tested only where they are compiled.
#[cfg(all(feature = "tools", feature = "xlsx"))]
#[test]
fn zz_every_code_is_tested() {
    // Runs last by name; the other tests in this file fill SEEN. Run them first when alone.
    load_errors();
    limits_on_rule_files();
    scoring_errors();
    data_errors();
    hostile_data_errors();
    load_warnings();
    loader_diagnostics_content();
    one_bad_value_does_not_cascade();
    scoring_overflow_and_refused_inputs_in_grades();
    round_errors();
    #[cfg(feature = "tools")]
    lint_warnings();
    parameter_errors();
    ranking_group_errors();
    #[cfg(feature = "xlsx")]
    workbook_errors();
    let seen = SEEN.lock().unwrap().clone();
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !seen.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a bad-input test: {missing:?}"
    );
}

#[test]
fn hostile_data_errors() {
    // A NUL byte no longer truncates a rule file or a data file: it is refused where it is.
    let text = one_leaf(INPUTS, "{ check: b }").replace("title: Tiêu chí", "title: Tiêu\0chí");
    let d = expect_load(&text, Code::ControlCharacter);
    assert!(d.help.is_some(), "{d:?}");
    for (text, f) in [
        ("[{\"id\": \"a\"}, \0]", DataFormat::Json),
        ("- id: a\n\0- id: b\n", DataFormat::Yaml),
        ("id;x\na;1\0\n", DataFormat::Csv),
    ] {
        match cchc::read_units(text, f, "d") {
            Err(e) => {
                let d = &e.diagnostics()[0];
                assert_eq!(d.code, Code::ControlCharacter, "{d:?}");
                assert!(d.line >= 1 && d.column >= 1, "{d:?}");
                seen(d.code);
            }
            Ok(_) => panic!("NUL accepted in {f:?}"),
        }
    }
}

/// Loads `text` (it must load) and expects a load-time warning with `code`, located.
fn expect_warning(text: &str, code: Code) -> cchc::Diagnostic {
    let rs = Ruleset::from_yaml_str(text, "warn.yaml")
        .unwrap_or_else(|e| panic!("expected the ruleset to load: {e}\n{text}"));
    for w in rs.warnings() {
        seen(w.code);
    }
    let w = rs
        .warnings()
        .iter()
        .find(|w| w.code == code)
        .unwrap_or_else(|| panic!("no {code} in {:#?}", rs.warnings()))
        .clone();
    assert!(w.line >= 1 && w.column >= 1, "{w:?} has no position");
    assert!(
        w.message.render(cchc::Lang::En).len() > 15 && w.help.is_some(),
        "{w:?}"
    );
    assert_eq!(w.file, "warn.yaml");
    w
}

#[test]
fn load_warnings() {
    let ok = one_leaf(INPUTS, "{ check: b }");
    assert!(
        Ruleset::from_yaml_str(&ok, "ok.yaml")
            .unwrap()
            .warnings()
            .is_empty()
    );
    let w = expect_warning(
        &ok.replace("total: 2", "effective: { from: 2021-02-30 }\ntotal: 2"),
        Code::InvalidDate,
    );
    assert_eq!((w.line, w.column), (5, 20), "{w:?}");
    assert_eq!(w.end_column, 30, "{w:?}");
    // 2024 is a leap year; 2021 is not.
    expect_warning(
        &ok.replace("total: 2", "effective: { from: 2021-02-29 }\ntotal: 2"),
        Code::InvalidDate,
    );
    let leap = ok.replace("total: 2", "effective: { from: 2024-02-29 }\ntotal: 2");
    assert!(
        Ruleset::from_yaml_str(&leap, "w.yaml")
            .unwrap()
            .warnings()
            .is_empty()
    );

    let graded = |at_least: &str| {
        ok.replace(
            "criteria:",
            &format!("grades:\n  - {{ id: a, label: A, at_least: {at_least} }}\ncriteria:"),
        )
    };
    expect_warning(&graded("120"), Code::GradeOutOfRange);
    expect_warning(&graded("-1"), Code::GradeOutOfRange);
    assert!(
        Ruleset::from_yaml_str(&graded("100"), "w.yaml")
            .unwrap()
            .warnings()
            .is_empty()
    );

    let w = expect_warning(&ok.replace("id: \"1\"", "id: \" 1\""), Code::SuspiciousId);
    assert_eq!(w.criterion.as_deref(), Some(" 1"));
    expect_warning(
        &ok.replace(
            "  b: { type: bool }",
            "  \"\": { type: bool }\n  b: { type: bool }",
        ),
        Code::SuspiciousId,
    );
    // A control character in an id is an error, not a warning.
    let d = expect_load(&ok.replace("id: \"1\"", "id: \"1\\a\""), Code::InvalidValue);
    assert!(
        d.message
            .render(cchc::Lang::En)
            .contains("control character"),
        "{d:?}"
    );

    let bands = |steps: &str| {
        one_leaf(
            INPUTS,
            &format!("{{ bands: {{ input: p, steps: [{steps}] }} }}"),
        )
    };
    let w = expect_warning(
        &bands("{ at_least: 50, points: 1 }, { at_least: 80, points: 2 }, { points: 0 }"),
        Code::UnreachableBand,
    );
    assert!(w.message.render(cchc::Lang::En).contains("step 2"), "{w:?}");
    assert_eq!(w.criterion.as_deref(), Some("1"));
    // Located at the step itself: `{ at_least: 80` on the leaf's rule line.
    let line = one_leaf(INPUTS, "{ bands: { input: p, steps: [{ at_least: 50, points: 1 }, { at_least: 80, points: 2 }, { points: 0 }] } }")
        .lines()
        .position(|l| l.contains("bands"))
        .unwrap();
    assert_eq!(w.line as usize, line + 1, "{w:?}");
    assert_eq!(w.column, 69, "{w:?}");
    let w = expect_warning(
        &bands("{ at_least: 80, below: 50, points: 2 }, { points: 0 }"),
        Code::UnreachableBand,
    );
    assert!(
        w.message.render(cchc::Lang::En).contains("contradict"),
        "{w:?}"
    );
    expect_warning(
        &bands("{ at_least: 50, points: 2 }, { below: 50, points: 1 }, { points: 0 }"),
        Code::UnreachableBand,
    );
    // Descending thresholds, a gap only the catch-all fills: no warning.
    let fine = bands("{ above: 50, points: 2 }, { below: 50, points: 1 }, { points: 0 }");
    assert!(
        Ruleset::from_yaml_str(&fine, "w.yaml")
            .unwrap()
            .warnings()
            .is_empty()
    );
}

#[test]
fn loader_diagnostics_content() {
    let ok = one_leaf(INPUTS, "{ check: b }");
    // A rule file without `format:` names the line to add.
    let d = expect_load(&ok.replace("format: cchc/1\n", ""), Code::MissingKey);
    assert!(
        d.message.render(cchc::Lang::En).contains("format: cchc/1"),
        "{d:?}"
    );
    // "Did you mean" is a help, not part of the message; the span covers the key.
    let d = expect_load(
        &ok.replace("title: Tiêu chí", "titel: Tiêu chí"),
        Code::UnknownKey,
    );
    assert!(
        !d.message.render(cchc::Lang::En).contains("did you mean"),
        "{d:?}"
    );
    assert_eq!(d.end_column, d.column + 5, "{d:?}");
    let d = expect_load(
        &ok.replace("type: count", "type: cuont"),
        Code::InvalidValue,
    );
    assert_eq!(
        d.help.as_ref().map(|h| h.render(cchc::Lang::En)).as_deref(),
        Some("did you mean `count`?"),
        "{d:?}"
    );
    // A duplicate id points at the first definition with a label.
    let dup = format!(
        "{HEAD}total: 2\ninputs:\n{INPUTS}\ncriteria:\n  - {{ id: a, title: A, max: 1, rule: {{ check: b }} }}\n  - {{ id: a, title: B, max: 1, rule: {{ check: b }} }}\n"
    );
    let d = expect_load(&dup, Code::DuplicateId);
    assert_eq!(d.labels.len(), 1, "{d:?}");
    assert_eq!(d.labels[0].line, d.line - 1, "{d:?}");
    assert!(!d.message.render(cchc::Lang::En).contains("line"), "{d:?}");
}

#[test]
fn one_bad_value_does_not_cascade() {
    let group = |child_max: &str| {
        format!(
            "{HEAD}total: 2\ninputs:\n{INPUTS}\ncriteria:\n  - id: g\n    title: G\n    max: 2\n    children:\n      - {{ id: a, title: A, max: {child_max}, rule: {{ check: b }} }}\n      - {{ id: b, title: B, max: 1, rule: {{ check: b }} }}\n"
        )
    };
    assert!(Ruleset::from_yaml_str(&group("1"), "ok.yaml").is_ok());
    // A bad max: one problem, no max_mismatch on the group or the total.
    let diags = load_err(&group("abc"));
    let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::WrongType], "{diags:#?}");
    seen(Code::WrongType);
    // A bad rule: no "neither children nor rule".
    let bad_rule = one_leaf(INPUTS, "{ scale: { input: p, from: x, to: 100 } }");
    let codes: Vec<Code> = load_err(&bad_rule).iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::WrongType]);
    // A bad band bound: no "bands has no steps".
    let bad_step = one_leaf(
        INPUTS,
        "{ bands: { input: p, steps: [ { at_least: x, points: 1 } ] } }",
    );
    let codes: Vec<Code> = load_err(&bad_step).iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::WrongType]);
    // A bad input type: rules that read the input are not reported as undeclared.
    let bad_input = one_leaf(
        &INPUTS.replace("b: { type: bool }", "b: { type: boolean }"),
        "{ check: b }",
    );
    let codes: Vec<Code> = load_err(&bad_input).iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::InvalidValue]);
}

#[test]
fn scoring_overflow_and_refused_inputs_in_grades() {
    // A scale whose share times max overflows: a coded overflow, not a script error.
    let big = "1000000000000000000";
    let text = format!(
        "{HEAD}total: {big}\ninputs:\n  x: {{ type: number }}\ncriteria:\n  - {{ id: \"1\", title: T, max: {big}, rule: {{ scale: {{ input: x, from: 0, to: {big} }} }} }}\n"
    );
    let rs = Ruleset::from_yaml_str(&text, "t.yaml").unwrap();
    let r = expect_unit(
        &rs,
        &unit(&[("x", RawValue::Number(dec("500000000000000000")))]),
        Code::ArithmeticOverflow,
    );
    assert_eq!(r.status, cchc::UnitStatus::Error);
    assert!(
        !r.errors.iter().any(|e| e.code == Code::ScriptError),
        "{:?}",
        r.errors
    );
}

#[test]
fn references_to_entries_that_failed_to_load_do_not_cascade() {
    let text = format!(
        "{HEAD}total: 2\ninputs:\n{INPUTS}\ngrades:\n  - {{ id: tot, label: Tốt, at_least: cao }}\ncriteria:\n  - id: g\n    title: G\n    max: x\n    children:\n      - {{ id: a, title: A, max: 2, rule: {{ check: b }} }}\ntests:\n  - name: t\n    values: {{ b: true }}\n    expect: {{ points: {{ g: 2, a: 2 }}, grade: tot }}\n"
    );
    let diags = load_err(&text);
    let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
    // The bad `at_least` and the bad `max`; nothing about the test naming `g`, `a` or `tot`,
    // and no sum mismatch.
    assert_eq!(codes, vec![Code::WrongType, Code::WrongType], "{diags:#?}");
}

#[test]
fn a_bad_level_does_not_cascade() {
    let rule = "{ levels: { input: c, points: { dung_han: 2, cham: nhieu } } }";
    let codes: Vec<Code> = load_err(&one_leaf(INPUTS, rule))
        .iter()
        .map(|d| d.code)
        .collect();
    // Not also `levels_incomplete` for the option whose points could not be read.
    assert_eq!(codes, vec![Code::WrongType]);
    let rule = "{ levels: { input: c, points: [2, 1] } }";
    let codes: Vec<Code> = load_err(&one_leaf(INPUTS, rule))
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, vec![Code::WrongType]);
}

/// The warnings fixture the Python and JavaScript suites also read: the same codes and places.
#[test]
fn shared_warnings_fixture() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/warnings.yaml"
    );
    let rs = Ruleset::load(path).unwrap();
    let mut codes: Vec<Code> = rs.warnings().iter().map(|w| w.code).collect();
    codes.sort();
    assert_eq!(codes, vec![Code::InvalidDate, Code::UnreachableBand]);
    let band = rs
        .warnings()
        .iter()
        .find(|w| w.code == Code::UnreachableBand)
        .unwrap();
    assert_eq!((band.line, band.criterion.as_deref()), (20, Some("1")));
}

/// Letters only Vietnamese uses (with its diacritics).
const VIETNAMESE: &str = "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";

/// English words that a Vietnamese sentence never needs (outside `identifiers`).
const ENGLISH: &[&str] = &[
    "the",
    "must",
    "is",
    "not",
    "but",
    "this",
    "needs",
    "which",
    "did",
    "mean",
    "unknown",
    "add",
    "keep",
    "one",
    "of",
    "and",
    "or",
    "has",
    "cannot",
    "be",
    "only",
    "here",
    "allowed",
    "file",
    "criterion",
    "input",
    "grade",
    "test",
    "value",
    "number",
    "text",
    "list",
    "mapping",
];

/// The text without its `identifiers` (they stay as written in every language).
fn without_identifiers(s: &str) -> String {
    s.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, p)| p)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks one message (its Vietnamese and English renderings).
fn check_vietnamese(m: &cchc::Message, what: &str) {
    let (vi, en) = (m.render(cchc::Lang::Vi), m.render(cchc::Lang::En));
    assert_ne!(m.id(), "test-text", "{what}: not a catalogue message: {en}");
    assert_ne!(vi, en, "{what}: the same text in both languages: {vi}");
    assert!(
        vi.chars()
            .any(|c| VIETNAMESE.contains(c.to_lowercase().next().unwrap_or(c))),
        "{what}: no Vietnamese letter in {vi:?}"
    );
    let words = without_identifiers(&vi).to_lowercase();
    let words: BTreeSet<&str> = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let english: Vec<_> = ENGLISH.iter().filter(|w| words.contains(*w)).collect();
    assert!(
        english.is_empty(),
        "{what}: English words {english:?} in the Vietnamese text {vi:?} (English: {en:?})"
    );
}

/// Checks a diagnostic in both languages: Vietnamese texts, and the same data (code, place,
/// criterion) whatever the language.
fn check_diagnostic_languages(d: &cchc::Diagnostic) {
    use cchc::Localize;
    let what = format!("{} at {}:{}", d.code, d.line, d.column);
    check_vietnamese(&d.message, &what);
    if let Some(h) = &d.help {
        check_vietnamese(h, &format!("{what} (help)"));
    }
    for l in &d.labels {
        check_vietnamese(&l.message, &format!("{what} (label)"));
    }
    let json = |lang| {
        let mut v = serde_json::to_value(d.in_lang(lang)).unwrap();
        let obj = v.as_object_mut().unwrap();
        let texts = (obj.remove("message"), obj.remove("help"));
        for l in obj["labels"].as_array_mut().unwrap() {
            l.as_object_mut().unwrap().remove("message");
        }
        (v, texts)
    };
    let ((vi, vi_texts), (en, en_texts)) = (json(cchc::Lang::Vi), json(cchc::Lang::En));
    assert_eq!(vi, en, "{what}: the data differs between languages");
    assert_ne!(vi_texts, en_texts, "{what}");
    assert_eq!(
        vi.get("code").and_then(|c| c.as_str()),
        Some(d.code.as_str())
    );
}

/// One broken rule file for every load-time code whose message is in `load.ftl`/`expr.ftl`:
/// each is refused (or warned about) with that code, and every message, help and label of the
/// load reads as Vietnamese by default, with the same codes and places in English.
#[test]
fn load_messages_are_vietnamese_by_default() {
    let ok = one_leaf(INPUTS, "{ check: b }");
    let graded = |g: &str| ok.replace("criteria:", &format!("grades:\n{g}\ncriteria:"));
    let deep = {
        let mut tree = String::from("{ id: l9, title: L, max: 1, rule: { value: v } }");
        for d in (1..=8).rev() {
            tree = format!("{{ id: l{d}, title: L, max: 1, children: [ {tree} ] }}");
        }
        format!("{HEAD}total: 1\ninputs:\n  v: {{ type: number }}\ncriteria:\n  - {tree}\n")
    };
    let many = {
        let mut t = format!("{HEAD}total: 10001\ninputs: {{ b: {{ type: bool }} }}\ncriteria:\n");
        for i in 0..10_001 {
            t.push_str(&format!(
                "  - {{ id: c{i}, title: T, max: 1, rule: {{ check: b }} }}\n"
            ));
        }
        t
    };
    let cases: Vec<(String, Code)> = vec![
        ("format: cchc/1\nid: x\n  title: y\n".into(), Code::YamlSyntax),
        (ok.replace("title: Kiểm thử", "title: !!int Kiểm thử"), Code::YamlSyntax),
        (ok.replace("title: Kiểm thử", "title: !custom/x Kiểm thử"), Code::YamlSyntax),
        (format!("{ok}---\nformat: cchc/1\n"), Code::YamlSyntax),
        (ok.replace("title: Kiểm thử", "title: *nowhere"), Code::YamlSyntax),
        (format!("{}{}", "[".repeat(100), "]".repeat(100)), Code::YamlTooComplex),
        (ok.replace("total: 2", "total: 2\ntotal: 3"), Code::DuplicateKey),
        (ok.replace("title: Kiểm thử", "title: Kiểm\u{1b}thử"), Code::ControlCharacter),
        (format!("{ok}# {}\n", "x".repeat(6 * 1024 * 1024)), Code::FileTooLarge),
        (String::new(), Code::MissingKey),
        (ok.replace("title: Kiểm thử\n", ""), Code::MissingKey),
        (ok.replace("cchc/1", "cchc/2"), Code::UnsupportedFormat),
        (ok.replace("titel", "title").replace("title: Tiêu chí", "titel: Tiêu chí"), Code::UnknownKey),
        (ok.replace("max: 2\n    rule", "max: \"2\"\n    rule"), Code::WrongType),
        (ok.replace("max: 2\n    rule", "max: hai\n    rule"), Code::WrongType),
        (ok.replace("max: 2\n    rule", "max: [2]\n    rule"), Code::WrongType),
        (ok.replace("total: 2", "total: 2\nrounding: { places: 11 }"), Code::InvalidValue),
        (ok.replace("total: 2", "total: 2\nranking: denser"), Code::InvalidValue),
        (ok.replace("total: 2", "total: 2\neffective: { from: 2021-13-01 }"), Code::InvalidValue),
        (ok.replace("total: 2", "total: 2\neffective: { from: 2022-01-01, to: 2021-01-01 }"), Code::InvalidValue),
        (ok.replace("id: \"1\"", "id: \"1\\a\""), Code::InvalidValue),
        (ok.replace("max: 2\n    rule", "max: .inf\n    rule"), Code::InvalidNumber),
        (ok.replace("max: 2\n    rule", "max: 1e30\n    rule"), Code::InvalidNumber),
        (ok.replace("max: 2\n    rule", "max: 2.00000000000000000000000000001\n    rule"), Code::InvalidNumber),
        (ok.replace("max: 2\n    rule", "max: 0\n    rule").replace("total: 2", "total: 0"), Code::InvalidMax),
        (ok.replace("total: 2", "total: 3"), Code::MaxMismatch),
        (ok.replace("title: Tiêu chí\n    max: 2\n    rule: { check: b }", "title: Tiêu chí\n    max: 2\n    children:\n      - { id: \"1\", title: T, max: 2, rule: { check: b } }"), Code::DuplicateId),
        (ok.replace("rule: { check: b }", "rule: { check: b }\n    children: []"), Code::InvalidNode),
        (ok.replace("rule: { check: b }", "cap: true"), Code::InvalidNode),
        (ok.replace("rule: { check: b }", "rule: { check: b, value: n }"), Code::InvalidRule),
        (ok.replace("rule: { check: b }", "rule: {}"), Code::InvalidRule),
        (ok.replace("rule: { check: b }", "rule: { value: { input: n, expr: n } }"), Code::InvalidRule),
        (ok.replace("rule: { check: b }", "rule: { check: khong_co }"), Code::UndeclaredInput),
        (ok.replace("rule: { check: b }", "rule: { check: { expr: \"khong_co\" } }"), Code::UndeclaredInput),
        (ok.replace("rule: { check: b }", "rule: { check: n }"), Code::InputTypeMismatch),
        (ok.replace("rule: { check: b }", "rule: { scale: { input: b, from: 0, to: 1 } }"), Code::InputTypeMismatch),
        (ok.replace("rule: { check: b }", "rule: { check: { expr: \"b &&\" } }"), Code::ScriptCompile),
        (ok.replace("rule: { check: b }", "rule: { check: { expr: \"sleep(1)\" } }"), Code::ScriptCompile),
        (ok.replace("rule: { check: b }", "rule: { value: { expr: \"points(\\\"1\\\")\" } }"), Code::ScriptCompile),
        (ok.replace("rule: { check: b }", "rule: { script: \"let a = 1;\\nlet b = ;\" }"), Code::ScriptCompile),
        (ok.replace("  b: { type: bool }", "  b: { type: bool, min: 1 }"), Code::InvalidInput),
        (ok.replace("  x: { type: number, min: 1, max: 5 }", "  x: { type: number, min: 5, max: 1 }"), Code::InvalidInput),
        (ok.replace("  c: { type: choice, options: [dung_han, cham] }", "  c: { type: choice }"), Code::InvalidInput),
        (ok.replace("options: [dung_han, cham]", "options: [dung_han, dung_han]"), Code::InvalidInput),
        (ok.replace("  b: { type: bool }", "  b: { type: bool, options: [a] }"), Code::InvalidInput),
        (ok.replace("  b: { type: bool }", "  b: { type: bool }\n  \"a\u{301}\": { type: bool }\n  \"\u{e1}\": { type: bool }"), Code::InvalidInput),
        (graded("  - { id: a, label: A, at_least: 50 }\n  - { id: b, label: B, at_least: 80 }"), Code::GradesOrder),
        (graded("  - { id: a, label: A, at_least: 80 }\n  - { id: a, label: B, at_least: 50 }"), Code::DuplicateGrade),
        (graded("  - { id: a, label: A, at_least: 80, requires: 'points(\"9\") > 0' }"), Code::UnknownCriterion),
        (format!("{ok}tests:\n  - {{ name: t, expect: {{ points: {{ \"9\": 1 }} }} }}\n"), Code::UnknownCriterion),
        (format!("{ok}tests:\n  - {{ name: t, expect: {{ grade: z }} }}\n"), Code::InvalidValue),
        (many, Code::TooManyNodes),
        (deep, Code::TooDeep),
    ];
    for (text, code) in &cases {
        let diags = match Ruleset::from_yaml_str(text, "bad.yaml") {
            Ok(_) => panic!(
                "expected {code}:\n{}",
                text.chars().take(400).collect::<String>()
            ),
            Err(e) => e.diagnostics().to_vec(),
        };
        assert!(
            diags.iter().any(|d| d.code == *code),
            "no {code} in {diags:#?}"
        );
        for d in &diags {
            check_diagnostic_languages(d);
        }
    }
    // A default that its input refuses: the reason comes from the input's reading of values
    // (a unit message), the sentence around it from the loader.
    let d = expect_load(
        &ok.replace("  b: { type: bool }", "  b: { type: bool, default: 3 }"),
        Code::InvalidInput,
    );
    assert_eq!(d.message.id(), "load-input-bad-default");
    assert!(
        d.message
            .render(cchc::Lang::Vi)
            .starts_with("Giá trị mặc định của dữ liệu đầu vào `b` không hợp lệ: "),
        "{d:?}"
    );

    // Not UTF-8; a file that cannot be read.
    let e = Ruleset::from_bytes(b"format: cchc/1\nid: \xff\n", "bad.yaml").unwrap_err();
    assert_eq!(e.diagnostics()[0].code, Code::NotUtf8);
    check_diagnostic_languages(&e.diagnostics()[0]);
    let e = Ruleset::load("khong-co/tep.yaml").unwrap_err();
    assert_eq!(e.diagnostics()[0].code, Code::Io);
    check_diagnostic_languages(&e.diagnostics()[0]);
    assert!(
        e.diagnostics()[0]
            .message
            .render(cchc::Lang::Vi)
            .contains("không tìm thấy tệp"),
        "{:?}",
        e.diagnostics()[0]
    );

    // Warnings.
    let warned = [
        (
            ok.replace("total: 2", "effective: { from: 2021-02-30 }\ntotal: 2"),
            Code::InvalidDate,
        ),
        (
            graded("  - { id: a, label: A, at_least: 120 }"),
            Code::GradeOutOfRange,
        ),
        (ok.replace("id: \"1\"", "id: \" 1\""), Code::SuspiciousId),
        (
            ok.replace(
                "  b: { type: bool }",
                "  \"\": { type: bool }\n  b: { type: bool }",
            ),
            Code::SuspiciousId,
        ),
    ];
    for (text, code) in &warned {
        let rs = Ruleset::from_yaml_str(text, "warn.yaml").unwrap();
        assert!(rs.warnings().iter().any(|w| w.code == *code), "no {code}");
        for w in rs.warnings() {
            check_diagnostic_languages(w);
        }
    }
}

/// Numbers in load messages use the language's decimal separator; identifiers do not change.
#[test]
fn load_messages_write_numbers_in_the_language() {
    let ok = one_leaf(INPUTS, "{ check: b }");
    let text = ok
        .replace("total: 2", "total: 2.5")
        .replace("max: 2\n", "max: 1.5\n");
    let d = expect_load(&text, Code::MaxMismatch);
    let (vi, en) = (
        d.message.render(cchc::Lang::Vi),
        d.message.render(cchc::Lang::En),
    );
    assert!(vi.contains("2,5") && vi.contains("1,5"), "{vi}");
    assert!(en.contains("2.5") && en.contains("1.5"), "{en}");
    assert_eq!(
        en,
        "`total` is 2.5 but the top-level normal criteria's max add up to 1.5; make them equal"
    );
}

/// `cchc test` failures name what differs in the language asked for; the unit's errors keep
/// their code.
#[test]
fn test_failures_are_messages() {
    let text = format!(
        "{}tests:\n  - name: sai\n    values: {{ b: true }}\n    expect: {{ total: 1, points: {{ \"1\": 1 }} }}\n  - name: thieu\n    expect: {{ total: 0 }}\n",
        one_leaf(INPUTS, "{ check: b }")
    );
    let rs = Ruleset::from_yaml_str(&text, "t.yaml").unwrap();
    let out = rs.run_tests();
    let whats: Vec<(String, String)> = out[0]
        .failures
        .iter()
        .map(|f| (f.what.render(cchc::Lang::Vi), f.what.render(cchc::Lang::En)))
        .collect();
    assert_eq!(
        whats,
        [
            (
                "điểm của tiêu chí `1`".to_string(),
                "points of `1`".to_string()
            ),
            ("tổng điểm".to_string(), "total".to_string()),
        ]
    );
    assert_eq!(out[0].failures[1].expected, "1");
    assert_eq!(out[0].failures[1].actual, "2");
    assert!(out[1].passed(), "{:?}", out[1]);
    let errors: Vec<String> = out[1]
        .errors
        .iter()
        .map(|e| e.render(cchc::Lang::En))
        .collect();
    assert!(
        errors.iter().any(|e| e.ends_with("[missing_input]")),
        "{errors:?}"
    );
}

#[test]
fn round_errors() {
    use cchc::UnitRound;
    let text = "format: cchc/1\nid: r\nversion: '1'\ntitle: T\ntotal: 10\ninputs:\n  p: { type: percent }\n  k: { type: bool }\n  s: { type: bool, on_missing: not_applicable }\nrounds:\n  - { id: tu_cham, label: Tự chấm }\n  - { id: tham_dinh, label: Thẩm định }\ncriteria:\n  - { id: a, title: A, max: 4, evidence: [Kế hoạch], rule: { bands: { input: p, steps: [ { at_least: 90, points: 4 }, { points: 0 } ] } } }\n  - id: g\n    title: G\n    max: 6\n    children:\n      - { id: b, title: B, max: 3, rule: { check: k } }\n      - { id: c, title: C, max: 3, rule: { check: s } }\n";
    let rs = Ruleset::from_yaml_str(text, "r.yaml").unwrap();
    let base = || {
        unit(&[
            ("p", RawValue::Number(dec("95"))),
            ("k", RawValue::Bool(true)),
        ])
    };
    // A round the ruleset does not declare.
    let r = expect_unit(
        &rs,
        &base().with_round(UnitRound::new("chot")),
        Code::UnknownRound,
    );
    assert_eq!(r.status, cchc::UnitStatus::Error);
    // Points on a group, out of range, and both marks on one leaf.
    let r = expect_unit(&rs, &base().with_points("g", dec("1")), Code::NotALeaf);
    assert_eq!(r.errors[0].criterion.as_deref(), Some("g"));
    let r = expect_unit(
        &rs,
        &base().with_round(UnitRound::new("tham_dinh").with_points("b", dec("3.5"))),
        Code::PointsOutOfRange,
    );
    // The first round is fine; the error is the appraisal's (and so the unit's).
    assert!(r.rounds()[0].errors.is_empty());
    assert_eq!(r.status, cchc::UnitStatus::Error);
    expect_unit(
        &rs,
        &base().with_points("b", dec("-1")),
        Code::PointsOutOfRange,
    );
    expect_unit(
        &rs,
        &base()
            .with_points("b", dec("2"))
            .with_self_assessed("b", dec("3")),
        Code::ConflictingMarks,
    );
    // Points on a leaf that is not applicable are ignored; evidence not cited.
    let r = expect_unit(&rs, &base().with_points("c", dec("1")), Code::PointsIgnored);
    assert_eq!(r.node("c").unwrap().status, cchc::NodeStatus::NotApplicable);
    expect_unit(&rs, &base(), Code::NoEvidence);
    assert!(
        rs.score(&base().with_explanation("a", "Chưa có"))
            .warnings
            .is_empty()
    );
    // As of a round the unit does not give.
    let r = rs.score_as_of(&base(), rs.round_index("tham_dinh").unwrap());
    let (_, w) = codes_of(&r);
    assert!(w.contains(&Code::RoundAbsent), "{w:?}");
    assert!(!r.rankable());
}

/// The static analysis's warnings (`Ruleset::lint`): one case file per code in `tests/lint/`
/// (their locations are checked in `tests/lint.rs`).
#[cfg(feature = "tools")]
#[test]
fn lint_warnings() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/lint");
    for code in cchc::lint::CODES {
        let path = dir.join(format!("{code}.yaml"));
        let rs = Ruleset::load(&path).unwrap();
        let ws = rs.lint();
        assert!(
            ws.iter().any(|d| d.code == *code),
            "{}: {ws:?}",
            path.display()
        );
        seen(*code);
    }
}

#[test]
fn parameter_errors() {
    let text = format!(
        "{HEAD}total: 2\nparameters:\n  khao_sat: {{ type: bool, label: Có ĐTXHH, default: true }}\n  nguong: {{ type: percent, default: 80 }}\ninputs:\n  b: {{ type: bool }}\ncriteria:\n  - {{ id: \"1\", title: Tiêu chí, max: 2, applies_if: khao_sat, rule: {{ check: b }} }}\n"
    );
    let rs = Ruleset::from_yaml_str(&text, "bad.yaml").unwrap();
    let check = |params: cchc::Parameters, code: Code, line: u32| {
        let e = rs.with_parameters(&params).unwrap_err();
        let d = &e.diagnostics()[0];
        assert_eq!((d.code, d.line), (code, line), "{d:?}");
        assert_eq!(d.file, "bad.yaml");
        assert!(d.help.is_some(), "{d:?}");
        seen(code);
        d.clone()
    };
    // An unknown name: at `parameters:` (line 6), with the nearest name.
    let d = check(
        cchc::Parameters::new().with("khaosat", RawValue::Bool(false)),
        Code::UnknownParameter,
        6,
    );
    assert!(
        d.help
            .unwrap()
            .render(cchc::Lang::En)
            .contains("did you mean `khao_sat`")
    );
    // A refused value and an empty one: at the parameter's declaration.
    check(
        cchc::Parameters::new().with("khao_sat", RawValue::Cell("có lẽ".into())),
        Code::InvalidParameter,
        7,
    );
    check(
        cchc::Parameters::new().with("nguong", RawValue::Cell("120".into())),
        Code::InvalidParameter,
        8,
    );
    check(
        cchc::Parameters::new().with("nguong", RawValue::Cell(String::new())),
        Code::InvalidParameter,
        8,
    );
    // Every problem at once.
    let e = rs
        .with_parameters(
            &cchc::Parameters::new()
                .with("x", RawValue::Bool(true))
                .with("khao_sat", RawValue::Number(Decimal::ONE)),
        )
        .unwrap_err();
    assert_eq!(e.diagnostics().len(), 2);
    // A name used by an input and a parameter; a parameter without a default.
    let dup = format!(
        "{HEAD}total: 2\nparameters:\n  b: {{ type: bool, default: true }}\n  k: {{ type: bool }}\ninputs:\n  b: {{ type: bool }}\ncriteria:\n  - {{ id: \"1\", title: Tiêu chí, max: 2, rule: {{ check: b }} }}\n"
    );
    expect_load(&dup, Code::DuplicateId);
    expect_load(&dup, Code::MissingKey);
    // A test case setting an undeclared parameter, or a value its type refuses.
    let tests = format!(
        "{text}tests:\n  - {{ name: t, parameters: {{ khao: false }}, expect: {{ total: 0 }} }}\n  - {{ name: u, parameters: {{ nguong: 101 }}, expect: {{ total: 0 }} }}\n"
    );
    expect_load(&tests, Code::UnknownParameter);
    expect_load(&tests, Code::InvalidParameter);
}

#[test]
fn ranking_group_errors() {
    let text = format!(
        "{HEAD}total: 2\nranking:\n  groups:\n    - {{ id: xa, label: Xã, kinds: [xa, thi_tran] }}\ninputs:\n  b: {{ type: bool }}\ncriteria:\n  - {{ id: \"1\", title: Tiêu chí, max: 2, rule: {{ check: b }} }}\n"
    );
    let rs = Ruleset::from_yaml_str(&text, "bad.yaml").unwrap();
    // A kind in no group, and no kind: a warning naming the groups; ranked in `khac`.
    let u = Unit::new("h")
        .with_kind("huyen")
        .with_value("b", RawValue::Bool(true));
    let r = rs.score(&u);
    let w = &r.warnings[0];
    assert_eq!(w.code, Code::UngroupedUnit);
    assert!(w.message.render(cchc::Lang::En).contains("`huyen`"));
    assert!(
        w.help
            .as_ref()
            .unwrap()
            .render(cchc::Lang::En)
            .contains("`xa`")
    );
    seen(Code::UngroupedUnit);
    let r = rs.score(&Unit::new("n").with_value("b", RawValue::Bool(true)));
    assert_eq!(r.warnings[0].code, Code::UngroupedUnit);
    let ok = rs.score(&u.clone().with_kind("thi_tran"));
    assert!(ok.warnings.is_empty(), "{:?}", ok.warnings);
    // A kind in two groups: duplicate_id at the second group.
    let two = text.replace(
        "kinds: [xa, thi_tran] }\n",
        "kinds: [xa, thi_tran] }\n    - { id: tt, kinds: [thi_tran] }\n",
    );
    let d = expect_load(&two, Code::DuplicateId);
    assert_eq!(d.line, 9);
    let bad = text.replace("label: Xã,", "lable: Xã,");
    expect_load(&bad, Code::UnknownKey);
}

/// Workbooks (feature `xlsx`): a file that is not a workbook, a sheet it does not have, a date
/// cell where a value belongs, a header that is the label of two inputs.
#[cfg(feature = "xlsx")]
#[test]
fn workbook_errors() {
    use cchc::data::read_workbook;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    // Not a workbook at all.
    let e = read_workbook(b"id;b\nx;1\n", "units.xlsx", None).unwrap_err();
    assert_eq!(e.diagnostics()[0].code, Code::UnreadableWorkbook);
    seen(Code::UnreadableWorkbook);
    let text = format!(
        "{HEAD}total: 2\ninputs:\n  a: {{ type: count, label: Số hồ sơ }}\n  b: {{ type: count, label: số hồ sơ }}\ncriteria:\n  - {{ id: \"1\", title: Tiêu chí, max: 2, rule: {{ value: a }} }}\n"
    );
    let rs = Ruleset::from_yaml_str(&text, "wb.yaml").unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Đơn vị").unwrap();
    ws.write_string(0, 0, "id").unwrap();
    ws.write_string(0, 1, "a").unwrap();
    ws.write_string(0, 2, "Số hồ sơ").unwrap();
    ws.write_string(1, 0, "u1").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_datetime_with_format(1, 1, ExcelDateTime::from_ymd(2021, 5, 1).unwrap(), &date)
        .unwrap();
    ws.write_number(1, 2, 3).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    // A sheet the workbook does not have: the message names the sheets it has.
    let e = read_workbook(&bytes, "units.xlsx", Some("Sheet9")).unwrap_err();
    let d = &e.diagnostics()[0];
    assert_eq!(d.code, Code::UnknownSheet);
    assert!(d.message.render(cchc::Lang::En).contains("Đơn vị"), "{d:?}");
    seen(Code::UnknownSheet);
    // The date cell is the unit's invalid value, located at its cell; the label of two inputs
    // is refused for both.
    let units = read_workbook(&bytes, "units.xlsx", None).unwrap();
    let r = rs.score(&units[0]);
    let codes: Vec<Code> = r.errors.iter().map(|i| i.code).collect();
    assert!(codes.contains(&Code::XlsxCell), "{codes:?}");
    let cell = r.errors.iter().find(|i| i.code == Code::XlsxCell).unwrap();
    assert!(
        cell.message.render(cchc::Lang::En).contains("B2"),
        "{cell:?}"
    );
    seen(Code::XlsxCell);
    assert!(codes.contains(&Code::AmbiguousLabel), "{codes:?}");
    seen(Code::AmbiguousLabel);
}
