// A `fetch` over node:http that opens a new TCP connection for every request (no keep-alive pool), so that the fault
// proxy, which decides per connection, faults that share of the requests; the clients under test take it through
// their `fetch` option, as they would any custom fetch.
import { request as httpRequest } from 'node:http';

export const connectionPerRequestFetch: typeof fetch = async (input, init) => {
  const req = new Request(input, init);
  const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => {
    headers[k] = v;
  });
  if (body) headers['content-length'] = String(body.length);
  return new Promise<Response>((resolve, reject) => {
    const abort = () => {
      r.destroy();
      reject(req.signal.reason instanceof Error ? req.signal.reason : new DOMException('aborted', 'AbortError'));
    };
    const r = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: req.method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new TypeError('fetch failed', { cause: e })));
        res.on('aborted', () => reject(new TypeError('fetch failed: the answer was cut')));
        res.on('end', () => {
          req.signal.removeEventListener('abort', abort);
          // A body shorter than its Content-Length was cut (node:http ends quietly): a network error, as fetch says.
          const length = res.headers['content-length'];
          const got = chunks.reduce((n, c) => n + c.length, 0);
          if (!res.complete || (length !== undefined && Number(length) !== got)) {
            reject(new TypeError('fetch failed: the answer was cut'));
            return;
          }
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
          const status = res.statusCode ?? 502;
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: h }));
        });
      },
    );
    r.on('error', (e) => reject(new TypeError('fetch failed', { cause: e })));
    if (req.signal.aborted) return abort();
    req.signal.addEventListener('abort', abort, { once: true });
    r.end(body);
  });
};
