//! Python values to the core's units: dicts (and DataFrame rows) to [`Unit`], scalars to
//! [`RawValue`]. Nothing is coerced here: every value the core cannot use is handed to it as
//! `RawValue::Invalid` with its code, so that the unit's result reports it.

use std::fmt::Write as _;

use cchc::{
    Arg, Code, Decimal, InputSlot, Issue, Lang, Message, RawValue, Ruleset, Unit, UnitRound,
};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString, PyTuple,
};

use crate::values::decimal_type;

/// The texts a ruleset knows (input names, choice options), found from a Python `str` by one
/// dict lookup (a `str` caches its hash) instead of being encoded to UTF-8: a unit's keys and a
/// frame's text cells. Only exact `str` objects are looked up, so a match is the same text.
#[derive(Debug)]
pub(crate) struct Known {
    /// `str` → index in `texts`.
    dict: Py<PyDict>,
    /// `str` → index in [`UNIT_KEYS`]: a unit dict's keys found without encoding them.
    unit_keys: Py<PyDict>,
    texts: Texts,
}

/// The texts a ruleset knows, by index, with the input slot of each text that is an input's
/// name: what finishing a unit needs without the GIL.
#[derive(Debug)]
pub(crate) struct Texts {
    texts: Vec<String>,
    /// The input slot of `texts[i]` when it is an input's name (values given by slot, D123).
    slots: Vec<Option<InputSlot>>,
    /// The ruleset the slots are of.
    ruleset: Ruleset,
}

impl Texts {
    fn slot(&self, i: u32) -> Option<InputSlot> {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.slots.get(i))
            .copied()
            .flatten()
    }
}

impl Known {
    pub(crate) fn new(py: Python<'_>, rs: &Ruleset) -> PyResult<Known> {
        let dict = PyDict::new(py);
        let mut texts: Vec<String> = Vec::new();
        let mut add = |t: &str| -> PyResult<()> {
            if !dict.contains(t)? {
                dict.set_item(t, texts.len())?;
                texts.push(t.to_owned());
            }
            Ok(())
        };
        for i in rs.inputs() {
            add(&i.name)?;
            for o in i.options.iter().flatten() {
                add(o)?;
            }
        }
        let slots = texts.iter().map(|t| rs.input_slot(t)).collect();
        let unit_keys = PyDict::new(py);
        for (i, k) in UNIT_KEYS.iter().enumerate() {
            unit_keys.set_item(k, i)?;
        }
        Ok(Known {
            dict: dict.unbind(),
            unit_keys: unit_keys.unbind(),
            texts: Texts {
                texts,
                slots,
                ruleset: rs.clone(),
            },
        })
    }

    /// The index of an exact `str` the ruleset knows.
    fn find(&self, v: &Bound<'_, PyAny>) -> Option<u32> {
        if !v.is_exact_instance_of::<PyString>() {
            return None;
        }
        let i = self.dict.bind(v.py()).get_item(v).ok()??;
        i.extract::<u32>().ok()
    }

    /// The unit key (one of [`UNIT_KEYS`]) an exact `str` is.
    fn unit_key(&self, k: &Bound<'_, PyAny>) -> Option<&'static str> {
        if !k.is_exact_instance_of::<PyString>() {
            return None;
        }
        let i = self.unit_keys.bind(k.py()).get_item(k).ok()??;
        UNIT_KEYS.get(i.extract::<usize>().ok()?).copied()
    }

    /// The texts, by index (read without the GIL).
    pub(crate) fn texts(&self) -> &Texts {
        &self.texts
    }
}

/// The names of the last unit's values, position by position: units given as dicts (from
/// `json.load`, or written with the same literal keys) name their values with the very same
/// `str` objects in the same order, found again by identity instead of a lookup. A reference
/// to each object is kept, so an identical pointer is the same (immutable) text.
#[derive(Debug, Default)]
pub(crate) struct Hint {
    keys: Vec<(Py<PyAny>, u32)>,
}

/// Positions a [`Hint`] remembers.
const HINT_MAX: usize = 1024;

impl Hint {
    fn get(&self, j: usize, k: &Bound<'_, PyAny>) -> Option<u32> {
        self.keys
            .get(j)
            .filter(|(p, _)| p.as_ptr() == k.as_ptr())
            .map(|(_, i)| *i)
    }

    fn set(&mut self, j: usize, k: &Bound<'_, PyAny>, i: u32) {
        let entry = (k.clone().unbind(), i);
        if let Some(slot) = self.keys.get_mut(j) {
            *slot = entry;
        } else if j == self.keys.len() && j < HINT_MAX {
            self.keys.push(entry);
        }
    }
}

/// A name read under the GIL: a text the ruleset knows (its index) or its own text.
#[derive(Debug, Clone)]
enum Name {
    Known(u32),
    Own(String),
}

/// A value read under the GIL; what is left (copying known texts, the digits of a float) is
/// done without it, in parallel for a batch.
#[derive(Debug, Clone)]
enum Pre {
    Null,
    Bool(bool),
    Number(Decimal),
    /// Anything else (rare: kept small, a `RawValue` is several times larger).
    Raw(Box<RawValue>),
    /// A finite float whose `repr` is positional (see [`python_fixed`]).
    Float(f64),
    /// An exact `str` value: its text (UTF-8 the `str` keeps, copied). Finding it among the
    /// ruleset's texts instead hashes a `str` just made by `json.load`, and its known text was
    /// copied later anyway (D137).
    Text(String),
    /// A frame's text cell that is a text the ruleset knows, read as a CSV cell.
    KnownCell(u32),
}

/// A unit read under the GIL, finished by [`Pending::finish`] without it.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    unit: Unit,
    values: Vec<(Name, Pre)>,
    self_assessed: Vec<(Name, Pre)>,
    /// First-round set points.
    points: Vec<(Name, Pre)>,
    /// Later rounds, with their values and set points still to finish.
    rounds: Vec<PendingRound>,
}

/// A round of a unit read under the GIL (see [`Pending`]).
#[derive(Debug, Default)]
struct PendingRound {
    round: UnitRound,
    values: Vec<(Name, Pre)>,
    points: Vec<(Name, Pre)>,
}

