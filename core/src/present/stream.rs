//! Batch output written as it is scored, with memory bounded by a chunk of results plus what
//! the ranking needs (a compact copy of each complete unit's identity and figures).

use std::io::{self, Write};

use super::ranking::Ranking;
use super::table::{Columns, CsvRows, CsvStyle};
use crate::data::UnitChunks;
use crate::error::Error;
use crate::i18n::Lang;
use crate::result::{JsonOptions, UnitResult, UnitStatus};
use crate::ruleset::Ruleset;
use crate::score::{BatchOptions, Duplicates};
use crate::unit::Unit;

/// Units scored, written and dropped together.
const CHUNK: usize = 4096;

/// Formats that can be streamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamFormat {
    /// `{"results": [...], "ranking": [...]}`, pretty-printed (as `serde_json::to_writer_pretty`
    /// writes a [`crate::BatchResult`]).
    Json,
    /// A row per unit (see [`super::Columns`]), spreadsheet-safe.
    Csv,
    /// The ranking table of [`super::text_table`]; with [`Output::explain`], each unit's
    /// explanation ([`super::explain`]) after it, in input order. Only a compact copy of each
    /// unit's figures is kept for the table; the explanations are written from a second
    /// scoring pass, a chunk at a time.
    Table,
}

/// How a streamed batch is written: its format, the language of its texts (messages and
/// explanations in JSON, Excel-style headers in CSV) and the style of CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Output {
    /// JSON, CSV or the table.
    pub format: StreamFormat,
    /// The language of the texts.
    pub lang: Lang,
    /// The style of CSV (ignored for JSON).
    pub csv: CsvStyle,
    /// What each JSON result holds besides its figures (ignored for CSV and the table): the
    /// criteria tree, each node's trace words, its `why` data; all by default. Its texts are in
    /// `lang`, whatever its own `lang` says.
    pub json: JsonOptions,
    /// With the table: each unit's explanation after it (ignored for JSON and CSV).
    pub explain: bool,
}

impl Output {
    /// `format` with Vietnamese texts and plain CSV.
    pub fn new(format: StreamFormat) -> Output {
        Output {
            format,
            lang: Lang::Vi,
            csv: CsvStyle::Plain,
            json: JsonOptions::default(),
            explain: false,
        }
    }

    /// With texts in `lang`.
    pub fn lang(mut self, lang: Lang) -> Output {
        self.lang = lang;
        self
    }

    /// With CSV in `style`.
    pub fn csv(mut self, style: CsvStyle) -> Output {
        self.csv = style;
        self
    }

    /// With JSON results holding what `opts` asks for (their texts in the output's `lang`).
    pub fn json(mut self, opts: JsonOptions) -> Output {
        self.json = opts;
        self
    }

    /// With the table, each unit's explanation after it.
    pub fn explain(mut self, on: bool) -> Output {
        self.explain = on;
        self
    }
}

impl From<StreamFormat> for Output {
    fn from(format: StreamFormat) -> Output {
        Output::new(format)
    }
}

/// What a streamed batch was, once written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct StreamSummary {
    /// Units written.
    pub units: usize,
    /// Units whose status is `complete`.
    pub complete: usize,
}

/// Scores `units` and writes the batch in `format` to `out` as it goes, keeping at most one
/// chunk of full results in memory. The output is the same as writing the
/// [`crate::BatchResult`] of `score_batch_with` (duplicate ids flagged, the same ranking).
/// `progress` is called with the number of units done so far.
///
/// # Errors
/// When writing fails.
pub fn write_batch(
    rs: &Ruleset,
    units: &[Unit],
    opts: &BatchOptions,
    format: impl Into<Output>,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(usize),
) -> io::Result<StreamSummary> {
    write_chunked(
        rs,
        Units::Slice(units),
        opts,
        format.into(),
        out,
        progress,
        CHUNK,
    )
}

/// [`write_batch`] for units read a chunk at a time ([`crate::data::unit_chunks`]): the units
/// are never all in memory (for CSV data), their ids are. The output is the same as
/// [`write_batch`]'s for the same units.
///
/// # Errors
/// When writing fails.
pub fn write_batch_chunks(
    rs: &Ruleset,
    units: &UnitChunks<'_>,
    opts: &BatchOptions,
    format: impl Into<Output>,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(usize),
) -> io::Result<StreamSummary> {
    write_chunked(
        rs,
        Units::Chunks(units),
        opts,
        format.into(),
        out,
        progress,
        CHUNK,
    )
}

