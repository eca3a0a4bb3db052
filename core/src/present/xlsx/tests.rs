#![allow(
    clippy::cast_possible_truncation,
    reason = "small test indexes cast to the writer's row and column types"
)]

use super::*;

use calamine::{Data, Reader};

use crate::{DataFormat, Ruleset};

fn ruleset() -> Ruleset {
    Ruleset::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../rules/examples/spec-example.yaml"
    ))
    .unwrap()
}

/// Every sheet's cells as text lines (`A1 = value`), read back with calamine.
fn cells(bytes: &[u8]) -> String {
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        out.push_str(&format!("== {name}\n"));
        let range = book.worksheet_range(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            for (j, d) in row.iter().enumerate() {
                let v = match d {
                    Data::Empty => continue,
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => format!("{i}"),
                    Data::String(s) => format!("{s:?}"),
                    other => format!("{other:?}"),
                };
                let at = crate::data::column_letters(c0 + j as u32);
                out.push_str(&format!("{at}{} = {v}\n", r0 as usize + i + 1));
            }
        }
    }
    out
}

const DATA: &str = "id;name;kh_ban_hanh_dung_han;ty_le_hoan_thanh_kh;so_bao_cao_tre;ho_so_tiep_nhan;ho_so_dung_han;diem_khao_sat;bao_cao_nam\n\
a;Xã A;có;100;0;100;98;4,5;dung_han\n\
b;Xã B;không;85;1;0;0;3;cham\n\
c;Xã C;có;;0;10;10;5;khong_gui\n";

#[test]
fn results_workbook_cells() {
    let rs = ruleset();
    let units = crate::read_units(DATA, DataFormat::Csv, "d.csv").unwrap();
    let batch = rs.score_batch(&units);
    for lang in [Lang::Vi, Lang::En] {
        let bytes = results_workbook(&rs, &batch, lang).unwrap();
        insta::assert_snapshot!(format!("results_{lang:?}"), cells(&bytes));
    }
}

#[test]
fn template_cells_and_it_reads_back() {
    let rs = ruleset();
    let bytes = template_workbook(&rs, Lang::Vi).unwrap();
    insta::assert_snapshot!(cells(&bytes));
    // The empty template: the name row is taken as the header, and there are no rows yet.
    let e = crate::data::read_workbook(&bytes, "t.xlsx", None).unwrap_err();
    assert_eq!(e.diagnostics()[0].code, crate::Code::EmptyCsv);
    assert_eq!(e.diagnostics()[0].pos().line, 3);
}

#[test]
fn sheet_names_are_excel_safe_and_unique() {
    let mut names = SheetNames::new();
    names.reserve("Xếp hạng");
    assert_eq!(names.make("xếp hạng", "Đơn vị 1"), "xếp hạng~2");
    assert_eq!(names.make("a/b:c*d?[e]", "x"), "a_b_c_d__e_");
    assert_eq!(names.make("'''", "Đơn vị 3"), "Đơn vị 3");
    assert_eq!(names.make("History", "Đơn vị 4"), "Đơn vị 4");
    let long = "x".repeat(40);
    let first = names.make(&long, "y");
    assert_eq!(first.chars().count(), 31);
    let second = names.make(&long, "y");
    assert_eq!(second.chars().count(), 31);
    assert!(second.ends_with("~2"));
}
