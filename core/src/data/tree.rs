//! Units from JSON or YAML.

use std::borrow::Cow;
use std::collections::HashSet;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::error::{Code, Error, Issue, Label, Pos};
use crate::i18n::{Arg, Message};
use crate::inputs::RawValue;
use crate::msg;
use crate::syntax::{self, Limits, Node, NumberError, Style, Value, parse_decimal};
use crate::unit::Unit;

use super::data_error;

/// The keys a unit may have.
pub const UNIT_KEYS: &[&str] = &[
    "id",
    "name",
    "kind",
    "values",
    "not_applicable",
    "self_assessed",
];

/// What aliases may add to a data file.
const LIMITS: Limits = Limits {
    alias_nodes: 1_000_000,
    alias_bytes: 64 * 1024 * 1024,
    depth: 64,
    // A key written twice inside a unit is that unit's error, not the whole file's.
    keep_duplicate_keys: true,
};

pub(super) fn read(text: &str, origin: &str) -> Result<Vec<Unit>, Error> {
    let root = syntax::parse(text, LIMITS).map_err(|e| {
        let mut d = crate::error::Diagnostic::new(
            e.code(Code::DataSyntax),
            origin,
            e.pos,
            msg!("unit-data-unreadable", why = e.message),
        );
        if let Some(h) = e.help {
            d = d.with_help(h);
        }
        Error::Data(Box::new(d))
    })?;
    let Some(root) = root else {
        return Err(data_error(
            Code::DataShape,
            origin,
            Pos { line: 1, column: 1 },
            msg!("unit-data-empty"),
        ));
    };
    match &root.value {
        Value::Seq(items) => Ok(items.iter().map(unit).collect()),
        Value::Map(entries) => {
            let mut units = entries.iter().filter(|(k, _)| k.scalar() == Some("units"));
            match units.next() {
                Some((_, list)) => {
                    if let Some((again, _)) = units.next() {
                        return Err(Error::Data(Box::new(
                            crate::error::Diagnostic::new(
                                Code::DuplicateKey,
                                origin,
                                again.pos,
                                msg!("unit-data-units-twice"),
                            )
                            .with_label(Label::new(
                                origin,
                                list.pos,
                                msg!("unit-data-units-first"),
                            )),
                        )));
                    }
                    match &list.value {
                        Value::Seq(items) => {
                            if let Some((k, _)) =
                                entries.iter().find(|(k, _)| k.scalar() != Some("units"))
                            {
                                return Err(data_error(
                                    Code::DataShape,
                                    origin,
                                    k.pos,
                                    msg!(
                                        "unit-data-beside-units",
                                        key = Arg::ident(k.scalar().unwrap_or("?"))
                                    ),
                                ));
                            }
                            Ok(items.iter().map(unit).collect())
                        }
                        _ => Err(data_error(
                            Code::DataShape,
                            origin,
                            list.pos,
                            msg!("unit-data-units-not-list"),
                        )),
                    }
                }
                None => Ok(vec![unit(&root)]),
            }
        }
        _ => Err(data_error(
            Code::DataShape,
            origin,
            root.pos,
            msg!("unit-data-shape"),
        )),
    }
}

/// A value from the tree.
pub(crate) fn raw(node: &Node) -> RawValue {
    match &node.value {
        Value::Scalar(s, Style::Plain) => {
            if node.is_null() {
                return RawValue::Null;
            }
            if let Some(b) = node.as_bool() {
                return RawValue::Bool(b);
            }
            match parse_decimal(s) {
                Ok(d) => RawValue::Number(d),
                Err(NumberError::NotFinite) => RawValue::Invalid(
                    Code::NotFinite,
                    msg!("unit-not-finite", value = Arg::ident(s)),
                ),
                Err(NumberError::Inexact) => RawValue::Invalid(
                    Code::InexactNumber,
                    msg!("unit-inexact-number", value = Arg::ident(s)),
                ),
                Err(NumberError::NotANumber) => RawValue::Text(s.clone()),
            }
        }
        Value::Scalar(s, Style::Quoted) => RawValue::Text(s.clone()),
        Value::Seq(_) => RawValue::Invalid(Code::WrongValueType, msg!("unit-list-not-a-value")),
        Value::Map(_) => RawValue::Invalid(Code::WrongValueType, msg!("unit-map-not-a-value")),
    }
}

