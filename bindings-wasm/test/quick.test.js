// The quick path of `score` and `scoreMany` (D125): plain units cross as input slots, not JSON
// text. Its results must be the JSON path's, and it must be taken when it can be (counted on
// the raw module), so that the comparisons of test/paths.test.js compare two paths. Results
// are compared, never timings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ruleset, toJsonText } from 'cchc-wasm';
import { RawRuleset } from '../pkg/cchc_wasm.js';

// Counts what the raw module's quick entry answers: a result, or undefined (the JSON path).
const seen = { quick: 0, declined: 0, compact: 0 };
const original = RawRuleset.prototype.scoreSlots;
RawRuleset.prototype.scoreSlots = function scoreSlots(...args) {
  const out = original.apply(this, args);
  seen[out === undefined ? 'declined' : 'quick']++;
  if (out !== undefined && !out.startsWith('{')) seen.compact++;
  return out;
};

/** The error a call throws (its code), or its value. */
function outcome(f) {
  try {
    return { value: f() };
  } catch (e) {
    return { code: e.code ?? e.name };
  }
}

/** What happened to one call: `quick`, `declined` (by the engine) or `json` (never asked). */
function pathOf(f) {
  const before = { ...seen };
  const value = f();
  const path = seen.quick > before.quick ? 'quick' : seen.declined > before.declined ? 'declined' : 'json';
  return { value, path };
}

const YAML_TEXT = `format: cchc/1
id: t.quick
version: "1"
title: Đường nhanh
total: 100
grades:
  - { id: tot, label: Tốt, at_least: 80 }
  - { id: dat, label: Đạt, at_least: 0 }
parameters:
  he_so: { type: number, default: 1 }
inputs:
  so: { type: number }
  ty_le: { type: percent }
  co: { type: bool }
  muc: { type: choice, options: [tot, kha, kem] }
criteria:
  - id: "1"
    title: Một
    max: 100
    children:
      - { id: "1.1", title: Số, max: 40, applies_if: "he_so > 0", rule: { scale: { input: so, from: 0, to: 1000 } } }
      - { id: "1.2", title: Tỷ lệ, max: 30, rule: { scale: { input: ty_le, from: 0, to: 100 } } }
      - { id: "1.3", title: Có, max: 10, rule: { check: co } }
      - { id: "1.4", title: Mức, max: 20, rule: { levels: { input: muc, points: { tot: 20, kha: 10, kem: 0 } } } }
`;

function rulesetOrSkip() {
  try {
    return Ruleset.fromYaml(YAML_TEXT, 'quick.yaml');
  } catch (e) {
    throw new Error(`the test ruleset does not load: ${JSON.stringify(e.diagnostics ?? e.message)}`);
  }
}

const base = { id: 'u1', name: 'Xã Một', values: { so: 500, ty_le: 87.5, co: true, muc: 'kha' } };
const withValue = (k, v) => ({ ...base, values: { ...base.values, [k]: v } });

/** score(u) equals the whole JSON's summary read from the unit's JSON text, tree included. */
function sameAsJson(rs, u, where) {
  const eager = JSON.parse(rs.scoreJson(toJsonText(u)));
  const got = pathOf(() => rs.score(u));
  assert.deepStrictEqual(got.value, eager, `${where}: differs from the JSON path`);
  assert.equal(JSON.stringify(rs.score(u)), JSON.stringify(eager), `${where}: key order`);
  const batch = JSON.parse(rs.scoreManyJson(toJsonText([u, { ...u, id: 'other' }])));
  assert.deepStrictEqual(rs.scoreMany([u, { ...u, id: 'other' }]), batch, `${where}: batch differs`);
  return got.path;
}

