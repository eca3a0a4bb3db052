//! `cchc schema`.

use std::io::Write;

use crate::render;

pub(crate) fn run() -> u8 {
    match serde_json::to_string_pretty(&cchc::json_schema()) {
        Ok(s) => match writeln!(std::io::stdout().lock(), "{s}") {
            Ok(()) => 0,
            Err(e) => render::output_failed(&e),
        },
        Err(e) => {
            render::to_stderr(&format!("error: cannot write the schema: {e}\n"));
            2
        }
    }
}
