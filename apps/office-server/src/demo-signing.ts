// DEMO ONLY — labelled as such wherever it shows: server-side remote signing for the demo agencies, so the demo portal
// signs without any private key in the browser. A CSC API v2 mock (`@egov-vn/pdf-signature/testing`) holds the demo
// keys that the sandbox hub made (its demo CA, served at the hub's /v1/trust-anchors, whose TSA is the hub's /demo/tsa),
// and the signing relay (`@egov-vn/pdf-signature/relay`) in front of it authenticates portal users with this server's
// own JWTs and keeps the service's client secret here. A real deployment mounts the relay against its CA's remote
// signing service instead (see the README).
//
//   POST   /demo/signing/relay/credentials          the signed-in user's credentials
//   POST   /demo/signing/relay/transactions         { credentialID, hashes[], hashAlgorithm, description? }
//   GET    /demo/signing/relay/transactions/:id     waiting | signed | rejected | expired | failed | cancelled
//   DELETE /demo/signing/relay/transactions/:id     cancels
//   GET    /demo/signing/phone[?user=…]             the labelled DEMO page standing in for the signer's phone
//   GET    /demo/signing/phone/pending[?user=…]     the same as JSON (for tests)
//   GET    /demo/signing                            what is mounted, and whether the demo keys are loaded
//
// Credentials by agency and role: a leader (lanhDao) signs with the agency leader's personal certificate (kind
// "approve"); a clerk (vanThu) seals with the agency's organisation certificate. Both are confirmed on the phone page.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { jwtAuthenticator } from '@egov-vn/office-server';
import type { TestIdentityProvider } from '@egov-vn/office-server/testing';
import { createSigningRelay } from '@egov-vn/pdf-signature/relay';
import { createCscMock, type CscMock, type CscMockCredential } from '@egov-vn/pdf-signature/testing';
import { Hono } from 'hono';

/** Where the sandbox hub keeps its demo PKI when started with `pnpm --filter @egov-vn/exchange-hub start` (its cwd). */
export const DEFAULT_DEMO_PKI_DIR = join(import.meta.dirname, '..', '..', 'exchange-hub', '.data', 'demo-pki');

/** The relay's user id for a signing role of an agency (the CSC mock's credential owner). */
export const signingUserID = (role: 'lanhDao' | 'vanThu', agency: string): string => `${role}@${agency}`;

export interface DemoSigningOptions {
  /** The demo identity provider whose tokens the relay accepts (the same as the office API's). */
  idp: Pick<TestIdentityProvider, 'issuer' | 'audience' | 'jwks'>;
  /** Directory of the hub's demo PKI (kit.json); default DEFAULT_DEMO_PKI_DIR. Relative paths resolve against the cwd. */
  pkiDir?: string;
  /** Origins allowed to call the relay from a browser (the portal). */
  allowOrigins?: readonly string[];
  /** The relay's client secret at the CSC mock (default: random per start). Never sent to a browser. */
  clientSecret?: string;
  /** How long the signer has to confirm on the phone page (default 120 000 ms). */
  confirmTimeoutMs?: number;
  /** How often the kit file is looked for / re-read when the hub remakes it (default 1000 ms). */
  watchIntervalMs?: number;
}

export interface DemoSigning {
  app: Hono;
  /** Stops looking for the kit file. */
  close(): void;
}

interface KitKey {
  chain: string[];
  privateKeyPkcs8: string;
}
interface KitAgency {
  code: string;
  name: string;
  signer: KitKey & { fullName: string; position: string };
  seal: KitKey;
}

const isKey = (k: unknown): k is KitKey =>
  typeof k === 'object' && k !== null && Array.isArray((k as KitKey).chain) && (k as KitKey).chain.every((c) => typeof c === 'string') && typeof (k as KitKey).privateKeyPkcs8 === 'string';

/** The agencies of kit.json (only what signing needs), or a reason it cannot be used. */
function parseKit(text: string): KitAgency[] | string {
  let kit: unknown;
  try {
    kit = JSON.parse(text);
  } catch {
    return 'kit.json is not JSON';
  }
  const agencies = (kit as { agencies?: unknown } | null)?.agencies;
  if (!Array.isArray(agencies) || agencies.length === 0) return 'kit.json has no agencies';
  for (const a of agencies as KitAgency[]) {
    if (typeof a.code !== 'string' || typeof a.name !== 'string' || !isKey(a.signer) || !isKey(a.seal) || typeof a.signer.fullName !== 'string') {
      return 'kit.json: an agency without signer or seal';
    }
  }
  return agencies as KitAgency[];
}

