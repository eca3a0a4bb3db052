//! Unit data in workbooks: `read_workbook` on any bytes (a zip, an `.xls` compound file, noise)
//! never panics, stays within the archive limits, an error is coded, and units that read are
//! scored with the shipped commune ruleset. Seeds: small workbooks (fuzz/seeds/units_workbook/).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| cchc_fuzz::read_workbook_and_score(data));
