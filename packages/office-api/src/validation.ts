// One place for what every implementation of the contract answers when an input is wrong or a register is exported:
// the office server and the in-memory backend of the office elements both use these, so their answers match.
import { type Issue, validate } from '@egov-vn/schemas';
import type { z } from 'zod';
import type { OfficeErrorBody } from './errors.js';
import type { RegisterEntry } from './schemas.js';

/** One located issue of an error body: `{ code, path: JSON pointer, message: { vi, en } }`. */
export type OfficeIssue = NonNullable<NonNullable<OfficeErrorBody['details']>['issues']>[number];

/** JSON-pointer path of an issue. */
function pointer(path: readonly (string | number)[]): string {
  return `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** Issues of the contract (vi and en messages, JSON-pointer paths) from the issues of one validation in each language. */
function bilingualIssues(vi: readonly Issue[], en: readonly Issue[], prefix: (string | number)[] = []): OfficeIssue[] {
  return vi.map((issue, i) => ({
    code: issue.code,
    path: pointer([...prefix, ...issue.path]),
    message: { vi: issue.message, en: en[i]?.message ?? issue.message },
  }));
}

/**
 * Validates an input of the contract (`prefix` names where it is: `['body']`, `['query']`, `['document']`) and answers
 * the value, or the located issues with Vietnamese and English messages that a VALIDATION_FAILED or INVALID_DOCUMENT
 * error carries in `details.issues`.
 */
export function checkOfficeInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: (string | number)[] = [],
): { ok: true; value: z.output<S> } | { ok: false; issues: OfficeIssue[] } {
  const vi = validate(schema, input, { lang: 'vi' });
  if (vi.ok) return { ok: true, value: vi.value };
  const en = validate(schema, input, { lang: 'en' });
  return { ok: false, issues: bilingualIssues(vi.issues, en.ok ? [] : en.issues, prefix) };
}

/** The Phụ lục VI columns of an exported register, with their Vietnamese headings, in order. */
const REGISTER_CSV_COLUMNS: ReadonlyArray<readonly [keyof RegisterEntry, string]> = [
  ['number', 'Số'],
  ['registeredAt', 'Ngày vào sổ'],
  ['arrivalDate', 'Ngày đến'],
  ['organName', 'Tác giả (cơ quan ban hành)'],
  ['organId', 'Mã định danh'],
  ['codeNumber', 'Số văn bản'],
  ['codeNotation', 'Ký hiệu'],
  ['issuedDate', 'Ngày tháng văn bản'],
  ['typeName', 'Tên loại'],
  ['subject', 'Trích yếu nội dung'],
  ['signer', 'Người ký'],
  ['priority', 'Độ khẩn'],
  ['toPlaces', 'Nơi nhận / đơn vị, người nhận'],
  ['dueDate', 'Hạn giải quyết'],
  ['note', 'Ghi chú'],
];

/** A register as `exportRegister?format=csv` answers it: UTF-8 with a BOM (spreadsheets read Vietnamese), CRLF, formula cells neutralised. */
export function registerCsv(entries: readonly RegisterEntry[]): string {
  const cell = (v: unknown) => {
    let s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? `${v}` : v === null || v === undefined ? '' : JSON.stringify(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    REGISTER_CSV_COLUMNS.map(([, h]) => cell(h)).join(','),
    ...entries.map((e) => REGISTER_CSV_COLUMNS.map(([k]) => cell(e[k])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
