//! Unit data readers: JSON, YAML (a unit, a list of units, or `units: [...]`) and CSV.
//!
//! Limits: a data file holds at most [`MAX_DATA_FILE_BYTES`] (256 MiB) and is never read
//! past that; no control character other than tab, CR and LF; YAML aliases add at most
//! 1,000,000 nodes and 64 MiB; nesting at most 64 levels. A problem of one unit (a key written
//! twice, a wrong shape, an unknown key) stays in that unit, with its place in the file.
//!
//! [`unit_chunks`] hands the units out a chunk at a time (CSV units are built from their rows
//! when asked for, never all at once), for batches too large to hold.

mod csv;
#[cfg(feature = "render")]
pub(crate) use csv::detect as csv_delimiter;
#[cfg(feature = "xlsx")]
mod export;
mod tree;
#[cfg(feature = "xlsx")]
pub use export::units_json;
#[cfg(feature = "xlsx")]
mod xlsx;
#[cfg(feature = "xlsx")]
pub(crate) use xlsx::column_letters;
#[cfg(feature = "xlsx")]
pub use xlsx::{ArchiveLimits, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, is_workbook_path};

pub use csv::criterion_column;
pub use tree::{ROUND_KEYS, UNIT_KEYS};

use std::path::Path;

use crate::error::{Code, Diagnostic, Error, Pos};
use crate::i18n::Arg;
use crate::msg;
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

pub(crate) fn data_error(code: Code, origin: &str, pos: Pos, msg: crate::Message) -> Error {
    Error::Data(Box::new(Diagnostic::new(code, origin, pos, msg)))
}

/// Reads units from text. Problems of one unit are kept in that unit; only a file that cannot
/// be read as units at all is an error (including a control character such as NUL anywhere).
pub fn read_units(text: &str, format: DataFormat, origin: &str) -> Result<Vec<Unit>, Error> {
    if text.len() > MAX_DATA_FILE_BYTES {
        return Err(read_error(origin, ReadError::TooLarge));
    }
    match format {
        DataFormat::Json | DataFormat::Yaml => tree::read(text, origin),
        DataFormat::Csv => csv::read(text, origin),
    }
}

/// Reads the unit of a JSON or YAML text that holds one unit; `Ok(None)` when it holds a list
/// or `{units: [...]}` (a batch, even of one unit). Errors as [`read_units`].
///
/// ```
/// use cchc::data::read_one_unit;
/// assert!(read_one_unit(r#"{"id": "a", "values": {}}"#, "u.json")?.is_some());
/// assert!(read_one_unit(r#"[{"id": "a"}]"#, "u.json")?.is_none());
/// assert!(read_one_unit(r#"{"units": [{"id": "a"}]}"#, "u.json")?.is_none());
/// // YAML too (the JSON reader gives way to it): a flow list is a batch.
/// assert!(read_one_unit("[{id: a}]", "u.json")?.is_none());
/// assert!(read_one_unit("{id: a, values: {x: 1}}", "u.json")?.is_some());
/// # Ok::<(), cchc::Error>(())
/// ```
pub fn read_one_unit(text: &str, origin: &str) -> Result<Option<Unit>, Error> {
    if text.len() > MAX_DATA_FILE_BYTES {
        return Err(read_error(origin, ReadError::TooLarge));
    }
    tree::read_one(text, origin)
}

