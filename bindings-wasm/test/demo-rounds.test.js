// The demo page's assessment rounds (issue #11) in headless Chromium: the unit's self-assessment
// (facts, own points, evidence, notes), the council's round (a changed fact, a lower mark with a
// note, the unit's explanation), both rounds' figures, the change per criterion and the
// `no_evidence` warnings, all compared with the engine in Node; the downloaded unit (every round)
// compared with the unit the test built, scored by the CLI to the same figures, and opened again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ruleset, messages } from 'cchc-wasm';
import { openBrowser } from '../testlib/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
// The shipped ruleset of the page's first entry; it declares no rounds, so the page adds the
// usual three.
const RULES = 'ha-noi/thach-that/xa-thi-tran/2021.yaml';
const USUAL = ['tu_cham', 'tham_dinh', 'chot_diem'];

let browser;
let baseUrl;
let context;
let tmp;

before(async () => {
  browser = await openBrowser('bindings-wasm/demo/index.html');
  ({ baseUrl, context } = browser);
  tmp = browser.scratch;
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

function leaves(nodes, out = []) {
  for (const n of nodes) {
    if (n.children?.length) leaves(n.children, out);
    else out.push(n);
  }
  return out;
}

function findNode(nodes, id) {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = n.children ? findNode(n.children, id) : null;
    if (found) return found;
  }
  return null;
}

async function openPage(page) {
  await page.goto(`${baseUrl}/bindings-wasm/demo/index.html?rules=${encodeURIComponent(RULES)}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
}

/** Opens a criterion's fields (a closed `details`) and fills one of them. */
async function fillCrit(page, what, id, text) {
  const open = await page.$eval(`details.crit[data-crit="${id}"]`, (d) => d.open);
  if (!open) await page.click(`details.crit[data-crit="${id}"] > summary`);
  await page.fill(`[id="${what}-${id}"]`, text);
}

/** What the page shows: the official figures, each round's, the changes, the no_evidence marks. */
async function shown(page) {
  return page.evaluate(() => ({
    total: document.querySelector('#total').dataset.value,
    index: document.querySelector('#index').dataset.value,
    grade: document.querySelector('#grade').dataset.grade,
    status: document.querySelector('#status').dataset.status,
    rounds: [...document.querySelectorAll('#rounds-table tbody tr')].map((tr) => ({
      id: tr.dataset.round,
      total: tr.dataset.total,
      max: tr.dataset.max,
      index: tr.dataset.index,
      grade: tr.dataset.grade,
      status: tr.dataset.status,
      official: tr.classList.contains('official'),
    })),
    changes: Object.fromEntries([...document.querySelectorAll('.tree-root li.node[data-change]')]
      .map((li) => [li.dataset.id, li.dataset.change])),
    noEvidence: [...document.querySelectorAll('.tree-root .badge.no-evidence')]
      .map((b) => b.closest('li.node').dataset.id).sort(),
  }));
}

/** The page's figures as the engine's result gives them. */
function expectedShown(r) {
  const changes = {};
  const walk = (ns) => ns.forEach((n) => {
    if (typeof n.change === 'number') changes[n.id] = String(n.change);
    if (n.children) walk(n.children);
  });
  walk(r.criteria);
  const s = (n) => (n === null || n === undefined ? '' : String(n));
  return {
    total: s(r.total),
    index: s(r.index),
    grade: r.grade ? r.grade.id : '',
    status: r.status,
    rounds: r.rounds.map((x) => ({
      id: x.id, total: s(x.total), max: s(x.max), index: s(x.index), grade: x.grade ? x.grade.id : '',
      status: x.status, official: x.id === r.round,
    })),
    changes,
    noEvidence: r.warnings.filter((w) => w.code === 'no_evidence').map((w) => w.criterion).sort(),
  };
}

async function downloadFrom(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/**
 * `cchc score RULES DATA --format json`: the binary named by CCHC_CLI, or through cargo (built
 * when needed); its parsed output.
 */
function cli(rulesPath, dataPath) {
  const args = ['score', rulesPath, dataPath, '--format', 'json'];
  const [cmd, argv] = process.env.CCHC_CLI
    ? [process.env.CCHC_CLI, args]
    : ['cargo', ['run', '-q', '-p', 'cchc-cli', '--', ...args]];
  const run = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(run.status === 0 || run.status === 1, `cchc score exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

test('self-assessment, the council\'s round, the download scored by the CLI, and opened again', async () => {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await openPage(page);

  // The ruleset the page scores with: the shipped file with the usual three rounds added.
  const shipped = readFileSync(join(ROOT, 'rules', RULES), 'utf8');
  const rules = await downloadFrom(page, '#export-rules');
  assert.ok(rules.text.startsWith(shipped.trimEnd()), 'the shipped text, rounds added at its end');
  assert.match(rules.text.slice(shipped.trimEnd().length), /^\nrounds:\n/);
  const rs = Ruleset.fromYaml(rules.text, `rules/${RULES}`);
  await page.waitForSelector(`body[data-ruleset-id="${rs.id}"]`);
  assert.equal(await page.textContent('.fingerprint code'), rs.fingerprint);
  assert.equal(await page.textContent('#rounds-added'), messages('vi')['demo-rounds-added']);
  const tabs = await page.$$eval('#round-tabs [role="tab"]', (bs) => bs.map((b) => [b.dataset.tabRound, b.textContent, b.getAttribute('aria-selected')]));
  const vi = messages('vi');
  assert.deepEqual(tabs, [
    ['tu_cham', vi['demo-round-tu-cham'], 'true'],
    ['tham_dinh', vi['demo-round-tham-dinh'], 'false'],
    ['chot_diem', vi['demo-round-chot-diem'], 'false'],
  ]);
  assert.equal(await page.textContent('#tab-intro'), vi['demo-tab-self-intro']);

  // 1. The self-assessment: facts, own points on one leaf, evidence and a note on another.
  const inputs = rs.inputs();
  const unit = { id: 'binh-phu', name: 'UBND xã Bình Phú', kind: 'xa', values: valuesFor(inputs) };
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
  const all = leaves(rs.criteria());
  const withEvidence = all.filter((n) => n.evidence?.length && n.max >= 1);
  assert.ok(withEvidence.length >= 3, 'the ruleset declares evidence on leaves');
  const [cited, marked, explained] = withEvidence;
  await fillCrit(page, 'evidence', cited.id, 'Kế hoạch 15/KH-UBND ngày 10/01/2021\n\n  Báo cáo 32/BC-UBND  ');
  await fillCrit(page, 'note', cited.id, 'Đã ban hành đúng hạn');
  await fillCrit(page, 'points', marked.id, String(marked.max));
  unit.points = { [marked.id]: marked.max };
  unit.notes = { [cited.id]: 'Đã ban hành đúng hạn' };
  unit.evidence = { [cited.id]: ['Kế hoạch 15/KH-UBND ngày 10/01/2021', 'Báo cáo 32/BC-UBND'] };

  let expected = rs.score(unit);
  assert.equal(expected.status, 'complete', JSON.stringify(expected.errors));
  assert.equal(expected.round, 'tu_cham');
  assert.deepEqual(await shown(page), expectedShown(expected));
  assert.ok(expectedShown(expected).noEvidence.length > 0, 'criteria without evidence are warned about');
  assert.ok(!expectedShown(expected).noEvidence.includes(cited.id));

  // 2. The council's round: a fact changed, a lower mark with a note, the unit's explanation.
  await page.click('#round-tabs [data-tab-round="tham_dinh"]');
  await page.waitForSelector('body[data-tab="tham_dinh"]');
  assert.equal(await page.textContent('#tab-intro'), vi['demo-tab-council-intro']);
  assert.equal(await page.isChecked('#round-on'), false);
  const pct = inputs.find((d) => d.type === 'percent' && d.on_missing !== 'not_applicable');
  assert.equal(await page.inputValue(`#in-${pct.name}`), '', 'a later round starts unchanged');
  assert.match(await page.getAttribute(`#in-${pct.name}`, 'placeholder'), /giữ nguyên: 87,5/);
  await page.fill(`#in-${pct.name}`, '42.5');
  assert.equal(await page.isChecked('#round-on'), true, 'entering data turns the round on');
  const lower = 0.5;
  await fillCrit(page, 'points', marked.id, String(lower));
  await fillCrit(page, 'note', marked.id, 'Thiếu 2 phiếu xin lỗi');
  await fillCrit(page, 'explanation', explained.id, 'Hồ sơ lưu tại Văn phòng, chưa số hóa');
  unit.rounds = { tham_dinh: { values: { [pct.name]: 42.5 }, points: { [marked.id]: lower }, notes: { [marked.id]: 'Thiếu 2 phiếu xin lỗi' } } };
  unit.explanations = { [explained.id]: 'Hồ sơ lưu tại Văn phòng, chưa số hóa' };

  expected = rs.score(unit);
  assert.equal(expected.round, 'tham_dinh');
  let got = await shown(page);
  assert.deepEqual(got, expectedShown(expected));
  // Both rounds' figures, the lower mark's change, the explanation clearing its warning.
  assert.deepEqual(got.rounds.map((r) => r.id), ['tu_cham', 'tham_dinh']);
  assert.ok(Number(got.rounds[1].total) < Number(got.rounds[0].total), JSON.stringify(got.rounds));
  assert.equal(got.changes[marked.id], String(lower - marked.max));
  assert.ok(!got.noEvidence.includes(explained.id));
  assert.ok(got.noEvidence.length > 0);
  const warnings = await page.textContent('#unit-issues');
  assert.match(warnings, /no_evidence/);
  // The node shows each round's points, the notes and the evidence.
  const markedNode = findNode(expected.criteria, marked.id);
  const roundPoints = await page.$$eval(`.tree-root li.node[data-id="${marked.id}"] > details > .node-rounds .round-points`,
    (ss) => ss.map((s) => [s.dataset.round, s.dataset.points]));
  assert.deepEqual(roundPoints, Object.entries(markedNode.rounds).map(([id, p]) => [id, String(p)]));
  assert.match(await page.textContent(`.tree-root li.node[data-id="${marked.id}"] > details > .node-notes`), /Thiếu 2 phiếu xin lỗi/);
  assert.match(await page.textContent(`.tree-root li.node[data-id="${cited.id}"] > details > .node-evidence`), /Báo cáo 32\/BC-UBND/);

  // 3. The download: every round, the unit the test built; the CLI scores it the same.
  const data = await downloadFrom(page, '#export-json');
  assert.equal(data.name, 'binh-phu.json');
  const exported = JSON.parse(data.text);
  assert.deepEqual(exported, unit);
  const rulesPath = join(tmp, 'rules.yaml');
  const dataPath = join(tmp, data.name);
  writeFileSync(rulesPath, rules.text);
  writeFileSync(dataPath, data.text);
  const out = cli(rulesPath, dataPath);
  assert.equal(out.results.length, 1);
  const c = out.results[0];
  assert.equal(String(c.total), got.total);
  assert.equal(String(c.index), got.index);
  assert.equal(c.round, 'tham_dinh');
  assert.deepEqual(c.rounds.map((r) => ({ id: r.id, total: String(r.total), index: String(r.index), status: r.status })),
    got.rounds.map((r) => ({ id: r.id, total: r.total, index: r.index, status: r.status })));
  assert.equal(String(findNode(c.criteria, marked.id).change), got.changes[marked.id]);

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'demo-rounds.png'), fullPage: true });

  // 4. Opened again in a fresh page: both tabs as they were, the same figures, the same download.
  const again = await context.newPage();
  again.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await openPage(again);
  await again.setInputFiles('#unit-file', dataPath);
  await again.waitForFunction((id) => document.querySelector('#unit-id').value === id, unit.id);
  assert.deepEqual(await shown(again), got);
  assert.equal(await again.inputValue(`#in-${pct.name}`), String(unit.values[pct.name]));
  assert.equal(await again.inputValue(`[id="evidence-${cited.id}"]`), unit.evidence[cited.id].join('\n'));
  assert.equal(await again.inputValue(`[id="points-${marked.id}"]`), String(marked.max));
  await again.click('#round-tabs [data-tab-round="tham_dinh"]');
  await again.waitForSelector('body[data-tab="tham_dinh"]');
  assert.equal(await again.isChecked('#round-on'), true);
  assert.equal(await again.inputValue(`#in-${pct.name}`), '42.5');
  assert.equal(await again.inputValue(`[id="points-${marked.id}"]`), String(lower));
  assert.equal(await again.inputValue(`[id="note-${marked.id}"]`), 'Thiếu 2 phiếu xin lỗi');
  assert.equal(await again.inputValue(`[id="explanation-${explained.id}"]`), unit.explanations[explained.id]);
  const reexported = JSON.parse((await downloadFrom(again, '#export-json')).text);
  assert.deepEqual(reexported, unit);

  // 5. English: the page's texts change, the figures do not.
  await again.click('.lang-switch button[data-lang="en"]');
  await again.waitForSelector('body[data-lang="en"]');
  const en = messages('en');
  assert.equal(await again.textContent('#tab-intro'), en['demo-tab-council-intro']);
  assert.equal(await again.textContent('#rounds-board h3'), en['demo-rounds-heading']);
  assert.deepEqual(await shown(again), got);
  assert.equal(await again.inputValue(`[id="points-${marked.id}"]`), String(lower));

  assert.deepEqual(problems, []);
  await again.close();
  await page.close();
});

