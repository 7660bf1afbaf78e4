/** Test-only helpers: input PDFs made with pdf-lib and the outside peers (pdfsig, qpdf, openssl). */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type * as zlib from 'node:zlib';

const require = createRequire(import.meta.url);
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';

export async function makePdf(options: { pages?: number; objectStreams?: boolean; text?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let i = 0; i < (options.pages ?? 1); i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(options.text ?? `Cong van so 12/UBND-VP trang ${i + 1}`, { x: 72, y: 760, size: 13, font, color: rgb(0, 0, 0) });
  }
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pdfsig-test-'));
}

export function writeTemp(dir: string, file: string, bytes: Uint8Array | string): string {
  const path = join(dir, file);
  writeFileSync(path, bytes);
  return path;
}

export function run(cmd: string, args: string[], input?: Uint8Array): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

export function pdfsig(path: string, extra: string[] = []): string {
  return run('pdfsig', [...extra, path]).out;
}

export function qpdfCheck(path: string): { code: number; out: string } {
  return run('qpdf', ['--check', path]);
}


import { PdfFile } from '../../pdf/file.js';
import { PdfRef } from '../../pdf/objects.js';
import { IncrementalUpdate, RawBody } from '../../pdf/writer.js';
import { concatBytes, latin1Bytes, latin1String } from '../../pdf/bytes.js';
import { encodePng, rgbaScanlines } from '../../testing/nd30-gallery.js';

/** Replaces the first (or `nth`) occurrence of `search` with `replacement` padded with spaces to the same length. */
export function replaceSame(bytes: Uint8Array, search: string, replacement: string, from = 0): Uint8Array {
  const text = latin1String(bytes);
  const at = text.indexOf(search, from);
  if (at < 0) throw new Error(`not found: ${search.slice(0, 40)}`);
  if (replacement.length > search.length) throw new Error('replacement longer than the original');
  const out = bytes.slice();
  out.set(latin1Bytes(replacement.padEnd(search.length, ' ')), at);
  return out;
}

/** Appends a proper incremental update (xref + trailer) with raw object bodies; `num` undefined allocates. */
export async function appendUpdate(
  pdf: Uint8Array,
  objects: { num?: number; body: string | ((refs: PdfRef[]) => string); stream?: string }[],
): Promise<Uint8Array> {
  const file = await PdfFile.open(pdf);
  const upd = new IncrementalUpdate(file);
  const refs = objects.map((o) => (o.num === undefined ? upd.allocate() : new PdfRef(o.num, 0)));
  objects.forEach((o, i) => {
    const body = typeof o.body === 'function' ? o.body(refs) : o.body;
    upd.set(refs[i]!, new RawBody(o.stream === undefined ? body : `${body.replace(/>>\s*$/, ` /Length ${o.stream.length}>>`)}\nstream\n${o.stream}\nendstream`));
  });
  return concatBytes([pdf, upd.write().update]);
}

/** The object number and body text of the first object whose body matches `re`. */
export function findObject(pdf: Uint8Array, re: RegExp): { num: number; text: string } {
  const text = latin1String(pdf);
  const all = [...text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)];
  const hit = all.reverse().find((m) => re.test(m[2]!));
  if (!hit) throw new Error(`no object matches ${re}`);
  return { num: Number(hit[1]), text: hit[2]!.trim() };
}

import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDer, certificateFromDer } from '../../cms/certificate-cache.js';
import { derChildren, derElement, encodeElement, firstElement, signedDataParts, type DerElement } from '../../cms/der.js';
import { OID } from '../../cms/oids.js';
import { fromHex, toArrayBuffer, toHex } from '../../pdf/bytes.js';

/** One DER element decoded by asn1js (a copy, so asn1js never holds on to the caller's buffer). */
function decoded(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1) throw new Error(parsed.result.error);
  return parsed.result;
}

/**
 * A pkijs SignedData, for tests that change a CMS and encode it again. The parts are read one by one with the DER
 * walker and the certificates come from the certificate cache (so they encode back byte for byte); anything else
 * (CRLs, other certificate choices) is read whole by pkijs.
 */
