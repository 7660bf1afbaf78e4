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

/**
 * The sandbox seed used when HUB_SEED is not set: three agencies of one province (Quảng Ninh, level-1 code H49),
 * each with its own system and secret — the Office of the provincial People's Committee and two departments. The
 * level-2 codes (01, 02, 03) are illustrative, in the `000.00.xx.H49` form of QCVN 102:2016; the secrets are for
 * local use only (the demo portal reads them from /demo/kit.json).
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
