// The demo page's "to reach the next grade" line in headless Chromium (Debian's, driven by
// playwright-core): a shipped example unit opened from its data file is scored at once, then the
// tools module (loaded only then) gives the line, which says what `cchc improve RULES DATA --unit
// ID --format json` says; a unit with the top grade, the English texts, and a page where the
// tools module cannot be loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ruleset } from 'cchc-wasm';
import { openBrowser } from '../testlib/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SET = 'ha-noi/thach-that/xa-thi-tran/2021.yaml';
const RULES = `rules/${SET}`;
const DATA = 'examples/thach-that-2021/xa-thi-tran.csv';

let browser;
let baseUrl;
let context;
let scratch;

before(async () => {
  browser = await openBrowser('bindings-wasm/demo/index.html');
  ({ baseUrl, context } = browser);
  scratch = browser.scratch;
});

after(async () => {
  await browser?.close();
});

/** `cchc …` (a debug build of the CLI), its standard output (exit 1 still writes it). */
function cli(...args) {
  try {
    return execFileSync('cargo', ['run', '-q', '-p', 'cchc-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch (e) {
    if (e.status === 1) return e.stdout;
    throw e;
  }
}

/**
 * A unit of the shipped CSV as the page's JSON unit file: cells read by each input's type
 * (có/không, a decimal comma, `95%`), as the CSV reader reads them; an empty cell is left out.
 */
function unitFromCsv(id) {
  const rs = Ruleset.fromYaml(readFileSync(join(ROOT, RULES), 'utf8'), RULES);
  const types = new Map(rs.inputs().map((d) => [d.name, d.type]));
  rs.free();
  const [header, ...rows] = readFileSync(join(ROOT, DATA), 'utf8').trim().split(/\r?\n/).map((l) => l.split(';'));
  const row = rows.find((r) => r[0] === id);
  assert.ok(row, `no unit ${id} in ${DATA}`);
  const unit = { values: {} };
  header.forEach((col, i) => {
    const cell = row[i].trim();
    if (['id', 'name', 'kind'].includes(col)) {
      unit[col] = cell;
      return;
    }
    if (cell === '') return;
    const type = types.get(col);
    assert.ok(type, `column ${col} is no input`);
    if (type === 'bool') unit.values[col] = { 'có': true, 'không': false }[cell.toLowerCase()];
    else if (type === 'choice') unit.values[col] = cell;
    else unit.values[col] = Number(cell.replace('%', '').replace(',', '.'));
  });
  return unit;
}

/** The demo page with the commune set chosen and the unit `id` of the CSV opened from a file. */
async function openUnit(page, id, lang = 'vi') {
  await page.goto(`${baseUrl}/bindings-wasm/demo/index.html?rules=${encodeURIComponent(SET)}&lang=${lang}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.waitForSelector('body[data-ruleset-id]');
  const file = join(scratch, `${id}.json`);
  writeFileSync(file, JSON.stringify(unitFromCsv(id)));
  await page.setInputFiles('#unit-file', file);
  await page.waitForSelector('#status[data-status="complete"]');
}

/** The improvement report of the CLI for a unit of the CSV. */
function cliImprove(id, lang = 'vi') {
  return JSON.parse(cli('--lang', lang, 'improve', RULES, DATA, '--unit', id, '--format', 'json'));
}

/** "1,51" in Vietnamese, "1.51" in English, with the set's 2 decimal places. */
function points(n, lang) {
  const s = n.toFixed(2);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

test('the line says which criteria reach the next grade, as `cchc improve` does', { timeout: 900_000 }, async () => {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${baseUrl}/bindings-wasm/demo/index.html?rules=${encodeURIComponent(SET)}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  // An empty form is not complete: no line, and the tools module is not loaded.
  assert.notEqual(await page.getAttribute('#status', 'data-status'), 'complete');
  assert.equal(await page.getAttribute('#improve', 'data-state'), 'none');
  assert.ok(!(await page.isVisible('#improve')));
  assert.ok(!requests.some((u) => u.includes('cchc_wasm_tools')), 'the tools module is not loaded for an incomplete unit');

  for (const id of ['cam-yen', 'dai-dong']) {
    const want = cliImprove(id).next_grade;
    assert.equal(want.outcome, 'found', id);
    await openUnit(page, id);
    // The score is shown at once; the line follows.
    await page.waitForSelector('#improve[data-state="found"]', { timeout: 60000 });
    assert.equal(await page.getAttribute('#improve', 'data-target'), want.target, id);
    assert.equal(await page.getAttribute('#improve', 'data-criteria'), want.criteria.map((c) => c.id).join(','), id);
    assert.equal(Number(await page.getAttribute('#improve', 'data-points')), want.points_needed, id);
    const label = { tot: 'Tốt', xuat_sac: 'Xuất sắc' }[want.target];
    assert.equal(
      await page.textContent('#improve'),
      `Để đạt loại ${label}: đạt điểm tối đa ở ${want.criteria.map((c) => c.id).join(', ')} (+${points(want.points_needed, 'vi')} điểm)`,
    );
  }
  assert.ok(requests.some((u) => u.includes('cchc_wasm_tools_bg.wasm')), 'the tools module is loaded for a complete unit');

  // A unit with the top grade.
  assert.equal(cliImprove('binh-phu').next_grade.outcome, 'already_top');
  await openUnit(page, 'binh-phu');
  await page.waitForSelector('#improve[data-state="top"]', { timeout: 60000 });
  assert.equal(await page.textContent('#improve'), 'Đơn vị đã đạt loại cao nhất.');

  // Editing: the line says it is working, then gives the new answer; the score never waits.
  await openUnit(page, 'dai-dong');
  await page.waitForSelector('#improve[data-state="found"]', { timeout: 60000 });
  assert.equal(await page.getAttribute('#improve', 'data-criteria'), '3.9');
  await page.fill('#in-khao_sat_pakn', '5');
  assert.equal(await page.getAttribute('#status', 'data-status'), 'complete');
  await page.waitForSelector('#improve[data-state="found"]:not([data-criteria="3.9"]), #improve[data-state="top"]', { timeout: 60000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the line in English', { timeout: 900_000 }, async () => {
  const page = await context.newPage();
  const want = cliImprove('cam-yen', 'en').next_grade;
  await openUnit(page, 'cam-yen', 'en');
  await page.waitForSelector('#improve[data-state="found"]', { timeout: 60000 });
  assert.equal(
    await page.textContent('#improve'),
    `To reach Xuất sắc: full marks in ${want.criteria.map((c) => c.id).join(', ')} (+${points(want.points_needed, 'en')} points)`,
  );
  await page.close();
});

test('without the tools module the page says so and still scores', { timeout: 300_000 }, async () => {
  const page = await context.newPage();
  await page.route('**/tools/pkg/**', (route) => route.abort());
  await openUnit(page, 'dai-dong');
  await page.waitForSelector('#improve[data-state="unavailable"]', { timeout: 60000 });
  assert.match(await page.textContent('#improve'), /Không tải được công cụ phân tích/);
  assert.notEqual(await page.textContent('#index'), '—');
  await page.close();
});
