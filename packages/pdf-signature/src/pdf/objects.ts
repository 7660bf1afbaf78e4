/** The PDF object model (ISO 32000-1 §7.3), with byte spans kept for the checks signatures need. */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfString {
  /** `start`/`end`: the token's span in the source file (delimiters included), -1 if built in memory. */
  constructor(
    readonly bytes: Uint8Array,
    readonly hex: boolean,
    readonly start = -1,
    readonly end = -1,
  ) {}

  /** Text per PDF text-string rules: UTF-16BE with BOM, else PDFDocEncoding (Latin-1 subset). */
  text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      let out = '';
      for (let i = 2; i + 1 < b.length; i += 2) out += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
      return out;
    }
    let out = '';
    for (const c of b) out += String.fromCharCode(c);
    return out;
  }
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

export class PdfDict {
  readonly map: Map<string, PdfObject>;
  constructor(
    entries?: Iterable<readonly [string, PdfObject]>,
    readonly start = -1,
    readonly end = -1,
  ) {
    this.map = new Map(entries);
  }
  get(key: string): PdfObject | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  set(key: string, value: PdfObject): this {
    this.map.set(key, value);
    return this;
  }
  clone(): PdfDict {
    return new PdfDict(this.map);
  }
}

export class PdfArray extends Array<PdfObject> {
  start = -1;
  end = -1;
  static of2(items: readonly PdfObject[], start = -1, end = -1): PdfArray {
    const a = new PdfArray();
    for (const item of items) a.push(item);
    a.start = start;
    a.end = end;
    return a;
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The encoded stream data. */
    readonly data: Uint8Array,
    readonly dataStart = -1,
  ) {}
}

export type PdfObject = null | boolean | number | PdfName | PdfString | PdfRef | PdfArray | PdfDict | PdfStream;

export const name = (n: string): PdfName => new PdfName(n);
export const isName = (o: unknown, n?: string): o is PdfName => o instanceof PdfName && (n === undefined || o.name === n);
export const arr = (...items: PdfObject[]): PdfArray => PdfArray.of2(items);
export const dict = (entries: Record<string, PdfObject>): PdfDict => new PdfDict(Object.entries(entries));

/** A text string: PDFDocEncoding when ASCII, else UTF-16BE with BOM (needed for Vietnamese). */
export function textString(text: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(new TextEncoder().encode(text), false);
  const out = [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(c >> 8, c & 0xff);
  }
  return new PdfString(Uint8Array.from(out), true);
}
