//! Typed errors with stable codes and source locations.

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::i18n::{Lang, Localize, Message};

macro_rules! codes {
    ($( $(#[$m:meta])* $variant:ident => $text:literal, )*) => {
        /// A stable, machine-readable problem code (the same in Rust, Python and JavaScript).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$m])* $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as written in results and error reports, e.g. `"unknown_key"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }
        }
    };
}

codes! {
    /// A file cannot be read.
    Io => "io",
    /// A rule file is over 5 MiB, or a data file over 256 MiB.
    FileTooLarge => "file_too_large",
    /// A file is not UTF-8 text.
    NotUtf8 => "not_utf8",
    /// A file holds a control character (NUL, …) other than tab, CR and LF.
    ControlCharacter => "control_character",
    /// The YAML or JSON cannot be parsed.
    YamlSyntax => "yaml_syntax",
    /// Aliases expand to too much, or nesting is too deep.
    YamlTooComplex => "yaml_too_complex",
    /// A key appears twice in one mapping.
    DuplicateKey => "duplicate_key",
    /// A value of the wrong kind.
    WrongType => "wrong_type",
    /// A key the format does not know.
    UnknownKey => "unknown_key",
    /// A required key is absent.
    MissingKey => "missing_key",
    /// `format` is not `cchc/1`.
    UnsupportedFormat => "unsupported_format",
    /// A value outside what its key allows.
    InvalidValue => "invalid_value",
    /// A number that cannot be held exactly.
    InvalidNumber => "invalid_number",
    /// Two nodes share an id.
    DuplicateId => "duplicate_id",
    /// A node's max is not positive.
    InvalidMax => "invalid_max",
    /// A group's max differs from the sum of its children's.
    MaxMismatch => "max_mismatch",
    /// A capped group's children add up to less than its max.
    CapTooSmall => "cap_too_small",
    /// A node has both children and a rule, or neither.
    InvalidNode => "invalid_node",
    /// A rule names no kind, or several.
    InvalidRule => "invalid_rule",
    /// A rule or expression names an undeclared input.
    UndeclaredInput => "undeclared_input",
    /// A rule reads an input of the wrong type.
    InputTypeMismatch => "input_type_mismatch",
    /// An expression or script does not compile.
    ScriptCompile => "script_compile",
    /// Band or level points outside [0, max]; in a unit, set points outside [0, max].
    PointsOutOfRange => "points_out_of_range",
    /// `bands` without steps.
    BandsNoSteps => "bands_no_steps",
    /// `scale` with from = to.
    InvalidScale => "invalid_scale",
    /// `deduct` with per ≤ 0 or floor outside [0, max].
    InvalidDeduct => "invalid_deduct",
    /// `per` with points ≤ 0.
    InvalidPer => "invalid_per",
    /// A `levels` rule misses an option.
    LevelsIncomplete => "levels_incomplete",
    /// An option that the input does not have.
    UnknownOption => "unknown_option",
    /// An input declaration is wrong.
    InvalidInput => "invalid_input",
    /// Grades not in descending order.
    GradesOrder => "grades_order",
    /// Two grades share an id.
    DuplicateGrade => "duplicate_grade",
    /// An id that names no criterion.
    UnknownCriterion => "unknown_criterion",
    /// More than 10,000 nodes.
    TooManyNodes => "too_many_nodes",
    /// Deeper than 8 levels.
    TooDeep => "too_deep",
    /// A node read a declared input the unit lacks.
    MissingInput => "missing_input",
    /// A value of the wrong type.
    WrongValueType => "wrong_value_type",
    /// A value outside its input's range.
    ValueOutOfRange => "value_out_of_range",
    /// A count that is not whole.
    NotWholeNumber => "not_whole_number",
    /// A number that cannot be held exactly.
    InexactNumber => "inexact_number",
    /// NaN or Infinity.
    NotFinite => "not_finite",
    /// A choice value that is not an option.
    UnknownChoice => "unknown_choice",
    /// An expression or script failed at run time.
    ScriptError => "script_error",
    /// Division by zero at run time.
    DivisionByZero => "division_by_zero",
    /// A sandbox limit was hit.
    LimitExceeded => "limit_exceeded",
    /// A `value` or `script` result outside [0, max].
    ResultOutOfRange => "result_out_of_range",
    /// `deduct` or `per` read a negative value.
    NegativeValue => "negative_value",
    /// Not a boolean where one is needed.
    NotBoolean => "not_boolean",
    /// Not a number where one is needed.
    NotNumeric => "not_numeric",
    /// The unit's max is 0.
    ZeroMax => "zero_max",
    /// A unit has no id.
    MissingUnitId => "missing_unit_id",
    /// Two units share an id.
    DuplicateUnitId => "duplicate_unit_id",
    /// A unit's data has the wrong shape.
    InvalidUnit => "invalid_unit",
    /// No band held.
    NoBand => "no_band",
    /// A value for an undeclared input.
    UnknownInput => "unknown_input",
    /// Not valid JSON, YAML or CSV data.
    DataSyntax => "data_syntax",
    /// Data that is not a unit or a list of units.
    DataShape => "data_shape",
    /// A CSV without header or rows.
    EmptyCsv => "empty_csv",
    /// Warning: an `effective` date that is not a day of the calendar (2021-02-30).
    InvalidDate => "invalid_date",
    /// Warning: a grade threshold outside the index's range [0, 100].
    GradeOutOfRange => "grade_out_of_range",
    /// Warning: an empty id, or one with spaces around it.
    SuspiciousId => "suspicious_id",
    /// Warning: a band step that can never hold (empty bounds, or covered by earlier steps).
    UnreachableBand => "unreachable_band",
    /// A computation's result is too large to be held exactly.
    ArithmeticOverflow => "arithmetic_overflow",
    /// A round the ruleset does not declare (or round data for a ruleset without rounds).
    UnknownRound => "unknown_round",
    /// Points set on a group: only a leaf's points may be set.
    NotALeaf => "not_a_leaf",
    /// `self_assessed` and first-round `points` for the same leaf.
    ConflictingMarks => "conflicting_marks",
    /// Warning: points set on a leaf that is not applicable; ignored.
    PointsIgnored => "points_ignored",
    /// Warning: a criterion asks for evidence; the unit cites none and explains nothing.
    NoEvidence => "no_evidence",
    /// Warning: scored as of a round the unit does not give; not ranked.
    RoundAbsent => "round_absent",
    /// A parameter value set for a name the ruleset does not declare under `parameters:`.
    UnknownParameter => "unknown_parameter",
    /// A parameter value that its declared type refuses.
    InvalidParameter => "invalid_parameter",
    /// Warning: a unit whose kind is in no ranking group (ranked in the group "khác").
    UngroupedUnit => "ungrouped_unit",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A position in a source file (1-based line and column; column counts characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash, Serialize)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1.
    pub column: u32,
}

/// A secondary place that explains a diagnostic (e.g. "first defined here"), like a
/// codespan-reporting secondary label.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Label {
    /// The file the place is in (usually the diagnostic's own file).
    pub file: String,
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1.
    pub column: u32,
    /// Line where the labelled span ends (inclusive; equal to `line` for a one-line span).
    pub end_line: u32,
    /// Column just past the labelled span (0 when the end is unknown).
    pub end_column: u32,
    /// What this place has to do with the problem.
    pub message: Message,
}

