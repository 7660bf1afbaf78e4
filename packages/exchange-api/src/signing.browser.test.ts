// Signing runs on WebCrypto: the same check values in a real browser (Chromium) as in Node.
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, sha256Hex, signatureOf, signRequest } from './signing.js';

describe('signing in the browser', () => {
  it('matches the HMAC-SHA256 check value of the axis notes', async () => {
    const json =
      '{"XroadVnpt-systemid":"000.00.00.H41","XroadVnpt-docId":"abc123","XroadVnpt-timestamp":"23112026T105758+0091","XroadVnpt-Content-Type":"application/json","XroadVnpt-status":"done"}';
    expect(await hmacSha256Hex('testsecret', json)).toBe('07a773085a997b21756ca0851d51a293d28573937df1542092ff585a9af9a6ee');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
  it('signs a request whose signature verifies', async () => {
    const h = await signRequest('s3cret-key', { method: 'GET', pathWithQuery: '/v1/inbox', systemId: 'sys', agency: '000.00.00.G22' });
    expect(h['x-egov-agency']).toBe('000.00.00.G22');
    const again = await signatureOf('s3cret-key', {
      method: 'GET',
      pathWithQuery: '/v1/inbox',
      systemId: 'sys',
      agency: '000.00.00.G22',
      timestamp: h['x-egov-timestamp'] ?? '',
      nonce: h['x-egov-nonce'] ?? '',
      contentSha256: h['x-egov-content-sha256'] ?? '',
    });
    expect(again).toBe(h['x-egov-signature']);
  });
});
