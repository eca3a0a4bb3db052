// The demo page in headless Chromium (Debian's, driven by playwright-core): pick a shipped
// ruleset, fill the form, and check that the page shows what the engine computes in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ruleset, messages } from 'cchc-wasm';
import { openBrowser } from '../testlib/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
// The explanations themselves are written by the core's catalogue (helpers "unitmsg" and
// "present" of issue #9); until their parts are merged the core writes English in both
// languages, so the check that the shown explanations are Vietnamese is `todo`. After the merge:
// set CORE_TEXTS_PENDING to false.
const CORE_TEXTS_PENDING = false;
const pending = CORE_TEXTS_PENDING ? 'core texts of issue #9 not merged yet' : false;
// Words of English sentences; none may appear in the Vietnamese page.
const ENGLISH = /\b(of|and|the|is|are|sum|points?|missing|needs|holds|band|index|incomplete|complete|criterion|reads|which|unit|value|not applicable|scored)\b/i;

// The shipped ruleset the test prefers, then the one that always exists.
const PREFERRED = ['ha-noi/thach-that/xa-thi-tran/2021.yaml', 'examples/spec-example.yaml'];

let browser;
let baseUrl;
let context;

before(async () => {
  browser = await openBrowser('bindings-wasm/demo/index.html');
  ({ baseUrl, context } = browser);
});

