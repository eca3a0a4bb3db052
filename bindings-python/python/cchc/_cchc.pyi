"""Type stubs of the native module cchc._cchc (the Rust engine's Python binding)."""

import os
from decimal import Decimal
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

__version__: str
CODES: List[str]
"""Every stable problem code, as in the Rust library (`docs/error-codes.md`)."""
LANGS: List[str]
"""The languages of the texts: ["vi", "en"] (Vietnamese is the default)."""

Lang = Optional[str]
"""A language: "vi" or "en" (tags such as "vi-VN" are accepted); None for the default: the
language the object was created with, else the module default (`set_lang`)."""

def set_lang(lang: str) -> None:
    """Sets the module default language of every text ("vi" or "en"); initially `CCHC_LANG`,
    else "vi". Raises ValueError for another language."""

def get_lang() -> str:
    """The module default language: "vi" or "en"."""

def compare(a: Any, b: Any, *, lang: Lang = None) -> Dict[str, Any]:
    """The engine's comparison of two batches (or results JSON texts); `cchc.compare` (the
    package's) returns it as a DataFrame."""

def text(id: str, lang: Lang = None, **args: Any) -> str:
    """A catalogue text of the plots and the template (`py-plot-…`, `py-template-…`) in
    `lang` (default: the module's); KeyError for another id."""

UnitDict = Mapping[str, Any]
"""A unit: {"id", "name", "kind", "values": {input: value}, "not_applicable": [criterion id],
"self_assessed": {criterion id: points}}, and for assessment rounds "points": {leaf id:
points}, "notes": {criterion id: text}, "evidence": {criterion id: document or [documents]},
"explanations": {criterion id: text}, "rounds": {round id: {"values", "not_applicable",
"points", "notes"}} (as in JSON unit data)."""

RoundInfo = Dict[str, str]
"""A declared round: {"id", "label"}."""

class Diagnostic:
    """One problem in a rule file or a data text; readable as attributes or as a mapping."""

    @property
    def code(self) -> str:
        """Stable ASCII code, the same in every language."""
    @property
    def message(self) -> str:
        """What is wrong, in the diagnostic's `lang`."""
    @property
    def message_id(self) -> str:
        """The message's catalogue id (the same in every language)."""
    @property
    def args(self) -> Dict[str, Any]:
        """The message's named arguments (the same in every language; numbers as Decimal)."""
    @property
    def lang(self) -> str:
        """The language of `message`, `help` and `labels`: the one asked for when loading,
        else the module default at that time."""
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int:
        """From 1; 0 when the problem is not tied to a place."""
    @property
    def column(self) -> int:
        """From 1 (characters); 0 when the problem is not tied to a place."""
    @property
    def end_line(self) -> int:
        """Line where the span ends (equal to `line` for one line); 0 when unknown."""
    @property
    def end_column(self) -> int:
        """Column just past the span; 0 when unknown."""
    @property
    def criterion(self) -> Optional[str]: ...
    @property
    def help(self) -> Optional[str]:
        """How to fix it, when the message does not already say."""
    @property
    def labels(self) -> List[Dict[str, Any]]:
        """Related places: [{file, line, column, end_line, end_column, message}]."""
    def render(self, source: Optional[str] = None, *, warning: bool = False, lang: Lang = None) -> str:
        """The problem as the `cchc` command shows it; with `source` (the text of `file`), the
        offending line with the span underlined."""
    def to_dict(self, *, lang: Lang = None) -> Dict[str, Any]: ...
    def keys(self) -> List[str]: ...
    def __getitem__(self, key: str) -> Any: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class CchcError(Exception):
    """Base class of every cchc error."""

    code: Optional[str]
    """The first problem's code."""
    errors: Sequence[Diagnostic]
    """Every problem."""

class RulesetError(CchcError):
    """The rule file has problems; `errors` lists all of them."""

class DataError(CchcError):
    """Data text that cannot be read as units at all."""

