// The drafts of the in-memory backend (trình ký → ký → cấp số → đóng dấu → gửi) with the office server's rules:
// versions (VERSION_CONFLICT), steps (INVALID_STATE), only the designated leader signs, the seal must be an incremental
// update of the signed PDF, the number comes from the outgoing register, the document is checked at submit and send.
import { decodeBase64 } from '@egov-vn/edxml';
import { checkOfficeInput, type AgencyRef, type DirectoryEntry, type Draft, type DraftState, type OutgoingDetail, type RegisterEntry, type User } from '@egov-vn/office-api';
import { AdministrativeDocumentSchema, DOCUMENT_TYPES, LEGAL_NORMATIVE_ABBREVIATIONS, isSecret, padDocumentNumber, type RegisterSeries } from '@egov-vn/schemas';
import type { OfficeBackendError, OfficeBackendErrorCode } from './types.js';

type Input = { params: Record<string, unknown>; query: Record<string, unknown>; body: Record<string, unknown> };
type Handler = (input: Input) => unknown;

/** What the drafts need from the in-memory agency. */
export interface MemoryDraftsContext {
  agency: AgencyRef;
  users: readonly User[];
  directory: readonly DirectoryEntry[];
  me(): User;
  fail: (code: OfficeBackendErrorCode, details?: Record<string, unknown>) => OfficeBackendError;
  /** Today in Việt Nam, yyyy-mm-dd. */
  today(): string;
  /** The next number of a register series (and the year it belongs to). */
  allocate(series: RegisterSeries, date: string, typeAbbreviation?: string): { number: number; year: number };
  /** Rows of the registers (the outgoing row is added at numbering). */
  registerRows: RegisterEntry[];
  /** A sent draft's outgoing document (the outgoing list keeps it). */
  onSent?(outgoing: OutgoingDetail): void;
  /** Thay thế: the sent document a draft replaces, if it is still in force (else INVALID_STATE). */
  inForce?(outgoingId: string): OutgoingDetail;
}

interface StoredDraft {
  draft: Draft;
  pdf: Uint8Array | null;
  files: Uint8Array[];
}

const HEX = '0123456789abcdef';
let seq = 0;
function newId(prefix: string): string {
  seq += 1;
  let s = '';
  let v = seq;
  while (s.length < 24 - prefix.length) {
    s = HEX[v % 16]! + s;
    v = Math.floor(v / 16);
  }
  return prefix + s;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function pdfOf(base64: unknown, fail: MemoryDraftsContext['fail']): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(String(base64));
  } catch {
    throw fail('INVALID_PDF');
  }
  if (bytes.length < 8 || String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') throw fail('INVALID_PDF');
  return bytes;
}

const issue = (code: string, path: string, vi: string, en: string) => ({ code, path, message: { vi, en } });