fn text_of(texts: &Texts, i: u32) -> String {
    usize::try_from(i)
        .ok()
        .and_then(|i| texts.texts.get(i))
        .cloned()
        .unwrap_or_default()
}

fn name_text(n: Name, texts: &Texts) -> String {
    match n {
        Name::Known(i) => text_of(texts, i),
        Name::Own(s) => s,
    }
}

fn value_of(v: Pre, texts: &Texts) -> RawValue {
    match v {
        Pre::Null => RawValue::Null,
        Pre::Bool(b) => RawValue::Bool(b),
        Pre::Number(d) => RawValue::Number(d),
        Pre::Raw(r) => *r,
        Pre::Float(x) => float_value(x),
        Pre::Text(s) => RawValue::Text(s),
        Pre::KnownCell(i) => RawValue::Cell(text_of(texts, i)),
    }
}

/// The input slot of each name, when every one is a ruleset's input written exactly as declared.
fn all_slots<'a>(names: impl Iterator<Item = &'a Name>, texts: &Texts) -> Option<Vec<InputSlot>> {
    names
        .map(|n| match n {
            Name::Known(i) => texts.slot(*i),
            Name::Own(_) => None,
        })
        .collect()
}

/// A unit's values: by input slot when every name is an input's declared name and the unit
/// has no value by name yet (read in the same order, without looking the names up: D123),
/// else by name.
fn finish_values(u: &mut Unit, pairs: Vec<(Name, Pre)>, texts: &Texts) {
    let slot_of = |n: &Name| match n {
        Name::Known(i) => texts.slot(*i),
        Name::Own(_) => None,
    };
    // Checked first, then looked up again (an index): no vector of slots to build.
    if u.values.is_empty() && !pairs.is_empty() && pairs.iter().all(|(n, _)| slot_of(n).is_some()) {
        u.reserve_slot_values(&texts.ruleset, pairs.len());
        for (n, v) in pairs {
            if let Some(slot) = slot_of(&n) {
                u.push_slot_value(&texts.ruleset, slot, value_of(v, texts));
            }
        }
        return;
    }
    u.values.extend(finish_pairs(pairs, texts));
}

fn finish_pairs(pairs: Vec<(Name, Pre)>, texts: &Texts) -> Vec<(String, RawValue)> {
    pairs
        .into_iter()
        .map(|(n, v)| (name_text(n, texts), value_of(v, texts)))
        .collect()
}

/// Units from this many on are finished in parallel (as the core scores them).
const PARALLEL_MIN: usize = 256;

/// Units read under the GIL, to be finished without it ([`Read::finish`]).
#[derive(Debug)]
pub(crate) enum Read {
    /// Unit by unit (dicts, or the rows of a frame read as records).
    Units(Vec<Pending>),
    /// The rows of a frame with a `round` column, read as records, each with its round cell:
    /// put together into units by the core ([`cchc::data::fold_round_rows`]).
    Rows(Vec<(Pending, Option<String>)>),
    /// A DataFrame read column by column.
    Frame(Frame),
}

/// A DataFrame read column by column: each unit's own fields, and each column's values
/// (contiguous, in the frame's order), put together row by row by [`Read::finish`].
#[derive(Debug)]
pub(crate) struct Frame {
    base: Vec<Unit>,
    columns: Vec<(Name, Cells)>,
    /// Each row's round cell, when the frame has a `round` column.
    rounds: Option<Vec<Option<String>>>,
}

/// A frame column's values, read under the GIL: NumPy columns of a native type as their numbers
/// (turned into values without the GIL, D88), any other as [`Pre`] values.
#[derive(Debug)]
enum Cells {
    /// `float64` whose every cell is NaN (missing) or a finite float whose `repr` is positional
    /// ([`python_fixed`]): read without Python.
    F64(Vec<f64>),
    /// `int64`.
    I64(Vec<i64>),
    /// `bool`.
    Bool(Vec<bool>),
    Pre(Vec<Pre>),
}

impl Cells {
    /// Row `r`'s value.
    fn value(&self, r: usize, texts: &Texts) -> Option<RawValue> {
        Some(match self {
            Cells::F64(v) => {
                let x = *v.get(r)?;
                if x.is_nan() {
                    RawValue::Null
                } else {
                    float_value(x)
                }
            }
            Cells::I64(v) => RawValue::Number(Decimal::from(*v.get(r)?)),
            Cells::Bool(v) => RawValue::Bool(*v.get(r)?),
            Cells::Pre(v) => value_of(v.get(r)?.clone(), texts),
        })
    }
}

impl Read {
    /// The core's units, in order; in parallel for a large batch. `texts` are
    /// [`Known::texts`] of the ruleset that read them.
    pub(crate) fn finish(self, texts: &Texts) -> Vec<Unit> {
        use rayon::prelude::*;
        match self {
            Read::Units(units) if units.len() >= PARALLEL_MIN => {
                units.into_par_iter().map(|u| u.finish(texts)).collect()
            }
            Read::Units(units) => units.into_iter().map(|u| u.finish(texts)).collect(),
            Read::Rows(rows) => cchc::data::fold_round_rows(
                rows.into_iter()
                    .map(|(u, round)| (u.finish(texts), round))
                    .collect(),
            ),
            Read::Frame(Frame {
                base,
                columns,
                rounds,
            }) => {
                // Every column an input written as declared: values by slot (D123).
                let slots = all_slots(columns.iter().map(|(n, _)| n), texts);
                let row = |(r, mut u): (usize, Unit)| -> Unit {
                    match &slots {
                        Some(slots) if u.values.is_empty() => {
                            u.reserve_slot_values(&texts.ruleset, columns.len());
                            for (slot, (_, col)) in slots.iter().zip(&columns) {
                                if let Some(v) = col.value(r, texts) {
                                    u.push_slot_value(&texts.ruleset, *slot, v);
                                }
                            }
                        }
                        _ => {
                            u.values.reserve(columns.len());
                            for (name, col) in &columns {
                                if let Some(v) = col.value(r, texts) {
                                    u.values.push((name_text(name.clone(), texts), v));
                                }
                            }
                        }
                    }
                    u
                };
                let units: Vec<Unit> = if base.len() >= PARALLEL_MIN {
                    base.into_par_iter().enumerate().map(row).collect()
                } else {
                    base.into_iter().enumerate().map(row).collect()
                };
                match rounds {
                    Some(rounds) => {
                        cchc::data::fold_round_rows(units.into_iter().zip(rounds).collect())
                    }
                    None => units,
                }
            }
        }
    }
}