class Result:
    """The result of scoring one unit; numbers are exact Decimals. Texts are in the `lang`
    asked for, else the one given when scoring (or loading the ruleset), else the module
    default.

    It holds the engine's result and builds each field when it is read (a new Decimal, dict or
    list each time): scoring costs nothing for the fields, the tree and the texts not read."""

    @property
    def unit(self) -> Dict[str, Optional[str]]: ...
    @property
    def id(self) -> Optional[str]: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def kind(self) -> Optional[str]: ...
    @property
    def status(self) -> str:
        """"complete", "incomplete" or "error"."""
    @property
    def total(self) -> Decimal: ...
    @property
    def max(self) -> Decimal: ...
    @property
    def index(self) -> Optional[Decimal]:
        """total / max × 100, rounded; None when max is 0."""
    @property
    def grade(self) -> Optional[Dict[str, str]]:
        """{"id", "label"}, or None when the unit is not complete or no grade holds."""
    @property
    def self_assessed(self) -> Optional[Decimal]: ...
    @property
    def delta(self) -> Optional[Decimal]: ...
    @property
    def round(self) -> Optional[str]:
        """The official round's id (the last present round, or the round scored as of); None
        when the ruleset declares no rounds."""
    @property
    def rounds(self) -> List[Dict[str, Any]]:
        """The present rounds in order: [{id, label, status, total: Decimal, max: Decimal,
        index: Decimal | None, grade: {"id", "label"} | None, errors, warnings}] (errors and
        warnings as in `errors`); the last is the official result. Empty when the ruleset
        declares no rounds."""
    @property
    def criteria(self) -> List[Dict[str, Any]]:
        """Tree of {id, title, kind, points, max, status, trace, why, [self_assessed, delta],
        [rounds, change], [notes], [evidence], [explanation], [children]}; `why` ({"id",
        "args"}) is the same in every language. With declared rounds, `rounds` is {round id:
        points} of the present rounds and `change` the official points minus the first present
        round's (Decimal); `notes` is {round id: text}, `evidence` a list of documents,
        `explanation` a text, where the unit gives them."""
    @property
    def errors(self) -> List[Dict[str, Any]]:
        """[{criterion, code, message, help, at, message_id, args}]; `at` is {line, column} in
        the data (in CSV the column is the field's number) or None."""
    @property
    def warnings(self) -> List[Dict[str, Any]]:
        """[{criterion, code, message, help, at, message_id, args}]"""
    @property
    def ruleset(self) -> Dict[str, str]:
        """{"id", "version", "fingerprint", "issued_by", "status"}"""
    def to_dict(self, *, lang: Lang = None) -> Dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None, *, lang: Lang = None) -> str:
        """The spec's JSON; results in two languages differ only in `trace`, `message` and
        `help` texts."""
    def explain(self, lang: Lang = None) -> str:
        """The explanation as text, as `cchc score --explain` prints it (control characters
        escaped)."""
    def trace(self, node_id: str, lang: Lang = None) -> str:
        """Why the criterion scored what it did, in words; KeyError for an unknown id."""
    def why(self, node_id: str) -> Optional[Dict[str, Any]]:
        """Why, as data: {"id": message id, "args": {...}}, the same in every language."""
    def _repr_html_(self) -> str: ...

class Batch:
    """Results of many units, in input order, and their ranking."""

    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Result]: ...
    def __getitem__(self, i: int) -> Result: ...
    @property
    def results(self) -> List[Result]: ...
    @property
    def grouped(self) -> bool: ...
    @property
    def ranking(self) -> List[Dict[str, Any]]:
        """[{rank: int, id, name, kind, index: Decimal, total: Decimal, grade: str | None}]"""
    def to_dicts(self, *, lang: Lang = None) -> List[Dict[str, Any]]: ...
    def to_dict(self, *, lang: Lang = None) -> Dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None, *, lang: Lang = None) -> str: ...
    def to_excel(self, path: Union[str, "os.PathLike[str]"], lang: Lang = None) -> None:
        """Writes the results workbook (.xlsx): sheets of the ranking, the summary and one per
        unit in the appendix layout. ValueError for an empty batch."""
    def to_pandas(self) -> Any:
        """A pandas.DataFrame: a row per unit (id, name, kind, status, total, max, index, grade,
        then points per criterion id: the CLI's CSV columns; a criterion whose id is a fixed
        column's name is headed `criterion <id>`), numbers as floats; column names and statuses
        are the machine names, the same in every language. With declared rounds, after `grade`:
        `round` (the official round's id), then `total:<round id>` and `index:<round id>` for
        each declared round (NaN where the unit lacks it) and `change` (the official index
        minus the first present round's), as in the CLI's CSV."""
    def report_html(self, lang: Lang = None, *, date: Optional[str] = None) -> str:
        """The printable report: one self-contained HTML file (cover, ranking table and
        charts, grade distribution, units not ranked, a page per unit), the same text as
        `cchc report` writes; `date` is printed on it (default: today, UTC, YYYY-MM-DD)."""
    def save_report(
        self, path: Union[str, "os.PathLike[str]"], *, lang: Lang = None, date: Optional[str] = None
    ) -> None:
        """Writes the printable report to `path` (OSError when it cannot be written)."""
    def report(self, lang: Lang = None, *, date: Optional[str] = None) -> "Report":
        """The printable report as an object that Jupyter shows in an iframe."""
    def _repr_html_(self) -> str: ...

