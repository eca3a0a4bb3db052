//! Sensitivity of ranks and grades to the area weights (issue #13, item 2).
//!
//! Leaf points do not depend on the weights, so the rules are never run again: the scored
//! batch is read once into a matrix (units × areas: points and max after exclusions, exact
//! decimals), and each scenario recomputes only the index, the rank and the grade.
//!
//! With factors `u[a]` on the area weights (weight `w[a] = D[a]·u[a]·T / Σ D[b]·u[b]`, so the
//! weights still total the ruleset's `total` T), an area's points and max scale by
//! `w[a] / D[a]`, and the common factor cancels out of the index:
//!
//! ```text
//! index = round(100 × clamp(Σ p[a]·u[a] + (B − P)·s, 0, Σ m[a]·u[a]) / Σ m[a]·u[a])
//! s     = Σ D[b]·u[b] / T          (the top-level bonus B and penalty P keep their points)
//! ```
//!
//! Leaving area `a` out is `u[a] = 0`, the others 1, and `s = 1`: the ruleset without that
//! area (its total lowered by the area's max), which `core/tests/analysis_props.rs` checks by
//! scoring such a ruleset.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rust_decimal::Decimal;

use super::{GradeOutcome, Grader, grade_json, grade_text, num, opt_num, option_error};
use crate::error::{Code, Error};
use crate::i18n::{Arg, Lang};
use crate::msg;
use crate::plan::Plan;
use crate::result::{UnitResult, UnitStatus};
use crate::ruleset::Ruleset;
use crate::score::Groups;
use crate::types::NodeKind;
use crate::unit::Unit;

/// Most Monte Carlo draws.
pub const MAX_DRAWS: u32 = 100_000;
/// Most draws × analysed units (the per-draw ranks and grades are kept: 6 bytes each).
pub const MAX_CELLS: u64 = 20_000_000;
/// Decimal places of the random factors (each is `1 − r + 2r·k/10⁶`, `k` in 0..=10⁶).
pub const FACTOR_PLACES: u32 = 6;
const FACTOR_STEPS: u64 = 1_000_000;

/// Options of [`sensitivity`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SensitivityOptions {
    /// Monte Carlo draws (0: none). Default 1,000.
    pub draws: u32,
    /// Each area weight is multiplied by a factor uniform in `[1 − range, 1 + range]`
    /// (0 ≤ range < 1, at most 6 decimals). Default 0.2.
    pub range: Decimal,
    /// Seed of the draws (ChaCha8; draw `d` uses stream `d`). Default 0.
    pub seed: u64,
    /// The groups ranked within, as a batch ranks ([`crate::BatchOptions::groups`]): the
    /// ruleset's `ranking.groups` by default (units of no group in the implicit group `khac`).
    pub groups: Groups,
    /// Rank each kind on its own (as `cchc score --group-by-kind`; overrides `groups`, the
    /// same as `groups: Groups::Kind`).
    pub group_by_kind: bool,
    /// Compute each area left out. Default true.
    pub leave_one_out: bool,
    /// A unit whose 5–95 % rank interval is wider than this many places is named as not
    /// robust. Default 3.
    pub max_rank_width: u32,
    /// A unit whose probability of a grade other than its own exceeds this is named as not
    /// robust. Default 0.1.
    pub max_grade_change: Decimal,
    /// Draws in parallel (feature `parallel`); the results are identical either way.
    pub parallel: bool,
}

impl SensitivityOptions {
    /// The groups ranked within, `group_by_kind` taken into account.
    pub fn grouping(&self) -> Groups {
        if self.group_by_kind {
            Groups::Kind
        } else {
            self.groups
        }
    }

    /// The batch options that rank a batch as this analysis ranks it.
    pub fn batch_options(&self) -> crate::BatchOptions {
        crate::BatchOptions::default().groups(self.grouping())
    }
}

impl Default for SensitivityOptions {
    fn default() -> Self {
        SensitivityOptions {
            draws: 1000,
            range: Decimal::new(2, 1),
            seed: 0,
            groups: Groups::Ruleset,
            group_by_kind: false,
            leave_one_out: true,
            max_rank_width: 3,
            max_grade_change: Decimal::new(1, 1),
            parallel: true,
        }
    }
}

