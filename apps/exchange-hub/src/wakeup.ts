// Inbox wake-ups for long polling (`GET /v1/inbox?wait=…`), across hub instances. A statement-level trigger on
// `deliveries` (migration 0003) sends `NOTIFY egov_hub_inbox, '<recipient>,<recipient>…'` when a transaction that
// delivered something commits — whichever instance wrote it, /v1 or /vxp. Each instance listens: on PostgreSQL on one
// dedicated connection (`LISTEN`, reconnected with back-off when it drops), on PGlite through its in-process
// `listen()` (one instance owns a PGlite directory, so that is all it needs). A missed notification (a connection
// re-established) only costs latency: a long poll always ends at its deadline and the client polls again.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export const INBOX_CHANNEL = 'egov_hub_inbox';

/** Registered before the inbox is read (so nothing delivered in between is missed), awaited if it was empty. */
export interface InboxWaiter {
  /** Resolves true when something was delivered to one of the agencies, false at the timeout or on close. */
  wait(ms: number, signal?: AbortSignal): Promise<boolean>;
  cancel(): void;
}

export interface InboxWakeups {
  subscribe(agencies: string[]): InboxWaiter;
  /** True once closed (shutting down): long polls answer at once. */
  readonly closed: boolean;
  /** How many notifications arrived (tests, metrics). */
  readonly received: number;
  close(): Promise<void>;
}

/** The in-process registry both engines feed. */
class Registry {
  readonly #waiting = new Map<string, Set<() => void>>();
  closed = false;
  received = 0;

  wake(payload: string): void {
    this.received++;
    if (payload === '*') {
      for (const set of this.#waiting.values()) for (const f of [...set]) f();
      return;
    }
    for (const agency of payload.split(',')) for (const f of [...(this.#waiting.get(agency) ?? [])]) f();
  }

  subscribe(agencies: string[]): InboxWaiter {
    let woken = false;
    let resolveWait: ((v: boolean) => void) | undefined;
    const fire = () => {
      woken = true;
      resolveWait?.(true);
    };
    for (const a of agencies) {
      let set = this.#waiting.get(a);
      if (!set) this.#waiting.set(a, (set = new Set()));
      set.add(fire);
    }
    const closer = () => resolveWait?.(false);
    this.#closers.add(closer);
    const cancel = () => {
      this.#closers.delete(closer);
      for (const a of agencies) {
        const set = this.#waiting.get(a);
        set?.delete(fire);
        if (set?.size === 0) this.#waiting.delete(a);
      }
    };
    return {
      cancel,
      wait: (ms, signal) => {
        if (woken) return Promise.resolve(true);
        if (this.closed || signal?.aborted) return Promise.resolve(false);
        return new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => done(false), ms);
          const onAbort = () => done(false);
          const done = (v: boolean) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolveWait = undefined;
            resolve(v);
          };
          resolveWait = done;
          signal?.addEventListener('abort', onAbort, { once: true });
        });
      },
    };
  }

  readonly #closers = new Set<() => void>();

  close(): void {
    this.closed = true;
    for (const f of this.#closers) f();
    this.#closers.clear();
  }
}

function wrap(registry: Registry, close: () => Promise<void>): InboxWakeups {
  return {
    subscribe: (agencies) => registry.subscribe(agencies),
    get closed() {
      return registry.closed;
    },
    get received() {
      return registry.received;
    },
    async close() {
      registry.close();
      await close();
    },
  };
}

/** Wake-ups from an embedded PGlite database (one process). */
export async function pgliteWakeups(lite: PGlite): Promise<InboxWakeups> {
  const registry = new Registry();
  const unlisten = await lite.listen(INBOX_CHANNEL, (payload) => registry.wake(payload));
  return wrap(registry, async () => {
    // The database may already be closed when the hub shuts down.
    await unlisten().catch(() => undefined);
  });
}

/**
 * Wake-ups from PostgreSQL: one connection that only listens. When it drops (the server restarted, a network cut),
 * it reconnects with back-off (0.2 s doubling to 5 s) and wakes every waiter once, since notifications may have been
 * missed meanwhile.
 */
export async function postgresWakeups(databaseUrl: string, log: (m: string) => void = () => {}): Promise<InboxWakeups> {
  const registry = new Registry();
  let client: pg.Client | undefined;
  let backoff = 200;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    let listening = false;
    const reconnect = () => {
      if (!listening) return;
      listening = false;
      if (client === c) client = undefined;
      void c.end().catch(() => undefined);
      if (stopped) return;
      timer = setTimeout(() => void retry(), backoff);
      backoff = Math.min(backoff * 2, 5000);
    };
    c.on('error', reconnect);
    c.on('end', reconnect);
    c.on('notification', (n) => {
      if (n.channel === INBOX_CHANNEL) registry.wake(n.payload ?? '*');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${INBOX_CHANNEL}`);
    } catch (e) {
      await c.end().catch(() => undefined);
      throw e;
    }
    listening = true;
    client = c;
    backoff = 200;
  };
  const retry = async () => {
    if (stopped) return;
    try {
      await connect();
      // Notifications may have been missed while disconnected: every long poll looks again.
      registry.wake('*');
    } catch (e) {
      log(`LISTEN ${INBOX_CHANNEL}: ${(e as Error).message}`);
      timer = setTimeout(() => void retry(), backoff);
      backoff = Math.min(backoff * 2, 5000);
    }
  };
  await connect();
  return wrap(registry, async () => {
    stopped = true;
    clearTimeout(timer);
    const c = client;
    client = undefined;
    await c?.end().catch(() => undefined);
  });
}
