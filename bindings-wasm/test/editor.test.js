// The rule editor page (bindings-wasm/editor/, built by scripts/build-editor.mjs) in headless
// Chromium (Debian's, driven by playwright-core). A mistake typed into a shipped file is
// underlined at the line the engine names, with its Vietnamese message; fixed, the file's tests
// pass; the example data is ranked as the engine ranks it; a raised band threshold shows in the
// diff with the units that change grade (when the cchc-tools module is built); the downloaded
// file is loaded by the CLI (`cchc check`). Expected figures come from the engine in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Ruleset, CchcError } from 'cchc-wasm';
import { openBrowser } from '../testlib/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'bindings-wasm', 'editor', 'dist', 'editor.js');
const PATH = 'ha-noi/thach-that/xa-thi-tran/2021.yaml';
const ORIGIN = `rules/${PATH}`;
const EXAMPLE = 'examples/thach-that-2021/xa-thi-tran.csv';
// The editor's build of the module (feature `editor`: the file's tests), for the expected outcomes.
const ENGINE = join(ROOT, 'bindings-wasm', 'editor', 'dist', 'engine');
// The cchc-tools module the editor bundles for its diff panel (scripts/build-wasm-tools.sh).
const TOOLS_GLUE = join(ROOT, 'bindings-wasm', 'tools', 'pkg', 'cchc_wasm_tools.js');
let raw;

let browser;
let baseUrl;
let context;
let work;

