//! Shared text helpers: Unicode normalisation of names and ids.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// NFC form of a text (ids, input names and options are compared in NFC).
pub(crate) fn nfc(s: &str) -> String {
    if s.is_ascii() {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

/// NFC form of a text, borrowed when it is ASCII (already normalised).
pub(crate) fn nfc_cow(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_vietnamese() {
        // "ệ" written as e + combining circumflex + combining dot below.
        let decomposed = "Ki\u{0065}\u{0302}\u{0323}m";
        assert_eq!(nfc(decomposed), "Kiệm");
        assert_eq!(nfc_cow(decomposed), "Kiệm");
        assert!(matches!(nfc_cow("ascii"), Cow::Borrowed("ascii")));
    }
}