/// The units of a batch: in memory, or read a chunk at a time.
#[derive(Clone, Copy)]
enum Units<'a> {
    Slice(&'a [Unit]),
    Chunks(&'a UnitChunks<'a>),
}

impl<'a> Units<'a> {
    fn len(self) -> usize {
        match self {
            Units::Slice(u) => u.len(),
            Units::Chunks(c) => c.len(),
        }
    }

    fn duplicates(self, rs: &Ruleset) -> Duplicates<'a> {
        match self {
            Units::Slice(u) => rs.duplicates(u),
            Units::Chunks(c) => Duplicates::of_ids(c.ids()),
        }
    }

    fn each_chunk<E>(
        self,
        chunk: usize,
        fail: impl Fn(Error) -> E,
        mut each: impl FnMut(&[Unit]) -> Result<(), E>,
    ) -> Result<(), E> {
        match self {
            Units::Slice(units) => {
                for c in units.chunks(chunk.max(1)) {
                    each(c)?;
                }
                Ok(())
            }
            Units::Chunks(c) => c.each_chunk(chunk, fail, each),
        }
    }
}

/// A read error met while writing (it cannot happen: [`UnitChunks`] has read the file once).
fn io_error(e: Error) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

/// [`write_batch`] with `chunk` units scored at a time.
fn write_chunked(
    rs: &Ruleset,
    units: Units<'_>,
    opts: &BatchOptions,
    output: Output,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(usize),
    chunk: usize,
) -> io::Result<StreamSummary> {
    let chunk = chunk.max(1);
    let mut summary = StreamSummary::default();
    let mut out = io::BufWriter::new(out);
    match output.format {
        StreamFormat::Csv => {
            let mut w = CsvRows::new(Columns::for_ruleset(rs), &mut out, output.csv, output.lang)?;
            each_result(
                rs,
                units,
                chunk,
                opts.round,
                progress,
                &io_error,
                &mut |r| {
                    count(&mut summary, r);
                    w.row(r)
                },
            )?;
            w.finish()?;
        }
        StreamFormat::Json => {
            // `{"results": [...], "ranking": [...]}` as serde_json's pretty printer writes it:
            // each result written compact by the direct writer (D132), then indented.
            let json = JsonOptions {
                lang: output.lang,
                ..output.json
            };
            let mut ranked = Vec::new();
            let (mut text, mut buf) = (String::new(), Vec::new());
            let mut first = true;
            out.write_all(b"{\n  \"results\": [")?;
            each_result(
                rs,
                units,
                chunk,
                opts.round,
                progress,
                &io_error,
                &mut |r| {
                    count(&mut summary, r);
                    if r.rankable() {
                        ranked.push(compact(r));
                    }
                    text.clear();
                    r.json(json).write_into(&mut text)?;
                    buf.clear();
                    buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    first = false;
                    crate::result::pretty_into(&text, 2, &mut buf);
                    out.write_all(&buf)
                },
            )?;
            out.write_all(if first { b"]" } else { b"\n  ]" })?;
            let ranking = rs.rank_results(&ranked, opts.grouping());
            let text = serde_json::to_string(&Ranking {
                results: &ranked,
                ranking: &ranking,
            })?;
            buf.clear();
            buf.extend_from_slice(b",\n  \"ranking\": ");
            crate::result::pretty_into(&text, 1, &mut buf);
            buf.extend_from_slice(b"\n}\n");
            out.write_all(&buf)?;
        }
        StreamFormat::Table => {
            let mut all = Vec::with_capacity(units.len());
            each_result(
                rs,
                units,
                chunk,
                opts.round,
                progress,
                &io_error,
                &mut |r| {
                    count(&mut summary, r);
                    all.push(compact(r));
                    Ok(())
                },
            )?;
            let ranking = rs.rank_results(&all, opts.grouping());
            let batch = crate::result::BatchResult {
                results: all,
                ranking,
                grouped: opts.grouping() == crate::Groups::Kind,
            };
            out.write_all(super::text_table(rs, &batch, output.lang).as_bytes())?;
            drop(batch);
            if output.explain {
                // Scoring is deterministic: the second pass gives the first pass's results.
                each_result(
                    rs,
                    units,
                    chunk,
                    opts.round,
                    &mut |_| {},
                    &io_error,
                    &mut |r| {
                        out.write_all(b"\n")?;
                        out.write_all(super::explain(r, output.lang).as_bytes())
                    },
                )?;
            }
        }
    }
    out.flush()?;
    Ok(summary)
}

fn count(summary: &mut StreamSummary, r: &UnitResult) {
    summary.units += 1;
    if r.status == UnitStatus::Complete {
        summary.complete += 1;
    }
}

