/// <reference types="node" />
// The real-server harness of the office elements' browser tests (Node side, run inside the Vitest process).
//
// One sandbox hub (apps/exchange-hub's main, a child process, PGlite in memory) and one office server
// (@egov-vn/office-server's createOfficeServer, PGlite in memory, its test identity provider) serving two agencies on
// that hub: A (Sở Nội vụ, the sender) and B (Sở Tài chính, the receiver). Started lazily by the first test that asks
// (so a run without real-server tests pays nothing), once per Vitest process, shared by every test file; stopped
// when the process exits. Browser tests reach it through Vitest browser commands (see ./real-office.browser.ts):
// the base URL of the gateway, a fresh token per user (the way a host's getToken does), a send from A to B through
// the hub, and plain calls for setup and assertions.
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createOfficeServer, type OfficeServer } from '@egov-vn/office-server';
import { createTestIdentityProvider, minimalPdf, type TestIdentityProvider, type TestUser } from '@egov-vn/office-server/testing';
import { formatIsoDate, todayInVietnam } from '@egov-vn/schemas';
import { freePort, startMain } from '@egov-vn/vitest-config/processes';
import { Hono } from 'hono';
import { cors } from 'hono/cors';

export const AGENCY_A = { code: '000.00.02.H49', name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV' } as const;
export const AGENCY_B = { code: '000.00.03.H49', name: 'Sở Tài chính tỉnh Quảng Ninh', abbreviation: 'STC' } as const;
const SECRET_A = 'office-elements-real-secret-A-5c1e';
const SECRET_B = 'office-elements-real-secret-B-9a7d';

/** The users of the harness, by key: `clerkA` (văn thư of A), `leaderB`, `officerB`, … */
export const realUsers = {
  clerkA: { id: 'vanthu.snv', name: 'Trần Thị Gửi', agency: AGENCY_A.code, roles: ['vanThu'], title: 'Văn thư' },
  leaderA: { id: 'lanhdao.snv', name: 'Nguyễn Văn Ký', agency: AGENCY_A.code, roles: ['lanhDao'], title: 'Giám đốc' },
  officerA: { id: 'chuyenvien.snv', name: 'Lê Văn Soạn', agency: AGENCY_A.code, roles: ['chuyenVien'], title: 'Chuyên viên' },
  clerkB: { id: 'vanthu.stc', name: 'Phạm Thị Nhận', agency: AGENCY_B.code, roles: ['vanThu'], title: 'Văn thư' },
  leaderB: { id: 'lanhdao.stc', name: 'Hoàng Văn Chỉ Đạo', agency: AGENCY_B.code, roles: ['lanhDao'], title: 'Giám đốc' },
  officerB: { id: 'chuyenvien.stc', name: 'Đỗ Văn Xử Lý', agency: AGENCY_B.code, roles: ['chuyenVien'], title: 'Chuyên viên' },
  officer2B: { id: 'chuyenvien2.stc', name: 'Vũ Thị Phối Hợp', agency: AGENCY_B.code, roles: ['chuyenVien'], title: 'Chuyên viên' },
} satisfies Record<string, TestUser>;
export type RealUserKey = keyof typeof realUsers;

export interface RealOffice {
  /** The office server's base URL (the gateway the elements call), CORS open to the test page. */
  url: string;
  hubUrl: string;
  server: OfficeServer;
  idp: TestIdentityProvider;
  /** Hub and server log lines (for a failing test's message; never contains a secret: tested by the server). */
  logs: string[];
  close(): Promise<void>;
}

const appsDir = join(import.meta.dirname, '..', '..', '..', 'apps');

/** apps/exchange-hub's main as a child process (the way it runs), seeded with the systems of A and B. */
function startHub(port: number, logs: string[]): Promise<{ url: string; child: ChildProcess }> {
  const seed = {
    systems: [
      { systemId: 'snv.office-elements', secret: SECRET_A, agencies: [{ code: AGENCY_A.code, name: AGENCY_A.name }] },
      { systemId: 'stc.office-elements', secret: SECRET_B, agencies: [{ code: AGENCY_B.code, name: AGENCY_B.name }] },
    ],
  };
  const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'memory://', HUB_SEED: JSON.stringify(seed), DATABASE_URL: '' };
  return startMain(join(appsDir, 'exchange-hub'), { env, logs, name: 'exchange hub' });
}

// One harness per process, even if this module is loaded twice (the commands and the global teardown load it apart).
const slot = globalThis as { [key: symbol]: Promise<RealOffice> | undefined };
const KEY = Symbol.for('egov-vn.office-elements.real-office');

/** The harness, started on first use (hub + office server), then shared. */
export function realOffice(): Promise<RealOffice> {
  slot[KEY] ??= start();
  return slot[KEY];
}

/** Stops the harness if it was started (the browser project's global teardown). */
export async function stopRealOffice(): Promise<void> {
  const running = slot[KEY];
  slot[KEY] = undefined;
  if (running) await (await running).close();
}