test('plain units take the quick path and give the JSON path results', () => {
  const rs = rulesetOrSkip();
  assert.equal(sameAsJson(rs, base, 'base'), 'quick');
  assert.equal(sameAsJson(rs, { ...base, kind: 'xa' }, 'kind'), 'quick');
  assert.equal(sameAsJson(rs, { ...base, name: null, kind: undefined }, 'null name'), 'quick');
  assert.equal(sameAsJson(rs, { ...base, extra: undefined, f() {} }, 'skipped keys'), 'quick');
  assert.equal(sameAsJson(rs, Object.assign(Object.create(null), base), 'null prototype'), 'quick');
  rs.free();
});

test('numbers cross as the decimal their JavaScript text denotes', () => {
  const rs = rulesetOrSkip();
  // Each is scored quick (as decimal codes or as text) and must equal the JSON path.
  const numbers = [0, -0, 1, 7, 999, 500.25, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 123.456789, 999.999999999,
    1e-9, 1.5e-9, 1e-7, 0.000001, 1e15 - 1, 1e15, 123456789012345.6, 2 ** 53, 1e21, 1e300, 5e-324,
    -1, -0.5, -123.45, 1000.0000001, 99.99, 87.5];
  for (const n of numbers) {
    for (const k of ['so', 'ty_le']) {
      // A fresh ruleset each time: declines in a row (numbers out of range) make the quick
      // path pause, and this test wants it asked every time.
      const fresh = rulesetOrSkip();
      const path = sameAsJson(fresh, withValue(k, n), `${k} = ${n}`);
      assert.notEqual(path, 'json', `${k} = ${n}: the quick path was not asked`);
      fresh.free();
    }
  }
  rs.free();
});

test('anything unusual takes the JSON path, with the same result', () => {
  const rs = rulesetOrSkip();
  class Unit {
    constructor() {
      Object.assign(this, base);
    }
  }
  const cases = [
    ['NaN', withValue('so', Number.NaN)],
    ['Infinity', withValue('so', Number.POSITIVE_INFINITY)],
    ['BigInt', withValue('so', 5n)],
    ['unknown input', withValue('khac', 1)],
    ['non-NFC name', { ...base, values: { ...base.values, ['mu\u0301c']: 'kha' } }],
    ['list value', withValue('so', [1])],
    ['object value', withValue('so', { a: 1 })],
    ['Date value', withValue('so', new Date(0))],
    ['numeric id', { ...base, id: 5 }],
    ['no id', { name: 'x', values: base.values }],
    ['other key', { ...base, not_applicable: ['1.1'] }],
    ['toJSON', { ...base, toJSON: () => ({ id: 'z', values: {} }) }],
    ['class instance', new Unit()],
    ['array', [base]],
    ['null', null],
    ['lone surrogate', withValue('muc', 'a\ud800b')],
  ];
  for (const [where, u] of cases) {
    const eager = (() => {
      try {
        return { value: JSON.parse(rs.scoreJson(toJsonText(u))) };
      } catch (e) {
        return { code: e.code };
      }
    })();
    let got;
    try {
      got = pathOf(() => rs.score(u));
    } catch (e) {
      got = { code: e.code, path: 'json' };
    }
    if (eager.code !== undefined) assert.equal(got.code, eager.code, `${where}: throws alike`);
    else assert.deepStrictEqual(got.value, eager.value, `${where}: differs from the JSON path`);
    assert.equal(got.path, 'json', `${where}: should not be sent quick`);
  }
  rs.free();
});

test('keys inherited from a polluted Object.prototype are not read (JSON.stringify reads own keys)', () => {
  const rs = rulesetOrSkip();
  const u = { values: { ...base.values } };
  try {
    Object.prototype.id = 'inherited';
    const eager = JSON.parse(rs.scoreJson(toJsonText(u)));
    const got = pathOf(() => rs.score(u));
    assert.deepStrictEqual(got.value, eager);
    assert.equal(got.path, 'json', 'a unit without its own id takes the JSON path');
  } finally {
    delete Object.prototype.id;
  }
  rs.free();
});

