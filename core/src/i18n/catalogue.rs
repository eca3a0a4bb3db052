//! The Fluent bundles, built once per language from the catalogues embedded in the library.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use unic_langid::LanguageIdentifier;

use super::{ArgRef, Lang, MessageView};

/// The catalogue files of one language, in a fixed order (one file per part of the engine),
/// without their comment lines (stripped at compile time: the module carries no comments).
macro_rules! files {
    ($lang:literal) => {
        [
            stripped!(concat!("../../locales/", $lang, "/common.ftl")),
            stripped!(concat!("../../locales/", $lang, "/load.ftl")),
            stripped!(concat!("../../locales/", $lang, "/expr.ftl")),
            stripped!(concat!("../../locales/", $lang, "/unit.ftl")),
            stripped!(concat!("../../locales/", $lang, "/trace.ftl")),
            stripped!(concat!("../../locales/", $lang, "/ui.ftl")),
            stripped!(concat!("../../locales/", $lang, "/bindings.ftl")),
            stripped!(concat!("../../locales/", $lang, "/demo.ftl")),
            stripped!(concat!("../../locales/", $lang, "/xlsx.ftl")),
            stripped!(concat!("../../locales/", $lang, "/tools.ftl")),
            stripped!(concat!("../../locales/", $lang, "/report.ftl")),
            stripped!(concat!("../../locales/", $lang, "/pandas.ftl")),
            stripped!(concat!("../../locales/", $lang, "/analysis.ftl")),
        ]
    };
}

/// A catalogue file's text without its comment lines (a line starting with `#`: in Fluent a
/// value's continuation lines are indented, so such a line is always a comment).
macro_rules! stripped {
    ($path:expr) => {{
        const SRC: &[u8] = include_bytes!($path);
        const LEN: usize = strip_comments::<0>(SRC).1;
        const OUT: ([u8; LEN], usize) = strip_comments::<LEN>(SRC);
        const TEXT: &str = match std::str::from_utf8(&OUT.0) {
            Ok(s) => s,
            Err(_) => "",
        };
        TEXT
    }};
}

/// True when `src` has `prefix` at `at` (a `const fn`: slices cannot be compared there).
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "evaluated at compile time only: an index out of bounds would fail the build"
)]
const fn starts_with(src: &[u8], at: usize, prefix: &[u8]) -> bool {
    if at + prefix.len() > src.len() {
        return false;
    }
    let mut k = 0;
    while k < prefix.len() {
        if src[at + k] != prefix[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// True when the entry starting at `at` is left out of this build: the browser build leaves out
/// what only Python and the command line show (`py-`, `ui-cli-`) and the demo page's texts
/// (`demo-`: the package's JavaScript carries them, see bindings-wasm/scripts/demo-texts.mjs),
/// and every build leaves out
/// the texts of a feature it does not have (`report-` without the core feature `report`,
/// `xlsx-` without `xlsx`, `tools-` and `analysis-` without `tools`), so that the scoring
/// browser build (`cchc-wasm`, no default features) stays as small as it is.
const fn left_out(src: &[u8], at: usize) -> bool {
    (cfg!(target_arch = "wasm32")
        && (starts_with(src, at, b"py-")
            || starts_with(src, at, b"ui-cli-")
            || starts_with(src, at, b"demo-")))
        || (!cfg!(feature = "report") && starts_with(src, at, b"report-"))
        || (!cfg!(feature = "xlsx") && starts_with(src, at, b"xlsx-"))
        || (!cfg!(feature = "tools")
            && (starts_with(src, at, b"tools-") || starts_with(src, at, b"analysis-")))
}

/// The lines of `src` that do not start with `#`, in the first `N` bytes, and their length.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "evaluated at compile time only: an index out of bounds would fail the build"
)]
const fn strip_comments<const N: usize>(src: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let mut len = 0;
    let mut i = 0;
    let mut skipping = false;
    while i < src.len() {
        let mut end = i;
        while end < src.len() && src[end] != b'\n' {
            end += 1;
        }
        let indented = src[i] == b' ' || src[i] == b'\t';
        if !indented {
            // The browser scoring build leaves out what only Python and the command line show,
            // the texts of features it does not have, and the rule editor page's texts (bundled
            // with the page by its build script).
            skipping = left_out(src, i);
        }
        if src[i] != b'#' && !skipping {
            let mut k = i;
            while k <= end && k < src.len() {
                if len < N {
                    out[len] = src[k];
                }
                len += 1;
                k += 1;
            }
        }
        i = end + 1;
    }
    (out, len)
}

/// The catalogue sources of a language (the catalogue test reads them too).
pub(crate) fn sources(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Vi => files!("vi"),
        Lang::En => files!("en"),
    }
}

