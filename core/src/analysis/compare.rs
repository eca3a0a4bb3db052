//! Comparison of two results files (issue #13, item 4): the JSON `cchc score --format json`
//! writes (`{"results": [...], "ranking": [...]}`), of the same or different rulesets. Units
//! are matched by id (Unicode NFC), areas (top-level criteria) by id within matched units.
//! Numbers are read exactly from their JSON text.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde_json::Value;

use super::sensitivity::json_decimal;
use super::{num, opt_num, option_error};
use crate::error::{Code, Error};
use crate::i18n::{Arg, Lang};
use crate::msg;

/// One side of a unit's comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Side {
    /// Status (`complete`, `incomplete`, `error`).
    pub status: String,
    /// Index.
    pub index: Option<Decimal>,
    /// Rank (when ranked).
    pub rank: Option<u32>,
    /// Grade id.
    pub grade: Option<String>,
    /// Grade label.
    pub grade_label: Option<String>,
}

/// A top-level criterion (area) of a unit in both files, or in one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaChange {
    /// Criterion id.
    pub id: String,
    /// Title (from the second file when it has it).
    pub title: String,
    /// (points, max) in the first file.
    pub a: Option<(Decimal, Decimal)>,
    /// (points, max) in the second file.
    pub b: Option<(Decimal, Decimal)>,
}

impl AreaChange {
    /// Points in the second file minus the first (both present).
    pub fn change(&self) -> Option<Decimal> {
        let (a, b) = (self.a?, self.b?);
        b.0.checked_sub(a.0)
    }
}

/// A unit in both files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitChange {
    /// Unit id.
    pub id: String,
    /// Name (second file's, else the first's).
    pub name: Option<String>,
    /// Kind (second file's, else the first's).
    pub kind: Option<String>,
    /// The first file's figures.
    pub a: Side,
    /// The second file's figures.
    pub b: Side,
    /// Areas, in the first file's order, then those only in the second.
    pub areas: Vec<AreaChange>,
}

impl UnitChange {
    /// Index change (second − first).
    pub fn index_change(&self) -> Option<Decimal> {
        self.b.index?.checked_sub(self.a.index?)
    }

    /// Places gained (first rank − second rank: positive moved up).
    pub fn rank_change(&self) -> Option<i64> {
        Some(i64::from(self.a.rank?) - i64::from(self.b.rank?))
    }

    /// The grade differs.
    pub fn grade_changed(&self) -> bool {
        self.a.grade != self.b.grade
    }
}

/// A unit found in one file only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnlyIn {
    /// Unit id.
    pub id: String,
    /// Name.
    pub name: Option<String>,
    /// Its figures there.
    pub side: Side,
}

/// The comparison of two results files.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The rulesets (`id`, `version`, `fingerprint`) of the two files, as written in their
    /// first results.
    pub rulesets: [Option<(String, String, String)>; 2],
    /// Units in both, in the first file's order.
    pub units: Vec<UnitChange>,
    /// Units only in the first file.
    pub only_a: Vec<OnlyIn>,
    /// Units only in the second file.
    pub only_b: Vec<OnlyIn>,
    /// Units without an id, skipped (first, second file).
    pub without_id: [usize; 2],
}

/// A unit read from a results file.
struct Read {
    id: String,
    name: Option<String>,
    kind: Option<String>,
    side: Side,
    areas: Vec<ReadArea>,
}

/// An area as read: id, title, (points, max).
type ReadArea = (String, String, Option<(Decimal, Decimal)>);

fn shape_error(file: &str, what: &str) -> Error {
    option_error(
        Code::DataShape,
        file,
        msg!("analysis-cmp-bad-shape", what = Arg::ident(what)),
        msg!("analysis-cmp-bad-shape-help"),
    )
}

fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

