// The contract test suite: the same tests run against the real hub and against the msw mocks of
// @egov-vn/exchange-client, so the mocks cannot drift from the hub.
import { signRequest } from '@egov-vn/exchange-api';
import { ExchangeClient, ExchangeError } from '@egov-vn/exchange-client';
import { formatIsoDate, todayInVietnam } from '@egov-vn/schemas';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { documentPackage, OTHER, PDF, R1, R2, seed, SENDER } from './test-support.js';

export interface ContractTarget {
  baseUrl: string;
  close(): Promise<void>;
}

async function refusal(p: Promise<unknown>): Promise<ExchangeError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ExchangeError);
  return e as ExchangeError;
}

/** Registers the contract tests against a target started by `start` (max package size 64 KiB). */
export function contractSuite(name: string, start: () => Promise<ContractTarget>): void {
  describe(`exchange contract: ${name}`, () => {
    let target: ContractTarget;
    let sender: ExchangeClient;
    let r1: ExchangeClient;
    let r2: ExchangeClient;
    let other: ExchangeClient;
    const client = (systemId: string, agency?: string, extra: { secret?: string } = {}) => {
      const sys = seed.systems.find((s) => s.systemId === systemId);
      return new ExchangeClient({
        baseUrl: target.baseUrl,
        systemId,
        secret: extra.secret ?? sys?.secret ?? 'x',
        retries: 0,
        ...(agency ? { agency } : {}),
      });
    };

    beforeAll(async () => {
      target = await start();
      sender = client('sys.vpcp');
      r1 = client('sys.qn', R1);
      r2 = client('sys.qn', R2);
      other = client('sys.other');
    });
    afterAll(async () => {
      await target.close();
    });

    it('answers health', async () => {
      expect((await sender.health()).ok).toBe(true);
    });

    it('delivers a send to each recipient exactly once, and the sender sees each delivery', async () => {
      const sent = await sender.sendDocument({ edxml: documentPackage({ number: '101' }) });
      expect(sent.duplicate).toBe(false);
      expect(sent.recipients.map((r) => r.agency).sort()).toEqual([R1, R2].sort());
      for (const c of [r1, r2]) {
        const inbox = await c.listInbox({ state: 'pending' });
        expect(inbox.items.filter((i) => i.documentId === sent.documentId)).toHaveLength(1);
        const item = inbox.items.find((i) => i.documentId === sent.documentId);
        expect(item?.from).toBe(SENDER);
        expect(item?.notation).toBe('101/VPCP-TTĐT');
        expect(item?.attachments[0]?.contentType).toBe('application/pdf');
      }
      const listed = await sender.listSent();
      expect(listed.items.some((d) => d.documentId === sent.documentId)).toBe(true);
    });

    it('does not deliver twice a retry with the same message id or idempotency key', async () => {
      const edxml = documentPackage({ number: '102' });
      const a = await sender.sendDocument({ edxml, messageId: 'msg-102-aaaa' });
      const b = await sender.sendDocument({ edxml, messageId: 'msg-102-aaaa' });
      expect(b.duplicate).toBe(true);
      expect(b.documentId).toBe(a.documentId);
      const c = await sender.sendDocument({ edxml }, { idempotencyKey: 'key-102-bbbb' });
      const d = await sender.sendDocument({ edxml }, { idempotencyKey: 'key-102-bbbb' });
      expect(d.documentId).toBe(c.documentId);
      expect(d.duplicate).toBe(true);
      const inbox = await r1.listInbox({ limit: 200 });
      expect(inbox.items.filter((i) => i.documentId === a.documentId)).toHaveLength(1);
      const e = await refusal(sender.sendDocument({ edxml: documentPackage({ number: '103' }), messageId: 'msg-102-aaaa' }));
      expect(e.code).toBe('IDEMPOTENCY_CONFLICT');
      expect(e.status).toBe(409);
    });

    it("sends the package itself as the body (format 'xml'): delivered once, a retry by key is a duplicate, read back byte for byte", async () => {
      const edxml = documentPackage({ number: '107' });
      const xmlSender = new ExchangeClient({ baseUrl: target.baseUrl, systemId: 'sys.vpcp', secret: 'secret-vpcp-123', retries: 0, sendFormat: 'xml' });
      const a = await xmlSender.sendDocument({ edxml }, { idempotencyKey: 'xml-107-aaaa' });
      expect(a).toMatchObject({ duplicate: false, messageId: 'xml-107-aaaa' });
      expect(a.recipients.map((r) => r.agency).sort()).toEqual([R1, R2].sort());
      // Per call (`format`) on a client that sends JSON by default, with the same key: the same message.
      expect(await sender.sendDocument({ edxml }, { idempotencyKey: 'xml-107-aaaa', format: 'xml' })).toMatchObject({ duplicate: true, documentId: a.documentId });
      expect(new TextDecoder().decode(await r1.downloadEdxml(a.documentId))).toBe(edxml);
      expect(await r1.downloadAttachment(a.documentId, 0)).toEqual(PDF);
      const invalid = await refusal(xmlSender.sendDocument({ edxml: '<edXML>' }));
      expect([invalid.code, invalid.status]).toEqual(['INVALID_EDXML', 422]);
      const paper = await refusal(xmlSender.sendDocument({ edxml, paper: true }));
      expect([paper.code, paper.status]).toEqual(['VALIDATION_FAILED', 0]);
      expect(paper.messages.en).toContain('Bussiness/Paper');
    });

    it('gets one document, its edXML and its attachment', async () => {
      const sent = await sender.sendDocument({ edxml: documentPackage({ number: '104' }) });
      const view = await r1.getDocument(sent.documentId);
      expect(view.role).toBe('recipient');
      expect(view.delivery?.state).toBe('pending');
      expect((await sender.getDocument(sent.documentId)).role).toBe('sender');
      const xml = new TextDecoder().decode(await r1.downloadEdxml(sent.documentId));
      expect(xml).toContain('104');
      let seen = 0;
      const bytes = await r1.downloadAttachment(sent.documentId, 0, { onDownloadProgress: (p) => (seen = p.transferredBytes) });
      expect(bytes).toEqual(PDF);
      expect(seen).toBe(PDF.length);
      const streamed = await r1.streamAttachment(sent.documentId, 0);
      expect(streamed.contentType).toContain('application/pdf');
      expect(new Uint8Array(await new Response(streamed.stream).arrayBuffer())).toEqual(PDF);
      expect((await refusal(r1.downloadAttachment(sent.documentId, 5))).code).toBe('NOT_FOUND');
    });

    it('acknowledges, updates statuses idempotently and in order, and traces them for the sender', async () => {
      const sent = await sender.sendDocument({ edxml: documentPackage({ number: '105' }) });
      const acked = await r1.acknowledge(sent.documentId, { result: 'done' });
      expect(acked.state).toBe('done');
      expect(acked.acknowledgedAt).not.toBeNull();
      expect((await r1.acknowledge(sent.documentId, { result: 'fail' })).state).toBe('done');
      expect((await r1.listInbox({ state: 'pending' })).items.some((i) => i.documentId === sent.documentId)).toBe(false);
      const s1 = await r1.updateStatus(sent.documentId, { code: '01' });
      expect(s1.duplicate).toBe(false);
      expect(s1.status.label.vi).toBe('Đã đến');
      expect((await r1.updateStatus(sent.documentId, { code: '01' })).duplicate).toBe(true);
      await r1.updateStatus(sent.documentId, { code: '03', staff: 'Văn thư' });
      await r1.updateStatus(sent.documentId, { code: '05' });
      // A late retry of an earlier status is a duplicate, a new earlier step is refused.
      expect((await r1.updateStatus(sent.documentId, { code: '03' })).duplicate).toBe(true);
      const back = await refusal(r1.updateStatus(sent.documentId, { code: '04' }));
      expect(back.code).toBe('STATUS_OUT_OF_ORDER');
      expect(back.status).toBe(409);
      const byStatus = await r1.listInbox({ status: '05' });
      expect(byStatus.items.map((i) => i.documentId)).toContain(sent.documentId);
      // the inbox item and the document view show the latest status (05), not an earlier one
      expect(byStatus.items.find((i) => i.documentId === sent.documentId)?.status?.code).toBe('05');
      const viewed = await r1.getDocument(sent.documentId);
      expect([viewed.role, viewed.delivery?.state, viewed.delivery?.status?.code]).toEqual(['recipient', 'done', '05']);
      const trace = await sender.getTrace(sent.documentId);
      const t1 = trace.recipients.find((r) => r.agency === R1);
      const t2 = trace.recipients.find((r) => r.agency === R2);
      expect(t1?.state).toBe('done');
      expect(t1?.statuses.map((s) => s.code)).toEqual(['01', '03', '05']);
      expect(t1?.statuses[1]?.staff).toBe('Văn thư');
      expect(t2?.state).toBe('pending');
      expect(t2?.statuses).toEqual([]);
      expect((await refusal(r1.getTrace(sent.documentId))).status).toBe(403);
      expect((await refusal(sender.updateStatus(sent.documentId, { code: '01' }))).status).toBe(403);
    });

    it('isolates tenants: another agency sees nothing of it', async () => {
      const sent = await sender.sendDocument({ edxml: documentPackage({ to: [R1], number: '106' }) });
      for (const call of [
        () => other.getDocument(sent.documentId),
        () => other.downloadEdxml(sent.documentId),
        () => other.downloadAttachment(sent.documentId, 0),
        () => other.acknowledge(sent.documentId, { result: 'done' }),
        () => other.getTrace(sent.documentId),
        () => r2.getDocument(sent.documentId),
      ]) {
        const e = await refusal(call());
        expect(e.status).toBe(404);
        expect(e.code).toBe('NOT_FOUND');
      }
      expect((await other.listInbox()).items.some((i) => i.documentId === sent.documentId)).toBe(false);
      expect((await r2.listInbox()).items.some((i) => i.documentId === sent.documentId)).toBe(false);
      const acting = client('sys.other', R1);
      expect((await refusal(acting.listInbox())).code).toBe('FORBIDDEN');
      expect((await refusal(other.registerAgency(R1, { name: 'x', email: 'a@b.vn' }))).status).toBe(403);
    });

    it('refuses what must not be sent, with clear errors', async () => {
      const secret = await refusal(sender.sendDocument({ edxml: documentPackage({ secret: true }) }));
      expect(secret.code).toBe('SECRET_DOCUMENT');
      expect(secret.messages.vi).toMatch(/mật/);
      const unknown = await refusal(sender.sendDocument({ edxml: documentPackage({ to: [R1, '000.00.99.H99'] }) }));
      expect(unknown.code).toBe('UNKNOWN_RECIPIENT');
      expect(unknown.details?.unknown).toEqual(['000.00.99.H99']);
      const invalid = await refusal(sender.sendDocument({ edxml: '<edXML><broken' }));
      expect(invalid.code).toBe('INVALID_EDXML');
      expect(invalid.status).toBe(422);
      expect(invalid.details?.issues?.length).toBeGreaterThan(0);
      const big = await refusal(sender.sendDocument({ edxml: documentPackage({ attachment: new Uint8Array(100_000).fill(65) }) }));
      expect(big.code).toBe('PAYLOAD_TOO_LARGE');
      expect(big.status).toBe(413);
      const mismatch = await refusal(other.sendDocument({ edxml: documentPackage() }));
      expect(mismatch.code).toBe('SENDER_MISMATCH');
      const bad = await refusal(client('sys.vpcp', undefined, { secret: 'wrong-secret' }).listInbox());
      expect(bad.code).toBe('BAD_SIGNATURE');
      expect(bad.status).toBe(401);
      const unknownSystem = await refusal(client('sys.nobody').listInbox());
      expect(unknownSystem.code).toBe('BAD_SIGNATURE');
      expect((await refusal(sender.listInbox({ sender: 'nope' }))).code).toBe('VALIDATION_FAILED');
    });

    it('refuses unsigned, stale and replayed requests', async () => {
      const res = await fetch(`${target.baseUrl}/v1/inbox`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
      const signed = async (now: Date) =>
        signRequest('secret-vpcp-123', { method: 'GET', pathWithQuery: '/v1/inbox', systemId: 'sys.vpcp' }, now);
      const stale = await fetch(`${target.baseUrl}/v1/inbox`, { headers: await signed(new Date(Date.now() - 3_600_000)) });
      expect(((await stale.json()) as { code: string }).code).toBe('CLOCK_SKEW');
      const headers = await signed(new Date());
      expect((await fetch(`${target.baseUrl}/v1/inbox`, { headers })).status).toBe(200);
      const replay = await fetch(`${target.baseUrl}/v1/inbox`, { headers });
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { code: string }).code).toBe('REPLAYED_REQUEST');
      const tampered = await fetch(`${target.baseUrl}/v1/inbox?limit=1`, { headers: await signed(new Date()) });
      expect(((await tampered.json()) as { code: string }).code).toBe('BAD_SIGNATURE');
    });

    it('pages and filters the inbox', async () => {
      const ids: string[] = [];
      for (const n of ['201', '202', '203']) ids.push((await sender.sendDocument({ edxml: documentPackage({ to: [R2], number: n }) })).documentId);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const p = await r2.listInbox({ limit: 2, sender: SENDER, ...(cursor ? { cursor } : {}) });
        expect(p.items.length).toBeLessThanOrEqual(2);
        seen.push(...p.items.map((i) => i.documentId));
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      for (const id of ids) expect(seen.filter((x) => x === id)).toHaveLength(1);
      const future = await r2.listInbox({ since: new Date(Date.now() + 3_600_000).toISOString() });
      expect(future.items).toEqual([]);
      expect((await r2.listInbox({ sender: OTHER })).items).toEqual([]);
    });

    it('keeps the agency directory', async () => {
      const page = await sender.listAgencies({ limit: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).not.toBeNull();
      const found = await sender.listAgencies({ q: 'quảng ninh' });
      expect(found.items.map((a) => a.code)).toContain(R1);
      expect((await sender.getAgency(R1)).name).toContain('Quảng Ninh');
      expect((await refusal(sender.getAgency('000.00.99.H98'))).code).toBe('NOT_FOUND');
      const reg = await r1.registerAgency('000.01.49.H49', {
        name: 'Sở Nội vụ tỉnh Quảng Ninh',
        email: 'snv@quangninh.gov.vn',
        endpoint: 'https://edoc.quangninh.gov.vn/receive',
        parentCode: R1,
      });
      expect(reg.systemId).toBe('sys.qn');
      expect((await sender.getAgency('000.01.49.H49')).endpoint).toBe('https://edoc.quangninh.gov.vn/receive');
      const updated = await r1.registerAgency(R1, { name: 'UBND tỉnh Quảng Ninh', email: 'vt@quangninh.gov.vn' });
      expect(updated.email).toBe('vt@quangninh.gov.vn');
    });

    it('counts usage per agency and period', async () => {
      const day = formatIsoDate(todayInVietnam());
      const before = await sender.getStats({ from: day, to: day });
      await sender.sendDocument({ edxml: documentPackage({ to: [OTHER], number: '301', paper: true }) });
      await sender.sendDocument({ edxml: documentPackage({ to: [OTHER], number: '302' }) });
      const after = await sender.getStats({ from: day, to: day });
      expect(after.outgoing.total - before.outgoing.total).toBe(2);
      expect(after.outgoing.withPaper - before.outgoing.withPaper).toBe(1);
      expect(after.outgoing.electronicOnly - before.outgoing.electronicOnly).toBe(1);
      const inc0 = await other.getStats({ from: day, to: day });
      const first = (await other.listInbox({ state: 'pending' })).items[0];
      if (!first) throw new Error('expected an item');
      await other.acknowledge(first.documentId, { result: 'done' });
      const inc1 = await other.getStats({ from: day, to: day });
      expect(inc1.incoming.received).toBe(inc0.incoming.received);
      expect(inc1.incoming.acknowledgedSameDay - inc0.incoming.acknowledgedSameDay).toBe(1);
      expect(inc1.incoming.sameDayShare).toBeGreaterThan(0);
      // a status the recipient reports travels back to the sender as a status package: not a received document
      const senderIn = (await sender.getStats({ from: day, to: day })).incoming;
      await other.updateStatus(first.documentId, { code: '01' });
      expect((await sender.getStats({ from: day, to: day })).incoming).toEqual(senderIn);
      expect((await refusal(sender.getStats({ from: day, to: '2000-01-01' }))).code).toBe('VALIDATION_FAILED');
    });

    it('watchInbox acknowledges an item only after the consumer handled it', async () => {
      const watcher = client('sys.other');
      // Drain what earlier tests left.
      for (const i of (await watcher.listInbox({ state: 'pending', limit: 200 })).items) {
        await watcher.acknowledge(i.documentId, { result: 'done' });
      }
      const a = await sender.sendDocument({ edxml: documentPackage({ to: [OTHER], number: '401' }) });
      const b = await sender.sendDocument({ edxml: documentPackage({ to: [OTHER], number: '402' }) });
      const controller = new AbortController();
      const handled: string[] = [];
      try {
        for await (const item of watcher.watchInbox({ signal: controller.signal, pollIntervalMs: 20 })) {
          if (item.documentId === b.documentId) throw new Error('consumer failed');
          handled.push(item.documentId);
        }
      } catch (e) {
        expect((e as Error).message).toBe('consumer failed');
      }
      expect(handled).toEqual([a.documentId]);
      const pending = (await watcher.listInbox({ state: 'pending' })).items.map((i) => i.documentId);
      expect(pending).toEqual([b.documentId]);
      for await (const item of watcher.watchInbox({ signal: controller.signal, pollIntervalMs: 20 })) {
        expect(item.documentId).toBe(b.documentId);
        controller.abort();
      }
      expect((await watcher.listInbox({ state: 'pending' })).items).toEqual([]);
    });
  });
}