export function parseSignedData(der: Uint8Array): pkijs.SignedData | undefined {
  try {
    const parts = signedDataParts(der);
    if (parts && !parts.crls && parts.otherCertificates === 0) {
      const contentType = decoded(parts.contentType);
      if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.signedData) return undefined;
      const version = decoded(parts.version);
      if (!(version instanceof asn1js.Integer)) return undefined;
      return new pkijs.SignedData({
        version: version.valueBlock.valueDec,
        digestAlgorithms: parts.digestAlgorithms.map((d) => new pkijs.AlgorithmIdentifier({ schema: decoded(d) })),
        encapContentInfo: new pkijs.EncapsulatedContentInfo({ schema: decoded(parts.encapContentInfo) }),
        ...(parts.certificates.length > 0 ? { certificates: parts.certificates.map(certificateFromDer) } : {}),
        signerInfos: parts.signerInfos.map((d) => new pkijs.SignerInfo({ schema: decoded(d) })),
      });
    }
    const parsed = asn1js.fromBER(toArrayBuffer(der));
    if (parsed.offset === -1) return undefined;
    const ci = new pkijs.ContentInfo({ schema: parsed.result });
    if (ci.contentType !== OID.signedData) return undefined;
    return new pkijs.SignedData({ schema: ci.content });
  } catch {
    return undefined;
  }
}

/**
 * The DER ContentInfo of a pkijs SignedData, its certificates as the DER they were read from (pkijs would encode
 * them again): what a test that changed a CMS writes back.
 */
export function encodeContentInfo(signedData: pkijs.SignedData): Uint8Array {
  const encode = (sd: pkijs.SignedData): Uint8Array =>
    new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) }).toSchema().toBER(false));
  const certificates = signedData.certificates;
  if (!certificates?.length || !certificates.every((c) => c instanceof pkijs.Certificate)) return encode(signedData);
  signedData.certificates = undefined;
  try {
    const [oid, explicit] = derChildren(derElement(encode(signedData))!)!;
    const items = derChildren(derChildren(explicit!)![0]!)!.map((e) => e.der);
    items.splice(3, 0, encodeElement(0xa0, certificates.map((c) => certificateDer(c))));
    return encodeElement(0x30, [oid!.der, encodeElement(0xa0, [encodeElement(0x30, items)])]);
  } finally {
    signedData.certificates = certificates;
  }
}

/** The CMS bytes (with the zero padding of /Contents) of the last signature. */
export function lastCms(pdf: Uint8Array): Uint8Array {
  const all = [...latin1String(pdf).matchAll(/\/Contents<([0-9a-fA-F]+)>/g)];
  return fromHex(all.at(-1)![1]!);
}

/** Rewrites the CMS of the last signature in place (same reserved size), e.g. to swap its timestamp token. */
export function replaceCms(pdf: Uint8Array, mutate: (sd: pkijs.SignedData) => void): Uint8Array {
  return replaceCmsBytes(pdf, (cms) => {
    const sd = parseSignedData(cms)!;
    mutate(sd);
    return encodeContentInfo(sd);
  });
}

/** Puts other CMS bytes in place of the last signature's (zero padding removed before, added back after). */
export function replaceCmsBytes(pdf: Uint8Array, change: (cms: Uint8Array) => Uint8Array): Uint8Array {
  const text = latin1String(pdf);
  const all = [...text.matchAll(/\/Contents<([0-9a-fA-F]+)>/g)];
  const last = all.at(-1)!;
  const padded = fromHex(last[1]!);
  const hex = toHex(change(firstElement(padded)?.der ?? padded));
  if (hex.length > last[1]!.length) throw new Error('CMS grew beyond the reserved space');
  const out = pdf.slice();
  out.set(latin1Bytes(hex.padEnd(last[1]!.length, '0')), last.index + '/Contents<'.length);
  return out;
}

/** The same element with the indefinite length of BER on `depth` levels of constructed elements (as old Acrobat wrote). */
export function indefinite(el: DerElement, depth: number): Uint8Array {
  if (depth === 0 || (el.id & 0x20) === 0) return el.der;
  return concatBytes([Uint8Array.of(el.id, 0x80), ...derChildren(el)!.map((c) => indefinite(c, depth - 1)), Uint8Array.of(0, 0)]);
}

import type { Identity } from '../../testing/pki.js';
import { toPem } from '../../testing/pki.js';

