//! `cchc score`: `--out` never overwrites an input; CSV output is spreadsheet-safe and the
//! table terminal-safe when run as a command; CSV data read a chunk at a time gives the batch
//! result.
#![allow(
    clippy::unwrap_used,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap here is a failing test."
)]

use std::path::{Path, PathBuf};
use std::process::Command;

const RULES: &str = "format: cchc/1\nid: demo\nversion: \"1\"\ntitle: Ví dụ\ntotal: 1\ninputs:\n  kh: { type: bool }\ncriteria:\n  - { id: \"1\", title: Kế hoạch, max: 1, rule: { check: kh } }\n";
/// JSON, because a raw control character in a data file is refused (`control_character`); an
/// escaped one (`\u001b`) inside a JSON string is text and reaches the output.
const DATA: &str = r#"[{"id": "=1+1", "name": "@x\u001b[2J", "values": {"kh": true}}, {"id": "b", "name": "B", "values": {"kh": false}}]"#;

/// A fresh directory with the rule file and the data file.
fn setup(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("score_out-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let rules = dir.join("rules.yaml");
    let data = dir.join("data.json");
    std::fs::write(&rules, RULES).unwrap();
    std::fs::write(&data, DATA).unwrap();
    (dir, rules, data)
}

fn cchc(args: &[&Path]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cchc"))
        .arg("score")
        .args(args)
        .env("CCHC_LANG", "en")
        .output()
        .unwrap()
}

#[test]
fn out_refuses_the_input_files() {
    let (dir, rules, data) = setup("inputs");
    let other = dir.join(".").join("data.json"); // the same file by another path
    for target in [&rules, &data, &other] {
        let out = cchc(&[&rules, &data, Path::new("--out"), target]);
        assert_eq!(out.status.code(), Some(2), "{target:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("would overwrite"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&rules).unwrap(), RULES);
    assert_eq!(std::fs::read_to_string(&data).unwrap(), DATA);
    #[cfg(unix)]
    {
        let link = dir.join("link.json");
        std::os::unix::fs::symlink(&data, &link).unwrap();
        let out = cchc(&[&rules, &data, Path::new("--out"), &link]);
        assert_eq!(out.status.code(), Some(2));
        let hard = dir.join("hard.yaml");
        std::fs::hard_link(&rules, &hard).unwrap();
        let out = cchc(&[&rules, &data, Path::new("--out"), &hard]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(std::fs::read_to_string(&rules).unwrap(), RULES);
        assert_eq!(std::fs::read_to_string(&data).unwrap(), DATA);
    }
    // Another file is written.
    let dest = dir.join("out.csv");
    let out = cchc(&[
        &rules,
        &data,
        Path::new("--format"),
        Path::new("csv"),
        Path::new("--out"),
        &dest,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&dest)
            .unwrap()
            .starts_with("id,name,kind,")
    );
}

#[test]
fn csv_and_table_are_safe() {
    let (_dir, rules, data) = setup("safe");
    let out = cchc(&[&rules, &data, Path::new("--format"), Path::new("csv")]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\n'=1+1,'@x\u{1b}[2J,"), "{text}");
    let out = cchc(&[&rules, &data]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("@x\\u{1b}[2J"), "{text}");
}

/// Regression: the data file (or standard input) was read to its end before any size check, so
/// `/dev/zero` filled memory. It is now read up to the data limit plus one byte and refused.
#[cfg(unix)]
#[test]
fn endless_data_is_refused_not_read_to_the_end() {
    let (_dir, rules, _data) = setup("endless");
    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .arg("score")
        .arg(&rules)
        .arg("/dev/zero")
        .args(["--data-format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("file_too_large"), "{err}");
}

/// CSV data is read a chunk at a time for `--format csv|json`: the output is the in-memory
/// batch's (duplicate ids across the file, a short row, blank lines), and a file that cannot be
/// read writes nothing.
#[test]
fn chunked_csv_data_gives_the_batch_result() {
    let (dir, rules, _data) = setup("chunked");
    let mut text = String::from("id;name;kh\n\n");
    for i in 0..5000 {
        text.push_str(&format!(
            "u{};Xã {i};{}\n",
            i % 4001,
            ["có", "không"][i % 2]
        ));
    }
    text.push_str("short\n\n");
    let data = dir.join("big.csv");
    std::fs::write(&data, &text).unwrap();
    let rs = cchc::Ruleset::from_yaml_str(RULES, "rules.yaml").unwrap();
    let units = cchc::read_units(&text, cchc::DataFormat::Csv, "big.csv").unwrap();
    let batch = rs.score_batch(&units);
    let mut csv = Vec::new();
    cchc::present::write_csv(&rs, &batch.results, &mut csv).unwrap();
    let json = serde_json::to_string_pretty(&cchc::Localize::in_lang(&batch, cchc::Lang::En))
        .unwrap()
        + "\n";
    for (format, want) in [("csv", csv), ("json", json.into_bytes())] {
        let out = cchc(&[&rules, &data, Path::new("--format"), Path::new(format)]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(out.stdout == want, "{format}");
    }
    let empty = dir.join("empty.csv");
    std::fs::write(&empty, "id;kh\n\n").unwrap();
    let out = cchc(&[&rules, &empty, Path::new("--format"), Path::new("json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty_csv"));
}

/// `--detail data|summary` leaves out the trace words or the tree, and nothing else: each is the
/// full JSON with those keys removed, on the shipped example.
#[test]
fn json_detail_leaves_out_only_what_it_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let rules = root.join("rules/ha-noi/thach-that/xa-thi-tran/2021.yaml");
    let data = root.join("examples/thach-that-2021/xa-thi-tran.csv");
    let json = |detail: &str| -> serde_json::Value {
        let out = cchc(&[
            &rules,
            &data,
            Path::new("--format"),
            Path::new("json"),
            Path::new("--detail"),
            Path::new(detail),
        ]);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    fn drop_trace(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("trace");
                m.values_mut().for_each(drop_trace);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(drop_trace),
            _ => {}
        }
    }
    let full = json("full");
    let mut no_trace = full.clone();
    for r in no_trace["results"].as_array_mut().unwrap() {
        drop_trace(&mut r["criteria"]);
    }
    assert_eq!(json("data"), no_trace);
    let mut summary = full.clone();
    for r in summary["results"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("criteria");
    }
    assert_eq!(json("summary"), summary);
    assert_eq!(full["results"].as_array().unwrap().len(), 23);
}
