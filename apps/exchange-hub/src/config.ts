import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { HubConfig } from './server.js';

const SeedSchema = z.object({
  systems: z.array(
    z.object({
      systemId: z.string().min(1),
      secret: z.string().min(8),
      timeZone: z.enum(['Asia/Ho_Chi_Minh', 'UTC', 'either']).optional(),
      agencies: z.array(z.object({ code: z.string(), name: z.string(), email: z.email().optional() })),
    }),
  ),
});

/**
 * The sandbox seed used when HUB_SEED is not set: three agencies of one province (Quảng Ninh, level-1 code H49),
 * each with its own system and secret — the Office of the provincial People's Committee and two departments. The
 * level-2 codes (01, 02, 03) are illustrative, in the `000.00.xx.H49` form of QCVN 102:2016; the secrets are for
 * local use only and stay on the server (GET /demo/kit.json serves only the public part, see trust.ts).
 */
export const demoSeed = {
  systems: [
    {
      systemId: 'vpubnd.quangninh.sandbox',
      secret: 'demo-secret-vpubnd-quangninh',
      agencies: [
        { code: '000.00.01.H49', name: 'Văn phòng Ủy ban nhân dân tỉnh Quảng Ninh', email: 'vanthu.vpubnd@quangninh.gov.vn' },
      ],
    },
    {
      systemId: 'snv.quangninh.sandbox',
      secret: 'demo-secret-snv-quangninh',
      agencies: [{ code: '000.00.02.H49', name: 'Sở Nội vụ tỉnh Quảng Ninh', email: 'vanthu.snv@quangninh.gov.vn' }],
    },
    {
      systemId: 'stc.quangninh.sandbox',
      secret: 'demo-secret-stc-quangninh',
      agencies: [{ code: '000.00.03.H49', name: 'Sở Tài chính tỉnh Quảng Ninh', email: 'vanthu.stc@quangninh.gov.vn' }],
    },
  ],
};

/**
 * The seed text of HUB_SEED: inline JSON (it starts with `{`) or the path of a JSON file. A seed file that every user
 * may read (mode & 0o004) holds secrets in the open: `warn` says so (the hub still starts).
 */
