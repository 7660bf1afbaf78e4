// Starts hub instances as child processes (the hub's own `src/main.ts`, the way it runs in production), kills them
// with SIGKILL and restarts them on the same port. Used by the chaos run, the PGlite crash test and the benchmark.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@egov-vn/vitest-config/processes';

const hubDir = join(import.meta.dirname, '..');

export interface HubProcessOptions {
  /** Environment of the hub (DATABASE_URL or DATA_DIR, HUB_SEED, …); PORT and HOST are set by the supervisor. */
  env: Record<string, string>;
  port?: number;
  /** Where each line the hub prints goes (default: kept in `logs`, last 200 lines). */
  onLine?: (line: string) => void;
  /** Extra Node options of the hub process (e.g. `--cpu-prof --cpu-prof-dir=…` to profile it). */
  nodeArgs?: string[];
}

/** One hub instance: start, SIGKILL, restart, stop. */
export class HubProcess {
  readonly port: number;
  readonly url: string;
  readonly logs: string[] = [];
  starts = 0;
  kills = 0;
  #child: ChildProcess | undefined;
  readonly #options: HubProcessOptions;

  private constructor(port: number, options: HubProcessOptions) {
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.#options = options;
  }

  static async create(options: HubProcessOptions): Promise<HubProcess> {
    return new HubProcess(options.port ?? (await freePort()), options);
  }

  get running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  #log(line: string): void {
    this.#options.onLine?.(line);
    this.logs.push(line);
    if (this.logs.length > 200) this.logs.shift();
  }

  /** Starts the process; resolves when it listens (it prints "running at"). */
  start(timeoutMs = 180_000): Promise<void> {
    if (this.running) return Promise.resolve();
    this.starts++;
    const child = spawn(process.execPath, [...(this.#options.nodeArgs ?? []), '--conditions=@egov-vn/source', '--import', 'tsx', 'src/main.ts'], {
      cwd: hubDir,
      env: { ...process.env, ...this.#options.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`hub on port ${this.port} did not start in ${timeoutMs} ms:\n${this.logs.slice(-20).join('\n')}`));
      }, timeoutMs);
      const onData = (d: Buffer) => {
        out += d.toString();
        const lines = out.split('\n');
        out = lines.pop() ?? '';
        for (const line of lines) {
          this.#log(line);
          if (line.includes('running at')) {
            clearTimeout(timer);
            resolve();
          }
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`hub on port ${this.port} exited (${code ?? signal}):\n${this.logs.slice(-20).join('\n')}`));
      });
    });
  }

  /** SIGKILL: no shutdown, no flush, in-flight requests and transactions cut. Resolves when the process is gone. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    this.kills++;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  /** SIGTERM (graceful) and wait for the exit. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }
}

export interface KillLoopOptions {
  /** Pause between two kills (ms). */
  everyMs: number;
  /** How many kills at most (default unlimited). */
  maxKills?: number;
  random: () => number;
  /** Called after each restart, with the instance. */
  onRestart?: (hub: HubProcess, downMs: number) => void;
}

/**
 * Kills one instance (drawn at random) with SIGKILL every `everyMs` (± 50 %) and restarts it at once, never
 * taking down the last running one. Returns a function that stops the loop (and waits for a restart in progress).
 */
export function killLoop(hubs: HubProcess[], options: KillLoopOptions): () => Promise<void> {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let kills = 0;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped || (options.maxKills !== undefined && kills >= options.maxKills)) return;
    timer = setTimeout(() => {
      current = (async () => {
        const alive = hubs.filter((h) => h.running);
        if (alive.length < 2 && hubs.length > 1) return;
        const victim = alive[Math.floor(options.random() * alive.length)];
        if (!victim) return;
        kills++;
        const t0 = Date.now();
        await victim.kill();
        // A start that times out (a starved machine) is tried again; the run goes on meanwhile on the others.
        for (let attempt = 0; ; attempt++) {
          try {
            await victim.start();
            break;
          } catch (e) {
            if (attempt >= 4) throw e;
            await victim.kill();
            await new Promise((r) => setTimeout(r, 2000));
          }
        }
        options.onRestart?.(victim, Date.now() - t0);
      })().finally(schedule);
    }, options.everyMs * (0.5 + options.random()));
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
