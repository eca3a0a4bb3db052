//! Units as JSON data (the format of docs/format.md), each value as the ruleset reads it: what a
//! page or a program that edits unit data needs after reading a workbook (the demo page's
//! "Mở tệp Excel", through the tools module).

use serde_json::{Map, Value as Json};

use crate::i18n::Lang;
use crate::inputs::{RawValue, Value};
use crate::ruleset::Ruleset;
use crate::unit::Unit;

/// An exact number as a JSON number (written exactly: `arbitrary_precision`).
fn number(d: rust_decimal::Decimal) -> Json {
    d.normalize()
        .to_string()
        .parse::<serde_json::Number>()
        .map_or_else(|_| Json::String(d.to_string()), Json::Number)
}

/// A raw value as JSON, without a ruleset: a cell's text stays text; a value that cannot be
/// used becomes the text of its problem (scoring then refuses it as text).
fn raw_json(raw: &RawValue, lang: Lang) -> Json {
    match raw {
        RawValue::Null => Json::Null,
        RawValue::Bool(b) => Json::Bool(*b),
        RawValue::Number(d) => number(*d),
        RawValue::Text(t) | RawValue::Cell(t) => Json::String(t.clone()),
        RawValue::Invalid(_, m) => Json::String(m.render(lang)),
    }
}

/// Points or a mark: a cell that is a number becomes one.
fn points_json(raw: &RawValue, lang: Lang) -> Json {
    match raw {
        RawValue::Cell(t) => {
            crate::inputs::parse_cell_number(t).map_or_else(|_| Json::String(t.clone()), number)
        }
        other => raw_json(other, lang),
    }
}

/// An input's value: under the input's name (a header written as its label is resolved), read
/// by its type (a boolean, an exact number, an option's id); `None` when missing. A value the
/// input refuses is kept as read, so that scoring reports it.
fn value_json(rs: &Ruleset, name: &str, raw: &RawValue, lang: Lang) -> Option<(String, Json)> {
    let plan = &rs.plan;
    let slot = plan
        .input_index
        .get(name)
        .copied()
        .or_else(|| match plan.inputs_labelled(name) {
            [one] => Some(*one),
            _ => None,
        });
    let Some(def) = slot.and_then(|s| plan.inputs.get(s)) else {
        return Some((name.to_string(), raw_json(raw, lang)));
    };
    let json = match def.read(raw) {
        Ok(None) => return None,
        Ok(Some(Value::Bool(b))) => Json::Bool(b),
        Ok(Some(Value::Num(d))) => number(d),
        Ok(Some(Value::Choice(i))) => match def.options.get(i) {
            Some(id) => Json::String(id.clone()),
            None => raw_json(raw, lang),
        },
        Err(_) => raw_json(raw, lang),
    };
    Some((def.name.clone(), json))
}

fn values_json(rs: &Ruleset, values: &[(String, RawValue)], lang: Lang) -> Map<String, Json> {
    values
        .iter()
        .filter_map(|(n, raw)| value_json(rs, n, raw, lang))
        .collect()
}

fn points_map(points: &[(String, RawValue)], lang: Lang) -> Map<String, Json> {
    points
        .iter()
        .map(|(id, raw)| (id.clone(), points_json(raw, lang)))
        .collect()
}

fn texts_map(texts: &[(String, String)]) -> Map<String, Json> {
    texts
        .iter()
        .map(|(id, t)| (id.clone(), Json::String(t.clone())))
        .collect()
}

fn put(m: &mut Map<String, Json>, key: &str, v: Map<String, Json>) {
    if !v.is_empty() {
        m.insert(key.to_string(), Json::Object(v));
    }
}

fn list(items: &[String]) -> Json {
    Json::Array(items.iter().cloned().map(Json::String).collect())
}

/// The units as JSON unit data (an array, docs/format.md): `id`, `name`, `kind`, `values` (each
/// read by its input's type, under the input's name), `not_applicable`, `self_assessed`,
/// `points`, `notes`, `evidence`, `explanations` and `rounds`, the empty ones left out. A value
/// the ruleset cannot read is kept as its text (a date cell: the text of its problem, in
/// `lang`), so that scoring the JSON reports it; problems of the unit's reading (an unknown
/// column's shape…) are not carried.
pub fn units_json(rs: &Ruleset, units: &[Unit], lang: Lang) -> Json {
    Json::Array(units.iter().map(|u| unit_json(rs, u, lang)).collect())
}

