//! Units from JSON or YAML.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::error::{Code, Error, Issue, Label, Pos};
use crate::i18n::{Arg, Message};
use crate::inputs::RawValue;
use crate::msg;
use crate::syntax::{self, Limits, Node, Style, Value};
use crate::unit::{Unit, UnitRound};

use super::data_error;

/// The keys a unit may have.
pub const UNIT_KEYS: &[&str] = &[
    "id",
    "name",
    "kind",
    "values",
    "not_applicable",
    "self_assessed",
    "points",
    "notes",
    "evidence",
    "explanations",
    "rounds",
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
    units_of(root(text, origin)?, origin)
}

/// The unit of a text that holds one (a mapping without a `units` key); `None` for a list or
/// `{units: [...]}`, whatever their length (after the same checks as [`read`]).
pub(super) fn read_one(text: &str, origin: &str) -> Result<Option<Unit>, Error> {
    let root = root(text, origin)?;
    let many = match &root.value {
        Value::Seq(_) => true,
        Value::Map(entries) => entries.iter().any(|(k, _)| k.scalar() == Some("units")),
        Value::Scalar(..) => false,
    };
    let units = units_of(root, origin)?;
    Ok(if many { None } else { units.into_iter().next() })
}

/// The tree of a data text.
fn root(text: &str, origin: &str) -> Result<Node, Error> {
    // Plain JSON (what bindings send) is read by the fast reader, which gives the same tree;
    // anything else, and every error, by the YAML reader.
    if let Some(root) = syntax::parse_json(text, LIMITS.depth) {
        return Ok(root);
    }
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
    Ok(root)
}

/// The units of a data file's tree: a list of units, `{units: [...]}`, or one unit. The
/// tree's texts move into the units.
fn units_of(root: Node, origin: &str) -> Result<Vec<Unit>, Error> {
    enum Shape {
        List,
        Units,
        One,
    }
    let shape = match &root.value {
        Value::Seq(_) => Shape::List,
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
                        Value::Seq(_) => {
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
                            Shape::Units
                        }
                        _ => {
                            return Err(data_error(
                                Code::DataShape,
                                origin,
                                list.pos,
                                msg!("unit-data-units-not-list"),
                            ));
                        }
                    }
                }
                None => Shape::One,
            }
        }
        Value::Scalar(..) => {
            return Err(data_error(
                Code::DataShape,
                origin,
                root.pos,
                msg!("unit-data-shape"),
            ));
        }
    };
    let pos = root.pos;
    Ok(match (shape, root.value) {
        (Shape::List, Value::Seq(items)) => items.into_iter().map(unit).collect(),
        // The mapping has the one key `units`, a list (checked above).
        (Shape::Units, Value::Map(entries)) => entries
            .into_iter()
            .flat_map(|(_, v)| match v.value {
                Value::Seq(items) => items,
                _ => Vec::new(),
            })
            .map(unit)
            .collect(),
        (_, value) => vec![unit(Node { pos, value })],
    })
}

/// A value from the tree (its text moved, not copied).
pub(crate) fn raw(node: Node) -> RawValue {
    if node.is_null() {
        return RawValue::Null;
    }
    if let Some(b) = node.as_bool() {
        return RawValue::Bool(b);
    }
    match node.value {
        Value::Scalar(s, Style::Plain) => RawValue::from_plain_scalar(s),
        Value::Scalar(s, Style::Quoted) => RawValue::Text(s),
        Value::Seq(_) => RawValue::Invalid(Code::WrongValueType, msg!("unit-list-not-a-value")),
        Value::Map(_) => RawValue::Invalid(Code::WrongValueType, msg!("unit-map-not-a-value")),
    }
}

/// The entries of a mapping with a key written twice (compared after Unicode NFC, as input
/// names are) reported, once per repeat, and skipped.
fn distinct(
    entries: Vec<(Node, Node)>,
    what: &Message,
    problems: &mut Vec<Issue>,
) -> Vec<(Node, Node)> {
    // The keys in NFC with their places, sorted: a repeat sits next to its first writing.
    // (Sorting, not hashing: no input makes it slow.)
    let mut keys: Vec<(Cow<'_, str>, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let k = e.0.scalar()?;
            let key = match is_nfc_quick(k.chars()) {
                IsNormalized::Yes => Cow::Borrowed(k),
                _ => Cow::Owned(k.nfc().collect()),
            };
            Some((key, i))
        })
        .collect();
    keys.sort_unstable();
    let mut repeat = vec![false; entries.len()];
    let mut any = false;
    for w in keys.windows(2) {
        if let [(a, _), (b, j)] = w {
            if a == b {
                if let Some(r) = repeat.get_mut(*j) {
                    *r = true;
                    any = true;
                }
            }
        }
    }
    drop(keys);
    if !any {
        return entries;
    }
    let mut out = Vec::with_capacity(entries.len());
    for (e, twice) in entries.into_iter().zip(repeat) {
        if twice {
            let k = e.0.scalar().unwrap_or_default();
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
        out.push(e);
    }
    out
}

