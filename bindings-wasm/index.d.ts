// Types of the `cchc-wasm` package: the Chỉ số CCHC rules engine (cchc/1) in WebAssembly.
//
// Node ≥ 20: `import { Ruleset } from 'cchc-wasm'` (the module is instantiated on import).
// Browser:   `import init, { Ruleset } from 'cchc-wasm'; await init();`

/** Load-time codes (a ruleset that does not load). */
export type LoadCode =
  | 'io' | 'file_too_large' | 'not_utf8' | 'control_character' | 'yaml_syntax'
  | 'yaml_too_complex' | 'duplicate_key'
  | 'wrong_type' | 'unknown_key' | 'missing_key' | 'unsupported_format' | 'invalid_value'
  | 'invalid_number' | 'duplicate_id' | 'invalid_max' | 'max_mismatch' | 'cap_too_small'
  | 'invalid_node' | 'invalid_rule' | 'undeclared_input' | 'input_type_mismatch'
  | 'script_compile' | 'points_out_of_range' | 'bands_no_steps' | 'invalid_scale'
  | 'invalid_deduct' | 'invalid_per' | 'levels_incomplete' | 'unknown_option' | 'invalid_input'
  | 'grades_order' | 'duplicate_grade' | 'unknown_criterion' | 'too_many_nodes' | 'too_deep';

/** Codes of a unit's `errors` and `warnings`. */
export type UnitCode =
  | 'missing_input' | 'wrong_value_type' | 'value_out_of_range' | 'not_whole_number'
  | 'inexact_number' | 'not_finite' | 'unknown_choice' | 'script_error' | 'division_by_zero'
  | 'limit_exceeded' | 'result_out_of_range' | 'negative_value' | 'not_boolean' | 'not_numeric'
  | 'zero_max' | 'missing_unit_id' | 'duplicate_unit_id' | 'invalid_unit' | 'no_band'
  | 'unknown_input' | 'unknown_criterion' | 'unknown_key' | 'duplicate_key'
  | 'arithmetic_overflow'
  // Assessment rounds: errors `unknown_round` (also thrown for an unknown `round` option),
  // `not_a_leaf`, `points_out_of_range`, `conflicting_marks`; warnings `points_ignored`,
  // `no_evidence`, `round_absent`.
  | 'unknown_round' | 'not_a_leaf' | 'points_out_of_range' | 'conflicting_marks'
  | 'points_ignored' | 'no_evidence' | 'round_absent'
  // Parameters (thrown for a `params` option the ruleset refuses).
  | 'unknown_parameter' | 'invalid_parameter'
  // Ranking groups: a unit whose kind is in no group (a warning).
  | 'ungrouped_unit';

/** Codes of load-time warnings (`Ruleset.warnings()`): the ruleset loads and scores. */
export type WarningCode = 'unreachable_band' | 'grade_out_of_range' | 'invalid_date' | 'suspicious_id';

/** Codes of a data text that cannot be read as units at all. */
export type DataCode =
  | 'io' | 'file_too_large' | 'not_utf8' | 'control_character' | 'data_syntax' | 'data_shape'
  | 'empty_csv' | 'yaml_too_complex' | 'duplicate_key';

/**
 * Every stable code (docs/error-codes.md). `internal` is the binding's own: an unexpected
 * failure inside the engine (a panic), which should never happen.
 */
export type Code = LoadCode | UnitCode | DataCode | WarningCode | 'internal';

/**
 * The language of the texts a call writes (messages, help, traces, explanations, HTML):
 * Vietnamese (the default) or English. Tags such as `vi-VN` or `en-US` are accepted; any other
 * throws a `RangeError` (`unknown language …`, the CLI's message). Codes, numbers and `why` are
 * the same in every language.
 */
export type Lang = 'vi' | 'en' | (string & {});

/** The `lang` option of every call that writes text. */
export interface LangOptions {
  /** `'vi'` (default) or `'en'`. */
  lang?: Lang;
}

/**
 * A text as data, the same in every language: a message id of the catalogue
 * (`core/locales/{vi,en}/*.ftl`) and its named arguments (numbers exact, identifiers as text,
 * nested messages as objects).
 */
export interface Why {
  id: string;
  args: Record<string, unknown>;
}

/** One problem, with where it is. `line`/`column` are 1-based, 0 when not tied to a place. */
export interface Diagnostic {
  code: Code;
  /** In the language of the call. */
  message: string;
  file: string;
  line: number;
  column: number;
  /** Where the offending span ends (`end_column` 0 when unknown). */
  end_line: number;
  end_column: number;
  criterion: string | null;
  /** How to fix it, when the message does not already say (language of the call). */
  help: string | null;
  /** Related places, e.g. where a duplicated id was first defined. */
  labels: Label[];
}

