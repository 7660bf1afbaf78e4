// Where the browser comes from: the system Chromium (Debian's `chromium` package), never a download.
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a sandboxed, offline, headless run as root on a 2-core machine. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function assertChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it with 'apt-get install -y chromium' or set CHROMIUM_PATH.`,
    );
  }
}

/** Launch options for Playwright's chromium.launch(). */
export const chromiumLaunchOptions = { executablePath: chromiumPath, args: chromiumArgs, headless: true };
