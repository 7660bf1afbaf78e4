#!/usr/bin/env node
// The system tools the tests need, in one list: the postinstall check (setup-browser.mjs) prints them, `pnpm test`
// (test.mjs) stops at once when one is missing, and `.ci/run` installs the Debian packages this prints with
// `--missing-packages`. Nothing here downloads anything.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {{ command: string, path?: string, package: string, why: string, when?: () => boolean }} SystemTool
 */

/** @type {SystemTool[]} */
export const systemTools = [
  { command: 'chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', package: 'chromium', why: 'browser tests (Vitest browser mode, Playwright journeys)' },
  { command: 'pdfsig', package: 'poppler-utils', why: 'signed PDFs checked by an independent validator' },
  { command: 'pdftotext', package: 'poppler-utils', why: 'rendered text of PDFs' },
  { command: 'pdfimages', package: 'poppler-utils', why: 'images inside signature appearances' },
  { command: 'pdftoppm', package: 'poppler-utils', why: 'golden images of rendered pages' },
  { command: 'pdffonts', package: 'poppler-utils', why: 'embedded fonts of rendered PDFs' },
  { command: 'qpdf', package: 'qpdf', why: 'PDF structure checks of signed and PDF/A files' },
  { command: 'openssl', package: 'openssl', why: 'PKCS#12 files and CMS made by another implementation' },
  { command: 'certutil', package: 'libnss3-tools', why: 'the NSS database pdfsig reads trust anchors from' },
  { command: 'iconv', package: 'libc-bin', why: 'legacy Vietnamese encodings (TCVN3, VNI) compared with glibc' },
  { command: 'javac', package: 'openjdk-17-jdk-headless', why: 'the official axis SDK and edXML jars as test peers' },
  { command: 'java', package: 'openjdk-17-jdk-headless', why: 'the official axis SDK and edXML jars as test peers' },
  {
    command: 'psql',
    package: 'postgresql',
    why: 'the suites that also run on PostgreSQL when TEST_DATABASE_URL is set',
    when: () => Boolean(process.env.TEST_DATABASE_URL),
  },
];

/**
 * Whether `command` is an executable on PATH (or at `path` when given).
 * @param {SystemTool} tool
 * @param {string} [searchPath]
 */
function found(tool, searchPath = process.env.PATH ?? '') {
  const candidates = tool.path ? [tool.path] : searchPath.split(delimiter).filter(Boolean).map((dir) => join(dir, tool.command));
  return candidates.some((file) => {
    if (!existsSync(file)) return false;
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The tools the tests need that this machine lacks. */
export function missingTools() {
  return systemTools.filter((tool) => (tool.when ? tool.when() : true) && !found(tool));
}

/** The one apt-get line that installs every package the tests need. */
function aptLine(packages = [...new Set(systemTools.map((t) => t.package))].filter((p) => p !== 'libc-bin')) {
  return `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
}

/**
 * What to tell a person: every missing tool, what it is for, and the apt-get line.
 * @param {SystemTool[]} missing
 */
export function missingMessage(missing) {
  const lines = missing.map((t) => `  - ${t.command.padEnd(10)} (Debian package ${t.package}): ${t.why}`);
  const all = [...new Set([...systemTools, ...missing].map((t) => t.package))].filter(
    (p) => p !== 'libc-bin' || missing.some((t) => t.package === p),
  );
  return (
    `[egov-vn] The tests need system tools this machine lacks:\n${lines.join('\n')}\n` +
    `Install every system tool the tests use (Debian/Ubuntu) with:\n  ${aptLine(all)}\n` +
    (missing.some((t) => t.command === 'chromium') ? `(or set CHROMIUM_PATH to another Chromium/Chrome binary)\n` : '')
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const missing = missingTools();
  if (process.argv.includes('--missing-packages')) {
    console.log([...new Set(missing.map((t) => t.package))].join(' '));
  } else if (missing.length > 0) {
    console.error(missingMessage(missing));
    process.exit(1);
  } else {
    console.log(`[egov-vn] every system tool the tests need is installed (${systemTools.map((t) => t.command).join(', ')})`);
  }
}
