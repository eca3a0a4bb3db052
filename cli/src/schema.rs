//! `cchc schema`.

use std::io::Write;

use crate::render;

pub(crate) fn run(lang: cchc::Lang) -> u8 {
    match serde_json::to_string_pretty(&cchc::json_schema_in(lang)) {
        Ok(s) => match writeln!(std::io::stdout().lock(), "{s}") {
            Ok(()) => 0,
            Err(e) => render::output_failed(&e, lang),
        },
        Err(e) => {
            let m = cchc::msg!("ui-cli-cannot-write-schema", error = e.to_string());
            render::to_stderr(&format!("{}\n", m.render(lang)));
            2
        }
    }
}
