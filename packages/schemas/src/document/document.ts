// The administrative document of Nghị định 30/2020/NĐ-CP, Điều 8: the nine mandatory components (national title
// and motto are fixed text and are not stored) and the optional ones.
import { z } from 'zod';
import { isAgencyCode } from '../agency/code.js';
import { safeToCivilDate } from '../time/civil-date.js';
import { ArchiveSchema, RecipientSchema } from './recipients.js';
import { SignerSchema } from './signer.js';
import { COPY_KIND_KEYS, COPY_KINDS, DOCUMENT_TYPE_KEYS, documentType, type DocumentTypeKey, isTypeAbbreviation } from './types.js';

const BLANK = /^\s*$/;
const SYMBOL = /^[\p{L}\d]+(?:-[\p{L}\d]+)*$/u;
const COPY_ABBREVIATIONS = new Set<string>(COPY_KINDS.map((c) => c.abbreviation));

/** Độ mật (Điều 8.3.b): Mật, Tối mật, Tuyệt mật. Secret documents must never be sent over the network. */
export const SECRECY_LEVELS = ['mat', 'toiMat', 'tuyetMat'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];
export const SECRECY_LABELS: Record<SecrecyLevel, { vi: string; en: string }> = {
  mat: { vi: 'Mật', en: 'Confidential' },
  toiMat: { vi: 'Tối mật', en: 'Secret' },
  tuyetMat: { vi: 'Tuyệt mật', en: 'Top secret' },
};

/** Mức độ khẩn (Điều 8.3.b): Khẩn, Thượng khẩn, Hỏa tốc. */
export const URGENCY_LEVELS = ['khan', 'thuongKhan', 'hoaToc'] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];
export const URGENCY_LABELS: Record<UrgencyLevel, { vi: string; en: string }> = {
  khan: { vi: 'Khẩn', en: 'Urgent' },
  thuongKhan: { vi: 'Thượng khẩn', en: 'Very urgent' },
  hoaToc: { vi: 'Hỏa tốc', en: 'Immediate' },
};

/** Common circulation notes (chỉ dẫn về phạm vi lưu hành). Any other text is allowed too. */
export const CIRCULATION_NOTES = ['XEM XONG TRẢ LẠI', 'LƯU HÀNH NỘI BỘ'] as const;

/** Types whose layout has no trích yếu line. */
export const TYPES_WITHOUT_SUBJECT: readonly DocumentTypeKey[] = [
  'giayGioiThieu',
  'giayNghiPhep',
  'phieuGui',
  'phieuChuyen',
  'phieuBao',
  'thuCong',
];

const isoDate = z.string().refine((v) => safeToCivilDate(v).ok, { params: { rule: 'date.invalid' } });

export const IssuerSchema = z.strictObject({
  /** Tên cơ quan, tổ chức ban hành (OrganName String(200)). */
  name: z.string().min(1).max(200),
  /** Tên cơ quan, tổ chức chủ quản trực tiếp, when there is one. */
  parentName: z.string().min(1).max(200).optional(),
  /** The abbreviation used in ký hiệu ("UBND", "VPCP"). */
  abbreviation: z.string().min(1).max(20).optional(),
  /** Mã định danh (13 characters, e.g. "000.00.00.H49"). */
  code: z.string().refine(isAgencyCode, { params: { rule: 'agencyCode.format' } }).optional(),
});

/**
 * A table (kế hoạch, báo cáo): an optional title, an optional header row, body rows of text cells and the relative
 * column widths. Every row has as many cells as the table has columns; a cell may be empty.
 */
export interface TableBlock {
  kind: 'table';
  title?: string;
  header?: string[];
  rows: string[][];
  /** Relative column widths (e.g. [1, 6, 3]); equal columns when absent. */
  widths?: number[];
  /** Alignment of each column's body cells (default left; header cells are centred). */
  align?: ('left' | 'center' | 'right')[];
}

/** A block of the content: paragraphs, headings, lists, tables, and the articles (Điều) of decisions. */
export type ContentBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string; level?: 1 | 2 | 3 }
  | { kind: 'list'; items: string[] }
  | TableBlock
  | { kind: 'article'; number: number; title?: string; body: ContentBlock[] };

