// Finds a Chromium for Playwright: its own download if present, else a system
// one (Debian's `chromium`). Returns undefined when there is none.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  if (process.env.SHAROKEY_CHROMIUM && existsSync(process.env.SHAROKEY_CHROMIUM)) return process.env.SHAROKEY_CHROMIUM;
  let own;
  try { own = chromium.executablePath(); } catch { own = undefined; }
  if (own && existsSync(own)) return own;
  return SYSTEM.find((p) => existsSync(p));
}

/** Launch options that work as root, offline, with either browser. */
export function launchOptions() {
  const executablePath = findChromium();
  return {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  };
}
