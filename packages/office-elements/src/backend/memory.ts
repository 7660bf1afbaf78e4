// An in-memory OfficeBackend with the office server's rules, for hosts' tests, Storybook and the elements' own tests.
import { addDays, formatIsoDate, WorkCalendar } from '@egov-vn/calendar';
import {
  allowedOperations,
  checkOfficeInput,
  INCOMING_STATE_STATUS,
  officeErrorCatalog,
  officeErrorStatus,
  type OfficeErrorCode,
  officeRoutes,
  registerCsv,
  ROLE_LABELS,
  ROLES,
  type AgencyRef,
  type AuditEntry,
  type DirectoryEntry,
  type IncomingDetail,
  type IncomingItem,
  type IncomingState,
  type OfficeRouteDef,
  type OutgoingDetail,
  type OutgoingItem,
  type RegisterEntry,
  type RegisterKind,
  type Role,
  type StatusReport,
  type Urgency,
  type User,
} from '@egov-vn/office-api';
import type { FontSet } from '@egov-vn/document-pdf';
import { foldForSearch, nextRegisterNumber, statusLabel, todayInVietnam, type RegisterState } from '@egov-vn/schemas';
import type { z } from 'zod';
import { memoryDrafts } from './memory-drafts.js';
import type { OfficeBackend, OfficeCallOptions, OfficeInput, OfficeOperation, OfficeOutput } from './types.js';
import { OfficeBackendError } from './types.js';

export interface MemoryOfficeSeed {
  /** The agency the office belongs to. */
  agency: AgencyRef;
  users: User[];
  /** The id of the signed-in user (change it with `signIn`). */
  userId: string;
  incoming: IncomingDetail[];
  /** The agency's sent documents (default none). */
  outgoing?: OutgoingDetail[];
  /**
   * Rows of the registers already written (default: one incoming row per seeded document with an arrival number and
   * one outgoing row per seeded outgoing document that is not a revoke).
   */
  registers?: RegisterEntry[];
  directory: DirectoryEntry[];
  /** "Today" in Việt Nam, yyyy-mm-dd (default: the real day). Overdue flags and due dates follow it. */
  today?: string;
  /** The bytes served for every attachment (e.g. a PDF made with @egov-vn/document-pdf). Default: none (NOT_FOUND). */
  attachment?: Uint8Array;
  /** The agency's work calendar (default `new WorkCalendar()`). */
  calendar?: WorkCalendar;
  /**
   * The four faces of the register PDF export (TTF bytes), or a loader. Default: in a page, the Liberation Serif files
   * served at `fontsUrl`; in Node, the ones bundled with `@egov-vn/document-pdf`.
   */
  fonts?: FontSet | (() => Promise<FontSet>);
  /** Where a page serves `@egov-vn/document-pdf/fonts/` (default `/fonts/`, as `<egov-compose>`). */
  fontsUrl?: string;
}

/** A document that arrives from the exchange (what a test or a story delivers with `arrive`). */
export interface MemoryArrival {
  exchangeId: string;
  from: AgencyRef;
  subject: string;
  notation: string;
  urgency?: Urgency;
  promulgationDate?: string;
  typeName?: string;
}

/** The in-memory backend, with a few controls for tests. */
export interface MemoryOfficeBackend extends OfficeBackend {
  /** Act as another user of the seed (the role changes what is allowed). */
  signIn(userId: string): void;
  /** The documents as stored now (copies). */
  incoming(): IncomingDetail[];
  /** The sent documents as stored now (copies). */
  outgoing(): OutgoingDetail[];
  /** The rows of a register as stored now (copies), in number order. */
  register(kind: RegisterKind, year?: number): RegisterEntry[];
  /**
   * What the exchange does next for a recipient, as a test wants it: `fail` (the recipient's system refused it) or a
   * business status code it answered (`'03'`, `'06'`, …). Changes the stored document.
   */
  report(outgoingId: string, agencyCode: string, what: 'fail' | StatusReport['code']): void;
  /** Every call made, in order (operation id and input), for assertions in hosts' tests. */
  readonly calls: Array<{ op: OfficeOperation; input: unknown }>;
  /** The current PDF of a draft (signed, then sealed), or null. */
  draftPdf(id: string): Uint8Array | null;
  /**
   * A document arrives from the exchange (state `arrived`, status 01 answered), as the office server's receiver stores
   * it; the same `exchangeId` twice is stored once. Answers the stored document.
   */
  arrive(arrival: MemoryArrival): IncomingDetail;
}

const HEX = '0123456789abcdef';
function idOf(n: number): string {
  let s = '';
  let v = n + 1;
  for (let i = 0; i < 24; i += 1) {
    s = HEX[v % 16]! + s;
    v = Math.floor(v / 16);
  }
  return s;
}

const DEMO_AGENCY: AgencyRef = { code: '000.00.01.H53', name: 'Sở Thông tin và Truyền thông tỉnh Hà Giang' };
const SENDERS: AgencyRef[] = [
  { code: '000.00.00.G01', name: 'Văn phòng Chính phủ' },
  { code: '000.00.00.H53', name: 'Ủy ban nhân dân tỉnh Hà Giang' },
  { code: '000.00.02.H53', name: 'Sở Tài chính tỉnh Hà Giang' },
  { code: '000.00.03.H53', name: 'Sở Nội vụ tỉnh Hà Giang' },
];
const SUBJECTS = [
  'Về việc triển khai dịch vụ công trực tuyến toàn trình',
  'Về việc báo cáo tình hình chuyển đổi số quý IV',
  'Về việc tăng cường bảo đảm an toàn thông tin mạng',
  'Về việc góp ý dự thảo Quyết định ban hành quy chế',
  'Về việc tổ chức hội nghị tổng kết năm',
];
const TYPES = ['Công văn', 'Quyết định', 'Kế hoạch', 'Thông báo', 'Báo cáo'];
const URGENCIES = ['thuong', 'thuong', 'thuong', 'khan', 'thuongKhan', 'hoaToc'] as const;

