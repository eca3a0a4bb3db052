//! `inputs:`: the data dictionary.

use std::collections::{HashMap, HashSet};

use super::Loader;
use super::read::{end_of, key, what};
use crate::Arg;
use crate::error::{Code, Label};
use crate::inputs::label_key;
use crate::msg;
use crate::ruleset::model::{InputDecl, OptionsDecl};
use crate::syntax::{Node, Value};
use crate::text::nfc;

/// Keys of an input declaration.
const INPUT_KEYS: &[&str] = &[
    "type",
    "label",
    "description",
    "min",
    "max",
    "options",
    "default",
    "on_missing",
];

/// Keys of a parameter declaration.
const PARAMETER_KEYS: &[&str] = &[
    "type",
    "label",
    "description",
    "min",
    "max",
    "options",
    "default",
];

impl Loader<'_> {
    /// The declared inputs, and the names of those whose declaration could not be read (rules
    /// that read them are not reported again as reading an undeclared input).
    pub(super) fn inputs(&mut self, n: &Node) -> (Vec<(String, InputDecl)>, Vec<String>) {
        let mut out = Vec::new();
        let mut broken = Vec::new();
        for (name, kpos, v) in self.pairs(n, &key("inputs")) {
            self.check_id(&name, kpos, &what(msg!("load-what-input-name")));
            match self.input(&name, v, false) {
                Some(decl) => out.push((name, decl)),
                None => broken.push(name),
            }
        }
        (out, broken)
    }

    /// `parameters:`: switches set once per batch, declared like inputs with a required
    /// `default` and no `on_missing` (format §18). Names whose declaration could not be read
    /// are returned beside, as for inputs.
    pub(super) fn parameters(&mut self, n: &Node) -> (Vec<(String, InputDecl)>, Vec<String>) {
        let mut out = Vec::new();
        let mut broken = Vec::new();
        for (name, kpos, v) in self.pairs(n, &key("parameters")) {
            self.check_id(&name, kpos, &what(msg!("load-what-parameter-name")));
            match self.input(&name, v, true) {
                // A parameter's problems point at its name.
                Some(decl) => out.push((name, InputDecl { pos: kpos, ..decl })),
                None => broken.push(name),
            }
        }
        (out, broken)
    }

    /// One input declaration (or a parameter's, when `param`: `default` required, no
    /// `on_missing`).
    fn input(&mut self, name: &str, n: &Node, param: bool) -> Option<InputDecl> {
        let what = if param {
            what(msg!("load-what-parameter", name = key(name)))
        } else {
            what(msg!("load-what-input", name = key(name)))
        };
        let mut m = self.map(n, &what)?;
        let ty = self
            .required(&mut m, "type", n.pos, &what)
            .and_then(|t| self.keyword(t));
        let label = m.get("label").and_then(|v| self.text(v, &key("label")));
        let description = m
            .get("description")
            .and_then(|v| self.text(v, &key("description")));
        let min = m.get("min").and_then(|v| self.number(v, &key("min")));
        let max = m.get("max").and_then(|v| self.number(v, &key("max")));
        let options = m.get("options").and_then(|v| self.options(name, v));
        let default = if param {
            self.required(&mut m, "default", n.pos, &what)
                .and_then(|v| self.scalar(v, &key("default")))
        } else {
            m.get("default")
                .and_then(|v| self.scalar(v, &key("default")))
        };
        let on_missing = if param {
            None
        } else {
            m.get("on_missing").and_then(|v| self.keyword(v))
        };
        let keys = if param { PARAMETER_KEYS } else { INPUT_KEYS };
        self.finish(&m, keys, &what);
        if param && default.is_none() {
            return None;
        }
        Some(InputDecl {
            ty: ty?,
            label,
            description,
            min,
            max,
            options,
            default,
            on_missing,
            pos: n.pos,
        })
    }

    /// `options`: a list of ids, or a mapping id → label. Ids are NFC; labels are kept as
    /// written, must not be empty, must differ from each other (after NFC and trimming) and
    /// must not be another option's id (data may give an option by its label).
    fn options(&mut self, input: &str, n: &Node) -> Option<OptionsDecl> {
        match &n.value {
            Value::Seq(_) => self
                .text_list(n, &key("options"))
                .map(|o| OptionsDecl::List(o.iter().map(|s| nfc(s)).collect())),
            Value::Map(entries) => {
                let mut pairs: Vec<(String, String)> = Vec::with_capacity(entries.len());
                let mut nodes: Vec<&Node> = Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    let Some(id) = self.text(k, &what(msg!("load-what-option-id"))) else {
                        continue;
                    };
                    let Some(label) = self.text(v, &what(msg!("load-what-option-label"))) else {
                        continue;
                    };
                    pairs.push((nfc(&id), label));
                    nodes.push(v);
                }
                self.check_option_labels(input, &pairs, &nodes);
                Some(OptionsDecl::Labelled(pairs))
            }
            _ => {
                self.err_at(
                    Code::WrongType,
                    n,
                    msg!("load-options-shape", kind = n.describe()),
                );
                None
            }
        }
    }

    /// Empty labels, labels used twice, labels that are another option's id (hash lookups:
    /// linear in the number of options, however many a file holds).
    fn check_option_labels(&mut self, input: &str, pairs: &[(String, String)], nodes: &[&Node]) {
        let ids: HashSet<&str> = pairs.iter().map(|(id, _)| id.as_str()).collect();
        let mut seen: HashMap<String, usize> = HashMap::with_capacity(pairs.len());
        for (i, ((id, label), &node)) in pairs.iter().zip(nodes).enumerate() {
            let key = label_key(label);
            if key.is_empty() {
                self.err_at(
                    Code::InvalidInput,
                    node,
                    msg!(
                        "load-option-label-empty",
                        id = Arg::ident(id),
                        input = Arg::ident(input)
                    ),
                );
                continue;
            }
            if key != *id && ids.contains(key.as_str()) {
                let mut d = self
                    .diagnostic(
                        Code::InvalidInput,
                        node.pos,
                        msg!(
                            "load-option-label-is-id",
                            input = Arg::ident(input),
                            label = label,
                            id = Arg::ident(id),
                            key = Arg::ident(key.as_str())
                        ),
                    )
                    .with_help(msg!("load-option-label-is-id-help"));
                if let Some(end) = end_of(node) {
                    d = d.with_end(end);
                }
                self.push(d);
                continue;
            }
            match seen.get(&key) {
                Some(&j) => {
                    let first_id = pairs.get(j).map_or("", |(id, _)| id.as_str());
                    let mut d = self.diagnostic(
                        Code::InvalidInput,
                        node.pos,
                        msg!(
                            "load-option-label-twice",
                            input = Arg::ident(input),
                            first = Arg::ident(first_id),
                            id = Arg::ident(id),
                            label = label
                        ),
                    );
                    if let Some(end) = end_of(node) {
                        d = d.with_end(end);
                    }
                    if let Some(f) = nodes.get(j) {
                        d = d.with_label(Label::new(
                            self.file,
                            f.pos,
                            msg!("load-first-used-here"),
                        ));
                    }
                    self.push(d);
                }
                None => {
                    seen.insert(key, i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::error::Code;
    use crate::inputs::RawValue;
    use crate::{Ruleset, Unit};

    /// A ruleset with one choice input `c` declared as `decl`, priced by a `levels` rule.
    fn with_options(options: &str, points: &str) -> String {
        format!(
            "format: cchc/1\nid: t\nversion: \"1\"\ntitle: T\ntotal: 2\ninputs:\n  c: {{ type: choice, label: Báo cáo, options: {options} }}\ncriteria:\n  - {{ id: \"1\", title: A, max: 2, rule: {{ levels: {{ input: c, points: {points} }} }} }}\n"
        )
    }

    fn errors(text: &str) -> Vec<(Code, u32, u32)> {
        match Ruleset::from_yaml_str(text, "t.yaml") {
            Ok(_) => panic!("expected a refusal:\n{text}"),
            Err(e) => e
                .diagnostics()
                .iter()
                .map(|d| (d.code, d.line, d.column))
                .collect(),
        }
    }

    #[test]
    fn options_as_a_map_keep_their_order_and_labels() {
        let text = with_options(
            "{ kip_thoi: Kịp thời, cham: Chậm, khong: Không ban hành }",
            "{ kip_thoi: 2, cham: 1, khong: 0 }",
        );
        let rs = Ruleset::from_yaml_str(&text, "t.yaml").unwrap();
        let info = rs.inputs();
        let c = &info[0];
        assert_eq!(
            c.options.as_deref(),
            Some(&["kip_thoi".to_string(), "cham".into(), "khong".into()][..])
        );
        let labels = c.option_labels.as_ref().unwrap();
        assert_eq!(labels["kip_thoi"], "Kịp thời");
        assert_eq!(labels["khong"], "Không ban hành");
        // The list form has no labels, and its JSON has no `option_labels` key.
        let plain = Ruleset::from_yaml_str(
            &with_options("[kip_thoi, cham]", "{ kip_thoi: 2, cham: 1 }"),
            "t.yaml",
        )
        .unwrap();
        assert_eq!(plain.inputs()[0].option_labels, None);
        let json = serde_json::to_string(&plain.inputs()).unwrap();
        assert!(!json.contains("option_labels"), "{json}");
        let json = serde_json::to_string(&rs.inputs()).unwrap();
        assert!(
            json.contains(r#""option_labels":{"cham":"Chậm","#),
            "{json}"
        );
    }

    #[test]
    fn labels_are_part_of_the_fingerprint_and_so_is_the_order() {
        let fp = |o: &str| {
            Ruleset::from_yaml_str(&with_options(o, "{ a: 2, b: 1 }"), "t.yaml")
                .unwrap()
                .fingerprint()
                .to_string()
        };
        let list = fp("[a, b]");
        let map = fp("{ a: Một, b: Hai }");
        assert_ne!(list, map);
        assert_ne!(map, fp("{ a: Một, b: Ba }"));
        assert_ne!(map, fp("{ b: Hai, a: Một }"));
        assert_ne!(list, fp("[b, a]"));
        // Layout does not count.
        assert_eq!(map, fp("{a: Một,   \"b\": Hai}"));
    }

    #[test]
    fn bad_labels_are_located() {
        // Line 7 is the input's line.
        let text = with_options("{ a: Chậm, b: Chậm }", "{ a: 2, b: 1 }");
        let line7 = text.lines().nth(6).unwrap();
        let second = line7.rfind("Chậm").unwrap();
        let errs = errors(&text);
        assert_eq!(errs.len(), 1, "{errs:?}");
        let (code, line, column) = errs[0];
        assert_eq!((code, line), (Code::InvalidInput, 7));
        // The second use is reported (columns count characters).
        assert_eq!(
            column as usize,
            line7.get(..second).unwrap().chars().count() + 1
        );
        // The same label after NFC and trimming is the same label.
        let errs = errors(&with_options(
            "{ a: \"Chậm\", b: \" Cha\u{323}\u{302}m \" }",
            "{ a: 2, b: 1 }",
        ));
        assert_eq!(
            errs.iter().map(|e| e.0).collect::<Vec<_>>(),
            [Code::InvalidInput]
        );
        // An empty label.
        let errs = errors(&with_options("{ a: \"\", b: B }", "{ a: 2, b: 1 }"));
        assert_eq!(
            errs.iter().map(|e| e.0).collect::<Vec<_>>(),
            [Code::InvalidInput]
        );
        // A null label is a wrong type.
        let errs = errors(&with_options("{ a: , b: B }", "{ a: 2, b: 1 }"));
        assert!(errs.iter().any(|e| e.0 == Code::WrongType), "{errs:?}");
        // Neither a list nor a mapping.
        let errs = errors(&with_options("a", "{ a: 2 }"));
        assert!(errs.iter().any(|e| e.0 == Code::WrongType), "{errs:?}");
    }

    /// Regression: the label checks compared every pair of options, so a file of 60,000
    /// labelled options (2 MB) took minutes to load; they are hash lookups now.
    #[test]
    fn many_labelled_options_load_in_linear_time() {
        let n = 40_000;
        let opts: Vec<String> = (0..n).map(|i| format!("o{i}: Nhãn số {i}")).collect();
        let pts: Vec<String> = (0..n).map(|i| format!("o{i}: 0")).collect();
        let text = with_options(
            &format!("{{ {} }}", opts.join(", ")),
            &format!("{{ {} }}", pts.join(", ")),
        );
        let start = std::time::Instant::now();
        let rs = Ruleset::from_yaml_str(&text, "t.yaml").unwrap();
        // A few seconds unoptimised; the pairwise checks took about two minutes.
        assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
        assert_eq!(rs.inputs()[0].option_labels.as_ref().unwrap().len(), n);
    }

    #[test]
    fn a_label_that_is_another_options_id_is_refused() {
        let errs = errors(&with_options("{ a: b, b: Hai }", "{ a: 2, b: 1 }"));
        assert_eq!(
            errs.iter().map(|e| e.0).collect::<Vec<_>>(),
            [Code::InvalidInput]
        );
        // Its own id is harmless.
        assert!(
            Ruleset::from_yaml_str(
                &with_options("{ a: a, b: Hai }", "{ a: 2, b: 1 }"),
                "t.yaml"
            )
            .is_ok()
        );
    }

    #[test]
    fn defaults_and_worked_cases_may_name_an_option_by_its_label() {
        let text = "format: cchc/1\nid: t\nversion: \"1\"\ntitle: T\ntotal: 2\ninputs:\n  c: { type: choice, default: Chậm, options: { kip_thoi: Kịp thời, cham: Chậm } }\ncriteria:\n  - { id: \"1\", title: A, max: 2, rule: { levels: { input: c, points: { kip_thoi: 2, cham: 1 } } } }\ntests:\n  - { name: nhãn, values: { c: Kịp thời }, expect: { total: 2 } }\n  - { name: mặc định, values: {}, expect: { total: 1 } }\n";
        let rs = Ruleset::from_yaml_str(text, "t.yaml").unwrap();
        assert!(
            rs.run_tests().iter().all(|t| t.passed()),
            "{:?}",
            rs.run_tests()
        );
        assert_eq!(
            rs.inputs()[0].default,
            Some(crate::InputDefault::Choice("cham".into()))
        );
        // A default naming no option is still `unknown_option`.
        let bad = text.replace("default: Chậm", "default: Muộn");
        assert_eq!(
            errors(&bad).iter().map(|e| e.0).collect::<Vec<_>>(),
            [Code::UnknownOption]
        );
    }

    #[test]
    fn data_may_give_an_option_by_its_label() {
        let rs = Ruleset::from_yaml_str(
            &with_options(
                "{ kip_thoi: Kịp thời, cham: Chậm, khong: Không ban hành }",
                "{ kip_thoi: 2, cham: 1, khong: 0 }",
            ),
            "t.yaml",
        )
        .unwrap();
        let score = |v: RawValue| {
            let r = rs.score(&Unit::new("u").with_value("c", v));
            (
                r.status.as_str(),
                r.total,
                r.errors.iter().map(|e| e.code).collect::<Vec<_>>(),
            )
        };
        let two = rust_decimal::Decimal::TWO;
        let one = rust_decimal::Decimal::ONE;
        assert_eq!(
            score(RawValue::Text("kip_thoi".into())),
            ("complete", two, vec![])
        );
        assert_eq!(
            score(RawValue::Text("Kịp thời".into())),
            ("complete", two, vec![])
        );
        // NFD and surrounding spaces: the same label.
        assert_eq!(
            score(RawValue::Text(" Cha\u{323}\u{302}m ".into())),
            ("complete", one, vec![])
        );
        assert_eq!(
            score(RawValue::Cell(" Chậm ".into())),
            ("complete", one, vec![])
        );
        // Labels are case-sensitive, like ids.
        let (status, _, codes) = score(RawValue::Text("chậm".into()));
        assert_eq!((status, codes), ("error", vec![Code::UnknownChoice]));
        let r = rs.score(&Unit::new("u").with_value("c", RawValue::Text("muộn".into())));
        let msg = r.errors[0].message.to_string();
        assert!(
            msg.contains("`kip_thoi` (Kịp thời), `cham` (Chậm), `khong` (Không ban hành)"),
            "{msg}"
        );
    }
}