class Report:
    """A printable report (see `Batch.report`): Jupyter shows it in an `<iframe srcdoc>`, so
    that its CSS does not reach the notebook."""

    @property
    def html(self) -> str: ...
    def save(self, path: Union[str, "os.PathLike[str]"]) -> None: ...
    def __len__(self) -> int: ...
    def _repr_html_(self) -> str: ...

class Ruleset:
    """A loaded, checked and compiled criteria set; immutable and thread-safe."""

    @staticmethod
    def load(path: Union[str, "os.PathLike[str]"], *, lang: Lang = None) -> "Ruleset":
        """`lang`: the language of the RulesetError's texts, and of the ruleset's warnings and
        results."""
    @staticmethod
    def from_yaml(text: Union[str, bytes], origin: str = "<string>", *, lang: Lang = None) -> "Ruleset": ...
    @property
    def lang(self) -> Optional[str]:
        """The language given when loading, or None."""
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def issued_by(self) -> Optional[str]: ...
    @property
    def status(self) -> str:
        """"official", "draft" (also when the file does not say) or "illustrative"."""
    @property
    def places(self) -> int: ...
    @property
    def fingerprint(self) -> str: ...
    @property
    def inputs(self) -> Dict[str, Dict[str, Any]]:
        """{name: {"type", "label", "description", "min", "max", "options", "default", "on_missing"}}, plus
        "option_labels" ({id: label}) for a choice input whose options are labelled."""
    @property
    def rounds(self) -> List[RoundInfo]:
        """The declared assessment rounds, in order: [{"id", "label"}]; empty without."""
    @property
    def criteria(self) -> List[Dict[str, Any]]: ...
    def lint(self, *, lang: Lang = None) -> List[Diagnostic]:
        """Static analysis: lint warnings (band_never_holds, band_gap, scale_outside_range,
        max_unreachable, input_unused, applies_if_constant; docs/authoring.md)."""
    def coverage(self) -> Dict[str, Any]:
        """Coverage of the file's own tests: {file, tests, covered, total, percent, kinds, items}."""
    @property
    def warnings(self) -> List[Diagnostic]:
        """Load-time warnings (unreachable band step, impossible date, grade outside 0–100…)."""
    def score(
        self,
        unit: UnitDict,
        *,
        lang: Lang = None,
        round: Optional[str] = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Result:
        """`round`: score as of that round (the later ones left out); an id the ruleset does not
        declare raises CchcError with code "unknown_round". `params`: values of the ruleset's
        `parameters:` for this call (e.g. {"khao_sat": False}); an unknown name raises
        RulesetError with code "unknown_parameter", a refused value "invalid_parameter"."""
    def score_many(
        self,
        units: Union[Iterable[UnitDict], Any],
        group_by_kind: bool = False,
        *,
        lang: Lang = None,
        round: Optional[str] = None,
        params: Optional[Dict[str, Any]] = None,
        groups: Optional[str] = None,
        progress: Any = None,
    ) -> Batch:
        """`params` as in `score`. `groups` overrides the ruleset's ranking groups: "kind" (each
        kind on its own, as `group_by_kind=True`), "none" (one ranking) or "ruleset" (the
        default); ranking entries carry "group" when ranked by the ruleset's groups. `progress`:
        a tqdm bar (True) or a tqdm-like object. A list of unit dicts (any iterable), or a pandas
        or polars DataFrame (a row per unit: id, name,
        kind, inputs; with a `round` column, consecutive rows of one id are its later rounds,
        a missing cell there meaning unchanged, and `points:<id>`, `notes:<id>`,
        `evidence:<id>`, `explanations:<id>`, `not_applicable` columns as in CSV). `round`:
        score and rank as of that round (a unit without it is not ranked); unknown: CchcError
        with code "unknown_round". The values are read with the GIL held (a DataFrame column by column:
        NumPy bool, int64 and float64 columns from their bytes, other columns through
        `tolist()` with pandas' `isna()` for missing cells); the units are then finished, scored
        and ranked with the GIL released, in parallel from 256 units. A DataFrame's text cells
        are read as the CSV reader reads cells, by the input's type (có/không, x, 1/0, `92,5`,
        `83%`), so a frame gives the results of the CSV file it was read from; a dict's texts
        stay strict (as in JSON data). `progress=True`: a `tqdm.auto` progress bar (needs tqdm),
        or give a tqdm-like object with `update(n)`."""
    def sensitivity(
        self,
        batch: "Batch",
        *,
        draws: int = 1000,
        range: Any = None,
        seed: int = 0,
        group_by_kind: bool = False,
        leave_one_out: bool = True,
        max_rank_width: int = 3,
        max_grade_change: Any = None,
        lang: Lang = None,
        groups: Optional[str] = None,
    ) -> Dict[str, Any]:
        """The engine's sensitivity report of the batch (docs/analysis.md): each area left out,
        `draws` seeded draws of the weights within ±`range` (default 0.2); numbers Decimal.
        Ranked as `score_many` ranks: within the ruleset's ranking groups unless `groups`
        ("kind", "none") or `group_by_kind=True` says otherwise."""
    def improvements(self, unit: Any, *, lang: Lang = None) -> Dict[str, Any]:
        """The engine's improvement report of a unit dict or a one-row DataFrame."""
    def template(self) -> Any:
        """An empty pandas DataFrame for data entry: `id`, `name`, `kind`, one column per input
        in order (bool → boolean, count → Int64, percent/number → Float64, choice → category of
        the option ids); `df.attrs`: ruleset, version, fingerprint, types, labels, descriptions,
        bounds, options."""
    def __reduce__(self) -> Any:
        """Pickles as the rule file's text, origin and language; unpickling compiles it again
        and checks the fingerprint (CchcError, code "fingerprint_mismatch")."""
    def score_text(
        self,
        text: Union[str, bytes],
        format: str = "json",
        group_by_kind: bool = False,
        origin: str = "<string>",
        *,
        lang: Lang = None,
        round: Optional[str] = None,
        params: Optional[Dict[str, Any]] = None,
        groups: Optional[str] = None,
    ) -> Batch:
        """format: "json", "yaml" or "csv"; `round`, `params` and `groups` as in `score_many`."""
    def score_file(
        self,
        path: Union[str, "os.PathLike[str]"],
        sheet: Optional[str] = None,
        group_by_kind: bool = False,
        *,
        lang: Lang = None,
        round: Optional[str] = None,
        params: Optional[Dict[str, Any]] = None,
        groups: Optional[str] = None,
    ) -> Batch:
        """A data file scored: a workbook (.xlsx, .xlsm, .xls, .ods; the sheet `sheet`, else the
        first) or JSON, YAML, CSV by extension. DataError with code "unreadable_workbook",
        "unknown_sheet", "empty_csv"... when it cannot be read."""
    def template_excel(self, path: Union[str, "os.PathLike[str]"], *, lang: Lang = None) -> None:
        """Writes the data-entry workbook (.xlsx): labels in row 1, names in row 2, drop-down
        lists, notes, and a sheet of instructions."""
    def run_tests(self, *, lang: Lang = None) -> List[Dict[str, Any]]:
        """[{name, line, passed, failures: [{what, expected, actual}], errors: [str]}]; `what`
        and `errors` in `lang`."""

class Diff:
    """What changed between two rulesets (`cchc.diff`)."""
    @property
    def changes(self) -> List[Dict[str, Any]]:
        """Every change: dicts with a `change` tag (criterion_added, rule_changed, …)."""
    @property
    def effect(self) -> Optional[Dict[str, Any]]:
        """The units whose index, grade or rank change ({scored, units}), or None."""
    @property
    def old(self) -> Dict[str, Any]: ...
    @property
    def new(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def text(self, *, lang: Lang = None) -> str: ...
    def __bool__(self) -> bool: ...
    def __len__(self) -> int: ...
    def _repr_html_(self) -> str: ...

def diff(old: Ruleset, new: Ruleset, units: Any = None, *, lang: Lang = None) -> Diff:
    """What changed between two rulesets, by criterion id; with units, whom it affects."""

def json_schema(*, lang: Lang = None) -> str:
    """The JSON Schema (2020-12) of the rule format as JSON text, descriptions in `lang`."""
