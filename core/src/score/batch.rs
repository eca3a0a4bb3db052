//! Scoring many units: each on its own (in parallel where it pays), then duplicate ids and the
//! ranking.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::error::{Code, Issue};
use crate::result::{BatchResult, RankEntry, UnitStatus};
use crate::ruleset::Ruleset;
use crate::types::RankingMode;
use crate::unit::Unit;

/// How to score a batch.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct BatchOptions {
    /// Rank each `kind` on its own.
    pub group_by_kind: bool,
}

impl BatchOptions {
    /// Ranking within each kind.
    pub fn grouped(group_by_kind: bool) -> Self {
        BatchOptions { group_by_kind }
    }
}

/// Batches smaller than this are scored on one thread.
#[cfg(feature = "parallel")]
const PARALLEL_MIN: usize = 256;

impl Ruleset {
    /// Scores one unit.
    pub fn score(&self, unit: &Unit) -> crate::result::UnitResult {
        super::score_unit(&self.plan, unit)
    }

    /// Scores a batch and ranks it (ranking over all units).
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
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            if units.len() >= PARALLEL_MIN {
                for chunk in units.chunks(4096) {
                    let part: Vec<_> = chunk.par_iter().map(|u| self.score(u)).collect();
                    results.extend(part);
                    progress(results.len());
                }
            }
        }
        if results.is_empty() {
            for (i, u) in units.iter().enumerate() {
                results.push(self.score(u));
                if i % 1024 == 1023 {
                    progress(results.len());
                }
            }
        }
        progress(results.len());

        // Duplicate ids.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for u in units {
            if let Some(id) = &u.id {
                *seen.entry(id.as_str()).or_default() += 1;
            }
        }
        for r in &mut results {
            let dup = r
                .unit
                .id
                .as_deref()
                .is_some_and(|id| seen.get(id).copied().unwrap_or(0) > 1);
            if dup {
                let id = r.unit.id.clone().unwrap_or_default();
                r.errors.push(Issue::new(
                    None,
                    Code::DuplicateUnitId,
                    format!(
                        "another unit of the batch also has the id `{id}`; unit ids must be unique"
                    ),
                ));
                r.status = UnitStatus::Error;
                r.grade = None;
            }
        }
        let ranking = rank(&results, self.plan.ranking, opts.group_by_kind);
        BatchResult {
            results,
            ranking,
            grouped: opts.group_by_kind,
        }
    }
}

/// Ranks complete units by index, highest first; ties share a rank and keep input order.
pub(crate) fn rank(
    results: &[crate::result::UnitResult],
    mode: RankingMode,
    grouped: bool,
) -> Vec<RankEntry> {
    let mut groups: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for (i, r) in results.iter().enumerate() {
        if r.status != UnitStatus::Complete || r.index.is_none() {
            continue;
        }
        let k = if grouped {
            r.unit.kind.as_deref()
        } else {
            None
        };
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, v)) => v.push(i),
            None => groups.push((k, vec![i])),
        }
    }
    let mut out = Vec::new();
    for (_, mut members) in groups {
        members.sort_by(|a, b| results[*b].index.cmp(&results[*a].index));
        let mut prev: Option<Decimal> = None;
        let mut rank = 0u32;
        for (pos, &i) in members.iter().enumerate() {
            let idx = results[i].index.unwrap_or_default();
            if prev != Some(idx) {
                rank = match mode {
                    RankingMode::Competition => pos as u32 + 1,
                    RankingMode::Dense => rank + 1,
                };
                prev = Some(idx);
            }
            out.push(RankEntry { rank, position: i });
        }
    }
    out
}
