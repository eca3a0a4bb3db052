// Every case in tests/conformance/*.yaml, run through the npm package (one test per file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import YAML from 'yaml';
import { CchcError, Ruleset } from 'cchc-wasm';

const DIR = process.env.CCHC_CONFORMANCE_DIR
  ? new URL(`file://${process.env.CCHC_CONFORMANCE_DIR.replace(/\/?$/, '/')}`)
  : new URL('../../tests/conformance/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

/**
 * Exact-decimal normal form of a number: results come from exact JSON, and the expected
 * figures are short decimals, so String(Number(x)) is exact for both; trailing zeros (2.50)
 * and the exponent form are normalised away.
 */
function dec(x) {
  if (x === null || x === undefined) return x;
  const n = typeof x === 'number' ? x : Number(x);
  if (!Number.isFinite(n)) return String(x);
  return String(n);
}

function codeSet(list) {
  return [...new Set((list ?? []).map((i) => i.code ?? i))].sort();
}

function flatten(nodes, out = new Map()) {
  for (const n of nodes ?? []) {
    out.set(n.id, n);
    flatten(n.children, out);
  }
  return out;
}

const NUMERIC = new Set(['total', 'max', 'index', 'self_assessed', 'delta', 'points', 'change']);

/** A mapping of round ids to exact decimals (a node's `rounds`), as sorted pairs. */
function decMap(m) {
  if (m === null || m === undefined || typeof m !== 'object') return m;
  return Object.entries(m).map(([k, v]) => [k, dec(v)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A unit's round figures as listed in a case (`{id, status, total, max, index, grade, errors,
 * warnings}`, any of them) against the result's entry: numbers as exact decimals, `grade` as
 * its id, issues as sets of codes.
 */
function compareRound(where, exp, act) {
  assert.ok(act, `${where}: round ${exp.id} is not in the result`);
  for (const [field, value] of Object.entries(exp)) {
    if (field === 'grade') {
      assert.equal(act.grade ? act.grade.id : null, value, `${where}: grade expected ${value}, got ${act.grade?.id ?? null}`);
    } else if (field === 'errors' || field === 'warnings') {
      assert.deepEqual(codeSet(act[field]), codeSet(value),
        `${where}: ${field} (${(act[field] ?? []).map((e) => `${e.code}: ${e.message}`).join('; ')})`);
    } else {
      compareField(where, field, value, act[field] ?? null);
    }
  }
}

/**
 * A unit's `rounds` in a case: a list (every present round, in order) or a mapping by round id
 * (only the rounds listed are checked).
 */
function compareRounds(where, expected, actual) {
  if (expected === null) {
    assert.equal(actual, undefined, `${where}: the result has a \`rounds\` key, expected none`);
    return;
  }
  const list = actual ?? [];
  if (Array.isArray(expected)) {
    assert.deepEqual(list.map((r) => r.id), expected.map((r) => r.id ?? null), `${where}: rounds (ids, in order)`);
    expected.forEach((exp, i) => compareRound(`${where}, round ${exp.id}`, exp, list[i]));
  } else {
    for (const [id, exp] of Object.entries(expected ?? {})) {
      compareRound(`${where}, round ${id}`, { id, ...exp }, list.find((r) => r.id === id));
    }
  }
}

