//! `cchc schema`.

pub fn run() -> u8 {
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
