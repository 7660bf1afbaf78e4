import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestRanges } from './crypto.js';

const runs = Number(process.env.EGOV_FUZZ_RUNS ?? 100);
const reference = (bytes: Uint8Array, a: number, b: number, end: number, alg: string): string =>
  createHash(alg).update(bytes.subarray(0, a)).update(bytes.subarray(b, end)).digest('hex');
const hex = (d: Uint8Array): string => Buffer.from(d).toString('hex');

describe('digestRanges', () => {
  it('hashes [0,a) ∪ [b,end) the same way in place (node:crypto) and through WebCrypto, leaving the bytes unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 2, maxLength: 4096 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(['SHA-256', 'sha256'] as const, ['SHA-384', 'sha384'] as const, ['SHA-512', 'sha512'] as const),
        async (bytes, x, y, z, [alg, nodeAlg]) => {
          const a = 1 + (x % (bytes.length - 1));
          const b = a + (y % (bytes.length - a + 1));
          const end = b + (z % (bytes.length - b + 1));
          const before = hex(bytes);
          const expected = reference(bytes, a, b, end, nodeAlg);
          expect(hex(await digestRanges(bytes, a, b, end, alg, { inPlace: true }))).toBe(expected);
          expect(hex(await digestRanges(bytes, a, b, end, alg))).toBe(expected);
          expect(hex(bytes)).toBe(before);
        },
      ),
      { numRuns: runs },
    );
  });

  it('hashes files larger than one slice (yielding between slices) to the same value', async () => {
    const big = new Uint8Array(40 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i += 65536) crypto.getRandomValues(big.subarray(i, Math.min(big.length, i + 65536)));
    const a = 20 * 1024 * 1024 + 3;
    const b = a + 1000;
    expect(hex(await digestRanges(big, a, b, big.length, 'SHA-256', { inPlace: true }))).toBe(reference(big, a, b, big.length, 'sha256'));
  });
});
