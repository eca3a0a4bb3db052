//! Every example of the guides for policy staff — `docs/rule-format.md` (English) and
//! `docs/huong-dan-bo-tieu-chi.md` (Vietnamese) — is checked here with the `cchc` command.
//!
//! A guide is read block by block. An HTML comment right before a fence (blank lines between are
//! allowed) is a *marker*; it is invisible when the Markdown is shown. The first line of a
//! marker is `<!-- word: …`; the lines after it, up to `-->`, are its *body* (YAML).
//!
//! - A ```yaml block holding `format: cchc/1` is a complete rule file: `cchc check` must accept
//!   it, and when it has `tests:`, `cchc test` must pass them. With `<!-- expect: CODE, … -->`
//!   it is a broken example instead: `check` must refuse it with each of these codes.
//! - `<!-- file: NAME -->` saves the block (any language) as NAME in the guide's scratch folder,
//!   where the commands of the guide run. A ```yaml block that is not a rule file (unit data)
//!   must carry it.
//! - `<!-- fragment: KEY in BASE -->` embeds a ```yaml fragment into a complete file and checks
//!   that file as above. BASE is a file of the guide (`phuong-mau.yaml`) or of the repository
//!   (`rules/…`). KEY `criteria`: the fragment is a list of criteria that replaces BASE's
//!   criteria; `total` becomes the sum of its normal criteria's `max` (a filler criterion of max
//!   1 is added when it has none), and BASE's `grades` and `tests` are dropped (they name
//!   criteria that are gone). Any other KEY: the fragment is a mapping `KEY: …` put into BASE
//!   (`inputs` entry by entry, other keys replaced). The marker's body, if any, is a YAML mapping
//!   merged the same way afterwards (extra inputs, or `tests:` that check the figures the guide
//!   states about the fragment).
//! - `<!-- derive: NAME from BASE -->` (on its own, or before a fence) writes NAME as BASE with
//!   the changes listed in its body: a YAML list of `[old, new]` pairs; each `old` must occur
//!   exactly once in BASE.
//! - A ```text block whose first line is `$ cchc ARGS` is run in the scratch folder (with
//!   `CCHC_LANG` set to the guide's language) and what it prints — standard output, then
//!   standard error — must be the rest of the block, up to the next `$ cchc` line. A line that
//!   is only `…` stands for any number of lines. Trailing spaces are ignored.
//! - A ```json block marked `<!-- json-in: ARGS -->` is an object that must appear, key for key,
//!   somewhere in the JSON that `cchc ARGS` prints.
//! - `<!-- pending: WHAT -->` skips a block that needs work not merged yet (a note is printed).
//!   `<!-- unchecked: WHY -->` says why a block is not checked (e.g. a piece of a JSON result).
//! - Any other block fails the test: an unmarked ```yaml that is not a rule file, an unmarked
//!   ```text that is not a command, a block in another language.
//!
//! `CCHC_GUIDES_BLESS=1 cargo test -p cchc-cli --test guides` rewrites, in the guides, the
//! output of each command block that differs (review the diff). A block with `…` lines is
//! rewritten only when it is `…` then the output from one line on: that line's text before ` — `
//! (e.g. `UBND phường C (phuong-c)`) says where the part shown starts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic is a failing test."
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_yaml_ng::{Mapping, Value};

/// The repository's top folder.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One fenced block of a guide.
#[derive(Debug)]
struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    lang: String,
    /// The content, with the fence's indentation removed from each line.
    text: String,
    /// Index in the guide's lines of the first content line, and how many content lines.
    body_at: usize,
    body_len: usize,
    indent: usize,
    markers: Vec<Marker>,
}

/// An HTML comment before a fence (or standing alone).
#[derive(Debug, Clone)]
struct Marker {
    word: String,
    arg: String,
    body: String,
    line: usize,
}

/// What a guide holds: its fenced blocks and its lone markers (`derive`), in order.
#[derive(Debug)]
enum Item {
    Block(Block),
    Lone(Marker),
}

