//! The ranking and batch JSON, written once: `{"results": [...], "ranking": [...]}`.

use std::borrow::Borrow;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::i18n::{Lang, Localize};
use crate::result::{JsonOptions, Num, RankEntry, UnitResult};

/// Results written as the options ask.
struct Results<'a, R>(&'a [R], JsonOptions);

impl<R: Borrow<UnitResult>> Serialize for Results<'_, R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for r in self.0 {
            seq.serialize_element(&r.borrow().json(self.1))?;
        }
        seq.end()
    }
}

/// One line of the ranking as written in JSON: `{grade, id, index, kind, name, rank, total}`
/// (keys in this order; `grade` is the grade's id; absent values are `null`).
#[derive(Debug, Serialize)]
pub struct RankRow<'a> {
    grade: Option<&'a str>,
    /// The ranking group's id, when ranked by the ruleset's groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    id: Option<&'a str>,
    index: Option<Num>,
    kind: Option<&'a str>,
    name: Option<&'a str>,
    rank: u32,
    total: Num,
}

impl<'a> RankRow<'a> {
    /// The ranking line of a result at this rank.
    pub fn new(rank: u32, r: &'a UnitResult) -> Self {
        RankRow {
            grade: r.grade().map(|g| g.id),
            group: None,
            id: r.unit.id.as_deref(),
            index: r.index.map(Num),
            kind: r.unit.kind.as_deref(),
            name: r.unit.name.as_deref(),
            rank,
            total: Num(r.total),
        }
    }
}

impl<'a> RankRow<'a> {
    /// The ranking line of an entry of a ranking (with its group, if any).
    pub fn of_entry(e: &RankEntry, r: &'a UnitResult) -> Self {
        let mut row = RankRow::new(e.rank, r);
        row.group = e.group.map(|g| r.plan.group_id(g));
        row
    }
}

/// A ranking: its entries point into `results`; entries whose position is not in `results`
/// are skipped.
pub(crate) struct Ranking<'a, R> {
    pub(crate) results: &'a [R],
    pub(crate) ranking: &'a [RankEntry],
}

impl<R: Borrow<UnitResult>> Serialize for Ranking<'_, R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for e in self.ranking {
            if let Some(r) = self.results.get(e.position) {
                seq.serialize_element(&RankRow::of_entry(e, r.borrow()))?;
            }
        }
        seq.end()
    }
}

/// A batch in the spec's JSON shape, `{"results": [...], "ranking": [...]}`, over results held
/// by value or by reference (the CLI, Python and WASM all write it through this).
#[derive(Debug)]
pub struct BatchJson<'a, R> {
    /// The results, in input order.
    pub results: &'a [R],
    /// The ranking; positions index `results`.
    pub ranking: &'a [RankEntry],
}

impl<R: Borrow<UnitResult>> Serialize for BatchJson<'_, R> {
    /// With Vietnamese texts (see [`Localize`] for another language).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize_in(Lang::Vi, s)
    }
}

impl<R: Borrow<UnitResult>> Localize for BatchJson<'_, R> {
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error> {
        batch_json(self.results, self.ranking, JsonOptions::new(lang)).serialize(s)
    }
}

/// A batch in the spec's JSON shape with each result written as `opts` asks (see
/// [`JsonOptions`]): e.g. [`JsonOptions::summary`] for results without their criteria trees.
/// The ranking is the same whatever the options.
pub fn batch_json<'a, R: Borrow<UnitResult>>(
    results: &'a [R],
    ranking: &'a [RankEntry],
    opts: JsonOptions,
) -> BatchView<'a, R> {
    BatchView {
        results,
        ranking,
        opts,
    }
}

/// A batch written as JSON with [`JsonOptions`] (see [`batch_json`]).
#[derive(Debug)]
pub struct BatchView<'a, R> {
    results: &'a [R],
    ranking: &'a [RankEntry],
    opts: JsonOptions,
}

impl<R: Borrow<UnitResult>> Serialize for BatchView<'_, R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("results", &Results(self.results, self.opts))?;
        m.serialize_entry(
            "ranking",
            &Ranking {
                results: self.results,
                ranking: self.ranking,
            },
        )?;
        m.end()
    }
}

impl<R: Borrow<UnitResult>> BatchView<'_, R> {
    /// The compact JSON text: the same bytes as `serde_json::to_string`, each result written by
    /// [`ResultJson::write_into`](crate::ResultJson::write_into).
    ///
    /// # Errors
    ///
    /// None in practice (every key is text and every number finite); a serialisation error is
    /// returned rather than hidden.
    pub fn to_text(&self) -> Result<String, serde_json::Error> {
        let mut out = String::with_capacity(256 + 512 * self.results.len());
        out.push_str("{\"results\":[");
        for (i, r) in self.results.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            r.borrow().json(self.opts).write_into(&mut out)?;
        }
        out.push_str("],\"ranking\":");
        out.push_str(&serde_json::to_string(&Ranking {
            results: self.results,
            ranking: self.ranking,
        })?);
        out.push('}');
        Ok(out)
    }
}
