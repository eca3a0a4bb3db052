//! Expressions and scripts: a sandboxed Rhai engine with exact decimals.
//!
//! Every expression is compiled once, at load, with strict variables (a name that is not a
//! declared input is a compile error). At run time the scope holds only the inputs the source
//! mentions that the unit has; reading one it lacks is reported as missing (or not applicable).

mod functions;
mod sandbox;

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use rhai::{Dynamic, Engine, EvalAltResult, ParseErrorType, Scope, AST, INT};
use rust_decimal::Decimal;

use crate::error::Code;
use crate::inputs::{InputDef, Value};
use crate::types::InputType;

pub use sandbox::Limits;

/// Builds the sandboxed engine shared by every expression of a ruleset.
pub fn engine() -> Engine {
    let mut e = Engine::new_raw();
    sandbox::apply(&mut e);
    functions::register(&mut e);
    e
}

/// What kind of source: a single expression or a script of statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// An expression (`applies_if`, `expr:`, `requires`).
    Expression,
    /// A script (`script:`).
    Script,
}

/// A compiled expression or script.
#[derive(Debug, Clone)]
pub struct Compiled {
    ast: AST,
    /// Input slots the source mentions.
    reads: Vec<usize>,
    /// The source, for traces.
    pub source: String,
}

/// A value of a unit's input as the expression engine sees it.
#[derive(Debug, Clone, Copy)]
pub enum Slot {
    /// Present (given, defaulted or zeroed).
    Value(Value),
    /// Absent, and nodes that read it are missing.
    Missing,
    /// Absent, and nodes that read it are not applicable.
    NotApplicable,
    /// Given but refused (wrong type, out of range…).
    Invalid,
}