fn parse_guide(text: &str) -> Vec<Item> {
    let lines: Vec<&str> = text.lines().collect();
    let mut items = Vec::new();
    let mut markers: Vec<Marker> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim_start();
        if let Some(rest) = t.strip_prefix("<!--") {
            // A marker: up to the line that ends it.
            let start = i;
            let mut all = vec![rest.to_string()];
            while !all.last().unwrap().trim_end().ends_with("-->") {
                i += 1;
                assert!(i < lines.len(), "line {}: comment never closed", start + 1);
                all.push(lines[i].to_string());
            }
            let last = all.pop().unwrap();
            all.push(last.trim_end().trim_end_matches("-->").to_string());
            let head = all[0].trim().to_string();
            let body = all[1..].join("\n");
            match head.split_once(':') {
                Some((word, arg)) if !word.contains(' ') => {
                    let m = Marker {
                        word: word.to_string(),
                        arg: arg.trim().to_string(),
                        body,
                        line: start + 1,
                    };
                    markers.push(m);
                }
                _ => {
                    // An ordinary comment: it is not a marker.
                    flush(&mut markers, &mut items);
                }
            }
            i += 1;
            continue;
        }
        if let Some(lang) = t.strip_prefix("```") {
            let indent = lines[i].len() - t.len();
            let start = i;
            i += 1;
            let body_at = i;
            let mut body = Vec::new();
            while i < lines.len() && lines[i].trim() != "```" {
                let l = lines[i];
                // The fence's indentation is spaces: cutting it cannot split a character.
                let cut = l.len() - l.trim_start().len();
                body.push(match l.get(indent..) {
                    Some(rest) if cut >= indent => rest,
                    _ => l.trim_start(),
                });
                i += 1;
            }
            assert!(i < lines.len(), "line {}: block never closed", start + 1);
            items.push(Item::Block(Block {
                line: start + 1,
                lang: lang.trim().to_string(),
                text: body.iter().map(|l| format!("{l}\n")).collect(),
                body_at,
                body_len: body.len(),
                indent,
                markers: std::mem::take(&mut markers),
            }));
            i += 1;
            continue;
        }
        if !t.is_empty() {
            flush(&mut markers, &mut items);
        }
        i += 1;
    }
    flush(&mut markers, &mut items);
    items
}

/// Markers followed by text rather than a fence stand alone.
fn flush(markers: &mut Vec<Marker>, items: &mut Vec<Item>) {
    items.extend(markers.drain(..).map(Item::Lone));
}

fn marker<'a>(b: &'a Block, word: &str) -> Option<&'a Marker> {
    b.markers.iter().find(|m| m.word == word)
}

/// Runs `cchc args…` in `dir`: (exit code, standard output then standard error).
fn cchc(dir: &Path, lang: &str, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(args)
        .current_dir(dir)
        .env("CCHC_LANG", lang)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let mut text = String::from_utf8(out.stdout).unwrap();
    text.push_str(&String::from_utf8(out.stderr).unwrap());
    (out.status.code().unwrap_or(-1), text)
}

/// Does `actual` match `expected`, where an expected line `…` matches any run of lines?
fn matches(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((&"…", rest)) => (0..=actual.len()).any(|k| matches(rest, &actual[k..])),
        Some((e, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| a.trim_end() == e.trim_end() && matches(rest, more)),
    }
}

fn trimmed_lines(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s.lines().map(str::trim_end).collect();
    while v.last() == Some(&"") {
        v.pop();
    }
    v
}

/// The guide's checker: its scratch folder, its language, what failed, what was skipped.
struct Checker {
    name: &'static str,
    dir: PathBuf,
    lang: &'static str,
    failures: Vec<String>,
    notes: Vec<String>,
    /// Blessed replacements: (first content line, content line count, indent, new content).
    bless: Vec<(usize, usize, usize, String)>,
}

impl Checker {
    fn fail(&mut self, line: usize, what: String) {
        self.failures.push(format!("{}:{line}: {what}", self.name));
    }

    fn path_of(&self, name: &str) -> PathBuf {
        if name.contains('/') {
            repo().join(name)
        } else {
            self.dir.join(name)
        }
    }

