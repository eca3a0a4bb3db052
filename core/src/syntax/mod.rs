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
