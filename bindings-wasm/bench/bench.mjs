#!/usr/bin/env node
// Timing script of the WebAssembly package in Node, on the shared benchmark fixtures (the
// 100-leaf ruleset and the synthetic units of `benches/`, written by
// `cargo run --release -p cchc-benches --example fixtures -- DIR [UNITS]`), printed beside the
// core's own figures of the same fixtures run (`DIR/core.json`).
//
//   node bench/bench.mjs DIR                 time the package on DIR's fixtures
//   node bench/bench.mjs --generate [DIR]    write the fixtures first (release build, timed)
//   node bench/bench.mjs --smoke --generate  CI: 200 units, debug build, one pass, no figures
//                                            compared with anything
//   node bench/bench.mjs DIR --memory        also the peak RSS of a 100,000-unit scoreMany
//
// Options: --module PATH (the package entry point to load, default ../js/node.js),
// --units N (use the first N units), --loads N (fromYaml calls timed, default 20).
//
// Measured, after a warm-up pass, as the median of 3 passes (1 pass with --smoke):
//   (a) Ruleset.fromYaml: the first call (one-time initialisation included) and the median of
//       --loads later calls;
//   (b) rs.score(obj), one call per unit, reading status/total/max/index/grade;
//   (c) rs.scoreMany(array) of every unit, reading the same fields of each result;
//   (d) the criteria tree: rs.score(obj) then reading `criteria` (the lazy path), beside
//       scoreJson + JSON.parse (the whole JSON text, the eager path);
//   (e) assessment rounds: the same ruleset with three rounds declared, rs.score(obj) of each
//       unit as it is (one round, the quick path of D125), with an empty `rounds: {}` (one
//       round, the JSON path: units with round data take it) and with two later rounds that
//       each give one value again (three rounds, the JSON path).
// Timings are never asserted: this script reports, it does not judge.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

function parseArgs(argv) {
  const o = { dir: null, generate: false, smoke: false, memory: false, module: join(HERE, '..', 'js', 'node.js'), units: null, loads: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--generate') o.generate = true;
    else if (a === '--smoke') o.smoke = true;
    else if (a === '--memory') o.memory = true;
    else if (a === '--module') o.module = resolve(argv[++i]);
    else if (a === '--units') o.units = Number(argv[++i]);
    else if (a === '--loads') o.loads = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 23).join('\n'));
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.dir = resolve(a);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const passes = opts.smoke ? 1 : 3;

