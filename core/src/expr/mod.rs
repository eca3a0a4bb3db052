//! Expressions and scripts: a sandboxed Rhai engine with exact decimals.
//!
//! Every expression is compiled once, at load, with strict variables (a name that is not a
//! declared input is a compile error). At run time the scope holds only the inputs the source
//! mentions that the unit has; reading one it lacks is reported as missing (or not applicable).

mod context;
mod functions;
mod sandbox;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use rhai::{
    AST, ASTNode, Dynamic, Engine, EvalAltResult, Expr, INT, ImmutableString, ParseErrorType,
    Scope, Stmt,
};
use rust_decimal::Decimal;

use crate::error::Code;
use crate::inputs::{InputDef, Value};
use crate::types::InputType;

use context::Trap;
pub use sandbox::Limits;

/// Builds the sandboxed engine shared by every expression of a ruleset: no Rhai package, only
/// the operators and functions of `functions.rs`, bounded by [`Limits::DEFAULT`].
pub(crate) fn engine() -> Engine {
    engine_with(&Limits::DEFAULT)
}

/// The sandboxed engine with other limits (tests).
fn engine_with(limits: &Limits) -> Engine {
    let mut e = Engine::new_raw();
    sandbox::apply(&mut e, limits);
    functions::register(&mut e, limits);
    e
}

/// What kind of source: a single expression or a script of statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceKind {
    /// An expression (`applies_if`, `expr:`, `requires`).
    Expression,
    /// A script (`script:`).
    Script,
}

/// A compiled expression or script.
#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    ast: AST,
    /// Input slots the source mentions.
    reads: Vec<usize>,
    /// The source, for traces.
    pub source: String,
}

/// A value of a unit's input as the expression engine sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Slot {
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
pub(crate) enum Fail {
    /// It read this input, which the unit lacks.
    Missing(usize),
    /// It read this input, which makes the node not applicable.
    NotApplicable(usize),
    /// It read this input, whose value was refused.
    Invalid(usize),
    /// It failed.
    Error(Code, crate::Message),
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
pub(crate) struct CompileError {
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
        InputType::Choice => Dynamic::from(ImmutableString::new()),
        _ => Dynamic::from_decimal(Decimal::ZERO),
    }
}