impl Pending {
    /// The unit for the core; `texts` are [`Known::texts`] of the ruleset that read it.
    pub(crate) fn finish(self, texts: &Texts) -> Unit {
        let mut u = self.unit;
        finish_values(&mut u, self.values, texts);
        u.self_assessed
            .extend(finish_pairs(self.self_assessed, texts));
        u.points.extend(finish_pairs(self.points, texts));
        u.rounds.extend(self.rounds.into_iter().map(|r| {
            let mut round = r.round;
            round.values.extend(finish_pairs(r.values, texts));
            round.points.extend(finish_pairs(r.points, texts));
            round
        }));
        u
    }
}

/// True when Python's `repr` of the finite float `x` is positional (`0.0001`, `92.35`,
/// `9999999999999998.0`): 10⁻⁴ ≤ |x| < 10¹⁶, or zero. Outside it `repr` uses an exponent
/// (`1e-05`, `1e+16`) and the value is read from Python's own `repr`.
fn python_fixed(x: f64) -> bool {
    let a = x.abs();
    a == 0.0 || (1e-4..1e16).contains(&a)
}

/// The exact decimal of the finite float `x` for which [`python_fixed`] holds, as the core
/// reads Python's `repr` of it (`number_from_text(repr(x))`): the same shortest round-trip
/// digits (Ryū's, as Python's, are the shortest that read back as `x`, the nearest of them),
/// read without Python. They are at most 17 significant ones and 21 decimals, so they always
/// fit; a form this does not read (an exponent) is read by the core from `repr`'s text.
fn float_value(x: f64) -> RawValue {
    if let Some(d) = short_decimal(x) {
        return RawValue::Number(d);
    }
    let mut buf = ryu::Buffer::new();
    let text = buf.format_finite(x);
    {
        let mut mantissa: i128 = 0;
        let mut scale: u32 = 0;
        let mut negative = false;
        let mut point = false;
        let mut ok = true;
        for &b in text.as_bytes() {
            match b {
                b'-' => negative = true,
                b'.' => point = true,
                b'0'..=b'9' => {
                    match mantissa
                        .checked_mul(10)
                        .and_then(|m| m.checked_add(i128::from(b - b'0')))
                    {
                        Some(m) => mantissa = m,
                        None => ok = false,
                    }
                    if point {
                        scale += 1;
                    }
                }
                _ => ok = false,
            }
        }
        // Zero (and −0) is left to the core's reading of the text, as are the rare others.
        if ok && mantissa != 0 {
            let m = if negative { -mantissa } else { mantissa };
            if let Ok(v) = Decimal::try_from_i128_with_scale(m, scale) {
                return RawValue::Number(v.normalize());
            }
        }
    }
    number_from_text(&python_repr(x))
}

/// The decimal r × 10⁻ˢ (s ≤ 9) of at most 15 significant digits that rounds to the finite,
/// non-zero float `x`, when there is one — then it is the shortest round-trip text's, so
/// `repr`'s: at most one decimal of 15 digits or fewer rounds to a given double, and the
/// shortest text is one of them when any is (D126). Found without writing digits: r is
/// `round(|x| × 10ˢ)`, kept only when `r / 10ˢ == |x|` exactly (r and 10ˢ are exact in a double,
/// and the division is correctly rounded), so no float arithmetic reaches the value. Most data
/// (`92.35`, `0.5`, `1200`) is read so; `None` leaves the others to Ryū's digits.
#[allow(
    clippy::float_arithmetic,
    clippy::cast_possible_truncation,
    reason = "finds the candidate decimal of a float input, checked exactly before use; the cast is of a whole number below 10^15"
)]
fn short_decimal(x: f64) -> Option<Decimal> {
    let a = x.abs();
    if a == 0.0 {
        return None;
    }
    let mut p = 1.0_f64;
    for s in 0..=9_u32 {
        let scaled = a * p;
        if scaled >= 1e15 {
            return None;
        }
        // The nearest whole number (a cast, not libm's `round`): when a decimal r / 10^s rounds
        // to `a`, `a × 10^s` is within 0.25 of r, so this finds r.
        let m = (scaled + 0.5) as i64;
        let r = m as f64; // below 10^15 + 1: exact
        if r / p == a {
            let m = if x < 0.0 { -m } else { m };
            // The first s that gives `a` leaves no trailing zero (r / 10 at s − 1 would have),
            // so the decimal is already normalised; the check keeps that true regardless.
            return Decimal::try_new(m, s).ok().map(|d| {
                if s > 0 && m % 10 == 0 {
                    d.normalize()
                } else {
                    d
                }
            });
        }
        p *= 10.0;
    }
    None
}

/// Python's `repr` of a float for which [`python_fixed`] holds: Rust's shortest round-trip
/// digits (the same shortest, nearest digits as Python's), with `.0` for a whole number as
/// Python writes it. No arithmetic: only the digits of the double.
fn python_repr(x: f64) -> String {
    let mut s = String::with_capacity(24);
    let _ = write!(s, "{x}");
    if !s.contains('.') {
        s.push_str(".0");
    }
    s
}

/// How missing values are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A plain dict: only `None` is missing; NaN is an invalid value (`not_finite`).
    Plain,
    /// A pandas DataFrame row: `None`, NaN, `pd.NA` and `NaT` are missing (pandas semantics),
    /// and a text is a cell, read by the input's type as the CSV reader reads it
    /// ([`RawValue::Cell`]: `có`, `x`, `92,5`, `83%`).
    Row,
}

use cchc::data::{ROUND_KEYS, UNIT_KEYS};

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

