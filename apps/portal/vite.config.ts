// The portal's dev server and build. Workspace packages resolve to their TypeScript sources (no build needed first);
// the agency's office server is reached through this server (/v1, /health, /openapi.json, and /demo for its DEMO
// identity provider and demo signer), so the browser makes same-origin requests only. The portal never talks to the
// exchange hub's API: the office server does, with the secret it keeps. Two public routes of the sandbox hub are
// passed through under /hub: its trust anchors (to verify signatures) and its DEMO timestamp authority.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sourceCondition } from '@egov-vn/vitest-config';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/** The four Liberation Serif files `<egov-compose>` renders with, served at /fonts/ (and emitted by the build). */
function fonts(): Plugin {
  const dir = join(dirname(createRequire(import.meta.url).resolve('@egov-vn/document-pdf/package.json')), 'fonts');
  const names = ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((f) => `LiberationSerif-${f}.ttf`);
  const serve = (server: { middlewares: { use: (fn: (req: { url?: string }, res: { setHeader: (k: string, v: string) => void; end: (b: Buffer) => void }, next: () => void) => void) => void } }) => {
    server.middlewares.use((req, res, next) => {
      const name = /^\/fonts\/([\w-]+\.ttf)$/.exec((req.url ?? '').split('?')[0] ?? '')?.[1];
      if (!name || !names.includes(name)) return next();
      res.setHeader('content-type', 'font/ttf');
      res.end(readFileSync(join(dir, name)));
    });
  };
  return {
    name: 'egov-portal-fonts',
    configureServer: serve,
    configurePreviewServer: serve,
    generateBundle() {
      for (const name of names) this.emitFile({ type: 'asset', fileName: `fonts/${name}`, source: readFileSync(join(dir, name)) });
    },
  };
}

/** Where the agency's office server runs (OFFICE_URL, default the demo office server of `pnpm start`). */
export const officeUrl = process.env['OFFICE_URL'] ?? 'http://127.0.0.1:8788';

/** The sandbox hub (HUB_URL), for its public trust anchors and DEMO timestamp authority only. */
export const hubUrl = process.env['HUB_URL'] ?? 'http://127.0.0.1:8787';

const target = { target: officeUrl };
const hub = { target: hubUrl, rewrite: (path: string) => path.replace(/^\/hub/, '') };
const proxy = {
  '/v1': target,
  '/health': target,
  '/openapi.json': target,
  '/demo': target,
  '/hub/v1/trust-anchors': hub,
  '/hub/demo/tsa': hub,
};

export default defineConfig({
  plugins: [fonts()],
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: Number(process.env['PORTAL_PORT'] ?? 5173), proxy },
  preview: { host: '127.0.0.1', port: Number(process.env['PORTAL_PORT'] ?? 4173), proxy },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
});