/** The demo users of the default seed: one per role. */
export function demoUsers(agency: AgencyRef = DEMO_AGENCY): User[] {
  const u = (id: string, name: string, roles: Role[], title: string | null): User => ({
    id,
    name,
    agency: agency.code,
    agencyName: agency.name,
    roles,
    title,
    email: null,
    lastSeenAt: null,
  });
  return [
    u('vanthu', 'Nguyễn Thị Lan', ['vanThu'], 'Văn thư'),
    u('lanhdao', 'Trần Văn Minh', ['lanhDao'], 'Giám đốc'),
    u('chuyenvien', 'Lê Thu Hà', ['chuyenVien'], 'Chuyên viên'),
    u('chuyenvien2', 'Phạm Quốc Bảo', ['chuyenVien'], 'Chuyên viên'),
    u('quantri', 'Đỗ Minh Tuấn', ['quanTri'], null),
  ];
}

/**
 * `count` incoming documents, deterministic (the same list every run): mixed senders, urgencies and states, the
 * newest first, some overdue relative to `today`.
 */
export function demoIncoming(count: number, options: { today?: string; agency?: AgencyRef; users?: User[] } = {}): IncomingDetail[] {
  const today = options.today ?? '2026-12-02';
  const agency = options.agency ?? DEMO_AGENCY;
  const users = options.users ?? demoUsers(agency);
  const handler = users.find((u) => u.roles.includes('chuyenVien')) ?? users[0]!;
  const leader = users.find((u) => u.roles.includes('lanhDao')) ?? users[0]!;
  const states: IncomingState[] = ['arrived', 'arrived', 'registered', 'assigned', 'processing', 'done', 'returned'];
  const out: IncomingDetail[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = formatIsoDate(addDays(today, -Math.floor(i / 3)));
    const state = states[i % states.length]!;
    const from = SENDERS[i % SENDERS.length]!;
    const registered = state !== 'arrived' && state !== 'returned';
    const assigned = state === 'assigned' || state === 'processing' || state === 'done';
    const due = assigned ? formatIsoDate(addDays(day, (i % 9) + 1)) : null;
    const at = `${day}T0${(i % 9) + 1}:15:00+07:00`;
    out.push({
      id: idOf(i),
      exchangeId: `ex-${i + 1}`,
      from,
      subject: `${SUBJECTS[i % SUBJECTS.length]} (${i + 1})`,
      notation: `${(i % 900) + 1}/${from.code.endsWith('G01') ? 'VPCP-KSTT' : 'UBND-VP'}`,
      typeName: TYPES[i % TYPES.length]!,
      promulgationDate: day,
      urgency: URGENCIES[i % URGENCIES.length]!,
      state,
      arrivedAt: at,
      arrivalNumber: registered ? count - i : null,
      arrivalDate: registered ? day : null,
      dueDate: due,
      overdue: due !== null && state !== 'done' && due < today,
      leadHandler: assigned ? { id: handler.id, name: handler.name } : null,
      unread: i % 4 !== 1,
      attachments: [{ index: 0, name: `van-ban-${i + 1}.pdf`, contentType: 'application/pdf', size: 48_213 }],
      assignment: assigned
        ? {
            lead: { id: handler.id, name: handler.name },
            coHandlers: [],
            forInformation: [],
            workingDays: null,
            dueDate: due!,
            note: null,
            by: { id: leader.id, name: leader.name },
            at,
          }
        : null,
      returnReason: state === 'returned' ? 'Gửi nhầm cơ quan' : null,
      history: [{ action: 'arrived', actor: null, at, note: null, statusCode: '01' }],
      metadata: {
        edxmlDocumentId: `${from.code},${day}T08:00:00/${i + 1}`,
        signed: true,
        to: [agency],
        signerName: 'Nguyễn Văn An',
        signerPosition: 'Chánh Văn phòng',
      },
    });
  }
  return out;
}

const report = (code: StatusReport['code'], at: string, staff: string | null = null): StatusReport => ({
  code,
  label: statusLabel(code),
  description: null,
  staff,
  at,
});

/**
 * `count` sent documents, deterministic, the newest first: each to one to three agencies of the directory, with the
 * statuses their offices answered (đã đến 01, tiếp nhận 03, phân công 04, đang xử lý 05, hoàn thành 06, trả lại 02); every
 * seventh failed at one recipient (refused by its system), one in eleven revoked (with its revoke package).
 */
