//! Python values to the core's units: dicts (and DataFrame rows) to [`Unit`], scalars to
//! [`RawValue`]. Nothing is coerced here: every value the core cannot use is handed to it as
//! `RawValue::Invalid` with its code, so that the unit's result reports it.

use cchc::{Arg, Code, Decimal, Issue, Lang, Message, RawValue, Unit};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString, PyTuple};

use crate::values::decimal_type;

/// How missing values are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A plain dict: only `None` is missing; NaN is an invalid value (`not_finite`).
    Plain,
    /// A pandas DataFrame row: `None`, NaN, `pd.NA` and `NaT` are missing (pandas semantics).
    Row,
}

use cchc::data::UNIT_KEYS;

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".into())
}

/// The Python type of a value, for messages (`` `list` ``).
fn type_arg(v: &Bound<'_, PyAny>) -> Arg {
    Arg::ident(type_name(v))
}

/// A value that cannot be used: its code and why (a message, rendered with the core's message
/// about the input in the language asked for at output time).
fn invalid(code: Code, why: Message) -> RawValue {
    RawValue::Invalid(code, why)
}

/// A problem with the shape of a unit (reported in its result, not raised).
fn shape(u: &mut Unit, m: Message) {
    u.problems.push(Issue::new(None, Code::InvalidUnit, m));
}

/// Exact decimal from the text Python gives for a number (`str(int)`, `repr(float)`,
/// `str(Decimal)`), with the core's own number rules (at most 28 significant digits).
fn number_from_text(text: &str) -> RawValue {
    match cchc::parse_cell_number(text) {
        Ok(d) => RawValue::Number(d),
        Err((code, msg)) => RawValue::Invalid(code, msg),
    }
}

