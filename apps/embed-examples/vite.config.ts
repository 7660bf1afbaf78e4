// The examples are built the way a portal would build them: bare imports of the published entry points, resolved to
// each package's `dist` (no `@egov-vn/source` condition here, unlike the workspace's tests).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  build: {
    rollupOptions: {
      input: { index: page('./index.html'), plain: page('./plain/index.html'), react: page('./react/index.html') },
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
});
