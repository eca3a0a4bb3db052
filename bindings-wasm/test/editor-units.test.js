// The rule editor's own helpers (bindings-wasm/editor/src/), in Node: the exact sums of the
// tree's maxima, the engine's places as CodeMirror offsets, and numbers as the page writes them.
// The page itself is tested in Chromium by editor.test.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Text } from '@codemirror/state';
import { sum, same } from '../editor/src/decimal.js';
import { offsetOf, rangeOf } from '../editor/src/positions.js';

// texts.js imports the bundled catalogue (a module only the build script provides), so its
// number() is tested through the page; the pure helpers are here.

test('sums of maxima are exact decimals, never binary floats', () => {
  assert.equal(sum([0.1, 0.2]), '0.3');
  assert.equal(sum([1, 0.5, 0.5, 2]), '4');
  assert.equal(sum([2.25, 1.3, 26.45]), '30');
  assert.equal(sum([10, -0.75]), '9.25');
  assert.equal(sum([0.25, -0.25]), '0');
  assert.equal(sum([]), '0');
  assert.equal(sum([1e-7]), null, 'an exponent form is not summed (shown as unknown)');
  assert.ok(same(4, 4.0));
  assert.ok(!same(4, 4.5));
});

test('sums agree with BigInt arithmetic on random decimals', () => {
  // A small deterministic generator (no Math.random: the same cases on every run).
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let round = 0; round < 500; round += 1) {
    const n = 1 + (next() % 8);
    const hundredths = Array.from({ length: n }, () => (next() % 20001) - 10000);
    const values = hundredths.map((c) => Number((c / 100).toFixed(2)));
    const total = hundredths.reduce((a, b) => a + BigInt(b), 0n);
    const neg = total < 0n;
    const abs = (neg ? -total : total).toString().padStart(3, '0');
    let want = `${abs.slice(0, -2)}.${abs.slice(-2)}`.replace(/\.?0+$/, '');
    if (want === '' ) want = '0';
    if (neg && want !== '0') want = `-${want}`;
    assert.equal(sum(values), want, `sum of ${values.join(' + ')}`);
  }
});

test('engine places (columns in characters) become CodeMirror offsets (UTF-16)', () => {
  const doc = Text.of(['format: cchc/1', 'title: Bộ tiêu chí', '  x: "𝔸b"', '']);
  assert.equal(offsetOf(doc, 1, 1), 0);
  assert.equal(offsetOf(doc, 2, 1), 15);
  // "title: Bộ tiêu chí": column 11 is the "t" of "tiêu" (ộ is one character here).
  const line2 = doc.line(2);
  assert.equal(doc.sliceString(offsetOf(doc, 2, 11), line2.to), 'tiêu chí');
  // An astral character counts as one column but two UTF-16 units.
  const line3 = doc.line(3);
  assert.equal(doc.sliceString(offsetOf(doc, 3, 8), line3.to), 'b"');
  // Out of range places are clamped into the document.
  assert.equal(offsetOf(doc, 0, 5), 0);
  assert.equal(offsetOf(doc, 99, 1), doc.length);
  assert.equal(offsetOf(doc, 1, 999), doc.line(1).to);
});

test('a diagnostic without an end underlines the rest of its line, or the line', () => {
  const doc = Text.of(['a: 1', '    max: 10x  ', '']);
  const r = rangeOf(doc, { line: 2, column: 10, end_line: 0, end_column: 0 });
  assert.equal(doc.sliceString(r.from, r.to), '10x');
  const atEnd = rangeOf(doc, { line: 2, column: 13, end_line: 2, end_column: 0 });
  assert.equal(doc.sliceString(atEnd.from, atEnd.to), 'max: 10x');
  const span = rangeOf(doc, { line: 2, column: 5, end_line: 2, end_column: 8 });
  assert.equal(doc.sliceString(span.from, span.to), 'max');
  const empty = rangeOf(doc, { line: 3, column: 1, end_line: 0, end_column: 0 });
  assert.equal(empty.from, empty.to);
});
