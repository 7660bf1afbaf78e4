import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, withDpi } from './png-dpi.js';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, 'latin1'), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A 2×1 RGBA PNG, with a pHYs chunk when `ppm` is given. */
function png(ppm?: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, 2);
  v.setUint32(4, 1);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const phys = new Uint8Array(9);
  if (ppm) new DataView(phys.buffer).setUint32(0, ppm);
  if (ppm) new DataView(phys.buffer).setUint32(4, ppm);
  phys[8] = 1;
  const pixels = Uint8Array.of(0, 208, 16, 30, 255, 0, 0, 0, 0);
  return Buffer.concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', ihdr),
    ...(ppm ? [chunk('pHYs', phys)] : []),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Each chunk's type, data and whether its CRC is right. */
function chunks(bytes: Uint8Array): { type: string; data: Uint8Array; crcOk: boolean }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = [];
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    out.push({
      type: Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1'),
      data: bytes.subarray(at + 8, at + 8 + length),
      crcOk: view.getUint32(at + 8 + length) === crc32(bytes.subarray(at + 4, at + 8 + length)),
    });
    at += 12 + length;
  }
  return out;
}

describe('withDpi', () => {
  it('computes CRC-32 as PNG defines it (the standard check value)', () => {
    expect(crc32(Buffer.from('123456789', 'latin1'))).toBe(0xcbf43926);
  });

  it('puts one pHYs right after IHDR, replacing any there was, and leaves the image data alone', () => {
    for (const input of [png(), png(2835)]) {
      const out = withDpi(input, 300);
      const list = chunks(out);
      expect(list.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
      expect(list.every((c) => c.crcOk)).toBe(true);
      const phys = new DataView(list[1]!.data.buffer, list[1]!.data.byteOffset, 9);
      // 300 dots per inch = 11 811 per metre, unit 1 (metre).
      expect([phys.getUint32(0), phys.getUint32(4), phys.getUint8(8)]).toEqual([11811, 11811, 1]);
      const idat = (b: Uint8Array) => chunks(b).find((c) => c.type === 'IDAT')!.data;
      expect(Buffer.from(idat(out)).equals(Buffer.from(idat(input)))).toBe(true);
      expect([...out.subarray(0, 8)]).toEqual([...input.subarray(0, 8)]);
    }
  });
});
