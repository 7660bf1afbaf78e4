import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkCalendar, formatIsoDate } from '@egov-vn/calendar';
import { describe, expect, it, vi } from 'vitest';
import { demoSeed, memoryOfficeBackend } from './memory.js';
import { OfficeBackendError } from './types.js';

const TODAY = '2026-12-02';
const seed = () => demoSeed({ count: 120, today: TODAY });

describe('memoryOfficeBackend', () => {
  it('pages over the list with cursors and a total', async () => {
    const b = memoryOfficeBackend(seed());
    const first = await b.call('listIncoming', { query: { limit: 50 } });
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(120);
    const second = await b.call('listIncoming', { query: { limit: 50, cursor: first.nextCursor! } });
    const third = await b.call('listIncoming', { query: { limit: 50, cursor: second.nextCursor! } });
    expect(third.items).toHaveLength(20);
    expect(third.nextCursor).toBeNull();
    const ids = new Set([...first.items, ...second.items, ...third.items].map((i) => i.id));
    expect(ids.size).toBe(120);
  });

  it('filters by state, urgency, sender, dates, overdue and words of the subject (diacritics ignored)', async () => {
    const b = memoryOfficeBackend(seed());
    const all = b.incoming();
    const arrived = await b.call('listIncoming', { query: { state: 'arrived', limit: 200 } });
    expect(arrived.total).toBe(all.filter((d) => d.state === 'arrived').length);
    expect(arrived.items.every((i) => i.state === 'arrived')).toBe(true);
    const hoaToc = await b.call('listIncoming', { query: { urgency: 'hoaToc', limit: 200 } });
    expect(hoaToc.items.length).toBeGreaterThan(0);
    expect(hoaToc.items.every((i) => i.urgency === 'hoaToc')).toBe(true);
    const sender = all[1]!.from.code;
    const bySender = await b.call('listIncoming', { query: { sender, limit: 200 } });
    expect(bySender.items.every((i) => i.from.code === sender)).toBe(true);
    const days = await b.call('listIncoming', { query: { from: '2026-11-30', to: '2026-12-01', limit: 200 } });
    expect(days.items.length).toBe(6);
    expect(days.items.every((i) => i.arrivedAt >= '2026-11-30' && i.arrivedAt < '2026-12-02')).toBe(true);
    const overdue = await b.call('listIncoming', { query: { overdue: 'true', limit: 200 } });
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((i) => i.overdue && i.dueDate! < TODAY && i.state !== 'done')).toBe(true);
    const words = await b.call('listIncoming', { query: { q: 'an toan thong tin', limit: 200 } });
    expect(words.items.length).toBeGreaterThan(0);
    expect(words.items.every((i) => i.subject!.includes('an toàn thông tin'))).toBe(true);
  });

  it('refuses a query outside the contract with VALIDATION_FAILED', async () => {
    const b = memoryOfficeBackend(seed());
    await expect(b.call('listIncoming', { query: { limit: 500 } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(b.call('getIncoming', { params: { id: 'nope' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('marks a document read for the user who opened it only', async () => {
    const b = memoryOfficeBackend(seed());
    const id = b.incoming().find((d) => d.unread)!.id;
    await b.call('getIncoming', { params: { id } });
    const mine = await b.call('listIncoming', { query: { limit: 200 } });
    expect(mine.items.find((i) => i.id === id)!.unread).toBe(false);
    b.signIn('lanhdao');
    const theirs = await b.call('listIncoming', { query: { limit: 200 } });
    expect(theirs.items.find((i) => i.id === id)!.unread).toBe(true);
  });

  it('without a fixed today, registers on the day in Việt Nam: at 17:30 UTC on 2 Dec it is already 3 Dec there', async () => {
    const { today: _fixed, ...unfixed } = seed();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-02T17:30:00Z') });
    try {
      const b = memoryOfficeBackend(unfixed);
      const x = b.incoming().find((d) => d.state === 'arrived')!;
      const rx = await b.call('receiveIncoming', { params: { id: x.id }, body: {} });
      expect(rx.arrivalDate).toBe('2026-12-03');
    } finally {
      vi.useRealTimers();
    }
  });

  it('registers with the next arrival number of the year, and refuses a second receive (INVALID_STATE)', async () => {
    const b = memoryOfficeBackend(seed());
    const all = b.incoming();
    const highest = Math.max(...all.filter((d) => d.arrivalDate?.startsWith('2026')).map((d) => d.arrivalNumber!));
    const [x, y] = all.filter((d) => d.state === 'arrived');
    const rx = await b.call('receiveIncoming', { params: { id: x!.id }, body: {} });
    const ry = await b.call('receiveIncoming', { params: { id: y!.id }, body: {} });
    expect([rx.arrivalNumber, ry.arrivalNumber]).toEqual([highest + 1, highest + 2]);
    expect(rx.state).toBe('registered');
    expect(rx.history.at(-1)).toMatchObject({ action: 'receiveIncoming', statusCode: '03', actor: { id: 'vanthu' } });
    await expect(b.call('receiveIncoming', { params: { id: x!.id }, body: {} })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const register = await b.call('listRegister', { params: { kind: 'incoming' }, query: { year: 2026 } });
    // Newest number first, after the numbers the seed's documents were registered with.
    expect(register.items.slice(0, 2).map((r) => [r.number, r.documentId])).toEqual([
      [highest + 2, y!.id],
      [highest + 1, x!.id],
    ]);
  });

  it('assigns with a due date in working days of the work calendar', async () => {
    const b = memoryOfficeBackend(seed());
    const doc = b.incoming().find((d) => d.state === 'registered')!;
    const r = await b.call('assignIncoming', {
      params: { id: doc.id },
      body: { lead: 'chuyenvien', coHandlers: ['chuyenvien2'], forInformation: ['lanhdao'], workingDays: 5, note: 'Xử lý gấp' },
    });
    const expected = formatIsoDate(new WorkCalendar().dueDate(TODAY, 5));
    expect(r.dueDate).toBe(expected);
    expect(expected).toBe('2026-12-09'); // Wed 2 Dec + 5 working days skips the weekend
    expect(r.assignment).toMatchObject({ lead: { id: 'chuyenvien' }, coHandlers: [{ id: 'chuyenvien2' }], workingDays: 5, note: 'Xử lý gấp' });
    expect(r.state).toBe('assigned');
    await expect(
      b.call('assignIncoming', { params: { id: doc.id }, body: { lead: 'nobody', workingDays: 5 } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('follows the roles: a chuyên viên may not receive nor see others’ documents; only the lead handler marks done', async () => {
    const b = memoryOfficeBackend(seed());
    const arrived = b.incoming().find((d) => d.state === 'arrived')!;
    b.signIn('chuyenvien');
    await expect(b.call('receiveIncoming', { params: { id: arrived.id }, body: {} })).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const assigned = b.incoming().find((d) => d.state === 'assigned')!;
    b.signIn('chuyenvien2');
    await expect(b.call('completeIncoming', { params: { id: assigned.id }, body: {} })).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect((await b.call('listIncoming', { query: { limit: 200 } })).items).toEqual([]);
    b.signIn('lanhdao');
    const e = await b.call('completeIncoming', { params: { id: assigned.id }, body: {} }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OfficeBackendError);
    expect((e as OfficeBackendError).code).toBe('FORBIDDEN');
    b.signIn('chuyenvien');
    const done = await b.call('completeIncoming', { params: { id: assigned.id }, body: {} });
    expect(done.state).toBe('done');
    expect(done.overdue).toBe(false);
  });

  it('returns with a reason (status 02), only before assignment', async () => {
    const b = memoryOfficeBackend(seed());
    const arrived = b.incoming().find((d) => d.state === 'arrived')!;
    const r = await b.call('returnIncoming', { params: { id: arrived.id }, body: { reason: 'Gửi nhầm' } });
    expect(r).toMatchObject({ state: 'returned', returnReason: 'Gửi nhầm' });
    expect(r.history.at(-1)!.statusCode).toBe('02');
    const assigned = b.incoming().find((d) => d.state === 'assigned')!;
    await expect(b.call('returnIncoming', { params: { id: assigned.id }, body: { reason: 'x' } })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(b.call('returnIncoming', { params: { id: arrived.id }, body: { reason: '' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('keeps the audit log of what was done, for quản trị only', async () => {
    const b = memoryOfficeBackend(seed());
    const arrived = b.incoming().find((d) => d.state === 'arrived')!;
    await b.call('receiveIncoming', { params: { id: arrived.id }, body: {} });
    b.signIn('quantri');
    const log = await b.call('listAudit', { query: { targetId: arrived.id } });
    expect(log.items.map((e) => [e.action, e.actor?.id, e.targetType])).toEqual([['receiveIncoming', 'vanthu', 'incoming']]);
    b.signIn('vanthu');
    await expect(b.call('listAudit', {})).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('searches the directory with folded text', async () => {
    const b = memoryOfficeBackend(seed());
    const r = await b.call('searchDirectory', { query: { q: 'van phong chinh phu' } });
    expect(r.items.map((i) => i.code)).toEqual(['000.00.00.G01']);
  });
});

describe('memoryOfficeBackend: sent documents and registers', () => {
  const sentSeed = () => memoryOfficeBackend(demoSeed({ count: 30, outgoing: 30, today: TODAY }));

  it('lists sent documents newest first with cursors, filters by state and folded words', async () => {
    const b = sentSeed();
    const all = b.outgoing();
    const first = await b.call('listOutgoing', { query: { limit: 10 } });
    expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 10).map((d) => d.id));
    const second = await b.call('listOutgoing', { query: { limit: 10, cursor: first.nextCursor! } });
    expect(second.items[0]!.id).toBe(all[10]!.id);
    const failed = await b.call('listOutgoing', { query: { state: 'failed', limit: 200 } });
    expect(failed.items.length).toBe(all.filter((d) => d.state === 'failed').length);
    expect(failed.items.length).toBeGreaterThan(0);
    const words = await b.call('listOutgoing', { query: { q: 'SO NOI VU', limit: 200 } });
    expect(words.items.every((i) => i.recipients.some((r) => r.agency.name === 'Sở Nội vụ tỉnh Hà Giang'))).toBe(true);
  });

  it('resends to a failed recipient (văn thư only), revokes a sent one once (then INVALID_STATE), follows report()', async () => {
    const b = sentSeed();
    const failed = b.outgoing().find((d) => d.state === 'failed')!;
    const code = failed.recipients.find((r) => r.delivery === 'fail')!.agency.code;
    b.signIn('lanhdao');
    await expect(b.call('resendOutgoing', { params: { id: failed.id }, body: { recipients: [code] } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    b.signIn('vanthu');
    const resent = await b.call('resendOutgoing', { params: { id: failed.id }, body: { recipients: [code] } });
    expect(resent.state).toBe('sent');
    expect(resent.recipients.find((r) => r.agency.code === code)!.delivery).toBe('pending');
    b.report(failed.id, code, '03');
    const seen = await b.call('getOutgoing', { params: { id: failed.id } });
    expect(seen.recipients.find((r) => r.agency.code === code)!.status!.code).toBe('03');
    const sent = b.outgoing().find((d) => d.state === 'sent' && d.kind === 'new')!;
    const revoked = await b.call('revokeOutgoing', { params: { id: sent.id }, body: { reason: 'Ban hành nhầm' } });
    expect(revoked.state).toBe('revoked');
    expect(b.outgoing()[0]).toMatchObject({ kind: 'revoke', notation: sent.notation });
    await expect(b.call('revokeOutgoing', { params: { id: sent.id }, body: { reason: 'Lần nữa' } })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('keeps both registers by year with folded search, keyset paging, the server’s CSV and the Phụ lục VI PDF', async () => {
    const b = sentSeed();
    const out = b.register('outgoing', 2026);
    expect(out.length).toBe(b.outgoing().filter((d) => d.kind === 'new').length);
    const page = await b.call('listRegister', { params: { kind: 'outgoing' }, query: { year: 2026, limit: 5 } });
    expect(page.items.map((r) => r.number)).toEqual([...out].reverse().slice(0, 5).map((r) => r.number));
    const next = await b.call('listRegister', { params: { kind: 'outgoing' }, query: { year: 2026, limit: 5, cursor: page.nextCursor! } });
    expect(next.items[0]!.number).toBe(page.items[4]!.number - 1);
    const found = await b.call('listRegister', { params: { kind: 'incoming' }, query: { year: 2026, q: 'chuyen doi so' } });
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((r) => r.subject?.includes('chuyển đổi số'))).toBe(true);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await b.call('exportRegister', { params: { kind: 'outgoing' }, query: { year: 2026 } }));
    expect(csv.startsWith('\uFEFFSố,Ngày vào sổ,Ngày đến,Tác giả (cơ quan ban hành)')).toBe(true);
    expect(csv.trim().split('\r\n').length).toBe(out.length + 1);
    // The PDF is drawn by @egov-vn/document-pdf's renderRegisterPdf (fonts bundled with it, in Node): read it back.
    const pdf = await b.call('exportRegister', { params: { kind: 'outgoing' }, query: { format: 'pdf', year: 2026 } });
    const file = join(mkdtempSync(join(tmpdir(), 'memory-register-')), 'so-di.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(text).toContain('SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH HÀ GIANG');
    expect(text).toContain(`${out[0]!.codeNumber}/${out[0]!.codeNotation}`);
    expect(text).toMatch(/Trang 1\/\d+/);
  });
});
