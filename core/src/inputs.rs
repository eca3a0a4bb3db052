//! Input declarations and values: reading a value from JSON, YAML, a CSV cell or a binding.

use rust_decimal::Decimal;

use crate::error::Code;
use crate::i18n::{Arg, ArgRef, Message, input_arg, option_arg};
use crate::msg;
use crate::syntax::{NumberError, parse_decimal};
use crate::text::nfc;
use crate::types::{InputType, OnMissing};
use unicode_normalization::UnicodeNormalization;

/// A value as given by a unit, before it is checked against its input's type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RawValue {
    /// No value (`null`, an empty CSV cell): the input is missing.
    Null,
    /// A boolean.
    Bool(bool),
    /// An exact number.
    Number(Decimal),
    /// Text from JSON, YAML or a binding (never read as a number or a bool).
    Text(String),
    /// A CSV cell: its text is read according to the input's type.
    Cell(String),
    /// A value that cannot be used (NaN, too many digits, a list…), with the code and why.
    Invalid(Code, Message),
}

impl RawValue {
    /// What the data readers make of a number written plainly in JSON or YAML (`92.5`,
    /// `1e-3`, or the text JavaScript's `String(x)` gives a finite number): the exact number,
    /// or the refusal of a number that is not finite or has too many digits; text that is not
    /// a number stays text.
    pub fn from_plain_scalar(text: String) -> RawValue {
        match parse_decimal(&text) {
            Ok(d) => RawValue::Number(d),
            Err(NumberError::NotFinite) => RawValue::Invalid(
                Code::NotFinite,
                msg!("unit-not-finite", value = Arg::ident(text)),
            ),
            Err(NumberError::Inexact) => RawValue::Invalid(
                Code::InexactNumber,
                msg!("unit-inexact-number", value = Arg::ident(text)),
            ),
            Err(NumberError::NotANumber) => RawValue::Text(text),
        }
    }
}

/// A checked value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value {
    /// A boolean.
    Bool(bool),
    /// A number.
    Num(Decimal),
    /// A choice: the index of the option.
    Choice(usize),
}

/// A declared input, ready to read values.
#[derive(Debug, Clone)]
pub(crate) struct InputDef {
    /// Name (NFC).
    pub name: String,
    /// Type.
    pub ty: InputType,
    /// Label (Vietnamese).
    pub label: Option<String>,
    /// Explanation.
    pub description: Option<String>,
    /// Smallest allowed (number).
    pub min: Option<Decimal>,
    /// Largest allowed (number).
    pub max: Option<Decimal>,
    /// Options (choice), NFC.
    pub options: Vec<String>,
    /// Each option's label, as written (`None` when the options are a plain list).
    pub option_labels: Vec<Option<String>>,
    /// Value used when absent.
    pub default: Option<Value>,
    /// What an absent value means (resolved against the ruleset's default).
    pub on_missing: OnMissing,
}

/// How an option's label is compared with a value: NFC, trimmed.
pub(crate) fn label_key(label: &str) -> String {
    nfc(label.trim())
}

/// True when `label`, trimmed and in NFC, is `key` (an NFC, trimmed text), without allocating.
fn same_label(label: &str, key: &str) -> bool {
    let label = label.trim();
    if label.is_ascii() {
        label == key
    } else {
        label.nfc().eq(key.chars())
    }
}

/// Why a value was refused.
pub(crate) type Refusal = (Code, Message);

/// Most items [`list_arg`] names.
const LIST_MAX: usize = 20;

/// Items named in a message, at most 20 of them (then "… and 80 more"), so that a message
/// never echoes a whole hostile list.
pub(crate) fn list_arg(mut items: Vec<Arg>) -> Arg {
    let more = items.len().saturating_sub(LIST_MAX);
    if more > 0 {
        items.truncate(LIST_MAX);
        items.push(Arg::from(msg!("unit-list-more", count = more)));
    }
    Arg::List(items)
}

/// The input in slot `slot` named in a message (with its label); slots come from the plan.
pub(crate) fn slot_arg(inputs: &[InputDef], slot: usize) -> Arg {
    slot_arg_ref(inputs, slot).to_arg()
}

/// [`slot_arg`], borrowed.
pub(crate) fn slot_arg_ref(inputs: &[InputDef], slot: usize) -> ArgRef<'_> {
    inputs
        .get(slot)
        .map_or(ArgRef::Ident("?"), InputDef::arg_ref)
}

