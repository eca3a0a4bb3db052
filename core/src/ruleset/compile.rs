//! From the model to the plan: meaning checks (ids, sums, inputs, expressions, grades, tests),
//! every problem reported.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::model::*;
use crate::error::{Code, Diagnostic, Pos};
use crate::expr::{self, Compiled, SourceKind};
use crate::inputs::{InputDef, RawValue};
use crate::plan::{Body, Grade, Plan, PlanNode};
use crate::rules::Rule;
use crate::syntax::suggest;

/// Compile-time state shared by the rule kinds.
pub(crate) struct Compiler<'f> {
    file: &'f str,
    pub diags: Vec<Diagnostic>,
    engine: rhai::Engine,
    inputs: Vec<InputDef>,
    input_index: HashMap<String, usize>,
}

impl<'f> Compiler<'f> {
    pub fn err(&mut self, code: Code, pos: Pos, node: &NodeDecl, msg: String) {
        self.diags
            .push(Diagnostic::new(code, self.file, pos, msg).with_criterion(Some(&node.id)));
    }

    fn err_at(&mut self, code: Code, pos: Pos, crit: Option<&str>, msg: String) {
        self.diags
            .push(Diagnostic::new(code, self.file, pos, msg).with_criterion(crit));
    }

    pub fn input_def(&self, slot: usize) -> &InputDef {
        &self.inputs[slot]
    }

    /// Resolves an input a rule reads, checking its type.
    pub fn input_slot(
        &mut self,
        name: &str,
        node: &NodeDecl,
        rule: &str,
        want: &[InputType],
    ) -> Option<usize> {
        let Some(&slot) = self.input_index.get(name) else {
            let hint = match suggest(name, self.input_index.keys().map(String::as_str)) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "declare it under `inputs:`".to_string(),
            };
            self.err(
                Code::UndeclaredInput,
                node.rule_pos,
                node,
                format!("`{rule}` reads `{name}`, which is not a declared input; {hint}"),
            );
            return None;
        };
        let ty = self.inputs[slot].ty;
        if !want.contains(&ty) {
            let wanted: Vec<&str> = want.iter().map(|t| t.as_str()).collect();
            self.err(
                Code::InputTypeMismatch,
                node.rule_pos,
                node,
                format!("`{rule}` needs an input of type {}, but `{name}` is {}; use another rule or input", wanted.join(" or "), ty.as_str()),
            );
            return None;
        }
        Some(slot)
    }

    fn compile_src(
        &mut self,
        src: &str,
        kind: SourceKind,
        pos: Pos,
        crit: Option<&str>,
        extra: &[&str],
    ) -> Option<Compiled> {
        match expr::compile(
            &self.engine,
            src,
            kind,
            &self.inputs,
            &self.input_index,
            extra,
        ) {
            Ok(c) => Some(c),
            Err(e) => {
                let at = match e.line {
                    Some(l) if l > 1 => format!(" (line {l} of the script)"),
                    _ => String::new(),
                };
                self.err_at(
                    e.code,
                    pos,
                    crit,
                    format!("{}{at}: `{}`", e.message, src.trim()),
                );
                None
            }
        }
    }

    /// Compiles an expression of a node.
    pub fn expression(&mut self, src: &str, node: &NodeDecl, pos: Pos) -> Option<Compiled> {
        self.compile_src(
            src,
            SourceKind::Expression,
            pos,
            Some(&node.id.clone()),
            &[],
        )
    }

    /// Compiles a script of a node.
    pub fn script(&mut self, src: &str, node: &NodeDecl) -> Option<Compiled> {
        self.compile_src(
            src,
            SourceKind::Script,
            node.rule_pos,
            Some(&node.id.clone()),
            &[],
        )
    }
}

fn scalar_raw(s: &Scalar) -> RawValue {
    match s {
        Scalar::Bool(b) => RawValue::Bool(*b),
        Scalar::Number(d) => RawValue::Number(*d),
        Scalar::Text(t) => RawValue::Text(t.clone()),
    }
}