/// Scores the units chunk by chunk, flags duplicate ids and hands each result to `each` in
/// input order.
fn each_result<E>(
    rs: &Ruleset,
    units: Units<'_>,
    chunk: usize,
    as_of: Option<usize>,
    progress: &mut dyn FnMut(usize),
    fail: &dyn Fn(Error) -> E,
    each: &mut dyn FnMut(&UnitResult) -> Result<(), E>,
) -> Result<(), E> {
    let duplicates = units.duplicates(rs);
    let mut done = 0;
    units.each_chunk(chunk, fail, |chunk| {
        for (mut r, u) in rs.score_units(chunk, as_of, true).into_iter().zip(chunk) {
            duplicates.mark(&mut r, u.at);
            each(&r)?;
        }
        done += chunk.len();
        progress(done);
        Ok(())
    })
}

/// A result reduced to what the ranking reads and writes.
fn compact(r: &UnitResult) -> UnitResult {
    UnitResult {
        plan: r.plan.clone(),
        base: r.base.clone(),
        unit: r.unit.clone(),
        status: r.status,
        total: r.total,
        max: r.max,
        index: r.index,
        grade: r.grade,
        self_assessed: None,
        nodes: Vec::new(),
        warnings: Vec::new(),
        errors: Vec::new(),
        printed: Vec::new(),
        tree_left_out: r.tree_left_out,
        // Each round's figures (the table's round columns and change) and whether the unit
        // may be ranked as of the round asked for; not the nodes' points, notes or evidence.
        rounds: r.rounds.as_ref().map(|x| {
            Box::new(crate::result::Rounds {
                list: x
                    .list
                    .iter()
                    .map(|k| crate::result::RoundResult {
                        points: Vec::new(),
                        errors: Vec::new(),
                        warnings: Vec::new(),
                        ..k.clone()
                    })
                    .collect(),
                absent: x.absent,
                ..Default::default()
            })
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"
format: cchc/1
id: demo
version: "1"
title: Ví dụ
total: 2
inputs:
  kh: { type: bool }
  tl: { type: percent }
criteria:
  - { id: "1", title: Kế hoạch, max: 1, rule: { check: kh } }
  - id: "2"
    title: Hoàn thành
    max: 1
    rule: { bands: { input: tl, steps: [ { at_least: 80, points: 1 }, { points: 0 } ] } }
"#;

    fn units() -> Vec<Unit> {
        use crate::inputs::RawValue;
        let mut v = Vec::new();
        for i in 0..23 {
            let mut u = Unit::new(format!("u{}", i % 21))
                .with_kind(if i % 3 == 0 { "xa" } else { "phuong" })
                .with_value("kh", RawValue::Bool(i % 2 == 0));
            if i % 5 != 0 {
                u = u.with_value("tl", RawValue::Cell(format!("{}", 50 + i * 2)));
            }
            v.push(u);
        }
        v
    }

    /// Several chunks, duplicate ids across chunks, ties, incomplete units and both
    /// rankings: the streamed document (JSON, CSV, the table with and without explanations) is
    /// the batch result's, byte for byte.
    #[test]
    fn an_empty_batch_streams_as_serde_writes_it() {
        let rs = Ruleset::from_yaml_str(RULES, "demo.yaml").unwrap();
        let want = serde_json::to_string_pretty(&rs.score_batch(&[])).unwrap() + "\n";
        let mut out = Vec::new();
        let opts = BatchOptions::default();
        let json = Output::new(StreamFormat::Json);
        write_chunked(
            &rs,
            Units::Slice(&[]),
            &opts,
            json,
            &mut out,
            &mut |_| {},
            4,
        )
        .unwrap();
        assert_eq!(String::from_utf8_lossy(&out), want);
    }

    #[test]
    fn chunks_change_nothing() {
        let rs = Ruleset::from_yaml_str(RULES, "demo.yaml").unwrap();
        let units = units();
        for grouped in [false, true] {
            let opts = BatchOptions::grouped(grouped);
            let batch = rs.score_batch_with(&units, &opts, &mut |_| {});
            let json = serde_json::to_string_pretty(&batch).unwrap() + "\n";
            assert!(json.contains("duplicate_unit_id") && json.contains("incomplete"));
            let mut csv = Vec::new();
            super::super::write_csv(&rs, &batch.results, &mut csv).unwrap();
            let table = super::super::text_table(&rs, &batch, Lang::En);
            assert!(table.contains("  -  "), "unranked units: {table}");
            let explained = batch.results.iter().fold(table.clone(), |t, r| {
                t + "\n" + super::super::explain(r, Lang::En).as_str()
            });
            let table_out = Output::new(StreamFormat::Table).lang(Lang::En);
            for chunk in [1, 4, 7, 100] {
                for (output, want) in [
                    (Output::new(StreamFormat::Json), json.as_bytes()),
                    (Output::new(StreamFormat::Csv), &csv[..]),
                    (table_out, table.as_bytes()),
                    (table_out.explain(true), explained.as_bytes()),
                ] {
                    let mut out = Vec::new();
                    let mut seen = Vec::new();
                    let s = write_chunked(
                        &rs,
                        Units::Slice(&units),
                        &opts,
                        output,
                        &mut out,
                        &mut |n| seen.push(n),
                        chunk,
                    )
                    .unwrap();
                    assert_eq!(
                        String::from_utf8_lossy(&out),
                        String::from_utf8_lossy(want),
                        "chunk {chunk}"
                    );
                    assert_eq!(s.units, units.len());
                    assert_eq!(seen.last(), Some(&units.len()));
                    let complete = batch
                        .results
                        .iter()
                        .filter(|r| r.status == UnitStatus::Complete)
                        .count();
                    assert_eq!(s.complete, complete);
                }
            }
        }
    }

    const ROUNDS: &str = r#"
format: cchc/1
id: vong
version: "1"
title: Ví dụ có vòng chấm
total: 10
rounds:
  - { id: tu_cham, label: Tự chấm điểm }
  - { id: tham_dinh, label: Thẩm định lần 1 }
  - { id: chot_diem, label: Thẩm định lần 2 }
inputs:
  p: { type: percent }
  k: { type: bool }
criteria:
  - id: a
    title: A
    max: 4
    evidence: ["Báo cáo"]
    rule: { bands: { input: p, steps: [ { at_least: 90, points: 4 }, { at_least: 70, points: 2 }, { points: 0 } ] } }
  - { id: b, title: B, max: 6, rule: { check: k } }
"#;

    /// Units with one, two or three rounds (the spec's worked example among them), notes,
    /// evidence and explanations.
    fn round_units() -> Vec<Unit> {
        use crate::inputs::RawValue;
        use crate::unit::UnitRound;
        let d = |n: i64| rust_decimal::Decimal::from(n);
        (0..17)
            .map(|i| {
                let mut u = Unit::new(format!("u{i}"))
                    .with_value("p", RawValue::Cell(format!("{}", 60 + i * 3)))
                    .with_value("k", RawValue::Bool(i % 2 == 0));
                if i % 3 == 0 {
                    u = u.with_evidence("a", "Báo cáo số 1");
                }
                if i % 4 == 1 {
                    u = u.with_explanation("a", "Giải trình");
                }
                if i % 5 != 4 {
                    u = u.with_round(
                        UnitRound::new("tham_dinh")
                            .with_value("p", RawValue::Cell("80".into()))
                            .with_points("b", d(3))
                            .with_note("b", "Hội đồng chấm lại"),
                    );
                }
                if i % 3 != 2 {
                    u = u.with_round(
                        UnitRound::new("chot_diem").with_value("p", RawValue::Cell("91".into())),
                    );
                }
                u
            })
            .collect()
    }

    /// With rounds, as of each round and of none: the streamed table (its round columns and
    /// change come from the compact copies) and explanations are the batch result's.
    #[test]
    fn rounds_stream_like_the_batch() {
        let rs = Ruleset::from_yaml_str(ROUNDS, "vong.yaml").unwrap();
        let units = round_units();
        for as_of in [None, Some(0), Some(1), Some(2)] {
            let opts = BatchOptions::grouped(false).as_of(as_of);
            let batch = rs.score_batch_with(&units, &opts, &mut |_| {});
            let table = super::super::text_table(&rs, &batch, Lang::Vi);
            assert!(table.contains("Tự chấm điểm"), "{table}");
            assert_eq!(
                table.contains("Thẩm định lần 2"),
                matches!(as_of, None | Some(2))
            );
            if as_of.is_none() {
                assert!(table.contains("—"), "{table}");
            }
            let explained = batch.results.iter().fold(table.clone(), |t, r| {
                t + "\n" + super::super::explain(r, Lang::Vi).as_str()
            });
            let mut csv = Vec::new();
            super::super::write_csv(&rs, &batch.results, &mut csv).unwrap();
            let out_table = Output::new(StreamFormat::Table);
            for chunk in [1, 5, 100] {
                for (output, want) in [
                    (out_table, table.as_bytes()),
                    (out_table.explain(true), explained.as_bytes()),
                    (Output::new(StreamFormat::Csv), &csv[..]),
                ] {
                    let mut out = Vec::new();
                    write_chunked(
                        &rs,
                        Units::Slice(&units),
                        &opts,
                        output,
                        &mut out,
                        &mut |_| {},
                        chunk,
                    )
                    .unwrap();
                    assert_eq!(
                        String::from_utf8_lossy(&out),
                        String::from_utf8_lossy(want),
                        "chunk {chunk}, as of {as_of:?}"
                    );
                }
            }
        }
        // The spec's worked example: 100 → 50 → 70, change −30; b set by the council, carried.
        let u = &units[0];
        let mut u = u.clone();
        u.values.clear();
        let u = u
            .with_value("p", crate::inputs::RawValue::Cell("95".into()))
            .with_value("k", crate::inputs::RawValue::Bool(true));
        let r = rs.score(&u);
        let text = super::super::explain(&r, Lang::En);
        assert!(
            text.contains("rounds (index): Tự chấm điểm 100.00 → Thẩm định lần 1 50.00 → Thẩm định lần 2 70.00; change -30.00"),
            "{text}"
        );
        assert!(
            text.contains("note (Thẩm định lần 1): Hội đồng chấm lại"),
            "{text}"
        );
        assert!(text.contains("evidence: Báo cáo số 1"), "{text}");
        // The notebook views show the same.
        let html = super::super::unit_html(&r, Lang::En);
        assert!(
            html.contains("<br>note (Thẩm định lần 1): Hội đồng chấm lại"),
            "{html}"
        );
        assert!(
            html.contains("rounds (index): Tự chấm điểm 100.00"),
            "{html}"
        );
        let batch = rs.score_batch(&units);
        let html = super::super::batch_html(&batch.results, &batch.ranking, false, Lang::Vi);
        assert!(
            html.contains("<th>Xếp loại</th><th>Tự chấm điểm</th><th>Thẩm định lần 1</th><th>Thẩm định lần 2</th><th>Chênh lệch</th></tr>"),
            "{html}"
        );
        assert!(html.contains("<td>—</td>"), "{html}");
        assert_eq!(html.matches("<tr>").count(), units.len() + 1);
    }

    /// Units read a chunk at a time from CSV (duplicate ids across chunks, blank and short
    /// rows, a non-NFC id): the same output as the units read whole, for every chunk size.
    #[test]
    fn chunked_reader_changes_nothing() {
        let rs = Ruleset::from_yaml_str(RULES, "demo.yaml").unwrap();
        let mut csv = String::from("\u{feff}id;name;kind;kh;tl;\n\n");
        for i in 0..31 {
            let id = if i == 9 {
                "Ho\u{0300}a".to_string()
            } else {
                format!("u{}", i % 17)
            };
            let kind = if i % 3 == 0 { "xa" } else { "phuong" };
            let kh = if i % 2 == 0 { "có" } else { "không" };
            if i == 12 {
                csv.push_str("Hòa;short\n\n");
            } else {
                csv.push_str(&format!("{id};Xã {i};{kind};{kh};{};\n", 50 + i * 2));
            }
        }
        let whole = crate::data::read_units(&csv, crate::DataFormat::Csv, "t.csv").unwrap();
        let chunks =
            crate::data::unit_chunks(csv.as_bytes(), crate::DataFormat::Csv, "t.csv").unwrap();
        assert_eq!(chunks.len(), whole.len());
        let mut again = Vec::new();
        chunks
            .for_each(5, |c| {
                assert!(!c.is_empty() && c.len() <= 5);
                again.extend_from_slice(c);
                Ok::<_, Error>(())
            })
            .unwrap();
        assert_eq!(again, whole);
        for grouped in [false, true] {
            let opts = BatchOptions::grouped(grouped);
            for format in [StreamFormat::Json, StreamFormat::Csv] {
                let mut want = Vec::new();
                write_batch(&rs, &whole, &opts, format, &mut want, &mut |_| {}).unwrap();
                let text = String::from_utf8_lossy(&want);
                assert!(text.contains("duplicate_unit_id") || format == StreamFormat::Csv);
                for chunk in [1, 4, 7, 100] {
                    let mut out = Vec::new();
                    let mut seen = Vec::new();
                    write_chunked(
                        &rs,
                        Units::Chunks(&chunks),
                        &opts,
                        format.into(),
                        &mut out,
                        &mut |n| seen.push(n),
                        chunk,
                    )
                    .unwrap();
                    assert_eq!(String::from_utf8_lossy(&out), text, "chunk {chunk}");
                    assert_eq!(seen.last(), Some(&whole.len()));
                }
            }
        }
    }
}