/// Why an evaluation did not give a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Fail {
    /// It read this input, which the unit lacks.
    Missing(usize),
    /// It read this input, which makes the node not applicable.
    NotApplicable(usize),
    /// It read this input, whose value was refused.
    Invalid(usize),
    /// It failed.
    Error(Code, String),
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Input slots whose names appear as identifiers in `src` (an over-approximation is harmless).
fn mentioned(src: &str, names: &HashMap<String, usize>) -> Vec<usize> {
    let mut out: Vec<usize> = src
        .split(|c: char| !is_ident_char(c))
        .filter_map(|w| names.get(w).copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Why a source did not compile.
#[derive(Debug, Clone)]
pub struct CompileError {
    /// `undeclared_input` or `script_compile`.
    pub code: Code,
    /// A plain sentence.
    pub message: String,
    /// Line within the source (from 1), when known.
    pub line: Option<u32>,
}

fn placeholder(ty: InputType) -> Dynamic {
    match ty {
        InputType::Bool => Dynamic::from_bool(false),
        InputType::Choice => Dynamic::from(rhai::ImmutableString::new()),
        _ => Dynamic::from_decimal(Decimal::ZERO),
    }
}

/// Compiles a source against the declared inputs (plus `extra` names, e.g. `index`).
pub fn compile(
    engine: &Engine,
    src: &str,
    kind: SourceKind,
    inputs: &[InputDef],
    names: &HashMap<String, usize>,
    extra: &[&str],
) -> Result<Compiled, CompileError> {
    if src.len() > sandbox::MAX_SOURCE {
        return Err(CompileError {
            code: Code::ScriptCompile,
            message: format!(
                "the script is {} bytes long; at most {} are allowed",
                src.len(),
                sandbox::MAX_SOURCE
            ),
            line: None,
        });
    }
    // Plain (not constant) variables: the optimiser must not fold the placeholders in.
    let mut scope = Scope::new();
    for def in inputs {
        scope.push_dynamic(def.name.as_str(), placeholder(def.ty));
    }
    for name in extra {
        scope.push_dynamic(*name, Dynamic::from_decimal(Decimal::ZERO));
    }
    let result = match kind {
        SourceKind::Expression => engine.compile_expression_with_scope(&scope, src),
        SourceKind::Script => engine.compile_with_scope(&scope, src),
    };
    match result {
        Ok(ast) => Ok(Compiled {
            ast,
            reads: mentioned(src, names),
            source: src.to_string(),
        }),
        Err(e) => {
            let line = e.1.line().map(|l| l as u32);
            let (code, message) = match &*e.0 {
                ParseErrorType::VariableUndefined(name) => {
                    // `ho-so` reads as `ho - so`: say why when a declared name starts that way.
                    let clash = inputs.iter().find(|d| {
                        d.name.starts_with(name.as_str()) && !d.name.chars().all(is_ident_char)
                    });
                    let msg = match clash {
                        Some(d) => format!(
                            "`{name}` is not a declared input; the input `{}` cannot be named in an expression because names there may hold only ASCII letters, digits and `_` (rename it, e.g. `{}`)",
                            d.name,
                            d.name.chars().map(|c| if is_ident_char(c) { c } else { '_' }).collect::<String>()
                        ),
                        None => format!("`{name}` is not a declared input; declare it under `inputs:` or correct the name"),
                    };
                    (Code::UndeclaredInput, msg)
                }
                other => (
                    Code::ScriptCompile,
                    format!("the expression does not compile: {other}"),
                ),
            };
            Err(CompileError {
                code,
                message,
                line,
            })
        }
    }
}

thread_local! {
    static CONTEXT: RefCell<Context> = RefCell::new(Context::default());
}

/// Node index by id, and (points, max) by node index.
type PointsView = (Arc<HashMap<String, usize>>, Vec<(Decimal, Decimal)>);

/// Per-evaluation state that Rhai callbacks reach: printed lines and, for `requires`, the
/// unit's points by node id.
#[derive(Default)]
struct Context {
    printed: Vec<String>,
    points: Option<PointsView>,
}

pub(crate) fn record_print(s: &str) {
    CONTEXT.with(|c| {
        let mut c = c.borrow_mut();
        if c.printed.len() < 100 {
            c.printed.push(s.chars().take(1000).collect());
        }
    });
}

pub(crate) fn node_points(id: &str, max: bool) -> Result<Decimal, Box<EvalAltResult>> {
    CONTEXT.with(|c| {
        let c = c.borrow();
        let Some((ids, pts)) = &c.points else {
            return Err(
                format!("points(\"{id}\") can be used in a grade's `requires` only").into(),
            );
        };
        match ids.get(id.trim()).and_then(|i| pts.get(*i)) {
            Some((p, m)) => Ok(if max { *m } else { *p }),
            None => Err(format!("no criterion has the id `{id}`").into()),
        }
    })
}

/// Sets the points seen by `points("id")` while `f` runs.
pub(crate) fn with_points<T>(
    ids: Arc<HashMap<String, usize>>,
    pts: Vec<(Decimal, Decimal)>,
    f: impl FnOnce() -> T,
) -> T {
    CONTEXT.with(|c| c.borrow_mut().points = Some((ids, pts)));
    let out = f();
    CONTEXT.with(|c| c.borrow_mut().points = None);
    out
}

fn to_dynamic(v: &Value, def: &InputDef) -> Dynamic {
    match v {
        Value::Bool(b) => Dynamic::from_bool(*b),
        Value::Num(d) => Dynamic::from_decimal(*d),
        Value::Choice(i) => Dynamic::from(rhai::ImmutableString::from(def.options[*i].as_str())),
    }
}

impl Compiled {
    /// Evaluates with the unit's input slots (and extra named values); returns the value and
    /// what the source printed.
    pub fn eval(
        &self,
        engine: &Engine,
        inputs: &[InputDef],
        slots: &[Slot],
        extra: &[(&str, Dynamic)],
    ) -> (Result<Dynamic, Fail>, Vec<String>) {
        let mut scope = Scope::new();
        for &i in &self.reads {
            if let Some(Slot::Value(v)) = slots.get(i) {
                scope.push_constant_dynamic(inputs[i].name.as_str(), to_dynamic(v, &inputs[i]));
            }
        }
        for (name, v) in extra {
            scope.push_constant_dynamic(*name, v.clone());
        }
        CONTEXT.with(|c| c.borrow_mut().printed.clear());
        let r = engine.eval_ast_with_scope::<Dynamic>(&mut scope, &self.ast);
        let printed = CONTEXT.with(|c| std::mem::take(&mut c.borrow_mut().printed));
        let r = r.map_err(|e| self.fail(*e, inputs, slots));
        (r, printed)
    }

    fn fail(&self, e: EvalAltResult, inputs: &[InputDef], slots: &[Slot]) -> Fail {
        use EvalAltResult as E;
        match e {
            E::ErrorVariableNotFound(name, _) => {
                let slot = self.reads.iter().copied().find(|&i| inputs[i].name == name);
                match slot.map(|i| (i, &slots[i])) {
                    Some((i, Slot::Missing)) => Fail::Missing(i),
                    Some((i, Slot::NotApplicable)) => Fail::NotApplicable(i),
                    Some((i, Slot::Invalid)) => Fail::Invalid(i),
                    _ => Fail::Error(Code::ScriptError, format!("`{name}` has no value here")),
                }
            }
            E::ErrorArithmetic(msg, _) if msg.to_lowercase().contains("zero") => {
                Fail::Error(Code::DivisionByZero, "division by zero".into())
            }
            E::ErrorTooManyOperations(_) => Fail::Error(
                Code::LimitExceeded,
                format!(
                    "the script ran more than {} operations (an endless loop?)",
                    sandbox::MAX_OPERATIONS
                ),
            ),
            E::ErrorStackOverflow(_) => Fail::Error(
                Code::LimitExceeded,
                format!(
                    "the script called functions more than {} deep",
                    sandbox::MAX_CALL_DEPTH
                ),
            ),
            E::ErrorDataTooLarge(what, _) => Fail::Error(
                Code::LimitExceeded,
                format!("the script built too large a value ({what})"),
            ),
            E::ErrorTooManyVariables(_) | E::ErrorTooManyModules(_) => {
                Fail::Error(Code::LimitExceeded, "the script hit a sandbox limit".into())
            }
            E::ErrorInFunctionCall(_, _, inner, _) => self.fail(*inner, inputs, slots),
            E::ErrorRuntime(v, _) => {
                Fail::Error(Code::ScriptError, format!("the script failed: {v}"))
            }
            other => Fail::Error(Code::ScriptError, format!("the script failed: {other}")),
        }
    }
}

/// A number from a script's value (integer or decimal).
pub fn as_number(v: &Dynamic) -> Option<Decimal> {
    if let Some(d) = v.clone().try_cast::<Decimal>() {
        return Some(d);
    }
    v.as_int().ok().map(|i: INT| Decimal::from(i))
}

/// A short rendering of a script value, for messages.
pub fn describe(v: &Dynamic) -> String {
    let t = v.type_name();
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("a {t}")
    } else {
        format!("{s} (a {t})")
    }
}
