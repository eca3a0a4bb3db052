// Every path to a result gives the same result: `score` (criteria built when read) and
// `JSON.parse(scoreJson(...))` (the whole JSON at once), with or without the tree, one unit or a
// batch, the quick path (plain units as input slots, D125) or the JSON path. Over the
// conformance cases and, when CCHC_BENCH_FIXTURES names a fixtures folder (scripts/test-wasm.sh
// writes one), over the benchmark's units. Results are compared, never timings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import YAML from 'yaml';
import { Ruleset, toJsonText } from 'cchc-wasm';

const DIR = new URL('../../tests/conformance/', import.meta.url);
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => [f, YAML.parse(readFileSync(new URL(f, DIR), 'utf8'))])
  .filter(([, c]) => c?.expect && !c.expect.load_errors);

/** The error a call throws (its code), or its value. */
function outcome(f) {
  try {
    return { value: f() };
  } catch (e) {
    return { code: e.code ?? e.name, message: e.message };
  }
}

/**
 * Issues without their `at` place (which is relative to the text the unit was read from), the
 * unit's and each round's.
 */
function placeless(r) {
  const strip = (list) => list.map(({ at: _at, ...rest }) => rest);
  const out = { ...r, warnings: strip(r.warnings), errors: strip(r.errors) };
  if (Array.isArray(r.rounds)) out.rounds = r.rounds.map((x) => ({ ...x, warnings: strip(x.warnings), errors: strip(x.errors) }));
  return out;
}

/**
 * One unit every way: lazy `score` equals the whole JSON; reading `criteria` first or last
 * changes nothing; `criteria: false` is the whole JSON without the tree; `criteria: true` is
 * the whole JSON; the text the core reads itself (a leading space skips the package's quick
 * reader) gives the same result.
 */
function checkUnit(rs, u, lang, where, round = undefined) {
  const text = toJsonText(u);
  const eager = outcome(() => JSON.parse(rs.scoreJson(text, { lang, round })));
  const viaCore = outcome(() => JSON.parse(rs.scoreJson(`${text} `, { lang, round })));
  const lazy = outcome(() => rs.score(u, { lang, round }));
  assert.deepStrictEqual(viaCore, eager, `${where}: the core's reader and the quick reader differ`);
  if (eager.code !== undefined) {
    assert.equal(lazy.code, eager.code, `${where}: score and scoreJson throw alike`);
    return;
  }
  assert.deepStrictEqual(lazy.value, eager.value, `${where}: lazy score differs from scoreJson`);
  // Same keys in the same order: JSON.stringify of the lazy result is the whole JSON's.
  assert.equal(JSON.stringify(rs.score(u, { lang, round })), JSON.stringify(eager.value), `${where}: key order`);
  const now = rs.score(u, { lang, round, criteria: true });
  assert.deepStrictEqual(now, eager.value, `${where}: criteria: true`);
  const summary = rs.score(u, { lang, round, criteria: false });
  assert.equal('criteria' in summary, false, `${where}: criteria: false has no tree`);
  const { criteria: _c, ...rest } = eager.value;
  assert.deepStrictEqual(summary, rest, `${where}: criteria: false`);
  // A summary read first, the tree read later, is still the same tree.
  const late = rs.score(u, { lang, round });
  assert.equal(late.status, eager.value.status);
  assert.deepStrictEqual(late.criteria, eager.value.criteria, `${where}: the tree read later`);
  assert.equal(late.criteria, late.criteria, `${where}: the tree is built once`);
}

/**
 * A batch every way: lazy `scoreMany` equals `scoreManyJson`, with trees read in reverse
 * order; each result agrees with its unit scored alone (but for the batch's duplicate-id checks
 * and the places of issues, which are relative to the text read).
 */
function checkBatch(rs, units, options, where) {
  const eager = outcome(() => JSON.parse(rs.scoreManyJson(toJsonText(units), options)));
  const viaCore = outcome(() => JSON.parse(rs.scoreManyJson(`${toJsonText(units)} `, options)));
  assert.deepStrictEqual(viaCore, eager, `${where}: the core's reader and the quick reader differ (batch)`);
  const lazy = outcome(() => rs.scoreMany(units, options));
  if (eager.code !== undefined) {
    assert.equal(lazy.code, eager.code, `${where}: scoreMany and scoreManyJson throw alike`);
    return;
  }
  const b = lazy.value;
  for (let i = b.results.length - 1; i >= 0; i--) void b.results[i].criteria;
  assert.deepStrictEqual(b, eager.value, `${where}: lazy scoreMany differs from scoreManyJson`);
  assert.deepStrictEqual(rs.scoreMany(units, options), eager.value, `${where}: lazy scoreMany, trees read in order`);
  assert.deepStrictEqual(rs.scoreMany(units, { ...options, criteria: true }), eager.value, `${where}: criteria: true`);
  const summary = rs.scoreMany(units, { ...options, criteria: false });
  assert.ok(summary.results.every((r) => !('criteria' in r)), `${where}: criteria: false`);
  assert.deepStrictEqual(summary.ranking, eager.value.ranking);
  const ids = new Map();
  for (const r of eager.value.results) ids.set(r.unit.id, (ids.get(r.unit.id) ?? 0) + 1);
  const list = Array.isArray(units) ? units : units.units;
  eager.value.results.forEach((r, i) => {
    if (!Array.isArray(list) || r.unit.id === null || ids.get(r.unit.id) > 1) return;
    const one = outcome(() => JSON.parse(rs.scoreJson(toJsonText(list[i]), { lang: options.lang, round: options.round })));
    if (one.code !== undefined) return;
    assert.deepStrictEqual(placeless(one.value), placeless(r), `${where}: unit ${i} alone and in the batch differ`);
  });
}

