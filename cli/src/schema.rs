//! `cchc schema`.
// A command's output is what it prints (the library itself never prints).
#![allow(clippy::print_stdout, clippy::print_stderr)]

pub(crate) fn run() -> u8 {
    match serde_json::to_string_pretty(&cchc::json_schema()) {
        Ok(s) => {
            println!("{s}");
            0
        }
        Err(e) => {
            eprintln!("error: cannot write the schema: {e}");
            2
        }
    }
}
