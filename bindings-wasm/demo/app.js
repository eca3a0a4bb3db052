// Demo: a portal-style self-assessment page. Every figure comes from the engine (cchc-wasm);
// this file only builds the form from the ruleset's inputs and shows the result.
import init, { Ruleset, CchcError, engineVersion } from '../js/index.js';

// Rule files shipped in the repository's rules/ folder (served from the repository root). An
// entry that is not there (404) is left out of the list.
const SHIPPED = [
  { path: 'ha-noi/thach-that/xa-thi-tran/2021.yaml', label: 'UBND xã, thị trấn — huyện Thạch Thất (2021)' },
  { path: 'ha-noi/thach-that/phong-chuyen-mon/2021.yaml', label: 'Phòng chuyên môn — huyện Thạch Thất (2021)' },
  { path: 'vn/par-index/cap-tinh/2022.yaml', label: 'Chỉ số CCHC cấp tỉnh — PAR INDEX (2022)' },
  { path: 'examples/spec-example.yaml', label: 'Ví dụ trong đặc tả định dạng cchc/1' },
];
const RULES_BASE = new URL('../../rules/', import.meta.url);

const TYPE_LABEL = {
  bool: 'có/không',
  count: 'số lượng',
  percent: 'tỷ lệ %',
  number: 'số',
  choice: 'lựa chọn',
};
const STATUS_TEXT = {
  complete: 'Đủ số liệu: kết quả hoàn chỉnh.',
  incomplete: 'Còn thiếu số liệu: tiêu chí thiếu số liệu được tính 0 điểm và đơn vị chưa được xếp loại.',
  error: 'Có số liệu không hợp lệ: xem các lỗi bên dưới; đơn vị chưa được xếp loại.',
};
const NODE_STATUS = {
  scored: 'đã chấm',
  not_applicable: 'không áp dụng',
  missing: 'thiếu số liệu',
  error: 'lỗi',
};
const KIND_TEXT = { bonus: 'điểm thưởng', penalty: 'điểm trừ' };

const $ = (sel) => document.querySelector(sel);
const els = {
  select: $('#ruleset-select'),
  file: $('#ruleset-file'),
  info: $('#ruleset-info'),
  loadErrors: $('#load-errors'),
  form: $('#unit-form'),
  fields: $('#input-fields'),
  exportBtn: $('#export-json'),
  resetBtn: $('#reset-form'),
  total: $('#total'),
  max: $('#max'),
  index: $('#index'),
  grade: $('#grade'),
  status: $('#status'),
  issues: $('#unit-issues'),
  tree: $('#criteria-tree'),
};

const state = {
  ruleset: null,
  inputs: [],
  openIds: new Set(),
  texts: new Map(),
};

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('data-')) el.setAttribute(k, v);
    else if (k in el) el[k] = v;
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A number as Vietnamese readers write it (decimal comma), without rounding anything. */
function fmt(n) {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString('vi-VN', { maximumFractionDigits: 20, useGrouping: false });
}

function showLoadErrors(title, err) {
  els.loadErrors.replaceChildren();
  if (!err) {
    els.loadErrors.hidden = true;
    return;
  }
  const list = err instanceof CchcError ? err.errors : [{ code: 'loi', message: String(err?.message ?? err) }];
  els.loadErrors.append(
    h('p', { class: 'errors-title', text: title }),
    h('ul', {}, list.map((d) => h('li', {},
      h('code', { text: d.code }), ' ',
      d.line ? h('span', { class: 'where', text: `dòng ${d.line}, cột ${d.column}` }) : null,
      d.criterion ? h('span', { class: 'where', text: ` tiêu chí ${d.criterion}` }) : null,
      d.line || d.criterion ? ': ' : '',
      d.message))),
  );
  els.loadErrors.hidden = false;
}

