//! Phase 2: the criteria tree, in pre-order: ids, maxima, groups' sums, leaves' rules.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::Compiler;
use crate::error::{Code, Label};
use crate::i18n::Arg;
use crate::msg;
use crate::plan::{Body, PlanNode};
use crate::rules::Rule;
use crate::ruleset::model::{NodeDecl, RuleDecl, RulesetDoc};
use crate::types::{IfNotApplicable, NodeKind};

/// The compiled tree.
#[derive(Default)]
pub(super) struct Tree {
    /// Nodes in pre-order.
    pub(super) nodes: Vec<PlanNode>,
    /// Node index by id (the first node with that id).
    pub(super) index: HashMap<String, usize>,
    /// Top-level nodes.
    pub(super) roots: Vec<usize>,
}

/// The sum of the normal nodes' max.
fn normal_sum(nodes: &[NodeDecl]) -> Decimal {
    nodes
        .iter()
        .filter(|n| n.kind.unwrap_or(NodeKind::Normal) == NodeKind::Normal)
        .map(|n| n.max)
        .sum()
}

/// Builds the tree and checks `total` against the top-level criteria.
pub(super) fn build(cx: &mut Compiler<'_>, doc: &RulesetDoc) -> Tree {
    let mut tree = Tree::default();
    for n in &doc.criteria {
        let i = tree.add(cx, n, None, 1);
        tree.roots.push(i);
    }
    let top = normal_sum(&doc.criteria);
    if top != doc.total && !doc.criteria_incomplete {
        cx.err_at(
            Code::MaxMismatch,
            doc.total_pos,
            None,
            msg!(
                "load-total-mismatch",
                total = doc.total.normalize(),
                sum = top.normalize()
            ),
        );
    }
    tree
}

impl Tree {
    /// Adds node `n` and its subtree; returns its index.
    fn add(
        &mut self,
        cx: &mut Compiler<'_>,
        n: &NodeDecl,
        parent: Option<usize>,
        depth: usize,
    ) -> usize {
        self.check_head(cx, n);
        let applies_if = n
            .applies_if
            .as_ref()
            .and_then(|src| cx.expression(src, n, n.pos));
        let me = self.nodes.len();
        self.index.entry(n.id.clone()).or_insert(me);
        self.nodes.push(PlanNode {
            id: n.id.clone(),
            title: n.title.clone(),
            description: n.description.clone(),
            evidence: n.evidence.clone().unwrap_or_default(),
            kind: n.kind.unwrap_or(NodeKind::Normal),
            max: n.max,
            applies_if,
            full_if_na: n.if_not_applicable == Some(IfNotApplicable::Full),
            cap: n.cap.unwrap_or(false),
            body: Body::Group(Vec::new()),
            parent,
            end: me + 1,
            depth,
            pos: n.pos,
            normal_sum: Decimal::ZERO,
            has_extras: false,
        });
        let body = match (&n.children, &n.rule) {
            (Some(_), Some(_)) => {
                cx.err(
                    Code::InvalidNode,
                    n.pos,
                    n,
                    msg!("load-node-both", id = Arg::ident(n.id.as_str())),
                );
                None
            }
            (None, None) if !n.incomplete => {
                cx.err(
                    Code::InvalidNode,
                    n.pos,
                    n,
                    msg!("load-node-neither", id = Arg::ident(n.id.as_str())),
                );
                None
            }
            (None, None) => None,
            (None, Some(rule)) => leaf(cx, n, rule).map(Body::Leaf),
            (Some(children), None) => Some(self.group(cx, n, children, me, depth)),
        };
        let end = self.nodes.len();
        if let Some(node) = self.nodes.get_mut(me) {
            if let Some(body) = body {
                node.body = body;
            }
            node.end = end;
        }
        me
    }

    /// Checks a node's max and that its id is new.
    fn check_head(&self, cx: &mut Compiler<'_>, n: &NodeDecl) {
        if n.max <= Decimal::ZERO {
            cx.err(
                Code::InvalidMax,
                n.pos,
                n,
                msg!(
                    "load-invalid-max",
                    id = Arg::ident(n.id.as_str()),
                    max = n.max.normalize()
                ),
            );
        }
        if let Some(first) = self.index.get(&n.id).and_then(|&i| self.nodes.get(i)) {
            let label = Label::new(cx.file, first.pos, msg!("load-first-used-here"));
            let d = cx
                .diagnostic(
                    Code::DuplicateId,
                    n.pos,
                    n,
                    msg!("load-duplicate-id", id = Arg::ident(n.id.as_str())),
                )
                .with_label(label)
                .with_help(msg!("load-duplicate-id-help"));
            cx.push(d);
        }
    }

    /// Adds a group's children; checks their sum against the group's max.
    fn group(
        &mut self,
        cx: &mut Compiler<'_>,
        n: &NodeDecl,
        children: &[NodeDecl],
        me: usize,
        depth: usize,
    ) -> Body {
        if children.is_empty() && !n.incomplete {
            cx.err(
                Code::InvalidNode,
                n.pos,
                n,
                msg!("load-empty-children", id = Arg::ident(n.id.as_str())),
            );
        }
        let kids: Vec<usize> = children
            .iter()
            .map(|c| self.add(cx, c, Some(me), depth + 1))
            .collect();
        let sum = normal_sum(children);
        if !n.incomplete {
            check_sum(cx, n, children, sum);
        }
        if let Some(node) = self.nodes.get_mut(me) {
            node.normal_sum = sum;
            node.has_extras = children
                .iter()
                .any(|c| c.kind.unwrap_or(NodeKind::Normal) != NodeKind::Normal);
        }
        Body::Group(kids)
    }
}

/// Compiles a leaf's rule.
fn leaf(cx: &mut Compiler<'_>, n: &NodeDecl, rule: &RuleDecl) -> Option<Rule> {
    if n.cap.is_some() {
        cx.err(
            Code::InvalidNode,
            n.pos,
            n,
            msg!("load-cap-on-leaf", id = Arg::ident(n.id.as_str())),
        );
    }
    Rule::compile(cx, rule, n)
}

/// A group's max against the sum of its normal children's max (or `cap: true`).
fn check_sum(cx: &mut Compiler<'_>, n: &NodeDecl, children: &[NodeDecl], sum: Decimal) {
    if n.cap == Some(true) {
        if sum < n.max {
            cx.err(
                Code::CapTooSmall,
                n.pos,
                n,
                msg!(
                    "load-cap-too-small",
                    id = Arg::ident(n.id.as_str()),
                    max = n.max.normalize(),
                    sum = sum.normalize()
                ),
            );
        }
    } else if !children.is_empty() && sum != n.max {
        cx.err(
            Code::MaxMismatch,
            n.pos,
            n,
            msg!(
                "load-max-mismatch",
                id = Arg::ident(n.id.as_str()),
                max = n.max.normalize(),
                sum = sum.normalize()
            ),
        );
    }
}