test('a council\'s round that is turned off leaves the result of the rounds before it', async () => {
  const page = await context.newPage();
  await openPage(page);
  const rs = Ruleset.fromYaml((await downloadFrom(page, '#export-rules')).text);
  const inputs = rs.inputs();
  const pct = inputs.find((d) => d.type === 'percent' && d.on_missing !== 'not_applicable');
  await page.fill(`#in-${pct.name}`, '95');
  await page.click('#round-tabs [data-tab-round="chot_diem"]');
  await page.waitForSelector('body[data-tab="chot_diem"]');
  await page.fill(`#in-${pct.name}`, '10');
  let got = await shown(page);
  assert.deepEqual(got.rounds.map((r) => r.id), ['tu_cham', 'chot_diem']);
  await page.setChecked('#round-on', false);
  got = await shown(page);
  assert.deepEqual(got.rounds.map((r) => r.id), ['tu_cham']);
  const data = JSON.parse((await downloadFrom(page, '#export-json')).text);
  assert.equal(data.rounds, undefined);
  assert.deepEqual(got, expectedShown(rs.score(data)));
  for (const id of USUAL) assert.ok(await page.$(`#round-tabs [data-tab-round="${id}"]`), id);

  // A file that is not a unit's data is refused with the catalogue's words; the page keeps its data.
  const vi = messages('vi');
  for (const bad of ['{"id": "x", "values": [1, 2]}', '{"id": "x", "rounds": {"tham_dinh": {"points": 3}}}', 'không phải JSON', '42']) {
    await page.setInputFiles('#unit-file', { name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await page.waitForSelector('#open-errors:not([hidden])');
    assert.equal(await page.textContent('#open-errors'), `${vi['demo-open-failed']} “hong.json”: ${vi['demo-open-hint']}`);
    assert.deepEqual(await shown(page), got, bad);
    await page.evaluate(() => { document.querySelector('#open-errors').hidden = true; });
  }
  await page.close();
});

// The worked example of the rounds spec (a contract: these numbers must come out), in a ruleset
// that declares its rounds itself (opened from the computer): nothing is added to it.
const WORKED_EXAMPLE = `format: cchc/1
id: vi-du.vong-cham
version: "1"
title: Ví dụ của đặc tả các vòng chấm
total: 10
rounds:
  - { id: tu_cham, label: Tự chấm điểm }
  - { id: tham_dinh, label: Thẩm định lần 1 }
  - { id: chot_diem, label: Thẩm định lần 2 (sau giải trình) }
inputs:
  p: { type: percent, label: Tỷ lệ }
  k: { type: bool, label: Có thực hiện }
criteria:
  - id: a
    title: Tiêu chí a
    max: 4
    rule: { bands: { input: p, steps: [ { at_least: 90, points: 4 }, { at_least: 70, points: 2 }, { points: 0 } ] } }
  - id: b
    title: Tiêu chí b
    max: 6
    rule: { check: k }
`;

test('the worked example of the rounds spec, entered round by round', async () => {
  const page = await context.newPage();
  await openPage(page);
  const rs = Ruleset.fromYaml(WORKED_EXAMPLE);
  await page.setInputFiles('#ruleset-file', { name: 'vi-du.yaml', mimeType: 'text/yaml', buffer: Buffer.from(WORKED_EXAMPLE) });
  await page.waitForSelector(`body[data-ruleset-id="${rs.id}"]`);
  assert.equal(await page.$('#rounds-added'), null, 'a ruleset with rounds is scored as it is');
  assert.equal(await page.textContent('.fingerprint code'), rs.fingerprint);
  assert.deepEqual(await page.$$eval('#round-tabs [role="tab"]', (bs) => bs.map((b) => b.dataset.tabRound)), USUAL);

  await page.fill('#unit-id', 'u');
  await page.fill('#in-p', '95');
  await page.setChecked('#in-k', true);
  await page.click('#round-tabs [data-tab-round="tham_dinh"]');
  await page.waitForSelector('body[data-tab="tham_dinh"]');
  await page.fill('#in-p', '80');
  await fillCrit(page, 'points', 'b', '3');
  await page.click('#round-tabs [data-tab-round="chot_diem"]');
  await page.waitForSelector('body[data-tab="chot_diem"]');
  assert.equal(await page.getAttribute('[id="points-b"]', 'placeholder'), 'giữ nguyên: 3,00');
  await page.fill('#in-p', '91');

  const got = await shown(page);
  assert.deepEqual(got.rounds.map((r) => [r.id, r.total, r.index, r.official]),
    [['tu_cham', '10', '100', false], ['tham_dinh', '5', '50', false], ['chot_diem', '7', '70', true]]);
  assert.equal(got.total, '7');
  assert.equal(got.index, '70');
  assert.deepEqual(got.changes, { a: '0', b: '-3' });
  const data = JSON.parse((await downloadFrom(page, '#export-json')).text);
  assert.deepEqual(data, {
    id: 'u', values: { p: 95, k: true },
    rounds: { tham_dinh: { values: { p: 80 }, points: { b: 3 } }, chot_diem: { values: { p: 91 } } },
  });
  assert.deepEqual(got, expectedShown(rs.score(data)));

  // A problem of a round that is not the official one is shown under that round's name.
  await fillCrit(page, 'points', 'b', '3');
  await page.click('#round-tabs [data-tab-round="tham_dinh"]');
  await page.waitForSelector('body[data-tab="tham_dinh"]');
  await page.fill('[id="points-b"]', '7');
  const bad = await shown(page);
  assert.deepEqual(bad.rounds.map((r) => [r.id, r.status]), [['tu_cham', 'complete'], ['tham_dinh', 'error'], ['chot_diem', 'complete']]);
  assert.equal(bad.total, '7');
  const block = await page.textContent('#unit-issues .issues[data-round="tham_dinh"]');
  assert.match(block, /^Thẩm định lần 1 · /);
  assert.match(block, /points_out_of_range/);
  const data2 = JSON.parse((await downloadFrom(page, '#export-json')).text);
  assert.deepEqual(data2.rounds, { tham_dinh: { values: { p: 80 }, points: { b: 7 } }, chot_diem: { values: { p: 91 }, points: { b: 3 } } });
  assert.deepEqual(bad, expectedShown(rs.score(data2)));
  await page.close();
});

test('a ruleset the page cannot add rounds to (JSON) keeps its one round: points, notes, evidence still work', async () => {
  const page = await context.newPage();
  await openPage(page);
  const { parse } = await import('yaml');
  const model = parse(WORKED_EXAMPLE);
  delete model.rounds;
  const text = JSON.stringify(model, null, 2);
  const rs = Ruleset.fromYaml(text);
  await page.setInputFiles('#ruleset-file', { name: 'vi-du.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForSelector(`body[data-ruleset-id="${rs.id}"]`);
  assert.equal(await page.isVisible('#round-tabs'), false);
  assert.equal(await page.isVisible('#rounds-board'), false);
  assert.equal(await page.$('#rounds-added'), null);
  assert.equal(await page.textContent('.fingerprint code'), rs.fingerprint);
  await page.fill('#unit-id', 'u');
  await page.fill('#in-p', '75');
  await fillCrit(page, 'points', 'b', '1.5');
  await fillCrit(page, 'note', 'b', 'Chỉ làm một phần');
  await fillCrit(page, 'evidence', 'a', 'Báo cáo số 1');
  const data = JSON.parse((await downloadFrom(page, '#export-json')).text);
  assert.deepEqual(data, {
    id: 'u', values: { p: 75, k: false }, points: { b: 1.5 }, notes: { b: 'Chỉ làm một phần' }, evidence: { a: ['Báo cáo số 1'] },
  });
  const r = rs.score(data);
  assert.equal(r.rounds, undefined);
  assert.equal(r.total, 3.5);
  const got = await shown(page);
  assert.equal(got.total, '3.5');
  assert.deepEqual(got.changes, {});
  assert.match(await page.textContent('.tree-root li.node[data-id="b"] .node-notes'), /Chỉ làm một phần/);
  assert.match(await page.textContent('.tree-root li.node[data-id="a"] .node-evidence'), /Báo cáo số 1/);
  await page.close();
});

test('a shipped ruleset that declares its rounds is scored as it is, a tab per round', async () => {
  const path = 'ha-noi/thach-that/phong-chuyen-mon/2021.yaml';
  const rs = Ruleset.fromYaml(readFileSync(join(ROOT, 'rules', path), 'utf8'), `rules/${path}`);
  assert.ok(rs.rounds().length > 1, 'the department ruleset declares rounds');
  const page = await context.newPage();
  await page.goto(`${baseUrl}/bindings-wasm/demo/index.html?rules=${encodeURIComponent(path)}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.waitForSelector(`body[data-ruleset-id="${rs.id}"]`);
  assert.equal(await page.$('#rounds-added'), null);
  assert.equal(await page.textContent('.fingerprint code'), rs.fingerprint);
  assert.deepEqual(await page.$$eval('#round-tabs [role="tab"]', (bs) => bs.map((b) => [b.dataset.tabRound, b.textContent])),
    rs.rounds().map((r) => [r.id, r.label]));
  assert.equal((await downloadFrom(page, '#export-rules')).text, readFileSync(join(ROOT, 'rules', path), 'utf8'));
  await page.close();
});