/// An area of the ruleset (a normal top-level criterion) and its weight (declared max).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    /// Criterion id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Declared max.
    pub weight: Decimal,
}

/// A unit's figures in one scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// Index (`None` when nothing of the unit is left to score).
    pub index: Option<Decimal>,
    /// Rank (0: not ranked).
    pub rank: u32,
    /// Grade.
    pub grade: GradeOutcome,
}

/// One analysed unit (a complete, ranked unit of the batch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSensitivity {
    /// Position in the results given.
    pub position: usize,
    /// The unit's figures with the ruleset's weights.
    pub base: Scenario,
    /// With each area left out (in the order of [`SensitivityReport::areas`]; empty when not
    /// asked for).
    pub without: Vec<Scenario>,
    /// Median rank over the draws (the lower median; 0 without draws).
    pub median_rank: u32,
    /// 5th percentile of the rank (nearest rank; the best ranks).
    pub rank_low: u32,
    /// 95th percentile of the rank (nearest rank).
    pub rank_high: u32,
    /// Draws giving each grade (by position in the ruleset's grades), then no grade, then
    /// undecided.
    pub grade_counts: Vec<u32>,
    /// The rank interval is within `max_rank_width`.
    pub stable_rank: bool,
    /// The probability of another grade is within `max_grade_change`.
    pub stable_grade: bool,
}

/// The result of [`sensitivity`].
#[derive(Debug, Clone)]
pub struct SensitivityReport {
    ruleset: Ruleset,
    /// The options used.
    pub options: SensitivityOptions,
    /// The areas.
    pub areas: Vec<Area>,
    /// The analysed units (complete and ranked).
    pub units: Vec<UnitSensitivity>,
    /// Units left out (not complete or not ranked): position and status.
    pub not_analysed: Vec<(usize, UnitStatus)>,
    /// The id, name and kind of every unit given, by position.
    pub names: Vec<crate::result::UnitInfo>,
}

/// The units × areas matrix of a batch.
struct Matrix {
    areas: usize,
    /// Points of area `a` of unit `i` at `i * areas + a`.
    points: Vec<Decimal>,
    /// Max after exclusions, same layout.
    max: Vec<Decimal>,
    /// Top-level bonus minus penalty, per unit.
    extra: Vec<Decimal>,
    /// The root clamps (some top-level criterion is a bonus or penalty).
    clamp: bool,
    places: u32,
}

impl Matrix {
    /// Unit `i`'s (index, total) with factors `u` and bonus scale `s`.
    fn figures(&self, i: usize, u: &[Decimal], s: Decimal) -> Option<(Decimal, Decimal)> {
        let from = i.checked_mul(self.areas)?;
        let p = self.points.get(from..from.checked_add(self.areas)?)?;
        let m = self.max.get(from..from.checked_add(self.areas)?)?;
        let mut num = Decimal::ZERO;
        let mut den = Decimal::ZERO;
        for ((p, m), u) in p.iter().zip(m).zip(u) {
            if u.is_one() {
                num = num.checked_add(*p)?;
                den = den.checked_add(*m)?;
            } else if !u.is_zero() {
                num = num.checked_add(p.checked_mul(*u)?)?;
                den = den.checked_add(m.checked_mul(*u)?)?;
            }
        }
        if self.clamp {
            let extra = self.extra.get(i).copied().unwrap_or_default();
            let extra = if s.is_one() {
                extra
            } else {
                extra.checked_mul(s)?
            };
            num = crate::num::min(num.checked_add(extra)?.max(Decimal::ZERO), den);
        }
        if den.is_zero() {
            return None;
        }
        let index = crate::num::round(
            crate::num::checked_div(num.checked_mul(Decimal::ONE_HUNDRED)?, den)?,
            self.places,
        );
        let total = if s.is_one() {
            num
        } else {
            crate::num::checked_div(num, s)?
        };
        Some((index, total))
    }
}

trait IsOne {
    fn is_one(&self) -> bool;
}

