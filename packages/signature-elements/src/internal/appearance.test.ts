/** Node side: visible signatures (Nghị định 30 layouts from the core) made by the dialog's signing step pass pdfsig. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { loadDefaultFont } from '@egov-vn/pdf-signature/node';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPki } from './fixtures.js';
import { signDocument } from './sign-flow.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-sig-ap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A solid RGBA PNG (the colour of a signature or a seal). */
function png(width: number, height: number, rgba: [number, number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set(rgba, y * (width * 4 + 1) + 1 + x * 4);
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]),
  );
}

/** A page with the signer block of a decree: position line, then the name line. */
async function decree(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const page = doc.addPage([595, 842]);
  page.drawText('Cong van 12/UBND-VP', { x: 72, y: 760, size: 13, font });
  page.drawText('CHU TICH', { x: 380, y: 300, size: 13, font });
  page.drawText('Nguyen Van A', { x: 372, y: 200, size: 13, font });
  return doc.save({ useObjectStreams: true });
}

/** Runs a poppler-utils tool (Debian `poppler-utils`, installed by CI) on a file and returns its stdout. */
function poppler(tool: 'pdfsig' | 'pdftotext', args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

function pdfsigValid(pdf: Uint8Array, name: string): string[] {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  const out = poppler('pdfsig', ['-nocert', path]);
  return [...out.matchAll(/- Signature Validation: (.*)$/gm)].map((m) => m[1]!.trim());
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('visible signatures', () => {
  it('author image at the standard position (the name line), then the agency seal over it, then a copy stamp', async () => {
    const pki = await demoPki();
    const anchors = [pki.root.der];
    const author = await signDocument(await decree(), {
      signer: pki.signerFor(pki.signer),
      kind: 'author',
      trustAnchors: anchors,
      appearance: { signatureImage: png(120, 40, [20, 40, 200, 255]), signerName: 'Nguyen Van A' },
    });
    const rect = /\/Rect\s*\[\s*([\d.\s-]+)\]/.exec(latin1(author.pdf).slice(-4000));
    expect(rect).not.toBeNull();
    const [x1, y1, x2, y2] = rect![1]!.trim().split(/\s+/).map(Number);
    // Above the name line (y 200) and around its centre.
    expect(y1).toBeGreaterThan(200);
    expect(x1! < 410 && x2! > 410).toBe(true);
    expect(y2! - y1!).toBeGreaterThan(10);

    const sealed = await signDocument(author.pdf, {
      signer: pki.signerFor(pki.seal),
      kind: 'seal',
      trustAnchors: anchors,
      appearance: { sealImage: png(100, 100, [220, 20, 20, 255]), rect: [x1!, y1!, x2!, y2!] },
    });
    const copied = await signDocument(sealed.pdf, {
      signer: pki.signerFor(pki.seal),
      kind: 'copy',
      trustAnchors: anchors,
      appearance: { stampFont: await loadDefaultFont(), agency: 'Ủy ban nhân dân tỉnh Demo' },
    });
    expect(copied.report.validSignaturesCount).toBe(3);
    expect(copied.report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(pdfsigValid(copied.pdf, 'three.pdf')).toEqual(['Signature is Valid.', 'Signature is Valid.', 'Signature is Valid.']);
  });

  it('an appendix in its own file: the text stamp (number/symbol, agency, time) top right of page 1, valid in pdfsig', async () => {
    const pki = await demoPki();
    const { pdf, report } = await signDocument(await decree(), {
      signer: pki.signerFor(pki.seal),
      kind: 'appendix',
      trustAnchors: [pki.root.der],
      reason: '',
      location: 'Hà Nội',
      contactInfo: 'vanthu@demo.gov.vn',
      appearance: { stampFont: await loadDefaultFont(), docNumber: '12/UBND-VP', agency: 'Ủy ban nhân dân tỉnh Demo' },
    });
    const s = report.signatures[0]!;
    expect([s.verdict, s.reason, s.location, s.contactInfo]).toEqual(['valid', 'Ký số phụ lục, văn bản kèm theo', 'Hà Nội', 'vanthu@demo.gov.vn']);
    const [x1, y1, x2, y2] = /\/Rect\s*\[\s*([\d.\s-]+)\]/.exec(latin1(pdf).slice(-60_000))![1]!.trim().split(/\s+/).map(Number);
    const mm = 72 / 25.4;
    expect(x2).toBeCloseTo(595 - 20 * mm, 0);
    expect(y2).toBeCloseTo(842 - 15 * mm, 0);
    expect(x1! < x2! && y1! < y2!).toBe(true);
    // The stamp's words are extractable (ToUnicode): pdftotext reads them back.
    const path = join(dir, 'appendix.pdf');
    writeFileSync(path, pdf);
    const text = poppler('pdftotext', ['-f', '1', '-l', '1', path, '-']);
    expect(text).toContain('12/UBND-VP');
    expect(text).toContain('Ủy ban nhân dân tỉnh Demo');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00/);
    expect(pdfsigValid(pdf, 'appendix-sig.pdf')).toEqual(['Signature is Valid.']);
  });

  it('tells the user when the standard position is not found', async () => {
    const pki = await demoPki();
    await expect(
      signDocument(await decree(), {
        signer: pki.signerFor(pki.signer),
        kind: 'author',
        trustAnchors: [],
        appearance: { signatureImage: png(10, 10, [0, 0, 255, 255]), signerName: 'Tran Thi B' },
      }),
    ).rejects.toMatchObject({ code: 'LOCATE_NOT_FOUND' });
  });

  it('stays invisible without the inputs a layout needs', async () => {
    const pki = await demoPki();
    const { pdf, report } = await signDocument(await decree(), { signer: pki.signerFor(pki.signer), kind: 'copy', trustAnchors: [pki.root.der], appearance: { agency: 'UBND' } });
    expect(report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(latin1(pdf).slice(-4000)).toMatch(/\/Rect\s*\[\s*0\s+0\s+0\s+0\s*\]/);
  });
});