fn is_missing_in_row(v: &Bound<'_, PyAny>) -> bool {
    if v.is_none() {
        return true;
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    if v.is_instance_of::<PyString>()
        || v.is_instance_of::<PyBool>()
        || v.is_instance_of::<PyInt>()
        || v.is_instance_of::<PyList>()
        || v.is_instance_of::<PyTuple>()
        || v.is_instance_of::<PyDict>()
    {
        return false;
    }
    // pd.NA, pd.NaT, numpy NaN/NaT, Decimal('NaN'): ask pandas, the authority on its own
    // missing values. Anything that is not a scalar answers with an array, which is not missing.
    let py = v.py();
    let Ok(pandas) = py.import("pandas") else {
        return false;
    };
    pandas
        .call_method1("isna", (v,))
        .and_then(|r| r.extract::<bool>())
        .unwrap_or(false)
}

/// A Python value as a raw value for the core.
pub(crate) fn raw_value(v: &Bound<'_, PyAny>, mode: Mode) -> RawValue {
    raw_value_at(v, mode, true)
}

fn raw_value_at(v: &Bound<'_, PyAny>, mode: Mode, unwrap_item: bool) -> RawValue {
    if v.is_none() || (mode == Mode::Row && is_missing_in_row(v)) {
        return RawValue::Null;
    }
    // numpy scalars (numpy.int64, numpy.float64, numpy.bool_ …): their Python value (once).
    if unwrap_item
        && !(v.is_instance_of::<PyBool>()
            || v.is_instance_of::<PyInt>()
            || v.is_instance_of::<PyFloat>()
            || v.is_instance_of::<PyString>())
        && v.hasattr("item").unwrap_or(false)
        && !(v.is_instance_of::<PyList>()
            || v.is_instance_of::<PyTuple>()
            || v.is_instance_of::<PyDict>())
    {
        if let Ok(item) = v.call_method0("item") {
            return raw_value_at(&item, mode, false);
        }
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return RawValue::Bool(b.is_true());
    }
    if v.is_instance_of::<PyInt>() {
        if let Ok(i) = v.extract::<i64>() {
            return RawValue::Number(Decimal::from(i));
        }
        return match v.str() {
            Ok(s) => match number_from_text(&s.to_string_lossy()) {
                RawValue::Number(d) => RawValue::Number(d),
                _ => invalid(
                    Code::InexactNumber,
                    cchc::msg!(
                        "py-value-inexact-integer",
                        value = Arg::Text(s.to_string_lossy().into_owned())
                    ),
                ),
            },
            Err(_) => invalid(
                Code::InexactNumber,
                cchc::msg!("py-value-unreadable", found = type_arg(v)),
            ),
        };
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        let x = f.value();
        if !x.is_finite() {
            return invalid(
                Code::NotFinite,
                cchc::msg!("py-value-not-finite", value = Arg::ident(x.to_string())),
            );
        }
        // The shortest repr that reads back as the same double ("0.1"), taken from a plain
        // float: subclasses (numpy.float64) print themselves differently.
        return match PyFloat::new(v.py(), x).repr() {
            Ok(r) => number_from_text(&r.to_string_lossy()),
            Err(_) => invalid(
                Code::WrongValueType,
                cchc::msg!("py-value-unreadable", found = type_arg(v)),
            ),
        };
    }
    if let Ok(s) = v.cast::<PyString>() {
        return RawValue::Text(s.to_string_lossy().into_owned());
    }
    let py = v.py();
    if let Ok(dec) = decimal_type(py) {
        if v.is_instance(dec).unwrap_or(false) {
            let finite = v
                .call_method0("is_finite")
                .and_then(|r| r.is_truthy())
                .unwrap_or(false);
            if !finite {
                let shown = v
                    .str()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                return invalid(
                    Code::NotFinite,
                    cchc::msg!("py-value-not-finite", value = Arg::ident(shown)),
                );
            }
            return match v.str() {
                Ok(s) => number_from_text(&s.to_string_lossy()),
                Err(_) => invalid(
                    Code::WrongValueType,
                    cchc::msg!("py-value-unreadable", found = type_arg(v)),
                ),
            };
        }
    }
    let what = if v.is_instance_of::<PyList>()
        || v.is_instance_of::<PyTuple>()
        || v.is_instance_of::<PySet>()
        || v.is_instance_of::<PyFrozenSet>()
    {
        cchc::msg!("py-value-list")
    } else if v.is_instance_of::<PyDict>() {
        cchc::msg!("py-value-mapping")
    } else {
        cchc::msg!("py-value-type", found = type_arg(v))
    };
    invalid(Code::WrongValueType, what)
}

/// A key of a mapping as text: str as is, int as its digits; anything else is refused.
fn key_text(k: &Bound<'_, PyAny>) -> Option<String> {
    if let Ok(s) = k.cast::<PyString>() {
        return Some(s.to_string_lossy().into_owned());
    }
    if k.is_instance_of::<PyInt>() && !k.is_instance_of::<PyBool>() {
        return k.str().ok().map(|s| s.to_string_lossy().into_owned());
    }
    None
}

/// The unit's id, name or kind: text (an int is written as its digits); missing is `None`.
fn label(v: &Bound<'_, PyAny>, key: &str, mode: Mode, u: &mut Unit) -> Option<String> {
    if v.is_none() || (mode == Mode::Row && is_missing_in_row(v)) {
        return None;
    }
    let v = if !v.is_instance_of::<PyString>()
        && !v.is_instance_of::<PyInt>()
        && v.hasattr("item").unwrap_or(false)
    {
        v.call_method0("item").unwrap_or_else(|_| v.clone())
    } else {
        v.clone()
    };
    match key_text(&v) {
        Some(s) => Some(s),
        None => {
            shape(
                u,
                cchc::msg!("py-unit-text", key = Arg::ident(key), found = type_arg(&v)),
            );
            None
        }
    }
}

/// `dict(obj)` for a dict or any other mapping; `None` for something that is not a mapping.
fn as_dict<'py>(v: &Bound<'py, PyAny>) -> Option<Bound<'py, PyDict>> {
    if let Ok(d) = v.cast::<PyDict>() {
        return Some(d.clone());
    }
    let py = v.py();
    let mapping = py
        .import("collections.abc")
        .and_then(|m| m.getattr("Mapping"))
        .ok()?;
    if v.is_instance(&mapping).unwrap_or(false) {
        let d = py.get_type::<PyDict>().call1((v,)).ok()?;
        return d.cast_into::<PyDict>().ok();
    }
    None
}

