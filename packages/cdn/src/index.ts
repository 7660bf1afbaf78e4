// @egov-vn/cdn: the CDN folder is the product (dist/egov-vn/<version>/, see README); these helpers write the import map
// and snippet for another mount point and host the folder.
export { cspHash, defaultBase, importMapFor, importMapText, scriptSrc, snippet, sri } from './importmap.js';
export type { CdnManifest, ImportMap } from './importmap.js';
export { cdnHandler, contentTypes, serveCdn } from './serve.js';
export type { CdnServer, ServeOptions } from './serve.js';
export type { EgovLoadErrorDetail, EgovLoader } from './loader.js';