    /// `cchc check` (and `cchc test` when the file has tests) on a complete rule file.
    fn check_file(&mut self, line: usize, file: &str, text: &str, expect: Option<&Marker>) {
        let (code, out) = cchc(&self.dir, self.lang, &["check", file]);
        match expect {
            Some(m) => {
                let codes: Vec<&str> = m.arg.split(',').map(str::trim).collect();
                let missing = codes.iter().any(|c| !out.contains(&format!("[{c}]")));
                if code != 1 || missing {
                    self.fail(line, format!("expected the errors {codes:?}, got:\n{out}"));
                }
            }
            None => {
                if code != 0 {
                    self.fail(line, format!("`cchc check` refused it:\n{out}"));
                } else if has_key(text, "tests") {
                    let (code, out) = cchc(&self.dir, self.lang, &["test", file]);
                    if code != 0 {
                        self.fail(line, format!("`cchc test` failed:\n{out}"));
                    }
                }
            }
        }
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.dir.join(name), text).unwrap();
    }

    /// First pass: write every named and derived file, so that commands may use files shown
    /// later in the guide.
    fn write_files(&mut self, items: &[Item]) {
        for item in items {
            let (markers, text) = match item {
                Item::Block(b) => (&b.markers[..], Some(&b.text)),
                Item::Lone(m) => (std::slice::from_ref(m), None),
            };
            for m in markers {
                match (m.word.as_str(), text) {
                    ("file", Some(text)) => self.write(&m.arg, text),
                    ("derive", _) => self.derive(m),
                    _ => {}
                }
            }
        }
    }

    fn derive(&mut self, m: &Marker) {
        let Some((name, base)) = m.arg.split_once(" from ") else {
            return self.fail(m.line, "write `derive: NAME from BASE`".into());
        };
        let Ok(mut text) = std::fs::read_to_string(self.path_of(base.trim())) else {
            return self.fail(
                m.line,
                format!("no file `{base}` (derive from a file shown before)"),
            );
        };
        let pairs: Vec<(String, String)> = match serde_yaml_ng::from_str(&m.body) {
            Ok(p) => p,
            Err(e) => {
                return self.fail(m.line, format!("the body is not a list of [old, new]: {e}"));
            }
        };
        for (old, new) in pairs {
            if text.matches(&old).count() != 1 {
                return self.fail(
                    m.line,
                    format!("`{old}` does not occur exactly once in {base}"),
                );
            }
            text = text.replacen(&old, &new, 1);
        }
        self.write(name.trim(), &text);
    }

    fn block(&mut self, b: &Block) {
        if let Some(m) = marker(b, "pending") {
            self.notes.push(format!(
                "{}:{}: skipped, pending {} (remove the marker once it is merged)",
                self.name, b.line, m.arg
            ));
            return;
        }
        if marker(b, "unchecked").is_some() {
            return;
        }
        match b.lang.as_str() {
            "yaml" => self.yaml(b),
            "text" if b.text.starts_with("$ cchc ") => self.commands(b),
            "json" if marker(b, "json-in").is_some() => self.json_in(b),
            _ if marker(b, "file").is_some() => {}
            _ => self.fail(
                b.line,
                format!(
                    "a ```{} block that is neither a command, a named file nor marked unchecked",
                    b.lang
                ),
            ),
        }
    }

    fn yaml(&mut self, b: &Block) {
        let expect = marker(b, "expect");
        if let Some(m) = marker(b, "fragment").cloned() {
            let Some(text) = self.embed(b, &m) else {
                return;
            };
            let name = format!("fragment-{}.yaml", b.line);
            self.write(&name, &text);
            self.check_file(b.line, &name, &text, expect);
        } else if b.text.lines().any(|l| l.trim_end() == "format: cchc/1") {
            let name = match marker(b, "file") {
                Some(m) => m.arg.clone(),
                None => {
                    let name = format!("block-{}.yaml", b.line);
                    self.write(&name, &b.text);
                    name
                }
            };
            self.check_file(b.line, &name, &b.text, expect);
        } else if marker(b, "file").is_none() {
            self.fail(
                b.line,
                "a ```yaml block without `format: cchc/1`: mark it as a fragment or a file".into(),
            );
        }
    }

    /// The complete file a fragment goes into (None after a failure was recorded).
    fn embed(&mut self, b: &Block, m: &Marker) -> Option<String> {
        let Some((key, base)) = m.arg.split_once(" in ") else {
            self.fail(m.line, "write `fragment: KEY in BASE`".into());
            return None;
        };
        let Ok(base_text) = std::fs::read_to_string(self.path_of(base.trim())) else {
            self.fail(m.line, format!("no file `{base}`"));
            return None;
        };
        let mut file: Mapping = serde_yaml_ng::from_str(&base_text).unwrap();
        let fragment: Value = match serde_yaml_ng::from_str(&b.text) {
            Ok(v) => v,
            Err(e) => {
                self.fail(b.line, format!("the fragment is not YAML: {e}"));
                return None;
            }
        };
        if key.trim() == "criteria" {
            let Value::Sequence(list) = fragment else {
                self.fail(
                    b.line,
                    "a `criteria` fragment must be a list of criteria".into(),
                );
                return None;
            };
            let mut list = list;
            let mut total = Decimal::ZERO;
            for c in &list {
                let normal = c.get("kind").is_none_or(|k| k.as_str() == Some("normal"));
                if let (true, Some(Value::Number(n))) = (normal, c.get("max")) {
                    total += Decimal::from_str(&n.to_string()).unwrap();
                }
            }
            if total.is_zero() {
                let filler =
                    "{ id: filler, title: Filler, max: 1, rule: { check: { expr: \"true\" } } }";
                list.push(serde_yaml_ng::from_str(filler).unwrap());
                total = Decimal::ONE;
            }
            file.insert("criteria".into(), Value::Sequence(list));
            file.insert(
                "total".into(),
                serde_yaml_ng::from_str(&total.to_string()).unwrap(),
            );
            file.remove("grades");
            file.remove("tests");
        } else {
            let Value::Mapping(map) = fragment else {
                self.fail(
                    b.line,
                    format!("a `{key}` fragment must be a mapping `{key}: …`"),
                );
                return None;
            };
            merge(&mut file, map);
        }
        if !m.body.trim().is_empty() {
            match serde_yaml_ng::from_str(&m.body) {
                Ok(map) => merge(&mut file, map),
                Err(e) => {
                    self.fail(
                        m.line,
                        format!("the marker's body is not a YAML mapping: {e}"),
                    );
                    return None;
                }
            }
        }
        Some(serde_yaml_ng::to_string(&file).unwrap())
    }

    /// A ```json block marked `json-in: ARGS`: an object that must appear, key for key, in
    /// the JSON that `cchc ARGS` prints.
    fn json_in(&mut self, b: &Block) {
        let args = marker(b, "json-in").unwrap().arg.clone();
        let argv: Vec<&str> = args.split_whitespace().collect();
        let (_, out) = cchc(&self.dir, self.lang, &argv);
        let want: serde_json::Value = match serde_json::from_str(&b.text) {
            Ok(v) => v,
            Err(e) => return self.fail(b.line, format!("not JSON: {e}")),
        };
        let got: serde_json::Value = match serde_json::from_str(&out) {
            Ok(v) => v,
            Err(e) => {
                return self.fail(
                    b.line,
                    format!("`cchc {args}` did not print JSON ({e}):\n{out}"),
                );
            }
        };
        if !contains(&got, &want) {
            self.fail(
                b.line,
                format!("no object of `cchc {args}` has every key and value of the block"),
            );
        }
    }

    /// A text block of commands: `$ cchc ARGS` lines, each followed by what it prints.
    fn commands(&mut self, b: &Block) {
        let mut runs: Vec<(String, Vec<&str>)> = Vec::new();
        for l in b.text.lines() {
            match l.strip_prefix("$ cchc ") {
                Some(args) => runs.push((args.to_string(), Vec::new())),
                None => runs.last_mut().unwrap().1.push(l),
            }
        }
        let mut blessed = String::new();
        let mut differs = false;
        let mut can_bless = true;
        for (args, expected) in &runs {
            let argv: Vec<&str> = args.split_whitespace().collect();
            let (_, out) = cchc(&self.dir, self.lang, &argv);
            let mut want = expected.clone();
            while want.last().is_some_and(|l| l.trim().is_empty()) {
                want.pop();
            }
            let got = trimmed_lines(&out);
            blessed.push_str(&format!("$ cchc {args}\n"));
            let shown = match blessed_tail(&want, &got) {
                Some(tail) => {
                    blessed.push_str("…\n");
                    tail
                }
                None => {
                    can_bless &= !want.contains(&"…");
                    &got[..]
                }
            };
            for l in shown {
                blessed.push_str(l);
                blessed.push('\n');
            }
            if !matches(&want, &got) {
                differs = true;
                self.fail(
                    b.line,
                    format!(
                        "`cchc {args}` printed\n{}\n--- but the guide shows ---\n{}",
                        got.join("\n"),
                        want.join("\n")
                    ),
                );
            }
        }
        if differs && can_bless {
            self.bless.push((b.body_at, b.body_len, b.indent, blessed));
        }
    }
}

