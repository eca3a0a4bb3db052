//! Units from workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`; read with calamine): one sheet (the
//! first, or one named), read through the same header logic as CSV ([`super::csv::put_cell`]).
//!
//! - The header is the first non-empty row. When that row has no `id` cell and the next
//!   non-empty row has one, the next row is the header and the first a row of labels for
//!   people (the data-entry template's layout: labels in row 1, names in row 2).
//! - Typed cells: a number becomes its shortest round-trip text (92.35 → `92.35`, 3.0 → `3`),
//!   read like a CSV cell; a boolean is a boolean; text is read like a CSV cell; an empty cell
//!   is missing; a formula gives its cached value; a date or time and an error cell (`#DIV/0!`)
//!   are that unit's invalid value (`xlsx_cell`, naming the cell: `Sheet1!D7`).
//! - `.xlsx` sheets are streamed cell by cell (calamine's cell reader): the units are built a
//!   chunk at a time, the workbook's bytes and its shared strings stay in memory. `.xls` and
//!   `.ods` sheets are read whole.
//! - Limits: the data file's size (256 MiB), Excel's sheet size (1,048,576 rows, 16,384
//!   columns: a cell beyond is `unreadable_workbook`), 32,767 characters in a cell (Excel's;
//!   a longer cell is the unit's `xlsx_cell` value).
//! - A zip workbook (`.xlsx`, `.ods`) is checked before calamine reads it: its parts' number,
//!   declared and real unpacked sizes and compression ratios, against [`ArchiveLimits`] (zip
//!   bombs; `unreadable_workbook`).

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Reader};
use unicode_normalization::UnicodeNormalization;

use crate::error::{Code, Diagnostic, Error, Label, Pos};
use crate::i18n::Arg;
use crate::inputs::RawValue;
use crate::msg;
use crate::unit::Unit;

use super::csv::{CellValue, put_cell};

mod archive;
pub use archive::ArchiveLimits;

/// Most rows of a sheet (Excel's).
pub const MAX_ROWS: u32 = 1_048_576;
/// Most columns of a sheet (Excel's).
pub const MAX_COLUMNS: u32 = 16_384;
/// Most characters in a cell (Excel's).
pub const MAX_CELL_CHARS: usize = 32_767;

/// True for the extensions read as workbooks: `.xlsx`, `.xlsm`, `.xls`, `.ods`.
pub fn is_workbook_path(path: &std::path::Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "xlsx" | "xlsm" | "xls" | "ods"
        )
    })
}

/// A cell as read, before it meets its column.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    /// Text, or a number as its shortest text.
    Text(String),
    /// A boolean.
    Bool(bool),
    /// A cell that cannot be a value: the code and why (naming the cell).
    Bad(Code, crate::Message),
}

impl Val {
    fn raw(self) -> RawValue {
        match self {
            Val::Text(t) => RawValue::Cell(t),
            Val::Bool(b) => RawValue::Bool(b),
            Val::Bad(c, m) => RawValue::Invalid(c, m),
        }
    }

    /// The cell's text as a header.
    fn header(&self) -> String {
        match self {
            Val::Text(t) => t.trim().to_string(),
            Val::Bool(b) => b.to_string(),
            Val::Bad(..) => String::new(),
        }
    }
}

/// A column's letters (`A`, `Z`, `AA`, … `XFD`) from its index (from 0).
pub(crate) fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// A cell's address for people: `Sheet1!D7` (the sheet quoted when it has spaces or
/// punctuation: `'Nhập liệu'!D7`).
pub(crate) fn address(sheet: &str, row: u32, col: u32) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    let sheet = if plain {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    };
    format!("{sheet}!{}{}", column_letters(col), u64::from(row) + 1)
}

/// A float's shortest round-trip text (Rust's `Display`: never an exponent).
fn float_text(f: f64) -> Option<String> {
    f.is_finite().then(|| format!("{f}"))
}

fn text_cell(t: &str, sheet: &str, row: u32, col: u32) -> Option<Val> {
    if t.trim().is_empty() {
        return None;
    }
    if t.chars().nth(MAX_CELL_CHARS).is_some() {
        return Some(Val::Bad(
            Code::XlsxCell,
            msg!(
                "xlsx-cell-too-long",
                cell = Arg::ident(address(sheet, row, col)),
                max = MAX_CELL_CHARS
            ),
        ));
    }
    Some(Val::Text(t.to_string()))
}

