//! Scoring many units: each on its own (in parallel where it pays), then duplicate ids and the
//! ranking.

use std::borrow::Cow;
use std::collections::HashMap;

use rust_decimal::Decimal;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::error::{Code, Issue, Pos};
use crate::result::{BatchResult, RankEntry, UnitResult, UnitStatus};
use crate::ruleset::Ruleset;
use crate::types::RankingMode;
use crate::unit::Unit;

/// Which groups a batch is ranked within (format §10.2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Groups {
    /// The ruleset's `ranking.groups` (one ranking when it declares none).
    #[default]
    Ruleset,
    /// Each `kind` on its own (CLI `--group-by-kind`).
    Kind,
    /// One ranking of every unit (CLI `--no-groups`).
    None,
}

impl Groups {
    /// `ruleset`, `kind` or `none`.
    pub fn parse(word: &str) -> Option<Groups> {
        match word {
            "ruleset" => Some(Groups::Ruleset),
            "kind" => Some(Groups::Kind),
            "none" => Some(Groups::None),
            _ => None,
        }
    }
}

/// How to score a batch.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct BatchOptions {
    /// Rank each `kind` on its own (overrides `groups`).
    pub group_by_kind: bool,
    /// The groups to rank within (the ruleset's by default).
    pub groups: Groups,
    /// Score and rank as of this round (an index into [`Ruleset::rounds`], see
    /// [`Ruleset::round_index`]): later rounds are left out, and a unit without this round is
    /// shown as of its last earlier round (warning `round_absent`) and not ranked.
    pub round: Option<usize>,
    /// Keep each result's criteria tree (`true`, the default). Without them
    /// ([`BatchOptions::trees`]`(false)`) a batch holds only each unit's figures, warnings and
    /// errors — what a ranking or a summary table reads — and scores faster: a large batch no
    /// longer writes every node of every unit to fresh memory. A result's tree comes back with
    /// [`UnitResult::restore_tree`].
    pub trees: bool,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions::grouped(false)
    }
}

impl BatchOptions {
    /// Ranking within each kind.
    pub fn grouped(group_by_kind: bool) -> Self {
        BatchOptions {
            group_by_kind,
            groups: Groups::Ruleset,
            round: None,
            trees: true,
        }
    }

    /// Ranking within these groups (`Groups::Kind` is the same as `grouped(true)`).
    #[must_use]
    pub fn groups(mut self, groups: Groups) -> Self {
        self.groups = groups;
        self
    }

    /// The groups ranked within, `group_by_kind` taken into account.
    pub fn grouping(&self) -> Groups {
        if self.group_by_kind {
            Groups::Kind
        } else {
            self.groups
        }
    }

    /// With each result's criteria tree (`true`, the default) or without
    /// ([`BatchOptions::trees`]).
    #[must_use]
    pub fn trees(mut self, on: bool) -> Self {
        self.trees = on;
        self
    }

    /// As of a round (`None`: each unit's last round).
    #[must_use]
    pub fn as_of(mut self, round: Option<usize>) -> Self {
        self.round = round;
        self
    }
}

/// Batches smaller than this are scored on one thread.
#[cfg(feature = "parallel")]
const PARALLEL_MIN: usize = 256;

impl Ruleset {
    /// Scores one unit. Never fails and never panics: a problem with the unit's data (a
    /// missing or invalid value, a script that fails) is in the result's `errors` or
    /// `warnings`, and sets its `status`.
    ///
    /// # Example
    ///
    /// ```
    /// use cchc::{RawValue, Ruleset, Unit, UnitStatus};
    /// let rs = Ruleset::from_yaml_str(
    ///     "format: cchc/1\nid: d\nversion: '1'\ntitle: T\ntotal: 1\ninputs:\n  kh: { type: bool }\ncriteria:\n  - { id: '1', title: Kế hoạch, max: 1, rule: { check: kh } }\n",
    ///     "d.yaml",
    /// )?;
    /// let r = rs.score(&Unit::new("xa-a").with_value("kh", RawValue::Cell("có".into())));
    /// assert_eq!((r.status, r.total), (UnitStatus::Complete, cchc::Decimal::ONE));
    /// let r = rs.score(&Unit::new("xa-b")); // `kh` missing
    /// assert_eq!(r.status, UnitStatus::Incomplete);
    /// # Ok::<(), cchc::Error>(())
    /// ```
    pub fn score(&self, unit: &Unit) -> UnitResult {
        super::score_unit(&self.plan, self.base.as_ref(), unit, None)
    }