/// Reads one results file's units (and its ruleset's identity).
#[allow(clippy::type_complexity, reason = "a private reader's tuple")]
fn read(
    v: &Value,
    file: &str,
) -> Result<(Vec<Read>, usize, Option<(String, String, String)>), Error> {
    let results = v
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| shape_error(file, "results"))?;
    let ranking = v.get("ranking").and_then(Value::as_array);
    // Ranking entries name units by id; the first result with that id gets the rank.
    let mut rank_by_id: HashMap<String, u32> = HashMap::new();
    for e in ranking.into_iter().flatten() {
        let rank = e
            .get("rank")
            .and_then(Value::as_u64)
            .and_then(|r| u32::try_from(r).ok())
            .ok_or_else(|| shape_error(file, "ranking[].rank"))?;
        if let Some(id) = text(e.get("id")) {
            rank_by_id
                .entry(crate::text::nfc_cow(&id).into_owned())
                .or_insert(rank);
        }
    }
    let mut out = Vec::with_capacity(results.len());
    let mut without = 0usize;
    let mut ruleset = None;
    for r in results {
        if !r.is_object() {
            return Err(shape_error(file, "results[]"));
        }
        if ruleset.is_none() {
            let rs = r.get("ruleset");
            let field = |k: &str| text(rs.and_then(|x| x.get(k))).unwrap_or_default();
            ruleset = rs.map(|_| (field("id"), field("version"), field("fingerprint")));
        }
        let unit = r.get("unit");
        let Some(id) = text(unit.and_then(|u| u.get("id"))) else {
            without += 1;
            continue;
        };
        let id = crate::text::nfc_cow(&id).into_owned();
        let status = text(r.get("status")).ok_or_else(|| shape_error(file, "results[].status"))?;
        let index = match r.get("index") {
            None | Some(Value::Null) => None,
            Some(x) => Some(json_decimal(x).ok_or_else(|| shape_error(file, "results[].index"))?),
        };
        let grade = r.get("grade");
        let mut areas = Vec::new();
        for c in r
            .get("criteria")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(cid) = text(c.get("id")) else {
                return Err(shape_error(file, "results[].criteria[].id"));
            };
            let pm = match (
                c.get("points").and_then(json_decimal),
                c.get("max").and_then(json_decimal),
            ) {
                (Some(p), Some(m)) => Some((p, m)),
                _ => None,
            };
            areas.push((
                crate::text::nfc_cow(&cid).into_owned(),
                text(c.get("title")).unwrap_or_default(),
                pm,
            ));
        }
        out.push(Read {
            side: Side {
                status,
                index,
                rank: rank_by_id.get(&id).copied(),
                grade: text(grade.and_then(|g| g.get("id"))),
                grade_label: text(grade.and_then(|g| g.get("label"))),
            },
            name: text(unit.and_then(|u| u.get("name"))),
            kind: text(unit.and_then(|u| u.get("kind"))),
            id,
            areas,
        });
    }
    Ok((out, without, ruleset))
}

/// Compares two results files given as JSON values (`a` earlier, `b` later); `files` name
/// them in errors.
///
/// # Errors
///
/// A value that is not a results file (`data_shape`).
pub fn compare_values(a: &Value, b: &Value, files: [&str; 2]) -> Result<Comparison, Error> {
    let (ra, wa, rsa) = read(a, files[0])?;
    let (rb, wb, rsb) = read(b, files[1])?;
    let mut in_b: HashMap<&str, usize> = HashMap::with_capacity(rb.len());
    for (k, u) in rb.iter().enumerate() {
        in_b.entry(u.id.as_str()).or_insert(k);
    }
    let mut used = vec![false; rb.len()];
    let mut seen_a: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut units = Vec::new();
    let mut only_a = Vec::new();
    for u in &ra {
        if !seen_a.insert(u.id.as_str()) {
            continue;
        }
        let Some((k, v)) = in_b.get(u.id.as_str()).and_then(|&k| Some((k, rb.get(k)?))) else {
            only_a.push(OnlyIn {
                id: u.id.clone(),
                name: u.name.clone(),
                side: u.side.clone(),
            });
            continue;
        };
        if let Some(f) = used.get_mut(k) {
            *f = true;
        }
        let mut areas: Vec<AreaChange> = u
            .areas
            .iter()
            .map(|(id, title, pm)| {
                let other = v.areas.iter().find(|(x, _, _)| x == id);
                AreaChange {
                    id: id.clone(),
                    title: other
                        .map(|o| o.1.clone())
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| title.clone()),
                    a: *pm,
                    b: other.and_then(|o| o.2),
                }
            })
            .collect();
        for (id, title, pm) in &v.areas {
            if !u.areas.iter().any(|(x, _, _)| x == id) {
                areas.push(AreaChange {
                    id: id.clone(),
                    title: title.clone(),
                    a: None,
                    b: *pm,
                });
            }
        }
        units.push(UnitChange {
            id: u.id.clone(),
            name: v.name.clone().or_else(|| u.name.clone()),
            kind: v.kind.clone().or_else(|| u.kind.clone()),
            a: u.side.clone(),
            b: v.side.clone(),
            areas,
        });
    }
    let mut seen_b: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let only_b = rb
        .iter()
        .zip(&used)
        .filter(|(v, used)| {
            !**used && !seen_a.contains(v.id.as_str()) && seen_b.insert(v.id.as_str())
        })
        .map(|(v, _)| OnlyIn {
            id: v.id.clone(),
            name: v.name.clone(),
            side: v.side.clone(),
        })
        .collect();
    Ok(Comparison {
        rulesets: [rsa, rsb],
        units,
        only_a,
        only_b,
        without_id: [wa, wb],
    })
}

