// The JavaScript face of cchc-wasm, shared by the browser and Node entry points.
//
// A thin wrapper: it converts arguments to JSON text, calls the WebAssembly module (the Rust
// core does all the work), parses the JSON it returns, and turns thrown errors into CchcError
// objects. No scoring logic lives here.

// The demo page's texts (the catalogue's `demo-` messages), written from core/locales/*/demo.ftl
// by scripts/build-wasm.sh: the WebAssembly module does not carry them (size budget).
import DEMO_TEXTS from '../pkg/demo_texts.js';

let raw = null;
// Texts prepared when the module is set, for when it can no longer be called (after an internal
// error): `js-internal` and `js-engine-stopped` in both languages, their argument marked by HOLE.
const HOLE = '\u0001';
let prepared = null;

/** @internal Called once by the entry point after the WebAssembly module is instantiated. */
export function _setBindings(bindings) {
  raw = bindings;
  prepared = {};
  for (const id of ['js-internal', 'js-engine-stopped']) {
    for (const lang of ['vi', 'en']) {
      prepared[`${id}/${lang}`] = bindings.jsText(id, undefined, HOLE, undefined, undefined, lang) ?? null;
    }
  }
}

// The one text the catalogue cannot give: the module is not there yet.
const NOT_INITIALISED = {
  vi: 'cchc-wasm chưa được khởi tạo: hãy gọi `await init()` trước (trong trình duyệt)',
  en: 'cchc-wasm is not initialised yet: `await init()` first (browser entry point)',
};

function bindings(lang) {
  if (raw === null) {
    throw new Error(NOT_INITIALISED[lang === 'en' ? 'en' : 'vi']);
  }
  return raw;
}

/**
 * The language an options object asks for: `'vi'` (the default) or `'en'`; an unknown one throws
 * a RangeError with the CLI's message. Tags such as `vi-VN` or `en-US` are accepted.
 */
function langOf(options) {
  const tag = options?.lang;
  if (tag === undefined || tag === null) return 'vi';
  if (tag === 'vi' || tag === 'en') return tag;
  return bindings().parseLang(String(tag));
}

/** A text of the JavaScript layer from the catalogue (`js-` messages of bindings.ftl). */
function text(id, args, lang) {
  const a = args ?? {};
  const str = (x) => (typeof x === 'string' ? x : undefined);
  const count = Number.isInteger(a.count) && a.count >= 0 && a.count <= 0xffffffff ? a.count : undefined;
  const s = raw === null || broken !== null ? null : raw.jsText(id, count, str(a.error), str(a.what), str(a.got), lang);
  return s ?? `${id} ${JSON.stringify(args ?? {})}`;
}

/**
 * An error from the engine: a ruleset that does not load, data that cannot be read, or (never
 * expected) an internal failure. `code`, `file`, `line`, `column`, `criterion` and `message`
 * describe the first problem; `errors` lists every one (each also with `end_line`,
 * `end_column`, `help` and related `labels`). Texts are in the language of the call
 * (`options.lang`, Vietnamese by default); codes are the same in every language.
 */