/// A value of a dict (or a cell that is not missing), read under the GIL: the common exact
/// types (`bool`, `int`, `float`, `str`) directly, everything else as [`raw_value`] reads it.
fn pre_value(v: &Bound<'_, PyAny>) -> Pre {
    if v.is_exact_instance_of::<PyBool>() {
        return Pre::Bool(v.is_truthy().unwrap_or(false));
    }
    if v.is_exact_instance_of::<PyFloat>() {
        if let Ok(f) = v.cast::<PyFloat>() {
            let x = f.value();
            if x.is_finite() && python_fixed(x) {
                return Pre::Float(x);
            }
        }
    } else if v.is_exact_instance_of::<PyInt>() {
        if let Ok(i) = v.extract::<i64>() {
            return Pre::Number(Decimal::from(i));
        }
    } else if v.is_exact_instance_of::<PyString>() {
        if let Ok(s) = v.cast::<PyString>() {
            return Pre::Text(s.to_string_lossy().into_owned());
        }
    }
    Pre::Raw(Box::new(raw_value(v, Mode::Plain)))
}

/// A frame's cell that pandas does not call missing, read under the GIL: as [`pre_value`],
/// except that a text is a cell the core reads by the input's type, as it reads a CSV cell.
fn pre_cell(v: &Bound<'_, PyAny>, known: &Known) -> Pre {
    if v.is_exact_instance_of::<PyString>() {
        if let Some(i) = known.find(v) {
            return Pre::KnownCell(i);
        }
        if let Ok(s) = v.cast::<PyString>() {
            return Pre::Raw(Box::new(RawValue::Cell(s.to_string_lossy().into_owned())));
        }
    }
    if v.is_exact_instance_of::<PyBool>()
        || v.is_exact_instance_of::<PyFloat>()
        || v.is_exact_instance_of::<PyInt>()
    {
        return pre_value(v);
    }
    Pre::Raw(Box::new(raw_value(v, Mode::Row)))
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
        let s = s.to_string_lossy().into_owned();
        return match mode {
            Mode::Plain => RawValue::Text(s),
            Mode::Row => RawValue::Cell(s),
        };
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

fn pairs(
    v: &Bound<'_, PyAny>,
    key: &str,
    u: &mut Unit,
    known: &Known,
    mut hint: Option<&mut Hint>,
) -> Vec<(Name, Pre)> {
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
    let mut out = Vec::with_capacity(d.len());
    for (j, (k, val)) in d.iter().enumerate() {
        if let Some(i) = hint.as_deref().and_then(|h| h.get(j, &k)) {
            out.push((Name::Known(i), pre_value(&val)));
            continue;
        }
        if let Some(i) = known.find(&k) {
            if let Some(h) = hint.as_deref_mut() {
                h.set(j, &k, i);
            }
            out.push((Name::Known(i), pre_value(&val)));
            continue;
        }
        match key_text(&k) {
            Some(name) => out.push((Name::Own(name), pre_value(&val))),
            None => shape(
                u,
                cchc::msg!("py-unit-names", key = Arg::ident(key), found = type_arg(&k)),
            ),
        }
    }
    out
}

/// A `not_applicable` list (a list, tuple or set of ids); `None` (and a problem) for another
/// shape.
fn id_list(v: &Bound<'_, PyAny>, u: &mut Unit) -> Option<Vec<String>> {
    let seq = v.is_instance_of::<PyList>()
        || v.is_instance_of::<PyTuple>()
        || v.is_instance_of::<PySet>()
        || v.is_instance_of::<PyFrozenSet>();
    let items = if seq { v.try_iter().ok() } else { None };
    let Some(items) = items else {
        shape(u, cchc::msg!("py-unit-not-applicable", found = type_arg(v)));
        return None;
    };
    let mut ids = Vec::new();
    for it in items {
        match it.ok().as_ref().and_then(key_text) {
            Some(id) => ids.push(id),
            None => shape(u, cchc::msg!("py-unit-not-applicable-item")),
        }
    }
    Some(ids)
}

/// A text where the data holds text (a note, an explanation, a document): a `str` as it is; a
/// number or a boolean as JSON writes it (`true`, `2`, `1.5`), since the core's reader takes
/// a scalar as written. `None` for anything else.
fn scalar_text(v: &Bound<'_, PyAny>) -> Option<String> {
    if let Ok(s) = v.cast::<PyString>() {
        return Some(s.to_string_lossy().into_owned());
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Some(if b.is_true() { "true" } else { "false" }.to_owned());
    }
    if v.is_instance_of::<PyInt>() {
        return v.str().ok().map(|s| s.to_string_lossy().into_owned());
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        let x = f.value();
        if !x.is_finite() {
            return None;
        }
        return PyFloat::new(v.py(), x)
            .repr()
            .ok()
            .map(|s| s.to_string_lossy().into_owned());
    }
    let is_decimal = decimal_type(v.py())
        .map(|t| v.is_instance(t).unwrap_or(false))
        .unwrap_or(false);
    if is_decimal
        && v.call_method0("is_finite")
            .is_ok_and(|f| f.is_truthy().unwrap_or(false))
    {
        return v.str().ok().map(|s| s.to_string_lossy().into_owned());
    }
    None
}

/// A mapping of texts by criterion id (`notes`, `explanations`): `None` values give no text;
/// a value that is not a text (or a number or boolean, taken as written) is a problem.
fn text_map(v: &Bound<'_, PyAny>, key: &str, u: &mut Unit) -> Vec<(String, String)> {
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
    let mut out = Vec::with_capacity(d.len());
    for (k, val) in d.iter() {
        let Some(id) = key_text(&k) else {
            shape(
                u,
                cchc::msg!("py-unit-names", key = Arg::ident(key), found = type_arg(&k)),
            );
            continue;
        };
        if val.is_none() {
            continue;
        }
        match scalar_text(&val) {
            Some(t) => out.push((id, t)),
            None => shape(
                u,
                cchc::msg!(
                    "py-unit-text-expected",
                    key = Arg::ident(key),
                    id = Arg::ident(id),
                    found = type_arg(&val)
                ),
            ),
        }
    }
    out
}

/// `evidence: {id: [documents]}` (a single text is one document; `None` none).
fn evidence(v: &Bound<'_, PyAny>, u: &mut Unit) -> Vec<(String, Vec<String>)> {
    let Some(d) = as_dict(v) else {
        shape(
            u,
            cchc::msg!(
                "py-unit-mapping",
                key = Arg::ident("evidence"),
                found = type_arg(v)
            ),
        );
        return Vec::new();
    };
    let mut out = Vec::with_capacity(d.len());
    for (k, val) in d.iter() {
        let Some(id) = key_text(&k) else {
            shape(
                u,
                cchc::msg!(
                    "py-unit-names",
                    key = Arg::ident("evidence"),
                    found = type_arg(&k)
                ),
            );
            continue;
        };
        let docs = documents(&id, &val, u);
        if !docs.is_empty() {
            out.push((id, docs));
        }
    }
    out
}

/// The documents cited for criterion `id`: a text is one, a list (or tuple) of texts several,
/// `None` none; anything else is a problem.
fn documents(id: &str, val: &Bound<'_, PyAny>, u: &mut Unit) -> Vec<String> {
    let mut docs = Vec::new();
    let wrong = |u: &mut Unit, v: &Bound<'_, PyAny>| {
        shape(
            u,
            cchc::msg!(
                "py-unit-evidence-item",
                id = Arg::ident(id),
                found = type_arg(v)
            ),
        );
    };
    if val.is_none() {
    } else if let Some(t) = scalar_text(val) {
        docs.push(t);
    } else if val.is_instance_of::<PyList>() || val.is_instance_of::<PyTuple>() {
        for it in val.try_iter().into_iter().flatten().flatten() {
            match scalar_text(&it) {
                Some(t) => docs.push(t),
                None => wrong(u, &it),
            }
        }
    } else {
        wrong(u, val);
    }
    docs
}

