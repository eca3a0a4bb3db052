//! Units from CSV: a header row; `id`, `name`, `kind` columns, every other column an input.
//! Delimiter `,`, `;` or tab, detected from the header.
//!
//! Assessment rounds: a `round` column names each row's round, and a row naming a round whose
//! id is the previous row's unit's continues that unit (an empty cell there means unchanged:
//! [`super::fold_round_rows`]). Columns `points:ID`, `notes:ID`, `evidence:ID` (documents
//! separated by line breaks), `explanations:ID` and `self_assessed:ID` give those keys of the
//! unit for criterion `ID`; `not_applicable` lists criterion ids separated by commas.
//!
//! A problem of the header (a column named twice) refuses the file, since it touches every
//! row; a problem of one row (a cell under a column without a name, a short row) is that
//! unit's.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::error::{Code, Diagnostic, Error, Issue, Label, Pos};
use crate::i18n::Arg;
use crate::inputs::RawValue;
use crate::msg;
use crate::syntax::ordinal;
use crate::unit::Unit;

use super::data_error;

/// The delimiter of CSV text, told from its header line: the most frequent of `;`, tab and `,`
/// outside quotes (`,` when none). The diagnostic renderer uses it too, to find a cell.
pub(crate) fn detect(header: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for c in header.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if c == *d {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map(|(d, _)| *d)
        .unwrap_or(b',')
}

/// The character column (from 1) where field `index` (from 0) of a one-line header starts.
fn field_column(header: &str, delim: u8, index: usize) -> u32 {
    let mut quoted = false;
    let mut field = 0usize;
    for (col, c) in header.chars().enumerate() {
        if field == index {
            return ordinal(col);
        }
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && c == char::from(delim) {
            field += 1;
        }
    }
    ordinal(header.chars().count())
}

/// The line (from 1) where a record starts, or `fallback`. The reader's position is where it
/// started reading, before any blank lines it skipped; those are counted here.
fn line_of(rec: &::csv::StringRecord, text: &str, fallback: u32) -> u32 {
    let Some(p) = rec.position() else {
        return fallback;
    };
    let skipped = usize::try_from(p.byte())
        .ok()
        .and_then(|b| text.as_bytes().get(b..))
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\n' | b'\r'))
        .filter(|b| **b == b'\n')
        .count() as u64;
    u32::try_from(p.line() + skipped).unwrap_or(fallback)
}

/// A CSV file whose header has been read and checked; its rows are read on demand, as many
/// times as needed (the text stays borrowed, the units are built per row).
pub(super) struct Table<'a> {
    /// The text after the BOM.
    text: &'a str,
    delim: u8,
    /// Header names, trimmed.
    headers: Vec<String>,
    /// The line of the header row.
    header_at: u32,
    /// The column named `id`, if any.
    id_column: Option<usize>,
    /// The column named `round`, if any.
    round_column: Option<usize>,
}