/** The drafts operations of the in-memory backend, plus a reader of the stored PDFs for tests. */
export function memoryDrafts(ctx: MemoryDraftsContext): {
  handlers: Record<string, Handler>;
  replacing(original: OutgoingDetail, reason: string): Draft;
  pdfOf(id: string): Uint8Array | null;
} {
  const drafts = new Map<string, StoredDraft>();
  const now = () => new Date().toISOString();
  const ref = (u: User) => ({ id: u.id, name: u.name });
  // As the server: văn thư and lãnh đạo see every draft of the agency, others those they wrote or must sign.
  const seesAll = (u: User) => u.roles.includes('vanThu') || u.roles.includes('lanhDao');
  const recipientsOf = (codes: unknown): AgencyRef[] =>
    [...new Set((codes as string[] | undefined) ?? [])].map((code) => ({ code, name: ctx.directory.find((e) => e.code === code)?.name ?? code }));

  const get = (id: unknown): StoredDraft => {
    const d = drafts.get(String(id));
    const u = ctx.me();
    if (!d || (!seesAll(u) && d.draft.createdBy.id !== u.id && d.draft.signer?.id !== u.id)) throw ctx.fail('NOT_FOUND');
    return d;
  };
  // The same located vi/en issues as the server's (one check in @egov-vn/office-api).
  const issuesOf = (doc: Record<string, unknown>) => {
    const r = checkOfficeInput(AdministrativeDocumentSchema, doc, ['document']);
    return r.ok ? [] : r.issues;
  };
  const step = (d: StoredDraft, from: DraftState[], change: Partial<Draft>): Draft => {
    if (!from.includes(d.draft.state)) throw ctx.fail('INVALID_STATE', { state: d.draft.state, allowed: from });
    Object.assign(d.draft, change, { version: d.draft.version + 1, updatedAt: now() });
    return structuredClone(d.draft);
  };
  const withoutNumber = (doc: Record<string, unknown>) => {
    const { number: _n, ...rest } = doc;
    return rest;
  };
  /** A new draft (state draft, version 1): nobody has signed, numbered or sealed it yet. */
  const freshDraft = (document: Record<string, unknown>, recipients: Draft['recipients'], createdBy: Draft['createdBy'], at: string): Draft => ({
    id: newId('d0'),
    state: 'draft',
    version: 1,
    document,
    recipients,
    issues: issuesOf(document),
    createdBy,
    signer: null,
    signedBy: null,
    signedAt: null,
    number: null,
    notation: null,
    issuedDate: null,
    sealedBy: null,
    pdf: null,
    attachments: [],
    outgoingId: null,
    createdAt: at,
    updatedAt: at,
  });

  const handlers: Record<string, Handler> = {
    listDrafts: ({ query }) => {
      const u = ctx.me();
      const items = [...drafts.values()]
        .map((d) => d.draft)
        .filter((d) => !query.state || d.state === query.state)
        .filter((d) => (query.mine !== true && seesAll(u)) || d.createdBy.id === u.id || d.signer?.id === u.id)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? 1 : -1));
      const offset = typeof query.cursor === 'string' ? Number.parseInt(query.cursor, 10) || 0 : 0;
      const limit = Number(query.limit);
      return { items: structuredClone(items.slice(offset, offset + limit)), nextCursor: offset + limit < items.length ? String(offset + limit) : null };
    },
    createDraft: ({ body }) => {
      const u = ctx.me();
      const at = now();
      const document = withoutNumber(body.document as Record<string, unknown>);
      const draft = freshDraft(document, recipientsOf(body.recipients), ref(u), at);
      drafts.set(draft.id, { draft, pdf: null, files: [] });
      return structuredClone(draft);
    },
    getDraft: ({ params }) => structuredClone(get(params.id).draft),
    updateDraft: ({ params, body }) => {
      const d = get(params.id);
      if (!seesAll(ctx.me()) && d.draft.createdBy.id !== ctx.me().id) throw ctx.fail('NOT_FOUND');
      if (d.draft.state !== 'draft') throw ctx.fail('INVALID_STATE', { state: d.draft.state, allowed: ['draft'] });
      if (d.draft.version !== body.version) throw ctx.fail('VERSION_CONFLICT', { current: d.draft.version });
      const change: Partial<Draft> = {};
      if (body.document) {
        change.document = withoutNumber(body.document as Record<string, unknown>);
        change.issues = issuesOf(change.document);
      }
      if (body.recipients) change.recipients = recipientsOf(body.recipients);
      return step(d, ['draft'], change);
    },
    addDraftAttachment: ({ params, body }) => {
      const d = get(params.id);
      const data = pdfOf(body.data, ctx.fail);
      const index = d.draft.attachments.length;
      d.files.push(data);
      return step(d, ['draft', 'submitted', 'signed', 'numbered'], {
        attachments: [...d.draft.attachments, { index, name: String(body.name), contentType: String(body.contentType), size: data.length }],
      });
    },
    downloadDraftPdf: ({ params }) => {
      const d = get(params.id);
      if (!d.pdf) throw ctx.fail('NOT_FOUND');
      return d.pdf.slice();
    },
    submitDraft: ({ params, body }) => {
      const d = get(params.id);
      if (d.draft.state !== 'draft') throw ctx.fail('INVALID_STATE', { state: d.draft.state, allowed: ['draft'] });
      const issues = issuesOf(d.draft.document);
      if (issues.length) throw ctx.fail('INVALID_DOCUMENT', { issues });
      if (isSecret(d.draft.document)) throw ctx.fail('SECRET_DOCUMENT');
      if (d.draft.recipients.length === 0) {
        throw ctx.fail('VALIDATION_FAILED', { issues: [issue('recipients.empty', '/recipients', 'Chưa chọn cơ quan nhận.', 'No recipient agency chosen.')] });
      }
      const signer = ctx.users.find((x) => x.id === body.signer);
      if (!signer?.roles.includes('lanhDao')) {
        throw ctx.fail('VALIDATION_FAILED', {
          issues: [issue('signer.notLeader', '/body/signer', 'Người ký phải là lãnh đạo của cơ quan.', 'The signer must be a leader of the agency.')],
        });
      }
      return step(d, ['draft'], { state: 'submitted', signer: ref(signer) });
    },
    signDraft: async ({ params, body }) => {
      const d = get(params.id);
      if (d.draft.state !== 'submitted') throw ctx.fail('INVALID_STATE', { state: d.draft.state, allowed: ['submitted'] });
      if (d.draft.signer?.id !== ctx.me().id) throw ctx.fail('FORBIDDEN', { reason: 'not-the-designated-signer' });
      const pdf = pdfOf(body.pdf, ctx.fail);
      d.pdf = pdf;
      return step(d, ['submitted'], {
        state: 'signed',
        signedBy: ref(ctx.me()),
        signedAt: now(),
        pdf: { size: pdf.length, sha256: await sha256Hex(pdf) },
      });
    },
    numberDraft: ({ params, body }) => {
      const d = get(params.id);
      if (d.draft.state !== 'signed') throw ctx.fail('INVALID_STATE', { state: d.draft.state, allowed: ['signed'] });
      const issued = typeof body.date === 'string' ? body.date : ctx.today();
      const doc = { ...d.draft.document };
      const type = DOCUMENT_TYPES.find((t) => t.key === doc.type);
      const abbreviation = type && 'abbreviation' in type ? type.abbreviation : undefined;
      const legal = abbreviation !== undefined && (LEGAL_NORMATIVE_ABBREVIATIONS as readonly string[]).includes(abbreviation);
      const { number, year } = ctx.allocate(legal ? 'legal' : 'ordinary', issued, legal ? abbreviation : undefined);
      doc.number = number;
      doc.date = issued;
      const symbol = typeof doc.symbol === 'string' ? doc.symbol : '';
      const notation = `${padDocumentNumber(number)}/${symbol}`;
      const signer = doc.signer as { fullName?: string; position?: string } | undefined;
      ctx.registerRows.push({
        kind: 'outgoing',
        year,
        number,
        registeredAt: now(),
        documentId: d.draft.id,
        organId: ctx.agency.code,
        organName: ctx.agency.name,
        codeNumber: padDocumentNumber(number),
        codeNotation: symbol,
        issuedDate: issued,
        typeName: type?.name ?? null,
        subject: typeof doc.subject === 'string' ? doc.subject : null,
        signer: signer?.fullName ? `${signer.fullName}${signer.position ? `, ${signer.position}` : ''}` : null,
        priority: ['thuong', 'khan', 'thuongKhan', 'hoaToc'].indexOf(typeof doc.urgency === 'string' ? doc.urgency : 'thuong'),
        arrivalDate: null,
        toPlaces: d.draft.recipients.map((r) => r.name).join('; ') || null,
        dueDate: null,
        note: null,
      });
      return step(d, ['signed'], { state: 'numbered', number, notation, issuedDate: issued, document: doc });
    },
    sealDraft: async ({ params, body }) => {
      const d = get(params.id);
      if (d.draft.state !== 'numbered') throw ctx.fail('INVALID_STATE', { state: d.draft.state, allowed: ['numbered'] });
      const pdf = pdfOf(body.pdf, ctx.fail);
      const signed = d.pdf;
      // The seal is an incremental update of the signed PDF: the leader's signed bytes come first, unchanged.
      if (!signed || pdf.length <= signed.length || signed.some((b, i) => pdf[i] !== b)) {
        throw ctx.fail('INVALID_PDF', { reason: 'not-an-incremental-update-of-the-signed-pdf' });
      }
      d.pdf = pdf;
      return step(d, ['numbered'], { state: 'sealed', sealedBy: ref(ctx.me()), pdf: { size: pdf.length, sha256: await sha256Hex(pdf) } });
    },
    sendDraft: ({ params }) => {
      const d = get(params.id);
      if (d.draft.state !== 'sealed') throw ctx.fail('INVALID_STATE', { state: d.draft.state, allowed: ['sealed'] });
      const issues = issuesOf(d.draft.document);
      if (issues.length) throw ctx.fail('INVALID_DOCUMENT', { issues });
      const unknown = d.draft.recipients.find((r) => !ctx.directory.some((e) => e.code === r.code));
      if (unknown) throw ctx.fail('UNKNOWN_RECIPIENT', { agency: unknown.code });
      const at = now();
      const actor = ref(ctx.me());
      const outgoing: OutgoingDetail = {
        id: newId('e0'),
        draftId: d.draft.id,
        exchangeId: `memory-${d.draft.id}`,
        subject: typeof d.draft.document.subject === 'string' ? d.draft.document.subject : null,
        notation: d.draft.notation ?? '',
        number: d.draft.number ?? 1,
        issuedDate: d.draft.issuedDate ?? ctx.today(),
        kind: 'new',
        state: 'sent',
        sentAt: at,
        recipients: d.draft.recipients.map((agency) => ({ agency, delivery: 'pending', status: null })),
        trace: d.draft.recipients.map((agency) => ({ agency, statuses: [], acknowledgedAt: null })),
        lastError: null,
        history: [{ action: 'sendDraft', actor, at, note: null, statusCode: null }],
      };
      const replaces = d.draft.replaces ?? null;
      if (replaces) {
        // Thay thế: the earlier document must still be in force; the exchange takes the replacement at once here.
        ctx.inForce?.(replaces.outgoingId);
        outgoing.replaces = replaces.outgoingId;
      }
      step(d, ['sealed'], { state: 'sent', outgoingId: outgoing.id });
      ctx.onSent?.(structuredClone(outgoing));
      return outgoing;
    },
  };
  /** Thay thế: a new draft with the content (without the number) and the recipients of the document it replaces. */
  const replacing = (original: OutgoingDetail, reason: string): Draft => {
    const source = original.draftId ? drafts.get(original.draftId)?.draft.document : undefined;
    const document = withoutNumber(structuredClone(source ?? { subject: original.subject ?? '' }));
    const at = now();
    const draft: Draft = {
      ...freshDraft(document, original.recipients.map((r) => r.agency), ref(ctx.me()), at),
      replaces: { outgoingId: original.id, notation: original.notation, reason },
    };
    drafts.set(draft.id, { draft, pdf: null, files: [] });
    return structuredClone(draft);
  };
  return { handlers, replacing, pdfOf: (id) => drafts.get(id)?.pdf?.slice() ?? null };
}
