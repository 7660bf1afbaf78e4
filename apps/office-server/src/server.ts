// Starts the office server on a port: the configuration file (OFFICE_CONFIG) or, without one, the labelled demo.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createOfficeServer, loadOfficeConfig, type OfficeServer, type OfficeServerOptions } from '@egov-vn/office-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { createDemoIdentityProvider, demoIdpRoutes, demoOptions } from './demo.js';
import { createDemoSigning, type DemoSigning } from './demo-signing.js';

/** The office server's port beside the hub in `pnpm start` (the hub is on 8787, the portal on 5173). */
export const DEFAULT_OFFICE_PORT = 8788;
/** Browser origins allowed by default in the demo: the portal (`pnpm start`) and Storybook. */
export const DEMO_CORS_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:6006', 'http://localhost:6006'];

export interface RunningOffice {
  url: string;
  office: OfficeServer;
  demo: boolean;
  /** Resolves when every exchange endpoint answered and receiving started. */
  exchangeReady: Promise<void>;
  close(): Promise<void>;
}

export interface StartOfficeOptions {
  /**
   * `pnpm start` runs every app with one environment: the hub owns PORT, DATA_DIR and DATABASE_URL there, so the
   * office server reads OFFICE_PORT (default 8788), OFFICE_DATA_DIR and OFFICE_DATABASE_URL instead, and finds the
   * hub on PORT (default 8787) unless HUB_URL says otherwise.
   */
  besideHub?: boolean;
  /** Log lines (default console.log). */
  log?: (line: string) => void;
  /** Interval between two tries to reach the exchange at start (default 1 s). */
  retryMs?: number;
}

/** The settings `startOffice` reads, after the `besideHub` renaming. */
export function officeEnv(env: Record<string, string | undefined>, besideHub = false) {
  const pick = (name: string) => (besideHub ? env[`OFFICE_${name}`] : env[name]);
  const portText = pick('PORT');
  const port = portText ? Number(portText) : DEFAULT_OFFICE_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT không hợp lệ / invalid PORT: ${portText}`);
  const hubUrl = env.HUB_URL ?? `http://127.0.0.1:${besideHub && env.PORT ? env.PORT : '8787'}`;
  const databaseUrl = pick('DATABASE_URL');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    hubUrl,
    database: databaseUrl ? { databaseUrl } : { dataDir: pick('DATA_DIR') ?? '.data/office' },
    config: env.OFFICE_CONFIG,
    corsOrigins: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    pollIntervalMs: env.POLL_INTERVAL_MS ? Number(env.POLL_INTERVAL_MS) : undefined,
  };
}

/** Waits until `url` answers (any HTTP status), trying every `retryMs`; logs once, then every 30 s. */
async function waitForHttp(url: string, what: string, retryMs: number, signal: AbortSignal, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  let lastLog = 0;
  while (!signal.aborted) {
    try {
      await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]) });
      if (lastLog) log(`  ${what} trả lời / answers at ${url} (after ${Math.round((Date.now() - started) / 1000)} s)`);
      return;
    } catch {
      if (Date.now() - lastLog >= 30_000) {
        log(`  Đang chờ / waiting for ${what} at ${url} (receiving starts when it answers)`);
        lastLog = Date.now();
      }
    }
    await new Promise((r) => setTimeout(r, retryMs));
  }
}

/** Reads PORT, HOST, DATA_DIR, DATABASE_URL, OFFICE_CONFIG, HUB_URL, CORS_ORIGINS, POLL_INTERVAL_MS; listens (port 0: a free one). */
export async function startOffice(env: Record<string, string | undefined>, o: StartOfficeOptions = {}): Promise<RunningOffice> {
  const log = o.log ?? ((line: string) => console.log(line));
  const e = officeEnv(env, o.besideHub);
  const demo = !e.config;
  if (e.database.dataDir && !e.database.dataDir.startsWith('memory://')) mkdirSync(e.database.dataDir, { recursive: true });
  const corsOrigins = e.corsOrigins ?? (demo ? DEMO_CORS_ORIGINS : []);
  const root = new Hono();
  let options: OfficeServerOptions;
  let demoSigning: DemoSigning | undefined;
  if (demo) {
    const idp = await createDemoIdentityProvider();
    options = demoOptions(e.hubUrl, idp, e.database);
    if (corsOrigins.length) root.use('/demo/*', cors({ origin: corsOrigins, credentials: true, allowHeaders: ['authorization', 'content-type'], maxAge: 600 }));
    root.route('/demo/idp', demoIdpRoutes(idp, corsOrigins));
    // DEMO remote signing: relay + CSC mock with the hub's demo keys (DEMO_PKI_DIR), see demo-signing.ts.
    demoSigning = createDemoSigning({ idp, pkiDir: env.DEMO_PKI_DIR, allowOrigins: corsOrigins, clientSecret: env.DEMO_SIGNING_CLIENT_SECRET });
    root.route('/demo/signing', demoSigning.app);
  } else {
    options = loadOfficeConfig(e.config ?? '', env);
    if (o.besideHub) options.database = e.database;
  }
  // Receiving starts once the exchange answers: started together (`pnpm start`), the hub may still be compiling.
  options.background = { enabled: false, ...(e.pollIntervalMs ? { pollIntervalMs: e.pollIntervalMs } : {}) };
  const office = await createOfficeServer(options, { corsOrigins });
  root.route('/', office.app);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: root.fetch, port: e.port, hostname: e.host }, () => resolve(s));
  });
  const addr = server.address() as AddressInfo;
  const shown = e.host === '0.0.0.0' ? '127.0.0.1' : e.host.includes(':') ? `[${e.host}]` : e.host;
  const stop = new AbortController();
  const exchanges = [...new Set(options.agencies.map((a) => a.exchange.baseUrl))];
  const exchangeReady = Promise.all(exchanges.map((url) => waitForHttp(url, demo ? 'the hub' : 'the exchange', o.retryMs ?? 1000, stop.signal, log))).then(() => {
    if (!stop.signal.aborted) office.startBackground();
  });
  return {
    url: `http://${shown}:${addr.port}`,
    office,
    demo,
    exchangeReady,
    async close() {
      stop.abort();
      await exchangeReady;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      demoSigning?.close();
      await office.close();
    },
  };
}
