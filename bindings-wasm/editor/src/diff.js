// The diff panel: what changed between the file as opened and the edited text, and the example
// units whose index, grade or rank change, as the engine's `diff` (cchc-tools) reports them.
// Without the cchc-tools module in the build, the panel says that comparison is not available.
import TOOLS from 'cchc-editor:tools';

/** True when the build bundled the cchc-tools module with its diff. */
export function diffAvailable() {
  return TOOLS !== null;
}

/** Fills `el` with the diff of `ctx.before` and `ctx.after` (texts of `ctx.lang`). */
export function renderDiff(el, ctx) {
  if (!diffAvailable()) {
    el.replaceChildren(Object.assign(document.createElement('p'), {
      className: 'unavailable',
      textContent: ctx.t('demo-editor-diff-unavailable'),
    }));
  }
}
