// The tools module's analyses in Node: the same seed gives the same figures as the CLI
// (`cchc sensitivity|improve|compare --format json`), options, and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tools from '../pkg/cchc_wasm_tools.js';

tools.initSync({ module: readFileSync(new URL('../pkg/cchc_wasm_tools_bg.wasm', import.meta.url)) });

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml';
const DATA = 'examples/thach-that-2021/phong-chuyen-mon.yaml';
const read = (p) => readFileSync(join(ROOT, p), 'utf8');

/** `cchc …` (a debug build of the CLI), its standard output (exit 1 still writes it). */
function cli(...args) {
  try {
    return execFileSync('cargo', ['run', '-q', '-p', 'cchc-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch (e) {
    if (e.status === 1) return e.stdout;
    throw e;
  }
}

test('sensitivity: the same seed gives the same figures as the CLI', { timeout: 900_000 }, () => {
  const out = JSON.parse(tools.sensitivity(read(RULES), read(DATA), { draws: 200, range: 0.3, seed: 7 }));
  const cliOut = JSON.parse(cli('sensitivity', RULES, DATA, '--draws', '200', '--range', '0.3', '--seed', '7', '--format', 'json'));
  assert.deepEqual(out, cliOut);
  assert.equal(out.options.seed, 7);
  assert.equal(out.options.range, 0.3);
  assert.ok(out.units.length > 0);
  for (const u of out.units) {
    assert.ok(u.monte_carlo.rank_p5 <= u.monte_carlo.median_rank && u.monte_carlo.median_rank <= u.monte_carlo.rank_p95);
    assert.equal(u.monte_carlo.grades.reduce((s, g) => s + g.count, 0), 200);
  }
  // English texts, same figures; another seed gives other draws.
  const en = JSON.parse(tools.sensitivity(read(RULES), read(DATA), { draws: 200, range: 0.3, seed: 7, lang: 'en' }));
  assert.deepEqual(en.units, out.units);
  assert.notEqual(en.summary.text, out.summary.text);
});

test('improvements and compare give what the CLI gives', { timeout: 900_000 }, () => {
  const data = read(DATA);
  const units = tools.sensitivity(read(RULES), data, { draws: 0 });
  const id = JSON.parse(units).units[0].id;
  const imp = JSON.parse(tools.improvements(read(RULES), data, id, { lang: 'en' }));
  assert.deepEqual(imp, JSON.parse(cli('--lang', 'en', 'improve', RULES, DATA, '--unit', id, '--format', 'json')));
  assert.equal(imp.unit.id, id);

  const dir = mkdtempSync(join(tmpdir(), 'cchc-tools-'));
  const a = join(dir, 'a.json');
  writeFileSync(a, cli('score', RULES, DATA, '--format', 'json'));
  const same = JSON.parse(tools.compare(readFileSync(a, 'utf8'), readFileSync(a, 'utf8')));
  assert.equal(same.unchanged, true);
  assert.deepEqual(same, JSON.parse(cli('compare', a, a, '--format', 'json')));
});

test('analysis errors: bad options, unknown unit, not a results file, language', () => {
  const rules = read(RULES);
  const data = read(DATA);
  const cchcError = (f, code) => {
    try {
      f();
    } catch (e) {
      assert.equal(e.name, 'CchcError');
      assert.equal(e.diagnostics[0].code, code);
      return;
    }
    assert.fail('no error thrown');
  };
  cchcError(() => tools.sensitivity(rules, data, { draw: 5 }), 'unknown_key');
  cchcError(() => tools.sensitivity(rules, data, { range: 1.5 }), 'invalid_value');
  cchcError(() => tools.sensitivity('format: cchc/1\n', data), 'missing_key');
  cchcError(() => tools.improvements(rules, data, 'khong-co'), 'invalid_value');
  cchcError(() => tools.improvements(rules, data, 'x', { max_scorings: -1 }), 'invalid_value');
  cchcError(() => tools.compare('[1', '{}'), 'data_syntax');
  assert.throws(() => tools.sensitivity(rules, data, { lang: 'fr' }), RangeError);
});

test('sensitivity ranks within the ruleset\'s groups, as the CLI; `groups` overrides them', { timeout: 900_000 }, () => {
  const rules = [
    'format: cchc/1', 'id: t', "version: '1'", 'title: T', 'total: 4',
    'ranking:', '  method: competition', '  groups:',
    '    - { id: xa, label: Xã, kinds: [xa, thi_tran] }',
    '    - { id: phuong, label: Phường, kinds: [phuong] }',
    'grades:', '  - { id: tot, label: Tốt, at_least: 75 }', '  - { id: kha, label: Khá, at_least: 0 }',
    'inputs: { a: { type: bool }, b: { type: bool } }', 'criteria:',
    "  - { id: '1', title: A, max: 2, rule: { check: a } }",
    "  - { id: '2', title: B, max: 2, rule: { check: b } }", '',
  ].join('\n');
  const data = JSON.stringify([
    { id: 'x1', kind: 'xa', values: { a: true, b: false } },
    { id: 'p1', kind: 'phuong', values: { a: true, b: true } },
    { id: 't1', kind: 'thi_tran', values: { a: true, b: true } },
    { id: 'p2', kind: 'phuong', values: { a: false, b: false } },
    { id: 'k1', values: { a: false, b: true } },
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-tools-groups-'));
  writeFileSync(join(dir, 't.yaml'), rules);
  writeFileSync(join(dir, 'd.json'), data);
  const ranks = (out) => Object.fromEntries(JSON.parse(out).units.map((u) => [u.id, u.rank]));
  const grouped = ranks(tools.sensitivity(rules, data, { draws: 0 }));
  assert.deepEqual(grouped, { x1: 2, p1: 1, t1: 1, p2: 2, k1: 1 });
  for (const [opt, flag] of [[{}, []], [{ groups: 'kind' }, ['--group-by-kind']], [{ groups: 'none' }, ['--no-groups']]]) {
    const js = JSON.parse(tools.sensitivity(rules, data, { draws: 20, seed: 3, ...opt }));
    const cliOut = JSON.parse(cli('sensitivity', join(dir, 't.yaml'), join(dir, 'd.json'), '--draws', '20', '--seed', '3', ...flag, '--format', 'json'));
    assert.deepEqual(js, cliOut);
  }
  assert.deepEqual(ranks(tools.sensitivity(rules, data, { draws: 0, group_by_kind: true })), ranks(tools.sensitivity(rules, data, { draws: 0, groups: 'kind' })));
});
