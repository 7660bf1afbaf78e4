// Registration records of outgoing and incoming documents and the work file (hồ sơ công việc), with the metadata
// field names and lengths of Nghị định 30/2020, Phụ lục VI (Phần II), used as limits.
import { z } from 'zod';
import { isAgencyCode } from '../agency/code.js';
import { safeToCivilDate } from '../time/civil-date.js';

const date = z.string().refine((v) => safeToCivilDate(v).ok, { params: { rule: 'date.invalid' } });
const organId = z.string().max(13).refine(isAgencyCode, { params: { rule: 'agencyCode.format' } });
const digits = (n: number) => z.number().int().min(0).max(10 ** n - 1);

const OrganSchema = z.strictObject({ OrganId: organId, OrganName: z.string().min(1).max(200) });

const SignerInfoSchema = z.strictObject({
  Position: z.string().min(1).max(100),
  FullName: z.string().min(1).max(50),
});

/** Metadata of an outgoing document (văn bản đi). */
export const OutgoingRecordSchema = z.strictObject({
  /** Mã định danh of the issuing body (String(13)). */
  OrganId: organId,
  /** Năm hồ sơ (Number(4)). */
  FileCatalog: digits(4).optional(),
  /** Số và ký hiệu hồ sơ (String(20)). */
  FileNotation: z.string().min(1).max(20).optional(),
  /** Số thứ tự văn bản trong hồ sơ (Number(3)). */
  DocOrdinal: digits(3).optional(),
  TypeName: z.string().min(1).max(100),
  CodeNumber: z.string().min(1).max(11).regex(/^\d+$/),
  CodeNotation: z.string().min(1).max(30),
  IssuedDate: date,
  OrganName: z.string().min(1).max(200),
  Subject: z.string().min(1).max(500),
  Language: z.string().min(1).max(30).default('Tiếng Việt'),
  PageAmount: digits(3).optional(),
  Description: z.string().max(500).optional(),
  SignerInfo: SignerInfoSchema,
  /** Mức độ khẩn, độ mật (Number(1)). */
  Priority: digits(1).optional(),
  To: z.array(OrganSchema).optional(),
  IssuedAmount: digits(3).optional(),
  DueDate: date.optional(),
});
export type OutgoingRecord = z.input<typeof OutgoingRecordSchema>;

/** Metadata of an incoming document (văn bản đến): the outgoing fields plus arrival data. */
export const IncomingRecordSchema = OutgoingRecordSchema.extend({
  /** Số đến (Number(10)), from the incoming register. */
  ArrivalNumber: z.number().int().positive().max(9_999_999_999),
  ArrivalDate: date,
  /** Nơi nhận as text (String(1000)). */
  ToPlaces: z.string().max(1000).optional(),
  /** The exchange trace (LongText). */
  TraceHeaderList: z.string().optional(),
  /** Thời hạn giải quyết. */
  DueDate: date.optional(),
});
export type IncomingRecord = z.input<typeof IncomingRecordSchema>;

/** Hồ sơ công việc: the work file that groups the documents of one matter. */
export const WorkFileSchema = z.strictObject({
  OrganId: organId,
  FileCatalog: digits(4),
  FileNotation: z.string().min(1).max(20),
  Title: z.string().min(1).max(1000),
  /** Thời hạn bảo quản: years, or "vĩnh viễn" (permanent). */
  Maintenance: z.union([z.number().int().positive().max(100), z.literal('vĩnh viễn')]),
  Creator: z.string().min(1).max(100),
  StartDate: date,
  EndDate: date.optional(),
  Language: z.string().min(1).max(30).default('Tiếng Việt'),
  Description: z.string().max(500).optional(),
  Documents: z.array(
    z.strictObject({
      DocOrdinal: digits(3),
      CodeNumber: z.string().max(11),
      CodeNotation: z.string().max(30),
      IssuedDate: date,
      Subject: z.string().max(500),
    }),
  ),
});
export type WorkFile = z.input<typeof WorkFileSchema>;

/** The code of a work file: `<OrganId>.<FileCatalog>.<FileNotation>`. */
export function workFileCode(file: Pick<WorkFile, 'OrganId' | 'FileCatalog' | 'FileNotation'>): string {
  return `${file.OrganId}.${file.FileCatalog}.${file.FileNotation}`;
}
