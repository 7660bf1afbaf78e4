// Mã định danh of agencies (QCVN 102:2016; Quyết định 20/2020/QĐ-TTg): 13 characters `V1V2V3.Z1Z2.Y1Y2.X1X2X3`.
// Right to left: level 1 `X1X2X3` (a letter and two digits: G = ministries and central bodies, H = provinces,
// W = exchange systems), level 2 `Y1Y2`, level 3 `Z1Z2`, level 4 `V1V2V3`; a group of zeros means "no unit at this
// level", so `000.00.00.H49` is a province's People's Committee.
//
// The one rule of the kit (schemas, edxml, exchange-api, the hub): groups of levels 2–4 are upper-case Latin letters
// or digits (`[0-9A-Z]`), level 1 is a letter and two digits. Every code in the VPCP samples and the SDKs uses digits
// only, but the hub and the edXML checker have always accepted letters there; refusing them would drop documents the
// axis carries, accepting them costs nothing. See README "Agency codes" for the sources and what remains to confirm.
//
// Strict by default: a short form (`00.00.H41`, `00.53.W00`) is refused with a message naming the full form; it is
// completed (`000.00.00.H41`) only with `{ complete: true }`. Spaces and lower case are tolerated; output is upper case.
import { type Issue, type Result, failure, ok, unwrap } from '../errors.js';
import { ruleIssue } from '../rules.js';
import type { Lang } from '../i18n.js';

export interface AgencyCode {
  /** The normalised 13-character code. */
  code: string;
  /** 1 for a level-1 body, up to 4. The deepest group that is not zero. */
  level: 1 | 2 | 3 | 4;
  level1: string; // "H49"
  level2: string; // "00"
  level3: string; // "00"
  level4: string; // "000"
  /** The letter of the level-1 group: G (central bodies), H (provinces), W (exchange systems), … */
  kind: string;
  /** The code of the body directly above, absent at level 1. */
  parentCode?: string;
  /** True when the input was a short form and was completed (only with `{ complete: true }`). */
  completed: boolean;
}

/** The codes of agency-code problems. */
export type AgencyCodeIssueCode = 'agencyCode.format' | 'agencyCode.short';

export const AGENCY_CODE_LENGTH = 13;

/**
 * The 13-character form as a regular-expression source, for zod (`z.string().regex(AGENCY_CODE_RE)`), JSON Schema
 * `pattern` and other languages.
 */
export const AGENCY_CODE_PATTERN = '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$';
/** {@link AGENCY_CODE_PATTERN} as a `RegExp` (no flags: upper case only). */
export const AGENCY_CODE_RE = new RegExp(AGENCY_CODE_PATTERN);

const FULL = /^([0-9A-Z]{3})\.([0-9A-Z]{2})\.([0-9A-Z]{2})\.([A-Z]\d{2})$/;
const SHORT3 = /^([0-9A-Z]{2})\.([0-9A-Z]{2})\.([A-Z]\d{2})$/;
const SHORT2 = /^([0-9A-Z]{2})\.([A-Z]\d{2})$/;

export interface ParseAgencyCodeOptions {
  lang?: Lang;
  /** Complete the short forms `ZZ.YY.X99` and `YY.X99` with zero groups (default false: they are refused). */
  complete?: boolean;
  /** Location of the code in a larger input, for the issue's path. */
  path?: (string | number)[];
}

/** Upper case, NFC, no white space of any kind (spaces inside a code are typing noise). */
function clean(input: string): string {
  return input.normalize('NFC').replace(/[\s\u200B-\u200D\u2060\uFEFF]+/gu, '').toUpperCase();
}

function isZero(group: string): boolean {
  return /^0+$/.test(group);
}

function build(groups: readonly [string, string, string, string], completed: boolean): AgencyCode {
  const [level4, level3, level2, level1] = groups;
  const level: AgencyCode['level'] = !isZero(level4) ? 4 : !isZero(level3) ? 3 : !isZero(level2) ? 2 : 1;
  const value: AgencyCode = { code: `${level4}.${level3}.${level2}.${level1}`, level, level1, level2, level3, level4, kind: level1[0]!, completed };
  if (level > 1) {
    const parent = [level4, level3, level2];
    parent[4 - level] = level === 4 ? '000' : '00';
    value.parentCode = `${parent[0]!}.${parent[1]!}.${parent[2]!}.${level1}`;
  }
  return value;
}

/** The full form of a short form (`00.00.H41` → `000.00.00.H41`), or undefined when `text` is not one. */
function completeShort(text: string): [string, string, string, string] | undefined {
  let m = SHORT3.exec(text);
  if (m) return ['000', m[1]!, m[2]!, m[3]!];
  m = SHORT2.exec(text);
  if (m) return ['000', '00', m[1]!, m[2]!];
  return undefined;
}

