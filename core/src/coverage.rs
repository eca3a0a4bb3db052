//! Test coverage (`cchc test --coverage`): which parts of a ruleset its own worked cases
//! (`tests:`) exercise — leaves whose rule ran, band steps that held, level options chosen,
//! both outcomes of every `applies_if`, bonus and penalty criteria that earned points, and
//! grades given. Recorded from the scoring traces of the cases (the same evaluator as
//! `cchc test`, no second one).

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::error::Pos;
use crate::i18n::{Arg, Lang, Message};
use crate::msg;
use crate::plan::Body;
use crate::rules::{Rule, Trace};
use crate::ruleset::Ruleset;
use crate::ruleset::model::{NodeDecl, RuleDecl};
use crate::types::NodeKind;

/// What a coverage item is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Target {
    /// A leaf whose rule ran (it was applicable and scored by its rule).
    Leaf {
        /// Criterion id.
        criterion: String,
    },
    /// A band step that held (numbered from 1).
    BandStep {
        /// Criterion id.
        criterion: String,
        /// Step number, from 1.
        step: usize,
    },
    /// A `levels` option chosen.
    LevelOption {
        /// Criterion id.
        criterion: String,
        /// Option id.
        option: String,
    },
    /// An outcome of a criterion's `applies_if`.
    AppliesIf {
        /// Criterion id.
        criterion: String,
        /// true or false.
        outcome: bool,
    },
    /// A bonus or penalty criterion that earned (or took) points.
    Extra {
        /// Criterion id.
        criterion: String,
    },
    /// A grade given.
    Grade {
        /// Grade id.
        grade: String,
    },
}

impl Target {
    /// The kind's name, as in JSON (`leaf`, `band_step`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Leaf { .. } => "leaf",
            Target::BandStep { .. } => "band_step",
            Target::LevelOption { .. } => "level_option",
            Target::AppliesIf { .. } => "applies_if",
            Target::Extra { .. } => "extra",
            Target::Grade { .. } => "grade",
        }
    }

    /// What the item is, in words.
    pub fn describe(&self) -> Message {
        match self {
            Target::Leaf { criterion } => {
                msg!(
                    "tools-coverage-item-leaf",
                    criterion = Arg::ident(criterion.as_str())
                )
            }
            Target::BandStep { criterion, step } => msg!(
                "tools-coverage-item-band-step",
                criterion = Arg::ident(criterion.as_str()),
                step = *step
            ),
            Target::LevelOption { criterion, option } => msg!(
                "tools-coverage-item-level-option",
                criterion = Arg::ident(criterion.as_str()),
                option = Arg::ident(option.as_str())
            ),
            Target::AppliesIf { criterion, outcome } => msg!(
                "tools-coverage-item-applies-if",
                criterion = Arg::ident(criterion.as_str()),
                outcome = if *outcome { "true" } else { "false" }
            ),
            Target::Extra { criterion } => {
                msg!(
                    "tools-coverage-item-extra",
                    criterion = Arg::ident(criterion.as_str())
                )
            }
            Target::Grade { grade } => {
                msg!(
                    "tools-coverage-item-grade",
                    grade = Arg::ident(grade.as_str())
                )
            }
        }
    }
}

/// One thing the worked cases should exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Item {
    /// What it is.
    #[serde(flatten)]
    pub target: Target,
    /// Where it is written in the rule file.
    pub line: u32,
    /// Column.
    pub column: u32,
    /// Some case exercised it.
    pub covered: bool,
}

/// Covered and total items of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct KindSummary {
    /// `leaf`, `band_step`, `level_option`, `applies_if`, `extra` or `grade`.
    pub kind: &'static str,
    /// Items exercised.
    pub covered: usize,
    /// Items.
    pub total: usize,
}

