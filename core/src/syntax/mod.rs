//! Reading YAML (and JSON, which is YAML) into a tree that remembers where each node starts.
//!
//! The YAML library is used in this module only (`yaml.rs`), so that it can be replaced in one
//! place. See `docs/decisions.md` for why it is not a serde YAML crate.

mod json;
mod number;
mod reader;
mod yaml;

pub(crate) use json::parse as parse_json;
pub(crate) use number::{NumberError, parse_decimal};
pub(crate) use reader::{MapReader, suggest};
pub(crate) use yaml::{Limits, Node, Style, Value, parse};

use crate::error::Pos;

/// The text of UTF-8 bytes (a leading BOM is kept for the parsers to skip), or the position of
/// the first invalid byte.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, Pos> {
    std::str::from_utf8(bytes).map_err(|e| pos_at(bytes, e.valid_up_to()))
}

/// `n` as a `u32`, saturating: counts here are bounded by the file-size limit, far below it.
pub(crate) fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The 1-based ordinal (line, column, rank) of 0-based `n`, saturating.
pub(crate) fn ordinal(n: usize) -> u32 {
    clamp_u32(n).saturating_add(1)
}

/// The line and column (in characters) of byte offset `at` of `bytes`.
fn pos_at(bytes: &[u8], at: usize) -> Pos {
    let before = bytes.get(..at).unwrap_or(bytes);
    let line = ordinal(before.iter().filter(|b| **b == b'\n').count());
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    // Count characters, not bytes: continuation bytes (10xxxxxx) do not start a character.
    let column = ordinal(
        before
            .get(line_start..)
            .unwrap_or_default()
            .iter()
            .filter(|b| (**b & 0xC0) != 0x80)
            .count(),
    );
    Pos { line, column }
}

/// The first control character of `text` other than tab, LF and CR (C0 controls, DEL and the
/// C1 controls U+0080–U+009F), with its position. Such characters are never meant in a rule or
/// data file: a NUL byte, for instance, makes some readers stop early and drop the rest.
pub(crate) fn find_control(text: &str) -> Option<(Pos, char)> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let found = match b {
            b'\t' | b'\n' | b'\r' => None,
            0..=0x1F | 0x7F => Some(char::from(b)),
            // U+0080–U+009F are encoded as C2 80 – C2 9F.
            0xC2 => match bytes.get(i + 1) {
                Some(&n @ 0x80..=0x9F) => char::from_u32(u32::from(n)),
                _ => None,
            },
            _ => None,
        };
        if let Some(c) = found {
            return Some((pos_at(bytes, i), c));
        }
    }
    None
}

/// The sentence and help for a control character found by [`find_control`].
pub(crate) fn control_message(c: char) -> (crate::Message, crate::Message) {
    (
        crate::msg!(
            "load-control-character",
            code = format!("U+{:04X}", u32::from(c))
        ),
        crate::msg!("load-control-character-help"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_saturate_instead_of_wrapping() {
        assert_eq!(ordinal(0), 1);
        assert_eq!(ordinal(41), 42);
        assert_eq!(clamp_u32(7), 7);
        #[cfg(target_pointer_width = "64")]
        {
            assert_eq!(ordinal(usize::MAX), u32::MAX);
            assert_eq!(ordinal(u32::MAX as usize), u32::MAX);
            assert_eq!(clamp_u32(u32::MAX as usize + 1), u32::MAX);
        }
    }

    #[test]
    fn control_characters_are_found_with_their_place() {
        assert_eq!(find_control("a: 1\n\tb: \"x\"\r\n"), None);
        assert_eq!(
            find_control("a: 1\nbé: x\0y"),
            Some((Pos { line: 2, column: 6 }, '\0'))
        );
        assert_eq!(
            find_control("x\u{7f}"),
            Some((Pos { line: 1, column: 2 }, '\u{7f}'))
        );
        assert_eq!(
            find_control("ệ\u{85}"),
            Some((Pos { line: 1, column: 2 }, '\u{85}'))
        );
        // U+00A0 (C2 A0) is not a control character.
        assert_eq!(find_control("a\u{a0}b"), None);
        assert_eq!(
            find_control("\u{b}"),
            Some((Pos { line: 1, column: 1 }, '\u{b}'))
        );
    }

    #[test]
    fn utf8_positions_count_characters() {
        assert_eq!(utf8(b"ab\n\xc3\xa9\xff"), Err(Pos { line: 2, column: 2 }));
    }
}
