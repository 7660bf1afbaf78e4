// Streaming base64 (RFC 4648) validation, decoding and encoding over bytes, so that attachment content never has to
// become one large JavaScript string.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const WS = -2;
const PAD = -3;
const BAD = -1;
const table = new Int8Array(256).fill(BAD);
for (let i = 0; i < 64; i++) table[ALPHABET.charCodeAt(i)] = i;
for (const c of [0x20, 0x09, 0x0a, 0x0d]) table[c] = WS;
table[0x3d] = PAD;
const encodeTable = new Uint8Array(64);
for (let i = 0; i < 64; i++) encodeTable[i] = ALPHABET.charCodeAt(i);

export class Base64Error extends Error {
  constructor(
    readonly detail: string,
    readonly detailVi: string,
    /** Index of the offending byte within the segment given to the decoder, when known. */
    readonly index?: number,
  ) {
    super(detail);
  }
}

/** Incremental base64 decoder: feed byte segments, get decoded bytes; whitespace is skipped. */
export class Base64Decoder {
  private acc = 0;
  private n = 0;
  private pads = 0;
  /** Decoded byte count so far. */
  size = 0;

  /** Validates a segment and counts decoded bytes without producing them. */
  validate(src: Uint8Array, start: number, end: number): void {
    let n = this.n;
    let count = 0;
    for (let i = start; i < end; i++) {
      const c = table[src[i] as number] as number;
      if (c >= 0) {
        if (this.pads > 0) throw new Base64Error('data after "=" padding', 'có dữ liệu sau ký tự đệm "="', i);
        n++;
        if (n === 4) {
          n = 0;
          count += 3;
        }
      } else if (c !== WS) this.slow(c, n, i);
    }
    this.n = n;
    this.size += count;
  }

  private slow(c: number, n: number, i: number): void {
    if (c === PAD) {
      this.pads++;
      if (this.pads === 1) {
        if (n < 2) throw new Base64Error('misplaced "=" padding', 'ký tự đệm "=" sai vị trí', i);
        this.size += n - 1;
        this.expectedPads = 4 - n;
      }
      if (this.pads > this.expectedPads) throw new Base64Error('too much "=" padding', 'thừa ký tự đệm "="', i);
      return;
    }
    throw new Base64Error('character outside the base64 alphabet', 'ký tự không thuộc bảng mã base64', i);
  }

  private expectedPads = 0;

  /** Decodes a segment; returns the bytes it completes (possibly empty). */
  decode(src: Uint8Array, start: number, end: number): Uint8Array {
    const out = new Uint8Array(Math.floor(((end - start) + this.n) * 3 / 4) + 3);
    let o = 0;
    let acc = this.acc;
    let n = this.n;
    for (let i = start; i < end; i++) {
      const c = table[src[i] as number] as number;
      if (c >= 0) {
        if (this.pads > 0) throw new Base64Error('data after "=" padding', 'có dữ liệu sau ký tự đệm "="', i);
        acc = (acc << 6) | c;
        if (++n === 4) {
          out[o++] = (acc >>> 16) & 255;
          out[o++] = (acc >>> 8) & 255;
          out[o++] = acc & 255;
          acc = 0;
          n = 0;
        }
      } else if (c !== WS) {
        if (c === PAD && this.pads === 0) {
          if (n === 2) out[o++] = (acc >>> 4) & 255;
          else if (n === 3) {
            out[o++] = (acc >>> 10) & 255;
            out[o++] = (acc >>> 2) & 255;
          }
        }
        const before = this.size;
        this.slow(c, n, i);
        this.size = before;
      }
    }
    this.acc = acc;
    this.n = n;
    this.size += o;
    return out.subarray(0, o);
  }

  /** Checks that the input ended on a quantum boundary. */
  finish(): void {
    if (this.pads > 0 ? this.pads !== this.expectedPads : this.n !== 0) {
      throw new Base64Error('incomplete final group (length is not a multiple of 4)', 'nhóm cuối không đủ 4 ký tự');
    }
  }
}

const latin1 = new TextDecoder('latin1');

/** Encodes bytes to base64 text; `carry` holds 0–2 bytes left over from the previous call (streaming). */
export class Base64Encoder {
  private carry = new Uint8Array(0);

  /** Returns the ASCII base64 bytes for the complete 3-byte groups seen so far. */
  push(bytes: Uint8Array): Uint8Array {
    let src = bytes;
    if (this.carry.length > 0) {
      src = new Uint8Array(this.carry.length + bytes.length);
      src.set(this.carry, 0);
      src.set(bytes, this.carry.length);
    }
    const whole = src.length - (src.length % 3);
    this.carry = src.slice(whole);
    return encodeGroups(src, whole);
  }

  /** Flushes the final group with padding. */
  finish(): Uint8Array {
    const c = this.carry;
    this.carry = new Uint8Array(0);
    if (c.length === 0) return c;
    const b0 = c[0] as number;
    const b1 = c.length > 1 ? (c[1] as number) : 0;
    const out = new Uint8Array(4);
    out[0] = encodeTable[b0 >> 2] as number;
    out[1] = encodeTable[((b0 & 3) << 4) | (b1 >> 4)] as number;
    out[2] = c.length > 1 ? (encodeTable[(b1 & 15) << 2] as number) : 0x3d;
    out[3] = 0x3d;
    return out;
  }
}

function encodeGroups(src: Uint8Array, whole: number): Uint8Array {
  const out = new Uint8Array((whole / 3) * 4);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const v = ((src[i] as number) << 16) | ((src[i + 1] as number) << 8) | (src[i + 2] as number);
    out[o++] = encodeTable[v >>> 18] as number;
    out[o++] = encodeTable[(v >>> 12) & 63] as number;
    out[o++] = encodeTable[(v >>> 6) & 63] as number;
    out[o++] = encodeTable[v & 63] as number;
  }
  return out;
}

/** Encodes bytes to a base64 string. */
export function encodeBase64(bytes: Uint8Array): string {
  const enc = new Base64Encoder();
  const a = enc.push(bytes);
  const b = enc.finish();
  return latin1.decode(a) + latin1.decode(b);
}

/** Decodes a base64 string (whitespace allowed); throws Base64Error on bad input. */
export function decodeBase64(text: string): Uint8Array {
  const src = new TextEncoder().encode(text);
  const dec = new Base64Decoder();
  const out = dec.decode(src, 0, src.length);
  dec.finish();
  return out;
}
