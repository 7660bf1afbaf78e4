// `pnpm --filter @egov-vn/exchange-hub start`: the sandbox exchange hub.
import { mkdirSync } from 'node:fs';
import { configFromEnv } from './config.js';
import { startHub } from './server.js';

const config = configFromEnv(process.env);
if (!config.databaseUrl && config.dataDir && !config.dataDir.startsWith('memory://')) {
  mkdirSync(config.dataDir, { recursive: true });
}
const hub = await startHub(config);
const storage = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
console.log(`Trục trao đổi văn bản (exchange hub) đang chạy / running at ${hub.url}`);
console.log(`  OpenAPI: ${hub.url}/openapi.json   storage: ${storage}`);
if (!process.env.HUB_SEED) console.log('  HUB_SEED not set: sandbox systems vpcp.sandbox, qninh.sandbox');

const stop = () => {
  void hub.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