/// Reads and checks the header (and the whole text for control characters).
pub(super) fn table<'a>(text: &'a str, origin: &str) -> Result<Table<'a>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((pos, c)) = crate::syntax::find_control(text) {
        let (message, help) = crate::syntax::control_message(c);
        return Err(Error::Data(Box::new(
            Diagnostic::new(Code::ControlCharacter, origin, pos, message).with_help(help),
        )));
    }
    let header_line = text.lines().find(|l| !l.trim().is_empty());
    let Some(header_line) = header_line else {
        return Err(data_error(
            Code::EmptyCsv,
            origin,
            Pos { line: 1, column: 1 },
            msg!("unit-csv-empty"),
        ));
    };
    let delim = detect(header_line);
    let mut rdr = reader(text, delim);
    let header = rdr
        .headers()
        .map_err(|e| {
            data_error(
                Code::DataSyntax,
                origin,
                Pos { line: 1, column: 1 },
                msg!("unit-csv-header-unreadable", why = e.to_string()),
            )
        })?
        .clone();
    let header_at = line_of(&header, text, 1);
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    // A column named twice (after Unicode normalisation): which cell counts is unclear.
    let mut first: HashMap<String, usize> = HashMap::with_capacity(headers.len());
    for (i, h) in headers.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        let key: String = h.nfc().collect();
        if let Some(&j) = first.get(&key) {
            let at = |i| Pos {
                line: header_at,
                column: field_column(header_line, delim, i),
            };
            return Err(Error::Data(Box::new(
                Diagnostic::new(
                    Code::DuplicateKey,
                    origin,
                    at(i),
                    msg!(
                        "unit-csv-column-twice",
                        column = Arg::ident(h.as_str()),
                        first = j + 1,
                        second = i + 1
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
        first.insert(key, i);
    }
    let id_column = headers.iter().position(|h| h == "id");
    let round_column = headers.iter().position(|h| h == "round");
    Ok(Table {
        text,
        delim,
        headers,
        header_at,
        id_column,
        round_column,
    })
}

fn reader(text: &str, delim: u8) -> ::csv::Reader<&[u8]> {
    ::csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes())
}

impl Table<'_> {
    /// Calls `each` with every non-blank row and the line it starts on, in order. A row that
    /// cannot be read refuses the file (converted by `fail`).
    fn each_row<E>(
        &self,
        origin: &str,
        fail: impl Fn(Error) -> E,
        mut each: impl FnMut(&::csv::StringRecord, u32) -> Result<(), E>,
    ) -> Result<usize, E> {
        let mut rdr = reader(self.text, self.delim);
        let mut rows = 0usize;
        let mut last_line = self.header_at;
        let mut rec = ::csv::StringRecord::new();
        // The header again (checked by `table`).
        rdr.headers().map_err(|e| {
            fail(data_error(
                Code::DataSyntax,
                origin,
                Pos { line: 1, column: 1 },
                msg!("unit-csv-header-unreadable", why = e.to_string()),
            ))
        })?;
        loop {
            match rdr.read_record(&mut rec) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = e
                        .position()
                        .and_then(|p| u32::try_from(p.line()).ok())
                        .unwrap_or(last_line + 1);
                    return Err(fail(data_error(
                        Code::DataSyntax,
                        origin,
                        Pos { line, column: 1 },
                        msg!("unit-csv-row-unreadable", why = e.to_string()),
                    )));
                }
            }
            let line = line_of(&rec, self.text, last_line + 1);
            last_line = line;
            if rec.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            rows += 1;
            each(&rec, line)?;
        }
        Ok(rows)
    }

    /// The error of a file with a header but no rows.
    fn no_rows(&self, origin: &str) -> Error {
        data_error(
            Code::EmptyCsv,
            origin,
            Pos {
                line: self.header_at + 1,
                column: 1,
            },
            msg!("unit-csv-no-rows"),
        )
    }

    /// Reads every row without keeping the units: the file's errors (a row that cannot be
    /// read, no rows at all) and each unit's id, in order (`None` without one).
    pub(super) fn ids(&self, origin: &str) -> Result<Vec<Option<String>>, Error> {
        let mut ids = Vec::new();
        self.each_row(
            origin,
            |e| e,
            |rec, _| {
                let id = self
                    .id_column
                    .and_then(|i| rec.get(i))
                    .map(str::trim)
                    .filter(|c| !c.is_empty());
                ids.push(id.map(str::to_string));
                Ok(())
            },
        )?;
        if ids.is_empty() {
            return Err(self.no_rows(origin));
        }
        Ok(ids)
    }

    /// Hands the units to `each`, at most `chunk` at a time, in order (`each` may take them).
    pub(super) fn chunks<E>(
        &self,
        origin: &str,
        chunk: usize,
        fail: impl Fn(Error) -> E,
        mut each: impl FnMut(&mut Vec<Unit>) -> Result<(), E>,
    ) -> Result<usize, E> {
        let chunk = chunk.max(1);
        let mut units = Vec::new();
        let rows = self.each_row(origin, &fail, |rec, line| {
            units.push(self.unit(rec, line));
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

    /// True when the rows name their rounds: units are then put together from several rows
    /// ([`super::fold_round_rows`]), so they are read whole.
    pub(super) fn has_rounds(&self) -> bool {
        self.round_column.is_some()
    }

    /// Every row's unit and round, in order.
    pub(super) fn rows(&self, origin: &str) -> Result<Vec<(Unit, Option<String>)>, Error> {
        let mut rows = Vec::new();
        let n = self.each_row(
            origin,
            |e| e,
            |rec, line| {
                let round = self
                    .round_column
                    .and_then(|i| rec.get(i))
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string);
                rows.push((self.unit(rec, line), round));
                Ok(())
            },
        )?;
        if n == 0 {
            return Err(self.no_rows(origin));
        }
        Ok(rows)
    }

    /// The unit of one row (starting on `line`).
    fn unit(&self, rec: &::csv::StringRecord, line: u32) -> Unit {
        let headers = &self.headers;
        let mut u = Unit {
            at: Some(Pos { line, column: 1 }),
            ..Unit::default()
        };
        if rec.len() != headers.len() {
            u.problems.push(
                Issue::new(
                    None,
                    Code::InvalidUnit,
                    msg!(
                        "unit-csv-row-length",
                        cells = rec.len(),
                        columns = headers.len()
                    ),
                )
                .with_help(msg!("unit-csv-row-length-help"))
                .at(Pos { line, column: 1 }),
            );
        }
        for (i, (h, cell)) in headers.iter().zip(rec.iter()).enumerate() {
            put_cell(
                &mut u,
                h,
                i,
                CellValue::Text(cell),
                Pos {
                    line,
                    column: ordinal(i),
                },
            );
        }
        u
    }
}

/// A cell's value as a reader hands it to [`put_cell`]: CSV text, or a typed value read from
/// a workbook (a number as its shortest text in a [`RawValue::Cell`], a bool, an invalid value).
pub(super) enum CellValue<'c> {
    /// Text, read according to the column (trimmed here).
    Text(&'c str),
    /// A typed value (never empty: an empty cell is not handed over).
    #[cfg_attr(
        not(feature = "xlsx"),
        allow(dead_code, reason = "only workbooks give typed cells")
    )]
    Typed(RawValue),
}

