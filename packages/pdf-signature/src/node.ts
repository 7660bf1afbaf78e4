/** @egov-vn/pdf-signature/node — Node-only helpers (files, local servers). */
export { startTimestampServer, type LocalServer } from './node/tsa-server.js';
export { pkcs12FileSigner } from './node/pkcs12-file.js';
export { loadDefaultFont, DEFAULT_FONT_URL } from './node/font.js';
export { serveApp } from './node/serve.js';
