// Incoming and outgoing documents: the inbox with urgency and deadlines, one incoming document with the signature
// verdict and the clerk's actions (statuses 01–06, 02), the sent list and each recipient's status (the trace).
import '@egov-vn/calendar-elements/deadline';
import '@egov-vn/signature-elements/signature-panel';
import '@egov-vn/signature-elements/pdf-viewer';
import { parseEdxml, priorityLabels, statusCodeInfo } from '@egov-vn/edxml';
import { toDocument } from '@egov-vn/edxml/document';
import type { DocumentSummary, DocumentView, InboxItem, StatusCode, Trace } from '@egov-vn/exchange-api';
import { html, nothing, type TemplateResult } from 'lit';
import { agencyName, hub, messageOf, refresh, state, vnDateTime } from '../app.js';
import { lang, t } from '../i18n.js';
import { trustAnchors } from '../signing.js';

interface Loaded<T> {
  key: string;
  value?: T;
  error?: string;
}

let inbox: Loaded<InboxItem[]> | undefined;
let sent: Loaded<DocumentSummary[]> | undefined;
const dueDates = new Map<string, string | null>();

function load<T>(slot: Loaded<T> | undefined, key: string, fetcher: () => Promise<T>, set: (l: Loaded<T>) => void): Loaded<T> {
  if (slot?.key === key) return slot;
  const fresh: Loaded<T> = { key };
  set(fresh);
  fetcher().then(
    (value) => {
      fresh.value = value;
      refresh();
    },
    (e: unknown) => {
      fresh.error = messageOf(e);
      refresh();
    },
  );
  return fresh;
}

/** Forget cached lists (after an action, or on "reload"). */
export function invalidate(): void {
  inbox = undefined;
  sent = undefined;
  view = undefined;
  trace = undefined;
}

/** Hạn xử lý written in the package (edXML DueDate), read once per document. */
function dueDateOf(id: string): string | null | undefined {
  if (dueDates.has(id)) return dueDates.get(id);
  dueDates.set(id, null);
  void hub()
    .downloadEdxml(id)
    .then(async (bytes) => {
      const parsed = await parseEdxml(bytes);
      if (parsed.ok && parsed.value.kind === 'document') {
        const mapped = toDocument(parsed.value);
        if (mapped.ok && mapped.value.exchange.dueDate) {
          dueDates.set(id, mapped.value.exchange.dueDate);
          refresh();
        }
      }
    })
    .catch(() => undefined);
  return undefined;
}

function priority(value: number | null): string {
  const p = priorityLabels.find((x) => x.value === (value ?? 0));
  return p ? p[lang()] : '';
}

function statusText(code: string | undefined, fallback: string): string {
  if (!code) return fallback;
  const info = statusCodeInfo(code);
  return info ? info[lang()] : code;
}

function loading(l: Loaded<unknown>): TemplateResult | typeof nothing {
  if (l.error) return html`<p class="notice error" role="alert">${l.error}</p>`;
  if (l.value === undefined) return html`<p role="status">${t().loading}</p>`;
  return nothing;
}

