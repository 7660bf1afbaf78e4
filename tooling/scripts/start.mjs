#!/usr/bin/env node
// `pnpm start`: build what the apps need, then run the `start` task of every app (the demo portal, the exchange hub
// and Storybook). Each app prints the URL to open.
import { spawnSync } from 'node:child_process';

const run = spawnSync('pnpm', ['exec', 'turbo', 'run', 'start', '--filter=./apps/*', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
