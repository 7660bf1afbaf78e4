// The axis signing runs on WebCrypto: the recorded check values hold in a real browser (Chromium) too.
import { describe, expect, it } from 'vitest';
import { axisHashFile, axisRequestHeaders } from './axis.js';

describe('axis signing in the browser', () => {
  it('rebuilds the recorded request headers and the unpadded hash-file', async () => {
    const headers = await axisRequestHeaders(
      'testsecret',
      { systemId: '000.00.00.H41', contentType: 'application/json', params: [['docId', 'abc123'], ['status', 'done']], now: new Date(Date.UTC(2026, 10, 23, 3, 57, 58, 91)) },
      { userAgent: false },
    );
    expect(Object.fromEntries(headers)['XroadVnpt-hash-header']).toBe('07a773085a997b21756ca0851d51a293d28573937df1542092ff585a9af9a6ee');
    // SHA-256('') = e3b0c442 98fc1c14 9afbf4c8 996fb924 27ae41e4 649b934c a495991b 7852b855: no byte below 0x10 …
    expect(await axisHashFile('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // … SHA-256('abc') = ba7816bf 8f01cfea …: 0x01 is written "1".
    expect((await axisHashFile('abc')).slice(0, 15)).toBe('ba7816bf8f1cfea');
  });
});
