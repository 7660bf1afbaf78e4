// The portal's dev server and build. Workspace packages resolve to their TypeScript sources (no build needed first);
// the hub is reached through this server (/v1, /demo), so the browser makes same-origin requests only.
import { sourceCondition } from '@egov-vn/vitest-config';
import { defaultClientConditions, defineConfig } from 'vite';

/** Where the exchange hub runs (HUB_URL, default the sandbox hub of `pnpm start`). */
export const hubUrl = process.env['HUB_URL'] ?? 'http://127.0.0.1:8787';

const proxy = { '/v1': { target: hubUrl }, '/demo': { target: hubUrl } };

export default defineConfig({
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: Number(process.env['PORTAL_PORT'] ?? 5173), proxy },
  preview: { host: '127.0.0.1', port: Number(process.env['PORTAL_PORT'] ?? 4173), proxy },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
});
