// Every message a user can get from this package's schemas reads as written by a person: the test walks the zod
// tree of every public schema, builds a failing input for every check (type, required, min/max length, pattern,
// format, number bounds, whole numbers, options, unknown keys, refinements) and fails on a raw zod text, an empty
// message, an untranslated key or a field without a label.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import { chiThi, congVan } from './document/fixtures.testutil.js';
import { fieldLabel } from './field-labels.js';
import type { Lang } from './i18n.js';
import { PUBLIC_SCHEMAS } from './json-schemas.js';
import { RULE_CODES, ruleMessage } from './messages.js';
import { errorMap, validate } from './validate.js';

type Path = (string | number)[];
type Def = { type: string; [key: string]: unknown };
interface Probe {
  /** Where the bad value goes, and the values set before it (the discriminator of a union option). */
  path: Path;
  before: [Path, unknown][];
  bad: unknown;
  check: string;
  /** Inside a union, another option may take the value (a text where structured content is also allowed). */
  mayPass?: boolean;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The phrases of zod's own vi and en locales ("Too small", "Quá nhỏ", "mong đợi", …), from zod itself. */
const RAW_PHRASES = (() => {
  const samples = [
    { code: 'invalid_type', expected: 'string', input: 1 },
    { code: 'too_small', origin: 'string', minimum: 1, input: '' },
    { code: 'too_big', origin: 'array', maximum: 3, input: [] },
    { code: 'invalid_format', format: 'regex', pattern: 'x', input: 'y' },
    { code: 'invalid_format', format: 'email', input: 'y' },
    { code: 'not_multiple_of', divisor: 2, input: 3 },
    { code: 'unrecognized_keys', keys: ['a'] },
    { code: 'invalid_union', errors: [] },
    { code: 'invalid_key', origin: 'record' },
    { code: 'invalid_element', origin: 'map' },
    { code: 'invalid_value', values: ['a', 'b'], input: 'c' },
  ] as z.core.$ZodRawIssue[];
  const phrases = new Set(['mong đợi', 'nhận được', 'expected', 'received']);
  for (const locale of [vi(), en()]) {
    for (const issue of samples) {
      const text = locale.localeError(issue);
      const message = typeof text === 'string' ? text : (text?.message ?? '');
      phrases.add(message.split(':')[0]!.trim());
    }
  }
  return [...phrases].filter((p) => p.length > 3);
})();

/** Why a message is not fit for a user, or undefined when it is. */
function problemOf(message: string | undefined): string | undefined {
  if (!message || message.trim() === '') return 'empty';
  const raw = RAW_PHRASES.find((p) => message.toLowerCase().includes(p.toLowerCase()));
  if (raw) return `raw zod text "${raw}"`;
  if (/^[\w-]+(?:\.[\w-]+)+$/.test(message)) return 'untranslated key';
  if (/undefined|\[object Object\]|NaN/.test(message)) return 'unfilled parameter';
  return undefined;
}

/** The failing values of one node of the tree, one for each of its checks, and the nodes below it. */
function probes(schema: z.ZodType, path: Path, before: [Path, unknown][], out: Probe[], seen: Set<z.ZodType>, required: boolean, mayPass = false): void {
  const def = defOf(schema);
  const add = (bad: unknown, check: string) => out.push({ path, before, bad, check, mayPass });
  if (def.type === 'optional' || def.type === 'default') {
    probes(def['innerType'] as z.ZodType, path, before, out, seen, false, mayPass);
    return;
  }
  if (def.type === 'lazy') {
    if (seen.has(schema)) return; // one level of recursion is enough (an Điều inside an Điều)
    probes((def['getter'] as () => z.ZodType)(), path, before, out, new Set([...seen, schema]), required, mayPass);
    return;
  }
  if (required && path.length > 0) add(undefined, 'required');
  for (const check of (def['checks'] as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const c = check._zod.def;
    const limit = Number(c['minimum'] ?? c['maximum'] ?? c['value']);
    switch (c['check']) {
      case 'min_length':
        add(def.type === 'array' ? [] : 'x'.repeat(Math.max(0, limit - 1)), `min_length ${limit}`);
        break;
      case 'max_length':
        add(def.type === 'array' ? Array.from({ length: limit + 1 }, () => 'x') : 'x'.repeat(limit + 1), `max_length ${limit}`);
        break;
      case 'string_format':
        add(c['format'] === 'regex' ? 'ab c!' : 'not valid at all', `format ${String(c['format'])}`);
        break;
      case 'greater_than':
        add(c['inclusive'] ? limit - 1 : limit, `greater_than ${limit}`);
        break;
      case 'less_than':
        add(c['inclusive'] ? limit + 1 : limit, `less_than ${limit}`);
        break;
      case 'number_format':
        add(1.5, 'whole number');
        break;
      case 'custom':
        add('x-not-valid', 'refinement');
        break;
      default:
        throw new Error(`A check the walk does not know: ${String(c['check'])} at ${path.join('.')}`);
    }
  }
  switch (def.type) {
    case 'string':
      add(42, 'type string');
      if (typeof def['format'] === 'string') add('not valid at all', `format ${def['format']}`);
      break;
    case 'number':
      add('x', 'type number');
      break;
    case 'boolean':
      add('x', 'type boolean');
      break;
    case 'enum':
      add('zzz-not-an-option', 'enum');
      break;
    case 'literal':
      add('zzz-not-the-literal', 'literal');
      break;
    case 'array':
      add('x', 'type array');
      probes(def['element'] as z.ZodType, [...path, 0], before, out, seen, true, mayPass);
      break;
    case 'object': {
      add('x', 'type object');
      out.push({ path: [...path, 'zzzUnknown'], before, bad: 1, check: 'unknown key', mayPass });
      for (const [key, field] of Object.entries(def['shape'] as Record<string, z.ZodType>)) {
        probes(field, [...path, key], before, out, seen, true, mayPass);
      }
      break;
    }
    case 'union': {
      add(true, 'union');
      const discriminator = def['discriminator'] as string | undefined;
      for (const option of def['options'] as z.ZodType[]) {
        const shape = defOf(option).type === 'object' ? (defOf(option)['shape'] as Record<string, z.ZodType>) : undefined;
        const literal = discriminator && shape ? (defOf(shape[discriminator]!)['values'] as unknown[])[0] : undefined;
        const set: [Path, unknown][] = literal === undefined ? before : [...before, [[...path, discriminator!], literal]];
        probes(option, path, set, out, seen, false, mayPass || !discriminator);
      }
      break;
    }
    default:
      throw new Error(`A schema type the walk does not know: ${def.type} at ${path.join('.')}`);
  }
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  const container = (Array.isArray(root) ? [...(root as unknown[])] : typeof root === 'object' && root !== null ? { ...root } : typeof head === 'number' ? [] : {}) as Record<string | number, unknown>;
  container[head] = setAt(container[head], rest, value);
  return container;
}

const outgoing = {
  OrganId: '000.00.00.G22',
  TypeName: 'Công văn',
  CodeNumber: '7816',
  CodeNotation: 'VPCP-TTĐT',
  IssuedDate: '2015-09-30',
  OrganName: 'Văn phòng Chính phủ',
  Subject: 'Kết nối liên thông văn bản điện tử',
  SignerInfo: { Position: 'Phó Chủ nhiệm', FullName: 'Nguyễn Văn A' },
  To: [{ OrganId: '000.00.00.H41', OrganName: 'Ủy ban nhân dân tỉnh Nghệ An' }],
};

/** A valid input of each public schema: the probes change one place of it. */
const SAMPLES: Record<keyof typeof PUBLIC_SCHEMAS, unknown> = {
  'administrative-document': congVan,
  issuer: chiThi.issuer,
  signer: chiThi.signer,
  recipient: { name: 'Bộ Nội vụ' },
  archive: { draftingUnit: 'VP' },
  'content-block': { kind: 'paragraph', text: 'Đoạn văn.' },
  'outgoing-record': outgoing,
  'incoming-record': { ...outgoing, ArrivalNumber: 125, ArrivalDate: '2015-10-01' },
  'work-file': { OrganId: '000.00.00.H49', FileCatalog: 2026, FileNotation: 'VP-01', Title: 'Hồ sơ', Maintenance: 10, Creator: 'Nguyễn Thị B', StartDate: '2026-01-05', Documents: [] },
};

/** Inputs that break each domain rule the schemas check with refinements (superRefine). */
const RULE_BREAKERS: [keyof typeof PUBLIC_SCHEMAS, unknown][] = [
  ['administrative-document', { ...chiThi, subject: undefined }],
  ['administrative-document', { ...chiThi, subject: '   ', place: '  ', signer: { ...chiThi.signer, fullName: '   ' } }],
  ['administrative-document', { ...chiThi, symbol: 'UBND-VP' }],
  ['administrative-document', { ...congVan, symbol: 'CT-VPCP' }],
  ['administrative-document', { ...chiThi, symbol: 'CT-BNV' }],
  ['administrative-document', { ...chiThi, symbol: 'CT UBND' }],
  ['administrative-document', { ...chiThi, date: '2009-02-30', issuer: { ...chiThi.issuer, code: 'H49' } }],
  ['content-block', { kind: 'table', header: ['a', 'b'], rows: [['1']], widths: [1], align: ['left'] }],
  ['signer', { authority: 'TM', position: 'Chủ tịch', fullName: 'TS. Nguyễn Văn A' }],
];

describe('messages of the schemas', () => {
  const all = Object.entries(PUBLIC_SCHEMAS).flatMap(([name, schema]) => {
    const out: Probe[] = [];
    probes(schema as z.ZodType, [], [], out, new Set(), true);
    return out.map((probe) => ({ name: name as keyof typeof PUBLIC_SCHEMAS, schema: schema as z.ZodType, probe }));
  });

  it('walks every check of every public schema', () => {
    // Enough checks to know the walk went down the whole tree (each schema, every field).
    expect(all.length).toBeGreaterThan(400);
    const checks = new Set(all.map((p) => p.probe.check.split(' ')[0]));
    for (const kind of ['required', 'min_length', 'max_length', 'format', 'greater_than', 'less_than', 'whole', 'refinement', 'enum', 'literal', 'union', 'unknown']) {
      expect(checks).toContain(kind);
    }
  });

  it('answers every failing input with natural Vietnamese and English messages that name the field', () => {
    const bad: string[] = [];
    let issues = 0;
    for (const { name, schema, probe } of all) {
      let input = SAMPLES[name];
      for (const [path, value] of probe.before) input = setAt(input, path, value);
      input = setAt(input, probe.path, probe.bad);
      for (const lang of ['vi', 'en'] as Lang[]) {
        const result = validate(schema, input, { lang });
        const where = `${name} ${probe.path.join('.')} (${probe.check}, ${lang})`;
        if (result.ok) {
          if (!probe.mayPass) bad.push(`${where}: the input was accepted`);
          continue;
        }
        for (const issue of result.issues) {
          issues++;
          const problem = problemOf(issue.message) ?? problemOf(issue.localized?.vi) ?? problemOf(issue.localized?.en);
          if (problem) bad.push(`${where}: ${problem}: ${issue.message}`);
          if (issue.localized?.[lang] !== issue.message) bad.push(`${where}: no localized text in both languages: ${issue.message}`);
          if (issue.code !== 'object.unknownKey' && /^(?:Trường|Field) "/.test(issue.message)) bad.push(`${where}: field without a label: ${issue.message}`);
          if (issue.path.some((k) => typeof k === 'string') && !fieldLabel(issue.path) && issue.code !== 'object.unknownKey') {
            bad.push(`${where}: no label for ${issue.path.join('.')}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
    expect(issues).toBeGreaterThan(all.length * 2);
  });

  it('writes the messages of the refinements (domain rules) in words too', () => {
    for (const [name, input] of RULE_BREAKERS) {
      for (const lang of ['vi', 'en'] as Lang[]) {
        const result = validate(PUBLIC_SCHEMAS[name] as z.ZodType, input, { lang });
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        for (const issue of result.issues) expect({ message: issue.message, problem: problemOf(issue.message) }).toEqual({ message: issue.message, problem: undefined });
      }
    }
  });

  it('gives every rule code a message in both languages that is not its key', () => {
    const params = { text: '05/XX', max: 11, year: 2026, symbol: 'CT-UBND', expected: 'CT-UBND', row: 1, cells: 2, columns: 3, count: 2, key: 'parent', known: 'name', authority: 'KT', encoding: 'vni', code: '000.00.00.H49', completed: '000.00.00.H49', next: '03', current: '04', email: 'a@b.vn', type: 'Chỉ thị', abbreviation: 'CT', issuer: 'UBND', index: 1, field: 'Họ tên', value: '2026-13-01', format: 'yyyy-mm-dd' };
    for (const code of RULE_CODES) {
      const text = ruleMessage(code, params);
      expect({ code, vi: problemOf(text.vi), en: problemOf(text.en), same: text.vi === code || text.en === code }).toEqual({ code, vi: undefined, en: undefined, same: false });
    }
  });

  it('writes the same texts through errorMap for code that calls safeParse itself', () => {
    const parsed = PUBLIC_SCHEMAS.signer.safeParse({ position: 'Chủ tịch', fullName: '' }, { error: errorMap('en') });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["The signer's full name must not be empty."]);
  });
});
