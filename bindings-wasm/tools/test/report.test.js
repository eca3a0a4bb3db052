// The tools module in Node: reportHtml gives the same HTML as `cchc report`, and its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tools from '../pkg/cchc_wasm_tools.js';

tools.initSync({ module: readFileSync(new URL('../pkg/cchc_wasm_tools_bg.wasm', import.meta.url)) });

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'cli/tests/fixtures/report-rules.yaml';
const DATA = 'cli/tests/fixtures/report-data.yaml';
const DATE = '2026-12-01';
const read = (p) => readFileSync(new URL(p, `file://${ROOT}`), 'utf8');

/** `cchc report …` (a debug build of the CLI), its standard output. */
function cli(...args) {
  try {
    return execFileSync('cargo', ['run', '-q', '-p', 'cchc-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch (e) {
    // Exit 1: some unit incomplete; the report is written all the same.
    if (e.status === 1) return e.stdout;
    throw e;
  }
}

test('reportHtml writes the same HTML as the CLI', { timeout: 600_000 }, () => {
  const html = tools.reportHtml(read(RULES), read(DATA), { dataFormat: 'yaml', date: DATE });
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.equal((html.match(/class="rank-row"/g) ?? []).length, 2);
  assert.equal(html, cli('report', RULES, DATA, '--date', DATE));
  const en = tools.reportHtml(read(RULES), read(DATA), { dataFormat: 'yaml', date: DATE, lang: 'en', round: 'tu_cham' });
  assert.equal(en, cli('--lang', 'en', 'report', RULES, DATA, '--date', DATE, '--round', 'tu_cham'));
});

test('reportHtml reads JSON by default and dates the report today', () => {
  const units = JSON.stringify([{ id: 'a', name: 'Xã A', values: { p: 95, k: true } }]);
  const html = tools.reportHtml(read(RULES), units);
  const today = new Date().toISOString().slice(0, 10);
  assert.ok(html.includes(today) || html.includes(new Date(Date.now() - 60_000).toISOString().slice(0, 10)));
  assert.equal((html.match(/class="rank-row"/g) ?? []).length, 1);
});

test('reportHtml errors: bad rules, bad data, unknown round, format, language, option type', () => {
  const rules = read(RULES);
  const cchcError = (f, code) => {
    try {
      f();
    } catch (e) {
      assert.equal(e.name, 'CchcError');
      assert.ok(Array.isArray(e.diagnostics) && e.diagnostics.length > 0);
      assert.equal(e.diagnostics[0].code, code);
      return;
    }
    assert.fail('no error thrown');
  };
  cchcError(() => tools.reportHtml('format: cchc/1\n', '[]'), 'missing_key');
  cchcError(() => tools.reportHtml(rules, '[1, 2'), 'data_syntax');
  cchcError(() => tools.reportHtml(rules, '[]', { round: 'chua_co' }), 'unknown_round');
  cchcError(() => tools.reportHtml(rules, '[]', { dataFormat: 'xml' }), 'data_shape');
  assert.throws(() => tools.reportHtml(rules, '[]', { lang: 'fr' }), RangeError);
  assert.throws(() => tools.reportHtml(rules, '[]', { date: 5 }), TypeError);
});
