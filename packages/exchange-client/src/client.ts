import type { Lang } from '@egov-vn/schemas';
import {
  type AcknowledgeRequest,
  type Agency,
  AgencyPageSchema,
  AgencySchema,
  DocumentViewSchema,
  ErrorBodySchema,
  IDEMPOTENCY_HEADER,
  InboxItemSchema,
  type InboxItem,
  InboxPageSchema,
  type ListAgenciesQuery,
  type ListInboxQuery,
  type ListSentQuery,
  type RegisterAgencyRequest,
  routePath,
  routes,
  type SendDocumentRequest,
  SendDocumentResponseSchema,
  SentPageSchema,
  signRequest,
  type StatsQuery,
  StatsSchema,
  TraceSchema,
  type UpdateStatusRequest,
  UpdateStatusResponseSchema,
  HealthSchema,
} from '@egov-vn/exchange-api';
import ky, { HTTPError, type KyInstance, type KyRequest, type Progress } from 'ky';
import type { z } from 'zod';
import { ExchangeError } from './errors.js';

export interface ExchangeClientOptions {
  /** Base URL of the hub, e.g. `http://127.0.0.1:8787`. */
  baseUrl: string;
  systemId: string;
  secret: string;
  /** The agency this client acts for (required when the system serves several). */
  agency?: string;
  /** Per-attempt timeout in ms (default 30 000). */
  timeout?: number;
  /** Retries on network errors, 408, 429 and 5xx (default 3). Retry-After is honoured on 429 and 503. */
  retries?: number;
  /** Upper bound of one backoff delay in ms (default 10 000). */
  backoffLimit?: number;
  /** Language of `ExchangeError.message` (default Vietnamese). */
  lang?: Lang;
  /** Custom fetch (tests, proxies). */
  fetch?: typeof fetch;
  /**
   * How `sendDocument` sends the package (default `'json'`): `'xml'` sends the edXML package itself as the body
   * (`Content-Type: application/xml`, the message id in `Idempotency-Key`), which the hub streams into its checker
   * without a JSON string around it. Per call: `sendDocument(req, { format })`.
   */
  sendFormat?: 'json' | 'xml';
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface SendOptions extends CallOptions {
  /** Idempotency key; one is generated per call when neither this nor `messageId` is given. */
  idempotencyKey?: string;
  onUploadProgress?: (progress: Progress) => void;
  /** `'xml'`: the package itself as the body (see `ExchangeClientOptions.sendFormat`); `paper` cannot go with it. */
  format?: 'json' | 'xml';
}

export interface DownloadOptions extends CallOptions {
  onDownloadProgress?: (progress: Progress) => void;
}

export interface WatchOptions extends CallOptions {
  /** Only items delivered at or after this instant. */
  since?: Date | string;
  /** Pause between polls when the inbox is empty (ms, default 2000). */
  pollIntervalMs?: number;
  /**
   * Long polling: each empty poll asks the hub to hold the answer up to this many seconds until something is
   * delivered (`wait`, default 20, at most 30; 0 turns it off). A hub without long polling answers at once and the
   * watch falls back to `pollIntervalMs`. Keep the client's `timeout` above it.
   */
  waitSeconds?: number;
}

type Query = Record<string, string | number | undefined>;
type Method = 'GET' | 'POST' | 'PUT';
interface RawInit {
  query?: Query;
  body?: unknown;
  /** An XML body sent as it is (instead of `body` as JSON). */
  xml?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  onUploadProgress?: (p: Progress) => void;
  onDownloadProgress?: (p: Progress) => void;
}

function searchOf(query: Query | undefined): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => new ExchangeError({ code: 'ABORTED', status: 0 });
    if (signal?.aborted) return reject(aborted());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A typed, signing, retrying client of the egov-vn exchange API (browsers and Node). */
export class ExchangeClient {
  readonly #ky: KyInstance;
  readonly #o: ExchangeClientOptions;

  constructor(options: ExchangeClientOptions) {
    this.#o = options;
    const sign = async (request: KyRequest, body: string | undefined) => {
      const url = new URL(request.url);
      const signRequestInput: { method: string; pathWithQuery: string; systemId: string; agency?: string; body?: string } = {
        method: request.method,
        pathWithQuery: url.pathname + url.search,
        systemId: options.systemId,
      };
      if (options.agency) signRequestInput.agency = options.agency;
      if (body !== undefined) signRequestInput.body = body;
      const headers = await signRequest(options.secret, signRequestInput);
      for (const [k, v] of Object.entries(headers)) request.headers.set(k, v);
    };
    this.#ky = ky.create({
      baseUrl: options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
      timeout: options.timeout ?? 30_000,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      retry: {
        limit: options.retries ?? 3,
        // Every operation is safe to repeat: sends carry an idempotency key, statuses and acknowledgements are idempotent.
        methods: ['get', 'post', 'put'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        afterStatusCodes: [429, 503],
        backoffLimit: options.backoffLimit ?? 10_000,
        delay: (attempt) => 250 * 2 ** (attempt - 1),
        jitter: true,
      },
      hooks: {
        // A fresh timestamp and nonce for the first attempt and for every retry (the hub refuses a replayed nonce).
        beforeRequest: [({ request, options: o }) => sign(request, (o.context as { body?: string }).body)],
        beforeRetry: [({ request, options: o }) => sign(request, (o.context as { body?: string }).body)],
      },
    });
  }

