//! Keyword enums shared by the loader, the compiler, the scorer and the results: every word a
//! rule file or a result writes for a closed set of choices (input types, rule kinds, statuses…).
//!
//! One macro, `keywords!`, generates for each enum its `as_str`, `ALL`, [`FromStr`],
//! [`Display`](fmt::Display) and serde `Serialize`, so the enum ↔ text table is written once.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::Serialize;

/// A text that names none of an enum's keywords.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKeyword {
    /// What kind of keyword was expected (e.g. "input type").
    pub what: &'static str,
    /// The text given.
    pub text: String,
}

impl fmt::Display for UnknownKeyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a valid {}", self.text, self.what)
    }
}

impl std::error::Error for UnknownKeyword {}

/// What the loader needs to read any keyword enum (crate-private).
pub(crate) trait Keyword: Copy + 'static {
    /// What the keyword is called in messages (e.g. "input type").
    const WHAT: &'static str;
    /// Every keyword, in declaration order.
    fn all() -> &'static [Self];
    /// The keyword as written.
    fn word(self) -> &'static str;
}

/// Declares a keyword enum: `Variant => "text"` lines, with doc comments.
macro_rules! keywords {
    (
        $(#[$m:meta])*
        $name:ident ($what:literal) {
            $( $(#[$vm:meta])* $variant:ident => $text:literal, )*
        }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vm])* $variant, )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The keyword as written in rule files and results.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }
        }

        impl Keyword for $name {
            const WHAT: &'static str = $what;
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn word(self) -> &'static str {
                self.as_str()
            }
        }

        impl FromStr for $name {
            type Err = UnknownKeyword;
            fn from_str(s: &str) -> Result<Self, UnknownKeyword> {
                match s {
                    $($text => Ok($name::$variant),)*
                    _ => Err(UnknownKeyword { what: $what, text: s.to_string() }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keywords! {
    /// What an absent input means.
    OnMissing ("on_missing policy") {
        /// Nodes that read it are `missing`; the unit is `incomplete`.
        Error => "error",
        /// Read as 0 (false for a bool).
        Zero => "zero",
        /// Nodes that read it are not applicable.
        NotApplicable => "not_applicable",
    }
}

keywords! {
    /// Ranking mode.
    RankingMode ("ranking") {
        /// 1, 2, 2, 4.
        Competition => "competition",
        /// 1, 2, 2, 3.
        Dense => "dense",
    }
}

keywords! {
    /// How far a ruleset's figures may be relied on (`status:` of a rule file; absent = draft).
    RulesetStatus ("ruleset status") {
        /// Every figure comes from a cited official source.
        Official => "official",
        /// Not (yet) checked against an official source: the default.
        Draft => "draft",
        /// Made up to show how the engine works; not any authority's figures.
        Illustrative => "illustrative",
    }
}

keywords! {
    /// Input types.
    InputType ("input type") {
        /// true/false.
        Bool => "bool",
        /// A whole number ≥ 0.
        Count => "count",
        /// A number in [0, 100].
        Percent => "percent",
        /// Any number, optionally within `min`/`max`.
        Number => "number",
        /// One of `options`.
        Choice => "choice",
    }
}

impl InputType {
    /// Count, percent or number.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            InputType::Count | InputType::Percent | InputType::Number
        )
    }
}

keywords! {
    /// Node kinds.
    NodeKind ("node kind") {
        /// Counts toward the parent's max.
        Normal => "normal",
        /// Adds up to `max` (điểm thưởng).
        Bonus => "bonus",
        /// Takes away up to `max` (điểm trừ).
        Penalty => "penalty",
    }
}

keywords! {
    /// What a not-applicable node scores.
    IfNotApplicable ("if_not_applicable") {
        /// 0 points, and its max leaves the parent's max.
        Exclude => "exclude",
        /// Full marks.
        Full => "full",
    }
}

keywords! {
    /// The kinds of leaf rule.
    RuleKind ("rule kind") {
        /// `max` if true, else 0.
        Check => "check",
        /// Points of the first step whose bounds hold.
        Bands => "bands",
        /// `max × clamp((v − from) / (to − from), 0, 1)`.
        Scale => "scale",
        /// `max(max − per × v, floor)`.
        Deduct => "deduct",
        /// `min(points × v, max)`.
        Per => "per",
        /// Points for the option chosen.
        Levels => "levels",
        /// v itself.
        Value => "value",
        /// The number a Rhai script returns.
        Script => "script",
    }
}

keywords! {
    /// A unit's status.
    UnitStatus ("unit status") {
        /// Every node scored or not applicable, no error.
        Complete => "complete",
        /// Some node is missing an input.
        Incomplete => "incomplete",
        /// Some node failed, or the unit's data is invalid.
        Error => "error",
    }
}

keywords! {
    /// A node's status.
    #[derive(Default)]
    NodeStatus ("node status") {
        /// Scored.
        #[default]
        Scored => "scored",
        /// Not applicable.
        NotApplicable => "not_applicable",
        /// Reads a missing input.
        Missing => "missing",
        /// Failed.
        Error => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The macro's table and serde's `snake_case` names agree, and `FromStr` inverts `as_str`.
    fn round_trip<T: Keyword + Serialize + FromStr + PartialEq + fmt::Debug>() {
        for &k in T::all() {
            let json = serde_json::to_value(k).unwrap();
            assert_eq!(json, serde_json::Value::String(k.word().into()));
            assert_eq!(k.word().parse::<T>().ok(), Some(k));
        }
        assert!("no such word".parse::<T>().is_err());
    }

    #[test]
    fn keywords_round_trip() {
        round_trip::<OnMissing>();
        round_trip::<RankingMode>();
        round_trip::<RulesetStatus>();
        round_trip::<InputType>();
        round_trip::<NodeKind>();
        round_trip::<IfNotApplicable>();
        round_trip::<RuleKind>();
        round_trip::<UnitStatus>();
        round_trip::<NodeStatus>();
    }

    #[test]
    fn unknown_keyword_names_what_was_expected() {
        let e = "numbr".parse::<InputType>().unwrap_err();
        assert_eq!(e.to_string(), "`numbr` is not a valid input type");
    }
}
