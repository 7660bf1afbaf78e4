import {
  axisOperations,
  EXCHANGE_API_VERSION,
  IDEMPOTENCY_HEADER,
  openApiDocument,
  type DeliveryState,
  type OperationId,
  type RouteDef,
  type Routes,
  routes,
  type SendDocumentResponse,
} from '@egov-vn/exchange-api';
import { checkEdxml, parseEdxml } from '@egov-vn/edxml';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import type { z } from 'zod';
import { authenticate, type AuthenticatedHeaders, type AuthOptions, checkBodyHash } from './auth.js';
import { buildEml } from './eml.js';
import { RateLimiter, retryAfterOf, SystemLimiter } from './limits.js';
import { HubError } from './hub-error.js';
import { type BodyPace, defaultBodyPace, readBody, streamBody } from './request-body.js';
import { type Caller, type HubStore, isSafeContentType, type SendInput, type SendResult } from './store.js';
import { attachmentReads, readAttachmentRange } from './store/attachments.js';
import { checkOptions } from './store/documents.js';
import { HubMetrics } from './metrics.js';
import { refusalOf, requestIdOf, type RequestLogLine, routeOf, shownSystem } from './request-log.js';
import { bearerIs, createVxpApp, hasNul, type VxpOptions } from './vxp.js';
import type { InboxWakeups } from './wakeup.js';

export interface AppOptions {
  /** Allowed clock skew of signed requests (ms). Default 5 minutes. */
  maxSkewMs?: number;
  /** Sender address of e-copies. */
  mailFrom?: string;
  /** Largest accepted age of an axis request's `XroadVnpt-timestamp` on /vxp (ms). Default 5 minutes. */
  axisMaxAgeMs?: number;
  now?: () => number;
  /** HUB_OPERATOR_TOKEN: lets `/vxp/registerAgency` take a body its signature does not cover (see README). */
  operatorToken?: string;
  /** Requests of one system in flight at once (HUB_MAX_IN_FLIGHT_PER_SYSTEM, default 16) … */
  maxInFlightPerSystem?: number;
  /** … and waiting beyond them (HUB_QUEUE_PER_SYSTEM, default 64); more are refused with 429 RATE_LIMITED. */
  queuePerSystem?: number;
  /** HUB_PUBLIC_URL: the server URL written into /openapi.json (default `/`, relative to where it was fetched). */
  publicUrl?: string;
  /** HUB_STRICT=1: /vxp refuses packages that do not conform to QCVN 102:2016 (default: what the axis accepts). */
  strict?: boolean;
  /**
   * Sandbox (the default demo seed, or HUB_SANDBOX=1): an unknown system id is answered UNKNOWN_SYSTEM with how to
   * find the seeded ids. Otherwise (a configured production hub) it gets the same BAD_SIGNATURE as a wrong signature.
   */
  sandbox?: boolean;
  /** Inbox wake-ups for long polling (`GET /v1/inbox?wait=`); without them `wait` is ignored. */
  wakeups?: InboxWakeups;
  /** Where the one JSON line per request goes (default: nowhere; main.ts: standard output, HUB_LOG=off to silence). */
  log?: (line: RequestLogLine) => void;
  /**
   * HUB_METRICS_TOKEN: `GET /metrics` needs `Authorization: Bearer <token>`. Without it, /metrics answers only
   * requests from the loopback interface (a scraper on the same host or in the same pod).
   */
  metricsToken?: string;
  /** The counters served at /metrics (one per app by default). */
  metrics?: HubMetrics;
  /** HUB_MAX_IN_FLIGHT (default 1024) requests handled at once by this process, HUB_MAX_QUEUED (default 1024) waiting; beyond: 503. */
  maxInFlight?: number;
  maxQueued?: number;
  /** HUB_BODY_MIN_RATE / HUB_BODY_GRACE_MS: how slowly a body may arrive before it is cut off (408 REQUEST_TIMEOUT). */
  bodyPace?: BodyPace;
  /** HUB_RATE_PER_SYSTEM / HUB_BURST_PER_SYSTEM: requests a second per system (token bucket); unset: no rate limit. */
  ratePerSystem?: { ratePerSecond: number; burst: number };
}

type Env = { Variables: { caller: Caller; body: Uint8Array; auth: AuthenticatedHeaders } };