impl IsOne for Decimal {
    fn is_one(&self) -> bool {
        *self == Decimal::ONE
    }
}

/// Validates the options against the number of analysed units.
fn check_options(opts: &SensitivityOptions, units: usize) -> Result<(), Error> {
    if opts.range.is_sign_negative() || opts.range >= Decimal::ONE || opts.range.scale() > 6 {
        return Err(option_error(
            Code::InvalidValue,
            "range",
            msg!("analysis-bad-range", range = opts.range),
            msg!("analysis-bad-range-help"),
        ));
    }
    if opts.max_grade_change.is_sign_negative() || opts.max_grade_change > Decimal::ONE {
        return Err(option_error(
            Code::InvalidValue,
            "max_grade_change",
            msg!("analysis-bad-probability", value = opts.max_grade_change),
            msg!("analysis-bad-probability-help"),
        ));
    }
    let cells = u64::from(opts.draws).saturating_mul(units as u64);
    if opts.draws > MAX_DRAWS || cells > MAX_CELLS {
        return Err(option_error(
            Code::LimitExceeded,
            "draws",
            msg!(
                "analysis-too-many-draws",
                draws = opts.draws,
                units = units,
                max_draws = MAX_DRAWS,
                max_cells = MAX_CELLS
            ),
            msg!("analysis-too-many-draws-help"),
        ));
    }
    Ok(())
}

/// The factors of draw `d`: one per area, `1 − r + 2r·k/10⁶` with `k` uniform in 0..=10⁶
/// from ChaCha8 seeded with `seed`, stream `d` (`k = next_u64 mod 1,000,001`: the modulo bias
/// is below 10⁻¹³).
pub fn draw_factors(seed: u64, draw: u64, areas: usize, range: Decimal) -> Vec<Decimal> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(draw);
    let low = Decimal::ONE - range;
    let span = range + range;
    (0..areas)
        .map(|_| {
            let k = rng.next_u64() % (FACTOR_STEPS + 1);
            // k ≤ 10⁶: the product has at most 13 decimals, far within a decimal's 28.
            let step = Decimal::new(i64::try_from(k).unwrap_or(0), FACTOR_PLACES);
            low + span * step
        })
        .collect()
}

/// Ranks and grades of every analysed unit in one draw.
struct DrawOut {
    ranks: Vec<u32>,
    grades: Vec<u16>,
}