/// Checks and compiles the model into a plan.
pub(crate) fn compile(
    doc: &RulesetDoc,
    file: &str,
    fingerprint: String,
) -> Result<Plan, Vec<Diagnostic>> {
    let mut cx = Compiler {
        file,
        diags: Vec::new(),
        engine: expr::engine(),
        inputs: Vec::new(),
        input_index: HashMap::new(),
    };
    let default_missing = doc.on_missing.unwrap_or(OnMissing::Error);

    // Inputs.
    for (name, d) in &doc.inputs {
        let crit = None;
        let bad =
            |cx: &mut Compiler<'_>, code: Code, msg: String| cx.err_at(code, d.pos, crit, msg);
        if (d.min.is_some() || d.max.is_some()) && d.ty != InputType::Number {
            bad(
                &mut cx,
                Code::InvalidInput,
                format!(
                    "input `{name}` is {}; `min` and `max` apply to `number` inputs only",
                    d.ty.as_str()
                ),
            );
        }
        if let (Some(lo), Some(hi)) = (d.min, d.max) {
            if lo > hi {
                bad(
                    &mut cx,
                    Code::InvalidInput,
                    format!(
                        "input `{name}` has min {} above max {}; swap them",
                        lo.normalize(),
                        hi.normalize()
                    ),
                );
            }
        }
        let options = d.options.clone().unwrap_or_default();
        match d.ty {
            InputType::Choice if options.is_empty() => {
                bad(
                    &mut cx,
                    Code::InvalidInput,
                    format!("choice input `{name}` needs `options: [a, b, ...]`"),
                );
            }
            InputType::Choice => {
                let mut seen: Vec<&String> = Vec::new();
                for o in &options {
                    if seen.contains(&o) {
                        bad(
                            &mut cx,
                            Code::InvalidInput,
                            format!("choice input `{name}` lists the option `{o}` twice"),
                        );
                    }
                    seen.push(o);
                }
            }
            _ if d.options.is_some() => {
                bad(
                    &mut cx,
                    Code::InvalidInput,
                    format!(
                        "input `{name}` is {}; `options` apply to `choice` inputs only",
                        d.ty.as_str()
                    ),
                );
            }
            _ => {}
        }
        if cx.input_index.contains_key(name) {
            bad(
                &mut cx,
                Code::InvalidInput,
                format!(
                    "the input `{name}` is declared twice (after Unicode normalisation); keep one"
                ),
            );
            continue;
        }
        let mut def = InputDef {
            name: name.clone(),
            ty: d.ty,
            label: d.label.clone(),
            description: d.description.clone(),
            min: d.min,
            max: d.max,
            options,
            default: None,
            on_missing: d.on_missing.unwrap_or(default_missing),
        };
        if let Some(s) = &d.default {
            match def.read(&scalar_raw(s)) {
                Ok(v) => def.default = v,
                Err((code, msg)) => {
                    let code = if code == Code::UnknownChoice {
                        Code::UnknownOption
                    } else {
                        Code::InvalidInput
                    };
                    bad(
                        &mut cx,
                        code,
                        format!("the default of input `{name}` is not valid: {msg}"),
                    );
                }
            }
        }
        cx.input_index.insert(name.clone(), cx.inputs.len());
        cx.inputs.push(def);
    }

    // Nodes, in pre-order.
    let mut nodes: Vec<PlanNode> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut roots = Vec::new();
    for n in &doc.criteria {
        if let Some(i) = add_node(&mut cx, n, None, 1, &mut nodes, &mut index) {
            roots.push(i);
        }
    }
    let top: Decimal = doc
        .criteria
        .iter()
        .filter(|n| n.kind.unwrap_or(NodeKind::Normal) == NodeKind::Normal)
        .map(|n| n.max)
        .sum();
    if top != doc.total {
        cx.err_at(
            Code::MaxMismatch,
            doc.total_pos,
            None,
            format!(
                "`total` is {} but the top-level normal criteria's max add up to {}; make them equal",
                doc.total.normalize(),
                top.normalize()
            ),
        );
    }

    // Grades.
    let mut grades = Vec::new();
    let node_index = Arc::new(index);
    for (i, g) in doc.grades.iter().enumerate() {
        if doc.grades[..i].iter().any(|o| o.id == g.id) {
            cx.err_at(
                Code::DuplicateGrade,
                g.pos,
                None,
                format!(
                    "the grade id `{}` is used twice; grade ids must be unique",
                    g.id
                ),
            );
        }
        if i > 0 && g.at_least > doc.grades[i - 1].at_least {
            cx.err_at(
                Code::GradesOrder,
                g.pos,
                None,
                format!(
                    "grade `{}` (at least {}) comes after `{}` (at least {}); list grades from the highest threshold down",
                    g.id,
                    g.at_least.normalize(),
                    doc.grades[i - 1].id,
                    doc.grades[i - 1].at_least.normalize()
                ),
            );
        }
        let requires = g.requires.as_ref().and_then(|src| {
            let c = cx.compile_src(
                src,
                SourceKind::Expression,
                g.pos,
                None,
                &["index", "total"],
            )?;
            for id in c.point_refs() {
                if !node_index.contains_key(&crate::ruleset::load::nfc(&id)) {
                    cx.err_at(
                        Code::UnknownCriterion,
                        g.pos,
                        None,
                        format!(
                            "grade `{}` reads points(\"{id}\"), but no criterion has that id",
                            g.id
                        ),
                    );
                }
            }
            Some(c)
        });
        grades.push(Grade {
            id: g.id.clone(),
            label: g.label.clone(),
            at_least: g.at_least,
            requires,
        });
    }

    // Tests.
    for t in &doc.tests {
        let ids = t
            .expect
            .points
            .iter()
            .map(|(k, _)| k)
            .chain(t.not_applicable.iter())
            .chain(t.self_assessed.iter().map(|(k, _)| k));
        for id in ids {
            if !node_index.contains_key(id) {
                let hint = suggest(id, node_index.keys().map(String::as_str))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                cx.err_at(
                    Code::UnknownCriterion,
                    t.pos,
                    None,
                    format!(
                        "test `{}` names the criterion `{id}`, which does not exist{hint}",
                        t.name
                    ),
                );
            }
        }
        if let Some(Some(g)) = &t.expect.grade {
            if !doc.grades.iter().any(|x| &x.id == g) {
                cx.err_at(
                    Code::InvalidValue,
                    t.pos,
                    None,
                    format!(
                        "test `{}` expects the grade `{g}`, which is not a declared grade",
                        t.name
                    ),
                );
            }
        }
    }

    if !cx.diags.is_empty() {
        return Err(cx.diags);
    }
    let grades_need_points = grades.iter().any(|g| g.requires.is_some());
    Ok(Plan {
        id: doc.id.clone(),
        version: doc.version.clone(),
        title: doc.title.clone(),
        issued_by: doc.issued_by.clone(),
        effective: doc
            .effective
            .as_ref()
            .map(|e| (e.from.clone(), e.to.clone()))
            .unwrap_or_default(),
        total: doc.total,
        places: doc.rounding.as_ref().map(|r| r.places).unwrap_or(2),
        ranking: doc.ranking.unwrap_or(RankingMode::Competition),
        absent: cx.inputs.iter().map(crate::score::absent).collect(),
        inputs: cx.inputs,
        input_index: cx.input_index,
        nodes,
        roots,
        node_index,
        grades,
        tests: doc.tests.clone(),
        fingerprint,
        origin: file.to_string(),
        grades_need_points,
        root_has_extras: doc
            .criteria
            .iter()
            .any(|n| n.kind.unwrap_or(NodeKind::Normal) != NodeKind::Normal),
        engine: cx.engine,
    })
}