/// The text of a scalar node, moved out (`""` for another node).
fn text_of(node: Node) -> String {
    match node.value {
        Value::Scalar(s, _) => s,
        _ => String::new(),
    }
}

fn unit(node: Node) -> Unit {
    let mut u = Unit {
        at: Some(node.pos),
        ..Unit::default()
    };
    let entries = match node.value {
        Value::Map(entries) => entries,
        value => {
            let node = Node {
                pos: node.pos,
                value,
            };
            u.problems.push(
                Issue::new(
                    None,
                    Code::InvalidUnit,
                    msg!("unit-not-a-mapping", got = node.describe()),
                )
                .at(node.pos),
            );
            return u;
        }
    };
    for (k, v) in distinct(entries, &msg!("unit-place-unit"), &mut u.problems) {
        let key = k.scalar().unwrap_or("");
        let null = v.is_null();
        match key {
            "id" | "name" | "kind" => {
                let text = match v.value {
                    Value::Scalar(s, _) if !null => Some(s),
                    _ if null => None,
                    value => {
                        let v = Node { pos: v.pos, value };
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
            "values" => {
                for (name, value, at) in raw_map(v, key, &mut u.problems) {
                    u.values.push((name, value));
                    u.value_at.push(Some(at));
                }
            }
            "self_assessed" => {
                u.self_assessed = raw_map(v, key, &mut u.problems)
                    .into_iter()
                    .map(|(k, v, _)| (k, v))
                    .collect();
            }
            "points" => {
                u.points = raw_map(v, key, &mut u.problems)
                    .into_iter()
                    .map(|(k, v, _)| (k, v))
                    .collect();
            }
            "notes" | "explanations" => {
                let texts = text_map(v, key, &mut u.problems);
                if key == "notes" {
                    u.notes = texts;
                } else {
                    u.explanations = texts;
                }
            }
            "evidence" => u.evidence = evidence(v, &mut u.problems),
            "not_applicable" => {
                if let Some(ids) = id_list(v, &mut u.problems) {
                    u.not_applicable = ids;
                }
            }
            "rounds" => u.rounds = rounds(v, &mut u.problems),
            other => unknown_key(other, &k, UNIT_KEYS, &mut u.problems),
        }
    }
    u
}

/// A key a unit (or a round of it) does not have: a warning with the nearest key.
fn unknown_key(other: &str, k: &Node, keys: &[&str], problems: &mut Vec<Issue>) {
    let help = syntax::suggest(other, keys.iter().copied())
        .map(|s| msg!("unit-did-you-mean", name = Arg::ident(s)))
        .unwrap_or_else(|| msg!("unit-unit-keys", keys = Arg::idents(keys.iter().copied())));
    problems.push(
        Issue::new(
            None,
            Code::UnknownKey,
            msg!("unit-unknown-unit-key", key = Arg::ident(other)),
        )
        .with_help(help)
        .at(k.pos),
    );
}

/// The problem of a key whose value is not a mapping.
fn not_mapping(key: &str, v: Node, problems: &mut Vec<Issue>) {
    problems.push(
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
    );
}

/// The entries of a mapping of raw values (`values`, `self_assessed`, `points`), with the
/// place of each value; nothing (and a problem) when it is not a mapping.
fn raw_map(v: Node, key: &str, problems: &mut Vec<Issue>) -> Vec<(String, RawValue, Pos)> {
    match v.value {
        Value::Map(vals) => {
            let what = msg!("unit-place-key", key = Arg::ident(key));
            distinct(vals, &what, problems)
                .into_iter()
                .map(|(k, v)| {
                    let at = v.pos;
                    (text_of(k), raw(v), at)
                })
                .collect()
        }
        _ if v.is_null() => Vec::new(),
        value => {
            not_mapping(key, Node { pos: v.pos, value }, problems);
            Vec::new()
        }
    }
}

/// A mapping of texts by criterion id (`notes`, `explanations`): numbers and booleans are
/// taken as written; a list or mapping is a problem; `null` gives no text.
fn text_map(v: Node, key: &str, problems: &mut Vec<Issue>) -> Vec<(String, String)> {
    match v.value {
        Value::Map(vals) => {
            let what = msg!("unit-place-key", key = Arg::ident(key));
            let mut out = Vec::new();
            for (k, v) in distinct(vals, &what, problems) {
                if v.is_null() {
                    continue;
                }
                match v.value {
                    Value::Scalar(s, _) => out.push((text_of(k), s)),
                    value => {
                        let v = Node { pos: v.pos, value };
                        problems.push(
                            Issue::new(
                                None,
                                Code::InvalidUnit,
                                msg!(
                                    "unit-text-expected",
                                    key = Arg::ident(key),
                                    id = Arg::ident(k.scalar().unwrap_or("?")),
                                    got = v.describe()
                                ),
                            )
                            .at(v.pos),
                        );
                    }
                }
            }
            out
        }
        _ if v.is_null() => Vec::new(),
        value => {
            not_mapping(key, Node { pos: v.pos, value }, problems);
            Vec::new()
        }
    }
}

/// `evidence: {id: [documents]}` (a single text is one document).
fn evidence(v: Node, problems: &mut Vec<Issue>) -> Vec<(String, Vec<String>)> {
    match v.value {
        Value::Map(vals) => {
            let what = msg!("unit-place-key", key = Arg::ident("evidence"));
            let mut out = Vec::new();
            for (k, v) in distinct(vals, &what, problems) {
                let id = text_of(k);
                let docs = match v.value {
                    _ if v.is_null() => Vec::new(),
                    Value::Scalar(s, _) => vec![s],
                    Value::Seq(items) => {
                        let mut docs = Vec::with_capacity(items.len());
                        for it in items {
                            match it.value {
                                Value::Scalar(s, _) if !it.is_null() => docs.push(s),
                                value => {
                                    let it = Node { pos: it.pos, value };
                                    problems.push(evidence_item(&id, &it));
                                }
                            }
                        }
                        docs
                    }
                    value => {
                        let v = Node { pos: v.pos, value };
                        problems.push(evidence_item(&id, &v));
                        Vec::new()
                    }
                };
                if !docs.is_empty() {
                    out.push((id, docs));
                }
            }
            out
        }
        _ if v.is_null() => Vec::new(),
        value => {
            not_mapping("evidence", Node { pos: v.pos, value }, problems);
            Vec::new()
        }
    }
}

/// The problem of an evidence entry that is not a document text.
fn evidence_item(id: &str, node: &Node) -> Issue {
    Issue::new(
        None,
        Code::InvalidUnit,
        msg!(
            "unit-evidence-item",
            id = Arg::ident(id),
            got = node.describe()
        ),
    )
    .at(node.pos)
}

/// A `not_applicable` list; `None` for `null` (and a problem for another shape).
fn id_list(v: Node, problems: &mut Vec<Issue>) -> Option<Vec<String>> {
    match v.value {
        Value::Seq(items) => {
            let mut ids = Vec::with_capacity(items.len());
            for it in items {
                match it.value {
                    Value::Scalar(s, _) => ids.push(s),
                    value => {
                        let it = Node { pos: it.pos, value };
                        problems.push(
                            Issue::new(
                                None,
                                Code::InvalidUnit,
                                msg!("unit-not-applicable-item", got = it.describe()),
                            )
                            .at(it.pos),
                        );
                    }
                }
            }
            Some(ids)
        }
        _ if v.is_null() => None,
        value => {
            let v = Node { pos: v.pos, value };
            problems.push(
                Issue::new(
                    None,
                    Code::InvalidUnit,
                    msg!("unit-not-applicable-not-list", got = v.describe()),
                )
                .at(v.pos),
            );
            None
        }
    }
}

/// The keys of a round's data (a block under a unit's `rounds:`).
pub const ROUND_KEYS: &[&str] = &["values", "not_applicable", "points", "notes"];

/// `rounds: {round_id: {values, not_applicable, points, notes}}`, in the written order.
fn rounds(v: Node, problems: &mut Vec<Issue>) -> Vec<UnitRound> {
    let entries = match v.value {
        Value::Map(entries) => entries,
        _ if v.is_null() => return Vec::new(),
        value => {
            not_mapping("rounds", Node { pos: v.pos, value }, problems);
            return Vec::new();
        }
    };
    let what = msg!("unit-place-key", key = Arg::ident("rounds"));
    let mut out = Vec::new();
    for (k, v) in distinct(entries, &what, problems) {
        let mut r = UnitRound::new(text_of(k));
        r.at = Some(v.pos);
        let fields = match v.value {
            Value::Map(fields) => fields,
            _ if v.is_null() => Vec::new(),
            value => {
                not_mapping("rounds", Node { pos: v.pos, value }, problems);
                continue;
            }
        };
        let place = msg!("unit-place-round", round = Arg::ident(r.id.as_str()));
        for (k, v) in distinct(fields, &place, problems) {
            let key = k.scalar().unwrap_or("");
            match key {
                "values" => {
                    for (name, value, at) in raw_map(v, key, problems) {
                        r.values.push((name, value));
                        r.value_at.push(Some(at));
                    }
                }
                "points" => {
                    r.points = raw_map(v, key, problems)
                        .into_iter()
                        .map(|(k, v, _)| (k, v))
                        .collect();
                }
                "notes" => r.notes = text_map(v, key, problems),
                // `null` empties the list; a list replaces it.
                "not_applicable" if v.is_null() => r.not_applicable = Some(Vec::new()),
                "not_applicable" => r.not_applicable = id_list(v, problems),
                other => unknown_key(other, &k, ROUND_KEYS, problems),
            }
        }
        out.push(r);
    }
    out
}
