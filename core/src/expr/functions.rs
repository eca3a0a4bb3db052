//! Everything a rule can call. No Rhai package is loaded: besides Rhai's built-in operators,
//! only these exist.
//!
//! - Number operators over exact decimals: `/` is exact (`7 / 2` is 3.5), `%` and `**` never
//!   give a wrong number (`i64::MIN % -1` is 0; `**` takes whole exponents only), `+ - *` on
//!   whole numbers continue as decimals instead of overflowing. A division or remainder by zero
//!   raises [`Trap::DivisionByZero`].
//! - `min`, `max`, `clamp`, `abs`, `round` (half away from zero), `points`/`max_points` (grade
//!   conditions), `print`/`debug` (to the trace), `contains(list, x)` (what `x in list` calls),
//!   and `for x in list`.

use std::fmt::Write as _;

use rhai::{Array, Dynamic, Engine, EvalAltResult, INT, ImmutableString, Position};
use rust_decimal::{Decimal, RoundingStrategy};

use super::Limits;
use super::context::{self, Trap};
use crate::i18n::{Arg, Message};
use crate::msg;

type R<T> = Result<T, Box<EvalAltResult>>;

/// The functions a source may call, besides the ones it defines.
pub(super) const FUNCTIONS: &[&str] = &[
    "min",
    "max",
    "clamp",
    "abs",
    "round",
    "points",
    "max_points",
    "print",
    "debug",
    "contains",
];

/// Rhai keywords written like calls; they reach nothing outside the script.
pub(super) const KEYWORDS: &[&str] = &["type_of", "Fn", "call", "curry", "is_def_var", "is_def_fn"];

/// A number as scripts hold it: a whole number (`INT`, from literals like `4`) or a decimal.
#[derive(Debug, Clone, Copy)]
enum Num {
    Int(INT),
    Dec(Decimal),
}

impl Num {
    fn of(v: &Dynamic) -> Option<Num> {
        if let Ok(i) = v.as_int() {
            return Some(Num::Int(i));
        }
        v.as_decimal().ok().map(Num::Dec)
    }

    fn dec(self) -> Decimal {
        match self {
            Num::Int(i) => Decimal::from(i),
            Num::Dec(d) => d,
        }
    }
}

fn trap(t: Trap) -> Box<EvalAltResult> {
    EvalAltResult::ErrorRuntime(Dynamic::from(t), Position::NONE).into()
}

/// A function's refusal, as a `script_error` with its sentence.
fn failed(m: Message) -> Box<EvalAltResult> {
    trap(Trap::Failed(m))
}

fn overflow(op: &str) -> Box<EvalAltResult> {
    failed(msg!("expr-overflow", op = Arg::ident(op)))
}

fn dec(d: Option<Decimal>, op: &str) -> R<Dynamic> {
    d.map(Dynamic::from_decimal).ok_or_else(|| overflow(op))
}

/// `+`, `-`, `*`: whole numbers stay whole while they fit, then continue as decimals.
fn add(a: Num, b: Num) -> R<Dynamic> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => match x.checked_add(y) {
            Some(v) => Ok(Dynamic::from_int(v)),
            None => dec(a.dec().checked_add(b.dec()), "+"),
        },
        _ => dec(a.dec().checked_add(b.dec()), "+"),
    }
}

fn sub(a: Num, b: Num) -> R<Dynamic> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => match x.checked_sub(y) {
            Some(v) => Ok(Dynamic::from_int(v)),
            None => dec(a.dec().checked_sub(b.dec()), "-"),
        },
        _ => dec(a.dec().checked_sub(b.dec()), "-"),
    }
}

fn mul(a: Num, b: Num) -> R<Dynamic> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => match x.checked_mul(y) {
            Some(v) => Ok(Dynamic::from_int(v)),
            None => dec(a.dec().checked_mul(b.dec()), "*"),
        },
        _ => dec(a.dec().checked_mul(b.dec()), "*"),
    }
}

/// `/`: always an exact decimal (`7 / 2` is 3.5, not Rhai's integer 3).
fn div(a: Num, b: Num) -> R<Dynamic> {
    let (x, y) = (a.dec(), b.dec());
    if y.is_zero() {
        return Err(trap(Trap::DivisionByZero));
    }
    dec(x.checked_div(y), "/")
}

/// `%`: the remainder with the sign of the dividend; `i64::MIN % -1` is 0.
fn rem(a: Num, b: Num) -> R<Dynamic> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => {
            if y == 0 {
                return Err(trap(Trap::DivisionByZero));
            }
            let r = i128::from(x) % i128::from(y);
            INT::try_from(r)
                .map(Dynamic::from_int)
                .map_err(|_| overflow("%"))
        }
        _ => {
            let (x, y) = (a.dec(), b.dec());
            if y.is_zero() {
                return Err(trap(Trap::DivisionByZero));
            }
            dec(x.checked_rem(y), "%")
        }
    }
}

