// Exactly once across a crash: agency A's office server (its real main, a child process) is killed with SIGKILL
// after the hub has taken its send and before the answer reached it. Restarted on the same database, it finds the
// outgoing row still `sending` and sends it again with the same message id: the hub answers it as a duplicate, the
// recipient has the document once, and A's outgoing view shows it sent.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExchangeClient } from '@egov-vn/exchange-client';
import { DraftSchema, OutgoingPageSchema } from '@egov-vn/office-api';
import { createTestIdentityProvider, type TestIdentityProvider, type TestUser } from '@egov-vn/office-server/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startApp, startHub } from './test-processes.js';

const A = '000.00.02.H49';
const B = '000.00.03.H49';
const SECRET_A = 'crash-secret-snv-91c2e7f4';
const SECRET_B = 'crash-secret-stc-3a8d5b60';
const u = {
  officer: { id: 'cv', name: 'Chuyên Viên', agency: A, roles: ['chuyenVien'] },
  leader: { id: 'ld', name: 'Lãnh Đạo', agency: A, roles: ['lanhDao'] },
  clerk: { id: 'vt', name: 'Văn Thư', agency: A, roles: ['vanThu'] },
} satisfies Record<string, TestUser>;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

describe('sending survives SIGKILL mid-send, delivered exactly once', () => {
  let hub: { url: string; child: ChildProcess };
  let office: { url: string; child: ChildProcess } | undefined;
  let idp: TestIdentityProvider;
  let jwks: Server;
  let proxy: Server;
  let proxyUrl = '';
  let env: Record<string, string> = {};
  const logs: string[] = [];
  let dropDb: (() => Promise<void>) | undefined;
  /** While set, a send reaching the proxy is passed to the hub and its answer withheld; resolves when the hub answered. */
  let holdSend: (() => void) | undefined;

  beforeAll(async () => {
    idp = await createTestIdentityProvider({ issuer: 'https://idp.crash', audience: 'egov-office' });
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(idp.jwks));
    });
    const jwksUrl = `${await listen(jwks)}/jwks.json`;
    hub = await startHub(
      {
        systems: [
          { systemId: 'snv.crash', secret: SECRET_A, agencies: [{ code: A, name: 'Sở Nội vụ tỉnh Quảng Ninh' }] },
          { systemId: 'stc.crash', secret: SECRET_B, agencies: [{ code: B, name: 'Sở Tài chính tỉnh Quảng Ninh' }] },
        ],
      },
      logs,
    );
    // A transparent proxy in front of the hub, which can withhold the hub's answer to a send.
    proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers.set(k, v);
        void fetch(`${hub.url}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) }).then(async (r) => {
          const body = Buffer.from(await r.arrayBuffer());
          if (req.method === 'POST' && req.url === '/v1/documents' && holdSend) {
            holdSend();
            return; // never answered: the office server dies waiting
          }
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/octet-stream' });
          res.end(body);
        });
      });
    });
    proxyUrl = await listen(proxy);
    const dir = mkdtempSync(join(tmpdir(), 'egov-office-crash-'));
    writeFileSync(join(dir, 'snv.secret'), `${SECRET_A}\n`);
    writeFileSync(
      join(dir, 'office.json'),
      JSON.stringify({
        agencies: [{ code: A, name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV', exchange: { baseUrl: proxyUrl, systemId: 'snv.crash', secretFile: 'snv.secret' } }],
        auth: { issuer: idp.issuer, audience: idp.audience, jwksUrl },
        users: Object.values(u),
      }),
    );
    env = { PORT: '0', OFFICE_CONFIG: join(dir, 'office.json'), POLL_INTERVAL_MS: '300', DATABASE_URL: '', DATA_DIR: join(dir, 'db') };
    const admin = process.env['TEST_DATABASE_URL'];
    if (admin) {
      const name = `egov_office_crash_${process.pid}_${Date.now()}`;
      const run = async (q: string) => {
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        try {
          await c.query(q);
        } finally {
          await c.end();
        }
      };
      await run(`CREATE DATABASE ${name}`);
      dropDb = () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
    }
    office = await startApp('office-server', env, logs);
  });

  afterAll(async () => {
    office?.child.kill('SIGKILL');
    hub.child.kill('SIGTERM');
    proxy.close();
    jwks.close();
    await dropDb?.();
  });

  async function call<S extends z.ZodType>(who: TestUser, method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    const res = await fetch(`${office?.url ?? ''}${path}`, {
      method,
      headers: { authorization: `Bearer ${await idp.issue(who)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return schema.parse(JSON.parse(text));
  }

  it('is delivered once after the office server is killed mid-send and restarted', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const sealed = Buffer.concat([pdf, Buffer.from('2 0 obj << /Type /Sig >> endobj\n%%EOF\n')]);
    const document = {
      type: 'congVan',
      issuer: { name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV', code: A },
      symbol: 'SNV-TCCB',
      place: 'Quảng Ninh',
      date: '2026-12-01',
      subject: 'cử cán bộ dự tập huấn',
      content: 'Đề nghị cử cán bộ dự tập huấn.',
      signer: { position: 'Giám đốc', fullName: 'Lãnh Đạo' },
      recipients: [{ name: 'Sở Tài chính tỉnh Quảng Ninh', agencyCode: B }],
    };
    const draft = await call(u.officer, 'POST', '/v1/drafts', DraftSchema, { document, recipients: [B] });
    await call(u.officer, 'POST', `/v1/drafts/${draft.id}/submit`, DraftSchema, { signer: u.leader.id });
    await call(u.leader, 'POST', `/v1/drafts/${draft.id}/sign`, DraftSchema, { pdf: pdf.toString('base64') });
    const numbered = await call(u.clerk, 'POST', `/v1/drafts/${draft.id}/number`, DraftSchema, {});
    await call(u.clerk, 'POST', `/v1/drafts/${draft.id}/seal`, DraftSchema, { pdf: sealed.toString('base64') });

    const hubAnswered = new Promise<void>((resolve) => (holdSend = resolve));
    const sending = fetch(`${office?.url ?? ''}/v1/drafts/${draft.id}/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await idp.issue(u.clerk)}`, 'content-type': 'application/json' },
      body: '{}',
    }).then(
      (r) => r.status,
      () => 'connection lost',
    );
    await hubAnswered; // the hub has delivered it; the office server has not heard back
    holdSend = undefined;
    office?.child.kill('SIGKILL');
    expect(await sending).toBe('connection lost');

    office = await startApp('office-server', env, logs);
    const sent = await (async () => {
      for (let i = 0; i < 400; i++) {
        const page = await call(u.clerk, 'GET', '/v1/outgoing', OutgoingPageSchema);
        const item = page.items.find((o) => o.draftId === draft.id);
        if (item?.state === 'sent') return item;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('never sent after the restart');
    })();
    expect(sent.notation).toBe(numbered.notation);

    const b = new ExchangeClient({ baseUrl: hub.url, systemId: 'stc.crash', secret: SECRET_B, agency: B, retries: 0 });
    const inbox = await b.listInbox({ limit: 200 });
    const copies = inbox.items.filter((i) => i.notation === numbered.notation);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.documentId).toBe(sent.exchangeId);
    expect(logs.join('\n')).not.toContain(SECRET_A);
  });
});
