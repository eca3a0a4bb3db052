// Demo: a self-assessment page (a demonstration, not an official portal). Every figure and every
// explanation comes from the engine (cchc-wasm); every text of the page is a `demo-` message of
// the catalogue (core/locales/{vi,en}/demo.ftl), Vietnamese first with an English switch. This
// file only builds the form from the ruleset's inputs and shows the result.
import init, { Ruleset, CchcError, engineVersion, messages } from '../js/index.js';

// Rule files shipped in the repository's rules/ folder (served from the repository root), with
// the kinds of unit each one assesses (ids as the example data use them). An entry that is not
// there (404) is left out of the list.
const SHIPPED = [
  { path: 'ha-noi/thach-that/xa-thi-tran/2021.yaml', label: 'demo-set-xa-thi-tran', kinds: ['xa', 'thi_tran'] },
  { path: 'ha-noi/thach-that/phong-chuyen-mon/2021.yaml', label: 'demo-set-phong', kinds: ['phong'] },
  { path: 'vn/par-index/cap-tinh/2022.yaml', label: 'demo-set-par-tinh', kinds: ['tinh', 'thanh_pho'] },
  { path: 'examples/spec-example.yaml', label: 'demo-set-example', kinds: ['xa', 'thi_tran'] },
];
// A rule file opened from the computer: the kinds of the commune level.
const LOCAL_KINDS = ['xa', 'phuong', 'thi_tran'];
const KIND_TEXT = {
  xa: 'demo-kind-xa',
  phuong: 'demo-kind-phuong',
  thi_tran: 'demo-kind-thi-tran',
  phong: 'demo-kind-phong',
  tinh: 'demo-kind-tinh',
  thanh_pho: 'demo-kind-thanh-pho',
};
const RULES_BASE = new URL('../../rules/', import.meta.url);

const TYPE_TEXT = {
  bool: 'demo-type-bool',
  count: 'demo-type-count',
  percent: 'demo-type-percent',
  number: 'demo-type-number',
  choice: 'demo-type-choice',
};
const UNIT_STATUS = {
  complete: 'demo-unit-complete',
  incomplete: 'demo-unit-incomplete',
  error: 'demo-unit-error',
};
const NODE_STATUS = {
  not_applicable: 'demo-node-not-applicable',
  missing: 'demo-node-missing',
  error: 'demo-node-error',
};
const NODE_KIND = { bonus: 'demo-node-bonus', penalty: 'demo-node-penalty' };
const RULESET_STATUS = {
  official: 'demo-status-official',
  draft: 'demo-status-draft',
  illustrative: 'demo-status-illustrative',
};
const RULESET_NOTE = { draft: 'demo-note-draft', illustrative: 'demo-note-illustrative' };

const $ = (sel) => document.querySelector(sel);
const els = {
  select: $('#ruleset-select'),
  file: $('#ruleset-file'),
  info: $('#ruleset-info'),
  loadErrors: $('#load-errors'),
  form: $('#unit-form'),
  kind: $('#unit-kind'),
  fields: $('#input-fields'),
  exportBtn: $('#export-json'),
  resetBtn: $('#reset-form'),
  note: $('#ruleset-note'),
  total: $('#total'),
  max: $('#max'),
  index: $('#index'),
  grade: $('#grade'),
  status: $('#status'),
  issues: $('#unit-issues'),
  tree: $('#criteria-tree'),
};

const state = {
  lang: 'vi',
  texts: {},
  ruleset: null,
  origin: '',
  kinds: LOCAL_KINDS,
  inputs: [],
  openIds: new Set(),
  files: new Map(),
  shipped: null,
  loadError: null,
};

/** The page's text with this id in the current language. */
function tr(id) {
  return state.texts[id] ?? id;
}

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('data-') || k.startsWith('aria-')) el.setAttribute(k, v);
    else if (k in el) el[k] = v;
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A number as readers of the language write it (a decimal comma in Vietnamese), unrounded. */
function fmt(n) {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(state.lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 20, useGrouping: false });
}