/** Most columns a table may have: an A4 text width (165 mm) leaves about 14 mm a column at 12. */
export const MAX_TABLE_COLUMNS = 12;

const TableBlockSchema = z
  .strictObject({
    kind: z.literal('table'),
    title: z.string().min(1).max(500).optional(),
    header: z.array(z.string().max(500)).min(1).max(MAX_TABLE_COLUMNS).optional(),
    rows: z.array(z.array(z.string().max(5000)).min(1).max(MAX_TABLE_COLUMNS)).min(1),
    widths: z.array(z.number().positive().max(1000)).min(1).max(MAX_TABLE_COLUMNS).optional(),
    align: z.array(z.enum(['left', 'center', 'right'])).min(1).max(MAX_TABLE_COLUMNS).optional(),
  })
  .superRefine((table, ctx) => {
    const columns = table.header?.length ?? table.rows[0]?.length ?? 0;
    table.rows.forEach((row, i) => {
      if (row.length !== columns) ctx.addIssue({ code: 'custom', path: ['rows', i], params: { rule: 'table.cells', row: i + 1, cells: row.length, columns } });
    });
    for (const key of ['widths', 'align'] as const) {
      const list = table[key];
      if (list && list.length !== columns) ctx.addIssue({ code: 'custom', path: [key], params: { rule: `table.${key}`, count: list.length, columns } });
    }
  });

export const ContentBlockSchema: z.ZodType<ContentBlock> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('paragraph'), text: z.string().min(1) }),
    z.strictObject({ kind: z.literal('heading'), text: z.string().min(1), level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional() }),
    z.strictObject({ kind: z.literal('list'), items: z.array(z.string().min(1)).min(1) }),
    TableBlockSchema,
    z.strictObject({
      kind: z.literal('article'),
      number: z.number().int().positive(),
      title: z.string().min(1).optional(),
      body: z.array(ContentBlockSchema),
    }),
  ]),
);

export const DocumentContentSchema = z.strictObject({
  /** Căn cứ ban hành: one legal basis a line. */
  basis: z.array(z.string().min(1)).optional(),
  body: z.array(ContentBlockSchema).min(1),
});
export type DocumentContent = z.infer<typeof DocumentContentSchema>;

export const AppendixSchema = z.strictObject({
  title: z.string().min(1).max(250),
  content: DocumentContentSchema.optional(),
});

export const ContactSchema = z.strictObject({
  address: z.string().min(1).max(500).optional(),
  phone: z.string().min(1).max(30).optional(),
  fax: z.string().min(1).max(30).optional(),
  email: z.email().optional(),
  website: z.url().optional(),
});

export const DrafterSchema = z.strictObject({
  /** Ký hiệu người soạn thảo: the drafter's initials, upper case. */
  initials: z.string().min(1).max(10).regex(/^[\p{Lu}\d.]+$/u),
  /** Số lượng bản phát hành. */
  copies: z.number().int().positive().max(999),
});

export const CopyInfoSchema = z.strictObject({
  kind: z.enum(COPY_KIND_KEYS),
  /** The copy's own number and symbol ("05/SY-VP"): copies share one counter a year. */
  numberAndSymbol: z.string().optional(),
});

