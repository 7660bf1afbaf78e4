// Request authentication: HMAC-SHA256 signed headers per agency system, in the style of the national axis
// (system id + timestamp + hash), with a body hash, a bounded clock skew and a nonce that is accepted once.
import { canonicalRequest, SIGNATURE_HEADERS, timingSafeEqualHex } from '@egov-vn/exchange-api';
import { createHash, createHmac } from 'node:crypto';
import { HubError } from './hub-error.js';
import type { Caller, HubStore } from './store.js';

export interface AuthOptions {
  /** Largest accepted difference between the request timestamp and the hub clock (ms). */
  maxSkewMs: number;
  now?: () => number;
}

/** Remembers nonces for twice the allowed skew; a request older than that is refused by its timestamp anyway. */
export class NonceCache {
  #seen = new Map<string, number>();
  #lastPrune = 0;
  constructor(private readonly ttlMs: number) {}
  /** true the first time a nonce is seen (within its lifetime). */
  add(key: string, now: number): boolean {
    if (now - this.#lastPrune > this.ttlMs / 4 || this.#seen.size > 200_000) {
      for (const [k, exp] of this.#seen) if (exp <= now) this.#seen.delete(k);
      this.#lastPrune = now;
    }
    const exp = this.#seen.get(key);
    if (exp !== undefined && exp > now) return false;
    this.#seen.set(key, now + this.ttlMs);
    return true;
  }
}

export async function authenticate(
  store: HubStore,
  nonces: NonceCache,
  options: AuthOptions,
  req: { method: string; pathWithQuery: string; headers: Headers; body: Uint8Array },
): Promise<Caller> {
  const h = (name: string) => req.headers.get(name) ?? '';
  const systemId = h(SIGNATURE_HEADERS.systemId);
  const timestamp = h(SIGNATURE_HEADERS.timestamp);
  const nonce = h(SIGNATURE_HEADERS.nonce);
  const contentSha256 = h(SIGNATURE_HEADERS.contentSha256).toLowerCase();
  const signature = h(SIGNATURE_HEADERS.signature).toLowerCase();
  const agencyHeader = h(SIGNATURE_HEADERS.agency);
  if (!systemId || !timestamp || !nonce || !contentSha256 || !signature) {
    const missing = Object.values(SIGNATURE_HEADERS).filter((n) => n !== SIGNATURE_HEADERS.agency && !req.headers.get(n));
    throw new HubError('UNAUTHENTICATED', { missing });
  }
  const now = options.now?.() ?? Date.now();
  const ts = Date.parse(timestamp);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(timestamp) || Number.isNaN(ts)) throw new HubError('CLOCK_SKEW', { timestamp });
  if (Math.abs(now - ts) > options.maxSkewMs) {
    throw new HubError('CLOCK_SKEW', { timestamp, serverTime: new Date(now).toISOString(), maxSkewMs: options.maxSkewMs });
  }
  const system = await store.system(systemId);
  const bodyHash = createHash('sha256').update(req.body).digest('hex');
  if (bodyHash !== contentSha256) throw new HubError('BAD_SIGNATURE', { reason: 'content-sha256' });
  // An unknown system gets the same answer as a wrong signature.
  // node:crypto (synchronous) over the contract's canonical request: the same value as the WebCrypto `signatureOf`.
  const expected = system
    ? createHmac('sha256', system.secret)
        .update(
          canonicalRequest({
            method: req.method,
            pathWithQuery: req.pathWithQuery,
            systemId,
            agency: agencyHeader,
            timestamp,
            nonce,
            contentSha256,
          }),
        )
        .digest('hex')
    : '';
  if (!system || !timingSafeEqualHex(expected, signature)) throw new HubError('BAD_SIGNATURE');
  if (!nonces.add(`${systemId}\n${nonce}`, now)) throw new HubError('REPLAYED_REQUEST');
  let agency = agencyHeader;
  if (!agency) {
    if (system.agencies.size !== 1) {
      throw new HubError('VALIDATION_FAILED', { header: SIGNATURE_HEADERS.agency }, {
        vi: `Hệ thống phục vụ nhiều cơ quan: cần nêu cơ quan trong tiêu đề ${SIGNATURE_HEADERS.agency}.`,
        en: `The system serves several agencies: name one in the ${SIGNATURE_HEADERS.agency} header.`,
      });
    }
    agency = [...system.agencies][0] as string;
  } else if (!system.agencies.has(agency)) {
    throw new HubError('FORBIDDEN', { agency }, {
      vi: `Hệ thống không phục vụ cơ quan ${agency}.`,
      en: `The system does not serve agency ${agency}.`,
    });
  }
  return { systemId, agency };
}