export class CchcError extends Error {
  constructor(errors, options) {
    const lang = options?.lang === 'en' ? 'en' : 'vi';
    const list = Array.isArray(errors) && errors.length > 0
      ? errors.map(normaliseDiagnostic)
      : [normaliseDiagnostic({ code: 'internal', message: text('js-unknown-error', {}, lang) })];
    const first = list[0];
    const where = first.file ? `${first.file}:${first.line}:${first.column}: ` : '';
    const more = list.length > 1 ? ` ${text('js-more-problems', { count: list.length - 1 }, lang)}` : '';
    super(`${where}${first.message} [${first.code}]${more}`, options?.cause === undefined ? undefined : { cause: options.cause });
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

function toCchcError(e, lang) {
  if (e instanceof CchcError) return e;
  if (e instanceof Error && e.name === 'CchcError' && Array.isArray(e.diagnostics)) {
    return new CchcError(e.diagnostics, { lang });
  }
  const trap = typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError;
  if (trap || (e instanceof Error && INTERNAL.test(e.message))) {
    // The module cannot be trusted any more: its texts were prepared beforehand.
    broken = String(e.message);
    return new CchcError([{ code: 'internal', message: preparedText('js-internal', lang) }], { cause: e, lang });
  }
  return e;
}

// After an internal failure (a panic or a trap) the module's state cannot be trusted: Rust's
// panic count stays raised, locks may be poisoned, memory may have leaked. Rather than risk a
// wrong score, every later call throws until the module is loaded again (a page reload, a new
// process). Its message was prepared from the catalogue when the module was set.
let broken = null;

/** A prepared text with the internal error in its place. */
function preparedText(id, lang) {
  const template = prepared?.[`${id}/${lang}`];
  return template ? template.replace(HOLE, () => broken) : broken;
}

function stopped(lang) {
  return new CchcError([{ code: 'internal', message: preparedText('js-engine-stopped', lang) }], { lang });
}

function call(f, lang = 'vi') {
  if (broken !== null) throw stopped(lang);
  try {
    return f();
  } catch (e) {
    throw toCchcError(e, lang);
  }
}

// JSON.stringify writes NaN and ±Infinity as null (which would read as "missing") and throws on
// BigInt. Both are written instead as YAML-style raw scalars that the core reads exactly: a
// BigInt as its digits, a non-finite number as `.nan` / `.inf` (the core's `not_finite`).
const MARK = '\u0001cchc-raw:';
const MARKED = /"\\u0001cchc-raw:([-.0-9a-z]*)"/g;

/** JSON text for a plain value, numbers written as JavaScript prints them (3.7 stays 3.7). */
export function toJsonText(value) {
  // The common case needs no replacer (which would cost a call back into JavaScript for every
  // key): JSON.stringify alone is exact unless the value holds a BigInt (it throws) or NaN or
  // ±Infinity (written as null). So a text without `null` in it is the answer; any other value
  // takes the replacer's path.
  let plain;
  try {
    plain = JSON.stringify(value);
  } catch {
    plain = null;
  }
  if (plain !== null && (plain === undefined || !plain.includes('null'))) return plain ?? 'null';
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

function checkString(value, what, lang) {
  if (typeof value !== 'string') {
    const got = value === null ? 'null' : typeof value;
    throw new TypeError(text('js-not-string', { what, got }, lang));
  }
}

function origin(o) {
  return o === undefined || o === null ? undefined : String(o);
}

/**
 * `options.round`: the id of the round to score as of, or undefined (each unit's last round).
 * An id the ruleset does not declare is refused by the engine (CchcError `unknown_round`).
 */
function roundOf(options) {
  const r = options?.round;
  return r === undefined || r === null ? undefined : String(r);
}

/** True for an options object given where a positional argument was expected. */
function isOptions(x) {
  return x !== null && typeof x === 'object';
}

/**
 * The options of the JSON twins, which take positional `groupByKind`/`origin` arguments or, in
 * their place, one options object.
 */
function twinOptions(positional, names) {
  const i = positional.findIndex(isOptions);
  const out = i >= 0 ? { ...positional[i] } : {};
  names.forEach((name, k) => {
    if ((i < 0 || k < i) && positional[k] !== undefined) out[name] = positional[k];
  });
  return out;
}

const TOKEN = Symbol('cchc-wasm.Ruleset');

/** `options.criteria`: `true` (the tree now), `false` (no tree) or, by default, `'lazy'`. */
function treeOption(options) {
  const c = options?.criteria;
  if (c === true || c === false) return c;
  return 'lazy';
}

/**
 * The summary of a result (every key but `criteria`) with `criteria` added in its place (before
 * `warnings`, as in the whole JSON) as an enumerable getter: the first read calls `load()` and
 * replaces the getter by a plain data property, so later reads, `JSON.stringify`, spreading and
 * `assert.deepStrictEqual` see an ordinary object. Assigning `criteria` also replaces it.
 * `load` null: no `criteria` key. `head` (the quick path's `ruleset` value, sent once per
 * ruleset): a copy of it is put first when the summary has no `ruleset` key.
 */
function assemble(summary, load, head = null) {
  const out = {};
  if (head !== null && !Object.hasOwn(summary, 'ruleset')) out.ruleset = copyJson(head);
  for (const k of Object.keys(summary)) {
    if (k === 'warnings' && load !== null) defineLazyCriteria(out, load);
    out[k] = summary[k];
  }
  if (load !== null && !Object.hasOwn(out, 'criteria')) defineLazyCriteria(out, load);
  return out;
}

/** A copy of a value parsed from JSON (plain objects, arrays and scalars), key order kept. */
function copyJson(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyJson);
  const out = {};
  for (const k of Object.keys(v)) {
    // `out.__proto__ = x` would set the prototype: a parameter may be named so.
    if (k === '__proto__') Object.defineProperty(out, k, { value: copyJson(v[k]), writable: true, enumerable: true, configurable: true });
    else out[k] = copyJson(v[k]);
  }
  return out;
}

function defineLazyCriteria(obj, load) {
  Object.defineProperty(obj, 'criteria', {
    get() {
      return settle(obj, load());
    },
    set(value) {
      settle(obj, value);
    },
    enumerable: true,
    configurable: true,
  });
}

/**
 * A batch's results with lazy trees: `one(i)` gives result i's tree on its own (each unit
 * scored again from its kept JSON text), or, when there is no `one`, the first read scores the
 * whole batch again (`all()`, the whole JSON) and gives every result its tree. `lazy` false: no
 * trees, only the quick path's `head` put in.
 */
function lazyBatch(batch, one, all, lazy = true, head = null) {
  let whole = null;
  const results = batch.results;
  for (let i = 0; i < results.length; i++) {
    const load = !lazy ? null : one !== null ? () => one(i) : () => {
      whole ??= all();
      return whole.results[i].criteria;
    };
    results[i] = assemble(results[i], load, head);
  }
  return batch;
}

// The quick path (D125): plain units are sent to the engine as input slots and texts instead of
// JSON text (`RawRuleset.scoreSlots`), which skips writing and reading a JSON text per unit and
// the `ruleset` key of every result after the first. Anything else — a key other than `id`,
// `name`, `kind` and `values`, a value name the ruleset does not declare as it is written, a
// value that is not null, a boolean, a finite number or a well-formed text, a result with a
// warning or an error — takes the JSON path, so every result is the JSON path's.

/**
 * Per raw ruleset: its unit inputs' slots by name, the `ruleset` value of its results, and how
 * often the engine declined in a row. A ruleset whose results carry warnings (e.g. `no_evidence`
 * where evidence is asked for and not given) is declined every time, and each attempt costs a
 * scoring: after `QUICK_DECLINES` declines in a row the next `QUICK_PAUSE` calls go straight to
 * the JSON path, then the quick path is tried again. Which path answers never changes a result.
 */
const QUICK_DECLINES = 8;
const QUICK_PAUSE = 32;

const CODERS = new WeakMap();

function coderOf(raw) {
  let c = CODERS.get(raw);
  if (c === undefined) {
    c = { slots: new Map(JSON.parse(raw.inputNames()).map((name, i) => [name, i])), head: null, declined: 0, skip: 0 };
    CODERS.set(raw, c);
  }
  return c;
}

const wellFormed = typeof ''.isWellFormed === 'function' ? (s) => s.isWellFormed() : (s) => !/[\ud800-\udfff]/.test(s);

/** A plain object: made by `{}` (or with a null prototype), without `toJSON`. */
function isPlain(x) {
  if (x === null || typeof x !== 'object') return false;
  const proto = Object.getPrototypeOf(x);
  return (proto === Object.prototype || proto === null) && typeof x.toJSON !== 'function';
}

/** A key JSON.stringify leaves out of an object. */
function skipped(v) {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

// The codes of the units being encoded: one buffer for every call (a plain array of numbers
// up to 2^32 would hold doubles, and converting it cost as much as the rest of the encoding).
let codesBuf = new Uint32Array(4096);
let codesLen = 0;

function putCode(x) {
  if (codesLen === codesBuf.length) {
    const bigger = new Uint32Array(codesBuf.length * 2);
    bigger.set(codesBuf);
    codesBuf = bigger;
  }
  codesBuf[codesLen++] = x;
}

/**
 * Adds one unit's codes and texts (see `scoreSlots` in src/lib.rs); false when the unit must
 * take the JSON path.
 */
function encodeUnit(u, slots, texts, infos, ownOnly) {
  if (!isPlain(u)) return false;
  let id = null;
  let name = null;
  let kind = null;
  let values = null;
  // Own enumerable keys, in JSON.stringify's order (a `for…in` would also see inherited ones).
  for (const k of Object.keys(u)) {
    const v = u[k];
    if (skipped(v)) continue;
    if (k === 'values') values = v;
    else if (k === 'id' || k === 'name' || k === 'kind') {
      if (v === null) continue;
      if (typeof v !== 'string' || !wellFormed(v)) return false;
      if (k === 'id') id = v;
      else if (k === 'name') name = v;
      else kind = v;
    } else return false;
  }
  if (id === null || (values !== null && !isPlain(values))) return false;
  const head = codesLen;
  putCode(0);
  infos.push(id, name, kind);
  texts.push(id);
  if (name !== null) texts.push(name);
  if (kind !== null) texts.push(kind);
  let n = 0;
  if (values !== null) {
    // Own keys only. A `for…in` reads a plain object's values by their place, much faster
    // than `Object.keys` and a lookup by name, but also lists keys inherited from a polluted
    // `Object.prototype`: then `Object.keys`.
    if (ownOnly) {
      for (const k in values) {
        const put = putValue(slots.get(k), values[k], texts);
        if (put < 0) return false;
        n += put;
      }
    } else {
      for (const k of Object.keys(values)) {
        const put = putValue(slots.get(k), values[k], texts);
        if (put < 0) return false;
        n += put;
      }
    }
  }
  codesBuf[head] = n * 4 + (name !== null ? 2 : 0) + (kind !== null ? 1 : 0);
  return true;
}

/** True when `Object.prototype` has no enumerable key (a `for…in` then lists own keys only). */
function prototypeClean() {
  for (const _ in Object.prototype) return false;
  return true;
}

/**
 * Adds value `v` of input slot `slot` (undefined: the name is no input): 1 when added, 0 when
 * JSON.stringify would leave it out, −1 when the JSON path must take the unit.
 */
function putValue(slot, v, texts) {
  if (skipped(v)) return 0;
  if (slot === undefined) return -1;
  if (v === null) putCode(slot * 8);
  else if (v === false) putCode(slot * 8 + 1);
  else if (v === true) putCode(slot * 8 + 2);
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) return -1;
    if (!putDecimal(v, slot)) {
      putCode(slot * 8 + 3);
      texts.push(String(v));
    }
  } else if (typeof v === 'string') {
    if (!wellFormed(v)) return -1;
    putCode(slot * 8 + 4);
    texts.push(v);
  } else return -1;
  return 1;
}

/**
 * Adds a number as the decimal its text (`String(v)`, what JSON.stringify writes) denotes,
 * without writing the text: the mantissa r and scale s of a decimal r × 10^-s with at most 15
 * significant digits that rounds to v (checked exactly: r / 10^s is correctly rounded). At most
 * one decimal of 15 digits or fewer rounds to a given double, and the shortest text of v (the
 * one JavaScript writes) is one of them when any is, so the engine reads the same number as from
 * the text. False for a number without such a decimal (more digits, |v| ≥ 10^15, < 10^-9…).
 */
function putDecimal(v, slot) {
  const a = v < 0 ? -v : v;
  let p = 1;
  for (let s = 0; s <= 9; s++, p *= 10) {
    const r = Math.round(a * p);
    if (r >= 1e15) return false;
    if (r / p === a) {
      const hi = Math.floor(r / 4294967296);
      putCode(slot * 8 + 5);
      putCode(r - hi * 4294967296);
      putCode(hi);
      putCode(s * 2 + (v < 0 ? 1 : 0));
      return true;
    }
  }
  return false;
}

// Codes kept for lazy trees are carved out of shared blocks: a buffer of its own for each
// result (`slice`) cost V8 an ArrayBuffer per call to allocate and later to sweep. A block
// stays alive while a result carved from it does (at most KEPT_BLOCK × 4 bytes).
const KEPT_BLOCK = 1 << 14;
let keptBlock = new Uint32Array(0);
let keptUsed = 0;

/** A copy of the first `n` codes that later calls do not overwrite. */
function keptCodes(n) {
  if (n > KEPT_BLOCK / 4) return codesBuf.slice(0, n);
  if (keptUsed + n > keptBlock.length) {
    keptBlock = new Uint32Array(KEPT_BLOCK);
    keptUsed = 0;
  }
  const out = keptBlock.subarray(keptUsed, keptUsed + n);
  out.set(codesBuf.subarray(0, n));
  keptUsed += n;
  return out;
}

/**
 * The quick path's arguments for `units`, with each unit's share, or null. `keep`: the codes
 * are copied out of the shared buffer (for lazy trees, which score them again later).
 */
function encodeUnits(units, slots, keep) {
  codesLen = 0;
  const ownOnly = prototypeClean();
  const texts = [];
  const parts = [];
  const infos = [];
  for (const u of units) {
    const c = codesLen;
    const t = texts.length;
    if (!encodeUnit(u, slots, texts, infos, ownOnly)) return null;
    parts.push(c, codesLen, t, texts.length);
  }
  const codes = keep ? keptCodes(codesLen) : codesBuf.subarray(0, codesLen);
  // A large batch's buffer is not kept for the calls after it (`codes` holds it until then).
  if (codesBuf.length > 1 << 18) codesBuf = new Uint32Array(4096);
  return { codes, texts, parts, infos };
}

/**
 * A summary from `scoreSlots`' compact answer `f` (its NUL-separated figures), in the whole
 * JSON's shape and key order: the kept `ruleset`, unit i's id, name and kind as sent (`infos`),
 * the figures, and the lazy `criteria` (none when `load` is null). Made as one object literal
 * (a getter in a literal costs V8 far less than defining one afterwards).
 */
function quickSummary(f, infos, i, head, load) {
  const ruleset = copyJson(head);
  const unit = { id: infos[3 * i] };
  const [name, kind] = [infos[3 * i + 1], infos[3 * i + 2]];
  if (name !== null) unit.name = name;
  if (kind !== null) unit.kind = kind;
  const [status, total, max] = [f[0], Number(f[1]), Number(f[2])];
  const index = f[3] === '' ? null : Number(f[3]);
  const grade = f.length > 4 ? { id: f[4], label: f[5] } : null;
  if (load === null) return { ruleset, unit, status, total, max, index, grade, warnings: [], errors: [] };
  return {
    ruleset,
    unit,
    status,
    total,
    max,
    index,
    grade,
    get criteria() {
      return settle(this, load());
    },
    set criteria(value) {
      settle(this, value);
    },
    warnings: [],
    errors: [],
  };
}

/**
 * A batch from `scoreSlots`' compact answer: each result as `quickSummary` makes it (`one(i)`
 * builds result i's tree; none when `one` is null), and the ranking's rows in the whole JSON's
 * shape (`{grade, group?, id, index, kind, name, rank, total}`), made from the results.
 */
function quickBatch(out, infos, head, one) {
  const cut = out.indexOf('\u0002');
  const resultsText = out.slice(0, cut);
  const rankText = out.slice(cut + 1);
  const results = resultsText === '' ? [] : resultsText.split('\u0001').map((rec, i) =>
    quickSummary(rec.split('\0'), infos, i, head, one === null ? null : () => one(i)));
  const ranking = rankText === '' ? [] : rankText.split('\u0001').map((rec) => {
    const f = rec.split('\0');
    const r = results[Number(f[0])];
    const row = { grade: r.grade === null ? null : r.grade.id };
    if (f.length > 2) row.group = f[2];
    row.id = r.unit.id;
    row.index = r.index;
    row.kind = r.unit.kind ?? null;
    row.name = r.unit.name ?? null;
    row.rank = Number(f[1]);
    row.total = r.total;
    return row;
  });
  return { results, ranking };
}

/** Makes `criteria` a plain data property of `obj` holding `value`. */
function settle(obj, value) {
  Object.defineProperty(obj, 'criteria', { value, writable: true, enumerable: true, configurable: true });
  return value;
}

const joinTexts = (texts) => (texts.length === 0 ? '' : `${texts.join('\0')}\0`);

/** A loaded, validated and compiled ruleset (bộ tiêu chí, format `cchc/1`). */
export class Ruleset {
  #raw;
  /** The raw ruleset with the last `options.params` set: `{key, raw}` (one kept at a time). */
  #bound = null;

