//! `criteria:`: the tree of criteria (groups and leaves), and the checks every id gets.

use super::read::{key, what};
use super::{Loader, MAX_DEPTH, MAX_NODES};
use crate::error::{Code, Pos};
use crate::i18n::Arg;
use crate::msg;
use crate::ruleset::model::NodeDecl;
use crate::syntax::Node;
use crate::text::nfc;

/// Keys of a criterion.
const NODE_KEYS: &[&str] = &[
    "id",
    "title",
    "max",
    "description",
    "evidence",
    "kind",
    "applies_if",
    "if_not_applicable",
    "cap",
    "children",
    "rule",
];

impl Loader<'_> {
    /// Checks an id or name: control characters are an error (they would reach terminals and
    /// spreadsheets); an empty id or one with spaces around it is a warning.
    pub(super) fn check_id(&mut self, id: &str, pos: Pos, what: &Arg) {
        if id.chars().any(char::is_control) {
            let d = self
                .diagnostic(
                    Code::InvalidValue,
                    pos,
                    msg!(
                        "load-id-control-character",
                        what = what.clone(),
                        id = Arg::ident(id.escape_debug().to_string())
                    ),
                )
                .with_help(msg!("load-id-control-character-help"));
            self.push(d);
        } else if id.trim().is_empty() {
            let d = self
                .diagnostic(
                    Code::SuspiciousId,
                    pos,
                    msg!("load-id-empty", what = what.clone()),
                )
                .with_help(msg!("load-id-empty-help"));
            self.warn(d);
        } else if id.trim() != id {
            let d = self
                .diagnostic(
                    Code::SuspiciousId,
                    pos,
                    msg!("load-id-spaces", what = what.clone(), id = Arg::ident(id)),
                )
                .with_help(msg!("load-id-spaces-help"));
            self.warn(d);
        }
    }

    /// The criteria of a list, and whether every one of them could be read (when not, sums
    /// over them are not checked, so one bad entry does not cascade into sum errors).
    pub(super) fn node_list(&mut self, n: &Node, depth: usize) -> (Vec<NodeDecl>, bool) {
        let items = self.list(n, &what(msg!("load-what-criteria-list")));
        let mut out = Vec::new();
        let mut complete = matches!(n.value, crate::syntax::Value::Seq(_));
        for it in items {
            self.nodes += 1;
            if self.nodes > MAX_NODES && !self.too_many_reported {
                self.too_many_reported = true;
                self.err(
                    Code::TooManyNodes,
                    it.pos,
                    msg!("load-too-many-nodes", max = MAX_NODES),
                );
            }
            match self.in_criterion(None, |this| this.node_or_broken(it, depth)) {
                Some(node) => out.push(node),
                None => complete = false,
            }
        }
        (out, complete)
    }

    /// One criterion; when it cannot be read, its id and its sub-criteria's ids are recorded
    /// as broken.
    fn node_or_broken(&mut self, n: &Node, depth: usize) -> Option<NodeDecl> {
        let node = self.node(n, depth);
        if node.is_none() {
            if let Some(id) = self.crit.take() {
                self.broken.criteria.insert(id);
            }
        }
        node
    }

    /// One criterion; problems inside it name its id.
    fn node(&mut self, n: &Node, depth: usize) -> Option<NodeDecl> {
        let criterion = what(msg!("load-what-criterion"));
        let criterion_id = what(msg!("load-what-criterion-id"));
        let mut m = self.map(n, &criterion)?;
        let id_node = self.required(&mut m, "id", n.pos, &criterion);
        let id = id_node
            .and_then(|v| self.text(v, &criterion_id))
            .map(|s| nfc(&s));
        self.crit = id.clone();
        if let (Some(id), Some(v)) = (&id, id_node) {
            self.check_id(id, v.pos, &criterion_id);
        }
        let title = self
            .required(&mut m, "title", n.pos, &criterion)
            .and_then(|v| self.text(v, &key("title")));
        let max = self
            .required(&mut m, "max", n.pos, &criterion)
            .and_then(|v| self.number(v, &key("max")));
        let description = m
            .get("description")
            .and_then(|v| self.text(v, &key("description")));
        let evidence = m
            .get("evidence")
            .and_then(|v| self.text_list(v, &key("evidence")));
        let kind = m.get("kind").and_then(|v| self.keyword(v));
        let applies_if = m
            .get("applies_if")
            .and_then(|v| self.text(v, &key("applies_if")));
        let if_not_applicable = m.get("if_not_applicable").and_then(|v| self.keyword(v));
        let cap = m.get("cap").and_then(|v| self.boolean(v, &key("cap")));
        let (children, children_complete) = match m.get("children") {
            Some(c) if depth >= MAX_DEPTH => {
                self.err(Code::TooDeep, c.pos, msg!("load-too-deep", max = MAX_DEPTH));
                (None, false)
            }
            Some(c) => {
                let (kids, complete) = self.node_list(c, depth + 1);
                (Some(kids), complete)
            }
            None => (None, true),
        };
        if let (true, Some(kids)) = (id.is_none() || title.is_none() || max.is_none(), &children) {
            // The node is dropped: so are the sub-criteria read below it.
            collect_ids(kids, &mut self.broken.criteria);
        }
        let rule_node = m.get("rule");
        let rule = rule_node.and_then(|v| self.rule(v));
        let incomplete = !children_complete || (rule_node.is_some() && rule.is_none());
        let this = what(msg!(
            "load-what-criterion-named",
            id = key(id.as_deref().unwrap_or("?"))
        ));
        self.finish(&m, NODE_KEYS, &this);
        Some(NodeDecl {
            id: id?,
            title: title?,
            max: max?,
            description,
            evidence,
            kind,
            applies_if,
            if_not_applicable,
            cap,
            children,
            rule,
            pos: n.pos,
            rule_pos: rule_node.map(|r| r.pos).unwrap_or(n.pos),
            incomplete,
        })
    }
}

/// The ids of `nodes` and their sub-criteria.
fn collect_ids(nodes: &[NodeDecl], out: &mut std::collections::HashSet<String>) {
    for n in nodes {
        out.insert(n.id.clone());
        if let Some(kids) = &n.children {
            collect_ids(kids, out);
        }
    }
}
