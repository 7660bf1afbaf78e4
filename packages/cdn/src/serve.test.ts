import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCdn } from './serve.js';
import type { CdnServer } from './serve.js';

let root: string;
let server: CdnServer;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'egov-cdn-serve-'));
  mkdirSync(join(root, 'egov-vn', '1.2.3'), { recursive: true });
  writeFileSync(join(root, 'egov-vn', '1.2.3', 'loader.js'), 'export const x = 1;\n'.repeat(50));
  writeFileSync(join(root, 'secret.txt'), 'outside the versioned folder but inside root');
  server = await serveCdn({ root, headers: (path) => (path === '/egov-vn/1.2.3/loader.js' ? { 'x-extra': 'yes' } : undefined) });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw request (fetch would normalise `..` away before sending it). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveCdn', () => {
  it('serves versioned files as immutable JavaScript with CORS, nosniff and the page’s extra headers', async () => {
    const res = await get('/egov-vn/1.2.3/loader.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-extra']).toBe('yes');
    expect(res.body.toString()).toContain('export const x = 1;');
  });

  it('gzips when the browser accepts it', async () => {
    const res = await get('/egov-vn/1.2.3/loader.js', { 'accept-encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.length).toBeLessThan(200);
    expect(gunzipSync(res.body).toString()).toBe('export const x = 1;\n'.repeat(50));
  });

  it('refuses to climb out of its root and answers only GET and HEAD', async () => {
    // Dot segments, plain or percent-encoded, are resolved by the URL parser within the root: never above it.
    writeFileSync(join(tmpdir(), 'egov-cdn-above-root.txt'), 'above');
    expect((await get(`/../../../../../../../..${tmpdir()}/egov-cdn-above-root.txt`)).status).toBe(404);
    expect((await get('/egov-vn/%2e%2e/%2e%2e/secret.txt')).body.toString()).toBe('outside the versioned folder but inside root');
    // Encoded slashes would hide a `..` from the URL parser: refused once decoded.
    expect((await get('/egov-vn/..%2F..%2F..%2Fsecret.txt')).status).toBe(400);
    expect((await get('/egov-vn/1.2.3/%00.js')).status).toBe(400);
    expect((await get('/egov-vn/%E0%A4%A.js')).status).toBe(400);
    expect((await get('/egov-vn/1.2.3/missing.js')).status).toBe(404);
    expect((await get('/egov-vn/1.2.3/')).status).toBe(404);
    expect((await get('/egov-vn/1.2.3/loader.js', {}, 'POST')).status).toBe(405);
    const head = await get('/egov-vn/1.2.3/loader.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    // Files outside the versioned folders are served, but never as immutable.
    expect((await get('/secret.txt')).headers['cache-control']).toBe('no-cache');
  });
});
