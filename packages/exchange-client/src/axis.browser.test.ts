// createAxisClient in Chromium: WebCrypto signing, no User-Agent of its own (the browser sends its own).
import { describe, expect, it } from 'vitest';
import { createAxisClient } from './index.js';

describe('createAxisClient in the browser', () => {
  it('signs the recorded request and leaves User-Agent to the browser', async () => {
    let headers: Array<[string, string]> = [];
    const c = createAxisClient({
      endpoint: 'https://axis.example.gov.vn/vxp',
      systemId: '000.00.00.H41',
      secret: 'testsecret',
      clock: () => new Date('2026-11-23T03:57:58.091Z'),
      fetch: (_input, init) => {
        headers = init?.headers as Array<[string, string]>;
        return Promise.resolve(new Response('{"status":"OK","ErrorCode":"0","ErrorDesc":"Success"}'));
      },
    });
    await c.updateStatus('abc123', 'done');
    const h = new Map(headers);
    expect(h.get('XroadVnpt-hash-header')).toBe('07a773085a997b21756ca0851d51a293d28573937df1542092ff585a9af9a6ee');
    expect(h.get('XroadVnpt-sign-header-key')).toBe('systemid;docId;timestamp;Content-Type;status');
    expect(h.has('User-Agent')).toBe(false);
  });
});
