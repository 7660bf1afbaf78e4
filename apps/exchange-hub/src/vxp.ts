// The axis-compatible API at /vxp/<operation>: what the national exchange axis SDK (SDKVXP) sends, answered with its
// JSON envelopes (always HTTP 200), over the same HubStore as the native /v1 API.
import {
  type AxisOperation,
  axisErrorDesc,
  axisOperations,
  AxisRegisterAgencySchema,
  formatAxisDate,
  parseAxisDate,
  RegisterAgencyRequestSchema,
} from '@egov-vn/exchange-api';
import { isAgencyCode } from '@egov-vn/schemas';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { createHash, timingSafeEqual } from 'node:crypto';
import { HubError } from './hub-error.js';
import { RateLimiter, retryAfterOf, type SystemLimiter } from './limits.js';
import { type BodyPace, readBody } from './request-body.js';
import { noteRefusal } from './request-log.js';
import type { HubStore } from './store.js';
import { type AxisAuthOptions, type AxisCaller, axisRequestBody, verifyAxisHeaders } from './vxp-auth.js';

export interface VxpOptions {
  /** Largest accepted age of `XroadVnpt-timestamp` (ms). */
  maxAgeMs: number;
  now?: () => number;
  /**
   * The operator's token (HUB_OPERATOR_TOKEN): `Authorization: Bearer <token>` lets `registerAgency` take a body that
   * its signed parameters do not cover. Without it such a registration is refused.
   */
  operatorToken?: string;
  /** Bounds each system's requests in flight (shared with /v1). */
  limiter?: SystemLimiter;
  /** Each system's request rate (shared with /v1). */
  rate?: RateLimiter;
  /** HUB_STRICT=1: refuse packages that do not conform to QCVN 102:2016 (the `strict` profile) instead of `axis`. */
  strict?: boolean;
  /** Sandbox: an unknown system is told so (UNKNOWN_SYSTEM). */
  sandbox?: boolean;
  /** How slowly a body may arrive (shared with /v1). */
  bodyPace?: BodyPace;
}

type Result = Record<string, unknown>;
type Handler = (caller: AxisCaller & { operator: boolean }) => Promise<Result>;

const OK = { status: 'OK', ErrorCode: '0', ErrorDesc: 'Success' } as const;

/**
 * What the SDK reads from a FAIL answer besides the envelope, per operation (read from SDKVXP 2.0.1's bytecode): it
 * reads `DocId` of sendEdoc and `count` of the two counts unconditionally (a missing one throws inside the SDK, which
 * then hands its caller null); lists and getEdoc read `data` only on success, but an empty one costs nothing.
 */
const FAIL_FIELDS: Record<AxisOperation, Result> = {
  sendEdoc: { DocId: '' },
  getReceivedEdocList: { data: [] },
  getSentEdocList: { data: [] },
  getEdoc: { data: '' },
  updateStatus: {},
  countReceiveEdoc: { count: 0 },
  countReceiveStatus: { count: 0 },
  getAgenciesList: { data: [] },
  getAgenciesListQD20: { data: [] },
  registerAgency: {},
  deleteAgency: {},
};

function fail(e: HubError, operation?: AxisOperation): Result {
  return { status: 'FAIL', ErrorCode: e.body.code, ErrorDesc: axisErrorDesc(e.body.message), ...(operation ? FAIL_FIELDS[operation] : {}) };
}

/**
 * JSON with every non-ASCII character written `\uXXXX`: the SDK reads answers in the platform's default charset, and
 * an escaped body reads the same in every ASCII-compatible charset.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const jsonResponse = (value: unknown) =>
  new Response(asciiJson(value), { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** The body as UTF-8 text (refused when it is not UTF-8: nothing is silently replaced). */
function utf8Text(body: Uint8Array, what: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw invalid('body', `${what} không phải văn bản UTF-8 hợp lệ.`, `${what} is not valid UTF-8 text.`);
  }
  if (hasNul(text)) throw invalid('body', `${what} chứa ký tự NUL.`, `${what} contains a NUL character.`);
  return text;
}

