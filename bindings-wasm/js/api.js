// The JavaScript face of cchc-wasm, shared by the browser and Node entry points.
//
// A thin wrapper: it converts arguments to JSON text, calls the WebAssembly module (the Rust
// core does all the work), parses the JSON it returns, and turns thrown errors into CchcError
// objects. No scoring logic lives here.

let raw = null;

/** @internal Called once by the entry point after the WebAssembly module is instantiated. */
export function _setBindings(bindings) {
  raw = bindings;
}

function bindings() {
  if (raw === null) {
    throw new Error('cchc-wasm is not initialised yet: `await init()` first (browser entry point)');
  }
  return raw;
}

/**
 * An error from the engine: a ruleset that does not load, data that cannot be read, or (never
 * expected) an internal failure. `code`, `file`, `line`, `column`, `criterion` and `message`
 * describe the first problem; `errors` lists every one (each also with `end_line`,
 * `end_column`, `help` and related `labels`).
 */
export class CchcError extends Error {
  constructor(errors, options) {
    const list = Array.isArray(errors) && errors.length > 0
      ? errors.map(normaliseDiagnostic)
      : [normaliseDiagnostic({ code: 'internal', message: 'unknown error' })];
    const first = list[0];
    const where = first.file ? `${first.file}:${first.line}:${first.column}: ` : '';
    const more = list.length > 1 ? ` (and ${list.length - 1} more problem(s))` : '';
    super(`${where}${first.message} [${first.code}]${more}`, options);
    this.name = 'CchcError';
    this.code = first.code;
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
    this.criterion = first.criterion;
    this.errors = list;
  }
}

function normaliseDiagnostic(d) {
  const line = Number(d?.line ?? 0);
  return {
    code: String(d?.code ?? 'internal'),
    message: String(d?.message ?? ''),
    file: String(d?.file ?? ''),
    line,
    column: Number(d?.column ?? 0),
    end_line: Number(d?.end_line ?? line),
    end_column: Number(d?.end_column ?? 0),
    criterion: d?.criterion ?? null,
    help: d?.help ?? null,
    labels: Array.isArray(d?.labels) ? d.labels : [],
  };
}

const INTERNAL = /^cchc internal error/;

function toCchcError(e) {
  if (e instanceof CchcError) return e;
  if (e instanceof Error && e.name === 'CchcError' && Array.isArray(e.diagnostics)) {
    return new CchcError(e.diagnostics);
  }
  const trap = typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError;
  if (trap || (e instanceof Error && INTERNAL.test(e.message))) {
    return new CchcError([{ code: 'internal', message: String(e.message) }], { cause: e });
  }
  return e;
}

// After an internal failure (a panic or a trap) the module's state cannot be trusted: Rust's
// panic count stays raised, locks may be poisoned, memory may have leaked. Rather than risk a
// wrong score, every later call throws until the module is loaded again (a page reload, a new
// process).
let broken = null;

function call(f) {
  if (broken !== null) {
    throw new CchcError([{
      code: 'internal',
      message: `the engine stopped after an internal error and must be loaded again (reload the page or restart the process); the error was: ${broken}`,
    }]);
  }
  try {
    return f();
  } catch (e) {
    const err = toCchcError(e);
    if (err instanceof CchcError && err.code === 'internal') broken = err.errors[0].message;
    throw err;
  }
}

// JSON.stringify writes NaN and ±Infinity as null (which would read as "missing") and throws on
// BigInt. Both are written instead as YAML-style raw scalars that the core reads exactly: a
// BigInt as its digits, a non-finite number as `.nan` / `.inf` (the core's `not_finite`).
const MARK = '\u0001cchc-raw:';
const MARKED = /"\\u0001cchc-raw:([-.0-9a-z]*)"/g;

/** JSON text for a plain value, numbers written as JavaScript prints them (3.7 stays 3.7). */
export function toJsonText(value) {
  let marked = false;
  const text = JSON.stringify(value, (_key, x) => {
    if (typeof x === 'bigint') {
      marked = true;
      return MARK + x.toString();
    }
    if (typeof x === 'number' && !Number.isFinite(x)) {
      marked = true;
      return MARK + (Number.isNaN(x) ? '.nan' : x > 0 ? '.inf' : '-.inf');
    }
    return x;
  });
  if (text === undefined) return 'null';
  return marked ? text.replace(MARKED, '$1') : text;
}

