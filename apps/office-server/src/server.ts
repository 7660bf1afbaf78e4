// Starts the office server on a port: the configuration file (OFFICE_CONFIG) or, without one, the labelled demo.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createOfficeServer, loadOfficeConfig, type OfficeServer, type OfficeServerOptions } from '@egov-vn/office-server';
import { Hono } from 'hono';
import { createDemoIdentityProvider, demoIdpRoutes, demoOptions } from './demo.js';

export interface RunningOffice {
  url: string;
  office: OfficeServer;
  demo: boolean;
  close(): Promise<void>;
}

/** Reads PORT, HOST, DATA_DIR, DATABASE_URL, OFFICE_CONFIG, HUB_URL, CORS_ORIGINS; listens (port 0: a free one). */
export async function startOffice(env: Record<string, string | undefined>): Promise<RunningOffice> {
  const port = env.PORT ? Number(env.PORT) : 8788;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT không hợp lệ / invalid PORT: ${env.PORT}`);
  const host = env.HOST ?? '127.0.0.1';
  const demo = !env.OFFICE_CONFIG;
  const database = env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR ?? '.data/office' };
  if (database.dataDir && !database.dataDir.startsWith('memory://')) mkdirSync(database.dataDir, { recursive: true });
  const corsOrigins = env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((s) => s.trim()) : demo ? ['http://127.0.0.1:5173', 'http://localhost:5173'] : [];
  const root = new Hono();
  let options: OfficeServerOptions;
  if (demo) {
    const idp = await createDemoIdentityProvider();
    options = demoOptions(env.HUB_URL ?? 'http://127.0.0.1:8787', idp, database);
    root.route('/demo/idp', demoIdpRoutes(idp, corsOrigins));
  } else {
    options = loadOfficeConfig(env.OFFICE_CONFIG ?? '', env);
  }
  if (env.POLL_INTERVAL_MS) options.background = { pollIntervalMs: Number(env.POLL_INTERVAL_MS) };
  const office = await createOfficeServer(options, { corsOrigins });
  root.route('/', office.app);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: root.fetch, port, hostname: host }, () => resolve(s));
  });
  const addr = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${addr.port}`,
    office,
    demo,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await office.close();
    },
  };
}