test('values inherited from a polluted Object.prototype are not read (the fast key walk is skipped)', () => {
  const rs = rulesetOrSkip();
  const u = { ...base, values: { ...base.values } };
  try {
    Object.prototype.khong_phai_dau_vao = 1;
    const eager = JSON.parse(rs.scoreJson(toJsonText(u)));
    const got = pathOf(() => rs.score(u));
    assert.deepStrictEqual(got.value, eager);
    assert.equal(got.path, 'quick', 'the inherited name is not the unit\'s: the unit stays quick');
  } finally {
    delete Object.prototype.khong_phai_dau_vao;
  }
  assert.equal(pathOf(() => rs.score(u)).path, 'quick');
  rs.free();
});

test('the engine declines what the JSON path reports with places, and texts with control characters', () => {
  const rs = rulesetOrSkip();
  const cases = [
    ['wrong type', withValue('so', 'abc')],
    ['unknown option', withValue('muc', 'rat_tot')],
    ['missing value', { ...base, values: { so: 1 } }],
    ['inexact number', withValue('so', 1e300)],
    ['tab in a text', withValue('muc', 'a\tb')],
    ['NUL in a text', withValue('muc', 'a\u0000b')],
    ['C1 control in the name', { ...base, name: 'a\u0085b' }],
  ];
  for (const [where, u] of cases) {
    // A fresh ruleset each time: declines in a row make the quick path pause (see below).
    const fresh = rulesetOrSkip();
    const before = seen.declined;
    const eager = outcome(() => JSON.parse(fresh.scoreJson(toJsonText(u))));
    const got = outcome(() => fresh.score(u));
    assert.deepStrictEqual(got, eager, `${where}: differs from the JSON path`);
    assert.equal(seen.declined, before + 1, `${where}: the engine should decline it`);
    fresh.free();
  }
  // One unit with a problem sends the whole batch the JSON path (places are the batch text's).
  const list = [base, { ...base, id: 'u2', values: { so: 'abc' } }];
  const eager = JSON.parse(rs.scoreManyJson(toJsonText(list)));
  const got = pathOf(() => rs.scoreMany(list));
  assert.deepStrictEqual(got.value, eager);
  assert.equal(got.path, 'declined');
  rs.free();
});

test('a quick result is its own object: changing one changes no other', () => {
  const rs = rulesetOrSkip();
  const a = rs.score(base);
  const b = rs.score(base);
  a.ruleset.id = 'changed';
  a.unit.name = 'changed';
  assert.equal(b.ruleset.id, 't.quick');
  assert.equal(rs.score(base).ruleset.id, 't.quick');
  const batch = rs.scoreMany([base, { ...base, id: 'u2' }]);
  batch.results[0].ruleset.version = 'x';
  assert.equal(batch.results[1].ruleset.version, '1');
  rs.free();
});

test('a lazy tree is the unit as it was scored, even if the object changes afterwards', () => {
  const rs = rulesetOrSkip();
  const u = structuredClone(base);
  const r = rs.score(u);
  const want = JSON.parse(rs.scoreJson(toJsonText(u))).criteria;
  u.values.so = 0;
  assert.deepStrictEqual(r.criteria, want);
  const list = [structuredClone(base), { ...structuredClone(base), id: 'u2' }];
  const b = rs.scoreMany(list);
  const wantB = JSON.parse(rs.scoreManyJson(toJsonText(list)));
  list[1].values.so = 0;
  assert.deepStrictEqual(b.results[1].criteria, wantB.results[1].criteria);
  rs.free();
});

test('lazy trees of many single calls, read last and in reverse, are each their own unit', () => {
  // The codes each result keeps for its tree are carved out of shared blocks (keptCodes in
  // js/api.js): thousands of calls cross several blocks, and no later call overwrites them.
  const rs = rulesetOrSkip();
  const units = Array.from({ length: 3000 }, (_, i) => ({
    id: `u${i}`,
    values: { so: i % 1001, ty_le: (i % 200) / 2, co: i % 3 === 0, muc: ['tot', 'kha', 'kem'][i % 3] },
  }));
  const results = units.map((u) => rs.score(u));
  for (let i = units.length - 1; i >= 0; i -= 37) {
    const want = JSON.parse(rs.scoreJson(toJsonText(units[i])));
    assert.deepStrictEqual(results[i].criteria, want.criteria, units[i].id);
    assert.equal(results[i].total, want.total, units[i].id);
  }
  rs.free();
});

