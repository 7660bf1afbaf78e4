// Golden-image comparison with pngjs: pages rendered by pdftoppm compared pixel by pixel to committed PNGs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PNG } from 'pngjs';

export interface ImageDiff {
  readonly sameSize: boolean;
  /** Fraction of pixels whose grey level differs by more than the threshold. */
  readonly changed: number;
}

function grey(png: PNG, i: number): number {
  return (png.data[i * 4]! + png.data[i * 4 + 1]! + png.data[i * 4 + 2]!) / 3;
}

export function compareImages(actual: Uint8Array, expected: Uint8Array, threshold = 64): ImageDiff {
  const a = PNG.sync.read(Buffer.from(actual));
  const b = PNG.sync.read(Buffer.from(expected));
  if (a.width !== b.width || a.height !== b.height) return { sameSize: false, changed: 1 };
  let changed = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n; i++) if (Math.abs(grey(a, i) - grey(b, i)) > threshold) changed++;
  return { sameSize: true, changed: changed / n };
}

/** Reads the golden file, writing it first when UPDATE_GOLDEN=1 (or when it does not exist yet and UPDATE_GOLDEN=1). */
export function golden(path: string, actual: Uint8Array): Uint8Array {
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`golden image ${path} is missing: run with UPDATE_GOLDEN=1 and review it`);
  return new Uint8Array(readFileSync(path));
}

/** A disc of one colour on a transparent background, as a PNG (a stand-in signature image or seal). */
export function discPng(size: number, rgb: readonly [number, number, number]): Uint8Array {
  const png = new PNG({ width: size, height: size });
  const r = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const inside = (x - r + 0.5) ** 2 + (y - r + 0.5) ** 2 <= r * r;
      png.data[i] = rgb[0];
      png.data[i + 1] = rgb[1];
      png.data[i + 2] = rgb[2];
      png.data[i + 3] = inside ? 255 : 0;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}
