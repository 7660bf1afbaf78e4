import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiThi, congVan } from './document/fixtures.testutil.js';
import { AdministrativeDocumentSchema } from './document/document.js';
import { IncomingRecordSchema } from './document/registration.js';
import { fastVerdict, INVALID, VALID } from './fast-path.js';
import { closestKey, editDistance } from './suggest.js';
import { validate } from './validate.js';

const runs = Number(process.env['EGOV_FUZZ_RUNS'] ?? 1000);

const richDocument = {
  ...congVan,
  content: {
    basis: ['Căn cứ Nghị định số 30/2020/NĐ-CP'],
    body: [
      { kind: 'heading', text: 'I. MỤC TIÊU', level: 1 },
      { kind: 'list', items: ['Một', 'Hai'] },
      { kind: 'table', header: ['STT', 'Nội dung'], rows: [['1', 'Kết nối']], widths: [1, 5] },
      { kind: 'article', number: 1, title: 'Phạm vi', body: [{ kind: 'paragraph', text: 'Áp dụng.' }] },
    ],
  },
  appendices: [{ title: 'Phụ lục I', content: { body: [{ kind: 'paragraph', text: 'Danh sách.' }] } }],
  drafter: { initials: 'NVA', copies: 10 },
  copy: { kind: 'saoY', numberAndSymbol: '05/SY-VP' },
};

/** Every plain object inside a value, with its path. */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
}

/** A deep copy of `doc` with `key: extra` added (as an own, enumerable property) to the object at `path`. */
function withExtraKey(doc: unknown, path: readonly (string | number)[], key: string, extra: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  Object.defineProperty(target, key, { value: extra, enumerable: true, writable: true, configurable: true });
  return copy;
}

describe('the model refuses unknown keys', () => {
  it('names issuer.parent, located at the key, with the key meant (parentName), Vietnamese first', () => {
    const doc = { ...congVan, issuer: { name: 'Sở Nội vụ', parent: 'Ủy ban nhân dân tỉnh Gia Lai', abbreviation: 'SNV' }, symbol: 'SNV-VP' };
    const vi = validate(AdministrativeDocumentSchema, doc);
    expect(vi).toEqual({
      ok: false,
      issues: [
        {
          code: 'object.unknownKey',
          path: ['issuer', 'parent'],
          params: { key: 'parent', suggestion: 'parentName', known: 'name, parentName, abbreviation, code' },
          message: 'Trường "parent" không có trong mô hình; có phải là "parentName"?',
          localized: {
            vi: 'Trường "parent" không có trong mô hình; có phải là "parentName"?',
            en: 'Unknown field "parent"; did you mean "parentName"?',
          },
        },
      ],
      errors: expect.any(Array),
    });
    const en = validate(AdministrativeDocumentSchema, doc, { lang: 'en' });
    expect(en.ok ? [] : en.issues.map((i) => i.message)).toEqual(['Unknown field "parent"; did you mean "parentName"?']);
  });

  it('reports every unknown key of every object, inside unions and arrays too, each at its own path', () => {
    const doc = {
      ...richDocument,
      sujbect: 'x',
      signer: { ...congVan.signer, fulName: 'Nguyễn Văn A' },
      content: { ...richDocument.content, body: [{ kind: 'paragraph', text: 'A', levl: 1 }] },
      recipients: [{ name: 'Như trên', agencycode: '000.00.00.G22' }],
    };
    const result = validate(AdministrativeDocumentSchema, doc);
    expect(result.ok).toBe(false);
    const found = result.ok ? [] : result.issues.map((i) => [i.path.join('.'), i.params['suggestion']]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['sujbect', 'subject'],
        ['signer.fulName', 'fullName'],
        ['content.body.0.levl', undefined],
        ['recipients.0.agencycode', 'agencyCode'],
      ]),
    );
    expect(found).toHaveLength(4);
  });

  it('lists the known fields when no key is close', () => {
    const result = validate(AdministrativeDocumentSchema, { ...chiThi, archive: { draftingUnit: 'VP', xyz: 1 } });
    expect(result.ok ? [] : result.issues).toMatchObject([
      { path: ['archive', 'xyz'], params: { key: 'xyz', known: 'draftingUnit, copies' }, message: 'Trường "xyz" không có trong mô hình (các trường có: draftingUnit, copies).' },
    ]);
  });

  it('closes the registration records too (extend keeps them closed)', () => {
    const result = validate(IncomingRecordSchema, { ArrivalNumbr: 1 });
    expect(result.ok ? [] : result.issues.filter((i) => i.code === 'object.unknownKey')).toMatchObject([
      { path: ['ArrivalNumbr'], params: { suggestion: 'ArrivalNumber' } },
    ]);
  });

  it('fast path and zod give the same verdict on documents with a random extra key anywhere', () => {
    const documents = [chiThi, congVan, richDocument];
    const cases = fc
      .constantFrom(...documents)
      .chain((doc) =>
        fc.tuple(
          fc.constant(doc),
          fc.constantFrom(...objectPaths(doc)),
          fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'parent', 'kind')),
          fc.oneof(fc.constant(undefined), fc.anything({ maxDepth: 1 })),
        ),
      )
      .map(([doc, path, key, extra]) => ({ path, key, input: withExtraKey(doc, path, key, extra), known: new Set(Object.keys(path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], doc) as object)) }));
    fc.assert(
      fc.property(cases, ({ path, key, input, known }) => {
        const zod = AdministrativeDocumentSchema.safeParse(input);
        const verdict = fastVerdict(AdministrativeDocumentSchema, input);
        const result = validate(AdministrativeDocumentSchema, input);
        if (known.has(key)) return; // replaced a known key's value: covered by fast-path.test.ts
        expect({ verdict, zod: zod.success, validate: result.ok }).toEqual({ verdict: INVALID, zod: false, validate: false });
        expect(result.ok ? [] : result.issues.filter((i) => i.code === 'object.unknownKey').map((i) => i.path)).toEqual([[...path, key]]);
      }),
      { numRuns: Math.ceil(runs / 4) },
    );
    for (const doc of documents) expect(fastVerdict(AdministrativeDocumentSchema, doc)).toBe(VALID);
  });
});

describe('closestKey', () => {
  it('finds the key meant by a prefix, a typo or another case', () => {
    expect(closestKey('parent', ['name', 'parentName', 'abbreviation', 'code'])).toBe('parentName');
    expect(closestKey('sujbect', ['subject', 'symbol'])).toBe('subject');
    expect(closestKey('FullName', ['position', 'fullName'])).toBe('fullName');
    expect(closestKey('xyz', ['draftingUnit', 'copies'])).toBeUndefined();
    expect(closestKey('', ['a'])).toBeUndefined();
  });

  it('edit distance is a metric on random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b, c) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
      { numRuns: runs },
    );
  });
});
