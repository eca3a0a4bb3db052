//! Functions beyond Rhai's own: min, max, clamp, abs, round (half away from zero), and
//! points/max_points for grade conditions.

use rhai::{Dynamic, Engine, EvalAltResult, ImmutableString};
use rust_decimal::{Decimal, RoundingStrategy};

type R<T> = Result<T, Box<EvalAltResult>>;

fn num(v: &Dynamic, f: &str) -> R<Decimal> {
    super::as_number(v)
        .ok_or_else(|| format!("{f}() takes numbers, not {}", super::describe(v)).into())
}

pub(super) fn register(e: &mut Engine) {
    // Numbers are exact decimals throughout: `7 / 2` is 3.5, not Rhai's integer 3. Built-in
    // operators may only be overridden with fast operators off.
    e.set_fast_operators(false);
    e.register_fn("/", |a: rhai::INT, b: rhai::INT| -> R<Decimal> {
        if b == 0 {
            return Err(EvalAltResult::ErrorArithmetic(
                "Division by zero".into(),
                rhai::Position::NONE,
            )
            .into());
        }
        Decimal::from(a)
            .checked_div(Decimal::from(b))
            .ok_or_else(|| {
                EvalAltResult::ErrorArithmetic("Division overflow".into(), rhai::Position::NONE)
                    .into()
            })
    });
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
                return Err(format!("clamp(x, lo, hi) needs lo ≤ hi, but {lo} > {hi}").into());
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
        let p = p.ok_or_else(|| {
            Box::<EvalAltResult>::from("round(x, places) needs places from 0 to 28")
        })?;
        Ok(x.round_dp_with_strategy(p, RoundingStrategy::MidpointAwayFromZero))
    });
    e.register_fn("points", |id: ImmutableString| {
        super::node_points(&id, false)
    });
    e.register_fn("max_points", |id: ImmutableString| {
        super::node_points(&id, true)
    });
}
