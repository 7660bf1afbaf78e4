// The import map of a CDN folder, and what a page needs around it: the `<script type="importmap">` snippet, its CSP
// hash, and the same map for another mount point than `/egov-vn/<version>/`.
import { createHash } from 'node:crypto';

/** What `buildCdn` writes as `manifest.json`: every path is relative to the versioned folder. */
export interface CdnManifest {
  /** The version of the folder (`@egov-vn/cdn`'s version). */
  readonly version: string;
  /** The suffix of the version-suffixed tags (`1-2` for 1.2.x: `<egov-signature-panel-1-2>`). */
  readonly tagSuffix: string;
  /** Tag → define module, for `loader.js`. */
  readonly tags: Record<string, string>;
  /** Version-suffixed tag → define module, for `loader-suffixed.js`. */
  readonly suffixedTags: Record<string, string>;
  /** Shared bare specifier (`lit`, `zod`, `pdfjs-dist`…) → module. */
  readonly imports: Record<string, string>;
  /** Every JavaScript file → its SRI hash (`sha384-…`). */
  readonly integrity: Record<string, string>;
  /** The element packages and their versions. */
  readonly packages: Record<string, string>;
}

/** An import map as the HTML standard defines it (with `integrity`, Chromium 127+). */
export interface ImportMap {
  readonly imports?: Record<string, string>;
  readonly scopes?: Record<string, Record<string, string>>;
  readonly integrity?: Record<string, string>;
}

/** The default mount point of a version: `/egov-vn/<version>/`. */
export const defaultBase = (version: string): string => `/egov-vn/${version}/`;

/** `sha384-…` of some bytes (Subresource Integrity). */
export function sri(bytes: Uint8Array | string): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * The import map of a folder mounted at `base` (an absolute path like `/egov-vn/1.2.0/` or a URL). The shared modules
 * are mapped in a scope of the folder only, so a page that already maps `lit` (another Lit, another version of the
 * kit) keeps its own mapping and each version gets its own modules; `integrity` covers every JavaScript file.
 */
export function importMapFor(manifest: CdnManifest, base = defaultBase(manifest.version), options: { suffixed?: boolean } = {}): ImportMap {
  const root = base.endsWith('/') ? base : `${base}/`;
  const imports = Object.fromEntries(Object.entries(manifest.imports).map(([spec, file]) => [spec, root + file]));
  // Each variant's map lists its own loader and entry modules (the shared chunks and modules are in both).
  const other = new Set(options.suffixed ? ['loader.js', ...Object.values(manifest.tags)] : ['loader-suffixed.js', ...Object.values(manifest.suffixedTags)]);
  const integrity = Object.fromEntries(
    Object.entries(manifest.integrity)
      .filter(([file]) => !other.has(file))
      .map(([file, hash]) => [root + file, hash]),
  );
  return { scopes: { [root]: imports }, integrity };
}

/** The exact text to put between `<script type="importmap">` and `</script>` (its CSP hash depends on it). */
export const importMapText = (map: ImportMap): string => JSON.stringify(map);

/** The CSP source allowing an inline script of this exact text: `'sha256-…'`. */
export function cspHash(scriptText: string): string {
  return `'sha256-${createHash('sha256').update(scriptText, 'utf8').digest('base64')}'`;
}

/**
 * The HTML a page includes to use the folder at `base`: the import map and the loader (with its own integrity). With
 * `suffixed`, the loader of the version-suffixed tags (`<egov-signature-panel-1-2>`).
 */
export function snippet(manifest: CdnManifest, base = defaultBase(manifest.version), options: { suffixed?: boolean } = {}): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const loader = options.suffixed ? 'loader-suffixed.js' : 'loader.js';
  return (
    `<script type="importmap">${importMapText(importMapFor(manifest, root, options))}</script>\n` +
    `<script type="module" src="${root}${loader}" integrity="${manifest.integrity[loader]}"></script>\n`
  );
}

/** The `script-src` directive a page with this snippet needs (same origin as the CDN folder). */
export function scriptSrc(manifest: CdnManifest, base = defaultBase(manifest.version), options: { suffixed?: boolean } = {}): string {
  return `script-src 'self' ${cspHash(importMapText(importMapFor(manifest, base, options)))}`;
}