before(async () => {
  assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run node bindings-wasm/scripts/build-editor.mjs`);
  raw = await import(join(ENGINE, 'cchc_wasm.js'));
  raw.initSync({ module: readFileSync(join(ENGINE, 'cchc_wasm_bg.wasm')) });
  browser = await openBrowser('bindings-wasm/editor/index.html');
  ({ baseUrl, context } = browser);
  work = browser.scratch;
});

after(async () => {
  await browser?.close();
});

/** A new page on the editor, with every page error and console error collected. */
async function openEditor(query = `?rules=${PATH}`) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  // No network: every request the page makes stays on the local server.
  page.on('request', (r) => {
    if (!r.url().startsWith(baseUrl) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) {
      problems.push(`network request: ${r.url()}`);
    }
  });
  await page.goto(`${baseUrl}/bindings-wasm/editor/index.html${query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  return { page, problems };
}

/** The file's tests as the engine runs them (the editor's build of the module). */
function runTests(text) {
  const rs = raw.RawRuleset.fromYaml(text, ORIGIN, 'vi');
  try {
    return JSON.parse(rs.runTestsJson('vi'));
  } finally {
    rs.free();
  }
}

const analyses = (page) => page.evaluate(() => Number(document.body.dataset.analyses ?? 0));

/** Waits until the page has analysed the text again after `before` analyses. */
async function analysedAfter(page, n) {
  await page.waitForFunction((k) => Number(document.body.dataset.analyses ?? 0) > k, n, { timeout: 30000 });
}

/** Places the cursor at the end of (1-based) line `line` and types `text` with the keyboard. */
async function typeAtEndOf(page, line, text) {
  await page.evaluate((l) => {
    const { view } = window.cchcEditor;
    const pos = view.state.doc.line(l).to;
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  }, line);
  await page.keyboard.type(text);
}

const docText = (page) => page.evaluate(() => window.cchcEditor.view.state.doc.toString());

/** The engine's problems for `text`, as Node's binding reports them. */
function engineErrors(text, lang) {
  try {
    Ruleset.fromYaml(text, { origin: ORIGIN, lang }).free();
    return [];
  } catch (e) {
    assert.ok(e instanceof CchcError, String(e));
    return e.errors;
  }
}

/** The 1-based number of the first line of `text` matching `re` after line `after`. */
function lineOf(text, re, after = 0) {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i += 1) if (re.test(lines[i])) return i + 1;
  throw new Error(`no line matches ${re}`);
}

test('a mistake is underlined at its line with the Vietnamese message; fixed, the tests pass', async () => {
  const { page, problems } = await openEditor();
  const original = readFileSync(join(ROOT, ORIGIN), 'utf8');
  const rs = Ruleset.fromYaml(original, ORIGIN);
  const cases = runTests(original);
  assert.ok(cases.length > 0 && cases.every((c) => c.passed), 'the shipped file passes its own tests');

  // As opened: no error, every case passes, the criteria tree of the engine with its total.
  await page.waitForSelector('.tests-summary');
  assert.equal(await docText(page), original);
  assert.equal(await page.textContent('#file-name'), 'Tệp: 2021.yaml');
  assert.equal(await page.$$eval('.cm-lintRange-error', (els) => els.length), 0);
  assert.equal(await page.getAttribute('.tests-summary', 'data-passed'), String(cases.length));
  assert.equal(await page.getAttribute('.tests-summary', 'data-count'), String(cases.length));
  const count = (nodes) => nodes.reduce((n, c) => n + 1 + count(c.children ?? []), 0);
  assert.equal(await page.$$eval('table.tree tbody tr', (rows) => rows.length), count(rs.criteria()));
  assert.equal(await page.getAttribute('table.tree td.total', 'data-value'), String(parse(original).total));

  // A letter typed after the first criterion's `max: 10` (text where a number belongs).
  const critLine = lineOf(original, /^\s+max:\s*\d+\s*$/, lineOf(original, /^criteria:/));
  const n = await analyses(page);
  await typeAtEndOf(page, critLine, 'x');
  await analysedAfter(page, n);
  const broken = await docText(page);
  assert.equal(await page.textContent('#file-name'), 'Tệp: 2021.yaml (đã sửa)');
  const want = engineErrors(broken, 'vi');
  assert.ok(want.length > 0, 'the engine refuses the broken file');
  assert.equal(want[0].line, critLine, 'the engine names the edited line');

  // Underlined (CodeMirror's lint range) at that line, with the engine's Vietnamese message.
  const shown = await page.evaluate(() => window.cchcEditor.diagnostics());
  const atLine = shown.filter((d) => d.severity === 'error' && d.line === critLine);
  assert.equal(atLine.length, 1, JSON.stringify(shown));
  assert.ok(atLine[0].message.startsWith(want[0].message), `${atLine[0].message} / ${want[0].message}`);
  assert.equal(atLine[0].code, want[0].code);
  assert.match(want[0].message, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i, 'the message is Vietnamese');
  await page.waitForSelector('.cm-lintRange-error');
  const underlinedLine = await page.evaluate(() => {
    const { view } = window.cchcEditor;
    const el = document.querySelector('.cm-lintRange-error');
    return view.state.doc.lineAt(view.posAtDOM(el)).number;
  });
  assert.equal(underlinedLine, critLine);
  // The problems list below the editor, and the hover.
  const listed = page.locator(`.problems li.error[data-line="${critLine}"] .message`);
  assert.equal(await listed.first().textContent(), want[0].message);
  await page.hover('.cm-lintRange-error');
  await page.waitForSelector('.cm-tooltip-lint');
  assert.ok((await page.textContent('.cm-tooltip-lint')).includes(want[0].message));
  assert.ok(await page.$('.cm-lint-marker-error'), 'a gutter marker');
  assert.ok(await page.$('#tests .stale'), 'no tests run on a file that does not load');

  // The English switch: the same problem in English, from the engine.
  let k = await analyses(page);
  await page.selectOption('#lang', 'en');
  await analysedAfter(page, k);
  const wantEn = engineErrors(broken, 'en');
  assert.equal(await listed.first().textContent(), wantEn[0].message);
  k = await analyses(page);
  await page.selectOption('#lang', 'vi');
  await analysedAfter(page, k);

  // Fixed: no problem left, every case passes again.
  k = await analyses(page);
  await page.keyboard.press('Backspace');
  await analysedAfter(page, k);
  assert.equal(await docText(page), original);
  assert.equal(await page.$$eval('.cm-lintRange-error', (els) => els.length), 0);
  await page.waitForSelector('.tests-summary.ok');
  assert.equal(await page.getAttribute('.tests-summary', 'data-passed'), String(cases.length));
  assert.equal(await page.$$eval('.test.fail', (els) => els.length), 0);

  // A wrong expectation in the file's tests: that case fails, with the engine's words.
  const totalLine = lineOf(original, /^\s+total:\s*[\d.]+/, lineOf(original, /^tests:/));
  k = await analyses(page);
  await page.evaluate((l) => {
    const { view } = window.cchcEditor;
    const line = view.state.doc.line(l);
    const m = /total:\s*([\d.]+)/.exec(line.text);
    const from = line.from + m.index + m[0].length - m[1].length;
    view.dispatch({ changes: { from, to: from + m[1].length, insert: '1' } });
  }, totalLine);
  await analysedAfter(page, k);
  const edited = await docText(page);
  const failing = runTests(edited).filter((c) => !c.passed);
  assert.equal(failing.length, 1);
  await page.waitForSelector('.tests-summary.bad');
  assert.equal(await page.$$eval('.test.fail', (els) => els.length), 1);
  assert.equal(await page.textContent('.test.fail .name'), failing[0].name);
  assert.ok((await page.textContent('.test.fail')).includes(failing[0].failures[0].what));

  assert.deepEqual(problems, []);
  await page.close();
});

test('the example data is scored and ranked as the engine does', async () => {
  const { page, problems } = await openEditor();
  const original = readFileSync(join(ROOT, ORIGIN), 'utf8');
  const rs = Ruleset.fromYaml(original, ORIGIN);
  const batch = rs.scoreText(readFileSync(join(ROOT, EXAMPLE), 'utf8'), 'csv', { criteria: false });
  await page.waitForSelector('table.ranking');
  assert.equal(await page.$eval('#example-select', (s) => s.selectedOptions[0].textContent), EXAMPLE);
  const rows = await page.$$eval('table.ranking tbody tr', (trs) =>
    trs.map((tr) => ({
      id: tr.dataset.unit,
      rank: tr.querySelector('.rank').textContent,
      index: tr.querySelector('.index').dataset.value,
      grade: tr.querySelector('.grade').textContent,
    })),
  );
  const grades = new Map(batch.results.map((r) => [r.unit.id, r.grade?.label]));
  assert.deepEqual(
    rows,
    batch.ranking.map((e) => ({ id: e.id, rank: String(e.rank), index: String(e.index), grade: grades.get(e.id) })),
  );
  const unranked = batch.results.filter((r) => !batch.ranking.some((e) => e.id === r.unit.id));
  assert.ok(unranked.length > 0, 'the example data has incomplete units');
  for (const r of unranked) assert.ok((await page.textContent('.unranked')).includes(r.unit.name));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a raised band threshold: the diff lists the units that change grade', async (t) => {
  const { page, problems } = await openEditor();
  const diff = await page.evaluate(() => document.body.dataset.diff ?? 'available');
  if (diff === 'unavailable') {
    // Without the cchc-tools module the page says so, and nothing else is shown there. With the
    // module built (scripts/test-wasm.sh builds it before the editor), the diff must be there.
    assert.ok(!existsSync(TOOLS_GLUE), `${TOOLS_GLUE} is built but the editor has no diff: rebuild the editor`);
    assert.equal(await page.$$eval('#diff .unavailable', (e) => e.length), 1);
    assert.deepEqual(problems, []);
    await page.close();
    t.skip('cchc-tools (diff) not built: the page shows "not available"');
    return;
  }
  const original = readFileSync(join(ROOT, ORIGIN), 'utf8');
  // Criterion 3.4 (online dossiers): its middle step `at_least: 30, below: 50` raised to 35
  // (values from 30 to 35 fall to the last step, 0 points).
  const line = lineOf(original, /at_least:\s*30, below: 50/, lineOf(original, /input:\s*ty_le_ho_so_truc_tuyen/));
  const k = await analyses(page);
  await page.evaluate((l) => {
    const { view } = window.cchcEditor;
    const text = view.state.doc.line(l);
    const at = text.text.indexOf('at_least: 30') + 'at_least: '.length;
    view.dispatch({ changes: { from: text.from + at, to: text.from + at + 2, insert: '35' } });
  }, line);
  await analysedAfter(page, k);
  const edited = await docText(page);
  const before = Ruleset.fromYaml(original, ORIGIN);
  const after = Ruleset.fromYaml(edited, ORIGIN);
  const csv = readFileSync(join(ROOT, EXAMPLE), 'utf8');
  const g0 = new Map(before.scoreText(csv, 'csv', { criteria: false }).results.map((r) => [r.unit.id, r.grade?.id]));
  const changed = after.scoreText(csv, 'csv', { criteria: false }).results
    .filter((r) => g0.get(r.unit.id) !== r.grade?.id)
    .map((r) => r.unit.id)
    .sort();
  assert.ok(changed.length > 0, 'some example unit changes grade');
  await page.waitForSelector('#diff .diff-units');
  const listed = await page.$$eval('#diff .diff-units [data-unit][data-grade-changed="true"]', (els) => els.map((e) => e.dataset.unit).sort());
  assert.deepEqual(listed, changed);
  assert.ok(await page.$('#diff .diff-changes li'), 'the change itself is listed');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the downloaded file is the edited text, and the CLI loads it', async () => {
  const { page, problems } = await openEditor();
  const original = readFileSync(join(ROOT, ORIGIN), 'utf8');
  const line = lineOf(original, /id:\s*xuat_sac.*at_least:\s*90/);
  const k = await analyses(page);
  await typeAtEndOf(page, line, '  # ngưỡng xem lại');
  await analysedAfter(page, k);
  const edited = await docText(page);
  assert.notEqual(edited, original);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(download.suggestedFilename(), '2021.yaml');
  const text = readFileSync(await download.path(), 'utf8');
  assert.equal(text, edited);
  const file = join(work, 'edited.yaml');
  writeFileSync(file, text);
  const [cmd, argv] = process.env.CCHC_CLI
    ? [process.env.CCHC_CLI, ['check', file]]
    : ['cargo', ['run', '-q', '-p', 'cchc-cli', '--', 'check', file]];
  const out = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8' });
  assert.equal(out.status, 0, `cchc check: ${out.stdout}\n${out.stderr}`);
  // And a broken text downloads as typed, which the CLI refuses at the same line.
  const k2 = await analyses(page);
  const formatLine = lineOf(original, /^format:/);
  await typeAtEndOf(page, formatLine, 'x');
  await analysedAfter(page, k2);
  const [d2] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  writeFileSync(file, readFileSync(await d2.path(), 'utf8'));
  const bad = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8' });
  assert.notEqual(bad.status, 0);
  assert.ok(`${bad.stdout}${bad.stderr}`.includes(`:${formatLine}:`), `${bad.stdout}${bad.stderr}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page opens a file from the computer and finds its example data by ruleset id', async () => {
  const { page, problems } = await openEditor('?lang=en');
  const original = readFileSync(join(ROOT, ORIGIN), 'utf8');
  const file = join(work, 'my-copy.yaml');
  writeFileSync(file, original);
  const k = await analyses(page);
  await page.setInputFiles('#file', file);
  await analysedAfter(page, k);
  assert.equal(await docText(page), original);
  assert.ok((await page.textContent('#file-name')).includes('my-copy.yaml'));
  await page.waitForSelector('table.ranking');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), 'Criteria set editor');
  assert.deepEqual(problems, []);
  await page.close();
});