/// `rounds: {round_id: {values, not_applicable, points, notes}}`, in the dict's order.
fn rounds(v: &Bound<'_, PyAny>, u: &mut Unit, known: &Known) -> Vec<PendingRound> {
    let Some(d) = as_dict(v) else {
        shape(
            u,
            cchc::msg!(
                "py-unit-mapping",
                key = Arg::ident("rounds"),
                found = type_arg(v)
            ),
        );
        return Vec::new();
    };
    let mut out = Vec::with_capacity(d.len());
    for (k, block) in d.iter() {
        let Some(id) = key_text(&k) else {
            shape(
                u,
                cchc::msg!(
                    "py-unit-names",
                    key = Arg::ident("rounds"),
                    found = type_arg(&k)
                ),
            );
            continue;
        };
        let mut r = PendingRound {
            round: UnitRound::new(id.as_str()),
            ..PendingRound::default()
        };
        if block.is_none() {
            out.push(r);
            continue;
        }
        let Some(fields) = as_dict(&block) else {
            shape(
                u,
                cchc::msg!(
                    "py-round-mapping",
                    round = Arg::ident(id.as_str()),
                    found = type_arg(&block)
                ),
            );
            continue;
        };
        for (fk, fv) in fields.iter() {
            let key = key_text(&fk).unwrap_or_else(|| {
                fk.str()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            match key.as_str() {
                "values" | "points" | "notes" if fv.is_none() => {}
                "values" => r.values.extend(pairs(&fv, "values", u, known, None)),
                "points" => r.points.extend(pairs(&fv, "points", u, known, None)),
                "notes" => r.round.notes.extend(text_map(&fv, "notes", u)),
                // `None` empties the list; a list replaces it.
                "not_applicable" if fv.is_none() => r.round.not_applicable = Some(Vec::new()),
                "not_applicable" => r.round.not_applicable = id_list(&fv, u),
                other => u.problems.push(Issue::new(
                    None,
                    Code::UnknownKey,
                    cchc::msg!(
                        "py-round-unknown-key",
                        key = Arg::ident(other),
                        round = Arg::ident(id.as_str()),
                        keys = Arg::idents(ROUND_KEYS.iter().copied())
                    ),
                )),
            }
        }
        out.push(r);
    }
    out
}

/// A unit from a Python dict with the keys of a unit in JSON data (`id`, `name`, `kind`,
/// `values`, `not_applicable`, `self_assessed`, `points`, `notes`, `evidence`, `explanations`,
/// `rounds`), read into the core's [`Unit`] and [`UnitRound`] fields as the core's reader reads
/// them. Problems (wrong shapes, unknown keys) stay in the unit, as with data files.
pub(crate) fn unit_from_dict(
    obj: &Bound<'_, PyAny>,
    known: &Known,
    hint: Option<&mut Hint>,
) -> Pending {
    let mut hint = hint;
    let mut u = Unit::default();
    let mut values = Vec::new();
    let mut self_assessed = Vec::new();
    let mut points = Vec::new();
    let mut later = Vec::new();
    let Some(d) = as_dict(obj) else {
        shape(
            &mut u,
            cchc::msg!("py-unit-not-dict", found = type_arg(obj)),
        );
        return Pending {
            unit: u,
            ..Pending::default()
        };
    };
    for (k, v) in d.iter() {
        let key: std::borrow::Cow<'static, str> = match known.unit_key(&k) {
            Some(key) => key.into(),
            None => key_text(&k)
                .unwrap_or_else(|| {
                    k.str()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default()
                })
                .into(),
        };
        match key.as_ref() {
            "id" => u.id = label(&v, "id", Mode::Plain, &mut u),
            "name" => u.name = label(&v, "name", Mode::Plain, &mut u),
            "kind" => u.kind = label(&v, "kind", Mode::Plain, &mut u),
            "values" | "self_assessed" | "points" | "notes" | "evidence" | "explanations"
            | "rounds"
                if v.is_none() => {}
            "values" => {
                let p = pairs(&v, "values", &mut u, known, hint.take());
                if values.is_empty() {
                    values = p;
                } else {
                    values.extend(p);
                }
            }
            "self_assessed" => {
                let p = pairs(&v, "self_assessed", &mut u, known, None);
                self_assessed.extend(p);
            }
            "points" => {
                let p = pairs(&v, "points", &mut u, known, None);
                points.extend(p);
            }
            "notes" => {
                let t = text_map(&v, "notes", &mut u);
                u.notes.extend(t);
            }
            "explanations" => {
                let t = text_map(&v, "explanations", &mut u);
                u.explanations.extend(t);
            }
            "evidence" => {
                let e = evidence(&v, &mut u);
                u.evidence.extend(e);
            }
            "rounds" => {
                let r = rounds(&v, &mut u, known);
                later.extend(r);
            }
            "not_applicable" if v.is_none() => {}
            "not_applicable" => {
                if let Some(ids) = id_list(&v, &mut u) {
                    u.not_applicable.extend(ids);
                }
            }
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
    Pending {
        unit: u,
        values,
        self_assessed,
        points,
        rounds: later,
    }
}

/// A key a DataFrame column `KEY:ID` gives for criterion `ID`, as in CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keyed {
    Points,
    SelfAssessed,
    Notes,
    Explanations,
    Evidence,
}

/// What a DataFrame column gives, by its name: the same columns as CSV data (the core's CSV
/// reader): `id`, `name`, `kind`, `round`, `not_applicable` (ids separated by `,`), `points:ID`,
/// `self_assessed:ID`, `notes:ID`, `explanations:ID`, `evidence:ID` (documents separated by
/// line breaks); any other column is an input.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Role {
    Id,
    Name,
    Kind,
    Round,
    NotApplicable,
    Keyed(Keyed, String),
    Value,
}

fn column_role(name: &str) -> Role {
    match name {
        "id" => return Role::Id,
        "name" => return Role::Name,
        "kind" => return Role::Kind,
        "round" => return Role::Round,
        "not_applicable" => return Role::NotApplicable,
        _ => {}
    }
    // The CSV reader's rule for `KEY:ID` columns.
    let Some((key, id)) = cchc::data::criterion_column(name) else {
        return Role::Value;
    };
    let keyed = match key {
        "points" => Keyed::Points,
        "self_assessed" => Keyed::SelfAssessed,
        "notes" => Keyed::Notes,
        "explanations" => Keyed::Explanations,
        _ => Keyed::Evidence,
    };
    Role::Keyed(keyed, id.to_owned())
}

/// A cell that pandas does not call missing, of a column that is not an input (`round`,
/// `not_applicable`, `KEY:ID`), into the row's unit; the round cell into `round`.
fn special_cell(u: &mut Unit, role: &Role, cell: &Bound<'_, PyAny>, round: &mut Option<String>) {
    match role {
        Role::Round => match key_text(cell) {
            Some(s) => {
                let s = s.trim();
                *round = (!s.is_empty()).then(|| s.to_owned());
            }
            None => shape(u, cchc::msg!("py-row-round", found = type_arg(cell))),
        },
        Role::NotApplicable => {
            if let Ok(s) = cell.cast::<PyString>() {
                let s = s.to_string_lossy();
                u.not_applicable.extend(
                    s.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned),
                );
            } else if let Some(ids) = id_list(cell, u) {
                u.not_applicable.extend(ids);
            }
        }
        Role::Keyed(key, id) => match key {
            Keyed::Points => u.points.push((id.clone(), raw_value(cell, Mode::Row))),
            Keyed::SelfAssessed => u
                .self_assessed
                .push((id.clone(), raw_value(cell, Mode::Row))),
            Keyed::Notes | Keyed::Explanations => {
                let name = if *key == Keyed::Notes {
                    "notes"
                } else {
                    "explanations"
                };
                match scalar_text(cell) {
                    Some(t) if *key == Keyed::Notes => u.notes.push((id.clone(), t)),
                    Some(t) => u.explanations.push((id.clone(), t)),
                    None => shape(
                        u,
                        cchc::msg!(
                            "py-unit-text-expected",
                            key = Arg::ident(name),
                            id = Arg::ident(id.as_str()),
                            found = type_arg(cell)
                        ),
                    ),
                }
            }
            Keyed::Evidence => {
                let docs: Vec<String> = if let Ok(s) = cell.cast::<PyString>() {
                    s.to_string_lossy()
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect()
                } else {
                    documents(id, cell, u)
                };
                if !docs.is_empty() {
                    u.evidence.push((id.clone(), docs));
                }
            }
        },
        Role::Id | Role::Name | Role::Kind | Role::Value => {}
    }
}

