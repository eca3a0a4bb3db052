//! Unit data readers: JSON, YAML (a unit, a list of units, or `units: [...]`) and CSV.

mod csv;
mod tree;

pub use tree::UNIT_KEYS;

use std::path::Path;

use crate::error::{Code, Diagnostic, Error, Pos};
use crate::unit::Unit;

/// A data file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    /// JSON.
    Json,
    /// YAML.
    Yaml,
    /// CSV (`,`, `;` or tab, detected).
    Csv,
}

impl DataFormat {
    /// The format for a file name's extension (`.json`, `.yaml`, `.yml`, `.csv`).
    pub fn from_path(path: &Path) -> Option<DataFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(DataFormat::Json),
            "yaml" | "yml" => Some(DataFormat::Yaml),
            "csv" | "tsv" | "txt" => Some(DataFormat::Csv),
            _ => None,
        }
    }

    /// From a name: `json`, `yaml`/`yml`, `csv`.
    pub fn parse(name: &str) -> Option<DataFormat> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(DataFormat::Json),
            "yaml" | "yml" => Some(DataFormat::Yaml),
            "csv" | "tsv" => Some(DataFormat::Csv),
            _ => None,
        }
    }
}

pub(crate) fn data_error(code: Code, origin: &str, pos: Pos, msg: impl Into<String>) -> Error {
    Error::Data(Box::new(Diagnostic::new(code, origin, pos, msg)))
}

/// Reads units from text. Problems of one unit are kept in that unit; only a file that cannot
/// be read as units at all is an error.
pub fn read_units(text: &str, format: DataFormat, origin: &str) -> Result<Vec<Unit>, Error> {
    match format {
        DataFormat::Json | DataFormat::Yaml => tree::read(text, origin),
        DataFormat::Csv => csv::read(text, origin),
    }
}

/// Reads units from bytes (UTF-8, a leading BOM ignored).
pub fn read_units_bytes(
    bytes: &[u8],
    format: DataFormat,
    origin: &str,
) -> Result<Vec<Unit>, Error> {
    let text = crate::syntax::utf8(bytes).map_err(|pos| {
        data_error(
            Code::NotUtf8,
            origin,
            pos,
            "the data file is not UTF-8 text; save it (or export it from Excel) as UTF-8",
        )
    })?;
    read_units(text, format, origin)
}

/// Reads units from a file, the format from its extension.
pub fn read_units_file(path: impl AsRef<Path>) -> Result<Vec<Unit>, Error> {
    let path = path.as_ref();
    let origin = path.display().to_string();
    let format = DataFormat::from_path(path).ok_or_else(|| {
        data_error(
            Code::DataShape,
            &origin,
            Pos::default(),
            "cannot tell the data format from the file name; use .json, .yaml, .yml or .csv",
        )
    })?;
    let bytes = std::fs::read(path).map_err(|e| {
        data_error(
            Code::Io,
            &origin,
            Pos::default(),
            format!("cannot read `{origin}`: {e}"),
        )
    })?;
    read_units_bytes(&bytes, format, &origin)
}
