//! Exact decimal numbers from text.

use rust_decimal::Decimal;

/// Why a text is not an exact decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// Not a number at all.
    NotANumber,
    /// NaN or an infinity.
    NotFinite,
    /// More digits than a decimal holds exactly (28), or out of range.
    Inexact,
}

/// True when YAML's core schema reads the plain scalar as a number.
pub(super) fn looks_numeric(s: &str) -> bool {
    matches!(
        parse_decimal(s),
        Ok(_) | Err(NumberError::NotFinite | NumberError::Inexact)
    )
}

fn is_special(s: &str) -> Option<NumberError> {
    let t = s.strip_prefix(['+', '-']).unwrap_or(s);
    match t {
        ".inf" | ".Inf" | ".INF" | "inf" | "Infinity" | "infinity" | "INF" => {
            Some(NumberError::NotFinite)
        }
        _ if s == ".nan" || s == ".NaN" || s == ".NAN" || s == "NaN" || s == "nan" => {
            Some(NumberError::NotFinite)
        }
        _ => None,
    }
}

/// Parses a decimal number written with `.` (optionally signed, optionally with an exponent),
/// exactly: a number that would need rounding is `Inexact`.
pub(crate) fn parse_decimal(s: &str) -> Result<Decimal, NumberError> {
    if let Some(e) = is_special(s) {
        return Err(e);
    }
    let bytes = s.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    let mut i = 0;
    if matches!(at(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let mut digits = 0;
    while at(i).is_some_and(|b| b.is_ascii_digit()) {
        i += 1;
        digits += 1;
    }
    if at(i) == Some(b'.') {
        i += 1;
        while at(i).is_some_and(|b| b.is_ascii_digit()) {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return Err(NumberError::NotANumber);
    }
    let mantissa_end = i;
    let mut exp: i64 = 0;
    if matches!(at(i), Some(b'e' | b'E')) {
        i += 1;
        let neg = at(i) == Some(b'-');
        if matches!(at(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let start = i;
        while let Some(b @ b'0'..=b'9') = at(i) {
            exp = exp.saturating_mul(10).saturating_add(i64::from(b - b'0'));
            i += 1;
        }
        if i == start {
            return Err(NumberError::NotANumber);
        }
        if neg {
            exp = -exp;
        }
    }
    if i != bytes.len() {
        return Err(NumberError::NotANumber);
    }
    // Everything before `mantissa_end` is ASCII, so the cut is on a character boundary.
    let mantissa = s.get(..mantissa_end).ok_or(NumberError::NotANumber)?;
    let mantissa = mantissa.strip_prefix('+').unwrap_or(mantissa);
    let mut d = Decimal::from_str_exact(mantissa).map_err(|_| NumberError::Inexact)?;
    if exp != 0 {
        if exp.abs() > 60 {
            return Err(NumberError::Inexact);
        }
        let ten = Decimal::TEN;
        for _ in 0..exp.abs() {
            d = if exp > 0 {
                d.checked_mul(ten).ok_or(NumberError::Inexact)?
            } else {
                let q = d.checked_div(ten).ok_or(NumberError::Inexact)?;
                if q * ten != d {
                    return Err(NumberError::Inexact);
                }
                q
            };
        }
    }
    Ok(d.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn exact_forms() {
        assert_eq!(
            parse_decimal("0.1").unwrap(),
            Decimal::from_str("0.1").unwrap()
        );
        assert_eq!(parse_decimal("-2.50").unwrap().to_string(), "-2.5");
        assert_eq!(parse_decimal("+3").unwrap().to_string(), "3");
        assert_eq!(parse_decimal("1e2").unwrap().to_string(), "100");
        assert_eq!(parse_decimal("15E-1").unwrap().to_string(), "1.5");
        assert_eq!(parse_decimal(".5").unwrap().to_string(), "0.5");
        assert_eq!(parse_decimal("5.").unwrap().to_string(), "5");
    }

    #[test]
    fn refusals() {
        assert_eq!(parse_decimal("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("1.2.3"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal(""), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal(".nan"), Err(NumberError::NotFinite));
        assert_eq!(parse_decimal("-.inf"), Err(NumberError::NotFinite));
        assert_eq!(
            parse_decimal("1.23456789012345678901234567891"),
            Err(NumberError::Inexact)
        );
        assert_eq!(parse_decimal("1e400"), Err(NumberError::Inexact));
        assert_eq!(parse_decimal("1e"), Err(NumberError::NotANumber));
    }
}