/// A unit from a DataFrame row (`df.to_dict("records")` item): columns `id`, `name`, `kind`
/// are the unit's own, every other column an input; missing values follow pandas. Used for a
/// frame whose column names repeat (the record keeps the last); see [`units_from_frame`].
fn unit_from_row(row: &Bound<'_, PyAny>, round: &mut Option<String>) -> Pending {
    let mut u = Unit::default();
    let Some(d) = as_dict(row) else {
        shape(&mut u, cchc::msg!("py-row-unreadable"));
        return Pending {
            unit: u,
            ..Pending::default()
        };
    };
    for (k, v) in d.iter() {
        let Some(col) = key_text(&k) else {
            shape(&mut u, cchc::msg!("py-row-column", found = type_arg(&k)));
            continue;
        };
        match column_role(&col) {
            Role::Id => u.id = label(&v, "id", Mode::Row, &mut u),
            Role::Name => u.name = label(&v, "name", Mode::Row, &mut u),
            Role::Kind => u.kind = label(&v, "kind", Mode::Row, &mut u),
            Role::Value => u.values.push((col, raw_value(&v, Mode::Row))),
            _ if is_missing_in_row(&v) => {}
            role => special_cell(&mut u, &role, &v, round),
        }
    }
    Pending {
        unit: u,
        ..Pending::default()
    }
}

/// Units from a DataFrame, a row per unit, read column by column: for each column one call
/// gives its missing cells (`isna`, pandas' own rule) and one its Python values (`tolist`),
/// and the name is looked up once. The same units as reading `to_dict("records")` row by row,
/// which is what a frame with repeated column names still gets.
fn units_from_frame(df: &Bound<'_, PyAny>, known: &Known, kind: FrameKind) -> PyResult<Read> {
    match units_by_column(df, known, kind) {
        Ok(Some(frame)) => Ok(Read::Frame(frame)),
        Ok(None) | Err(_) => {
            let has_round = df
                .getattr("columns")?
                .try_iter()?
                .any(|c| c.ok().as_ref().and_then(key_text).as_deref() == Some("round"));
            let records = match kind {
                FrameKind::Pandas => df.call_method1("to_dict", ("records",))?,
                FrameKind::Polars => df.call_method0("to_dicts")?,
            };
            let rows = records
                .try_iter()?
                .map(|r| {
                    r.map(|r| {
                        let mut round = None;
                        let u = unit_from_row(&r, &mut round);
                        (u, round)
                    })
                })
                .collect::<PyResult<Vec<_>>>()?;
            if has_round {
                Ok(Read::Rows(rows))
            } else {
                Ok(Read::Units(rows.into_iter().map(|(u, _)| u).collect()))
            }
        }
    }
}