export function demoOutgoing(count: number, options: { today?: string } = {}): OutgoingDetail[] {
  const today = options.today ?? '2026-12-02';
  const chains: Array<StatusReport['code'][]> = [['01'], ['01', '03'], ['01', '03', '04'], ['01', '03', '04', '05'], ['01', '03', '04', '05', '06'], ['01', '02']];
  const abbreviation = 'STTTT';
  const out: OutgoingDetail[] = [];
  let number = count;
  for (let i = 0; i < count; i += 1) {
    const day = formatIsoDate(addDays(today, -Math.floor(i / 2)));
    const at = `${day}T0${(i % 9) + 1}:30:00+07:00`;
    const targets = SENDERS.filter((_, k) => k === i % SENDERS.length || (i % 3 === 0 && k === (i + 1) % SENDERS.length) || (i % 5 === 0 && k === (i + 2) % SENDERS.length));
    const failed = i % 7 === 3;
    const revoked = i % 11 === 5;
    const recipients = targets.map((a, k) => {
      const chain = chains[(i + k) % chains.length]!;
      const fails = failed && k === targets.length - 1;
      return {
        agency: a,
        delivery: fails ? ('fail' as const) : chain.length > 1 ? ('done' as const) : ('pending' as const),
        statuses: fails ? [] : chain.map((c, n) => report(c, `${day}T1${n}:00:00+07:00`, c === '01' ? null : 'Văn thư')),
      };
    });
    const n = number--;
    const notation = `${String(n).padStart(2, '0')}/${abbreviation}-VP`;
    const item: OutgoingDetail = {
      id: idOf(100_000 + i),
      draftId: idOf(200_000 + i),
      exchangeId: failed && recipients.length === 1 ? null : `ex-out-${i + 1}`,
      subject: `${SUBJECTS[(i + 2) % SUBJECTS.length]} (${i + 1})`,
      notation,
      number: n,
      issuedDate: day,
      kind: 'new',
      state: revoked ? 'revoked' : failed ? 'failed' : 'sent',
      sentAt: at,
      recipients: recipients.map((r) => ({ agency: r.agency, delivery: r.delivery, status: r.statuses.at(-1) ?? null })),
      trace: recipients.map((r) => ({ agency: r.agency, statuses: r.statuses, acknowledgedAt: r.delivery === 'done' ? r.statuses[0]!.at : null })),
      lastError: failed ? { code: 'UNKNOWN_RECIPIENT', message: { vi: 'Hệ thống nơi nhận từ chối gói tin.', en: 'The receiving system refused the package.' } } : null,
      history: [{ action: 'sendDraft', actor: { id: 'vanthu', name: 'Nguyễn Thị Lan' }, at, note: null, statusCode: null }],
    };
    out.push(item);
    if (revoked) {
      out.push({
        ...structuredClone(item),
        id: idOf(300_000 + i),
        kind: 'revoke',
        state: 'sent',
        exchangeId: `ex-revoke-${i + 1}`,
        recipients: item.recipients.map((r) => ({ ...r, delivery: 'done', status: null })),
        trace: item.trace.map((t) => ({ ...t, statuses: [] })),
        lastError: null,
        history: [{ action: 'revokeOutgoing', actor: { id: 'vanthu', name: 'Nguyễn Thị Lan' }, at, note: 'Ban hành nhầm', statusCode: null }],
      });
    }
  }
  return out;
}

/**
 * The default seed: the demo agency, one user per role (signed in as the văn thư), 60 incoming documents (`count`),
 * `outgoing` sent documents (default none), and the registers they were written in.
 */
export function demoSeed(options: { count?: number; outgoing?: number; today?: string } = {}): MemoryOfficeSeed {
  const today = options.today ?? '2026-12-02';
  const users = demoUsers();
  return {
    agency: DEMO_AGENCY,
    users,
    userId: 'vanthu',
    incoming: demoIncoming(options.count ?? 60, { today, users }),
    outgoing: demoOutgoing(options.outgoing ?? 0, { today }),
    directory: SENDERS.map((a) => ({ code: a.code, name: a.name, parentCode: null, email: null })),
    today,
  };
}

const clone = <T>(v: T): T => structuredClone(v);

function toItem(d: IncomingDetail): IncomingItem {
  const { assignment: _a, returnReason: _r, history: _h, metadata: _m, ...item } = d;
  return item;
}

/** The HTTP status of a contract code (0 for the transport codes that have none), as the server answers it. */
const statusOf = (code: string): number => (code in officeErrorCatalog ? officeErrorStatus(code as OfficeErrorCode) : 0);

const FACES = { regular: 'Regular', bold: 'Bold', italic: 'Italic', boldItalic: 'BoldItalic' } as const;

