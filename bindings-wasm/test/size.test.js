// The package's size budget: the WebAssembly module, gzipped by `gzip -9` (as
// scripts/build-wasm.sh reports it), at most 600 KB (600,000 bytes). Skipped for a module built
// without wasm-opt (CCHC_WASM_SKIP_OPT=1), which is larger by design.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BUDGET = 600_000;
const WASM = fileURLToPath(new URL('../pkg/cchc_wasm_bg.wasm', import.meta.url));

test('the module fits the 600 KB (gzipped) budget', { skip: process.env.CCHC_WASM_SKIP_OPT === '1' ? 'built without wasm-opt' : false }, () => {
  // `gzip -9`, as the build script measures (Node's zlib compresses differently, ~1 % larger).
  const gz = execFileSync('gzip', ['-9', '-c', WASM], { maxBuffer: 1 << 26 }).length;
  assert.ok(gz <= BUDGET, `cchc_wasm_bg.wasm is ${gz} bytes gzipped, over the budget of ${BUDGET} by ${gz - BUDGET}`);
});

test('the demo page\'s texts are in the package\'s JavaScript (pkg/demo_texts.js), not in the module', async () => {
  const { readFileSync } = await import('node:fs');
  const wasm = readFileSync(WASM);
  const { default: texts } = await import('../pkg/demo_texts.js');
  const ftl = readFileSync(new URL('../../core/locales/vi/demo.ftl', import.meta.url), 'utf8');
  const ids = ftl.split('\n').map((l) => /^(demo-[a-z0-9-]+)\s*=/.exec(l)?.[1]).filter((id) => id && !id.startsWith('demo-editor-'));
  assert.deepEqual(Object.keys(texts.vi), ids);
  assert.deepEqual(Object.keys(texts.en), ids);
  for (const lang of ['vi', 'en']) {
    for (const text of [texts[lang]['demo-banner-text'], texts[lang]['demo-heading']]) {
      assert.equal(wasm.indexOf(Buffer.from(text)), -1, `${lang}: "${text}" is in the module`);
    }
  }
});
