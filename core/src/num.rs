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
#[inline(always)]
pub(crate) fn cmp(a: Decimal, b: Decimal) -> Ordering {
    if let (Some(ma), Some(mb)) = (small(a), small(b)) {
        let (sa, sb) = (a.scale(), b.scale());
        if sa == sb {
            return ma.cmp(&mb);
        }
        // Powers up to 10⁹ times mantissas under 2³¹ stay under 2⁶³: no 128-bit product (which
        // WebAssembly has no instruction for).
        let fits = |m: i64| m.unsigned_abs() < 1 << 31;
        if sa < sb {
            if let (Some(p), true) = (POW10_64.get((sb - sa) as usize), fits(ma)) {
                if *p <= 1_000_000_000 {
                    return (ma * *p).cmp(&mb);
                }
            }
        } else if let (Some(p), true) = (POW10_64.get((sa - sb) as usize), fits(mb)) {
            if *p <= 1_000_000_000 {
                return ma.cmp(&(mb * *p));
            }
        }
    }
    cmp_wide(a, b)
}

/// [`cmp`] for any two decimals.
#[inline(never)]
fn cmp_wide(a: Decimal, b: Decimal) -> Ordering {
    let (sa, sb) = (a.scale(), b.scale());
    let (ma, mb) = (a.mantissa(), b.mantissa());
    if sa == sb {
        return ma.cmp(&mb);
    }
    // The usual case: the operand to scale up fits an i64 and the scales differ by at most 18,
    // so the product fits an i128 with no check.
    if sa < sb {
        if let (Some(p), Ok(x)) = (POW10_64.get((sb - sa) as usize), i64::try_from(ma)) {
            return (i128::from(x) * i128::from(*p)).cmp(&mb);
        }
    } else if let (Some(p), Ok(y)) = (POW10_64.get((sa - sb) as usize), i64::try_from(mb)) {
        return ma.cmp(&(i128::from(y) * i128::from(*p)));
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

/// `POW10_64[n]` = 10ⁿ for n ≤ 18.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range would fail the build, never a run"
)]
const POW10_64: [i64; 19] = {
    let mut t = [1i64; 19];
    let mut i = 1;
    while i < 19 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// 10ⁿ as a u64, for n ≤ 18.
#[inline]
fn pow10_u64(n: u32) -> Option<u64> {
    POW10_64
        .get(n as usize)
        .and_then(|&p| u64::try_from(p).ok())
}

/// A decimal split for writing, without trailing zeros: whether it is below zero, its integer
/// part, its fraction and the fraction's number of digits (`-12.50` → `(true, 12, 5, 1)`,
/// `0.05` → `(false, 0, 5, 2)`). `None` when the mantissa needs more than 64 bits or more than
/// 18 decimals remain (written by [`Text`] instead).
#[inline]
pub(crate) fn split(d: Decimal) -> Option<(bool, u64, u64, usize)> {
    let m = small(d)?;
    let mut scale = d.scale();
    let mut u = m.unsigned_abs();
    while scale > 0 && u % 10 == 0 {
        u /= 10;
        scale -= 1;
    }
    let p = pow10_u64(scale)?;
    Some((m < 0 && u != 0, u / p, u % p, scale as usize))
}

/// The mantissa when it fits in an i64 (the usual case for points and values), read from its
/// 32-bit parts: `Decimal::mantissa` builds an i128, which WebAssembly does in software.
#[inline(always)]
pub(crate) fn small(d: Decimal) -> Option<i64> {
    let p = d.unpack();
    if p.hi != 0 {
        return None;
    }
    let m = i64::try_from(u64::from(p.mid) << 32 | u64::from(p.lo)).ok()?;
    Some(if p.negative { -m } else { m })
}

/// A non-zero decimal from a small mantissa and a scale of at most 28. Zero is left to
/// `rust_decimal` (the sign and scale it gives a zero are its own).
#[inline(always)]
fn build(m: i64, scale: u32) -> Option<Decimal> {
    if m == 0 || m == i64::MIN {
        return None;
    }
    Decimal::try_new(m, scale).ok()
}

/// `a.checked_div(b)`, fast for a divisor under 2³² and a small dividend: the same mantissa
/// and scale as `rust_decimal`'s division (its 32-bit-divisor path: nine digits at a time until
/// the remainder is zero, then trailing zeros stripped in steps of 8, 4, 2 and 1).
#[inline]
pub(crate) fn checked_div(a: Decimal, b: Decimal) -> Option<Decimal> {
    div_fast(a, b).or_else(|| a.checked_div(b))
}

/// `(n / d, n % d)` for d > 0: a shift and a mask when d is a power of two (a scale's span
/// of 4, a weight of 0.25), which a processor does far faster than a division.
#[inline(always)]
fn divrem(n: u64, d: u64) -> (u64, u64) {
    if d.is_power_of_two() {
        (n >> d.trailing_zeros(), n & (d - 1))
    } else {
        (n / d, n % d)
    }
}

#[inline]
fn div_fast(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (na, nb) = (small(a)?.unsigned_abs(), small(b)?.unsigned_abs());
    let (sa, sb) = (a.scale(), b.scale());
    // A zero dividend or divisor, a negative starting scale, a large divisor: the general path.
    if na == 0 || nb == 0 || nb > u64::from(u32::MAX) || sa < sb {
        return None;
    }
    let negative = a.is_sign_negative() != b.is_sign_negative();
    let mut scale = sa - sb;
    let (mut q, mut r) = divrem(na, nb);
    if r != 0 {
        const E9: u64 = 1_000_000_000;
        while r != 0 {
            // rust_decimal scales by 10⁹ while the quotient is small (it is under 2⁶⁴ here)
            // and the scale at most 19; beyond that, the general path.
            if scale > 19 {
                return None;
            }
            let (rq, rr) = divrem(r * E9, nb);
            q = q.checked_mul(E9)?.checked_add(rq)?;
            r = rr;
            scale += 9;
        }
        // rust_decimal's `unscale`.
        while q & 0xFFFF_FFFF == 0 && scale >= 8 && q % 100_000_000 == 0 {
            q /= 100_000_000;
            scale -= 8;
        }
        for (mask, digits, p) in [(0xF, 4, 10_000), (0x3, 2, 100), (0x1, 1, 10)] {
            if q & mask == 0 && scale >= digits && q % p == 0 {
                q /= p;
                scale -= digits;
            }
        }
    }
    let m = i64::try_from(q).ok()?;
    build(if negative { -m } else { m }, scale)
}

/// `d` rounded half away from zero to `places` when it has more: the same mantissa and scale
/// as `round_dp_with_strategy(places, MidpointAwayFromZero)`.
#[inline]
pub(crate) fn round(d: Decimal, places: u32) -> Decimal {
    let s = d.scale();
    if s <= places {
        return d;
    }
    let fast = || {
        let k = (s - places) as usize;
        let p = POW10_64.get(k)?.unsigned_abs();
        let m = small(d)?;
        let n = m.unsigned_abs();
        // The usual differences divide by a constant (a multiplication), the rest by `p`.
        let (mut q, r) = match k {
            1 => (n / 10, n % 10),
            2 => (n / 100, n % 100),
            3 => (n / 1000, n % 1000),
            _ => (n / p, n % p),
        };
        if r >= p - r {
            q += 1;
        }
        let q = i64::try_from(q).ok()?;
        build(if m < 0 { -q } else { q }, places)
    };
    fast().unwrap_or_else(|| {
        d.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    })
}

/// A running sum of decimals, `Decimal::ZERO + a + b + …`, with the very mantissa and scale
/// `rust_decimal`'s `+` gives step by step (a zero operand leaves the other as it is; otherwise
/// the exact sum at the larger scale), kept in an i64 while every operand is non-negative and
/// small; anything else continues with `rust_decimal`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Sum {
    /// Mantissa (≥ 0) and scale.
    Small(i64, u32),
    /// The general case.
    Big(Decimal),
}