/** A data table with a caption for screen readers and column headers. */
function table(caption: string, headers: string[], rows: TemplateResult[], cls: string): TemplateResult {
  return html`<table class=${cls}>
    <caption class="visually-hidden">${caption}</caption>
    <thead>
      <tr>
        ${headers.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function reload(): void {
  invalidate();
  refresh();
}

export function inboxPage(): TemplateResult {
  const tx = t();
  const l = load(inbox, state.agencyCode, async () => (await hub().listInbox({ state: 'all', limit: 200 })).items, (x) => (inbox = x));
  const items = l.value ?? [];
  return html`
    <h1 id="page-title" tabindex="-1">${tx.inboxTitle}</h1>
    <button type="button" class="secondary" @click=${reload}>${tx.refresh}</button>
    ${loading(l)}
    ${l.value && items.length === 0 ? html`<p>${tx.noItems}</p>` : nothing}
    ${items.length
      ? table(tx.inboxTitle, [tx.colNumber, tx.colSubject, tx.colFrom, tx.colUrgency, tx.colReceived, tx.colDeadline, tx.colStatus], items.map((d) => {
              const due = dueDateOf(d.documentId);
              return html`<tr class=${(d.priority ?? 0) > 0 ? 'urgent' : ''}>
                <td><a href="#/inbox/${d.documentId}">${d.notation ?? d.documentId}</a></td>
                <td>${d.subject ?? ''}</td>
                <td>${d.fromName ?? agencyName(d.from)}</td>
                <td>${priority(d.priority)}</td>
                <td>${vnDateTime(d.deliveredAt)}</td>
                <td>${due ? html`<egov-deadline due=${due}></egov-deadline>` : tx.noDeadline}</td>
                <td>${d.status ? statusText(d.status.code, '') : d.state === 'done' ? tx.received : tx.notYet}</td>
              </tr>`;
            }), 'list')
      : nothing}
  `;
}

// ---------- one incoming document ----------

interface ViewState {
  id: string;
  agency: string;
  view?: DocumentView;
  pdf?: Uint8Array;
  anchors?: string[];
  error?: string;
  busy: boolean;
  done?: string;
  assignee: string;
  reason: string;
  showPdf: boolean;
}

let view: ViewState | undefined;

function loadView(id: string): ViewState {
  if (view?.id === id && view.agency === state.agencyCode) return view;
  const v: ViewState = { id, agency: state.agencyCode, busy: false, assignee: '', reason: '', showPdf: false };
  view = v;
  void (async () => {
    try {
      v.view = await hub().getDocument(id);
      const [anchors, pdf] = await Promise.all([trustAnchors(), v.view.document.attachments.length ? hub().downloadAttachment(id, 0) : undefined]);
      v.anchors = anchors;
      v.pdf = pdf;
    } catch (e) {
      v.error = messageOf(e);
    }
    refresh();
  })();
  return v;
}

async function act(v: ViewState, code: StatusCode, extra: { description?: string; staff?: string } = {}): Promise<void> {
  v.busy = true;
  v.error = undefined;
  refresh();
  try {
    if (code === '01') await hub().acknowledge(v.id, { result: 'done' });
    const r = await hub().updateStatus(v.id, { code, ...extra });
    v.done = t().statusDone(r.status.label[lang()]);
    v.view = await hub().getDocument(v.id);
    inbox = undefined;
  } catch (e) {
    v.error = messageOf(e);
  } finally {
    v.busy = false;
    refresh();
  }
}

function summary(d: DocumentSummary): TemplateResult {
  const tx = t();
  return html`<dl class="meta">
    <dt>${tx.colNumber}</dt>
    <dd>${d.notation ?? ''}</dd>
    <dt>${tx.colSubject}</dt>
    <dd>${d.subject ?? ''}</dd>
    <dt>${tx.from}</dt>
    <dd>${d.fromName ?? agencyName(d.from)} <span class="mono">(${d.from})</span></dd>
    <dt>${tx.colTo}</dt>
    <dd>${d.to.map((c) => agencyName(c)).join('; ')}</dd>
    <dt>${tx.colUrgency}</dt>
    <dd>${priority(d.priority)}</dd>
    <dt>${tx.colSent}</dt>
    <dd>${vnDateTime(d.sentAt)}</dd>
  </dl>`;
}

export function incomingPage(id: string): TemplateResult {
  const tx = t();
  const v = loadView(id);
  const d = v.view?.document;
  const status = v.view?.delivery?.status?.code;
  const acknowledged = v.view?.delivery?.state === 'done';
  const due = d ? dueDateOf(d.documentId) : undefined;
  const finished = status === '06' || status === '02';
  return html`
    <p><a href="#/inbox">${tx.back}</a></p>
    <h1 id="page-title" tabindex="-1">${tx.documentTitle} ${d?.notation ?? ''}</h1>
    ${v.error ? html`<p class="notice error" role="alert">${v.error}</p>` : nothing}
    ${!d && !v.error ? html`<p role="status">${tx.loading}</p>` : nothing}
    ${d
      ? html`${summary(d)}
          ${due ? html`<p>${tx.colDeadline}: <egov-deadline due=${due}></egov-deadline></p>` : nothing}
          <section aria-labelledby="sig-title">
            <h2 id="sig-title">${tx.signatureCheck}</h2>
            ${v.pdf ? html`<egov-signature-panel .trustAnchors=${v.anchors ?? []} .pdf=${v.pdf}></egov-signature-panel>` : html`<p role="status">${tx.loading}</p>`}
            ${v.pdf
              ? html`<details
                  @toggle=${(e: Event) => {
                    v.showPdf = (e.target as HTMLDetailsElement).open;
                    refresh();
                  }}
                >
                  <summary>${tx.viewPdf}</summary>
                  ${v.showPdf ? html`<egov-pdf-viewer .pdf=${v.pdf}></egov-pdf-viewer>` : nothing}
                </details>`
              : nothing}
          </section>
          <section aria-labelledby="act-title">
            <h2 id="act-title">${tx.actions}</h2>
            <p id="status-now">${tx.statusNow} <strong>${statusText(status, acknowledged ? tx.received : tx.notYet)}</strong></p>
            ${v.done ? html`<p class="notice ok" role="status">${v.done}</p>` : nothing}
            <div class="actions">
              <button type="button" ?disabled=${v.busy || !!status} @click=${() => void act(v, '01')}>${tx.acknowledge}</button>
              <button type="button" ?disabled=${v.busy || !status || status !== '01'} @click=${() => void act(v, '03', { description: 'Đã vào sổ văn bản đến' })}>
                ${tx.accept}
              </button>
            </div>
            <div class="actions">
              <label for="assignee">${tx.assignee}</label>
              <input id="assignee" .value=${v.assignee} @input=${(e: Event) => (v.assignee = (e.target as HTMLInputElement).value)} />
              <button
                type="button"
                ?disabled=${v.busy || status !== '03'}
                @click=${() => void act(v, '04', v.assignee.trim() ? { staff: v.assignee.trim() } : {})}
              >
                ${tx.assign}
              </button>
              <button type="button" ?disabled=${v.busy || !status || finished || status === '01'} @click=${() => void act(v, '06')}>${tx.finish}</button>
            </div>
            <div class="actions">
              <label for="reason">${tx.reason}</label>
              <input id="reason" .value=${v.reason} @input=${(e: Event) => (v.reason = (e.target as HTMLInputElement).value)} />
              <button
                type="button"
                class="danger"
                ?disabled=${v.busy || finished}
                @click=${() => void act(v, '02', v.reason.trim() ? { description: v.reason.trim() } : {})}
              >
                ${tx.reject}
              </button>
            </div>
          </section>`
      : nothing}
  `;
}

// ---------- outgoing ----------

export function sentPage(): TemplateResult {
  const tx = t();
  const l = load(sent, state.agencyCode, async () => (await hub().listSent({ limit: 200 })).items, (x) => (sent = x));
  const items = l.value ?? [];
  return html`
    <h1 id="page-title" tabindex="-1">${tx.sentTitle}</h1>
    <button type="button" class="secondary" @click=${reload}>${tx.refresh}</button>
    ${loading(l)} ${l.value && items.length === 0 ? html`<p>${tx.noItems}</p>` : nothing}
    ${items.length
      ? table(tx.sentTitle, [tx.colNumber, tx.colSubject, tx.colTo, tx.colSent], items.map(
              (d) => html`<tr>
                <td><a href="#/sent/${d.documentId}">${d.notation ?? d.documentId}</a></td>
                <td>${d.subject ?? ''}</td>
                <td>${d.to.map((c) => agencyName(c)).join('; ')}</td>
                <td>${vnDateTime(d.sentAt)}</td>
              </tr>`,
            ), 'list')
      : nothing}
  `;
}

let trace: Loaded<{ view: DocumentView; trace: Trace }> | undefined;

function loadTrace(id: string, force = false): { view?: DocumentView; trace?: Trace; error?: string } {
  if (force) trace = undefined;
  const l = load(trace, `${state.agencyCode}|${id}`, async () => ({ view: await hub().getDocument(id), trace: await hub().getTrace(id) }), (x) => (trace = x));
  return { ...l.value, ...(l.error ? { error: l.error } : {}) };
}

export function outgoingPage(id: string): TemplateResult {
  const tx = t();
  const tr = loadTrace(id);
  return html`
    <p><a href="#/sent">${tx.back}</a></p>
    <h1 id="page-title" tabindex="-1">${tx.documentTitle} ${tr.view?.document.notation ?? ''}</h1>
    ${tr.error ? html`<p class="notice error" role="alert">${tr.error}</p>` : nothing}
    ${!tr.trace && !tr.error ? html`<p role="status">${tx.loading}</p>` : nothing}
    ${tr.view ? summary(tr.view.document) : nothing}
    ${tr.trace
      ? html`<h2>${tx.traceTitle}</h2>
          <button
            type="button"
            class="secondary"
            @click=${() => {
              loadTrace(id, true);
              refresh();
            }}
          >
            ${tx.refresh}
          </button>
          ${table(tx.traceTitle, [tx.colTo, tx.colStatus, tx.traceSteps], tr.trace.recipients.map((r) => {
                const last = r.statuses.at(-1);
                const headline = last ? statusText(last.code, '') : r.state === 'done' ? tx.received : tx.delivered;
                return html`<tr data-agency=${r.agency}>
                  <td>${r.name ?? agencyName(r.agency)} <span class="mono">(${r.agency})</span></td>
                  <td class="status-cell">
                    <strong>${headline}</strong>${r.acknowledgedAt ? html` — ${tx.received.toLowerCase()} ${vnDateTime(r.acknowledgedAt)}` : nothing}
                  </td>
                  <td>
                    ${r.statuses.length
                      ? html`<ol class="trace-steps">
                          ${r.statuses.map((x) => html`<li>${x.code} ${x.label[lang()]} · ${vnDateTime(x.at)}${x.staff ? ` · ${x.staff}` : ''}${x.description ? ` · ${x.description}` : ''}</li>`)}
                        </ol>`
                      : tx.noStatus}
                  </td>
                </tr>`;
              }), 'list trace')}`
      : nothing}
  `;
}
