//! Loads a rule file, runs its own tests and, given a data file, scores it:
//! `cargo run -p cchc --example smoke -- RULES [DATA]`.

#![allow(
    clippy::print_stdout,
    reason = "An example program: printing is its output."
)]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: smoke RULES [DATA]")?;
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
                let units = cchc::read_units_file(&d)?;
                let b = rs.score_batch(&units);
                println!("{}", serde_json::to_string_pretty(&b)?);
            }
        }
        Err(e) => {
            for d in e.diagnostics() {
                println!("{d}");
            }
        }
    }
    Ok(())
}
