// Mapping between edXML document packages and the document model of Nghị định 30/2020 (@egov-vn/schemas).
import {
  AdministrativeDocumentSchema,
  DOCUMENT_TYPES,
  documentType,
  documentTypeByAbbreviation,
  formatEdxmlTimestamp,
  formatSubjectLine,
  isSecret,
  padDocumentNumber,
  SIGNING_AUTHORITIES,
  validate,
  type AdministrativeDocument,
  type DocumentTypeKey,
  type SigningAuthority,
} from '@egov-vn/schemas';
import { failure, type Result } from '@egov-vn/schemas/core';
import type { EdxmlAttachment } from './attachment.js';
import { formatDocumentId } from './check.js';
import { makeIssue, type EdxmlIssue, type EdxmlIssueCode, type EdxmlLang } from './issues.js';
import type {
  EdxmlBussiness,
  EdxmlBussinessDocumentInfo,
  EdxmlDocumentPackage,
  EdxmlOrganization,
  EdxmlStaffInfo,
  EdxmlTraceHeader,
} from './model.js';
import { bussinessDocTypes, priorityLabels, steeringTypes } from './status.js';

export type BusinessKind = 'new' | 'revoke' | 'update' | 'replace';
export type PriorityKey = 'thuong' | 'khan' | 'thuongKhan' | 'hoaToc' | 'hoaTocHenGio';

const priorityKeys: PriorityKey[] = ['thuong', 'khan', 'thuongKhan', 'hoaToc', 'hoaTocHenGio'];
const urgencyToPriority = { khan: 1, thuongKhan: 2, hoaToc: 3 } as const;

/** What the exchange carries besides the document itself. */
export interface EdxmlExchangeInfo {
  documentId?: string;
  from?: EdxmlOrganization;
  to: EdxmlOrganization[];
  /** OtherInfo/Priority with its label (0 Thường … 4 Hỏa tốc hẹn giờ). */
  priority: { value: number; key: PriorityKey; vi: string; en: string };
  steeringType?: { value: number; key: 'none' | 'directive' | 'report'; vi: string; en: string };
  business?: {
    kind: BusinessKind;
    vi: string;
    en: string;
    reason?: string;
    /** The document being revoked, updated or replaced. */
    targetDocumentId?: string;
    paperCopy?: boolean;
    staff?: EdxmlStaffInfo;
    replacements?: Array<{ documentId?: string; organIds: string[] }>;
    update?: EdxmlBussinessDocumentInfo;
  };
  trace: EdxmlTraceHeader[];
  /** Hạn xử lý, ISO `yyyy-mm-dd`. */
  dueDate?: string;
  pageAmount?: number;
  attachments: EdxmlAttachment[];
}

/** The kit's one result shape (`Result` of `@egov-vn/schemas`) with edxml's issues (`errors`: same array, deprecated). */
export type MappingResult<T> = Result<T, EdxmlIssueCode, EdxmlIssue>;