/// The coverage of one ruleset by its own worked cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Coverage {
    /// The rule file.
    pub file: String,
    /// How many worked cases ran.
    pub tests: usize,
    /// Items exercised.
    pub covered: usize,
    /// Items.
    pub total: usize,
    /// covered / total × 100, rounded down to one decimal (100 when there is nothing to
    /// cover).
    #[serde(serialize_with = "num")]
    pub percent: Decimal,
    /// By kind, in a fixed order.
    pub kinds: Vec<KindSummary>,
    /// Every item, in the order of the file (criteria in pre-order, then grades).
    pub items: Vec<Item>,
}

fn num<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    crate::result::Num(*d).serialize(s)
}

/// The kinds, in the order summaries list them.
const KINDS: [&str; 6] = [
    "leaf",
    "band_step",
    "level_option",
    "applies_if",
    "extra",
    "grade",
];

impl Ruleset {
    /// The coverage of this ruleset by its `tests:` section.
    pub fn coverage(&self) -> Coverage {
        let plan = &*self.plan;
        let decls: std::collections::HashMap<&str, &NodeDecl> =
            crate::lint::leaves_and_groups(&self.doc.criteria)
                .into_iter()
                .map(|n| (n.id.as_str(), n))
                .collect();
        // Each case with its own `parameters:`, as `cchc test` scores it (a case whose
        // parameter value is refused cannot run and covers nothing).
        let results: Vec<crate::UnitResult> = plan
            .tests
            .iter()
            .filter_map(|t| {
                crate::ruleset::testing::bound_for(self, t)
                    .ok()
                    .map(|rs| rs.score(&crate::ruleset::testing::unit_of(t)))
            })
            .collect();
        let mut items = Vec::new();
        let mut add = |target: Target, pos: Pos, covered: bool| {
            items.push(Item {
                target,
                line: pos.line,
                column: pos.column,
                covered,
            });
        };
        for (i, node) in plan.nodes.iter().enumerate() {
            let traces = || {
                results
                    .iter()
                    .filter_map(move |r| r.nodes.get(i))
                    .map(|n| (n.trace, n.points))
            };
            let decl = decls.get(node.id.as_str()).copied();
            let id = node.id.clone();
            if let Body::Leaf(rule) = &node.body {
                add(
                    Target::Leaf {
                        criterion: id.clone(),
                    },
                    node.pos,
                    traces().any(|(t, _)| ran(&t)),
                );
                match (rule, decl.and_then(|d| d.rule.as_ref())) {
                    (Rule::Bands(_), Some(RuleDecl::Bands(b))) => {
                        for (s, step) in b.steps.iter().enumerate() {
                            add(
                                Target::BandStep {
                                    criterion: id.clone(),
                                    step: s + 1,
                                },
                                step.pos,
                                traces().any(|(t, _)| matches!(t, Trace::Band(k, _) if k == s)),
                            );
                        }
                    }
                    (Rule::Levels(_), Some(RuleDecl::Levels(l))) => {
                        let options = plan
                            .input_index
                            .get(l.input.as_str())
                            .and_then(|&s| plan.inputs.get(s))
                            .map(|d| d.options.clone())
                            .unwrap_or_default();
                        let at = decl.map_or(node.pos, |d| d.rule_pos);
                        for (o, option) in options.into_iter().enumerate() {
                            add(
                                Target::LevelOption {
                                    criterion: id.clone(),
                                    option,
                                },
                                at,
                                traces().any(|(t, _)| t == Trace::Level(o)),
                            );
                        }
                    }
                    _ => {}
                }
            }
            if node.applies_if.is_some() {
                for outcome in [true, false] {
                    add(
                        Target::AppliesIf {
                            criterion: id.clone(),
                            outcome,
                        },
                        node.pos,
                        traces().any(|(t, _)| {
                            if outcome {
                                ran(&t)
                                    || matches!(t, Trace::Set(_))
                                    || (node.is_group() && t == Trace::None)
                            } else {
                                t == Trace::AppliesIfFalse
                            }
                        }),
                    );
                }
            }
            if node.kind != NodeKind::Normal {
                add(
                    Target::Extra { criterion: id },
                    node.pos,
                    traces().any(|(_, p)| !p.is_zero()),
                );
            }
        }
        for (g, grade) in plan.grades.iter().enumerate() {
            let pos = self.doc.grades.get(g).map_or(Pos::default(), |d| d.pos);
            add(
                Target::Grade {
                    grade: grade.id.clone(),
                },
                pos,
                results.iter().any(|r| r.grade == Some(g)),
            );
        }
        let covered = items.iter().filter(|i| i.covered).count();
        let total = items.len();
        let kinds = KINDS
            .iter()
            .map(|&kind| KindSummary {
                kind,
                covered: items
                    .iter()
                    .filter(|i| i.covered && i.target.kind() == kind)
                    .count(),
                total: items.iter().filter(|i| i.target.kind() == kind).count(),
            })
            .collect();
        Coverage {
            file: plan.origin.clone(),
            tests: plan.tests.len(),
            covered,
            total,
            percent: percent(covered, total),
            kinds,
            items,
        }
    }
}