fn date_cell(sheet: &str, row: u32, col: u32) -> Val {
    Val::Bad(
        Code::XlsxCell,
        msg!(
            "xlsx-cell-date",
            cell = Arg::ident(address(sheet, row, col))
        ),
    )
}

fn error_cell(e: &calamine::CellErrorType, sheet: &str, row: u32, col: u32) -> Val {
    Val::Bad(
        Code::XlsxCell,
        msg!(
            "xlsx-cell-error",
            cell = Arg::ident(address(sheet, row, col)),
            error = Arg::ident(e.to_string())
        ),
    )
}

fn number_cell(f: f64, sheet: &str, row: u32, col: u32) -> Val {
    match float_text(f) {
        Some(t) => Val::Text(t),
        None => Val::Bad(
            Code::NotFinite,
            msg!(
                "xlsx-cell-not-finite",
                cell = Arg::ident(address(sheet, row, col))
            ),
        ),
    }
}

/// A streamed cell (`.xlsx`); `None` when empty.
fn from_ref(d: &DataRef<'_>, sheet: &str, row: u32, col: u32) -> Option<Val> {
    Some(match d {
        DataRef::Empty => return None,
        DataRef::Int(i) => Val::Text(i.to_string()),
        DataRef::Float(f) => number_cell(*f, sheet, row, col),
        DataRef::String(s) => return text_cell(s, sheet, row, col),
        DataRef::SharedString(s) => return text_cell(s, sheet, row, col),
        DataRef::Bool(b) => Val::Bool(*b),
        DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_) => {
            date_cell(sheet, row, col)
        }
        DataRef::Error(e) => error_cell(e, sheet, row, col),
    })
}

/// A cell of a sheet read whole (`.xls`, `.ods`); `None` when empty.
fn from_data(d: &Data, sheet: &str, row: u32, col: u32) -> Option<Val> {
    Some(match d {
        Data::Empty => return None,
        Data::Int(i) => Val::Text(i.to_string()),
        Data::Float(f) => number_cell(*f, sheet, row, col),
        Data::String(s) => return text_cell(s, sheet, row, col),
        Data::Bool(b) => Val::Bool(*b),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            date_cell(sheet, row, col)
        }
        Data::Error(e) => error_cell(e, sheet, row, col),
    })
}

/// The kind of workbook, told from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Office Open XML (`.xlsx`, `.xlsm`): streamed.
    Xlsx,
    /// Anything else calamine reads (`.xls`, `.ods`, `.xlsb`): read whole.
    Other,
}

/// A workbook's bytes, the kind and the sheet to read.
struct Book<'a> {
    bytes: &'a [u8],
    kind: Kind,
    sheet: String,
}

/// The error of a workbook that cannot be read.
fn unreadable(origin: &str, why: impl std::fmt::Display) -> Error {
    Error::Data(Box::new(
        Diagnostic::new(
            Code::UnreadableWorkbook,
            origin,
            Pos::default(),
            msg!(
                "xlsx-unreadable",
                file = Arg::ident(origin),
                why = why.to_string()
            ),
        )
        .with_help(msg!("xlsx-unreadable-help")),
    ))
}

