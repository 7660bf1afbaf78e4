import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdxml, checkEdxmlPackage, issueMessages, parseEdxml } from './index.js';
import { sampleDocumentPackage } from './fixtures.js';
import { chunked, fuzzRuns, plain } from './test-helpers.js';
import { documentPackage, statusPackage } from './testing.js';

// EGOV_FUZZ_RUNS overrides; under CI the default is 10 000 runs per property, fewer locally. `pnpm fuzz` runs more.
const runs = fuzzRuns(300);
const knownCodes = new Set(Object.keys(issueMessages));

describe('properties', () => {
  it('build then parse is the identity on valid document packages', async () => {
    await fc.assert(
      fc.asyncProperty(documentPackage(), async (pkg) => {
        const r = await parseEdxml(buildEdxml(pkg));
        expect(r.ok && (await plain(r.value))).toEqual(await plain(pkg));
      }),
      { numRuns: runs },
    );
  });

  it('build then parse is the identity on valid status packages', async () => {
    await fc.assert(
      fc.asyncProperty(statusPackage(), async (pkg) => {
        const r = await parseEdxml(buildEdxml(pkg));
        expect(r.ok && (await plain(r.value))).toEqual(await plain(pkg));
      }),
      { numRuns: runs },
    );
  });

  it('generated packages are conformant', () => {
    fc.assert(
      fc.property(fc.oneof(documentPackage(), statusPackage()), (pkg) => {
        expect(checkEdxmlPackage(pkg).filter((i) => i.severity === 'error')).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('parsing from a stream gives the same package whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(documentPackage({ maxAttachmentBytes: 64 }), fc.integer({ min: 1, max: 300 }), async (pkg, size) => {
        const bytes = new TextEncoder().encode(buildEdxml(pkg));
        const r = await parseEdxml(chunked(bytes, size));
        expect(r.ok && (await plain(r.value))).toEqual(await plain(pkg));
      }),
      { numRuns: Math.max(50, Math.floor(runs / 10)) },
    );
  });

  it('random bytes give an error result, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const r = await parseEdxml(bytes);
        expect(!r.ok && r.errors.length > 0 && r.errors.every((e) => knownCodes.has(e.code))).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('random text with markup gives an error result, never a throw', async () => {
    const piece = fc.constantFrom('<', '>', '</', '/>', '<!--', '-->', '<![CDATA[', ']]>', '&', ';', '&amp;', '"', "'", '=', 'edXML', ':', 'xmlns', ' ', '\n', '<?xml', '?>', '<!DOCTYPE', 'a', 'é');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (parts) => {
        const r = await parseEdxml(parts.join(''));
        expect(r.ok).toBe(false);
      }),
      { numRuns: runs },
    );
  });

  it('mutated packages never throw and every error is located with a known code', async () => {
    const base = new TextEncoder().encode(buildEdxml(sampleDocumentPackage('replace')));
    const mutation = fc.record({
      at: fc.nat({ max: base.length - 1 }),
      kind: fc.constantFrom('flip', 'delete', 'insert', 'truncate'),
      byte: fc.integer({ min: 0, max: 255 }),
      len: fc.integer({ min: 1, max: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        let b = base;
        for (const m of ms) {
          const at = Math.min(m.at, b.length);
          if (m.kind === 'flip') {
            b = b.slice();
            b[Math.min(at, b.length - 1)] = m.byte;
          } else if (m.kind === 'delete') b = new Uint8Array([...b.subarray(0, at), ...b.subarray(at + m.len)]);
          else if (m.kind === 'insert') b = new Uint8Array([...b.subarray(0, at), ...new Uint8Array(m.len).fill(m.byte), ...b.subarray(at)]);
          else b = b.subarray(0, at);
        }
        const r = await parseEdxml(b);
        if (r.ok) return;
        expect(r.errors.length).toBeGreaterThan(0);
        expect(r.errors.every((e) => knownCodes.has(e.code) && e.message.length > 0)).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});
