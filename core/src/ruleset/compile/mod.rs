//! From the model to the plan: meaning checks (ids, sums, inputs, expressions, grades, tests),
//! every problem reported.
//!
//! [`compile`] runs one phase per file: the inputs ([`inputs`]), the criteria tree
//! ([`tree`]), the grades ([`grades`]) and the tests' references ([`cases`]); the rule kinds
//! compile their declarations through the [`Compiler`] context (core/src/rules/).

mod cases;
mod grades;
mod inputs;
mod ranking;
mod tree;

use std::collections::HashMap;
use std::sync::Arc;

use crate::error::{Code, Diagnostic, Label, Pos};
use crate::expr::{self, Compiled, SourceKind};
use crate::i18n::{Arg, Message, input_arg};
use crate::inputs::InputDef;
use crate::msg;
use crate::plan::Plan;
use crate::ruleset::model::{NodeDecl, RulesetDoc};
use crate::syntax::suggest;
use crate::types::{InputType, NodeKind, RankingMode};

/// The compiling context the phases and the rule kinds share: the file, the inputs declared so
/// far, the expression engine, and the problems and warnings found.
pub(crate) struct Compiler<'f> {
    /// The file the diagnostics point into.
    file: &'f str,
    /// Problems: each makes the ruleset refused.
    pub(crate) diags: Vec<Diagnostic>,
    /// Load-time warnings.
    pub(crate) warnings: Vec<Diagnostic>,
    /// The sandboxed expression engine.
    engine: rhai::Engine,
    /// Inputs by slot.
    inputs: Vec<InputDef>,
    /// Slot by input name.
    input_index: HashMap<String, usize>,
    /// Inputs whose declaration could not be read: reading them is not reported again.
    broken_inputs: std::collections::HashSet<String>,
    /// "Did you mean" searches left (each scans every input or criterion id, so a hostile
    /// file with many unknown names cannot make loading quadratic).
    suggestions_left: usize,
}

pub(crate) use ranking::OTHER as OTHER_GROUP;

/// Most "did you mean" searches while compiling one ruleset.
const MAX_SUGGESTIONS: usize = 1_000;

impl<'f> Compiler<'f> {
    /// A diagnostic about `node` at `pos`.
    pub(crate) fn diagnostic(
        &self,
        code: Code,
        pos: Pos,
        node: &NodeDecl,
        msg: impl Into<Message>,
    ) -> Diagnostic {
        Diagnostic::new(code, self.file, pos, msg).with_criterion(Some(&node.id))
    }

    /// Reports a problem of a criterion.
    pub(crate) fn err(&mut self, code: Code, pos: Pos, node: &NodeDecl, msg: impl Into<Message>) {
        let d = self.diagnostic(code, pos, node, msg);
        self.diags.push(d);
    }

    /// Reports a problem built with [`Compiler::diagnostic`].
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Reports a load-time warning built with [`Compiler::diagnostic`].
    pub(crate) fn warn(&mut self, d: Diagnostic) {
        self.warnings.push(d);
    }

    /// Reports a problem not tied to one criterion (or tied to `crit`).
    fn err_at(&mut self, code: Code, pos: Pos, crit: Option<&str>, msg: Message) {
        self.diags
            .push(Diagnostic::new(code, self.file, pos, msg).with_criterion(crit));
    }