/** A related place of a diagnostic. */
export interface Label {
  file: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  /** In the language of the call. */
  message: string;
}

/** Thrown for a ruleset that does not load or data that cannot be read. */
export class CchcError extends Error {
  readonly name: 'CchcError';
  /** Code of the first problem. */
  readonly code: Code;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly criterion: string | null;
  /** Every problem found (a ruleset reports all of them, not only the first). */
  readonly errors: Diagnostic[];
  /** `options.lang` is the language of the summary added to the message (`(và 2 lỗi khác)`). */
  constructor(errors: Partial<Diagnostic>[], options?: { cause?: unknown; lang?: Lang });
}

export type InputType = 'bool' | 'count' | 'percent' | 'number' | 'choice';

/** One declared input (the ruleset's data dictionary). */
export interface InputDef {
  name: string;
  type: InputType;
  label: string | null;
  description: string | null;
  min: number | null;
  max: number | null;
  options: string[] | null;
  /** Each option's label by option id, when the rule file labels them. */
  option_labels?: { [id: string]: string };
  default: boolean | number | string | null;
  on_missing: 'error' | 'zero' | 'not_applicable';
}

export type NodeKind = 'normal' | 'bonus' | 'penalty';

/** One node of the criteria tree, as declared. */
export interface CriterionDef {
  id: string;
  title: string;
  kind: NodeKind;
  max: number;
  description: string | null;
  evidence: string[] | null;
  applies_if: string | null;
  /** The rule kind of a leaf (`check`, `bands`, `scale`, `deduct`, `per`, `levels`, `value`, `script`). */
  rule?: string;
  children?: CriterionDef[];
}

/** A value of an input: a bool, a number, a choice's option, or null (missing). */
export type InputValue = boolean | number | bigint | string | null;

/**
 * One assessed unit (đơn vị). Its top-level `values`, `not_applicable`, `points` and `notes`
 * are its first round (tự chấm, when the ruleset declares `rounds:`); each later round under
 * `rounds` starts from the previous present round's values, `not_applicable` and `points` and
 * applies its own (notes do not carry over). The official result is the last present round.
 */
export interface UnitData {
  id: string;
  name?: string;
  /** Used to group rankings (e.g. `xa`, `thi_tran`, `phong`). */
  kind?: string;
  values?: Record<string, InputValue>;
  not_applicable?: string[];
  self_assessed?: Record<string, number>;
  /** First round: points set on leaves, replacing the rule's (a number in [0, max]). */
  points?: Record<string, number>;
  /** First round: a note per criterion (any node). */
  notes?: Record<string, string>;
  /** The documents the unit cites per criterion (tài liệu kiểm chứng); a text is one document. */
  evidence?: Record<string, string[] | string>;
  /** The unit's explanation per criterion (giải trình), e.g. why it cites no evidence. */
  explanations?: Record<string, string>;
  /** Later rounds by round id (the ruleset's `rounds:` fix their order, not this object). */
  rounds?: Record<string, UnitRoundData>;
}

/** One later round of a unit's data: only what changes (values given replace carried ones; `null` makes a value missing). */
export interface UnitRoundData {
  values?: Record<string, InputValue>;
  /** Replaces the carried list, where given. */
  not_applicable?: string[];
  /** Points set on leaves in this round (replace carried ones for those leaves). */
  points?: Record<string, number>;
  /** This round's notes (not carried over). */
  notes?: Record<string, string>;
}

/** An assessment round a ruleset declares (`Ruleset.rounds()`). */
export interface RoundInfo {
  id: string;
  /** The file's label, or the id when it gives none. */
  label: string;
}

export type UnitStatus = 'complete' | 'incomplete' | 'error';
export type NodeStatus = 'scored' | 'not_applicable' | 'missing' | 'error';

export interface Issue {
  criterion: string | null;
  code: UnitCode;
  /** In the language of the call. */
  message: string;
  /** How to fix it (language of the call), when there is more to say. */
  help?: string;
}

export interface NodeResult {
  id: string;
  title: string;
  kind: NodeKind;
  points: number;
  /** The node's max after exclusions (0 for an excluded node). */
  max: number;
  status: NodeStatus;
  /** Why the node scored what it did, in words (the language of the call). */
  trace: string;
  /** Why, as data: the same in every language (render it with the catalogue, not by parsing `trace`). */
  why: Why;
  self_assessed?: number;
  delta?: number;
  /**
   * The node's points in each present round, by round id, in the ruleset's order (only when the
   * ruleset declares rounds).
   */
  rounds?: Record<string, number>;
  /** Official points − the first present round's points (0 with one round; only with rounds). */
  change?: number;
  /** Notes given on this node, by round id (`""`: a ruleset without rounds). Where given. */
  notes?: Record<string, string>;
  /** The evidence the unit cites for this node. Where given. */
  evidence?: string[];
  /** The unit's explanation (giải trình) for this node. Where given. */
  explanation?: string;
  children?: NodeResult[];
}