/** The fonts of the register PDF: the seed's, the files a page serves at `fontsUrl`, or in Node those bundled with document-pdf. */
async function loadFonts(seed: MemoryOfficeSeed): Promise<FontSet> {
  if (seed.fonts) return typeof seed.fonts === 'function' ? seed.fonts() : seed.fonts;
  const read = async (face: string): Promise<Uint8Array> => {
    const name = `LiberationSerif-${face}.ttf`;
    if ('document' in globalThis) {
      const base = new URL(seed.fontsUrl ?? '/fonts/', globalThis.location.href);
      const res = await fetch(new URL(name, base.href.endsWith('/') ? base : `${base.href}/`));
      if (!res.ok) throw new Error(`${res.status} ${res.url}`);
      return new Uint8Array(await res.arrayBuffer());
    }
    // Node (hosts' tests): the files next to @egov-vn/document-pdf's package.json, without a static node: import.
    const builtin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
    if (!builtin) throw new Error('No fonts: pass `fonts` in the seed.');
    const { createRequire } = builtin('node:module') as { createRequire: (url: string) => { resolve: (id: string) => string } };
    const { readFileSync } = builtin('node:fs') as { readFileSync: (path: string) => Uint8Array };
    const pkg = createRequire(import.meta.url).resolve('@egov-vn/document-pdf/package.json');
    return new Uint8Array(readFileSync(pkg.replace(/package\.json$/, `fonts/${name}`)));
  };
  const [regular, bold, italic, boldItalic] = await Promise.all(Object.values(FACES).map(read));
  return { regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
}

const PRIORITY = ['thuong', 'khan', 'thuongKhan', 'hoaToc'];

/** The register rows a seed implies: its registered incoming documents and its sent documents. */
function seedRegisters(seed: MemoryOfficeSeed): RegisterEntry[] {
  const rows: RegisterEntry[] = [];
  for (const d of seed.incoming) {
    if (d.arrivalNumber === null || !d.arrivalDate) continue;
    rows.push({
      kind: 'incoming',
      year: Number(d.arrivalDate.slice(0, 4)),
      number: d.arrivalNumber,
      registeredAt: d.arrivedAt,
      documentId: d.id,
      organId: d.from.code,
      organName: d.from.name,
      codeNumber: d.notation?.split('/')[0] ?? null,
      codeNotation: d.notation?.split('/').slice(1).join('/') ?? null,
      issuedDate: d.promulgationDate,
      typeName: d.typeName,
      subject: d.subject,
      signer: [d.metadata.signerName, d.metadata.signerPosition].filter(Boolean).join(', ') || null,
      priority: Math.max(0, PRIORITY.indexOf(d.urgency)),
      arrivalDate: d.arrivalDate,
      toPlaces: d.leadHandler?.name ?? null,
      dueDate: d.dueDate,
      note: null,
    });
  }
  for (const d of seed.outgoing ?? []) {
    if (d.kind !== 'new') continue;
    rows.push({
      kind: 'outgoing',
      year: Number(d.issuedDate.slice(0, 4)),
      number: d.number,
      registeredAt: d.sentAt ?? `${d.issuedDate}T08:00:00+07:00`,
      documentId: d.id,
      organId: seed.agency.code,
      organName: seed.agency.name,
      codeNumber: d.notation.split('/')[0] ?? null,
      codeNotation: d.notation.split('/').slice(1).join('/') || null,
      issuedDate: d.issuedDate,
      typeName: 'Công văn',
      subject: d.subject,
      signer: 'Trần Văn Minh, Giám đốc',
      priority: 0,
      arrivalDate: null,
      toPlaces: d.recipients.map((r) => r.agency.name).join('; '),
      dueDate: null,
      note: null,
    });
  }
  return rows;
}

/**
 * An {@link OfficeBackend} in memory with the contract's rules: inputs checked with the contract's schemas
 * (VALIDATION_FAILED), route roles (FORBIDDEN), states (INVALID_STATE), numbering with `nextRegisterNumber`, due dates
 * in working days with `WorkCalendar`, server paging with cursors and the list filters; sent documents with each
 * recipient's trace (resend, revoke), both registers (list, search, export); drafts. The audit log is not kept in
 * memory: that operation rejects with UNAVAILABLE.
 */
export function memoryOfficeBackend(seed: MemoryOfficeSeed = demoSeed()): MemoryOfficeBackend {
  const calendar = seed.calendar ?? new WorkCalendar();
  const docs = new Map(seed.incoming.map((d) => [d.id, clone(d)] as const));
  const order = [...docs.keys()];
  const read = new Map<string, Set<string>>();
  const sent = new Map((seed.outgoing ?? []).map((d) => [d.id, clone(d)] as const));
  const sentOrder = [...sent.keys()];
  let registers: RegisterState = {};
  const registerRows: RegisterEntry[] = seed.registers ? clone(seed.registers) : seedRegisters(seed);
  let userId = seed.userId;
  const calls: Array<{ op: OfficeOperation; input: unknown }> = [];
  let fontSet: Promise<FontSet> | undefined;
  // Today in Việt Nam (not the UTC day: between 00:00 and 07:00 there it is still yesterday in UTC)
  const today = (): string => seed.today ?? formatIsoDate(todayInVietnam());

  // Arrival numbers already given in the seed continue.
  // Numbers already written in the registers continue (outgoing rows of the seed are in the ordinary series).
  for (const r of registerRows) {
    const key = `${seed.agency.code}|${r.kind === 'incoming' ? 'incoming' : 'ordinary'}|${r.year}`;
    registers = { ...registers, [key]: Math.max(registers[key] ?? 0, r.number) };
  }
  for (const d of docs.values()) {
    if (d.arrivalNumber !== null && d.arrivalDate) {
      const key = `${seed.agency.code}|incoming|${d.arrivalDate.slice(0, 4)}`;
      registers = { ...registers, [key]: Math.max(registers[key] ?? 0, d.arrivalNumber) };
    }
  }
  const sentDoc = (id: string): OutgoingDetail => {
    const d = sent.get(id);
    if (!d) throw fail('NOT_FOUND');
    return d;
  };
  const sync = (d: OutgoingDetail) => {
    // The recipients' summary follows the trace, as the server's does after reading the exchange.
    d.recipients = d.recipients.map((r) => {
      const t = d.trace.find((x) => x.agency.code === r.agency.code);
      return { ...r, status: t?.statuses.at(-1) ?? null };
    });
  };
  const registerPage = (kind: RegisterKind, query: Record<string, unknown>) => {
    const year = (query.year as number | undefined) ?? Number(today().slice(0, 4));
    const q = typeof query.q === 'string' && query.q.trim() ? foldForSearch(query.q) : '';
    return registerRows
      .filter((r) => r.kind === kind && r.year === year)
      .filter((r) => !q || foldForSearch([r.subject, r.organName, r.codeNumber, r.codeNotation, r.typeName, r.signer, r.toPlaces, String(r.number)].join(' ')).includes(q));
  };

  const fail = (code: ConstructorParameters<typeof OfficeBackendError>[0]['code'], details?: Record<string, unknown>) =>
    new OfficeBackendError({ code, status: statusOf(code), ...(details ? { details } : {}) });
  const me = (): User => {
    const u = seed.users.find((x) => x.id === userId);
    if (!u) throw fail('UNAUTHENTICATED');
    return u;
  };
  const ref = (u: User) => ({ id: u.id, name: u.name });
  const userRef = (id: string, path: string) => {
    const u = seed.users.find((x) => x.id === id && x.agency === seed.agency.code);
    if (!u) {
      throw fail('VALIDATION_FAILED', {
        issues: [{ code: 'user.unknown', path, message: { vi: `Không có người dùng ${id} trong cơ quan.`, en: `No user ${id} in the agency.` } }],
      });
    }
    return ref(u);
  };
  // Who sees an incoming document (as the server): văn thư and lãnh đạo all of the agency's, others those they handle.
  const sees = (u: User) => u.roles.includes('vanThu') || u.roles.includes('lanhDao');
  const partOf = (d: IncomingDetail, uid: string): 'lead' | 'co' | 'info' | undefined => {
    const a = d.assignment;
    if (!a) return undefined;
    if (a.lead.id === uid) return 'lead';
    if (a.coHandlers.some((u) => u.id === uid)) return 'co';
    return a.forInformation.some((u) => u.id === uid) ? 'info' : undefined;
  };
  const audit: AuditEntry[] = [];
  const record = (action: string, targetType: AuditEntry['targetType'], targetId: string | null, actor: User | null, detail: Record<string, unknown> = {}) => {
    audit.unshift({ id: audit.length + 1, at: new Date().toISOString(), actor: actor ? ref(actor) : null, agency: seed.agency.code, action, targetType, targetId, detail });
  };
  const isUnread = (id: string) => !(read.get(userId)?.has(id) ?? false);
  const isOverdue = (d: IncomingDetail, day: string) => d.dueDate !== null && d.state !== 'done' && d.state !== 'returned' && d.dueDate < day;
  const view = (d: IncomingDetail): IncomingDetail => {
    const copy = clone(d);
    copy.unread = isUnread(d.id) && d.unread;
    copy.overdue = isOverdue(d, today());
    return copy;
  };
  const doc = (id: string): IncomingDetail => {
    const d = docs.get(id);
    if (!d || (!sees(me()) && !partOf(d, userId))) throw fail('NOT_FOUND');
    return d;
  };
  const step = (d: IncomingDetail, from: IncomingState[], to: IncomingState, action: string, note: string | null) => {
    if (!from.includes(d.state)) throw fail('INVALID_STATE');
    d.state = to;
    d.history.push({ action, actor: ref(me()), at: new Date().toISOString(), note, statusCode: INCOMING_STATE_STATUS[to] });
  };
  // Inputs are checked as the server checks them: located issues (/body/lead, /query/from) in Vietnamese and English.
  const parse = (schema: z.ZodType | undefined, value: unknown, where: string): Record<string, unknown> => {
    if (!schema) return (value ?? {}) as Record<string, unknown>;
    const r = checkOfficeInput(schema, value ?? {}, [where]);
    if (!r.ok) throw fail('VALIDATION_FAILED', { issues: r.issues });
    return r.value as Record<string, unknown>;
  };

  // Drafts (trình ký → ký → cấp số → đóng dấu → gửi): memory-drafts.ts.
  const drafts = memoryDrafts({
    agency: seed.agency,
    users: seed.users,
    directory: seed.directory,
    me,
    fail,
    today,
    registerRows,
    allocate: (series, date, typeAbbreviation) => {
      const r = nextRegisterNumber(registers, { issuer: seed.agency.code, series, date, ...(typeAbbreviation ? { typeAbbreviation } : {}) });
      registers = r.state;
      return { number: r.number, year: r.year };
    },
    // A sent draft joins the outgoing list (newest first).
    onSent: (o) => {
      sent.set(o.id, o);
      sentOrder.unshift(o.id);
      if (o.replaces) {
        const earlier = sent.get(o.replaces)!;
        earlier.replacedBy = o.id;
        earlier.history.push({ action: 'replaced', actor: null, at: new Date().toISOString(), note: o.notation, statusCode: null });
      }
    },
    inForce: (id) => {
      const d = sentDoc(id);
      if (d.state !== 'sent' || d.kind !== 'new' || d.replacedBy) throw fail('INVALID_STATE', { state: d.state, allowed: ['sent'], replacedBy: d.replacedBy ?? null });
      return d;
    },
  });

  type Handler = (input: { params: Record<string, unknown>; query: Record<string, unknown>; body: Record<string, unknown> }) => unknown;
  const handlers: Partial<Record<OfficeOperation, Handler>> = {
    ...drafts.handlers,
    health: () => ({ ok: true, version: 'memory', database: 'pglite', agencies: [{ code: seed.agency.code, receiving: true, lastPollAt: null }] }),
    getMe: () => ({ user: clone(me()), actions: allowedOperations(me().roles) }),
    listUsers: ({ query }) => {
      const q = typeof query.q === 'string' ? foldForSearch(query.q) : '';
      const items = seed.users.filter((u) => (!query.role || u.roles.includes(query.role as Role)) && (!q || foldForSearch(u.name).includes(q)));
      return { items: clone(items), nextCursor: null };
    },
    listRoles: () => ({ items: ROLES.map((role) => ({ role, label: ROLE_LABELS[role], actions: allowedOperations([role]) })) }),
    listAudit: ({ query }) => {
      const items = audit.filter(
        (e) => (!query.targetId || e.targetId === query.targetId) && (!query.actor || e.actor?.id === query.actor) && (!query.action || e.action === query.action),
      );
      const offset = typeof query.cursor === 'string' ? Number.parseInt(query.cursor, 10) || 0 : 0;
      const limit = Number(query.limit);
      return { items: clone(items.slice(offset, offset + limit)), nextCursor: offset + limit < items.length ? String(offset + limit) : null };
    },
    searchDirectory: ({ query }) => {
      const q = typeof query.q === 'string' ? foldForSearch(query.q) : '';
      const items = seed.directory.filter((e) => !q || foldForSearch(`${e.code} ${e.name}`).includes(q));
      return { items: clone(items.slice(0, Number(query.limit))), nextCursor: null };
    },
    listIncoming: ({ query }) => {
      const q = typeof query.q === 'string' && query.q.trim() ? foldForSearch(query.q) : '';
      const uid = userId;
      const seesAll = sees(me());
      const day = today();
      const matches: IncomingDetail[] = [];
      for (const id of order) {
        // Filter on the stored record; only the page is copied (a list over thousands stays cheap).
        const stored = docs.get(id)!;
        const d = { ...stored, unread: isUnread(id) && stored.unread, overdue: isOverdue(stored, day) };
        if (query.state && d.state !== query.state) continue;
        if (query.urgency && d.urgency !== query.urgency) continue;
        if (query.sender && d.from.code !== query.sender) continue;
        const arrived = d.arrivedAt.slice(0, 10);
        if (typeof query.from === 'string' && arrived < query.from) continue;
        if (typeof query.to === 'string' && arrived > query.to) continue;
        if (query.overdue !== undefined && d.overdue !== query.overdue) continue;
        if (query.unread !== undefined && d.unread !== query.unread) continue;
        if ((query.mine === true || !seesAll) && !partOf(d, uid)) continue;
        if (q && !foldForSearch(`${d.subject ?? ''} ${d.notation ?? ''}`).includes(q)) continue;
        matches.push(d);
      }
      const offset = typeof query.cursor === 'string' ? Number.parseInt(query.cursor, 10) || 0 : 0;
      const limit = Number(query.limit);
      const page = matches.slice(offset, offset + limit).map(toItem);
      return { items: page, nextCursor: offset + limit < matches.length ? String(offset + limit) : null, total: matches.length };
    },
    getIncoming: ({ params }) => {
      const d = doc(String(params.id));
      const set = read.get(userId) ?? new Set<string>();
      set.add(d.id);
      read.set(userId, set);
      return view(d);
    },
    downloadIncomingAttachment: ({ params }) => {
      const d = doc(String(params.id));
      if (!seed.attachment || !d.attachments.some((a) => a.index === params.index)) throw fail('NOT_FOUND');
      return seed.attachment.slice();
    },
    receiveIncoming: ({ params, body }) => {
      const d = doc(String(params.id));
      if (d.state !== 'arrived') throw fail('INVALID_STATE');
      const day = today();
      const r = nextRegisterNumber(registers, { issuer: seed.agency.code, series: 'incoming', date: day });
      registers = r.state;
      d.arrivalNumber = r.number;
      d.arrivalDate = day;
      step(d, ['arrived'], 'registered', 'receiveIncoming', (body.note as string | undefined) ?? null);
      registerRows.push({
        kind: 'incoming',
        year: r.year,
        number: r.number,
        registeredAt: new Date().toISOString(),
        documentId: d.id,
        organId: d.from.code,
        organName: d.from.name,
        codeNumber: d.notation?.split('/')[0] ?? null,
        codeNotation: d.notation?.split('/').slice(1).join('/') ?? null,
        issuedDate: d.promulgationDate,
        typeName: d.typeName,
        subject: d.subject,
        signer: d.metadata.signerName ? `${d.metadata.signerName}${d.metadata.signerPosition ? `, ${d.metadata.signerPosition}` : ''}` : null,
        priority: ['thuong', 'khan', 'thuongKhan', 'hoaToc'].indexOf(d.urgency),
        arrivalDate: day,
        toPlaces: null,
        dueDate: null,
        note: (body.note as string | undefined) ?? null,
      });
      return view(d);
    },
    assignIncoming: ({ params, body }) => {
      const d = doc(String(params.id));
      // The people first (a located VALIDATION_FAILED), then the step (INVALID_STATE), as the server.
      const lead = userRef(String(body.lead), '/body/lead');
      const coHandlers = (body.coHandlers as string[]).map((id, i) => userRef(id, `/body/coHandlers/${i}`));
      const forInformation = (body.forInformation as string[]).map((id, i) => userRef(id, `/body/forInformation/${i}`));
      if (d.state !== 'registered' && d.state !== 'assigned') throw fail('INVALID_STATE', { state: d.state, allowed: ['registered', 'assigned'] });
      const workingDays = (body.workingDays as number | undefined) ?? null;
      const due = workingDays !== null ? formatIsoDate(calendar.dueDate(today(), workingDays)) : String(body.dueDate);
      d.assignment = {
        lead,
        coHandlers,
        forInformation,
        workingDays,
        dueDate: due,
        note: (body.note as string | undefined) ?? null,
        by: ref(me()),
        at: new Date().toISOString(),
      };
      d.leadHandler = lead;
      d.dueDate = due;
      for (const row of registerRows) {
        if (row.kind === 'incoming' && row.documentId === d.id) Object.assign(row, { toPlaces: lead.name, dueDate: due });
      }
      step(d, ['registered', 'assigned'], 'assigned', 'assignIncoming', d.assignment.note);
      return view(d);
    },
    startIncoming: ({ params, body }) => {
      const d = doc(String(params.id));
      if (d.state !== 'assigned') throw fail('INVALID_STATE', { state: d.state, allowed: ['assigned'] });
      const part = partOf(d, userId);
      if (part !== 'lead' && part !== 'co') throw fail('FORBIDDEN', { reason: 'not-a-handler' });
      step(d, ['assigned'], 'processing', 'startIncoming', (body.note as string | undefined) ?? null);
      return view(d);
    },
    completeIncoming: ({ params, body }) => {
      const d = doc(String(params.id));
      if (d.state !== 'assigned' && d.state !== 'processing') throw fail('INVALID_STATE', { state: d.state, allowed: ['assigned', 'processing'] });
      if (partOf(d, userId) !== 'lead') throw fail('FORBIDDEN', { reason: 'not-the-lead-handler' });
      step(d, ['assigned', 'processing'], 'done', 'completeIncoming', (body.note as string | undefined) ?? null);
      return view(d);
    },
    returnIncoming: ({ params, body }) => {
      const d = doc(String(params.id));
      d.returnReason = String(body.reason);
      step(d, ['arrived', 'registered'], 'returned', 'returnIncoming', d.returnReason);
      return view(d);
    },
    listRegister: ({ params, query }) => {
      // Newest number first, keyset cursor on the number (as the server).
      const rows = registerPage(params.kind as RegisterKind, query).sort((a, b) => b.number - a.number);
      const after = typeof query.cursor === 'string' ? Number.parseInt(query.cursor, 10) : Number.POSITIVE_INFINITY;
      const limit = Number(query.limit);
      const from = rows.filter((r) => r.number < after);
      const page = from.slice(0, limit);
      return { items: clone(page), nextCursor: from.length > limit ? String(page.at(-1)!.number) : null };
    },
    exportRegister: async ({ params, query }) => {
      const kind = params.kind as RegisterKind;
      const year = (query.year as number | undefined) ?? Number(today().slice(0, 4));
      const rows = registerPage(kind, { year }).sort((a, b) => a.number - b.number);
      if (query.format === 'json') return new TextEncoder().encode(JSON.stringify(rows));
      if (query.format === 'pdf') {
        // As the office server: Phụ lục VI on A4 landscape, drawn by @egov-vn/document-pdf (loaded on demand).
        const [{ renderRegisterPdf }, fonts] = await Promise.all([import('@egov-vn/document-pdf/register'), (fontSet ??= loadFonts(seed))]).catch((e: unknown) => {
          fontSet = undefined;
          throw new OfficeBackendError(
            {
              code: 'UNAVAILABLE',
              status: 503,
              messages: { vi: 'Không tải được phông chữ hoặc bộ vẽ PDF để xuất sổ.', en: 'Could not load the fonts or the PDF renderer to export the register.' },
            },
            { cause: e },
          );
        });
        return renderRegisterPdf(rows, { kind, year, agencyName: seed.agency.name, fonts });
      }
      return new TextEncoder().encode(registerCsv(rows));
    },
    listOutgoing: ({ query }) => {
      const q = typeof query.q === 'string' && query.q.trim() ? foldForSearch(query.q) : '';
      const matches: OutgoingItem[] = [];
      for (const id of sentOrder) {
        const d = sent.get(id)!;
        if (query.state && d.state !== query.state) continue;
        if (q && !foldForSearch(`${d.subject ?? ''} ${d.notation} ${d.recipients.map((r) => r.agency.name).join(' ')}`).includes(q)) continue;
        const { trace: _t, lastError: _l, history: _h, ...item } = d;
        matches.push(item);
      }
      const offset = typeof query.cursor === 'string' ? Number.parseInt(query.cursor, 10) || 0 : 0;
      const limit = Number(query.limit);
      return { items: matches.slice(offset, offset + limit), nextCursor: offset + limit < matches.length ? String(offset + limit) : null };
    },
    getOutgoing: ({ params }) => sentDoc(String(params.id)),
    resendOutgoing: ({ params, body }) => {
      const d = sentDoc(String(params.id));
      if (d.state === 'revoked' || d.kind !== 'new') throw fail('INVALID_STATE');
      const wanted = (body.recipients as string[] | undefined) ?? d.recipients.filter((r) => r.delivery !== 'done' && r.delivery !== 'processing').map((r) => r.agency.code);
      if (d.state !== 'failed' && d.state !== 'sending' && !d.recipients.some((r) => wanted.includes(r.agency.code) && r.delivery === 'fail')) throw fail('INVALID_STATE');
      const at = new Date().toISOString();
      d.recipients = d.recipients.map((r) => (wanted.includes(r.agency.code) ? { ...r, delivery: 'pending' } : r));
      d.state = 'sent';
      d.exchangeId ??= `ex-resent-${d.id}`;
      d.sentAt ??= at;
      d.lastError = null;
      d.history.push({ action: 'resendOutgoing', actor: ref(me()), at, note: wanted.join(', '), statusCode: null });
      return d;
    },
    replaceOutgoing: ({ params, body }) => {
      const d = sentDoc(String(params.id));
      if (d.state !== 'sent' || d.kind !== 'new' || d.replacedBy) throw fail('INVALID_STATE', { state: d.state, allowed: ['sent'], replacedBy: d.replacedBy ?? null });
      const reason = String(body.reason);
      d.history.push({ action: 'replaceOutgoing', actor: ref(me()), at: new Date().toISOString(), note: reason, statusCode: null });
      return drafts.replacing(d, reason);
    },
    revokeOutgoing: ({ params, body }) => {
      const d = sentDoc(String(params.id));
      if (d.state !== 'sent' || d.kind !== 'new') throw fail('INVALID_STATE');
      const at = new Date().toISOString();
      const reason = String(body.reason);
      const revoke: OutgoingDetail = {
        ...clone(d),
        id: idOf(900_000 + sent.size),
        kind: 'revoke',
        state: 'sent',
        exchangeId: `ex-revoke-${d.id}`,
        sentAt: at,
        recipients: d.recipients.map((r) => ({ ...r, delivery: 'pending', status: null })),
        trace: d.trace.map((t) => ({ ...t, statuses: [], acknowledgedAt: null })),
        lastError: null,
        history: [{ action: 'revokeOutgoing', actor: ref(me()), at, note: reason, statusCode: null }],
      };
      sent.set(revoke.id, revoke);
      sentOrder.unshift(revoke.id);
      // The exchange takes the revoke package at once here: the original is revoked (thu hồi).
      d.state = 'revoked';
      d.history.push({ action: 'revokeOutgoing', actor: ref(me()), at, note: reason, statusCode: null });
      return d;
    },
  };

  return {
    calls,
    signIn(id: string) {
      userId = id;
    },
    incoming: () => order.map((id) => clone(docs.get(id)!)),
    outgoing: () => sentOrder.map((id) => clone(sent.get(id)!)),
    register: (kind, year) => clone(registerRows.filter((r) => r.kind === kind && (year === undefined || r.year === year)).sort((a, b) => a.number - b.number)),
    report(outgoingId, agencyCode, what) {
      const d = sentDoc(outgoingId);
      const r = d.recipients.find((x) => x.agency.code === agencyCode);
      const t = d.trace.find((x) => x.agency.code === agencyCode);
      if (!r || !t) throw fail('NOT_FOUND');
      const at = new Date().toISOString();
      if (what === 'fail') {
        r.delivery = 'fail';
        d.lastError = { code: 'EXCHANGE_FAILED', message: { vi: 'Hệ thống nơi nhận từ chối gói tin.', en: 'The receiving system refused the package.' } };
      } else {
        r.delivery = 'done';
        t.acknowledgedAt ??= at;
        t.statuses.push(report(what, at, null));
      }
      sync(d);
    },
    draftPdf: (id) => drafts.pdfOf(id),
    arrive(a) {
      const known = [...docs.values()].find((d) => d.exchangeId === a.exchangeId);
      if (known) return clone(known);
      const at = new Date().toISOString();
      const d: IncomingDetail = {
        id: idOf(500_000 + docs.size),
        exchangeId: a.exchangeId,
        from: a.from,
        subject: a.subject,
        notation: a.notation,
        typeName: a.typeName ?? null,
        promulgationDate: a.promulgationDate ?? null,
        urgency: a.urgency ?? 'thuong',
        state: 'arrived',
        arrivedAt: at,
        arrivalNumber: null,
        arrivalDate: null,
        dueDate: null,
        overdue: false,
        leadHandler: null,
        unread: true,
        attachments: [],
        assignment: null,
        returnReason: null,
        history: [{ action: 'arrived', actor: null, at, note: null, statusCode: '01' }],
        metadata: { edxmlDocumentId: null, signed: false, to: [seed.agency], signerName: null, signerPosition: null },
      };
      docs.set(d.id, d);
      order.unshift(d.id);
      record('arrived', 'incoming', d.id, null, { exchangeId: a.exchangeId });
      return clone(d);
    },
    async call<Op extends OfficeOperation>(op: Op, input: OfficeInput<Op>, options: OfficeCallOptions = {}): Promise<OfficeOutput<Op>> {
      calls.push({ op, input: clone(input) });
      await Promise.resolve();
      if (options.signal?.aborted) throw new OfficeBackendError({ code: 'ABORTED', status: 0 });
      const route = officeRoutes[op] as OfficeRouteDef;
      if (route.roles !== 'public') {
        const user = me();
        if (user.agency !== seed.agency.code) throw fail('FORBIDDEN', { reason: 'agency-not-served' });
        if (!route.roles.some((r) => user.roles.includes(r))) throw fail('FORBIDDEN', { reason: 'role', roles: [...route.roles] });
      }
      const handler = handlers[op];
      if (!handler) {
        throw new OfficeBackendError({
          code: 'UNAVAILABLE',
          status: 503,
          messages: { vi: `Bộ nhớ thử nghiệm chưa hỗ trợ thao tác ${op}.`, en: `The in-memory backend does not support ${op} yet.` },
        });
      }
      const params = parse(route.params, input.params, 'params');
      const value = await handler({ params, query: parse(route.query, input.query, 'query'), body: parse(route.body, input.body, 'body') });
      if (route.method !== 'GET') {
        // The audit log, as the server writes it: who did which operation to which document.
        const target = route.path.startsWith('/v1/incoming') ? 'incoming' : route.path.startsWith('/v1/outgoing') ? 'outgoing' : 'draft';
        record(op, target, typeof params.id === 'string' ? params.id : ((value as { id?: string } | undefined)?.id ?? null), me());
      }
      return clone(value) as OfficeOutput<Op>;
    },
  };
}
