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

/// Most items [`list`] writes out.
const LIST_MAX: usize = 20;

/// `a, b, c` for messages, with at most 20 items (`…, and 80 more` after them), so that a
/// message never echoes a whole hostile list.
pub(crate) fn list<S: AsRef<str>>(items: &[S]) -> String {
    let mut out: Vec<&str> = items.iter().take(LIST_MAX).map(AsRef::as_ref).collect();
    let more = items.len().saturating_sub(LIST_MAX);
    let tail = format!("… and {more} more");
    if more > 0 {
        out.push(&tail);
    }
    out.join(", ")
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

    #[test]
    fn lists_are_clipped() {
        assert_eq!(list(&["a", "b"]), "a, b");
        let many: Vec<String> = (0..25).map(|i| i.to_string()).collect();
        let l = list(&many);
        assert!(l.starts_with("0, 1, 2"), "{l}");
        assert!(l.ends_with("19, … and 5 more"), "{l}");
    }
}