/// The sensitivity of a scored batch's ranks and grades to the area weights.
///
/// `results` are the batch's results (scored with `ruleset`); `units`, when given (the same
/// units, in the same order), let grade conditions that read inputs be decided. A unit is
/// analysed when it is complete and ranked; the others are listed in `not_analysed`.
///
/// # Errors
///
/// An option out of range (`invalid_value`), too many draws (`limit_exceeded`), results of
/// another ruleset or units that do not match the results (`invalid_value`).
pub fn sensitivity(
    ruleset: &Ruleset,
    results: &[UnitResult],
    units: Option<&[Unit]>,
    opts: &SensitivityOptions,
) -> Result<SensitivityReport, Error> {
    let plan: &Plan = &ruleset.plan;
    if results
        .iter()
        .any(|r| r.plan.fingerprint != plan.fingerprint)
    {
        return Err(option_error(
            Code::InvalidValue,
            "results",
            msg!("analysis-other-ruleset"),
            msg!("analysis-other-ruleset-help"),
        ));
    }
    if units.is_some_and(|u| u.len() != results.len()) {
        return Err(option_error(
            Code::InvalidValue,
            "units",
            msg!(
                "analysis-units-mismatch",
                units = units.map_or(0, <[Unit]>::len),
                results = results.len()
            ),
            msg!("analysis-units-mismatch-help"),
        ));
    }
    let analysed: Vec<usize> = (0..results.len())
        .filter(|&i| results.get(i).is_some_and(UnitResult::rankable))
        .collect();
    check_options(opts, analysed.len())?;
    let area_nodes = super::areas(plan);
    let areas: Vec<Area> = area_nodes
        .iter()
        .filter_map(|&a| plan.nodes.get(a))
        .map(|n| Area {
            id: n.id.clone(),
            title: n.title.clone(),
            weight: n.max,
        })
        .collect();
    let a_count = area_nodes.len();
    let mut m = Matrix {
        areas: a_count,
        points: Vec::with_capacity(analysed.len().saturating_mul(a_count)),
        max: Vec::with_capacity(analysed.len().saturating_mul(a_count)),
        extra: Vec::with_capacity(analysed.len()),
        clamp: plan.root_has_extras,
        places: plan.places,
    };
    let mut graders = Vec::with_capacity(analysed.len());
    let mut kinds = Vec::with_capacity(analysed.len());
    for &i in &analysed {
        let Some(r) = results.get(i) else { continue };
        for &a in &area_nodes {
            let n = r.nodes.get(a).cloned().unwrap_or_default();
            m.points.push(n.points);
            m.max.push(n.max);
        }
        let mut extra = Decimal::ZERO;
        for &root in &plan.roots {
            let (Some(node), Some(n)) = (plan.nodes.get(root), r.nodes.get(root)) else {
                continue;
            };
            match node.kind {
                NodeKind::Bonus => extra += n.points,
                NodeKind::Penalty => extra -= n.points,
                NodeKind::Normal => {}
            }
        }
        m.extra.push(extra);
        let slots = units
            .and_then(|u| u.get(i))
            .and_then(|u| crate::score::unit_slots(plan, ruleset.base.as_ref(), u));
        graders.push(Grader::new(plan, r, slots));
        kinds.push(r.unit.kind.as_deref());
    }
    let groups = super::rank_groups(plan, &kinds, opts.grouping());
    let n = analysed.len();
    let grade_slots = plan.grades.len() + 2;
    let code = |g: GradeOutcome| -> u16 {
        let c = match g {
            GradeOutcome::Grade(i) => i,
            GradeOutcome::None => plan.grades.len(),
            GradeOutcome::Undecided => plan.grades.len() + 1,
        };
        u16::try_from(c).unwrap_or(u16::MAX)
    };

    // One scenario: every analysed unit's index, rank and grade.
    let scenario = |u: &[Decimal], s: Decimal| -> Vec<Scenario> {
        let figs: Vec<Option<(Decimal, Decimal)>> = (0..n).map(|i| m.figures(i, u, s)).collect();
        let index: Vec<Option<Decimal>> = figs.iter().map(|f| f.map(|f| f.0)).collect();
        let mut ranks = vec![0u32; n];
        super::rank_into(&groups, &index, plan.ranking, &mut Vec::new(), &mut ranks);
        figs.iter()
            .zip(&ranks)
            .zip(&graders)
            .map(|((f, &rank), g)| Scenario {
                index: f.map(|f| f.0),
                rank,
                grade: f.map_or(GradeOutcome::None, |(i, t)| g.grade(i, t)),
            })
            .collect()
    };
    let ones = vec![Decimal::ONE; a_count];
    let base = scenario(&ones, Decimal::ONE);
    let mut without: Vec<Vec<Scenario>> = Vec::new();
    if opts.leave_one_out {
        for a in 0..a_count {
            let mut u = ones.clone();
            if let Some(x) = u.get_mut(a) {
                *x = Decimal::ZERO;
            }
            without.push(scenario(&u, Decimal::ONE));
        }
    }

    // Monte Carlo: each draw on its own (its own stream), so any order gives the same draws.
    let weights: Vec<Decimal> = areas.iter().map(|a| a.weight).collect();
    let one_draw = |d: u32| -> DrawOut {
        let u = draw_factors(opts.seed, u64::from(d), a_count, opts.range);
        let weighted = weights
            .iter()
            .zip(&u)
            .try_fold(Decimal::ZERO, |acc, (w, u)| {
                acc.checked_add(w.checked_mul(*u)?)
            });
        let s = weighted
            .and_then(|w| crate::num::checked_div(w, plan.total))
            .unwrap_or(Decimal::ONE);
        let mut index = Vec::with_capacity(n);
        let mut grades = Vec::with_capacity(n);
        for (i, g) in graders.iter().enumerate() {
            let f = m.figures(i, &u, s);
            index.push(f.map(|f| f.0));
            grades.push(code(f.map_or(GradeOutcome::None, |(i, t)| g.grade(i, t))));
        }
        let mut ranks = vec![0u32; n];
        super::rank_into(&groups, &index, plan.ranking, &mut Vec::new(), &mut ranks);
        DrawOut { ranks, grades }
    };
    let draws: Vec<DrawOut> = run_draws(opts.draws, opts.parallel, &one_draw);

    let mut out_units = Vec::with_capacity(n);
    let mut ranks = Vec::with_capacity(draws.len());
    for (k, (&pos, b)) in analysed.iter().zip(&base).enumerate() {
        ranks.clear();
        let mut counts = vec![0u32; grade_slots];
        for d in &draws {
            ranks.push(d.ranks.get(k).copied().unwrap_or(0));
            if let Some(c) = d
                .grades
                .get(k)
                .and_then(|&g| counts.get_mut(usize::from(g)))
            {
                *c = c.saturating_add(1);
            }
        }
        ranks.sort_unstable();
        let (median, low, high) = if ranks.is_empty() {
            (0, 0, 0)
        } else {
            (
                percentile(&ranks, 50),
                percentile(&ranks, 5),
                percentile(&ranks, 95),
            )
        };
        let kept = counts.get(usize::from(code(b.grade))).copied().unwrap_or(0);
        let changed = Decimal::from(opts.draws.saturating_sub(kept));
        let stable_grade = changed <= opts.max_grade_change * Decimal::from(opts.draws);
        out_units.push(UnitSensitivity {
            position: pos,
            base: b.clone(),
            without: without.iter().filter_map(|s| s.get(k).cloned()).collect(),
            median_rank: median,
            rank_low: low,
            rank_high: high,
            grade_counts: counts,
            stable_rank: high.saturating_sub(low) <= opts.max_rank_width,
            stable_grade,
        });
    }
    let not_analysed = results
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.rankable())
        .map(|(i, r)| (i, r.status))
        .collect();
    Ok(SensitivityReport {
        ruleset: ruleset.clone(),
        options: opts.clone(),
        areas,
        units: out_units,
        not_analysed,
        names: results.iter().map(|r| r.unit.clone()).collect(),
    })
}