/** Reads an agency code. Never throws: bad input gives an issue (`agencyCode.format`, or `agencyCode.short`). */
export function safeParseAgencyCode(input: string, options: ParseAgencyCodeOptions = {}): Result<AgencyCode, AgencyCodeIssueCode> {
  const path = options.path ?? [];
  if (typeof input !== 'string') return failure([ruleIssue('agencyCode.format', { code: String(input) }, path, options.lang)]);
  const text = clean(input);
  const m = FULL.exec(text);
  if (m) return ok(build([m[1]!, m[2]!, m[3]!, m[4]!], false));
  const short = completeShort(text);
  if (short) {
    if (options.complete) return ok(build(short, true));
    return failure([ruleIssue('agencyCode.short', { code: input, completed: short.join('.') }, path, options.lang)]);
  }
  return failure([ruleIssue('agencyCode.format', { code: input }, path, options.lang)]);
}

/** Parses an agency code. Throws `EgovError` (`agencyCode.format`, `agencyCode.short`) on bad input. */
export function parseAgencyCode(input: string, options: ParseAgencyCodeOptions = {}): AgencyCode {
  return unwrap(safeParseAgencyCode(input, options));
}

/** True for a well-formed 13-character code, exactly as written (upper case, no spaces, no short form). */
export function isAgencyCode(input: unknown): input is string {
  return typeof input === 'string' && FULL.test(input);
}

export interface AgencyCodeParts {
  level1: string;
  level2?: string | number;
  level3?: string | number;
  level4?: string | number;
}

/** Builds the 13-character code from its groups: `formatAgencyCode({ level1: 'H49' })` → `"000.00.00.H49"`. */
export function formatAgencyCode(parts: AgencyCodeParts, options: { lang?: Lang } = {}): string {
  const pad = (v: string | number | undefined, n: number) => String(v ?? 0).padStart(n, '0');
  const code = `${pad(parts.level4, 3)}.${pad(parts.level3, 2)}.${pad(parts.level2, 2)}.${parts.level1.toUpperCase()}`;
  if (!FULL.test(code)) return unwrap(failure([ruleIssue('agencyCode.format', { code }, [], options.lang)]));
  return code;
}

/**
 * What a field that should hold an agency code actually holds, for data from the field (axis listings, old
 * databases, hand-typed forms). Never throws.
 * - `code`: a well-formed code (normalised; `completed` false);
 * - `short`: a short form such as `00.53.W00`, with its full form in `completed` (decide yourself whether to use it);
 * - `systemId`: the id of a connected system, not an agency (`vxp.saas.03`, `qninh.sandbox`);
 * - `empty`: nothing, including the literal texts `null`, `undefined`, `NULL` and `-` that exports write;
 * - `invalid`: anything else, with the issue a strict parse gives.
 */
export type AgencyCodeClass =
  | { kind: 'code'; text: string; code: AgencyCode }
  | { kind: 'short'; text: string; completed: AgencyCode }
  | { kind: 'systemId'; text: string; systemId: string }
  | { kind: 'empty'; text: string }
  | { kind: 'invalid'; text: string; issue: Issue<AgencyCodeIssueCode> };

const EMPTY_WORDS = new Set(['', 'NULL', 'UNDEFINED', 'NONE', 'N/A', '-']);
/** A system id: lower-case dotted or dashed words with at least one letter (`vxp.saas.03`, `qninh-sandbox`). */
const SYSTEM_ID = /^(?=.*[a-z])[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Classifies what a field holding an agency code contains (see {@link AgencyCodeClass}). */
export function classifyAgencyCode(input: unknown, options: { lang?: Lang } = {}): AgencyCodeClass {
  const text =
    typeof input === 'string' ? input : typeof input === 'number' || typeof input === 'bigint' || typeof input === 'boolean' ? String(input) : input === null || input === undefined ? '' : Object.prototype.toString.call(input);
  const cleaned = clean(text);
  if (EMPTY_WORDS.has(cleaned)) return { kind: 'empty', text };
  const m = FULL.exec(cleaned);
  if (m) return { kind: 'code', text, code: build([m[1]!, m[2]!, m[3]!, m[4]!], false) };
  const short = completeShort(cleaned);
  if (short) return { kind: 'short', text, completed: build(short, true) };
  const trimmed = text.normalize('NFC').trim();
  if (SYSTEM_ID.test(trimmed)) return { kind: 'systemId', text, systemId: trimmed };
  const r = safeParseAgencyCode(text, { lang: options.lang });
  return { kind: 'invalid', text, issue: r.ok ? ruleIssue('agencyCode.format', { code: text }, [], options.lang) : r.issues[0]! };
}
