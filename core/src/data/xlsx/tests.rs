#![allow(
    clippy::cast_possible_truncation,
    reason = "small test indexes cast to the writer's row and column types"
)]

use super::*;

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

use crate::{DataFormat, Ruleset};

#[test]
fn column_letters_and_addresses() {
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(column_letters(16_383), "XFD");
    assert_eq!(address("Sheet1", 6, 3), "Sheet1!D7");
    assert_eq!(address("Nhập liệu", 0, 0), "'Nhập liệu'!A1");
}

#[test]
fn floats_through_their_shortest_text() {
    assert_eq!(float_text(92.35).as_deref(), Some("92.35"));
    assert_eq!(float_text(3.0).as_deref(), Some("3"));
    assert_eq!(float_text(1e21).as_deref(), Some("1000000000000000000000"));
    assert_eq!(float_text(f64::NAN), None);
}

fn ruleset() -> Ruleset {
    Ruleset::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../rules/examples/spec-example.yaml"
    ))
    .unwrap()
}

const HEADERS: [&str; 9] = [
    "id",
    "name",
    "kh_ban_hanh_dung_han",
    // An input's label, in another case: recognised as its name.
    "tỷ lệ hoàn thành kế hoạch CCHC",
    "so_bao_cao_tre",
    "ho_so_tiep_nhan",
    "ho_so_dung_han",
    "diem_khao_sat",
    "bao_cao_nam",
];

/// The workbook of the reading test, written by another writer than the reader's.
fn typed_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // a: text cells ("có", "92,5", an option's label) and numbers.
    ws.write_string(1, 0, "a").unwrap();
    ws.write_string(1, 1, "Xã A").unwrap();
    ws.write_string(1, 2, "có").unwrap();
    ws.write_string(1, 3, "92,5").unwrap();
    ws.write_number(1, 4, 0).unwrap();
    ws.write_number(1, 5, 100).unwrap();
    ws.write_number(1, 6, 98).unwrap();
    ws.write_number(1, 7, 4.35).unwrap();
    ws.write_string(1, 8, "Đúng hạn").unwrap();
    // b: a boolean, a float, empty cells (missing).
    ws.write_string(2, 0, "b").unwrap();
    ws.write_boolean(2, 2, true).unwrap();
    ws.write_number(2, 3, 92.35).unwrap();
    ws.write_number(2, 4, 1).unwrap();
    ws.write_number(2, 7, 3.0).unwrap();
    ws.write_string(2, 8, "cham").unwrap();
    // c: a formula (its cached value), a date.
    ws.write_number(3, 0, 7).unwrap();
    ws.write_boolean(3, 2, false).unwrap();
    ws.write_formula(3, 3, Formula::new("=40*2").set_result("80"))
        .unwrap();
    ws.write_number(3, 4, 2).unwrap();
    ws.write_number(3, 5, 10).unwrap();
    ws.write_number(3, 6, 10).unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_datetime_with_format(3, 7, ExcelDateTime::from_ymd(2021, 5, 1).unwrap(), &date)
        .unwrap();
    ws.write_string(3, 8, "khong_gui").unwrap();
    wb.save_to_buffer().unwrap()
}

/// The same data as CSV (the date cell is left out: CSV has no dates).
const SAME_AS_CSV: &str = "id;name;kh_ban_hanh_dung_han;Tỷ lệ hoàn thành kế hoạch CCHC;so_bao_cao_tre;ho_so_tiep_nhan;ho_so_dung_han;diem_khao_sat;bao_cao_nam\n\
a;Xã A;có;92,5;0;100;98;4.35;Đúng hạn\n\
b;;true;92.35;1;;;3;cham\n\
7;;không;80;2;10;10;;khong_gui\n";

#[test]
fn a_workbook_scores_as_the_same_data_in_csv() {
    let rs = ruleset();
    let book = typed_workbook();
    let from_book = rs.score_batch(&read(&book, "d.xlsx", None).unwrap());
    let from_csv =
        rs.score_batch(&crate::read_units(SAME_AS_CSV, DataFormat::Csv, "d.csv").unwrap());
    assert_eq!(from_book.results.len(), 3);
    for (x, y) in from_book.results.iter().zip(&from_csv.results).take(2) {
        assert_eq!(x.to_json_value().unwrap(), y.to_json_value().unwrap());
    }
    // The label header was read as the input (a's 92,5 % gives 0.5 on criterion 1.2).
    assert_eq!(
        from_book.results[0].node("1.2").unwrap().points,
        rust_decimal::Decimal::new(5, 1)
    );
    // The date cell is the unit's invalid value, naming the cell; the unit stays.
    let c = &from_book.results[2];
    assert_eq!(c.unit.id.as_deref(), Some("7"));
    assert_eq!(c.status, crate::UnitStatus::Error);
    let e = c.errors.iter().find(|e| e.code == Code::XlsxCell).unwrap();
    assert!(
        e.message.render(crate::Lang::En).contains("Sheet1!H4"),
        "{e:?}"
    );
    assert_eq!(e.at, Some(Pos { line: 4, column: 8 }));
    // Everything else of c is as in CSV.
    let csv_c = &from_csv.results[2];
    for (i, (n, m)) in c.nodes.iter().zip(&csv_c.nodes).enumerate() {
        if rs.nodes()[i].id != "3" {
            assert_eq!(n.points, m.points, "node {}", rs.nodes()[i].id);
        }
    }
}

