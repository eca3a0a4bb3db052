//! Presentation (`cchc::present`): snapshots of the explanation, table and CSV of the shipped
//! example, spreadsheet-safe CSV, terminal-safe text, and streamed output equal to the
//! in-memory one.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test."
)]

use std::path::PathBuf;

use cchc::present::{self, StreamFormat};
use cchc::{BatchOptions, Localize, RawValue, Ruleset, Unit};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn example() -> (Ruleset, Vec<Unit>) {
    let rs = Ruleset::load(root().join("rules/ha-noi/thach-that/xa-thi-tran/2021.yaml"))
        .expect("the shipped ruleset loads");
    let units = cchc::read_units_file(root().join("examples/thach-that-2021/xa-thi-tran.csv"))
        .expect("the shipped example reads");
    (rs, units)
}

#[test]
fn example_table_snapshot() {
    let (rs, units) = example();
    let batch = rs.score_batch(&units);
    insta::assert_snapshot!(
        "example_table",
        present::text_table(&rs, &batch, cchc::Lang::Vi)
    );
}

#[test]
fn example_explain_snapshot() {
    let (rs, units) = example();
    let batch = rs.score_batch(&units);
    let text: Vec<String> = batch
        .results
        .iter()
        .map(|r| present::explain(r, cchc::Lang::Vi))
        .collect();
    insta::assert_snapshot!("example_explain", text.join("\n"));
}

#[test]
fn example_csv_snapshot() {
    let (rs, units) = example();
    let batch = rs.score_batch(&units);
    let mut out = Vec::new();
    present::write_csv(&rs, &batch.results, &mut out).unwrap();
    insta::assert_snapshot!("example_csv", String::from_utf8(out).unwrap());
}

fn streamed(rs: &Ruleset, units: &[Unit], opts: &BatchOptions, f: StreamFormat) -> String {
    let mut out = Vec::new();
    let mut calls = 0;
    let summary = present::write_batch(rs, units, opts, f, &mut out, &mut |_| calls += 1).unwrap();
    assert_eq!(summary.units, units.len());
    assert!(calls >= 1);
    String::from_utf8(out).unwrap()
}