for (const [file, c] of cases) {
  test(`paths agree: ${file}`, () => {
    const rs = Ruleset.fromYaml(c.ruleset, `${file}#ruleset`);
    for (const lang of ['vi', 'en']) {
      const groupByKind = Boolean(c.group_by_kind);
      const round = c.round ?? undefined;
      if (c.expect.round_error) {
        // Refused as a whole (the conformance runner checks the code): every path throws alike.
        const data = c.data !== undefined;
        const codes = (data
          ? [() => rs.scoreText(c.data, c.data_format, { round, lang }), () => rs.scoreTextJson(c.data, c.data_format, { round, lang })]
          : [() => rs.scoreMany(c.units, { round, lang }), () => rs.scoreManyJson(toJsonText(c.units), { round, lang })]
        ).map((f) => outcome(f).code);
        assert.deepStrictEqual(codes, codes.map(() => c.expect.round_error), `${file}: every path refuses the round`);
        continue;
      }
      if (c.data !== undefined) {
        const eager = JSON.parse(rs.scoreTextJson(c.data, c.data_format, { groupByKind, lang, round }));
        const lazy = rs.scoreText(c.data, c.data_format, { groupByKind, lang, round });
        assert.deepStrictEqual(lazy, eager, `${file}: lazy scoreText differs from scoreTextJson`);
        continue;
      }
      (c.units ?? []).forEach((u, i) => checkUnit(rs, u, lang, `${file} unit ${i} (${lang})`, round));
      checkBatch(rs, c.units ?? [], { groupByKind, lang, round }, `${file} (${lang})`);
    }
    rs.free();
  });
}

const FIXTURES = process.env.CCHC_BENCH_FIXTURES;
test('paths agree on the benchmark fixtures', { skip: FIXTURES && existsSync(`${FIXTURES}/units.json`) ? false : 'CCHC_BENCH_FIXTURES is not set' }, () => {
  const rs = Ruleset.fromYaml(readFileSync(`${FIXTURES}/ruleset.yaml`, 'utf8'), 'ruleset.yaml');
  const units = JSON.parse(readFileSync(`${FIXTURES}/units.json`, 'utf8')).slice(0, 60);
  units.forEach((u, i) => checkUnit(rs, u, i % 2 ? 'en' : 'vi', `fixture unit ${i}`));
  checkBatch(rs, units, { lang: 'vi' }, 'fixture batch');
  checkBatch(rs, { units: units.slice(0, 5) }, { lang: 'en' }, 'fixture batch {units}');
  // Units with problems (a missing value, a wrong type, an unknown key, a duplicate id).
  const odd = units.slice(0, 4).map((u) => structuredClone(u));
  delete odd[0].values.v0_1;
  odd[1].values.v0_2 = 'abc';
  odd[2].extra = 1;
  odd[3].id = odd[0].id;
  odd.forEach((u, i) => checkUnit(rs, u, 'vi', `odd fixture unit ${i}`));
  checkBatch(rs, odd, { lang: 'vi' }, 'odd fixture batch');
  rs.free();
});

test('a lazy tree needs its ruleset: after free() reading it throws', () => {
  const [, c] = cases.find(([, k]) => Array.isArray(k.units) && k.units.length > 0);
  const rs = Ruleset.fromYaml(c.ruleset);
  const r = rs.score(c.units[0]);
  const kept = rs.score(c.units[0]);
  void kept.criteria;
  rs.free();
  assert.throws(() => r.criteria);
  assert.ok(Array.isArray(kept.criteria));
});

test('a lazy result can be assigned to, spread and cloned like a plain object', () => {
  const [, c] = cases.find(([, k]) => Array.isArray(k.units) && k.units.length > 0);
  const rs = Ruleset.fromYaml(c.ruleset);
  const eager = JSON.parse(rs.scoreJson(toJsonText(c.units[0])));
  assert.deepStrictEqual({ ...rs.score(c.units[0]) }, eager);
  assert.deepStrictEqual(structuredClone(rs.score(c.units[0])), eager);
  const r = rs.score(c.units[0]);
  r.criteria = [];
  assert.deepStrictEqual(r.criteria, []);
  assert.deepStrictEqual(Object.keys(rs.score(c.units[0])), Object.keys(eager));
  rs.free();
});

test('a sparse array reads its holes as null units, as JSON.stringify writes them', () => {
  const [, c] = cases.find(([, k]) => Array.isArray(k.units) && k.units.length > 0);
  const rs = Ruleset.fromYaml(c.ruleset);
  const units = [c.units[0], , c.units[0]]; // eslint-disable-line no-sparse-arrays
  const eager = outcome(() => JSON.parse(rs.scoreManyJson(JSON.stringify(units))));
  const lazy = outcome(() => rs.scoreMany(units));
  assert.deepStrictEqual(lazy, eager);
  rs.free();
});
