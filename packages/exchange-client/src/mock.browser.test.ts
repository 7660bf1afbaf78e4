// The msw mocks in a real browser, the way a portal team uses them in its own component tests: a service worker
// (msw/browser) answers the client's signed requests from the in-memory exchange. The client itself (ky, WebCrypto
// signing, typed errors) runs in Chromium here.
import { setupWorker } from 'msw/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeClient, ExchangeError } from './index.js';
import { createExchangeMock } from './mock.js';
import { baseUrl, edxmlToReceiver, RECEIVER, twoClients, twoSystemsSeed } from './two-systems.testutil.js';

const mock = createExchangeMock({ baseUrl, seed: twoSystemsSeed });
const worker = setupWorker(...mock.handlers);

beforeAll(async () => {
  // The worker script is served from msw's own package (see vitest.config.ts: publicDir).
  await worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } });
});
afterAll(() => worker.stop());

const edxml = () => edxmlToReceiver('16');

describe('exchange mocks in Chromium (msw service worker)', () => {
  const { sender, receiver } = twoClients();

  it('runs in a real browser behind a service worker', () => {
    expect(navigator.serviceWorker.controller).not.toBeNull();
    expect(navigator.userAgent).toContain('Chrome');
  });

  it('sends a signed document and the recipient finds it in its inbox', async () => {
    const sent = await sender.sendDocument({ edxml: edxml() });
    expect(sent.recipients.map((r) => r.agency)).toEqual([RECEIVER]);
    const inbox = await receiver.listInbox();
    expect(inbox.items.map((i) => i.documentId)).toContain(sent.documentId);
  });

  it('refuses a request signed with the wrong secret with a typed, bilingual error', async () => {
    const intruder = new ExchangeClient({ baseUrl, systemId: 'sys.qn', secret: 'wrong-secret', retries: 0 });
    const error = await intruder.listInbox().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(401);
    expect((error as ExchangeError).messages.vi.length).toBeGreaterThan(0);
  });
});
