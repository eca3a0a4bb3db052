//! Localisation: every text a person reads is a [`Message`] — a stable message id with named
//! arguments — rendered from the Project Fluent catalogues in `core/locales/` in Vietnamese
//! (the default) or English.
//!
//! A `Message` is language-neutral data (it serialises as `{"id": …, "args": {…}}`, the `why` of
//! a result's node); its words are chosen only when it is rendered. Numbers are formatted here,
//! not by Fluent, so that they stay exact: Vietnamese writes a decimal comma (`92,35`), English a
//! point.

mod borrowed;
mod catalogue;
mod localize;

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

pub(crate) use borrowed::{ArgRef, MessageView, MsgRef, labelled, msg_ref};
pub use localize::{InLang, Localize};

/// A language of the catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Lang {
    /// Vietnamese (the default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Every language, Vietnamese first.
    pub const ALL: &'static [Lang] = &[Lang::Vi, Lang::En];

    /// The language tag: `vi` or `en`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language named by the `CCHC_LANG` environment variable, else Vietnamese.
    pub fn from_env() -> Lang {
        std::env::var("CCHC_LANG")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_default()
    }

    /// The decimal separator of numbers in text.
    pub const fn decimal_separator(self) -> char {
        match self {
            Lang::Vi => ',',
            Lang::En => '.',
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A language tag that is neither Vietnamese nor English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message().render(Lang::En))]
pub struct UnknownLang(pub String);

impl UnknownLang {
    /// The refusal, for the CLI's usage error and the bindings' exceptions (one wording for all).
    pub fn message(&self) -> Message {
        crate::msg!("common-unknown-lang", lang = Arg::ident(self.0.as_str()))
    }
}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// `vi`, `en`, or a tag that starts with them (`vi-VN`, `en_US.UTF-8`), in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        let primary = t.split(['-', '_', '.']).next().unwrap_or("");
        match primary {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Arg {
    /// Text shown as it is (titles, labels, a unit's value).
    Text(String),
    /// An identifier of the format or the rule file (a key, an input name, a criterion id, a
    /// code), shown between backticks in every language.
    Ident(String),
    /// An exact number, written with the language's decimal separator.
    Num(Decimal),
    /// An exact number written with at least this many decimals (`75,20` for places 2): points,
    /// totals and indexes in text keep the ruleset's `rounding.places`.
    Fixed(Decimal, u32),
    /// A whole number (a count, a line); English messages may select a plural on it.
    Int(u64),
    /// A message inside a message (rendered in the same language first).
    Msg(Box<Message>),
    /// Several arguments, written one after another separated by `, `.
    List(Vec<Arg>),
}

impl Arg {
    /// An identifier (see [`Arg::Ident`]).
    pub fn ident(s: impl Into<String>) -> Arg {
        Arg::Ident(s.into())
    }

    /// A list of identifiers.
    pub fn idents<I, S>(items: I) -> Arg
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Arg::List(items.into_iter().map(|s| Arg::Ident(s.into())).collect())
    }

    /// An exact number padded to `places` decimals.
    pub fn fixed(d: Decimal, places: u32) -> Arg {
        Arg::Fixed(d, places)
    }

    /// Writes the argument in `lang` onto `out` (as [`ArgRef::write`] does).
    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Arg::List(items) => borrowed::write_list(items.iter().map(ArgRef::from), lang, out),
            a => ArgRef::from(a).write(lang, out),
        }
    }
}

/// Writes `d` exactly (no trailing zeros beyond `places`, at least `places` decimals) with the
/// decimal separator of `lang`.
pub fn push_number(out: &mut String, d: Decimal, places: u32, lang: Lang) {
    let sep = lang.decimal_separator();
    let places = places as usize;
    if let Some((negative, int, frac, digits)) = crate::num::split(d) {
        let mut text = itoa::Buffer::new();
        if negative {
            out.push('-');
        }
        out.push_str(text.format(int));
        if digits > 0 || places > 0 {
            out.push(sep);
        }
        if digits > 0 {
            let frac = text.format(frac);
            out.extend(std::iter::repeat_n('0', digits.saturating_sub(frac.len())));
            out.push_str(frac);
        }
        out.extend(std::iter::repeat_n('0', places.saturating_sub(digits)));
        return;
    }
    let (buf, at) = crate::num::Text(d).bytes();
    let text = buf.get(at..).unwrap_or_default();
    let dot = text.iter().position(|&b| b == b'.');
    let decimals = dot.map_or(0, |p| text.len() - p - 1);
    out.reserve(text.len() + places + 2);
    // ASCII digits, a sign and the point (written as the language's separator).
    out.extend(
        text.iter()
            .map(|&b| if b == b'.' { sep } else { char::from(b) }),
    );
    if decimals < places {
        if dot.is_none() {
            out.push(sep);
        }
        out.extend(std::iter::repeat_n('0', places - decimals));
    }
}

/// An exact number as text in `lang` (see [`push_number`]).
pub fn number(d: Decimal, places: u32, lang: Lang) -> String {
    let mut s = String::new();
    push_number(&mut s, d, places, lang);
    s
}

macro_rules! arg_from {
    ($($t:ty => |$v:ident| $e:expr;)*) => {
        $(impl From<$t> for Arg {
            fn from($v: $t) -> Arg { $e }
        })*
    };
}

arg_from! {
    String => |v| Arg::Text(v);
    &str => |v| Arg::Text(v.to_string());
    &String => |v| Arg::Text(v.clone());
    Decimal => |v| Arg::Num(v);
    &Decimal => |v| Arg::Num(*v);
    u64 => |v| Arg::Int(v);
    u32 => |v| Arg::Int(u64::from(v));
    usize => |v| Arg::Int(u64::try_from(v).unwrap_or(u64::MAX));
    Message => |v| Arg::Msg(Box::new(v));
    Vec<Arg> => |v| Arg::List(v);
}

