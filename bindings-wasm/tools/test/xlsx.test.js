// The tools module's workbooks in Node: readWorkbook reads a workbook's units as the CLI reads
// them (the same totals as `cchc score` of the same rows in CSV), a hostile or broken workbook is
// a CchcError (`unreadable_workbook`), and resultsWorkbook writes an .xlsx whose sheets are the
// CLI's (names read back with Python's zipfile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tools from '../pkg/cchc_wasm_tools.js';

tools.initSync({ module: readFileSync(new URL('../pkg/cchc_wasm_tools_bg.wasm', import.meta.url)) });

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES_PATH = join(ROOT, 'rules/ha-noi/thach-that/xa-thi-tran/2021.yaml');
const RULES = readFileSync(RULES_PATH, 'utf8');

function cliTotals(data) {
  let out;
  try {
    out = execFileSync('cargo', ['run', '-q', '-p', 'cchc-cli', '--', 'score', RULES_PATH, data, '--format', 'json', '--detail', 'summary'], { cwd: ROOT, maxBuffer: 1 << 26 });
  } catch (e) {
    if (e.status !== 1) throw e;
    out = e.stdout;
  }
  const parsed = JSON.parse(out.toString('utf8'));
  const list = Array.isArray(parsed) ? parsed : (parsed.results ?? parsed.units);
  return new Map(list.map((r) => [r.unit?.id ?? r.id, String(r.total)]));
}

test('readWorkbook reads units as the CLI does; resultsWorkbook writes the CLI sheets', { timeout: 600_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'cchc-tools-xlsx-'));
  try {
    execFileSync('python3', [join(ROOT, 'benches/large/make_files.py'), work, '5'], { stdio: 'ignore' });
    const units = JSON.parse(tools.readWorkbook(RULES, readFileSync(join(work, 'units.xlsx')), { dataOrigin: 'units.xlsx' }));
    assert.equal(units.length, 5);
    // Typed values: no number is left as text.
    assert.ok(Object.values(units[0].values).some((v) => typeof v === 'number'));
    const want = cliTotals(join(work, 'units.csv'));
    const bytes = tools.resultsWorkbook(RULES, JSON.stringify(units), { dataFormat: 'json' });
    assert.ok(bytes instanceof Uint8Array);
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK');
    const file = join(work, 'out.xlsx');
    writeFileSync(file, bytes);
    const book = execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode())', file]).toString('utf8');
    assert.match(book, /name="Xếp hạng"/);
    assert.match(book, /name="Tổng hợp"/);
    // The JSON units score as the CLI scores the CSV rows: the totals are in the summary sheet.
    const summary = execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet2.xml").decode())', file]).toString('utf8');
    for (const total of want.values()) assert.ok(summary.includes(`<v>${total}</v>`), `total ${total} in the summary sheet`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('hostile and broken workbooks are coded errors', () => {
  const code = (bytes, opts = {}) => {
    try {
      tools.readWorkbook(RULES, bytes, opts);
    } catch (e) {
      assert.equal(e.name, 'CchcError');
      return e.diagnostics[0].code;
    }
    assert.fail('no error');
  };
  assert.equal(code(new TextEncoder().encode('id;x\na;1\n')), 'unreadable_workbook');
  assert.equal(code(new Uint8Array(0)), 'unreadable_workbook');
  // A zip whose end record declares 60,000 parts: refused before anything is read.
  const bomb = new Uint8Array(4 + 22);
  bomb.set([0x50, 0x4b, 0x03, 0x04]);
  bomb.set([0x50, 0x4b, 0x05, 0x06], 4);
  new DataView(bomb.buffer).setUint16(4 + 8, 60000, true);
  new DataView(bomb.buffer).setUint16(4 + 10, 60000, true);
  assert.equal(code(bomb), 'unreadable_workbook');
});
