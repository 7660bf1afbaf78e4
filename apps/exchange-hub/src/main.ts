// `pnpm --filter @egov-vn/exchange-hub start`: the sandbox exchange hub.
import { mkdirSync } from 'node:fs';
import { configFromEnv } from './config.js';
import { startHub } from './server.js';
import { loadDemoKit, readTrustAnchors } from './trust.js';

const config = configFromEnv(process.env);
if (!config.databaseUrl && config.dataDir && !config.dataDir.startsWith('memory://')) {
  mkdirSync(config.dataDir, { recursive: true });
}
// Trust anchors: TRUST_ANCHORS_FILE (PEM bundle) when set; with the built-in seed, the demo CA (made once) as well.
const demoKit = !process.env.HUB_SEED && config.seed ? await loadDemoKit(process.env.DEMO_PKI_DIR ?? '.data/demo-pki', config.seed) : undefined;
const anchors = process.env.TRUST_ANCHORS_FILE ? readTrustAnchors(process.env.TRUST_ANCHORS_FILE) : [];
config.trust = { trustAnchors: [...anchors, ...(demoKit?.trustAnchors ?? [])] };
if (demoKit) config.trust.demoKit = demoKit;
const hub = await startHub(config);
const storage = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
console.log(`Trục trao đổi văn bản (exchange hub) đang chạy / running at ${hub.url}`);
console.log(`  OpenAPI: ${hub.url}/openapi.json   storage: ${storage}`);
console.log(`  Axis-compatible API (the national axis SDK's protocol): ${hub.url}/vxp/<operation>`);
console.log(`  Trust anchors: ${hub.url}/v1/trust-anchors (${config.trust.trustAnchors.length})`);
if (demoKit) {
  console.log(`  HUB_SEED not set: demo agencies of Quảng Ninh, demo CA in ${process.env.DEMO_PKI_DIR ?? '.data/demo-pki'}, kit at ${hub.url}/demo/kit.json`);
  console.log(`  Demo timestamp authority (RFC 3161): POST ${hub.url}/demo/tsa`);
  for (const a of demoKit.agencies) console.log(`    ${a.code}  ${a.name}  system ${a.systemId} / ${a.secret}`);
}

// SIGTERM / SIGINT: stop accepting, finish what is in flight (10 s at most), close the database, exit; a second
// signal exits at once.
let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  console.log('Đang dừng: hoàn tất các yêu cầu dở dang / stopping: finishing requests in flight');
  void hub.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
