// Trust configuration of the sandbox hub: the certificates it accepts as roots for signed documents, served to portals
// at GET /v1/trust-anchors (PEM), and — with the built-in demo seed only — a demo CA with, for each agency, the leader
// who signs and the agency's own certificate (its digital seal), plus a demo RFC 3161 timestamp authority at
// POST /demo/tsa. The demo CA is made once and kept in a directory (DEMO_PKI_DIR, default `.data/demo-pki`), so
// documents signed yesterday still verify today. Its private keys and the systems' secrets stay in that directory
// (for the server-side demo signer and the demo office server); GET /demo/kit.json serves only what a browser may see:
// agency names and codes, signers' names, public certificates and the trust anchors.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoPki, createTimestampResponse, issueCertificate, toPem } from '@egov-vn/pdf-signature/testing';
import { z } from 'zod';
import type { Seed } from './store.js';

/** A demo key with its certificate, issued by the demo CA. */
export interface DemoKey {
  /** PEM of the certificate then the issuing CA (root left out). */
  chain: string[];
  /** Base64 PKCS#8 of the private key (demo only: never do this with a real key). */
  privateKeyPkcs8: string;
}

/** A demo signer: the leader who signs for an agency. */
export interface DemoSigner extends DemoKey {
  fullName: string;
  position: string;
}

/**
 * The demo kit as kept on the hub's disk (`DEMO_PKI_DIR/kit.json`), private keys and system secrets included: read by
 * server-side demo code only (the demo signer, the demo office server). Browsers get {@link PublicDemoKit}.
 */
export interface DemoKit {
  note: string;
  trustAnchors: string[];
  agencies: Array<{
    code: string;
    name: string;
    email: string | null;
    systemId: string;
    secret: string;
    abbreviation: string;
    place: string;
    signer: DemoSigner;
    /** The agency's own certificate (CN = its name): the clerk's digital seal (chữ ký số của cơ quan, tổ chức). */
    seal: DemoKey;
  }>;
  /** The demo timestamp authority's key (EKU timeStamping). Kept in kit.json, never served. */
  timestampAuthority?: DemoKey;
}

/** What GET /demo/kit.json serves: the demo kit without any secret or private key. */
export interface PublicDemoKit {
  note: string;
  trustAnchors: string[];
  agencies: Array<{
    code: string;
    name: string;
    email: string | null;
    systemId: string;
    abbreviation: string;
    place: string;
    signer: { fullName: string; position: string; chain: string[] };
    seal: { chain: string[] };
  }>;
}

/** The public part of the demo kit: names, codes, public certificates; never a system secret nor a private key. */
export function publicDemoKit(kit: DemoKit): PublicDemoKit {
  return {
    note: 'Sandbox demo only: public certificates of the demo CA. The private keys and system secrets stay on the server (DEMO_PKI_DIR, the demo signer, the demo office server). / Chỉ dùng thử: chứng thư công khai; khóa bí mật và mật khẩu hệ thống chỉ nằm ở máy chủ.',
    trustAnchors: kit.trustAnchors,
    agencies: kit.agencies.map((a) => ({
      code: a.code,
      name: a.name,
      email: a.email,
      systemId: a.systemId,
      abbreviation: a.abbreviation,
      place: a.place,
      signer: { fullName: a.signer.fullName, position: a.signer.position, chain: a.signer.chain },
      seal: { chain: a.seal.chain },
    })),
  };
}

export interface TrustConfig {
  /** PEM certificates served at /v1/trust-anchors. */
  trustAnchors: string[];
  /** The demo kit: its public part is served at /demo/kit.json when present, its keys sign timestamps. */
  demoKit?: DemoKit;
}

/** The people who sign for the demo agencies, and the abbreviations their document symbols use. */
export const demoPeople: Record<string, { fullName: string; position: string; abbreviation: string; place: string }> = {
  '000.00.01.H49': { fullName: 'Nguyễn Văn Hùng', position: 'Chánh Văn phòng', abbreviation: 'VPUBND', place: 'Quảng Ninh' },
  '000.00.02.H49': { fullName: 'Trần Thị Lan', position: 'Giám đốc', abbreviation: 'SNV', place: 'Quảng Ninh' },
  '000.00.03.H49': { fullName: 'Lê Minh Tuấn', position: 'Giám đốc', abbreviation: 'STC', place: 'Quảng Ninh' },
};

const KitSchema = z.object({
  note: z.string(),
  trustAnchors: z.array(z.string()).min(1),
  agencies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      systemId: z.string(),
      secret: z.string(),
      abbreviation: z.string(),
      place: z.string(),
      signer: z.object({ fullName: z.string(), position: z.string(), chain: z.array(z.string()), privateKeyPkcs8: z.string() }),
      seal: z.object({ chain: z.array(z.string()), privateKeyPkcs8: z.string() }),
    }),
  ),
  timestampAuthority: z.object({ chain: z.array(z.string()), privateKeyPkcs8: z.string() }),
});

function base64(bytes: ArrayBuffer): string {
  return Buffer.from(bytes).toString('base64');
}

/** The chain (root left out) and exported key of an identity of the demo PKI. */
async function demoKey(id: { chain: readonly Uint8Array[]; privateKey: CryptoKey }): Promise<DemoKey> {
  return { chain: id.chain.slice(0, -1).map((der) => toPem(der)), privateKeyPkcs8: base64(await crypto.subtle.exportKey('pkcs8', id.privateKey)) };
}

