//! Fast paths for exact decimal arithmetic on the scoring hot path.

use std::cmp::Ordering;

use rust_decimal::Decimal;

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
pub fn cmp(a: Decimal, b: Decimal) -> Ordering {
    let (sa, sb) = (a.scale(), b.scale());
    let (ma, mb) = (a.mantissa(), b.mantissa());
    if sa == sb {
        return ma.cmp(&mb);
    }
    let scaled = if sa < sb {
        ma.checked_mul(POW10[(sb - sa) as usize])
            .map(|x| x.cmp(&mb))
    } else {
        mb.checked_mul(POW10[(sa - sb) as usize])
            .map(|y| ma.cmp(&y))
    };
    scaled.unwrap_or_else(|| a.cmp(&b))
}

/// a ≥ b.
#[inline]
pub fn ge(a: Decimal, b: Decimal) -> bool {
    cmp(a, b) != Ordering::Less
}

/// a ≤ b.
#[inline]
pub fn le(a: Decimal, b: Decimal) -> bool {
    cmp(a, b) != Ordering::Greater
}

/// The smaller of two decimals.
#[inline]
pub fn min(a: Decimal, b: Decimal) -> Decimal {
    if le(a, b) {
        a
    } else {
        b
    }
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