function seedText(value: string, warn: (message: string) => void): string {
  if (value.trimStart().startsWith('{')) return value;
  let text: string;
  let mode: number;
  try {
    mode = statSync(value).mode;
    text = readFileSync(value, 'utf8');
  } catch (e) {
    throw new Error(
      `HUB_SEED: không đọc được tệp ${value} / cannot read the seed file ${value}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  if (mode & 0o004) {
    warn(
      `Cảnh báo: tệp HUB_SEED ${value} ai cũng đọc được (chứa khóa bí mật), hãy chmod 600 / ` +
        `Warning: the HUB_SEED file ${value} is world-readable (it holds secrets): chmod 600 it`,
    );
  }
  return text;
}

/**
 * Reads PORT, HOST, DATA_DIR, DATABASE_URL, HUB_SEED (inline JSON or a file path); refuses a malformed seed with a
 * clear message, warns (through `warn`) about a world-readable seed file.
 */
export function configFromEnv(
  env: Record<string, string | undefined>,
  warn: (message: string) => void = (m) => console.warn(m),
): HubConfig {
  const config: HubConfig = {
    port: env.PORT ? Number(env.PORT) : 8787,
    host: env.HOST ?? '127.0.0.1',
    dataDir: env.DATA_DIR ?? '.data/hub',
  };
  if (!Number.isInteger(config.port) || (config.port ?? 0) < 0 || (config.port ?? 0) > 65535) {
    throw new Error(`PORT không hợp lệ / invalid PORT: ${env.PORT}`);
  }
  if (env.DATABASE_URL) config.databaseUrl = env.DATABASE_URL;
  for (const [name, key] of [
    ['HUB_MAX_IN_FLIGHT_PER_SYSTEM', 'maxInFlightPerSystem'],
    ['HUB_QUEUE_PER_SYSTEM', 'queuePerSystem'],
    ['HUB_MAX_IN_FLIGHT', 'maxInFlight'],
    ['HUB_MAX_QUEUED', 'maxQueued'],
    ['HUB_HEADERS_TIMEOUT_MS', 'headersTimeoutMs'],
    ['HUB_REQUEST_TIMEOUT_MS', 'requestTimeoutMs'],
    ['HUB_BACKGROUND_INTERVAL_MS', 'backgroundIntervalMs'],
    ['HUB_PREPARED_STATEMENTS', 'preparedStatements'],
    ['HUB_DATABASE_POOL', 'databasePoolSize'],
    ['HUB_DOCUMENT_CACHE', 'documentCacheSize'],
  ] as const) {
    const v = env[name];
    if (v === undefined) continue;
    const n = Number(v);
    const least = key === 'queuePerSystem' || key === 'maxQueued' || key === 'preparedStatements' || key === 'documentCacheSize' ? 0 : 1;
    if (!Number.isInteger(n) || n < least) throw new Error(`${name} không hợp lệ / invalid ${name}: ${v}`);
    config[key] = n;
  }
  if (env.HUB_BODY_MIN_RATE !== undefined || env.HUB_BODY_GRACE_MS !== undefined) {
    const minBytesPerSecond = Number(env.HUB_BODY_MIN_RATE ?? 1024);
    const graceMs = Number(env.HUB_BODY_GRACE_MS ?? 10_000);
    if (!(minBytesPerSecond > 0) || !Number.isInteger(graceMs) || graceMs < 0) {
      throw new Error(`HUB_BODY_MIN_RATE / HUB_BODY_GRACE_MS không hợp lệ / invalid: ${env.HUB_BODY_MIN_RATE ?? ''} / ${env.HUB_BODY_GRACE_MS ?? ''}`);
    }
    config.bodyPace = { minBytesPerSecond, graceMs };
  }
  if (env.HUB_RATE_PER_SYSTEM) {
    const rate = Number(env.HUB_RATE_PER_SYSTEM);
    const burst = env.HUB_BURST_PER_SYSTEM ? Number(env.HUB_BURST_PER_SYSTEM) : Math.max(1, Math.ceil(rate * 2));
    if (!(rate > 0) || !Number.isInteger(burst) || burst < 1) {
      throw new Error(`HUB_RATE_PER_SYSTEM / HUB_BURST_PER_SYSTEM không hợp lệ / invalid: ${env.HUB_RATE_PER_SYSTEM} / ${env.HUB_BURST_PER_SYSTEM ?? ''}`);
    }
    config.ratePerSystem = { ratePerSecond: rate, burst };
  }
  if (env.HUB_METRICS_TOKEN) {
    if (env.HUB_METRICS_TOKEN.length < 16) throw new Error('HUB_METRICS_TOKEN quá ngắn (ít nhất 16 ký tự) / HUB_METRICS_TOKEN is too short (16 characters at least)');
    config.metricsToken = env.HUB_METRICS_TOKEN;
  }
  // One JSON line per request on standard output (HUB_LOG=off: none).
  if (env.HUB_LOG !== 'off') config.log = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
  if (env.HUB_PUBLIC_URL) config.publicUrl = new URL(env.HUB_PUBLIC_URL).origin;
  if (env.HUB_STRICT === '1' || env.HUB_STRICT === 'true') config.strict = true;
  if (env.HUB_OPERATOR_TOKEN) {
    if (env.HUB_OPERATOR_TOKEN.length < 16) throw new Error('HUB_OPERATOR_TOKEN quá ngắn (ít nhất 16 ký tự) / HUB_OPERATOR_TOKEN is too short (16 characters at least)');
    config.operatorToken = env.HUB_OPERATOR_TOKEN;
  }
  if (env.HUB_SEED) {
    const text = seedText(env.HUB_SEED, warn);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error('HUB_SEED không phải JSON / HUB_SEED is not JSON');
    }
    const r = SeedSchema.safeParse(json);
    if (!r.success) throw new Error(`HUB_SEED không hợp lệ / invalid HUB_SEED: ${z.prettifyError(r.error)}`);
    config.seed = r.data;
  } else {
    config.seed = demoSeed;
  }
  // The sandbox (demo seed, or HUB_SANDBOX=1) tells a caller when its system id is unknown; a configured hub does not.
  if (!env.HUB_SEED || env.HUB_SANDBOX === '1' || env.HUB_SANDBOX === 'true') config.sandbox = true;
  return config;
}
