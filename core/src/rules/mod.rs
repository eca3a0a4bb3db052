//! Leaf rules, one kind per file. Each kind compiles its declaration (load-time checks) and
//! computes points from a unit's values.

mod bands;
mod check;
mod deduct;
mod levels;
mod per;
mod scale;
mod script;
mod value;

use rust_decimal::Decimal;

use crate::error::Code;
use crate::expr::{self, Compiled, Fail, Slot};
use crate::i18n::{Arg, ArgRef, MsgRef, msg_ref};
use crate::inputs::{InputDef, Value};
use crate::msg;
use crate::ruleset::compile::Compiler;
use crate::ruleset::model::{NodeDecl, Operand as OperandDecl, RuleDecl};
use crate::types::{InputType, RuleKind};

pub(crate) use bands::Bands;

/// Where a rule's value comes from, resolved.
#[derive(Debug)]
pub(crate) enum Operand {
    /// An input slot.
    Input(usize),
    /// A compiled expression.
    Expr(Box<Compiled>),
}

/// A compiled leaf rule.
#[derive(Debug)]
#[non_exhaustive]
pub(crate) enum Rule {
    /// `check`.
    Check(Operand),
    /// `bands`.
    Bands(Bands),
    /// `scale`.
    Scale(scale::Scale),
    /// `deduct`.
    Deduct(deduct::Deduct),
    /// `per`.
    Per(per::Per),
    /// `levels`.
    Levels(levels::Levels),
    /// `value`.
    Value(Operand),
    /// `script`.
    Script(Box<Compiled>),
}

/// What a unit's scoring gives a rule to read.
pub(crate) struct Ctx<'a> {
    pub engine: &'a rhai::Engine,
    pub inputs: &'a [InputDef],
    pub slots: &'a [Slot],
}

/// Why a node scored what it did; rendered into words only when results are written.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub(crate) enum Trace {
    /// Nothing to say (groups).
    #[default]
    None,
    /// `check` read this truth value.
    Check(bool),
    /// `bands`: the step (from 0) that held, for v.
    Band(usize, Decimal),
    /// `bands`: no step held for v.
    NoBand(Decimal),
    /// `scale` for v.
    Scale(Decimal),
    /// `deduct` for v; true when the floor applied.
    Deduct(Decimal, bool),
    /// `per` for v; true when capped at max.
    Per(Decimal, bool),
    /// `levels`: the option chosen.
    Level(usize),
    /// `value` v.
    Value(Decimal),
    /// `script` returned v (what it printed is kept in the unit's result).
    Script(Decimal),
    /// Listed in the unit's `not_applicable`.
    ListedNotApplicable,
    /// `applies_if` was false.
    AppliesIfFalse,
    /// Read an input whose absence makes it not applicable.
    InputNotApplicable(usize),
    /// Below a not-applicable node.
    ParentNotApplicable,
    /// Read a missing input.
    Missing(usize),
    /// Read a refused value.
    Invalid(usize),
    /// Below a group whose `applies_if` could not be decided.
    ParentUndecided,
    /// Failed (the message is in the unit's errors).
    Error,
    /// Points set by the round with this index (the ruleset's rounds; 0 for the implicit one).
    Set(usize),
}

impl Operand {
    pub(crate) fn compile(
        cx: &mut Compiler<'_>,
        decl: &OperandDecl,
        node: &NodeDecl,
        rule: &str,
        want: &[InputType],
    ) -> Option<Operand> {
        match decl {
            OperandDecl::Input(name) => cx.input_slot(name, node, rule, want).map(Operand::Input),
            OperandDecl::Expr(src) => cx
                .expression(src, node, node.rule_pos)
                .map(|c| Operand::Expr(Box::new(c))),
        }
    }

