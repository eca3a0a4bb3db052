//! The expression engine: exact decimals, helpers, lazy reads, sandbox limits.

use std::collections::HashMap;
use std::str::FromStr;

use cchc::expr::*;
use cchc::inputs::{InputDef, Value};
use cchc::ruleset::model::{InputType, OnMissing};
use cchc::Code;
use rhai::Dynamic;
use rust_decimal::Decimal;

fn input(name: &str, ty: InputType) -> InputDef {
    InputDef {
        name: name.into(),
        ty,
        label: None,
        description: None,
        min: None,
        max: None,
        options: vec![],
        default: None,
        on_missing: OnMissing::Error,
    }
}

fn run(src: &str, kind: SourceKind, vals: &[(&str, Slot)]) -> Result<Dynamic, Fail> {
    let e = engine();
    let inputs: Vec<InputDef> = vals
        .iter()
        .map(|(n, s)| match s {
            Slot::Value(Value::Bool(_)) => input(n, InputType::Bool),
            _ => input(n, InputType::Number),
        })
        .collect();
    let names: HashMap<String, usize> = inputs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.name.clone(), i))
        .collect();
    let c =
        compile(&e, src, kind, &inputs, &names, &[]).map_err(|e| Fail::Error(e.code, e.message))?;
    let slots: Vec<Slot> = vals.iter().map(|(_, s)| *s).collect();
    c.eval(&e, &inputs, &slots, &[]).0
}

fn num(src: &str) -> Decimal {
    as_number(&run(src, SourceKind::Expression, &[]).unwrap()).unwrap()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn decimal_literals_are_exact() {
    assert_eq!(num("0.1 + 0.2"), d("0.3"));
    assert_eq!(num("1.5 * 2"), d("3"));
    // Whole numbers divide exactly too (not as Rhai integers).
    assert_eq!(num("7 / 2"), d("3.5"));
    assert_eq!(num("100 / 8"), d("12.5"));
    assert_eq!(num("-9 / 4"), d("-2.25"));
}

#[test]
fn helpers() {
    assert_eq!(num("round(2.345, 2)"), d("2.35"));
    assert_eq!(num("round(2.335, 2)"), d("2.34"));
    assert_eq!(num("round(-2.345, 2)"), d("-2.35"));
    assert_eq!(num("min(3, 2.5)"), d("2.5"));
    assert_eq!(num("max(3, 2.5)"), d("3"));
    assert_eq!(num("clamp(12, 0, 10)"), d("10"));
    assert_eq!(num("abs(-1.25)"), d("1.25"));
}

#[test]
fn mixed_integer_and_decimal_comparison() {
    let r = run(
        "r >= 80 && r < 100",
        SourceKind::Expression,
        &[("r", Slot::Value(Value::Num(d("92.5"))))],
    )
    .unwrap();
    assert!(r.as_bool().unwrap());
    let r = run(
        "r * 0.5",
        SourceKind::Expression,
        &[("r", Slot::Value(Value::Num(d("3"))))],
    )
    .unwrap();
    assert_eq!(as_number(&r).unwrap(), d("1.5"));
}

#[test]
fn missing_inputs_are_read_lazily() {
    let vals = [
        ("a", Slot::Value(Value::Num(Decimal::ZERO))),
        ("b", Slot::Missing),
    ];
    assert!(!run("a > 0 && b > 0", SourceKind::Expression, &vals)
        .unwrap()
        .as_bool()
        .unwrap());
    assert_eq!(
        run("a >= 0 && b > 0", SourceKind::Expression, &vals).err(),
        Some(Fail::Missing(1))
    );
    let vals = [("a", Slot::NotApplicable)];
    assert_eq!(
        run("a + 1", SourceKind::Expression, &vals).err(),
        Some(Fail::NotApplicable(0))
    );
}

#[test]
fn undeclared_names_do_not_compile() {
    match run("x + 1", SourceKind::Expression, &[]) {
        Err(Fail::Error(Code::UndeclaredInput, _)) => {}
        other => panic!("{other:?}"),
    }
    match run("1 +", SourceKind::Expression, &[]) {
        Err(Fail::Error(Code::ScriptCompile, _)) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn sandbox_limits() {
    let code = |src: &str| match run(src, SourceKind::Script, &[]) {
        Err(Fail::Error(c, _)) => c,
        other => panic!("{src}: {other:?}"),
    };
    assert_eq!(code("loop { }"), Code::LimitExceeded);
    assert_eq!(code("fn f(n) { f(n + 1) } f(0)"), Code::LimitExceeded);
    assert_eq!(code("let s = \"x\"; loop { s += s; }"), Code::LimitExceeded);
    assert_eq!(code("let a = []; loop { a.push(1); }"), Code::LimitExceeded);
    assert_eq!(code("1 / 0"), Code::DivisionByZero);
    assert_eq!(code("1.5 / 0"), Code::DivisionByZero);
    assert_eq!(code("throw \"no\""), Code::ScriptError);
    assert_eq!(
        code("79228162514264337593543950335 * 10"),
        Code::ScriptError
    );
    assert!(matches!(
        run("eval(\"1\")", SourceKind::Script, &[]),
        Err(Fail::Error(Code::ScriptCompile | Code::ScriptError, _))
    ));
}

#[test]
fn print_goes_to_the_trace() {
    let e = engine();
    let names = HashMap::new();
    let c = compile(
        &e,
        "print(\"xin chào\"); 1",
        SourceKind::Script,
        &[],
        &names,
        &[],
    )
    .unwrap();
    let (r, printed) = c.eval(&e, &[], &[], &[]);
    assert_eq!(as_number(&r.unwrap()).unwrap(), Decimal::ONE);
    assert_eq!(printed, vec!["xin chào".to_string()]);
}
