#!/usr/bin/env node
// `pnpm start`: build what the apps need, then run the `start` task of every app (the demo portal, the exchange hub
// and Storybook). Each app prints the URL to open. SIGINT/SIGTERM sent to this process (a terminal's Ctrl-C, a
// supervisor, `timeout`) are passed on to turbo, which stops every app.
import { spawn } from 'node:child_process';

const child = spawn('pnpm', ['exec', 'turbo', 'run', 'start', '--filter=./apps/*', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