after(async () => {
  await browser?.close();
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
        values[def.name] = def.options[i % 2 === 0 ? 0 : Math.min(1, def.options.length - 1)];
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

async function fill(page, unit, inputs) {
  await page.fill('#unit-id', unit.id);
  await page.fill('#unit-name', unit.name);
  await page.selectOption('#unit-kind', unit.kind);
  for (const def of inputs) {
    const sel = `#in-${def.name}`;
    const v = unit.values[def.name];
    if (def.type === 'bool') await page.setChecked(sel, v);
    else if (def.type === 'choice') await page.selectOption(sel, v);
    else await page.fill(sel, String(v));
  }
}

/** A figure as the page writes it in Vietnamese: decimal comma, at least the ruleset's places. */
const vi = (n, places) => n.toLocaleString('vi-VN', { minimumFractionDigits: places, maximumFractionDigits: 20, useGrouping: false });

async function shown(page) {
  return page.evaluate(() => ({
    index: document.querySelector('#index').dataset.value,
    indexText: document.querySelector('#index').textContent,
    total: document.querySelector('#total').dataset.value,
    max: document.querySelector('#max').dataset.value,
    grade: document.querySelector('#grade').dataset.grade,
    gradeText: document.querySelector('#grade').textContent,
    status: document.querySelector('#status').dataset.status,
    topNodes: [...document.querySelectorAll('.tree-root > .node')].map((li) => ({
      id: li.dataset.id,
      points: li.querySelector(':scope > details > summary .node-points').dataset.points,
    })),
  }));
}

test('the demo page scores a shipped ruleset as the engine does', async () => {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });

  await page.goto(`${baseUrl}/bindings-wasm/demo/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });

  const options = await page.$$eval('#ruleset-select option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(options.length >= 1, 'the page lists no shipped ruleset');
  for (const path of options) assert.ok(existsSync(join(ROOT, 'rules', path)), `listed but not shipped: ${path}`);
  const path = PREFERRED.find((p) => options.includes(p)) ?? options[0];
  const text = readFileSync(join(ROOT, 'rules', path), 'utf8');
  const rs = Ruleset.fromYaml(text, `rules/${path}`);

  await page.selectOption('#ruleset-select', path);
  await page.waitForSelector(`body[data-ruleset-id="${rs.id}"]`);
  const inputs = rs.inputs();
  const fieldCount = await page.$$eval('#input-fields .field', (f) => f.length);
  assert.equal(fieldCount, inputs.length, 'one form field per input');

  // The form follows the input types.
  for (const def of inputs) {
    const tag = await page.$eval(`#in-${def.name}`, (el) => `${el.tagName.toLowerCase()}:${el.type}`);
    const want = { bool: 'input:checkbox', choice: 'select:select-one' }[def.type] ?? 'input:number';
    assert.equal(tag, want, `field for ${def.name} (${def.type})`);
  }

  const unit = { id: 'binh-phu', name: 'UBND xã Bình Phú', kind: 'xa', values: valuesFor(inputs) };
  await fill(page, unit, inputs);
  const expected = rs.score(unit);
  assert.equal(expected.status, 'complete', `the test data should be complete: ${JSON.stringify(expected.errors)}`);
  assert.ok(expected.grade, 'a complete unit has a grade');

  let got = await shown(page);
  assert.equal(got.index, String(expected.index));
  assert.equal(got.indexText, vi(expected.index, rs.places));
  assert.equal(await page.textContent('#max'), vi(expected.max, rs.places));
  assert.match(await page.textContent('#max'), /^\d+,\d{2}$/); // 100,00 with places 2
  assert.equal(got.total, String(expected.total));
  assert.equal(got.max, String(expected.max));
  assert.equal(got.grade, expected.grade.id);
  assert.equal(got.gradeText, expected.grade.label);
  assert.equal(got.status, 'complete');
  assert.deepEqual(got.topNodes, expected.criteria.map((n) => ({ id: n.id, points: String(n.points) })));

  // Traces are shown.
  const traces = await page.$$eval('.trace', (ts) => ts.length);
  assert.ok(traces > 0, 'the criteria tree shows why each node scored what it did');

  // Live update: clear a number field (the input is then missing) and change another.
  const numeric = inputs.filter((d) => ['count', 'percent', 'number'].includes(d.type));
  assert.ok(numeric.length >= 1);
  const changed = structuredClone(unit);
  const first = numeric.find((d) => d.on_missing === 'error') ?? numeric[0];
  delete changed.values[first.name];
  await page.fill(`#in-${first.name}`, '');
  const pct = numeric.find((d) => d.type === 'percent' && d.name !== first.name);
  if (pct) {
    changed.values[pct.name] = 42.5;
    await page.fill(`#in-${pct.name}`, '42.5');
  }
  const after = rs.score(changed);
  got = await shown(page);
  assert.equal(got.index, after.index === null ? '' : String(after.index));
  assert.equal(got.status, after.status);
  assert.equal(got.grade, after.grade ? after.grade.id : '');

  // Back to the complete unit, then export its JSON.
  await fill(page, unit, inputs);
  got = await shown(page);
  assert.equal(got.index, String(expected.index));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  assert.equal(download.suggestedFilename(), 'binh-phu.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported, unit);
  assert.deepEqual(rs.score(exported), expected);

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'demo.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the demo page loads a local rule file and shows load errors', async () => {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/bindings-wasm/demo/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });

  const example = join(ROOT, 'rules/examples/spec-example.yaml');
  const rs = Ruleset.fromYaml(readFileSync(example, 'utf8'));
  await page.setInputFiles('#ruleset-file', example);
  await page.waitForSelector(`body[data-ruleset-id="${rs.id}"]`);
  assert.equal(await page.$$eval('#input-fields .field', (f) => f.length), rs.inputs().length);
  // An empty form: every input missing (except those with on_missing zero) → incomplete.
  const empty = rs.score({ id: 'don-vi-tu-danh-gia', values: Object.fromEntries(
    rs.inputs().filter((d) => d.type === 'bool').map((d) => [d.name, false])) });
  const got = await shown(page);
  assert.equal(got.status, empty.status);
  assert.equal(got.total, String(empty.total));

  await page.setInputFiles('#ruleset-file', {
    name: 'hong.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from('format: cchc/1\nid: x\nversion: "1"\ntitle: Hỏng\ntotal: 1\ncriteria:\n  - { id: "1", title: A, max: 2, rule: { check: khong_co } }\n'),
  });
  await page.waitForSelector('#load-errors:not([hidden])');
  const errText = await page.textContent('#load-errors');
  assert.match(errText, /hong\.yaml/);
  assert.match(errText, /undeclared_input/);
  assert.match(errText, /max_mismatch/);
  assert.equal(await page.getAttribute('body', 'data-ruleset-id'), null);
  await page.close();
});

