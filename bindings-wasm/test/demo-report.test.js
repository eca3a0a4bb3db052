// The printable report in headless Chromium (Debian's, driven by playwright-core): the CLI's
// report file is opened, its ranking rows and charts are visible, it prints to an A4 PDF, and a
// screenshot of its first page is kept (target/test-artefacts/); the demo page's "In báo cáo"
// makes the report on click only (with the tools module, loaded lazily) and shows the report of
// the unit entered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ruleset } from 'cchc-wasm';
import { openBrowser } from '../testlib/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTEFACTS = join(ROOT, 'target', 'test-artefacts');
const RULES = 'rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml';
const DATA = 'examples/thach-that-2021/phong-chuyen-mon-3-vong.yaml';

let browser;
let baseUrl;
let context;

before(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  browser = await openBrowser('bindings-wasm/demo/index.html');
  ({ baseUrl, context } = browser);
});

after(async () => {
  await browser?.close();
});

test("the CLI's report opens in Chromium, shows its ranking and charts, and prints to A4", { timeout: 900_000 }, async () => {
  const out = join(ARTEFACTS, 'bao-cao.html');
  try {
    execFileSync('cargo', ['run', '-q', '-p', 'cchc-cli', '--', 'report', RULES, DATA, '--date', '2026-12-01', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    // Exit 1: some unit is incomplete; the report is written all the same.
    if (e.status !== 1) throw e;
  }
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(out).href);

  const rows = page.locator('tr.rank-row');
  assert.ok((await rows.count()) >= 5, 'ranking rows');
  assert.ok(await rows.first().isVisible());
  assert.match(await rows.first().textContent(), /^1/);
  const charts = page.locator('svg.chart');
  const units = await page.locator('section.unit').count();
  assert.equal(await charts.count(), 2 + units, 'the ranking chart, the grade chart and one area chart per unit');
  for (let i = 0; i < 3; i++) {
    const box = await charts.nth(i).boundingBox();
    assert.ok(box && box.width > 100 && box.height > 20, `chart ${i} is drawn`);
  }
  assert.ok((await page.locator('svg.chart rect.bar').count()) > 0);
  // Nothing is fetched: the file is self-contained.
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  writeFileSync(join(ARTEFACTS, 'bao-cao.pdf'), pdf);

  // The first printed page, as a screenshot (A4 at 96 dpi).
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: join(ARTEFACTS, 'bao-cao-trang-1.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

/** Values for every input, inside each input's range, so that the unit is complete. */
function valuesFor(inputs) {
  const values = {};
  inputs.forEach((def, i) => {
    switch (def.type) {
      case 'bool':
        values[def.name] = i % 3 !== 0;
        break;
      case 'choice':
        values[def.name] = def.options[0];
        break;
      case 'count':
        values[def.name] = 2;
        break;
      case 'percent':
        values[def.name] = 87.5;
        break;
      default: {
        const lo = def.min ?? 0;
        const hi = def.max ?? lo + 10;
        values[def.name] = Math.round((lo + (hi - lo) * 0.7) * 10) / 10;
      }
    }
  });
  return values;
}

test('the demo page prints the report of the unit shown, loading the tools module on click', { timeout: 300_000 }, async () => {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${baseUrl}/bindings-wasm/demo/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const path = 'ha-noi/thach-that/xa-thi-tran/2021.yaml';
  const rs = Ruleset.fromYaml(readFileSync(join(ROOT, 'rules', path), 'utf8'), `rules/${path}`);
  await page.selectOption('#ruleset-select', path);
  await page.waitForSelector(`body[data-ruleset-id="${rs.id}"]`);
  const inputs = rs.inputs();
  const values = valuesFor(inputs);
  await page.fill('#unit-id', 'binh-phu');
  await page.fill('#unit-name', 'UBND xã Bình Phú');
  for (const def of inputs) {
    const sel = `#in-${def.name}`;
    const v = values[def.name];
    if (def.type === 'bool') await page.setChecked(sel, v);
    else if (def.type === 'choice') await page.selectOption(sel, v);
    else await page.fill(sel, String(v));
  }
  assert.equal(await page.getAttribute('#status', 'data-status'), 'complete');
  // The report is made on click only (the tools module itself may already be loaded for the
  // "to reach the next grade" line, test/demo-improve.test.js).
  assert.ok(!(await page.isVisible('#report-view')), 'no report before the click');
  assert.equal(await page.getAttribute('body', 'data-report'), null);

  await page.click('#print-report');
  await page.waitForSelector('body[data-report="shown"]', { timeout: 60000 });
  assert.ok(requests.some((u) => u.includes('cchc_wasm_tools_bg.wasm')), 'the tools module is loaded');
  assert.ok(await page.isVisible('#report-frame'));
  const frame = page.frameLocator('#report-frame');
  const rows = frame.locator('tr.rank-row');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), /UBND xã Bình Phú/);
  assert.ok(await frame.locator('svg.chart').first().isVisible());
  assert.equal(await frame.locator('section.unit').count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});
