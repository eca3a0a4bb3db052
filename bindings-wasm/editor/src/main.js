// The rule editor: a criteria set file (cchc/1 YAML) in CodeMirror 6, checked by the engine
// (cchc-wasm) as the user types. Every problem, figure and outcome on the page is the engine's:
// the load's errors and warnings (with their places), the criteria tree, the file's own `tests:`
// (the core's runner, as `cchc test`, exported by the editor's build of the module: raw below), the example data scored and ranked,
// and the diff against the file as opened (cchc-tools, when that module is built). This file
// only places them on the page. The page's own texts are the catalogue's `demo-editor-`
// messages (texts.js).
import init, { Ruleset, CchcError, engineVersion } from '../../js/index.js';
import engineWasm from 'cchc-editor:engine-wasm';
// The module's own glue (the same instance js/index.js uses): `RawRuleset.runTestsJson`, which
// only the editor's build of the module has (feature `editor`), is not in the wrapper.
import * as raw from 'cchc-editor-engine';
import SHIPPED from 'cchc-editor:shipped';
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, StateEffect } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter, forceLinting, forEachDiagnostic } from '@codemirror/lint';
import { LANGS, text as t, number } from './texts.js';
import { sum } from './decimal.js';
import { rangeOf } from './positions.js';
import { diffAvailable, initDiff, renderDiff } from './diff.js';

const DEBOUNCE_MS = 300;
// The shipped file opened first when the address names none.
const PREFERRED = 'ha-noi/thach-that/xa-thi-tran/2021.yaml';

const $ = (sel) => document.querySelector(sel);
const els = {
  lang: $('#lang'),
  shipped: $('#shipped'),
  file: $('#file'),
  download: $('#download'),
  revert: $('#revert'),
  fileName: $('#file-name'),
  editor: $('#editor'),
  status: $('#status'),
  problems: $('#problems'),
  tree: $('#tree'),
  tests: $('#tests'),
  examples: $('#examples'),
  diff: $('#diff'),
};

const state = {
  lang: 'vi',
  // The file as opened: its name, its origin (as diagnostics name it), its text.
  fileName: '',
  origin: '',
  opened: '',
  // The last analysis: the loaded ruleset (null when the text does not load) and its problems.
  ruleset: null,
  problems: [],
  example: 0,
  // Grade labels by id, as the example data's results give them (for the diff's grades).
  gradeLabels: new Map(),
  analyses: 0,
};

/** An effect that asks the linter to run again (the language changed). */
const refresh = StateEffect.define();

const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
};
const tt = (id, args) => t(state.lang, id, args);
// Scores with the ruleset's decimals; maxima as written.
const num = (v) => number(state.lang, v, state.ruleset?.places ?? 0);
const plain = (v) => number(state.lang, v, 0);

// ---------------------------------------------------------------------------------------------
// Analysis: the linter's source (CodeMirror runs it DEBOUNCE_MS after the last keystroke).

function analyse(view) {
  const started = performance.now();
  const doc = view.state.doc;
  const source = doc.toString();
  const lang = state.lang;
  let ruleset = null;
  let problems;
  try {
    ruleset = Ruleset.fromYaml(source, { origin: state.origin, lang });
    problems = ruleset.warnings({ lang }).map((d) => ({ ...d, severity: 'warning' }));
  } catch (e) {
    if (!(e instanceof CchcError)) throw e;
    problems = e.errors.map((d) => ({ ...d, severity: 'error' }));
  }
  if (state.ruleset !== null) state.ruleset.free();
  state.ruleset = ruleset;
  state.problems = problems.map((p) => ({ ...p, ...rangeOf(doc, p) }));
  render(source);
  state.analyses += 1;
  // How long the last analysis took (load, warnings, tests, examples, diff, the page updated), ms.
  document.body.dataset.analysisMs = String(Math.round(performance.now() - started));
  document.body.dataset.analyses = String(state.analyses);
  return state.problems.map((p) => ({
    from: p.from,
    to: p.to,
    severity: p.severity,
    source: p.code,
    message: p.help ? `${p.message}\n${tt('demo-editor-help')}: ${p.help}` : p.message,
  }));
}

function render(source) {
  renderFileName(source);
  renderStatus();
  renderProblems();
  renderTree();
  renderTests(source);
  renderExamples();
  renderDiff(els.diff, {
    lang: state.lang,
    t: tt,
    num,
    before: state.opened,
    after: source,
    origin: state.origin,
    examples: examplesFor(state.ruleset),
    grades: (id) => state.gradeLabels.get(id) ?? id,
  });
}