/// True for an encrypted (password-protected) Office file: a compound file holding an
/// `EncryptedPackage` stream.
fn encrypted(bytes: &[u8]) -> bool {
    const CFB: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if !bytes.starts_with(&CFB) {
        return false;
    }
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

impl<'a> Book<'a> {
    /// Opens the workbook and picks the sheet (`None`: the first).
    fn open(bytes: &'a [u8], origin: &str, sheet: Option<&str>) -> Result<Book<'a>, Error> {
        if encrypted(bytes) {
            return Err(Error::Data(Box::new(
                Diagnostic::new(
                    Code::UnreadableWorkbook,
                    origin,
                    Pos::default(),
                    msg!("xlsx-encrypted", file = Arg::ident(origin)),
                )
                .with_help(msg!("xlsx-encrypted-help")),
            )));
        }
        archive::check(bytes, origin)?;
        let (kind, names) = match calamine::Xlsx::new(Cursor::new(bytes)) {
            Ok(book) => (Kind::Xlsx, book.sheet_names()),
            Err(xlsx_error) => match calamine::open_workbook_auto_from_rs(Cursor::new(bytes)) {
                Ok(book) => (Kind::Other, book.sheet_names()),
                // A zip that is not a workbook says more through the xlsx reader's error.
                Err(e) if bytes.starts_with(b"PK") => {
                    let _ = e;
                    return Err(unreadable(origin, xlsx_error));
                }
                Err(e) => return Err(unreadable(origin, e)),
            },
        };
        let sheet = match sheet {
            Some(want) => {
                let key = crate::text::nfc_cow(want.trim()).to_lowercase();
                names
                    .iter()
                    .find(|n| *n == want)
                    .or_else(|| {
                        names
                            .iter()
                            .find(|n| crate::text::nfc_cow(n.trim()).to_lowercase() == key)
                    })
                    .cloned()
                    .ok_or_else(|| {
                        Error::Data(Box::new(
                            Diagnostic::new(
                                Code::UnknownSheet,
                                origin,
                                Pos::default(),
                                msg!(
                                    "xlsx-unknown-sheet",
                                    sheet = Arg::ident(want),
                                    sheets = crate::inputs::list_arg(
                                        names.iter().map(|n| Arg::ident(n.as_str())).collect()
                                    )
                                ),
                            )
                            .with_help(msg!("xlsx-unknown-sheet-help")),
                        ))
                    })?
            }
            None => names.first().cloned().ok_or_else(|| {
                crate::data::data_error(
                    Code::UnreadableWorkbook,
                    origin,
                    Pos::default(),
                    msg!("xlsx-no-sheets", file = Arg::ident(origin)),
                )
            })?,
        };
        Ok(Book { bytes, kind, sheet })
    }

    /// Calls `each` with every non-empty row (its index from 0 and its cells, by column from
    /// 0), in order. A cell beyond the sheet limits, or a sheet that cannot be read, refuses
    /// the file (converted by `fail`).
    fn each_row<E>(
        &self,
        origin: &str,
        fail: &dyn Fn(Error) -> E,
        each: &mut RowFn<'_, E>,
    ) -> Result<(), E> {
        let sheet = self.sheet.as_str();
        let mut row: Vec<(u32, Val)> = Vec::new();
        let mut row_at: Option<u32> = None;
        let mut put = |r: u32, c: u32, v: Option<Val>, row: &mut Vec<(u32, Val)>| {
            if r >= MAX_ROWS || c >= MAX_COLUMNS {
                return Err(fail(unreadable(
                    origin,
                    msg!(
                        "xlsx-beyond-limits",
                        cell = Arg::ident(address(sheet, r, c)),
                        rows = MAX_ROWS,
                        columns = MAX_COLUMNS
                    )
                    .render(crate::Lang::En),
                )));
            }
            if row_at != Some(r) {
                if let Some(prev) = row_at {
                    if !row.is_empty() {
                        each(prev, row)?;
                    }
                }
                row.clear();
                row_at = Some(r);
            }
            if let Some(v) = v {
                row.push((c, v));
            }
            Ok(())
        };
        match self.kind {
            Kind::Xlsx => {
                let mut book = calamine::Xlsx::new(Cursor::new(self.bytes))
                    .map_err(|e| fail(unreadable(origin, e)))?;
                let mut cells = book
                    .worksheet_cells_reader(sheet)
                    .map_err(|e| fail(unreadable(origin, e)))?;
                while let Some(cell) = cells.next_cell().map_err(|e| fail(unreadable(origin, e)))? {
                    let (r, c) = cell.get_position();
                    let v = from_ref(cell.get_value(), sheet, r, c);
                    put(r, c, v, &mut row)?;
                }
            }
            Kind::Other => {
                let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(self.bytes))
                    .map_err(|e| fail(unreadable(origin, e)))?;
                let range = book
                    .worksheet_range(sheet)
                    .map_err(|e| fail(unreadable(origin, e)))?;
                let (r0, c0) = range.start().unwrap_or((0, 0));
                for (i, cells) in range.rows().enumerate() {
                    let r = r0.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
                    for (j, d) in cells.iter().enumerate() {
                        let c = c0.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
                        let v = from_data(d, sheet, r, c);
                        if v.is_some() {
                            put(r, c, v, &mut row)?;
                        }
                    }
                }
            }
        }
        if let Some(prev) = row_at {
            if !row.is_empty() {
                each(prev, &mut row)?;
            }
        }
        Ok(())
    }
}

/// What receives a sheet's rows: the row (from 0) and its cells by column (from 0).
type RowFn<'f, E> = dyn FnMut(u32, &mut Vec<(u32, Val)>) -> Result<(), E> + 'f;

/// Stops reading rows once the header is found (not an error).
struct Found;

/// A sheet whose header has been read and checked; its rows are read on demand, as many times
/// as needed (the workbook's bytes stay borrowed, the units are built per row).
pub(super) struct Table<'a> {
    book: Book<'a>,
    /// Header names, trimmed, by column (from 0).
    headers: Vec<String>,
    /// The header row (from 0): data rows come after it.
    header_row: u32,
    id_column: Option<usize>,
    round_column: Option<usize>,
}

