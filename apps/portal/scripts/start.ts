// `pnpm --filter @egov-vn/portal start` (or `pnpm start` at the root, with the hub): the Vite dev server of the demo
// portal. Prints its URL and, once the hub answers, the demo logins it plays (from the hub's /demo/kit.json).
import { createServer } from 'vite';
import { hubUrl } from '../vite.config.js';

interface KitAgency {
  code: string;
  name: string;
  email: string | null;
  systemId: string;
  signer: { fullName: string; position: string };
}

async function waitForKit(url: string, tries = 60): Promise<KitAgency[] | undefined> {
  for (let i = 0; i < tries; i++) {
    try {
      const res = await fetch(`${url}/demo/kit.json`);
      if (res.ok) return ((await res.json()) as { agencies: KitAgency[] }).agencies;
      if (res.status === 404) return undefined; // a hub with its own seed: no demo kit
    } catch {
      // the hub is still starting (pnpm start launches both at once)
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return undefined;
}

const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
console.log(`Cổng văn bản điện tử chạy thử (demo portal) / running at ${url}`);
console.log(`  exchange hub: ${hubUrl} (HUB_URL), reached through the portal at /v1 and /demo`);
const agencies = await waitForKit(hubUrl);
if (agencies) {
  console.log('  Demo logins (choose one in the header to play it; keys and secrets are public demo data):');
  for (const a of agencies) {
    console.log(`    ${a.code}  ${a.name}  ${a.email ?? ''}  system ${a.systemId}  signer ${a.signer.fullName} (${a.signer.position})`);
  }
} else {
  console.log(`  The hub at ${hubUrl} serves no demo kit yet: start it with \`pnpm start\` at the repository root.`);
}

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
