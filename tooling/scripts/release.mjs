#!/usr/bin/env node
// `pnpm release`: rehearse a release offline. Build everything, run the package checks, then a dry-run publish of
// every public package. Pass --publish to really publish (CI with a token only).
import { spawnSync } from 'node:child_process';

const publish = process.argv.includes('--publish');
/** Each step runs through pnpm: `pnpm exec` for workspace binaries, pnpm's own commands directly. */
const steps = [
  ['exec', 'turbo', 'run', 'build', 'check-package'],
  ['publish', '-r', '--access', 'public', '--no-git-checks', ...(publish ? [] : ['--dry-run'])],
];
for (const args of steps) {
  console.log(`\n▶ pnpm ${args.join(' ')}`);
  const run = spawnSync('pnpm', args, { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