    fn read(&self, ctx: &Ctx<'_>) -> Result<(rhai::Dynamic, Option<Value>), Fail> {
        match self {
            Operand::Input(slot) => match ctx.slots.get(*slot) {
                Some(Slot::Value(v)) => Ok((rhai::Dynamic::UNIT, Some(*v))),
                Some(Slot::Missing) | None => Err(Fail::Missing(*slot)),
                Some(Slot::NotApplicable) => Err(Fail::NotApplicable(*slot)),
                Some(Slot::Invalid) => Err(Fail::Invalid(*slot)),
            },
            Operand::Expr(c) => c
                .eval(ctx.engine, ctx.inputs, ctx.slots, &[])
                .0
                .map(|d| (d, None)),
        }
    }

    /// The value as a number.
    #[inline(always)]
    pub(crate) fn number(&self, ctx: &Ctx<'_>) -> Result<Decimal, Fail> {
        if let Operand::Input(slot) = self {
            if let Some(Slot::Value(Value::Num(d))) = ctx.slots.get(*slot) {
                return Ok(*d);
            }
        }
        self.number_slow(ctx)
    }

    /// [`Operand::number`] for an expression, or an input without a number.
    #[inline(never)]
    fn number_slow(&self, ctx: &Ctx<'_>) -> Result<Decimal, Fail> {
        match self.read(ctx)? {
            (_, Some(Value::Num(d))) => Ok(d),
            (_, Some(_)) => Err(Fail::Error(Code::NotNumeric, msg!("unit-input-not-number"))),
            (d, None) => expr::as_number(&d).ok_or_else(|| {
                Fail::Error(
                    Code::NotNumeric,
                    msg!("unit-expression-not-number", got = expr::describe(&d)),
                )
            }),
        }
    }

    /// The value as true/false.
    pub(crate) fn boolean(&self, ctx: &Ctx<'_>) -> Result<bool, Fail> {
        if let Operand::Input(slot) = self {
            if let Some(Slot::Value(Value::Bool(b))) = ctx.slots.get(*slot) {
                return Ok(*b);
            }
        }
        match self.read(ctx)? {
            (_, Some(Value::Bool(b))) => Ok(b),
            (_, Some(_)) => Err(Fail::Error(
                Code::NotBoolean,
                msg!("unit-input-not-boolean"),
            )),
            (d, None) => d.as_bool().map_err(|_| {
                Fail::Error(
                    Code::NotBoolean,
                    msg!("unit-expression-not-boolean", got = expr::describe(&d)),
                )
            }),
        }
    }

    /// The input (name and label) or the expression's source, as a message argument.
    pub(crate) fn arg_ref<'a>(&'a self, inputs: &'a [InputDef]) -> ArgRef<'a> {
        match self {
            Operand::Input(slot) => crate::inputs::slot_arg_ref(inputs, *slot),
            Operand::Expr(c) => ArgRef::Ident(c.source.trim()),
        }
    }
}

/// Rejects a negative value for rules that count things.
#[inline(always)]
pub(crate) fn non_negative(v: Decimal, rule: &'static str) -> Result<Decimal, Fail> {
    if v.is_sign_negative() && !v.is_zero() {
        return negative(v, rule);
    }
    Ok(v)
}

/// The refusal of a negative value.
#[inline(never)]
fn negative(v: Decimal, rule: &'static str) -> Result<Decimal, Fail> {
    Err(Fail::Error(
        Code::NegativeValue,
        msg!("unit-negative-value", rule = Arg::ident(rule), value = v),
    ))
}

/// What a node's explanation needs besides its trace: its points and max (after rounding),
/// the ruleset's decimal places, the inputs, and what a script printed.
pub(crate) struct WhyCx<'a> {
    pub inputs: &'a [InputDef],
    pub points: Decimal,
    pub max: Decimal,
    pub places: u32,
    pub printed: &'a [String],
}

impl WhyCx<'_> {
    /// Points in text: padded to the ruleset's places.
    pub(crate) fn fixed(&self, d: Decimal) -> ArgRef<'static> {
        ArgRef::Fixed(d, self.places)
    }
}

