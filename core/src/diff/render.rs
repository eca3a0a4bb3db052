//! The diff as text for people, from the catalogue (Vietnamese by default).

use serde_json::Value;

use super::{Change, Effect, RulesetDiff, Side};
use crate::i18n::{Arg, Lang, Message};
use crate::msg;

/// A JSON value of a change as a message argument: numbers with the language's decimal
/// separator, texts as they are, `null` as "none", objects as compact `key: value` pairs.
fn value(v: &Value) -> Arg {
    match v {
        Value::Null => Arg::from(msg!("tools-diff-none")),
        Value::Number(n) => match n.to_string().parse::<rust_decimal::Decimal>() {
            Ok(d) => Arg::Num(d),
            Err(_) => Arg::Text(n.to_string()),
        },
        Value::String(s) => Arg::Text(crate::present::terminal_safe(s).into_owned()),
        Value::Bool(b) => Arg::Ident(b.to_string()),
        Value::Object(m) => Arg::List(
            m.iter()
                .map(|(k, v)| {
                    Arg::from(msg!(
                        "tools-diff-pair",
                        key = Arg::ident(k.as_str()),
                        value = value(v)
                    ))
                })
                .collect(),
        ),
        Value::Array(items) => Arg::List(items.iter().map(value).collect()),
    }
}

fn id(s: &str) -> Arg {
    Arg::ident(crate::present::terminal_safe(s).into_owned())
}

fn parent(p: &Option<String>) -> Arg {
    match p {
        Some(p) => id(p),
        None => Arg::from(msg!("tools-diff-top-level")),
    }
}

fn side(s: &Side) -> Message {
    msg!(
        "tools-diff-side",
        file = id(&s.file),
        id = id(&s.id),
        version = Arg::Text(crate::present::terminal_safe(&s.version).into_owned()),
        fingerprint = s.fingerprint.as_str()
    )
}

/// One change in words.
pub(super) fn change(c: &Change) -> Message {
    match c {
        Change::RulesetChanged { field, old, new } => msg!(
            "tools-diff-ruleset-changed",
            field = Arg::ident(*field),
            old = value(old),
            new = value(new)
        ),
        Change::CriterionAdded {
            criterion,
            parent: p,
            position,
            max,
        } => msg!(
            "tools-diff-criterion-added",
            criterion = id(criterion),
            parent = parent(p),
            position = *position,
            max = value(max)
        ),
        Change::CriterionRemoved {
            criterion,
            parent: p,
            position,
            max,
        } => msg!(
            "tools-diff-criterion-removed",
            criterion = id(criterion),
            parent = parent(p),
            position = *position,
            max = value(max)
        ),
        Change::CriterionMoved {
            criterion,
            old_parent,
            new_parent,
            old_position,
            new_position,
        } => msg!(
            "tools-diff-criterion-moved",
            criterion = id(criterion),
            old_parent = parent(old_parent),
            new_parent = parent(new_parent),
            old_position = *old_position,
            new_position = *new_position
        ),
        Change::CriterionRetitled {
            criterion,
            old,
            new,
        } => msg!(
            "tools-diff-criterion-retitled",
            criterion = id(criterion),
            old = value(&Value::String(old.clone())),
            new = value(&Value::String(new.clone()))
        ),
        Change::CriterionChanged {
            criterion,
            field,
            old,
            new,
        } => msg!(
            "tools-diff-criterion-changed",
            criterion = id(criterion),
            field = Arg::ident(*field),
            old = value(old),
            new = value(new)
        ),
        Change::RuleKindChanged {
            criterion,
            old,
            new,
        } => {
            let kind = |k: &Option<crate::types::RuleKind>| match k {
                Some(k) => Arg::ident(k.as_str()),
                None => Arg::from(msg!("tools-diff-group")),
            };
            msg!(
                "tools-diff-rule-kind-changed",
                criterion = id(criterion),
                old = kind(old),
                new = kind(new)
            )
        }
        Change::RuleChanged {
            criterion,
            rule,
            parameter,
            old,
            new,
        } => msg!(
            "tools-diff-rule-changed",
            criterion = id(criterion),
            parameter = id(&format!("{}.{parameter}", rule.as_str())),
            old = value(old),
            new = value(new)
        ),
        Change::InputAdded { input, ty } => msg!(
            "tools-diff-input-added",
            input = id(input),
            input_type = Arg::ident(ty.as_str())
        ),
        Change::InputRemoved { input, ty } => msg!(
            "tools-diff-input-removed",
            input = id(input),
            input_type = Arg::ident(ty.as_str())
        ),
        Change::InputChanged {
            input,
            field,
            old,
            new,
        } => msg!(
            "tools-diff-input-changed",
            input = id(input),
            field = Arg::ident(*field),
            old = value(old),
            new = value(new)
        ),
        Change::GradeAdded { grade, at_least } => msg!(
            "tools-diff-grade-added",
            grade = id(grade),
            at_least = value(at_least)
        ),
        Change::GradeRemoved { grade, at_least } => msg!(
            "tools-diff-grade-removed",
            grade = id(grade),
            at_least = value(at_least)
        ),
        Change::GradeChanged {
            grade,
            field,
            old,
            new,
        } => msg!(
            "tools-diff-grade-changed",
            grade = id(grade),
            field = Arg::ident(*field),
            old = value(old),
            new = value(new)
        ),
    }
}

