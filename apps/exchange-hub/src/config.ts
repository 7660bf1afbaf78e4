import { z } from 'zod';
import type { HubConfig } from './server.js';

const SeedSchema = z.object({
  systems: z.array(
    z.object({
      systemId: z.string().min(1),
      secret: z.string().min(8),
      agencies: z.array(z.object({ code: z.string(), name: z.string(), email: z.email().optional() })),
    }),
  ),
});

/** The sandbox seed used when HUB_SEED is not set: two systems, three agencies (secrets for local use only). */
export const demoSeed = {
  systems: [
    {
      systemId: 'vpcp.sandbox',
      secret: 'sandbox-secret-vpcp',
      agencies: [{ code: '000.00.00.G22', name: 'Văn phòng Chính phủ', email: 'vanthu@chinhphu.vn' }],
    },
    {
      systemId: 'qninh.sandbox',
      secret: 'sandbox-secret-qninh',
      agencies: [
        { code: '000.00.00.H49', name: 'Ủy ban nhân dân tỉnh Quảng Ninh', email: 'vanthu@quangninh.gov.vn' },
        { code: '000.00.00.H26', name: 'Ủy ban nhân dân tỉnh Hải Dương', email: 'vanthu@haiduong.gov.vn' },
      ],
    },
  ],
};

/** Reads PORT, HOST, DATA_DIR, DATABASE_URL, HUB_SEED; refuses a malformed seed with a clear message. */
export function configFromEnv(env: Record<string, string | undefined>): HubConfig {
  const config: HubConfig = {
    port: env.PORT ? Number(env.PORT) : 8787,
    host: env.HOST ?? '127.0.0.1',
    dataDir: env.DATA_DIR ?? '.data/hub',
  };
  if (!Number.isInteger(config.port) || (config.port ?? 0) < 0 || (config.port ?? 0) > 65535) {
    throw new Error(`PORT không hợp lệ / invalid PORT: ${env.PORT}`);
  }
  if (env.DATABASE_URL) config.databaseUrl = env.DATABASE_URL;
  if (env.HUB_SEED) {
    let json: unknown;
    try {
      json = JSON.parse(env.HUB_SEED);
    } catch {
      throw new Error('HUB_SEED không phải JSON / HUB_SEED is not JSON');
    }
    const r = SeedSchema.safeParse(json);
    if (!r.success) throw new Error(`HUB_SEED không hợp lệ / invalid HUB_SEED: ${z.prettifyError(r.error)}`);
    config.seed = r.data;
  } else {
    config.seed = demoSeed;
  }
  return config;
}
