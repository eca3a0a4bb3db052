//! Reading YAML (and JSON, which is YAML) into a tree that remembers where each node starts.
//!
//! The YAML library is used in this module only (`yaml.rs`), so that it can be replaced in one
//! place. See `docs/decisions.md` for why it is not `serde_yaml`.

mod number;
mod reader;
mod yaml;

pub use number::{parse_decimal, NumberError};
pub use reader::{suggest, MapReader};
pub use yaml::{parse, Limits, Node, Style, Value};

/// The text of UTF-8 bytes (a leading BOM is kept for the parsers to skip), or the position of
/// the first invalid byte.
pub fn utf8(bytes: &[u8]) -> Result<&str, crate::error::Pos> {
    std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() as u32 + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() as u32 + 1;
        crate::error::Pos { line, column }
    })
}
