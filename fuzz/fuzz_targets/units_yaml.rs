//! Unit data in YAML: `read_units_bytes(.., DataFormat::Yaml, ..)` never panics, an error is coded,
//! and units that read are scored with the shipped commune ruleset.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| cchc_fuzz::read_and_score(data, cchc::DataFormat::Yaml));