/// Puts the cell under header `h` (column `i`, from 0, at `at`) into the unit: the one header
/// logic of CSV files and workbooks (`id`, `name`, `kind`, `round`, `not_applicable`,
/// `KEY:ID` columns, every other column an input's value).
pub(super) fn put_cell(u: &mut Unit, h: &str, i: usize, cell: CellValue<'_>, at: Pos) {
    let text_column = matches!(h, "id" | "name" | "kind" | "round" | "not_applicable" | "")
        || criterion_column(h).is_some_and(|(k, _)| !matches!(k, "points" | "self_assessed"));
    let owned: String;
    let (c, typed) = match cell {
        CellValue::Text(t) => (t.trim(), None),
        CellValue::Typed(RawValue::Cell(t)) => {
            owned = t;
            (owned.trim(), None)
        }
        // A typed value under a column that takes text: its text, or the cell's problem.
        CellValue::Typed(raw) if text_column => match raw {
            RawValue::Bool(b) => (if b { "true" } else { "false" }, None),
            RawValue::Invalid(code, why) => {
                u.problems.push(Issue::new(None, code, why).at(at));
                return;
            }
            RawValue::Number(d) => {
                owned = d.normalize().to_string();
                (owned.as_str(), None)
            }
            RawValue::Text(t) => {
                owned = t;
                (owned.trim(), None)
            }
            RawValue::Null | RawValue::Cell(_) => return,
        },
        CellValue::Typed(raw) => ("", Some(raw)),
    };
    match h {
        "id" => u.id = (!c.is_empty()).then(|| c.to_string()),
        "name" => u.name = (!c.is_empty()).then(|| c.to_string()),
        "kind" => u.kind = (!c.is_empty()).then(|| c.to_string()),
        "round" => {}
        "not_applicable" => u.not_applicable.extend(
            c.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        ),
        // An empty cell of a criterion's column gives nothing.
        keyed if criterion_column(keyed).is_some() && c.is_empty() && typed.is_none() => {}
        keyed if criterion_column(keyed).is_some() => {
            let (key, id) = criterion_column(keyed).unwrap_or_default();
            let id = id.to_string();
            let raw = || {
                typed
                    .clone()
                    .unwrap_or_else(|| RawValue::Cell(c.to_string()))
            };
            match key {
                "points" => u.points.push((id, raw())),
                "self_assessed" => {
                    u.self_assessed.push((id, raw()));
                }
                "notes" => u.notes.push((id, c.to_string())),
                "explanations" => u.explanations.push((id, c.to_string())),
                _ => u.evidence.push((
                    id,
                    c.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string)
                        .collect(),
                )),
            }
        }
        // A column without a name: harmless when empty (a trailing delimiter).
        "" if c.is_empty() && typed.is_none() => {}
        "" => u.problems.push(
            Issue::new(
                None,
                Code::UnknownKey,
                msg!(
                    "unit-csv-unnamed-column",
                    value = Arg::ident(c),
                    column = i + 1
                ),
            )
            .with_help(msg!("unit-csv-unnamed-column-help"))
            .at(at),
        ),
        name => {
            u.values.push((
                name.to_string(),
                typed.unwrap_or_else(|| RawValue::Cell(c.to_string())),
            ));
            u.value_at.push(Some(at));
        }
    }
}

