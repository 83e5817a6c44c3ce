import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/** Flags for a headless Chromium on a machine with no GPU and a closed network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Playwright's own Chromium when it is installed (a developer laptop), else the system's Chromium
 * (`CHROMIUM_PATH`, or Debian's /usr/bin/chromium on CI machines that cannot download browsers).
 */
export function chromiumLaunchOptions(): LaunchOptions {
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // No browser registry: fall through to the system browser.
  }
  if (bundled && existsSync(bundled)) return { args: CHROMIUM_ARGS };
  const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(system)) {
    throw new Error(
      `no Chromium found: install Playwright's (npx playwright install chromium) or Debian's at ${system}`,
    );
  }
  return { executablePath: system, args: CHROMIUM_ARGS };
}
