// createOfficeServer: the Hono app of the office contract over the service, and its background work.
import { WorkCalendar } from '@egov-vn/calendar';
import { openDatabase, type OpenedDatabase } from '@egov-vn/database';
import {
  OFFICE_API_VERSION,
  officeOpenApiDocument,
  officeRoutes,
  type OfficeOperationId,
  type OfficeRouteDef,
  registerCsv,
} from '@egov-vn/office-api';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { type Authenticate, jwtAuthenticator, type SessionUser } from './auth.js';
import { Background } from './background.js';
import type { OfficeServerOptions } from './config.js';
import { officeMigrations, type OfficeDatabase } from './db.js';
import { OfficeError, parseOr400 } from './errors.js';
import { OfficeService } from './service.js';
import { SignatureChecker } from './signatures.js';
import { version } from './version.js';

export interface OfficeServer {
  /** The Hono app: mount it (`app.route('/office', server.app)`) or serve `server.fetch`. */
  app: Hono;
  fetch: (request: Request) => Response | Promise<Response>;
  service: OfficeService;
  database: OpenedDatabase<OfficeDatabase>;
  /** Starts receiving and the outbox in the background (started by default unless `background.enabled` is false). */
  startBackground(): void;
  /** One receive + outbox round for an agency (tests, one-shot jobs). */
  runOnce(agency: string): Promise<{ received: number }>;
  close(): Promise<void>;
}

export interface CreateOfficeServerExtras {
  /** Origins allowed to call the API from a browser (the portals that embed the office elements). */
  corsOrigins?: string[];
  /** An already open database (shared with the host). */
  database?: OpenedDatabase<OfficeDatabase>;
}

type Handler = (user: SessionUser, input: { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown }, c: Context) => Promise<unknown>;

/** Reads at most `max` bytes of the request body; refuses more with PAYLOAD_TOO_LARGE before and while reading. */
async function readBounded(request: Request, max: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > max) throw new OfficeError('PAYLOAD_TOO_LARGE', { limit: max });
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw new OfficeError('PAYLOAD_TOO_LARGE', { limit: max });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Token buckets per key: `take` answers undefined when a token was taken, else the seconds until one is back. */
export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly clock: () => number,
  ) {}

  take(key: string): number | undefined {
    const t = this.clock();
    const rate = this.perMinute / 60_000;
    const b = this.#buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + (t - b.at) * rate);
    b.at = t;
    this.#buckets.set(key, b);
    if (this.#buckets.size > 100_000) this.#buckets.delete(this.#buckets.keys().next().value as string); // bounded
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }
}

