/** @egov-vn/document-pdf/node — Node-only helpers: the bundled Liberation Serif (SIL OFL 1.1) read from disk. */
export type { RegisterPdfEntry, RegisterPdfOptions } from './register.js';
import { readFile } from 'node:fs/promises';
import type { AdministrativeDocument } from '@egov-vn/schemas';
import type { FontSet, RenderOptions } from './options.js';
import { type RegisterPdfEntry, type RegisterPdfOptions, renderRegisterPdf as renderRegister } from './register.js';
import { renderDocumentPdf as render, type RenderResult } from './render.js';

const FACES = { regular: 'Regular', bold: 'Bold', italic: 'Italic', boldItalic: 'BoldItalic' } as const;

/** Where the bundled font files are. */
export const FONT_URLS: Record<keyof FontSet, URL> = {
  regular: new URL('../fonts/LiberationSerif-Regular.ttf', import.meta.url),
  bold: new URL('../fonts/LiberationSerif-Bold.ttf', import.meta.url),
  italic: new URL('../fonts/LiberationSerif-Italic.ttf', import.meta.url),
  boldItalic: new URL('../fonts/LiberationSerif-BoldItalic.ttf', import.meta.url),
};

let cached: Promise<FontSet> | undefined;

/** Reads the four bundled Liberation Serif faces (metric-compatible with Times New Roman, full Vietnamese coverage). */
export function loadBundledFonts(): Promise<FontSet> {
  cached ??= (async () => {
    const entries = await Promise.all(
      (Object.keys(FACES) as (keyof FontSet)[]).map(async (k) => [k, new Uint8Array(await readFile(FONT_URLS[k]))] as const),
    );
    return Object.fromEntries(entries) as unknown as FontSet;
  })();
  return cached;
}

/** `renderDocumentPdf` with the bundled fonts filled in when `options.fonts` is absent. */
export async function renderDocumentPdf(document: AdministrativeDocument, options: RenderOptions = {}): Promise<RenderResult> {
  return render(document, { ...options, fonts: options.fonts ?? (await loadBundledFonts()) });
}

/** `renderRegisterPdf` (the registers of Phụ lục VI on A4 landscape) with the bundled fonts filled in. */
export async function renderRegisterPdf(entries: readonly RegisterPdfEntry[], options: Omit<RegisterPdfOptions, 'fonts'> & { fonts?: FontSet }): Promise<Uint8Array> {
  return renderRegister(entries, { ...options, fonts: options.fonts ?? (await loadBundledFonts()) });
}
