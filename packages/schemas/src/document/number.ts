// Số, ký hiệu (Nghị định 30/2020, Phụ lục I, Phần I, mục II.3): "Số: 05/CT-UBND", "123/UBND-VP" (công văn:
// issuer + drafting unit), "12/2020/NĐ-CP" (legal normative documents carry the year), "05/SY-VP" (copies).
import { EgovError, type Result, unwrap } from '../errors.js';
import { fail } from '../rules.js';
import type { Lang } from '../i18n.js';
import { isTypeAbbreviation } from './types.js';

export interface DocumentNumberParts {
  /** The number in the register for the year (1, 2, …). */
  number: number;
  /** The year, present in numbers of legal normative documents (`12/2020/NĐ-CP`). */
  year?: number;
  /** The whole ký hiệu after the number (and year): `CT-UBND`, `UBND-VP`, `NĐ-CP`. */
  symbol: string;
  /** The document-type abbreviation (`CT`, `QĐ`, `NĐ`, `SY`, …); absent for công văn. */
  typeAbbreviation?: string;
  /** The issuing body's abbreviation (`UBND`, `CP`, `VPCP`, `TTg`). */
  issuerAbbreviation: string;
  /** The drafting unit or field (`VP`, `TTĐT`, `KGVX`), when the ký hiệu has one. */
  unitAbbreviation?: string;
}

/** Phụ lục VI: CodeNumber String(11), CodeNotation String(30). */
export const CODE_NUMBER_MAX_LENGTH = 11;
export const CODE_NOTATION_MAX_LENGTH = 30;

const LABEL = /^\s*s[ốo]\s*[:.]?\s*/iu;
const SHAPE = /^(\d+)\s*\/\s*(?:(\d{4})\s*\/\s*)?([\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)\s*$/u;

/** Parses a number and symbol. Never throws: bad input gives `{ ok: false, errors }` naming the rule. */
export function safeParseDocumentNumber(text: string, options: { lang?: Lang } = {}): Result<DocumentNumberParts> {
  const { lang } = options;
  if (typeof text !== 'string') return fail('documentNumber.format', { text: String(text) }, [], lang);
  const cleaned = text.normalize('NFC').replace(LABEL, '');
  const match = SHAPE.exec(cleaned);
  if (!match) return fail('documentNumber.format', { text }, [], lang);
  const [, digits, yearText, symbolText] = match as unknown as [string, string, string | undefined, string];
  if (digits.length > CODE_NUMBER_MAX_LENGTH) {
    return fail('documentNumber.numberLength', { max: CODE_NUMBER_MAX_LENGTH }, ['number'], lang);
  }
  const number = Number(digits);
  if (number < 1) return fail('documentNumber.numberPositive', { text }, ['number'], lang);
  const groups = symbolText.split('-').map((g) => g.trim());
  const symbol = groups.join('-');
  if (symbol.length > CODE_NOTATION_MAX_LENGTH) {
    return fail('documentNumber.symbolLength', { max: CODE_NOTATION_MAX_LENGTH }, ['symbol'], lang);
  }
  const parts: DocumentNumberParts = { number, symbol, issuerAbbreviation: groups[0]! };
  if (yearText !== undefined) parts.year = Number(yearText);
  let rest = groups;
  if (groups.length >= 2 && isTypeAbbreviation(groups[0]!)) {
    parts.typeAbbreviation = groups[0]!;
    rest = groups.slice(1);
  }
  parts.issuerAbbreviation = rest[0]!;
  if (rest.length > 1) parts.unitAbbreviation = rest.slice(1).join('-');
  return { ok: true, value: parts };
}

/**
 * Parses "Số: 05/CT-UBND", "123/UBND-VP", "12/2020/NĐ-CP", "05/SY-VP" into their parts.
 * Throws `EgovError` (code `documentNumber.*`, message in Vietnamese by default) on bad input.
 */
export function parseDocumentNumber(text: string, options: { lang?: Lang } = {}): DocumentNumberParts {
  return unwrap(safeParseDocumentNumber(text, options));
}

/** The ký hiệu assembled from its parts: type, issuer and unit joined by "-". */
export function documentSymbol(parts: Pick<DocumentNumberParts, 'typeAbbreviation' | 'issuerAbbreviation' | 'unitAbbreviation'>): string {
  return [parts.typeAbbreviation, parts.issuerAbbreviation, parts.unitAbbreviation]
    .filter((g): g is string => g !== undefined && g !== '')
    .join('-');
}

/** Zero-pads numbers below 10 ("05"), as Phụ lục I requires. */
export function padDocumentNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export interface FormatDocumentNumberOptions {
  /** Prefix with "Số: " as on the document. Default false. */
  label?: boolean;
  lang?: Lang;
}

/**
 * The inverse of `parseDocumentNumber`: `formatDocumentNumber({ number: 5, typeAbbreviation: 'CT',
 * issuerAbbreviation: 'UBND' })` is `"05/CT-UBND"`. The symbol is assembled from the type, issuer and unit parts.
 * Throws `EgovError` when the parts break a rule.
 */
export function formatDocumentNumber(
  parts: Omit<DocumentNumberParts, 'symbol'> & { symbol?: string },
  options: FormatDocumentNumberOptions = {},
): string {
  const { lang } = options;
  const issues = [];
  if (!Number.isInteger(parts.number) || parts.number < 1) {
    issues.push(...failIssues('documentNumber.numberPositive', { text: String(parts.number) }, ['number'], lang));
  }
  if (parts.year !== undefined && (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999)) {
    issues.push(...failIssues('documentNumber.year', { year: String(parts.year) }, ['year'], lang));
  }
  const symbol = documentSymbol(parts);
  if (!/^[\p{L}\d]+(?:-[\p{L}\d]+)*$/u.test(symbol)) {
    issues.push(...failIssues('documentNumber.symbol', { symbol }, ['issuerAbbreviation'], lang));
  } else if (symbol.length > CODE_NOTATION_MAX_LENGTH) {
    issues.push(...failIssues('documentNumber.symbolLength', { max: CODE_NOTATION_MAX_LENGTH }, ['symbol'], lang));
  }
  if (parts.symbol !== undefined && parts.symbol.normalize('NFC') !== symbol.normalize('NFC')) {
    issues.push(...failIssues('documentNumber.symbolMismatch', { symbol: parts.symbol, expected: symbol }, ['symbol'], lang));
  }
  if (issues.length > 0) throw new EgovError(issues);
  const text = `${padDocumentNumber(parts.number)}/${parts.year !== undefined ? `${parts.year}/` : ''}${symbol.normalize('NFC')}`;
  return options.label ? `Số: ${text}` : text;
}

function failIssues(...args: Parameters<typeof fail>) {
  const result = fail(...args);
  return result.ok ? [] : result.issues;
}