/** A NUL, raw or as a JSON escape: PostgreSQL text cannot hold it, and no field needs it. */
export function hasNul(text: string): boolean {
  return text.includes('\u0000') || /\\u0000/i.test(text);
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function bearerIs(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const a = createHash('sha256').update(header.slice(7)).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

function invalid(field: string, vi: string, en: string): HubError {
  return new HubError('VALIDATION_FAILED', { field }, { vi, en });
}

const stateDesc = (state: string, reason: string | null): string =>
  ({
    pending: 'Chờ nhận / Pending',
    processing: 'Đang xử lý / Processing',
    done: 'Đã nhận / Received',
    fail: `Nhận lỗi${reason ? `: ${reason}` : ''} / Failed${reason ? `: ${reason}` : ''}`,
  })[state] ?? state;

const when = (d: Date | string | null): string => (d === null ? '' : formatAxisDate(new Date(d)));

/** `messagetype` when given (edoc or status). */
function messageType(caller: AxisCaller): 'edoc' | 'status' | undefined {
  const v = caller.param('messagetype');
  if (v === undefined) return undefined;
  if (v === 'edoc' || v === 'status') return v;
  throw invalid('messagetype', `messagetype phải là edoc hoặc status (nhận "${v}").`, `messagetype must be edoc or status (got "${v}").`);
}

function dateParam(caller: AxisCaller, name: 'fromDate' | 'toDate'): Date | undefined {
  const v = caller.param(name);
  if (!v) return undefined;
  const t = parseAxisDate(v);
  if (t === undefined) throw invalid(name, `${name} "${v}" không đúng định dạng dd/MM/yyyy HH:mm:ss.`, `${name} "${v}" is not dd/MM/yyyy HH:mm:ss.`);
  return new Date(t);
}

function handlers(store: HubStore, options: VxpOptions): Record<AxisOperation, Handler> {
  const profile = options.strict ? 'strict' : 'axis';
  const agencyList = async (qd20: boolean) => {
    const page = await store.agencies({ limit: 1_000_000 });
    return {
      ...OK,
      data: page.items.map((a) => ({
        id: a.code,
        code: a.code,
        name: a.name,
        mail: a.email ?? '',
        pid: a.parentCode ?? '',
        ...(qd20 ? { code102: a.code } : {}),
      })),
    };
  };
  const count = (kind: 'edoc' | 'status') => async (caller: AxisCaller) => ({
    ...OK,
    count: await store.countPending(caller.agencies, kind),
  });
  return {
    sendEdoc: async (caller) => {
      const from = caller.param('from') ?? '';
      if (!caller.agencies.includes(from)) {
        throw new HubError('SENDER_MISMATCH', { from, systemId: caller.systemId }, {
          vi: `Cơ quan gửi ${from} không thuộc hệ thống ${caller.systemId}.`,
          en: `The sending agency ${from} does not belong to system ${caller.systemId}.`,
        });
      }
      const who = { systemId: caller.systemId, agency: from };
      if (messageType(caller) === 'status') {
        const r = await store.receiveStatus(who, caller.body, profile);
        return { ...OK, DocId: r.statusDocumentId };
      }
      const r = await store.send(who, { edxml: utf8Text(caller.body, 'Gói tin / The package'), profile });
      // The checker's warnings (axis profile) go back to the sender and travel with the delivery.
      return { ...OK, DocId: r.document.id, ...(r.document.warnings.length > 0 ? { warnings: r.document.warnings } : {}) };
    },
    getReceivedEdocList: async (caller) => {
      const kind = messageType(caller) ?? 'edoc';
      const range: { from?: Date; to?: Date } = {};
      const from = dateParam(caller, 'fromDate');
      const to = dateParam(caller, 'toDate');
      if (from) range.from = from;
      if (to) range.to = to;
      const items = await store.pendingFor(caller.agencies, kind, range);
      return {
        ...OK,
        data: items.map(({ doc, delivery }) => ({
          docId: doc.id,
          serviceType: 'eDoc',
          messageType: doc.kind,
          created_time: when(doc.sent_at),
          updated_time: when(delivery.acknowledged_at ?? delivery.delivered_at),
          from: doc.sender,
          to: delivery.recipient,
          status: delivery.state,
          status_desc: stateDesc(delivery.state, delivery.ack_reason),
          title: doc.subject ?? '',
          notation: doc.notation ?? '',
          ...(doc.warnings.length > 0 ? { warnings: doc.warnings } : {}),
        })),
      };
    },
    getSentEdocList: async (caller) => {
      const q: { kind?: 'edoc' | 'status'; documentId?: string } = {};
      const kind = messageType(caller);
      const docId = caller.param('docId');
      if (kind) q.kind = kind;
      if (docId) q.documentId = docId;
      const sent = await store.sentBy(caller.agencies, q);
      if (docId && sent.length === 0) throw new HubError('NOT_FOUND', { documentId: docId });
      return {
        ...OK,
        data: sent.flatMap(({ doc, deliveries }) =>
          deliveries.map((d) => ({
            senderDocId: doc.id,
            receiverDocId: doc.id,
            fromCode: doc.sender,
            toCode: d.recipient,
            title: doc.subject ?? '',
            notation: doc.notation ?? '',
            messageType: doc.kind,
            sentTime: when(doc.sent_at),
            receivedTime: when(d.acknowledged_at),
            sendStatus: 'done',
            sendStatusDesc: 'Đã chuyển tới cơ quan nhận / Delivered to the recipient',
            receiveStatus: d.state,
            receiveStatusDesc: stateDesc(d.state, d.ack_reason),
          })),
        ),
      };
    },
    getEdoc: async (caller) => {
      const doc = await store.documentFor(caller.agencies, caller.param('docId') ?? '');
      return {
        ...OK,
        data: Buffer.from(await store.edxmlOf(doc.id)).toString('base64'),
        ...(doc.warnings.length > 0 ? { warnings: doc.warnings } : {}),
      };
    },
    updateStatus: async (caller) => {
      const status = caller.param('status');
      if (status !== 'done' && status !== 'fail' && status !== 'processing') {
        throw invalid('status', `status phải là done, fail hoặc processing (nhận "${status ?? ''}").`, `status must be done, fail or processing (got "${status ?? ''}").`);
      }
      const reason =
        caller.param('description') ?? (status === 'fail' ? 'Hệ thống nhận báo lỗi (updateStatus fail) / The receiving system reported a failure' : undefined);
      await store.acknowledgeFor(caller.systemId, caller.agencies, caller.param('docId') ?? '', status, reason);
      return { ...OK };
    },
    countReceiveEdoc: count('edoc'),
    countReceiveStatus: count('status'),
    getAgenciesList: () => agencyList(false),
    getAgenciesListQD20: () => agencyList(true),
    registerAgency: async (caller) => {
      let json: unknown;
      try {
        json = JSON.parse(utf8Text(caller.body, 'Thân yêu cầu / The request body'));
      } catch (e) {
        if (e instanceof HubError) throw e;
        throw invalid('body', 'Thân yêu cầu không phải JSON hợp lệ.', 'The request body is not valid JSON.');
      }
      const r = AxisRegisterAgencySchema.safeParse(json);
      if (!r.success) {
        const where = r.error.issues.map((i) => i.path.join('.')).join(', ');
        throw invalid('body', `Thông tin cơ quan không hợp lệ: ${where}.`, `Invalid agency data: ${where}.`);
      }
      // The signature does not cover the body: the registration is the operator's, or every field of the body is also
      // a signed parameter of the same value (the SDK's first argument is signed as headers).
      const covered = Object.entries(json as Record<string, unknown>).every(([k, v]) => caller.param(k) === String(v));
      if (!caller.operator && !covered) {
        throw new HubError('FORBIDDEN', { reason: 'body-not-signed' }, {
          vi: 'Đăng ký cơ quan cần mã thông báo của người vận hành trục (Authorization: Bearer …), hoặc mọi trường của thân yêu cầu phải được ký như tham số XroadVnpt-.',
          en: 'Registering an agency needs the hub operator token (Authorization: Bearer …), or every field of the body signed as an XroadVnpt- parameter.',
        });
      }
      // The same rules as PUT /v1/agencies/{code}.
      const code: string = r.data.code;
      if (!isAgencyCode(code)) {
        throw invalid('code', `Mã định danh "${r.data.code}" không đúng dạng 000.00.00.G22.`, `The agency code "${r.data.code}" is not in the form 000.00.00.G22.`);
      }
      if (!r.data.mail) throw invalid('mail', 'Cần hộp thư công vụ (mail) của cơ quan.', 'The agency needs an official e-mail (mail).');
      const v1 = RegisterAgencyRequestSchema.safeParse({ name: r.data.name, email: r.data.mail, ...(r.data.pcode ? { parentCode: r.data.pcode } : {}) });
      if (!v1.success) {
        const where = v1.error.issues.map((i) => ({ email: 'mail', parentCode: 'pcode' })[String(i.path[0])] ?? String(i.path[0])).join(', ');
        throw invalid(where, `Thông tin cơ quan không hợp lệ: ${where}.`, `Invalid agency data: ${where}.`);
      }
      const input: { name: string; email: string; parentCode?: string } = { name: v1.data.name, email: v1.data.email };
      if (v1.data.parentCode) input.parentCode = v1.data.parentCode;
      await store.registerAgency({ systemId: caller.systemId, agency: r.data.code }, r.data.code, input);
      return { ...OK };
    },
    deleteAgency: async (caller) => {
      await store.deleteAgency(caller.systemId, caller.param('AgencyCode') ?? '');
      return { ...OK };
    },
  };
}

/** The /vxp sub-application: every operation of `axisOperations`, each answer an envelope with HTTP 200. */
export function createVxpApp(store: HubStore, options: VxpOptions): Hono {
  const app = new Hono();
  const byOperation = handlers(store, options);
  // Browsers may call the axis API where it allows CORS (the SDK headers are custom: preflight).
  app.use('*', cors({ origin: '*', allowMethods: ['GET', 'POST'], maxAge: 600 }));
  app.on(['GET', 'POST'], '/:operation', async (c) => {
    const name = c.req.param('operation');
    const operation = Object.hasOwn(axisOperations, name) ? (name as AxisOperation) : undefined;
    try {
      if (!operation) {
        throw new HubError('NOT_FOUND', { operation: name }, {
          vi: `Không có thao tác ${name} trên trục.`,
          en: `There is no operation ${name} on the hub.`,
        });
      }
      const def = { ...axisOperations[operation], name: operation };
      const authOptions: AxisAuthOptions = { maxAgeMs: options.maxAgeMs };
      if (options.now) authOptions.now = options.now;
      if (options.sandbox) authOptions.sandbox = true;
      // Headers first; only an authenticated request has its body read (bounded while it streams).
      const auth = await verifyAxisHeaders(store, authOptions, { headers: c.req.raw.headers, operation: def });
      const wait = options.rate?.take(auth.systemId);
      if (wait) throw RateLimiter.refusal(auth.systemId, wait);
      const limited = <T>(fn: () => Promise<T>) => (options.limiter ? options.limiter.run(auth.systemId, fn) : fn());
      return await limited(async () => {
        const body = axisRequestBody(auth, await readBody(c.req.raw, store.options.maxPackageBytes, options.bodyPace), def);
        // A header set is bound to the first operation and body it was used for (the signature covers neither).
        const now = options.now?.() ?? Date.now();
        const fresh = await store.useAxisHeaderSet(
          { systemId: auth.systemId, timestamp: auth.timestamp, hashHeader: auth.hashHeader, operation, bodySha256: sha256(body) },
          now,
        );
        if (!fresh) {
          throw new HubError('REPLAYED_REQUEST', { operation }, {
            vi: 'Bộ tiêu đề ký này đã được dùng cho thao tác hoặc nội dung khác: mỗi yêu cầu cần chữ ký riêng (tạo đối tượng dịch vụ SDK mới cho mỗi lần gọi).',
            en: 'This signed header set was already used for another operation or body: every request needs its own signature (a new SDK service object per call).',
          });
        }
        const operator = bearerIs(c.req.header('authorization'), options.operatorToken);
        return jsonResponse(await byOperation[operation]({ systemId: auth.systemId, agencies: auth.agencies, param: auth.param, body, operator }));
      });
    } catch (e) {
      if (e instanceof HubError) {
        noteRefusal(c.req.raw, e);
        const res = jsonResponse(fail(e, operation));
        if (e.body.code === 'RATE_LIMITED') res.headers.set('retry-after', retryAfterOf(e));
        return res;
      }
      console.error(e);
      return jsonResponse(fail(new HubError('INTERNAL'), operation));
    }
  });
  app.all('*', () =>
    jsonResponse(fail(new HubError('NOT_FOUND', undefined, { vi: 'Không có thao tác này trên trục.', en: 'No such operation on the hub.' }))),
  );
  return app;
}
