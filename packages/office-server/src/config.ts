// Options of createOfficeServer, and the JSON configuration file + environment reader used by apps/office-server.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROLES, type Role } from '@egov-vn/office-api';
import { isAgencyCode } from '@egov-vn/schemas';
import { z } from 'zod';
import type { Authenticate, JwtAuthOptions } from './auth.js';
import { type SignatureCheckOptions, trustAnchorsFromUrl } from './signatures.js';

/**
 * How the server reaches the exchange for one agency, with the system's HMAC secret: the hub's native `/v1` API
 * (default), or the national axis protocol (`protocol: 'axis'`, `baseUrl` the axis endpoint, e.g. the hub's `/vxp`).
 */
export interface ExchangeConnection {
  /** `native` (default): the hub's `/v1`; `axis`: the national axis protocol through `createAxisClient`. */
  protocol?: 'native' | 'axis';
  /** The hub's base URL (native) or the axis endpoint (axis, e.g. `https://truc…/vxp`). */
  baseUrl: string;
  systemId: string;
  /** The system secret. Kept in memory only: never logged, never in a response. */
  secret: string;
}

export interface ServedAgency {
  /** Mã định danh. */
  code: string;
  name: string;
  /** The abbreviation used in ký hiệu (e.g. "SNV"). */
  abbreviation?: string;
  exchange: ExchangeConnection;
}

/** A user known before they first sign in (e.g. to be assigned work). Their token's claims win afterwards. */
export interface KnownUser {
  id: string;
  name: string;
  agency: string;
  roles: Role[];
  title?: string;
  email?: string;
}

export interface OfficeServerOptions {
  agencies: ServedAgency[];
  /** Users are authenticated by a JWT (JWKS) or by a host callback. */
  auth: { jwt: JwtAuthOptions } | { authenticate: Authenticate };
  /** PGlite directory (default memory) or PostgreSQL URL. */
  database?: { databaseUrl?: string; dataDir?: string };
  users?: KnownUser[];
  /**
   * Checks the signatures of the PDFs uploaded at ký and đóng dấu with `@egov-vn/pdf-signature` (valid against these
   * trust anchors, covering the whole file, a person's certificate at ký and the agency's at đóng dấu). Without it the
   * server only checks that the seal extends the signed PDF, and says so in its log at start: give it in production.
   */
  signatures?: SignatureCheckOptions;
  /**
   * Requests per user: a token bucket of `burst` requests refilled at `perMinute` (default 1200 per minute, bursts of
   * 200); beyond it 429 RATE_LIMITED with Retry-After. `false` turns it off (a gateway in front limits instead).
   */
  rateLimit?: { perMinute?: number; burst?: number } | false;
  /** Background receiving and sending (default on; tests drive `runOnce`). */
  background?: { enabled?: boolean; pollIntervalMs?: number };
  /** Largest accepted request body in bytes (default 30 MiB: a signed PDF of 20 MiB in base64). */
  maxBodyBytes?: number;
  /** Log lines (default console.log). The server never writes a secret or a token into them. */
  log?: (line: string) => void;
  /** Clock (tests). */
  now?: () => Date;
  /** fetch used to reach the exchange (proxies, tests). */
  fetch?: typeof fetch;
}

const Code = z.string().refine(isAgencyCode, 'not an agency code (000.00.00.H49)');

