// The hub's background work (pruning the replay tables), on a timer, done by ONE instance at a time however many hub
// instances share the PostgreSQL database: the instance that holds the session advisory lock `egov-hub:background`
// (on a connection of its own) is the runner; the others try to take the lock at each tick and do nothing while it is
// held. When the runner dies, or only its lock connection does, PostgreSQL releases the lock with the session and
// another instance takes it at its next tick. PGlite is one process: its only instance is the runner.
import { advisoryKey } from '@egov-vn/database';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './db.js';

/** One piece of background work: idempotent (a second run in the same tick would change nothing). */
export interface BackgroundJob {
  name: string;
  /** Does the work once; answers how many rows it touched. */
  run(now: number): Promise<number>;
}

export interface BackgroundOptions {
  /** Time between two ticks of this instance (ms; HUB_BACKGROUND_INTERVAL_MS, default 60 000). */
  intervalMs: number;
  /** PostgreSQL: the connection string for the lock connection. Absent: PGlite (this instance always runs). */
  databaseUrl?: string;
  now?: () => number;
  log?: (message: string) => void;
}

/** The name of the advisory lock held by the instance that runs the background work. */
export const BACKGROUND_LOCK = 'egov-hub:background';

/** The jobs of the hub: old /v1 nonces and old /vxp header sets are deleted (requests that old are refused anyway). */
export function hubJobs(db: Kysely<Database>, windows: { nonceTtlMs: number; axisRetentionMs: number }): BackgroundJob[] {
  return [
    {
      name: 'prune-nonces',
      async run(now) {
        const r = await db.deleteFrom('nonces').where('seen_at', '<', new Date(now - windows.nonceTtlMs)).executeTakeFirst();
        return Number(r.numDeletedRows);
      },
    },
    {
      name: 'prune-axis-replay',
      async run(now) {
        const r = await db.deleteFrom('axis_replay').where('seen_at', '<', new Date(now - windows.axisRetentionMs)).executeTakeFirst();
        return Number(r.numDeletedRows);
      },
    },
  ];
}

export class Background {
  /** Ticks of this instance's timer (runner or not). */
  attempts = 0;
  /** Ticks in which this instance was the runner and ran the jobs. */
  ticks = 0;
  /** Per job: runs by this instance, and the ones that failed (logged; the job is tried again at the next tick). */
  readonly runs = new Map<string, number>();
  readonly failures = new Map<string, number>();
  #lock: pg.Client | undefined;
  #leader: boolean;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;
  readonly #key = advisoryKey(BACKGROUND_LOCK).toString();

  constructor(
    readonly jobs: BackgroundJob[],
    readonly options: BackgroundOptions,
  ) {
    this.#leader = !options.databaseUrl;
  }

  /** True while this instance holds the lock (always on PGlite). */
  get leader(): boolean {
    return this.#leader;
  }

  /** Starts ticking: a first tick at once, then every `intervalMs` (the timer never keeps the process alive). */
  start(): this {
    this.#schedule(0);
    return this;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.tick().finally(() => {
        this.#running = undefined;
        this.#schedule(this.options.intervalMs);
      });
    }, ms);
    this.#timer.unref();
  }

  /** One tick: take (or confirm) the lock, then, as the runner, run every job once. */
  async tick(): Promise<void> {
    if (this.#stopped) return;
    this.attempts++;
    if (!(await this.#holdLock())) return;
    this.ticks++;
    const now = this.options.now?.() ?? Date.now();
    for (const job of this.jobs) {
      try {
        await job.run(now);
        this.runs.set(job.name, (this.runs.get(job.name) ?? 0) + 1);
      } catch (e) {
        this.failures.set(job.name, (this.failures.get(job.name) ?? 0) + 1);
        this.options.log?.(`background ${job.name}: ${(e as Error).message}`);
      }
    }
  }

  /** PostgreSQL: true when this instance holds the lock on a live connection (taken now, or still held). */
  async #holdLock(): Promise<boolean> {
    const url = this.options.databaseUrl;
    if (!url) return true;
    try {
      if (!this.#lock) {
        const client = new pg.Client({ connectionString: url, keepAlive: true });
        const lost = () => {
          if (this.#lock !== client) return;
          this.#lock = undefined;
          this.#leader = false;
          void client.end().catch(() => undefined);
        };
        client.on('error', lost);
        client.on('end', lost);
        await client.connect();
        this.#lock = client;
      }
      const lock = this.#lock;
      if (this.#leader) {
        // Still the runner only if the session holding the lock is alive: a query on it must answer.
        await lock.query('select 1');
      } else {
        const r = await lock.query<{ ok: boolean }>('select pg_try_advisory_lock($1::bigint) as ok', [this.#key]);
        this.#leader = r.rows[0]?.ok === true;
        if (this.#leader) this.options.log?.('background: this instance now runs the background work');
      }
      return this.#leader && this.#lock === lock;
    } catch (e) {
      const client = this.#lock;
      this.#lock = undefined;
      this.#leader = false;
      await client?.end().catch(() => undefined);
      if (!this.#stopped) this.options.log?.(`background lock: ${(e as Error).message}`);
      return false;
    }
  }

  /** Stops ticking, waits for a tick under way, and closes the lock connection (which releases the lock). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
    const client = this.#lock;
    this.#lock = undefined;
    if (this.options.databaseUrl) this.#leader = false;
    await client?.end().catch(() => undefined);
  }
}