/// Opens the workbook, picks the sheet and reads its header (see the module's documentation).
pub(super) fn table<'a>(
    bytes: &'a [u8],
    origin: &str,
    sheet: Option<&str>,
) -> Result<Table<'a>, Error> {
    let book = Book::open(bytes, origin, sheet)?;
    let mut first: Option<(u32, Vec<(u32, Val)>)> = None;
    let mut second: Option<(u32, Vec<(u32, Val)>)> = None;
    let read = book.each_row(origin, &|e| Err(e), &mut |r, cells| {
        if first.is_none() {
            first = Some((r, std::mem::take(cells)));
            Ok(())
        } else {
            second = Some((r, std::mem::take(cells)));
            Err(Ok(Found))
        }
    });
    match read {
        Ok(()) | Err(Ok(Found)) => {}
        Err(Err(e)) => return Err(e),
    }
    let has_id = |cells: &[(u32, Val)]| cells.iter().any(|(_, v)| v.header() == "id");
    let (header_row, cells) = match (first, second) {
        (Some(f), Some(s)) if !has_id(&f.1) && has_id(&s.1) => s,
        (Some(f), _) => f,
        (None, _) => {
            return Err(super::data_error(
                Code::EmptyCsv,
                origin,
                Pos { line: 1, column: 1 },
                msg!("xlsx-empty-sheet", sheet = Arg::ident(book.sheet.as_str())),
            ));
        }
    };
    let width = cells
        .iter()
        .map(|(c, _)| usize::try_from(*c).unwrap_or(0).saturating_add(1))
        .max()
        .unwrap_or(0);
    let mut headers = vec![String::new(); width];
    for (c, v) in &cells {
        if let Some(h) = headers.get_mut(usize::try_from(*c).unwrap_or(usize::MAX)) {
            *h = v.header();
        }
    }
    // A column named twice (after Unicode normalisation): which cell counts is unclear.
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(headers.len());
    for (i, h) in headers.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        let key: String = h.nfc().collect();
        if let Some(&j) = seen.get(&key) {
            let col = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
            let at = |i: usize| Pos {
                line: header_row.saturating_add(1),
                column: col(i).saturating_add(1),
            };
            return Err(Error::Data(Box::new(
                Diagnostic::new(
                    Code::DuplicateKey,
                    origin,
                    at(i),
                    msg!(
                        "xlsx-column-twice",
                        column = Arg::ident(h.as_str()),
                        first = Arg::ident(address(&book.sheet, header_row, col(j))),
                        second = Arg::ident(address(&book.sheet, header_row, col(i)))
                    ),
                )
                .with_help(msg!("unit-csv-column-twice-help"))
                .with_label(Label::new(
                    origin,
                    at(j),
                    msg!("unit-csv-column-first"),
                )),
            )));
        }
        seen.insert(key, i);
    }
    let id_column = headers.iter().position(|h| h == "id");
    let round_column = headers.iter().position(|h| h == "round");
    Ok(Table {
        book,
        headers,
        header_row,
        id_column,
        round_column,
    })
}

