//! Fast paths for exact decimal arithmetic on the scoring hot path.

use std::cmp::Ordering;

use rust_decimal::Decimal;

/// `POW10[n]` = 10ⁿ for every scale difference a decimal can have (0 to 28).
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range would fail the build, never a run"
)]
const POW10: [i128; 29] = {
    let mut t = [1i128; 29];
    let mut i = 1;
    while i < 29 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// Compares two decimals exactly; cheap when their scales are equal or their mantissas small.
#[inline]
pub(crate) fn cmp(a: Decimal, b: Decimal) -> Ordering {
    let (sa, sb) = (a.scale(), b.scale());
    let (ma, mb) = (a.mantissa(), b.mantissa());
    if sa == sb {
        return ma.cmp(&mb);
    }
    // Scales are at most 28, so the table always has the power; `None` falls back below.
    let scaled = if sa < sb {
        POW10
            .get((sb - sa) as usize)
            .and_then(|p| ma.checked_mul(*p))
            .map(|x| x.cmp(&mb))
    } else {
        POW10
            .get((sa - sb) as usize)
            .and_then(|p| mb.checked_mul(*p))
            .map(|y| ma.cmp(&y))
    };
    scaled.unwrap_or_else(|| a.cmp(&b))
}

/// a ≥ b.
#[inline]
pub(crate) fn ge(a: Decimal, b: Decimal) -> bool {
    cmp(a, b) != Ordering::Less
}

/// a ≤ b.
#[inline]
pub(crate) fn le(a: Decimal, b: Decimal) -> bool {
    cmp(a, b) != Ordering::Greater
}

/// The smaller of two decimals.
#[inline]
pub(crate) fn min(a: Decimal, b: Decimal) -> Decimal {
    if le(a, b) { a } else { b }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_decimal_ord(a in any::<i64>(), sa in 0u32..28, b in any::<i64>(), sb in 0u32..28) {
            let (x, y) = (Decimal::new(a, sa), Decimal::new(b, sb));
            prop_assert_eq!(cmp(x, y), x.cmp(&y));
        }
    }

    #[test]
    fn large_mantissas_fall_back() {
        let big = Decimal::MAX;
        let small = Decimal::new(1, 28);
        assert_eq!(cmp(big, small), Ordering::Greater);
        assert_eq!(cmp(small, big), Ordering::Less);
        assert_eq!(
            cmp(Decimal::new(90, 0), Decimal::new(9000, 2)),
            Ordering::Equal
        );
    }
}

/// Writes a decimal in its shortest exact form (`2.50` → `2.5`, `100.00` → `100`), faster than
/// normalising and formatting.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text(pub Decimal);

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let m = self.0.mantissa();
        let mut scale = self.0.scale() as usize;
        // A mantissa has at most 29 digits (96 bits); the buffer has room for any u128.
        let mut buf = [0u8; 40];
        let mut n = 0;
        let mut u = m.unsigned_abs();
        // Digits, right to left; u64 arithmetic whenever the mantissa fits (the usual case).
        if let Ok(mut small) = u64::try_from(u) {
            while scale > 0 && small % 10 == 0 && small != 0 {
                small /= 10;
                scale -= 1;
            }
            for slot in buf.iter_mut().rev() {
                *slot = b'0' + (small % 10) as u8;
                n += 1;
                small /= 10;
                if small == 0 {
                    break;
                }
            }
        } else {
            while scale > 0 && u % 10 == 0 {
                u /= 10;
                scale -= 1;
            }
            for slot in buf.iter_mut().rev() {
                *slot = b'0' + (u % 10) as u8;
                n += 1;
                u /= 10;
                if u == 0 {
                    break;
                }
            }
        }
        if m == 0 {
            scale = 0;
        }
        let digits = buf.get(buf.len() - n..).unwrap_or_default();
        fn s(b: &[u8]) -> &str {
            std::str::from_utf8(b).unwrap_or("?")
        }
        if m < 0 {
            f.write_str("-")?;
        }
        if scale == 0 {
            f.write_str(s(digits))
        } else if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            f.write_str(s(int))?;
            f.write_str(".")?;
            f.write_str(s(frac))
        } else {
            f.write_str("0.")?;
            for _ in 0..scale - digits.len() {
                f.write_str("0")?;
            }
            f.write_str(s(digits))
        }
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn same_as_normalize(m in any::<i64>(), s in 0u32..28) {
            let d = Decimal::new(m, s);
            prop_assert_eq!(Text(d).to_string(), d.normalize().to_string());
        }
    }

    #[test]
    fn forms() {
        for (d, t) in [
            ("2.50", "2.5"),
            ("100.00", "100"),
            ("0.05", "0.05"),
            ("-0.5", "-0.5"),
            ("0", "0"),
            ("0.000", "0"),
        ] {
            assert_eq!(Text(d.parse().unwrap()).to_string(), t);
        }
        assert_eq!(Text(Decimal::MAX).to_string(), Decimal::MAX.to_string());
    }
}
