#!/usr/bin/env node
// `pnpm test`: workspace hygiene, then lint + type-check + unit and browser tests + package checks in every package
// (through turbo, so each package runs the same tasks), then dead-code checks, then one closing line
// "N passed, N failed" summed over every Vitest run, so a run that executed no test is visible.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { missingMessage, missingTools } from './system-tools.mjs';

const root = join(import.meta.dirname, '..', '..');

// Stop at once, with the one apt-get line, when a system tool the tests need is missing (instead of deep inside a
// package's tests).
const missing = missingTools();
if (missing.length > 0) {
  console.error(missingMessage(missing));
  console.log('\n0 passed, 0 failed (system tools missing; nothing was run)');
  process.exit(1);
}
const groups = ['packages', 'apps', 'tooling'];
const workspaces = groups.flatMap((group) => {
  const dir = join(root, group);
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
});
for (const ws of workspaces) rmSync(join(ws, '.test-results'), { recursive: true, force: true });

const extra = process.argv.slice(2);
const steps = [
  ['sherif', ['sherif']],
  ['turbo', ['turbo', 'run', 'lint', 'check-types', 'test', 'check-package', '--concurrency=2', '--continue', ...extra]],
  ['knip', ['knip', '--no-progress']],
];

const failures = [];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n▶ ${name}: ${[cmd, ...args].join(' ')}`);
  const run = spawnSync('pnpm', ['exec', cmd, ...args], { stdio: 'inherit', cwd: root });
  if (run.status !== 0) failures.push(name);
}

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const ws of workspaces) {
  const dir = join(ws, '.test-results');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const result = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    passed += result.numPassedTests ?? 0;
    failed += result.numFailedTests ?? 0;
    skipped += (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
    rows.push(`  ${ws.slice(root.length + 1).padEnd(36)} ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
  }
}
console.log('\nTest results by workspace:\n' + rows.join('\n'));
if (failures.length > 0) console.log(`\nFailed steps: ${failures.join(', ')}`);
if (passed + failed === 0) console.log('\nNo test was executed.');
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
