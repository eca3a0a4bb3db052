// Demo: a self-assessment and appraisal page (a demonstration, not an official portal). Every
// figure and every explanation comes from the engine (cchc-wasm); every text of the page is a
// `demo-` message of the catalogue (core/locales/{vi,en}/demo.ftl), Vietnamese first with an
// English switch. This file only builds the forms from the ruleset's inputs and criteria, keeps
// what was entered in each assessment round as unit data (`values`, `points`, `notes`,
// `evidence`, `explanations`, `rounds`: the format of docs/format.md), and shows the engine's
// result of that unit.
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
const ROUND_STATUS = {
  complete: 'demo-round-complete',
  incomplete: 'demo-round-incomplete',
  error: 'demo-round-error',
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
// The usual three rounds, added to a ruleset that declares none (its labels are the Vietnamese
// catalogue's in every language: they become part of the ruleset, and so of its fingerprint).
const USUAL_ROUNDS = [
  ['tu_cham', 'demo-round-tu-cham'],
  ['tham_dinh', 'demo-round-tham-dinh'],
  ['chot_diem', 'demo-round-chot-diem'],
];

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
  exportRulesBtn: $('#export-rules'),
  resetBtn: $('#reset-form'),
  printBtn: $('#print-report'),
  reportView: $('#report-view'),
  reportFrame: $('#report-frame'),
  reportPrint: $('#report-print'),
  reportNote: $('#report-note'),
  unitFile: $('#unit-file'),
  openErrors: $('#open-errors'),
  tabs: $('#round-tabs'),
  tabIntro: $('#tab-intro'),
  roundOnWrap: $('#round-on-wrap'),
  roundOn: $('#round-on'),
  critFields: $('#criterion-fields'),
  roundsBoard: $('#rounds-board'),
  roundsTable: $('#rounds-table'),
  note: $('#ruleset-note'),
  total: $('#total'),
  max: $('#max'),
  index: $('#index'),
  grade: $('#grade'),
  status: $('#status'),
  improve: $('#improve'),
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
  // The ruleset's text as scored (with the usual rounds added when it declares none), whether
  // they were added, its rounds ({id, label}; empty: one implicit round) and criteria (flat).
  rulesText: '',
  roundsAdded: false,
  rounds: [],
  crits: [],
  // The unit's data: one entry per round ({values, points, notes, not_applicable?, on}), the
  // unit's evidence and explanations, and what the page does not edit (kept as read).
  data: null,
  active: 0,
  openCrits: new Set(),
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
  for (const c of children.flat(Infinity)) {
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

/** The declared rounds of a ruleset ({id, label}, in order; none: one implicit round). */
function roundsOf(rs) {
  return rs.rounds().map((r) => ({ id: r.id, label: r.label ?? r.id }));
}

/** The ruleset's text with the usual three rounds added at its end. */
function withUsualRounds(text) {
  const vi = messages('vi');
  const lines = USUAL_ROUNDS.map(([id, label]) => `  - { id: ${id}, label: ${JSON.stringify(vi[label])} }`);
  return `${text.trimEnd()}\nrounds:\n${lines.join('\n')}\n`;
}

/** The criteria tree, flat in tree order, with each node's depth. */
function flatCriteria(nodes, depth = 0, out = []) {
  for (const n of nodes) {
    out.push({ id: n.id, title: n.title, max: n.max, kind: n.kind, evidence: n.evidence ?? null, leaf: !n.children?.length, depth });
    if (n.children?.length) flatCriteria(n.children, depth + 1, out);
  }
  return out;
}

function emptyData() {
  return {
    rounds: (state.rounds.length ? state.rounds : [{ id: '' }]).map((_, i) => ({ values: {}, points: {}, notes: {}, on: i === 0 })),
    evidence: {},
    explanations: {},
    extra: {},
    extraRounds: {},
  };
}

function loadRuleset(text, origin, kinds) {
  if (state.ruleset) state.ruleset.free();
  state.ruleset = null;
  state.origin = origin;
  state.kinds = kinds;
  renderKinds();
  document.body.removeAttribute('data-ruleset-id');
  let rs;
  let rounds = [];
  let added = false;
  let scored = text;
  try {
    rs = Ruleset.fromYaml(text, { origin, lang: state.lang });
    rounds = roundsOf(rs);
    if (rounds.length === 0) {
      // No rounds declared: the usual three are added (kept without them if that fails).
      try {
        const more = Ruleset.fromYaml(withUsualRounds(text), { origin, lang: state.lang });
        rs.free();
        rs = more;
        scored = withUsualRounds(text);
        rounds = roundsOf(rs);
        added = true;
      } catch {
        // The ruleset as it is: one implicit round.
      }
    }
  } catch (e) {
    state.loadError = { titleId: 'demo-load-failed', origin, err: e, text };
    showLoadErrors();
    els.info.hidden = true;
    state.inputs = [];
    buildForm();
    els.exportBtn.disabled = true;
    els.exportRulesBtn.disabled = true;
    els.resetBtn.disabled = true;
    els.printBtn.disabled = true;
    els.unitFile.disabled = true;
    enableWorkbooks(false);
    state.data = null;
    buildTabs();
    buildCriterionFields();
    clearResult();
    return;
  }
  state.loadError = null;
  showLoadErrors();
  state.ruleset = rs;
  state.rulesText = scored;
  state.roundsAdded = added;
  state.rounds = rounds;
  state.inputs = rs.inputs();
  const tree = rs.criteria();
  state.crits = flatCriteria(tree);
  state.openIds = new Set(tree.map((c) => c.id));
  state.data = emptyData();
  state.active = 0;
  state.openCrits = new Set();
  renderInfo();
  buildAll();
  readFirstRound();
  els.exportBtn.disabled = false;
  els.exportRulesBtn.disabled = false;
  els.resetBtn.disabled = false;
  els.printBtn.disabled = false;
  els.unitFile.disabled = false;
  enableWorkbooks(true);
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
    state.roundsAdded ? h('p', { id: 'rounds-added', class: 'rounds-added', text: tr('demo-rounds-added') }) : null,
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

/** Whether a map has any entry. */
function some(map) {
  return map !== null && map !== undefined && Object.keys(map).length > 0;
}

/**
 * What round `i` starts from: the values and points carried from the rounds before it that are
 * present (for the hints of the council's form only; the engine does the carrying when scoring).
 */
function carried(i) {
  const values = {};
  const points = {};
  state.data.rounds.slice(0, i).forEach((r) => {
    if (!r.on) return;
    Object.assign(values, r.values);
    Object.assign(points, r.points);
  });
  return { values, points };
}

/** A value as the form shows it in a hint (a choice's label, yes/no, a number). */
function shownValue(def, v) {
  if (v === undefined || v === null) return '—';
  if (def.type === 'bool') return tr(v === true ? 'demo-yes' : 'demo-no');
  if (def.type === 'choice') return def.option_labels?.[v] ?? String(v);
  return typeof v === 'number' ? fmt(v) : String(v);
}

/** The tabs: one per declared round (none without declared rounds). */
function buildTabs() {
  const show = state.ruleset !== null && state.rounds.length > 0;
  els.tabs.hidden = !show;
  els.tabIntro.hidden = !show;
  els.roundOnWrap.hidden = !show || state.active === 0;
  if (!show) {
    els.tabs.replaceChildren();
    return;
  }
  els.tabs.replaceChildren(...state.rounds.map((r, i) => {
    const b = h('button', {
      type: 'button', role: 'tab', class: `tab${i === 0 ? ' tab-self' : ' tab-council'}`,
      'data-tab-round': r.id, 'aria-selected': String(i === state.active),
      text: r.label,
    });
    b.addEventListener('click', () => setTab(i));
    return b;
  }));
  els.tabIntro.textContent = tr(state.active === 0 ? 'demo-tab-self-intro' : 'demo-tab-council-intro');
  els.roundOn.checked = state.data?.rounds[state.active]?.on ?? false;
  document.body.dataset.tab = state.rounds[state.active]?.id ?? '';
}

function setTab(i) {
  state.active = i;
  buildAll();
  rescore();
}

/** The tabs and both forms of the active round, from the unit's data. */
function buildAll() {
  buildTabs();
  buildForm();
  buildCriterionFields();
}

/** The form of the ruleset's inputs for the active round, filled in from the unit's data. */
function buildForm() {
  if (!state.ruleset) {
    els.fields.replaceChildren(h('legend', { text: tr('demo-inputs-legend') }), h('p', { class: 'muted', text: tr('demo-inputs-empty') }));
    return;
  }
  const later = state.active > 0;
  const own = state.data.rounds[state.active].values;
  const before = later ? carried(state.active).values : {};
  const nodes = [h('legend', { text: `${tr('demo-inputs-legend')} (${state.inputs.length})` })];
  for (const def of state.inputs) {
    const id = fieldId(def.name);
    const label = def.label || def.name;
    const given = own[def.name] ?? undefined;
    const keep = `— ${tr('demo-unchanged')}: ${shownValue(def, before[def.name])} —`;
    let control;
    if (def.type === 'bool' && later) {
      control = h('select', { id, name: def.name, 'data-role': 'value' },
        h('option', { value: '', text: keep }),
        h('option', { value: 'true', text: tr('demo-yes'), selected: given === true }),
        h('option', { value: 'false', text: tr('demo-no'), selected: given === false }));
    } else if (def.type === 'bool') {
      control = h('input', { type: 'checkbox', id, name: def.name, 'data-role': 'value', checked: given ?? def.default === true });
    } else if (def.type === 'choice') {
      const chosen = later ? given : given ?? def.default;
      control = h('select', { id, name: def.name, 'data-role': 'value' },
        h('option', { value: '', text: later ? keep : tr('demo-choice-none') }),
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
      const placeholder = later
        ? `${tr('demo-unchanged')}: ${shownValue(def, before[def.name])}`
        : def.default !== null && def.default !== undefined ? `${tr('demo-default')} ${fmt(def.default)}` : range;
      control = h('input', {
        type: 'number', id, name: def.name, step, inputMode: 'decimal', 'data-role': 'value',
        min: min ?? undefined, max: max ?? undefined, placeholder,
      });
      if (given !== undefined && given !== null) control.value = String(given);
    }
    const notes = [];
    if (def.on_missing === 'not_applicable') notes.push(tr('demo-missing-not-applicable'));
    else if (def.on_missing === 'zero') notes.push(tr('demo-missing-zero'));
    const wrap = h('div', { class: `field type-${def.type}`, 'data-input': def.name });
    if (def.type === 'bool' && !later) {
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

/** The per-criterion fields of the active round: points (leaves), note, evidence or explanation. */
function buildCriterionFields() {
  if (!state.ruleset || !state.data) {
    els.critFields.hidden = true;
    els.critFields.replaceChildren(h('legend', { text: tr('demo-criteria-legend') }));
    return;
  }
  const later = state.active > 0;
  const round = state.data.rounds[state.active];
  const before = later ? carried(state.active).points : {};
  const items = state.crits.map((c) => {
    const fid = (what) => `${what}-${c.id}`;
    const area = (what, role, textId, value) => h('div', { class: `crit-field crit-${what}` },
      h('label', { htmlFor: fid(what), text: tr(textId) }),
      h('textarea', { id: fid(what), rows: what === 'evidence' ? 2 : 1, 'data-role': role, 'data-crit': c.id, value: value ?? '' }));
    const body = [];
    if (c.leaf) {
      const own = round.points[c.id];
      body.push(h('div', { class: 'crit-field crit-points' },
        h('label', { htmlFor: fid('points'), text: `${tr(later ? 'demo-crit-points-council' : 'demo-crit-points-self')} (0 – ${pts(c.max)})` }),
        h('input', {
          type: 'number', id: fid('points'), step: 'any', inputMode: 'decimal', min: 0, max: c.max,
          'data-role': 'points', 'data-crit': c.id,
          placeholder: later && before[c.id] !== undefined ? `${tr('demo-unchanged')}: ${pts(before[c.id])}` : '',
          value: own === undefined || own === null ? '' : String(own),
        }),
        h('p', { class: 'field-error', hidden: true })));
    }
    body.push(area('note', 'note', 'demo-crit-note', round.notes[c.id]));
    if (!later) {
      if (c.evidence?.length) body.push(h('p', { class: 'hint', text: `${tr('demo-crit-evidence-needed')}: ${c.evidence.join('; ')}` }));
      body.push(area('evidence', 'evidence', 'demo-crit-evidence', (state.data.evidence[c.id] ?? []).join('\n')));
    } else {
      body.push(area('explanation', 'explanation', 'demo-crit-explanation', state.data.explanations[c.id]));
    }
    const given = round.points[c.id] !== undefined || round.notes[c.id] || (!later && state.data.evidence[c.id]) || (later && state.data.explanations[c.id]);
    const item = h('details', { class: `crit depth-${Math.min(c.depth, 3)}`, 'data-crit': c.id, open: Boolean(given) || state.openCrits.has(c.id) },
      h('summary', {},
        h('span', { class: 'node-id', text: c.id }),
        h('span', { class: 'node-title', text: c.title }),
        c.evidence?.length ? h('span', { class: 'badge ev-needed', text: tr('demo-evidence') }) : null,
        h('span', { class: 'crit-max', text: pts(c.max) })),
      ...body);
    // A criterion opened in one round stays open in the others.
    item.addEventListener('toggle', () => {
      if (item.open) state.openCrits.add(c.id);
      else state.openCrits.delete(c.id);
    });
    return item;
  });
  els.critFields.replaceChildren(h('legend', { text: tr('demo-criteria-legend') }), ...items);
  els.critFields.hidden = false;
}

/** A number field's value: a number, `undefined` when empty, `null` when not a number (shown). */
function numberOf(el) {
  const err = el.parentElement?.querySelector('.field-error');
  if (err) err.hidden = true;
  if (el.validity.badInput) {
    if (err) {
      err.textContent = tr('demo-not-a-number');
      err.hidden = false;
    }
    return null;
  }
  return el.value === '' ? undefined : Number(el.value);
}

/** Puts `v` into `map[key]`, or takes the key out when `v` is undefined or null. */
function put(map, key, v) {
  if (v === undefined || v === null || v === '') delete map[key];
  else map[key] = v;
}

/** Records what one field of the active round's forms now says in the unit's data. */
function record(el) {
  const role = el.dataset.role;
  if (!role || !state.data) return;
  const later = state.active > 0;
  const round = state.data.rounds[state.active];
  const crit = el.dataset.crit;
  if (role === 'on') {
    round.on = el.checked;
    return;
  }
  if (role === 'value') {
    const def = state.inputs.find((d) => d.name === el.name);
    if (!def) return;
    if (def.type === 'bool') put(round.values, def.name, later ? { true: true, false: false }[el.value] : el.checked);
    else if (def.type === 'choice') put(round.values, def.name, el.value);
    else put(round.values, def.name, numberOf(el));
  } else if (role === 'points') {
    put(round.points, crit, numberOf(el));
  } else if (role === 'note') {
    put(round.notes, crit, el.value.trim());
  } else if (role === 'evidence') {
    const docs = el.value.split('\n').map((s) => s.trim()).filter(Boolean);
    put(state.data.evidence, crit, docs.length ? docs : undefined);
    return;
  } else if (role === 'explanation') {
    put(state.data.explanations, crit, el.value.trim());
    return;
  }
  if (later && !round.on) {
    // Entering something in a council's round means that round took place.
    round.on = true;
    els.roundOn.checked = true;
  }
}

/** Reads every field of the first round's form (a form just built: its defaults become data). */
function readFirstRound() {
  if (!state.data || state.active !== 0) return;
  for (const el of els.fields.querySelectorAll('[data-role="value"]')) record(el);
}

/** The unit as the page's data describes it, in the format of unit data files (all rounds). */
function collectUnit() {
  const f = els.form.elements;
  const unit = { id: f.id.value.trim() };
  const name = f.name.value.trim();
  const kind = els.kind.value;
  if (name) unit.name = name;
  if (kind) unit.kind = kind;
  const d = state.data;
  if (!d) return { ...unit, values: {} };
  const [first, ...later] = d.rounds;
  Object.assign(unit, d.extra);
  unit.values = { ...first.values };
  if (first.not_applicable) unit.not_applicable = first.not_applicable;
  if (some(first.points)) unit.points = { ...first.points };
  if (some(first.notes)) unit.notes = { ...first.notes };
  if (some(d.evidence)) unit.evidence = { ...d.evidence };
  if (some(d.explanations)) unit.explanations = { ...d.explanations };
  const rounds = {};
  later.forEach((r, i) => {
    if (!r.on) return;
    const block = {};
    if (some(r.values)) block.values = { ...r.values };
    if (r.not_applicable) block.not_applicable = r.not_applicable;
    if (some(r.points)) block.points = { ...r.points };
    if (some(r.notes)) block.notes = { ...r.notes };
    rounds[state.rounds[i + 1].id] = block;
  });
  Object.assign(rounds, d.extraRounds);
  if (some(rounds)) unit.rounds = rounds;
  return unit;
}

/** The unit data of a file downloaded before (one unit, or the first of a list) into the page. */
function openUnit(text) {
  let u = JSON.parse(text);
  if (Array.isArray(u)) [u] = u;
  else if (Array.isArray(u?.units)) [u] = u.units;
  const isMap = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (!isMap(u)) throw new TypeError('unit');
  // What the forms hold must be maps (round blocks included); anything else is refused here.
  const maps = ['values', 'points', 'notes', 'evidence', 'explanations', 'rounds'];
  const blocks = [u, ...Object.values(isMap(u.rounds) ? u.rounds : {})];
  for (const b of blocks) {
    const bad = isMap(b) ? maps.find((k) => b[k] !== undefined && !isMap(b[k])) : 'rounds';
    if (bad) throw new TypeError(bad);
  }
  const d = emptyData();
  const known = new Set(['id', 'name', 'kind', 'values', 'not_applicable', 'points', 'notes', 'evidence', 'explanations', 'rounds']);
  for (const [k, v] of Object.entries(u)) if (!known.has(k)) d.extra[k] = v;
  const asRound = (r, block) => {
    Object.assign(r.values, block.values ?? {});
    Object.assign(r.points, block.points ?? {});
    Object.assign(r.notes, block.notes ?? {});
    if (block.not_applicable !== undefined) r.not_applicable = block.not_applicable;
    r.on = true;
  };
  asRound(d.rounds[0], u);
  for (const [id, docs] of Object.entries(u.evidence ?? {})) d.evidence[id] = Array.isArray(docs) ? docs : [docs];
  Object.assign(d.explanations, u.explanations ?? {});
  for (const [id, block] of Object.entries(u.rounds ?? {})) {
    const i = state.rounds.findIndex((r) => r.id === id);
    if (i >= 0 && block !== null && typeof block === 'object') asRound(d.rounds[i], block);
    else d.extraRounds[id] = block;
  }
  const f = els.form.elements;
  f.id.value = u.id === undefined || u.id === null ? '' : String(u.id);
  f.name.value = u.name ?? '';
  els.kind.value = state.kinds.includes(u.kind) ? u.kind : '';
  if (u.kind !== undefined && els.kind.value === '') d.extra.kind = u.kind;
  state.data = d;
  state.active = 0;
  buildAll();
  rescore();
}

function clearResult() {
  els.roundsBoard.hidden = true;
  els.roundsTable.replaceChildren();
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
  cancelImprove();
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
    // The page always shows the tree: scored once with it (`criteria: true`), not lazily twice.
    result = state.ruleset.score(unit, { lang: state.lang, criteria: true });
  } catch (e) {
    clearResult();
    els.status.textContent = `${tr('demo-score-failed')}: ${e.message}`;
    return;
  }
  render(result);
  scheduleImprove(result);
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
  // The problems of the other rounds that the official round (the unit's, above) does not have.
  const key = (d) => `${d.code}\u0000${d.criterion ?? ''}\u0000${d.message}`;
  const official = new Set([...r.errors, ...r.warnings].map(key));
  for (const x of r.rounds ?? []) {
    if (x.id === r.round) continue;
    const before = issues.length;
    list((x.errors ?? []).filter((d) => !official.has(key(d))), 'issues errors-list', 'demo-errors');
    list((x.warnings ?? []).filter((d) => !official.has(key(d))), 'issues warnings-list', 'demo-warnings');
    for (const el of issues.slice(before)) {
      el.dataset.round = x.id;
      el.firstChild.prepend(`${x.label} · `);
    }
  }
  els.issues.replaceChildren(...issues);
  renderRounds(r);

  const ctx = {
    labels: new Map((r.rounds ?? []).map((x) => [x.id, x.label])),
    noEvidence: new Set(r.warnings.filter((w) => w.code === 'no_evidence').map((w) => w.criterion)),
  };
  els.tree.replaceChildren(h('ul', { class: 'tree-root' }, r.criteria.map((n) => renderNode(n, ctx))));
}

/** The figures of each round the unit has, the official one marked. */
function renderRounds(r) {
  if (!Array.isArray(r.rounds)) {
    els.roundsBoard.hidden = true;
    els.roundsTable.replaceChildren();
    return;
  }
  els.roundsTable.replaceChildren(
    h('thead', {}, h('tr', {},
      h('th', { text: tr('demo-round') }), h('th', { text: tr('demo-total') }), h('th', { text: tr('demo-index') }),
      h('th', { text: tr('demo-grade') }), h('th', { text: tr('demo-info-status') }))),
    h('tbody', {}, r.rounds.map((x) => h('tr', {
      class: x.id === r.round ? 'official' : null,
      'data-round': x.id, 'data-total': num(x.total), 'data-max': num(x.max), 'data-index': num(x.index),
      'data-grade': x.grade ? x.grade.id : '', 'data-status': x.status,
    },
    h('td', {}, x.label, x.id === r.round ? h('span', { class: 'badge official-badge', text: tr('demo-official') }) : null),
    h('td', { class: 'num', text: `${pts(x.total)} / ${pts(x.max)}` }),
    h('td', { class: 'num', text: pts(x.index) }),
    h('td', { text: x.grade ? x.grade.label : tr('demo-not-graded') }),
    h('td', { class: `status-${x.status}`, text: tr(ROUND_STATUS[x.status] ?? x.status) })))),
  );
  els.roundsBoard.hidden = false;
}

function num(n) {
  return n === null || n === undefined ? '' : String(n);
}

/** A change of points with its sign (`+0,50`, `−1,00`). */
function signed(n) {
  if (n > 0) return `+${pts(n)}`;
  if (n < 0) return `−${pts(-n)}`;
  return pts(n);
}

function renderNode(n, ctx) {
  const kind = NODE_KIND[n.kind];
  const change = typeof n.change === 'number' ? n.change : null;
  const extra = [];
  if (n.rounds && Object.keys(n.rounds).length > 1) {
    extra.push(h('p', { class: 'node-rounds' }, Object.entries(n.rounds).map(([id, p], i) => [
      i ? ' → ' : '', h('span', { class: 'round-points', 'data-round': id, 'data-points': String(p) }, `${ctx.labels.get(id) ?? id}: ${pts(p)}`)])));
  }
  if (n.notes) {
    extra.push(h('div', { class: 'node-notes' }, h('strong', { text: `${tr('demo-crit-note')}: ` }),
      h('ul', {}, Object.entries(n.notes).map(([id, t]) => h('li', { 'data-round': id },
        ctx.labels.get(id) ? h('em', { text: `${ctx.labels.get(id)}: ` }) : null, t)))));
  }
  if (n.evidence) {
    extra.push(h('div', { class: 'node-evidence' }, h('strong', { text: `${tr('demo-evidence')}: ` }),
      h('ul', {}, n.evidence.map((t) => h('li', { text: t })))));
  }
  if (n.explanation) {
    extra.push(h('p', { class: 'node-explanation' }, h('strong', { text: `${tr('demo-crit-explanation')}: ` }), n.explanation));
  }
  const summary = h('summary', {},
    h('span', { class: 'node-id', text: n.id }),
    h('span', { class: 'node-title', text: n.title }),
    kind ? h('span', { class: `badge kind-${n.kind}`, text: tr(kind) }) : null,
    NODE_STATUS[n.status] ? h('span', { class: `badge st-${n.status}`, text: tr(NODE_STATUS[n.status]) }) : null,
    ctx.noEvidence.has(n.id) ? h('span', { class: 'badge no-evidence', text: tr('demo-no-evidence') }) : null,
    change !== null && change !== 0
      ? h('span', { class: `change ${change < 0 ? 'down' : 'up'}`, 'data-change': String(change), title: tr('demo-change') }, signed(change))
      : null,
    h('span', { class: 'node-points', 'data-points': String(n.points) }, `${pts(n.points)} / ${pts(n.max)}`));
  const details = h('details', { open: state.openIds.has(n.id) },
    summary,
    n.trace ? h('p', { class: 'trace' }, h('strong', { text: `${tr('demo-why')}: ` }), h('span', { class: 'why', text: n.trace })) : null,
    ...extra,
    n.children ? h('ul', {}, n.children.map((c) => renderNode(c, ctx))) : null);
  details.addEventListener('toggle', () => {
    if (details.open) state.openIds.add(n.id);
    else state.openIds.delete(n.id);
  });
  return h('li', {
    class: `node st-${n.status} ${n.children ? 'group' : 'leaf'}`, 'data-id': n.id,
    'data-change': change === null ? undefined : String(change),
  }, details);
}

/** Downloads `data` (a text or bytes) as a file named `name`. */
function download(data, name, type) {
  const blob = new Blob([data], { type });
  const a = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function exportJson() {
  if (!state.ruleset) return;
  const unit = collectUnit();
  download(`${JSON.stringify(unit, null, 2)}\n`, `${unit.id || 'don-vi'}.json`, 'application/json');
}

function exportRules() {
  if (!state.ruleset) return;
  download(state.rulesText, `${state.ruleset.id}.yaml`, 'text/yaml');
}

// The tools module (cchc-tools: the printable report, the improvement report), loaded the first
// time it is needed only: the scoring page does not pay for it.
let toolsModule = null;
async function loadTools() {
  if (!toolsModule) {
    toolsModule = import('../tools/pkg/cchc_wasm_tools.js').then(async (m) => {
      await m.default();
      return m;
    });
    toolsModule.catch(() => {
      toolsModule = null;
    });
  }
  return toolsModule;
}

// "To reach the next grade" under the result: the tools module's improvement report of the unit
// shown (`improvements`: the fewest criteria whose full marks reach the next grade, checked by
// scoring again). It is worked out after the score is shown, never before it: the first time
// loads the tools module, and while the user edits it waits until the edits pause.
const IMPROVE_DELAY_MS = 400;
let improveTimer = null;
let improveRun = 0;

/** The line's state (`data-state`: loading, found, top, unreachable, budget, unavailable, failed, none) and content. */
function setImprove(name, attrs, ...content) {
  const el = els.improve;
  for (const k of ['target', 'criteria', 'points']) delete el.dataset[k];
  Object.assign(el.dataset, attrs ?? {});
  el.dataset.state = name;
  el.replaceChildren(...content.flat(Infinity));
  el.hidden = name === 'none';
}

/** Stops a pending improvement report and hides the line. */
function cancelImprove() {
  clearTimeout(improveTimer);
  improveRun += 1;
  setImprove('none');
}

/** Asks for the improvement report of the unit just scored (result `r`), after a pause. */
function scheduleImprove(r) {
  clearTimeout(improveTimer);
  improveRun += 1;
  const run = improveRun;
  // Only a complete unit has a grade to improve on (the report says nothing else).
  if (!state.ruleset || r.status !== 'complete') {
    setImprove('none');
    return;
  }
  setImprove('loading', {}, tr('demo-improve-loading'));
  const unit = collectUnit();
  if (!unit.id) unit.id = 'don-vi';
  const rulesText = state.rulesText;
  const lang = state.lang;
  improveTimer = setTimeout(async () => {
    let tools;
    try {
      tools = await loadTools();
    } catch {
      if (run === improveRun) setImprove('unavailable', {}, tr('demo-improve-unavailable'));
      return;
    }
    if (run !== improveRun) return;
    let report;
    try {
      report = JSON.parse(tools.improvements(rulesText, JSON.stringify([unit]), unit.id, { lang }));
    } catch (e) {
      setImprove('failed', {}, `${tr('demo-improve-failed')}: ${e.message}`);
      return;
    }
    showImprove(report);
  }, IMPROVE_DELAY_MS);
}

/** The engine's improvement report as one line: "Để đạt loại Tốt: đạt điểm tối đa ở 1.2, 3.4 (+5,50 điểm)". */
function showImprove(report) {
  const next = report.next_grade;
  const label = (id) => report.grades?.find((g) => g.id === id)?.label ?? id;
  const head = () => h('strong', { text: `${tr('demo-improve-to-reach')} ${label(next.target)}: ` });
  switch (next.outcome) {
    case 'found': {
      const ids = next.criteria.map((c) => c.id);
      const note = next.smallest ? '' : `; ${tr('demo-improve-maybe-smaller')}`;
      setImprove('found', { target: next.target, criteria: ids.join(','), points: String(next.points_needed) },
        head(),
        `${tr('demo-improve-full-marks')} `,
        next.criteria.map((c, i) => [i ? ', ' : '', h('span', { class: 'crit-id', title: c.title, text: c.id })]),
        ` (+${pts(next.points_needed)} ${tr('demo-improve-points')}${note})`);
      break;
    }
    case 'already_top':
      setImprove('top', {}, tr('demo-improve-top'));
      break;
    case 'unreachable':
      setImprove('unreachable', { target: next.target }, head(), tr('demo-improve-unreachable'));
      break;
    case 'budget_spent':
      setImprove('budget', { target: next.target }, head(), tr('demo-improve-budget'));
      break;
    default:
      // not_complete, no_grades: nothing to say.
      setImprove('none');
  }
}

/** Today as YYYY-MM-DD (local time): the date printed on the report. */
function today() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** "In báo cáo": the report of the unit shown, written by the engine, in a frame ready to print. */
async function printReport() {
  if (!state.ruleset) return;
  els.printBtn.disabled = true;
  els.reportNote.hidden = false;
  els.reportNote.textContent = tr('demo-report-loading');
  try {
    const tools = await loadTools();
    const html = tools.reportHtml(state.rulesText, JSON.stringify([collectUnit()]), {
      dataFormat: 'json',
      lang: state.lang,
      date: today(),
      rulesOrigin: state.origin || 'rules.yaml',
    });
    els.reportFrame.title = tr('demo-report-heading');
    els.reportFrame.srcdoc = html;
    els.reportView.hidden = false;
    els.reportNote.hidden = true;
    document.body.setAttribute('data-report', 'shown');
    els.reportView.scrollIntoView({ block: 'start' });
  } catch (e) {
    els.reportNote.textContent = `${tr('demo-report-failed')}: ${e.message}`;
  } finally {
    els.printBtn.disabled = false;
  }
}

// Workbooks, through the tools module (cchc-tools: readWorkbook, resultsWorkbook), loaded on
// first use as for the report. "Mở tệp Excel" reads a workbook's units with the engine's reader
// (the ruleset reads each cell: "có", "92,5", an option's label, a header written as an input's
// label) and shows the first, with a list to pick another when the file holds several; "Tải
// bảng điểm (Excel)" downloads the results workbook of the unit shown (the CLI's `--format
// xlsx` layout).
const xlsxEls = {
  file: $('#xlsx-file'),
  pick: $('#xlsx-pick'),
  unit: $('#xlsx-unit'),
  download: $('#download-xlsx'),
};
let workbookUnits = [];

/** Turns the workbook controls on once a ruleset is loaded (off, and the unit list hidden, otherwise). */
function enableWorkbooks(on) {
  xlsxEls.file.disabled = !on;
  xlsxEls.download.disabled = !on;
  xlsxEls.pick.hidden = true;
  workbookUnits = [];
}

/** The units of a workbook file into the page: the first shown, the others listed to pick. */
async function openWorkbook(file) {
  els.openErrors.hidden = true;
  xlsxEls.pick.hidden = true;
  workbookUnits = [];
  try {
    const tools = await loadTools();
    const bytes = new Uint8Array(await file.arrayBuffer());
    workbookUnits = JSON.parse(tools.readWorkbook(state.rulesText, bytes, {
      lang: state.lang,
      dataOrigin: file.name,
      rulesOrigin: state.origin || 'rules.yaml',
    }));
    if (workbookUnits.length > 1) {
      const label = (u, i) => [u.id ?? `#${i + 1}`, u.name].filter(Boolean).join(' — ');
      xlsxEls.unit.replaceChildren(...workbookUnits.map((u, i) => h('option', { value: String(i), text: label(u, i) })));
      xlsxEls.unit.value = '0';
      xlsxEls.pick.hidden = false;
    }
    if (workbookUnits.length > 0) openUnit(JSON.stringify(workbookUnits[0]));
    document.body.setAttribute('data-workbook', 'opened');
  } catch (e) {
    const why = e?.diagnostics?.[0]?.message ?? e?.message ?? String(e);
    els.openErrors.replaceChildren(h('p', { class: 'errors-title', text: `${tr('demo-excel-failed')} “${file.name}”: ${why}` }));
    els.openErrors.hidden = false;
    document.body.setAttribute('data-workbook', 'failed');
  }
}

/** "Tải bảng điểm (Excel)": the results workbook of the unit shown, written by the engine. */
async function downloadWorkbook() {
  if (!state.ruleset) return;
  xlsxEls.download.disabled = true;
  try {
    const tools = await loadTools();
    const unit = collectUnit();
    const bytes = tools.resultsWorkbook(state.rulesText, JSON.stringify([unit]), {
      dataFormat: 'json',
      lang: state.lang,
      rulesOrigin: state.origin || 'rules.yaml',
    });
    download(bytes, `${unit.id || 'don-vi'}-bang-diem.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  } catch (e) {
    els.reportNote.textContent = `${tr('demo-excel-write-failed')}: ${e.message}`;
    els.reportNote.hidden = false;
  } finally {
    xlsxEls.download.disabled = !state.ruleset;
  }
}

function setupWorkbooks() {
  xlsxEls.file.addEventListener('change', async () => {
    const file = xlsxEls.file.files?.[0];
    if (file && state.ruleset) await openWorkbook(file);
    xlsxEls.file.value = '';
  });
  xlsxEls.unit.addEventListener('change', () => {
    const u = workbookUnits[Number(xlsxEls.unit.value)];
    if (u) openUnit(JSON.stringify(u));
  });
  xlsxEls.download.addEventListener('click', downloadWorkbook);
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
  renderInfo();
  buildAll();
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
  const changed = (e) => {
    record(e.target);
    rescore();
  };
  els.form.addEventListener('input', changed);
  els.form.addEventListener('change', changed);
  els.form.addEventListener('submit', (e) => e.preventDefault());
  els.exportBtn.addEventListener('click', exportJson);
  els.exportRulesBtn.addEventListener('click', exportRules);
  els.printBtn.addEventListener('click', printReport);
  setupWorkbooks();
  els.reportPrint.addEventListener('click', () => els.reportFrame.contentWindow?.print());
  els.resetBtn.addEventListener('click', () => {
    els.form.reset();
    if (state.ruleset) {
      state.data = emptyData();
      state.active = 0;
      buildAll();
      readFirstRound();
    }
    rescore();
  });
  els.unitFile.addEventListener('change', async () => {
    const file = els.unitFile.files?.[0];
    if (!file || !state.ruleset) return;
    els.openErrors.hidden = true;
    try {
      openUnit(await file.text());
    } catch {
      els.openErrors.replaceChildren(h('p', { class: 'errors-title', text: `${tr('demo-open-failed')} “${file.name}”: ${tr('demo-open-hint')}` }));
      els.openErrors.hidden = false;
    }
    els.unitFile.value = '';
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
