import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chiThi, congVan } from './document/fixtures.testutil.js';
import { fastVerdict, INVALID, UNKNOWN, VALID } from './fast-path.js';
import { PUBLIC_SCHEMAS } from './json-schemas.js';
import { validate } from './validate.js';

const runs = Number(process.env['EGOV_FUZZ_RUNS'] ?? 1000);

/** Mutations of a valid document: drop a key, change a value's type or content, add an unknown key. */
const mutated = fc
  .tuple(
    fc.constantFrom(chiThi, congVan),
    fc.constantFrom('type', 'symbol', 'date', 'subject', 'place', 'number', 'signer', 'recipients', 'content', 'urgency', 'issuer', 'archive', 'extra'),
    fc.oneof(fc.constant(undefined), fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 })),
  )
  .map(([doc, key, value]) => ({ ...doc, [key]: value }));

/** Tables of any shape in a công văn's body: rows of uneven length, widths and alignments of any count. */
const cells = fc.array(fc.string({ maxLength: 6 }), { minLength: 0, maxLength: 4 });
const withTable = fc
  .record({
    header: fc.option(cells, { nil: undefined }),
    rows: fc.array(cells, { maxLength: 3 }),
    widths: fc.option(fc.array(fc.oneof(fc.integer({ min: -1, max: 5 }), fc.double()), { maxLength: 4 }), { nil: undefined }),
    align: fc.option(fc.array(fc.constantFrom('left', 'center', 'right', 'justify'), { maxLength: 4 }), { nil: undefined }),
  })
  .map((table) => ({
    ...congVan,
    content: { body: [{ kind: 'table', ...Object.fromEntries(Object.entries(table).filter(([, v]) => v !== undefined)) }] },
  }));

describe('fast path agrees with zod', () => {
  it('on valid documents it answers VALID, and the value is the input', () => {
    const table = { kind: 'table', header: ['STT', 'Nội dung'], rows: [['1', 'Kết nối']], widths: [1, 5], align: ['center', 'left'] };
    for (const doc of [chiThi, congVan, { ...congVan, content: { body: [table] } }]) {
      expect(fastVerdict(PUBLIC_SCHEMAS['administrative-document'], doc)).toBe(VALID);
      expect(validate(PUBLIC_SCHEMAS['administrative-document'], doc)).toEqual({ ok: true, value: doc });
    }
  });

  it('never calls VALID what zod refuses, for every public schema and any input', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, withTable, fc.anything()), fc.constantFrom(...Object.values(PUBLIC_SCHEMAS)), (input, schema) => {
        const verdict = fastVerdict(schema, input);
        const zod = schema.safeParse(input);
        const agrees =
          verdict === UNKNOWN ||
          (verdict === VALID ? zod.success && isDeepStrictEqual(zod.data, input) : !zod.success);
        expect({ verdict, agrees }).toEqual({ verdict, agrees: true });
      }),
      { numRuns: runs * 2 },
    );
  });

  it('sends schemas with transforms, defaults or string formats to zod', () => {
    expect(fastVerdict(z.string().default('x'), 'a')).toBe(UNKNOWN);
    expect(fastVerdict(z.email(), 'a@b.vn')).toBe(UNKNOWN);
    expect(fastVerdict(z.string().transform((s) => s.length), 'a')).toBe(UNKNOWN);
    expect(fastVerdict(z.object({ a: z.string() }), { a: 'x', b: 1 })).toBe(UNKNOWN);
    expect(validate(z.object({ a: z.string() }), { a: 'x', b: 1 })).toEqual({ ok: true, value: { a: 'x' } });
  });

  it('runs zod’s own checks, refinements included', () => {
    const even = z.number().int().refine((n) => n % 2 === 0);
    expect(fastVerdict(even, 4)).toBe(VALID);
    expect(fastVerdict(even, 3)).toBe(INVALID);
    expect(fastVerdict(even, 2.5)).toBe(INVALID);
    expect(fastVerdict(z.number(), Number.POSITIVE_INFINITY)).toBe(INVALID);
  });
});