function der(pem: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(Buffer.from(pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
}

async function identity(key: KitKey): Promise<CscMockCredential['identity']> {
  // Extractable: the mock signs a received digest with raw RSA (test and demo use only).
  const privateKey = await crypto.subtle.importKey('pkcs8', der(key.privateKeyPkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
  return { privateKey, chain: key.chain.map(der) };
}

async function credentialsOf(agencies: KitAgency[]): Promise<CscMockCredential[]> {
  const out: CscMockCredential[] = [];
  for (const a of agencies) {
    out.push({
      credentialID: `${a.code}/lanh-dao`,
      userID: signingUserID('lanhDao', a.code),
      identity: await identity(a.signer),
      multisign: 20,
      description: `${a.signer.fullName} — ${a.signer.position}, ${a.name} (DEMO)`,
    });
    out.push({
      credentialID: `${a.code}/co-quan`,
      userID: signingUserID('vanThu', a.code),
      identity: await identity(a.seal),
      multisign: 20,
      description: `${a.name} — chữ ký số của cơ quan / agency seal (DEMO)`,
    });
  }
  return out;
}

const unavailable = (detail: string): Response =>
  Response.json(
    {
      error: {
        code: 'DEMO_PKI_MISSING',
        vi: `Chưa có khoá thử nghiệm của trục (hãy chạy trục thử nghiệm trước): ${detail}`,
        en: `The hub's demo keys are not there yet (start the sandbox hub first): ${detail}`,
      },
    },
    { status: 503, headers: { 'retry-after': '2' } },
  );

/**
 * The demo signing service and relay, mounted by the office server at `/demo/signing` in DEMO mode. Reads the hub's
 * `kit.json` from disk (never serves it), waiting for the hub to write it and re-reading it when the hub remakes it.
 */
export function createDemoSigning(options: DemoSigningOptions): DemoSigning {
  const dir = options.pkiDir ? (isAbsolute(options.pkiDir) ? options.pkiDir : resolve(options.pkiDir)) : DEFAULT_DEMO_PKI_DIR;
  const file = join(dir, 'kit.json');
  const clientId = 'egov-office-demo';
  const clientSecret = options.clientSecret ?? Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64url');
  const verify = jwtAuthenticator({ issuer: options.idp.issuer, audience: options.idp.audience, jwks: options.idp.jwks });

  let loaded: { mtimeMs: number; size: number; mock: CscMock; relay: { fetch(request: Request): Response | Promise<Response> } } | undefined;
  let problem = `${file} not found`;
  let loading: Promise<void> | undefined;

  const load = (): Promise<void> => {
    loading ??= (async () => {
      let stat;
      try {
        stat = statSync(file);
      } catch {
        problem = `${file} not found`;
        return;
      }
      if (loaded && loaded.mtimeMs === stat.mtimeMs && loaded.size === stat.size) return;
      const agencies = parseKit(readFileSync(file, 'utf8'));
      if (typeof agencies === 'string') {
        problem = agencies; // the hub may be writing it right now: try again on the next look
        return;
      }
      const mock = createCscMock({ credentials: await credentialsOf(agencies), clients: [{ clientId, clientSecret }], confirmExpiresInMs: options.confirmTimeoutMs ?? 120_000 });
      const relay = createSigningRelay({
        // The mock is called in process: its CSC API is not reachable from outside, only its phone page is.
        service: { baseUrl: 'http://demo-csc.invalid', clientId, clientSecret, fetch: (input, init) => Promise.resolve(mock.app.fetch(new Request(input, init))) },
        async authenticate(request) {
          try {
            const user = await verify(request);
            if (!user) return undefined;
            // By agency and role: a leader signs with the leader's certificate, a clerk with the agency's seal.
            const role = user.roles.includes('lanhDao') ? 'lanhDao' : user.roles.includes('vanThu') ? 'vanThu' : undefined;
            return { userID: role ? signingUserID(role, user.agency) : `none@${user.agency}` };
          } catch {
            return undefined;
          }
        },
        ...(options.confirmTimeoutMs ? { confirmTimeoutMs: options.confirmTimeoutMs } : {}),
        ...(options.allowOrigins?.length ? { allowOrigins: options.allowOrigins } : {}),
      });
      loaded = { mtimeMs: stat.mtimeMs, size: stat.size, mock, relay };
    })().finally(() => {
      loading = undefined;
    });
    return loading;
  };

  const timer = setInterval(() => void load().catch(() => undefined), options.watchIntervalMs ?? 1000);
  timer.unref();
  void load().catch(() => undefined);

  const app = new Hono();
  app.get('/', async (c) => {
    await load().catch(() => undefined);
    return c.json({
      demo: true,
      note: 'DEMO: remote signing against a CSC v2 mock holding the sandbox hub demo keys. / Ký số từ xa thử nghiệm.',
      relay: 'relay',
      phone: 'phone',
      ready: loaded !== undefined,
      ...(loaded ? {} : { problem }),
    });
  });
  app.all('/relay/*', async (c) => {
    if (!loaded) await load().catch(() => undefined);
    if (!loaded) return unavailable(problem);
    const url = new URL(c.req.url);
    url.pathname = url.pathname.replace(/^.*?\/relay(?=\/|$)/, '');
    return loaded.relay.fetch(new Request(url, c.req.raw));
  });
  const phone = async (c: { req: { url: string; raw: Request } }): Promise<Response> => {
    if (!loaded) await load().catch(() => undefined);
    if (!loaded) return unavailable(problem);
    const url = new URL(c.req.url);
    url.pathname = url.pathname.replace(/^.*?(?=\/phone(?:\/|$))/, '');
    return loaded.mock.app.fetch(new Request(url, c.req.raw));
  };
  app.get('/phone', phone);
  app.get('/phone/pending', phone);
  app.post('/phone/:handle/:action{approve|reject}', phone);

  return {
    app,
    close() {
      clearInterval(timer);
    },
  };
}