#[test]
fn streamed_chunks_give_the_units_read_whole() {
    let book = typed_workbook();
    let whole = read(&book, "d.xlsx", None).unwrap();
    let chunks = crate::data::workbook_chunks(&book, "d.xlsx", None).unwrap();
    assert_eq!(chunks.ids(), vec![Some("a"), Some("b"), Some("7")]);
    let mut got = Vec::new();
    chunks
        .for_each::<Error>(2, |c| {
            got.extend_from_slice(c);
            Ok(())
        })
        .unwrap();
    assert_eq!(got, whole);
}

fn code_of(r: Result<Vec<Unit>, Error>) -> (Code, String) {
    let e = r.unwrap_err();
    let d = &e.diagnostics()[0];
    (d.code, d.message.render(crate::Lang::En))
}

#[test]
fn bad_workbooks_are_located_errors() {
    // Not a zip, not a workbook.
    let (code, _) = code_of(read(b"id;x\na;1\n", "d.xlsx", None));
    assert_eq!(code, Code::UnreadableWorkbook);
    // 5 MB of random bytes (a fixed generator: the test is repeatable).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..5 * 1024 * 1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()[0]
        })
        .collect();
    assert_eq!(
        code_of(read(&noise, "d.xlsx", None)).0,
        Code::UnreadableWorkbook
    );
    // A zip that is not a workbook: the start of a real one, cut.
    let book = typed_workbook();
    let cut = &book[..book.len() / 2];
    assert_eq!(
        code_of(read(cut, "d.xlsx", None)).0,
        Code::UnreadableWorkbook
    );
    // Password-protected: an OLE compound file holding an `EncryptedPackage` stream.
    let mut enc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    enc.resize(512, 0);
    enc.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let (code, m) = code_of(read(&enc, "d.xlsx", None));
    assert_eq!(code, Code::UnreadableWorkbook);
    assert!(m.contains("password"), "{m}");
    // Empty: no header.
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Trống").unwrap();
    let empty = wb.save_to_buffer().unwrap();
    let (code, m) = code_of(read(&empty, "d.xlsx", None));
    assert_eq!(code, Code::EmptyCsv);
    assert!(m.contains("Trống"), "{m}");
    // A sheet that does not exist: the ones there are are listed.
    let (code, m) = code_of(read(&book, "d.xlsx", Some("Số liệu")));
    assert_eq!(code, Code::UnknownSheet);
    assert!(m.contains("`Sheet1`"), "{m}");
    // The sheet's name without regard to case.
    assert_eq!(read(&book, "d.xlsx", Some("sheet1")).unwrap().len(), 3);
}

#[test]
fn random_cells_never_panic() {
    // About 5 MB of workbook: random numbers, texts, booleans under random headers.
    let mut x: u64 = 42;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for r in 0..40_000u32 {
        for c in 0..8u16 {
            let v = next();
            match v % 4 {
                0 => ws.write_number(r, c, (v % 100_000) as f64 / 7.0).unwrap(),
                1 => ws.write_string(r, c, format!("{v:x}")).unwrap(),
                2 => ws.write_boolean(r, c, v % 2 == 0).unwrap(),
                _ => ws,
            };
        }
    }
    let book = wb.save_to_buffer().unwrap();
    let rs = ruleset();
    if let Ok(units) = read(&book, "d.xlsx", None) {
        let batch = rs.score_batch(&units);
        assert_eq!(batch.results.len(), units.len());
    }
}

#[test]
fn a_column_named_twice_is_refused_with_its_cells() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["id", "x", "x"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "a").unwrap();
    let (code, m) = code_of(read(&wb.save_to_buffer().unwrap(), "d.xlsx", None));
    assert_eq!(code, Code::DuplicateKey);
    assert!(m.contains("Sheet1!B1") && m.contains("Sheet1!C1"), "{m}");
}