/** One present round of a unit's result (`UnitResult.rounds`); the last is the official one. */
export interface RoundResult {
  id: string;
  label: string;
  status: UnitStatus;
  total: number;
  max: number;
  index: number | null;
  /** Null unless the round is complete. */
  grade: { id: string; label: string } | null;
  errors: Issue[];
  warnings: Issue[];
}

export interface UnitResult {
  ruleset: {
    id: string;
    version: string;
    fingerprint: string;
    issued_by: string | null;
    status: 'official' | 'draft' | 'illustrative';
    /** The parameter values used (only when the ruleset declares parameters). */
    parameters?: Record<string, boolean | number | string>;
  };
  unit: { id: string | null; name: string | null; kind: string | null };
  status: UnitStatus;
  total: number;
  max: number;
  /** total / max × 100, rounded; null when max is 0. */
  index: number | null;
  /** Null unless the unit is complete. */
  grade: { id: string; label: string } | null;
  self_assessed?: number;
  delta?: number | null;
  /**
   * The official round's id: the unit's last present round, or the round asked for (`round`
   * option; for a unit without it, the round it is shown as of). Only when the ruleset
   * declares rounds (kept in summaries, `criteria: false`).
   */
  round?: string;
  /** Each present round's figures and issues, in order (only when the ruleset declares rounds). */
  rounds?: RoundResult[];
  criteria: NodeResult[];
  warnings: Issue[];
  errors: Issue[];
}

export interface RankEntry {
  rank: number;
  /** The ranking group's id (`khac`: units in no group), when ranked by the ruleset's groups. */
  group?: string;
  id: string | null;
  name: string | null;
  kind: string | null;
  index: number | null;
  total: number;
  grade: string | null;
}

export interface BatchResult {
  /** One result per unit, in input order (a unit with bad data is never dropped). */
  results: UnitResult[];
  /** Complete units by index, highest first (with a `round` option: only units that give that round). */
  ranking: RankEntry[];
}

/**
 * The options of `score`, `scoreMany` and `scoreText`: the language, and when the `criteria`
 * tree is built. By default it is built on first read of `result.criteria` (the unit is scored
 * again from the JSON text sent for it; the result is otherwise the same object as
 * `JSON.parse(scoreJson(...))`); `true` builds it at once; `false` leaves the key out.
 */
export interface ScoreOptions extends LangOptions, RoundOptions {
  criteria?: boolean | 'lazy';
}

/**
 * Score (and rank) as of a round: the rounds after it are left out; a unit without it is shown
 * as of its last earlier round (warning `round_absent`) and not ranked. An id the ruleset does
 * not declare throws a `CchcError` with code `unknown_round`.
 */
export interface RoundOptions {
  /** A round id of `Ruleset.rounds()`. */
  round?: string;
  /**
   * Values of the ruleset's parameters (`parameters:`, `Ruleset.parameters()`) for this call,
   * e.g. `{ khao_sat: false }`; the others keep their defaults. An unknown name throws a
   * `CchcError` with code `unknown_parameter`, a value of the wrong type `invalid_parameter`.
   */
  params?: Record<string, boolean | number | string>;
}

/** A result scored with `{ criteria: false }`: no `criteria` key. */
export type UnitSummary = Omit<UnitResult, 'criteria'>;

export interface BatchOptions extends ScoreOptions {
  /** Rank each `kind` on its own (as `groups: 'kind'`). */
  groupByKind?: boolean;
  /**
   * The groups units are ranked within: `'ruleset'` (the default: the ruleset's
   * `ranking.groups`, one ranking when it declares none), `'kind'` (each kind on its own) or
   * `'none'` (one ranking).
   */
  groups?: 'ruleset' | 'kind' | 'none';
}

/** Options of the JSON twins given as one object. */
export interface TwinOptions extends BatchOptions {
  /** The data's name in error messages. */
  origin?: string;
}

/** How far a ruleset's figures may be relied on (`status:` of the rule file; `draft` when absent). */
export type RulesetStatus = 'official' | 'draft' | 'illustrative';

export type DataFormat = 'json' | 'yaml' | 'csv';

