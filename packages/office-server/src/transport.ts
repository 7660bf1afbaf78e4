// How the office server reaches the exchange for one agency: the hub's native /v1 API (ExchangeClient) or the national
// axis protocol (createAxisClient, e.g. the sandbox hub's /vxp). The service and the background use only this
// interface; where the axis has no call (trace, attachment download) the server works from the packages it stored.
import { buildEdxml, type EdxmlDocumentPackage, parseEdxml } from '@egov-vn/edxml';
import type { InboxItem } from '@egov-vn/exchange-api';
import { type AxisClient, createAxisClient, ExchangeClient } from '@egov-vn/exchange-client';
import { formatEdxmlTimestamp, parseEdxmlTimestamp } from '@egov-vn/schemas';
import type { ServedAgency } from './config.js';
import { searchText } from './util.js';

/** A delivered document, with its package when the transport already read it. */
interface Received {
  item: InboxItem;
  edxml?: Uint8Array;
}

/** A business status a recipient answered to one of this agency's documents (axis: a status package). */
export interface ReceivedStatus {
  /** The recipient agency that answered. */
  from: string;
  /** The edXML DocumentId of the document it answers (`ResponseFor/DocumentId`). */
  documentId: string;
  code: string;
  description: string | null;
  staff: string | null;
  at: string;
}

interface SentResult {
  documentId: string;
  sentAt: string;
  duplicate: boolean;
  recipients: Array<{ agency: string; state: string }>;
}

interface TraceResult {
  recipients: Array<{ agency: string; name?: string | null; state: string; acknowledgedAt: string | null; statuses: Array<{ code: string; description: string | null; staff: string | null; at: string }> }>;
}

interface StatusBody {
  code: string;
  description?: string;
  staff?: string;
}

export interface ExchangeTransport {
  readonly protocol: 'native' | 'axis';
  sendDocument(request: { edxml: string; messageId: string }): Promise<SentResult>;
  /** What is pending now (one page), for one-shot rounds; each item must be acknowledged after it is stored. */
  pending(limit: number): Promise<Received[]>;
  acknowledge(documentId: string): Promise<void>;
  /** Pending documents as they arrive; each is acknowledged after the consumer's loop body stored it. */
  watch(options: { signal: AbortSignal; pollIntervalMs: number }): AsyncIterable<Received>;
  downloadEdxml(documentId: string): Promise<Uint8Array>;
  /** Native only: the axis has no attachment call (the server reads the stored package instead). */
  downloadAttachment?(documentId: string, index: number): Promise<Uint8Array>;
  /** A business status (01 …) about a received document. */
  updateStatus(documentId: string, body: StatusBody): Promise<void>;
  /** Native only: the axis has no trace call (statuses arrive as status packages, see `collectStatuses`). */
  getTrace?(documentId: string): Promise<TraceResult>;
  /** Axis only: the status packages answered to this agency's documents, taken off the pending list once handled. */
  collectStatuses?(handle: (status: ReceivedStatus) => Promise<void>): Promise<number>;
  getAgency(code: string): Promise<{ name: string }>;
  listAgencies(query: { q?: string; cursor?: string; limit: number }): Promise<{ items: Array<{ code: string; name: string; parentCode: string | null; email: string | null }>; nextCursor: string | null }>;
}

interface TransportDeps {
  retries: number;
  fetch?: typeof fetch | undefined;
  /** The stored package of a received document (axis: to answer it with a status package). */
  packageOf(documentId: string): Promise<Uint8Array | undefined>;
}