type Bundle = FluentBundle<FluentResource>;

struct Bundles {
    vi: Bundle,
    en: Bundle,
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles {
    vi: bundle(Lang::Vi),
    en: bundle(Lang::En),
});

fn bundle(lang: Lang) -> Bundle {
    // "vi" and "en" are valid tags; `und` would only change plural rules, never the words.
    let tag: LanguageIdentifier = lang.as_str().parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![tag]);
    // Arguments are placed as they are: no Unicode isolation marks around them.
    b.set_use_isolating(false);
    for src in sources(lang) {
        // A syntax error keeps the entries that parsed; the catalogue test fails on any error.
        let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(res, _)| res);
        // A duplicated id keeps the first definition; the catalogue test fails on duplicates.
        let _ = b.add_resource(res);
    }
    b
}

fn get(lang: Lang) -> &'static Bundle {
    match lang {
        Lang::Vi => &BUNDLES.vi,
        Lang::En => &BUNDLES.en,
    }
}

/// Appends the text of `m` in `lang` to `out`. An id absent from the language's catalogue
/// falls back to the other language, then to the id itself (the catalogue test keeps both
/// complete).
pub(super) fn format(lang: Lang, m: &dyn MessageView, out: &mut String) {
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    for l in [lang, other] {
        let b = get(l);
        if let Some(pattern) = b.get_message(m.id()).and_then(|msg| msg.value()) {
            if !write_plain(pattern, m, lang, out) {
                write_fluent(b, pattern, m, lang, out);
            }
            return;
        }
    }
    out.push_str(m.id());
}

/// Writes `pattern` through Fluent's resolver, with the arguments in its argument map.
fn write_fluent(
    b: &Bundle,
    pattern: &ast::Pattern<&str>,
    m: &dyn MessageView,
    lang: Lang,
    out: &mut String,
) {
    let mut args = FluentArgs::new();
    m.each_arg(&mut |name, a| args.set(name, value(a, lang)));
    let mut errors = Vec::new();
    // Written straight into `out` (a `String` cannot fail to take text).
    let _ = b.write_pattern(out, pattern, Some(&args), &mut errors);
}

/// Most placeables Fluent resolves in one pattern before it stops (its `MAX_PLACEABLES`).
const FLUENT_MAX_PLACEABLES: usize = 100;

/// Largest count Fluent writes exactly (it formats numbers as `f64`).
const EXACT_IN_F64: u64 = 1 << 53;

/// The argument named by a `{ $name }` placeable.
fn variable<'p>(e: &ast::PatternElement<&'p str>) -> Option<&'p str> {
    match e {
        ast::PatternElement::Placeable {
            expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
        } => Some(id.name),
        _ => None,
    }
}

/// Writes a plain pattern — text and `{ $name }` placeables, every name an argument of `m` —
/// as Fluent writes it for this catalogue (no isolation marks, no transform, no formatter;
/// each argument as [`value`] gives it), without building Fluent's argument map; writes
/// nothing and returns false for any other pattern (selectors, references, literals), which
/// Fluent then resolves. Most messages, and every explanation of a result, are plain.
fn write_plain(
    pattern: &ast::Pattern<&str>,
    m: &dyn MessageView,
    lang: Lang,
    out: &mut String,
) -> bool {
    let mut placeables = 0;
    for e in &pattern.elements {
        if let ast::PatternElement::Placeable { .. } = e {
            placeables += 1;
            match variable(e).and_then(|name| m.arg_ref(name)) {
                Some(ArgRef::Int(n)) if n > EXACT_IN_F64 => return false,
                Some(_) => {}
                None => return false,
            }
        }
    }
    if placeables > FLUENT_MAX_PLACEABLES {
        return false;
    }
    for e in &pattern.elements {
        match e {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { .. } => {
                if let Some(a) = variable(e).and_then(|name| m.arg_ref(name)) {
                    a.write(lang, out);
                }
            }
        }
    }
    true
}