/// For an expected output `…` then lines from one place on (e.g. `…` then one unit of
/// `--explain`): the actual lines from the last one that starts like the first shown line (its
/// text before ` — `, such as `UBND phường C (phuong-c)`), which is what blessing writes.
fn blessed_tail<'a>(want: &[&str], got: &'a [&'a str]) -> Option<&'a [&'a str]> {
    let (&"…", rest) = want.split_first()? else {
        return None;
    };
    if rest.contains(&"…") {
        return None;
    }
    let first = rest.first()?;
    let anchor = first.split(" — ").next().unwrap_or(first);
    let at = got.iter().rposition(|l| l.starts_with(anchor))?;
    got.get(at..)
}

/// Is `want` (an object) a part of some object inside `got`: its every key with an equal value?
fn contains(got: &serde_json::Value, want: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    let here = match (got, want) {
        (J::Object(g), J::Object(w)) => w.iter().all(|(k, v)| g.get(k) == Some(v)),
        _ => false,
    };
    here || match got {
        J::Object(g) => g.values().any(|v| contains(v, want)),
        J::Array(a) => a.iter().any(|v| contains(v, want)),
        _ => false,
    }
}

/// Does the YAML text have this top-level key?
fn has_key(text: &str, key: &str) -> bool {
    text.lines().any(|l| l.starts_with(&format!("{key}:")))
}

/// Puts `add` into `file`: `inputs` entry by entry, other keys replaced.
fn merge(file: &mut Mapping, add: Mapping) {
    for (k, v) in add {
        match (k.as_str(), file.get_mut(&k), v) {
            (Some("inputs"), Some(Value::Mapping(have)), Value::Mapping(more)) => {
                for (name, decl) in more {
                    have.insert(name, decl);
                }
            }
            (_, _, v) => {
                file.insert(k, v);
            }
        }
    }
}

/// Writes a note to standard error directly, so that `cargo test` shows it even when the test
/// passes (its output capture only takes `print!` and `eprint!`).
fn note(text: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "note: {text}");
}

