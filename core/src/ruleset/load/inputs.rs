//! `inputs:`: the data dictionary.

use super::Loader;
use super::read::{key, what};
use crate::msg;
use crate::ruleset::model::InputDecl;
use crate::syntax::Node;
use crate::text::nfc;

/// Keys of an input declaration.
const INPUT_KEYS: &[&str] = &[
    "type",
    "label",
    "description",
    "min",
    "max",
    "options",
    "default",
    "on_missing",
];

impl Loader<'_> {
    /// The declared inputs, and the names of those whose declaration could not be read (rules
    /// that read them are not reported again as reading an undeclared input).
    pub(super) fn inputs(&mut self, n: &Node) -> (Vec<(String, InputDecl)>, Vec<String>) {
        let mut out = Vec::new();
        let mut broken = Vec::new();
        for (name, kpos, v) in self.pairs(n, &key("inputs")) {
            self.check_id(&name, kpos, &what(msg!("load-what-input-name")));
            match self.input(&name, v) {
                Some(decl) => out.push((name, decl)),
                None => broken.push(name),
            }
        }
        (out, broken)
    }

    /// One input declaration.
    fn input(&mut self, name: &str, n: &Node) -> Option<InputDecl> {
        let what = what(msg!("load-what-input", name = key(name)));
        let mut m = self.map(n, &what)?;
        let ty = self
            .required(&mut m, "type", n.pos, &what)
            .and_then(|t| self.keyword(t));
        let label = m.get("label").and_then(|v| self.text(v, &key("label")));
        let description = m
            .get("description")
            .and_then(|v| self.text(v, &key("description")));
        let min = m.get("min").and_then(|v| self.number(v, &key("min")));
        let max = m.get("max").and_then(|v| self.number(v, &key("max")));
        let options = m
            .get("options")
            .and_then(|v| self.text_list(v, &key("options")))
            .map(|o| o.iter().map(|s| nfc(s)).collect());
        let default = m
            .get("default")
            .and_then(|v| self.scalar(v, &key("default")));
        let on_missing = m.get("on_missing").and_then(|v| self.keyword(v));
        self.finish(&m, INPUT_KEYS, &what);
        Some(InputDecl {
            ty: ty?,
            label,
            description,
            min,
            max,
            options,
            default,
            on_missing,
            pos: n.pos,
        })
    }
}