/// `**`: whole exponents only (a fractional power is not exact, and Rhai's gives
/// `(-4.0) ** 0.5` ≈ −2); negative exponents give exact reciprocals.
fn pow(a: Num, b: Num) -> R<Dynamic> {
    let exp = match b {
        Num::Int(n) => n,
        Num::Dec(d) => {
            if !d.fract().is_zero() {
                return Err(failed(msg!("expr-fractional-power", exponent = d)));
            }
            i64::try_from(d).map_err(|_| overflow("**"))?
        }
    };
    if let (Num::Int(x), Ok(e)) = (a, u32::try_from(exp)) {
        if let Some(v) = x.checked_pow(e) {
            return Ok(Dynamic::from_int(v));
        }
    }
    let base = a.dec();
    if exp < 0 && base.is_zero() {
        return Err(trap(Trap::DivisionByZero));
    }
    // Exponentiation by squaring: at most 64 rounds.
    let (mut result, mut square, mut n) = (Decimal::ONE, base, exp.unsigned_abs());
    while n > 0 {
        if n & 1 == 1 {
            result = result.checked_mul(square).ok_or_else(|| overflow("**"))?;
        }
        n >>= 1;
        if n > 0 {
            square = square.checked_mul(square).ok_or_else(|| overflow("**"))?;
        }
    }
    if exp < 0 {
        if result.is_zero() {
            // The power underflowed to 0 before its reciprocal was taken.
            return Err(overflow("**"));
        }
        return dec(Decimal::ONE.checked_div(result), "**");
    }
    Ok(Dynamic::from_decimal(result))
}

type Op = fn(Num, Num) -> R<Dynamic>;

/// Registers `name` for every pair of number types (so that the optimiser never folds a
/// constant with Rhai's built-in version), and `name=` for a number on the right.
fn register_op(e: &mut Engine, name: &'static str, f: Op) {
    e.register_fn(name, move |a: INT, b: INT| f(Num::Int(a), Num::Int(b)));
    e.register_fn(name, move |a: Decimal, b: Decimal| {
        f(Num::Dec(a), Num::Dec(b))
    });
    e.register_fn(name, move |a: INT, b: Decimal| f(Num::Int(a), Num::Dec(b)));
    e.register_fn(name, move |a: Decimal, b: INT| f(Num::Dec(a), Num::Int(b)));
    // `a op= b` is `a = a op b`; the left side may change from whole to decimal.
    let assign = format!("{name}=");
    e.register_fn(assign.as_str(), move |a: &mut Dynamic, b: INT| {
        assign_op(a, Num::Int(b), name, f)
    });
    e.register_fn(assign.as_str(), move |a: &mut Dynamic, b: Decimal| {
        assign_op(a, Num::Dec(b), name, f)
    });
}

fn assign_op(a: &mut Dynamic, b: Num, name: &str, f: Op) -> R<()> {
    match Num::of(a) {
        Some(x) => {
            *a = f(x, b)?;
            Ok(())
        }
        // `s += 1` on a string (also how Rhai builds interpolated strings).
        None if name == "+" && a.is_string() => {
            let mut s = a.clone().into_string().unwrap_or_default();
            let _ = write!(s, "{}", b.dec());
            context::charge(s.len());
            *a = Dynamic::from(s);
            Ok(())
        }
        None => Err(failed(msg!(
            "expr-assign-not-number",
            op = Arg::ident(format!("{name}=")),
            value = super::describe(a)
        ))),
    }
}

/// Equality of plain values for `in`: numbers by value (whole or decimal), texts, true/false.
/// Lists and maps are never equal to anything (comparing them is not offered).
fn same(a: &Dynamic, b: &Dynamic) -> bool {
    if let (Some(x), Some(y)) = (Num::of(a), Num::of(b)) {
        return x.dec() == y.dec();
    }
    if let (Ok(x), Ok(y)) = (a.as_immutable_string_ref(), b.as_immutable_string_ref()) {
        return *x == *y;
    }
    if let (Ok(x), Ok(y)) = (a.as_bool(), b.as_bool()) {
        return x == y;
    }
    false
}

fn num(v: &Dynamic, f: &str) -> R<Decimal> {
    super::as_number(v).ok_or_else(|| {
        failed(msg!(
            "expr-takes-numbers",
            function = format!("{f}()"),
            value = super::describe(v)
        ))
    })
}