async function listShipped() {
  els.select.replaceChildren(h('option', { value: '', text: '— Chọn bộ tiêu chí —' }));
  const found = await Promise.all(SHIPPED.map(async (entry) => {
    try {
      const res = await fetch(new URL(entry.path, RULES_BASE));
      if (!res.ok) return null;
      state.texts.set(entry.path, await res.text());
      return entry;
    } catch {
      return null;
    }
  }));
  for (const entry of found.filter(Boolean)) {
    els.select.append(h('option', { value: entry.path, text: entry.label }));
  }
  return found.filter(Boolean);
}

function loadRuleset(text, origin) {
  if (state.ruleset) state.ruleset.free();
  state.ruleset = null;
  document.body.removeAttribute('data-ruleset-id');
  let rs;
  try {
    rs = Ruleset.fromYaml(text, origin);
  } catch (e) {
    showLoadErrors(`Không nạp được bộ tiêu chí “${origin}”:`, e);
    els.info.hidden = true;
    els.fields.replaceChildren(h('legend', { text: 'Số liệu theo bộ tiêu chí' }));
    els.exportBtn.disabled = true;
    els.resetBtn.disabled = true;
    clearResult();
    return;
  }
  showLoadErrors('', null);
  state.ruleset = rs;
  state.inputs = rs.inputs();
  state.openIds = new Set(rs.criteria().map((c) => c.id));
  els.info.replaceChildren(
    h('p', { class: 'rs-title', text: rs.title }),
    h('p', { class: 'muted' },
      'Mã: ', h('code', { text: rs.id }), ' · Phiên bản: ', h('code', { text: rs.version }),
      ' · Tệp: ', h('code', { text: origin })),
    h('p', { class: 'muted fingerprint' }, 'Dấu vân tay: ', h('code', { text: rs.fingerprint })),
  );
  els.info.hidden = false;
  buildForm();
  els.exportBtn.disabled = false;
  els.resetBtn.disabled = false;
  document.body.setAttribute('data-ruleset-id', rs.id);
  rescore();
}

function fieldId(name) {
  return `in-${name}`;
}

