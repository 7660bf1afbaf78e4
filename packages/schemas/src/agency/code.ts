// Mã định danh of agencies (QCVN 102:2016; Quyết định 20/2020/QĐ-TTg): 13 characters `V1V2V3.Z1Z2.Y1Y2.X1X2X3`.
// Right to left: level 1 (a letter and two digits: G = ministries and central bodies, H = provinces), level 2
// (two digits), level 3 (two digits), level 4 (three digits). `000.00.00.H49` is a province's People's Committee.
// Lenient on input (spaces, lower case, the short system forms `00.53.W00`), strict on output.
import { fail, type Result, unwrap } from '../errors.js';
import type { Language } from '../i18n.js';

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
  /** True when the input was in a short or loose form and was completed. */
  completed: boolean;
}

export const AGENCY_CODE_LENGTH = 13;
const STRICT = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;
const SHORT3 = /^(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;
const SHORT2 = /^(\d{2})\.([A-Z]\d{2})$/;

export function safeParseAgencyCode(input: string, options: { lang?: Language } = {}): Result<AgencyCode> {
  if (typeof input !== 'string') return fail('agencyCode.format', { code: String(input) }, [], options.lang);
  const text = input.normalize('NFC').replace(/\s+/g, '').toUpperCase();
  let groups: [string, string, string, string] | undefined;
  let completed = false;
  let m = STRICT.exec(text);
  if (m) groups = [m[1]!, m[2]!, m[3]!, m[4]!];
  else if ((m = SHORT3.exec(text))) {
    groups = ['000', m[1]!, m[2]!, m[3]!];
    completed = true;
  } else if ((m = SHORT2.exec(text))) {
    groups = ['000', '00', m[1]!, m[2]!];
    completed = true;
  }
  if (!groups) return fail('agencyCode.format', { code: input }, [], options.lang);
  const [level4, level3, level2, level1] = groups;
  const level: AgencyCode['level'] = level4 !== '000' ? 4 : level3 !== '00' ? 3 : level2 !== '00' ? 2 : 1;
  const value: AgencyCode = {
    code: `${level4}.${level3}.${level2}.${level1}`,
    level,
    level1,
    level2,
    level3,
    level4,
    kind: level1[0]!,
    completed,
  };
  if (level > 1) {
    const parent = [level4, level3, level2];
    parent[4 - level] = level === 4 ? '000' : '00';
    value.parentCode = `${parent[0]!}.${parent[1]!}.${parent[2]!}.${level1}`;
  }
  return { ok: true, value };
}

/** Parses an agency code. Throws `EgovError` (code `agencyCode.format`) on bad input. */
export function parseAgencyCode(input: string, options: { lang?: Language } = {}): AgencyCode {
  return unwrap(safeParseAgencyCode(input, options));
}

/** True for a well-formed 13-character code (strict form only). */
export function isAgencyCode(input: unknown): input is string {
  return typeof input === 'string' && STRICT.test(input);
}

export interface AgencyCodeParts {
  level1: string;
  level2?: string | number;
  level3?: string | number;
  level4?: string | number;
}

/** Builds the 13-character code from its groups: `formatAgencyCode({ level1: 'H49' })` → `"000.00.00.H49"`. */
export function formatAgencyCode(parts: AgencyCodeParts, options: { lang?: Language } = {}): string {
  const pad = (v: string | number | undefined, n: number) => String(v ?? 0).padStart(n, '0');
  const code = `${pad(parts.level4, 3)}.${pad(parts.level3, 2)}.${pad(parts.level2, 2)}.${parts.level1.toUpperCase()}`;
  if (!STRICT.test(code)) return unwrap(fail('agencyCode.format', { code }, [], options.lang));
  return code;
}