impl Table<'_> {
    /// Calls `each` with every non-empty row after the header: its index (from 0) and cells.
    fn each_row<E>(
        &self,
        origin: &str,
        fail: &dyn Fn(Error) -> E,
        each: &mut RowFn<'_, E>,
    ) -> Result<usize, E> {
        let mut rows = 0usize;
        let header_row = self.header_row;
        self.book.each_row(origin, fail, &mut |r, cells| {
            if r <= header_row {
                return Ok(());
            }
            rows += 1;
            each(r, cells)
        })?;
        Ok(rows)
    }

    fn no_rows(&self, origin: &str) -> Error {
        super::data_error(
            Code::EmptyCsv,
            origin,
            Pos {
                line: self.header_row.saturating_add(2),
                column: 1,
            },
            msg!("xlsx-no-rows", sheet = Arg::ident(self.book.sheet.as_str())),
        )
    }

    /// The text of the cell in `column`, if it is text (or a number).
    fn text_at(cells: &[(u32, Val)], column: Option<usize>) -> Option<String> {
        let column = u32::try_from(column?).ok()?;
        cells
            .iter()
            .find(|(c, _)| *c == column)
            .and_then(|(_, v)| match v {
                Val::Text(t) => Some(t.trim().to_string()).filter(|t| !t.is_empty()),
                _ => None,
            })
    }

    /// Reads every row without keeping the units: the file's errors and each unit's id.
    pub(super) fn ids(&self, origin: &str) -> Result<Vec<Option<String>>, Error> {
        let mut ids = Vec::new();
        let id_column = self.id_column;
        self.each_row(origin, &|e| e, &mut |_, cells| {
            ids.push(Self::text_at(cells, id_column));
            Ok(())
        })?;
        if ids.is_empty() {
            return Err(self.no_rows(origin));
        }
        Ok(ids)
    }

    /// True when the rows name their rounds (units are then read whole).
    pub(super) fn has_rounds(&self) -> bool {
        self.round_column.is_some()
    }

    /// Every row's unit and round, in order.
    pub(super) fn rows(&self, origin: &str) -> Result<Vec<(Unit, Option<String>)>, Error> {
        let mut rows = Vec::new();
        let round_column = self.round_column;
        let n = self.each_row(origin, &|e| e, &mut |r, cells| {
            let round = Self::text_at(cells, round_column);
            rows.push((self.unit(r, cells), round));
            Ok(())
        })?;
        if n == 0 {
            return Err(self.no_rows(origin));
        }
        Ok(rows)
    }

    /// Hands the units to `each`, at most `chunk` at a time, in order (`each` may take them).
    pub(super) fn chunks<E>(
        &self,
        origin: &str,
        chunk: usize,
        fail: &dyn Fn(Error) -> E,
        each: &mut dyn FnMut(&mut Vec<Unit>) -> Result<(), E>,
    ) -> Result<usize, E> {
        let chunk = chunk.max(1);
        let mut units = Vec::new();
        let rows = self.each_row(origin, fail, &mut |r, cells| {
            units.push(self.unit(r, cells));
            if units.len() >= chunk {
                each(&mut units)?;
                units.clear();
            }
            Ok(())
        })?;
        if rows == 0 {
            return Err(fail(self.no_rows(origin)));
        }
        if !units.is_empty() {
            each(&mut units)?;
        }
        Ok(rows)
    }

    /// The unit of one row (row `r`, from 0).
    fn unit(&self, r: u32, cells: &mut Vec<(u32, Val)>) -> Unit {
        let line = r.saturating_add(1);
        let mut u = Unit {
            at: Some(Pos { line, column: 1 }),
            ..Unit::default()
        };
        for (c, v) in cells.drain(..) {
            let i = usize::try_from(c).unwrap_or(usize::MAX);
            let h = self.headers.get(i).map_or("", String::as_str);
            let at = Pos {
                line,
                column: c.saturating_add(1),
            };
            put_cell(&mut u, h, i, CellValue::Typed(v.raw()), at);
        }
        u
    }
}

/// Reads the units of a workbook's sheet (the first when `sheet` is `None`).
pub(super) fn read(bytes: &[u8], origin: &str, sheet: Option<&str>) -> Result<Vec<Unit>, Error> {
    let table = table(bytes, origin, sheet)?;
    if table.has_rounds() {
        return Ok(super::fold_round_rows(table.rows(origin)?));
    }
    let mut units = Vec::new();
    table.chunks(origin, usize::MAX, &|e| e, &mut |chunk| {
        units.append(chunk);
        Ok(())
    })?;
    Ok(units)
}

#[cfg(test)]
mod tests;