/// Compares two results files' contents (JSON text), named `files` in errors.
///
/// # Errors
///
/// Text that is not JSON (`data_syntax`) or not a results file (`data_shape`).
pub fn compare_results(a: &[u8], b: &[u8], files: [&str; 2]) -> Result<Comparison, Error> {
    let parse = |t: &[u8], f: &str| -> Result<Value, Error> {
        serde_json::from_slice(t).map_err(|e| {
            option_error(
                Code::DataSyntax,
                f,
                msg!("analysis-cmp-not-json", detail = e.to_string()),
                msg!("analysis-cmp-bad-shape-help"),
            )
        })
    };
    compare_values(&parse(a, files[0])?, &parse(b, files[1])?, files)
}

/// JSON in, JSON out (for the bindings): two results files' texts, the comparison's JSON.
///
/// # Errors
///
/// As [`compare_results`].
pub fn compare_json(a: &str, b: &str, lang: Lang) -> Result<String, Error> {
    Ok(compare_results(a.as_bytes(), b.as_bytes(), ["a", "b"])?
        .to_json(lang)
        .to_string())
}

fn side_json(s: &Side) -> Value {
    serde_json::json!({
        "status": s.status,
        "index": opt_num(s.index),
        "rank": s.rank,
        "grade": s.grade,
    })
}

fn pm_json(pm: Option<(Decimal, Decimal)>) -> Value {
    pm.map_or(
        Value::Null,
        |(p, m)| serde_json::json!({"points": num(p), "max": num(m)}),
    )
}

/// Places of the changes shown in text (the files do not say their ruleset's places).
const TEXT_PLACES: u32 = 2;

impl Comparison {
    /// True when every matched unit is unchanged and no unit is in one file only.
    pub fn is_unchanged(&self) -> bool {
        self.only_a.is_empty()
            && self.only_b.is_empty()
            && self
                .units
                .iter()
                .all(|u| u.a == u.b && u.areas.iter().all(|a| a.a == a.b))
    }

