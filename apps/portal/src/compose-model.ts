// The compose form as data: from what the clerk typed to a document of the Nghị định 30 model, its validation
// messages (from @egov-vn/schemas, Vietnamese or English) and the number the register gives it. No DOM here.
import {
  AdministrativeDocumentSchema,
  DOCUMENT_TYPES,
  isSecret,
  nextRegisterNumber,
  validate,
  type AdministrativeDocument,
  type DocumentTypeKey,
  type RegisterSeries,
  type RegisterState,
  type SecrecyLevel,
  type UrgencyLevel,
} from '@egov-vn/schemas';
import type { Lang } from './i18n.js';

/** The agency the portal plays (from the hub's demo kit). */
export interface PortalAgency {
  code: string;
  name: string;
  abbreviation: string;
  place: string;
  parentName?: string;
  /** The drafting unit's abbreviation: second part of a công văn's symbol ("SNV-VP") and of the "Lưu:" line. */
  draftingUnit?: string;
}

export interface ComposeForm {
  type: DocumentTypeKey;
  subject: string;
  content: string;
  /** Recipient agency codes. */
  recipients: string[];
  signerFullName: string;
  signerPosition: string;
  secrecy: '' | SecrecyLevel;
  urgency: '' | UrgencyLevel;
  /** Hạn xử lý (ISO date) or ''. */
  dueDate: string;
}

/** A form field the messages are shown under. */
export type ComposeField = 'dueDate' | 'type' | 'subject' | 'content' | 'recipients' | 'signerFullName' | 'signerPosition' | 'secrecy' | 'urgency' | 'symbol' | 'other';

export interface FieldError {
  field: ComposeField;
  message: string;
}

/** Today's civil date in Vietnam (UTC+7), ISO. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The ký hiệu of a document of `type` issued by `agency` ("TB-SNV"; công văn: "SNV-VP", the drafting unit after). */
export function symbolFor(type: DocumentTypeKey, agency: PortalAgency): string {
  const draftingUnit = agency.draftingUnit ?? 'VP';
  const info = DOCUMENT_TYPES.find((t) => t.key === type);
  const abbreviation = info && 'abbreviation' in info ? info.abbreviation : undefined;
  return abbreviation ? `${abbreviation}-${agency.abbreviation}` : `${agency.abbreviation}-${draftingUnit}`;
}

/** The register series a document uses: secret documents have their own (Điều 15). */
export function seriesFor(form: Pick<ComposeForm, 'secrecy'>): RegisterSeries {
  return form.secrecy ? 'secret' : 'ordinary';
}

/** The number the register would give now, and the state after it. */
export function nextNumber(state: RegisterState, agency: PortalAgency, form: Pick<ComposeForm, 'secrecy'>, date: string) {
  return nextRegisterNumber(state, { issuer: agency.code, series: seriesFor(form), date });
}

/** The document of the model that the form describes. */
export function documentFromForm(
  form: ComposeForm,
  context: { agency: PortalAgency; directory: ReadonlyArray<{ code: string; name: string }>; number?: number; date: string },
): AdministrativeDocument {
  const body = form.content
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((text) => ({ kind: 'paragraph' as const, text }));
  const doc: AdministrativeDocument = {
    type: form.type,
    issuer: {
      name: context.agency.name,
      abbreviation: context.agency.abbreviation,
      code: context.agency.code,
      ...(context.agency.parentName ? { parentName: context.agency.parentName } : {}),
    },
    symbol: symbolFor(form.type, context.agency),
    place: context.agency.place,
    date: context.date,
    content: { body },
    signer: { fullName: form.signerFullName.trim(), position: form.signerPosition.trim() },
    recipients: form.recipients.map((code) => ({ name: context.directory.find((a) => a.code === code)?.name ?? code, agencyCode: code })),
    archive: { draftingUnit: context.agency.draftingUnit ?? 'VP' },
    seal: 'digitalSignature',
  };
  if (context.number !== undefined) doc.number = context.number;
  if (form.subject.trim()) doc.subject = form.subject.trim();
  if (form.secrecy) doc.secrecy = form.secrecy;
  if (form.urgency) doc.urgency = form.urgency;
  return doc;
}

function fieldOf(path: readonly PropertyKey[]): ComposeField {
  const [head, second] = path;
  if (head === 'signer') return second === 'position' ? 'signerPosition' : 'signerFullName';
  if (head === 'type' || head === 'subject' || head === 'content' || head === 'recipients' || head === 'secrecy' || head === 'urgency' || head === 'symbol') {
    return head;
  }
  return 'other';
}

/** The model's messages, each placed under the field it concerns (never throws). */
export function validateForm(doc: AdministrativeDocument, lang: Lang): FieldError[] {
  const result = validate(AdministrativeDocumentSchema, doc, { lang });
  if (result.ok) return [];
  return result.errors.map((e) => ({ field: fieldOf(e.path), message: e.message }));
}

/** Secret documents are never sent over the network: the form says why and offers no way to send. */
export function isBlockedSecret(form: Pick<ComposeForm, 'secrecy'>): boolean {
  return form.secrecy !== '' && isSecret({ secrecy: form.secrecy });
}

/** The file name of a document's PDF: "05-TB-SNV.pdf" (ASCII, as exchange systems store it). */
export function pdfFileName(number: number | undefined, symbol: string): string {
  const ascii = symbol
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  return `${number === undefined ? 'du-thao' : String(number).padStart(2, '0')}-${ascii}.pdf`;
}