    /// Scores one unit as of a round (an index into [`Ruleset::rounds`]; see
    /// [`Ruleset::round_index`]): the rounds after it are left out. A unit without that round
    /// is shown as of its last earlier round, with the warning `round_absent`.
    pub fn score_as_of(&self, unit: &Unit, round: usize) -> UnitResult {
        super::score_unit(&self.plan, self.base.as_ref(), unit, Some(round))
    }

    /// Scores a batch and ranks it (ranking over all units). One bad unit never stops the
    /// batch: each result carries its own status and problems; units sharing an id are flagged
    /// (`duplicate_unit_id`) and, like every unit that is not complete, left out of the ranking.
    ///
    /// # Example
    ///
    /// ```
    /// use cchc::{read_units, DataFormat, Ruleset};
    /// let rs = Ruleset::from_yaml_str(
    ///     "format: cchc/1\nid: d\nversion: '1'\ntitle: T\ntotal: 1\ninputs:\n  kh: { type: bool }\ncriteria:\n  - { id: '1', title: Kế hoạch, max: 1, rule: { check: kh } }\n",
    ///     "d.yaml",
    /// )?;
    /// let units = read_units("id;kh\na;có\nb;không\nc;x\n", DataFormat::Csv, "d.csv")?;
    /// let batch = rs.score_batch(&units);
    /// assert_eq!(batch.results.len(), 3);
    /// // `a` and `c` (x = có) share rank 1; `b` is third.
    /// let ranks: Vec<u32> = batch.ranking.iter().map(|e| e.rank).collect();
    /// assert_eq!(ranks, vec![1, 1, 3]);
    /// # Ok::<(), cchc::Error>(())
    /// ```
    pub fn score_batch(&self, units: &[Unit]) -> BatchResult {
        self.score_batch_with(units, &BatchOptions::default(), &mut |_| {})
    }

    /// Scores a batch with options; `progress` is called with the number of units done so far.
    pub fn score_batch_with(
        &self,
        units: &[Unit],
        opts: &BatchOptions,
        progress: &mut dyn FnMut(usize),
    ) -> BatchResult {
        let mut results = Vec::with_capacity(units.len());
        for chunk in units.chunks(CHUNK) {
            results.extend(self.score_units(chunk, opts.round, opts.trees));
            progress(results.len());
        }
        if units.is_empty() {
            progress(0);
        }
        let duplicates = self.duplicates(units);
        for (r, u) in results.iter_mut().zip(units) {
            duplicates.mark(r, u.at);
        }
        let ranking = rank(&results, &self.plan, opts.grouping());
        BatchResult {
            results,
            ranking,
            grouped: opts.grouping() == Groups::Kind,
        }
    }
}

/// Units scored together before progress is reported.
const CHUNK: usize = 4096;

impl Ruleset {
    /// Scores units in order, each on its own (in parallel where it pays); no batch checks.
    /// Without `trees`, each result's nodes are dropped as soon as its unit is scored (so the
    /// next unit reuses their memory) and the result remembers `as_of` for `restore_tree`.
    pub(crate) fn score_units(
        &self,
        units: &[Unit],
        as_of: Option<usize>,
        trees: bool,
    ) -> Vec<UnitResult> {
        let one = |u: &Unit| {
            let mut r = super::score_unit(&self.plan, self.base.as_ref(), u, as_of);
            if !trees {
                r.nodes = Vec::new();
                r.tree_left_out = Some(as_of);
            }
            r
        };
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            if units.len() >= PARALLEL_MIN {
                return units.par_iter().map(one).collect();
            }
        }
        units.iter().map(one).collect()
    }

    /// The ids that more than one unit of the batch has.
    pub(crate) fn duplicates<'a>(&self, units: &'a [Unit]) -> Duplicates<'a> {
        Duplicates::of_ids(units.iter().map(|u| u.id.as_deref()))
    }

    /// The ranking of these results (positions index `results`).
    pub(crate) fn rank_results(&self, results: &[UnitResult], groups: Groups) -> Vec<RankEntry> {
        rank(results, &self.plan, groups)
    }
}

