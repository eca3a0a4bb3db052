//! Serialising values whose texts depend on the language.

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use super::Lang;

/// A value that serialises with its texts (messages, explanations) in a language.
pub trait Localize {
    /// Serialises `self` with its texts in `lang`.
    ///
    /// # Errors
    ///
    /// The serializer's errors.
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error>;

    /// `self` with its texts in `lang`, ready for `serde_json::to_string` and friends.
    fn in_lang(&self, lang: Lang) -> InLang<'_, Self> {
        InLang { value: self, lang }
    }
}

/// A value paired with the language of its texts (see [`Localize::in_lang`]).
#[derive(Debug, Clone, Copy)]
pub struct InLang<'a, T: ?Sized> {
    /// The value.
    pub value: &'a T,
    /// The language of its texts.
    pub lang: Lang,
}

impl<T: Localize + ?Sized> Serialize for InLang<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize_in(self.lang, s)
    }
}

impl<T: Localize> Localize for [T] {
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for v in self {
            seq.serialize_element(&v.in_lang(lang))?;
        }
        seq.end()
    }
}

impl<T: Localize> Localize for Vec<T> {
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize_in(lang, s)
    }
}

impl<T: Localize> Localize for Option<T> {
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(v) => v.serialize_in(lang, s),
            None => s.serialize_none(),
        }
    }
}

impl Localize for super::Message {
    /// The text.
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.render(lang))
    }
}
