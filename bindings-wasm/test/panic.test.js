// The panic hook. The shipped module has no way to panic on purpose (the `__testPanic` hook is
// only compiled with the crate's `test-panic` feature), so this file checks:
// - the public API and the shipped module export no test hook;
// - the module has the start function that installs the hook (wasm-bindgen runs it at init);
// - what the hook throws (`cchc internal error (panic): …`) becomes a CchcError with code
//   `internal`, and every later call throws until the module is loaded again;
// - with a `test-panic` build (cargo build … --features test-panic), a real panic end to end.
// Each test file runs in its own process: this one leaves the engine stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as api from 'cchc-wasm';
import * as raw from '../pkg/cchc_wasm.js';
import { _setBindings } from '../js/api.js';

const { CchcError, Ruleset, codes } = api;
const SMALL = 'format: cchc/1\nid: t\nversion: "1"\ntitle: T\ntotal: 1\ninputs:\n  kh: { type: bool }\ncriteria:\n  - { id: "1", title: K, max: 1, rule: { check: kh } }\n';
const testBuild = typeof raw.__testPanic === 'function';

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('expected an exception');
}

test('no test hook in the public API', () => {
  for (const name of Object.keys(api)) assert.doesNotMatch(name, /test/i);
  assert.equal(api._testPanic, undefined);
});

test('the shipped module has the hook-installing start function and no panic export', () => {
  const bytes = readFileSync(new URL('../pkg/cchc_wasm_bg.wasm', import.meta.url));
  const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
  assert.ok(names.includes('__wbindgen_start'), names.join(', '));
  if (!testBuild) {
    assert.ok(!names.some((n) => /testpanic/i.test(n)), names.join(', '));
  }
});

test('a panic is thrown as a CchcError (code internal); the engine then stops', () => {
  const rs = Ruleset.fromYaml(SMALL);
  // Through the wrapper: a real panic in a test build, else exactly what the hook throws.
  const panic = testBuild ? () => raw.__testPanic() : () => {
    throw new Error('cchc internal error (panic): test panic requested');
  };
  _setBindings({ ...raw, codesJson: panic });
  const err = thrown(() => codes());
  assert.ok(err instanceof CchcError, `expected a CchcError, got ${err}`);
  assert.equal(err.code, 'internal');
  assert.match(err.message, /lỗi nội bộ.*test panic requested/);
  _setBindings(raw);
  for (const f of [() => rs.score({ id: 'a', values: { kh: true } }), () => Ruleset.fromYaml(SMALL), () => codes()]) {
    const later = thrown(f);
    assert.ok(later instanceof CchcError);
    assert.equal(later.code, 'internal');
    assert.match(later.message, /cần được nạp lại.*test panic requested/s);
  }
  // The texts were taken from the catalogue before the failure, in both languages.
  for (const f of [() => rs.score({ id: 'a', values: { kh: true } }, { lang: 'en' }), () => Ruleset.fromYaml(SMALL, { lang: 'en' })]) {
    const later = thrown(f);
    assert.equal(later.code, 'internal');
    assert.match(later.message, /must be loaded again.*test panic requested/s);
  }
});