#[test]
fn streamed_output_equals_the_batch_result() {
    let (rs, units) = example();
    for grouped in [false, true] {
        let opts = BatchOptions::grouped(grouped);
        let batch = rs.score_batch_with(&units, &opts, &mut |_| {});
        let want = serde_json::to_string_pretty(&batch).unwrap() + "\n";
        assert_eq!(streamed(&rs, &units, &opts, StreamFormat::Json), want);
        let mut csv = Vec::new();
        present::write_csv(&rs, &batch.results, &mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert_eq!(streamed(&rs, &units, &opts, StreamFormat::Csv), csv);
        // Units read a chunk at a time: the same bytes.
        let bytes = std::fs::read(root().join("examples/thach-that-2021/xa-thi-tran.csv")).unwrap();
        let chunks = cchc::data::unit_chunks(&bytes, cchc::DataFormat::Csv, "x.csv").unwrap();
        assert_eq!(chunks.len(), units.len());
        for (f, want) in [(StreamFormat::Json, &want), (StreamFormat::Csv, &csv)] {
            let mut out = Vec::new();
            let s =
                present::write_batch_chunks(&rs, &chunks, &opts, f, &mut out, &mut |_| {}).unwrap();
            assert_eq!(s.units, units.len());
            assert_eq!(&String::from_utf8(out).unwrap(), want);
        }
    }
}

/// The chunked reader refuses what the whole reader refuses, with the same diagnostics, before
/// handing out any unit; JSON and YAML go through it too.
#[test]
fn chunked_reader_errors_and_formats() {
    use cchc::DataFormat;
    for (text, format) in [
        ("", DataFormat::Csv),
        ("id;x\n\n", DataFormat::Csv),
        ("id;x;x\na;1;2\n", DataFormat::Csv),
        ("id;x\na;\u{0}\n", DataFormat::Csv),
        ("[1,", DataFormat::Json),
    ] {
        let whole = cchc::read_units(text, format, "t").unwrap_err();
        let mut called = false;
        let chunked = cchc::data::for_each_unit_chunk(text.as_bytes(), format, "t", 2, |_| {
            called = true;
            Ok::<_, cchc::Error>(())
        })
        .unwrap_err();
        assert_eq!(format!("{chunked:?}"), format!("{whole:?}"), "{text:?}");
        assert!(!called);
    }
    for (text, format) in [
        ("[{id: a}, {id: b}, {id: a, x: 1}]", DataFormat::Yaml),
        (
            "{\"units\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {}]}",
            DataFormat::Json,
        ),
        ("id,x\n\na,1\nb\n\n,3,4\n", DataFormat::Csv),
    ] {
        let whole = cchc::read_units(text, format, "t").unwrap();
        let chunks = cchc::data::unit_chunks(text.as_bytes(), format, "t").unwrap();
        let ids: Vec<Option<&str>> = whole.iter().map(|u| u.id.as_deref()).collect();
        assert_eq!(chunks.ids(), ids);
        let mut again = Vec::new();
        chunks
            .for_each(2, |c| {
                assert!(c.len() <= 2);
                again.extend_from_slice(c);
                Ok::<_, cchc::Error>(())
            })
            .unwrap();
        assert_eq!(again, whole, "{text:?}");
    }
}

const SMALL: &str = r#"
format: cchc/1
id: demo
version: "1"
title: Ví dụ
total: 1
inputs:
  kh: { type: bool }
criteria:
  - { id: "1", title: Kế hoạch, max: 1, rule: { check: kh } }
"#;

fn hostile_units() -> Vec<Unit> {
    vec![
        Unit::new("=HYPERLINK(\"http://x\",\"y\")")
            .with_name("+cmd|' /C calc'!A0")
            .with_kind("@SUM(A1)")
            .with_value("kh", RawValue::Bool(true)),
        Unit::new("-2+3")
            .with_name("\tTab")
            .with_kind("\rCR")
            .with_value("kh", RawValue::Bool(true)),
        Unit::new("ok").with_name("Xã \u{1b}[2J\u{1b}]0;pwned\u{7}Bình Yên\u{202e}"),
    ]
}

#[test]
fn csv_cells_are_spreadsheet_safe() {
    let rs = Ruleset::from_yaml_str(SMALL, "demo.yaml").unwrap();
    let units = hostile_units();
    let batch = rs.score_batch(&units);
    let mut out = Vec::new();
    present::write_csv(&rs, &batch.results, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        for cell in row.iter().take(3) {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?} in {text}"
            );
        }
    }
    assert_eq!(&rows[0][0], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(&rows[0][1], "'+cmd|' /C calc'!A0");
    assert_eq!(&rows[0][2], "'@SUM(A1)");
    assert_eq!(&rows[1][0], "'-2+3");
    assert_eq!(&rows[1][1], "'\tTab");
    assert_eq!(&rows[1][2], "'\rCR");
    // Numbers are numbers: a negative figure is never prefixed (total column).
    assert_eq!(&rows[0][4], "1");
    // The streamed CSV is neutralised the same way.
    let streamed = streamed(&rs, &units, &BatchOptions::default(), StreamFormat::Csv);
    assert_eq!(streamed, text);
}

#[test]
fn terminal_text_has_no_control_characters() {
    let rs = Ruleset::from_yaml_str(SMALL, "demo.yaml").unwrap();
    let units = hostile_units();
    let batch = rs.score_batch_with(&units, &BatchOptions::grouped(true), &mut |_| {});
    let mut text = present::text_table(&rs, &batch, cchc::Lang::Vi);
    for r in &batch.results {
        text.push_str(&present::explain(r, cchc::Lang::Vi));
    }
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "raw control characters {bad:?} in:\n{text}");
    assert!(text.contains("Xã \\u{1b}[2J\\u{1b}]0;pwned\\u{7}Bình Yên\\u{202e}"));
    assert!(text.contains("\\u{d}CR"), "{text}");
    // The notebook view escapes markup.
    let html = present::unit_html(
        &rs.score(&Unit::new("<b>x</b>").with_name("<script>")),
        cchc::Lang::Vi,
    );
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
}