/** Makes a demo CA (root → issuing CA) and one signer per agency of the seed. */
export async function createDemoKit(seed: Seed): Promise<DemoKit> {
  const pki = await createDemoPki({ prefix: 'egov-vn Demo' });
  const agencies: DemoKit['agencies'] = [];
  for (const system of seed.systems) {
    for (const agency of system.agencies) {
      const person = demoPeople[agency.code] ?? { fullName: 'Văn thư', position: 'Văn thư', abbreviation: 'VT', place: 'Hà Nội' };
      const id = await issueCertificate(pki.intermediate, { commonName: person.fullName, organization: agency.name });
      const seal = await issueCertificate(pki.intermediate, { commonName: agency.name, organization: agency.name });
      agencies.push({
        code: agency.code,
        name: agency.name,
        email: agency.email ?? null,
        systemId: system.systemId,
        secret: system.secret,
        abbreviation: person.abbreviation,
        place: person.place,
        signer: { fullName: person.fullName, position: person.position, ...(await demoKey(id)) },
        seal: await demoKey(seal),
      });
    }
  }
  return {
    note: 'Sandbox demo only: demo keys and secrets, kept on the server. / Chỉ dùng thử: khóa và mật khẩu mẫu, chỉ giữ ở máy chủ.',
    trustAnchors: [toPem(pki.root.der)],
    agencies,
    timestampAuthority: await demoKey(pki.tsa),
  };
}

/**
 * The demo kit kept in `dir/kit.json`: read when it exists and covers every agency of the seed (with the seed's
 * secrets), otherwise made afresh and written.
 */
export async function loadDemoKit(dir: string, seed: Seed): Promise<DemoKit> {
  const file = join(dir, 'kit.json');
  if (existsSync(file)) {
    const parsed = KitSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) {
      const kit = parsed.data;
      const fits = seed.systems.every((s) =>
        s.agencies.every((a) => kit.agencies.some((k) => k.code === a.code && k.systemId === s.systemId && k.secret === s.secret)),
      );
      if (fits) return kit;
    }
  }
  const kit = await createDemoKit(seed);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(kit, null, 2));
  writeFileSync(join(dir, 'trust-anchors.pem'), kit.trustAnchors.join(''));
  return kit;
}

/** Reads a PEM bundle of trust anchors (TRUST_ANCHORS_FILE) into one PEM string per certificate. */
export function readTrustAnchors(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error(`Không có chứng thư nào trong ${file} / no certificate in ${file}`);
  return blocks.map((b) => `${b}\n`);
}

type FetchHandler = (request: Request, ...rest: never[]) => Response | Promise<Response>;

/** Largest timestamp request accepted (a TimeStampReq is about a hundred bytes). */
const MAX_TIMESTAMP_REQUEST = 16 * 1024;

/** The bytes of a PEM block, or of bare base64. */
function der(pem: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(Buffer.from(pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
}

const authorities = new WeakMap<DemoKey, Promise<{ privateKey: CryptoKey; chain: Uint8Array[] }>>();

/** The demo timestamp authority as the responder needs it: its key, and its chain up to the root. */
function authorityOf(key: DemoKey, anchors: readonly string[]): Promise<{ privateKey: CryptoKey; chain: Uint8Array[] }> {
  let authority = authorities.get(key);
  if (!authority) {
    authority = crypto.subtle
      .importKey('pkcs8', der(key.privateKeyPkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'])
      .then((privateKey) => ({ privateKey, chain: [...key.chain.map(der), ...anchors.slice(0, 1).map(der)] }));
    authorities.set(key, authority);
  }
  return authority;
}

function plain(status: number, vi: string, en: string): Response {
  return new Response(`${vi} / ${en}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** POST /demo/tsa: an RFC 3161 timestamp over HTTP (application/timestamp-query → application/timestamp-reply). */
async function timestampReply(request: Request, key: DemoKey, anchors: readonly string[]): Promise<Response> {
  if (request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() !== 'application/timestamp-query') {
    return plain(415, 'Cần Content-Type: application/timestamp-query', 'Content-Type must be application/timestamp-query');
  }
  if (Number(request.headers.get('content-length') ?? '0') > MAX_TIMESTAMP_REQUEST) return plain(413, 'Yêu cầu quá lớn', 'Request too large');
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.length > MAX_TIMESTAMP_REQUEST) return plain(413, 'Yêu cầu quá lớn', 'Request too large');
  let reply: Uint8Array;
  try {
    reply = await createTimestampResponse(body, await authorityOf(key, anchors));
  } catch {
    return plain(400, 'Yêu cầu dấu thời gian không hợp lệ (TimeStampReq, RFC 3161)', 'Invalid timestamp request (TimeStampReq, RFC 3161)');
  }
  return new Response(reply as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/timestamp-reply', 'cache-control': 'no-store' } });
}

/**
 * Answers GET /v1/trust-anchors, GET /demo/kit.json (the public part of the kit) and POST /demo/tsa; passes every
 * other request to `next`.
 */
export function withTrustRoutes<F extends FetchHandler>(next: F, trust: TrustConfig): F {
  const served = trust.demoKit && JSON.stringify(publicDemoKit(trust.demoKit));
  const handler = (request: Request, ...rest: never[]) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (pathname === '/v1/trust-anchors') {
        return new Response(trust.trustAnchors.join(''), {
          headers: { 'content-type': 'application/x-pem-file; charset=utf-8', 'cache-control': 'no-cache' },
        });
      }
      if (pathname === '/demo/kit.json' && served) {
        return new Response(served, {
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        });
      }
    }
    const authority = trust.demoKit?.timestampAuthority;
    if (request.method === 'POST' && pathname === '/demo/tsa' && authority) return timestampReply(request, authority, trust.demoKit!.trustAnchors);
    return next(request, ...rest);
  };
  return handler as F;
}
