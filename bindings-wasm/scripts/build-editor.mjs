#!/usr/bin/env node
// Builds the rule editor page (bindings-wasm/editor/): bundles editor/src/main.js, CodeMirror 6,
// the engine's JavaScript wrapper (js/) and the editor's own build of its WebAssembly module
// (embedded), the page's texts (the catalogue's `demo-editor-` messages, vi and en), the rule
// files shipped in the repository's rules/ and the example data of examples/, into one classic
// script, editor/dist/editor.js. The page then needs nothing else: no network, and it also opens
// from a file:// address.
//
// The editor's module is the scoring package's crate (cchc-wasm) with its `editor` feature (the
// file's `tests:` run by the core's runner), built with the same `wasm-release` profile (only the
// binding crate is compiled again) and wasm-bindgen into editor/dist/engine/; the scoring package
// (pkg/, scripts/build-wasm.sh) stays without it, within its size budget. No wasm-opt: the
// editor's module is not size-budgeted (about 2.1 MB; with the cchc-tools module for the diff
// panel, embedded too, the script is about 5.9 MB).
//
// Usage: node bindings-wasm/scripts/build-editor.mjs [--tools DIR]
//   --tools DIR  the built cchc-tools package, for the diff panel (default: bindings-wasm/tools/pkg
//                when it exists; without it the page shows the diff as not available)
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const WASM_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(WASM_DIR, '..');
const EDITOR = join(WASM_DIR, 'editor');
const OUT = join(EDITOR, 'dist');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : fallback;
}
const ENGINE = join(OUT, 'engine');
const TOOLS = option('--tools', join(WASM_DIR, 'tools', 'pkg'));

/** Every file under `dir` whose name ends with one of `exts`, as repository-relative paths. */
function walk(dir, exts) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}
const rel = (p) => relative(ROOT, p).split(sep).join('/');

/**
 * The shipped rule files (`rules/**`), each with the example data files that go with it: the
 * table of examples/README.md (`| \`file\` | \`rules/…\` | … |`) names them.
 */
function shipped() {
  const rules = walk(join(ROOT, 'rules'), ['.yaml', '.yml']).map((p) => {
    const text = readFileSync(p, 'utf8');
    // The ruleset's id and title, to name it in the list and to find the example data of an
    // edited copy opened from the computer (same id). The engine reads the file in the page.
    let head = {};
    try {
      head = parse(text, { uniqueKeys: false }) ?? {};
    } catch {
      head = {};
    }
    return {
      path: rel(p).replace(/^rules\//, ''),
      id: typeof head.id === 'string' ? head.id : null,
      title: typeof head.title === 'string' ? head.title : null,
      text,
      examples: [],
    };
  });
  const byPath = new Map(rules.map((r) => [r.path, r]));
  const examplesDir = join(ROOT, 'examples');
  for (const readme of walk(examplesDir, ['README.md'])) {
    let section = dirname(readme);
    for (const line of readFileSync(readme, 'utf8').split('\n')) {
      const heading = /^##\s+`([^`]+)\/`/.exec(line);
      if (heading) section = join(examplesDir, heading[1]);
      const row = /^\|\s*`([^`]+)`\s*\|\s*`rules\/([^`]+)`\s*\|/.exec(line);
      if (!row) continue;
      const file = join(section, row[1]);
      const rule = byPath.get(row[2]);
      if (!rule || !existsSync(file)) continue;
      const format = file.endsWith('.csv') ? 'csv' : file.endsWith('.json') ? 'json' : 'yaml';
      rule.examples.push({ path: rel(file), format, text: readFileSync(file, 'utf8') });
    }
  }
  return rules;
}

/**
 * The `demo-editor-` messages of a catalogue file: each entry starts on an unindented line and
 * goes on over its indented lines (Fluent); comments are left out.
 */
function editorMessages(lang) {
  const text = readFileSync(join(ROOT, 'core', 'locales', lang, 'demo.ftl'), 'utf8');
  const out = [];
  let keep = false;
  for (const line of text.split('\n')) {
    const indented = line.startsWith(' ') || line.startsWith('\t');
    if (!indented && line.trim() !== '') keep = line.startsWith('demo-editor-');
    if (keep && !line.startsWith('#')) out.push(line);
  }
  return `${out.join('\n')}\n`;
}

const virtual = {
  'cchc-editor:shipped': () => `export default ${JSON.stringify(shipped())};`,
  'cchc-editor:texts': () =>
    `export default ${JSON.stringify({ vi: editorMessages('vi'), en: editorMessages('en') })};`,
  'cchc-editor:tools': () => {
    const glue = join(TOOLS, 'cchc_wasm_tools.js');
    if (!existsSync(glue)) return 'export default null;';
    return [
      `import * as tools from ${JSON.stringify(glue)};`,
      `import wasm from ${JSON.stringify(join(TOOLS, 'cchc_wasm_tools_bg.wasm'))};`,
      'export default { tools, wasm };',
    ].join('\n');
  },
  'cchc-editor:engine-wasm': () =>
    `import wasm from ${JSON.stringify(join(ENGINE, 'cchc_wasm_bg.wasm'))}; export default wasm;`,
};

const plugin = {
  name: 'cchc-editor',
  setup(b) {
    b.onResolve({ filter: /^cchc-editor:/ }, (args) => ({ path: args.path, namespace: 'cchc-editor' }));
    b.onLoad({ filter: /.*/, namespace: 'cchc-editor' }, (args) => ({
      contents: virtual[args.path](),
      loader: 'js',
      resolveDir: WASM_DIR,
    }));
    // The wrapper's glue (js/index.js imports ../pkg/cchc_wasm.js): the editor's build of it.
    b.onResolve({ filter: /(^|\/)pkg\/cchc_wasm\.js$/ }, () => ({ path: join(ENGINE, 'cchc_wasm.js') }));
    b.onResolve({ filter: /^cchc-editor-engine$/ }, () => ({ path: join(ENGINE, 'cchc_wasm.js') }));
  },
};

/** Runs a command in the repository, its output shown; a failure ends the build. */
function run(cmd, args) {
  console.error(`==> ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
}

// The editor's module: cargo (the feature added; the core and every dependency as the scoring
// package has them, so only the binding is compiled again), then wasm-bindgen.
const TARGET_DIR = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');
run('cargo', ['build', '--profile', 'wasm-release', '--target', 'wasm32-unknown-unknown', '-p', 'cchc-wasm', '--features', 'editor']);
mkdirSync(ENGINE, { recursive: true });
run('wasm-bindgen', [
  '--target', 'web', '--out-dir', ENGINE, '--out-name', 'cchc_wasm',
  join(TARGET_DIR, 'wasm32-unknown-unknown', 'wasm-release', 'cchc_wasm.wasm'),
]);

mkdirSync(OUT, { recursive: true });
const result = await build({
  entryPoints: [join(EDITOR, 'src', 'main.js')],
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  outfile: join(OUT, 'editor.js'),
  loader: { '.wasm': 'binary' },
  plugins: [plugin],
  // The wasm-bindgen glue's default module address (`import.meta.url`) is never used: the page
  // hands it the embedded bytes.
  logOverride: { 'empty-import-meta': 'silent' },
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
const tools = existsSync(join(TOOLS, 'cchc_wasm_tools.js')) ? 'with diff (cchc-tools)' : 'without diff (no cchc-tools package)';
console.log(`cchc editor: ${rel(join(OUT, 'editor.js'))}  ${bytes} bytes, ${tools}`);