    /// The known word nearest to `word`, while the search budget lasts.
    fn suggest<'k>(
        &mut self,
        word: &str,
        known: impl IntoIterator<Item = &'k str>,
    ) -> Option<&'k str> {
        self.suggestions_left = self.suggestions_left.checked_sub(1)?;
        suggest(word, known)
    }

    /// The declaration of the input in `slot`.
    pub(crate) fn input_def(&self, slot: usize) -> Option<&InputDef> {
        self.inputs.get(slot)
    }

    /// Resolves an input a rule reads, checking its type.
    pub(crate) fn input_slot(
        &mut self,
        name: &str,
        node: &NodeDecl,
        rule: &str,
        want: &[InputType],
    ) -> Option<usize> {
        let Some(&slot) = self.input_index.get(name) else {
            if self.broken_inputs.contains(name) {
                return None;
            }
            let mut d = self.diagnostic(
                Code::UndeclaredInput,
                node.rule_pos,
                node,
                msg!(
                    "load-undeclared-input",
                    rule = Arg::ident(rule),
                    input = Arg::ident(name)
                ),
            );
            let index = std::mem::take(&mut self.input_index);
            let near = self
                .suggest(name, index.keys().map(String::as_str))
                .map(str::to_string);
            self.input_index = index;
            d = match near {
                Some(s) => d.with_help(msg!("load-did-you-mean", name = Arg::ident(s))),
                None => d.with_help(msg!("load-undeclared-input-help")),
            };
            self.push(d);
            return None;
        };
        let def = self.inputs.get(slot)?;
        let ty = def.ty;
        if !want.contains(&ty) {
            let input = input_arg(name, def.label.as_deref());
            // "a or b or c", the words joined in the language.
            let wanted = want
                .iter()
                .map(|t| Arg::ident(t.as_str()))
                .reduce(|a, b| Arg::from(msg!("load-or", a = a, b = b)))
                .unwrap_or_else(|| Arg::from(""));
            self.err(
                Code::InputTypeMismatch,
                node.rule_pos,
                node,
                msg!(
                    "load-input-type-mismatch",
                    rule = Arg::ident(rule),
                    wanted = wanted,
                    input = input,
                    ty = Arg::ident(ty.as_str())
                ),
            );
            return None;
        }
        Some(slot)
    }

    /// Compiles an expression or a script; a problem is reported at `pos`.
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
            // `points()` reads scored criteria: only a grade's `requires` (the one caller that
            // passes `total`) runs after scoring.
            Ok(c) if c.calls_points() && !extra.contains(&"total") => {
                let d = Diagnostic::new(
                    Code::ScriptCompile,
                    self.file,
                    pos,
                    msg!(
                        "load-points-outside-requires",
                        source = Arg::ident(src.trim())
                    ),
                )
                .with_criterion(crit)
                .with_help(msg!("load-points-outside-requires-help"));
                self.push(d);
                None
            }
            Ok(c) => Some(c),
            Err(e) => {
                if e.code == Code::UndeclaredInput && !self.broken_inputs.is_empty() {
                    // Most likely the input whose declaration is already reported as wrong.
                    return None;
                }
                let source = Arg::ident(src.trim());
                let msg = match e.line {
                    Some(l) if l > 1 => msg!(
                        "load-source-problem-line",
                        problem = e.message,
                        line = l,
                        source = source
                    ),
                    _ => msg!("load-source-problem", problem = e.message, source = source),
                };
                self.err_at(e.code, pos, crit, msg);
                None
            }
        }
    }

    /// Compiles an expression of a node.
    pub(crate) fn expression(&mut self, src: &str, node: &NodeDecl, pos: Pos) -> Option<Compiled> {
        self.compile_src(src, SourceKind::Expression, pos, Some(&node.id), &[])
    }

    /// Compiles a script of a node.
    pub(crate) fn script(&mut self, src: &str, node: &NodeDecl) -> Option<Compiled> {
        self.compile_src(src, SourceKind::Script, node.rule_pos, Some(&node.id), &[])
    }
}