/** The native transport: the hub's /v1 API through ExchangeClient. */
function nativeTransport(a: ServedAgency, deps: TransportDeps): ExchangeTransport {
  const c = new ExchangeClient({
    baseUrl: a.exchange.baseUrl,
    systemId: a.exchange.systemId,
    secret: a.exchange.secret,
    agency: a.code,
    retries: deps.retries,
    timeout: 20_000,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  return {
    protocol: 'native',
    sendDocument: (r) => c.sendDocument(r),
    pending: async (limit) => (await c.listInbox({ state: 'pending', limit })).items.map((item) => ({ item })),
    acknowledge: async (id) => {
      await c.acknowledge(id, { result: 'done' });
    },
    async *watch(o) {
      for await (const item of c.watchInbox(o)) yield { item };
    },
    downloadEdxml: (id) => c.downloadEdxml(id),
    downloadAttachment: (id, index) => c.downloadAttachment(id, index),
    updateStatus: async (id, body) => {
      await c.updateStatus(id, body as { code: '01' });
    },
    getTrace: (id) => c.getTrace(id),
    getAgency: (code) => c.getAgency(code),
    listAgencies: (q) => c.listAgencies(q),
  };
}

const isoNow = () => new Date().toISOString();

/** The summary of a received package the service stores (what /v1 answers in an inbox item). */
function itemOf(docId: string, from: string | undefined, pkg: EdxmlDocumentPackage, size: number): InboxItem {
  const h = pkg.header;
  const code = h.code;
  const notation = code?.codeNumber || code?.codeNotation ? [code.codeNumber, code.codeNotation].filter(Boolean).join('/') : null;
  return {
    documentId: docId,
    messageId: docId,
    edxmlDocumentId: h.documentId ?? null,
    from: from || h.from?.organId || '',
    fromName: h.from?.organName ?? null,
    to: h.to.map((t) => t.organId ?? '').filter(Boolean),
    subject: h.subject ?? null,
    notation,
    promulgationDate: h.promulgationInfo?.promulgationDate ?? null,
    priority: h.otherInfo?.priority ?? null,
    paper: pkg.traceHeaderList?.bussiness?.paper === 1,
    signed: pkg.signature !== undefined,
    size,
    sentAt: isoNow(),
    attachments: pkg.attachments.map((x, index) => ({
      index,
      name: x.attachmentName ?? x.description ?? `attachment-${index + 1}`,
      contentType: x.contentType ?? 'application/octet-stream',
      size: x.size ?? 0,
    })),
    state: 'pending',
    deliveredAt: isoNow(),
    acknowledgedAt: null,
    status: null,
  };
}

/** Read through a call: TypeScript would keep `signal.aborted` narrowed to false inside the loop. */
const isAborted = (signal: AbortSignal): boolean => signal.aborted;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}

/**
 * The axis transport: `sendEdoc` to the package's To organisations, `getReceivedEdocList` + `getEdoc` +
 * `updateStatus('done')` to receive, `sendStatus` with an edXML status package for business statuses, status packages
 * collected for the trace, `getAgenciesList` for the directory. The axis list is per system: an agency takes only
 * what is addressed to it.
 */
function axisTransport(a: ServedAgency, deps: TransportDeps): ExchangeTransport {
  const axis: AxisClient = createAxisClient({
    endpoint: a.exchange.baseUrl,
    systemId: a.exchange.systemId,
    secret: a.exchange.secret,
    timeout: 20_000,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const mine = (to: string | null | undefined) => !to || to === a.code;
  const pending = async (limit: number, signal?: AbortSignal): Promise<Received[]> => {
    const list = (await axis.getReceivedEdocList({ messagetype: 'edoc', ...(signal ? { signal } : {}) })).filter((i) => mine(i.to)).slice(0, limit);
    const out: Received[] = [];
    for (const i of list) {
      const bytes = await axis.getEdoc(i.docId);
      const parsed = await parseEdxml(bytes);
      if (!parsed.ok || parsed.value.kind !== 'document') {
        // Not a document this server can store: tell the axis and keep going.
        await axis.updateStatus(i.docId, 'fail', { description: 'Gói tin không đọc được / Unreadable package' });
        continue;
      }
      out.push({ item: itemOf(i.docId, i.from ?? undefined, parsed.value, bytes.length), edxml: bytes });
    }
    return out;
  };
  const directory = async () => (await axis.getAgenciesList()).map((x) => ({ code: x.code, name: x.name ?? x.code, parentCode: x.pid || null, email: x.mail || null }));
  return {
    protocol: 'axis',
    async sendDocument(r) {
      const parsed = await parseEdxml(r.edxml);
      const to = parsed.ok && parsed.value.kind === 'document' ? parsed.value.header.to.map((t) => t.organId ?? '').filter(Boolean) : [];
      const { docId } = await axis.sendEdoc(r.edxml, { from: a.code });
      // The axis answers only its DocId (no idempotency key: the sandbox hub deduplicates on the package's hash).
      return { documentId: docId, sentAt: isoNow(), duplicate: false, recipients: to.map((agency) => ({ agency, state: 'pending' })) };
    },
    pending: (limit) => pending(limit),
    acknowledge: (id) => axis.updateStatus(id, 'done'),
    async *watch(o) {
      while (!o.signal.aborted) {
        let items: Received[];
        try {
          items = await pending(50, o.signal);
        } catch (e) {
          if (isAborted(o.signal)) return;
          throw e;
        }
        for (const r of items) {
          yield r;
          await axis.updateStatus(r.item.documentId, 'done');
        }
        if (items.length === 0) await sleep(o.pollIntervalMs, o.signal);
      }
    },
    downloadEdxml: (id) => axis.getEdoc(id),
    async updateStatus(id, body) {
      const received = (await deps.packageOf(id)) ?? (await axis.getEdoc(id));
      const parsed = await parseEdxml(received);
      if (!parsed.ok || parsed.value.kind !== 'document') throw new TypeError(`the package of ${id} is not a readable document`);
      const h = parsed.value.header;
      const status = buildEdxml({
        kind: 'status',
        header: {
          from: { organId: a.code, organName: a.name },
          responseFor: {
            ...(h.from?.organId ? { organId: h.from.organId } : {}),
            code: `${h.code?.codeNumber ?? ''}/${h.code?.codeNotation ?? ''}`,
            ...(h.promulgationInfo?.promulgationDate ? { promulgationDate: h.promulgationInfo.promulgationDate } : {}),
            ...(h.documentId ? { documentId: h.documentId } : {}),
          },
          ...(body.staff ? { staffInfo: { staff: body.staff } } : {}),
          statusCode: body.code,
          ...(body.description ? { description: body.description } : {}),
          timestamp: formatEdxmlTimestamp(new Date()),
        },
      });
      await axis.sendStatus(status, { from: a.code });
    },
    async collectStatuses(handle) {
      const list = (await axis.getReceivedEdocList({ messagetype: 'status' })).filter((i) => mine(i.to));
      let n = 0;
      for (const i of list) {
        const parsed = await parseEdxml(await axis.getEdoc(i.docId));
        if (parsed.ok && parsed.value.kind === 'status') {
          const h = parsed.value.header;
          const at = h.timestamp ? parseEdxmlTimestamp(h.timestamp) : undefined;
          await handle({
            from: h.from?.organId ?? i.from ?? '',
            documentId: h.responseFor?.documentId ?? '',
            code: h.statusCode ?? '',
            description: h.description ?? null,
            staff: h.staffInfo?.staff ?? null,
            at: at?.ok ? at.value.toISOString() : isoNow(),
          });
          n++;
        }
        await axis.updateStatus(i.docId, parsed.ok ? 'done' : 'fail');
      }
      return n;
    },
    async getAgency(code) {
      const found = (await directory()).find((x) => x.code === code);
      if (!found) throw new TypeError(`agency ${code} is not in the axis directory`);
      return found;
    },
    async listAgencies(q) {
      // The axis answers its whole list: filtered and paged here (the cursor is the offset).
      const needle = q.q ? searchText(q.q) : '';
      const all = (await directory()).filter((x) => !needle || searchText(x.code, x.name).includes(needle));
      const start = q.cursor && /^\d+$/.test(q.cursor) ? Number(q.cursor) : 0;
      const items = all.slice(start, start + q.limit);
      return { items, nextCursor: start + q.limit < all.length ? String(start + q.limit) : null };
    },
  };
}

/** The transport of an agency, by its exchange configuration (`protocol`, default native). */
export function createTransport(a: ServedAgency, deps: TransportDeps): ExchangeTransport {
  return a.exchange.protocol === 'axis' ? axisTransport(a, deps) : nativeTransport(a, deps);
}
