// The diff panel: what changed between the file as opened and the edited text, and the example
// units whose index, grade or rank change, as the engine's `diff` reports them (the same as
// `cchc diff OLD NEW --data FILE`, through the cchc-tools module's `diffJson`). The changes are
// the engine's sentences; this file only lays them out. Without the cchc-tools module in the
// build, the panel says that comparison is not available.
import TOOLS from 'cchc-editor:tools';

let ready = null;

/** True when the build bundled the cchc-tools module with its diff. */
export function diffAvailable() {
  return TOOLS !== null && typeof TOOLS.tools.diffJson === 'function';
}

/** Instantiates the cchc-tools module (once). */
export function initDiff() {
  if (!diffAvailable()) return Promise.resolve();
  if (ready === null) ready = TOOLS.tools.default({ module_or_path: TOOLS.wasm });
  return ready;
}

const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
};

/**
 * Fills `el` with the diff of `ctx.before` and `ctx.after`: `ctx.t` writes the page's texts,
 * `ctx.num` a number, `ctx.examples` the example data files (`{path, format, text}`; the first
 * is scored with both), `ctx.grades` a grade id's label.
 */
export function renderDiff(el, ctx) {
  if (!diffAvailable()) {
    el.replaceChildren(h('p', { class: 'unavailable', text: ctx.t('demo-editor-diff-unavailable') }));
    return;
  }
  if (ctx.before === ctx.after) {
    el.replaceChildren(h('p', { class: 'diff-none', text: ctx.t('demo-editor-diff-none') }));
    return;
  }
  const ex = ctx.examples[0] ?? null;
  let out;
  try {
    out = JSON.parse(
      TOOLS.tools.diffJson(
        ctx.before,
        ctx.origin,
        ctx.after,
        ctx.origin,
        ex ? ex.text : undefined,
        ex ? ex.format : undefined,
        ctx.lang,
      ),
    );
  } catch (e) {
    const first = e?.diagnostics?.[0]?.message ?? e?.message ?? String(e);
    el.replaceChildren(h('p', { class: 'stale', text: `${ctx.t('demo-editor-diff-failed')}: ${first}` }));
    return;
  }
  const parts = [];
  parts.push(h('h3', { text: ctx.t('demo-editor-diff-changes') }));
  parts.push(
    out.texts.length === 0
      ? h('p', { text: ctx.t('demo-editor-diff-none') })
      : h('ul', { class: 'diff-changes' }, out.texts.map((s, i) => h('li', { class: out.diff.changes[i]?.change ?? '', text: s }))),
  );
  const units = out.diff.effect?.units ?? null;
  if (units !== null) {
    parts.push(h('h3', { text: `${ctx.t('demo-editor-diff-units')} (${ex.path})` }));
    if (units.length === 0) {
      parts.push(h('p', { class: 'diff-units', text: ctx.t('demo-editor-diff-no-units') }));
    } else {
      const arrow = (a, b, f) => (a === b ? f(a) : `${f(a)} → ${f(b)}`);
      const grade = (g) => (g === null || g === undefined ? '—' : ctx.grades(g));
      const rank = (r) => (r === null || r === undefined ? '—' : String(r));
      parts.push(
        h(
          'table',
          { class: 'diff-units' },
          h(
            'thead',
            {},
            h('tr', {}, ...['unit', 'index', 'grade', 'rank'].map((k) => h('th', { text: ctx.t(`demo-editor-${k}`) })), h('th', { text: ctx.t('demo-editor-diff-criteria') })),
          ),
          h(
            'tbody',
            {},
            units.map((u) =>
              h(
                'tr',
                {
                  'data-unit': u.unit,
                  'data-grade-changed': String(u.old_grade !== u.new_grade),
                },
                h('td', { text: u.name ?? u.unit ?? String(u.position) }),
                h('td', { class: 'num', text: arrow(u.old_index, u.new_index, ctx.num) }),
                h('td', { class: u.old_grade !== u.new_grade ? 'changed' : '', text: arrow(u.old_grade, u.new_grade, grade) }),
                h('td', { class: 'num', text: arrow(u.old_rank, u.new_rank, rank) }),
                h('td', { text: u.criteria.map((c) => `${c.criterion}: ${ctx.num(c.old)} → ${ctx.num(c.new)}`).join('; ') }),
              ),
            ),
          ),
        ),
      );
    }
  }
  el.replaceChildren(...parts);
}
