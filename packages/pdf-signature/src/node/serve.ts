/** Serves a fetch-style app (the CSC mock, the signing relay) over real HTTP on 127.0.0.1 for tests and demos. */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { LocalServer } from './tsa-server.js';

export async function serveApp(app: { fetch: (request: Request) => Response | Promise<Response> }, options: { port?: number; hostname?: string } = {}): Promise<LocalServer> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.hostname ?? '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.hostname ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise((resolve) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