function compareField(where, field, expected, actual) {
  if (NUMERIC.has(field)) {
    assert.equal(dec(actual), dec(expected), `${where}: ${field} expected ${expected}, got ${actual}`);
  } else if (field === 'rounds') {
    // A node's points per round: `{round id: points}`, the present rounds in order.
    assert.deepEqual(decMap(actual), decMap(expected), `${where}: rounds expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  } else {
    assert.deepEqual(actual, expected, `${where}: ${field} expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function runCase(file) {
  const c = YAML.parse(readFileSync(new URL(file, DIR), 'utf8'));
  assert.ok(c && typeof c.ruleset === 'string', `${file}: a case needs a ruleset text`);
  assert.ok(c.expect, `${file}: a case needs expect`);
  const groupByKind = Boolean(c.group_by_kind);
  // Case-level `round`: score and rank as of that round.
  const round = c.round ?? undefined;
  // Case-level `parameters`: set for the batch (`{ params }`).
  const params = c.parameters ?? undefined;
  // Case-level `groups`: the ruleset's ranking groups (default), 'kind' or 'none'.
  const groups = c.groups ?? undefined;

  if (c.expect.load_errors) {
    let err;
    try {
      Ruleset.fromYaml(c.ruleset, `${file}#ruleset`);
    } catch (e) {
      err = e;
    }
    assert.ok(err, `${file}: the ruleset loaded, but it must fail with ${c.expect.load_errors.join(', ')}`);
    assert.ok(err instanceof CchcError, `${file}: expected a CchcError, got ${err}`);
    assert.ok(err instanceof Error);
    assert.deepEqual(codeSet(err.errors), codeSet(c.expect.load_errors),
      `${file}: load error codes differ (${err.errors.map((d) => `${d.code}: ${d.message}`).join('; ')})`);
    for (const d of err.errors) {
      assert.equal(d.file, `${file}#ruleset`, `${file}: diagnostic file`);
      assert.equal(typeof d.message, 'string');
      assert.ok(d.message.length > 0, `${file}: diagnostic without a message`);
    }
    assert.equal(err.code, err.errors[0].code);
    return;
  }

  const rs = Ruleset.fromYaml(c.ruleset, `${file}#ruleset`);
  if (c.expect.parameter_error) {
    const calls = c.data !== undefined
      ? [() => rs.scoreText(c.data, c.data_format, { groupByKind, round, params })]
      : [() => rs.scoreMany(c.units, { groupByKind, round, params }), ...(c.units ?? []).map((u) => () => rs.score(u, { params }))];
    for (const f of calls) {
      let err;
      try {
        f();
      } catch (e) {
        err = e;
      }
      assert.ok(err instanceof CchcError, `${file}: expected a CchcError ${c.expect.parameter_error}, got ${err}`);
      assert.deepEqual(codeSet(err.errors), codeSet(c.expect.parameter_error), `${file}: parameter error codes`);
    }
    return;
  }
  if (c.expect.round_error) {
    // The batch is refused as a whole: every call throws a CchcError with that code.
    const calls = c.data !== undefined
      ? [() => rs.scoreText(c.data, c.data_format, { groupByKind, round }), () => rs.scoreTextJson(c.data, c.data_format, { groupByKind, round })]
      : [() => rs.scoreMany(c.units, { groupByKind, round }), () => rs.scoreManyJson(JSON.stringify(c.units), { groupByKind, round }),
        ...(c.units ?? []).map((u) => () => rs.score(u, { round }))];
    for (const f of calls) {
      assert.throws(f, (e) => e instanceof CchcError && e.code === c.expect.round_error,
        `${file}: expected a CchcError ${c.expect.round_error}`);
    }
    return;
  }
  let batch;
  if (c.data !== undefined) {
    assert.ok(c.data_format, `${file}: data without data_format`);
    batch = rs.scoreText(c.data, c.data_format, { groupByKind, round, params, groups });
  } else {
    assert.ok(Array.isArray(c.units), `${file}: a case needs units or data`);
    batch = rs.scoreMany(c.units, { groupByKind, round, params, groups });
  }

  const expUnits = c.expect.units ?? [];
  assert.equal(batch.results.length, expUnits.length, `${file}: number of unit results`);
  expUnits.forEach((exp, i) => {
    const r = batch.results[i];
    const where = `${file}: unit ${exp.id ?? `#${i}`}`;
    if ('id' in exp) assert.equal(r.unit.id, exp.id, `${where}: id (units must come back in input order)`);
    if (exp.round === null) assert.equal('round' in r, false, `${where}: the result has a \`round\` key, expected none`);
    for (const field of ['status', 'total', 'max', 'index', 'self_assessed', 'delta', 'round']) {
      if (field in exp) compareField(where, field, exp[field], r[field] ?? null);
    }
    if ('rounds' in exp) compareRounds(where, exp.rounds, r.rounds);
    if ('parameters' in exp) {
      const got = r.ruleset.parameters;
      if (exp.parameters === null) {
        assert.equal(got, undefined, `${where}: the result has \`ruleset.parameters\`, expected none`);
      } else {
        const norm = (m) => Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, typeof v === 'number' ? dec(v) : v]));
        assert.deepEqual(norm(got), norm(exp.parameters), `${where}: parameters`);
      }
    }
    if ('grade' in exp) {
      assert.equal(r.grade ? r.grade.id : null, exp.grade, `${where}: grade expected ${exp.grade}, got ${r.grade?.id ?? null}`);
    }
    if ('errors' in exp) {
      assert.deepEqual(codeSet(r.errors), codeSet(exp.errors),
        `${where}: error codes (${r.errors.map((e) => `${e.code}: ${e.message}`).join('; ')})`);
    }
    if ('warnings' in exp) {
      assert.deepEqual(codeSet(r.warnings), codeSet(exp.warnings),
        `${where}: warning codes (${r.warnings.map((e) => `${e.code}: ${e.message}`).join('; ')})`);
    }
    if (exp.nodes) {
      const nodes = flatten(r.criteria);
      for (const [id, want] of Object.entries(exp.nodes)) {
        const n = nodes.get(id);
        assert.ok(n, `${where}: node ${id} is not in the result`);
        for (const [field, value] of Object.entries(want)) {
          compareField(`${where}, node ${id}`, field, value, n[field] ?? null);
        }
      }
    }
  });

  if (c.expect.ranking) {
    const withGroup = c.expect.ranking.some((e) => 'group' in e);
    const pick = (e) => (withGroup ? { id: e.id, rank: e.rank, group: e.group ?? null } : { id: e.id, rank: e.rank });
    const got = batch.ranking.map(pick);
    const want = c.expect.ranking.map(pick);
    assert.deepEqual(got, want, `${file}: ranking`);
  }
}

test('the conformance folder holds at least one case', () => {
  assert.ok(files.length >= 1, `no *.yaml case in ${DIR.pathname}`);
});

for (const file of files) {
  test(`conformance: ${file}`, () => runCase(file));
}
