//! Reading values of every shape: mappings, lists, text, numbers, booleans, keywords.

use rust_decimal::Decimal;

use super::{Loader, MAX_MAGNITUDE};
use crate::error::{Code, Pos};
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

impl Loader<'_> {
    /// A problem about `node`, spanning it when its end is known.
    pub(super) fn err_at(&mut self, code: Code, node: &Node, msg: impl Into<crate::Message>) {
        let mut d = self.diagnostic(code, node.pos, msg);
        if let Some(end) = end_of(node) {
            d = d.with_end(end);
        }
        self.push(d);
    }

    /// A mapping, or none (and a `wrong_type` problem).
    pub(super) fn map<'a>(&mut self, node: &'a Node, what: &str) -> Option<MapReader<'a>> {
        let r = MapReader::new(node);
        if r.is_none() {
            self.err_at(
                Code::WrongType,
                node,
                format!(
                    "{what} must be a mapping of `key: value` lines, but this is {}",
                    node.describe()
                ),
            );
        }
        r
    }

    /// The items of a list, or none (and a `wrong_type` problem) when `n` is not a list.
    pub(super) fn list<'a>(&mut self, n: &'a Node, what: &str) -> &'a [Node] {
        match &n.value {
            Value::Seq(items) => items,
            _ => {
                self.err_at(
                    Code::WrongType,
                    n,
                    format!("{what} must be a list, but this is {}", n.describe()),
                );
                &[]
            }
        }
    }

    /// Reports every key of `r` that was not read as unknown, with the nearest allowed key.
    pub(super) fn finish(&mut self, r: &MapReader<'_>, allowed: &[&str], what: &str) {
        let unread: Vec<_> = r.unread().collect();
        for (k, key) in unread {
            let help = match suggest(key, allowed.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the keys allowed here are: {}", allowed.join(", ")),
            };
            let mut d = self
                .diagnostic(
                    Code::UnknownKey,
                    k.pos,
                    format!("unknown key `{key}` in {what}"),
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
        what: &str,
    ) -> Option<&'a Node> {
        let v = r.get(key);
        if v.is_none() {
            let example = if key == "format" { "cchc/1" } else { "..." };
            self.err(
                Code::MissingKey,
                at,
                format!("{what} needs a `{key}`; add `{key}: {example}`"),
            );
        }
        v
    }

    /// Any scalar as text (ids and versions may be written as numbers).
    pub(super) fn text(&mut self, node: &Node, what: &str) -> Option<String> {
        match &node.value {
            Value::Scalar(s, _) if !node.is_null() => Some(s.clone()),
            _ => {
                self.err_at(
                    Code::WrongType,
                    node,
                    format!("{what} must be text, but this is {}", node.describe()),
                );
                None
            }
        }
    }

    /// An exact number within [`MAX_MAGNITUDE`].
    pub(super) fn number(&mut self, node: &Node, what: &str) -> Option<Decimal> {
        let Value::Scalar(s, Style::Plain) = &node.value else {
            self.err_at(
                Code::WrongType,
                node,
                format!(
                    "{what} must be a number (unquoted), but this is {}",
                    node.describe()
                ),
            );
            return None;
        };
        let (code, msg) = match parse_decimal(s) {
            Ok(d) if d.abs() > Decimal::from(MAX_MAGNITUDE) => (
                Code::InvalidNumber,
                format!(
                    "{what} `{s}` is too large; numbers in a rule file are at most {MAX_MAGNITUDE} in size"
                ),
            ),
            Ok(d) => return Some(d),
            Err(NumberError::NotANumber) => (
                Code::WrongType,
                format!(
                    "{what} must be a number, but `{s}` is not one; write digits with `.` as the decimal point"
                ),
            ),
            Err(NumberError::NotFinite) => (
                Code::InvalidNumber,
                format!("{what} must be a finite number, not `{s}`"),
            ),
            Err(NumberError::Inexact) => (
                Code::InvalidNumber,
                format!(
                    "{what} `{s}` cannot be held exactly (at most 28 significant digits); shorten it"
                ),
            ),
        };
        self.err_at(code, node, msg);
        None
    }

    /// `true` or `false`.
    pub(super) fn boolean(&mut self, node: &Node, what: &str) -> Option<bool> {
        let b = node.as_bool();
        if b.is_none() {
            self.err_at(
                Code::WrongType,
                node,
                format!(
                    "{what} must be true or false, but this is {}",
                    node.describe()
                ),
            );
        }
        b
    }

    /// One of a keyword enum's words.
    pub(super) fn keyword<T: Keyword>(&mut self, node: &Node) -> Option<T> {
        let s = self.text(node, T::WHAT)?;
        if let Some(t) = T::all().iter().find(|k| k.word() == s) {
            return Some(*t);
        }
        let names: Vec<&str> = T::all().iter().map(|k| k.word()).collect();
        let help = match suggest(&s, names.iter().copied()) {
            Some(n) => format!("did you mean `{n}`?"),
            None => format!("use one of: {}", names.join(", ")),
        };
        let mut d = self
            .diagnostic(
                Code::InvalidValue,
                node.pos,
                format!("`{s}` is not a valid {}", T::WHAT),
            )
            .with_help(help);
        if let Some(end) = end_of(node) {
            d = d.with_end(end);
        }
        self.push(d);
        None
    }

    /// A list of texts.
    pub(super) fn text_list(&mut self, node: &Node, what: &str) -> Option<Vec<String>> {
        match &node.value {
            Value::Seq(items) => Some(items.iter().filter_map(|it| self.text(it, what)).collect()),
            _ => {
                self.err_at(
                    Code::WrongType,
                    node,
                    format!(
                        "{what} must be a list (`[a, b]` or `- a` lines), but this is {}",
                        node.describe()
                    ),
                );
                None
            }
        }
    }

    /// The entries of a mapping with their keys as NFC text.
    pub(super) fn pairs<'a>(&mut self, node: &'a Node, what: &str) -> Vec<(String, Pos, &'a Node)> {
        match &node.value {
            Value::Map(entries) => entries
                .iter()
                .filter_map(|(k, v)| self.text(k, what).map(|t| (nfc(&t), k.pos, v)))
                .collect(),
            _ => {
                self.err_at(
                    Code::WrongType,
                    node,
                    format!("{what} must be a mapping, but this is {}", node.describe()),
                );
                Vec::new()
            }
        }
    }

    /// The entries of a mapping whose values are numbers.
    pub(super) fn number_pairs(
        &mut self,
        node: &Node,
        what: &str,
        each: &str,
    ) -> Vec<(String, Decimal)> {
        self.pairs(node, what)
            .into_iter()
            .filter_map(|(k, _, v)| self.number(v, each).map(|d| (k, d)))
            .collect()
    }

    /// A bool, a number or a text.
    pub(super) fn scalar(&mut self, node: &Node, what: &str) -> Option<Scalar> {
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
                    format!(
                        "{what} must be true/false, a number or text, but this is {}",
                        node.describe()
                    ),
                );
                None
            }
        }
    }
}
