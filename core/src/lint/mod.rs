//! Static analysis of a loaded ruleset (`Ruleset::lint`): warnings about rules that load but
//! cannot work as their author meant — a band step no value reaches, values no step covers, a
//! scale outside its input's range, a max no value can reach, an input nobody reads, an
//! `applies_if` that never changes. Each check is its own file and its own code.
//!
//! The analysis is exact (decimals, open and closed bounds, whole numbers for counts) and
//! conservative: where it cannot decide (a value computed by an expression, a script, a
//! condition over numbers), it says nothing. It is a separate pass: loading and scoring never
//! run it.

mod applies_if;
mod bands;
pub(crate) mod domain;
mod reach;
mod scale;
mod unused;

use crate::error::{Code, Diagnostic, Pos};
use crate::i18n::{Arg, Message};
use crate::plan::Plan;
use crate::ruleset::Ruleset;
use crate::ruleset::model::{NodeDecl, Operand, RulesetDoc};

use domain::Domain;

/// Every lint code, in the order of `docs/authoring.md`.
pub const CODES: &[Code] = &[
    Code::BandNeverHolds,
    Code::BandGap,
    Code::ScaleOutsideRange,
    Code::MaxUnreachable,
    Code::InputUnused,
    Code::AppliesIfConstant,
];

impl Ruleset {
    /// Static analysis: warnings about rules that load but look wrong (see
    /// `docs/authoring.md` for every code). Each warning is coded and located like a load
    /// warning, names its criterion and says how to fix it. Not run by loading or scoring.
    ///
    /// # Example
    ///
    /// ```
    /// let rs = cchc::Ruleset::from_yaml_str(
    ///     "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 1\n\
    ///      inputs: { kh: { type: bool }, thua: { type: bool } }\n\
    ///      criteria: [ { id: '1', title: A, max: 1, rule: { check: kh } } ]\n",
    ///     "t.yaml",
    /// )?;
    /// let warnings = rs.lint();
    /// assert_eq!(warnings[0].code, cchc::Code::InputUnused);
    /// # Ok::<(), cchc::Error>(())
    /// ```
    pub fn lint(&self) -> Vec<Diagnostic> {
        let mut cx = Lint {
            plan: &self.plan,
            doc: &self.doc,
            out: Vec::new(),
        };
        for node in leaves_and_groups(&self.doc.criteria) {
            if let Some(rule) = &node.rule {
                bands::check(&mut cx, node, rule);
                scale::check(&mut cx, node, rule);
                reach::check(&mut cx, node, rule);
            }
        }
        applies_if::check(&mut cx);
        unused::check(&mut cx);
        let mut out = cx.out;
        out.sort_by_key(|d| (d.line, d.column, d.code));
        out
    }
}

/// What the checks read and where they write.
pub(crate) struct Lint<'a> {
    pub plan: &'a Plan,
    pub doc: &'a RulesetDoc,
    pub out: Vec<Diagnostic>,
}

impl Lint<'_> {
    /// Records a warning at `pos`, about `criterion`, with its fix.
    pub(crate) fn warn(
        &mut self,
        code: Code,
        pos: Pos,
        criterion: Option<&str>,
        message: Message,
        help: Message,
    ) {
        self.out.push(
            Diagnostic::new(code, &self.plan.origin, pos, message)
                .with_criterion(criterion)
                .with_help(help),
        );
    }

    /// The input a rule's operand reads (not an expression): its domain and its name as a
    /// message argument; `None` for an expression or a bool or choice input.
    pub(crate) fn operand(&self, op: &Operand) -> Option<(Domain, Arg)> {
        match op {
            Operand::Input(name) => {
                let slot = *self.plan.input_index.get(name.as_str())?;
                let def = self.plan.inputs.get(slot)?;
                Some((Domain::of(def)?, def.arg()))
            }
            Operand::Expr(_) => None,
        }
    }
}

/// Every node of the tree, in pre-order (without recursion).
pub(crate) fn leaves_and_groups(roots: &[NodeDecl]) -> Vec<&NodeDecl> {
    let mut out = Vec::new();
    let mut stack: Vec<&NodeDecl> = roots.iter().rev().collect();
    while let Some(n) = stack.pop() {
        out.push(n);
        if let Some(kids) = &n.children {
            stack.extend(kids.iter().rev());
        }
    }
    out
}
