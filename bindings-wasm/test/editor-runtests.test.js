// `ruleset.runTests()`: the file's own worked cases run by the core's runner (as `cchc test`),
// the one export the rule editor page adds to the binding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ruleset } from 'cchc-wasm';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PATH = 'rules/ha-noi/thach-that/xa-thi-tran/2021.yaml';
const TEXT = readFileSync(`${ROOT}${PATH}`, 'utf8');

test('the shipped file passes every case, each named with its line', () => {
  const rs = Ruleset.fromYaml(TEXT, PATH);
  const cases = rs.runTests();
  assert.ok(cases.length >= 2);
  const lines = TEXT.split('\n');
  for (const c of cases) {
    assert.equal(c.passed, true, JSON.stringify(c));
    assert.deepEqual(c.failures, []);
    assert.ok(lines[c.line - 1].includes(c.name), `line ${c.line}: ${lines[c.line - 1]}`);
  }
  rs.free();
});

test('a wrong expectation fails with the figures that differ, in the language asked', () => {
  // The first case's expected total (97.05) made wrong.
  const bad = TEXT.replace(/total: 97\.05/, 'total: 96');
  assert.notEqual(bad, TEXT);
  const rs = Ruleset.fromYaml(bad, PATH);
  const vi = rs.runTests();
  const en = rs.runTests({ lang: 'en' });
  assert.equal(vi[0].passed, false);
  assert.deepEqual(vi[0].failures.map((f) => [f.expected, f.actual]), [['96', '97.05']]);
  assert.deepEqual(en[0].failures.map((f) => [f.expected, f.actual]), [['96', '97.05']]);
  assert.notEqual(vi[0].failures[0].what, en[0].failures[0].what);
  assert.ok(vi.slice(1).every((c) => c.passed));
  assert.throws(() => rs.runTests({ lang: 'fr' }), RangeError);
  rs.free();
});

test('a file without tests has no cases', () => {
  const rs = Ruleset.fromYaml(TEXT.slice(0, TEXT.indexOf('\ntests:')), PATH);
  assert.deepEqual(rs.runTests(), []);
  rs.free();
});