export const AdministrativeDocumentSchema = z
  .strictObject({
    type: z.enum(DOCUMENT_TYPE_KEYS),
    issuer: IssuerSchema,
    /** Số: absent on a draft; the register assigns it (Điều 15). */
    number: z.number().int().positive().optional(),
    /** Ký hiệu: "CT-UBND", "UBND-VP", "QĐ-UBND". */
    symbol: z.string().min(1).max(30),
    /** Địa danh. */
    place: z.string().min(1).max(100),
    /** Ngày ban hành, ISO yyyy-mm-dd. */
    date: isoDate,
    /** Trích yếu nội dung (Subject String(500)). For công văn it follows "V/v". */
    subject: z.string().min(1).max(500).optional(),
    content: z.union([z.string().min(1), DocumentContentSchema]),
    signer: SignerSchema,
    /** Dấu / chữ ký số của cơ quan: a paper seal, or the organisation's digital signature on the e-document. */
    seal: z.enum(['paperSeal', 'digitalSignature']).optional(),
    /** "Kính gửi": the addressees named at the top of a công văn, tờ trình, báo cáo. */
    kinhGui: z.array(RecipientSchema).optional(),
    /** Nơi nhận. */
    recipients: z.array(RecipientSchema).min(1),
    /** Start the recipient list with "Như trên". */
    recipientsAsAbove: z.boolean().optional(),
    /** The "Lưu:" line. */
    archive: ArchiveSchema.optional(),
    appendices: z.array(AppendixSchema).optional(),
    secrecy: z.enum(SECRECY_LEVELS).optional(),
    urgency: z.enum(URGENCY_LEVELS).optional(),
    circulation: z.string().min(1).max(100).optional(),
    drafter: DrafterSchema.optional(),
    contact: ContactSchema.optional(),
    copy: CopyInfoSchema.optional(),
    /** Language (Phụ lục VI, String(30)); Vietnamese by default. */
    language: z.string().min(1).max(30).optional(),
  })
  .superRefine((doc, ctx) => {
    const info = documentType(doc.type);
    for (const field of ['place', 'subject'] as const) {
      const value = doc[field];
      if (value !== undefined && value.length > 0 && BLANK.test(value)) {
        ctx.addIssue({ code: 'custom', path: [field], params: { rule: 'text.blank' } });
      }
    }
    if (doc.signer.fullName.length > 0 && BLANK.test(doc.signer.fullName)) ctx.addIssue({ code: 'custom', path: ['signer', 'fullName'], params: { rule: 'text.blank' } });
    if (!doc.subject && !TYPES_WITHOUT_SUBJECT.includes(doc.type)) {
      ctx.addIssue({ code: 'custom', path: ['subject'], params: { rule: 'document.subjectRequired', type: info.name } });
    }
    if (!SYMBOL.test(doc.symbol)) {
      ctx.addIssue({ code: 'custom', path: ['symbol'], params: { rule: 'documentNumber.symbol', symbol: doc.symbol } });
      return;
    }
    const symbol = doc.symbol.normalize('NFC');
    const groups = symbol.split('-');
    const [head, second] = groups as [string, string | undefined];
    const typed = second !== undefined && isTypeAbbreviation(head);
    if (info.abbreviation) {
      if (head !== info.abbreviation || second === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['symbol'],
          params: { rule: 'document.symbolType', type: info.name, abbreviation: info.abbreviation, symbol: doc.symbol },
        });
      }
    } else if (typed && !COPY_ABBREVIATIONS.has(head)) {
      ctx.addIssue({ code: 'custom', path: ['symbol'], params: { rule: 'document.symbolNoType', type: info.name, symbol: doc.symbol } });
    }
    const issuer = typed ? second : head;
    if (doc.issuer.abbreviation && issuer !== doc.issuer.abbreviation.normalize('NFC')) {
      ctx.addIssue({
        code: 'custom',
        path: ['symbol'],
        params: { rule: 'document.symbolIssuer', issuer: doc.issuer.abbreviation, symbol: doc.symbol },
      });
    }
  });

/** An administrative document as the model stores it (input form: optional fields may be absent). */
export type AdministrativeDocument = z.input<typeof AdministrativeDocumentSchema>;

/** True when the document carries any secrecy level: such documents must not be sent over the network. */
export function isSecret(doc: Pick<AdministrativeDocument, 'secrecy'>): boolean {
  return doc.secrecy !== undefined;
}

/** The trích yếu line as written under the number of a công văn ("V/v …") or under the type name otherwise. */
export function formatSubjectLine(doc: Pick<AdministrativeDocument, 'type' | 'subject'>): string | undefined {
  if (!doc.subject) return undefined;
  return doc.type === 'congVan' ? `V/v ${doc.subject.normalize('NFC')}` : doc.subject.normalize('NFC');
}

/** Plain text into content blocks: paragraphs separated by blank lines. */
export function textContent(text: string): DocumentContent {
  const body = text
    .normalize('NFC')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ kind: 'paragraph' as const, text: p }));
  return { body };
}