/** Creates the office server: opens (and migrates) its database and builds the Hono app. */
export async function createOfficeServer(options: OfficeServerOptions, extras: CreateOfficeServerExtras = {}): Promise<OfficeServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  const database =
    extras.database ??
    (await openDatabase<OfficeDatabase>({ ...options.database, migrations: officeMigrations, migrationTableName: 'office_migrations' }));
  const service = new OfficeService({
    db: database.db,
    engine: database.engine,
    agencies: options.agencies,
    calendar: new WorkCalendar(),
    now,
    log,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signatures ? { signatures: new SignatureChecker(options.signatures) } : {}),
  });
  if (!options.signatures) log('office: signatures of uploaded PDFs are NOT verified (no `signatures` trust anchors configured)');
  if (options.users) await service.seedUsers(options.users);
  const authenticate: Authenticate = 'jwt' in options.auth ? jwtAuthenticator(options.auth.jwt) : options.auth.authenticate;
  const background = new Background(database, service, options.agencies.map((a) => a.code), options.background?.pollIntervalMs ?? 5000, log);
  service.onStatusQueued = (agency) => background.nudge(agency);
  const maxBody = options.maxBodyBytes ?? 30 * 1024 * 1024;
  const limiter = options.rateLimit === false ? undefined : new TokenBuckets(options.rateLimit?.perMinute ?? 1200, options.rateLimit?.burst ?? 200, () => now().getTime());

  const handlers: Record<Exclude<OfficeOperationId, 'health'>, Handler> = {
    getMe: (u) => Promise.resolve(service.me(u)),
    listIncoming: (u, i) => service.listIncoming(u, i.query as never),
    getIncoming: (u, i) => service.getIncoming(u, i.params.id as string),
    downloadIncomingAttachment: async (u, i, c) => {
      const f = await service.incomingAttachment(u, i.params.id as string, i.params.index as number);
      c.header('content-type', f.contentType);
      c.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`);
      return f.bytes;
    },
    receiveIncoming: (u, i) => service.receiveIncoming(u, i.params.id as string, (i.body as { note?: string }).note),
    assignIncoming: (u, i) => service.assignIncoming(u, i.params.id as string, i.body as never),
    startIncoming: (u, i) => service.startIncoming(u, i.params.id as string, (i.body as { note?: string }).note),
    completeIncoming: (u, i) => service.completeIncoming(u, i.params.id as string, (i.body as { note?: string }).note),
    returnIncoming: (u, i) => service.returnIncoming(u, i.params.id as string, (i.body as { reason: string }).reason),
    listOutgoing: (u, i) => service.listOutgoing(u, i.query as never),
    getOutgoing: (u, i) => service.getOutgoing(u, i.params.id as string),
    resendOutgoing: (u, i) => service.resendOutgoing(u, i.params.id as string),
    revokeOutgoing: (u, i) => service.revokeOutgoing(u, i.params.id as string, (i.body as { reason: string }).reason),
    replaceOutgoing: (u, i) => service.replaceOutgoing(u, i.params.id as string, (i.body as { reason: string }).reason),
    listDrafts: (u, i) => service.listDrafts(u, i.query as never),
    createDraft: (u, i) => service.createDraft(u, i.body as never),
    getDraft: (u, i) => service.getDraft(u, i.params.id as string),
    updateDraft: (u, i) => service.updateDraft(u, i.params.id as string, i.body as never),
    addDraftAttachment: (u, i) => service.addDraftAttachment(u, i.params.id as string, i.body as never),
    downloadDraftPdf: async (u, i, c) => {
      c.header('content-type', 'application/pdf');
      return service.draftPdf(u, i.params.id as string);
    },
    submitDraft: (u, i) => service.submitDraft(u, i.params.id as string, i.body as never),
    signDraft: (u, i) => service.signDraft(u, i.params.id as string, (i.body as { pdf: string }).pdf, (i.body as { note?: string }).note),
    numberDraft: (u, i) => service.numberDraft(u, i.params.id as string, (i.body as { date?: string }).date),
    sealDraft: (u, i) => service.sealDraft(u, i.params.id as string, (i.body as { pdf: string }).pdf),
    sendDraft: (u, i) => service.sendDraft(u, i.params.id as string),
    listRegister: (u, i) => service.listRegister(u, i.params.kind as 'incoming', i.query as never),
    exportRegister: async (u, i, c) => {
      const q = i.query as { year?: number; format: 'csv' | 'json' | 'pdf' };
      const entries = await service.exportRegister(u, i.params.kind as 'incoming', q.year);
      const name = `so-van-ban-${i.params.kind === 'incoming' ? 'den' : 'di'}-${q.year ?? 'nam-nay'}`;
      if (q.format === 'pdf') {
        const { renderRegisterPdf } = await import('@egov-vn/document-pdf/node');
        const kind = i.params.kind as 'incoming' | 'outgoing';
        const year = q.year ?? Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now()));
        c.header('content-type', 'application/pdf');
        c.header('content-disposition', `attachment; filename="${name}.pdf"`);
        return renderRegisterPdf(entries, { kind, year, agencyName: service.agency(u.agency).name });
      }
      if (q.format === 'json') {
        c.header('content-type', 'application/json');
        c.header('content-disposition', `attachment; filename="${name}.json"`);
        return new TextEncoder().encode(JSON.stringify(entries));
      }
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${name}.csv"`);
      return new TextEncoder().encode(registerCsv(entries));
    },
    searchDirectory: (u, i) => service.searchDirectory(u, i.query as never),
    listUsers: (u, i) => service.listUsers(u, i.query as never),
    listRoles: () => Promise.resolve(service.listRoles()),
    listAudit: (u, i) => service.listAudit(u, i.query as never),
  };

  const app = new Hono();
  if (extras.corsOrigins?.length) {
    app.use('*', cors({ origin: extras.corsOrigins, allowHeaders: ['authorization', 'content-type'], exposeHeaders: ['content-disposition'], maxAge: 600 }));
  }
  app.use('*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
    c.header('x-content-type-options', 'nosniff');
  });
  app.onError((err, c) => {
    if (err instanceof OfficeError) return c.json(err.body, err.status as 400);
    // Never the error text: it might quote a request or a connection string.
    log(`office: internal error (${err.name}) on ${c.req.method} ${c.req.path}`);
    const e = new OfficeError('INTERNAL');
    return c.json(e.body, 500);
  });
  app.notFound((c) => c.json(new OfficeError('NOT_FOUND').body, 404));
  app.get('/openapi.json', (c) => c.json(officeOpenApiDocument({ version: OFFICE_API_VERSION, serverUrl: new URL(c.req.url).origin })));
  app.get(officeRoutes.health.path, async (c) => c.json(await service.health(version, background.receiving)));

  for (const [id, route] of Object.entries(officeRoutes) as Array<[OfficeOperationId, OfficeRouteDef]>) {
    if (id === 'health') continue;
    const handler = handlers[id];
    const path = route.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(route.method, path, async (c) => {
      // Who and may they: before anything of the request is read.
      const user = await authenticate(c.req.raw);
      if (!user) throw new OfficeError('UNAUTHENTICATED', { reason: 'no-token' });
      if (!options.agencies.some((a) => a.code === user.agency)) throw new OfficeError('FORBIDDEN', { reason: 'agency-not-served' });
      const wait = limiter?.take(`${user.agency}|${user.id}`);
      if (wait !== undefined) {
        c.header('retry-after', String(wait));
        throw new OfficeError('RATE_LIMITED', { retryAfterSeconds: wait });
      }
      if (route.roles !== 'public' && !route.roles.some((r) => user.roles.includes(r))) {
        throw new OfficeError('FORBIDDEN', { reason: 'role', roles: [...route.roles] });
      }
      await service.touchUser(user);
      const params = route.params ? parseOr400(route.params, c.req.param(), 'params') : {};
      const rawQuery = Object.fromEntries(new URL(c.req.url).searchParams);
      const query = route.query ? parseOr400(route.query, rawQuery, 'query') : {};
      let body: unknown = undefined;
      if (route.body) {
        const bytes = await readBounded(c.req.raw, maxBody);
        let json: unknown;
        try {
          json = bytes.length === 0 ? {} : JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        } catch {
          throw new OfficeError('VALIDATION_FAILED', {
            issues: [{ code: 'json.invalid', path: '/body', message: { vi: 'Nội dung không phải JSON hợp lệ.', en: 'The body is not valid JSON.' } }],
          });
        }
        body = parseOr400(route.body, json, 'body');
      }
      const result = await handler(user, { params: params, query: query, body }, c);
      if (result instanceof Uint8Array) return c.body(result as Uint8Array<ArrayBuffer>, 200);
      return c.json(result as object, route.success.status);
    });
  }

  const server: OfficeServer = {
    app,
    fetch: (request) => app.fetch(request),
    service,
    database,
    startBackground: () => background.start(),
    runOnce: (agency) => background.runOnce(agency),
    async close() {
      await background.stop();
      if (!extras.database) await database.db.destroy();
    },
  };
  if (options.background?.enabled !== false) server.startBackground();
  return server;
}