  /** @internal Use `Ruleset.fromYaml`. */
  constructor(token, inner) {
    if (token !== TOKEN) throw new TypeError(text('js-use-from-yaml', {}, 'vi'));
    this.#raw = inner;
  }

  /**
   * Loads a ruleset from YAML (or JSON) text. Throws a CchcError listing every problem, its
   * texts in `options.lang` (`'vi'` by default, or `'en'`). `originName` may be given in the
   * options instead: `fromYaml(text, { origin, lang })`.
   */
  static fromYaml(text, originName, options) {
    const opts = isOptions(originName) ? originName : { ...options, origin: originName ?? options?.origin };
    const lang = langOf(opts);
    checkString(text, 'ruleset', lang);
    const inner = call(() => bindings(lang).RawRuleset.fromYaml(text, origin(opts.origin), lang), lang);
    return new Ruleset(TOKEN, inner);
  }

  /**
   * The raw ruleset to score with: with `options.params` (values of the ruleset's
   * `parameters:`, e.g. `{ khao_sat: false }`) set by the engine, which refuses an unknown name
   * (CchcError `unknown_parameter`) or a value of the wrong type (`invalid_parameter`); and with
   * `options.groups` (`'ruleset'`, `'kind'` or `'none'`: the groups batches are ranked within).
   */
  #inner(lang = 'vi', options = undefined) {
    if (this.#raw === null) throw new Error(text('js-freed', {}, lang));
    const params = options?.params ?? null;
    const groups = options?.groups ?? null;
    if (params === null && groups === null) return this.#raw;
    const key = JSON.stringify([params, groups]);
    if (this.#bound?.key === key) return this.#bound.raw;
    const raw = call(() => {
      const withParams = params === null ? null : this.#raw.withParameters(JSON.stringify(params), lang);
      if (groups === null) return withParams;
      const withGroups = (withParams ?? this.#raw).withGroups(String(groups), lang);
      if (withParams !== null) withParams.free();
      return withGroups;
    }, lang);
    const old = this.#bound;
    this.#bound = { key, raw };
    if (old !== null && broken === null) call(() => old.raw.free());
    return raw;
  }

  /** The declared parameters (`parameters:`), in file order, each with its default. */
  parameters() {
    return JSON.parse(call(() => this.#inner().parametersJson()));
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

  /** Who issued the criteria (`issued_by` of the file), or null. */
  get issuedBy() {
    return call(() => this.#inner().issuedBy) ?? null;
  }

  /** `'official'`, `'draft'` (also when the file does not say) or `'illustrative'`. */
  get status() {
    return call(() => this.#inner().status);
  }

  /** The decimal places of points, totals and the index (`rounding.places`, 2 by default). */
  get places() {
    return call(() => this.#inner().places);
  }

  /** The data dictionary: one entry per declared input, in file order. */
  inputs() {
    return JSON.parse(call(() => this.#inner().inputsJson()));
  }

  /**
   * Load-time warnings: diagnostics with a code (`unreachable_band`, `invalid_date`,
   * `grade_out_of_range`, `suspicious_id`), place, help and related labels; `[]` for a clean
   * file. Texts in `options.lang`.
   */
  warnings(options = {}) {
    const lang = langOf(options);
    return JSON.parse(call(() => this.#inner(lang).warningsJson(lang), lang));
  }

  /**
   * The assessment rounds the ruleset declares (`rounds:`), in order: `[{id, label}]` (the label
   * is the id when the file gives none). `[]` for a ruleset without rounds (one implicit round).
   */
  rounds() {
    return JSON.parse(call(() => this.#inner().roundsJson()));
  }

  /** The criteria tree (ids, titles, kinds, max, rule kinds, children). */
  criteria() {
    return JSON.parse(call(() => this.#inner().criteriaJson()));
  }

  /**
   * Scores one unit `{id, name?, kind?, values, not_applicable?, self_assessed?, points?,
   * notes?, evidence?, explanations?, rounds?}`.
   *
   * The result has the keys and values of `JSON.parse(scoreJson(...))`. Its `criteria` tree
   * (with every node's `trace` words and `why`) is built when it is first read, by scoring the
   * unit again from the JSON text this call sent (kept with the result) — unless
   * `options.criteria` is `true` (built now) or `false` (no `criteria` key at all).
   * `options.round` scores the unit as of that round (the tree too).
   */
  score(unit, options = {}) {
    const lang = langOf(options);
    const tree = treeOption(options);
    if (tree !== true) {
      const quick = this.#quick([unit], false, lang, options, tree);
      if (quick !== null) return quick;
    }
    const jsonText = toJsonText(unit);
    if (tree === true) return JSON.parse(this.scoreJson(jsonText, options));
    checkString(jsonText, 'unit-json', lang);
    const o = origin(options?.origin);
    const r = roundOf(options);
    const summary = JSON.parse(call(() => this.#inner(lang, options).scoreJsonWith(jsonText, o, lang, r, false, true, true), lang));
    if (tree === false) return summary;
    return assemble(summary, () => JSON.parse(call(() => this.#inner(lang, options).scoreJsonWith(jsonText, o, lang, r, true, true, true), lang)).criteria);
  }

  /**
   * The quick path (D125) of `score` (`batch` false, `units` a list of one) and `scoreMany`:
   * the result or batch, or null when the units must take the JSON path.
   */
  #quick(units, batch, lang, options, tree) {
    const coder = call(() => coderOf(this.#inner(lang, options)), lang);
    if (coder.skip > 0) {
      coder.skip--;
      return null;
    }
    const enc = encodeUnits(units, coder.slots, tree !== false);
    if (enc === null) return null;
    const r = roundOf(options);
    const group = Boolean(options?.groupByKind);
    const run = (codes, texts, many, head, full, compact = false) =>
      call(() => this.#inner(lang, options).scoreSlots(codes, texts, lang, r, many, group, head, full, compact), lang);
    // Result i's tree: unit i scored again on its own, from its share of the arguments (the
    // same arguments give the same clean result; the JSON path of the unit as it is now is
    // only a guard).
    const one = (i) => {
      const [c0, c1, t0, t1] = enc.parts.slice(4 * i, 4 * i + 4);
      const full = run(enc.codes.subarray(c0, c1), joinTexts(enc.texts.slice(t0, t1)), false, false, true);
      if (full !== undefined) return JSON.parse(full).criteria;
      return JSON.parse(this.scoreJson(toJsonText(units[i]), options)).criteria;
    };
    const head = coder.head === null;
    // Compact figures once the ruleset's `ruleset` value is known (a ruleset with rounds
    // answers with JSON: its summaries have more keys).
    const compact = !head;
    const out = run(enc.codes, joinTexts(enc.texts), batch, head, false, compact);
    if (out === undefined) {
      if (++coder.declined >= QUICK_DECLINES) {
        coder.declined = 0;
        coder.skip = QUICK_PAUSE;
      }
      return null;
    }
    coder.declined = 0;
    if (compact && !out.startsWith('{')) {
      if (batch) return quickBatch(out, enc.infos, coder.head, tree === false ? null : one);
      return quickSummary(out.split('\0'), enc.infos, 0, coder.head, tree === false ? null : () => one(0));
    }
    const parsed = JSON.parse(out);
    if (head) coder.head = copyJson((batch ? parsed.results[0]?.ruleset : parsed.ruleset) ?? null);
    if (batch) return lazyBatch(parsed, one, null, tree !== false, coder.head);
    return assemble(parsed, tree === false ? null : () => one(0), coder.head);
  }

  /**
   * Scores one unit given as JSON text; returns the result as JSON text (exact numbers).
   * `scoreJson(text, origin?, options?)` or `scoreJson(text, { origin, lang, round })`.
   */
  scoreJson(jsonText, ...rest) {
    const opts = twinOptions(rest, ['origin']);
    const lang = langOf(opts);
    checkString(jsonText, 'unit-json', lang);
    return call(() => this.#inner(lang, opts).scoreJson(jsonText, origin(opts.origin), lang, roundOf(opts)), lang);
  }

  /** Scores one unit and explains its result in words, one line per criterion (`options.lang`). */
  explain(unit, options = {}) {
    const lang = langOf(options);
    const jsonText = typeof unit === 'string' ? unit : toJsonText(unit);
    return call(() => this.#inner(lang, options).explain(jsonText, origin(options?.origin), lang, roundOf(options)), lang);
  }

  /** Scores one unit; its result as an HTML table (`options.lang`), e.g. for a notebook. */
  html(unit, options = {}) {
    const lang = langOf(options);
    const jsonText = typeof unit === 'string' ? unit : toJsonText(unit);
    return call(() => this.#inner(lang, options).unitHtml(jsonText, origin(options?.origin), lang, roundOf(options)), lang);
  }

  /** Scores and ranks a batch; the results as one HTML table with their ranks (`options.lang`). */
  batchHtml(units, options = {}) {
    const lang = langOf(options);
    const jsonText = typeof units === 'string' ? units : toJsonText(units);
    return call(() => this.#inner(lang, options).batchHtml(jsonText, Boolean(options?.groupByKind), origin(options?.origin), lang, roundOf(options)), lang);
  }

  /**
   * Scores a batch (an array of units, or `{units: [...]}`) and ranks it. Each result's
   * `criteria` is built when first read, as in `score` (`options.criteria` as there).
   * `options.round` scores and ranks as of that round (a unit without it is not ranked).
   */
  scoreMany(units, options = {}) {
    const lang = langOf(options);
    const tree = treeOption(options);
    const group = Boolean(options?.groupByKind);
    if (tree === true) return JSON.parse(this.scoreManyJson(toJsonText(units), { ...options, groupByKind: group }));
    const list = Array.isArray(units) ? units : null;
    if (list !== null) {
      const quick = this.#quick(list, true, lang, options, tree);
      if (quick !== null) return quick;
    }
    const o = origin(options?.origin);
    // One JSON text per unit, kept for the lazy trees; the batch is their list.
    const texts = list === null ? null : Array.from(list, (u) => toJsonText(u)); // holes as null, as JSON.stringify writes them
    const jsonText = texts === null ? toJsonText(units) : `[${texts.join(',')}]`;
    const r = roundOf(options);
    const run = (text, full) => JSON.parse(call(() => this.#inner(lang, options).scoreManyJsonWith(text, group, o, lang, r, full, true, true), lang));
    const batch = run(jsonText, false);
    if (tree === false) return batch;
    return lazyBatch(batch, texts === null ? null : (i) => run(`[${texts[i]}]`, true).results[0].criteria, () => run(jsonText, true));
  }

  /**
   * Scores a batch given as JSON text; returns `{results, ranking}` as JSON text.
   * `scoreManyJson(text, groupByKind?, origin?, options?)` or `scoreManyJson(text, { groupByKind, origin, lang, round })`.
   */
  scoreManyJson(jsonText, ...rest) {
    const opts = twinOptions(rest, ['groupByKind', 'origin']);
    const lang = langOf(opts);
    checkString(jsonText, 'units-json', lang);
    return call(() => this.#inner(lang, opts).scoreManyJson(jsonText, Boolean(opts.groupByKind), origin(opts.origin), lang, roundOf(opts)), lang);
  }

  /**
   * Scores a data file's text (`format`: 'json', 'yaml' or 'csv'); returns `{results, ranking}`.
   * The results' `criteria` are built when one of them is first read (the whole text scored
   * again once), or as `options.criteria` says (see `score`).
   */
  scoreText(text, format, options = {}) {
    const tree = treeOption(options);
    const group = Boolean(options?.groupByKind);
    if (tree === true) return JSON.parse(this.scoreTextJson(text, format, { ...options, groupByKind: group }));
    const lang = langOf(options);
    checkString(text, 'data', lang);
    checkString(format, 'format', lang);
    const o = origin(options?.origin);
    const r = roundOf(options);
    const batch = JSON.parse(call(() => this.#inner(lang, options).scoreTextJsonWith(text, format, group, o, lang, r, false, true, true), lang));
    if (tree === false) return batch;
    return lazyBatch(batch, null, () => JSON.parse(call(() => this.#inner(lang, options).scoreTextJson(text, format, group, o, lang, r), lang)));
  }

  /**
   * As `scoreText`, returning JSON text. `scoreTextJson(text, format, groupByKind?, origin?,
   * options?)` or `scoreTextJson(text, format, { groupByKind, origin, lang, round })`.
   */
  scoreTextJson(dataText, format, ...rest) {
    const opts = twinOptions(rest, ['groupByKind', 'origin']);
    const lang = langOf(opts);
    checkString(dataText, 'data', lang);
    checkString(format, 'format', lang);
    return call(() => this.#inner(lang, opts).scoreTextJson(dataText, format, Boolean(opts.groupByKind), origin(opts.origin), lang, roundOf(opts)), lang);
  }

  /** Releases the WebAssembly memory now (otherwise the garbage collector does it). */
  free() {
    if (this.#bound !== null) {
      const bound = this.#bound.raw;
      this.#bound = null;
      if (broken === null) call(() => bound.free());
    }
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

/**
 * The demo page's texts in `lang` (`'vi'` by default, or `'en'`): `{ id: text }` for every
 * `demo-` message of the catalogue.
 */
export function messages(lang = 'vi') {
  const l = langOf({ lang });
  // Called on the module for the same errors as before (not initialised, engine stopped).
  call(() => bindings(l), l);
  return { ...DEMO_TEXTS[l] };
}

/** Every stable problem code the engine uses (the same in Rust, Python and JavaScript). */
export function codes() {
  return JSON.parse(call(() => bindings().codesJson()));
}

/** The engine's version. */
export function engineVersion() {
  return call(() => bindings().engineVersion());
}