fn node_points(id: &str, max: bool) -> R<Decimal> {
    context::with_points_view(|view| {
        let Some((ids, pts)) = view else {
            return Err(failed(msg!(
                "expr-points-outside-requires",
                call = format!("points(\"{id}\")")
            )));
        };
        match ids.get(id.trim()).and_then(|i| pts.get(*i)) {
            Some((p, m)) => Ok(if max { *m } else { *p }),
            None => Err(failed(msg!("expr-unknown-criterion", id = Arg::ident(id)))),
        }
    })
}

fn too_long() -> Box<EvalAltResult> {
    EvalAltResult::ErrorDataTooLarge("Length of string".into(), Position::NONE).into()
}

/// Text operators that cost as much as their length: comparisons and joins are charged to the
/// evaluation's operation count, and a join is refused before it is built if it would be longer
/// than `max` bytes.
fn register_text(e: &mut Engine, max: usize) {
    type T = ImmutableString;
    fn cmp(a: &T, b: &T) -> std::cmp::Ordering {
        context::charge(a.len().min(b.len()));
        a.as_str().cmp(b.as_str())
    }
    e.register_fn("==", |a: T, b: T| {
        context::charge(a.len().min(b.len()));
        a == b
    });
    e.register_fn("!=", |a: T, b: T| {
        context::charge(a.len().min(b.len()));
        a != b
    });
    e.register_fn("<", |a: T, b: T| cmp(&a, &b).is_lt());
    e.register_fn("<=", |a: T, b: T| cmp(&a, &b).is_le());
    e.register_fn(">", |a: T, b: T| cmp(&a, &b).is_gt());
    e.register_fn(">=", |a: T, b: T| cmp(&a, &b).is_ge());
    e.register_fn("+", move |a: T, b: T| -> R<T> {
        let n = a.len().saturating_add(b.len());
        if n > max {
            return Err(too_long());
        }
        context::charge(n);
        Ok(a + b)
    });
    e.register_fn("+=", move |a: &mut T, b: T| -> R<()> {
        let n = a.len().saturating_add(b.len());
        if n > max {
            return Err(too_long());
        }
        context::charge(n);
        *a += b;
        Ok(())
    });
}

pub(super) fn register(e: &mut Engine, limits: &Limits) {
    // Built-in operators may only be overridden with fast operators off.
    e.set_fast_operators(false);
    register_text(e, limits.string_bytes);
    register_op(e, "+", add);
    register_op(e, "-", sub);
    register_op(e, "*", mul);
    register_op(e, "/", div);
    register_op(e, "%", rem);
    register_op(e, "**", pow);
    e.register_fn("min", |a: Dynamic, b: Dynamic| -> R<Decimal> {
        Ok(num(&a, "min")?.min(num(&b, "min")?))
    });
    e.register_fn("max", |a: Dynamic, b: Dynamic| -> R<Decimal> {
        Ok(num(&a, "max")?.max(num(&b, "max")?))
    });
    e.register_fn(
        "clamp",
        |x: Dynamic, lo: Dynamic, hi: Dynamic| -> R<Decimal> {
            let (x, lo, hi) = (num(&x, "clamp")?, num(&lo, "clamp")?, num(&hi, "clamp")?);
            if lo > hi {
                return Err(failed(msg!("expr-clamp-order", lo = lo, hi = hi)));
            }
            Ok(x.max(lo).min(hi))
        },
    );
    e.register_fn("abs", |x: Dynamic| -> R<Decimal> {
        Ok(num(&x, "abs")?.abs())
    });
    e.register_fn("round", |x: Dynamic, places: Dynamic| -> R<Decimal> {
        let x = num(&x, "round")?;
        let p = num(&places, "round")?;
        let p = u32::try_from(p)
            .ok()
            .filter(|v| Decimal::from(*v) == p && *v <= 28);
        let p = p.ok_or_else(|| failed(msg!("expr-round-places")))?;
        Ok(x.round_dp_with_strategy(p, RoundingStrategy::MidpointAwayFromZero))
    });
    e.register_fn("points", |id: ImmutableString| node_points(&id, false));
    e.register_fn("max_points", |id: ImmutableString| node_points(&id, true));
    // `x in list`; lists hold at most `items` values whose texts add up to `string_bytes`.
    e.register_fn("contains", |list: &mut Array, x: Dynamic| {
        context::charge(list.len());
        list.iter().any(|v| same(v, &x))
    });
    e.register_iterator::<Array>();
    // `print(x)` / `debug(x)`: the text goes to the trace through the engine's callbacks.
    e.register_fn("print", |v: Dynamic| -> ImmutableString {
        super::bounded_text(&v, context::MAX_PRINTED_CHARS).0.into()
    });
    e.register_fn("debug", |v: Dynamic| -> ImmutableString {
        super::bounded_text(&v, context::MAX_PRINTED_CHARS).0.into()
    });
}