test('parameters: the quick path scores with the bound ruleset', () => {
  const rs = rulesetOrSkip();
  for (const params of [undefined, { he_so: 0 }, { he_so: 2 }]) {
    const eager = JSON.parse(rs.scoreJson(toJsonText(base), params === undefined ? {} : { params }));
    const got = pathOf(() => rs.score(base, { params }));
    assert.deepStrictEqual(got.value, eager, `params ${JSON.stringify(params)}`);
    assert.equal(got.path, 'quick');
  }
  rs.free();
});

test('compact answers (figures, not JSON) give the JSON path results: units, batches, groups, kinds', () => {
  const text = YAML_TEXT.replace('parameters:\n', `ranking:
  method: dense
  groups:
    - { id: xa, label: "Xã, thị trấn", kinds: [xa, thi_tran] }
    - { id: phuong, label: Phường, kinds: [phuong] }
parameters:
`);
  const rs = Ruleset.fromYaml(text, 'g.yaml');
  const units = [
    { id: 'x1', name: 'Xã 1', kind: 'xa', values: { so: 900, ty_le: 90, co: true, muc: 'tot' } },
    { id: 'p1', kind: 'phuong', values: { so: 100, ty_le: 10.25, co: false, muc: 'kem' } },
    { id: 't1', name: 'Thị trấn', kind: 'thi_tran', values: { so: 900, ty_le: 90, co: true, muc: 'tot' } },
    { id: 'k1', name: null, values: { so: 500, ty_le: 50, co: true, muc: 'kha' } },
    { id: 'p2', kind: 'phuong', values: { so: 0, ty_le: 0, co: false, muc: 'kem' } },
  ];
  rs.score(units[0]); // the first answer is JSON (it carries the ruleset value kept after it)
  const before = seen.compact;
  for (const lang of ['vi', 'en']) {
    for (const u of units) {
      const eager = JSON.parse(rs.scoreJson(toJsonText(u), { lang }));
      assert.deepStrictEqual(rs.score(u, { lang }), eager, `${u.id} (${lang})`);
      const { criteria: _c, ...summary } = eager;
      assert.deepStrictEqual(rs.score(u, { lang, criteria: false }), summary, `${u.id} (${lang}), no tree`);
    }
    for (const options of [{ lang }, { lang, groupByKind: true }, { lang, groups: 'none' }]) {
      const eager = JSON.parse(rs.scoreManyJson(toJsonText(units), options));
      const lazy = rs.scoreMany(units, options);
      assert.equal(JSON.stringify(lazy), JSON.stringify(eager), `batch ${JSON.stringify(options)}: key order`);
      assert.deepStrictEqual(rs.scoreMany(units, options), eager, `batch ${JSON.stringify(options)}`);
      assert.deepStrictEqual(rs.scoreMany([], options), JSON.parse(rs.scoreManyJson('[]', options)), 'empty batch');
    }
  }
  assert.ok(seen.compact - before >= 20, `compact answers: ${seen.compact - before}`);
  rs.free();
});