/// Compiles a source against the declared inputs (plus `extra` names, e.g. `index`).
pub(crate) fn compile(
    engine: &Engine,
    src: &str,
    kind: SourceKind,
    inputs: &[InputDef],
    names: &HashMap<String, usize>,
    extra: &[&str],
) -> Result<Compiled, CompileError> {
    let max_source = Limits::DEFAULT.source_bytes;
    if src.len() > max_source {
        return Err(CompileError {
            code: Code::ScriptCompile,
            message: format!(
                "the script is {} bytes long; at most {max_source} are allowed",
                src.len(),
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
        Ok(ast) => {
            check_calls(&ast)?;
            Ok(Compiled {
                ast,
                reads: mentioned(src, names),
                source: src.to_string(),
            })
        }
        Err(e) => {
            let line = e.1.line().map(crate::syntax::clamp_u32);
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
                            d.name
                                .chars()
                                .map(|c| if is_ident_char(c) { c } else { '_' })
                                .collect::<String>()
                        ),
                        None => format!(
                            "`{name}` is not a declared input; declare it under `inputs:` or correct the name"
                        ),
                    };
                    (Code::UndeclaredInput, msg)
                }
                ParseErrorType::ExprTooDeep => (
                    Code::ScriptCompile,
                    format!(
                        "the expression is nested more than {} deep (limit `expr_depth`); split it with `let`",
                        Limits::DEFAULT.expr_depth
                    ),
                ),
                ParseErrorType::TooManyFunctions => (
                    Code::ScriptCompile,
                    format!(
                        "the script defines more than {} functions (limit `functions`)",
                        Limits::DEFAULT.functions
                    ),
                ),
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

/// A named call found in an AST.
struct Call {
    name: ImmutableString,
    line: Option<u32>,
    /// The argument, when the call has exactly one and it is a string literal.
    literal: Option<ImmutableString>,
}

/// Every named call of the AST (functions and methods, not operators), function bodies
/// included.
fn calls(ast: &AST) -> Vec<Call> {
    let mut out = Vec::new();
    ast.walk(&mut |path: &[ASTNode<'_>]| {
        let call = match path.last() {
            Some(ASTNode::Expr(Expr::FnCall(x, pos) | Expr::MethodCall(x, pos)))
            | Some(ASTNode::Stmt(Stmt::FnCall(x, pos))) => Some((x, pos)),
            _ => None,
        };
        if let Some((x, pos)) = call.filter(|(x, _)| !x.is_operator_call()) {
            out.push(Call {
                name: x.name.clone(),
                line: pos.line().and_then(|l| u32::try_from(l).ok()),
                literal: match x.args.as_slice() {
                    [Expr::StringConstant(s, _)] => Some(s.clone()),
                    _ => None,
                },
            });
        }
        true
    });
    out
}

/// Refuses, at load, a call of a function that does not exist in the sandbox (`sleep`,
/// `parse_json`…), so that a rule author learns it from `check` rather than per unit.
fn check_calls(ast: &AST) -> Result<(), CompileError> {
    let own: Vec<&str> = ast.iter_functions().map(|f| f.name).collect();
    for call in calls(ast) {
        let name = call.name.as_str();
        // Operators written as functions (`!x`, ranges…) have names that are not identifiers.
        let is_name = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
        if !is_name
            || functions::FUNCTIONS.contains(&name)
            || functions::KEYWORDS.contains(&name)
            || own.contains(&name)
        {
            continue;
        }
        return Err(CompileError {
            code: Code::ScriptCompile,
            message: format!(
                "`{name}` is not a function available in expressions; the functions are {}",
                functions::FUNCTIONS.join(", ")
            ),
            line: call.line,
        });
    }
    Ok(())
}

/// Sets the points seen by `points("id")` while `f` runs.
pub(crate) fn with_points<T>(
    ids: Arc<HashMap<String, usize>>,
    pts: Vec<(Decimal, Decimal)>,
    f: impl FnOnce() -> T,
) -> T {
    let _guard = context::PointsGuard::set((ids, pts));
    f()
}

fn to_dynamic(v: &Value, def: &InputDef) -> Dynamic {
    match v {
        Value::Bool(b) => Dynamic::from_bool(*b),
        Value::Num(d) => Dynamic::from_decimal(*d),
        Value::Choice(i) => Dynamic::from(ImmutableString::from(
            def.options.get(*i).map_or("", String::as_str),
        )),
    }
}

impl Compiled {
    /// Ids named by string literals in the source's `points("…")` and `max_points("…")`
    /// calls, found in the compiled AST (so text in comments or strings does not count).
    pub(crate) fn point_refs(&self) -> Vec<String> {
        let mut out: Vec<String> = calls(&self.ast)
            .into_iter()
            .filter(|c| c.name == "points" || c.name == "max_points")
            .filter_map(|c| c.literal.map(|id| id.to_string()))
            .collect();
        let mut seen = std::collections::HashSet::new();
        out.retain(|id| seen.insert(id.clone()));
        out
    }

    /// Whether the source calls `points(…)` or `max_points(…)` (only a grade's `requires` may:
    /// elsewhere no criterion has been scored yet).
    pub(crate) fn calls_points(&self) -> bool {
        calls(&self.ast)
            .iter()
            .any(|c| c.name == "points" || c.name == "max_points")
    }

    /// Evaluates with the unit's input slots (and extra named values); returns the value and
    /// what the source printed.
    pub(crate) fn eval(
        &self,
        engine: &Engine,
        inputs: &[InputDef],
        slots: &[Slot],
        extra: &[(&str, Dynamic)],
    ) -> (Result<Dynamic, Fail>, Vec<String>) {
        let mut scope = Scope::new();
        for &i in &self.reads {
            if let (Some(Slot::Value(v)), Some(def)) = (slots.get(i), inputs.get(i)) {
                scope.push_constant_dynamic(def.name.as_str(), to_dynamic(v, def));
            }
        }
        for (name, v) in extra {
            scope.push_constant_dynamic(*name, v.clone());
        }
        let run = context::Evaluation::begin();
        let r = engine.eval_ast_with_scope::<Dynamic>(&mut scope, &self.ast);
        let printed = run.finish();
        let r = r.map_err(|e| self.fail(*e, inputs, slots));
        (r, printed)
    }

    fn fail(&self, e: EvalAltResult, inputs: &[InputDef], slots: &[Slot]) -> Fail {
        use EvalAltResult as E;
        let limits = &Limits::DEFAULT;
        match e {
            E::ErrorVariableNotFound(name, _) => {
                let slot = self
                    .reads
                    .iter()
                    .copied()
                    .find(|&i| inputs.get(i).is_some_and(|d| d.name == name));
                match slot.and_then(|i| Some((i, slots.get(i)?))) {
                    Some((i, Slot::Missing)) => Fail::Missing(i),
                    Some((i, Slot::NotApplicable)) => Fail::NotApplicable(i),
                    Some((i, Slot::Invalid)) => Fail::Invalid(i),
                    _ => Fail::Error(
                        Code::ScriptError,
                        format!("`{name}` has no value here").into(),
                    ),
                }
            }
            E::ErrorRuntime(v, _) | E::ErrorTerminated(v, _) if v.is::<Trap>() => {
                match v.try_cast::<Trap>() {
                    Some(t) => trapped(t),
                    None => Fail::Error(Code::ScriptError, "the script failed".into()),
                }
            }
            E::ErrorTooManyOperations(_) => trapped(Trap::Operations(limits.operations)),
            E::ErrorStackOverflow(_) => Fail::Error(
                Code::LimitExceeded,
                format!(
                    "the script called functions more than {} deep (limit `call_depth`)",
                    limits.call_depth
                )
                .into(),
            ),
            E::ErrorDataTooLarge(what, _) => {
                let limit = if what.to_lowercase().contains("string") {
                    format!("`string_bytes`, {} bytes", limits.string_bytes)
                } else {
                    format!("`items`, {} items", limits.items)
                };
                Fail::Error(
                    Code::LimitExceeded,
                    format!("the script built too large a value: {what} (limit {limit})").into(),
                )
            }
            E::ErrorTooManyVariables(_) => Fail::Error(
                Code::LimitExceeded,
                format!(
                    "the script defined more than {} variables (limit `variables`)",
                    limits.variables
                )
                .into(),
            ),
            E::ErrorTooManyModules(_) => {
                Fail::Error(Code::LimitExceeded, "the script hit a sandbox limit".into())
            }
            E::ErrorFunctionNotFound(sig, _) => Fail::Error(
                Code::ScriptError,
                format!(
                    "`{}` is not a function available in expressions; the functions are {}",
                    clip(&sig, 80),
                    functions::FUNCTIONS.join(", ")
                )
                .into(),
            ),
            E::ErrorInFunctionCall(_, _, inner, _) => self.fail(*inner, inputs, slots),
            E::ErrorRuntime(v, _) => Fail::Error(
                Code::ScriptError,
                format!("the script failed: {}", bounded_text(&v, 200).0).into(),
            ),
            other => Fail::Error(
                Code::ScriptError,
                format!("the script failed: {}", clip(&other.to_string(), 300)).into(),
            ),
        }
    }
}

/// The failure for a trap raised by a native function or the progress callback.
fn trapped(t: Trap) -> Fail {
    let message = match t {
        Trap::DivisionByZero => {
            return Fail::Error(Code::DivisionByZero, "division by zero".into());
        }
        Trap::Time(limit) => format!(
            "the script ran longer than {} ms (limit `time`)",
            limit.as_millis()
        ),
        Trap::Operations(limit) => format!(
            "the script ran more than {limit} operations (limit `operations`; an endless loop?)"
        ),
    };
    Fail::Error(Code::LimitExceeded, message.into())
}

/// The first `max` characters of `s`.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    } else {
        s.to_string()
    }
}

/// The display of a value, cut after `max` characters without building the whole text first
/// (a script's value may be a large array); and whether it was cut.
pub(crate) fn bounded_text(v: &Dynamic, max: usize) -> (String, bool) {
    struct Bounded {
        out: String,
        left: usize,
    }
    impl std::fmt::Write for Bounded {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            for c in s.chars() {
                if self.left == 0 {
                    return Err(std::fmt::Error);
                }
                self.out.push(c);
                self.left -= 1;
            }
            Ok(())
        }
    }
    let mut b = Bounded {
        out: String::new(),
        left: max,
    };
    let cut = write!(b, "{v}").is_err();
    (b.out, cut)
}

/// A number from a script's value (integer or decimal).
pub(crate) fn as_number(v: &Dynamic) -> Option<Decimal> {
    if let Some(d) = v.clone().try_cast::<Decimal>() {
        return Some(d);
    }
    v.as_int().ok().map(|i: INT| Decimal::from(i))
}

/// A short rendering of a script value, for messages.
pub(crate) fn describe(v: &Dynamic) -> String {
    let t = v.type_name();
    let (s, cut) = bounded_text(v, 40);
    if cut {
        format!("a {t}")
    } else {
        format!("{s} (a {t})")
    }
}
