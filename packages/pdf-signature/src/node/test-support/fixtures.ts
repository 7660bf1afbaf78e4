/** Test-only helpers: input PDFs made with pdf-lib and the outside peers (pdfsig, qpdf, openssl). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

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
  const r = spawnSync(cmd, args, { encoding: 'latin1', input, timeout: 60_000 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

export function pdfsig(path: string, extra: string[] = []): string {
  return run('pdfsig', [...extra, path]).out;
}

export function qpdfCheck(path: string): { code: number; out: string } {
  return run('qpdf', ['--check', path]);
}

export { execFileSync };