/// What compiling gives: the plan, or every problem; and the load-time warnings either way.
pub(crate) struct Compilation {
    /// The plan, or the problems.
    pub(crate) plan: Result<Plan, Vec<Diagnostic>>,
    /// Load-time warnings.
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Checks and compiles the model into a plan.
pub(crate) fn compile(doc: &RulesetDoc, file: &str, fingerprint: String) -> Compilation {
    let mut cx = Compiler {
        file,
        diags: Vec::new(),
        warnings: Vec::new(),
        engine: expr::engine(),
        inputs: Vec::new(),
        input_index: HashMap::new(),
        broken_inputs: doc.broken_inputs.iter().cloned().collect(),
        suggestions_left: MAX_SUGGESTIONS,
    };
    inputs::declare(&mut cx, doc);
    let n_inputs = cx.inputs.len();
    inputs::declare_parameters(&mut cx, doc);
    let tree = tree::build(&mut cx, doc);
    let node_index = Arc::new(tree.index);
    let grades = grades::compile(&mut cx, doc, &node_index);
    cases::check(&mut cx, doc, &node_index);
    let rounds = rounds(&mut cx, doc);
    let (groups, group_of_kind) = ranking::groups(&mut cx, doc);
    let warnings = std::mem::take(&mut cx.warnings);
    if !cx.diags.is_empty() {
        return Compilation {
            plan: Err(cx.diags),
            warnings,
        };
    }
    let grades_need_points = grades.iter().any(|g| g.requires.is_some());
    let plan = Plan {
        id: doc.id.clone(),
        version: doc.version.clone(),
        title: doc.title.clone(),
        issued_by: doc.issued_by.clone(),
        status: doc.status.unwrap_or(crate::types::RulesetStatus::Draft),
        effective: doc
            .effective
            .as_ref()
            .map(|e| (e.from.clone(), e.to.clone()))
            .unwrap_or_default(),
        total: doc.total,
        places: doc.rounding.as_ref().map(|r| r.places).unwrap_or(2),
        ranking: doc
            .ranking
            .as_ref()
            .map_or(RankingMode::Competition, |r| r.method()),
        groups,
        group_of_kind,
        absent: cx.inputs.iter().map(crate::score::absent).collect(),
        parameter_pos: cx
            .inputs
            .iter()
            .skip(n_inputs)
            .map(|d| {
                doc.parameters
                    .iter()
                    .find(|(n, _)| *n == d.name)
                    .map_or(Pos::default(), |(_, x)| x.pos)
            })
            .collect(),
        n_inputs,
        parameters_pos: doc.parameters_pos,
        inputs: cx.inputs,
        input_index: cx.input_index,
        nodes: tree.nodes,
        roots: tree.roots,
        node_index,
        grades,
        rounds,
        tests: doc.tests.clone(),
        fingerprint,
        origin: file.to_string(),
        grades_need_points,
        root_has_extras: doc
            .criteria
            .iter()
            .any(|n| n.kind.unwrap_or(NodeKind::Normal) != NodeKind::Normal),
        engine: cx.engine,
        warnings: warnings.clone(),
        suggestions: Default::default(),
        json_heads: std::sync::OnceLock::new(),
    };
    Compilation {
        plan: Ok(plan),
        warnings,
    }
}

/// The rounds, with unique ids.
fn rounds(cx: &mut Compiler<'_>, doc: &RulesetDoc) -> Vec<crate::plan::RoundDef> {
    let mut first: HashMap<&str, Pos> = HashMap::new();
    let mut out = Vec::with_capacity(doc.rounds.len());
    for r in &doc.rounds {
        if let Some(&at) = first.get(r.id.as_str()) {
            let d = Diagnostic::new(
                Code::DuplicateId,
                cx.file,
                r.pos,
                msg!("load-duplicate-round", id = Arg::ident(r.id.as_str())),
            )
            .with_label(Label::new(cx.file, at, msg!("load-first-used-here")))
            .with_help(msg!("load-duplicate-round-help"));
            cx.push(d);
            continue;
        }
        first.insert(&r.id, r.pos);
        out.push(crate::plan::RoundDef {
            id: r.id.clone(),
            label: r.label.clone().unwrap_or_else(|| r.id.clone()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{Code, Ruleset};

    /// "Did you mean" searches stop after a budget, so many unknown names stay linear.
    #[test]
    fn suggestions_have_a_budget() {
        let n = super::MAX_SUGGESTIONS + 5;
        let mut text = format!(
            "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: {n}\ninputs: {{ abcd: {{ type: bool }} }}\ncriteria:\n"
        );
        for i in 0..n {
            text.push_str(&format!(
                "  - {{ id: c{i}, title: T, max: 1, rule: {{ check: abce }} }}\n"
            ));
        }
        let err = Ruleset::from_yaml_str(&text, "t.yaml").unwrap_err();
        let helps: Vec<Option<String>> = err
            .diagnostics()
            .iter()
            .filter(|d| d.code == Code::UndeclaredInput)
            .map(|d| d.help.as_ref().map(|h| h.render(crate::Lang::En)))
            .collect();
        assert_eq!(helps.len(), n);
        assert_eq!(helps[0].as_deref(), Some("did you mean `abcd`?"));
        assert_eq!(helps[n - 1].as_deref(), Some("declare it under `inputs:`"));
        let with_hint = helps
            .iter()
            .filter(|h| h.as_deref().is_some_and(|h| h.starts_with("did you mean")))
            .count();
        assert_eq!(with_hint, super::MAX_SUGGESTIONS);
    }
}