#[test]
fn a_label_row_above_the_names_is_skipped() {
    // The template's layout: labels in row 1, names in row 2.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, (l, n)) in [
        ("Mã đơn vị", "id"),
        ("Số báo cáo gửi chậm", "so_bao_cao_tre"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *l).unwrap();
        ws.write_string(1, c as u16, *n).unwrap();
    }
    ws.write_string(2, 0, "a").unwrap();
    ws.write_number(2, 1, 3).unwrap();
    let units = read(&wb.save_to_buffer().unwrap(), "d.xlsx", None).unwrap();
    assert_eq!(units.len(), 1);
    assert_eq!(units[0].id.as_deref(), Some("a"));
    assert_eq!(
        units[0].values,
        vec![("so_bao_cao_tre".to_string(), RawValue::Cell("3".into()))]
    );
    assert_eq!(units[0].value_at, vec![Some(Pos { line: 3, column: 2 })]);
}

#[test]
fn an_ambiguous_label_is_a_located_error() {
    let yaml = "format: cchc/1\nid: t\nversion: '1'\ntitle: t\ntotal: 2\n\
                inputs:\n  a: { type: count, label: Số hồ sơ }\n  b: { type: count, label: số hồ sơ }\n\
                criteria:\n  - { id: '1', title: x, max: 1, rule: { value: a } }\n  - { id: '2', title: y, max: 1, rule: { value: b } }\n";
    let rs = Ruleset::from_yaml_str(yaml, "t.yaml").unwrap();
    let units = crate::read_units("id;Số hồ sơ\nu;1\n", DataFormat::Csv, "d.csv").unwrap();
    let r = &rs.score_batch(&units).results[0];
    let e = r
        .errors
        .iter()
        .find(|e| e.code == Code::AmbiguousLabel)
        .unwrap();
    assert_eq!(e.at, Some(Pos { line: 2, column: 2 }));
    let m = e.message.render(crate::Lang::En);
    assert!(m.contains("`a`") && m.contains("`b`"), "{m}");
}

/// A minimal `.xlsx` (written by the zip crate, not a spreadsheet writer) whose only sheet is
/// `sheet_xml`.
fn workbook_with_sheet(sheet_xml: &str) -> Vec<u8> {
    use std::io::Write;
    const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    const DOC: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts: [(&str, String); 5] = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".to_string(),
        ),
        (
            "_rels/.rels",
            format!("<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" Type=\"{DOC}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ),
        (
            "xl/workbook.xml",
            format!("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"{DOC}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!("<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" Type=\"{DOC}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
        ),
        ("xl/worksheets/sheet1.xml", sheet_xml.to_string()),
    ];
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in &parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Regression (fuzz target `units_workbook`): cell references beyond any sheet (`A99999999999`,
/// ten column letters) and a dimension whose end is before its start overflowed calamine's
/// arithmetic, a panic in builds with overflow checks. Each is now read or refused, never a
/// panic (calamine is built without overflow checks in every profile, as in release, D124).
#[test]
fn references_beyond_any_sheet_never_panic() {
    let sheet = |dimension: &str, rows: &str| {
        format!(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"{dimension}\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>x</t></is></c></row>{rows}</sheetData></worksheet>"
        )
    };
    let cases = [
        sheet(
            "A1:B2",
            "<row r=\"2\"><c r=\"A99999999999\" t=\"inlineStr\"><is><t>a</t></is></c></row>",
        ),
        sheet(
            "A1:B2",
            "<row r=\"99999999999\"><c r=\"A2\" t=\"inlineStr\"><is><t>a</t></is></c></row>",
        ),
        sheet(
            "A1:B2",
            "<row r=\"2\"><c r=\"ZZZZZZZZZZ2\"><v>1</v></c></row>",
        ),
        sheet(
            "B2:A1",
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a</t></is></c></row>",
        ),
        sheet("A99999999999:ZZZZZZZZZZ1", ""),
    ];
    for xml in &cases {
        let bytes = workbook_with_sheet(xml);
        // Read or refused with a code; what matters is that it returns.
        if let Err(e) = read(&bytes, "d.xlsx", None) {
            assert!(!e.diagnostics().is_empty(), "{xml}");
        }
        if let Ok(chunks) = crate::data::workbook_chunks(&bytes, "d.xlsx", None) {
            let _ = chunks.for_each::<Error>(2, |_| Ok(()));
        }
    }
    // The well-formed sheet of the same shape is read.
    let good = workbook_with_sheet(&sheet(
        "A1:B2",
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B2\"><v>1</v></c></row>",
    ));
    assert_eq!(read(&good, "d.xlsx", None).unwrap().len(), 1);
}
