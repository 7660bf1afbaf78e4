// msw 2 handlers backed by an in-memory implementation of the exchange contract: a front end or an agency system can
// develop and test against `@egov-vn/exchange-client` without a running hub.
import { http } from 'msw';
import { MemoryExchange, type MemorySeed } from './memory.js';

export { MemoryExchange, type MemorySeed } from './memory.js';

/** msw request handlers for every route under `baseUrl`, and the in-memory exchange behind them. */
export function createExchangeMock(options: { baseUrl: string; seed: MemorySeed; maxPackageBytes?: number }) {
  const memoryOptions: { maxPackageBytes?: number } = {};
  if (options.maxPackageBytes !== undefined) memoryOptions.maxPackageBytes = options.maxPackageBytes;
  const exchange = new MemoryExchange(options.seed, memoryOptions);
  const base = options.baseUrl.replace(/\/$/, '');
  const handlers = [http.all(`${base}/*`, ({ request }) => exchange.handle(request))];
  return { exchange, handlers };
}
