// The browser tests' shared setup (test/demo*.test.js, test/editor.test.js): a local HTTP server
// over the repository and Debian's Chromium, headless, driven by playwright-core, in a fresh
// profile. Nothing leaves the machine: Chromium starts with its background networking off.
// (Outside test/ so that `node --test test/` does not run it as a test file.)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository's root folder (what the HTTP server serves). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Debian's Chromium, or `CHROMIUM_PATH`. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForServer(server, url, ms = 15000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`the HTTP server exited (${server.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = new Error(`HTTP ${res.status}`);
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the HTTP server did not answer: ${last}`);
}

/**
 * Starts the server and Chromium once `page` (a path below the repository's root) is served.
 * Returns `{ baseUrl, context, scratch, close }`: `scratch` is a fresh folder the test may write
 * to (the profile lives in it); `close()` stops everything and removes it.
 */
export async function openBrowser(page) {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup-browser.sh`);
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', ROOT], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const scratch = mkdtempSync(join(tmpdir(), 'cchc-browser-'));
  const close = async () => {
    await context?.close().catch(() => {});
    if (server.exitCode === null) server.kill('SIGTERM');
    rmSync(scratch, { recursive: true, force: true });
  };
  let context;
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForServer(server, `${baseUrl}/${page}`);
    const profile = join(scratch, 'profile');
    mkdirSync(profile);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      acceptDownloads: true,
      viewport: { width: 1400, height: 1000 },
      locale: 'vi-VN',
    });
    return { baseUrl, context, scratch, close };
  } catch (e) {
    await close();
    throw e;
  }
}
