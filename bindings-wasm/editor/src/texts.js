// The page's texts: the catalogue's `demo-editor-` messages (core/locales/{vi,en}/demo.ftl),
// bundled by scripts/build-editor.mjs and formatted by Fluent's own JavaScript implementation.
// The engine's texts (diagnostics, test outcomes) come from the engine in the same language.
import { FluentBundle, FluentResource } from '@fluent/bundle';
import TEXTS from 'cchc-editor:texts';

export const LANGS = ['vi', 'en'];

const bundles = {};
for (const lang of LANGS) {
  // Arguments placed as they are (no Unicode isolation marks), as the engine does.
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(TEXTS[lang]));
  if (errors.length > 0) console.error(`demo.ftl (${lang}):`, errors);
  bundles[lang] = bundle;
}

/** The text of message `id` in `lang`, its arguments `args` (numbers given as text). */
export function text(lang, id, args) {
  const bundle = bundles[lang] ?? bundles.vi;
  const message = bundle.getMessage(id) ?? bundles.vi.getMessage(id);
  if (!message || !message.value) return id;
  return bundle.formatPattern(message.value, args ?? null);
}

/**
 * A number the engine wrote (its shortest text, the engine's own digits) as the page shows it:
 * at least `places` decimals (the ruleset's `rounding.places`, zeros added to the text), with a
 * decimal comma in Vietnamese. No arithmetic: the digits are the engine's.
 */
export function number(lang, value, places = 0) {
  if (value === null || value === undefined) return '—';
  let s = String(value);
  if (/^-?\d+(\.\d+)?$/.test(s) && places > 0) {
    const [int, frac = ''] = s.split('.');
    s = `${int}.${frac.padEnd(places, '0')}`;
  }
  return lang === 'vi' ? s.replace('.', ',') : s;
}
