// `RawRuleset.runTestsJson`: the file's own worked cases run by the core's runner (as
// `cchc test`), the one export the rule editor's build of the module adds (feature `editor`,
// built by scripts/build-editor.mjs into editor/dist/engine/; the scoring package has none).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENGINE = fileURLToPath(new URL('../editor/dist/engine/', import.meta.url));
const PATH = 'rules/ha-noi/thach-that/xa-thi-tran/2021.yaml';
const TEXT = readFileSync(`${ROOT}${PATH}`, 'utf8');

let raw;
before(async () => {
  assert.ok(existsSync(`${ENGINE}cchc_wasm.js`), 'run node bindings-wasm/scripts/build-editor.mjs first');
  raw = await import(`${ENGINE}cchc_wasm.js`);
  raw.initSync({ module: readFileSync(`${ENGINE}cchc_wasm_bg.wasm`) });
});

function runTests(text, lang) {
  const rs = raw.RawRuleset.fromYaml(text, PATH, lang);
  try {
    return JSON.parse(rs.runTestsJson(lang));
  } finally {
    rs.free();
  }
}

test('the shipped file passes every case, each named with its line', () => {
  const cases = runTests(TEXT);
  assert.ok(cases.length >= 2);
  const lines = TEXT.split('\n');
  for (const c of cases) {
    assert.equal(c.passed, true, JSON.stringify(c));
    assert.deepEqual(c.failures, []);
    assert.ok(lines[c.line - 1].includes(c.name), `line ${c.line}: ${lines[c.line - 1]}`);
  }
});

test('a wrong expectation fails with the figures that differ, in the language asked', () => {
  // The first case's expected total (97.05) made wrong.
  const bad = TEXT.replace(/total: 97\.05/, 'total: 96');
  assert.notEqual(bad, TEXT);
  const vi = runTests(bad);
  const en = runTests(bad, 'en');
  assert.equal(vi[0].passed, false);
  assert.deepEqual(vi[0].failures.map((f) => [f.expected, f.actual]), [['96', '97.05']]);
  assert.deepEqual(en[0].failures.map((f) => [f.expected, f.actual]), [['96', '97.05']]);
  assert.notEqual(vi[0].failures[0].what, en[0].failures[0].what);
  assert.ok(vi.slice(1).every((c) => c.passed));
  const rs = raw.RawRuleset.fromYaml(TEXT, PATH);
  assert.throws(() => rs.runTestsJson('fr'), RangeError);
  rs.free();
});

test('a file without tests has no cases', () => {
  assert.deepEqual(runTests(TEXT.slice(0, TEXT.indexOf('\ntests:'))), []);
});

test('the scoring package has no test runner (it stays within its size budget)', async () => {
  const pkg = fileURLToPath(new URL('../pkg/cchc_wasm.js', import.meta.url));
  assert.ok(!readFileSync(pkg, 'utf8').includes('runTestsJson'));
});