if (opts.generate) {
  if (opts.dir === null) opts.dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  const n = String(opts.units ?? (opts.smoke ? 200 : 10_000));
  const args = ['run', '-q', ...(opts.smoke ? [] : ['--release']), '-p', 'cchc-benches', '--example', 'fixtures', '--', opts.dir, n, ...(opts.smoke ? ['--no-time'] : [])];
  console.error(`==> cargo ${args.join(' ')}`);
  execFileSync('cargo', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}
if (opts.dir === null) {
  console.error('usage: node bench/bench.mjs DIR | --generate [DIR] [--smoke] [--memory] [--module PATH] [--units N]');
  process.exit(2);
}

const yaml = readFileSync(join(opts.dir, 'ruleset.yaml'), 'utf8');
let units = JSON.parse(readFileSync(join(opts.dir, 'units.json'), 'utf8'));
if (opts.smoke && opts.units === null) units = units.slice(0, 200);
if (opts.units !== null) units = units.slice(0, opts.units);
let core = {};
try {
  core = JSON.parse(readFileSync(join(opts.dir, 'core.json'), 'utf8'));
} catch {
  core = { timed: false };
}

const t0 = performance.now();
const pkg = await import(pathToFileURL(opts.module).href);
const instantiateMs = performance.now() - t0;
const { Ruleset } = pkg;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median over `passes` timed runs of f (after one warm-up run), in ms. */
function timeMs(f, warm = true) {
  if (warm) f();
  const xs = [];
  for (let p = 0; p < passes; p++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

let sink = 0;
function readSummary(r) {
  // status/total/max/index/grade, as a portal showing a league table would.
  sink += r.status.length + (r.total > 0 ? 1 : 0) + (r.max > 0 ? 1 : 0) + (r.index === null ? 0 : 1) + (r.grade === null ? 0 : 1);
}

// (a) fromYaml: the first call, then the median of the later ones.
let t = performance.now();
let rs = Ruleset.fromYaml(yaml, 'ruleset.yaml');
const firstLoadMs = performance.now() - t;
const loads = [];
for (let i = 0; i < (opts.loads ?? (opts.smoke ? 1 : 20)); i++) {
  t = performance.now();
  const r2 = Ruleset.fromYaml(yaml, 'ruleset.yaml');
  loads.push(performance.now() - t);
  r2.free();
}
const loadMs = median(loads);

const n = units.length;

// (b) one call per unit.
const scoreUs = (timeMs(() => {
  for (const u of units) readSummary(rs.score(u));
}) * 1000) / n;

// (c) one batch of every unit.
const manyUs = (timeMs(() => {
  const b = rs.scoreMany(units);
  for (const r of b.results) readSummary(r);
}) * 1000) / n;

// (d) the tree: score then read `criteria` (lazy where the package is lazy), and the whole
// JSON text parsed (eager), over at most 1,000 units.
const some = units.slice(0, Math.min(1000, n));
const texts = some.map((u) => JSON.stringify(u));
const treeUs = (timeMs(() => {
  for (const u of some) {
    const r = rs.score(u);
    readSummary(r);
    sink += r.criteria.length + r.criteria[0].trace.length;
  }
}) * 1000) / some.length;
const eagerUs = (timeMs(() => {
  for (const s of texts) {
    const r = JSON.parse(rs.scoreJson(s));
    sink += r.criteria.length;
  }
}) * 1000) / some.length;
const toTextUs = (timeMs(() => {
  for (const u of units) sink += pkg.toJsonText(u).length;
}) * 1000) / n;

// (e) rounds, over at most 1,000 units.
const rsRounds = Ruleset.fromYaml(yaml.replace(/^criteria:/m, 'rounds:\n  - { id: r1 }\n  - { id: r2 }\n  - { id: r3 }\ncriteria:'), 'rounds.yaml');
const oneRoundCore = some.map((u) => ({ ...u, rounds: {} }));
const threeRounds = some.map((u) => {
  const [k, v] = Object.entries(u.values ?? {})[0] ?? ['x', null];
  return { ...u, rounds: { r2: { values: { [k]: v } }, r3: { values: { [k]: v } } } };
});
const perUnit = (list) => (timeMs(() => {
  for (const u of list) readSummary(rsRounds.score(u));
}) * 1000) / list.length;
const roundsQuickUs = perUnit(some);
const roundsCoreUs = perUnit(oneRoundCore);
const rounds3Us = perUnit(threeRounds);
rsRounds.free();

const fmt = (x, d = 1) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '—');
const rows = [
  ['instantiate the module (import)', 'ms', instantiateMs, null],
  ['Ruleset.fromYaml, first call', 'ms', firstLoadMs, null],
  [`Ruleset.fromYaml, median of ${loads.length}`, 'ms', loadMs, core.load_ms],
  ['rs.score(obj), one call per unit', 'µs/unit', scoreUs, core.score_us],
  // The module scores a tree-less batch (BatchOptions::trees(false)) on one thread.
  ['rs.scoreMany(array)', 'µs/unit', manyUs, core.batch_no_trees_1_thread_us ?? core.batch_1_thread_us],
  ['rs.score(obj) + read criteria tree', 'µs/unit', treeUs, null],
  ['scoreJson(text) + JSON.parse (whole)', 'µs/unit', eagerUs, null],
  ['toJsonText(obj) alone', 'µs/unit', toTextUs, null],
  ['rounds declared: score(obj), 1 round (quick path)', 'µs/unit', roundsQuickUs, core.score_us],
  // The core's figures with rounds are criterion's (`cargo bench -p cchc-benches --bench rounds`).
  ['rounds declared: score(obj), 1 round (JSON path)', 'µs/unit', roundsCoreUs, null],
  ['rounds declared: score(obj), 3 rounds (JSON path)', 'µs/unit', rounds3Us, null],
];
console.log(`cchc-wasm bench: ${n} units, ${passes} pass(es), Node ${process.version}, module ${opts.module}`);
console.log(`fixtures: ${opts.dir}${core.timed ? '' : ' (core not timed)'}`);
const head = ['measure', 'unit', 'wasm', 'core', 'wasm/core'];
const body = rows.map(([name, unit, v, c]) => [name, unit, fmt(v, 2), fmt(c, 2), typeof c === 'number' && c > 0 ? `${fmt(v / c, 1)}×` : '—']);
const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(head));
for (const r of body) console.log(line(r));

if (opts.memory) {
  // Peak RSS of one 100,000-unit batch: sampled before, after the JSON text is made, after
  // the call returns and after every result is read (WebAssembly memory never shrinks, so the
  // engine's peak stays visible after the call).
  const big = [];
  for (let i = 0; big.length < 100_000; i++) {
    const u = units[i % n];
    big.push({ ...u, id: `${u.id}-${Math.floor(i / n)}` });
  }
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const before = peak;
  t = performance.now();
  const b = rs.scoreMany(big);
  sample();
  for (const r of b.results) readSummary(r);
  sample();
  const ms = performance.now() - t;
  console.log(`memory: scoreMany of ${big.length} units: peak RSS ${fmt(peak / 1e6, 0)} MB (${fmt(before / 1e6, 0)} MB before), ${fmt(ms, 0)} ms, ${fmt((ms * 1000) / big.length, 2)} µs/unit`);
}
rs.free();
if (sink < 0) console.log(sink); // keeps the reads
