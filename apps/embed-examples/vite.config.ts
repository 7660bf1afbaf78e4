// The examples are built the way a portal would build them: bare imports of the published entry points, resolved to
// each package's `dist` (no `@egov-vn/source` condition here, unlike the workspace's tests).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { demoDocuments } from './src/demo-documents.js';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The four Liberation Serif files `<egov-compose>` renders with (its `fonts-url` is `/fonts/`). */
function composeFonts(): Record<string, Uint8Array> {
  // document-pdf comes with @egov-vn/office-elements (its dependency), as in a portal that installs the elements
  const elements = createRequire(import.meta.url).resolve('@egov-vn/office-elements/package.json');
  const dir = join(dirname(createRequire(elements).resolve('@egov-vn/document-pdf/package.json')), 'fonts');
  return Object.fromEntries(
    ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((f) => [`fonts/LiberationSerif-${f}.ttf`, new Uint8Array(readFileSync(join(dir, `LiberationSerif-${f}.ttf`)))]),
  );
}

/** Serves (dev) and emits (build) the demo signed PDF, the demo root CA and the compose fonts. */
function demoFiles(): Plugin {
  let files: ReturnType<typeof demoDocuments> | undefined;
  const get = () => (files ??= demoDocuments().then((docs) => ({ ...docs, ...composeFonts() })));
  return {
    name: 'egov-demo-documents',
    async generateBundle() {
      for (const [fileName, source] of Object.entries(await get())) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        get()
          .then((all) => {
            const file = all[(req.url ?? '').replace(/^\//, '').split('?')[0]!];
            if (file === undefined) return next();
            res.setHeader('content-type', typeof file === 'string' ? 'application/x-pem-file' : 'application/pdf');
            res.end(file);
          })
          .catch(next);
      });
    },
  };
}

/**
 * The office host pages (office/, office-react/) call the agency's office server through the page's origin: /v1 (the
 * office API) and /demo (its DEMO identity provider) go to OFFICE_URL (default the office server of `pnpm start`).
 */
const officeUrl = process.env['OFFICE_URL'] ?? 'http://127.0.0.1:8788';
const proxy = { '/v1': { target: officeUrl }, '/demo': { target: officeUrl } };

export default defineConfig({
  // Vue 3: every egov-* tag is a custom element, not a Vue component (the Vue recipe, vue/).
  plugins: [demoFiles(), vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('egov-') } } })],
  server: { proxy },
  preview: { proxy },
  build: {
    rollupOptions: {
      input: {
        index: page('./index.html'),
        plain: page('./plain/index.html'),
        react: page('./react/index.html'),
        office: page('./office/index.html'),
        officeReact: page('./office-react/index.html'),
        vue: page('./vue/index.html'),
        angular: page('./angular/index.html'),
        ssr: page('./ssr/index.html'),
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
});