/** A loaded, validated and compiled ruleset (bộ tiêu chí, format `cchc/1`). */
export class Ruleset {
  private constructor();
  /**
   * Loads a ruleset from YAML (or JSON) text; throws a CchcError listing every problem, its
   * texts in `options.lang`.
   */
  static fromYaml(text: string, origin?: string, options?: LangOptions): Ruleset;
  static fromYaml(text: string, options: LangOptions & { origin?: string }): Ruleset;
  readonly id: string;
  readonly version: string;
  readonly title: string;
  /** `sha256:…` hash of the ruleset's meaning (shown to people as "mã kiểm tra"). */
  readonly fingerprint: string;
  /** Who issued the criteria (`issued_by`), or null. */
  readonly issuedBy: string | null;
  readonly status: RulesetStatus;
  /** Decimal places of points, totals and the index (`rounding.places`): text shows this many. */
  readonly places: number;
  inputs(): InputDef[];
  /** The assessment rounds (`rounds:` of the file), in order; `[]` without rounds. */
  rounds(): RoundInfo[];
  /** The declared parameters (`parameters:`), in file order; `default` is each one's default. */
  parameters(): InputDef[];
  criteria(): CriterionDef[];
  /** Load-time warnings (the ruleset loads and scores; fix them before publishing). */
  warnings(options?: LangOptions): Diagnostic[];
  /**
   * Scores one unit (converted through JSON, so 3.7 stays 3.7); texts in `options.lang`. The
   * `criteria` tree is built when first read (see `ScoreOptions`).
   */
  score(unit: UnitData, options?: ScoreOptions & { criteria?: true | 'lazy' }): UnitResult;
  score(unit: UnitData, options: ScoreOptions & { criteria: false }): UnitSummary;
  /** Scores one unit given as JSON text; returns JSON text with exact numbers. */
  scoreJson(jsonText: string, origin?: string, options?: LangOptions & RoundOptions): string;
  scoreJson(jsonText: string, options: LangOptions & RoundOptions & { origin?: string }): string;
  /**
   * Scores one unit and explains the result in words, one line per criterion (points / max,
   * status, why), then its errors and warnings: the text of `cchc score --explain`.
   */
  explain(unit: UnitData | string, options?: LangOptions & RoundOptions & { origin?: string }): string;
  /** Scores one unit; the result as an HTML table (e.g. for a notebook or a report). */
  html(unit: UnitData | string, options?: LangOptions & RoundOptions & { origin?: string }): string;
  /** Scores and ranks a batch; every unit in one HTML table with its rank. */
  batchHtml(units: UnitData[] | { units: UnitData[] } | string, options?: TwinOptions): string;
  /** Scores and ranks a batch: an array of units or `{units: [...]}`; trees built when read. */
  scoreMany(units: UnitData[] | { units: UnitData[] }, options?: BatchOptions): BatchResult;
  /** As `scoreMany`, JSON text in and out (exact numbers). */
  scoreManyJson(jsonText: string, groupByKind?: boolean, origin?: string, options?: LangOptions & RoundOptions): string;
  scoreManyJson(jsonText: string, options: TwinOptions): string;
  /**
   * Scores a data file's text: JSON, YAML or CSV (`,` `;` or tab; decimal commas allowed). The
   * trees are built when one is first read (the whole text scored again once).
   */
  scoreText(text: string, format: DataFormat, options?: TwinOptions): BatchResult;
  /** As `scoreText`, returning JSON text (exact numbers). */
  scoreTextJson(text: string, format: DataFormat, groupByKind?: boolean, origin?: string, options?: LangOptions & RoundOptions): string;
  scoreTextJson(text: string, format: DataFormat, options: TwinOptions): string;
  /** Releases the WebAssembly memory now (otherwise the garbage collector does it). */
  free(): void;
  // At run time also `[Symbol.dispose]()` (calls `free()`) where the platform has Symbol.dispose.
}

/** Every stable code the engine uses. */
export function codes(): Code[];
/** The engine's version. */
export function engineVersion(): string;
/** The demo page's texts in a language: `{ id: text }` for every `demo-` message of the catalogue. */
export function messages(lang?: Lang): Record<string, string>;
/** JSON text of a plain value as the package sends it to the engine. */
export function toJsonText(value: unknown): string;

export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response>;

/**
 * Instantiates the WebAssembly module (browser). In Node it is done on import and this resolves
 * at once. Safe to call more than once.
 */
export default function init(input?: InitInput): Promise<void>;
/** Instantiates synchronously from the module's bytes (browser; a no-op in Node). */
export function initSync(module?: BufferSource | WebAssembly.Module): void;
