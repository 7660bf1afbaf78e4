// @egov-vn/office-api/testing — the office contract suite, for any back end that implements the office API: the
// office server (Node), the office elements' in-memory backend, or an agency's own Java/.NET/PHP back end.
//
// It does not depend on a test runner: `officeContractCases(getTarget)` answers named cases whose `run()` rejects with
// an `OfficeContractFailure` saying what differs. Run them with Vitest, Jest, node:test, Mocha…:
//
//   const cases = officeContractCases(() => target);
//   describe('office contract', () => { beforeAll(async () => { target = await start(); }); for (const c of cases) it(c.name, c.run); });
//
// The cases run in order, on one fresh agency (nothing registered yet, no register numbers given in 2031–2032). Every
// error answer is checked to have the contract's shape (`{ code, message: { vi, en }, details? }`) and the HTTP status
// of its code.
import { WorkCalendar } from '@egov-vn/calendar';
import { foldForSearch, formatIsoDate, padDocumentNumber, todayInVietnam } from '@egov-vn/schemas';
import type { z } from 'zod';
import { OfficeErrorBodySchema, type OfficeErrorCode, officeErrorStatus } from './errors.js';
import { officeRoutePath, officeRoutes, type OfficeOperationId, type OfficeRouteDef } from './routes.js';
import {
  AuditPageSchema,
  DraftSchema,
  IncomingDetailSchema,
  IncomingPageSchema,
  MeSchema,
  OfficeHealthSchema,
  OutgoingDetailSchema,
  OutgoingPageSchema,
  RegisterPageSchema,
  RoleListSchema,
  UserPageSchema,
  type AgencyRef,
  type Role,
  type Urgency,
} from './schemas.js';

/** A user of the agency under test, as the target knows them (it signs them in its own way: token, session…). */
export interface OfficeContractUser {
  id: string;
  name: string;
  roles: readonly Role[];
}

/** The inputs of one operation: path parameters, query and JSON body, as the route table names them. */
export interface OfficeContractInput {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

/** What the back end answered: the status, and the JSON body or the bytes of a binary answer (PDF, CSV, files). */
export interface OfficeContractResponse {
  status: number;
  json?: unknown;
  bytes?: Uint8Array;
  contentType?: string | null;
}

/** A document that arrives for the agency from the exchange (what the back end's receiver stores, state `arrived`). */
export interface OfficeArrival {
  exchangeId: string;
  from: AgencyRef;
  subject: string;
  notation: string;
  urgency: Urgency;
  promulgationDate: string;
}

/** The back end under test, and what the suite may not do through the API (sign users in, deliver arrivals). */
export interface OfficeContractTarget {
  /** The agency the users belong to; `abbreviation` is the issuer's in the ký hiệu of its documents (e.g. `SNV`). */
  agency: AgencyRef & { abbreviation: string };
  /** Another agency in the directory, the recipient of the drafts. */
  recipient: AgencyRef;
  users: {
    clerk: OfficeContractUser;
    leader: OfficeContractUser;
    /** A second leader (not the one drafts are submitted to). */
    leader2: OfficeContractUser;
    officer: OfficeContractUser;
    officer2: OfficeContractUser;
    admin: OfficeContractUser;
    /** A văn thư of another agency: never sees this agency's documents (404, or 403 when the back end does not serve it). */
    otherAgencyClerk: OfficeContractUser;
    /** A user whose agency the back end does not serve (403). */
    unserved: OfficeContractUser;
  };
  /** Calls an operation as a user (`null`: without any credential). Never rejects for an HTTP error: answers it. */
  call(user: OfficeContractUser | null, op: OfficeOperationId, input?: OfficeContractInput): Promise<OfficeContractResponse>;
  /** Delivers a document from the exchange; delivering the same `exchangeId` twice must store it once. */
  arrive(arrival: OfficeArrival): Promise<void>;
  /**
   * Whether the exchange takes what is sent: `reachable` (a send answers the outgoing document, sent) or `unreachable`
   * (a send answers EXCHANGE_FAILED and the document is kept, state `sending`, to be sent again).
   */
  exchange: 'reachable' | 'unreachable';
  /** Today in Việt Nam as the back end counts it (yyyy-mm-dd; default the real day). */
  today?: string;
  /** The text of a PDF (e.g. with poppler's pdftotext), to read the exported register back; without it only the header is checked. */
  pdfText?(bytes: Uint8Array): Promise<string> | string;
  /**
   * The PDF a leader signs and its sealed incremental update. Default: a minimal PDF and an appended update, enough for
   * a back end that does not verify signatures; one that does gives really signed and sealed files here.
   */
  pdfs?: { signed: Uint8Array; sealed: Uint8Array };
}

/** One case of the suite. `run()` rejects with an {@link OfficeContractFailure} when the back end differs. */
export interface OfficeContractCase {
  name: string;
  run(): Promise<void>;
}

/** What the back end did differently from the contract. */
export class OfficeContractFailure extends Error {
  override name = 'OfficeContractFailure';
}

// ------------------------------------------------------------------ assertions (no test runner needed)

function stable(v: unknown): string {
  // JSON.stringify answers undefined for undefined (its type says string): keep a string.
  const json = JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  ) as string | undefined;
  return String(json);
}
function fail(what: string, actual?: unknown): never {
  throw new OfficeContractFailure(actual === undefined ? what : `${what}; got ${stable(actual).slice(0, 800)}`);
}
function ok(cond: unknown, what: string, actual?: unknown): asserts cond {
  if (!cond) fail(what, actual);
}
function eq(actual: unknown, expected: unknown, what: string): void {
  if (stable(actual) !== stable(expected)) fail(`${what}: expected ${stable(expected)}`, actual);
}
function summary(r: OfficeContractResponse): unknown {
  return r.json ?? (r.bytes ? `${r.bytes.length} bytes` : undefined);
}

