fn main() {
    let path = std::env::args().nth(1).unwrap();
    match cchc::Ruleset::load(&path) {
        Ok(rs) => {
            println!("ok {} {}", rs.id(), rs.fingerprint());
            for t in rs.run_tests() {
                println!(
                    "test {} passed={} {:?} {:?}",
                    t.name,
                    t.passed(),
                    t.failures,
                    t.errors
                );
            }
            if let Some(d) = std::env::args().nth(2) {
                let units = cchc::read_units_file(&d).unwrap();
                let b = rs.score_batch(&units);
                println!("{}", serde_json::to_string_pretty(&b).unwrap());
            }
        }
        Err(e) => {
            for d in e.diagnostics() {
                println!("{d}");
            }
        }
    }
}
