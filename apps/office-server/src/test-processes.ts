// Child processes for the end-to-end tests: the hub and the office server, started the way they run (their main).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const appsDir = join(import.meta.dirname, '..', '..');

/** Starts an app's `src/main.ts` with `env` (and `args`); answers the URL it prints. */
export function startApp(app: string, env: Record<string, string>, logs: string[], args: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--conditions=@egov-vn/source', '--import', 'tsx', 'src/main.ts', ...args], {
    cwd: join(appsDir, app),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      logs.push(d.toString());
      const m = /running at (http:\/\/[\d.:]+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.stderr.on('data', (d: Buffer) => logs.push(d.toString()));
    child.on('exit', (code, signal) => reject(new Error(`${app} exited (${code ?? signal}): ${out}`)));
  });
}

/** Starts apps/exchange-hub's main with a seed of systems; answers its URL. */
export function startHub(seed: object, logs: string[]): Promise<{ url: string; child: ChildProcess }> {
  return startApp('exchange-hub', { PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', HUB_SEED: JSON.stringify(seed), DATABASE_URL: '' }, logs);
}

/** A free TCP port on 127.0.0.1 (to listen on later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Polls `fn` until it answers a value (no fixed sleeps: every `everyMs` until `ms`). */
export async function eventually<T>(fn: () => Promise<T | undefined>, what: string, ms = 60_000, everyMs = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
