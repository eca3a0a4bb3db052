// Browser (and bundler) entry point: `await init()` once, then use `Ruleset`.
import wbgInit, * as raw from '../pkg/cchc_wasm.js';
import { _setBindings } from './api.js';

export { CchcError, Ruleset, codes, engineVersion, messages, toJsonText } from './api.js';

let ready = null;

/**
 * Instantiates the WebAssembly module. `input` is optional: a URL or path of
 * `cchc_wasm_bg.wasm`, a Response, its bytes, or a compiled WebAssembly.Module; by default the
 * file next to `pkg/cchc_wasm.js` is fetched. Safe to call more than once.
 */
export default function init(input) {
  if (ready === null) {
    const arg = input === undefined ? undefined : { module_or_path: input };
    ready = wbgInit(arg).then(
      () => {
        _setBindings(raw);
      },
      (e) => {
        ready = null;
        throw e;
      },
    );
  }
  return ready;
}

/** Instantiates synchronously from the module's bytes or a compiled WebAssembly.Module. */
export function initSync(module) {
  raw.initSync({ module });
  _setBindings(raw);
  ready = Promise.resolve();
}