/// A text for people, as data: a catalogue message id and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message with its arguments. Prefer the [`msg!`](crate::msg) macro, which the catalogue
    /// test reads to check ids and arguments.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message { id, args }
    }

    /// The message id (a key of every catalogue), e.g. `load-unknown-key`.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The named arguments.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The argument with this name.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut s = String::new();
        self.render_into(lang, &mut s);
        s
    }

    /// Appends the text in `lang` to `out`.
    pub fn render_into(&self, lang: Lang, out: &mut String) {
        catalogue::format(lang, self, out);
    }
}

impl MessageView for Message {
    fn id(&self) -> &'static str {
        self.id
    }

    fn arg_ref(&self, name: &str) -> Option<ArgRef<'_>> {
        borrowed::last_named(&self.args, name).map(ArgRef::from)
    }

    fn arg_count(&self) -> usize {
        self.args.len()
    }

    fn each_arg(&self, f: &mut dyn FnMut(&'static str, ArgRef<'_>)) {
        for (k, a) in &self.args {
            f(k, ArgRef::from(a));
        }
    }
}

impl fmt::Display for Message {
    /// The Vietnamese text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Vi))
    }
}

impl Serialize for Message {
    /// `{"id": "...", "args": {...}}`: numbers as exact JSON numbers, nested messages as
    /// objects, identifiers and texts as strings.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        borrowed::serialize_view(self, s)
    }
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for a in items {
                    seq.serialize_element(a)?;
                }
                seq.end()
            }
            a => ArgRef::from(a).serialize(s),
        }
    }
}

/// An input named in a message: its name, and its label beside it when the ruleset gives one
/// (`` `kh_cchc` (Kế hoạch CCHC) ``).
pub fn input_arg(name: &str, label: Option<&str>) -> Arg {
    ArgRef::named(name, label).to_arg()
}

/// A choice option named in a message: its label when it has one, else its id.
pub fn option_arg(id: &str, label: Option<&str>) -> Arg {
    ArgRef::named(id, label).to_arg()
}

/// Builds a [`Message`]: `msg!("load-unknown-key", key = Arg::ident(k), hint = m)`.
///
/// The id is a literal and the arguments are `name = value` pairs (any value with
/// `Into<Arg>`); the catalogue test reads these calls to check that every id exists in every
/// language and that every argument a message uses is supplied.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $val:expr)* $(,)?) => {
        $crate::Message::new($id, vec![$((stringify!($name), $crate::Arg::from($val))),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_parse_from_tags() {
        for (t, l) in [
            ("vi", Lang::Vi),
            ("VI-vn", Lang::Vi),
            ("en", Lang::En),
            ("en_US.UTF-8", Lang::En),
        ] {
            assert_eq!(t.parse::<Lang>().unwrap(), l);
        }
        assert!("fr".parse::<Lang>().is_err());
        assert!("".parse::<Lang>().is_err());
    }

    #[test]
    fn numbers_keep_places_and_use_the_language_separator() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(number(d("92.35"), 2, Lang::Vi), "92,35");
        assert_eq!(number(d("75.2"), 2, Lang::Vi), "75,20");
        assert_eq!(number(d("75.2"), 2, Lang::En), "75.20");
        assert_eq!(number(d("100"), 0, Lang::Vi), "100");
        assert_eq!(number(d("0.125"), 2, Lang::Vi), "0,125");
        assert_eq!(number(d("-1.50"), 0, Lang::En), "-1.5");
        assert_eq!(number(d("3.000"), 1, Lang::Vi), "3,0");
        assert_eq!(number(d("-0.05"), 3, Lang::Vi), "-0,050");
        assert_eq!(number(d("7"), 2, Lang::Vi), "7,00");
        assert_eq!(number(d("0.000"), 0, Lang::Vi), "0");
    }

    proptest::proptest! {
        /// The number appended in place is the normalised decimal, padded to `places`, with
        /// the language's separator (the way it was written before, through a `String`).
        #[test]
        fn numbers_as_padded_normal_text(m in proptest::prelude::any::<i64>(), scale in 0u32..=28, places in 0u32..6, en in proptest::prelude::any::<bool>()) {
            let d = Decimal::new(m, scale);
            let lang = if en { Lang::En } else { Lang::Vi };
            let mut want = d.normalize().to_string();
            let decimals = want.find('.').map_or(0, |dot| want.len() - dot - 1);
            if decimals < places as usize {
                if decimals == 0 {
                    want.push('.');
                }
                want.extend(std::iter::repeat_n('0', places as usize - decimals));
            }
            let want = want.replace('.', &lang.decimal_separator().to_string());
            let mut got = String::from("x");
            push_number(&mut got, d, places, lang);
            proptest::prop_assert_eq!(got.strip_prefix('x'), Some(want.as_str()));
        }
    }

    #[test]
    fn a_message_serialises_as_id_and_args() {
        let m = msg!(
            "test-sample",
            name = Arg::ident("kh"),
            value = "92.5".parse::<Decimal>().unwrap(),
            count = 3usize,
            inner = msg!("test-inner")
        );
        let j = serde_json::to_string(&m).unwrap();
        assert_eq!(
            j,
            r#"{"id":"test-sample","args":{"name":"kh","value":92.5,"count":3,"inner":{"id":"test-inner","args":{}}}}"#
        );
    }
}
