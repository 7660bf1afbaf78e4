// Runs poppler's tools (pdftotext, pdffonts, pdfinfo, pdftoppm) and qpdf on rendered PDFs, as an independent reader.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'document-pdf-'));
let counter = 0;

export function writeTemp(pdf: Uint8Array, name = 'doc'): string {
  const path = join(dir, `${name}-${counter++}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `pdftotext -layout` of the whole file (or one page). */
export function textLayout(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-layout', ...range, path, '-']);
}

export function textRaw(path: string): string {
  return run('pdftotext', ['-raw', path, '-']);
}

export interface Word {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Words with their boxes (`pdftotext -bbox`), y measured from the top of the page, in points. */
export function words(path: string): Word[] {
  const html = run('pdftotext', ['-bbox', path, '-']);
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/u.exec(line);
    if (m) out.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decodeEntities(m[5]!) });
  }
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'");
}

export interface FontRow {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
  readonly unicode: boolean;
}

export function fonts(path: string): FontRow[] {
  const lines = run('pdffonts', [path]).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/u);
    // name, type (2 words: "CID TrueType"), encoding, emb, sub, uni, object, ID
    const n = cols.length;
    return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes', unicode: cols[n - 3] === 'yes' };
  });
}

export function info(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', [path]).split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

/** Renders one page to PNG with pdftoppm at the given resolution; returns the PNG bytes. */
export function renderPng(path: string, page: number, dpi: number): Uint8Array {
  const prefix = join(dir, `png-${counter++}`);
  run('pdftoppm', ['-r', String(dpi), '-png', '-gray', '-f', String(page), '-l', String(page), '-singlefile', path, prefix]);
  return readFileSync(`${prefix}.png`);
}