async function openShipped(page, path) {
  await page.goto(`${baseUrl}/bindings-wasm/demo/index.html?rules=${encodeURIComponent(path)}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const text = readFileSync(join(ROOT, 'rules', path), 'utf8');
  const rs = Ruleset.fromYaml(text, `rules/${path}`);
  await page.waitForSelector(`body[data-ruleset-id="${rs.id}"]`);
  return rs;
}

test('a demonstration page: the banner, who issued the criteria, their status, natural wording', async () => {
  const page = await context.newPage();
  const rs = await openShipped(page, PREFERRED[0]);
  const vi = messages('vi');
  assert.ok(await page.isVisible('#demo-banner'), 'the banner is visible');
  const banner = await page.textContent('#demo-banner');
  assert.match(banner, /Trang minh họa/);
  assert.match(banner, /số liệu minh họa, không phải kết quả chính thức/i);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.textContent('#issued-by'), rs.issuedBy);
  assert.equal(await page.getAttribute('#ruleset-status', 'data-status'), rs.status);
  assert.equal(await page.textContent('#ruleset-status'), vi[`demo-status-${rs.status}`]);
  if (rs.status === 'illustrative') {
    assert.ok(await page.isVisible('#ruleset-note'));
    assert.equal(await page.textContent('#ruleset-note'), vi['demo-note-illustrative']);
  }
  const body = await page.textContent('body');
  assert.match(body, /Mã kiểm tra/);
  assert.doesNotMatch(body, /Dấu vân tay|bộ máy chấm điểm|Cổng thông tin cải cách/i);
  // Every static text is the catalogue's.
  const marked = await page.$$eval('[data-i18n]', (es) => es.map((e) => [e.dataset.i18n, e.textContent]));
  assert.ok(marked.length >= 15, `${marked.length} marked texts`);
  for (const [id, text] of marked) assert.equal(text, vi[id], id);
  // The unit kind is a list with Vietnamese names.
  const kinds = await page.$$eval('#unit-kind option', (os) => os.map((o) => [o.value, o.textContent]));
  assert.deepEqual(kinds, [['', vi['demo-kind-none']], ['xa', 'Xã'], ['thi_tran', 'Thị trấn']]);
  await page.close();
});

test('choice options show their labels, with diacritics; the field labels are the inputs\' labels', async () => {
  const page = await context.newPage();
  const rs = await openShipped(page, PREFERRED[0]);
  const inputs = rs.inputs();
  const choices = inputs.filter((d) => d.type === 'choice');
  assert.ok(choices.length > 0);
  let withDiacritics = 0;
  for (const def of choices) {
    assert.ok(def.option_labels, `${def.name} has option labels in the shipped set`);
    const options = await page.$$eval(`#in-${def.name} option`, (os) => os.map((o) => [o.value, o.textContent]));
    assert.deepEqual(options.slice(1), def.options.map((o) => [o, def.option_labels[o]]));
    withDiacritics += options.filter(([, t]) => /[^\x00-\x7f]/.test(t)).length;
    // Choosing by label sends the id.
    await page.selectOption(`#in-${def.name}`, { label: def.option_labels[def.options[0]] });
    assert.equal(await page.$eval(`#in-${def.name}`, (el) => el.value), def.options[0]);
  }
  assert.ok(withDiacritics > 0, 'option labels keep their diacritics');
  for (const def of inputs.filter((d) => d.label)) {
    const label = await page.textContent(`label[for="in-${def.name}"]`);
    assert.ok(label.includes(def.label), `${def.name}: ${label}`);
  }
  await page.close();
});

test('the explanations shown are Vietnamese', { todo: pending }, async () => {
  const page = await context.newPage();
  const rs = await openShipped(page, PREFERRED[0]);
  const unit = { id: 'binh-phu', name: 'UBND xã Bình Phú', kind: 'xa', values: valuesFor(rs.inputs()) };
  await fill(page, unit, rs.inputs());
  const shownTraces = await page.$$eval('.trace .why', (ts) => ts.map((t) => t.textContent));
  assert.ok(shownTraces.length > 0);
  for (const t of shownTraces) assert.doesNotMatch(t.replace(/`[^`]*`/g, ''), ENGLISH, t);
  const status = await page.textContent('#status');
  assert.doesNotMatch(status, ENGLISH);
  await page.close();
});

test('the English switch: the page\'s texts and the explanations in English, values kept', async () => {
  const page = await context.newPage();
  const rs = await openShipped(page, PREFERRED[0]);
  const inputs = rs.inputs();
  const unit = { id: 'binh-phu', name: 'UBND xã Bình Phú', kind: 'xa', values: valuesFor(inputs) };
  await fill(page, unit, inputs);
  const before = await shown(page);
  await page.click('.lang-switch button[data-lang="en"]');
  await page.waitForSelector('body[data-lang="en"]');
  const en = messages('en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('#demo-banner'), new RegExp(en['demo-banner']));
  const marked = await page.$$eval('[data-i18n]', (es) => es.map((e) => [e.dataset.i18n, e.textContent]));
  for (const [id, text] of marked) assert.equal(text, en[id], id);
  // The same figures; the traces are the engine's English ones.
  const after = await shown(page);
  assert.deepEqual({ ...after, indexText: null, gradeText: null }, { ...before, indexText: null, gradeText: null });
  const expected = rs.score(unit, { lang: 'en' });
  const traces = await page.$$eval('.tree-root > .node > details > .trace .why', (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(traces, expected.criteria.map((n) => n.trace).filter(Boolean));
  // Back to Vietnamese.
  await page.click('.lang-switch button[data-lang="vi"]');
  await page.waitForSelector('body[data-lang="vi"]');
  assert.equal(await page.textContent('[data-i18n="demo-banner"]'), 'Trang minh họa');
  const viTraces = await page.$$eval('.tree-root > .node > details > .trace .why', (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(viTraces, rs.score(unit).criteria.map((n) => n.trace).filter(Boolean));
  await page.close();
});
