import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';
import { nonceTtlMs } from './auth.js';
import { Background, hubJobs } from './background.js';
import { type DatabaseOptions, openDatabase, pgliteOf } from './db.js';
import { HubMetrics } from './metrics.js';
import { HubStore, type Seed } from './store.js';
import { withTrustRoutes, type TrustConfig } from './trust.js';
import { axisReplayRetentionMs } from './vxp-auth.js';
import { type InboxWakeups, pgliteWakeups, postgresWakeups } from './wakeup.js';

export interface HubConfig extends AppOptions {
  port?: number;
  host?: string;
  /** PGlite data directory (default `memory://`). */
  dataDir?: string;
  /** PostgreSQL connection string: when set, PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  seed?: Seed;
  /** Largest accepted edXML package in bytes (default 20 MiB). */
  maxPackageBytes?: number;
  /**
   * PostgreSQL: data queries run as prepared statements, parsed and planned once per connection, for at most this
   * many statement texts (default 200; 0: off, for a pooler that does not carry them; HUB_PREPARED_STATEMENTS).
   */
  preparedStatements?: number;
  /** PostgreSQL connections this process opens at most (default 10; HUB_DATABASE_POOL). */
  databasePoolSize?: number;
  /** Document summaries the inbox and document views keep in memory (default 20 000, about 1 kB each; 0: none; HUB_DOCUMENT_CACHE). */
  documentCacheSize?: number;
  /** A request's headers must be complete within this (ms, default 10 000; HUB_HEADERS_TIMEOUT_MS). */
  headersTimeoutMs?: number;
  /** A whole request (headers and body) must be received within this (ms, default 120 000; HUB_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /**
   * Time between two ticks of the background work (pruning old nonces and /vxp header sets; ms, default 60 000;
   * HUB_BACKGROUND_INTERVAL_MS). On PostgreSQL one instance at a time runs it (`background.ts`).
   */
  backgroundIntervalMs?: number;
  /** Trust anchors served at /v1/trust-anchors, and the demo kit at /demo/kit.json (see trust.ts). */
  trust?: TrustConfig;
}

export interface RunningHub {
  url: string;
  store: HubStore;
  wakeups: InboxWakeups;
  /** The background work of this instance (`leader`: it is the one instance that runs it). */
  background: Background;
  /** Stops accepting, finishes the requests in flight (at most `graceMs`), closes the database. */
  close(graceMs?: number): Promise<void>;
}

/** Opens the database, applies migrations and the seed, and listens. Port 0 picks a free port. */
export async function startHub(config: HubConfig = {}): Promise<RunningHub> {
  const dbOptions: DatabaseOptions = {
    preparedStatements: config.preparedStatements ?? 200,
    ...(config.databasePoolSize ? { poolSize: config.databasePoolSize } : {}),
  };
  if (config.dataDir) dbOptions.dataDir = config.dataDir;
  if (config.databaseUrl) dbOptions.databaseUrl = config.databaseUrl;
  const db = await openDatabase(dbOptions);
  const store = new HubStore(db, {
    maxPackageBytes: config.maxPackageBytes ?? 20 * 1024 * 1024,
    ...(config.documentCacheSize !== undefined ? { documentCacheSize: config.documentCacheSize } : {}),
  });
  if (config.seed) await store.seed(config.seed);
  // Long-polling wake-ups: LISTEN on PostgreSQL (across instances), PGlite's in-process listen otherwise.
  const lite = pgliteOf.get(db);
  const wakeups: InboxWakeups = config.databaseUrl ? await postgresWakeups(config.databaseUrl, (m) => console.warn(m)) : await pgliteWakeups(lite!);
  // Background work on a timer, by one instance at a time (PostgreSQL advisory lock; PGlite: this instance).
  const backgroundOptions: ConstructorParameters<typeof Background>[1] = {
    intervalMs: config.backgroundIntervalMs ?? 60_000,
    log: (m) => console.warn(m),
  };
  if (config.databaseUrl) backgroundOptions.databaseUrl = config.databaseUrl;
  if (config.now) backgroundOptions.now = config.now;
  const background = new Background(
    hubJobs(db, { nonceTtlMs: nonceTtlMs(config.maxSkewMs ?? 5 * 60_000), axisRetentionMs: axisReplayRetentionMs(config.axisMaxAgeMs ?? 5 * 60_000) }),
    backgroundOptions,
  ).start();
  const metrics = config.metrics ?? new HubMetrics();
  metrics.background = background;
  // The listening URL is the default public URL of /openapi.json (never the request's Host header).
  const appOptions: AppOptions & { wakeups: InboxWakeups } = { ...config, wakeups, metrics };
  const app = createApp(store, appOptions);
  const host = config.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: config.trust ? withTrustRoutes(app.fetch, config.trust) : app.fetch, port: config.port ?? 0, hostname: host }, () => resolve(s));
  });
  // Read timeouts: a sender that has not finished its headers within `headersTimeoutMs` (HUB_HEADERS_TIMEOUT_MS,
  // default 10 s) or its whole request within `requestTimeoutMs` (HUB_REQUEST_TIMEOUT_MS, default 120 s) is cut off,
  // so slow senders (slowloris) cannot hold connections open.
  if ('headersTimeout' in server) {
    const requestTimeout = config.requestTimeoutMs ?? 120_000;
    server.headersTimeout = Math.min(config.headersTimeoutMs ?? 10_000, requestTimeout);
    server.requestTimeout = requestTimeout;
  }
  const addr = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  appOptions.publicUrl ??= `http://${shownHost}:${addr.port}`;
  return {
    url: `http://${shownHost}:${addr.port}`,
    store,
    wakeups,
    background,
    /**
     * Graceful: stops accepting, lets the requests in flight finish (idle keep-alive connections are closed at once),
     * and after `graceMs` (default 10 s) cuts what is left; then closes the database.
     */
    async close(graceMs = 10_000) {
      // Long polls answer at once (an empty page) instead of holding the shutdown.
      const closingWakeups = wakeups.close();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await closingWakeups;
      await background.stop();
      await store.close();
    },
  };
}