/** A send whose body is the edXML package itself (`Content-Type: application/xml`), streamed into the checker. */
function isXmlSend(req: Request): boolean {
  if (req.method !== 'POST' || new URL(req.url).pathname !== routes.sendDocument.path) return false;
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/xml' || type === 'text/xml';
}

/** What a route's `params`, `query` or `body` schema gives once parsed (`undefined` when the route has none). */
type Part<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;
/** What a handler answers: the route's success schema (a JSON value), or a `Response` for a binary media type. */
type Success<R> = R extends { success: { schema: infer S extends z.ZodType } } ? z.input<S> : Response;

/** The typed input of the handler of operation `Op`, parsed with the schemas of its route. */
interface Input<Op extends OperationId> {
  caller: Caller;
  params: Part<Routes[Op], 'params'>;
  query: Part<Routes[Op], 'query'>;
  body: Part<Routes[Op], 'body'>;
  c: Context<Env>;
}

/** One handler per operation of the route table, each typed from its route (no casts in the handlers). */
type Handlers = { [Op in OperationId]: (input: Input<Op>) => Promise<Success<Routes[Op]>> };

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new HubError('VALIDATION_FAILED', {
      issues: r.error.issues.map((i) => ({
        code: i.code,
        path: `${where}/${i.path.join('/')}`,
        message: { vi: `${where}/${i.path.join('/')}: ${i.message}`, en: `${where}/${i.path.join('/')}: ${i.message}` },
      })),
    });
  }
  return r.data;
}

const decoder = new TextDecoder();

