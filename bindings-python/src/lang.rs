//! The language of the texts the package writes: the module default (`cchc.set_lang`,
//! `cchc.get_lang`, initially from `CCHC_LANG`, else Vietnamese) and the `lang=` keywords.
//!
//! Precedence of a text's language: the call's `lang=`, else the language its object was
//! created with (`Ruleset.load(..., lang=)`, `score(..., lang=)`), else the module default at
//! the time the text is written.

use std::sync::atomic::{AtomicU8, Ordering};

use cchc::Lang;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The module default, as [`code`] of a language.
static DEFAULT: AtomicU8 = AtomicU8::new(0);

fn code(l: Lang) -> u8 {
    match l {
        Lang::En => 1,
        _ => 0,
    }
}

fn from_code(c: u8) -> Lang {
    match c {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

/// The module's default language.
pub(crate) fn default_lang() -> Lang {
    from_code(DEFAULT.load(Ordering::Relaxed))
}

fn set_default(l: Lang) {
    DEFAULT.store(code(l), Ordering::Relaxed);
}

/// Sets the default from `CCHC_LANG` (unset or unknown: Vietnamese); run when the module loads.
pub(crate) fn init_from_env() {
    set_default(Lang::from_env());
}

/// A language tag from Python (`"vi"`, `"en"`, `"vi-VN"`, …); anything else is a
/// `ValueError` naming the two languages, in the words of the command line.
pub(crate) fn parse(tag: &str) -> PyResult<Lang> {
    tag.parse::<Lang>()
        .map_err(|e| PyValueError::new_err(e.message().render(default_lang())))
}

/// The language of a call: its `lang=` if given, else `fallback` (the object's), else the
/// module default.
pub(crate) fn pick(lang: Option<&str>, fallback: Option<Lang>) -> PyResult<Lang> {
    match lang {
        Some(t) => parse(t),
        None => Ok(fallback.unwrap_or_else(default_lang)),
    }
}

/// The call's `lang=` if given, `None` if not (for objects that remember the language
/// they were created with).
pub(crate) fn given(lang: Option<&str>) -> PyResult<Option<Lang>> {
    lang.map(parse).transpose()
}

/// Sets the language of every text the package writes when no `lang=` is given: `"vi"`
/// (Vietnamese, the default) or `"en"` (English); tags such as `"vi-VN"` are accepted.
/// Raises `ValueError` for another language.
#[pyfunction]
pub(crate) fn set_lang(lang: &str) -> PyResult<()> {
    set_default(parse(lang)?);
    Ok(())
}

/// The module's default language: `"vi"` or `"en"`.
#[pyfunction]
pub(crate) fn get_lang() -> &'static str {
    default_lang().as_str()
}

/// The text of a catalogue message in the module default language (for Python's own errors).
pub(crate) fn text(m: &cchc::Message) -> String {
    m.render(default_lang())
}
