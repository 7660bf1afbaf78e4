// The contract suite against the real hub: a fresh PGlite database, a random port.
import { contractSuite } from './contract.js';
import { startHub } from './server.js';
import { seed } from './test-support.js';

contractSuite('hub (PGlite)', async () => {
  const hub = await startHub({ port: 0, seed, maxPackageBytes: 64 * 1024 });
  return { baseUrl: hub.url, close: () => hub.close() };
});