function checkString(value, what) {
  if (typeof value !== 'string') {
    throw new TypeError(`${what} must be a string, not ${value === null ? 'null' : typeof value}`);
  }
}

function origin(o) {
  return o === undefined || o === null ? undefined : String(o);
}

const TOKEN = Symbol('cchc-wasm.Ruleset');

/** A loaded, validated and compiled ruleset (bộ tiêu chí, format `cchc/1`). */
export class Ruleset {
  #raw;

  /** @internal Use `Ruleset.fromYaml`. */
  constructor(token, inner) {
    if (token !== TOKEN) throw new TypeError('use Ruleset.fromYaml(text) to load a ruleset');
    this.#raw = inner;
  }

  /** Loads a ruleset from YAML (or JSON) text. Throws a CchcError listing every problem. */
  static fromYaml(text, originName) {
    checkString(text, 'the ruleset text');
    const inner = call(() => bindings().RawRuleset.fromYaml(text, origin(originName)));
    return new Ruleset(TOKEN, inner);
  }

  #inner() {
    if (this.#raw === null) throw new Error('this Ruleset has been freed');
    return this.#raw;
  }

  get id() {
    return call(() => this.#inner().id);
  }

  get version() {
    return call(() => this.#inner().version);
  }

  get title() {
    return call(() => this.#inner().title);
  }

  get fingerprint() {
    return call(() => this.#inner().fingerprint);
  }

  /** The data dictionary: one entry per declared input, in file order. */
  inputs() {
    return JSON.parse(call(() => this.#inner().inputsJson()));
  }

  /**
   * Load-time warnings: diagnostics with a code (`unreachable_band`, `invalid_date`,
   * `grade_out_of_range`, `suspicious_id`), place, help and related labels; `[]` for a clean file.
   */
  warnings() {
    return JSON.parse(call(() => this.#inner().warningsJson()));
  }

  /** The criteria tree (ids, titles, kinds, max, rule kinds, children). */
  criteria() {
    return JSON.parse(call(() => this.#inner().criteriaJson()));
  }

  /** Scores one unit `{id, name?, kind?, values, not_applicable?, self_assessed?}`. */
  score(unit) {
    return JSON.parse(this.scoreJson(toJsonText(unit)));
  }

  /** Scores one unit given as JSON text; returns the result as JSON text (exact numbers). */
  scoreJson(jsonText, originName) {
    checkString(jsonText, 'the unit JSON text');
    return call(() => this.#inner().scoreJson(jsonText, origin(originName)));
  }

  /** Scores a batch (an array of units, or `{units: [...]}`) and ranks it. */
  scoreMany(units, options = {}) {
    return JSON.parse(this.scoreManyJson(toJsonText(units), Boolean(options?.groupByKind)));
  }

  /** Scores a batch given as JSON text; returns `{results, ranking}` as JSON text. */
  scoreManyJson(jsonText, groupByKind = false, originName) {
    checkString(jsonText, 'the units JSON text');
    return call(() => this.#inner().scoreManyJson(jsonText, Boolean(groupByKind), origin(originName)));
  }

  /** Scores a data file's text (`format`: 'json', 'yaml' or 'csv'); returns `{results, ranking}`. */
  scoreText(text, format, options = {}) {
    return JSON.parse(this.scoreTextJson(text, format, Boolean(options?.groupByKind), options?.origin));
  }

  /** As `scoreText`, returning JSON text. */
  scoreTextJson(text, format, groupByKind = false, originName) {
    checkString(text, 'the data text');
    checkString(format, 'the data format');
    return call(() => this.#inner().scoreTextJson(text, format, Boolean(groupByKind), origin(originName)));
  }

  /** Releases the WebAssembly memory now (otherwise the garbage collector does it). */
  free() {
    if (this.#raw !== null) {
      const inner = this.#raw;
      this.#raw = null;
      if (broken === null) call(() => inner.free());
    }
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Ruleset.prototype[Symbol.dispose] = function dispose() {
    this.free();
  };
}

/** Every stable problem code the engine uses (the same in Rust, Python and JavaScript). */
export function codes() {
  return JSON.parse(call(() => bindings().codesJson()));
}

/** The engine's version. */
export function engineVersion() {
  return call(() => bindings().engineVersion());
}