/// Puts units together from rows that name their rounds (a CSV file's or a data frame's rows,
/// each read as a unit, with its `round` cell):
///
/// - a row naming a round whose unit id is the previous row's (compared in Unicode NFC)
///   continues that unit: it becomes that round's data (values, `points`, `notes`, a non-empty
///   `not_applicable` list), and its empty cells are dropped — unchanged from the round before;
///   its evidence, explanations and self-assessed marks are added to the unit's;
/// - any other row starts a unit: with a round named, its data is that round's; without, the
///   first round's (top level), as in a file without rounds.
///
/// ```
/// use cchc::{read_units, DataFormat};
/// let units = read_units("id;round;p\na;tu_cham;95\na;tham_dinh;80\nb;;70\n", DataFormat::Csv, "d.csv")?;
/// assert_eq!(units.len(), 2);
/// assert_eq!(units[0].rounds.len(), 2);
/// assert_eq!(units[0].rounds[1].id, "tham_dinh");
/// assert!(units[1].rounds.is_empty());
/// # Ok::<(), cchc::Error>(())
/// ```
pub fn fold_round_rows(rows: Vec<(Unit, Option<String>)>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for (mut u, round) in rows {
        let Some(round) = round else {
            out.push(u);
            continue;
        };
        // Values by slot become the round's values by name.
        u.name_slots();
        let same = |prev: &Unit| match (&prev.id, &u.id) {
            (Some(a), Some(b)) => crate::text::nfc_cow(a) == crate::text::nfc_cow(b),
            _ => false,
        };
        let mut r = crate::unit::UnitRound::new(round);
        r.at = u.at;
        match out.last_mut().filter(|prev| same(prev)) {
            Some(prev) => {
                for (v, at) in std::mem::take(&mut u.values)
                    .into_iter()
                    .zip(u.value_at.iter().copied().chain(std::iter::repeat(None)))
                {
                    if !is_empty_cell(&v.1) {
                        r.values.push(v);
                        r.value_at.push(at);
                    }
                }
                r.points = std::mem::take(&mut u.points);
                r.notes = std::mem::take(&mut u.notes);
                if !u.not_applicable.is_empty() {
                    r.not_applicable = Some(std::mem::take(&mut u.not_applicable));
                }
                prev.evidence.append(&mut u.evidence);
                prev.explanations.append(&mut u.explanations);
                prev.self_assessed.append(&mut u.self_assessed);
                prev.problems.append(&mut u.problems);
                prev.rounds.push(r);
            }
            None => {
                r.values = std::mem::take(&mut u.values);
                r.value_at = std::mem::take(&mut u.value_at);
                r.points = std::mem::take(&mut u.points);
                r.notes = std::mem::take(&mut u.notes);
                r.not_applicable = Some(std::mem::take(&mut u.not_applicable));
                u.rounds.push(r);
                out.push(u);
            }
        }
    }
    out
}

/// An empty (or `null`) cell.
fn is_empty_cell(v: &crate::inputs::RawValue) -> bool {
    match v {
        crate::inputs::RawValue::Cell(c) => c.trim().is_empty(),
        crate::inputs::RawValue::Null => true,
        _ => false,
    }
}

/// The text of a data file's bytes: at most [`MAX_DATA_FILE_BYTES`], UTF-8 (a leading BOM
/// ignored).
fn data_text<'a>(bytes: &'a [u8], origin: &str) -> Result<&'a str, Error> {
    if bytes.len() > MAX_DATA_FILE_BYTES {
        return Err(read_error(origin, ReadError::TooLarge));
    }
    crate::syntax::utf8(bytes)
        .map_err(|pos| data_error(Code::NotUtf8, origin, pos, msg!("unit-data-not-utf8")))
}

/// Reads units from bytes (UTF-8, a leading BOM ignored), at most [`MAX_DATA_FILE_BYTES`].
pub fn read_units_bytes(
    bytes: &[u8],
    format: DataFormat,
    origin: &str,
) -> Result<Vec<Unit>, Error> {
    let text = data_text(bytes, origin)?;
    read_units(text, format, origin)
}

/// The units of a data file, handed out a chunk at a time so that a large batch never holds
/// them all: for CSV, only the file's text and each unit's id stay in memory and the units of
/// a chunk are built from their rows when asked for; JSON and YAML are parsed whole (their
/// units are kept).
///
/// Made by [`unit_chunks`], which reads the whole file once: every error that would refuse the
/// file (a row that cannot be read, no units) is found there, so handing out the chunks later
/// does not fail. The units are the ones [`read_units_bytes`] returns, in the same order.
pub struct UnitChunks<'a> {
    origin: String,
    source: Source<'a>,
}

impl std::fmt::Debug for UnitChunks<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnitChunks")
            .field("origin", &self.origin)
            .field("units", &self.len())
            .finish_non_exhaustive()
    }
}