const isoFromEdxml = (d: string | undefined): string | undefined => (d && /^\d{4}\/\d{2}\/\d{2}$/.test(d) ? d.replace(/\//g, '-') : undefined);
const edxmlFromIso = (d: string): string => d.slice(0, 10).replace(/-/g, '/');

function guessType(typeName: string | undefined, notation: string | undefined): DocumentTypeKey {
  const head = notation?.split('-')[0];
  const byAbbr = head ? documentTypeByAbbreviation(head) : undefined;
  if (byAbbr && notation?.includes('-')) return byAbbr.key as DocumentTypeKey;
  const name = typeName?.normalize('NFC').trim().toLocaleLowerCase('vi');
  const byName = DOCUMENT_TYPES.find((t) => t.name.toLocaleLowerCase('vi') === name);
  return (byName?.key ?? 'congVan');
}

function splitCompetence(competence: string | undefined): { authority?: SigningAuthority; onBehalfOf?: string } {
  const m = competence ? /^\s*(TM|Q|KT|TL|TUQ)\.\s*(.*)$/u.exec(competence) : null;
  if (!m || !SIGNING_AUTHORITIES.includes(m[1] as SigningAuthority)) return {};
  const rest = (m[2] ?? '').trim();
  const out: { authority?: SigningAuthority; onBehalfOf?: string } = { authority: m[1] as SigningAuthority };
  if (rest) out.onBehalfOf = rest.charAt(0) + rest.slice(1).toLocaleLowerCase('vi');
  return out;
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function schemaIssues(errors: Array<{ path: Array<string | number>; code: string; message: string }>, lang: EdxmlLang): EdxmlIssue[] {
  return errors.map((e) =>
    makeIssue('EDXML_DOCUMENT_MODEL', { detail: `${e.path.join('.')}: ${e.message}`, rule: e.code }, { path: `/${e.path.join('/')}` }, lang),
  );
}

/**
 * Reads the document model (Nghị định 30/2020) and the exchange information out of a document package. The model is
 * validated with @egov-vn/schemas; problems come back as issues (code EDXML_DOCUMENT_MODEL) instead of a throw.
 */
export function toDocument(
  pkg: EdxmlDocumentPackage,
  options: { lang?: EdxmlLang } = {},
): MappingResult<{ document: AdministrativeDocument; exchange: EdxmlExchangeInfo }> {
  const lang = options.lang ?? 'vi';
  const h = pkg.header;
  const type = guessType(h.documentType?.typeName, h.code?.codeNotation);
  const notation = h.code?.codeNotation ?? '';
  const groups = notation.split('-');
  const typed = groups.length > 1 && documentTypeByAbbreviation(groups[0] ?? '') !== undefined;
  const issuerAbbreviation = typed ? groups[1] : groups[0];
  const number = Number(h.code?.codeNumber);
  const subject = h.subject?.replace(/^V\/v\s+/u, '');
  const { authority, onBehalfOf } = splitCompetence(h.signerInfo?.competence);
  const priority = h.otherInfo?.priority ?? 0;
  const urgency = priority >= 3 ? 'hoaToc' : priority === 2 ? 'thuongKhan' : priority === 1 ? 'khan' : undefined;
  const from = h.from;
  const contact = defined({
    address: from?.organAdd || undefined,
    phone: from?.telephone || undefined,
    fax: from?.fax || undefined,
    email: from?.email || undefined,
  });
  const document: AdministrativeDocument = defined({
    type,
    issuer: defined({
      name: from?.organName ?? '',
      parentName: from?.organizationInCharge && from.organizationInCharge !== from.organName ? from.organizationInCharge : undefined,
      abbreviation: issuerAbbreviation || undefined,
      code: from?.organId,
    }),
    number: Number.isInteger(number) && number > 0 ? number : undefined,
    symbol: notation,
    place: h.promulgationInfo?.place ?? '',
    date: isoFromEdxml(h.promulgationInfo?.promulgationDate) ?? '',
    subject: subject || undefined,
    content: h.content || subject || '',
    signer: defined({ authority, onBehalfOf, position: h.signerInfo?.position ?? '', fullName: h.signerInfo?.fullName ?? '' }),
    recipients: (h.toPlaces?.length ? h.toPlaces.map((name) => ({ name })) : h.to.map((o) => defined({ name: o.organName ?? o.organId ?? '', agencyCode: o.organId }))),
    appendices: h.otherInfo?.appendixes?.length ? h.otherInfo.appendixes.map((title) => ({ title })) : undefined,
    urgency,
    circulation: h.otherInfo?.sphereOfPromulgation || undefined,
    drafter:
      h.otherInfo?.typerNotation && h.otherInfo.promulgationAmount
        ? { initials: h.otherInfo.typerNotation, copies: h.otherInfo.promulgationAmount }
        : undefined,
    contact: Object.keys(contact).length > 0 ? contact : undefined,
  });
  const checked = validate(AdministrativeDocumentSchema, document, { lang });
  if (!checked.ok) return failure<EdxmlIssueCode, EdxmlIssue>(schemaIssues(checked.issues, lang));
  const p = priorityLabels[Math.min(Math.max(priority, 0), 4)] ?? priorityLabels[0];
  const exchange: EdxmlExchangeInfo = {
    to: h.to,
    priority: { value: priority, key: priorityKeys[p.value] ?? 'thuong', vi: p.vi, en: p.en },
    trace: pkg.traceHeaderList?.traceHeaders ?? [],
    attachments: pkg.attachments,
  };
  if (h.documentId !== undefined) exchange.documentId = h.documentId;
  if (from) exchange.from = from;
  const st = steeringTypes.find((s) => s.value === h.steeringType);
  if (st) exchange.steeringType = { value: st.value, key: st.key, vi: st.vi, en: st.en };
  const due = isoFromEdxml(h.dueDate);
  if (due) exchange.dueDate = due;
  if (h.otherInfo?.pageAmount !== undefined) exchange.pageAmount = h.otherInfo.pageAmount;
  const b = pkg.traceHeaderList?.bussiness;
  const bt = bussinessDocTypes.find((x) => x.value === (b?.bussinessDocType ?? 0));
  if (b && bt) {
    exchange.business = defined({
      kind: bt.key,
      vi: bt.vi,
      en: bt.en,
      reason: b.bussinessDocReason,
      targetDocumentId: b.documentId,
      paperCopy: b.paper === undefined ? undefined : b.paper === 1,
      staff: b.staffInfo,
      replacements: b.replacementInfoList?.map((r) => defined({ documentId: r.documentId, organIds: r.organIdList })),
      update: b.bussinessDocumentInfo,
    });
  }
  return { ok: true, value: { document: checked.value, exchange } };
}

/** Options for `fromDocument`: who sends to whom, and what the exchange adds to the document. */
export interface FromDocumentOptions {
  from: EdxmlOrganization;
  to: EdxmlOrganization[];
  /** The document's files (the signed PDF first), referenced as cid:1, cid:2, … unless they carry a contentId. */
  attachments?: EdxmlAttachment[];
  /** Overrides the priority derived from the urgency (e.g. 4 Hỏa tốc hẹn giờ). */
  priority?: 0 | 1 | 2 | 3 | 4;
  steeringType?: 0 | 1 | 2;
  /** New (default), revoke, update or replace an earlier document. */
  business?: {
    kind: BusinessKind;
    reason?: string;
    /** The earlier document (its DocumentId) for revoke / update / replace. */
    targetDocumentId?: string;
    replacements?: Array<{ documentId: string; organIds: string[] }>;
    update?: EdxmlBussinessDocumentInfo;
    paperCopy?: boolean;
    staff?: EdxmlStaffInfo;
  };
  /** Hạn xử lý, ISO date. */
  dueDate?: string;
  pageAmount?: number;
  /** Time of the first trace header (default: now), written in Vietnam time. */
  sentAt?: Date;
  lang?: EdxmlLang;
}

/**
 * Builds a document package from the document model. Refuses secret documents (any secrecy level): the directives
 * forbid sending them over the network. The document must be registered (have a number).
 */
export function fromDocument(doc: AdministrativeDocument, options: FromDocumentOptions): MappingResult<EdxmlDocumentPackage> {
  const lang = options.lang ?? 'vi';
  if (isSecret(doc)) {
    return failure<EdxmlIssueCode, EdxmlIssue>([makeIssue('EDXML_SECRET_DOCUMENT', {}, { path: '/secrecy' }, lang)]);
  }
  const checked = validate(AdministrativeDocumentSchema, doc, { lang });
  if (!checked.ok) return failure<EdxmlIssueCode, EdxmlIssue>(schemaIssues(checked.issues, lang));
  if (doc.number === undefined) {
    return failure<EdxmlIssueCode, EdxmlIssue>([makeIssue('EDXML_REQUIRED', { name: 'CodeNumber (number)' }, { path: '/number' }, lang)]);
  }
  const codeNumber = padDocumentNumber(doc.number);
  const date = edxmlFromIso(doc.date);
  const organId = options.from.organId ?? doc.issuer.code ?? '';
  const from: EdxmlOrganization = defined({ ...options.from, organId, organName: options.from.organName ?? doc.issuer.name });
  const info = documentType(doc.type);
  const competence = doc.signer.authority
    ? `${doc.signer.authority}. ${(doc.signer.onBehalfOf ?? '').toLocaleUpperCase('vi')}`.trim()
    : undefined;
  const content = typeof doc.content === 'string' ? doc.content : undefined;
  const business = options.business ?? { kind: 'new' as const };
  const bt = bussinessDocTypes.find((b) => b.key === business.kind) ?? bussinessDocTypes[0];
  const bussiness: EdxmlBussiness = defined({
    documentId: business.targetDocumentId,
    bussinessDocType: bt.value,
    bussinessDocReason: business.reason ?? bt.vi,
    paper: business.paperCopy ? 1 : 0,
    staffInfo: business.staff,
    replacementInfoList: business.replacements?.map((r) => ({ documentId: r.documentId, organIdList: r.organIds })),
    bussinessDocumentInfo: business.update,
  });
  const attachments = (options.attachments ?? []).map((a, i) =>
    a.contentId ? a : Object.assign(Object.create(Object.getPrototypeOf(a) as object) as EdxmlAttachment, a, { contentId: `cid:${i + 1}` }),
  );
  const priority = options.priority ?? (doc.urgency ? urgencyToPriority[doc.urgency] : 0);
  const pkg: EdxmlDocumentPackage = {
    kind: 'document',
    header: defined({
      from,
      to: options.to,
      documentId: formatDocumentId(organId, date, codeNumber, doc.symbol),
      code: { codeNumber, codeNotation: doc.symbol },
      promulgationInfo: { place: doc.place, promulgationDate: date },
      documentType: { type: 1, typeName: info.name },
      subject: formatSubjectLine(doc),
      content,
      signerInfo: defined({ competence, position: doc.signer.position, fullName: doc.signer.fullName }),
      dueDate: options.dueDate ? edxmlFromIso(options.dueDate) : undefined,
      otherInfo: defined({
        priority,
        sphereOfPromulgation: doc.circulation,
        typerNotation: doc.drafter?.initials,
        promulgationAmount: doc.drafter?.copies,
        pageAmount: options.pageAmount,
        appendixes: doc.appendices?.map((a) => a.title),
      }),
      steeringType: options.steeringType,
      toPlaces: doc.recipients.map((r) => r.name),
      responseFor: [],
    }),
    traceHeaderList: {
      traceHeaders: [{ organId, timestamp: formatEdxmlTimestamp(options.sentAt ?? new Date()) }],
      bussiness,
    },
    manifest: {
      version: '1.0',
      references: attachments.map((a) =>
        defined({ contentId: a.contentId, contentType: a.contentType, description: a.description, attachmentName: a.attachmentName }),
      ),
    },
    attachments,
  };
  return { ok: true, value: pkg };
}