/// The table and the explanation name the issuer and, unless the ruleset is official, say how
/// far its figures may be relied on, in the language asked for.
#[test]
fn ruleset_issuer_and_status_in_table_and_explanation() {
    let rules = |extra: &str| {
        format!(
            "format: cchc/1\nid: demo\nversion: \"1\"\ntitle: Ví dụ\ntotal: 1\n{extra}inputs:\n  kh: {{ type: bool }}\ncriteria:\n  - {{ id: \"1\", title: Kế hoạch, max: 1, rule: {{ check: kh }} }}\n"
        )
    };
    let unit = Unit::new("a").with_value("kh", RawValue::Bool(true));
    let cases = [
        ("", None, Some(("DỰ THẢO — ", "DRAFT — "))),
        (
            "issued_by: UBND huyện\nstatus: illustrative\n",
            Some(("Cơ quan ban hành: UBND huyện", "Issued by: UBND huyện")),
            Some(("MINH HỌA — số liệu minh họa", "ILLUSTRATIVE — ")),
        ),
        (
            "issued_by: UBND huyện\nstatus: official\n",
            Some(("Cơ quan ban hành: UBND huyện", "Issued by: UBND huyện")),
            None,
        ),
    ];
    for (extra, issuer, status) in cases {
        let rs = Ruleset::from_yaml_str(&rules(extra), "r.yaml").unwrap();
        let batch = rs.score_batch(std::slice::from_ref(&unit));
        for (i, lang) in [cchc::Lang::Vi, cchc::Lang::En].into_iter().enumerate() {
            let table = present::text_table(&rs, &batch, lang);
            let explain = present::explain(&batch.results[0], lang);
            let html = present::unit_html(&batch.results[0], lang);
            for text in [&table, &explain, &html] {
                let pick = |p: (&'static str, &'static str)| if i == 0 { p.0 } else { p.1 };
                if let Some(w) = issuer.map(pick) {
                    assert!(text.contains(w), "{extra:?} {lang}: {text}");
                }
                for w in ["DỰ THẢO", "DRAFT", "MINH HỌA", "ILLUSTRATIVE"] {
                    let want = status.map(pick).is_some_and(|s| s.starts_with(w));
                    assert_eq!(text.contains(w), want, "{w} {extra:?} {lang}: {text}");
                }
            }
            // The notes come right after the title line, before the header row.
            let header = if i == 0 { "Hạng" } else { "Rank" };
            let lines: Vec<&str> = table.lines().collect();
            let notes = usize::from(issuer.is_some()) + usize::from(status.is_some());
            assert!(lines[1 + notes].starts_with(header), "{table}");
        }
    }
}

