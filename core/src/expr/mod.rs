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
use crate::i18n::{Arg, Message};
use crate::inputs::{InputDef, Value};
use crate::msg;
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
    Error(Code, Message),
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
    pub message: Message,
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
            message: msg!("expr-too-long", bytes = src.len(), max = max_source),
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
                        Some(d) => msg!(
                            "expr-name-not-ascii",
                            name = Arg::ident(name.as_str()),
                            input = Arg::ident(d.name.as_str()),
                            suggestion = Arg::ident(
                                d.name
                                    .chars()
                                    .map(|c| if is_ident_char(c) { c } else { '_' })
                                    .collect::<String>()
                            )
                        ),
                        None => msg!("expr-undeclared", name = Arg::ident(name.as_str())),
                    };
                    (Code::UndeclaredInput, msg)
                }
                ParseErrorType::ExprTooDeep => (
                    Code::ScriptCompile,
                    msg!("expr-too-deep", max = Limits::DEFAULT.expr_depth),
                ),
                ParseErrorType::TooManyFunctions => (
                    Code::ScriptCompile,
                    msg!("expr-too-many-functions", max = Limits::DEFAULT.functions),
                ),
                other => (
                    Code::ScriptCompile,
                    msg!("expr-syntax", detail = rhai_reason(other)),
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

/// Why Rhai did not compile a source: a catalogue message for the common mistakes (its English
/// text is Rhai's own), else Rhai's words as they are.
fn rhai_reason(e: &ParseErrorType) -> Message {
    use rhai::LexError as L;
    match e {
        ParseErrorType::UnexpectedEOF => msg!("expr-reason-incomplete"),
        ParseErrorType::MissingToken(token, detail) => msg!(
            "expr-reason-missing-token",
            token = token.as_str(),
            detail = detail.as_str()
        ),
        ParseErrorType::UnknownOperator(op) => {
            msg!("expr-reason-unknown-operator", op = op.as_str())
        }
        ParseErrorType::BadInput(L::UnexpectedInput(s)) => {
            msg!("expr-reason-unexpected", text = s.as_str())
        }
        ParseErrorType::BadInput(L::UnterminatedString) => msg!("expr-reason-unterminated"),
        ParseErrorType::BadInput(L::MalformedNumber(s)) => {
            msg!("expr-reason-bad-number", text = s.as_str())
        }
        other => msg!("expr-reason-other", text = other.to_string()),
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
            message: msg!(
                "expr-unknown-function",
                name = Arg::ident(name),
                functions = function_list()
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

    /// The input (and parameter) slots the source mentions.
    pub(crate) fn reads(&self) -> &[usize] {
        &self.reads
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
                        msg!("expr-no-value", name = Arg::ident(name.as_str())),
                    ),
                }
            }
            E::ErrorRuntime(v, _) | E::ErrorTerminated(v, _) if v.is::<Trap>() => {
                match v.try_cast::<Trap>() {
                    Some(t) => trapped(t),
                    None => Fail::Error(Code::ScriptError, msg!("expr-failed")),
                }
            }
            E::ErrorTooManyOperations(_) => trapped(Trap::Operations(limits.operations)),
            E::ErrorStackOverflow(_) => Fail::Error(
                Code::LimitExceeded,
                msg!("expr-call-depth", max = limits.call_depth),
            ),
            E::ErrorDataTooLarge(what, _) => {
                let m = if what.to_lowercase().contains("string") {
                    msg!(
                        "expr-too-large-string",
                        what = what.as_str(),
                        max = limits.string_bytes
                    )
                } else {
                    msg!(
                        "expr-too-large-items",
                        what = what.as_str(),
                        max = limits.items
                    )
                };
                Fail::Error(Code::LimitExceeded, m)
            }
            E::ErrorTooManyVariables(_) => Fail::Error(
                Code::LimitExceeded,
                msg!("expr-too-many-variables", max = limits.variables),
            ),
            E::ErrorTooManyModules(_) => {
                Fail::Error(Code::LimitExceeded, msg!("expr-sandbox-limit"))
            }
            E::ErrorFunctionNotFound(sig, _) => Fail::Error(
                Code::ScriptError,
                msg!(
                    "expr-unknown-function",
                    name = Arg::ident(clip(&sig, 80)),
                    functions = function_list()
                ),
            ),
            E::ErrorInFunctionCall(_, _, inner, _) => self.fail(*inner, inputs, slots),
            E::ErrorRuntime(v, _) => Fail::Error(
                Code::ScriptError,
                msg!("expr-failed-with", detail = bounded_text(&v, 200).0),
            ),
            other => Fail::Error(
                Code::ScriptError,
                msg!("expr-failed-with", detail = runtime_reason(&other)),
            ),
        }
    }
}