function renderFileName(source) {
  const name = h('span', { text: tt('demo-editor-file', { file: state.fileName }) });
  if (source === state.opened) els.fileName.replaceChildren(name);
  else els.fileName.replaceChildren(name, h('span', { class: 'modified', text: ` ${tt('demo-editor-modified')}` }));
}

function renderStatus() {
  const errors = state.problems.filter((p) => p.severity === 'error').length;
  const warnings = state.problems.length - errors;
  let line;
  if (state.ruleset === null) {
    line = tt('demo-editor-status-errors', { count: errors });
    els.status.className = 'status bad';
  } else {
    const crits = state.ruleset.criteria();
    line = tt('demo-editor-status-ok', { criteria: count(crits), max: plain(totalMax(crits) ?? '—') });
    els.status.className = warnings > 0 ? 'status warn' : 'status ok';
  }
  if (warnings > 0) line += ` ${tt('demo-editor-status-warnings', { count: warnings })}`;
  els.status.textContent = line;
}

function renderProblems() {
  if (state.problems.length === 0) {
    els.problems.replaceChildren(h('li', { class: 'none', text: tt('demo-editor-problems-none') }));
    return;
  }
  els.problems.replaceChildren(
    ...state.problems.map((p) =>
      h(
        'li',
        { class: `problem ${p.severity}`, 'data-line': p.line, 'data-code': p.code },
        h(
          'button',
          { type: 'button', class: 'goto', onclick: () => goTo(p.from) },
          h('span', { class: 'severity', text: tt(`demo-editor-severity-${p.severity}`) }),
          ' ',
          h('span', { class: 'where', text: tt('demo-editor-at', { line: p.line, column: p.column }) }),
        ),
        ' ',
        h('code', { class: 'code', text: p.code }),
        ' ',
        h('span', { class: 'message', text: p.message }),
        p.help ? h('div', { class: 'help', text: `${tt('demo-editor-help')}: ${p.help}` }) : null,
      ),
    ),
  );
}

function goTo(pos) {
  view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  view.focus();
}

// ---------------------------------------------------------------------------------------------
// The criteria tree, with each node's maximum and, for a group, the exact sum of its normal
// sub-criteria's maxima (the engine refuses a group whose maximum differs, `max_mismatch`,
// except a capped group, whose sub-criteria may add up to more).

function count(nodes) {
  return nodes.reduce((n, c) => n + 1 + count(c.children ?? []), 0);
}

function normalMax(nodes) {
  return sum(nodes.filter((c) => c.kind === 'normal').map((c) => c.max));
}

function totalMax(crits) {
  return normalMax(crits);
}