/** Writes key + chain PEMs and a PKCS#12 (openssl; `legacy` = 3DES/RC2 as older tools and tokens export). */
export async function writePkcs12(dir: string, id: Identity, password: string, legacy = false, file = 'signer.p12'): Promise<string> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', id.privateKey));
  const key = writeTemp(dir, `${file}.key.pem`, toPem(pkcs8, 'PRIVATE KEY'));
  const cert = writeTemp(dir, `${file}.crt.pem`, toPem(id.der));
  const chain = writeTemp(dir, `${file}.chain.pem`, id.chain.slice(1).map((c) => toPem(c)).join(''));
  const out = join(dir, file);
  const r = run('openssl', ['pkcs12', '-export', ...(legacy ? ['-legacy'] : []), '-inkey', key, '-in', cert, '-certfile', chain, '-passout', `pass:${password}`, '-out', out]);
  if (r.code !== 0) throw new Error(`openssl pkcs12 failed: ${r.out}`);
  return out;
}

/** An NSS database with `id` imported as nickname `signer` and `root` trusted, for pdfsig. */
export async function nssDatabase(dir: string, id: Identity, root: Identity): Promise<string> {
  const db = join(dir, 'nss');
  run('mkdir', ['-p', db]);
  const p12 = await writePkcs12(dir, id, 'pw', false, 'nss-signer.p12');
  const steps: [string, string[]][] = [
    ['certutil', ['-N', '-d', `sql:${db}`, '--empty-password']],
    ['pk12util', ['-i', p12, '-d', `sql:${db}`, '-W', 'pw', '-K', '']],
    ['certutil', ['-A', '-d', `sql:${db}`, '-n', 'demo-root', '-t', 'CT,C,C', '-i', writeTemp(dir, 'root.pem', toPem(root.der))]],
  ];
  for (const [cmd, args] of steps) {
    const r = run(cmd, args);
    if (r.code !== 0) throw new Error(`${cmd} failed: ${r.out}`);
  }
  const nick = run('certutil', ['-L', '-d', `sql:${db}`]).out;
  const line = nick.split('\n').find((l) => /u,u,u/.test(l));
  if (!line) throw new Error(`no user certificate in the NSS database:\n${nick}`);
  return db;
}

/** Splits a pdfsig report into per-signature blocks. */
export function pdfsigBlocks(out: string): string[] {
  return out.split(/^Signature #\d+:/m).slice(1);
}

/** Extracts the signed bytes and the CMS of signature `index` (for openssl cms -verify). */
export function extractSignature(pdf: Uint8Array, index: number): { content: Uint8Array; cms: Uint8Array } {
  const text = latin1String(pdf);
  const all = [...text.matchAll(/\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = all[index]!;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const content = new Uint8Array(a + c);
  content.set(pdf.subarray(0, a));
  content.set(pdf.subarray(b, b + c), a);
  const hex = text.slice(a + 1, b - 1).replace(/\s+/g, '');
  return { content, cms: fromHex(hex) };
}

/** A solid-colour RGBA PNG (disc on a transparent background), for appearance tests. */
export function discPng(size: number, rgb: readonly [number, number, number], dpi = 96): Uint8Array {
  const { deflateSync } = require('node:zlib') as typeof zlib;
  const r = size / 2;
  const raw = rgbaScanlines(size, size, (x, y) => [rgb[0], rgb[1], rgb[2], (x - r + 0.5) ** 2 + (y - r + 0.5) ** 2 <= r * r ? 255 : 0]);
  return encodePng(size, size, dpi, new Uint8Array(deflateSync(raw)));
}

/** Renders page 1 with pdftoppm and returns the RGB pixel at PDF point (x, y). */
export function renderPixel(path: string, dpi: number): (x: number, y: number) => [number, number, number] {
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', path], { maxBuffer: 1 << 28 });
  const buf = r.stdout;
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return (x, y) => {
    const px = Math.round((x * dpi) / 72);
    const py = height - Math.round((y * dpi) / 72);
    const i = offset + (Math.min(height - 1, Math.max(0, py)) * width + Math.min(width - 1, px)) * 3;
    return [buf[i]!, buf[i + 1]!, buf[i + 2]!];
  };
}