fn check_guide(name: &'static str, lang: &'static str) {
    let path = repo().join("docs").join(name);
    let source = std::fs::read_to_string(&path).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("guides-{lang}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut c = Checker {
        name,
        dir,
        lang,
        failures: Vec::new(),
        notes: Vec::new(),
        bless: Vec::new(),
    };
    let items = parse_guide(&source);
    c.write_files(&items);
    let mut blocks = 0;
    for item in &items {
        if let Item::Block(b) = item {
            blocks += 1;
            c.block(b);
        }
    }
    for n in &c.notes {
        note(n);
    }
    if std::env::var_os("CCHC_GUIDES_BLESS").is_some() && !c.bless.is_empty() {
        let mut lines: Vec<String> = source.lines().map(String::from).collect();
        // From the end, so that earlier line numbers stay right.
        for (at, len, indent, text) in c.bless.iter().rev() {
            let pad = " ".repeat(*indent);
            let new: Vec<String> = text.lines().map(|l| format!("{pad}{l}")).collect();
            lines.splice(*at..*at + *len, new);
        }
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        note(&format!(
            "{name}: {} command block(s) rewritten",
            c.bless.len()
        ));
    }
    assert!(blocks > 0, "{name}: no blocks found");
    assert!(
        c.failures.is_empty(),
        "{} problem(s) in {name}:\n\n{}",
        c.failures.len(),
        c.failures.join("\n\n")
    );
}