impl Label {
    /// A label at one position (end unknown).
    pub fn new(file: &str, pos: Pos, message: impl Into<Message>) -> Self {
        Label {
            file: file.to_string(),
            line: pos.line,
            column: pos.column,
            end_line: pos.line,
            end_column: 0,
            message: message.into(),
        }
    }

    /// Sets where the labelled span ends.
    pub fn with_end(mut self, end: Pos) -> Self {
        self.end_line = end.line;
        self.end_column = end.column;
        self
    }
}

/// A problem found in a rule file or a data file, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message} [{code}]")]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// A plain sentence: what is wrong (rendered in a language on output).
    pub message: Message,
    /// The file (or origin name) the problem is in.
    pub file: String,
    /// Line, from 1 (0 when the problem is not tied to a place).
    pub line: u32,
    /// Column, from 1 (0 when the problem is not tied to a place).
    pub column: u32,
    /// Line where the offending span ends (equal to `line` for a one-line span, 0 if unknown).
    pub end_line: u32,
    /// Column just past the offending span (0 when the end is unknown).
    pub end_column: u32,
    /// The criterion the problem concerns, if any.
    pub criterion: Option<String>,
    /// How to fix it, when the fix is not already said by the message ("did you mean …").
    pub help: Option<Message>,
    /// Related places (e.g. where a duplicated id was first defined).
    pub labels: Vec<Label>,
}