/// The Excel style (byte-order mark, `;`, decimal comma, headers in the language) keeps every
/// text cell spreadsheet-safe and numbers as numbers; streamed output in a language and style
/// is the in-memory one's.
#[test]
fn excel_csv_and_streamed_languages() {
    use present::{CsvStyle, Output};
    let rs = Ruleset::from_yaml_str(SMALL, "demo.yaml").unwrap();
    let units = hostile_units();
    let batch = rs.score_batch(&units);
    for lang in [cchc::Lang::Vi, cchc::Lang::En] {
        let mut out = Vec::new();
        present::write_csv_with(&rs, &batch.results, CsvStyle::Excel, lang, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(true)
            .from_reader(body.as_bytes());
        let head = rd.headers().unwrap().clone();
        let want = match lang {
            cchc::Lang::Vi => ["Mã", "Tên", "Loại", "Trạng thái", "Tổng điểm"],
            _ => ["Id", "Name", "Kind", "Status", "Total"],
        };
        assert_eq!(head.iter().take(5).collect::<Vec<_>>(), want, "{text}");
        let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(&rows[0][0], "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(&rows[0][1], "'+cmd|' /C calc'!A0");
        assert_eq!(&rows[1][0], "'-2+3");
        assert_eq!(&rows[1][1], "'\tTab");
        assert_eq!(&rows[1][2], "'\rCR");
        // Machine values stay ASCII; numbers are not prefixed.
        assert_eq!(&rows[0][3], "complete");
        assert_eq!(&rows[0][4], "1");
        let streamed = |o: Output| {
            let mut out = Vec::new();
            present::write_batch(
                &rs,
                &units,
                &BatchOptions::default(),
                o,
                &mut out,
                &mut |_| {},
            )
            .unwrap();
            String::from_utf8(out).unwrap()
        };
        let csv = Output::new(StreamFormat::Csv)
            .lang(lang)
            .csv(CsvStyle::Excel);
        assert_eq!(streamed(csv), text);
        let json = serde_json::to_string_pretty(
            &present::BatchJson {
                results: &batch.results,
                ranking: &batch.ranking,
            }
            .in_lang(lang),
        )
        .unwrap()
            + "\n";
        assert_eq!(streamed(Output::new(StreamFormat::Json).lang(lang)), json);
    }
}

/// Decimal commas in the Excel style; the plain style keeps points.
#[test]
fn excel_csv_writes_decimal_commas() {
    use present::CsvStyle;
    let (rs, units) = example();
    let batch = rs.score_batch(&units);
    let mut excel = Vec::new();
    present::write_csv_with(
        &rs,
        &batch.results,
        CsvStyle::Excel,
        cchc::Lang::Vi,
        &mut excel,
    )
    .unwrap();
    let excel = String::from_utf8(excel).unwrap();
    let mut plain = Vec::new();
    present::write_csv(&rs, &batch.results, &mut plain).unwrap();
    let plain = String::from_utf8(plain).unwrap();
    assert!(excel.contains(";90,91;100;90,91;xuat_sac;"), "{excel}");
    assert!(plain.contains(",90.91,100,90.91,xuat_sac,"), "{plain}");
    assert!(
        excel
            .lines()
            .next()
            .unwrap()
            .ends_with(";Tiêu chí 7.2;Tiêu chí T;Tiêu chí P"),
        "{excel}"
    );
    assert_eq!(excel.lines().count(), plain.lines().count());
}

/// HTML views: headers, statuses, numbers and the caption in the language.
#[test]
fn html_in_both_languages() {
    let (rs, units) = example();
    let batch = rs.score_batch_with(&units, &BatchOptions::grouped(true), &mut |_| {});
    let vi = present::batch_html(&batch.results, &batch.ranking, true, cchc::Lang::Vi);
    let en = present::batch_html(&batch.results, &batch.ranking, true, cchc::Lang::En);
    assert!(
        vi.contains("<p>23 đơn vị, 21 đơn vị được xếp hạng theo từng loại</p>"),
        "{vi}"
    );
    assert!(
        en.contains("<p>23 units, 21 ranked within each kind</p>"),
        "{en}"
    );
    assert!(vi.contains("<th>Hạng</th>") && en.contains("<th>Rank</th>"));
    assert!(
        vi.contains("<td>90,91</td><td>100,00</td><td>90,91</td>"),
        "{vi}"
    );
    assert!(
        en.contains("<td>90.91</td><td>100.00</td><td>90.91</td>"),
        "{en}"
    );
    assert!(vi.contains("<td>thiếu dữ liệu</td>") && en.contains("<td>incomplete</td>"));
    let r = &batch.results[0];
    let vi = present::unit_html(r, cchc::Lang::Vi);
    let en = present::unit_html(r, cchc::Lang::En);
    assert!(
        vi.contains("<th style=\"text-align:left\">Tiêu chí</th><th>Điểm</th>"),
        "{vi}"
    );
    assert!(
        en.contains("<th style=\"text-align:left\">Criterion</th><th>Points</th>"),
        "{en}"
    );
    assert!(vi.contains("<td>đã chấm</td>") && en.contains("<td>scored</td>"));
}