impl Sum {
    /// Zero.
    pub(crate) const ZERO: Sum = Sum::Small(0, 0);

    /// The sum so far.
    #[inline]
    pub(crate) fn value(self) -> Decimal {
        match self {
            Sum::Small(m, s) => Decimal::try_new(m, s).unwrap_or(Decimal::ZERO),
            Sum::Big(d) => d,
        }
    }

    /// Adds `d` (panics on overflow past `Decimal::MAX`, as `+` does).
    #[inline]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "the same `+` as before, for sums far from Decimal::MAX"
    )]
    pub(crate) fn add(&mut self, d: Decimal) {
        if let Sum::Small(m, s) = *self {
            if let (false, Some(dm)) = (d.is_sign_negative(), small(d)) {
                let ds = d.scale();
                if dm == 0 {
                    if m == 0 {
                        *self = Sum::Small(0, ds);
                    }
                    return;
                }
                if m == 0 {
                    *self = Sum::Small(dm, ds);
                    return;
                }
                let aligned = match s.cmp(&ds) {
                    Ordering::Equal => Some((m, dm, s)),
                    Ordering::Less => POW10_64
                        .get((ds - s) as usize)
                        .and_then(|p| m.checked_mul(*p))
                        .map(|m| (m, dm, ds)),
                    Ordering::Greater => POW10_64
                        .get((s - ds) as usize)
                        .and_then(|p| dm.checked_mul(*p))
                        .map(|dm| (m, dm, s)),
                };
                if let Some((a, b, sc)) = aligned {
                    if let Some(sum) = a.checked_add(b) {
                        *self = Sum::Small(sum, sc);
                        return;
                    }
                }
            }
        }
        *self = Sum::Big(self.value() + d);
    }
}