/// The draws, in order (in parallel with the feature `parallel` when asked).
fn run_draws(count: u32, parallel: bool, one: &(dyn Fn(u32) -> DrawOut + Sync)) -> Vec<DrawOut> {
    #[cfg(feature = "parallel")]
    if parallel {
        use rayon::prelude::*;
        return (0..count).into_par_iter().map(one).collect();
    }
    let _ = parallel;
    (0..count).map(one).collect()
}

/// The `p`th percentile of sorted ranks, nearest-rank method: the value at position
/// ⌈p·N/100⌉ (from 1).
fn percentile(sorted: &[u32], p: usize) -> u32 {
    let n = sorted.len();
    let k = (p.saturating_mul(n).saturating_add(99) / 100).max(1);
    sorted.get(k - 1).copied().unwrap_or(0)
}

impl SensitivityReport {
    fn plan(&self) -> &Plan {
        &self.ruleset.plan
    }

    /// The probability of grade outcome `k` (a position in `grade_counts`) for a unit, rounded
    /// to 4 decimals.
    fn probability(&self, count: u32) -> Decimal {
        if self.options.draws == 0 {
            return Decimal::ZERO;
        }
        crate::num::round(
            crate::num::checked_div(Decimal::from(count), Decimal::from(self.options.draws))
                .unwrap_or_default(),
            4,
        )
    }

    /// The units named as not robust: (rank not robust, grade not robust) as positions in
    /// the results.
    pub fn unstable(&self) -> (Vec<usize>, Vec<usize>) {
        (
            self.units
                .iter()
                .filter(|u| !u.stable_rank)
                .map(|u| u.position)
                .collect(),
            self.units
                .iter()
                .filter(|u| !u.stable_grade)
                .map(|u| u.position)
                .collect(),
        )
    }