/// The node was scored by its own rule (not excluded, not set by hand, not failed).
fn ran(t: &Trace) -> bool {
    matches!(
        t,
        Trace::Check(_)
            | Trace::Band(..)
            | Trace::NoBand(_)
            | Trace::Scale(_)
            | Trace::Deduct(..)
            | Trace::Per(..)
            | Trace::Level(_)
            | Trace::Value(_)
            | Trace::Script(_)
    )
}

/// covered / total × 100, rounded down to one decimal; 100 for nothing to cover.
fn percent(covered: usize, total: usize) -> Decimal {
    if total == 0 {
        return Decimal::ONE_HUNDRED;
    }
    let c = Decimal::from(covered).checked_mul(Decimal::ONE_HUNDRED);
    c.and_then(|c| c.checked_div(Decimal::from(total)))
        .map_or(Decimal::ZERO, |p| {
            p.round_dp_with_strategy(1, RoundingStrategy::ToZero)
                .normalize()
        })
}

impl Coverage {
    /// The report as text for people: the summary, the figures by kind, what is not
    /// covered with its line.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let line = |out: &mut String, m: Message| {
            out.push_str(&m.render(lang));
            out.push('\n');
        };
        line(
            &mut out,
            msg!(
                "tools-coverage-summary",
                file = Arg::ident(crate::present::terminal_safe(&self.file).into_owned()),
                percent = self.percent,
                covered = self.covered,
                total = self.total,
                tests = self.tests
            ),
        );
        for k in &self.kinds {
            if k.total > 0 {
                let kind = kind_name(k.kind);
                out.push_str("  ");
                line(
                    &mut out,
                    msg!(
                        "tools-coverage-kind",
                        kind = kind,
                        covered = k.covered,
                        total = k.total
                    ),
                );
            }
        }
        let missing: Vec<&Item> = self.items.iter().filter(|i| !i.covered).collect();
        if !missing.is_empty() {
            out.push_str("  ");
            line(
                &mut out,
                msg!("tools-coverage-missing", count = missing.len()),
            );
            for i in missing {
                out.push_str(&format!("    {}:{}: ", i.line, i.column));
                line(&mut out, i.target.describe());
            }
        }
        out
    }
}

/// A kind's name in words.
fn kind_name(kind: &str) -> Message {
    match kind {
        "leaf" => msg!("tools-coverage-kind-leaf"),
        "band_step" => msg!("tools-coverage-kind-band-step"),
        "level_option" => msg!("tools-coverage-kind-level-option"),
        "applies_if" => msg!("tools-coverage-kind-applies-if"),
        "extra" => msg!("tools-coverage-kind-extra"),
        _ => msg!("tools-coverage-kind-grade"),
    }
}