fn pairs(v: &Bound<'_, PyAny>, key: &str, u: &mut Unit) -> Vec<(String, RawValue)> {
    let Some(d) = as_dict(v) else {
        shape(
            u,
            cchc::msg!(
                "py-unit-mapping",
                key = Arg::ident(key),
                found = type_arg(v)
            ),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, val) in d.iter() {
        match key_text(&k) {
            Some(name) => out.push((name, raw_value(&val, Mode::Plain))),
            None => shape(
                u,
                cchc::msg!("py-unit-names", key = Arg::ident(key), found = type_arg(&k)),
            ),
        }
    }
    out
}

fn id_list(v: &Bound<'_, PyAny>, u: &mut Unit) {
    let seq = v.is_instance_of::<PyList>()
        || v.is_instance_of::<PyTuple>()
        || v.is_instance_of::<PySet>()
        || v.is_instance_of::<PyFrozenSet>();
    let items = if seq { v.try_iter().ok() } else { None };
    let Some(items) = items else {
        shape(u, cchc::msg!("py-unit-not-applicable", found = type_arg(v)));
        return;
    };
    for it in items {
        match it.ok().as_ref().and_then(key_text) {
            Some(id) => u.not_applicable.push(id),
            None => shape(u, cchc::msg!("py-unit-not-applicable-item")),
        }
    }
}

/// A unit from a Python dict with keys `id`, `name`, `kind`, `values`, `not_applicable`,
/// `self_assessed`. Problems (wrong shapes, unknown keys) stay in the unit, as with data files.
pub(crate) fn unit_from_dict(obj: &Bound<'_, PyAny>) -> Unit {
    let mut u = Unit::default();
    let Some(d) = as_dict(obj) else {
        shape(
            &mut u,
            cchc::msg!("py-unit-not-dict", found = type_arg(obj)),
        );
        return u;
    };
    for (k, v) in d.iter() {
        let key = key_text(&k).unwrap_or_else(|| {
            k.str()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        match key.as_str() {
            "id" => u.id = label(&v, "id", Mode::Plain, &mut u),
            "name" => u.name = label(&v, "name", Mode::Plain, &mut u),
            "kind" => u.kind = label(&v, "kind", Mode::Plain, &mut u),
            "values" | "self_assessed" if v.is_none() => {}
            "values" => {
                let p = pairs(&v, "values", &mut u);
                u.values.extend(p);
            }
            "self_assessed" => {
                let p = pairs(&v, "self_assessed", &mut u);
                u.self_assessed.extend(p);
            }
            "not_applicable" if v.is_none() => {}
            "not_applicable" => id_list(&v, &mut u),
            other => u.problems.push(Issue::new(
                None,
                Code::UnknownKey,
                cchc::msg!(
                    "py-unit-unknown-key",
                    key = Arg::ident(other),
                    keys = Arg::idents(UNIT_KEYS.iter().copied())
                ),
            )),
        }
    }
    u
}

/// A unit from a DataFrame row (`df.to_dict("records")` item): columns `id`, `name`, `kind`
/// are the unit's own, every other column an input; missing values follow pandas.
pub(crate) fn unit_from_row(row: &Bound<'_, PyAny>) -> Unit {
    let mut u = Unit::default();
    let Some(d) = as_dict(row) else {
        shape(&mut u, cchc::msg!("py-row-unreadable"));
        return u;
    };
    for (k, v) in d.iter() {
        let Some(col) = key_text(&k) else {
            shape(&mut u, cchc::msg!("py-row-column", found = type_arg(&k)));
            continue;
        };
        match col.as_str() {
            "id" => u.id = label(&v, "id", Mode::Row, &mut u),
            "name" => u.name = label(&v, "name", Mode::Row, &mut u),
            "kind" => u.kind = label(&v, "kind", Mode::Row, &mut u),
            _ => u.values.push((col, raw_value(&v, Mode::Row))),
        }
    }
    u
}

/// True when `obj` is a pandas DataFrame (pandas is imported only if the caller already did).
pub(crate) fn is_dataframe(obj: &Bound<'_, PyAny>) -> bool {
    let py = obj.py();
    let Ok(modules) = py.import("sys").and_then(|s| s.getattr("modules")) else {
        return false;
    };
    let Ok(Some(pandas)) = modules
        .call_method1("get", ("pandas",))
        .map(|p| if p.is_none() { None } else { Some(p) })
    else {
        return false;
    };
    pandas
        .getattr("DataFrame")
        .and_then(|t| obj.is_instance(&t))
        .unwrap_or(false)
}

/// Units from a list of dicts (any iterable) or a pandas DataFrame; `lang` is the language of
/// a `TypeError`.
pub(crate) fn units_from(obj: &Bound<'_, PyAny>, lang: Lang) -> PyResult<Vec<Unit>> {
    if is_dataframe(obj) {
        let records = obj.call_method1("to_dict", ("records",))?;
        return records
            .try_iter()?
            .map(|r| r.map(|r| unit_from_row(&r)))
            .collect();
    }
    if obj.is_instance_of::<PyString>() || as_dict(obj).is_some() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            cchc::msg!("py-score-many-one", found = type_arg(obj)).render(lang),
        ));
    }
    let iter = obj.try_iter().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(
            cchc::msg!("py-score-many-type", found = type_arg(obj)).render(lang),
        )
    })?;
    iter.map(|u| u.map(|u| unit_from_dict(&u))).collect()
}