/** Points, totals and the index with the ruleset's decimal places (`75,20`), as the engine's texts. */
function pts(n) {
  if (n === null || n === undefined) return '—';
  const places = state.ruleset?.places ?? 0;
  return n.toLocaleString(state.lang === 'vi' ? 'vi-VN' : 'en-US', {
    minimumFractionDigits: places, maximumFractionDigits: 20, useGrouping: false,
  });
}

/** The static texts of the page (elements marked data-i18n) in the current language. */
function applyStatic() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = tr(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = tr(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', tr(el.dataset.i18nAriaLabel));
  for (const b of document.querySelectorAll('.lang-switch button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
}

/** One diagnostic or issue: code, place, message and how to fix it. */
function problem(d) {
  const where = [];
  if (d.line) where.push(`${tr('demo-line')} ${d.line}, ${tr('demo-column')} ${d.column}`);
  if (d.criterion) where.push(`${tr('demo-criterion')} ${d.criterion}`);
  return h('li', {},
    h('code', { text: d.code }), ' ',
    where.length ? h('span', { class: 'where', text: `${where.join(', ')}: ` }) : null,
    d.message,
    d.help ? h('span', { class: 'help' }, ` ${tr('demo-help')}: `, d.help) : null);
}

function showLoadErrors() {
  const failure = state.loadError;
  els.loadErrors.replaceChildren();
  if (!failure) {
    els.loadErrors.hidden = true;
    return;
  }
  const { titleId, origin, err } = failure;
  const list = err instanceof CchcError ? err.errors : [{ code: 'loi', message: String(err?.message ?? err) }];
  els.loadErrors.append(
    h('p', { class: 'errors-title', text: origin ? `${tr(titleId)} “${origin}”:` : `${tr(titleId)}:` }),
    h('ul', {}, list.map(problem)),
  );
  els.loadErrors.hidden = false;
}

async function listShipped() {
  const found = await Promise.all(SHIPPED.map(async (entry) => {
    try {
      const res = await fetch(new URL(entry.path, RULES_BASE));
      if (!res.ok) return null;
      state.files.set(entry.path, await res.text());
      return entry;
    } catch {
      return null;
    }
  }));
  state.shipped = found.filter(Boolean);
  renderShippedList();
  return state.shipped;
}

function renderShippedList() {
  const value = els.select.value;
  if (state.shipped === null || state.shipped.length === 0) {
    const id = state.shipped === null ? 'demo-ruleset-loading' : 'demo-ruleset-none';
    els.select.replaceChildren(h('option', { value: '', text: tr(id) }));
    return;
  }
  els.select.replaceChildren(
    h('option', { value: '', text: tr('demo-ruleset-choose') }),
    ...state.shipped.map((entry) => h('option', { value: entry.path, text: tr(entry.label) })),
  );
  els.select.value = value;
}

function renderKinds() {
  const value = els.kind.value;
  els.kind.replaceChildren(
    h('option', { value: '', text: tr('demo-kind-none') }),
    ...state.kinds.map((k) => h('option', { value: k, text: KIND_TEXT[k] ? tr(KIND_TEXT[k]) : k })),
  );
  els.kind.value = state.kinds.includes(value) ? value : '';
}

function loadRuleset(text, origin, kinds) {
  if (state.ruleset) state.ruleset.free();
  state.ruleset = null;
  state.origin = origin;
  state.kinds = kinds;
  renderKinds();
  document.body.removeAttribute('data-ruleset-id');
  let rs;
  try {
    rs = Ruleset.fromYaml(text, { origin, lang: state.lang });
  } catch (e) {
    state.loadError = { titleId: 'demo-load-failed', origin, err: e, text };
    showLoadErrors();
    els.info.hidden = true;
    state.inputs = [];
    buildForm();
    els.exportBtn.disabled = true;
    els.resetBtn.disabled = true;
    clearResult();
    return;
  }
  state.loadError = null;
  showLoadErrors();
  state.ruleset = rs;
  state.inputs = rs.inputs();
  state.openIds = new Set(rs.criteria().map((c) => c.id));
  renderInfo();
  buildForm();
  els.exportBtn.disabled = false;
  els.resetBtn.disabled = false;
  document.body.setAttribute('data-ruleset-id', rs.id);
  rescore();
}

function renderInfo() {
  const rs = state.ruleset;
  if (!rs) {
    els.info.hidden = true;
    els.note.hidden = true;
    return;
  }
  const status = rs.status;
  els.info.replaceChildren(
    h('p', { class: 'rs-title', text: rs.title }),
    h('p', { class: 'issued-by' }, `${tr('demo-info-issued-by')}: `,
      h('span', { id: 'issued-by', text: rs.issuedBy ?? tr('demo-info-issued-by-none') })),
    h('p', {}, `${tr('demo-info-status')}: `,
      h('span', { id: 'ruleset-status', class: `rs-status rs-status-${status}`, 'data-status': status, text: tr(RULESET_STATUS[status] ?? status) })),
    h('p', { class: 'muted' },
      `${tr('demo-info-id')}: `, h('code', { text: rs.id }), ` · ${tr('demo-info-version')}: `, h('code', { text: rs.version }),
      ` · ${tr('demo-info-file')}: `, h('code', { text: state.origin })),
    h('p', { class: 'muted fingerprint', title: tr('demo-info-fingerprint-help') },
      `${tr('demo-info-fingerprint')}: `, h('code', { text: rs.fingerprint })),
  );
  els.info.hidden = false;
  const note = RULESET_NOTE[status];
  els.note.textContent = note ? tr(note) : '';
  els.note.dataset.status = status;
  els.note.hidden = !note;
}

function fieldId(name) {
  return `in-${name}`;
}

/** The form of the ruleset's inputs; `values` (from a form shown before) are filled in again. */
function buildForm(values = null) {
  if (!state.ruleset) {
    els.fields.replaceChildren(h('legend', { text: tr('demo-inputs-legend') }), h('p', { class: 'muted', text: tr('demo-inputs-empty') }));
    return;
  }
  const nodes = [h('legend', { text: `${tr('demo-inputs-legend')} (${state.inputs.length})` })];
  for (const def of state.inputs) {
    const id = fieldId(def.name);
    const label = def.label || def.name;
    const given = values?.[def.name];
    let control;
    if (def.type === 'bool') {
      control = h('input', { type: 'checkbox', id, name: def.name, checked: given ?? def.default === true });
    } else if (def.type === 'choice') {
      const chosen = given ?? def.default;
      control = h('select', { id, name: def.name },
        h('option', { value: '', text: tr('demo-choice-none') }),
        (def.options ?? []).map((o) => h('option', { value: o, text: def.option_labels?.[o] ?? o, selected: chosen === o })));
    } else {
      let min = def.min;
      let max = def.max;
      let step = 'any';
      if (def.type === 'count') {
        min = 0;
        step = '1';
      } else if (def.type === 'percent') {
        min = 0;
        max = 100;
      }
      const range = min !== null && max !== null ? `${fmt(min)} – ${fmt(max)}` : min !== null ? `≥ ${fmt(min)}` : '';
      control = h('input', {
        type: 'number', id, name: def.name, step, inputMode: 'decimal',
        min: min ?? undefined, max: max ?? undefined,
        placeholder: def.default !== null && def.default !== undefined ? `${tr('demo-default')} ${fmt(def.default)}` : range,
      });
      if (given !== undefined && given !== null) control.value = String(given);
    }
    const notes = [];
    if (def.on_missing === 'not_applicable') notes.push(tr('demo-missing-not-applicable'));
    else if (def.on_missing === 'zero') notes.push(tr('demo-missing-zero'));
    const wrap = h('div', { class: `field type-${def.type}`, 'data-input': def.name });
    if (def.type === 'bool') {
      wrap.append(h('label', { class: 'check', htmlFor: id }, control, ' ', label));
    } else {
      wrap.append(h('label', { htmlFor: id, text: label }), control);
    }
    wrap.append(h('p', { class: 'hint' },
      h('code', { text: def.name }), ` · ${tr(TYPE_TEXT[def.type] ?? def.type)}`,
      notes.length ? ` · ${notes.join('; ')}` : '',
      def.description ? h('span', { class: 'desc', text: ` — ${def.description}` }) : null));
    wrap.append(h('p', { class: 'field-error', hidden: true }));
    nodes.push(wrap);
  }
  els.fields.replaceChildren(...nodes);
}

/** The unit as the form describes it (an input left empty is missing). */
function collectUnit() {
  const f = els.form.elements;
  const unit = { id: f.id.value.trim() };
  const name = f.name.value.trim();
  const kind = els.kind.value;
  if (name) unit.name = name;
  if (kind) unit.kind = kind;
  unit.values = {};
  for (const def of state.inputs) {
    const el = document.getElementById(fieldId(def.name));
    if (!el) continue;
    const err = el.closest('.field')?.querySelector('.field-error');
    if (err) err.hidden = true;
    if (def.type === 'bool') {
      unit.values[def.name] = el.checked;
    } else if (def.type === 'choice') {
      if (el.value !== '') unit.values[def.name] = el.value;
    } else if (el.validity.badInput) {
      if (err) {
        err.textContent = tr('demo-not-a-number');
        err.hidden = false;
      }
    } else if (el.value !== '') {
      unit.values[def.name] = Number(el.value);
    }
  }
  return unit;
}

function clearResult() {
  for (const el of [els.total, els.max, els.index]) {
    el.textContent = '—';
    el.dataset.value = '';
  }
  els.grade.textContent = '—';
  els.grade.dataset.grade = '';
  els.status.textContent = tr('demo-not-scored');
  els.status.dataset.status = '';
  els.status.className = 'status';
  els.issues.replaceChildren();
  els.note.hidden = true;
  els.tree.replaceChildren(h('p', { class: 'muted', text: tr('demo-tree-empty') }));
}

function rescore() {
  if (!state.ruleset) {
    clearResult();
    return;
  }
  const unit = collectUnit();
  let result;
  try {
    result = state.ruleset.score(unit, { lang: state.lang });
  } catch (e) {
    clearResult();
    els.status.textContent = `${tr('demo-score-failed')}: ${e.message}`;
    return;
  }
  render(result);
}

function setNum(el, n) {
  el.textContent = pts(n);
  el.dataset.value = n === null || n === undefined ? '' : String(n);
}

function render(r) {
  setNum(els.total, r.total);
  setNum(els.max, r.max);
  setNum(els.index, r.index);
  els.grade.textContent = r.grade ? r.grade.label : tr('demo-not-graded');
  els.grade.dataset.grade = r.grade ? r.grade.id : '';
  els.status.textContent = tr(UNIT_STATUS[r.status] ?? r.status);
  els.status.dataset.status = r.status;
  els.status.className = `status status-${r.status}`;
  renderInfo();

  const issues = [];
  const list = (items, cls, titleId) => {
    if (!items.length) return;
    issues.push(h('div', { class: cls },
      h('p', { class: 'issues-title', text: `${tr(titleId)} (${items.length})` }),
      h('ul', {}, items.map(problem))));
  };
  list(r.errors, 'issues errors-list', 'demo-errors');
  list(r.warnings, 'issues warnings-list', 'demo-warnings');
  els.issues.replaceChildren(...issues);

  els.tree.replaceChildren(h('ul', { class: 'tree-root' }, r.criteria.map(renderNode)));
}

function renderNode(n) {
  const kind = NODE_KIND[n.kind];
  const summary = h('summary', {},
    h('span', { class: 'node-id', text: n.id }),
    h('span', { class: 'node-title', text: n.title }),
    kind ? h('span', { class: `badge kind-${n.kind}`, text: tr(kind) }) : null,
    NODE_STATUS[n.status] ? h('span', { class: `badge st-${n.status}`, text: tr(NODE_STATUS[n.status]) }) : null,
    h('span', { class: 'node-points', 'data-points': String(n.points) }, `${pts(n.points)} / ${pts(n.max)}`));
  const details = h('details', { open: state.openIds.has(n.id) },
    summary,
    n.trace ? h('p', { class: 'trace' }, h('strong', { text: `${tr('demo-why')}: ` }), h('span', { class: 'why', text: n.trace })) : null,
    n.children ? h('ul', {}, n.children.map(renderNode)) : null);
  details.addEventListener('toggle', () => {
    if (details.open) state.openIds.add(n.id);
    else state.openIds.delete(n.id);
  });
  return h('li', { class: `node st-${n.status} ${n.children ? 'group' : 'leaf'}`, 'data-id': n.id }, details);
}

function exportJson() {
  if (!state.ruleset) return;
  const unit = collectUnit();
  const text = `${JSON.stringify(unit, null, 2)}\n`;
  const blob = new Blob([text], { type: 'application/json' });
  const a = h('a', { href: URL.createObjectURL(blob), download: `${unit.id || 'don-vi'}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Switches the page, and the engine's explanations, to `lang` ('vi' or 'en'). */
function setLanguage(lang) {
  state.lang = lang === 'en' ? 'en' : 'vi';
  state.texts = messages(state.lang);
  applyStatic();
  $('#engine-version').textContent = `${tr('demo-library-version')}: ${engineVersion()}.`;
  renderShippedList();
  renderKinds();
  if (state.loadError) {
    // The load errors again, in the new language.
    const { origin, text } = state.loadError;
    if (text !== undefined) loadRuleset(text, origin, state.kinds);
    else showLoadErrors();
    return;
  }
  const values = state.ruleset ? collectUnit().values : null;
  renderInfo();
  buildForm(values);
  rescore();
}

async function main() {
  try {
    await init();
  } catch (e) {
    state.loadError = { titleId: 'demo-init-failed', origin: '', err: e };
    showLoadErrors();
    return;
  }
  const params = new URLSearchParams(location.search);
  setLanguage(params.get('lang') === 'en' ? 'en' : 'vi');
  for (const b of document.querySelectorAll('.lang-switch button')) {
    b.addEventListener('click', () => {
      setLanguage(b.dataset.lang);
      document.body.setAttribute('data-lang', state.lang);
    });
  }
  els.form.addEventListener('input', rescore);
  els.form.addEventListener('change', rescore);
  els.form.addEventListener('submit', (e) => e.preventDefault());
  els.exportBtn.addEventListener('click', exportJson);
  els.resetBtn.addEventListener('click', () => {
    els.form.reset();
    rescore();
  });
  els.select.addEventListener('change', () => {
    const entry = (state.shipped ?? []).find((e) => e.path === els.select.value);
    if (entry) loadRuleset(state.files.get(entry.path), `rules/${entry.path}`, entry.kinds);
  });
  els.file.addEventListener('change', async () => {
    const file = els.file.files?.[0];
    if (!file) return;
    els.select.value = '';
    loadRuleset(await file.text(), file.name, LOCAL_KINDS);
  });

  const shipped = await listShipped();
  const wanted = params.get('rules');
  const first = shipped.find((e) => e.path === wanted) ?? shipped[0];
  if (first) {
    els.select.value = first.path;
    loadRuleset(state.files.get(first.path), `rules/${first.path}`, first.kinds);
  }
  document.body.setAttribute('data-lang', state.lang);
  document.body.setAttribute('data-ready', 'true');
}

main();
