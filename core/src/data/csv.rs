//! Units from CSV: a header row; `id`, `name`, `kind` columns, every other column an input.
//! Delimiter `,`, `;` or tab, detected from the header.
//!
//! A problem of the header (a column named twice) refuses the file, since it touches every
//! row; a problem of one row (a cell under a column without a name, a short row) is that
//! unit's.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::error::{Code, Diagnostic, Error, Issue, Label, Pos};
use crate::inputs::RawValue;
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

pub(super) fn read(text: &str, origin: &str) -> Result<Vec<Unit>, Error> {
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
            "the CSV file is empty; it needs a header row and one row per unit",
        ));
    };
    let delim = detect(header_line);
    let mut rdr = ::csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = rdr
        .headers()
        .map_err(|e| {
            data_error(
                Code::DataSyntax,
                origin,
                Pos { line: 1, column: 1 },
                format!("the CSV header cannot be read: {e}"),
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
                    format!(
                        "the column `{h}` appears twice in the header (columns {} and {})",
                        j + 1,
                        i + 1
                    ),
                )
                .with_help("keep one of the two columns, or rename one")
                .with_label(Label::new(origin, at(j), "the first is here")),
            )));
        }
        first.insert(key, i);
    }
    let mut units = Vec::new();
    let mut last_line = header_at;
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e
                .position()
                .and_then(|p| u32::try_from(p.line()).ok())
                .unwrap_or(last_line + 1);
            data_error(
                Code::DataSyntax,
                origin,
                Pos { line, column: 1 },
                format!("this row cannot be read: {e}"),
            )
        })?;
        let line = line_of(&rec, text, last_line + 1);
        last_line = line;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut u = Unit {
            at: Some(Pos { line, column: 1 }),
            ..Unit::default()
        };
        if rec.len() != headers.len() {
            u.problems.push(
                Issue::new(
                    None,
                    Code::InvalidUnit,
                    format!(
                        "this row has {} cells but the header has {} columns",
                        rec.len(),
                        headers.len()
                    ),
                )
                .with_help("give every row one cell per column (an empty cell for a missing value)")
                .at(Pos { line, column: 1 }),
            );
        }
        for (i, (h, cell)) in headers.iter().zip(rec.iter()).enumerate() {
            let c = cell.trim();
            match h.as_str() {
                "id" => u.id = (!c.is_empty()).then(|| c.to_string()),
                "name" => u.name = (!c.is_empty()).then(|| c.to_string()),
                "kind" => u.kind = (!c.is_empty()).then(|| c.to_string()),
                // A column without a name: harmless when empty (a trailing delimiter).
                "" if c.is_empty() => {}
                "" => u.problems.push(
                    Issue::new(
                        None,
                        Code::UnknownKey,
                        format!(
                            "the cell `{c}` is in column {}, which has no name in the header, so it is ignored",
                            i + 1
                        ),
                    )
                    .with_help("name the column in the header row, or empty the cell")
                    .at(Pos {
                        line,
                        column: ordinal(i),
                    }),
                ),
                name => {
                    u.values
                        .push((name.to_string(), RawValue::Cell(c.to_string())));
                    u.value_at.push(Some(Pos {
                        line,
                        column: ordinal(i),
                    }));
                }
            }
        }
        units.push(u);
    }
    if units.is_empty() {
        return Err(data_error(
            Code::EmptyCsv,
            origin,
            Pos {
                line: header_at + 1,
                column: 1,
            },
            "the CSV file has a header but no rows; add one row per unit",
        ));
    }
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
    fn header_columns() {
        assert_eq!(field_column("id;tên;x", b';', 2), 8);
        assert_eq!(field_column("\"a;b\";c", b';', 1), 7);
    }
}
