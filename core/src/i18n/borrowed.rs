//! Messages as borrowed data, built on the stack (D134).
//!
//! A result explains every node with a message, and a JSON result writes them all: building
//! each as an owned [`Message`] (a `Vec` of arguments, a `String` per name) and freeing it cost
//! about a quarter of writing the JSON. The explanations are built once, as a [`MsgRef`] whose
//! arguments borrow from the ruleset and the result; the JSON writer writes it as it is, and
//! [`MsgRef::to_message`] makes the owned message everything else uses. The same code builds
//! both, so they cannot differ.

use rust_decimal::Decimal;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::{Arg, Lang, Message, push_number};

/// Builds a [`MsgRef`] on the stack, as [`msg!`](crate::msg) builds a [`Message`]:
/// `f(&msg_ref!("trace-check-true", of = of, points = points))`. The catalogue test reads these
/// calls as it reads `msg!`'s. Its arguments are temporaries: use the value within the
/// statement, or bind it with `let` (which keeps them alive).
macro_rules! msg_ref {
    ($id:literal $(, $name:ident = $val:expr)* $(,)?) => {
        $crate::i18n::MsgRef {
            id: $id,
            args: &[$((stringify!($name), $crate::i18n::ArgRef::from($val))),*],
        }
    };
}
pub(crate) use msg_ref;

/// A message whose arguments borrow: its id and `(name, argument)` pairs. Build one with
/// [`msg_ref!`](crate::i18n::msg_ref).
#[derive(Debug, Clone, Copy)]
pub(crate) struct MsgRef<'a> {
    /// The catalogue id.
    pub id: &'static str,
    /// The named arguments.
    pub args: &'a [(&'static str, ArgRef<'a>)],
}

/// An argument of a [`MsgRef`]: an [`Arg`] that borrows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ArgRef<'a> {
    /// See [`Arg::Text`].
    Text(&'a str),
    /// See [`Arg::Ident`].
    Ident(&'a str),
    /// An input or an option named with its label: the message `common-labelled`.
    Labelled(&'a str, &'a str),
    /// See [`Arg::Num`].
    Num(Decimal),
    /// See [`Arg::Fixed`].
    Fixed(Decimal, u32),
    /// See [`Arg::Int`].
    Int(u64),
    /// A message inside the message.
    Msg(&'a MsgRef<'a>),
    /// Several arguments.
    List(&'a [ArgRef<'a>]),
    /// An owned argument (the rare parts: a list of parameters, a script's printed lines).
    Owned(&'a Arg),
    /// An owned message (an error's).
    OwnedMsg(&'a Message),
}

impl<'a> ArgRef<'a> {
    /// An input or an option named in a message: its name, with its label beside it when it
    /// has one.
    pub(crate) fn named(name: &'a str, label: Option<&'a str>) -> ArgRef<'a> {
        match label {
            Some(l) if !l.trim().is_empty() => ArgRef::Labelled(name, l),
            _ => ArgRef::Ident(name),
        }
    }

    /// The owned argument.
    pub(crate) fn to_arg(self) -> Arg {
        match self {
            ArgRef::Text(t) => Arg::Text(t.to_owned()),
            ArgRef::Ident(t) => Arg::Ident(t.to_owned()),
            ArgRef::Labelled(name, label) => labelled(name, label, |m| Arg::from(m.to_message())),
            ArgRef::Num(d) => Arg::Num(d),
            ArgRef::Fixed(d, places) => Arg::Fixed(d, places),
            ArgRef::Int(n) => Arg::Int(n),
            ArgRef::Msg(m) => Arg::from(m.to_message()),
            ArgRef::List(items) => Arg::List(items.iter().map(|a| a.to_arg()).collect()),
            ArgRef::Owned(a) => a.clone(),
            ArgRef::OwnedMsg(m) => Arg::from(m.clone()),
        }
    }
}

impl ArgRef<'_> {
    /// Writes the argument in `lang` onto `out`: text as it is, identifiers between backticks,
    /// numbers with the language's separator (padded to their places), messages in words,
    /// lists separated by `, `. The one writer of arguments' words.
    pub(crate) fn write(self, lang: Lang, out: &mut String) {
        match self {
            ArgRef::Text(t) => out.push_str(t),
            ArgRef::Ident(t) => {
                out.push('`');
                out.push_str(t);
                out.push('`');
            }
            ArgRef::Labelled(name, label) => labelled(name, label, |m| m.render_into(lang, out)),
            ArgRef::Num(d) => push_number(out, d, 0, lang),
            ArgRef::Fixed(d, places) => push_number(out, d, places, lang),
            ArgRef::Int(n) => out.push_str(itoa::Buffer::new().format(n)),
            ArgRef::Msg(m) => m.render_into(lang, out),
            ArgRef::List(items) => write_list(items.iter().copied(), lang, out),
            ArgRef::Owned(a) => a.write(lang, out),
            ArgRef::OwnedMsg(m) => m.render_into(lang, out),
        }
    }
}

/// Arguments written one after another, separated by `, `.
pub(super) fn write_list<'a>(
    items: impl Iterator<Item = ArgRef<'a>>,
    lang: Lang,
    out: &mut String,
) {
    for (i, a) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        a.write(lang, out);
    }
}

/// A message as the catalogue reads it: an owned [`Message`] or a [`MsgRef`].
pub(crate) trait MessageView {
    /// The catalogue id.
    fn id(&self) -> &'static str;
    /// The argument with this name (the last one, as Fluent's argument map keeps it).
    fn arg_ref(&self, name: &str) -> Option<ArgRef<'_>>;
    /// How many arguments it has.
    fn arg_count(&self) -> usize;
    /// Every argument, in order.
    fn each_arg(&self, f: &mut dyn FnMut(&'static str, ArgRef<'_>));
}