enum Source<'a> {
    /// A CSV table and the id of each row's unit.
    Csv(csv::Table<'a>, Vec<Option<String>>),
    /// Units parsed whole.
    Units(Vec<Unit>),
    /// A workbook's sheet and the id of each row's unit.
    #[cfg(feature = "xlsx")]
    Workbook(xlsx::Table<'a>, Vec<Option<String>>),
}

/// Reads the units of a workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`; at most
/// [`MAX_DATA_FILE_BYTES`]): the sheet named `sheet` (compared as written, then in NFC without
/// regard to case), or the first. The header and cells are read as in CSV; see
/// `docs/format.md` §13.
///
/// # Errors
/// `unreadable_workbook` (not a workbook, encrypted, damaged, beyond the sheet limits),
/// `unknown_sheet` (naming the sheets there are), `empty_csv` (no header, or no rows),
/// `duplicate_key` (a column named twice).
#[cfg(feature = "xlsx")]
pub fn read_workbook(bytes: &[u8], origin: &str, sheet: Option<&str>) -> Result<Vec<Unit>, Error> {
    if bytes.len() > MAX_DATA_FILE_BYTES {
        return Err(read_error(origin, ReadError::TooLarge));
    }
    xlsx::read(bytes, origin, sheet)
}

/// [`unit_chunks`] for a workbook's sheet (see [`read_workbook`]): an `.xlsx` sheet is
/// streamed twice (once to check it and keep each unit's id, then a chunk at a time); the
/// workbook's bytes stay borrowed.
///
/// # Errors
/// Those of [`read_workbook`].
#[cfg(feature = "xlsx")]
pub fn workbook_chunks<'a>(
    bytes: &'a [u8],
    origin: &str,
    sheet: Option<&str>,
) -> Result<UnitChunks<'a>, Error> {
    if bytes.len() > MAX_DATA_FILE_BYTES {
        return Err(read_error(origin, ReadError::TooLarge));
    }
    let table = xlsx::table(bytes, origin, sheet)?;
    let source = if table.has_rounds() {
        Source::Units(fold_round_rows(table.rows(origin)?))
    } else {
        let ids = table.ids(origin)?;
        Source::Workbook(table, ids)
    };
    Ok(UnitChunks {
        origin: origin.to_string(),
        source,
    })
}

/// Reads units from bytes (UTF-8, a leading BOM ignored; at most [`MAX_DATA_FILE_BYTES`]) to be
/// handed out a chunk at a time: see [`UnitChunks`]. The errors are those of
/// [`read_units_bytes`].
pub fn unit_chunks<'a>(
    bytes: &'a [u8],
    format: DataFormat,
    origin: &str,
) -> Result<UnitChunks<'a>, Error> {
    let text = data_text(bytes, origin)?;
    let source = match format {
        DataFormat::Json | DataFormat::Yaml => Source::Units(tree::read(text, origin)?),
        DataFormat::Csv => {
            let table = csv::table(text, origin)?;
            if table.has_rounds() {
                Source::Units(fold_round_rows(table.rows(origin)?))
            } else {
                let ids = table.ids(origin)?;
                Source::Csv(table, ids)
            }
        }
    };
    Ok(UnitChunks {
        origin: origin.to_string(),
        source,
    })
}

impl UnitChunks<'_> {
    /// How many units there are.
    pub fn len(&self) -> usize {
        match &self.source {
            Source::Csv(_, ids) => ids.len(),
            Source::Units(units) => units.len(),
            #[cfg(feature = "xlsx")]
            Source::Workbook(_, ids) => ids.len(),
        }
    }

    /// True without units (never, for a file that was read).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each unit's id, in order (`None` for a unit without one), without building the units.
    pub fn ids(&self) -> Vec<Option<&str>> {
        match &self.source {
            Source::Csv(_, ids) => ids.iter().map(Option::as_deref).collect(),
            #[cfg(feature = "xlsx")]
            Source::Workbook(_, ids) => ids.iter().map(Option::as_deref).collect(),
            Source::Units(units) => units.iter().map(|u| u.id.as_deref()).collect(),
        }
    }

    /// Calls `each` with the units, at most `chunk` (at least 1) at a time, in order; stops at
    /// the first error `each` returns. The units of a chunk are dropped after `each` returns.
    ///
    /// # Errors
    /// What `each` returns; a read error (converted with `From`) only if the text could not be
    /// read again as it was by [`unit_chunks`], which does not happen.
    pub fn for_each<E: From<Error>>(
        &self,
        chunk: usize,
        each: impl FnMut(&[Unit]) -> Result<(), E>,
    ) -> Result<(), E> {
        self.each_chunk(chunk, E::from, each)
    }

    /// [`Self::for_each`] with read errors converted by `fail`.
    pub(crate) fn each_chunk<E>(
        &self,
        chunk: usize,
        fail: impl Fn(Error) -> E,
        mut each: impl FnMut(&[Unit]) -> Result<(), E>,
    ) -> Result<(), E> {
        let chunk = chunk.max(1);
        match &self.source {
            Source::Csv(table, _) => {
                table.chunks(&self.origin, chunk, fail, |units| each(units))?;
            }
            #[cfg(feature = "xlsx")]
            Source::Workbook(table, _) => {
                table.chunks(&self.origin, chunk, &fail, &mut |units| each(units))?;
            }
            Source::Units(units) => {
                for c in units.chunks(chunk) {
                    each(c)?;
                }
            }
        }
        Ok(())
    }
}

