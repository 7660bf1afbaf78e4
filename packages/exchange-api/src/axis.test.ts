import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AXIS_USER_AGENT,
  AXIS_VERSION,
  axisHashFile,
  axisHashHeader,
  axisOperations,
  axisRequestHeaders,
  axisSignHeader,
  AxisEnvelopeSchema,
  formatAxisDate,
  formatAxisTimestamp,
  javaHashMapOrder,
  javaStringHash,
  parseAxisDate,
  parseAxisTimestamp,
  splitAxisErrorDesc,
  unpaddedHex,
} from './index.js';

const runs = Number(process.env.EGOV_FUZZ_RUNS ?? 100);

// The recorded example of axis-protocol.md (updateStatus done).
const RECORDED_JSON =
  '{"XroadVnpt-systemid":"000.00.00.H41","XroadVnpt-docId":"abc123","XroadVnpt-timestamp":"23112026T105758+0091","XroadVnpt-Content-Type":"application/json","XroadVnpt-status":"done"}';

describe('axis sign-header', () => {
  it('gives the recorded HMAC of the recorded sign-header', async () => {
    expect(await axisHashHeader('testsecret', RECORDED_JSON)).toBe(
      '07a773085a997b21756ca0851d51a293d28573937df1542092ff585a9af9a6ee',
    );
  });

  it('orders parameters as java.util.HashMap does: the recorded sign-header-key', () => {
    // The SDK puts timestamp and systemid in its map first, then Content-Type, then the caller's JSON.
    expect(javaHashMapOrder(['timestamp', 'systemid', 'Content-Type', 'docId', 'status']).join(';')).toBe(
      'systemid;docId;timestamp;Content-Type;status',
    );
    expect(javaStringHash('hello')).toBe(99162322); // Java's documented value
    expect(javaStringHash('Aa')).toBe(javaStringHash('BB')); // the classic collision
    expect(javaStringHash('')).toBe(0);
  });

  it('rebuilds the recorded sign-header byte for byte from its parameters', () => {
    const params = javaHashMapOrder(['timestamp', 'systemid', 'Content-Type', 'docId', 'status']).map((k) => {
      const v = { timestamp: '23112026T105758+0091', systemid: '000.00.00.H41', 'Content-Type': 'application/json', docId: 'abc123', status: 'done' }[k];
      return [k, v ?? ''] as const;
    });
    expect(axisSignHeader(params)).toBe(RECORDED_JSON);
  });

  it('keeps insertion order inside a bucket and grows like HashMap past 12 keys', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    const order = javaHashMapOrder(keys);
    expect(new Set(order)).toEqual(new Set(keys));
    const bucket = (k: string) => {
      const h = javaStringHash(k);
      return (h ^ (h >>> 16)) & 31; // 20 keys: past 12 the table doubles to 32 buckets
    };
    for (let i = 1; i < order.length; i++) {
      const a = order[i - 1] as string;
      const b = order[i] as string;
      expect(bucket(a) < bucket(b) || (bucket(a) === bucket(b) && keys.indexOf(a) < keys.indexOf(b))).toBe(true);
    }
  });

  it('writes the compact JSON Gson writes, escapes included', () => {
    expect(axisSignHeader([['a', 'x"y\\z\u2028']])).toBe('{"XroadVnpt-a":"x\\"y\\\\z\\u2028"}');
  });

  it('builds request headers in the SDK order with the recorded constants', async () => {
    const now = new Date(Date.UTC(2026, 10, 23, 3, 57, 58, 91));
    const headers = await axisRequestHeaders('testsecret', {
      systemId: '000.00.00.H41',
      contentType: 'application/json',
      params: [
        ['docId', 'abc123'],
        ['status', 'done'],
      ],
      now,
    });
    expect(headers).toEqual([
      ['XroadVnpt-systemid', '000.00.00.H41'],
      ['XroadVnpt-docId', 'abc123'],
      ['XroadVnpt-timestamp', '23112026T105758+0091'],
      ['Content-Type', 'application/json'],
      ['XroadVnpt-Content-Type', 'application/json'],
      ['XroadVnpt-status', 'done'],
      ['XroadVnpt-sign-header-key', 'systemid;docId;timestamp;Content-Type;status'],
      ['XroadVnpt-sign-header', RECORDED_JSON],
      ['XroadVnpt-hash-header', '07a773085a997b21756ca0851d51a293d28573937df1542092ff585a9af9a6ee'],
      ['User-Agent', AXIS_USER_AGENT],
      ['XroadVnpt-version', AXIS_VERSION],
    ]);
    const noUa = await axisRequestHeaders('testsecret', { systemId: 's', contentType: 'application/json', now }, { userAgent: false });
    expect(noUa.some(([k]) => k === 'User-Agent')).toBe(false);
  });

  it('signs any parameters so that an HMAC over the sign-header verifies (node:crypto reference)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }),
        fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z][\w-]{0,12}$/), fc.string({ maxLength: 20 })), {
          selector: (t) => t[0],
          maxLength: 14,
        }),
        async (secret, params) => {
          const headers = await axisRequestHeaders(secret, { systemId: 'sys', contentType: 'application/json', params });
          const get = (n: string) => headers.find(([k]) => k === n)?.[1] ?? '';
          const sign = get('XroadVnpt-sign-header');
          const keys = get('XroadVnpt-sign-header-key').split(';');
          expect(Object.keys(JSON.parse(sign) as object)).toEqual(keys.map((k) => `XroadVnpt-${k}`));
          expect(get('XroadVnpt-hash-header')).toBe(createHmac('sha256', secret).update(sign, 'utf8').digest('hex'));
        },
      ),
      { numRuns: Math.min(runs, 50) },
    );
  });
});