/// Why Rhai stopped a script: a catalogue message for the common mistakes (in English, Rhai's
/// own words with their place), else Rhai's words as they are.
fn runtime_reason(e: &EvalAltResult) -> Message {
    use EvalAltResult as E;
    let text = clip(&e.to_string(), 300);
    let at = match e.position().line() {
        Some(l) => Arg::from(msg!("expr-at-line", line = l)),
        None => Arg::from(""),
    };
    match e {
        E::ErrorArrayBounds(len, index, _) => msg!(
            "expr-reason-array-bounds",
            text = text,
            at = at,
            len = *len,
            index = index.to_string()
        ),
        E::ErrorMismatchDataType(expected, actual, _) => msg!(
            "expr-reason-data-type",
            text = text,
            at = at,
            expected = type_arg(expected),
            actual = type_arg(actual)
        ),
        E::ErrorFor(_) => msg!("expr-reason-for", text = text, at = at),
        E::ErrorIndexingType(ty, _) => {
            msg!(
                "expr-reason-indexing",
                text = text,
                at = at,
                ty = type_arg(ty)
            )
        }
        E::ErrorPropertyNotFound(name, _) => {
            msg!(
                "expr-reason-property",
                text = text,
                at = at,
                name = Arg::ident(name.as_str())
            )
        }
        E::ErrorDotExpr(..) => msg!("expr-reason-dot", text = text, at = at),
        E::ErrorAssignmentToConstant(name, _) => {
            msg!(
                "expr-reason-constant",
                text = text,
                at = at,
                name = Arg::ident(name.as_str())
            )
        }
        _ => msg!("expr-reason-other", text = text),
    }
}

/// The failure for a trap raised by a native function or the progress callback.
fn trapped(t: Trap) -> Fail {
    let message = match t {
        Trap::DivisionByZero => {
            return Fail::Error(Code::DivisionByZero, msg!("expr-division-by-zero"));
        }
        Trap::Failed(m) => return Fail::Error(Code::ScriptError, m),
        Trap::Time(limit) => msg!(
            "expr-time",
            ms = u64::try_from(limit.as_millis()).unwrap_or(u64::MAX)
        ),
        Trap::Operations(limit) => msg!("expr-operations", max = limit),
    };
    Fail::Error(Code::LimitExceeded, message)
}

/// The functions available in expressions, as identifiers.
fn function_list() -> Arg {
    Arg::List(functions::FUNCTIONS.iter().map(|f| Arg::from(*f)).collect())
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

/// A short rendering of a script value, for messages: `5 (a decimal)`, `a array`.
pub(crate) fn describe(v: &Dynamic) -> Message {
    let t = v.type_name();
    let (s, cut) = bounded_text(v, 40);
    if cut {
        msg!("expr-value-of-type", ty = type_arg(t))
    } else {
        msg!("expr-value", value = s, ty = type_arg(t))
    }
}

/// A script type named in a message: Rhai's name in English, a word in Vietnamese.
fn type_arg(name: &str) -> Arg {
    let m = match name {
        "i64" | "i32" | "int" | "integer" => msg!("expr-type-integer", name = name),
        "decimal" | "rust_decimal::Decimal" => msg!("expr-type-decimal", name = name),
        "string" | "ImmutableString" | "&str" | "char" => msg!("expr-type-string", name = name),
        "bool" => msg!("expr-type-bool", name = name),
        "array" => msg!("expr-type-array", name = name),
        "map" => msg!("expr-type-map", name = name),
        "()" => msg!("expr-type-unit", name = name),
        other => return Arg::ident(other),
    };
    Arg::from(m)
}
