// The apps as child processes for end-to-end tests (the hub, the office server), started the way they run: their main.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A free TCP port on 127.0.0.1: the system picks it, it is released at once for a server to take (a restarted process
 * can keep it).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts an app's `src/main.ts` in `cwd` (sources through tsx and the `@egov-vn/source` condition) with `env` added to
 * this process's environment; answers the URL it prints (`running at http://…`) and the child. Everything it prints goes
 * to `logs`; it rejects, with what it printed, if it exits first.
 * @param {string} cwd the app's folder
 * @param {{ env?: Record<string, string>, args?: string[], logs?: string[], name?: string }} [options]
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess }>}
 */
export function startMain(cwd, options = {}) {
  const logs = options.logs ?? [];
  const child = spawn(process.execPath, ['--conditions=@egov-vn/source', '--import', 'tsx', 'src/main.ts', ...(options.args ?? [])], {
    cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (/** @type {Buffer} */ d) => {
      out += d.toString();
      logs.push(d.toString());
      const m = /running at (http:\/\/[\d.:]+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.stderr.on('data', (/** @type {Buffer} */ d) => logs.push(d.toString()));
    child.on('exit', (code, signal) => reject(new Error(`${options.name ?? cwd} exited (${code ?? signal}): ${out}`)));
  });
}
