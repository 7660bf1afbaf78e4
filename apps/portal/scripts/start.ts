// `pnpm --filter @egov-vn/portal start` (or `pnpm start` at the root, with the hub and the office server): the Vite
// dev server of the demo portal. Prints its URL and, once the office server answers, the DEMO users to sign in as.
import { createServer } from 'vite';
import { demoUsers } from '../src/session.js';
import { officeUrl } from '../vite.config.js';

async function waitForOffice(url: string, tries = 90): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return true;
    } catch {
      // the office server is still starting (pnpm start launches every app at once)
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
console.log(`Cổng văn bản điện tử chạy thử (demo portal) / running at ${url}`);
console.log(`  office server: ${officeUrl} (OFFICE_URL), reached through the portal at /v1 and /demo`);
if (await waitForOffice(officeUrl)) {
  console.log('  DEMO users (sign in on the portal; the demo identity provider issues 15-minute tokens):');
  console.log(`    ${demoUsers.map((u) => u.id).join(', ')}`);
} else {
  console.log(`  The office server at ${officeUrl} does not answer yet: start it with \`pnpm start\` at the repository root.`);
}

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
