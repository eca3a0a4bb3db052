//! Input declarations and values: reading a value from JSON, YAML, a CSV cell or a binding.

use rust_decimal::Decimal;

use crate::error::Code;
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
    Invalid(Code, String),
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
pub(crate) type Refusal = (Code, String);

fn number_refusal(text: &str, e: NumberError) -> Refusal {
    match e {
        NumberError::NotANumber => (Code::WrongValueType, format!("`{text}` is not a number")),
        NumberError::NotFinite => (Code::NotFinite, format!("`{text}` is not a finite number")),
        NumberError::Inexact => (
            Code::InexactNumber,
            format!("`{text}` cannot be held exactly (at most 28 significant digits)"),
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
            format!("`{cell}` mixes `.` and `,`; write the number without thousands separators"),
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
    /// Checks a value against this input: `Ok(None)` when the value is missing.
    pub(crate) fn read(&self, raw: &RawValue) -> Result<Option<Value>, Refusal> {
        let name = &self.name;
        match raw {
            RawValue::Null => Ok(None),
            RawValue::Invalid(code, why) => Err((
                *code,
                format!("the value of `{name}` cannot be used: {why}"),
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
                            format!(
                                "`{name}` is yes/no, but the cell holds `{t}`; write có/không, true/false, 1/0 or x"
                            ),
                        )),
                    },
                    InputType::Choice => self.choice(t),
                    InputType::Count if thousands_like(t) => Err((
                        Code::WrongValueType,
                        format!(
                            "`{name}` counts things, but `{t}` can mean a thousand-fold number (`.` or `,` separating thousands) or a decimal; write the count with digits only, e.g. {}",
                            t.replace(['.', ','], "")
                        ),
                    )),
                    _ => {
                        let d =
                            parse_cell_number(t).map_err(|(c, m)| (c, format!("`{name}`: {m}")))?;
                        self.number(d).map(Some)
                    }
                }
            }
            RawValue::Bool(b) => match self.ty {
                InputType::Bool => Ok(Some(Value::Bool(*b))),
                _ => Err(self.wrong("true/false")),
            },
            RawValue::Number(d) => match self.ty {
                InputType::Count | InputType::Percent | InputType::Number => {
                    self.number(*d).map(Some)
                }
                _ => Err(self.wrong("a number")),
            },
            RawValue::Text(t) => match self.ty {
                InputType::Choice => self.choice(t),
                _ => Err(self.wrong(&format!("the text `{t}`"))),
            },
        }
    }

    fn wrong(&self, got: &str) -> Refusal {
        let want = match self.ty {
            InputType::Bool => "true or false",
            InputType::Count => "a whole number ≥ 0",
            InputType::Percent => "a number from 0 to 100",
            InputType::Number => "a number",
            InputType::Choice => "one of its options (as text)",
        };
        (
            Code::WrongValueType,
            format!("`{}` must be {want}, but the unit gives {got}", self.name),
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
            format!(
                "`{t}` is not an option of `{}`; use one of: {}",
                self.name,
                crate::text::list(&self.option_list())
            ),
        ))
    }

    /// The options for messages: `id (label)`, or `id` when it has no label.
    pub(crate) fn option_list(&self) -> Vec<String> {
        self.options
            .iter()
            .enumerate()
            .map(|(i, o)| match self.option_labels.get(i) {
                Some(Some(l)) => format!("{o} ({l})"),
                _ => o.clone(),
            })
            .collect()
    }

    /// Checks a number against this input's type and range.
    pub(crate) fn number(&self, d: Decimal) -> Result<Value, Refusal> {
        let name = &self.name;
        match self.ty {
            InputType::Count => {
                if d.scale() > 0 && !d.fract().is_zero() {
                    return Err((
                        Code::NotWholeNumber,
                        format!("`{name}` counts things, so it must be a whole number, not {d}"),
                    ));
                }
                if d.is_sign_negative() && !d.is_zero() {
                    return Err((
                        Code::ValueOutOfRange,
                        format!("`{name}` counts things, so it cannot be negative ({d})"),
                    ));
                }
            }
            InputType::Percent => {
                if (d.is_sign_negative() && !d.is_zero())
                    || !crate::num::le(d, Decimal::ONE_HUNDRED)
                {
                    return Err((
                        Code::ValueOutOfRange,
                        format!("`{name}` is a percentage, so it must be from 0 to 100, not {d}"),
                    ));
                }
            }
            InputType::Number => {
                if let Some(min) = self.min {
                    if !crate::num::ge(d, min) {
                        return Err((
                            Code::ValueOutOfRange,
                            format!("`{name}` must be at least {min}, not {d}"),
                        ));
                    }
                }
                if let Some(max) = self.max {
                    if !crate::num::le(d, max) {
                        return Err((
                            Code::ValueOutOfRange,
                            format!("`{name}` must be at most {max}, not {d}"),
                        ));
                    }
                }
            }
            _ => return Err(self.wrong("a number")),
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
            assert!(msg.contains("digits only"), "{msg}");
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