    fn id_of(&self, pos: usize) -> serde_json::Value {
        self.names
            .get(pos)
            .and_then(|u| u.id.clone())
            .map_or(serde_json::Value::Null, Into::into)
    }

    /// The report as JSON (shape in `docs/analysis.md`); `lang` is the language of `summary.text`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        use serde_json::{Value, json};
        let plan = self.plan();
        let outcomes: Vec<GradeOutcome> = (0..plan.grades.len())
            .map(GradeOutcome::Grade)
            .chain([GradeOutcome::None, GradeOutcome::Undecided])
            .collect();
        let scenario = |s: &Scenario| -> Value {
            json!({
                "index": opt_num(s.index),
                "rank": if s.rank == 0 { Value::Null } else { s.rank.into() },
                "grade": grade_json(plan, s.grade),
            })
        };
        let units: Vec<Value> = self
            .units
            .iter()
            .map(|u| {
                let info = self.names.get(u.position).cloned().unwrap_or_default();
                let without: Vec<Value> = self
                    .areas
                    .iter()
                    .zip(&u.without)
                    .map(|(a, s)| {
                        let mut v = scenario(s);
                        if let Some(o) = v.as_object_mut() {
                            o.insert("area".into(), a.id.clone().into());
                        }
                        v
                    })
                    .collect();
                let grades: Vec<Value> = outcomes
                    .iter()
                    .zip(&u.grade_counts)
                    .map(|(g, &c)| {
                        json!({"grade": grade_json(plan, *g), "count": c, "probability": num(self.probability(c))})
                    })
                    .collect();
                json!({
                    "position": u.position,
                    "id": info.id,
                    "name": info.name,
                    "kind": info.kind,
                    "index": opt_num(u.base.index),
                    "rank": u.base.rank,
                    "grade": grade_json(plan, u.base.grade),
                    "leave_one_out": without,
                    "monte_carlo": {
                        "median_rank": u.median_rank,
                        "rank_p5": u.rank_low,
                        "rank_p95": u.rank_high,
                        "rank_width": u.rank_high.saturating_sub(u.rank_low),
                        "grades": grades,
                    },
                    "stable_rank": u.stable_rank,
                    "stable_grade": u.stable_grade,
                })
            })
            .collect();
        let (rank_ids, grade_ids) = self.unstable();
        let o = &self.options;
        json!({
            "ruleset": {"id": plan.id, "version": plan.version, "fingerprint": plan.fingerprint},
            "options": {
                "draws": o.draws,
                "range": num(o.range),
                "seed": o.seed,
                "groups": groups_word(o.grouping()),
                "group_by_kind": o.grouping() == Groups::Kind,
                "leave_one_out": o.leave_one_out,
                "max_rank_width": o.max_rank_width,
                "max_grade_change": num(o.max_grade_change),
                "factor_places": FACTOR_PLACES,
                "rng": "chacha8",
            },
            "areas": self.areas.iter().map(|a| json!({"id": a.id, "title": a.title, "weight": num(a.weight)})).collect::<Vec<_>>(),
            "grades": plan.grades.iter().map(|g| json!({"id": g.id, "label": g.label})).collect::<Vec<_>>(),
            "units": units,
            "not_analysed": self.not_analysed.iter().map(|(p, s)| json!({"position": p, "id": self.id_of(*p), "status": s.as_str()})).collect::<Vec<_>>(),
            "summary": {
                "unstable_rank": rank_ids.iter().map(|p| self.id_of(*p)).collect::<Vec<_>>(),
                "unstable_grade": grade_ids.iter().map(|p| self.id_of(*p)).collect::<Vec<_>>(),
                "text": self.summary_text(lang),
            },
        })
    }

    fn unit_label(&self, pos: usize) -> String {
        let info = self.names.get(pos).cloned().unwrap_or_default();
        match (info.id, info.name) {
            (Some(id), Some(name)) => format!("{name} ({id})"),
            (Some(id), None) => id,
            (None, Some(name)) => name,
            (None, None) => format!("#{}", pos.saturating_add(1)),
        }
    }

    /// The summary naming the units that are not robust, in `lang`.
    pub fn summary_text(&self, lang: Lang) -> String {
        let (rank, grade) = self.unstable();
        let names = |v: &[usize]| -> Arg {
            Arg::List(
                v.iter()
                    .map(|&p| {
                        Arg::Text(crate::present::terminal_safe(&self.unit_label(p)).into_owned())
                    })
                    .collect(),
            )
        };
        let mut out = String::new();
        if rank.is_empty() && grade.is_empty() {
            out.push_str(&msg!("analysis-sens-all-robust").render(lang));
            return out;
        }
        if !rank.is_empty() {
            out.push_str(
                &msg!(
                    "analysis-sens-unstable-rank",
                    count = rank.len(),
                    width = self.options.max_rank_width,
                    units = names(&rank)
                )
                .render(lang),
            );
        }
        if !grade.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(
                &msg!(
                    "analysis-sens-unstable-grade",
                    count = grade.len(),
                    percent = self.options.max_grade_change * Decimal::ONE_HUNDRED,
                    units = names(&grade)
                )
                .render(lang),
            );
        }
        out
    }

    /// The report as text for people, in `lang`.
    pub fn to_text(&self, lang: Lang) -> String {
        let plan = self.plan();
        let places = plan.places;
        let o = &self.options;
        let mut out = msg!(
            "analysis-sens-heading",
            title = crate::present::terminal_safe(&plan.title).into_owned(),
            draws = o.draws,
            percent = o.range * Decimal::ONE_HUNDRED,
            seed = o.seed
        )
        .render(lang);
        out.push('\n');
        for u in &self.units {
            let keep = u
                .grade_counts
                .get(match u.base.grade {
                    GradeOutcome::Grade(i) => i,
                    GradeOutcome::None => plan.grades.len(),
                    GradeOutcome::Undecided => plan.grades.len() + 1,
                })
                .copied()
                .unwrap_or(0);
            let flag = if u.stable_rank && u.stable_grade {
                ""
            } else {
                "! "
            };
            out.push_str(flag);
            out.push_str(
                &msg!(
                    "analysis-sens-unit",
                    unit = crate::present::terminal_safe(&self.unit_label(u.position)).into_owned(),
                    index = Arg::fixed(u.base.index.unwrap_or_default(), places),
                    rank = u.base.rank,
                    grade = grade_text(plan, u.base.grade, lang)
                )
                .render(lang),
            );
            out.push('\n');
            if o.draws > 0 {
                out.push_str("    ");
                out.push_str(
                    &msg!(
                        "analysis-sens-unit-draws",
                        median = u.median_rank,
                        low = u.rank_low,
                        high = u.rank_high,
                        percent = self.probability(keep) * Decimal::ONE_HUNDRED
                    )
                    .render(lang),
                );
                out.push('\n');
            }
            let ranked: Vec<u32> = u
                .without
                .iter()
                .map(|s| s.rank)
                .filter(|&r| r > 0)
                .collect();
            if let (Some(best), Some(worst)) = (ranked.iter().min(), ranked.iter().max()) {
                let mut grades: Vec<String> = Vec::new();
                for s in &u.without {
                    let g = grade_text(plan, s.grade, lang);
                    if !grades.contains(&g) {
                        grades.push(g);
                    }
                }
                out.push_str("    ");
                out.push_str(
                    &msg!(
                        "analysis-sens-unit-without",
                        best = *best,
                        worst = *worst,
                        grades = Arg::List(grades.into_iter().map(Arg::Text).collect())
                    )
                    .render(lang),
                );
                out.push('\n');
            }
        }
        if !self.not_analysed.is_empty() {
            out.push_str(
                &msg!(
                    "analysis-sens-not-analysed",
                    count = self.not_analysed.len(),
                    units = Arg::List(
                        self.not_analysed
                            .iter()
                            .map(|(p, _)| Arg::Text(
                                crate::present::terminal_safe(&self.unit_label(*p)).into_owned()
                            ))
                            .collect()
                    )
                )
                .render(lang),
            );
            out.push('\n');
        }
        out.push_str(&self.summary_text(lang));
        out.push('\n');
        out
    }
}