/// The last argument with this name (as Fluent's argument map keeps it).
pub(super) fn last_named<'a, A>(args: &'a [(&'static str, A)], name: &str) -> Option<&'a A> {
    args.iter().rev().find(|(n, _)| *n == name).map(|(_, a)| a)
}

impl MessageView for MsgRef<'_> {
    fn id(&self) -> &'static str {
        self.id
    }

    fn arg_ref(&self, name: &str) -> Option<ArgRef<'_>> {
        last_named(self.args, name).copied()
    }

    fn arg_count(&self) -> usize {
        self.args.len()
    }

    fn each_arg(&self, f: &mut dyn FnMut(&'static str, ArgRef<'_>)) {
        for (k, a) in self.args {
            f(k, *a);
        }
    }
}

/// A message as `{"id": "...", "args": {...}}` (what [`Message`]'s and [`MsgRef`]'s
/// `Serialize` write).
pub(super) fn serialize_view<S: Serializer>(m: &dyn MessageView, s: S) -> Result<S::Ok, S::Error> {
    struct Args<'a>(&'a dyn MessageView);
    impl Serialize for Args<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(self.0.arg_count()))?;
            let mut failed = None;
            self.0.each_arg(&mut |k, a| {
                if failed.is_none() {
                    failed = map.serialize_entry(k, &a).err();
                }
            });
            match failed {
                Some(e) => Err(e),
                None => map.end(),
            }
        }
    }
    let mut map = s.serialize_map(Some(2))?;
    map.serialize_entry("id", m.id())?;
    map.serialize_entry("args", &Args(m))?;
    map.end()
}

impl Serialize for MsgRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_view(self, s)
    }
}

impl Serialize for ArgRef<'_> {
    /// As [`Arg`]'s: texts and identifiers as strings, numbers as exact numbers, messages as
    /// objects, lists as arrays.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            ArgRef::Text(t) | ArgRef::Ident(t) => s.serialize_str(t),
            ArgRef::Labelled(name, label) => labelled(name, label, |m| m.serialize(s)),
            ArgRef::Num(d) | ArgRef::Fixed(d, _) => crate::result::Num(d).serialize(s),
            ArgRef::Int(n) => s.serialize_u64(n),
            ArgRef::Msg(m) => m.serialize(s),
            ArgRef::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for a in items {
                    seq.serialize_element(a)?;
                }
                seq.end()
            }
            ArgRef::Owned(a) => a.serialize(s),
            ArgRef::OwnedMsg(m) => m.serialize(s),
        }
    }
}

/// The message a [`ArgRef::Labelled`] stands for, handed to `f`.
pub(crate) fn labelled<R>(name: &str, label: &str, f: impl FnOnce(&MsgRef<'_>) -> R) -> R {
    f(&msg_ref!(
        "common-labelled",
        name = ArgRef::Ident(name),
        label = label
    ))
}

impl MsgRef<'_> {
    /// Appends the text in `lang` to `out` (as the owned message's
    /// [`Message::render_into`]).
    pub(crate) fn render_into(&self, lang: Lang, out: &mut String) {
        super::catalogue::format(lang, self, out);
    }

    /// The owned message.
    pub(crate) fn to_message(self) -> Message {
        Message::new(
            self.id,
            self.args.iter().map(|(k, a)| (*k, a.to_arg())).collect(),
        )
    }
}

macro_rules! arg_ref_from {
    ($($t:ty => |$v:ident| $e:expr;)*) => {
        $(impl<'a> From<$t> for ArgRef<'a> {
            fn from($v: $t) -> ArgRef<'a> { $e }
        })*
    };
}

arg_ref_from! {
    &'a str => |v| ArgRef::Text(v);
    &'a String => |v| ArgRef::Text(v);
    Decimal => |v| ArgRef::Num(v);
    u64 => |v| ArgRef::Int(v);
    usize => |v| ArgRef::Int(u64::try_from(v).unwrap_or(u64::MAX));
    &'a Arg => |v| match v {
        Arg::Text(t) => ArgRef::Text(t),
        Arg::Ident(t) => ArgRef::Ident(t),
        Arg::Num(d) => ArgRef::Num(*d),
        Arg::Fixed(d, places) => ArgRef::Fixed(*d, *places),
        Arg::Int(n) => ArgRef::Int(*n),
        Arg::Msg(m) => ArgRef::OwnedMsg(m),
        Arg::List(_) => ArgRef::Owned(v),
    };
    &'a Message => |v| ArgRef::OwnedMsg(v);
    &'a MsgRef<'a> => |v| ArgRef::Msg(v);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_and_owned_messages_agree() {
        let bound = msg_ref!("trace-bound-at-least", x = Decimal::from(70));
        let bounds = [ArgRef::Msg(&bound)];
        let m = msg_ref!(
            "trace-band",
            of = ArgRef::named("v", Some("Giá trị")),
            value = Decimal::new(7846, 2),
            band = 2usize,
            bounds = ArgRef::List(&bounds),
            points = ArgRef::Fixed(Decimal::new(5, 1), 2),
            max = ArgRef::Fixed(Decimal::ONE, 2)
        );
        let owned = crate::msg!(
            "trace-band",
            of = crate::i18n::input_arg("v", Some("Giá trị")),
            value = Decimal::new(7846, 2),
            band = 2usize,
            bounds = Arg::List(vec![Arg::from(crate::msg!(
                "trace-bound-at-least",
                x = Decimal::from(70)
            ))]),
            points = Arg::fixed(Decimal::new(5, 1), 2),
            max = Arg::fixed(Decimal::ONE, 2)
        );
        assert_eq!(m.to_message(), owned);
        assert_eq!(ArgRef::named("v", Some("  ")).to_arg(), Arg::ident("v"));
    }
}
