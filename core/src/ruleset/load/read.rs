//! Reading values of every shape: mappings, lists, text, numbers, booleans, keywords.

use rust_decimal::Decimal;

use super::{Loader, MAX_MAGNITUDE};
use crate::error::{Code, Pos};
use crate::i18n::{Arg, Message};
use crate::msg;
use crate::ruleset::model::Scalar;
use crate::syntax::{MapReader, Node, NumberError, Style, Value, parse_decimal, suggest};
use crate::text::nfc;
use crate::types::Keyword;

/// Where a node ends, when the syntax tree tells: a plain scalar written on one line.
pub(super) fn end_of(node: &Node) -> Option<Pos> {
    match &node.value {
        Value::Scalar(s, Style::Plain) if !s.is_empty() && !s.contains('\n') => {
            let width = u32::try_from(s.chars().count()).ok()?;
            Some(Pos {
                line: node.pos.line,
                column: node.pos.column.checked_add(width)?,
            })
        }
        _ => None,
    }
}

/// A key of the format named in a message (`` `rounding` ``).
pub(super) fn key(k: &str) -> Arg {
    Arg::ident(k)
}

/// A phrase naming what is read (`a criterion`, `a date`), for messages.
pub(super) fn what(m: Message) -> Arg {
    Arg::from(m)
}

/// Words of the format, listed as identifiers (`` `a`, `b`, `c` ``).
pub(super) fn words(list: &[&str]) -> Arg {
    Arg::idents(list.iter().copied())
}

/// "did you mean `x`?", or the list of what is allowed.
pub(super) fn did_you_mean(near: Option<&str>, allowed: &[&str]) -> Message {
    match near {
        Some(s) => msg!("load-did-you-mean", name = Arg::ident(s)),
        None => msg!("load-allowed-keys", keys = words(allowed)),
    }
}

