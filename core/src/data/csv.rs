//! Units from CSV: a header row; `id`, `name`, `kind` columns, every other column an input.
//! Delimiter `,`, `;` or tab, detected from the header.

use crate::error::{Code, Error, Pos};
use crate::inputs::RawValue;
use crate::unit::Unit;

use super::data_error;

fn detect(header: &str) -> u8 {
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

pub(super) fn read(text: &str, origin: &str) -> Result<Vec<Unit>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| {
            data_error(
                Code::DataSyntax,
                origin,
                Pos { line: 1, column: 1 },
                format!("the CSV header cannot be read: {e}"),
            )
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut units = Vec::new();
    for (row, rec) in rdr.records().enumerate() {
        let line = row as u32 + 2;
        let rec = rec.map_err(|e| {
            data_error(
                Code::DataSyntax,
                origin,
                Pos { line, column: 1 },
                format!("row {line} cannot be read: {e}"),
            )
        })?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut u = Unit::default();
        if rec.len() != headers.len() {
            u.problems.push(crate::error::Issue::new(
                None,
                Code::InvalidUnit,
                format!(
                    "row {line} has {} cells but the header has {} columns",
                    rec.len(),
                    headers.len()
                ),
            ));
        }
        for (h, cell) in headers.iter().zip(rec.iter()) {
            let c = cell.trim();
            match h.as_str() {
                "id" => u.id = (!c.is_empty()).then(|| c.to_string()),
                "name" => u.name = (!c.is_empty()).then(|| c.to_string()),
                "kind" => u.kind = (!c.is_empty()).then(|| c.to_string()),
                "" => {}
                name => u
                    .values
                    .push((name.to_string(), RawValue::Cell(c.to_string()))),
            }
        }
        units.push(u);
    }
    if units.is_empty() {
        return Err(data_error(
            Code::EmptyCsv,
            origin,
            Pos { line: 2, column: 1 },
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
}
