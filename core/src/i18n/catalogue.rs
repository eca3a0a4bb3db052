//! The Fluent bundles, built once per language from the catalogues embedded in the library.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use unic_langid::LanguageIdentifier;

use super::{Arg, Lang, Message};

/// The catalogue files of one language, in a fixed order (one file per part of the engine).
macro_rules! files {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/common.ftl")),
            include_str!(concat!("../../locales/", $lang, "/load.ftl")),
            include_str!(concat!("../../locales/", $lang, "/expr.ftl")),
            include_str!(concat!("../../locales/", $lang, "/unit.ftl")),
            include_str!(concat!("../../locales/", $lang, "/trace.ftl")),
            include_str!(concat!("../../locales/", $lang, "/ui.ftl")),
            include_str!(concat!("../../locales/", $lang, "/bindings.ftl")),
            include_str!(concat!("../../locales/", $lang, "/demo.ftl")),
        ]
    };
}

/// The catalogue sources of a language (the catalogue test reads them too).
pub(crate) fn sources(lang: Lang) -> [&'static str; 8] {
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
            out.push_str(&b.format_pattern(pattern, Some(&args), &mut errors));
            return;
        }
    }
    out.push_str(m.id);
}

/// An argument as a Fluent value: whole numbers as numbers (so that English can choose a
/// plural), everything else as text already written in `lang`.
fn value(a: &Arg, lang: Lang) -> FluentValue<'static> {
    match a {
        Arg::Int(n) => FluentValue::from(*n),
        other => {
            let mut s = String::new();
            other.write(lang, &mut s);
            FluentValue::from(s)
        }
    }
}