impl Diagnostic {
    /// Builds a diagnostic.
    pub fn new(code: Code, file: &str, pos: Pos, message: impl Into<Message>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            file: file.to_string(),
            line: pos.line,
            column: pos.column,
            end_line: pos.line,
            end_column: 0,
            criterion: None,
            help: None,
            labels: Vec::new(),
        }
    }

    /// Sets the criterion id.
    pub fn with_criterion(mut self, id: Option<&str>) -> Self {
        self.criterion = id.map(str::to_string);
        self
    }

    /// Sets where the offending span ends.
    pub fn with_end(mut self, end: Pos) -> Self {
        self.end_line = end.line;
        self.end_column = end.column;
        self
    }

    /// Sets the help sentence.
    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a related, labelled place.
    pub fn with_label(mut self, label: Label) -> Self {
        self.labels.push(label);
        self
    }

    /// Where the problem is.
    pub fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }
}

/// A problem with one unit's data or scoring, reported in its result (`errors` or `warnings`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Issue {
    /// The criterion concerned, if any.
    pub criterion: Option<String>,
    /// Stable code.
    pub code: Code,
    /// A plain sentence (rendered in a language on output).
    pub message: Message,
    /// How to fix it, when the message does not already say.
    pub help: Option<Message>,
    /// Where in the data file the problem is (CSV: the record's line and the field's column
    /// number; JSON/YAML: line and column of the value), when the unit came from a file.
    pub at: Option<Pos>,
}

impl Issue {
    /// Builds an issue.
    pub fn new(criterion: Option<&str>, code: Code, message: impl Into<Message>) -> Self {
        Issue {
            criterion: criterion.map(str::to_string),
            code,
            message: message.into(),
            help: None,
            at: None,
        }
    }

    /// Sets the help sentence.
    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets where in the data file the problem is.
    pub fn at(mut self, pos: Pos) -> Self {
        self.at = Some(pos);
        self
    }
}

impl Localize for Label {
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("file", &self.file)?;
        m.serialize_entry("line", &self.line)?;
        m.serialize_entry("column", &self.column)?;
        m.serialize_entry("end_line", &self.end_line)?;
        m.serialize_entry("end_column", &self.end_column)?;
        m.serialize_entry("message", &self.message.in_lang(lang))?;
        m.end()
    }
}

impl Localize for Diagnostic {
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(10))?;
        m.serialize_entry("code", &self.code)?;
        m.serialize_entry("message", &self.message.in_lang(lang))?;
        m.serialize_entry("file", &self.file)?;
        m.serialize_entry("line", &self.line)?;
        m.serialize_entry("column", &self.column)?;
        m.serialize_entry("end_line", &self.end_line)?;
        m.serialize_entry("end_column", &self.end_column)?;
        m.serialize_entry("criterion", &self.criterion)?;
        m.serialize_entry("help", &self.help.in_lang(lang))?;
        m.serialize_entry("labels", &self.labels.in_lang(lang))?;
        m.end()
    }
}

impl Localize for Issue {
    fn serialize_in<S: Serializer>(&self, lang: Lang, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("criterion", &self.criterion)?;
        m.serialize_entry("code", &self.code)?;
        m.serialize_entry("message", &self.message.in_lang(lang))?;
        if let Some(h) = &self.help {
            m.serialize_entry("help", &h.in_lang(lang))?;
        }
        if let Some(at) = &self.at {
            m.serialize_entry("at", at)?;
        }
        m.end()
    }
}

/// Serialises with Vietnamese texts (see [`Localize`] for another language).
macro_rules! serialize_vi {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.serialize_in(Lang::Vi, s)
            }
        }
    )*};
}

serialize_vi!(Label, Diagnostic, Issue);

/// Every error the library returns.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The rule file has problems; all of them are listed.
    #[error("the ruleset has {} problem(s); first: {}", .0.len(), .0.first().map(|d| d.to_string()).unwrap_or_default())]
    Ruleset(Vec<Diagnostic>),
    /// A data file cannot be read as units at all.
    #[error("{0}")]
    Data(Box<Diagnostic>),
}

impl Error {
    /// The diagnostics carried by this error.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Ruleset(d) => d,
            Error::Data(d) => std::slice::from_ref(d),
        }
    }
}
