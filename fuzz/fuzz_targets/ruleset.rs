//! Rule-file loading: `Ruleset::from_bytes` on any bytes never panics; an error is coded.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| cchc_fuzz::load_ruleset(data));