/// Which library made a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FrameKind {
    Pandas,
    Polars,
}

/// A frame's column with its name.
type NamedColumn<'py> = (Bound<'py, PyAny>, Bound<'py, PyAny>);

/// [`units_from_frame`] column by column; `None` (or an error) when the frame must be read row
/// by row (repeated column names, or a frame pandas did not make).
fn units_by_column(
    df: &Bound<'_, PyAny>,
    known: &Known,
    kind: FrameKind,
) -> PyResult<Option<Frame>> {
    let py = df.py();
    let (rows, items): (usize, Vec<NamedColumn<'_>>) = match kind {
        FrameKind::Pandas => {
            if !df.getattr("columns")?.getattr("is_unique")?.is_truthy()? {
                return Ok(None);
            }
            let mut items = Vec::new();
            for item in df.call_method0("items")?.try_iter()? {
                let item = item?;
                items.push((item.get_item(0)?, item.get_item(1)?));
            }
            (df.len()?, items)
        }
        FrameKind::Polars => {
            // Polars column names are unique text by construction.
            let mut items = Vec::new();
            for s in df.call_method0("get_columns")?.try_iter()? {
                let s = s?;
                items.push((s.getattr("name")?, s));
            }
            (df.getattr("height")?.extract()?, items)
        }
    };
    let mut units: Vec<Unit> = (0..rows).map(|_| Unit::default()).collect();
    let mut columns = Vec::new();
    let mut rounds: Option<Vec<Option<String>>> = None;
    for (col_name, col) in items {
        let Some(name) = key_text(&col_name) else {
            for u in &mut units {
                shape(u, cchc::msg!("py-row-column", found = type_arg(&col_name)));
            }
            continue;
        };
        let role = column_role(&name);
        if !matches!(role, Role::Id | Role::Name | Role::Kind | Role::Value) {
            let Some(cells) = cells_of(&col, rows, kind)? else {
                return Ok(None);
            };
            let mut round_cells = vec![None; rows];
            for ((u, (cell, gone)), round) in units.iter_mut().zip(cells).zip(&mut round_cells) {
                if !gone {
                    special_cell(u, &role, &cell, round);
                }
            }
            if role == Role::Round {
                rounds = Some(round_cells);
            }
            continue;
        }
        if matches!(role, Role::Id | Role::Name | Role::Kind) {
            let Some(cells) = cells_of(&col, rows, kind)? else {
                return Ok(None);
            };
            for (u, (cell, gone)) in units.iter_mut().zip(cells) {
                let v = if gone {
                    None
                } else {
                    label(&cell, &name, Mode::Plain, u)
                };
                match name.as_str() {
                    "id" => u.id = v,
                    "name" => u.name = v,
                    _ => u.kind = v,
                }
            }
            continue;
        }
        let col_name = match known.find(&col_name) {
            Some(i) => Name::Known(i),
            None => Name::Own(name.clone()),
        };
        let mut values = Vec::with_capacity(rows);
        let dtype = match kind {
            FrameKind::Pandas => col.getattr("dtype")?.str()?.to_cow()?.into_owned(),
            FrameKind::Polars => String::new(),
        };
        let width = match dtype.as_str() {
            "float64" | "int64" => 8,
            "float32" => 4,
            "bool" => 1,
            _ => 0,
        };
        if width > 0 {
            // A NumPy column of a native type: its bytes, read in Rust (no Python object per
            // cell). Missing is NaN in a float column, nothing in the others (pandas' rule).
            let bytes = col.call_method0("to_numpy")?.call_method0("tobytes")?;
            let bytes = bytes.cast::<PyBytes>()?.as_bytes();
            if Some(bytes.len()) != rows.checked_mul(width) {
                return Ok(None);
            }
            let eight = || {
                bytes
                    .chunks_exact(8)
                    .map(|b| <[u8; 8]>::try_from(b).unwrap_or_default())
            };
            let plain = |x: f64| x.is_nan() || (x.is_finite() && python_fixed(x));
            // The common columns keep their numbers; the values are made without the GIL.
            let cells = match dtype.as_str() {
                "int64" => Some(Cells::I64(eight().map(i64::from_ne_bytes).collect())),
                "bool" => Some(Cells::Bool(bytes.iter().map(|&b| b != 0).collect())),
                "float64" => {
                    let xs: Vec<f64> = eight().map(f64::from_ne_bytes).collect();
                    xs.iter().all(|&x| plain(x)).then_some(Cells::F64(xs))
                }
                _ => None,
            };
            if let Some(cells) = cells {
                columns.push((col_name, cells));
                continue;
            }
            for b in bytes.chunks_exact(width) {
                let v = match (
                    dtype.as_str(),
                    <[u8; 8]>::try_from(b),
                    <[u8; 4]>::try_from(b),
                ) {
                    ("float64", Ok(b), _) => {
                        let x = f64::from_ne_bytes(b);
                        if x.is_nan() {
                            Pre::Null
                        } else if x.is_finite() && python_fixed(x) {
                            Pre::Float(x)
                        } else {
                            pre_value(PyFloat::new(py, x).as_any())
                        }
                    }
                    ("float32", _, Ok(b)) => float32_value(f32::from_ne_bytes(b), py),
                    ("int64", Ok(b), _) => Pre::Number(Decimal::from(i64::from_ne_bytes(b))),
                    _ => Pre::Bool(b.iter().any(|&x| x != 0)),
                };
                values.push(v);
            }
            columns.push((col_name, Cells::Pre(values)));
            continue;
        }
        if matches!(dtype.as_str(), "str" | "string") {
            // A pandas text column (`str`, `string`): texts and missing cells only, so each
            // distinct text is read once (D127).
            if let Some(v) = text_column(&col, rows, known)? {
                columns.push((col_name, Cells::Pre(v)));
                continue;
            }
        }
        let Some(cells) = cells_of(&col, rows, kind)? else {
            return Ok(None);
        };
        for (cell, gone) in cells {
            values.push(if gone {
                Pre::Null
            } else {
                pre_cell(&cell, known)
            });
        }
        columns.push((col_name, Cells::Pre(values)));
    }
    Ok(Some(Frame {
        base: units,
        columns,
        rounds,
    }))
}

