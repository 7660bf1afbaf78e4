/** Node-only: the shipped Vietnamese-capable serif (Liberation Serif 2, SIL OFL 1.1; metric-compatible with Times New Roman). */
import { readFile } from 'node:fs/promises';

export const DEFAULT_FONT_URL = new URL('../../fonts/LiberationSerif-Regular.ttf', import.meta.url);

export async function loadDefaultFont(): Promise<Uint8Array> {
  return new Uint8Array(await readFile(DEFAULT_FONT_URL));
}
