//! The message catalogues (`core/locales/{vi,en}/*.ftl`) against the code that uses them.
//!
//! Every `msg!("id", name = value, …)` or `msg_ref!(…)` call in the sources of the workspace is
//! read (its id must be a literal); the test fails when
//! - a catalogue file does not parse, or defines an id twice;
//! - the two languages do not have the same files and the same message ids;
//! - a message uses an argument (`{ $name }`) that some call of it does not supply;
//! - a call names an id that no catalogue has;
//! - a message is never used (except `demo-` messages, which the demo page asks for by id).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "Test helpers outside `#[test]` functions: a failed unwrap or a panic here is a failing test."
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

const LANGS: [&str; 2] = ["vi", "en"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// id → variables used, per language; fails on syntax errors and duplicates.
fn catalogue(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = root().join("core/locales").join(lang);
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let res = match fluent_syntax::parser::parse(src.as_str()) {
            Ok(r) => r,
            Err((_, errs)) => panic!("{}: {errs:?}", f.display()),
        };
        for entry in &res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                let id = m.id.name.to_string();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{}: `{id}` is defined twice in {lang}",
                    f.display()
                );
            }
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr_vars(expression, vars);
        }
    }
}

fn expr_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, vars),
        _ => {}
    }
}

/// A `msg!` call: where, the id, the argument names.
struct Call {
    at: String,
    id: String,
    args: BTreeSet<String>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn calls() -> Vec<Call> {
    let mut files = Vec::new();
    for d in [
        "core/src",
        "cli/src",
        "bindings-python/src",
        "bindings-wasm/src",
        "bindings-wasm/tools/src",
    ] {
        rust_files(&root().join(d), &mut files);
    }
    let mut out = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let mut rest = src.as_str();
        // `msg!` builds an owned message, `msg_ref!` one on the stack: the same form.
        let next = |rest: &str| {
            ["msg!(", "msg_ref!("]
                .iter()
                .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
                .min()
        };
        while let Some((i, len)) = next(rest) {
            let line = src.len() - rest.len() + i;
            let line = src[..line].matches('\n').count() + 1;
            let body = &rest[i + len..];
            let (inner, after) = split_call(body);
            rest = after;
            let parts = top_level_commas(inner);
            let Some(first) = parts.first().map(|s| s.trim()) else {
                continue;
            };
            let at = format!("{}:{line}", f.strip_prefix(root()).unwrap().display());
            // Calls inside comments (documentation examples) are not calls.
            let line_start = src[..src.len() - rest.len()]
                .rfind('\n')
                .map_or(0, |n| n + 1);
            if src[line_start..].trim_start().starts_with("//") {
                continue;
            }
            // `macro_rules! msg` itself, docs and this test's own strings are not calls.
            if !first.starts_with('"') {
                assert!(
                    first.starts_with('$') || first.is_empty() || f.ends_with("i18n/mod.rs"),
                    "{at}: the id of a `msg!` call must be a string literal"
                );
                continue;
            }
            let id = first.trim_matches('"').to_string();
            let args = parts[1..]
                .iter()
                .filter(|p| !p.trim().is_empty())
                .map(|p| {
                    let name = p.split('=').next().unwrap().trim();
                    assert!(
                        !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'),
                        "{at}: `msg!` arguments are `name = value`, not `{}`",
                        p.trim()
                    );
                    name.to_string()
                })
                .collect();
            out.push(Call { at, id, args });
        }
    }
    out
}

/// The text up to the `)` that closes the call, and what follows it.
fn split_call(s: &str) -> (&str, &str) {
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_str {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => in_str = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return (&s[..i], &s[i + 1..]),
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    (s, "")
}

fn top_level_commas(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start, mut in_str, mut escaped) = (0i32, 0, false, false);
    for (i, c) in s.char_indices() {
        if in_str {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => in_str = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

#[test]
fn both_languages_have_the_same_files_and_ids() {
    let files = |l: &str| -> BTreeSet<String> {
        std::fs::read_dir(root().join("core/locales").join(l))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(files("vi"), files("en"), "catalogue files differ");
    let (vi, en) = (catalogue("vi"), catalogue("en"));
    let only_vi: Vec<_> = vi.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !vi.contains_key(*k)).collect();
    assert!(
        only_vi.is_empty() && only_en.is_empty(),
        "only in vi: {only_vi:?}; only in en: {only_en:?}"
    );
}

#[test]
fn every_call_names_a_message_and_supplies_its_arguments() {
    let cats: Vec<_> = LANGS.iter().map(|l| (*l, catalogue(l))).collect();
    let calls = calls();
    assert!(!calls.is_empty(), "the scan found no msg! calls");
    let mut problems = Vec::new();
    for c in &calls {
        if c.id.starts_with("test-") {
            continue;
        }
        for (lang, cat) in &cats {
            match cat.get(&c.id) {
                None => problems.push(format!(
                    "{}: `{}` is not in the {lang} catalogue",
                    c.at, c.id
                )),
                Some(vars) => {
                    let missing: Vec<_> = vars.difference(&c.args).collect();
                    if !missing.is_empty() {
                        problems.push(format!(
                            "{}: `{}` ({lang}) uses {missing:?}, which the call does not supply",
                            c.at, c.id
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_is_used() {
    let used: BTreeSet<_> = calls().into_iter().map(|c| c.id).collect();
    let unused: Vec<_> = catalogue("vi")
        .into_keys()
        .filter(|k| !used.contains(k) && !k.starts_with("demo-") && !k.starts_with("test-"))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn messages_render_in_both_languages() {
    use cchc::{Arg, Lang, msg};
    let m = msg!(
        "test-sample",
        name = Arg::ident("kh"),
        value = cchc::Decimal::new(925, 1),
        count = 1usize,
        inner = msg!("test-inner")
    );
    assert_eq!(m.render(Lang::Vi), "`kh` = 92,5, 1 lần; bên trong");
    assert_eq!(m.render(Lang::En), "`kh` = 92.5, once; inside");
    let m = msg!(
        "test-sample",
        name = "x",
        value = cchc::Decimal::new(3, 0),
        count = 4usize,
        inner = msg!("test-inner")
    );
    assert_eq!(m.render(Lang::En), "x = 3, 4 times; inside");
}
