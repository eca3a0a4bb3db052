//! # cchc — scoring Vietnam's administrative-reform index (Chỉ số CCHC)
//!
//! A ruleset (bộ tiêu chí) in the `cchc/1` format is loaded, checked and compiled once; it then
//! scores any number of assessed units (đơn vị) exactly, with rust_decimal.
//!
//! ```
//! use cchc::{Ruleset, Unit, RawValue};
//! let rs = Ruleset::from_yaml_str(r#"
//! format: cchc/1
//! id: demo
//! version: "1"
//! title: Ví dụ
//! total: 2
//! inputs:
//!   kh: { type: bool, label: Ban hành kế hoạch CCHC }
//!   tl: { type: percent }
//! criteria:
//!   - { id: "1", title: Kế hoạch, max: 1, rule: { check: kh } }
//!   - id: "2"
//!     title: Hoàn thành
//!     max: 1
//!     rule: { bands: { input: tl, steps: [ { at_least: 80, points: 1 }, { points: 0 } ] } }
//! "#, "demo.yaml").unwrap();
//! let unit = Unit::new("a").with_value("kh", RawValue::Bool(true)).with_value("tl", RawValue::Cell("85,5".into()));
//! let r = rs.score(&unit);
//! assert_eq!(r.index, Some(cchc::Decimal::ONE_HUNDRED));
//! ```

#![forbid(unsafe_code)]

pub mod data;
mod error;
pub mod expr;
pub mod inputs;
mod num;
pub mod plan;
pub mod present;
pub mod result;
pub mod rules;
pub mod ruleset;
pub mod score;
mod syntax;
mod unit;

pub use data::{read_units, read_units_bytes, read_units_file, DataFormat};
pub use error::{Code, Diagnostic, Error, Issue, Label, Pos};
pub use inputs::RawValue;
pub use result::{
    BatchResult, GradeRef, NodeResult, NodeStatus, RankEntry, UnitInfo, UnitResult, UnitStatus,
};
pub use ruleset::{json_schema, Ruleset, TestFailure, TestOutcome};
pub use rust_decimal::Decimal;
pub use score::BatchOptions;
pub use unit::Unit;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruleset_is_send_sync() {
        fn assert<T: Send + Sync>() {}
        assert::<Ruleset>();
        assert::<UnitResult>();
    }
}