fn unit_json(rs: &Ruleset, u: &Unit, lang: Lang) -> Json {
    let mut m = Map::new();
    let text = |t: &Option<String>| t.clone().map(Json::String);
    for (key, v) in [("id", &u.id), ("name", &u.name), ("kind", &u.kind)] {
        if let Some(v) = text(v) {
            m.insert(key.to_string(), v);
        }
    }
    put(&mut m, "values", values_json(rs, &u.values, lang));
    if !u.not_applicable.is_empty() {
        m.insert("not_applicable".into(), list(&u.not_applicable));
    }
    put(&mut m, "self_assessed", points_map(&u.self_assessed, lang));
    put(&mut m, "points", points_map(&u.points, lang));
    put(&mut m, "notes", texts_map(&u.notes));
    put(
        &mut m,
        "evidence",
        u.evidence
            .iter()
            .map(|(id, docs)| (id.clone(), list(docs)))
            .collect(),
    );
    put(&mut m, "explanations", texts_map(&u.explanations));
    let rounds: Map<String, Json> = u
        .rounds
        .iter()
        .map(|r| {
            let mut b = Map::new();
            put(&mut b, "values", values_json(rs, &r.values, lang));
            if let Some(na) = &r.not_applicable {
                b.insert("not_applicable".into(), list(na));
            }
            put(&mut b, "points", points_map(&r.points, lang));
            put(&mut b, "notes", texts_map(&r.notes));
            (r.id.clone(), Json::Object(b))
        })
        .collect();
    put(&mut m, "rounds", rounds);
    Json::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DataFormat;

    /// A CSV's units as JSON score as the CSV does (the same figures, every unit).
    #[test]
    fn units_as_json_score_as_read() {
        let rs = Ruleset::load(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../rules/ha-noi/thach-that/xa-thi-tran/2021.yaml"
        ))
        .unwrap();
        let csv = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/thach-that-2021/xa-thi-tran.csv"
        ))
        .unwrap();
        let units = crate::read_units(&csv, DataFormat::Csv, "x.csv").unwrap();
        let json = units_json(&rs, &units, Lang::Vi).to_string();
        let again = crate::read_units(&json, DataFormat::Json, "x.json").unwrap();
        let a = rs.score_batch(&units);
        let b = rs.score_batch(&again);
        assert_eq!(a.results.len(), b.results.len());
        for (x, y) in a.results.iter().zip(&b.results) {
            assert_eq!((x.total, x.index, x.status), (y.total, y.index, y.status));
            assert_eq!(x.errors.len(), y.errors.len(), "{:?}", x.unit);
        }
        // Typed: a choice by its id, numbers as numbers.
        let first = &units_json(&rs, &units[..1], Lang::Vi)[0];
        assert!(
            first["values"]
                .as_object()
                .unwrap()
                .values()
                .all(|v| !v.is_null())
        );
    }

    #[test]
    fn cells_are_read_by_type_and_labels_resolved() {
        let rs = Ruleset::load(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../rules/examples/spec-example.yaml"
        ))
        .unwrap();
        let u = Unit::new("a")
            .with_value("kh_ban_hanh_dung_han", RawValue::Cell("có".into()))
            .with_value(
                "tỷ lệ hoàn thành kế hoạch CCHC",
                RawValue::Cell("92,5".into()),
            )
            .with_value("so_bao_cao_tre", RawValue::Cell("hai".into()))
            .with_value("khong_co", RawValue::Cell("x".into()));
        let j = units_json(&rs, &[u], Lang::En);
        let v = &j[0]["values"];
        assert_eq!(v["kh_ban_hanh_dung_han"], Json::Bool(true));
        assert_eq!(v["ty_le_hoan_thanh_kh"].to_string(), "92.5");
        // Refused values are kept as read; unknown names too.
        assert_eq!(v["so_bao_cao_tre"], Json::String("hai".into()));
        assert_eq!(v["khong_co"], Json::String("x".into()));
        assert_eq!(j[0]["id"], Json::String("a".into()));
    }
}