impl Rule {
    pub(crate) fn compile(cx: &mut Compiler<'_>, decl: &RuleDecl, node: &NodeDecl) -> Option<Rule> {
        match decl {
            RuleDecl::Check(op) => check::compile(cx, op, node),
            RuleDecl::Bands(b) => bands::compile(cx, b, node),
            RuleDecl::Scale(s) => scale::compile(cx, s, node),
            RuleDecl::Deduct(d) => deduct::compile(cx, d, node),
            RuleDecl::Per(p) => per::compile(cx, p, node),
            RuleDecl::Levels(l) => levels::compile(cx, l, node),
            RuleDecl::Value(op) => value::compile(cx, op, node),
            RuleDecl::Script(src) => script::compile(cx, src, node),
        }
    }

    /// Points (before rounding) and why, or why none.
    /// `printed` receives what a script printed.
    pub(crate) fn eval(
        &self,
        ctx: &Ctx<'_>,
        max: Decimal,
        printed: &mut Vec<String>,
    ) -> Result<(Decimal, Trace), Fail> {
        match self {
            Rule::Check(op) => check::eval(op, ctx, max),
            Rule::Bands(b) => b.eval(ctx),
            Rule::Scale(s) => s.eval(ctx, max),
            Rule::Deduct(d) => d.eval(ctx, max),
            Rule::Per(p) => p.eval(ctx, max),
            Rule::Levels(l) => l.eval(ctx),
            Rule::Value(op) => value::eval(op, ctx, max),
            Rule::Script(c) => script::eval(c, ctx, max, printed),
        }
    }

    /// The rule kind.
    pub(crate) fn kind(&self) -> RuleKind {
        match self {
            Rule::Check(_) => RuleKind::Check,
            Rule::Bands(_) => RuleKind::Bands,
            Rule::Scale(_) => RuleKind::Scale,
            Rule::Deduct(_) => RuleKind::Deduct,
            Rule::Per(_) => RuleKind::Per,
            Rule::Levels(_) => RuleKind::Levels,
            Rule::Value(_) => RuleKind::Value,
            Rule::Script(_) => RuleKind::Script,
        }
    }

    /// Why a scored leaf got its points, as a message handed to `f` (its words are chosen when
    /// it is rendered).
    pub(crate) fn why<R>(
        &self,
        trace: &Trace,
        w: &WhyCx<'_>,
        f: impl FnOnce(&MsgRef<'_>) -> R,
    ) -> R {
        let (points, max) = (w.fixed(w.points), w.fixed(w.max));
        match (self, trace) {
            (Rule::Check(op), Trace::Check(true)) => f(&msg_ref!(
                "trace-check-true",
                of = op.arg_ref(w.inputs),
                points = points,
                max = max
            )),
            (Rule::Check(op), Trace::Check(false)) => f(&msg_ref!(
                "trace-check-false",
                of = op.arg_ref(w.inputs),
                points = points,
                max = max
            )),
            (Rule::Bands(b), Trace::Band(i, v)) => b.why(*i, *v, w, f),
            (Rule::Bands(b), Trace::NoBand(v)) => f(&msg_ref!(
                "trace-no-band",
                of = b.of.arg_ref(w.inputs),
                value = *v,
                points = points,
                max = max
            )),
            (Rule::Scale(s), Trace::Scale(v)) => s.why(*v, w, f),
            (Rule::Deduct(d), Trace::Deduct(v, floored)) => d.why(*v, *floored, w, f),
            (Rule::Per(r), Trace::Per(v, capped)) => r.why(*v, *capped, w, f),
            (Rule::Levels(l), Trace::Level(opt)) => l.why(*opt, w, f),
            (Rule::Value(op), Trace::Value(v)) => f(&msg_ref!(
                "trace-value",
                of = op.arg_ref(w.inputs),
                value = *v,
                points = points,
                max = max
            )),
            (Rule::Script(_), Trace::Script(v)) if w.printed.is_empty() => f(&msg_ref!(
                "trace-script",
                result = *v,
                points = points,
                max = max
            )),
            (Rule::Script(_), Trace::Script(v)) => {
                let printed = Arg::List(w.printed.iter().map(Arg::from).collect());
                f(&msg_ref!(
                    "trace-script-printed",
                    result = *v,
                    points = points,
                    max = max,
                    printed = &printed
                ))
            }
            _ => f(&msg_ref!("trace-points", points = points, max = max)),
        }
    }
}
