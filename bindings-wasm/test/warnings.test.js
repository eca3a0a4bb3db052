// Load-time warnings reach JavaScript with the same codes, places and help as in Rust and Python.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ruleset } from 'cchc-wasm';

const RULES = readFileSync(new URL('../../tests/fixtures/warnings.yaml', import.meta.url), 'utf8');

test('warnings are listed with codes, places and help', () => {
  const rs = Ruleset.fromYaml(RULES, 'w.yaml');
  const ws = rs.warnings();
  assert.deepEqual(ws.map((w) => w.code).sort(), ['invalid_date', 'unreachable_band']);
  const band = ws.find((w) => w.code === 'unreachable_band');
  assert.equal(band.file, 'w.yaml');
  assert.equal(band.line, 20); // 2 comment lines open the fixture
  assert.equal(band.criterion, '1');
  assert.ok(band.help.length > 0);
  assert.ok(Array.isArray(band.labels));
  assert.equal(rs.score({ id: 'a', values: { tl: 90 } }).status, 'complete');
});

test('a clean file has no warnings', () => {
  const clean = RULES.replace('2021-02-30', '2021-02-28').replace(
    '          - { at_least: 50, points: 1 }\n          - { at_least: 80, points: 2 }\n',
    '          - { at_least: 80, points: 2 }\n          - { at_least: 50, points: 1 }\n',
  );
  assert.deepEqual(Ruleset.fromYaml(clean).warnings(), []);
});