#[cfg(test)]
mod fast_tests {
    use super::*;
    use proptest::prelude::*;

    /// Same value, mantissa, scale and sign.
    fn same(x: Option<Decimal>, y: Option<Decimal>) -> bool {
        match (x, y) {
            (Some(x), Some(y)) => {
                x.mantissa() == y.mantissa()
                    && x.scale() == y.scale()
                    && x.is_sign_negative() == y.is_sign_negative()
            }
            (None, None) => true,
            _ => false,
        }
    }

    fn dec() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (-2000i64..2000, 0u32..6).prop_map(|(m, s)| Decimal::new(m, s)),
            (any::<i64>(), 0u32..29).prop_map(|(m, s)| Decimal::new(m, s)),
            (
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                any::<bool>(),
                0u32..29
            )
                .prop_map(|(l, m, h, n, s)| Decimal::from_parts(l, m, h, n, s)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn div_and_round_agree(a in dec(), b in dec(), places in 0u32..8) {
            prop_assert!(same(checked_div(a, b), a.checked_div(b)), "{a} / {b}");
            let r = a.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            prop_assert!(same(Some(round(a, places)), Some(r)), "round({a}, {places})");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        /// Divisions by a power of two (a shift and a mask) and roundings that drop 1 to 4
        /// digits (a constant divisor) give rust_decimal's mantissa and scale.
        #[test]
        fn shifts_and_constant_divisors_agree(
            a in dec(),
            k in 0u32..33,
            sb in 0u32..6,
            neg in any::<bool>(),
            m in prop_oneof![-100_000i64..100_000, any::<i64>()],
            places in 0u32..8,
            extra in 1u32..5,
        ) {
            let p = 1i64 << k;
            let b = Decimal::new(if neg { -p } else { p }, sb);
            prop_assert!(same(checked_div(a, b), a.checked_div(b)), "{a} / {b}");
            let x = Decimal::new(m, places + extra);
            let r = x.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            prop_assert!(same(Some(round(x, places)), Some(r)), "round({x}, {places})");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        #[test]
        fn sum_agrees(v in prop::collection::vec(prop_oneof![
            4 => (0i64..2000, 0u32..5).prop_map(|(m, s)| Decimal::new(m, s)),
            1 => dec(),
            1 => Just(Decimal::new(0, 3)),
            1 => Just(-Decimal::new(0, 1)),
            1 => (0i64..i64::MAX, 0u32..3).prop_map(|(m, s)| Decimal::new(m, s)),
        ], 0..40)) {
            let mut fast = Sum::ZERO;
            let mut slow = Some(Decimal::ZERO);
            for d in &v {
                slow = slow.and_then(|s| s.checked_add(*d));
                if slow.is_none() {
                    break;
                }
                fast.add(*d);
            }
            if let Some(slow) = slow {
                prop_assert!(same(Some(fast.value()), Some(slow)), "{v:?}");
            }
        }
    }

    #[test]
    fn table() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        for (a, b) in [
            ("1", "4"),
            ("1", "2"),
            ("1.00", "8"),
            ("2.00", "8"),
            ("1", "3"),
            ("3.47", "4"),
            ("0.75", "4"),
            ("10", "4"),
            ("-1", "4"),
            ("1", "-4"),
            ("5", "1"),
            ("1.5", "0.5"),
            ("1", "7"),
            ("123456789", "1024"),
            ("1", "1048576"),
            ("0.01", "3"),
            ("0", "0"),
            ("0.00", "0"),
            ("0", "0.00"),
            ("1.5", "0"),
            ("1.5", "0.000"),
            ("0", "1.5"),
            ("0.000", "1.5"),
            ("-1.5", "0"),
            ("-0", "0"),
            ("-0.0", "2"),
            ("2", "-0.00"),
            ("-2.5", "-0"),
            ("0", "-0"),
        ] {
            let (a, b) = (d(a), d(b));
            assert!(same(checked_div(a, b), a.checked_div(b)), "{a} / {b}");
        }
        for (a, p) in [
            ("0.125", 2),
            ("0.124", 2),
            ("-0.125", 2),
            ("0.005", 2),
            ("0.004", 2),
            ("-0.004", 2),
            ("2.675", 2),
            ("0.00", 1),
        ] {
            let a = d(a);
            let r =
                a.round_dp_with_strategy(p, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            assert!(same(Some(round(a, p)), Some(r)), "round({a}, {p})");
        }
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

        /// Mantissas around 2³¹ and scales 9 apart or less: the no-128-bit path and its edges.
        #[test]
        fn small_mantissas_agree(a in -(1i64 << 33)..(1i64 << 33), sa in 0u32..12, b in -(1i64 << 33)..(1i64 << 33), sb in 0u32..12) {
            let (x, y) = (Decimal::new(a, sa), Decimal::new(b, sb));
            prop_assert_eq!(cmp(x, y), x.cmp(&y));
            prop_assert_eq!(small(x), i64::try_from(x.mantissa()).ok());
        }
    }

    #[test]
    fn parts_read_as_the_mantissa() {
        let mut neg_zero = Decimal::new(0, 2);
        neg_zero.set_sign_negative(true);
        for d in [
            Decimal::ZERO,
            neg_zero,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(i64::MAX, 3),
            Decimal::new(i64::MIN, 3),
            Decimal::new(-1, 28),
            Decimal::from(u64::MAX),
        ] {
            assert_eq!(
                small(d),
                i64::try_from(d.mantissa()).ok().filter(|m| *m != i64::MIN),
                "{d}"
            );
            assert_eq!(cmp(d, Decimal::ZERO), d.cmp(&Decimal::ZERO), "{d}");
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

impl Text {
    /// The text, built right to left in a stack buffer: at most 29 digits, 28 zeros after
    /// `0.`, a point and a sign.
    pub(crate) fn bytes(self) -> ([u8; 64], usize) {
        let m = self.0.mantissa();
        let mut scale = if m == 0 { 0 } else { self.0.scale() as usize };
        let mut buf = [0u8; 64];
        let mut at = buf.len();
        let mut put = |b: u8| {
            at -= 1;
            if let Some(slot) = buf.get_mut(at) {
                *slot = b;
            }
        };
        let mut u = m.unsigned_abs();
        let mut n = 0;
        // Digits, right to left; u64 arithmetic whenever the mantissa fits (the usual case).
        if let Ok(mut small) = u64::try_from(u) {
            while scale > 0 && small % 10 == 0 && small != 0 {
                small /= 10;
                scale -= 1;
            }
            loop {
                if n == scale && scale > 0 {
                    put(b'.');
                }
                put(b'0' + (small % 10) as u8);
                n += 1;
                small /= 10;
                if small == 0 && n > scale {
                    break;
                }
            }
        } else {
            while scale > 0 && u % 10 == 0 {
                u /= 10;
                scale -= 1;
            }
            loop {
                if n == scale && scale > 0 {
                    put(b'.');
                }
                put(b'0' + (u % 10) as u8);
                n += 1;
                u /= 10;
                if u == 0 && n > scale {
                    break;
                }
            }
        }
        if m < 0 {
            put(b'-');
        }
        (buf, at)
    }

    /// Appends the text to `out` (what `Display` writes, without the formatting machinery).
    pub(crate) fn push_to(self, out: &mut String) {
        let (buf, at) = self.bytes();
        out.push_str(std::str::from_utf8(buf.get(at..).unwrap_or_default()).unwrap_or("?"));
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (buf, at) = self.bytes();
        f.write_str(std::str::from_utf8(buf.get(at..).unwrap_or_default()).unwrap_or("?"))
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

        #[test]
        fn wide_same_as_normalize(hi in any::<u32>(), mid in any::<u32>(), lo in any::<u32>(), neg in any::<bool>(), s in 0u32..=28) {
            let d = Decimal::from_parts(lo, mid, hi, neg, s);
            let mut pushed = String::from("x");
            Text(d).push_to(&mut pushed);
            let want = d.normalize().to_string();
            prop_assert_eq!(pushed.strip_prefix('x'), Some(want.as_str()));
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
            ("-0.000", "0"),
            (
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000001",
            ),
            (
                "-7922816251426433759354395033.5",
                "-7922816251426433759354395033.5",
            ),
        ] {
            assert_eq!(Text(d.parse().unwrap()).to_string(), t);
        }
        assert_eq!(Text(Decimal::MAX).to_string(), Decimal::MAX.to_string());
    }
}
