// Child processes for the end-to-end tests: the hub and the office server, started the way they run (their main).
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startMain } from '@egov-vn/vitest-config/processes';

const appsDir = join(import.meta.dirname, '..', '..');

/** Starts an app's `src/main.ts` with `env` (and `args`); answers the URL it prints. */
export function startApp(app: string, env: Record<string, string>, logs: string[], args: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  return startMain(join(appsDir, app), { env, args, logs, name: app });
}

/** Starts apps/exchange-hub's main with a seed of systems; answers its URL. */
export function startHub(seed: object, logs: string[]): Promise<{ url: string; child: ChildProcess }> {
  return startApp('exchange-hub', { PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', HUB_SEED: JSON.stringify(seed), DATABASE_URL: '' }, logs);
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
