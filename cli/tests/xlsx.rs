//! Workbooks on the command line: `cchc score RULES data.xlsx [--sheet]`, `--format xlsx
//! --out`, `cchc template`, and bad workbooks (exit 2 with a code, never a panic).
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap is a failing test; small indexes cast to the writer's row and column types."
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader};

const RULES: &str = "rules/examples/spec-example.yaml";
const CSV_RULES: &str = "rules/ha-noi/thach-that/xa-thi-tran/2021.yaml";
const CSV_DATA: &str = "examples/thach-that-2021/xa-thi-tran.csv";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cchc-xlsx-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `cchc args…` from the repository's root: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(args)
        .current_dir(root())
        .env_remove("CCHC_LANG")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The CSV example as a workbook (every cell as the CSV's text, numbers as numbers where the
/// CSV cell is a plain number).
fn csv_as_workbook(path: &Path, sheet: &str) {
    let text = std::fs::read_to_string(root().join(CSV_DATA)).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name(sheet).unwrap();
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(';').enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(n) if r > 0 => ws.write_number(r, c, n).unwrap(),
                _ => ws.write_string(r, c, cell).unwrap(),
            };
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn a_workbook_scores_as_its_csv() {
    let dir = scratch("same");
    let book = dir.join("xa.xlsx");
    csv_as_workbook(&book, "Số liệu");
    let (code_csv, csv, _) = run(&["score", CSV_RULES, CSV_DATA, "--format", "json"]);
    let (code_book, got, err) = run(&["score", CSV_RULES, s(&book), "--format", "json"]);
    assert_eq!(code_csv, code_book, "{err}");
    let strip = |t: &str| {
        let mut v: serde_json::Value = serde_json::from_str(t).unwrap();
        // Positions differ (a CSV line, a sheet row): compare everything else.
        for r in v["results"].as_array_mut().unwrap() {
            for key in ["errors", "warnings"] {
                for i in r[key].as_array_mut().into_iter().flatten() {
                    i.as_object_mut().unwrap().remove("at");
                }
            }
        }
        v
    };
    assert_eq!(strip(&got), strip(&csv));
    // --sheet by name; an unknown sheet is refused naming the sheets.
    let (code, _, _) = run(&["score", CSV_RULES, s(&book), "--sheet", "Số liệu"]);
    assert_eq!(code, code_csv);
    let (code, out, err) = run(&["score", CSV_RULES, s(&book), "--sheet", "Sheet1"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("unknown_sheet") && err.contains("Số liệu"),
        "{err}"
    );
    // --sheet with data that is not a workbook.
    let (code, _, err) = run(&["score", CSV_RULES, CSV_DATA, "--sheet", "x"]);
    assert_eq!(code, 2);
    assert!(err.contains("--sheet"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn results_workbook_needs_out() {
    let (code, out, err) = run(&["score", CSV_RULES, CSV_DATA, "--format", "xlsx"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("--out"), "{err}");
    let (_, _, err) = run(&[
        "--lang", "en", "score", CSV_RULES, CSV_DATA, "--format", "xlsx",
    ]);
    assert!(err.contains("cannot be shown on a terminal"), "{err}");
}

#[test]
fn results_workbook_written() {
    let dir = scratch("out");
    let out = dir.join("ket-qua.xlsx");
    let (code, stdout, err) = run(&[
        "score",
        CSV_RULES,
        CSV_DATA,
        "--format",
        "xlsx",
        "--out",
        s(&out),
    ]);
    // Exit code as for the other formats (1: some units incomplete or in error).
    let (table_code, _, _) = run(&["score", CSV_RULES, CSV_DATA]);
    assert_eq!(code, table_code, "{err}");
    assert!(stdout.is_empty());
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let names = book.sheet_names();
    assert_eq!(&names[..2], ["Xếp hạng", "Tổng hợp"]);
    let units = std::fs::read_to_string(root().join(CSV_DATA))
        .unwrap()
        .lines()
        .count()
        - 1;
    assert_eq!(names.len(), 2 + units);
    // The ranking's figures are the JSON's.
    let (_, json, _) = run(&[
        "score", CSV_RULES, CSV_DATA, "--format", "json", "--detail", "summary",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ranking = book.worksheet_range("Xếp hạng").unwrap();
    for (k, e) in json["ranking"].as_array().unwrap().iter().enumerate() {
        let row = 5 + k as u32;
        let rank = ranking.get_value((row, 0)).unwrap();
        assert_eq!(rank, &Data::Float(e["rank"].as_f64().unwrap()));
        assert_eq!(
            ranking.get_value((row, 1)).unwrap(),
            &Data::String(e["id"].as_str().unwrap().into())
        );
        let index = ranking.get_value((row, 4)).unwrap();
        let Data::Float(x) = index else {
            panic!("{index:?}")
        };
        assert_eq!(format!("{x}"), e["index"].to_string());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn template_filled_and_scored() {
    let dir = scratch("template");
    let tpl = dir.join("mau-nhap-lieu.xlsx");
    let (code, _, err) = run(&["template", RULES, "--out", s(&tpl)]);
    assert_eq!(code, 0, "{err}");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&tpl).unwrap();
    assert_eq!(book.sheet_names()[0], "Nhập liệu");
    let entry = book.worksheet_range("Nhập liệu").unwrap();
    let names: Vec<String> = (0..entry.width())
        .map(|c| entry.get_value((1, c as u32)).unwrap().to_string())
        .collect();
    assert_eq!(&names[..3], ["id", "name", "kind"]);
    // The blank template is read (its name row taken as the header) and has no rows yet.
    let (code, _, err) = run(&["score", RULES, s(&tpl)]);
    assert_eq!(code, 2);
    assert!(err.contains("empty_csv"), "{err}");
    // Filled in the template's layout by another writer: labels, names, then a unit.
    let labels: Vec<String> = (0..entry.width())
        .map(|c| entry.get_value((0, c as u32)).unwrap().to_string())
        .collect();
    let filled = dir.join("da-nhap.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Nhập liệu").unwrap();
    for (c, (l, n)) in labels.iter().zip(&names).enumerate() {
        ws.write_string(0, c as u16, l).unwrap();
        ws.write_string(1, c as u16, n).unwrap();
    }
    let values = [
        ("id", None, Some("a")),
        ("name", None, Some("Xã A")),
        ("kh_ban_hanh_dung_han", None, Some("có")),
        ("ty_le_hoan_thanh_kh", Some(100.0), None),
        ("so_bao_cao_tre", Some(0.0), None),
        ("ho_so_tiep_nhan", Some(100.0), None),
        ("ho_so_dung_han", Some(98.0), None),
        ("diem_khao_sat", Some(4.5), None),
        ("bao_cao_nam", None, Some("Đúng hạn")),
    ];
    for (name, n, t) in values {
        let c = names.iter().position(|x| x == name).unwrap() as u16;
        match (n, t) {
            (Some(n), _) => ws.write_number(2, c, n).unwrap(),
            (None, t) => ws.write_string(2, c, t.unwrap()).unwrap(),
        };
    }
    wb.save(&filled).unwrap();
    let (code, out, err) = run(&[
        "score",
        RULES,
        s(&filled),
        "--format",
        "json",
        "--detail",
        "summary",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["results"][0]["status"], "complete");
    assert_eq!(v["results"][0]["unit"]["name"], "Xã A");
    // The same unit in JSON data.
    let json = dir.join("a.json");
    std::fs::write(
        &json,
        r#"{"id": "a", "name": "Xã A", "values": {"kh_ban_hanh_dung_han": true, "ty_le_hoan_thanh_kh": 100, "so_bao_cao_tre": 0, "ho_so_tiep_nhan": 100, "ho_so_dung_han": 98, "diem_khao_sat": 4.5, "bao_cao_nam": "dung_han"}}"#,
    )
    .unwrap();
    let (_, want, _) = run(&[
        "score",
        RULES,
        s(&json),
        "--format",
        "json",
        "--detail",
        "summary",
    ]);
    let want: serde_json::Value = serde_json::from_str(&want).unwrap();
    assert_eq!(v["results"][0]["index"], want["results"][0]["index"]);
    assert_eq!(v["results"][0]["total"], want["results"][0]["total"]);
    // Without --out, refused.
    let (code, _, err) = run(&["template", RULES]);
    assert_eq!(code, 2);
    assert!(err.contains("--out"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_workbooks_exit_2_with_a_code() {
    let dir = scratch("bad");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "khong-phai.xlsx",
            b"id;x\na;1\n".to_vec(),
            "unreadable_workbook",
        ),
        (
            "mat-khau.xlsx",
            {
                let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
                b.resize(512, 0);
                b.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
                b
            },
            "unreadable_workbook",
        ),
        (
            "trong.xlsx",
            {
                let mut wb = rust_xlsxwriter::Workbook::new();
                wb.add_worksheet();
                wb.save_to_buffer().unwrap()
            },
            "empty_csv",
        ),
        (
            "ngau-nhien.xlsx",
            {
                let mut x: u64 = 88172645463325252;
                (0..5 * 1024 * 1024)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        x.to_le_bytes()[0]
                    })
                    .collect()
            },
            "unreadable_workbook",
        ),
        (
            // A zip whose end record declares 60,000 parts: refused before it is opened.
            "bom-nen.xlsx",
            {
                let mut b = b"PK\x03\x04PK\x05\x06\0\0\0\0".to_vec();
                b.extend(60_000u16.to_le_bytes());
                b.extend(60_000u16.to_le_bytes());
                b.extend([0u8; 10]);
                b
            },
            "unreadable_workbook",
        ),
    ];
    for (name, bytes, code) in cases {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let (exit, out, err) = run(&["score", RULES, s(&p)]);
        assert_eq!(exit, 2, "{name}: {err}");
        assert!(out.is_empty(), "{name}");
        assert!(err.contains(&format!("[{code}]")), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        if name == "bom-nen.xlsx" {
            // The archive check's own message (not the zip reader's), with its advice.
            assert!(err.contains("60000 tệp thành phần"), "{err}");
            assert!(err.contains("đừng mở tệp"), "{err}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