  #error(e: unknown): ExchangeError {
    const lang = this.#o.lang ?? 'vi';
    if (e instanceof ExchangeError) return e;
    if (e instanceof HTTPError) {
      const parsed = ErrorBodySchema.safeParse(e.data);
      if (parsed.success) {
        const init: ConstructorParameters<typeof ExchangeError>[0] = {
          code: parsed.data.code,
          status: e.response.status,
          messages: parsed.data.message,
        };
        if (parsed.data.details) init.details = parsed.data.details;
        return new ExchangeError(init, { lang, cause: e });
      }
      return new ExchangeError({ code: 'BAD_RESPONSE', status: e.response.status }, { lang, cause: e });
    }
    const name = (e as { name?: string } | undefined)?.name;
    if (name === 'TimeoutError') return new ExchangeError({ code: 'TIMEOUT', status: 0 }, { lang, cause: e });
    if (name === 'AbortError') return new ExchangeError({ code: 'ABORTED', status: 0 }, { lang, cause: e });
    return new ExchangeError({ code: 'NETWORK', status: 0 }, { lang, cause: e });
  }

  async #raw(method: Method, path: string, init: RawInit = {}): Promise<Response> {
    const body = init.xml ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const contentType = init.xml !== undefined ? 'application/xml; charset=utf-8' : 'application/json';
    try {
      return await this.#ky(path.slice(1) + searchOf(init.query), {
        method,
        context: { body },
        headers: { ...(body !== undefined ? { 'content-type': contentType } : {}), ...init.headers },
        ...(body !== undefined ? { body } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
        ...(init.onUploadProgress ? { onUploadProgress: init.onUploadProgress } : {}),
        ...(init.onDownloadProgress ? { onDownloadProgress: init.onDownloadProgress } : {}),
      });
    } catch (e) {
      throw this.#error(e);
    }
  }

  async #json<S extends z.ZodType>(schema: S, method: Method, path: string, init: RawInit = {}): Promise<z.output<S>> {
    const res = await this.#raw(method, path, init);
    let data: unknown;
    try {
      data = await res.json();
    } catch (e) {
      throw this.#error(e);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new ExchangeError(
        { code: 'BAD_RESPONSE', status: res.status, details: { issues: [], zod: parsed.error.issues } },
        { lang: this.#o.lang ?? 'vi' },
      );
    }
    return parsed.data;
  }

  async #bytes(res: Response): Promise<Uint8Array> {
    try {
      return new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      throw this.#error(e);
    }
  }

  health(options: CallOptions = {}) {
    return this.#json(HealthSchema, 'GET', routes.health.path, options);
  }

  /**
   * Sends an edXML document package. Retries never deliver twice: the call carries one idempotency key. With
   * `format: 'xml'` (or `sendFormat: 'xml'`) the package itself is the body; the key (or `messageId`) is its message id.
   */
  async sendDocument(request: SendDocumentRequest, options: SendOptions = {}) {
    const key = request.messageId ?? options.idempotencyKey ?? crypto.randomUUID();
    const xml = (options.format ?? this.#o.sendFormat ?? 'json') === 'xml';
    if (xml && request.paper !== undefined) {
      throw new ExchangeError(
        {
          code: 'VALIDATION_FAILED',
          status: 0,
          messages: {
            vi: 'Gửi dạng XML: ghi bản giấy trong gói tin (TraceHeaderList/Bussiness/Paper), không dùng tham số paper.',
            en: 'XML form: say paper in the package (TraceHeaderList/Bussiness/Paper), not with the paper option.',
          },
        },
        { lang: this.#o.lang ?? 'vi' },
      );
    }
    const init: RawInit = xml ? { xml: request.edxml, headers: { [IDEMPOTENCY_HEADER]: key } } : { body: request, headers: { [IDEMPOTENCY_HEADER]: key } };
    if (options.signal) init.signal = options.signal;
    if (options.onUploadProgress) init.onUploadProgress = options.onUploadProgress;
    return this.#json(SendDocumentResponseSchema, 'POST', routes.sendDocument.path, init);
  }

  listInbox(query: ListInboxQuery = {}, options: CallOptions = {}) {
    return this.#json(InboxPageSchema, 'GET', routes.listInbox.path, { ...options, query: query as Query });
  }

  listSent(query: ListSentQuery = {}, options: CallOptions = {}) {
    return this.#json(SentPageSchema, 'GET', routes.listSent.path, { ...options, query: query as Query });
  }

  getDocument(id: string, options: CallOptions = {}) {
    return this.#json(DocumentViewSchema, 'GET', routePath(routes.getDocument.path, { id }), options);
  }

  async downloadEdxml(id: string, options: DownloadOptions = {}): Promise<Uint8Array> {
    return this.#bytes(await this.#raw('GET', routePath(routes.downloadEdxml.path, { id }), options));
  }

  async downloadAttachment(id: string, index: number, options: DownloadOptions = {}): Promise<Uint8Array> {
    return this.#bytes(await this.#raw('GET', routePath(routes.downloadAttachment.path, { id, index }), options));
  }

  /** The attachment as a stream (nothing buffered), with its media type and size when known. */
  async streamAttachment(
    id: string,
    index: number,
    options: DownloadOptions = {},
  ): Promise<{ stream: ReadableStream<Uint8Array>; contentType: string; size: number | undefined }> {
    const res = await this.#raw('GET', routePath(routes.downloadAttachment.path, { id, index }), options);
    const length = res.headers.get('content-length');
    return {
      stream: res.body ?? new ReadableStream({ start: (c) => c.close() }),
      contentType: res.headers.get('content-type') ?? 'application/octet-stream',
      size: length === null ? undefined : Number(length),
    };
  }

  acknowledge(id: string, request: AcknowledgeRequest, options: CallOptions = {}) {
    return this.#json(InboxItemSchema, 'POST', routePath(routes.acknowledge.path, { id }), { ...options, body: request });
  }

  updateStatus(id: string, request: UpdateStatusRequest, options: CallOptions = {}) {
    return this.#json(UpdateStatusResponseSchema, 'POST', routePath(routes.updateStatus.path, { id }), {
      ...options,
      body: request,
    });
  }

  getTrace(id: string, options: CallOptions = {}) {
    return this.#json(TraceSchema, 'GET', routePath(routes.getTrace.path, { id }), options);
  }

  /** The RFC 5322 `.eml` of an e-copy (text part and the package's PDF). */
  async emailCopy(id: string, request: { to?: string[] } = {}, options: CallOptions = {}): Promise<Uint8Array> {
    return this.#bytes(
      await this.#raw('POST', routePath(routes.emailCopy.path, { id }), { ...options, body: request }),
    );
  }

  listAgencies(query: ListAgenciesQuery = {}, options: CallOptions = {}) {
    return this.#json(AgencyPageSchema, 'GET', routes.listAgencies.path, { ...options, query: query as Query });
  }

  getAgency(code: string, options: CallOptions = {}): Promise<Agency> {
    return this.#json(AgencySchema, 'GET', routePath(routes.getAgency.path, { code }), options);
  }

  registerAgency(code: string, request: RegisterAgencyRequest, options: CallOptions = {}): Promise<Agency> {
    return this.#json(AgencySchema, 'PUT', routePath(routes.registerAgency.path, { code }), { ...options, body: request });
  }

  getStats(query: StatsQuery, options: CallOptions = {}) {
    return this.#json(StatsSchema, 'GET', routes.getStats.path, { ...options, query });
  }

  /**
   * Yields each pending inbox item, and acknowledges it (`done`) only when the consumer asks for the next one, i.e.
   * after it handled the item. If the consumer throws or breaks, the current item stays pending and comes back.
   */
  async *watchInbox(options: WatchOptions = {}): AsyncGenerator<InboxItem, void, undefined> {
    const since = options.since === undefined ? undefined : new Date(options.since).toISOString();
    const signal = options.signal;
    const call: CallOptions = signal ? { signal } : {};
    const wait = Math.min(30, Math.max(0, Math.floor(options.waitSeconds ?? 20)));
    while (!signal?.aborted) {
      let page;
      const started = Date.now();
      try {
        page = await this.listInbox({ state: 'pending', ...(since ? { since } : {}), limit: 50, ...(wait > 0 ? { wait } : {}) }, call);
      } catch (e) {
        if (signal?.aborted) return;
        throw e;
      }
      for (const item of page.items) {
        yield item;
        // Handled: acknowledge even if the consumer aborted the watch while handling it.
        await this.acknowledge(item.documentId, { result: 'done' });
      }
      if (page.items.length === 0) {
        try {
          // After a long poll that waited, ask again at once; after an immediate empty answer, pause.
          await sleep(Math.max(0, (options.pollIntervalMs ?? 2000) - (Date.now() - started)), signal);
        } catch {
          return;
        }
      }
    }
  }
}