/** The body of a success, checked against the contract's schema. */
function parsed<S extends z.ZodType>(schema: S, r: OfficeContractResponse, what: string, status = 200): z.output<S> {
  if (r.status !== status) fail(`${what}: expected ${status}, got ${r.status}`, summary(r));
  const p = schema.safeParse(r.json);
  if (!p.success) fail(`${what}: the answer does not follow the contract (${p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return p.data;
}

/** An error answer: the contract's error shape, one of the expected codes, and the HTTP status of that code. */
function expectError(r: OfficeContractResponse, codes: OfficeErrorCode | OfficeErrorCode[], what: string): z.output<typeof OfficeErrorBodySchema> {
  const wanted = Array.isArray(codes) ? codes : [codes];
  const p = OfficeErrorBodySchema.safeParse(r.json);
  if (!p.success) fail(`${what}: expected an error ${wanted.join(' or ')} with the contract's shape { code, message: { vi, en } } (status ${r.status})`, summary(r));
  ok(wanted.includes(p.data.code), `${what}: expected ${wanted.join(' or ')}, got ${p.data.code}`, p.data);
  eq(r.status, officeErrorStatus(p.data.code), `${what}: the HTTP status of ${p.data.code}`);
  ok(p.data.message.vi.trim() && p.data.message.en.trim(), `${what}: a Vietnamese and an English message`, p.data.message);
  return p.data;
}

function bytesOf(r: OfficeContractResponse, what: string): Uint8Array {
  if (r.status !== 200) fail(`${what}: expected 200, got ${r.status}`, summary(r));
  ok(r.bytes, `${what}: expected the bytes of a file`);
  return r.bytes;
}

// ------------------------------------------------------------------ fixtures

const enc = new TextEncoder();
const MINIMAL_PDF = enc.encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const MINIMAL_SEALED = concat(MINIMAL_PDF, enc.encode('2 0 obj << /Type /Sig >> endobj\ntrailer << /Root 1 0 R /Prev 0 >>\n%%EOF\n'));

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Ids that exist nowhere, for the calls that must be refused before anything is looked up. */
function sampleInput(route: OfficeRouteDef, body: unknown): OfficeContractInput {
  const params: Record<string, string | number> = {};
  for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
    const key = name.slice(1, -1);
    params[key] = key === 'index' ? 0 : key === 'kind' ? 'incoming' : '0123456789abcdef01234567';
  }
  return { params, ...(route.body ? { body } : {}) };
}

const letters = 'abcdefghijklmnopqrstuvwxyz';
/** A word no other document has, to find this case's documents among the agency's. */
function uniqueWord(): string {
  let s = 'ma';
  for (let i = 0; i < 10; i++) s += letters.charAt(Math.floor(Math.random() * 26));
  return s;
}

/** A document of the agency under test, complete to Nghị định 30 (the drafts' content). */
function sampleDocument(t: OfficeContractTarget, subject: string): Record<string, unknown> {
  return {
    type: 'congVan',
    issuer: { name: t.agency.name, abbreviation: t.agency.abbreviation, code: t.agency.code },
    symbol: `${t.agency.abbreviation}-VP`,
    place: 'Quảng Ninh',
    date: '2026-12-01',
    subject,
    content: 'Đề nghị các đơn vị triển khai liên thông văn bản điện tử.',
    signer: { position: 'Giám đốc', fullName: t.users.leader.name },
    recipients: [{ name: t.recipient.name, agencyCode: t.recipient.code }],
  };
}

/**
 * The office contract as named cases over one back end. `getTarget` is called when a case runs (so a runner's
 * `beforeAll` may start the back end after the cases are declared).
 */