fn number_refusal(text: &str, e: NumberError) -> Refusal {
    match e {
        NumberError::NotANumber => (
            Code::WrongValueType,
            msg!("unit-not-a-number", value = Arg::ident(text)),
        ),
        NumberError::NotFinite => (
            Code::NotFinite,
            msg!("unit-not-finite", value = Arg::ident(text)),
        ),
        NumberError::Inexact => (
            Code::InexactNumber,
            msg!("unit-inexact-number", value = Arg::ident(text)),
        ),
    }
}

/// Reads a CSV number: `.` or `,` as decimal separator, an optional trailing `%`.
pub fn parse_cell_number(cell: &str) -> Result<Decimal, Refusal> {
    let t = cell.trim();
    let t = t.strip_suffix('%').map(str::trim_end).unwrap_or(t);
    if t.contains('.') && t.contains(',') {
        return Err((
            Code::WrongValueType,
            msg!("unit-cell-mixed-separators", value = Arg::ident(cell)),
        ));
    }
    let t = t.replace(',', ".");
    parse_decimal(&t).map_err(|e| number_refusal(cell, e))
}

/// True for a cell like `1.000`, `12,500` or `1.000.000`: one to three digits, then groups of
/// exactly three digits after `.` or `,`. In a count this is ambiguous: a Vietnamese officer
/// writes one thousand as `1.000`, an English one writes it `1,000`, and each is also a decimal
/// one in the other convention. A cell whose leading digits are all zero (`0.000`) is zero
/// either way and is not flagged.
fn thousands_like(cell: &str) -> bool {
    let mut parts = cell.split(['.', ',']);
    let Some(head) = parts.next() else {
        return false;
    };
    let head_ok = (1..=3).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_digit())
        && head.bytes().any(|b| b != b'0');
    let mut groups = 0;
    for g in parts {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        groups += 1;
    }
    head_ok && groups > 0
}

fn parse_cell_bool(cell: &str) -> Option<bool> {
    let t = nfc(cell.trim()).to_lowercase();
    match t.as_str() {
        "true" | "1" | "có" | "x" => Some(true),
        "false" | "0" | "không" => Some(false),
        _ => None,
    }
}

impl InputDef {
    /// The input named in a message: `` `name` (label) ``.
    pub(crate) fn arg(&self) -> Arg {
        input_arg(&self.name, self.label.as_deref())
    }