/// Unit ids seen in a batch (in Unicode NFC: `Hòa` written two ways is one id), with their
/// counts.
pub(crate) struct Duplicates<'a> {
    seen: HashMap<Cow<'a, str>, usize>,
}

impl<'a> Duplicates<'a> {
    /// Counts the ids of a batch's units, in any order (`None` for a unit without one).
    pub(crate) fn of_ids(ids: impl IntoIterator<Item = Option<&'a str>>) -> Self {
        let ids = ids.into_iter();
        let mut seen: HashMap<Cow<'a, str>, usize> = HashMap::with_capacity(ids.size_hint().0);
        for id in ids.flatten() {
            *seen.entry(nfc_key(id)).or_default() += 1;
        }
        Duplicates { seen }
    }

    /// Marks a result whose id another unit of the batch also has: an error (at the unit's place
    /// in its data file, `at`), no grade.
    pub(crate) fn mark(&self, r: &mut UnitResult, at: Option<Pos>) {
        let dup = r
            .unit
            .id
            .as_deref()
            .is_some_and(|id| self.seen.get(nfc_key(id).as_ref()).copied().unwrap_or(0) > 1);
        if dup {
            let id = r.unit.id.clone().unwrap_or_default();
            let mut issue = Issue::new(
                None,
                Code::DuplicateUnitId,
                crate::msg!("unit-duplicate-unit-id", id = crate::Arg::ident(id)),
            );
            issue.at = at;
            // The same error in every round: each is the unit as of that round.
            if let Some(rounds) = r.rounds.as_mut() {
                for round in &mut rounds.list {
                    round.errors.push(issue.clone());
                    round.status = UnitStatus::Error;
                    round.grade = None;
                }
            }
            r.errors.push(issue);
            r.status = UnitStatus::Error;
            r.grade = None;
        }
    }
}

/// The id in Unicode NFC, borrowed when it already is.
fn nfc_key(id: &str) -> Cow<'_, str> {
    match is_nfc_quick(id.chars()) {
        IsNormalized::Yes => Cow::Borrowed(id),
        _ => Cow::Owned(id.nfc().collect()),
    }
}

/// The units of a ranking group: (index, position in the batch).
type Members = Vec<(Decimal, usize)>;

/// Ranks complete units by index, highest first; ties share a rank and keep input order.
/// By kind, the kinds come in order of first appearance; by the ruleset's groups, the groups
/// in their declared order, then the implicit group "khác".
pub(crate) fn rank(
    results: &[UnitResult],
    plan: &crate::plan::Plan,
    grouping: Groups,
) -> Vec<RankEntry> {
    let mode = plan.ranking;
    let by_ruleset = grouping == Groups::Ruleset && !plan.groups.is_empty();
    // Groups in order of first appearance (by ruleset group: in declared order, the implicit
    // group last); a map finds a unit's group in constant time.
    let mut groups: Vec<(Option<usize>, Members)> = if by_ruleset {
        (0..=plan.groups.len())
            .map(|g| (Some(g), Vec::new()))
            .collect()
    } else {
        Vec::new()
    };
    let mut group_of: HashMap<Option<&str>, usize> = HashMap::new();
    for (i, r) in results.iter().enumerate() {
        let Some(index) = r.index else { continue };
        if !r.rankable() {
            continue;
        }
        let g = if by_ruleset {
            plan.group_of(r.unit.kind.as_deref()).unwrap_or(0)
        } else {
            let k = if grouping == Groups::Kind {
                r.unit.kind.as_deref()
            } else {
                None
            };
            *group_of.entry(k).or_insert_with(|| {
                groups.push((None, Vec::new()));
                groups.len() - 1
            })
        };
        if let Some((_, members)) = groups.get_mut(g) {
            members.push((index, i));
        }
    }
    let mut out = Vec::with_capacity(results.len());
    for (group, mut members) in groups {
        // Highest index first; a stable sort keeps ties in input order.
        members.sort_by(|a, b| crate::num::cmp(b.0, a.0));
        let mut prev: Option<Decimal> = None;
        let mut rank = 0u32;
        for (pos, &(idx, i)) in members.iter().enumerate() {
            if prev != Some(idx) {
                rank = match mode {
                    RankingMode::Competition => crate::syntax::ordinal(pos),
                    RankingMode::Dense => rank + 1,
                };
                prev = Some(idx);
            }
            out.push(RankEntry {
                rank,
                position: i,
                group,
            });
        }
    }
    out
}