describe('axis hash-file', () => {
  it('drops the zero padding of each byte (0x05 → "5")', () => {
    expect(unpaddedHex(new Uint8Array([0x9b, 0x05, 0x47, 0x49]))).toBe('9b54749');
    expect(unpaddedHex(new Uint8Array([0x00, 0x0f, 0xff]))).toBe('0fff');
  });

  it('equals a reference built from the padded hex of node:crypto, for any body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (body) => {
        const padded = createHash('sha256').update(body).digest('hex');
        const reference = (padded.match(/../g) ?? []).map((byte) => byte.replace(/^0/, '')).join('');
        expect(await axisHashFile(body)).toBe(reference);
      }),
      { numRuns: runs },
    );
  });
});

describe('axis timestamps', () => {
  it('writes ddMMyyyy\'T\'HHmmss+SSSS in Việt Nam time, SSSS the milliseconds', () => {
    expect(formatAxisTimestamp(new Date('2026-11-23T03:57:55.946Z'))).toBe('23112026T105755+0946');
    expect(formatAxisTimestamp(new Date('2026-12-31T17:00:00.000Z'))).toBe('01012027T000000+0000');
  });

  it('reads back what it writes, and nothing else', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        expect(parseAxisTimestamp(formatAxisTimestamp(d))).toBe(d.getTime());
        expect(parseAxisDate(formatAxisDate(d))).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
      { numRuns: runs },
    );
    for (const bad of ['', '2026-11-23T10:57:55Z', '31022026T105755+0946', '23112026T245755+0946', '23112026T105755+1000', '23112026T105755']) {
      expect(parseAxisTimestamp(bad)).toBeUndefined();
    }
    expect(parseAxisDate('32/01/2026 00:00:00')).toBeUndefined();
    expect(parseAxisDate('01/01/2026 07:00:00')).toBe(Date.UTC(2026, 0, 1));
  });
});

describe('axis operations and envelopes', () => {
  it('lists the eleven operations of the protocol', () => {
    expect(Object.keys(axisOperations).sort()).toEqual(
      [
        'sendEdoc',
        'getReceivedEdocList',
        'getSentEdocList',
        'getEdoc',
        'updateStatus',
        'countReceiveEdoc',
        'countReceiveStatus',
        'getAgenciesList',
        'getAgenciesListQD20',
        'registerAgency',
        'deleteAgency',
      ].sort(),
    );
    expect(axisOperations.countReceiveEdoc.method).toBe('GET');
    expect(axisOperations.sendEdoc.contentType).toBe('application/octet-stream');
  });

  it('parses envelopes with numeric error codes and splits vi / en descriptions', () => {
    expect(AxisEnvelopeSchema.parse({ status: 'FAIL', ErrorCode: -1, ErrorDesc: null })).toMatchObject({ ErrorCode: '-1', ErrorDesc: '' });
    expect(splitAxisErrorDesc('Sai chữ ký / Bad signature')).toEqual({ vi: 'Sai chữ ký', en: 'Bad signature' });
    expect(splitAxisErrorDesc('Lỗi')).toEqual({ vi: 'Lỗi', en: 'Lỗi' });
  });
});