/// Reads units from bytes and calls `each` with them, at most `chunk` at a time: see
/// [`unit_chunks`] and [`UnitChunks::for_each`]. Nothing is handed to `each` when the file is
/// refused.
///
/// # Errors
/// The file's read errors (those of [`read_units_bytes`]), or what `each` returns.
pub fn for_each_unit_chunk<E: From<Error>>(
    bytes: &[u8],
    format: DataFormat,
    origin: &str,
    chunk: usize,
    each: impl FnMut(&[Unit]) -> Result<(), E>,
) -> Result<(), E> {
    unit_chunks(bytes, format, origin)?.for_each(chunk, each)
}

/// Largest data file, in bytes (256 MiB). A larger file is refused with `file_too_large`
/// after reading at most one byte more than this.
pub const MAX_DATA_FILE_BYTES: usize = 256 * 1024 * 1024;

/// Why [`read_bounded`] returned no bytes.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The source cannot be read.
    #[error("{0}")]
    Io(std::io::Error),
    /// The source holds more than the limit.
    #[error("the file is larger than the limit")]
    TooLarge,
}

/// Reads all of `source`, but never more than `limit + 1` bytes: a source over `limit`
/// (`/dev/zero`, a huge upload) is refused without being read to its end.
pub fn read_bounded(source: impl std::io::Read, limit: usize) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    source
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// Reads the file at `path` with [`read_bounded`] (the path is opened, never stat-ed for its
/// size, so pipes and devices are bounded too).
pub fn read_file_bounded(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    read_bounded(file, limit)
}

impl ReadError {
    /// The error of the data file `origin` (`io` or `file_too_large`), as the `read_units*`
    /// functions report it.
    pub fn into_error(self, origin: &str) -> Error {
        read_error(origin, self)
    }
}

fn read_error(origin: &str, e: ReadError) -> Error {
    match e {
        ReadError::Io(e) => data_error(
            Code::Io,
            origin,
            Pos::default(),
            msg!(
                "unit-data-io",
                file = Arg::ident(origin),
                why = e.to_string()
            ),
        ),
        ReadError::TooLarge => Error::Data(Box::new(
            Diagnostic::new(
                Code::FileTooLarge,
                origin,
                Pos::default(),
                msg!(
                    "unit-data-too-large",
                    mib = MAX_DATA_FILE_BYTES / (1024 * 1024)
                ),
            )
            .with_help(msg!("unit-data-too-large-help")),
        )),
    }
}

/// Reads units from a reader (e.g. standard input), at most [`MAX_DATA_FILE_BYTES`].
pub fn read_units_reader(
    source: impl std::io::Read,
    format: DataFormat,
    origin: &str,
) -> Result<Vec<Unit>, Error> {
    let bytes = read_bounded(source, MAX_DATA_FILE_BYTES).map_err(|e| read_error(origin, e))?;
    read_units_bytes(&bytes, format, origin)
}

/// Reads units from a file, the format from its extension (a workbook's first sheet, with the
/// `xlsx` feature); at most [`MAX_DATA_FILE_BYTES`].
pub fn read_units_file(path: impl AsRef<Path>) -> Result<Vec<Unit>, Error> {
    let path = path.as_ref();
    let origin = path.display().to_string();
    #[cfg(feature = "xlsx")]
    if is_workbook_path(path) {
        let bytes =
            read_file_bounded(path, MAX_DATA_FILE_BYTES).map_err(|e| read_error(&origin, e))?;
        return read_workbook(&bytes, &origin, None);
    }
    let format = DataFormat::from_path(path).ok_or_else(|| {
        data_error(
            Code::DataShape,
            &origin,
            Pos::default(),
            msg!("unit-data-unknown-format"),
        )
    })?;
    let bytes = read_file_bounded(path, MAX_DATA_FILE_BYTES).map_err(|e| read_error(&origin, e))?;
    read_units_bytes(&bytes, format, &origin)
}