/** True when the request came over the loopback interface (Node's socket address; absent in `app.request` tests). */
function isLoopback(env: Partial<HttpBindings> | undefined): boolean {
  const address = env?.incoming?.socket.remoteAddress;
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** The hub's HTTP application (Hono): every operation of the exchange-api route table. */
export function createApp(store: HubStore, options: AppOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const maxSkewMs = options.maxSkewMs ?? 5 * 60_000;
  const mailFrom = options.mailFrom ?? 'truc-trao-doi@egov-vn.invalid';
  const limiter = new SystemLimiter(options.maxInFlightPerSystem ?? 16, options.queuePerSystem ?? 64);
  const rate = options.ratePerSystem ? new RateLimiter(options.ratePerSystem.ratePerSecond, options.ratePerSystem.burst, options.now) : undefined;

  const metrics = options.metrics ?? new HubMetrics();
  const pace = options.bodyPace ?? defaultBodyPace;
  const vxpNames = new Set(Object.keys(axisOperations));

  // First of all: the request id (a sane incoming X-Request-Id, else a new one), echoed in the answer, and one JSON
  // line per request (time, id, system, method, route, status, duration, refusal code; never a secret nor a body).
  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = requestIdOf(c.req.header('x-request-id'));
    await next();
    c.header('x-request-id', requestId);
    // A body cut off for its pace: the rest is not read, so the connection is closed after the answer.
    if (c.error instanceof HubError && c.error.body.code === 'REQUEST_TIMEOUT') c.header('connection', 'close');
    const url = new URL(c.req.url);
    const route = routeOf(url.pathname, vxpNames);
    const refused = c.error instanceof HubError ? c.error : refusalOf(c.req.raw);
    const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    metrics.observe(route, c.req.method, c.res.status, durationMs / 1000, refused?.body.code);
    if (!options.log) return;
    const authenticated = c.get('caller') as Caller | undefined;
    const line: RequestLogLine = {
      time: new Date().toISOString(),
      requestId,
      system: authenticated?.systemId ?? shownSystem(c.req.header('x-egov-system-id') ?? c.req.header('xroadvnpt-systemid')),
      method: c.req.method,
      route,
      status: c.res.status,
      durationMs,
    };
    if (refused) line.refusal = refused.body.code;
    if (refused?.logReason) line.reason = refused.logReason;
    options.log(line);
  });

  // A bounded global queue of requests in flight (health and metrics excepted): beyond it 503 UNAVAILABLE, Retry-After.
  const global = new SystemLimiter(options.maxInFlight ?? 1024, options.maxQueued ?? 1024, (running) =>
    new HubError('UNAVAILABLE', { retryAfterSeconds: 1, inFlight: running }, {
      vi: `Trục đang xử lý ${running} yêu cầu: hãy thử lại sau 1 giây.`,
      en: `The hub has ${running} requests in flight: retry in 1 second.`,
    }),
  );
  app.use('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/health/') || path === '/metrics') {
      await next();
      return;
    }
    await global.run('*', next);
  });

  // Prometheus text format. Protected by HUB_METRICS_TOKEN when set, else answered on the loopback interface only.
  app.get('/metrics', (c) => {
    const allowed = options.metricsToken
      ? bearerIs(c.req.header('authorization'), options.metricsToken)
      : isLoopback(c.env as Partial<HttpBindings> | undefined);
    if (!allowed) throw new HubError('FORBIDDEN', undefined, {
      vi: 'Chỉ số vận hành chỉ dành cho người vận hành (HUB_METRICS_TOKEN, hoặc từ chính máy chủ).',
      en: 'Metrics are for the operator only (HUB_METRICS_TOKEN, or from the host itself).',
    });
    metrics.deliveries = store.counters.deliveries;
    return c.body(metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  app.onError((err, c) => {
    if (err instanceof HubError) {
      if (err.body.code === 'RATE_LIMITED' || err.body.code === 'UNAVAILABLE') c.header('retry-after', retryAfterOf(err));
      return c.json(err.body, err.status as 400);
    }
    console.error(err);
    const e = new HubError('INTERNAL');
    return c.json(e.body, 500);
  });
  app.notFound((c) => c.json(new HubError('NOT_FOUND').body, 404));

  // Every answer: no MIME sniffing, never framed, and JSON that no browser runs or embeds.
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', 'no-referrer');
    if (!c.res.headers.has('content-security-policy')) {
      c.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
    }
  });
  // A NUL anywhere in the path or the query is refused (PostgreSQL text cannot hold it): 400, not 500.
  app.use('*', async (c, next) => {
    const url = c.req.url;
    let decoded: string;
    try {
      decoded = decodeURIComponent(url);
    } catch {
      throw new HubError('VALIDATION_FAILED', { field: 'url' }, { vi: 'Địa chỉ yêu cầu có mã % không hợp lệ.', en: 'The request URL has an invalid % escape.' });
    }
    if (decoded.includes('\u0000')) {
      throw new HubError('VALIDATION_FAILED', { field: 'url' }, { vi: 'Địa chỉ yêu cầu chứa ký tự NUL.', en: 'The request URL contains a NUL character.' });
    }
    await next();
  });

  // The axis-compatible API (what the national exchange axis SDK sends), over the same store.
  const vxpOptions: VxpOptions = { maxAgeMs: options.axisMaxAgeMs ?? 5 * 60_000 };
  if (options.now) vxpOptions.now = options.now;
  if (options.operatorToken) vxpOptions.operatorToken = options.operatorToken;
  if (options.strict) vxpOptions.strict = true;
  if (options.sandbox) vxpOptions.sandbox = true;
  vxpOptions.limiter = limiter;
  vxpOptions.bodyPace = pace;
  if (rate) vxpOptions.rate = rate;
  app.route('/vxp', createVxpApp(store, vxpOptions));

  // For orchestrators, without a signature: the process answers (live); the database answers and its migrations ran
  // (ready: they run before the hub listens, so a reachable database means they are done).
  app.get('/health/live', (c) => c.json({ ok: true }));
  app.get('/health/ready', async (c) => {
    try {
      await sql`select 1`.execute(store.db);
      return c.json({ ok: true, database: 'ok', migrations: 'done' });
    } catch {
      c.header('retry-after', '5');
      return c.json({ ok: false, database: 'unreachable' }, 503);
    }
  });

  // The server URL is configured (HUB_PUBLIC_URL), never taken from the request's Host header.
  app.get('/openapi.json', (c) => c.json(openApiDocument({ serverUrl: options.publicUrl ?? '/', version: EXCHANGE_API_VERSION })));

  app.use('/v1/*', async (c, next) => {
    // Headers first (signature, skew, nonce), then the body, bounded while it streams, then its signed hash.
    const url = new URL(c.req.url);
    const authOptions: AuthOptions = { maxSkewMs };
    if (options.now) authOptions.now = options.now;
    if (options.sandbox) authOptions.sandbox = true;
    const auth = await authenticate(store, authOptions, {
      method: c.req.method,
      pathWithQuery: url.pathname + url.search,
      headers: c.req.raw.headers,
    });
    // A system over its rate waits (429, Retry-After), whatever its requests in flight.
    const wait = rate?.take(auth.systemId);
    if (wait) throw RateLimiter.refusal(auth.systemId, wait);
    // One system's requests in flight are bounded (body reading included); others are not held up by it.
    await limiter.run(auth.systemId, async () => {
      c.set('caller', { systemId: auth.systemId, agency: auth.agency });
      c.set('auth', auth);
      // An edXML body is read by the send itself, streamed into the checker (below).
      if (!isXmlSend(c.req.raw)) {
        const body = await readBody(c.req.raw, store.options.maxPackageBytes, pace);
        checkBodyHash(auth, body);
        c.set('body', body);
      }
      await next();
    });
  });

  /** The answer of a send (either form). */
  const sendAnswer = (r: SendResult): SendDocumentResponse => ({
    documentId: r.document.id,
    messageId: r.document.message_id,
    duplicate: r.duplicate,
    sentAt: r.document.sent_at.toISOString(),
    recipients: r.deliveries.map((d) => ({
      agency: d.recipient,
      state: d.state as DeliveryState,
      deliveredAt: d.delivered_at.toISOString(),
    })),
  });

  // POST /v1/documents with the package as the body (`Content-Type: application/xml`; the message id in
  // `Idempotency-Key`, paper or not as the package's TraceHeaderList says): the body streams into the edXML checker
  // as it arrives, bounded by the package limit and hashed on the way; the package is checked once, and stored only
  // when the hash is the signed one. The JSON form ({ edxml, messageId, paper }) stays for compatibility.
  app.post(routes.sendDocument.path, async (c, next) => {
    if (!isXmlSend(c.req.raw)) {
      await next();
      return;
    }
    const body = streamBody(c.req.raw, store.options.maxPackageBytes, pace);
    const report = await checkEdxml(body.stream, checkOptions('strict'));
    const { bytes, sha256 } = await body.rest();
    if (sha256 !== c.get('auth').contentSha256) throw new HubError('BAD_SIGNATURE', { reason: 'content-sha256' });
    const input: SendInput = { edxml: bytes, report };
    const messageId = c.req.header(IDEMPOTENCY_HEADER);
    if (messageId) input.messageId = messageId;
    return c.json(sendAnswer(await store.send(c.get('caller'), input)), routes.sendDocument.success.status);
  });

  const handlers: Handlers = {
    health: () => Promise.resolve({ ok: true, version: EXCHANGE_API_VERSION }),
    sendDocument: async ({ caller, body, c }) => {
      const messageId = body.messageId ?? c.req.header(IDEMPOTENCY_HEADER) ?? undefined;
      const input: { edxml: string; messageId?: string; paper?: boolean } = { edxml: body.edxml };
      if (messageId) input.messageId = messageId;
      if (body.paper !== undefined) input.paper = body.paper;
      return sendAnswer(await store.send(caller, input));
    },
    listInbox: async ({ caller, query, c }) => {
      const wakeups = options.wakeups;
      // Long polling (`wait`): only for a first page that comes back empty. The waiter is registered before the inbox
      // is read, so a delivery committed in between (on this instance or another) is not missed.
      if (!query.wait || query.cursor || !wakeups) return store.inbox(caller, query);
      const deadline = Date.now() + query.wait * 1000;
      for (;;) {
        const waiter = wakeups.subscribe([caller.agency]);
        try {
          const page = await store.inbox(caller, query);
          const left = deadline - Date.now();
          if (page.items.length > 0 || left <= 0 || wakeups.closed) return page;
          if (!(await waiter.wait(left, c.req.raw.signal))) return await store.inbox(caller, query);
        } finally {
          waiter.cancel();
        }
      }
    },
    listSent: ({ caller, query }) => store.sent(caller, query),
    getDocument: ({ caller, params }) => store.view(caller, params.id),
    downloadEdxml: async ({ caller, params }) => {
      const { doc } = await store.access(caller, params.id);
      const edxml = await store.edxmlOf(doc.id);
      return new Response(edxml as Uint8Array<ArrayBuffer>, {
        headers: {
          'content-type': 'application/xml; charset=utf-8',
          'content-length': String(edxml.length),
          'content-disposition': `attachment; filename="${doc.id}.edxml"`,
        },
      });
    },
    downloadAttachment: async ({ caller, params }) => {
      const { doc } = await store.access(caller, params.id);
      const index = params.index;
      const info = doc.attachments[index];
      if (!info) throw new HubError('NOT_FOUND');
      const headers: Record<string, string> = {
        // Stored before the send-time check existed, a type that is no safe header becomes a download of bytes.
        'content-type': isSafeContentType(info.contentType) ? info.contentType : 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(info.name)}`,
      };
      // The range kept at receipt: only the attachment's bytes are read, the package is not parsed again.
      if (info.encoded) {
        const bytes = await readAttachmentRange(store.db, doc.id, info.encoded);
        if (!bytes) throw new HubError('NOT_FOUND');
        headers['content-length'] = String(bytes.byteLength);
        return new Response(bytes as Uint8Array<ArrayBuffer>, { headers });
      }
      // Packages stored before ranges were kept (or whose content is no plain base64): read the package.
      attachmentReads.wholePackages++;
      const parsed = await parseEdxml(await store.edxmlOf(doc.id));
      const att = parsed.ok && parsed.value.kind === 'document' ? parsed.value.attachments[index] : undefined;
      if (!att) throw new HubError('NOT_FOUND');
      if (att.size !== undefined) headers['content-length'] = String(att.size);
      return new Response(att.stream(), { headers });
    },
    acknowledge: ({ caller, params, body }) => store.acknowledge(caller, params.id, body.result, body.reason),
    updateStatus: ({ caller, params, body }) => {
      const input: { code: typeof body.code; description?: string; staff?: string } = { code: body.code };
      if (body.description !== undefined) input.description = body.description;
      if (body.staff !== undefined) input.staff = body.staff;
      return store.updateStatus(caller, params.id, input);
    },
    getTrace: ({ caller, params }) => store.trace(caller, params.id),
    emailCopy: async ({ caller, params, body }) => {
      const { doc } = await store.access(caller, params.id);
      let to = body.to;
      if (!to) {
        const own = await store.agency(caller.agency);
        if (!own.email) {
          throw new HubError('VALIDATION_FAILED', { field: 'to' }, {
            vi: 'Cơ quan chưa đăng ký hộp thư công vụ: cần nêu địa chỉ nhận.',
            en: 'The agency has no registered official e-mail: give the addresses.',
          });
        }
        to = [own.email];
      }
      const eml = await buildEml({
        edxml: await store.edxmlOf(doc.id),
        from: mailFrom,
        to,
        notation: doc.notation,
        subject: doc.subject,
        sender: doc.sender,
        senderName: doc.from_name,
        sentAt: doc.sent_at,
      });
      return new Response(new Uint8Array(eml), {
        headers: {
          'content-type': 'message/rfc822',
          'content-disposition': `attachment; filename="${doc.id}.eml"`,
        },
      });
    },
    listAgencies: ({ query }) => store.agencies(query),
    getAgency: ({ params }) => store.agency(params.code),
    registerAgency: ({ caller, params, body }) => store.registerAgency(caller, params.code, body),
    getStats: ({ caller, query }) => store.stats(caller, query.from, query.to),
  };

  /** The JSON body of a request (already read, bounded and hash-checked by the /v1 middleware). */
  const jsonBody = (c: Context<Env>): unknown => {
    const text = decoder.decode(c.get('body'));
    if (hasNul(text)) {
      throw new HubError('VALIDATION_FAILED', { body: 'NUL' }, { vi: 'Thân yêu cầu chứa ký tự NUL.', en: 'The request body contains a NUL character.' });
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new HubError('VALIDATION_FAILED', { body: 'JSON' }, {
        vi: 'Thân yêu cầu không phải JSON hợp lệ.',
        en: 'The request body is not valid JSON.',
      });
    }
  };

  /** Parses one part of a request with its route's schema (absent schema: `undefined`). */
  function part<R extends RouteDef, K extends 'params' | 'query' | 'body'>(route: R, key: K, value: () => unknown): Part<R, K> {
    const schema = route[key];
    // The conditional type `Part` names exactly what the route's schema outputs; TypeScript cannot follow a generic
    // key through it, so this one line states it.
    return (schema ? parse(schema, value(), key) : undefined) as Part<R, K>;
  }

  function register<Op extends OperationId>(operationId: Op, route: Routes[Op]): void {
    const handler: Handlers[Op] = handlers[operationId];
    const path = route.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(route.method, path, async (c) => {
      const input: Input<Op> = {
        caller: c.get('caller'),
        params: part(route, 'params', () => c.req.param()),
        query: part(route, 'query', () => c.req.query()),
        body: part(route, 'body', () => jsonBody(c)),
        c,
      };
      const result = await handler(input);
      if (result instanceof Response) return result;
      return c.json(result, route.success.status);
    });
  }
  for (const operationId of Object.keys(routes) as OperationId[]) register(operationId, routes[operationId]);
  return app;
}