#[test]
fn english_guide_examples_hold() {
    check_guide("rule-format.md", "en");
}

#[test]
fn vietnamese_guide_examples_hold() {
    check_guide("huong-dan-bo-tieu-chi.md", "vi");
}

#[test]
fn a_wrong_example_fails() {
    // The checker itself: an unmarked block that does not load, a wrong output, a broken example
    // that loads, an unmarked text block; and the markers that make blocks pass.
    let guide = "\
```yaml
format: cchc/1
id: x
```

<!-- file: r.yaml -->
```yaml
format: cchc/1
id: r
version: \"1\"
title: R
total: 1
inputs: { kh: { type: bool } }
criteria:
  - { id: \"1\", title: Một, max: 1, rule: { check: kh } }
```

<!-- expect: unknown_key -->
```yaml
format: cchc/1
id: r
version: \"1\"
title: R
total: 1
criteria:
  - { id: \"1\", title: Một, max: 1, rule: { check: { expr: \"true\" } } }
```

<!-- fragment: criteria in r.yaml -->
```yaml
- { id: \"9\", title: Chín, max: 2, rule: { check: khong_co } }
```

```text
$ cchc check r.yaml
ok: something else
```

```text
just words
```

<!-- fragment: criteria in r.yaml -->
```yaml
- { id: \"9\", title: Chín, max: 2, rule: { check: kh } }
- { id: \"T\", title: Thưởng, kind: bonus, max: 1, rule: { check: kh } }
```

<!-- derive: s.yaml from r.yaml
- [\"title: R\", \"title: S\"]
-->

```text
$ cchc check s.yaml
…
```

<!-- pending: labels -->
```yaml
nonsense: [
```

<!-- file: d.json -->
```json
[{\"id\": \"a\", \"values\": {\"kh\": true}}]
```

<!-- json-in: score r.yaml d.json --format json -->
```json
{ \"total\": 1, \"index\": 100 }
```

<!-- json-in: score r.yaml d.json --format json -->
```json
{ \"total\": 1, \"index\": 99 }
```
";
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("guides-self");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut c = Checker {
        name: "self",
        dir,
        lang: "en",
        failures: Vec::new(),
        notes: Vec::new(),
        bless: Vec::new(),
    };
    let items = parse_guide(guide);
    c.write_files(&items);
    for item in &items {
        if let Item::Block(b) = item {
            c.block(b);
        }
    }
    let lines: Vec<usize> = c
        .failures
        .iter()
        .map(|f| f.split(':').nth(1).unwrap().parse().unwrap())
        .collect();
    // Line 1: no version, title…; 19: loads (no unknown key); 30: undeclared input; 34: wrong
    // output; 39: not a command. Lines 44 (fragment with a bonus), 53 (derived file, `…`) and
    // 59 (pending) pass; so do the unit data (64) and the piece of JSON at 69, but not the one
    // at 74 (a wrong index).
    assert_eq!(lines, [1, 19, 30, 34, 39, 74], "{:#?}", c.failures);
    assert_eq!(c.notes.len(), 1, "{:?}", c.notes);
    assert_eq!(c.bless.len(), 1);
}

#[test]
fn ellipsis_matches_any_run_of_lines() {
    assert!(matches(&["a", "…", "d"], &["a", "b", "c", "d"]));
    assert!(matches(&["a", "…", "d"], &["a", "d"]));
    assert!(!matches(&["a", "…", "d"], &["a", "b"]));
    assert!(!matches(&["a"], &["a", "b"]));
    assert!(matches(&["a  "], &["a"]));
}

#[test]
fn blessing_keeps_the_part_shown_after_an_ellipsis() {
    let got = ["head", "UBND A (a) — 1", "x", "UBND C (c) — 2", "y", "z"];
    let want = ["…", "UBND C (c) — 8,60 / 20,00", "old"];
    assert_eq!(blessed_tail(&want, &got), Some(&got[3..]));
    assert_eq!(blessed_tail(&["…", "UBND D (d) — 1"], &got), None);
    assert_eq!(blessed_tail(&["a", "…"], &got), None);
    assert_eq!(blessed_tail(&["…", "UBND C (c)", "…"], &got), None);
}
