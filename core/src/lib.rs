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
//! assert_eq!(r.status, cchc::UnitStatus::Complete);
//!
//! // A batch is scored and ranked; bad data never fails it: each unit's problems are in its
//! // result (`errors`, `warnings`), and only complete units are ranked.
//! let units = cchc::read_units("id;kh;tl\nb;không;79\nc;có;x\n", cchc::DataFormat::Csv, "d.csv").unwrap();
//! let batch = rs.score_batch(&[unit, units[0].clone(), units[1].clone()]);
//! let ranked: Vec<u32> = batch.ranked().map(|(rank, _)| rank).collect();
//! assert_eq!(ranked, [1, 2]);
//! assert_eq!(batch.results[2].status, cchc::UnitStatus::Error);
//! ```
//!
//! The public surface: [`Ruleset`] (load, check, describe: [`Ruleset::inputs`],
//! [`Ruleset::criteria`], [`Ruleset::warnings`]; score: `score`, `score_batch`), [`Unit`] and
//! [`RawValue`] (the data of an assessed unit), [`read_units`] and friends (JSON, YAML, CSV
//! data files), results ([`UnitResult`], [`BatchResult`]) and problems ([`Error`],
//! [`Diagnostic`], [`Issue`], [`Code`]). Scores are exact [`Decimal`]s: never binary floats.

#[cfg(feature = "tools")]
pub mod analysis;
#[cfg(feature = "tools")]
pub mod coverage;
pub mod data;
#[cfg(feature = "tools")]
pub mod diff;
mod error;
pub(crate) mod expr;
mod i18n;
pub(crate) mod inputs;
#[cfg(feature = "tools")]
pub mod lint;
mod num;
mod parameters;
pub(crate) mod plan;
pub mod present;
#[cfg(feature = "render")]
pub mod report;
mod result;
pub(crate) mod rules;
pub mod ruleset;
#[cfg(feature = "tools")]
mod schema;
pub(crate) mod score;
mod syntax;
mod text;
mod types;
mod unit;

pub use data::DataFormat;
/// # Errors
///
/// [`Error::Data`] when the text cannot be read as units at all (`data_syntax`, `data_shape`,
/// `empty_csv`, located). Problems of one unit (a bad cell, an unknown key) are kept in that
/// unit and reported in its result; they never fail the whole file.
///
/// # Example
///
/// ```
/// use cchc::{read_units, DataFormat};
/// let units = read_units("id;kh;tl\na;có;85,5\nb;không;40\n", DataFormat::Csv, "data.csv")?;
/// assert_eq!(units.len(), 2);
/// assert_eq!(units[0].id.as_deref(), Some("a"));
/// assert!(read_units("[1, 2", DataFormat::Json, "data.json").is_err());
/// # Ok::<(), cchc::Error>(())
/// ```
#[doc(inline)]
pub use data::read_units;
/// # Errors
///
/// As [`read_units`], and `not_utf8` (located) when the bytes are not UTF-8 text.
///
/// # Example
///
/// ```
/// let units = cchc::read_units_bytes(b"[{\"id\": \"a\", \"values\": {\"kh\": true}}]", cchc::DataFormat::Json, "d.json")?;
/// assert_eq!(units.len(), 1);
/// # Ok::<(), cchc::Error>(())
/// ```
#[doc(inline)]
pub use data::read_units_bytes;
/// # Errors
///
/// As [`read_units_bytes`], and `io` when the file cannot be read, `data_shape` when its
/// extension names no data format (use `.json`, `.yaml`, `.yml` or `.csv`).
///
/// # Example
///
/// ```no_run
/// let units = cchc::read_units_file("examples/thach-that-2021/xa-thi-tran.csv")?;
/// # Ok::<(), cchc::Error>(())
/// ```
#[doc(inline)]
pub use data::read_units_file;
pub use error::{Code, Diagnostic, Error, Issue, Label, Pos};
pub use expr::Limits;
pub use i18n::{
    Arg, InLang, Lang, Localize, Message, UnknownLang, input_arg, number, option_arg, push_number,
};
pub use inputs::{RawValue, parse_cell_number};
pub use parameters::Parameters;
pub use plan::{PlanNode, RankGroup, RoundDef};
pub use result::{
    BatchResult, GradeRef, JsonOptions, NodeResult, RankEntry, ResultJson, RoundResult, UnitInfo,
    UnitResult,
};
pub use ruleset::{
    CriterionInfo, InputDefault, InputInfo, MAX_FILE_BYTES, Ruleset, TestFailure, TestOutcome,
    json_schema,
};
pub use rust_decimal::Decimal;
#[cfg(feature = "tools")]
pub use schema::json_schema_in;
pub use score::{BatchOptions, Groups};
pub use types::{
    IfNotApplicable, InputType, NodeKind, NodeStatus, OnMissing, RankingMode, RuleKind,
    RulesetStatus, UnitStatus, UnknownKeyword,
};
#[cfg(feature = "slots")]
pub use unit::InputSlot;
pub use unit::{Unit, UnitRound};

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
