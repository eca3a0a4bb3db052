use std::io::Write;

use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use super::*;

/// A zip of `parts`, written by the zip crate (deflated).
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Where `sig` starts in `b`, every time.
fn positions(b: &[u8], sig: &[u8]) -> Vec<usize> {
    b.windows(sig.len())
        .enumerate()
        .filter(|(_, w)| *w == sig)
        .map(|(i, _)| i)
        .collect()
}

/// Writes `v` at `at` (little-endian u32).
fn put_u32(b: &mut [u8], at: usize, v: u32) {
    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

/// Sets every part's declared unpacked size (local headers and central directory) to `size`.
fn declare_size(b: &mut [u8], size: u32) {
    for at in positions(b, b"PK\x03\x04") {
        put_u32(b, at + 22, size);
    }
    for at in positions(b, b"PK\x01\x02") {
        put_u32(b, at + 24, size);
    }
}

fn refused(bytes: &[u8], limits: &ArchiveLimits) -> String {
    let e = check_with(bytes, "d.xlsx", limits).unwrap_err();
    let d = &e.diagnostics()[0];
    assert_eq!(d.code, Code::UnreadableWorkbook);
    d.message.render(crate::Lang::En)
}

/// A real workbook (rust_xlsxwriter's) of a few rows.
fn workbook() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "id").unwrap();
    ws.write_string(1, 0, "a").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn real_workbooks_and_other_bytes_pass() {
    check(&workbook(), "d.xlsx").unwrap();
    // Not a zip: left to calamine.
    check(b"id;x\na;1\n", "d.xlsx").unwrap();
    // A zip the reader cannot open (cut): left to calamine, which says why.
    let book = workbook();
    check(&book[..book.len() / 2], "d.xlsx").unwrap();
}

#[test]
fn a_zip_bomb_is_refused_before_unpacking() {
    // 2 MiB of zeros deflate to about 2 KB: a ratio near 1,000.
    let bomb = zip_of(&[("xl/worksheets/sheet1.xml", &vec![0u8; 2 * 1024 * 1024])]);
    assert!(bomb.len() < 20_000, "{}", bomb.len());
    let m = refused(&bomb, &ArchiveLimits::DEFAULT);
    assert!(m.contains("compressed more than 100 times"), "{m}");
    assert!(m.contains("xl/worksheets/sheet1.xml"), "{m}");
    // Through the reader: the same coded error, not calamine's.
    let e = super::super::read(&bomb, "d.xlsx", None).unwrap_err();
    assert_eq!(e.diagnostics()[0].code, Code::UnreadableWorkbook);
    assert_eq!(e.diagnostics()[0].message.id(), "xlsx-archive-ratio");
    // Declared gigabytes: refused from the sizes alone (the ratio first, then the total).
    let mut huge = zip_of(&[("a.xml", b"<a/>"), ("b.xml", b"<b/>")]);
    declare_size(&mut huge, u32::MAX);
    let m = refused(&huge, &ArchiveLimits::DEFAULT);
    assert!(m.contains("compressed more than"), "{m}");
    let no_ratio = ArchiveLimits {
        ratio: u64::MAX,
        ..ArchiveLimits::DEFAULT
    };
    let m = refused(&huge, &no_ratio);
    assert!(m.contains("more than the limit of 1024 MiB"), "{m}");
}

#[test]
fn a_part_larger_than_it_declares_is_refused() {
    // 64 KiB of zeros (under the ratio's grace) declared as 10 bytes.
    let mut lie = zip_of(&[("xl/sharedStrings.xml", &vec![0u8; 64 * 1024])]);
    declare_size(&mut lie, 10);
    let m = refused(&lie, &ArchiveLimits::DEFAULT);
    assert!(m.contains("more than its declared size (10 bytes)"), "{m}");
    // Declared larger than it is: harmless (the declared sizes, checked, bound what is read).
    let mut short = zip_of(&[("a.xml", &vec![b'x'; 4096])]);
    declare_size(&mut short, 8192);
    check(&short, "d.xlsx").unwrap();
    // A damaged part (its checksum does not match): coded, naming the part.
    let mut bad = zip_of(&[("xl/styles.xml", &vec![b'x'; 4096])]);
    for at in positions(&bad, b"PK\x01\x02") {
        bad[at + 16] ^= 0xFF;
    }
    for at in positions(&bad, b"PK\x03\x04") {
        bad[at + 14] ^= 0xFF;
    }
    let m = refused(&bad, &ArchiveLimits::DEFAULT);
    assert!(
        m.contains("xl/styles.xml") && m.contains("cannot be unpacked"),
        "{m}"
    );
}

#[test]
fn the_limits_on_parts_and_total_size_apply() {
    let book = workbook();
    let few = ArchiveLimits {
        parts: 3,
        ..ArchiveLimits::DEFAULT
    };
    let m = refused(&book, &few);
    assert!(m.contains("more than the limit of 3"), "{m}");
    let small = ArchiveLimits {
        unpacked_bytes: 1000,
        ..ArchiveLimits::DEFAULT
    };
    assert!(refused(&book, &small).contains("unpack to more than the limit"));
}

#[test]
fn a_declared_part_count_is_refused_before_the_archive_is_read() {
    // A local header's signature, then only an end record declaring 60,000 parts.
    let mut b = b"PK\x03\x04".to_vec();
    b.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    b.extend_from_slice(&60_000u16.to_le_bytes());
    b.extend_from_slice(&60_000u16.to_le_bytes());
    b.extend_from_slice(&[0; 10]);
    assert_eq!(declared_parts(&b), Some(60_000));
    let m = refused(&b, &ArchiveLimits::DEFAULT);
    assert!(m.contains("60000") || m.contains("60,000"), "{m}");
}

#[test]
fn zip_encryption_is_said_as_a_password() {
    let mut enc = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
    // The "encrypted" flag (bit 0 of the general purpose flags).
    for at in positions(&enc, b"PK\x03\x04") {
        enc[at + 6] |= 1;
    }
    for at in positions(&enc, b"PK\x01\x02") {
        enc[at + 8] |= 1;
    }
    assert!(refused(&enc, &ArchiveLimits::DEFAULT).contains("password"));
}

#[test]
fn long_part_names_are_cut() {
    let long = "x".repeat(300);
    assert_eq!(part_name(&long).chars().count(), 101);
    assert_eq!(part_name("a.xml"), "a.xml");
}
