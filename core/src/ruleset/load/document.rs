//! The top level of a rule file: identity, `effective`, `total`, `rounding`, policies.

use rust_decimal::Decimal;

use super::Loader;
use super::read::{end_of, key, what};
use crate::error::{Code, Pos};
use crate::i18n::Arg;
use crate::msg;
use crate::ruleset::model::{Effective, Rounding, RulesetDoc};
use crate::syntax::{MapReader, Node};

/// Keys of the top-level mapping.
const TOP_KEYS: &[&str] = &[
    "format",
    "id",
    "version",
    "title",
    "issued_by",
    "status",
    "effective",
    "total",
    "rounding",
    "on_missing",
    "ranking",
    "inputs",
    "parameters",
    "grades",
    "rounds",
    "criteria",
    "tests",
];

impl Loader<'_> {
    /// The whole document.
    pub(crate) fn document(&mut self, root: Option<&Node>) -> Option<RulesetDoc> {
        let Some(root) = root else {
            self.err(
                Code::MissingKey,
                Pos { line: 1, column: 1 },
                msg!("load-empty-file"),
            );
            return None;
        };
        let ruleset = what(msg!("load-what-ruleset"));
        let mut r = self.map(root, &ruleset)?;
        let format = self.format(&mut r, root);
        let id = self.required_text(&mut r, root, "id");
        if let Some(id) = &id {
            let at = r.get("id").map_or(root.pos, |n| n.pos);
            self.check_id(id, at, &what(msg!("load-what-ruleset-id")));
        }
        let version = self.required_text(&mut r, root, "version");
        let title = self.required_text(&mut r, root, "title");
        let issued_by = r
            .get("issued_by")
            .and_then(|n| self.text(n, &key("issued_by")));
        let status = r.get("status").and_then(|n| self.keyword(n));
        let effective = r.get("effective").and_then(|n| self.effective(n));
        let total_node = self.required(&mut r, "total", root.pos, &ruleset);
        let total_pos = total_node.map(|n| n.pos).unwrap_or(root.pos);
        let total = total_node.and_then(|n| self.number(n, &key("total")));
        let rounding = r.get("rounding").and_then(|n| self.rounding(n));
        let on_missing = r.get("on_missing").and_then(|n| self.keyword(n));
        let ranking = r.get("ranking").and_then(|n| self.ranking(n));
        let inputs = r.get("inputs").map(|n| self.inputs(n)).unwrap_or_default();
        let parameters_key = r.key_pos("parameters");
        let params_node = r.get("parameters");
        let parameters = params_node.map(|n| self.parameters(n)).unwrap_or_default();
        let grades = r.get("grades").map(|n| self.grades(n)).unwrap_or_default();
        let rounds = r.get("rounds").map(|n| self.rounds(n)).unwrap_or_default();
        let criteria = self.required(&mut r, "criteria", root.pos, &ruleset);
        let (criteria, criteria_complete) = match criteria {
            Some(n) => self.node_list(n, 1),
            None => (Vec::new(), false),
        };
        let tests = r.get("tests").map(|n| self.tests(n)).unwrap_or_default();
        self.finish(&r, TOP_KEYS, &what(msg!("load-what-the-ruleset")));
        Some(RulesetDoc {
            format: format?,
            id: id?,
            version: version?,
            title: title?,
            issued_by,
            status,
            effective,
            total: total?,
            rounding,
            on_missing,
            ranking,
            inputs: inputs.0,
            broken_inputs: inputs.1.into_iter().chain(parameters.1).collect(),
            parameters: parameters.0,
            parameters_pos: params_node.and(parameters_key),
            broken: self.broken.clone(),
            grades,
            rounds,
            criteria,
            criteria_incomplete: !criteria_complete,
            tests,
            total_pos,
        })
    }

    /// A required top-level text.
    fn required_text(&mut self, r: &mut MapReader<'_>, root: &Node, key: &str) -> Option<String> {
        self.required(r, key, root.pos, &what(msg!("load-what-ruleset")))
            .and_then(|n| self.text(n, &Arg::ident(key)))
    }

    /// `format: cchc/1`.
    fn format(&mut self, r: &mut MapReader<'_>, root: &Node) -> Option<String> {
        let n = self.required(r, "format", root.pos, &what(msg!("load-what-ruleset")))?;
        let f = self.text(n, &key("format"))?;
        if f != "cchc/1" {
            let mut d = self
                .diagnostic(
                    Code::UnsupportedFormat,
                    n.pos,
                    msg!("load-unsupported-format", format = Arg::ident(f.as_str())),
                )
                .with_help(msg!("load-unsupported-format-help"));
            if let Some(end) = end_of(n) {
                d = d.with_end(end);
            }
            self.push(d);
        }
        Some(f)
    }

    /// `rounding: { places }`.
    fn rounding(&mut self, n: &Node) -> Option<Rounding> {
        let mut m = self.map(n, &key("rounding"))?;
        let p = self.required(&mut m, "places", n.pos, &key("rounding"))?;
        self.finish(&m, &["places"], &key("rounding"));
        let d = self.number(p, &key("rounding.places"))?;
        match u32::try_from(d)
            .ok()
            .filter(|v| Decimal::from(*v) == d && *v <= 10)
        {
            Some(places) => Some(Rounding { places }),
            None => {
                self.err_at(Code::InvalidValue, p, msg!("load-rounding-places"));
                None
            }
        }
    }

    /// `effective: { from, to }`.
    fn effective(&mut self, n: &Node) -> Option<Effective> {
        let mut m = self.map(n, &key("effective"))?;
        let from = m.get("from").and_then(|v| self.date(v));
        let to = m.get("to").and_then(|v| self.date(v));
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                self.err(
                    Code::InvalidValue,
                    n.pos,
                    msg!("load-effective-order", from = f, to = t),
                );
            }
        }
        self.finish(&m, &["from", "to"], &key("effective"));
        Some(Effective { from, to })
    }

    /// A date written YYYY-MM-DD; a day that does not exist (2021-02-30) is a warning.
    fn date(&mut self, v: &Node) -> Option<String> {
        let t = self.text(v, &what(msg!("load-what-date")))?;
        let Some((y, m, d)) = split_date(&t) else {
            self.err_at(
                Code::InvalidValue,
                v,
                msg!("load-not-a-date", text = Arg::ident(t.as_str())),
            );
            return None;
        };
        if d > days_in_month(y, m) {
            let mut w = self
                .diagnostic(
                    Code::InvalidDate,
                    v.pos,
                    msg!(
                        "load-date-not-in-calendar",
                        text = Arg::ident(t.as_str()),
                        days = days_in_month(y, m)
                    ),
                )
                .with_help(msg!("load-date-not-in-calendar-help"));
            if let Some(end) = end_of(v) {
                w = w.with_end(end);
            }
            self.warn(w);
        }
        Some(t)
    }
}

