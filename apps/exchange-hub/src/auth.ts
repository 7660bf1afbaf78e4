// Request authentication: HMAC-SHA256 signed headers per agency system, in the style of the national axis
// (system id + timestamp + hash), with a body hash, a bounded clock skew and a nonce that is accepted once (kept in the
// database: a replay after a restart, or on another hub instance, is refused too).
import { canonicalRequest, SIGNATURE_HEADERS, timingSafeEqualHex } from '@egov-vn/exchange-api';
import { createHash, createHmac } from 'node:crypto';
import { HubError } from './hub-error.js';
import { unknownSystem } from './unknown-system.js';
import type { Caller, HubStore } from './store.js';

export interface AuthOptions {
  /** Largest accepted difference between the request timestamp and the hub clock (ms). */
  maxSkewMs: number;
  now?: () => number;
  /** Sandbox (the demo seed or HUB_SANDBOX=1): an unknown system is told so (UNKNOWN_SYSTEM), see unknown-system.ts. */
  sandbox?: boolean;
}

/** Stands in for the secret of an unknown system, so that it costs the same HMAC as a known one. */
const NO_SECRET = 'egov-vn-no-such-system';

/** A caller whose headers are authenticated; its body must still hash to `contentSha256` ({@link checkBodyHash}). */
export interface AuthenticatedHeaders extends Caller {
  contentSha256: string;
}

/**
 * Authenticates a /v1 request by its headers alone, before any body is read: the HMAC over the canonical request
 * (which covers the declared `x-egov-content-sha256`), computed for an unknown system too (same cost, same answer),
 * then the clock skew (after the signature: a stranger learns nothing of the hub clock), then the nonce (once, in the
 * database), then the agency.
 */
/** How long a used /v1 nonce is remembered: a request older than that is refused by its timestamp anyway. */
export function nonceTtlMs(maxSkewMs: number): number {
  return maxSkewMs * 2 + 60_000;
}

export async function authenticate(
  store: HubStore,
  options: AuthOptions,
  req: { method: string; pathWithQuery: string; headers: Headers },
): Promise<AuthenticatedHeaders> {
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
  const system = await store.system(systemId);
  // node:crypto (synchronous) over the contract's canonical request: the same value as the WebCrypto `signatureOf`.
  const expected = createHmac('sha256', system?.secret ?? NO_SECRET)
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
    .digest('hex');
  const signatureOk = timingSafeEqualHex(expected, signature);
  // An unknown system gets the same answer as a wrong signature (in the sandbox: UNKNOWN_SYSTEM and how to find ids).
  if (!system) throw await unknownSystem(store, systemId, options.sandbox, () => new HubError('BAD_SIGNATURE'));
  if (!signatureOk) throw new HubError('BAD_SIGNATURE');
  const now = options.now?.() ?? Date.now();
  const ts = Date.parse(timestamp);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(timestamp) || Number.isNaN(ts) || Math.abs(now - ts) > options.maxSkewMs) {
    throw new HubError('CLOCK_SKEW', { timestamp, maxSkewMs: options.maxSkewMs });
  }
  if (!(await store.useNonce(systemId, nonce, now, nonceTtlMs(options.maxSkewMs)))) throw new HubError('REPLAYED_REQUEST');
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
  return { systemId, agency, contentSha256 };
}

/** The body read after authentication must be the one signed (`x-egov-content-sha256`). */
export function checkBodyHash(auth: AuthenticatedHeaders, body: Uint8Array): void {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  if (bodyHash !== auth.contentSha256) throw new HubError('BAD_SIGNATURE', { reason: 'content-sha256' });
}
