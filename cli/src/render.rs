//! Diagnostics rendered like a compiler's: `--> file:line:col`, the source line and a caret.

use std::fmt::Write;

use cchc::Diagnostic;

/// Renders one diagnostic; `source` is the file's text when it could be read.
pub fn diagnostic(d: &Diagnostic, source: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "error[{}]: {}", d.code, d.message);
    if d.line == 0 {
        let _ = writeln!(out, "  --> {}", d.file);
    } else {
        let _ = writeln!(out, "  --> {}:{}:{}", d.file, d.line, d.column);
        if let Some(line) = source.and_then(|s| s.lines().nth(d.line as usize - 1)) {
            let num = d.line.to_string();
            let pad = " ".repeat(num.len());
            let line = line.trim_end_matches('\r');
            let caret_at: String = line
                .chars()
                .take(d.column.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {line}");
            let _ = writeln!(out, "{pad} | {caret_at}^");
        }
    }
    if let Some(c) = &d.criterion {
        let _ = writeln!(out, "   = criterion: {c}");
    }
    if let Some(h) = &d.help {
        let _ = writeln!(out, "   = help: {h}");
    }
    out
}

/// Renders all diagnostics of a failed load, reading the file once for context.
pub fn all(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    let mut cache: Option<(String, Option<String>)> = None;
    for d in diags {
        if cache.as_ref().map(|(f, _)| f != &d.file).unwrap_or(true) {
            let text = std::fs::read(&d.file)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned());
            cache = Some((d.file.clone(), text));
        }
        let src = cache.as_ref().and_then(|(_, t)| t.as_deref());
        out.push_str(&diagnostic(d, src));
        out.push('\n');
    }
    let _ = writeln!(out, "{} problem(s) found", diags.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_under_the_column() {
        let err = cchc::Ruleset::from_yaml_str("format: cchc/1\nid: x\nversion: '1'\ntitle: t\ntotal: 1\ncriteria:\n  - { id: a, titel: b, max: 1, rule: { value: v } }\n", "f.yaml")
            .unwrap_err();
        let text = "format: cchc/1\nid: x\nversion: '1'\ntitle: t\ntotal: 1\ncriteria:\n  - { id: a, titel: b, max: 1, rule: { value: v } }\n";
        let d = err
            .diagnostics()
            .iter()
            .find(|d| d.code == cchc::Code::UnknownKey)
            .unwrap();
        let r = diagnostic(d, Some(text));
        assert!(r.contains("--> f.yaml:7:14"), "{r}");
        assert!(r.contains("did you mean `title`?"), "{r}");
        assert!(r.contains("  |              ^"), "{r}");
    }
}