async function start(): Promise<RealOffice> {
  const logs: string[] = [];
  // The hub and the office server start side by side (each compiles PGlite): the server knows the hub's port ahead.
  const hubUrl = `http://127.0.0.1:${await freePort()}`;
  const hubStarting = startHub(Number(new URL(hubUrl).port), logs);
  const idp = await createTestIdentityProvider({ issuer: 'https://idp.office-elements.test', audience: 'egov-office' });
  const serverStarting = createOfficeServer({
    agencies: [
      { ...AGENCY_A, exchange: { baseUrl: hubUrl, systemId: 'snv.office-elements', secret: SECRET_A } },
      { ...AGENCY_B, exchange: { baseUrl: hubUrl, systemId: 'stc.office-elements', secret: SECRET_B } },
    ],
    auth: { jwt: { issuer: idp.issuer, audience: idp.audience, jwks: idp.jwks } },
    database: { dataDir: 'memory://' },
    users: Object.values(realUsers),
    background: { pollIntervalMs: 250 },
    log: (line) => logs.push(line),
  });
  const [hub, server] = await Promise.all([hubStarting, serverStarting]);
  const kill = () => hub.child.kill('SIGTERM');
  process.once('exit', kill);
  // The test page's origin is Vitest's own server (its port is picked at run time): the harness answers CORS for any
  // loopback origin. A real deployment names its portals (createOfficeServer's corsOrigins).
  const app = new Hono();
  app.use('*', cors({ origin: (o) => (/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(o) ? o : null), allowHeaders: ['authorization', 'content-type'], exposeHeaders: ['content-disposition'] }));
  app.route('/', server.app);
  const http = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url,
    hubUrl: hub.url,
    server,
    idp,
    logs,
    async close() {
      await new Promise((r) => http.close(r));
      await server.close();
      kill();
      process.off('exit', kill);
    },
  };
}

/** A token of a harness user, from the test identity provider (RS256, 10 minutes unless `expiresIn`). */
export async function realToken(user: RealUserKey, expiresIn?: string): Promise<string> {
  const office = await realOffice();
  return office.idp.issue(realUsers[user], expiresIn ? { expiresIn } : {});
}

/** One call to the office server as a user; answers status and JSON body (or text). */
export async function realCall(user: RealUserKey, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const office = await realOffice();
  const res = await office.server.fetch(
    new Request(`${office.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await realToken(user)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (CSV, PDF): the text
  }
  return { status: res.status, body: parsed };
}

async function ok(user: RealUserKey, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const r = await realCall(user, method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status}: ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body as Record<string, unknown>;
}

/** A small valid one-page PDF (the office server's test PDF), and an incremental update of it (what a seal appends). */
export function samplePdf(text: string): { signed: Buffer; sealed: Buffer } {
  const signed = Buffer.from(minimalPdf(text));
  const body = signed.toString('latin1');
  const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(body)?.[1]);
  const size = Number(/\/Size (\d+)/.exec(body)?.[1]);
  if (!Number.isInteger(xref) || !Number.isInteger(size)) throw new Error('minimalPdf changed: no startxref or /Size');
  // the update: an Info dictionary as the next object, its cross-reference section, a trailer pointing back (/Prev)
  const infoAt = signed.length;
  let update = `${size} 0 obj\n<</Producer(egov-vn office-elements test seal)>>\nendobj\n`;
  const xref2 = infoAt + update.length;
  update += `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(infoAt).padStart(10, '0')} 00000 n \n`;
  update += `trailer\n<</Size ${size + 1}/Root 1 0 R/Info ${size} 0 R/Prev ${xref}>>\nstartxref\n${xref2}\n%%EOF\n`;
  return { signed, sealed: Buffer.concat([signed, Buffer.from(update, 'latin1')]) };
}

export interface SentDocument {
  /** The outgoing document at A. */
  outgoingId: string;
  /** The document's id on the exchange. */
  exchangeId: string;
  notation: string;
  subject: string;
  /** The incoming document at B, once B's background worker received it (when `arrive` was not false). */
  incomingId: string | undefined;
}

/**
 * Agency A sends a document to B through the hub, the whole way a real office does it: A's officer drafts, the leader
 * signs, the clerk numbers, seals and sends; then (unless `arrive: false`) waits until B's background worker received it.
 */
export async function realSend(options: { subject: string; arrive?: boolean; urgency?: string }): Promise<SentDocument> {
  await realOffice();
  const { signed, sealed } = samplePdf(options.subject);
  const document = {
    type: 'congVan',
    issuer: { name: AGENCY_A.name, abbreviation: AGENCY_A.abbreviation, code: AGENCY_A.code },
    symbol: 'SNV-VP',
    place: 'Quảng Ninh',
    date: formatIsoDate(todayInVietnam()),
    subject: options.subject,
    content: `Nội dung: ${options.subject}.`,
    signer: { position: 'Giám đốc', fullName: realUsers.leaderA.name },
    recipients: [{ name: AGENCY_B.name, agencyCode: AGENCY_B.code }],
  };
  const draft = await ok('officerA', 'POST', '/v1/drafts', { document, recipients: [AGENCY_B.code] });
  const id = String(draft.id);
  await ok('officerA', 'POST', `/v1/drafts/${id}/submit`, { signer: realUsers.leaderA.id });
  await ok('leaderA', 'POST', `/v1/drafts/${id}/sign`, { pdf: signed.toString('base64') });
  const numbered = await ok('clerkA', 'POST', `/v1/drafts/${id}/number`, {});
  await ok('clerkA', 'POST', `/v1/drafts/${id}/seal`, { pdf: sealed.toString('base64') });
  const sent = await ok('clerkA', 'POST', `/v1/drafts/${id}/send`, {});
  const exchangeId = String(sent.exchangeId);
  let incomingId: string | undefined;
  if (options.arrive !== false) {
    incomingId = await eventually(async () => {
      const page = await ok('clerkB', 'GET', `/v1/incoming?limit=200`);
      return (page.items as Array<{ id: string; exchangeId: string }>).find((i) => i.exchangeId === exchangeId)?.id;
    }, `the arrival of ${exchangeId} at B`);
  }
  return { outgoingId: String(sent.id), exchangeId, notation: String(numbered.notation), subject: options.subject, incomingId };
}

/** Polls `fn` until it answers something (or throws after `ms`). */
export async function eventually<T>(fn: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
