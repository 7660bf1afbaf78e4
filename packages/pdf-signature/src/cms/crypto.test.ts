import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestRanges, joinAndDigest } from './crypto.js';

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

  it('joinAndDigest gives input + update and the digest of everything but the hole, in one pass or two', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600_000 }), fc.uint8Array({ minLength: 2, maxLength: 2000 }), fc.nat(), fc.nat(), async (input, update, x, y) => {
        const total = input.length + update.length;
        // The hole usually lies in the update (signing); sometimes it starts in the input (the two-pass fallback).
        const a = 1 + (x % (total - 1));
        const b = a + (y % (total - a + 1));
        const { bytes, digest } = await joinAndDigest(input, update, a, b, 'SHA-256');
        expect(hex(bytes)).toBe(hex(input) + hex(update));
        expect(hex(digest)).toBe(reference(bytes, a, b, total, 'sha256'));
      }),
      { numRuns: Math.max(10, Math.floor(runs / 4)) },
    );
  });

  it('joinAndDigest hashes an input of several slices (yielding between them) to the same value', async () => {
    const input = new Uint8Array(17 * 1024 * 1024 + 5);
    for (let i = 0; i < input.length; i += 65536) crypto.getRandomValues(input.subarray(i, Math.min(input.length, i + 65536)));
    const update = new TextEncoder().encode('\n9 0 obj\n<</Contents<0000>>>\nendobj\n');
    const a = input.length + 20;
    const { bytes, digest } = await joinAndDigest(input, update, a, a + 6, 'SHA-384');
    expect(hex(digest)).toBe(reference(bytes, a, a + 6, bytes.length, 'sha384'));
  });
});
