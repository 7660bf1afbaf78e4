// The msw mocks in a real browser, the way a portal team uses them in its own component tests: a service worker
// (msw/browser) answers the client's signed requests from the in-memory exchange. The client itself (ky, WebCrypto
// signing, typed errors) runs in Chromium here.
import { buildEdxml } from '@egov-vn/edxml';
import { sampleDocumentPackage } from '@egov-vn/edxml/testing';
import { setupWorker } from 'msw/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeClient, ExchangeError } from './index.js';
import { createExchangeMock } from './mock.js';

const baseUrl = 'https://hub.example.gov.vn';
const SENDER = '000.00.00.G22';
const RECEIVER = '000.00.00.H49';
const seed = {
  systems: [
    { systemId: 'sys.vpcp', secret: 'secret-vpcp-123', agencies: [{ code: SENDER, name: 'Văn phòng Chính phủ' }] },
    { systemId: 'sys.qn', secret: 'secret-qn-123', agencies: [{ code: RECEIVER, name: 'Ủy ban nhân dân tỉnh Quảng Ninh' }] },
  ],
};
const mock = createExchangeMock({ baseUrl, seed });
const worker = setupWorker(...mock.handlers);

beforeAll(async () => {
  // The worker script is served from msw's own package (see vitest.config.ts: publicDir).
  await worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } });
});
afterAll(() => worker.stop());

function edxml(): string {
  const pkg = sampleDocumentPackage('new');
  pkg.header.from = { ...pkg.header.from, organId: SENDER };
  pkg.header.to = [{ organId: RECEIVER, organName: 'Ủy ban nhân dân tỉnh Quảng Ninh' }];
  pkg.header.documentId = `${SENDER},2024/03/12,16/VPCP-TTĐT`;
  return buildEdxml(pkg);
}

describe('exchange mocks in Chromium (msw service worker)', () => {
  const sender = new ExchangeClient({ baseUrl, systemId: 'sys.vpcp', secret: 'secret-vpcp-123', retries: 0 });
  const receiver = new ExchangeClient({ baseUrl, systemId: 'sys.qn', secret: 'secret-qn-123', retries: 0 });

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