test('a batch larger than the shared code buffer, and the calls after it, agree with the JSON path', () => {
  const rs = rulesetOrSkip();
  rs.score(base);
  // 25,000 units of about 13 codes: the buffer grows past 2^18 codes, then is let go.
  const many = Array.from({ length: 25000 }, (_, i) => ({ id: `u${i}`, values: { so: i % 1000 + 0.25, ty_le: (i % 100) + 0.5, co: i % 2 === 0, muc: ['tot', 'kha', 'kem'][i % 3] } }));
  const b = rs.scoreMany(many, { criteria: false });
  const eager = JSON.parse(rs.scoreManyJson(toJsonText(many)));
  assert.equal(b.results.length, 25000);
  for (const i of [0, 1, 4095, 4096, 12345, 24999]) {
    const { criteria: _c, ...want } = eager.results[i];
    assert.deepStrictEqual(b.results[i], want, `result ${i}`);
  }
  assert.deepStrictEqual(b.ranking, eager.ranking);
  assert.deepStrictEqual(rs.score(many[7]), JSON.parse(rs.scoreJson(toJsonText(many[7]))), 'a unit after the batch');
  rs.free();
});

test('the raw quick entry declines codes that do not add up, whatever they are (no trap, no huge allocation)', () => {
  const raw = RawRuleset.fromYaml(YAML_TEXT, 'raw.yaml', 'vi');
  const call = (codes, texts, batch) => raw.scoreSlots(Uint32Array.from(codes), texts, 'vi', undefined, batch, false, false, false, false);
  const hostile = [
    [[0xfffffffc], 'a\0'],
    [[0xffffffff, 0xffffffff], 'a\0'],
    [[4, 0xffffffff], 'a\0'],
    [[4, 5, 1], 'a\0'],
    [[4, 5, 0xffffffff, 0xffffffff, 0xffffffff], 'a\0'],
    [[8, 3], 'a\0'],
    [[0], ''],
    [[0], 'a\0b\0'],
    [[4, 4 * 8 + 6], 'a\0'],
  ];
  for (const [codes, texts] of hostile) {
    for (const batch of [false, true]) assert.equal(call(codes, texts, batch), undefined, `${codes} ${JSON.stringify(texts)}`);
  }
  // Random codes and texts: an answer or a decline, never a throw.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0);
  for (let k = 0; k < 2000; k++) {
    const codes = Array.from({ length: next() % 12 }, () => (next() % 3 === 0 ? next() : next() % 64));
    const texts = Array.from({ length: next() % 5 }, () => ['a', '', '1.5', 'kha', '\u0001', 'é'][next() % 6]).join('\0');
    const out = call(codes, texts, next() % 2 === 0);
    assert.ok(out === undefined || typeof out === 'string');
  }
  raw.free();
});

test('a parameter named __proto__ is copied into every quick result as a key, not as a prototype', () => {
  const text = YAML_TEXT.replace('  he_so: { type: number, default: 1 }', '  he_so: { type: number, default: 1 }\n  __proto__: { type: bool, default: true }');
  let rs;
  try {
    rs = Ruleset.fromYaml(text, 'proto.yaml');
  } catch {
    return; // the format refuses the name: nothing to copy
  }
  rs.score(base);
  for (let k = 0; k < 2; k++) {
    const got = rs.score(base);
    assert.deepStrictEqual(got, JSON.parse(rs.scoreJson(toJsonText(base))));
    assert.ok(Object.hasOwn(got.ruleset.parameters, '__proto__'));
  }
  rs.free();
});

test('after 8 declines in a row the quick path pauses for 32 calls, then is tried again', () => {
  const rs = rulesetOrSkip();
  const warned = withValue('so', 'abc'); // an error: declined every time
  const want = JSON.parse(rs.scoreJson(toJsonText(warned)));
  const before = { ...seen };
  for (let i = 0; i < 8 + 32; i++) assert.deepStrictEqual(rs.score(warned), want, `call ${i}`);
  assert.equal(seen.declined - before.declined, 8, 'asked 8 times, then paused');
  assert.equal(seen.quick - before.quick, 0);
  // The pause is over: a clean unit is answered quick again, and the count starts afresh.
  assert.equal(pathOf(() => rs.score(base)).path, 'quick');
  assert.equal(pathOf(() => rs.score(warned)).path, 'declined');
  assert.equal(pathOf(() => rs.score(base)).path, 'quick');
  rs.free();
});
