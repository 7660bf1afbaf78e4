// An in-memory implementation of the exchange contract, for front-end development and the client's own tests
// (served through msw by `./mock`). It follows the same rules as the hub: signatures, replay, tenant isolation,
// one delivery per recipient, idempotent sends, statuses and acknowledgements.
import { checkEdxml, parseEdxml } from '@egov-vn/edxml';
import {
  type Agency,
  canRecordStatus,
  type AttachmentInfo,
  type DocumentSummary,
  type ErrorBody,
  errorBody,
  type ErrorCode,
  errorStatus,
  EXCHANGE_API_VERSION,
  IDEMPOTENCY_HEADER,
  type InboxItem,
  type OperationId,
  type RouteDef,
  routes,
  SIGNATURE_HEADERS,
  sha256Hex,
  signatureOf,
  type StatusCode,
  type StatusEntry,
  statusLabel,
  timingSafeEqualHex,
} from '@egov-vn/exchange-api';
import { civilDateOf, formatIsoDate, isSecretClassification, safeToCivilDate, vietnamDayRange } from '@egov-vn/schemas';

export interface MemorySeed {
  systems: Array<{ systemId: string; secret: string; agencies: Array<{ code: string; name: string; email?: string }> }>;
}

class Fail extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorBody['details'],
    readonly text?: { vi: string; en: string },
  ) {
    super(code);
  }
}