/// Year, month (1–12) and day (1–31) of a `YYYY-MM-DD` text.
fn split_date(t: &str) -> Option<(u32, u32, u32)> {
    let b = t.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    let y = t.get(0..4)?.parse().ok()?;
    let m = t.get(5..7)?.parse().ok()?;
    let d = t.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Days in a month of the Gregorian calendar.
fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::RulesetStatus;
    use crate::{Ruleset, Unit};

    /// A small ruleset with this extra top-level text.
    fn with_top(extra: &str) -> String {
        format!(
            "format: cchc/1\nid: t\nversion: \"1\"\ntitle: T\n{extra}total: 1\ninputs: {{ b: {{ type: bool }} }}\ncriteria: [ {{ id: \"1\", title: A, max: 1, rule: {{ check: b }} }} ]\n"
        )
    }

    #[test]
    fn status_words_and_the_draft_default() {
        let load = |extra: &str| Ruleset::from_yaml_str(&with_top(extra), "t.yaml");
        assert_eq!(load("").unwrap().status(), RulesetStatus::Draft);
        for (word, want) in [
            ("official", RulesetStatus::Official),
            ("draft", RulesetStatus::Draft),
            ("illustrative", RulesetStatus::Illustrative),
        ] {
            assert_eq!(load(&format!("status: {word}\n")).unwrap().status(), want);
        }
        // Part of the fingerprint; writing the default explicitly counts too (D57).
        let fps: std::collections::HashSet<String> = ["", "status: draft\n", "status: official\n"]
            .iter()
            .map(|e| load(e).unwrap().fingerprint().to_string())
            .collect();
        assert_eq!(fps.len(), 3);
        // An unknown word: invalid_value at the word, with the nearest one.
        let e = load("status: ilustrative\n").unwrap_err();
        let d = &e.diagnostics()[0];
        assert_eq!((d.code, d.line, d.column), (Code::InvalidValue, 5, 9));
        assert!(
            d.help
                .as_ref()
                .is_some_and(|h| h.render(crate::Lang::En).contains("illustrative")),
            "{d:?}"
        );
        assert_eq!(
            load("status: [a]\n").unwrap_err().diagnostics()[0].code,
            Code::WrongType
        );
    }

    #[test]
    fn results_name_the_status_and_the_issuer() {
        let rs = Ruleset::from_yaml_str(
            &with_top("issued_by: UBND huyện Thạch Thất\nstatus: illustrative\n"),
            "t.yaml",
        )
        .unwrap();
        assert_eq!(rs.issued_by(), Some("UBND huyện Thạch Thất"));
        let r = rs.score(&Unit::new("a"));
        let json = serde_json::to_value(&r).unwrap();
        let block = &json["ruleset"];
        assert_eq!(block["status"], "illustrative");
        assert_eq!(block["issued_by"], "UBND huyện Thạch Thất");
        assert_eq!(block["id"], "t");
        let text = serde_json::to_string(&r).unwrap();
        assert!(
            text.starts_with(&format!(
                r#"{{"ruleset":{{"fingerprint":"{}","id":"t","issued_by":"UBND huyện Thạch Thất","status":"illustrative","version":"1"}}"#,
                rs.fingerprint()
            )),
            "{text}"
        );
        let plain = Ruleset::from_yaml_str(&with_top(""), "t.yaml").unwrap();
        let json = serde_json::to_value(plain.score(&Unit::new("a"))).unwrap();
        assert_eq!(json["ruleset"]["status"], "draft");
        assert_eq!(json["ruleset"]["issued_by"], serde_json::Value::Null);
    }

    #[test]
    fn calendar() {
        assert_eq!(split_date("2021-02-30"), Some((2021, 2, 30)));
        assert_eq!(split_date("2021-13-01"), None);
        assert_eq!(split_date("2021-1-01"), None);
        assert_eq!(days_in_month(2021, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2021, 4), 30);
        assert_eq!(days_in_month(2021, 12), 31);
    }
}
