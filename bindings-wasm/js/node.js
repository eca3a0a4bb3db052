// Node entry point: the WebAssembly module is read from disk and instantiated on import, so
// `Ruleset` can be used at once (`init()` is kept for code shared with the browser).
import { readFileSync } from 'node:fs';
import * as raw from '../pkg/cchc_wasm.js';
import { _setBindings } from './api.js';

export { CchcError, Ruleset, codes, engineVersion, messages, toJsonText } from './api.js';

raw.initSync({ module: readFileSync(new URL('../pkg/cchc_wasm_bg.wasm', import.meta.url)) });
_setBindings(raw);

/** Already done on import; kept so that the same code runs in Node and in the browser. */
export default async function init() {}

/** Already done on import. */
export function initSync() {}