    /// The comparison as JSON (shape in `docs/analysis.md`).
    pub fn to_json(&self, lang: Lang) -> Value {
        use serde_json::json;
        let rs = |r: &Option<(String, String, String)>| {
            r.as_ref().map_or(
                Value::Null,
                |(id, v, f)| json!({"id": id, "version": v, "fingerprint": f}),
            )
        };
        let same = match &self.rulesets {
            [Some(a), Some(b)] => a.2 == b.2,
            _ => false,
        };
        let only = |v: &[OnlyIn]| -> Vec<Value> {
            v.iter()
                .map(|o| json!({"id": o.id, "name": o.name, "figures": side_json(&o.side)}))
                .collect()
        };
        json!({
            "rulesets": [rs(&self.rulesets[0]), rs(&self.rulesets[1])],
            "same_ruleset": same,
            "units": self.units.iter().map(|u| json!({
                "id": u.id,
                "name": u.name,
                "kind": u.kind,
                "a": side_json(&u.a),
                "b": side_json(&u.b),
                "index_change": opt_num(u.index_change()),
                "rank_change": u.rank_change(),
                "grade_changed": u.grade_changed(),
                "areas": u.areas.iter().map(|a| json!({
                    "id": a.id,
                    "title": a.title,
                    "a": pm_json(a.a),
                    "b": pm_json(a.b),
                    "change": opt_num(a.change()),
                    "matched": a.a.is_some() && a.b.is_some(),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "only_a": only(&self.only_a),
            "only_b": only(&self.only_b),
            "without_id": self.without_id,
            "unchanged": self.is_unchanged(),
            "text": self.summary_text(lang),
        })
    }

    /// One sentence: how many units matched, changed, and are in one file only.
    pub fn summary_text(&self, lang: Lang) -> String {
        let changed = self
            .units
            .iter()
            .filter(|u| u.a != u.b || u.areas.iter().any(|a| a.a != a.b))
            .count();
        msg!(
            "analysis-cmp-summary",
            matched = self.units.len(),
            changed = changed,
            only_a = self.only_a.len(),
            only_b = self.only_b.len()
        )
        .render(lang)
    }

    /// The comparison as text for people, in `lang`.
    pub fn to_text(&self, lang: Lang) -> String {
        let safe = |s: &str| crate::present::terminal_safe(s).into_owned();
        let opt =
            |d: Option<Decimal>| d.map_or_else(|| Arg::Text("-".into()), |d| Arg::fixed(d, 0));
        let signed = |d: Option<Decimal>| -> Arg {
            match d {
                None => Arg::Text("-".into()),
                Some(d) if d.is_sign_positive() && !d.is_zero() => {
                    Arg::Text(format!("+{}", crate::i18n::number(d, TEXT_PLACES, lang)))
                }
                Some(d) => Arg::fixed(d, TEXT_PLACES),
            }
        };
        let rank = |r: Option<u32>| r.map_or_else(|| Arg::Text("-".into()), Arg::from);
        let grade = |s: &Side| {
            Arg::Text(safe(
                s.grade_label
                    .as_deref()
                    .or(s.grade.as_deref())
                    .unwrap_or("-"),
            ))
        };
        let mut out = String::new();
        if let [Some(a), Some(b)] = &self.rulesets {
            if a.2 != b.2 {
                out.push_str(
                    &msg!(
                        "analysis-cmp-rulesets",
                        a = Arg::ident(format!("{} {}", a.0, a.1)),
                        b = Arg::ident(format!("{} {}", b.0, b.1))
                    )
                    .render(lang),
                );
                out.push('\n');
            }
        }
        for u in &self.units {
            let label = match &u.name {
                Some(n) => format!("{} ({})", safe(n), safe(&u.id)),
                None => safe(&u.id),
            };
            out.push_str(
                &msg!(
                    "analysis-cmp-unit",
                    unit = label,
                    index_a = opt(u.a.index),
                    index_b = opt(u.b.index),
                    index_change = signed(u.index_change()),
                    rank_a = rank(u.a.rank),
                    rank_b = rank(u.b.rank),
                    grade_a = grade(&u.a),
                    grade_b = grade(&u.b)
                )
                .render(lang),
            );
            out.push('\n');
            for a in &u.areas {
                let line = match (a.a, a.b) {
                    (Some(x), Some(y)) if x == y => continue,
                    (Some(x), Some(y)) => msg!(
                        "analysis-cmp-area",
                        id = Arg::ident(safe(&a.id)),
                        a = Arg::fixed(x.0, 0),
                        b = Arg::fixed(y.0, 0),
                        change = signed(a.change())
                    ),
                    (None, _) => msg!("analysis-cmp-area-only-b", id = Arg::ident(safe(&a.id))),
                    (_, None) => msg!("analysis-cmp-area-only-a", id = Arg::ident(safe(&a.id))),
                };
                out.push_str("    ");
                out.push_str(&line.render(lang));
                out.push('\n');
            }
        }
        if !self.only_a.is_empty() {
            out.push_str(
                &msg!(
                    "analysis-cmp-only-a",
                    units = Arg::idents(self.only_a.iter().map(|o| safe(&o.id)))
                )
                .render(lang),
            );
            out.push('\n');
        }
        if !self.only_b.is_empty() {
            out.push_str(
                &msg!(
                    "analysis-cmp-only-b",
                    units = Arg::idents(self.only_b.iter().map(|o| safe(&o.id)))
                )
                .render(lang),
            );
            out.push('\n');
        }
        out.push_str(&self.summary_text(lang));
        out.push('\n');
        out
    }

    /// The comparison as CSV: a row per unit (in both files, then only in the first, then
    /// only in the second), machine column names, decimal points; each area's points as
    /// `<id>:a`, `<id>:b`, `<id>:change` (areas in order of first appearance).
    ///
    /// # Errors
    ///
    /// Writing failed.
    pub fn write_csv(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut area_ids: Vec<&str> = Vec::new();
        for u in &self.units {
            for a in &u.areas {
                if !area_ids.contains(&a.id.as_str()) {
                    area_ids.push(&a.id);
                }
            }
        }
        let mut w = csv::Writer::from_writer(out);
        let mut head: Vec<String> = [
            "id",
            "name",
            "kind",
            "status_a",
            "status_b",
            "index_a",
            "index_b",
            "index_change",
            "rank_a",
            "rank_b",
            "rank_change",
            "grade_a",
            "grade_b",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        for id in &area_ids {
            let id = crate::present::spreadsheet_safe(id);
            head.push(format!("{id}:a"));
            head.push(format!("{id}:b"));
            head.push(format!("{id}:change"));
        }
        w.write_record(&head)?;
        let d = |x: Option<Decimal>| x.map(crate::present::number).unwrap_or_default();
        let cell = |s: Option<&str>| crate::present::spreadsheet_safe(s.unwrap_or("")).into_owned();
        let side_cells = |a: Option<&Side>, b: Option<&Side>| -> Vec<String> {
            vec![
                cell(a.map(|s| s.status.as_str())),
                cell(b.map(|s| s.status.as_str())),
                d(a.and_then(|s| s.index)),
                d(b.and_then(|s| s.index)),
                d(a.and_then(|s| s.index)
                    .zip(b.and_then(|s| s.index))
                    .and_then(|(x, y)| y.checked_sub(x))),
                a.and_then(|s| s.rank)
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
                b.and_then(|s| s.rank)
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
                a.and_then(|s| s.rank)
                    .zip(b.and_then(|s| s.rank))
                    .map(|(x, y)| (i64::from(x) - i64::from(y)).to_string())
                    .unwrap_or_default(),
                cell(a.and_then(|s| s.grade.as_deref())),
                cell(b.and_then(|s| s.grade.as_deref())),
            ]
        };
        for u in &self.units {
            let mut row = vec![
                cell(Some(&u.id)),
                cell(u.name.as_deref()),
                cell(u.kind.as_deref()),
            ];
            row.extend(side_cells(Some(&u.a), Some(&u.b)));
            for id in &area_ids {
                let a = u.areas.iter().find(|a| a.id == *id);
                row.push(d(a.and_then(|a| a.a).map(|x| x.0)));
                row.push(d(a.and_then(|a| a.b).map(|x| x.0)));
                row.push(d(a.and_then(AreaChange::change)));
            }
            w.write_record(&row)?;
        }
        for (o, first) in self
            .only_a
            .iter()
            .map(|o| (o, true))
            .chain(self.only_b.iter().map(|o| (o, false)))
        {
            let mut row = vec![cell(Some(&o.id)), cell(o.name.as_deref()), String::new()];
            if first {
                row.extend(side_cells(Some(&o.side), None));
            } else {
                row.extend(side_cells(None, Some(&o.side)));
            }
            row.extend(std::iter::repeat_n(String::new(), area_ids.len() * 3));
            w.write_record(&row)?;
        }
        w.flush()
    }
}
