// The same contract suite against the msw mocks of @egov-vn/exchange-client (proves the mocks follow the contract;
// the hub's own integration tests never use msw).
import { createExchangeMock } from '@egov-vn/exchange-client/mock';
import { setupServer } from 'msw/node';
import { contractSuite } from './contract.js';
import { seed } from './test-support.js';

contractSuite('msw mock', () => {
  const baseUrl = 'http://mock-hub.test';
  const { handlers } = createExchangeMock({ baseUrl, seed, maxPackageBytes: 64 * 1024 });
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return Promise.resolve({
    baseUrl,
    close: () => {
      server.close();
      return Promise.resolve();
    },
  });
});
