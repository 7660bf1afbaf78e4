#!/usr/bin/env node
// postinstall: browser tests run in the system Chromium (Debian package `chromium`), never a downloaded build.
// This only checks and explains; it never downloads anything and never fails the install.
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  console.log(`[egov-vn] browser tests will use ${chromium}`);
} else {
  console.warn(
    `[egov-vn] Chromium is not installed at ${chromium}. Browser tests need it:\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `  (or set CHROMIUM_PATH to another Chromium/Chrome binary)`,
  );
}
