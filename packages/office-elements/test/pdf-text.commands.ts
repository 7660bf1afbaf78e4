// A Vitest browser command that reads a PDF made in the browser with poppler's pdftotext (an independent reader, run in
// the Vitest Node process): what a recipient's viewer shows, annotations included, in layout order.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserCommand } from 'vitest/node';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** `pdftotext -layout` of the PDF given as base64 (page 1 only when `firstPage` is set). */
    pdfToText: (base64: string, firstPage?: boolean) => Promise<string>;
  }
}

const run = promisify(execFile);

export const pdfTextCommands: Record<string, BrowserCommand<never[]>> = {
  pdfToText: (async (_ctx: unknown, base64: string, firstPage?: boolean) => {
    const dir = await mkdtemp(join(tmpdir(), 'office-pdf-'));
    try {
      const path = join(dir, 'doc.pdf');
      await writeFile(path, Buffer.from(base64, 'base64'));
      const { stdout } = await run('pdftotext', ['-layout', ...(firstPage ? ['-f', '1', '-l', '1'] : []), path, '-'], { maxBuffer: 16 * 1024 * 1024 });
      return stdout;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }) as BrowserCommand<never[]>,
};
