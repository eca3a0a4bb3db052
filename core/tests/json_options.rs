//! Leaving parts out of a result's JSON (`JsonOptions`) leaves them out whole: every key that
//! remains has exactly the value it has in the full JSON, for single results and batches, in
//! both languages.

use std::path::Path;

use cchc::{JsonOptions, Lang, Ruleset};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The full JSON with what `opts` leaves out removed.
#[allow(
    clippy::unwrap_used,
    reason = "A test helper: a result that is not an object fails the test."
)]
fn strip(mut v: Value, opts: JsonOptions) -> Value {
    fn nodes(list: &mut Value, opts: JsonOptions) {
        for n in list.as_array_mut().into_iter().flatten() {
            let m = n.as_object_mut().unwrap();
            if !opts.trace {
                m.remove("trace");
            }
            if !opts.why {
                m.remove("why");
            }
            if let Some(kids) = m.get_mut("children") {
                nodes(kids, opts);
            }
        }
    }
    let m = v.as_object_mut().unwrap();
    if opts.criteria {
        nodes(m.get_mut("criteria").unwrap(), opts);
    } else {
        m.remove("criteria");
    }
    v
}

fn all_options(lang: Lang) -> Vec<JsonOptions> {
    let mut out = Vec::new();
    for criteria in [false, true] {
        for trace in [false, true] {
            for why in [false, true] {
                out.push(
                    JsonOptions::new(lang)
                        .criteria(criteria)
                        .trace(trace)
                        .why(why),
                );
            }
        }
    }
    out
}

#[test]
fn every_option_is_the_full_json_minus_what_it_leaves_out() {
    for (rules, data) in [
        (
            "rules/ha-noi/thach-that/xa-thi-tran/2021.yaml",
            "examples/thach-that-2021/xa-thi-tran.csv",
        ),
        (
            "rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml",
            "examples/thach-that-2021/phong-chuyen-mon.yaml",
        ),
    ] {
        let rs = Ruleset::load(root().join(rules)).unwrap();
        let units = cchc::read_units_file(root().join(data)).unwrap();
        let batch = rs.score_batch(&units);
        assert!(batch.results.len() > 10);
        for lang in [Lang::Vi, Lang::En] {
            let full_batch = serde_json::to_value(batch.json(JsonOptions::new(lang))).unwrap();
            assert_eq!(
                full_batch,
                serde_json::to_value(cchc::Localize::in_lang(&batch, lang)).unwrap()
            );
            for opts in all_options(lang) {
                let b = serde_json::to_value(batch.json(opts)).unwrap();
                assert_eq!(b["ranking"], full_batch["ranking"]);
                for (i, r) in batch.results.iter().enumerate() {
                    let full = serde_json::to_value(r.json(JsonOptions::new(lang))).unwrap();
                    let got = serde_json::to_value(r.json(opts)).unwrap();
                    assert_eq!(got, strip(full.clone(), opts), "{rules} unit {i} {opts:?}");
                    assert_eq!(b["results"][i], got);
                }
            }
        }
    }
}

#[test]
fn the_default_is_the_whole_result_in_vietnamese() {
    assert_eq!(JsonOptions::default(), JsonOptions::new(Lang::Vi));
    let o = JsonOptions::default();
    assert!(o.criteria && o.trace && o.why);
    let s = JsonOptions::summary(Lang::En);
    assert!(!s.criteria && s.lang == Lang::En);
}
