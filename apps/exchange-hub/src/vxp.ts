// The axis-compatible API at /vxp/<operation>: what the national exchange axis SDK (SDKVXP) sends, answered with its
// JSON envelopes (always HTTP 200), over the same HubStore as the native /v1 API.
import {
  type AxisOperation,
  axisErrorDesc,
  axisOperations,
  AxisRegisterAgencySchema,
  formatAxisDate,
  parseAxisDate,
} from '@egov-vn/exchange-api';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HubError } from './hub-error.js';
import { readBody } from './request-body.js';
import type { HubStore } from './store.js';
import { type AxisCaller, verifyAxisRequest } from './vxp-auth.js';

export interface VxpOptions {
  /** Largest accepted age of `XroadVnpt-timestamp` (ms). */
  maxAgeMs: number;
  now?: () => number;
}

type Result = Record<string, unknown>;
type Handler = (caller: AxisCaller) => Promise<Result>;

const OK = { status: 'OK', ErrorCode: '0', ErrorDesc: 'Success' } as const;

function fail(e: HubError): Result {
  return { status: 'FAIL', ErrorCode: e.body.code, ErrorDesc: axisErrorDesc(e.body.message) };
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

function handlers(store: HubStore): Record<AxisOperation, Handler> {
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
        const r = await store.receiveStatus(who, caller.body);
        return { ...OK, DocId: r.statusDocumentId };
      }
      const r = await store.send(who, { edxml: new TextDecoder().decode(caller.body) });
      return { ...OK, DocId: r.document.id };
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
      return { ...OK, data: Buffer.from(doc.edxml).toString('base64') };
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
        json = JSON.parse(new TextDecoder().decode(caller.body));
      } catch {
        throw invalid('body', 'Thân yêu cầu không phải JSON hợp lệ.', 'The request body is not valid JSON.');
      }
      const r = AxisRegisterAgencySchema.safeParse(json);
      if (!r.success) {
        const where = r.error.issues.map((i) => i.path.join('.')).join(', ');
        throw invalid('body', `Thông tin cơ quan không hợp lệ: ${where}.`, `Invalid agency data: ${where}.`);
      }
      if (!r.data.mail) throw invalid('mail', 'Cần hộp thư công vụ (mail) của cơ quan.', 'The agency needs an official e-mail (mail).');
      const input: { name: string; email: string; parentCode?: string } = { name: r.data.name, email: r.data.mail };
      if (r.data.pcode) input.parentCode = r.data.pcode;
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
  const byOperation = handlers(store);
  // Browsers may call the axis API where it allows CORS (the SDK headers are custom: preflight).
  app.use('*', cors({ origin: '*', allowMethods: ['GET', 'POST'], maxAge: 600 }));
  app.on(['GET', 'POST'], '/:operation', async (c) => {
    const name = c.req.param('operation');
    try {
      if (!Object.hasOwn(axisOperations, name)) {
        throw new HubError('NOT_FOUND', { operation: name }, {
          vi: `Không có thao tác ${name} trên trục.`,
          en: `There is no operation ${name} on the hub.`,
        });
      }
      const operation = name as AxisOperation;
      const body = await readBody(c.req, store.options.maxPackageBytes);
      const authOptions: { maxAgeMs: number; now?: () => number } = { maxAgeMs: options.maxAgeMs };
      if (options.now) authOptions.now = options.now;
      const caller = await verifyAxisRequest(store, authOptions, {
        headers: c.req.raw.headers,
        body,
        operation: axisOperations[operation],
      });
      return c.json(await byOperation[operation](caller));
    } catch (e) {
      if (e instanceof HubError) return c.json(fail(e));
      console.error(e);
      return c.json(fail(new HubError('INTERNAL')));
    }
  });
  app.all('*', (c) =>
    c.json(fail(new HubError('NOT_FOUND', undefined, { vi: 'Không có thao tác này trên trục.', en: 'No such operation on the hub.' }))),
  );
  return app;
}