export function officeContractCases(getTarget: () => OfficeContractTarget): OfficeContractCase[] {
  const calendar = new WorkCalendar();
  const today = () => getTarget().today ?? formatIsoDate(todayInVietnam());
  const pdfs = () => getTarget().pdfs ?? { signed: MINIMAL_PDF, sealed: MINIMAL_SEALED };
  let arrivals = 0;

  /** Delivers a document and answers its id in the back end. */
  async function arrive(t: OfficeContractTarget, word: string, over: Partial<OfficeArrival> = {}): Promise<string> {
    arrivals++;
    let exchangeId = '';
    for (let i = 0; i < 24; i++) exchangeId += '0123456789abcdef'.charAt(Math.floor(Math.random() * 16));
    const arrival: OfficeArrival = {
      exchangeId,
      from: t.recipient,
      subject: `Về việc quyết toán ngân sách ${word} ${arrivals}`,
      notation: `${arrivals}/STC-VP`,
      urgency: 'thuong',
      promulgationDate: '2026-12-01',
      ...over,
    };
    await t.arrive(arrival);
    const page = parsed(IncomingPageSchema, await t.call(t.users.clerk, 'listIncoming', { query: { q: word, limit: 200 } }), 'listIncoming after an arrival');
    const found = page.items.find((i) => i.exchangeId === exchangeId);
    ok(found, `the arrived document ${exchangeId} is in the clerk's list (searched by a word of its subject)`, page.items.map((i) => i.exchangeId));
    return found.id;
  }

  /** A draft taken through trình ký → ký → cấp số, answered numbered. */
  async function toNumbered(t: OfficeContractTarget, id: string, numberDate?: string) {
    const { clerk, leader, officer } = t.users;
    parsed(DraftSchema, await t.call(officer, 'submitDraft', { params: { id }, body: { signer: leader.id } }), 'submitDraft');
    parsed(DraftSchema, await t.call(leader, 'signDraft', { params: { id }, body: { pdf: base64(pdfs().signed) } }), 'signDraft');
    return parsed(DraftSchema, await t.call(clerk, 'numberDraft', { params: { id }, body: numberDate ? { date: numberDate } : {} }), 'numberDraft');
  }

  /** A new draft taken through trình ký → ký → cấp số, answered numbered. */
  async function issue(t: OfficeContractTarget, subject: string, numberDate?: string) {
    const d = parsed(DraftSchema, await t.call(t.users.officer, 'createDraft', { body: { document: sampleDocument(t, subject), recipients: [t.recipient.code] } }), 'createDraft', 201);
    return toNumbered(t, d.id, numberDate);
  }

  async function sealAndSend(t: OfficeContractTarget, id: string) {
    const { clerk } = t.users;
    parsed(DraftSchema, await t.call(clerk, 'sealDraft', { params: { id }, body: { pdf: base64(pdfs().sealed) } }), 'sealDraft');
    return t.call(clerk, 'sendDraft', { params: { id }, body: {} });
  }

  /** The outgoing document a draft became (from the list), and the answer of the send. */
  async function sent(t: OfficeContractTarget, draftId: string, send: OfficeContractResponse) {
    if (t.exchange === 'unreachable') {
      expectError(send, 'EXCHANGE_FAILED', 'sendDraft with the exchange unreachable');
    } else {
      eq(parsed(OutgoingDetailSchema, send, 'sendDraft').state, 'sent', 'sendDraft: the outgoing state');
    }
    const out = parsed(OutgoingPageSchema, await t.call(t.users.clerk, 'listOutgoing', { query: { limit: 200 } }), 'listOutgoing');
    const item = out.items.find((o) => o.draftId === draftId && o.kind === 'new');
    ok(item, `the sent draft ${draftId} is in the outgoing list`, out.items.map((o) => o.draftId));
    eq(item.state, t.exchange === 'unreachable' ? 'sending' : 'sent', 'the outgoing state after the send');
    return item;
  }

  const cases: OfficeContractCase[] = [];
  const add = (name: string, run: (t: OfficeContractTarget) => Promise<void>) => cases.push({ name, run: () => run(getTarget()) });

  add('health answers without a credential', async (t) => {
    const h = parsed(OfficeHealthSchema, await t.call(null, 'health'), 'health');
    ok(h.agencies.some((a) => a.code === t.agency.code), `health lists the agency ${t.agency.code}`, h.agencies);
  });

  add('every operation without a credential: 401 UNAUTHENTICATED', async (t) => {
    for (const [id, route] of Object.entries(officeRoutes) as Array<[OfficeOperationId, OfficeRouteDef]>) {
      if (route.roles === 'public') continue;
      expectError(await t.call(null, id, sampleInput(route, { junk: 'x'.repeat(10) })), 'UNAUTHENTICATED', `${id} without a credential`);
    }
  });

  add('every operation refused to a role it does not list: 403 FORBIDDEN', async (t) => {
    const { clerk, leader, officer, admin } = t.users;
    let refused = 0;
    for (const [id, route] of Object.entries(officeRoutes) as Array<[OfficeOperationId, OfficeRouteDef]>) {
      if (route.roles === 'public') continue;
      const roles = route.roles;
      const outsider = [clerk, leader, officer, admin].find((u) => !u.roles.some((r) => roles.includes(r)));
      if (!outsider) continue;
      expectError(await t.call(outsider, id, sampleInput(route, {})), 'FORBIDDEN', `${id} as ${outsider.roles.join(',')}`);
      refused++;
    }
    ok(refused >= 10, 'at least ten operations are refused to some role', refused);
  });

  add('a user of an agency the back end does not serve: 403 FORBIDDEN', async (t) => {
    expectError(await t.call(t.users.unserved, 'listIncoming', { query: {} }), 'FORBIDDEN', 'listIncoming by a user of an unserved agency');
  });

  add('tells the user who they are, the roles and the users', async (t) => {
    const { clerk, officer, leader, leader2 } = t.users;
    const me = parsed(MeSchema, await t.call(clerk, 'getMe'), 'getMe');
    eq([me.user.id, me.user.agency, me.user.roles, me.user.agencyName], [clerk.id, t.agency.code, clerk.roles, t.agency.name], 'getMe: the user');
    ok(me.actions.includes('numberDraft') && !me.actions.includes('signDraft'), 'getMe: a văn thư may number, not sign', me.actions);
    const roles = parsed(RoleListSchema, await t.call(officer, 'listRoles'), 'listRoles');
    ok(roles.items.find((r) => r.role === 'lanhDao')?.actions.includes('signDraft'), 'listRoles: lãnh đạo may sign', roles.items);
    const leaders = parsed(UserPageSchema, await t.call(officer, 'listUsers', { query: { role: 'lanhDao' } }), 'listUsers?role=lanhDao');
    eq(leaders.items.map((u) => u.id).sort(), [leader.id, leader2.id].sort(), 'listUsers?role=lanhDao');
    const folded = foldForSearch(officer.name);
    const found = parsed(UserPageSchema, await t.call(officer, 'listUsers', { query: { q: folded } }), 'listUsers?q= (no diacritics)');
    ok(found.items.some((u) => u.id === officer.id), `listUsers?q=${folded} finds ${officer.name}`, found.items);
    ok(found.items.every((u) => foldForSearch(u.name).includes(folded)), 'listUsers?q= answers only matching names', found.items);
  });

  add('incoming: arrival, tiếp nhận (số đến), phân công with a working-day deadline, xử lý, hoàn thành — each with its status', async (t) => {
    const { clerk, leader, officer, officer2, otherAgencyClerk } = t.users;
    const word = uniqueWord();
    const id = await arrive(t, word, { subject: `Về việc báo cáo tình hình sử dụng văn bản điện tử ${word}`, urgency: 'thuongKhan' });
    // delivered twice, stored once
    const again = (await t.call(clerk, 'listIncoming', { query: { q: word } })).json as { items?: unknown[] } | undefined;
    eq(again?.items?.length, 1, 'the same document delivered twice is stored once');
    const page = parsed(IncomingPageSchema, await t.call(clerk, 'listIncoming', { query: { state: 'arrived', q: word } }), 'listIncoming?state=arrived');
    const row = page.items[0];
    eq([row?.state, row?.urgency, row?.unread, row?.arrivalNumber], ['arrived', 'thuongKhan', true, null], 'the arrived document in the list');
    const found = parsed(IncomingPageSchema, await t.call(clerk, 'listIncoming', { query: { q: `van ban dien tu ${word}` } }), 'listIncoming?q= without diacritics');
    eq(found.items.map((i) => i.id), [id], 'a search without diacritics finds the document');
    // a chuyên viên not assigned does not see it; another agency neither
    expectError(await t.call(officer, 'getIncoming', { params: { id } }), 'NOT_FOUND', 'getIncoming by a chuyên viên not assigned');
    expectError(await t.call(otherAgencyClerk, 'getIncoming', { params: { id } }), ['NOT_FOUND', 'FORBIDDEN'], "getIncoming by another agency's văn thư");
    expectError(await t.call(otherAgencyClerk, 'receiveIncoming', { params: { id }, body: {} }), ['NOT_FOUND', 'FORBIDDEN'], "receiveIncoming by another agency's văn thư");
    expectError(await t.call(leader, 'receiveIncoming', { params: { id }, body: {} }), 'FORBIDDEN', 'receiveIncoming by a lãnh đạo');
    const received = parsed(IncomingDetailSchema, await t.call(clerk, 'receiveIncoming', { params: { id }, body: { note: 'Bản điện tử' } }), 'receiveIncoming');
    eq([received.state, received.arrivalDate], ['registered', today()], 'receiveIncoming: state and arrival date');
    ok((received.arrivalNumber ?? 0) > 0, 'receiveIncoming gives an arrival number', received.arrivalNumber);
    expectError(await t.call(clerk, 'receiveIncoming', { params: { id }, body: {} }), 'INVALID_STATE', 'receiveIncoming twice');
    // assign: an unknown user is refused with a located issue
    const bad = expectError(await t.call(clerk, 'assignIncoming', { params: { id }, body: { lead: 'nobody-here', workingDays: 5 } }), 'VALIDATION_FAILED', 'assignIncoming to an unknown user');
    ok(bad.details?.issues?.some((i) => i.path === '/body/lead'), 'the issue is located at /body/lead', bad.details);
    const assigned = parsed(
      IncomingDetailSchema,
      await t.call(clerk, 'assignIncoming', { params: { id }, body: { lead: officer.id, coHandlers: [officer2.id], workingDays: 5, note: 'Xử lý gấp' } }),
      'assignIncoming',
    );
    eq(assigned.state, 'assigned', 'assignIncoming: state');
    eq(assigned.dueDate, formatIsoDate(calendar.dueDate(today(), 5)), 'assignIncoming: due in 5 working days (WorkCalendar)');
    eq(assigned.assignment?.lead, { id: officer.id, name: officer.name }, 'assignIncoming: the lead handler');
    eq(assigned.assignment?.coHandlers.map((u) => u.id), [officer2.id], 'assignIncoming: the co-handlers');
    const mine = parsed(IncomingPageSchema, await t.call(officer, 'listIncoming', { query: { mine: 'true', q: word } }), 'listIncoming?mine=true');
    eq(mine.items.map((i) => [i.id, i.unread]), [[id, true]], 'the lead handler sees it among theirs, unread');
    // a co-handler may start, only the lead finishes
    parsed(IncomingDetailSchema, await t.call(officer2, 'startIncoming', { params: { id }, body: {} }), 'startIncoming by a co-handler');
    expectError(await t.call(officer2, 'completeIncoming', { params: { id }, body: {} }), 'FORBIDDEN', 'completeIncoming by a co-handler');
    const done = parsed(IncomingDetailSchema, await t.call(officer, 'completeIncoming', { params: { id }, body: { note: 'Đã báo cáo' } }), 'completeIncoming');
    eq(done.state, 'done', 'completeIncoming: state');
    eq(done.history.map((h) => h.statusCode), ['01', '03', '04', '05', '06'], 'the status answered at each step');
    eq(done.history.map((h) => h.actor?.id ?? null), [null, clerk.id, clerk.id, officer2.id, officer.id], 'who did each step');
    const reg = parsed(RegisterPageSchema, await t.call(clerk, 'listRegister', { params: { kind: 'incoming' }, query: {} }), 'listRegister incoming');
    const entry = reg.items.find((e) => e.documentId === id);
    eq([entry?.number, entry?.organId, entry?.toPlaces], [received.arrivalNumber, t.recipient.code, officer.name], 'the incoming register row (số đến, tác giả, người nhận)');
  });

  add('incoming: trả lại with a reason (02); overdue and unread filters', async (t) => {
    const { clerk, leader, officer } = t.users;
    const word = uniqueWord();
    const id = await arrive(t, word);
    expectError(await t.call(clerk, 'returnIncoming', { params: { id }, body: {} }), 'VALIDATION_FAILED', 'returnIncoming without a reason');
    const ret = parsed(IncomingDetailSchema, await t.call(clerk, 'returnIncoming', { params: { id }, body: { reason: 'Gửi nhầm cơ quan' } }), 'returnIncoming');
    eq([ret.state, ret.returnReason, ret.history.at(-1)?.statusCode], ['returned', 'Gửi nhầm cơ quan', '02'], 'returnIncoming');
    expectError(await t.call(clerk, 'assignIncoming', { params: { id }, body: { lead: officer.id, workingDays: 2 } }), 'INVALID_STATE', 'assignIncoming of a returned document');
    const late = await arrive(t, word);
    parsed(IncomingDetailSchema, await t.call(clerk, 'receiveIncoming', { params: { id: late }, body: {} }), 'receiveIncoming');
    parsed(IncomingDetailSchema, await t.call(leader, 'assignIncoming', { params: { id: late }, body: { lead: officer.id, dueDate: '2020-01-02' } }), 'assignIncoming with a past due date');
    const overdue = parsed(IncomingPageSchema, await t.call(leader, 'listIncoming', { query: { overdue: 'true', q: word } }), 'listIncoming?overdue=true');
    eq(overdue.items.map((i) => [i.id, i.overdue]), [[late, true]], 'only the late document is overdue');
    const notOverdue = parsed(IncomingPageSchema, await t.call(leader, 'listIncoming', { query: { overdue: 'false', q: word } }), 'listIncoming?overdue=false');
    eq(notOverdue.items.map((i) => i.id), [id], 'the returned document is not overdue');
    const unread = () => t.call(leader, 'listIncoming', { query: { unread: 'true', q: word } });
    ok(parsed(IncomingPageSchema, await unread(), 'listIncoming?unread=true').items.some((i) => i.id === late), 'unread for the leader before opening');
    parsed(IncomingDetailSchema, await t.call(leader, 'getIncoming', { params: { id: late } }), 'getIncoming');
    ok(!parsed(IncomingPageSchema, await unread(), 'listIncoming?unread=true').items.some((i) => i.id === late), 'read once the leader opened it');
    const clerkView = parsed(IncomingPageSchema, await t.call(clerk, 'listIncoming', { query: { unread: 'true', q: word } }), 'listIncoming?unread=true (clerk)');
    ok(clerkView.items.some((i) => i.id === late), 'still unread for the clerk, who did not open it');
  });

  add('incoming: pages by cursor without gaps or repeats; bad queries are VALIDATION_FAILED', async (t) => {
    const { clerk } = t.users;
    const word = uniqueWord();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push(await arrive(t, word));
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: z.output<typeof IncomingPageSchema> = parsed(IncomingPageSchema, await t.call(clerk, 'listIncoming', { query: { q: word, limit: 3, ...(cursor ? { cursor } : {}) } }), 'listIncoming page');
      ok(page.items.length <= 3, 'a page holds at most `limit` items', page.items.length);
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    eq([...ids].sort(), [...made].sort(), 'the pages hold each document once');
    eq(pages, 3, 'seven documents by three: three pages');
    expectError(await t.call(clerk, 'listIncoming', { query: { limit: 500 } }), 'VALIDATION_FAILED', 'listIncoming?limit=500');
    const bad = expectError(await t.call(clerk, 'listIncoming', { query: { from: '2026-02-30' } }), 'VALIDATION_FAILED', 'listIncoming?from=2026-02-30');
    ok(bad.details?.issues?.some((i) => i.path === '/query/from'), 'the issue is located at /query/from', bad.details);
    expectError(await t.call(clerk, 'getIncoming', { params: { id: 'not-an-id' } }), 'VALIDATION_FAILED', 'getIncoming of a malformed id');
    for (const op of ['getIncoming', 'getOutgoing', 'getDraft'] as const) {
      expectError(await t.call(clerk, op, { params: { id: 'ffffffffffffffffffffffff' } }), 'NOT_FOUND', `${op} of an id that exists nowhere`);
    }
  });

  add('drafts: trình ký → lãnh đạo ký → cấp số → đóng dấu → gửi; each step by its role only; the outgoing register, CSV and PDF', async (t) => {
    const { clerk, leader, leader2, officer } = t.users;
    const subject = `triển khai liên thông văn bản điện tử ${uniqueWord()}`;
    const created = parsed(DraftSchema, await t.call(officer, 'createDraft', { body: { document: { ...sampleDocument(t, subject), subject: '' }, recipients: [t.recipient.code] } }), 'createDraft', 201);
    eq([created.state, created.version], ['draft', 1], 'createDraft');
    ok(created.issues.some((i) => i.path?.startsWith('/document/subject')), 'an empty subject is an issue located at /document/subject', created.issues);
    expectError(await t.call(officer, 'submitDraft', { params: { id: created.id }, body: { signer: leader.id } }), 'INVALID_DOCUMENT', 'submitDraft of an incomplete document');
    expectError(await t.call(officer, 'updateDraft', { params: { id: created.id }, body: { version: 99, document: sampleDocument(t, subject) } }), 'VERSION_CONFLICT', 'updateDraft with a stale version');
    const updated = parsed(DraftSchema, await t.call(officer, 'updateDraft', { params: { id: created.id }, body: { version: created.version, document: sampleDocument(t, subject) } }), 'updateDraft');
    eq([updated.issues, updated.version], [[], 2], 'updateDraft: complete now, version 2');
    expectError(await t.call(officer, 'submitDraft', { params: { id: created.id }, body: { signer: clerk.id } }), 'VALIDATION_FAILED', 'submitDraft to a văn thư');
    const submitted = parsed(DraftSchema, await t.call(officer, 'submitDraft', { params: { id: created.id }, body: { signer: leader.id } }), 'submitDraft');
    eq([submitted.state, submitted.signer?.id], ['submitted', leader.id], 'submitDraft');
    const pdf = base64(pdfs().signed);
    expectError(await t.call(officer, 'signDraft', { params: { id: created.id }, body: { pdf } }), 'FORBIDDEN', 'signDraft by a chuyên viên');
    expectError(await t.call(leader2, 'signDraft', { params: { id: created.id }, body: { pdf } }), 'FORBIDDEN', 'signDraft by a leader it was not submitted to');
    expectError(await t.call(leader, 'signDraft', { params: { id: created.id }, body: { pdf: base64(enc.encode('not a pdf at all')) } }), ['INVALID_PDF', 'SIGNATURE_INVALID'], 'signDraft of a file that is not a PDF');
    const signed = parsed(DraftSchema, await t.call(leader, 'signDraft', { params: { id: created.id }, body: { pdf } }), 'signDraft');
    eq([signed.state, signed.signedBy?.id], ['signed', leader.id], 'signDraft');
    expectError(await t.call(leader, 'numberDraft', { params: { id: created.id }, body: {} }), 'FORBIDDEN', 'numberDraft by a lãnh đạo');
    const numbered = parsed(DraftSchema, await t.call(clerk, 'numberDraft', { params: { id: created.id }, body: {} }), 'numberDraft');
    ok((numbered.number ?? 0) > 0, 'numberDraft gives a number', numbered.number);
    const notation = `${padDocumentNumber(numbered.number ?? 0)}/${t.agency.abbreviation}-VP`;
    eq([numbered.state, numbered.notation, numbered.document.number], ['numbered', notation, numbered.number], 'numberDraft: số/ký hiệu, and the number in the document');
    expectError(await t.call(clerk, 'numberDraft', { params: { id: created.id }, body: {} }), 'INVALID_STATE', 'numberDraft twice');
    // the seal must extend the signed PDF
    const sealed = pdfs().sealed;
    expectError(await t.call(clerk, 'sealDraft', { params: { id: created.id }, body: { pdf: base64(sealed.subarray(1)) } }), ['INVALID_PDF', 'SIGNATURE_INVALID'], 'sealDraft of a file that does not extend the signed PDF');
    expectError(await t.call(clerk, 'sealDraft', { params: { id: created.id }, body: { pdf } }), ['INVALID_PDF', 'SIGNATURE_INVALID'], 'sealDraft of the signed PDF itself');
    parsed(DraftSchema, await t.call(clerk, 'sealDraft', { params: { id: created.id }, body: { pdf: base64(sealed) } }), 'sealDraft');
    ok(sameBytes(bytesOf(await t.call(clerk, 'downloadDraftPdf', { params: { id: created.id } }), 'downloadDraftPdf'), sealed), 'downloadDraftPdf answers the sealed file');
    const out = await sent(t, created.id, await t.call(clerk, 'sendDraft', { params: { id: created.id }, body: {} }));
    eq(out.notation, notation, 'the outgoing document keeps số/ký hiệu');
    // the outgoing register has the number
    const reg = parsed(RegisterPageSchema, await t.call(leader, 'listRegister', { params: { kind: 'outgoing' }, query: {} }), 'listRegister outgoing');
    const entry = reg.items.find((e) => e.documentId === created.id);
    eq([entry?.number, entry?.codeNotation, entry?.organId], [numbered.number, `${t.agency.abbreviation}-VP`, t.agency.code], 'the outgoing register row');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytesOf(await t.call(clerk, 'exportRegister', { params: { kind: 'outgoing' }, query: { format: 'csv' } }), 'exportRegister csv'));
    ok(csv.startsWith('\uFEFF') && csv.includes('Trích yếu nội dung') && csv.includes(subject), 'the CSV (UTF-8 with BOM) has the headings and the row', csv.slice(0, 300));
    const json = JSON.parse(new TextDecoder().decode(bytesOf(await t.call(clerk, 'exportRegister', { params: { kind: 'outgoing' }, query: { format: 'json' } }), 'exportRegister json'))) as Array<{ documentId: string }>;
    ok(json.some((e) => e.documentId === created.id), 'the JSON export has the row');
    const file = bytesOf(await t.call(clerk, 'exportRegister', { params: { kind: 'outgoing' }, query: { format: 'pdf' } }), 'exportRegister pdf');
    eq(new TextDecoder().decode(file.subarray(0, 5)), '%PDF-', 'exportRegister?format=pdf answers a PDF');
    if (t.pdfText) {
      const text = (await t.pdfText(file)).normalize('NFC').replace(/\s+/g, ' ');
      for (const s of ['SỔ ĐĂNG KÝ VĂN BẢN ĐI', notation, subject]) ok(text.includes(s), `the PDF register shows “${s}”`, text.slice(0, 400));
    }
  });

  add('outgoing: gửi lại and thu hồi follow the state; each by the văn thư only', async (t) => {
    const { clerk, officer } = t.users;
    const numbered = await issue(t, `thu hồi thử ${uniqueWord()}`);
    const out = await sent(t, numbered.id, await sealAndSend(t, numbered.id));
    expectError(await t.call(officer, 'revokeOutgoing', { params: { id: out.id }, body: { reason: 'Ban hành nhầm' } }), 'FORBIDDEN', 'revokeOutgoing by a chuyên viên');
    expectError(await t.call(clerk, 'revokeOutgoing', { params: { id: out.id }, body: {} }), 'VALIDATION_FAILED', 'revokeOutgoing without a reason');
    expectError(await t.call(clerk, 'revokeOutgoing', { params: { id: 'ffffffffffffffffffffffff' }, body: { reason: 'x' } }), 'NOT_FOUND', 'revokeOutgoing of an unknown document');
    expectError(await t.call(officer, 'resendOutgoing', { params: { id: out.id }, body: {} }), 'FORBIDDEN', 'resendOutgoing by a chuyên viên');
    const detail = parsed(OutgoingDetailSchema, await t.call(clerk, 'getOutgoing', { params: { id: out.id } }), 'getOutgoing');
    eq(detail.recipients.map((r) => r.agency.code), [t.recipient.code], 'getOutgoing: the recipients');
    if (t.exchange === 'unreachable') {
      expectError(await t.call(clerk, 'resendOutgoing', { params: { id: out.id }, body: {} }), 'EXCHANGE_FAILED', 'resendOutgoing with the exchange still unreachable');
      eq(parsed(OutgoingDetailSchema, await t.call(clerk, 'getOutgoing', { params: { id: out.id } }), 'getOutgoing').state, 'sending', 'kept to be sent again');
      expectError(await t.call(clerk, 'revokeOutgoing', { params: { id: out.id }, body: { reason: 'Ban hành nhầm' } }), 'INVALID_STATE', 'revokeOutgoing of a document not sent yet');
    } else {
      expectError(await t.call(clerk, 'resendOutgoing', { params: { id: out.id }, body: {} }), 'INVALID_STATE', 'resendOutgoing of a document every recipient got');
      const revoked = parsed(OutgoingDetailSchema, await t.call(clerk, 'revokeOutgoing', { params: { id: out.id }, body: { reason: 'Ban hành nhầm' } }), 'revokeOutgoing');
      eq(revoked.state, 'revoked', 'revokeOutgoing: the document is revoked');
      const list = parsed(OutgoingPageSchema, await t.call(clerk, 'listOutgoing', { query: { limit: 200 } }), 'listOutgoing');
      ok(list.items.some((o) => o.kind === 'revoke' && o.notation === out.notation), 'the revoke package is in the outgoing list', list.items.map((o) => [o.kind, o.notation]));
      expectError(await t.call(clerk, 'revokeOutgoing', { params: { id: out.id }, body: { reason: 'Lần nữa' } }), 'INVALID_STATE', 'revokeOutgoing twice');
    }
  });

  add('outgoing: thay thế — a draft replacing a sent document goes out naming it, and the earlier one is replaced', async (t) => {
    const { officer } = t.users;
    const subject = `thay thế thử ${uniqueWord()}`;
    const numbered = await issue(t, subject);
    const out = await sent(t, numbered.id, await sealAndSend(t, numbered.id));
    const replace = (id: string, body: unknown) => t.call(officer, 'replaceOutgoing', { params: { id }, body });
    expectError(await replace(out.id, {}), 'VALIDATION_FAILED', 'replaceOutgoing without a reason');
    expectError(await replace('ffffffffffffffffffffffff', { reason: 'Sai số liệu' }), 'NOT_FOUND', 'replaceOutgoing of an unknown document');
    if (t.exchange === 'unreachable') {
      expectError(await replace(out.id, { reason: 'Sai số liệu' }), 'INVALID_STATE', 'replaceOutgoing of a document not sent yet');
      return;
    }
    const reason = 'Sai số liệu tại mục 2';
    const draft = parsed(DraftSchema, await replace(out.id, { reason }), 'replaceOutgoing', 201);
    eq(
      [draft.state, draft.replaces, draft.document.subject, draft.recipients.map((r) => r.code), draft.number, draft.createdBy.id],
      ['draft', { outgoingId: out.id, notation: out.notation, reason }, subject, [t.recipient.code], null, officer.id],
      'replaceOutgoing: a draft with the content and recipients of the replaced document',
    );
    const corrected = parsed(
      DraftSchema,
      await t.call(officer, 'updateDraft', { params: { id: draft.id }, body: { version: draft.version, document: { ...draft.document, subject: `${subject} (thay thế)` } } }),
      'updateDraft of the replacing draft',
    );
    eq(corrected.replaces?.outgoingId, out.id, 'the draft still replaces the earlier document after an update');
    const renumbered = await toNumbered(t, draft.id);
    ok((renumbered.number ?? 0) > (numbered.number ?? 0), 'the replacing document takes a new number of the register', [renumbered.number, numbered.number]);
    const replacement = parsed(OutgoingDetailSchema, await sealAndSend(t, draft.id), 'sendDraft of the replacing draft');
    eq([replacement.state, replacement.replaces], ['sent', out.id], 'the replacement is sent and names the earlier document');
    const earlier = parsed(OutgoingDetailSchema, await t.call(t.users.clerk, 'getOutgoing', { params: { id: out.id } }), 'getOutgoing of the replaced document');
    eq(earlier.replacedBy, replacement.id, 'the earlier document is replaced by the new one');
    ok(earlier.history.some((h) => h.action === 'replaced'), 'its history says it was replaced', earlier.history.map((h) => h.action));
    expectError(await replace(out.id, { reason }), 'INVALID_STATE', 'replaceOutgoing of a document already replaced');
  });

  add('registers: numbers restart at 1 each year', async (t) => {
    const y1 = await issue(t, `năm 2031 ${uniqueWord()}`, '2031-12-31');
    const y2 = await issue(t, `năm 2032 ${uniqueWord()}`, '2032-01-01');
    const y2b = await issue(t, `năm 2032 ${uniqueWord()}`, '2032-01-02');
    eq([y1.number, y2.number, y2b.number], [1, 1, 2], 'numbers of 31 Dec 2031, 1 and 2 Jan 2032');
    const reg = parsed(RegisterPageSchema, await t.call(t.users.clerk, 'listRegister', { params: { kind: 'outgoing' }, query: { year: 2032 } }), 'listRegister?year=2032');
    eq(reg.items.map((e) => e.number), [2, 1], 'the 2032 register, newest number first');
  });

  add('audit log: the actions of the cases before, readable by quản trị only', async (t) => {
    const page = parsed(AuditPageSchema, await t.call(t.users.admin, 'listAudit', { query: { limit: 200 } }), 'listAudit');
    const actions = new Set(page.items.map((e) => e.action));
    const expected = ['arrived', 'receiveIncoming', 'assignIncoming', 'completeIncoming', 'returnIncoming', 'createDraft', 'submitDraft', 'signDraft', 'numberDraft', 'sealDraft', 'sendDraft'];
    eq(expected.filter((a) => !actions.has(a)), [], 'actions missing from the audit log');
    ok(page.items.every((e) => e.agency === t.agency.code), "only the agency's own entries", [...new Set(page.items.map((e) => e.agency))]);
    const signs = page.items.filter((e) => e.action === 'signDraft');
    ok(signs.length > 0 && signs.every((e) => e.actor?.id === t.users.leader.id), 'signDraft entries name the leader', signs);
    expectError(await t.call(t.users.clerk, 'listAudit', { query: {} }), 'FORBIDDEN', 'listAudit by a văn thư');
  });

  return cases;
}