function buildForm() {
  const nodes = [h('legend', { text: `Số liệu theo bộ tiêu chí (${state.inputs.length} mục)` })];
  for (const def of state.inputs) {
    const id = fieldId(def.name);
    const label = def.label || def.name;
    let control;
    if (def.type === 'bool') {
      control = h('input', { type: 'checkbox', id, name: def.name, checked: def.default === true });
    } else if (def.type === 'choice') {
      control = h('select', { id, name: def.name },
        h('option', { value: '', text: '— chưa chọn —' }),
        (def.options ?? []).map((o) => h('option', { value: o, text: o.replaceAll('_', ' '), selected: def.default === o })));
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
        placeholder: def.default !== null && def.default !== undefined ? `mặc định ${fmt(def.default)}` : range,
      });
    }
    const notes = [];
    if (def.on_missing === 'not_applicable') notes.push('để trống nếu không phát sinh');
    else if (def.on_missing === 'zero') notes.push('để trống được tính là 0');
    const wrap = h('div', { class: `field type-${def.type}`, 'data-input': def.name });
    if (def.type === 'bool') {
      wrap.append(h('label', { class: 'check', htmlFor: id }, control, ' ', label));
    } else {
      wrap.append(h('label', { htmlFor: id, text: label }), control);
    }
    wrap.append(h('p', { class: 'hint' },
      h('code', { text: def.name }), ` · ${TYPE_LABEL[def.type] ?? def.type}`,
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
  const kind = f.kind.value.trim();
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
        err.textContent = 'Giá trị không phải là số.';
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
  els.status.textContent = 'Chưa chấm điểm.';
  els.status.dataset.status = '';
  els.issues.replaceChildren();
  els.tree.replaceChildren(h('p', { class: 'muted', text: 'Chưa có kết quả.' }));
}

function rescore() {
  if (!state.ruleset) return;
  const unit = collectUnit();
  let result;
  try {
    result = state.ruleset.score(unit);
  } catch (e) {
    clearResult();
    els.status.textContent = `Không chấm được điểm: ${e.message}`;
    return;
  }
  render(result);
}

function setNum(el, n) {
  el.textContent = fmt(n);
  el.dataset.value = n === null || n === undefined ? '' : String(n);
}

function render(r) {
  setNum(els.total, r.total);
  setNum(els.max, r.max);
  setNum(els.index, r.index);
  els.grade.textContent = r.grade ? r.grade.label : 'Chưa xếp loại';
  els.grade.dataset.grade = r.grade ? r.grade.id : '';
  els.status.textContent = STATUS_TEXT[r.status] ?? r.status;
  els.status.dataset.status = r.status;
  els.status.className = `status status-${r.status}`;

  const issues = [];
  const byCode = (list, cls, title) => {
    if (!list.length) return;
    issues.push(h('div', { class: cls },
      h('p', { class: 'issues-title', text: `${title} (${list.length})` }),
      h('ul', {}, list.map((i) => h('li', {},
        h('code', { text: i.code }), ' ',
        i.criterion ? h('span', { class: 'where', text: `tiêu chí ${i.criterion}: ` }) : null,
        i.message)))));
  };
  byCode(r.errors, 'issues errors-list', 'Lỗi số liệu');
  byCode(r.warnings, 'issues warnings-list', 'Lưu ý');
  els.issues.replaceChildren(...issues);

  els.tree.replaceChildren(h('ul', { class: 'tree-root' }, r.criteria.map(renderNode)));
}

function renderNode(n) {
  const kind = KIND_TEXT[n.kind];
  const summary = h('summary', {},
    h('span', { class: 'node-id', text: n.id }),
    h('span', { class: 'node-title', text: n.title }),
    kind ? h('span', { class: `badge kind-${n.kind}`, text: kind }) : null,
    n.status !== 'scored' ? h('span', { class: `badge st-${n.status}`, text: NODE_STATUS[n.status] ?? n.status }) : null,
    h('span', { class: 'node-points', 'data-points': String(n.points) }, `${fmt(n.points)} / ${fmt(n.max)}`));
  const details = h('details', { open: state.openIds.has(n.id) },
    summary,
    n.trace ? h('p', { class: 'trace' }, h('strong', { text: 'Vì sao: ' }), n.trace) : null,
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

async function main() {
  try {
    await init();
  } catch (e) {
    showLoadErrors('Không khởi động được bộ máy chấm điểm (WebAssembly):', e);
    return;
  }
  $('#engine-version').textContent = `Phiên bản bộ máy: ${engineVersion()}.`;
  els.form.addEventListener('input', rescore);
  els.form.addEventListener('change', rescore);
  els.form.addEventListener('submit', (e) => e.preventDefault());
  els.exportBtn.addEventListener('click', exportJson);
  els.resetBtn.addEventListener('click', () => {
    els.form.reset();
    rescore();
  });
  els.select.addEventListener('change', () => {
    const path = els.select.value;
    if (path && state.texts.has(path)) loadRuleset(state.texts.get(path), `rules/${path}`);
  });
  els.file.addEventListener('change', async () => {
    const file = els.file.files?.[0];
    if (!file) return;
    els.select.value = '';
    loadRuleset(await file.text(), file.name);
  });

  const shipped = await listShipped();
  const wanted = new URLSearchParams(location.search).get('rules');
  const first = shipped.find((e) => e.path === wanted) ?? shipped[0];
  if (first) {
    els.select.value = first.path;
    loadRuleset(state.texts.get(first.path), `rules/${first.path}`);
  } else {
    els.select.replaceChildren(h('option', { value: '', text: '(không tìm thấy bộ tiêu chí nào)' }));
  }
  document.body.setAttribute('data-ready', 'true');
}

main();
