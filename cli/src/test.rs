//! `cchc test`.
// A command's output is what it prints (the library itself never prints).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;

use cchc::report::{visible, Severity};

use crate::render;

pub(crate) fn run(files: &[PathBuf]) -> u8 {
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut unreadable = false;
    for f in files {
        let loaded = render::load_ruleset(f);
        let rs = match loaded.result {
            Ok(rs) => rs,
            Err(e) => {
                unreadable = true;
                eprint!(
                    "{}",
                    render::with_source(e.diagnostics(), Severity::Error, loaded.text.as_deref())
                );
                continue;
            }
        };
        let outcomes = rs.run_tests();
        if outcomes.is_empty() {
            println!("{}: no tests", f.display());
        }
        for t in outcomes {
            if t.passed() {
                passed += 1;
                println!("ok   {}:{} {}", f.display(), t.line, visible(&t.name));
            } else {
                failed += 1;
                println!("FAIL {}:{} {}", f.display(), t.line, visible(&t.name));
                for d in &t.failures {
                    println!(
                        "     {}: expected {}, got {}",
                        visible(&d.what),
                        visible(&d.expected),
                        visible(&d.actual)
                    );
                }
                for e in &t.errors {
                    println!("     unit error: {}", visible(e));
                }
            }
        }
    }
    println!("test result: {passed} passed, {failed} failed");
    u8::from(failed > 0 || unreadable)
}