/// An argument as a Fluent value: whole numbers as numbers (so that English can choose a
/// plural), everything else as text already written in `lang`.
fn value(a: ArgRef<'_>, lang: Lang) -> FluentValue<'static> {
    match a {
        ArgRef::Int(n) => FluentValue::from(n),
        other => {
            let mut s = String::new();
            other.write(lang, &mut s);
            FluentValue::from(s)
        }
    }
}

#[cfg(test)]
mod plain_tests {
    use super::*;
    use crate::i18n::{Arg, Message};
    use rust_decimal::Decimal;

    /// The variables a pattern names, anywhere in it.
    fn variables<'p>(pattern: &ast::Pattern<&'p str>, out: &mut Vec<&'p str>) {
        for e in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = e {
                let inline = match expression {
                    ast::Expression::Inline(i) => i,
                    ast::Expression::Select { selector, variants } => {
                        for v in variants {
                            variables(&v.value, out);
                        }
                        selector
                    }
                };
                if let ast::InlineExpression::VariableReference { id } = inline {
                    out.push(id.name);
                }
            }
        }
    }

    /// Every message of both catalogues, with arguments of every kind, written by the plain
    /// writer (where it takes the pattern) as Fluent's resolver writes it.
    #[test]
    fn plain_patterns_as_fluent_writes_them() {
        let (mut plain, mut all) = (0, 0);
        for lang in [Lang::Vi, Lang::En] {
            let b = get(lang);
            let resources = sources(lang)
                .iter()
                .map(|src| FluentResource::try_new(src.to_string()).unwrap_or_else(|(r, _)| r))
                .collect::<Vec<_>>();
            for res in &resources {
                for entry in res.entries() {
                    let ast::Entry::Message(msg) = entry else {
                        continue;
                    };
                    let Some(pattern) = b.get_message(msg.id.name).and_then(|m| m.value()) else {
                        continue;
                    };
                    let mut names = Vec::new();
                    variables(pattern, &mut names);
                    for variant in 0..4 {
                        let args = names
                            .iter()
                            .enumerate()
                            .map(|(i, n)| {
                                let a = match (i + variant) % 6 {
                                    0 => Arg::Text("a \"b\" {c} `d`".into()),
                                    1 => Arg::ident("kh_cchc"),
                                    2 => Arg::Num(Decimal::new(-78_46, 2)),
                                    3 => Arg::fixed(Decimal::new(5, 1), 2),
                                    4 => Arg::Int(u64::try_from(variant).unwrap()),
                                    _ => Arg::from(crate::msg!(
                                        "common-labelled",
                                        name = Arg::ident("x"),
                                        label = "Nhãn"
                                    )),
                                };
                                (*n, a)
                            })
                            .collect();
                        let m = Message::new("unused", args);
                        let mut by_plain = String::new();
                        all += 1;
                        if write_plain(pattern, &m, lang, &mut by_plain) {
                            plain += 1;
                            let mut by_fluent = String::new();
                            write_fluent(b, pattern, &m, lang, &mut by_fluent);
                            assert_eq!(by_plain, by_fluent, "{} in {lang:?}", msg.id.name);
                        } else {
                            assert!(
                                by_plain.is_empty(),
                                "{}: a declined pattern wrote",
                                msg.id.name
                            );
                        }
                    }
                }
            }
        }
        assert!(
            plain * 2 > all,
            "most patterns are plain ({plain} of {all})"
        );
    }
}
