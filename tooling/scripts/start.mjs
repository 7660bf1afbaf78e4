#!/usr/bin/env node
// `pnpm start`: build what the apps need, then run the `start` task of every app (hub, portal; Storybook until
// those exist). Each app prints the URL to open.
import { spawnSync } from 'node:child_process';

const run = spawnSync('pnpm', ['exec', 'turbo', 'run', 'start', '--filter=./apps/*', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