fn add_node(
    cx: &mut Compiler<'_>,
    n: &NodeDecl,
    parent: Option<usize>,
    depth: usize,
    nodes: &mut Vec<PlanNode>,
    index: &mut HashMap<String, usize>,
) -> Option<usize> {
    if n.max <= Decimal::ZERO {
        cx.err(
            Code::InvalidMax,
            n.pos,
            n,
            format!(
                "criterion `{}` has max {}; max must be greater than 0",
                n.id,
                n.max.normalize()
            ),
        );
    }
    if let Some(&first) = index.get(&n.id) {
        let line = nodes[first].pos.line;
        cx.err(
            Code::DuplicateId,
            n.pos,
            n,
            format!(
                "the id `{}` is already used by the criterion on line {line}; ids must be unique",
                n.id
            ),
        );
    }
    let kind = n.kind.unwrap_or(NodeKind::Normal);
    let applies_if = n
        .applies_if
        .as_ref()
        .and_then(|src| cx.expression(src, n, n.pos));
    let me = nodes.len();
    index.entry(n.id.clone()).or_insert(me);
    nodes.push(PlanNode {
        id: n.id.clone(),
        title: n.title.clone(),
        description: n.description.clone(),
        evidence: n.evidence.clone().unwrap_or_default(),
        kind,
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
    match (&n.children, &n.rule) {
        (Some(_), Some(_)) => {
            cx.err(Code::InvalidNode, n.pos, n, format!("criterion `{}` has both `children` and `rule`; a criterion is either a group or a leaf", n.id));
        }
        (None, None) => {
            cx.err(Code::InvalidNode, n.pos, n, format!("criterion `{}` has neither `children` nor `rule`; give it a rule or sub-criteria", n.id));
        }
        (None, Some(rule)) => {
            if n.cap.is_some() {
                cx.err(
                    Code::InvalidNode,
                    n.pos,
                    n,
                    format!(
                        "criterion `{}` is a leaf; `cap` applies to groups only",
                        n.id
                    ),
                );
            }
            if let Some(r) = Rule::compile(cx, rule, n) {
                nodes[me].body = Body::Leaf(r);
            }
        }
        (Some(children), None) => {
            if children.is_empty() {
                cx.err(
                    Code::InvalidNode,
                    n.pos,
                    n,
                    format!("criterion `{}` has an empty `children` list", n.id),
                );
            }
            let mut kids = Vec::new();
            for c in children {
                if let Some(k) = add_node(cx, c, Some(me), depth + 1, nodes, index) {
                    kids.push(k);
                }
            }
            let sum: Decimal = children
                .iter()
                .filter(|c| c.kind.unwrap_or(NodeKind::Normal) == NodeKind::Normal)
                .map(|c| c.max)
                .sum();
            if n.cap == Some(true) {
                if sum < n.max {
                    cx.err(
                        Code::CapTooSmall,
                        n.pos,
                        n,
                        format!(
                            "criterion `{}` has `cap: true` and max {}, but its normal sub-criteria add up to only {}; lower max or drop `cap`",
                            n.id,
                            n.max.normalize(),
                            sum.normalize()
                        ),
                    );
                }
            } else if !children.is_empty() && sum != n.max {
                cx.err(
                    Code::MaxMismatch,
                    n.pos,
                    n,
                    format!(
                        "criterion `{}` has max {} but its normal sub-criteria's max add up to {}; make them equal (or set `cap: true` if the sub-criteria may exceed it)",
                        n.id,
                        n.max.normalize(),
                        sum.normalize()
                    ),
                );
            }
            nodes[me].body = Body::Group(kids);
            nodes[me].normal_sum = sum;
            nodes[me].has_extras = children
                .iter()
                .any(|c| c.kind.unwrap_or(NodeKind::Normal) != NodeKind::Normal);
        }
    }
    nodes[me].end = nodes.len();
    Some(me)
}