function renderTree() {
  if (state.ruleset === null) {
    els.tree.replaceChildren(h('p', { class: 'stale', text: tt('demo-editor-not-loaded') }));
    return;
  }
  const crits = state.ruleset.criteria();
  const rows = [];
  const walk = (nodes, depth) => {
    for (const c of nodes) {
      const children = c.children ?? null;
      const childSum = children ? normalMax(children) : null;
      const differs = childSum !== null && childSum !== sum([c.max]);
      rows.push(
        h(
          'tr',
          { class: `node ${c.kind}${children ? ' group' : ''}`, 'data-id': c.id },
          h('td', { class: 'id', style: `padding-left:${0.4 + depth * 1.1}em`, text: c.id }),
          h('td', { class: 'title', text: c.title }),
          h('td', { class: 'kind', text: tt(`demo-editor-kind-${c.kind}`) }),
          h('td', { class: 'num max', text: plain(c.max) }),
          h(
            'td',
            { class: `num sum${differs ? ' differs' : ''}`, title: differs ? tt('demo-editor-tree-cap') : null },
            childSum === null ? '' : plain(childSum),
          ),
        ),
      );
      if (children) walk(children, depth + 1);
    }
  };
  walk(crits, 0);
  els.tree.replaceChildren(
    h(
      'table',
      { class: 'tree' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['tree-id', 'tree-title', 'tree-kind', 'tree-max', 'tree-sum'].map((k) => h('th', { text: tt(`demo-editor-${k}`) })),
        ),
      ),
      h('tbody', {}, rows),
      h(
        'tfoot',
        {},
        h(
          'tr',
          {},
          h('td', { colspan: 3, text: tt('demo-editor-tree-total') }),
          h('td', { class: 'num total', 'data-value': totalMax(crits), text: plain(totalMax(crits) ?? '—') }),
          h('td'),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// The file's own worked cases, run by the engine.

/** The file's `tests:` run by the core: `[{name, line, passed, failures, errors}]`. */
function runTests(source) {
  const r = raw.RawRuleset.fromYaml(source, state.origin, state.lang);
  try {
    return JSON.parse(r.runTestsJson(state.lang));
  } finally {
    r.free();
  }
}

function renderTests(source) {
  if (state.ruleset === null) {
    els.tests.replaceChildren(h('p', { class: 'stale', text: tt('demo-editor-not-loaded') }));
    return;
  }
  const cases = runTests(source);
  if (cases.length === 0) {
    els.tests.replaceChildren(h('p', { text: tt('demo-editor-tests-none') }));
    return;
  }
  const passed = cases.filter((c) => c.passed).length;
  els.tests.replaceChildren(
    h('p', {
      class: `tests-summary ${passed === cases.length ? 'ok' : 'bad'}`,
      'data-passed': passed,
      'data-count': cases.length,
      text: tt('demo-editor-tests-summary', { passed, count: cases.length }),
    }),
    h(
      'ul',
      { class: 'tests' },
      cases.map((c) =>
        h(
          'li',
          { class: `test ${c.passed ? 'pass' : 'fail'}` },
          h('span', { class: 'badge', text: tt(c.passed ? 'demo-editor-test-pass' : 'demo-editor-test-fail') }),
          ' ',
          h('span', { class: 'name', text: c.name }),
          ' ',
          h('button', {
            type: 'button',
            class: 'goto',
            onclick: () => goTo(view.state.doc.line(Math.min(Math.max(c.line, 1), view.state.doc.lines)).from),
            text: `(${tt('demo-editor-test-line', { line: c.line })})`,
          }),
          c.failures.length + c.errors.length > 0
            ? h(
                'ul',
                {},
                c.failures.map((f) =>
                  h('li', { text: `${f.what}: ${tt('demo-editor-test-expected', { expected: f.expected, actual: f.actual })}` }),
                ),
                c.errors.map((e) => h('li', { class: 'error', text: e })),
              )
            : null,
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Example data (bundled from examples/), scored with the edited ruleset and ranked.

/** The example data files of the shipped rule files with the ruleset's id (or the opened path). */
function examplesFor(ruleset) {
  const out = [];
  const seen = new Set();
  for (const f of SHIPPED) {
    const match = ruleset !== null ? f.id === ruleset.id : `rules/${f.path}` === state.origin;
    if (!match) continue;
    for (const ex of f.examples) {
      if (seen.has(ex.path)) continue;
      seen.add(ex.path);
      out.push(ex);
    }
  }
  return out;
}

function renderExamples() {
  if (state.ruleset === null) {
    els.examples.replaceChildren(h('p', { class: 'stale', text: tt('demo-editor-not-loaded') }));
    return;
  }
  const examples = examplesFor(state.ruleset);
  if (examples.length === 0) {
    els.examples.replaceChildren(h('p', { text: tt('demo-editor-examples-none') }));
    return;
  }
  if (state.example >= examples.length) state.example = 0;
  const ex = examples[state.example];
  const picker = h(
    'label',
    {},
    `${tt('demo-editor-examples-file')} `,
    h(
      'select',
      {
        id: 'example-select',
        onchange: (e) => {
          state.example = Number(e.target.value);
          renderExamples();
        },
      },
      examples.map((x, i) => h('option', { value: i, selected: i === state.example, text: x.path })),
    ),
  );
  let body;
  try {
    const batch = state.ruleset.scoreText(ex.text, ex.format, { lang: state.lang, criteria: false });
    body = rankingTable(batch);
  } catch (e) {
    if (!(e instanceof CchcError)) throw e;
    body = h('p', { class: 'bad', text: `${tt('demo-editor-examples-failed')}: ${e.message}` });
  }
  els.examples.replaceChildren(picker, h('p', { class: 'note', text: tt('demo-editor-examples-note') }), body);
}

function rankingTable(batch) {
  const byId = new Map(batch.results.map((r) => [r.unit.id, r]));
  for (const r of batch.results) if (r.grade) state.gradeLabels.set(r.grade.id, r.grade.label);
  const ranked = new Set(batch.ranking.map((e) => e.id));
  const unranked = batch.results.filter((r) => !ranked.has(r.unit.id));
  return h(
    'div',
    {},
    h(
      'table',
      { class: 'ranking' },
      h(
        'thead',
        {},
        h('tr', {}, ...['rank', 'unit', 'unit-kind', 'total', 'index', 'grade'].map((k) => h('th', { text: tt(`demo-editor-${k}`) }))),
      ),
      h(
        'tbody',
        {},
        batch.ranking.map((e) =>
          h(
            'tr',
            { 'data-unit': e.id },
            h('td', { class: 'num rank', text: String(e.rank) }),
            h('td', { class: 'unit', text: e.name ?? e.id }),
            h('td', { class: 'kind', text: e.kind ?? '' }),
            h('td', { class: 'num', text: num(e.total) }),
            h('td', { class: 'num index', 'data-value': e.index, text: num(e.index) }),
            h('td', { class: 'grade', text: byId.get(e.id)?.grade?.label ?? e.grade ?? '—' }),
          ),
        ),
      ),
    ),
    unranked.length > 0
      ? h('p', {
          class: 'unranked',
          text: tt('demo-editor-unranked', { units: unranked.map((r) => r.unit.name ?? r.unit.id).join(', ') }),
        })
      : null,
  );
}

// ---------------------------------------------------------------------------------------------
// Opening, downloading, the language.

function open(fileName, origin, source) {
  state.fileName = fileName;
  state.origin = origin;
  state.opened = source;
  state.example = 0;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source }, selection: { anchor: 0 } });
  forceLinting(view);
}

function openShipped(path) {
  const f = SHIPPED.find((x) => x.path === path) ?? SHIPPED.find((x) => x.path === PREFERRED) ?? SHIPPED[0];
  if (!f) return;
  els.shipped.value = f.path;
  open(f.path.split('/').pop(), `rules/${f.path}`, f.text);
}

function download() {
  const blob = new Blob([view.state.doc.toString()], { type: 'application/yaml' });
  const a = h('a', { href: URL.createObjectURL(blob), download: state.fileName || 'bo-tieu-chi.yaml' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function applyTexts() {
  document.documentElement.lang = state.lang;
  document.title = tt('demo-editor-title');
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = tt(el.dataset.t);
}

function setLang(lang) {
  state.lang = LANGS.includes(lang) ? lang : 'vi';
  els.lang.value = state.lang;
  applyTexts();
  view.dispatch({ effects: refresh.of(null) });
  forceLinting(view);
}

// ---------------------------------------------------------------------------------------------

let view;

async function main() {
  await init(engineWasm);
  await initDiff();
  const params = new URLSearchParams(location.search);
  state.lang = LANGS.includes(params.get('lang')) ? params.get('lang') : 'vi';
  els.lang.value = state.lang;
  applyTexts();
  $('#engine-version').textContent = engineVersion();

  for (const f of SHIPPED) els.shipped.append(h('option', { value: f.path, text: f.title ? `${f.path} — ${f.title}` : f.path }));

  view = new EditorView({
    parent: els.editor,
    state: EditorState.create({
      doc: '',
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        linter(analyse, {
          delay: DEBOUNCE_MS,
          needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(refresh))),
        }),
        EditorView.lineWrapping,
        EditorView.theme({ '&': { height: '100%' }, '.cm-scroller': { overflow: 'auto' } }),
      ],
    }),
  });

  els.lang.addEventListener('change', () => setLang(els.lang.value));
  els.shipped.addEventListener('change', () => openShipped(els.shipped.value));
  els.file.addEventListener('change', async () => {
    const file = els.file.files?.[0];
    if (!file) return;
    open(file.name, file.name, await file.text());
    els.file.value = '';
  });
  els.download.addEventListener('click', download);
  els.revert.addEventListener('click', () => open(state.fileName, state.origin, state.opened));
  if (!diffAvailable()) document.body.dataset.diff = 'unavailable';

  openShipped(params.get('rules') ?? PREFERRED);

  // For tests and for the curious: the editor view and the problems as CodeMirror holds them.
  window.cchcEditor = {
    view,
    diagnostics() {
      const out = [];
      forEachDiagnostic(view.state, (d, from, to) => {
        out.push({ from, to, line: view.state.doc.lineAt(from).number, severity: d.severity, code: d.source, message: d.message });
      });
      return out;
    },
  };
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.body.dataset.ready = 'failed';
  els.status.className = 'status bad';
  els.status.textContent = String(e?.message ?? e);
  throw e;
});
