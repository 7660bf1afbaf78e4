/** An RFC 3161 HTTP endpoint on 127.0.0.1 for tests (Node only). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startTimestampServer(answer: (request: Uint8Array) => Promise<Uint8Array>): Promise<LocalServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      answer(new Uint8Array(Buffer.concat(chunks)))
        .then((body) => {
          res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
          res.end(body);
        })
        .catch(() => {
          res.writeHead(400);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
