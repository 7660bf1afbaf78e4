// The examples are built the way a portal would build them: bare imports of the published entry points, resolved to
// each package's `dist` (no `@egov-vn/source` condition here, unlike the workspace's tests).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { demoDocuments } from './src/demo-documents.js';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Serves (dev) and emits (build) the demo signed PDF and the demo root CA, made fresh by `demoDocuments()`. */
function demoFiles(): Plugin {
  let files: ReturnType<typeof demoDocuments> | undefined;
  const get = () => (files ??= demoDocuments());
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

export default defineConfig({
  plugins: [demoFiles()],
  build: {
    rollupOptions: {
      input: { index: page('./index.html'), plain: page('./plain/index.html'), react: page('./react/index.html') },
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
});
