// Child process of the benchmark: serves the hub (PGlite in memory) or a bare Hono handler, prints the URL, and
// answers "count" on stdin with the number of stored documents.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { startHub } from '../src/server.js';
import { seed } from '../src/test-support.js';

if (process.argv[2] === 'bare') {
  const bare = new Hono();
  bare.post('/', (c) => c.text('ok'));
  const s = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, () => {
    console.log(`URL http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  });
} else {
  const hub = await startHub({ port: 0, seed });
  console.log(`URL ${hub.url}`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'count') {
      const r = await hub.store.db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      console.log(`COUNT ${r.n}`);
    }
  }
}
