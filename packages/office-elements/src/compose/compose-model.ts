// The compose form as data (moved here from apps/portal): from what the drafter typed to a document of the Nghị định 30
// model of @egov-vn/schemas, its messages placed under the fields (Vietnamese or English, written by the model), the
// symbol of the type (Phụ lục III) and the file name. No DOM here.
import {
  AdministrativeDocumentSchema,
  DOCUMENT_TYPES,
  isSecret,
  validate,
  type AdministrativeDocument,
  type DocumentTypeKey,
  type Lang,
  type SecrecyLevel,
  type UrgencyLevel,
} from '@egov-vn/schemas';
import type { OfficeAgency } from '../context/context.js';

/** What the drafter fills in. */
export interface ComposeForm {
  type: DocumentTypeKey;
  subject: string;
  content: string;
  /** The recipient agencies (directory entries chosen). */
  recipients: Array<{ code: string; name: string }>;
  /** The leader it is submitted to (user id); the signer's name and position follow the choice. */
  signerId: string;
  signerFullName: string;
  signerPosition: string;
  secrecy: '' | SecrecyLevel;
  urgency: '' | UrgencyLevel;
}

/** A form field the messages are shown under. */
export type ComposeField =
  | 'type'
  | 'subject'
  | 'content'
  | 'recipients'
  | 'signer'
  | 'signerFullName'
  | 'signerPosition'
  | 'secrecy'
  | 'urgency'
  | 'other';

export interface FieldError {
  field: ComposeField;
  message: string;
}

/** An empty form (a công văn). */
export function emptyForm(): ComposeForm {
  return { type: 'congVan', subject: '', content: '', recipients: [], signerId: '', signerFullName: '', signerPosition: '', secrecy: '', urgency: '' };
}

/** The ký hiệu of a document of `type` issued by `agency` ("TB-SNV"; công văn: "SNV-VP", the drafting unit after). */
export function symbolFor(type: DocumentTypeKey, agency: OfficeAgency): string {
  const info = DOCUMENT_TYPES.find((t) => t.key === type);
  const abbreviation = info && 'abbreviation' in info ? info.abbreviation : undefined;
  const own = agency.abbreviation ?? 'CQ';
  return abbreviation ? `${abbreviation}-${own}` : `${own}-${agency.draftingUnit ?? 'VP'}`;
}

/** The document of the model that the form describes (without a number: the register gives it after signing). */
export function documentFromForm(form: ComposeForm, context: { agency: OfficeAgency; date: string }): AdministrativeDocument {
  const { agency } = context;
  const body = form.content
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((text) => ({ kind: 'paragraph' as const, text }));
  const doc: AdministrativeDocument = {
    type: form.type,
    issuer: {
      name: agency.name,
      ...(agency.abbreviation ? { abbreviation: agency.abbreviation } : {}),
      code: agency.code,
      ...(agency.parentName ? { parentName: agency.parentName } : {}),
    },
    symbol: symbolFor(form.type, agency),
    place: agency.place ?? '',
    date: context.date,
    content: { body },
    signer: { fullName: form.signerFullName.trim(), position: form.signerPosition.trim() },
    recipients: form.recipients.map((r) => ({ name: r.name, agencyCode: r.code })),
    archive: { draftingUnit: agency.draftingUnit ?? 'VP' },
    seal: 'digitalSignature',
  };
  if (form.subject.trim()) doc.subject = form.subject.trim();
  if (form.secrecy) doc.secrecy = form.secrecy;
  if (form.urgency) doc.urgency = form.urgency;
  return doc;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The form a stored draft document describes (what the model does not know is left empty). */
export function formFromDocument(
  document: Record<string, unknown>,
  recipients: ReadonlyArray<{ code: string; name: string }>,
  signerId: string,
): ComposeForm {
  const form = emptyForm();
  const type = str(document.type);
  if (DOCUMENT_TYPES.some((t) => t.key === type)) form.type = type as DocumentTypeKey;
  form.subject = str(document.subject);
  const content = document.content as { body?: Array<{ text?: unknown }> } | undefined;
  form.content = Array.isArray(content?.body) ? content.body.map((b) => str(b.text)).filter(Boolean).join('\n\n') : '';
  form.recipients = recipients.map((r) => ({ code: r.code, name: r.name }));
  const signer = (document.signer ?? {}) as Record<string, unknown>;
  form.signerId = signerId;
  form.signerFullName = str(signer.fullName);
  form.signerPosition = str(signer.position);
  form.secrecy = str(document.secrecy) as ComposeForm['secrecy'];
  form.urgency = str(document.urgency) as ComposeForm['urgency'];
  return form;
}

function fieldOf(path: readonly PropertyKey[]): ComposeField {
  const [head, second] = path;
  if (head === 'signer') return second === 'position' ? 'signerPosition' : 'signerFullName';
  if (head === 'type' || head === 'subject' || head === 'content' || head === 'recipients' || head === 'secrecy' || head === 'urgency') return head;
  return 'other';
}

/** The form's own messages (the element takes them from its catalogue, so integrators can change them). */
export interface ComposeFormTexts {
  /** No signing leader chosen. */
  signerRequired: string;
}

const FORM_TEXTS: Record<Lang, ComposeFormTexts> = {
  vi: { signerRequired: 'Chọn lãnh đạo ký văn bản.' },
  en: { signerRequired: 'Choose the leader who signs the document.' },
};

/**
 * The model's messages (natural Vietnamese or English, each naming its field), each placed under the field it
 * concerns, and the form's own (`texts`, default the built-in ones in `lang`). Never throws.
 */
export function validateForm(doc: AdministrativeDocument, form: ComposeForm, lang: Lang, texts: ComposeFormTexts = FORM_TEXTS[lang]): FieldError[] {
  const out: FieldError[] = [];
  const result = validate(AdministrativeDocumentSchema, doc, { lang });
  if (!result.ok) for (const e of result.errors) out.push({ field: fieldOf(e.path), message: e.message });
  if (!form.signerId) {
    out.push({ field: 'signer', message: texts.signerRequired });
  }
  return out;
}

/** Secret documents are never sent over the network (the form says why and offers no way to submit them). */
export function isBlockedSecret(form: Pick<ComposeForm, 'secrecy'>): boolean {
  return form.secrecy !== '' && isSecret({ secrecy: form.secrecy });
}

/** The file name of a document's PDF: "05-TB-SNV.pdf" (ASCII, as exchange systems store it). */
export function pdfFileName(number: number | null | undefined, symbol: string): string {
  const ascii = symbol
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  return `${number == null ? 'du-thao' : String(number).padStart(2, '0')}-${ascii}.pdf`;
}