/// The entries of a mapping with a key written twice (compared after Unicode NFC, as input
/// names are) reported, once per repeat, and skipped.
fn distinct<'a>(
    entries: &'a [(Node, Node)],
    what: &Message,
    problems: &mut Vec<Issue>,
) -> Vec<&'a (Node, Node)> {
    let mut seen: HashSet<Cow<'a, str>> = HashSet::with_capacity(entries.len());
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        if let Some(k) = e.0.scalar() {
            let key = match is_nfc_quick(k.chars()) {
                IsNormalized::Yes => Cow::Borrowed(k),
                _ => Cow::Owned(k.nfc().collect()),
            };
            if !seen.insert(key) {
                problems.push(
                    Issue::new(
                        None,
                        Code::DuplicateKey,
                        msg!(
                            "unit-duplicate-key",
                            key = Arg::ident(k),
                            place = what.clone()
                        ),
                    )
                    .with_help(msg!("unit-duplicate-key-help"))
                    .at(e.0.pos),
                );
                continue;
            }
        }
        out.push(e);
    }
    out
}

fn unit(node: &Node) -> Unit {
    let mut u = Unit {
        at: Some(node.pos),
        ..Unit::default()
    };
    let Value::Map(entries) = &node.value else {
        u.problems.push(
            Issue::new(
                None,
                Code::InvalidUnit,
                msg!("unit-not-a-mapping", got = node.describe()),
            )
            .at(node.pos),
        );
        return u;
    };
    for (k, v) in distinct(entries, &msg!("unit-place-unit"), &mut u.problems) {
        let key = k.scalar().unwrap_or("");
        match key {
            "id" | "name" | "kind" => {
                let text = match &v.value {
                    Value::Scalar(s, _) if !v.is_null() => Some(s.clone()),
                    _ if v.is_null() => None,
                    _ => {
                        u.problems.push(
                            Issue::new(
                                None,
                                Code::InvalidUnit,
                                msg!(
                                    "unit-key-not-text",
                                    key = Arg::ident(key),
                                    got = v.describe()
                                ),
                            )
                            .at(v.pos),
                        );
                        None
                    }
                };
                match key {
                    "id" => u.id = text,
                    "name" => u.name = text,
                    _ => u.kind = text,
                }
            }
            "values" | "self_assessed" => match &v.value {
                Value::Map(vals) => {
                    let what = msg!("unit-place-key", key = Arg::ident(key));
                    for (k, v) in distinct(vals, &what, &mut u.problems) {
                        let pair = (k.scalar().unwrap_or("").to_string(), raw(v));
                        if key == "values" {
                            u.values.push(pair);
                            u.value_at.push(Some(v.pos));
                        } else {
                            u.self_assessed.push(pair);
                        }
                    }
                }
                _ if v.is_null() => {}
                _ => u.problems.push(
                    Issue::new(
                        None,
                        Code::InvalidUnit,
                        msg!(
                            "unit-key-not-mapping",
                            key = Arg::ident(key),
                            got = v.describe()
                        ),
                    )
                    .at(v.pos),
                ),
            },
            "not_applicable" => match &v.value {
                Value::Seq(items) => {
                    for it in items {
                        match it.scalar() {
                            Some(s) => u.not_applicable.push(s.to_string()),
                            None => u.problems.push(
                                Issue::new(
                                    None,
                                    Code::InvalidUnit,
                                    msg!("unit-not-applicable-item", got = it.describe()),
                                )
                                .at(it.pos),
                            ),
                        }
                    }
                }
                _ if v.is_null() => {}
                _ => u.problems.push(
                    Issue::new(
                        None,
                        Code::InvalidUnit,
                        msg!("unit-not-applicable-not-list", got = v.describe()),
                    )
                    .at(v.pos),
                ),
            },
            other => {
                let help = syntax::suggest(other, UNIT_KEYS.iter().copied())
                    .map(|s| msg!("unit-did-you-mean", name = Arg::ident(s)))
                    .unwrap_or_else(|| {
                        msg!(
                            "unit-unit-keys",
                            keys = Arg::idents(UNIT_KEYS.iter().copied())
                        )
                    });
                u.problems.push(
                    Issue::new(
                        None,
                        Code::UnknownKey,
                        msg!("unit-unknown-unit-key", key = Arg::ident(other)),
                    )
                    .with_help(help)
                    .at(k.pos),
                );
            }
        }
    }
    u
}
