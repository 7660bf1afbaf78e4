// `egov-vn-cdn serve`: host CDN folders (or their unpacked .tgz) inside a province's network with Node alone. Files
// under `/egov-vn/<version>/` are immutable (content-hashed names, versioned folder): served with a year of caching,
// gzip when the browser accepts it, CORS open (module scripts are fetched in CORS mode from a portal's origin), and
// `nosniff` with exact JavaScript, JSON, font and source-map types.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.pem': 'application/x-pem-file',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const compressible = new Set(['.js', '.mjs', '.json', '.map', '.html', '.css', '.txt', '.svg', '.ttf', '.pem']);

export interface ServeOptions {
  /** The folder served as `/` (it holds `egov-vn/<version>/…`). */
  readonly root: string;
  readonly port?: number;
  readonly host?: string;
  /** Extra response headers for a path (e.g. a Content-Security-Policy for a test page). */
  readonly headers?: (path: string) => Record<string, string> | undefined;
}

export interface CdnServer {
  readonly server: Server;
  /** `http://host:port` */
  readonly url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/** The request handler: GET and HEAD of files under `root`, nothing outside it. */
export function cdnHandler(options: ServeOptions): (req: IncomingMessage, res: ServerResponse) => void {
  // Paths never climb out of `root` (no `..` segment, no NUL); links inside `root` are followed, as the operator made them.
  const root = options.root;
  const gzipCache = new Map<string, { mtime: number; body: Buffer }>();
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed');
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(res, 400, 'Bad Request');
    }
    if (path.includes('\0') || path.split('/').includes('..')) return send(res, 400, 'Bad Request');
    if (path.endsWith('/')) path += 'index.html';
    let file: string;
    let stat: ReturnType<typeof statSync>;
    try {
      file = join(root, path);
      stat = statSync(file);
    } catch {
      return send(res, 404, 'Not Found');
    }
    if (!stat.isFile()) return send(res, 404, 'Not Found');
    const ext = extname(file).toLowerCase();
    const headers: Record<string, string> = {
      'content-type': contentTypes[ext] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': /^\/egov-vn\/\d+\.\d+\.\d+[^/]*\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...options.headers?.(path),
    };
    const gzip = compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip) {
      let cached = gzipCache.get(file);
      if (!cached || cached.mtime !== stat.mtimeMs) {
        cached = { mtime: stat.mtimeMs, body: gzipSync(readFileSync(file), { level: 9 }) };
        gzipCache.set(file, cached);
      }
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': String(cached.body.length) });
      res.end(req.method === 'HEAD' ? undefined : cached.body);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(stat.size) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

/** Start a server for `root`; resolves once it listens (port 0: any free port). */
export function serveCdn(options: ServeOptions): Promise<CdnServer> {
  const server = createServer(cdnHandler(options));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host ?? '127.0.0.1';
      resolve({
        server,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