impl Loader<'_> {
    /// A problem about `node`, spanning it when its end is known.
    pub(super) fn err_at(&mut self, code: Code, node: &Node, msg: impl Into<Message>) {
        let mut d = self.diagnostic(code, node.pos, msg);
        if let Some(end) = end_of(node) {
            d = d.with_end(end);
        }
        self.push(d);
    }

    /// A mapping, or none (and a `wrong_type` problem).
    pub(super) fn map<'a>(&mut self, node: &'a Node, what: &Arg) -> Option<MapReader<'a>> {
        let r = MapReader::new(node);
        if r.is_none() {
            self.err_at(
                Code::WrongType,
                node,
                msg!(
                    "load-not-a-mapping",
                    what = what.clone(),
                    kind = node.describe()
                ),
            );
        }
        r
    }

    /// The items of a list, or none (and a `wrong_type` problem) when `n` is not a list.
    pub(super) fn list<'a>(&mut self, n: &'a Node, what: &Arg) -> &'a [Node] {
        match &n.value {
            Value::Seq(items) => items,
            _ => {
                self.err_at(
                    Code::WrongType,
                    n,
                    msg!("load-not-a-list", what = what.clone(), kind = n.describe()),
                );
                &[]
            }
        }
    }

    /// Reports every key of `r` that was not read as unknown, with the nearest allowed key.
    pub(super) fn finish(&mut self, r: &MapReader<'_>, allowed: &[&str], what: &Arg) {
        let unread: Vec<_> = r.unread().collect();
        for (k, key) in unread {
            let help = did_you_mean(suggest(key, allowed.iter().copied()), allowed);
            let mut d = self
                .diagnostic(
                    Code::UnknownKey,
                    k.pos,
                    msg!(
                        "load-unknown-key",
                        key = Arg::ident(key),
                        what = what.clone()
                    ),
                )
                .with_help(help);
            if let Some(end) = end_of(k) {
                d = d.with_end(end);
            }
            self.push(d);
        }
    }

    /// The value under a key the format requires, or none (and a `missing_key` problem at `at`).
    pub(super) fn required<'a>(
        &mut self,
        r: &mut MapReader<'a>,
        key: &str,
        at: Pos,
        what: &Arg,
    ) -> Option<&'a Node> {
        let v = r.get(key);
        if v.is_none() {
            let example = if key == "format" { "cchc/1" } else { "..." };
            self.err(
                Code::MissingKey,
                at,
                msg!(
                    "load-missing-key",
                    what = what.clone(),
                    key = Arg::ident(key),
                    example = Arg::ident(format!("{key}: {example}"))
                ),
            );
        }
        v
    }

    /// Any scalar as text (ids and versions may be written as numbers).
    pub(super) fn text(&mut self, node: &Node, what: &Arg) -> Option<String> {
        match &node.value {
            Value::Scalar(s, _) if !node.is_null() => Some(s.clone()),
            _ => {
                self.err_at(
                    Code::WrongType,
                    node,
                    msg!("load-not-text", what = what.clone(), kind = node.describe()),
                );
                None
            }
        }
    }

    /// An exact number within [`MAX_MAGNITUDE`].
    pub(super) fn number(&mut self, node: &Node, what: &Arg) -> Option<Decimal> {
        let Value::Scalar(s, Style::Plain) = &node.value else {
            self.err_at(
                Code::WrongType,
                node,
                msg!(
                    "load-not-a-number-unquoted",
                    what = what.clone(),
                    kind = node.describe()
                ),
            );
            return None;
        };
        let (what, text) = (what.clone(), Arg::ident(s.as_str()));
        let (code, msg) = match parse_decimal(s) {
            Ok(d) if d.abs() > Decimal::from(MAX_MAGNITUDE) => (
                Code::InvalidNumber,
                msg!(
                    "load-number-too-large",
                    what = what,
                    text = text,
                    max = Decimal::from(MAX_MAGNITUDE)
                ),
            ),
            Ok(d) => return Some(d),
            Err(NumberError::NotANumber) => (
                Code::WrongType,
                msg!("load-not-a-number", what = what, text = text),
            ),
            Err(NumberError::NotFinite) => (
                Code::InvalidNumber,
                msg!("load-number-not-finite", what = what, text = text),
            ),
            Err(NumberError::Inexact) => (
                Code::InvalidNumber,
                msg!("load-number-inexact", what = what, text = text),
            ),
        };
        self.err_at(code, node, msg);
        None
    }

    /// `true` or `false`.
    pub(super) fn boolean(&mut self, node: &Node, what: &Arg) -> Option<bool> {
        let b = node.as_bool();
        if b.is_none() {
            self.err_at(
                Code::WrongType,
                node,
                msg!(
                    "load-not-a-bool",
                    what = what.clone(),
                    kind = node.describe()
                ),
            );
        }
        b
    }

    /// One of a keyword enum's words.
    pub(super) fn keyword<T: Keyword>(&mut self, node: &Node) -> Option<T> {
        let what = keyword_what(T::WHAT);
        let s = self.text(node, &what)?;
        if let Some(t) = T::all().iter().find(|k| k.word() == s) {
            return Some(*t);
        }
        let names: Vec<&str> = T::all().iter().map(|k| k.word()).collect();
        let help = match suggest(&s, names.iter().copied()) {
            Some(n) => msg!("load-did-you-mean", name = Arg::ident(n)),
            None => msg!("load-use-one-of", words = words(&names)),
        };
        let mut d = self
            .diagnostic(
                Code::InvalidValue,
                node.pos,
                msg!("load-invalid-keyword", text = Arg::ident(s), what = what),
            )
            .with_help(help);
        if let Some(end) = end_of(node) {
            d = d.with_end(end);
        }
        self.push(d);
        None
    }

    /// A list of texts.
    pub(super) fn text_list(&mut self, node: &Node, what: &Arg) -> Option<Vec<String>> {
        match &node.value {
            Value::Seq(items) => Some(items.iter().filter_map(|it| self.text(it, what)).collect()),
            _ => {
                self.err_at(
                    Code::WrongType,
                    node,
                    msg!(
                        "load-not-a-text-list",
                        what = what.clone(),
                        kind = node.describe()
                    ),
                );
                None
            }
        }
    }

    /// The entries of a mapping with their keys as NFC text.
    pub(super) fn pairs<'a>(&mut self, node: &'a Node, what: &Arg) -> Vec<(String, Pos, &'a Node)> {
        match &node.value {
            Value::Map(entries) => entries
                .iter()
                .filter_map(|(k, v)| self.text(k, what).map(|t| (nfc(&t), k.pos, v)))
                .collect(),
            _ => {
                self.err_at(
                    Code::WrongType,
                    node,
                    msg!(
                        "load-not-a-map-of-pairs",
                        what = what.clone(),
                        kind = node.describe()
                    ),
                );
                Vec::new()
            }
        }
    }

    /// The entries of a mapping whose values are numbers.
    pub(super) fn number_pairs(
        &mut self,
        node: &Node,
        what: &Arg,
        each: &Arg,
    ) -> Vec<(String, Decimal)> {
        self.pairs(node, what)
            .into_iter()
            .filter_map(|(k, _, v)| self.number(v, each).map(|d| (k, d)))
            .collect()
    }

    /// A bool, a number or a text.
    pub(super) fn scalar(&mut self, node: &Node, what: &Arg) -> Option<Scalar> {
        if let Some(b) = node.as_bool() {
            return Some(Scalar::Bool(b));
        }
        if node.looks_numeric() {
            return self.number(node, what).map(Scalar::Number);
        }
        match &node.value {
            Value::Scalar(s, _) if !node.is_null() => Some(Scalar::Text(nfc(s))),
            _ => {
                self.err_at(
                    Code::WrongType,
                    node,
                    msg!(
                        "load-not-a-scalar",
                        what = what.clone(),
                        kind = node.describe()
                    ),
                );
                None
            }
        }
    }
}

/// What a keyword enum is called in messages (its `Keyword::WHAT`, e.g. "input type").
fn keyword_what(word: &str) -> Arg {
    what(match word {
        "on_missing policy" => msg!("load-what-on-missing"),
        "ranking" => msg!("load-what-ranking"),
        "input type" => msg!("load-what-input-type"),
        "node kind" => msg!("load-what-node-kind"),
        "if_not_applicable" => msg!("load-what-if-not-applicable"),
        "rule kind" => msg!("load-what-rule-kind"),
        "unit status" => msg!("load-what-unit-status"),
        "node status" => msg!("load-what-node-status"),
        // The `status:` of a ruleset (helper "labels", issue #9).
        "ruleset status" => msg!("load-what-ruleset-status"),
        other => return Arg::Text(other.to_string()),
    })
}