fn opt_num(d: Option<rust_decimal::Decimal>) -> Arg {
    d.map_or_else(|| Arg::from(msg!("tools-diff-none")), Arg::Num)
}

fn opt_id(s: &Option<String>) -> Arg {
    s.as_deref()
        .map_or_else(|| Arg::from(msg!("tools-diff-none")), id)
}

fn effect(e: &Effect, lang: Lang, out: &mut String) {
    let line = |out: &mut String, m: Message| {
        out.push_str(&m.render(lang));
        out.push('\n');
    };
    line(
        out,
        msg!(
            "tools-diff-effect",
            changed = e.units.len(),
            scored = e.scored
        ),
    );
    for u in &e.units {
        let unit = u
            .unit
            .as_deref()
            .map_or_else(|| Arg::Int(u.position as u64), id);
        let delta = u.delta.map_or_else(
            || Arg::from(msg!("tools-diff-none")),
            |d| {
                if d.is_sign_negative() || d.is_zero() {
                    Arg::Num(d)
                } else {
                    Arg::from(msg!("tools-diff-plus", value = d))
                }
            },
        );
        let rank = |r: Option<u32>| {
            r.map_or_else(
                || Arg::from(msg!("tools-diff-none")),
                |r| Arg::Int(u64::from(r)),
            )
        };
        out.push_str("  ");
        line(
            out,
            msg!(
                "tools-diff-unit",
                unit = unit,
                old_index = opt_num(u.old_index),
                new_index = opt_num(u.new_index),
                delta = delta,
                old_grade = opt_id(&u.old_grade),
                new_grade = opt_id(&u.new_grade),
                old_rank = rank(u.old_rank),
                new_rank = rank(u.new_rank)
            ),
        );
        if !u.criteria.is_empty() {
            let list = Arg::List(
                u.criteria
                    .iter()
                    .map(|c| {
                        Arg::from(msg!(
                            "tools-diff-unit-criterion",
                            criterion = id(&c.criterion),
                            old = opt_num(c.old),
                            new = opt_num(c.new)
                        ))
                    })
                    .collect(),
            );
            out.push_str("    ");
            line(out, msg!("tools-diff-unit-criteria", criteria = list));
        }
    }
}

impl RulesetDiff {
    /// The diff as text for people: both rulesets, each change on a line, the affected units.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let line = |out: &mut String, m: Message| {
            out.push_str(&m.render(lang));
            out.push('\n');
        };
        line(&mut out, msg!("tools-diff-old", side = side(&self.old)));
        line(&mut out, msg!("tools-diff-new", side = side(&self.new)));
        if self.changes.is_empty() {
            line(&mut out, msg!("tools-diff-no-change"));
        } else {
            line(
                &mut out,
                msg!("tools-diff-changes", count = self.changes.len()),
            );
            for c in &self.changes {
                out.push_str("  ");
                line(&mut out, change(c));
            }
        }
        if let Some(e) = &self.effect {
            effect(e, lang, &mut out);
        }
        out
    }

    /// The diff as HTML for notebooks: the same lines as [`RulesetDiff::render`], escaped, in
    /// a `<pre>` block.
    pub fn render_html(&self, lang: Lang) -> String {
        format!("<pre class=\"cchc-diff\">{}</pre>", esc(&self.render(lang)))
    }

    /// Each change in words, in a language (for bindings' lists).
    pub fn change_texts(&self, lang: Lang) -> Vec<String> {
        self.changes
            .iter()
            .map(|c| change(c).render(lang))
            .collect()
    }
}

/// Escapes text for HTML element content.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}
