/**
 * The shipped stamp font (Liberation Serif 2, SIL OFL 1.1, metric-compatible with Times New Roman as Nghị định 30
 * asks) for browsers and any runtime with `fetch`. The URL is written as `new URL('…', import.meta.url)` so bundlers
 * (Vite, webpack 5, Rollup/rolldown with their URL-asset handling, esbuild with `--loader:.ttf=file`) copy the font
 * next to the bundle and rewrite the address.
 */
import { pdfError } from '../errors.js';

/** Where the shipped stamp font is, relative to this module (in `src/` and in `dist/` alike). */
export function stampFontUrl(): URL {
  return new URL('../../fonts/LiberationSerif-Regular.ttf', import.meta.url);
}

export interface LoadStampFontOptions {
  /** Another address for the font (e.g. a portal's CDN copy). */
  readonly url?: string | URL;
  /** A fetch implementation (default `globalThis.fetch`). */
  readonly fetch?: (input: string | URL) => Promise<Response>;
}

let cached: Promise<Uint8Array> | undefined;

/**
 * Fetches the stamp font once (later calls share the bytes) for `textStampAppearance({ font })`.
 * Fails with `FONT_FETCH` (vi/en) when the asset cannot be fetched.
 */
export function loadStampFont(options: LoadStampFontOptions = {}): Promise<Uint8Array> {
  const custom = options.url !== undefined || options.fetch !== undefined;
  if (!custom && cached) return cached;
  const url = options.url ?? stampFontUrl();
  const doFetch = options.fetch ?? ((input: string | URL) => globalThis.fetch(input));
  const loading = (async () => {
    let response: Response;
    try {
      response = await doFetch(url);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw pdfError('FONT_FETCH', `Không tải được phông chữ của dấu (${String(url)}): ${reason}`, `Cannot fetch the stamp font (${String(url)}): ${reason}`);
    }
    if (!response.ok) {
      throw pdfError('FONT_FETCH', `Không tải được phông chữ của dấu (${String(url)}): HTTP ${response.status}`, `Cannot fetch the stamp font (${String(url)}): HTTP ${response.status}`);
    }
    return new Uint8Array(await response.arrayBuffer());
  })();
  if (!custom) {
    cached = loading;
    loading.catch(() => {
      cached = undefined;
    });
  }
  return loading;
}
