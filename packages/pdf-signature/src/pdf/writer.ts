/**
 * Serialisation and the incremental-update writer (ISO 32000-1 §7.5.6): the input bytes are copied unchanged and
 * new or changed objects, an xref section of the same kind as the last one, and a trailer with /Prev are appended.
 */
import { concatBytes, latin1Bytes, toHex } from './bytes.js';
import type { PdfFile } from './file.js';
import { PdfArray, PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from './objects.js';

function nameText(n: string): string {
  let out = '/';
  for (const ch of n) {
    const c = ch.charCodeAt(0);
    out += c > 0x20 && c < 0x7f && !'()<>[]{}/%#'.includes(ch) ? ch : `#${c.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

/** Serialises a direct object (streams are written by `IncrementalUpdate`). */
export function serialize(obj: PdfObject): string {
  if (obj === null) return 'null';
  if (typeof obj === 'boolean') return obj ? 'true' : 'false';
  if (typeof obj === 'number') return numberText(obj);
  if (obj instanceof PdfName) return nameText(obj.name);
  if (obj instanceof PdfString) return `<${toHex(obj.bytes)}>`;
  if (obj instanceof PdfRef) return `${obj.num} ${obj.gen} R`;
  if (obj instanceof PdfArray) return `[${obj.map(serialize).join(' ')}]`;
  if (obj instanceof PdfDict) {
    let out = '<<';
    for (const [k, v] of obj.map) out += `${nameText(k)} ${serialize(v)}`;
    return `${out}>>`;
  }
  if (obj instanceof PdfStream) throw new Error('streams must be indirect');
  return 'null';
}

/** A raw object body: written as is (used for the signature dictionary, whose byte positions matter). */
export class RawBody {
  constructor(readonly text: string) {}
}

type Body = PdfObject | RawBody | PdfStream;

export interface WrittenUpdate {
  /** The bytes that follow the input (the input itself is not copied here). */
  readonly update: Uint8Array;
  /** Offset in the complete output of each written object's body (after `n g obj\n`). */
  readonly bodyOffsets: ReadonlyMap<number, number>;
}

export class IncrementalUpdate {
  private readonly objects = new Map<number, { gen: number; body: Body }>();
  private nextNum: number;

  constructor(readonly file: PdfFile) {
    const size = file.trailer.get('Size');
    let max = typeof size === 'number' ? size : 1;
    for (const s of file.sections) for (const num of s.entries.keys()) max = Math.max(max, num + 1);
    this.nextNum = max;
  }

  allocate(): PdfRef {
    return new PdfRef(this.nextNum++, 0);
  }

  set(ref: PdfRef, body: Body): void {
    this.objects.set(ref.num, { gen: ref.gen, body });
  }

  /** The update that follows the input bytes; the complete output is the input, then `update`. */
  write(): WrittenUpdate {
    const { file } = this;
    const input = file.bytes;
    const parts: Uint8Array[] = [];
    let pos = input.length;
    const push = (chunk: Uint8Array | string): void => {
      const b = typeof chunk === 'string' ? latin1Bytes(chunk) : chunk;
      parts.push(b);
      pos += b.length;
    };
    const last = input[input.length - 1];
    if (last !== 0x0a && last !== 0x0d) push('\n');
    const offsets = new Map<number, number>();
    const bodyOffsets = new Map<number, number>();
    const nums = [...this.objects.keys()].sort((a, b) => a - b);
    for (const num of nums) {
      const { gen, body } = this.objects.get(num)!;
      offsets.set(num, pos);
      push(`${num} ${gen} obj\n`);
      bodyOffsets.set(num, pos);
      if (body instanceof RawBody) push(body.text);
      else if (body instanceof PdfStream) {
        const d = body.dict.clone().set('Length', body.data.length);
        push(`${serialize(d)}\nstream\n`);
        push(body.data);
        push('\nendstream');
      } else push(serialize(body));
      push('\nendobj\n');
    }
    const trailer = new PdfDict();
    const old = file.trailer;
    for (const key of ['Root', 'Info', 'ID', 'Encrypt']) {
      const v = old.get(key);
      if (v !== undefined) trailer.set(key, v);
    }
    trailer.set('Prev', file.startxref);
    if (file.lastSection.kind === 'stream') {
      const xrefRef = this.allocate();
      const xrefOffset = pos;
      offsets.set(xrefRef.num, xrefOffset);
      const all = [...offsets.keys()].sort((a, b) => a - b);
      const index: number[] = [];
      const rows: number[] = [];
      for (let i = 0; i < all.length; ) {
        let j = i;
        while (j + 1 < all.length && all[j + 1] === all[j]! + 1) j++;
        index.push(all[i]!, j - i + 1);
        for (let k = i; k <= j; k++) {
          const off = offsets.get(all[k]!)!;
          const gen = this.objects.get(all[k]!)?.gen ?? 0;
          rows.push(1, (off / 2 ** 32) >>> 0, (off >>> 24) & 0xff, (off >>> 16) & 0xff, (off >>> 8) & 0xff, off & 0xff, (gen >> 8) & 0xff, gen & 0xff);
        }
        i = j + 1;
      }
      trailer
        .set('Type', new PdfName('XRef'))
        .set('Size', this.nextNum)
        .set('W', PdfArray.of2([1, 5, 2]))
        .set('Index', PdfArray.of2(index));
      const data = Uint8Array.from(rows.map((v, i) => (i % 8 === 1 ? v & 0xff : v)));
      push(`${xrefRef.num} 0 obj\n${serialize(trailer.set('Length', data.length))}\nstream\n`);
      push(data);
      push(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`);
    } else {
      const xrefOffset = pos;
      let table = 'xref\n';
      const all = [...offsets.keys()].sort((a, b) => a - b);
      for (let i = 0; i < all.length; ) {
        let j = i;
        while (j + 1 < all.length && all[j + 1] === all[j]! + 1) j++;
        table += `${all[i]} ${j - i + 1}\n`;
        for (let k = i; k <= j; k++) {
          const gen = this.objects.get(all[k]!)!.gen;
          table += `${String(offsets.get(all[k]!)).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`;
        }
        i = j + 1;
      }
      trailer.set('Size', this.nextNum);
      push(`${table}trailer\n${serialize(trailer)}\nstartxref\n${xrefOffset}\n%%EOF\n`);
    }
    return { update: concatBytes(parts), bodyOffsets };
  }
}