/// `ruleset`, `kind` or `none` (the words of [`Groups::parse`]).
pub(crate) fn groups_word(g: Groups) -> &'static str {
    match g {
        Groups::Kind => "kind",
        Groups::None => "none",
        _ => "ruleset",
    }
}

/// Reads sensitivity options from a JSON object (`{"draws": 1000, "range": 0.2, "seed": 7,
/// "groups": "ruleset", "group_by_kind": false, "leave_one_out": true, "max_rank_width": 3, "max_grade_change":
/// 0.1}`; every key optional; numbers exact from their text).
pub(crate) fn options_from_json(v: &serde_json::Value) -> Result<SensitivityOptions, Error> {
    let mut o = SensitivityOptions::default();
    let Some(map) = v.as_object() else {
        if v.is_null() {
            return Ok(o);
        }
        return Err(bad_option("options"));
    };
    for (k, v) in map {
        match k.as_str() {
            "draws" => {
                o.draws = v
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| bad_option(k))?
            }
            "seed" => o.seed = v.as_u64().ok_or_else(|| bad_option(k))?,
            "max_rank_width" => {
                o.max_rank_width = v
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| bad_option(k))?
            }
            "range" => o.range = json_decimal(v).ok_or_else(|| bad_option(k))?,
            "max_grade_change" => {
                o.max_grade_change = json_decimal(v).ok_or_else(|| bad_option(k))?
            }
            "group_by_kind" => o.group_by_kind = v.as_bool().ok_or_else(|| bad_option(k))?,
            "groups" => {
                o.groups = v
                    .as_str()
                    .and_then(Groups::parse)
                    .ok_or_else(|| bad_option(k))?
            }
            "leave_one_out" => o.leave_one_out = v.as_bool().ok_or_else(|| bad_option(k))?,
            "parallel" => o.parallel = v.as_bool().ok_or_else(|| bad_option(k))?,
            _ => {
                return Err(option_error(
                    Code::UnknownKey,
                    k,
                    msg!("analysis-unknown-option", key = Arg::ident(k.as_str())),
                    msg!("analysis-unknown-option-help"),
                ));
            }
        }
    }
    Ok(o)
}

