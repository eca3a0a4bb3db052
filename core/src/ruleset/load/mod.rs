//! From the YAML tree to the model: shape, types and unknown keys, every problem reported.
//!
//! The [`Loader`] is the context every part of the loader writes through: it knows the file,
//! the criterion being read (so problems name it without passing its id by hand) and collects
//! the diagnostics and load-time warnings. One file per section of the rule file: the
//! document's top level, inputs, grades, criteria, rules (one function per rule kind) and tests.

mod cases;
mod criteria;
mod document;
mod grades;
mod inputs;
mod ranking;
mod read;
mod rounds;
mod rule;

use std::collections::HashSet;

use crate::error::{Code, Diagnostic, Pos};

/// Nodes deeper than this are an error (a top-level criterion is at depth 1).
pub(crate) const MAX_DEPTH: usize = 8;
/// Largest magnitude of a number in a rule file (keeps every sum exact, far from overflow).
pub(crate) const MAX_MAGNITUDE: i64 = 1_000_000_000_000_000_000;
/// Most nodes in one ruleset.
pub(crate) const MAX_NODES: usize = 10_000;

/// Ids of entries that could not be read, so that references to them do not cascade.
#[derive(Debug, Clone, Default)]
pub(crate) struct Broken {
    /// Criteria (with their sub-criteria) whose declaration could not be read.
    pub(crate) criteria: HashSet<String>,
    /// Grades whose declaration could not be read.
    pub(crate) grades: HashSet<String>,
}

/// The loading context: the file, the criterion being read, and the problems found.
pub(crate) struct Loader<'f> {
    /// The file (or origin name) the diagnostics point into.
    file: &'f str,
    /// The id of the criterion being read, if any; every problem reported names it.
    crit: Option<String>,
    /// Problems found: each makes the ruleset refused.
    pub(crate) diags: Vec<Diagnostic>,
    /// Load-time warnings: the ruleset loads, but something looks wrong.
    pub(crate) warnings: Vec<Diagnostic>,
    /// Ids of criteria and grades that could not be read (already reported): what names them
    /// is not reported again as naming something that does not exist.
    pub(crate) broken: Broken,
    /// Criteria read so far (for the node limit).
    nodes: usize,
    /// The node limit has been reported.
    too_many_reported: bool,
}

impl<'f> Loader<'f> {
    /// A loader for the file named `file`.
    pub(crate) fn new(file: &'f str) -> Self {
        Loader {
            file,
            crit: None,
            diags: Vec::new(),
            warnings: Vec::new(),
            broken: Broken::default(),
            nodes: 0,
            too_many_reported: false,
        }
    }

    /// A diagnostic at `pos` that names the current criterion.
    fn diagnostic(&self, code: Code, pos: Pos, msg: impl Into<crate::Message>) -> Diagnostic {
        Diagnostic::new(code, self.file, pos, msg).with_criterion(self.crit.as_deref())
    }

    /// Reports a problem at `pos`.
    fn err(&mut self, code: Code, pos: Pos, msg: impl Into<crate::Message>) {
        let d = self.diagnostic(code, pos, msg);
        self.diags.push(d);
    }

    /// Reports a problem built with [`Loader::diagnostic`] (with a help or labels).
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Reports a load-time warning built with [`Loader::diagnostic`].
    fn warn(&mut self, d: Diagnostic) {
        self.warnings.push(d);
    }

    /// Runs `f` with `id` as the current criterion, then restores the outer one.
    fn in_criterion<T>(&mut self, id: Option<String>, f: impl FnOnce(&mut Self) -> T) -> T {
        let outer = std::mem::replace(&mut self.crit, id);
        let out = f(self);
        self.crit = outer;
        out
    }
}