interface Doc extends DocumentSummary {
  seq: number;
  bytes: Uint8Array;
  hash: string;
}
interface Delivery {
  seq: number;
  documentId: string;
  recipient: string;
  state: InboxItem['state'];
  deliveredAt: string;
  acknowledgedAt: string | null;
  statuses: StatusEntry[];
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function compile(route: RouteDef): RegExp {
  return new RegExp(`^${route.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
}

let idCounter = 0;
function newId(): string {
  idCounter++;
  return Math.floor(Date.now() / 1000).toString(16).padStart(8, '0') + idCounter.toString(16).padStart(16, '0');
}

/** The exchange contract in memory. `handle(request)` answers like the hub. */
export class MemoryExchange {
  readonly systems = new Map<string, { secret: string }>();
  readonly agencies = new Map<string, Agency>();
  readonly documents = new Map<string, Doc>();
  readonly deliveries: Delivery[] = [];
  #seq = 0;
  #nonces = new Set<string>();
  readonly #matchers = (Object.entries(routes) as Array<[OperationId, RouteDef]>).map(
    ([op, r]) => [op, r, compile(r)] as const,
  );

  constructor(
    seed: MemorySeed,
    readonly options: { maxPackageBytes?: number; maxSkewMs?: number } = {},
  ) {
    const now = new Date().toISOString();
    for (const s of seed.systems) {
      this.systems.set(s.systemId, { secret: s.secret });
      for (const a of s.agencies) {
        this.agencies.set(a.code, {
          code: a.code,
          name: a.name,
          email: a.email ?? null,
          endpoint: null,
          parentCode: null,
          systemId: s.systemId,
          updatedAt: now,
        });
      }
    }
  }

  async handle(request: Request): Promise<Response> {
    try {
      return await this.#dispatch(request);
    } catch (e) {
      if (e instanceof Fail) return json(errorStatus(e.code), errorBody(e.code, e.details, e.text));
      return json(500, errorBody('INTERNAL'));
    }
  }

  async #dispatch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = this.#matchers.find(([, r, re]) => r.method === request.method && re.test(url.pathname));
    if (!match) throw new Fail('NOT_FOUND');
    const [op, route, re] = match;
    if (op === 'health') return json(200, { ok: true, version: EXCHANGE_API_VERSION });
    const body = new Uint8Array(await request.arrayBuffer());
    const max = this.options.maxPackageBytes ?? 20 * 1024 * 1024;
    if (body.length > max * 1.2 + 65536) throw new Fail('PAYLOAD_TOO_LARGE', { limit: max });
    const agency = await this.#auth(request, url, body);
    const params = parse(route.params, { ...re.exec(url.pathname)?.groups });
    const query = parse(route.query, Object.fromEntries(url.searchParams));
    let input: Record<string, unknown> = {};
    // A send may carry the package itself (application/xml or text/xml), as on the hub.
    const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const xmlSend = op === 'sendDocument' && (mediaType === 'application/xml' || mediaType === 'text/xml');
    if (route.body) {
      let raw: unknown;
      try {
        raw = xmlSend ? { edxml: new TextDecoder('utf-8', { fatal: true }).decode(body) } : JSON.parse(new TextDecoder().decode(body));
      } catch {
        throw new Fail('VALIDATION_FAILED', { body: xmlSend ? 'UTF-8' : 'JSON' });
      }
      input = parse(route.body, raw);
    }
    const id = params.id as string;
    switch (op) {
      case 'sendDocument':
        return json(201, await this.#send(agency, input, request.headers.get(IDEMPOTENCY_HEADER), max));
      case 'listInbox':
        return json(200, this.#inbox(agency, query));
      case 'listSent': {
        const after = cursorOf(query.cursor);
        const all = [...this.documents.values()]
          .filter((d) => d.from === agency && d.seq > after)
          .filter((d) => (!query.since || d.sentAt >= iso(query.since)) && (!query.until || d.sentAt < iso(query.until)));
        return json(200, page(all, query.limit as number, (d) => d.seq, strip));
      }
      case 'getDocument': {
        const { doc, delivery } = this.#access(agency, id);
        return json(200, {
          document: strip(doc),
          role: doc.from === agency ? 'sender' : 'recipient',
          delivery: delivery
            ? {
                state: delivery.state,
                deliveredAt: delivery.deliveredAt,
                acknowledgedAt: delivery.acknowledgedAt,
                status: delivery.statuses.at(-1) ?? null,
              }
            : null,
        });
      }
      case 'downloadEdxml':
        return new Response(this.#access(agency, id).doc.bytes as Uint8Array<ArrayBuffer>, {
          headers: { 'content-type': 'application/xml; charset=utf-8' },
        });
      case 'downloadAttachment': {
        const { doc } = this.#access(agency, id);
        const index = params.index as number;
        const info = doc.attachments[index];
        const parsed = await parseEdxml(doc.bytes);
        const att = parsed.ok && parsed.value.kind === 'document' ? parsed.value.attachments[index] : undefined;
        if (!info || !att) throw new Fail('NOT_FOUND');
        return new Response(att.stream(), {
          headers: { 'content-type': info.contentType, 'content-length': String(info.size) },
        });
      }
      case 'acknowledge': {
        const { doc, delivery } = this.#access(agency, id);
        if (!delivery) throw new Fail('NOT_FOUND');
        if (delivery.state !== 'done') {
          delivery.state = input.result as InboxItem['state'];
          delivery.acknowledgedAt = input.result === 'done' ? new Date().toISOString() : null;
        }
        return json(200, item(doc, delivery));
      }
      case 'updateStatus': {
        const { delivery } = this.#access(agency, id);
        if (!delivery) throw new Fail('FORBIDDEN');
        const code = input.code as StatusCode;
        const same = delivery.statuses.find((s) => s.code === code);
        if (same) return json(200, { status: same, duplicate: true });
        // The hub's rule, from @egov-vn/schemas: the chain never goes back and closes after 02/06; 13/15/16 at any step.
        if (!canRecordStatus(delivery.statuses.map((s) => s.code), code)) {
          throw new Fail('STATUS_OUT_OF_ORDER', { current: delivery.statuses.at(-1)?.code ?? null, requested: code });
        }
        const label = statusLabel(code);
        const entry: StatusEntry = {
          code,
          label: { vi: label.vi, en: label.en },
          description: (input.description as string | undefined) ?? null,
          staff: (input.staff as string | undefined) ?? null,
          at: new Date().toISOString(),
        };
        delivery.statuses.push(entry);
        return json(200, { status: entry, duplicate: false });
      }
      case 'getTrace': {
        const { doc } = this.#access(agency, id);
        if (doc.from !== agency) throw new Fail('FORBIDDEN');
        return json(200, {
          documentId: doc.documentId,
          from: doc.from,
          sentAt: doc.sentAt,
          recipients: this.deliveries
            .filter((d) => d.documentId === id)
            .map((d) => ({
              agency: d.recipient,
              name: this.agencies.get(d.recipient)?.name ?? null,
              state: d.state,
              deliveredAt: d.deliveredAt,
              acknowledgedAt: d.acknowledgedAt,
              statuses: d.statuses,
            })),
        });
      }
      case 'emailCopy': {
        const { doc } = this.#access(agency, id);
        const to = (input.to as string[] | undefined) ?? [this.agencies.get(agency)?.email ?? ''];
        const eml = [
          `To: ${to.join(', ')}`,
          `Subject: =?UTF-8?B?${btoa(String.fromCharCode(...new TextEncoder().encode(`[Bản sao điện tử] ${doc.notation ?? ''}`)))}?=`,
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Mock e-copy',
        ].join('\r\n');
        return new Response(eml, { headers: { 'content-type': 'message/rfc822' } });
      }
      case 'listAgencies': {
        const q = typeof query.q === 'string' ? query.q.toLowerCase() : '';
        const after = typeof query.cursor === 'string' ? atob(query.cursor) : '';
        const all = [...this.agencies.values()]
          .filter((a) => a.code > after && (!q || a.code.toLowerCase().includes(q) || a.name.toLowerCase().includes(q)))
          .sort((a, b) => (a.code < b.code ? -1 : 1));
        const items = all.slice(0, query.limit as number);
        const last = items.at(-1);
        return json(200, { items, nextCursor: all.length > items.length && last ? btoa(last.code) : null });
      }
      case 'getAgency': {
        const a = this.agencies.get(params.code as string);
        if (!a) throw new Fail('NOT_FOUND');
        return json(200, a);
      }
      case 'registerAgency': {
        const code = params.code as string;
        const existing = this.agencies.get(code);
        const systemId = request.headers.get(SIGNATURE_HEADERS.systemId) ?? '';
        if (existing && existing.systemId !== systemId) throw new Fail('FORBIDDEN');
        const a: Agency = {
          code,
          name: input.name as string,
          email: input.email as string,
          endpoint: (input.endpoint as string | undefined) ?? null,
          parentCode: (input.parentCode as string | undefined) ?? null,
          systemId,
          updatedAt: new Date().toISOString(),
        };
        this.agencies.set(code, a);
        return json(200, a);
      }
      case 'getStats':
        return json(200, this.#stats(agency, query.from as string, query.to as string));
    }
    throw new Fail('NOT_FOUND');
  }

  async #auth(request: Request, url: URL, body: Uint8Array): Promise<string> {
    const h = (n: string) => request.headers.get(n) ?? '';
    const systemId = h(SIGNATURE_HEADERS.systemId);
    const timestamp = h(SIGNATURE_HEADERS.timestamp);
    const nonce = h(SIGNATURE_HEADERS.nonce);
    const contentSha256 = h(SIGNATURE_HEADERS.contentSha256);
    const signature = h(SIGNATURE_HEADERS.signature);
    const agencyHeader = h(SIGNATURE_HEADERS.agency);
    if (!systemId || !timestamp || !nonce || !contentSha256 || !signature) throw new Fail('UNAUTHENTICATED');
    const ts = Date.parse(timestamp);
    if (Number.isNaN(ts) || Math.abs(Date.now() - ts) > (this.options.maxSkewMs ?? 300_000)) throw new Fail('CLOCK_SKEW');
    const system = this.systems.get(systemId);
    if ((await sha256Hex(body)) !== contentSha256 || !system) throw new Fail('BAD_SIGNATURE');
    const expected = await signatureOf(system.secret, {
      method: request.method,
      pathWithQuery: url.pathname + url.search,
      systemId,
      agency: agencyHeader,
      timestamp,
      nonce,
      contentSha256,
    });
    if (!timingSafeEqualHex(expected, signature)) throw new Fail('BAD_SIGNATURE');
    if (this.#nonces.has(`${systemId}\n${nonce}`)) throw new Fail('REPLAYED_REQUEST');
    this.#nonces.add(`${systemId}\n${nonce}`);
    const own = [...this.agencies.values()].filter((a) => a.systemId === systemId).map((a) => a.code);
    if (agencyHeader) {
      if (!own.includes(agencyHeader)) throw new Fail('FORBIDDEN');
      return agencyHeader;
    }
    if (own.length !== 1) throw new Fail('VALIDATION_FAILED', { header: SIGNATURE_HEADERS.agency });
    return own[0] as string;
  }

  async #send(agency: string, input: Record<string, unknown>, key: string | null, max: number) {
    const edxml = input.edxml as string;
    const bytes = new TextEncoder().encode(edxml);
    if (bytes.length > max) throw new Fail('PAYLOAD_TOO_LARGE', { limit: max, size: bytes.length });
    const paper = input.paper as boolean | undefined;
    const hash = await sha256Hex(paper === undefined ? edxml : `${edxml}|paper=${paper}`);
    const messageId = (input.messageId as string | undefined) ?? key ?? `sha256:${hash}`;
    const earlier = [...this.documents.values()].find((d) => d.from === agency && d.messageId === messageId);
    if (earlier) {
      if (earlier.hash !== hash) throw new Fail('IDEMPOTENCY_CONFLICT', { documentId: earlier.documentId });
      return this.#sendResult(earlier, true);
    }
    const report = await checkEdxml(bytes, { warnings: false });
    const pkg = report.package;
    // The secret-document guard of every layer (isSecretClassification of @egov-vn/schemas): "Mật" in any spelling.
    const classification = pkg?.kind === 'document' ? pkg.header.otherInfo?.sphereOfPromulgation : undefined;
    if (report.issues.some((i) => i.code === 'EDXML_SECRET_DOCUMENT') || isSecretClassification(classification)) {
      throw new Fail('SECRET_DOCUMENT');
    }
    if (!report.ok || pkg?.kind !== 'document') {
      throw new Fail('INVALID_EDXML', {
        issues: report.issues.map((i) => ({ code: i.code, path: i.location?.path, message: { vi: i.message, en: i.message } })),
      });
    }
    const from = pkg.header.from?.organId;
    if (from !== agency) throw new Fail('SENDER_MISMATCH');
    const to = [...new Set(pkg.header.to.map((t) => t.organId).filter((x): x is string => !!x))];
    const unknown = to.filter((c) => !this.agencies.has(c));
    if (to.length === 0 || unknown.length > 0) throw new Fail('UNKNOWN_RECIPIENT', { unknown });
    const attachments: AttachmentInfo[] = pkg.attachments.map((a, index) => ({
      index,
      name: a.attachmentName ?? a.description ?? `attachment-${index + 1}`,
      contentType: a.contentType ?? 'application/octet-stream',
      size: a.size ?? 0,
    }));
    const code = pkg.header.code;
    const now = new Date().toISOString();
    const doc: Doc = {
      seq: ++this.#seq,
      bytes,
      hash,
      documentId: newId(),
      messageId,
      edxmlDocumentId: pkg.header.documentId ?? null,
      from: agency,
      fromName: pkg.header.from?.organName ?? null,
      to,
      subject: pkg.header.subject ?? null,
      notation: code ? [code.codeNumber, code.codeNotation].filter(Boolean).join('/') || null : null,
      promulgationDate: pkg.header.promulgationInfo?.promulgationDate ?? null,
      priority: pkg.header.otherInfo?.priority ?? null,
      paper: paper ?? pkg.traceHeaderList?.bussiness?.paper === 1,
      signed: pkg.signature !== undefined,
      size: bytes.length,
      sentAt: now,
      attachments,
    };
    this.documents.set(doc.documentId, doc);
    for (const r of to) {
      this.deliveries.push({
        seq: ++this.#seq,
        documentId: doc.documentId,
        recipient: r,
        state: 'pending',
        deliveredAt: now,
        acknowledgedAt: null,
        statuses: [],
      });
    }
    return this.#sendResult(doc, false);
  }

  #sendResult(doc: Doc, duplicate: boolean) {
    return {
      documentId: doc.documentId,
      messageId: doc.messageId,
      duplicate,
      sentAt: doc.sentAt,
      recipients: this.deliveries
        .filter((d) => d.documentId === doc.documentId)
        .map((d) => ({ agency: d.recipient, state: d.state, deliveredAt: d.deliveredAt })),
    };
  }

  #access(agency: string, id: string): { doc: Doc; delivery: Delivery | undefined } {
    const doc = this.documents.get(id);
    const delivery = this.deliveries.find((d) => d.documentId === id && d.recipient === agency);
    if (!doc || (doc.from !== agency && !delivery)) throw new Fail('NOT_FOUND');
    return { doc, delivery };
  }

  #inbox(agency: string, q: Record<string, unknown>) {
    const after = cursorOf(q.cursor);
    const all = this.deliveries.filter(
      (d) =>
        d.recipient === agency &&
        d.seq > after &&
        (q.state === 'all' || d.state === q.state) &&
        (!q.sender || this.documents.get(d.documentId)?.from === q.sender) &&
        (!q.status || d.statuses.at(-1)?.code === q.status) &&
        (!q.since || d.deliveredAt >= iso(q.since)) &&
        (!q.until || d.deliveredAt < iso(q.until)),
    );
    return page(all, q.limit as number, (d) => d.seq, (d) => item(this.documents.get(d.documentId) as Doc, d));
  }

  #stats(agency: string, from: string, to: string) {
    const from_ = safeToCivilDate(from);
    const to_ = safeToCivilDate(to);
    if (!from_.ok || !to_.ok) throw new Fail('VALIDATION_FAILED');
    const range = vietnamDayRange(from_.value, to_.value);
    const start = range.start.getTime();
    const end = range.end.getTime();
    if (!(start < end)) throw new Fail('VALIDATION_FAILED');
    const inRange = (t: string) => Date.parse(t) >= start && Date.parse(t) < end;
    const out = [...this.documents.values()].filter((d) => d.from === agency && inRange(d.sentAt));
    const inc = this.deliveries.filter((d) => d.recipient === agency && inRange(d.deliveredAt));
    const vnDay = (t: string) => formatIsoDate(civilDateOf(Date.parse(t)));
    const acked = inc.filter((d) => d.acknowledgedAt);
    const sameDay = acked.filter((d) => vnDay(d.acknowledgedAt as string) === vnDay(d.deliveredAt)).length;
    const signed = out.filter((d) => d.signed).length;
    const electronicOnly = out.filter((d) => !d.paper).length;
    return {
      agency,
      from,
      to,
      outgoing: {
        total: out.length,
        electronicOnly,
        withPaper: out.length - electronicOnly,
        signed,
        signedShare: out.length ? signed / out.length : 0,
      },
      incoming: {
        received: inc.length,
        acknowledged: acked.length,
        acknowledgedSameDay: sameDay,
        sameDayShare: inc.length ? sameDay / inc.length : 0,
      },
    };
  }
}

function parse(schema: RouteDef['params'] | RouteDef['body'], value: unknown): Record<string, unknown> {
  if (!schema) return {};
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new Fail('VALIDATION_FAILED', {
      issues: r.error.issues.map((i) => ({ code: i.code, path: i.path.join('/'), message: { vi: i.message, en: i.message } })),
    });
  }
  return r.data as Record<string, unknown>;
}

const iso = (v: unknown) => new Date(v as string).toISOString();

function cursorOf(c: unknown): number {
  if (typeof c !== 'string') return 0;
  const n = Number(c);
  if (!Number.isInteger(n)) throw new Fail('VALIDATION_FAILED', { field: 'cursor' });
  return n;
}

function page<T, U>(all: T[], limit: number, seq: (t: T) => number, map: (t: T) => U) {
  const items = all.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: all.length > limit && last ? String(seq(last)) : null };
}

function strip(doc: Doc): DocumentSummary {
  const { seq: _seq, bytes: _bytes, hash: _hash, ...summary } = doc;
  return summary;
}

function item(doc: Doc, d: Delivery): InboxItem {
  return {
    ...strip(doc),
    state: d.state,
    deliveredAt: d.deliveredAt,
    acknowledgedAt: d.acknowledgedAt,
    status: d.statuses.at(-1) ?? null,
  };
}