/// A pandas text column (dtype `str` or `string`, which hold texts and missing cells only) read
/// through `pandas.factorize`: one code per row (−1 where pandas calls the cell missing, as
/// `isna` does), read from the codes' bytes, and each distinct text read once, as
/// [`pre_cell`] reads a cell. The same values as reading every cell; `None` when the codes are
/// not what this expects (the caller then reads the cells).
fn text_column(col: &Bound<'_, PyAny>, rows: usize, known: &Known) -> PyResult<Option<Vec<Pre>>> {
    let py = col.py();
    let found = py.import("pandas")?.call_method1("factorize", (col,))?;
    let codes = found
        .get_item(0)?
        .call_method1("astype", ("int64",))?
        .call_method0("tobytes")?;
    let codes = codes.cast::<PyBytes>()?.as_bytes();
    let uniques = found.get_item(1)?.call_method0("tolist")?;
    let uniques = uniques.cast::<PyList>()?;
    let distinct: Vec<Pre> = uniques.iter().map(|v| pre_cell(&v, known)).collect();
    if Some(codes.len()) != rows.checked_mul(8) {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(rows);
    for b in codes.chunks_exact(8) {
        let code = <[u8; 8]>::try_from(b).map(i64::from_ne_bytes).unwrap_or(-1);
        if code < 0 {
            out.push(Pre::Null);
            continue;
        }
        match usize::try_from(code).ok().and_then(|c| distinct.get(c)) {
            Some(v) => out.push(v.clone()),
            None => return Ok(None),
        }
    }
    Ok(Some(out))
}

/// A `float32` cell: the shortest decimal that reads back as the same `float32` (`92.35`, not
/// the `92.3499984…` of its widening to a double); NaN is missing.
fn float32_value(x: f32, py: Python<'_>) -> Pre {
    if x.is_nan() {
        return Pre::Null;
    }
    if x.is_finite() {
        let mut buf = ryu::Buffer::new();
        if let RawValue::Number(d) = number_from_text(buf.format_finite(x)) {
            return Pre::Number(d.normalize());
        }
    }
    pre_value(PyFloat::new(py, f64::from(x)).as_any())
}

/// A column's cells as Python values (`tolist` / `to_list`), each with whether it is missing
/// (pandas' own `isna`; for polars a null or a NaN); `None` if the column does not have `rows`
/// cells.
#[allow(
    clippy::type_complexity,
    reason = "a list of cells with their missing flags, used once"
)]
fn cells_of<'py>(
    col: &Bound<'py, PyAny>,
    rows: usize,
    kind: FrameKind,
) -> PyResult<Option<Vec<(Bound<'py, PyAny>, bool)>>> {
    let cells = match kind {
        FrameKind::Pandas => col.call_method0("tolist")?,
        FrameKind::Polars => col.call_method0("to_list")?,
    };
    let cells = cells.cast::<PyList>()?;
    let missing: Vec<bool> = match kind {
        FrameKind::Pandas => col
            .call_method0("isna")?
            .call_method0("tolist")?
            .extract()?,
        FrameKind::Polars => cells
            .iter()
            .map(|c| {
                c.is_none()
                    || c.cast::<PyFloat>()
                        .map(|f| f.value().is_nan())
                        .unwrap_or(false)
            })
            .collect(),
    };
    if cells.len() != rows || missing.len() != rows {
        return Ok(None);
    }
    Ok(Some(cells.iter().zip(missing).collect()))
}

/// The library that made `obj` when it is a pandas or a polars DataFrame (each library is
/// looked for only if the caller already imported it).
pub(crate) fn frame_kind(obj: &Bound<'_, PyAny>) -> Option<FrameKind> {
    let py = obj.py();
    let modules = py.import("sys").and_then(|s| s.getattr("modules")).ok()?;
    for (module, kind) in [("pandas", FrameKind::Pandas), ("polars", FrameKind::Polars)] {
        let Ok(m) = modules.call_method1("get", (module,)) else {
            continue;
        };
        if m.is_none() {
            continue;
        }
        if m.getattr("DataFrame")
            .and_then(|t| obj.is_instance(&t))
            .unwrap_or(false)
        {
            return Some(kind);
        }
    }
    None
}

/// Units read under the GIL at a time before they are finished without it: bounds the memory
/// of the intermediate form.
const CHUNK: usize = 1024;

/// Units from a list of dicts (any iterable) or a pandas DataFrame; `lang` is the language of
/// a `TypeError`. `finish` turns each chunk of units read into the core's units (the caller
/// releases the GIL there).
pub(crate) fn units_from(
    obj: &Bound<'_, PyAny>,
    lang: Lang,
    known: &Known,
    finish: &mut dyn FnMut(Read) -> PyResult<Vec<Unit>>,
) -> PyResult<Vec<Unit>> {
    if let Some(kind) = frame_kind(obj) {
        return finish(units_from_frame(obj, known, kind)?);
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
    let py = obj.py();
    let texts = known.texts();
    let mut out = Vec::with_capacity(obj.len().unwrap_or(0));
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut hint = Hint::default();
    // A full chunk is finished on another thread (in parallel, as `finish` does) while the next
    // one is read under the GIL, which only one thread can hold (D128); it is collected, with
    // the GIL released, before the chunk after it is handed over.
    std::thread::scope(|scope| -> PyResult<Vec<Unit>> {
        type Finishing<'s> = std::thread::ScopedJoinHandle<'s, Result<Vec<Unit>, ()>>;
        let mut behind: Option<Finishing<'_>> = None;
        let collect = |h: Finishing<'_>| {
            let joined = py.detach(|| h.join());
            match joined {
                Ok(Ok(units)) => Ok(units),
                _ => Err(crate::errors::internal(crate::errors::Doing::ScoringBatch)),
            }
        };
        for u in iter {
            chunk.push(unit_from_dict(&u?, known, Some(&mut hint)));
            if chunk.len() == CHUNK {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                if let Some(h) = behind.take() {
                    out.extend(collect(h)?);
                }
                let job = move || crate::errors::guard(|| Read::Units(full).finish(texts));
                behind = Some(scope.spawn(job));
            }
        }
        if let Some(h) = behind.take() {
            out.extend(collect(h)?);
        }
        out.extend(finish(Read::Units(chunk))?);
        Ok(out)
    })
}
