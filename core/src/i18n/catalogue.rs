//! The Fluent bundles, built once per language from the catalogues embedded in the library.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use unic_langid::LanguageIdentifier;

use super::{Arg, Lang, Message};

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
pub(super) fn format(lang: Lang, m: &Message, out: &mut String) {
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    for l in [lang, other] {
        let b = get(l);
        if let Some(pattern) = b.get_message(m.id).and_then(|msg| msg.value()) {
            let mut args = FluentArgs::with_capacity(m.args.len());
            for (name, a) in &m.args {
                args.set(*name, value(a, lang));
            }
            let mut errors = Vec::new();
            // Written straight into `out` (a `String` cannot fail to take text).
            let _ = b.write_pattern(out, pattern, Some(&args), &mut errors);
            return;
        }
    }
    out.push_str(m.id);
}

/// An argument as a Fluent value: whole numbers as numbers (so that English can choose a
/// plural), everything else as text already written in `lang`.
fn value(a: &Arg, lang: Lang) -> FluentValue<'_> {
    match a {
        Arg::Int(n) => FluentValue::from(*n),
        Arg::Text(t) => FluentValue::from(t.as_str()),
        other => {
            let mut s = String::new();
            other.write(lang, &mut s);
            FluentValue::from(s)
        }
    }
}