/**
 * `call` of an {@link OfficeContractTarget} over HTTP, from the route table: for a back end in any language. `token`
 * answers the bearer token of a user (from the agency's identity provider in a test realm).
 */
export function httpOfficeCaller(options: {
  baseUrl: string;
  token(user: OfficeContractUser): Promise<string> | string;
  fetch?: (request: Request) => Response | Promise<Response>;
}): OfficeContractTarget['call'] {
  const doFetch = options.fetch ?? ((r: Request) => fetch(r));
  const base = options.baseUrl.replace(/\/$/, '');
  return async (user, op, input = {}) => {
    const route = officeRoutes[op] as OfficeRouteDef;
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(input.query ?? {})) if (v !== undefined) search.set(k, String(v));
    const qs = search.toString();
    const headers: Record<string, string> = {};
    if (user) headers.authorization = `Bearer ${await options.token(user)}`;
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    const res = await doFetch(
      new Request(`${base}${officeRoutePath(route.path, input.params ?? {})}${qs ? `?${qs}` : ''}`, {
        method: route.method,
        headers,
        ...(input.body !== undefined ? { body: JSON.stringify(input.body) } : {}),
      }),
    );
    const contentType = res.headers.get('content-type');
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (contentType?.includes('application/json') && !('mediaType' in route.success && res.ok)) {
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        json = undefined;
      }
      return { status: res.status, json, contentType };
    }
    return { status: res.status, bytes, contentType };
  };
}