    /// [`InputDef::arg`], borrowed.
    pub(crate) fn arg_ref(&self) -> ArgRef<'_> {
        ArgRef::named(&self.name, self.label.as_deref())
    }

    /// The label of option `i`, when the rule file gives one.
    pub(crate) fn option_label(&self, i: usize) -> Option<&str> {
        self.option_labels.get(i).and_then(|l| l.as_deref())
    }

    /// Option `i` named in a message: its id, with its label when it has one.
    pub(crate) fn option_arg(&self, i: usize) -> Arg {
        match self.options.get(i) {
            Some(o) => option_arg(o, self.option_label(i)),
            None => Arg::ident("?"),
        }
    }

    /// [`InputDef::option_arg`], borrowed.
    pub(crate) fn option_arg_ref(&self, i: usize) -> ArgRef<'_> {
        match self.options.get(i) {
            Some(o) => ArgRef::named(o, self.option_label(i)),
            None => ArgRef::Ident("?"),
        }
    }

    /// Every option named in a message.
    fn options_arg(&self) -> Arg {
        list_arg(
            (0..self.options.len())
                .map(|i| self.option_arg(i))
                .collect(),
        )
    }

    /// Checks a value against this input: `Ok(None)` when the value is missing.
    #[inline(always)]
    pub(crate) fn read(&self, raw: &RawValue) -> Result<Option<Value>, Refusal> {
        // The usual values (a number in range, a bool, an option's id in ASCII) are read on
        // the scoring path without entering the full reading below.
        match self.read_quick(raw) {
            Some(v) => Ok(Some(v)),
            None => self.read_full(raw),
        }
    }

    /// [`InputDef::read`] for every value, with the reason of a refusal.
    #[inline(never)]
    fn read_full(&self, raw: &RawValue) -> Result<Option<Value>, Refusal> {
        match raw {
            RawValue::Null => Ok(None),
            RawValue::Invalid(code, why) => Err((
                *code,
                msg!("unit-value-unusable", input = self.arg(), why = why.clone()),
            )),
            RawValue::Cell(cell) => {
                let t = cell.trim();
                if t.is_empty() || t.eq_ignore_ascii_case("null") {
                    return Ok(None);
                }
                match self.ty {
                    InputType::Bool => match parse_cell_bool(t) {
                        Some(b) => Ok(Some(Value::Bool(b))),
                        None => Err((
                            Code::WrongValueType,
                            msg!(
                                "unit-cell-not-yes-no",
                                input = self.arg(),
                                value = Arg::ident(t)
                            ),
                        )),
                    },
                    InputType::Choice => self.choice(t),
                    InputType::Count if thousands_like(t) => Err((
                        Code::WrongValueType,
                        msg!(
                            "unit-count-thousands",
                            input = self.arg(),
                            value = Arg::ident(t),
                            digits = t.replace(['.', ','], "")
                        ),
                    )),
                    _ => {
                        let d = parse_cell_number(t).map_err(|(c, m)| {
                            (c, msg!("unit-input-cell", input = self.arg(), problem = m))
                        })?;
                        self.number(d).map(Some)
                    }
                }
            }
            RawValue::Bool(b) => match self.ty {
                InputType::Bool => Ok(Some(Value::Bool(*b))),
                _ => Err(self.wrong(msg!("unit-got-bool"))),
            },
            RawValue::Number(d) => match self.ty {
                InputType::Count | InputType::Percent | InputType::Number => {
                    self.number(*d).map(Some)
                }
                _ => Err(self.wrong(msg!("unit-got-number"))),
            },
            RawValue::Text(t) => match self.ty {
                InputType::Choice => self.choice(t),
                _ => Err(self.wrong(msg!("unit-got-text", text = Arg::ident(t.as_str())))),
            },
        }
    }

    fn wrong(&self, got: Message) -> Refusal {
        let want = match self.ty {
            InputType::Bool => msg!("unit-want-bool"),
            InputType::Count => msg!("unit-want-count"),
            InputType::Percent => msg!("unit-want-percent"),
            InputType::Number => msg!("unit-want-number"),
            InputType::Choice => msg!("unit-want-choice"),
        };
        (
            Code::WrongValueType,
            msg!(
                "unit-wrong-value-type",
                input = self.arg(),
                want = want,
                got = got
            ),
        )
    }

    /// An option given by its id (NFC) or, failing that, by its label (NFC, trimmed).
    fn choice(&self, t: &str) -> Result<Option<Value>, Refusal> {
        let t = crate::text::nfc_cow(t);
        if let Some(i) = self.options.iter().position(|o| *o == t) {
            return Ok(Some(Value::Choice(i)));
        }
        let key = t.trim();
        if let Some(i) = self
            .option_labels
            .iter()
            .position(|l| l.as_deref().is_some_and(|l| same_label(l, key)))
        {
            return Ok(Some(Value::Choice(i)));
        }
        Err((
            Code::UnknownChoice,
            msg!(
                "unit-unknown-choice",
                value = Arg::ident(t.as_ref()),
                input = self.arg(),
                options = self.options_arg()
            ),
        ))
    }

    /// The value [`InputDef::read`] gives for the usual raw values (a number in range, a bool,
    /// an option's id in ASCII); `None` when it does not know (then the full reading decides).
    #[inline(always)]
    pub(crate) fn read_quick(&self, raw: &RawValue) -> Option<Value> {
        match (raw, self.ty) {
            (RawValue::Number(d), InputType::Count | InputType::Percent | InputType::Number)
                if self.plainly_fits(*d) =>
            {
                Some(Value::Num(*d))
            }
            (RawValue::Bool(b), InputType::Bool) => Some(Value::Bool(*b)),
            // An ASCII text is its own NFC form, so an equal option is the one `read` finds.
            (RawValue::Text(t), InputType::Choice) if t.is_ascii() => {
                self.options.iter().position(|o| o == t).map(Value::Choice)
            }
            _ => None,
        }
    }

    /// True when `number` accepts `d` (a quick test on the scoring path; false may still be
    /// accepted, e.g. `-0` or `3.0` as a count).
    #[inline(always)]
    fn plainly_fits(&self, d: Decimal) -> bool {
        match self.ty {
            InputType::Count => d.scale() == 0 && !d.is_sign_negative(),
            InputType::Percent => !d.is_sign_negative() && crate::num::le(d, Decimal::ONE_HUNDRED),
            InputType::Number => {
                self.min.is_none_or(|m| crate::num::ge(d, m))
                    && self.max.is_none_or(|m| crate::num::le(d, m))
            }
            InputType::Bool | InputType::Choice => false,
        }
    }

    /// Checks a number against this input's type and range.
    #[inline]
    pub(crate) fn number(&self, d: Decimal) -> Result<Value, Refusal> {
        if self.plainly_fits(d) {
            return Ok(Value::Num(d));
        }
        self.number_checked(d)
    }

    /// [`InputDef::number`] in full, with the reason of a refusal.
    #[inline(never)]
    fn number_checked(&self, d: Decimal) -> Result<Value, Refusal> {
        match self.ty {
            InputType::Count => {
                if d.scale() > 0 && !d.fract().is_zero() {
                    return Err((
                        Code::NotWholeNumber,
                        msg!("unit-count-not-whole", input = self.arg(), value = d),
                    ));
                }
                if d.is_sign_negative() && !d.is_zero() {
                    return Err((
                        Code::ValueOutOfRange,
                        msg!("unit-count-negative", input = self.arg(), value = d),
                    ));
                }
            }
            InputType::Percent => {
                if (d.is_sign_negative() && !d.is_zero())
                    || !crate::num::le(d, Decimal::ONE_HUNDRED)
                {
                    return Err((
                        Code::ValueOutOfRange,
                        msg!("unit-percent-out-of-range", input = self.arg(), value = d),
                    ));
                }
            }
            InputType::Number => {
                if let Some(min) = self.min {
                    if !crate::num::ge(d, min) {
                        return Err((
                            Code::ValueOutOfRange,
                            msg!("unit-below-min", input = self.arg(), min = min, value = d),
                        ));
                    }
                }
                if let Some(max) = self.max {
                    if !crate::num::le(d, max) {
                        return Err((
                            Code::ValueOutOfRange,
                            msg!("unit-above-max", input = self.arg(), max = max, value = d),
                        ));
                    }
                }
            }
            _ => return Err(self.wrong(msg!("unit-got-number"))),
        }
        Ok(Value::Num(d))
    }

    /// The value an absent input takes under `on_missing: zero`.
    pub(crate) fn zero(&self) -> Option<Value> {
        match self.ty {
            InputType::Bool => Some(Value::Bool(false)),
            InputType::Choice => None,
            _ => Some(Value::Num(Decimal::ZERO)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(ty: InputType) -> InputDef {
        InputDef {
            name: "x".into(),
            ty,
            label: None,
            description: None,
            min: Some(Decimal::ONE),
            max: Some(Decimal::from(5)),
            options: vec!["dung_han".into(), "chậm".into()],
            option_labels: vec![None, None],
            default: None,
            on_missing: OnMissing::Error,
        }
    }

    #[test]
    fn cells() {
        let p = def(InputType::Percent);
        assert_eq!(
            p.read(&RawValue::Cell("92,5".into())).unwrap(),
            Some(Value::Num(Decimal::new(925, 1)))
        );
        assert_eq!(
            p.read(&RawValue::Cell("85 %".into())).unwrap(),
            Some(Value::Num(Decimal::from(85)))
        );
        assert_eq!(p.read(&RawValue::Cell("".into())).unwrap(), None);
        assert_eq!(
            p.read(&RawValue::Cell("1.234,5".into())).unwrap_err().0,
            Code::WrongValueType
        );
        assert_eq!(
            p.read(&RawValue::Cell("120".into())).unwrap_err().0,
            Code::ValueOutOfRange
        );
        let b = def(InputType::Bool);
        assert_eq!(
            b.read(&RawValue::Cell("Có".into())).unwrap(),
            Some(Value::Bool(true))
        );
        assert_eq!(
            b.read(&RawValue::Cell("không".into())).unwrap(),
            Some(Value::Bool(false))
        );
        assert_eq!(
            b.read(&RawValue::Cell("X".into())).unwrap(),
            Some(Value::Bool(true))
        );
        assert_eq!(
            b.read(&RawValue::Cell("maybe".into())).unwrap_err().0,
            Code::WrongValueType
        );
        let c = def(InputType::Count);
        assert_eq!(
            c.read(&RawValue::Cell("3.0".into())).unwrap(),
            Some(Value::Num(Decimal::from(3)))
        );
        assert_eq!(
            c.read(&RawValue::Cell("2,5".into())).unwrap_err().0,
            Code::NotWholeNumber
        );
        assert_eq!(
            c.read(&RawValue::Number(Decimal::from(-1))).unwrap_err().0,
            Code::ValueOutOfRange
        );
        assert_eq!(
            c.read(&RawValue::Cell("NaN".into())).unwrap_err().0,
            Code::NotFinite
        );
    }

    #[test]
    fn counts_with_a_thousands_separator_are_refused() {
        let c = def(InputType::Count);
        for cell in ["1.000", "1,000", "12.500", "1.000.000", " 250.000 "] {
            let (code, msg) = c.read(&RawValue::Cell(cell.into())).unwrap_err();
            assert_eq!(code, Code::WrongValueType, "{cell}");
            assert!(msg.render(crate::Lang::En).contains("digits only"), "{msg}");
            assert!(
                msg.render(crate::Lang::Vi).contains("chỉ bằng chữ số"),
                "{msg}"
            );
        }
        // Not ambiguous: one or two decimals, zero, four digits, a number input, JSON numbers.
        for cell in ["3.0", "3.00", "0.000", "1000", "1.0000"] {
            assert!(
                !matches!(
                    c.read(&RawValue::Cell(cell.into())),
                    Err((Code::WrongValueType, _))
                ),
                "{cell}"
            );
        }
        assert_eq!(
            def(InputType::Number)
                .read(&RawValue::Cell("1.500".into()))
                .unwrap(),
            Some(Value::Num(Decimal::new(15, 1)))
        );
        assert_eq!(
            c.read(&RawValue::Number(Decimal::new(1000, 3))).unwrap(),
            Some(Value::Num(Decimal::ONE))
        );
    }

    #[test]
    fn quick_number_test_agrees_with_the_full_check() {
        let ds = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "1",
            "3.0",
            "2.5",
            "-1",
            "99.99",
            "100",
            "100.00",
            "100.01",
            "5",
            "5.0",
            "5.01",
            "0.99",
            "1.00",
            "-0.5",
            "79228162514264337593543950335",
            "0.0000000000000000000000000001",
        ];
        for ty in [
            InputType::Count,
            InputType::Percent,
            InputType::Number,
            InputType::Bool,
            InputType::Choice,
        ] {
            for (min, max) in [(Some(Decimal::ONE), Some(Decimal::from(5))), (None, None)] {
                let def = InputDef {
                    min,
                    max,
                    ..def(ty)
                };
                for d in ds {
                    let d: Decimal = d.parse().unwrap();
                    let full = def.number_checked(d);
                    if def.plainly_fits(d) {
                        assert_eq!(full, Ok(Value::Num(d)), "{ty:?} {d}");
                    }
                    assert_eq!(def.number(d).ok(), full.ok(), "{ty:?} {d}");
                }
            }
        }
    }

    #[test]
    fn quick_read_agrees_with_read() {
        let raws = [
            RawValue::Null,
            RawValue::Bool(true),
            RawValue::Bool(false),
            RawValue::Number(Decimal::new(3, 0)),
            RawValue::Number(Decimal::new(-3, 0)),
            RawValue::Number(Decimal::new(25, 1)),
            RawValue::Number(Decimal::new(10001, 2)),
            RawValue::Number(Decimal::new(0, 2)),
            RawValue::Number(-Decimal::new(0, 2)),
            RawValue::Text("dung_han".into()),
            RawValue::Text("chậm".into()),
            RawValue::Text("cha\u{323}\u{302}m".into()),
            RawValue::Text("khac".into()),
            RawValue::Text(" dung_han".into()),
            RawValue::Text("3".into()),
            RawValue::Cell("3".into()),
            RawValue::Cell("có".into()),
        ];
        for ty in [
            InputType::Count,
            InputType::Percent,
            InputType::Number,
            InputType::Bool,
            InputType::Choice,
        ] {
            let d = def(ty);
            for raw in &raws {
                if let Some(v) = d.read_quick(raw) {
                    assert_eq!(d.read_full(raw), Ok(Some(v)), "{ty:?} {raw:?}");
                }
            }
        }
        // The usual values are taken quickly.
        assert!(def(InputType::Choice).read_quick(&raws[9]).is_some());
        assert!(def(InputType::Percent).read_quick(&raws[3]).is_some());
        assert!(def(InputType::Bool).read_quick(&raws[1]).is_some());
    }

    #[test]
    fn strict_json_types() {
        let n = def(InputType::Number);
        assert_eq!(
            n.read(&RawValue::Text("3".into())).unwrap_err().0,
            Code::WrongValueType
        );
        assert_eq!(
            n.read(&RawValue::Number(Decimal::from(9))).unwrap_err().0,
            Code::ValueOutOfRange
        );
        let ch = def(InputType::Choice);
        // NFD form of "chậm" matches the NFC option.
        assert_eq!(
            ch.read(&RawValue::Text("cha\u{323}\u{302}m".into()))
                .unwrap(),
            Some(Value::Choice(1))
        );
        assert_eq!(
            ch.read(&RawValue::Text("khac".into())).unwrap_err().0,
            Code::UnknownChoice
        );
        assert_eq!(
            ch.read(&RawValue::Bool(true)).unwrap_err().0,
            Code::WrongValueType
        );
    }
}
