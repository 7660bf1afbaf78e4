#!/usr/bin/env node
// postinstall: browser tests run in the system Chromium (Debian package `chromium`), never a downloaded build, and
// other tests drive system tools (poppler-utils, qpdf, openssl, certutil, iconv, a JDK, PostgreSQL when
// TEST_DATABASE_URL is set). This only checks and explains, with the one apt-get line; it never downloads anything
// and never fails the install (`pnpm test` stops at once with the same message instead).
import { missingMessage, missingTools, systemTools } from './system-tools.mjs';

const missing = missingTools();
if (missing.length === 0) {
  console.log(`[egov-vn] browser tests will use ${systemTools[0]?.path}; every system tool the tests need is installed`);
} else {
  console.warn(missingMessage(missing));
}
