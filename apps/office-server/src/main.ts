// `pnpm start` (beside the hub: `--beside-hub`) or `pnpm --filter @egov-vn/office-server-app serve`: the agency
// office server.
import { demoUsers } from './demo.js';
import { startOffice } from './server.js';

const besideHub = process.argv.includes('--beside-hub');
const running = await startOffice(process.env, { besideHub });
const env = (name: string) => process.env[besideHub ? `OFFICE_${name}` : name];
const storage = env('DATABASE_URL') ? 'PostgreSQL' : `PGlite in ${env('DATA_DIR') ?? '.data/office'}`;
console.log(`Máy chủ văn phòng (office server) đang chạy / running at ${running.url}`);
console.log(`  OpenAPI: ${running.url}/openapi.json   storage: ${storage}`);
if (running.demo) {
  const hub = process.env.HUB_URL ?? `http://127.0.0.1:${besideHub && process.env.PORT ? process.env.PORT : '8787'}`;
  console.log(`  DEMO (OFFICE_CONFIG not set): the three demo agencies on the hub at ${hub}`);
  console.log(`  DEMO identity provider: ${running.url}/demo/idp/login (JWKS ${running.url}/demo/idp/jwks.json); users:`);
  console.log(`    ${demoUsers.map((u) => u.id).join(', ')}`);
}

const stop = () => {
  void running.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
