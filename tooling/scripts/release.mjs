#!/usr/bin/env node
// `pnpm release`: rehearse a release offline. Build everything, run the package checks, then a dry-run publish of
// every public package. Pass --publish to really publish (CI with a token only).
import { spawnSync } from 'node:child_process';

const publish = process.argv.includes('--publish');
const steps = [
  ['turbo', 'run', 'build', 'check-package'],
  ['pnpm', 'publish', '-r', '--access', 'public', '--no-git-checks', ...(publish ? [] : ['--dry-run'])],
];
for (const [cmd, ...args] of steps) {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const run = spawnSync(cmd === 'pnpm' ? 'pnpm' : 'pnpm', cmd === 'pnpm' ? args : ['exec', cmd, ...args], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
