//! Core values to Python: exact `decimal.Decimal` numbers, JSON trees as dicts and lists.

use cchc::Decimal;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The `decimal.Decimal` type.
pub(crate) fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// An exact Python `Decimal` from a core decimal (normalised: `2.50` → `Decimal('2.5')`).
pub(crate) fn py_decimal<'py>(py: Python<'py>, d: Decimal) -> PyResult<Bound<'py, PyAny>> {
    let mut buf = [0_u8; 64];
    match plain_digits(d, &mut buf) {
        Some(text) => decimal_type(py)?.call1((text,)),
        None => decimal_type(py)?.call1((d.normalize().to_string(),)),
    }
}

/// The text of `d` normalised (`-12.5`, `0.05`, `3`), as `d.normalize().to_string()` writes
/// it, written into `buf` without the formatting machinery; `None` for a mantissa beyond
/// `u64` (then the caller writes it with `to_string`).
fn plain_digits(d: Decimal, buf: &mut [u8; 64]) -> Option<&str> {
    let d = d.normalize();
    let m = u64::try_from(d.mantissa().unsigned_abs()).ok()?;
    let scale = usize::try_from(d.scale()).ok()?;
    // Digits from the end: the fraction's `scale` digits, the point, the whole part (at least
    // `0`), the sign.
    let mut i = buf.len();
    let mut rest = m;
    let mut put = |b: u8, i: &mut usize| -> Option<()> {
        *i = i.checked_sub(1)?;
        *buf.get_mut(*i)? = b;
        Some(())
    };
    if scale > 0 {
        for _ in 0..scale {
            put(b'0' + u8::try_from(rest % 10).unwrap_or(0), &mut i)?;
            rest /= 10;
        }
        put(b'.', &mut i)?;
    }
    loop {
        put(b'0' + u8::try_from(rest % 10).unwrap_or(0), &mut i)?;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if d.is_sign_negative() && m != 0 {
        put(b'-', &mut i)?;
    }
    std::str::from_utf8(buf.get(i..)?).ok()
}

/// Like [`py_decimal`], `None` for `None`.
pub(crate) fn py_opt_decimal<'py>(
    py: Python<'py>,
    d: Option<Decimal>,
) -> PyResult<Bound<'py, PyAny>> {
    match d {
        Some(d) => py_decimal(py, d),
        None => Ok(py.None().into_bound(py)),
    }
}

/// A float for analysis (pandas, charts): the nearest double to the exact decimal.
pub(crate) fn to_f64(d: Decimal) -> f64 {
    d.normalize().to_string().parse::<f64>().unwrap_or(f64::NAN)
}

/// A JSON value (with exact numbers) as Python objects: dicts in the JSON's key order, every
/// number a `Decimal`.
pub(crate) fn json_to_py<'py>(
    py: Python<'py>,
    value: &impl serde::Serialize,
) -> PyResult<Bound<'py, PyAny>> {
    crate::pyobjects::Builder::new(py)?.build(value)
}

/// A `CchcError` for a value that cannot be written as JSON (never in practice: every key is
/// text and every number finite).
pub(crate) fn json_error(e: &serde_json::Error) -> PyErr {
    crate::errors::CchcError::new_err(crate::lang::text(&cchc::msg!(
        "py-json-error",
        error = e.to_string()
    )))
}
