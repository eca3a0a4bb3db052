// Workbooks on the demo page, in headless Chromium (Debian's, driven by playwright-core): "Mở tệp
// Excel" opens a workbook of the Thạch Thất communes' example (written by
// benches/large/make_files.py: numbers as number cells, text as inline strings), lists its units
// and shows each one scored as the CLI scores the same rows from the CSV file; "Tải bảng điểm
// (Excel)" downloads the results workbook of the unit shown, read back here with Python's zipfile
// (its sheet names and the unit's index in the ranking sheet). The tools module is loaded on
// first use only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser } from '../testlib/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PATH = 'ha-noi/thach-that/xa-thi-tran/2021.yaml';
const UNITS = 3;

let browser;
let baseUrl;
let context;
let work;

before(async () => {
  browser = await openBrowser('bindings-wasm/demo/index.html');
  ({ baseUrl, context } = browser);
  work = browser.scratch;
});

after(async () => {
  await browser?.close();
});

/** The CLI's results of a data file, by unit id (`cchc score … --format json`). */
function cliResults(data) {
  let out;
  try {
    out = execFileSync('cargo', ['run', '-q', '-p', 'cchc-cli', '--', 'score', `rules/${PATH}`, data, '--format', 'json', '--detail', 'summary'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
    });
  } catch (e) {
    // Exit 1: some unit is incomplete; the results are written all the same.
    if (e.status !== 1) throw e;
    out = e.stdout;
  }
  const parsed = JSON.parse(out.toString('utf8'));
  const list = Array.isArray(parsed) ? parsed : (parsed.results ?? parsed.units);
  assert.ok(Array.isArray(list), 'the CLI writes a list of results');
  return new Map(list.map((r) => [r.unit?.id ?? r.id, r]));
}

/** A text file of a zip archive (Python's zipfile: another reader than the engine's). */
function zipText(file, part) {
  return execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8"))', file, part]).toString('utf8');
}

async function shown(page) {
  return page.evaluate(() => ({
    id: document.querySelector('#unit-id').value,
    total: document.querySelector('#total').dataset.value,
    index: document.querySelector('#index').dataset.value,
    status: document.querySelector('#status').dataset.status,
  }));
}

test('the demo page opens a workbook and downloads the results workbook of the unit shown', { timeout: 900_000 }, async () => {
  execFileSync('python3', [join(ROOT, 'benches/large/make_files.py'), work, String(UNITS)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const expected = cliResults(join(work, 'units.csv'));
  assert.equal(expected.size, UNITS);
  // The CLI reads the workbook as it reads the CSV file.
  const fromBook = cliResults(join(work, 'units.xlsx'));
  for (const [id, r] of expected) assert.equal(String(fromBook.get(id)?.total), String(r.total), id);

  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${baseUrl}/bindings-wasm/demo/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.selectOption('#ruleset-select', PATH);
  await page.waitForSelector('body[data-ruleset-id]');
  assert.ok(!requests.some((u) => u.includes('cchc_wasm_tools')), 'the tools module is not loaded before it is used');

  await page.setInputFiles('#xlsx-file', join(work, 'units.xlsx'));
  await page.waitForSelector('body[data-workbook="opened"]', { timeout: 60000 });
  assert.ok(requests.some((u) => u.includes('cchc_wasm_tools_bg.wasm')), 'the tools module is loaded on use');
  assert.ok(await page.isVisible('#xlsx-pick'), 'several units: a list to pick from');
  const ids = await page.$$eval('#xlsx-unit option', (os) => os.map((o) => o.textContent));
  assert.equal(ids.length, UNITS);

  for (let i = 0; i < UNITS; i++) {
    await page.selectOption('#xlsx-unit', String(i));
    const got = await shown(page);
    const want = expected.get(got.id);
    assert.ok(want, `unit ${got.id} is one of the file's`);
    assert.equal(got.total, String(want.total), `${got.id}: total`);
    assert.equal(got.index, want.index === null || want.index === undefined ? '' : String(want.index), `${got.id}: index`);
  }

  // The results workbook of the unit shown (the last picked).
  const unit = await shown(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
  assert.match(dl.suggestedFilename(), /\.xlsx$/);
  const file = join(work, 'bang-diem.xlsx');
  await dl.saveAs(file);
  const book = zipText(file, 'xl/workbook.xml');
  assert.match(book, /name="Xếp hạng"/);
  assert.match(book, /name="Tổng hợp"/);
  // The ranking sheet (the first) holds the unit's index as a number cell.
  const ranking = zipText(file, 'xl/worksheets/sheet1.xml');
  assert.ok(unit.index !== '', 'the unit shown has an index');
  assert.ok(ranking.includes(`<v>${unit.index}</v>`), `the index ${unit.index} is in the ranking sheet`);
  assert.deepEqual(problems, []);
  await page.close();
});
