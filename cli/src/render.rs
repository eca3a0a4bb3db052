//! Diagnostics on the terminal: rendered by the core (`cchc::report`, annotate-snippets) from
//! the text the command has already read, in colour when standard error is a terminal.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use cchc::report::{Renderer, Severity, Source};
use cchc::{Diagnostic, Error, Lang, Ruleset, msg};

/// Largest file read for its text: the library's limit for a rule file (5 MiB,
/// `MAX_FILE_BYTES`), above which it is refused anyway.
const MAX_READ: usize = 5 * 1024 * 1024;

/// Plain text unless standard error is a colour terminal (`NO_COLOR` set, or `TERM=dumb`, turn
/// colour off).
fn renderer(lang: Lang) -> Renderer {
    let colour = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
    if colour {
        Renderer::styled().lang(lang)
    } else {
        Renderer::plain().lang(lang)
    }
}

/// A rule file loaded, with its text kept for rendering problems (`None` when it could not be
/// read, or is over the size limit).
pub(crate) struct Loaded {
    /// The ruleset, or every problem found.
    pub result: Result<Ruleset, Error>,
    /// The file's text as loaded.
    pub text: Option<String>,
}

/// Reads a rule file once (never more than the size limit allows, whatever the file is) and
/// loads it from those bytes.
pub(crate) fn load_ruleset(path: &Path) -> Loaded {
    let origin = path.display().to_string();
    let small = std::fs::metadata(path).is_ok_and(|m| m.len() <= MAX_READ as u64);
    let bytes = small
        .then(|| read_at_most(path, MAX_READ + 1))
        .and_then(Result::ok);
    let Some(bytes) = bytes else {
        // Unreadable or too large: the library says which, with the right size.
        return Loaded {
            result: Ruleset::load(path),
            text: None,
        };
    };
    if bytes.len() > MAX_READ {
        // A file that grew, or a device without end (`/dev/zero`): its size is unknown.
        return Loaded {
            result: Err(Error::Ruleset(vec![
                Diagnostic::new(
                    cchc::Code::FileTooLarge,
                    &origin,
                    cchc::Pos { line: 1, column: 1 },
                    msg!("ui-cli-rule-file-too-large", bytes = MAX_READ),
                )
                .with_help(msg!("ui-cli-rule-file-too-large-help")),
            ])),
            text: None,
        };
    }
    Loaded {
        result: Ruleset::from_bytes(&bytes, &origin),
        text: Some(text_of(bytes)),
    }
}

fn read_at_most(path: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit as u64)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The text to show from a file's bytes (invalid UTF-8 shown as `�`; the loader has already
/// reported it).
fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Renders the problems of one file, with `text` (that file's text) for the snippets, and a
/// count at the end.
pub(crate) fn with_source(
    diags: &[Diagnostic],
    severity: Severity,
    text: Option<&str>,
    lang: Lang,
) -> String {
    let source = text.map(Source::new);
    let mut out = renderer(lang).diagnostics(diags, severity, source.as_ref());
    out.push_str(&count(diags.len(), severity).render(lang));
    out.push('\n');
    out
}

/// The count line after a file's problems.
fn count(n: usize, severity: Severity) -> cchc::Message {
    match severity {
        Severity::Error => msg!("ui-cli-problems", count = n),
        Severity::Warning => msg!("ui-cli-warnings", count = n),
    }
}

/// Renders the errors of a failed load, reading each file named once (at most the size limit)
/// for its text. Prefer [`with_source`] when the text is at hand.
pub(crate) fn all(diags: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    let mut start = 0;
    // One run per file, in order (a load's diagnostics all name the same file).
    while let Some(first) = diags.get(start) {
        let n = diags
            .get(start..)
            .map(|rest| rest.iter().take_while(|d| d.file == first.file).count())
            .unwrap_or(0)
            .max(1);
        let text = read_at_most(Path::new(&first.file), MAX_READ + 1)
            .ok()
            .filter(|b| b.len() <= MAX_READ)
            .map(text_of);
        let source = text.as_deref().map(Source::new);
        if let Some(run) = diags.get(start..start + n) {
            out.push_str(&renderer(lang).diagnostics(run, Severity::Error, source.as_ref()));
        }
        start += n;
    }
    out.push_str(&count(diags.len(), Severity::Error).render(lang));
    out.push('\n');
    out
}

/// Shows text (rendered diagnostics) on standard error. Unlike `eprint!` it never panics; a
/// failure to write there has nowhere left to be reported.
pub(crate) fn to_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// The exit code (2) when a command's report could not be written to standard output (a reader
/// that stopped early, as in `cchc test … | head`, or a full disk), said on standard error as
/// `cchc score` does. Commands write with `writeln!` on `std::io::stdout().lock()` and stop at
/// the first failure: `println!` would panic instead.
pub(crate) fn output_failed(e: &std::io::Error, lang: Lang) -> u8 {
    let m = msg!("ui-cli-cannot-write-output", error = e.to_string());
    to_stderr(&format!("{}\n", m.render(lang)));
    2
}

#[cfg(test)]
mod tests {
    use super::*;

    const BAD: &str = "format: cchc/1\nid: x\nversion: '1'\ntitle: t\ntotal: 1\ncriteria:\n  - { id: a, titel: b, max: 1, rule: { value: v } }\n";

    #[test]
    fn snippet_from_the_text_given() {
        let err = Ruleset::from_yaml_str(BAD, "f.yaml").unwrap_err();
        let r = with_source(err.diagnostics(), Severity::Error, Some(BAD), Lang::En);
        assert!(r.contains("--> f.yaml:7:14"), "{r}");
        assert!(r.contains("  |              ^^^^^"), "{r}");
        // The criterion is broken (no title), so its rule is not compiled: no cascading
        // `undeclared_input` for `v`.
        assert!(r.ends_with("2 problem(s) found\n"), "{r}");
        let r = with_source(err.diagnostics(), Severity::Error, Some(BAD), Lang::Vi);
        assert!(r.starts_with("lỗi[missing_key]"), "{r}");
        assert!(r.ends_with("Tìm thấy 2 lỗi.\n"), "{r}");
    }

    #[test]
    fn file_read_once_and_kept() {
        let dir = std::env::temp_dir().join(format!("cchc-render-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.yaml");
        std::fs::write(&path, BAD).unwrap();
        let loaded = load_ruleset(&path);
        assert_eq!(loaded.text.as_deref(), Some(BAD));
        let err = loaded.result.unwrap_err();
        // Rendering from the file (read again by `all`) and from the kept text agree.
        for lang in Lang::ALL {
            assert_eq!(
                all(err.diagnostics(), *lang),
                with_source(
                    err.diagnostics(),
                    Severity::Error,
                    loaded.text.as_deref(),
                    *lang
                )
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn endless_device_is_read_only_up_to_the_limit() {
        // `/dev/zero` reports size 0 and never ends: read up to the limit, then refused.
        let loaded = load_ruleset(Path::new("/dev/zero"));
        assert!(loaded.text.is_none());
        let err = loaded.result.unwrap_err();
        assert_eq!(err.diagnostics()[0].code, cchc::Code::FileTooLarge);
    }
}
