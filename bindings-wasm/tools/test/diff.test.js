// The tools module's `diffJson` in Node: the same diff as the CLI (`cchc diff OLD NEW --data FILE
// --format json`) on a shipped rule file and a copy with one grade threshold raised, with the
// shipped example data (CSV; YAML, and the same units as JSON); the change texts; errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import * as tools from '../pkg/cchc_wasm_tools.js';

tools.initSync({ module: readFileSync(new URL('../pkg/cchc_wasm_tools_bg.wasm', import.meta.url)) });

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/ha-noi/thach-that/xa-thi-tran/2021.yaml';
const DATA = 'examples/thach-that-2021/xa-thi-tran.csv';
const read = (p) => readFileSync(join(ROOT, p), 'utf8');

/** `cchc …` (the CLI built by scripts/test-wasm.sh, else a debug build through cargo), its output. */
function cli(...args) {
  const [cmd, pre] = process.env.CCHC_CLI ? [process.env.CCHC_CLI, []] : ['cargo', ['run', '-q', '-p', 'cchc-cli', '--']];
  return execFileSync(cmd, [...pre, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
}

// The old file and the new one: the grade `xuat_sac` from 90 to 93, on disk for the CLI.
const dir = mkdtempSync(join(tmpdir(), 'cchc-tools-diff-'));
const OLD = join(dir, 'old.yaml');
const NEW = join(dir, 'new.yaml');
const oldText = read(RULES);
const newText = oldText.replace(/(id:\s*xuat_sac.*at_least:\s*)90\b/, '$193');
assert.notEqual(newText, oldText, 'the grade line of xuat_sac is in the shipped file');
writeFileSync(OLD, oldText);
writeFileSync(NEW, newText);

test('diffJson with CSV data is the CLI diff, and texts describe its changes', { timeout: 900_000 }, () => {
  const out = JSON.parse(tools.diffJson(oldText, OLD, newText, NEW, read(DATA), 'csv', 'vi'));
  const cliOut = JSON.parse(cli('diff', OLD, NEW, '--data', join(ROOT, DATA), '--format', 'json'));
  assert.deepEqual(out.diff, cliOut);
  assert.deepEqual(
    out.diff.changes.map((c) => [c.change, c.grade, c.field, c.old, c.new]),
    [['grade_changed', 'xuat_sac', 'at_least', 90, 93]],
  );
  assert.equal(out.texts.length, 1);
  assert.match(out.texts[0], /xuat_sac/);
  // The units that change grade are those from 90 up to 93, and only they (index unchanged).
  const units = out.diff.effect.units;
  assert.ok(units.length > 0, 'some example unit is between 90 and 93');
  for (const u of units) {
    assert.equal(u.old_index, u.new_index);
    assert.ok(u.old_index >= 90 && u.old_index < 93, `${u.unit}: ${u.old_index}`);
    assert.equal(u.old_grade, 'xuat_sac');
    assert.notEqual(u.new_grade, 'xuat_sac');
  }
  // In English: the same diff, other words.
  const en = JSON.parse(tools.diffJson(oldText, OLD, newText, NEW, read(DATA), 'csv', 'en'));
  assert.deepEqual(en.diff, out.diff);
  assert.notEqual(en.texts[0], out.texts[0]);
});

test('diffJson: YAML data and the same units as JSON give the CLI diff; without data; a file with itself', { timeout: 900_000 }, () => {
  const rules = 'rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml';
  const data = 'examples/thach-that-2021/phong-chuyen-mon.yaml';
  const a = read(rules);
  const b = a.replace(/(id:\s*xuat_sac.*at_least:\s*)90\b/, '$185');
  assert.notEqual(b, a);
  const [pa, pb] = [join(dir, 'pcm-old.yaml'), join(dir, 'pcm-new.yaml')];
  writeFileSync(pa, a);
  writeFileSync(pb, b);
  const cliOut = JSON.parse(cli('diff', pa, pb, '--data', join(ROOT, data), '--format', 'json'));
  const yaml = JSON.parse(tools.diffJson(a, pa, b, pb, read(data), 'yaml'));
  assert.deepEqual(yaml.diff, cliOut);
  // JSON is the default format.
  const json = JSON.parse(tools.diffJson(a, pa, b, pb, JSON.stringify(parse(read(data)))));
  assert.deepEqual(json.diff, cliOut);

  const none = JSON.parse(tools.diffJson(oldText, OLD, newText, NEW));
  assert.equal(none.diff.effect, undefined);
  assert.deepEqual(none.diff, JSON.parse(cli('diff', OLD, NEW, '--format', 'json')));
  const same = JSON.parse(tools.diffJson(oldText, OLD, oldText, OLD, read(DATA), 'csv'));
  assert.deepEqual(same.diff.changes, []);
  assert.deepEqual(same.texts, []);
  assert.deepEqual(same.diff.effect.units, []);
  assert.deepEqual(same.diff, JSON.parse(cli('diff', OLD, OLD, '--data', join(ROOT, DATA), '--format', 'json')));
});

test('diffJson errors: a rule file that does not load, bad data, an unknown format or language', () => {
  const thrown = (f) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    assert.fail('no error thrown');
  };
  let e = thrown(() => tools.diffJson(oldText, OLD, 'format: cchc/1\n', 'bad.yaml'));
  assert.equal(e.name, 'CchcError');
  assert.equal(e.diagnostics[0].file, 'bad.yaml');
  assert.ok(e.diagnostics.some((d) => d.code === 'missing_key'));
  e = thrown(() => tools.diffJson(oldText, OLD, newText, NEW, '{not json', 'json'));
  assert.equal(e.name, 'CchcError');
  assert.equal(e.diagnostics[0].code, 'data_syntax');
  e = thrown(() => tools.diffJson(oldText, OLD, newText, NEW, '[]', 'xml'));
  assert.equal(e.name, 'CchcError');
  assert.equal(e.diagnostics[0].code, 'data_shape');
  assert.match(e.message, /xml/);
  e = thrown(() => tools.diffJson(oldText, OLD, newText, NEW, undefined, undefined, 'fr'));
  assert.ok(e instanceof RangeError);
});
