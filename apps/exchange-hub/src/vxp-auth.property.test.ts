// fast-check over the axis verifier alone (no database): every request the shared signer builds verifies; changing any
// one signed header, or feeding arbitrary headers, is refused with a HubError (never a raw exception).
import { AXIS_HEADER_PREFIX, axisHashFile, axisOperations, axisRequestHeaders } from '@egov-vn/exchange-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubError } from './hub-error.js';
import type { HubStore } from './store.js';
import { verifyAxisRequest } from './vxp-auth.js';

const runs = Number(process.env.EGOV_FUZZ_RUNS ?? 40);
const SECRET = 'secret-property-1';
const store = {
  system: (id: string) => Promise.resolve(id === 'sys.p' ? { secret: SECRET, agencies: new Set(['000.00.00.G22']) } : undefined),
} as unknown as HubStore;
const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);
const options = { maxAgeMs: 5 * 60_000, now: () => NOW };

const paramName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/).filter((n) => !['systemid', 'timestamp', 'version'].includes(n.toLowerCase()));
// HTTP trims header values: a value the SDK could send has no outer spaces.
const params = fc.uniqueArray(fc.tuple(paramName, fc.stringMatching(/^[\x20-\x7e]{0,24}$/).map((v) => v.trim())), {
  selector: ([k]) => k.toLowerCase(),
  maxLength: 8,
});

async function signed(p: Array<[string, string]>, body: Uint8Array) {
  const all: Array<[string, string]> = [...p, ['hash-file', await axisHashFile(body)]];
  return axisRequestHeaders(SECRET, { systemId: 'sys.p', contentType: 'application/octet-stream', params: all, now: new Date(NOW - 1000) });
}

describe('verifyAxisRequest (property)', () => {
  it('accepts every request the shared signer builds, and hands back its parameters', async () => {
    await fc.assert(
      fc.asyncProperty(params, fc.uint8Array({ maxLength: 64 }), async (p, body) => {
        const headers = new Headers(await signed(p, body));
        const caller = await verifyAxisRequest(store, options, { headers, body, operation: { ...axisOperations.sendEdoc, required: [] } });
        expect(caller.systemId).toBe('sys.p');
        for (const [k, v] of p) expect(caller.param(k)).toBe(v);
      }),
      { numRuns: runs },
    );
  });

  it('refuses a request with any one signed header changed', async () => {
    await fc.assert(
      fc.asyncProperty(params, fc.nat(), fc.stringMatching(/^[\x21-\x7e]{1,8}$/), async (p, pick, junk) => {
        const body = new TextEncoder().encode('<edXML/>');
        const list = await signed(p, body);
        const targets = list.filter(([k]) => k.startsWith(AXIS_HEADER_PREFIX) && k !== `${AXIS_HEADER_PREFIX}version`);
        const [name, value] = targets[pick % targets.length] as [string, string];
        const changed = list.map(([k, v]): [string, string] => [k, k === name ? v + junk : v]);
        const e = await verifyAxisRequest(store, options, {
          headers: new Headers(changed),
          body,
          operation: axisOperations.sendEdoc,
        }).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(e, `${name}: ${value} + ${junk}`).toBeInstanceOf(HubError);
      }),
      { numRuns: runs },
    );
  });

  it('answers arbitrary headers with a HubError, never a raw exception', async () => {
    const anyHeader = fc.tuple(
      fc.constantFrom('systemid', 'timestamp', 'Content-Type', 'version', 'sign-header-key', 'sign-header', 'hash-header', 'hash-file', 'from'),
      fc.oneof(fc.stringMatching(/^[\x20-\x7e]{0,40}$/), fc.json({ maxDepth: 2 })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(anyHeader, { maxLength: 10 }), fc.uint8Array({ maxLength: 16 }), async (hs, body) => {
        const headers = new Headers();
        for (const [k, v] of hs) {
          try {
            headers.set(AXIS_HEADER_PREFIX + k, v);
          } catch {
            // not a byte string: fetch would not send it either
          }
        }
        const e = await verifyAxisRequest(store, options, { headers, body, operation: axisOperations.sendEdoc }).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(e).toBeInstanceOf(HubError);
      }),
      { numRuns: runs },
    );
  });
});
