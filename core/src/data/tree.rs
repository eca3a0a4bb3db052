//! Units from JSON or YAML.

use std::borrow::Cow;
use std::collections::HashSet;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::error::{Code, Error, Issue, Label, Pos};
use crate::inputs::RawValue;
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
            format!("the data cannot be read: {}", e.message),
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
            "the data file is empty",
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
                                "the key `units` appears twice; keep one list of units",
                            )
                            .with_label(Label::new(
                                origin,
                                list.pos,
                                "the first list is here",
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
                                    format!(
                                        "next to `units:` the data may have no other key, but it has `{}`",
                                        k.scalar().unwrap_or("?")
                                    ),
                                ));
                            }
                            Ok(items.iter().map(unit).collect())
                        }
                        _ => Err(data_error(
                            Code::DataShape,
                            origin,
                            list.pos,
                            "`units` must be a list of units",
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
            "the data must be a unit (a mapping with `id` and `values`), a list of units, or `units: [...]`",
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
                Err(NumberError::NotFinite) => {
                    RawValue::Invalid(Code::NotFinite, format!("`{s}` is not a finite number"))
                }
                Err(NumberError::Inexact) => RawValue::Invalid(
                    Code::InexactNumber,
                    format!("`{s}` cannot be held exactly (at most 28 significant digits)"),
                ),
                Err(NumberError::NotANumber) => RawValue::Text(s.clone()),
            }
        }
        Value::Scalar(s, Style::Quoted) => RawValue::Text(s.clone()),
        Value::Seq(_) => RawValue::Invalid(Code::WrongValueType, "a list is not a value".into()),
        Value::Map(_) => RawValue::Invalid(Code::WrongValueType, "a mapping is not a value".into()),
    }
}

/// The entries of a mapping with a key written twice (compared after Unicode NFC, as input
/// names are) reported, once per repeat, and skipped.
fn distinct<'a>(
    entries: &'a [(Node, Node)],
    what: &str,
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
                        format!("the key `{k}` appears twice in {what}"),
                    )
                    .with_help("keep one of the two")
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
                format!(
                    "a unit must be a mapping with `id` and `values`, but this is {}",
                    node.describe()
                ),
            )
            .at(node.pos),
        );
        return u;
    };
    for (k, v) in distinct(entries, "this unit", &mut u.problems) {
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
                                format!("the unit's `{key}` must be text, not {}", v.describe()),
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
                    let what = format!("the unit's `{key}`");
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
                        format!(
                            "the unit's `{key}` must be a mapping of `name: value`, not {}",
                            v.describe()
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
                                    format!(
                                        "`not_applicable` must list criterion ids, not {}",
                                        it.describe()
                                    ),
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
                        format!(
                            "the unit's `not_applicable` must be a list of criterion ids, not {}",
                            v.describe()
                        ),
                    )
                    .at(v.pos),
                ),
            },
            other => {
                let help = syntax::suggest(other, UNIT_KEYS.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"))
                    .unwrap_or_else(|| format!("a unit has: {}", UNIT_KEYS.join(", ")));
                u.problems.push(
                    Issue::new(
                        None,
                        Code::UnknownKey,
                        format!("unknown key `{other}` in a unit; it is ignored"),
                    )
                    .with_help(help)
                    .at(k.pos),
                );
            }
        }
    }
    u
}