/// A JSON number (or numeric text) as an exact decimal, from its text.
pub(crate) fn json_decimal(v: &serde_json::Value) -> Option<Decimal> {
    match v {
        serde_json::Value::Number(n) => crate::syntax::parse_decimal(&n.to_string()).ok(),
        serde_json::Value::String(s) => crate::syntax::parse_decimal(s).ok(),
        _ => None,
    }
}

fn bad_option(key: &str) -> Error {
    option_error(
        Code::InvalidValue,
        key,
        msg!("analysis-bad-option", key = Arg::ident(key)),
        msg!("analysis-bad-option-help"),
    )
}

/// JSON in, JSON out (for the bindings): scores the units of `data` (JSON or YAML unit data,
/// as `cchc score` reads) with `ruleset`, runs [`sensitivity`] with the options of
/// `options` (a JSON object, see `options_from_json`; `null` for the defaults), and returns
/// the report's JSON text (summary in `lang`).
///
/// # Errors
///
/// Unreadable data or options, or options out of range.
pub fn sensitivity_json(
    ruleset: &Ruleset,
    data: &str,
    options: &str,
    lang: Lang,
) -> Result<String, Error> {
    let opts: serde_json::Value = if options.trim().is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_str(options).map_err(|e| {
            option_error(
                Code::DataSyntax,
                "options",
                msg!("analysis-options-not-json", detail = e.to_string()),
                msg!("analysis-bad-option-help"),
            )
        })?
    };
    let opts = options_from_json(&opts)?;
    let units = crate::read_units(data, crate::DataFormat::Json, "data")?;
    let batch = ruleset.score_batch_with(&units, &opts.batch_options(), &mut |_| {});
    let report = sensitivity(ruleset, &batch.results, Some(&units), &opts)?;
    Ok(report.to_json(lang).to_string())
}