const FileSchema = z.object({
  agencies: z
    .array(
      z.object({
        code: Code,
        name: z.string().min(1),
        abbreviation: z.string().min(1).max(20).optional(),
        exchange: z
          .object({
            protocol: z.enum(['native', 'axis']).optional().describe('native (the hub /v1, default) or axis (the national axis protocol; baseUrl is its endpoint).'),
            baseUrl: z.url(),
            systemId: z.string().min(1),
            secretEnv: z.string().min(1).optional().describe('Name of the environment variable that holds the secret.'),
            secretFile: z.string().min(1).optional().describe('Path of a file that holds the secret.'),
          })
          .strict()
          .refine((e) => (e.secretEnv === undefined) !== (e.secretFile === undefined), 'give exactly one of secretEnv, secretFile'),
      }),
    )
    .min(1),
  auth: z.object({
    issuer: z.string().min(1),
    audience: z.string().min(1),
    jwksUrl: z.url(),
    clockToleranceSec: z.number().int().min(0).max(600).optional(),
    algorithms: z.array(z.string()).optional(),
    claims: z
      .object({
        agency: z.string().optional(),
        roles: z.string().optional(),
        name: z.string().optional(),
        title: z.string().optional(),
        email: z.string().optional(),
        roleValues: z.record(z.string(), z.enum(ROLES)).optional(),
      })
      .optional(),
  }),
  signatures: z
    .object({
      trustAnchorsFile: z.string().min(1).optional().describe('PEM bundle of the trusted root certificates (relative to this file).'),
      trustAnchorsUrl: z.url().optional().describe("Where to load them, e.g. the exchange's /v1/trust-anchors."),
    })
    .strict()
    .refine((x) => (x.trustAnchorsFile === undefined) !== (x.trustAnchorsUrl === undefined), 'give exactly one of trustAnchorsFile, trustAnchorsUrl')
    .optional(),
  users: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        agency: Code,
        roles: z.array(z.enum(ROLES)),
        title: z.string().optional(),
        email: z.string().optional(),
      }),
    )
    .optional(),
});

export type OfficeConfigFile = z.infer<typeof FileSchema>;

/**
 * Reads the configuration file (JSON; secrets only by reference: `secretEnv` or `secretFile`, relative to the file)
 * and the environment (DATABASE_URL, DATA_DIR). Refuses a bad file with a message naming the field, never the secret.
 */
export function loadOfficeConfig(file: string, env: Record<string, string | undefined>): OfficeServerOptions {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Không đọc được tệp cấu hình / cannot read the configuration file ${file}: ${(e as Error).message}`);
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Tệp cấu hình không hợp lệ / invalid configuration file ${file}:\n${z.prettifyError(parsed.error)}`);
  const cfg = parsed.data;
  const agencies: ServedAgency[] = cfg.agencies.map((a) => {
    let secret: string | undefined;
    if (a.exchange.secretEnv) {
      secret = env[a.exchange.secretEnv];
      if (!secret) throw new Error(`Biến môi trường ${a.exchange.secretEnv} (bí mật của ${a.code}) chưa đặt / is not set`);
    } else {
      const path = resolve(file, '..', a.exchange.secretFile ?? '');
      try {
        secret = readFileSync(path, 'utf8').trim();
      } catch {
        throw new Error(`Không đọc được tệp bí mật của ${a.code} / cannot read the secret file of ${a.code}: ${path}`);
      }
    }
    const agency: ServedAgency = { code: a.code, name: a.name, exchange: { ...(a.exchange.protocol ? { protocol: a.exchange.protocol } : {}), baseUrl: a.exchange.baseUrl, systemId: a.exchange.systemId, secret } };
    if (a.abbreviation) agency.abbreviation = a.abbreviation;
    return agency;
  });
  const jwt: JwtAuthOptions = { issuer: cfg.auth.issuer, audience: cfg.auth.audience, jwksUrl: cfg.auth.jwksUrl };
  if (cfg.auth.clockToleranceSec !== undefined) jwt.clockToleranceSec = cfg.auth.clockToleranceSec;
  if (cfg.auth.algorithms) jwt.algorithms = cfg.auth.algorithms;
  if (cfg.auth.claims) jwt.claims = cfg.auth.claims;
  const options: OfficeServerOptions = { agencies, auth: { jwt } };
  if (cfg.users) options.users = cfg.users;
  if (cfg.signatures?.trustAnchorsUrl) options.signatures = { trustAnchors: trustAnchorsFromUrl(cfg.signatures.trustAnchorsUrl) };
  if (cfg.signatures?.trustAnchorsFile) {
    const path = resolve(file, '..', cfg.signatures.trustAnchorsFile);
    try {
      options.signatures = { trustAnchors: [readFileSync(path, 'utf8')] };
    } catch {
      throw new Error(`Không đọc được tệp chứng thư gốc / cannot read the trust anchors file: ${path}`);
    }
  }
  const database: { databaseUrl?: string; dataDir?: string } = {};
  if (env.DATABASE_URL) database.databaseUrl = env.DATABASE_URL;
  else database.dataDir = env.DATA_DIR ?? '.data/office';
  options.database = database;
  return options;
}