/// A column `KEY:ID` giving a unit key for criterion `ID` (`points`, `notes`, `evidence`,
/// `explanations`, `self_assessed`): `(KEY, ID)`, trimmed. Data frames name their columns the
/// same way.
pub fn criterion_column(header: &str) -> Option<(&str, &str)> {
    let (key, id) = header.split_once(':')?;
    let (key, id) = (key.trim(), id.trim());
    matches!(
        key,
        "points" | "notes" | "evidence" | "explanations" | "self_assessed"
    )
    .then_some((key, id))
    .filter(|(_, id)| !id.is_empty())
}

pub(super) fn read(text: &str, origin: &str) -> Result<Vec<Unit>, Error> {
    let table = table(text, origin)?;
    if table.has_rounds() {
        return Ok(super::fold_round_rows(table.rows(origin)?));
    }
    let mut units = Vec::new();
    table.chunks(
        origin,
        usize::MAX,
        |e| e,
        |chunk| {
            units.append(chunk);
            Ok(())
        },
    )?;
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_and_decimal_commas() {
        let u = read("\u{feff}id;name;ty_le\nbp;UBND xã Bình Phú;92,5\n", "t.csv").unwrap();
        assert_eq!(u[0].id.as_deref(), Some("bp"));
        assert_eq!(
            u[0].values[0],
            ("ty_le".to_string(), RawValue::Cell("92,5".into()))
        );
    }

    #[test]
    fn tabs_and_commas() {
        assert_eq!(detect("id\tname\tx"), b'\t');
        assert_eq!(detect("id,name,x"), b',');
        assert_eq!(detect("\"a;b\",c,d"), b',');
    }

    #[test]
    fn empty() {
        assert!(read("", "t.csv").is_err());
        assert!(read("id;x\n", "t.csv").is_err());
    }

    #[test]
    fn rounds_continue_the_previous_rows_unit() {
        let text = "id;round;x;y;not_applicable;points:1.1;notes:1.1;evidence:2\n\
                    a;;1;2;;;;\"KH 1\nKH 2\"\n\
                    a;tham_dinh;;5;3, 4;0,5;Thiếu;\n\
                    b;tham_dinh;7;;;;;\n\
                    b;;8;;;;;\n";
        let u = read(text, "t.csv").unwrap();
        assert_eq!(u.len(), 3, "{u:?}");
        let a = &u[0];
        // First round at top level (an empty cell there is a missing value, as without rounds).
        assert_eq!(a.values.len(), 2);
        assert_eq!(
            a.evidence,
            vec![(
                "2".to_string(),
                vec!["KH 1".to_string(), "KH 2".to_string()]
            )]
        );
        // The later round keeps only the cells it gives.
        let r = &a.rounds[0];
        assert_eq!(r.id, "tham_dinh");
        assert_eq!(
            r.values,
            vec![("y".to_string(), RawValue::Cell("5".into()))]
        );
        assert_eq!(
            r.not_applicable,
            Some(vec!["3".to_string(), "4".to_string()])
        );
        assert_eq!(
            r.points,
            vec![("1.1".to_string(), RawValue::Cell("0,5".into()))]
        );
        assert_eq!(r.notes, vec![("1.1".to_string(), "Thiếu".to_string())]);
        // A unit whose first row names a round gives that round whole; a row without a round
        // starts another unit (the same id twice: flagged by the batch).
        assert!(u[1].values.is_empty());
        assert_eq!(u[1].rounds[0].values.len(), 2);
        assert_eq!(u[2].id.as_deref(), Some("b"));
        assert!(u[2].rounds.is_empty());
    }

    #[test]
    fn header_columns() {
        assert_eq!(field_column("id;tên;x", b';', 2), 8);
        assert_eq!(field_column("\"a;b\";c", b';', 1), 7);
    }
}
