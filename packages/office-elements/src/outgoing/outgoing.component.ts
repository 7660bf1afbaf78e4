import { buttonStyles, defineMessages, hostStyles, visuallyHidden } from '@egov-vn/elements-core';
import type { ListOutgoingQuery, OutgoingDetail, OutgoingItem, OutgoingRecipient, OutgoingState } from '@egov-vn/office-api';
import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { OfficeBackendError } from '../backend/types.js';
import { OfficeFeature, type Guarded, renderErrorBlock } from '../feature.js';
import { pageLimit, PagedList, renderFilterChoice, renderFilterForm, renderPager } from '../paged-list.js';
import { officeStyles } from '../styles.js';
import type { OutgoingAction, RecipientStage } from './outgoing.events.js';

const STATES: OutgoingState[] = ['sending', 'sent', 'failed', 'revoked'];

const messages = defineMessages({
  vi: {
    title: 'Văn bản đi',
    filters: 'Lọc văn bản đi',
    state: 'Trạng thái',
    search: 'Tìm (trích yếu, số ký hiệu, nơi nhận)',
    apply: 'Tìm',
    all: 'Tất cả',
    sending: 'Đang gửi',
    sent: 'Đã gửi',
    failed: 'Gửi lỗi',
    revoked: 'Đã thu hồi',
    kindRevoke: 'Thu hồi',
    colNotation: 'Số, ký hiệu',
    colSubject: 'Trích yếu',
    colIssued: 'Ngày ban hành',
    colRecipients: 'Nơi nhận và tình trạng',
    noSubject: '(không có trích yếu)',
    empty: 'Không có văn bản nào.',
    loading: 'Đang tải…',
    page: (n: number) => `Trang ${n}`,
    previous: 'Trang trước',
    next: 'Trang sau',
    retry: 'Thử lại',
    errorTitle: 'Không tải được dữ liệu',
    back: 'Quay lại danh sách',
    recipients: 'Nơi nhận',
    agency: 'Cơ quan',
    delivery: 'Truyền nhận',
    stage: 'Tình trạng xử lý',
    acknowledged: 'Xác nhận lúc',
    trace: 'Vết xử lý tại nơi nhận',
    noTrace: 'Chưa có trạng thái nào.',
    history: 'Quá trình',
    exchangeId: 'Mã trên trục',
    sentAt: 'Gửi lúc',
    lastError: 'Lỗi lần gửi gần nhất',
    stage_waiting: 'Chờ nhận',
    stage_failed: 'Gửi lỗi',
    stage_arrived: 'Đã đến',
    stage_received: 'Đã nhận',
    stage_assigned: 'Đã phân công',
    stage_processing: 'Đang xử lý',
    stage_done: 'Hoàn thành',
    stage_returned: 'Trả lại',
    stage_other: 'Khác',
    delivery_pending: 'Chờ',
    delivery_done: 'Đã nhận gói tin',
    delivery_fail: 'Lỗi',
    delivery_processing: 'Đang nhận',
    delivery_none: 'Chưa gửi',
    resend: 'Gửi lại',
    resendTo: (name: string) => `Gửi lại tới ${name}`,
    revoke: 'Thu hồi',
    replace: 'Thay thế',
    cancel: 'Hủy',
    revokeQuestion: 'Thu hồi văn bản này? Gói tin thu hồi (nghiệp vụ edXML “thu hồi”) được gửi tới mọi nơi nhận; không hoàn tác được.',
    reason: 'Lý do thu hồi',
    confirmRevoke: 'Xác nhận thu hồi',
    replaceQuestion: 'Soạn văn bản mới thay thế văn bản này (nghiệp vụ edXML “thay thế”)? Văn bản này vẫn giữ nguyên tới khi văn bản thay thế được gửi.',
    confirmReplace: 'Soạn văn bản thay thế',
    done_: (action: string) => `Đã thực hiện: ${action}.`,
    noBackend: 'Chưa cấu hình máy chủ văn phòng.',
    replacedBy: 'Đã được thay thế bởi văn bản khác; văn bản này không còn hiệu lực.',
    openReplacement: 'Xem văn bản thay thế',
    replacesOther: 'Văn bản này thay thế một văn bản đã gửi trước đó.',
    openReplaced: 'Xem văn bản bị thay thế',
  },
  en: {
    title: 'Outgoing documents',
    filters: 'Filter outgoing documents',
    state: 'Status',
    search: 'Search (subject, number, recipient)',
    apply: 'Search',
    all: 'All',
    sending: 'Sending',
    sent: 'Sent',
    failed: 'Failed',
    revoked: 'Revoked',
    kindRevoke: 'Revocation',
    colNotation: 'Number',
    colSubject: 'Subject',
    colIssued: 'Issued',
    colRecipients: 'Recipients and status',
    noSubject: '(no subject)',
    empty: 'No documents.',
    loading: 'Loading…',
    page: (n: number) => `Page ${n}`,
    previous: 'Previous page',
    next: 'Next page',
    retry: 'Retry',
    errorTitle: 'Could not load the data',
    back: 'Back to the list',
    recipients: 'Recipients',
    agency: 'Agency',
    delivery: 'Delivery',
    stage: 'Handling',
    acknowledged: 'Acknowledged',
    trace: 'Trace at the recipients',
    noTrace: 'No status yet.',
    history: 'History',
    exchangeId: 'Exchange id',
    sentAt: 'Sent',
    lastError: 'Last sending error',
    stage_waiting: 'Waiting',
    stage_failed: 'Failed',
    stage_arrived: 'Arrived',
    stage_received: 'Received',
    stage_assigned: 'Assigned',
    stage_processing: 'In progress',
    stage_done: 'Done',
    stage_returned: 'Returned',
    stage_other: 'Other',
    delivery_pending: 'Pending',
    delivery_done: 'Delivered',
    delivery_fail: 'Failed',
    delivery_processing: 'Being received',
    delivery_none: 'Not sent',
    resend: 'Send again',
    resendTo: (name: string) => `Send again to ${name}`,
    revoke: 'Revoke',
    replace: 'Replace',
    cancel: 'Cancel',
    revokeQuestion: 'Revoke this document? A revoke package (edXML business type “revoke”) goes to every recipient; this cannot be undone.',
    reason: 'Reason for revoking',
    confirmRevoke: 'Confirm revocation',
    replaceQuestion: 'Draft a new document replacing this one (edXML business type “replace”)? This one stays as it is until the replacement is sent.',
    confirmReplace: 'Draft the replacement',
    done_: (action: string) => `Done: ${action}.`,
    noBackend: 'No office back end is configured.',
    replacedBy: 'Replaced by another document; this one is no longer in force.',
    openReplacement: 'Open the replacing document',
    replacesOther: 'This document replaces one sent earlier.',
    openReplaced: 'Open the replaced document',
  },
});

/** Where a recipient is with the document, from its delivery and the latest business status it answered. */
export function recipientStage(r: Pick<OutgoingRecipient, 'delivery' | 'status'>): RecipientStage {
  if (r.delivery === 'fail') return 'failed';
  switch (r.status?.code) {
    case '01':
      return 'arrived';
    case '02':
      return 'returned';
    case '03':
      return 'received';
    case '04':
      return 'assigned';
    case '05':
      return 'processing';
    case '06':
      return 'done';
    case undefined:
      return 'waiting';
    default:
      return 'other';
  }
}

type Filters = Omit<ListOutgoingQuery, 'cursor' | 'limit'>;

/**
 * @summary The agency's sent documents (văn bản đi): each recipient's status (đã đến, đã nhận, đã phân công, đang xử lý,
 * hoàn thành, trả lại) and the trace the exchange keeps; send again to a recipient that failed; revoke (thu hồi) or
 * replace (thay thế) with a confirmation. Actions follow the role (văn thư). Never breaks the host page.
 * @tagname egov-outgoing
 *
 * @fires {EgovNavigateEvent} egov-navigate - Opened a document (`{ view: 'outgoing', id }`), went back (`{ view: 'outgoing' }`), or asked to draft a replacement (`{ view: 'compose', replaces: id }`). Cancelable.
 * @fires {EgovErrorEvent} egov-error - A back-end call failed.
 * @fires {EgovOutgoingOpenEvent} egov-outgoing-open - A document's detail was shown.
 * @fires {EgovOutgoingChangeEvent} egov-outgoing-change - An action succeeded (`detail.action`: resend, revoke).
 * @fires {EgovOutgoingReplaceEvent} egov-outgoing-replace - The user confirmed drafting a replacement (before `egov-navigate`).
 *
 * @csspart base - The wrapper.
 * @csspart filters - The filter form.
 * @csspart table - The list.
 * @csspart row - One document of the list.
 * @csspart stage - One recipient's status badge.
 * @csspart pager - The paging controls.
 * @csspart error - The error state (role="alert") with its retry button.
 * @csspart retry - The retry button.
 * @csspart detail - One document.
 * @csspart recipients - The recipients table of one document.
 * @csspart trace - The trace of one document.
 * @csspart actions - The action buttons of one document.
 * @csspart confirm - The confirmation form (revoke, replace).
 *
 * @cssprop --egov-color-primary - Links and primary accents.
 * @cssprop --egov-color-danger - Failures and returned documents.
 * @cssprop --egov-color-success - Finished documents.
 * @cssprop --egov-color-border - Table rules and form borders.
 */
export class EgovOutgoing extends OfficeFeature<typeof messages> {
  static override messages = messages;
  static override styles = [
    hostStyles,
    buttonStyles,
    visuallyHidden,
    officeStyles,
    css`
      .stages {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      [part='stage'] {
        display: inline-block;
        border: 1px solid var(--egov-color-border);
        border-radius: 999px;
        padding: 0 8px;
        font-size: 0.8125rem;
        white-space: nowrap;
      }
      [part='stage'][data-stage='failed'],
      [part='stage'][data-stage='returned'] {
        border-color: var(--egov-color-danger);
        color: var(--egov-color-danger);
        font-weight: 600;
      }
      [part='stage'][data-stage='done'] {
        border-color: var(--egov-color-success, currentColor);
      }
      .kind {
        color: var(--egov-color-danger);
        font-weight: 600;
      }
      .note {
        border-left: 3px solid var(--egov-color-danger);
        padding-left: var(--egov-space-sm);
      }
      ol.trace {
        margin: 0;
        padding-left: 1.25rem;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    ...OfficeFeature.properties,
    documentId: { attribute: 'document-id', reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    detail: { state: true },
    detailError: { state: true },
    confirm: { state: true },
    busy: { state: true },
    status: { state: true },
  };

  /** The open document (deep link; attribute `document-id`). Empty: the list. */
  declare documentId: string | undefined;
  /** Documents per page (1–200, default 50). */
  declare pageSize: number;
  declare private detail: OutgoingDetail | undefined;
  declare private detailError: OfficeBackendError | undefined;
  declare private confirm: 'revoke' | 'replace' | undefined;
  declare private busy: boolean;
  declare private status: string;

  #filters: Filters = {};
  readonly #list = new PagedList<OutgoingItem>(this, (cursor) => {
    const query: ListOutgoingQuery = { ...this.#filters, limit: pageLimit(this.pageSize) };
    if (cursor) query.cursor = cursor;
    return this.guard('listOutgoing', { query });
  });
  #detailSeq = 0;
  #loadedFor: unknown;

  constructor() {
    super();
    this.pageSize = 50;
    this.busy = false;
    this.status = '';
  }

  protected override hostChanged(): void {
    this.#loadedFor = undefined;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const host = this.host;
    if (host && this.#loadedFor !== host) {
      this.#loadedFor = host;
      void this.#list.first();
      if (this.documentId) void this.#loadDetail(this.documentId);
    } else if (changed.has('documentId') && host) {
      if (this.documentId) void this.#loadDetail(this.documentId);
      else this.detail = undefined;
    }
    // Another page size: from the first page again.
    if (changed.has('pageSize') && changed.get('pageSize') !== undefined && host) void this.#list.first();
  }

  /** Reload the list (and the open document). Never throws. */
  async reload(): Promise<void> {
    await Promise.all([this.#list.load(), this.documentId ? this.#loadDetail(this.documentId) : Promise.resolve()]);
  }

  async #loadDetail(id: string): Promise<void> {
    const seq = ++this.#detailSeq;
    this.detail = undefined;
    this.detailError = undefined;
    this.confirm = undefined;
    const r = await this.guard('getOutgoing', { params: { id } });
    if (seq !== this.#detailSeq) return;
    if (!r.ok) {
      if (r.error.code !== 'ABORTED') this.detailError = r.error;
      return;
    }
    this.detail = r.value;
    this.emit('egov-outgoing-open', { detail: { id, document: r.value } });
  }

  #open(id: string): void {
    if (this.navigate({ view: 'outgoing', id })) this.documentId = id;
  }

  #back(): void {
    if (this.navigate({ view: 'outgoing' })) {
      this.documentId = undefined;
      void this.#list.load();
    }
  }

  #applyFilters(form: HTMLFormElement): void {
    const data = new FormData(form);
    const text = (k: string) => {
      const v = data.get(k);
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    };
    const filters: Filters = {};
    const state = text('state');
    if (state) filters.state = state as OutgoingState;
    const q = text('q');
    if (q) filters.q = q;
    this.#filters = filters;
    void this.#list.first();
  }

  /** What the signed-in user may do with a document (văn thư only; the server checks again). */
  #actions(d: OutgoingDetail): OutgoingAction[] {
    const user = this.host?.user;
    if (user?.role !== 'vanThu' || d.kind !== 'new') return [];
    const flags = this.host?.features ?? {};
    const out: OutgoingAction[] = [];
    if (d.state === 'failed' || d.state === 'sending') out.push('resend');
    if (d.state === 'sent') out.push(...(d.replacedBy ? (['revoke'] as const) : (['revoke', 'replace'] as const)));
    return out.filter((a) => flags[a] !== false);
  }

  #mayResendTo(d: OutgoingDetail, r: OutgoingRecipient): boolean {
    return this.host?.user?.role === 'vanThu' && d.kind === 'new' && d.state !== 'revoked' && r.delivery === 'fail' && this.host.features?.resend !== false;
  }

  async #act(action: 'resend' | 'revoke', run: () => Promise<Guarded<OutgoingDetail>>): Promise<void> {
    this.busy = true;
    const r = await run();
    this.busy = false;
    if (!r.ok) {
      if (r.error.code !== 'ABORTED') this.detailError = r.error;
      return;
    }
    this.detail = r.value;
    this.confirm = undefined;
    this.status = this.msg('done_', this.msg(action));
    this.emit('egov-outgoing-change', { detail: { action, id: r.value.id, document: r.value } });
  }

  #resend(recipients?: string[]): void {
    const id = this.detail!.id;
    void this.#act('resend', () => this.guard('resendOutgoing', { params: { id }, body: recipients ? { recipients } : {} }));
  }

  #openConfirm(kind: 'revoke' | 'replace'): void {
    this.confirm = kind;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=confirm] textarea, [part=confirm] button[type=submit]')?.focus());
  }

  #submitConfirm(form: HTMLFormElement): void {
    const d = this.detail!;
    if (this.confirm === 'revoke') {
      const value = new FormData(form).get('reason');
      const reason = typeof value === 'string' ? value.trim() : '';
      if (!reason) return;
      void this.#act('revoke', () => this.guard('revokeOutgoing', { params: { id: d.id }, body: { reason } }));
      return;
    }
    this.confirm = undefined;
    this.emit('egov-outgoing-replace', { detail: { id: d.id, document: d } });
    this.navigate({ view: 'compose', replaces: d.id });
  }

  #renderError(error: OfficeBackendError, retry: () => void): TemplateResult {
    return renderErrorBlock(error, this.locale, { title: this.msg('errorTitle'), retry: this.msg('retry') }, retry);
  }


  #stage(r: OutgoingRecipient): TemplateResult {
    const stage = recipientStage(r);
    return html`<span part="stage" data-stage=${stage}>${this.msg(`stage_${stage}`)}</span>`;
  }

  #renderFilters(): TemplateResult {
    const f = this.#filters;
    return renderFilterForm(
      { label: this.msg('filters'), apply: this.msg('apply') },
      (form) => this.#applyFilters(form),
      html`${renderFilterChoice('state', { label: this.msg('state'), all: this.msg('all') }, STATES.map((s) => [s, this.msg(s)] as const), f.state)}
        <label>${this.msg('search')} <input type="search" name="q" .value=${f.q ?? ''} /></label>`,
    );
  }


  #renderRow(item: OutgoingItem): TemplateResult {
    return html`<tr part="row" data-id=${item.id} data-state=${item.state}>
      <td>${item.notation}</td>
      <td>
        <button type="button" class="link" @click=${() => this.#open(item.id)}>${item.subject ?? this.msg('noSubject')}</button>
        ${item.kind === 'revoke' ? html` <span class="kind">${this.msg('kindRevoke')}</span>` : nothing}
      </td>
      <td class="wide">${item.issuedDate}</td>
      <td>${this.msg(item.state)}</td>
      <td>
        <ul class="stages">
          ${item.recipients.map((r) => html`<li>${r.agency.name}: ${this.#stage(r)}</li>`)}
        </ul>
      </td>
    </tr>`;
  }

  #renderList(): TemplateResult {
    const list = this.#list;
    return html`${this.#renderFilters()}
      ${list.error
        ? this.#renderError(list.error, () => void list.load())
        : html`<div class="scroller" tabindex="0" role="region" aria-label=${this.msg('title')}>
              <table part="table" aria-busy=${list.loading ? 'true' : 'false'}>
                <thead>
                  <tr>
                    <th scope="col">${this.msg('colNotation')}</th>
                    <th scope="col">${this.msg('colSubject')}</th>
                    <th scope="col" class="wide">${this.msg('colIssued')}</th>
                    <th scope="col">${this.msg('state')}</th>
                    <th scope="col">${this.msg('colRecipients')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.items.map((item) => this.#renderRow(item))}
                </tbody>
              </table>
            </div>
            ${list.items.length === 0 && !list.loading ? html`<p>${this.msg('empty')}</p>` : nothing}
            ${renderPager(list, {
              label: this.msg('title'),
              previous: this.msg('previous'),
              next: this.msg('next'),
              position: this.msg('page', list.index + 1),
            })}`}`;
  }

  #renderConfirm(): TemplateResult {
    const revoke = this.confirm === 'revoke';
    return html`<form
      part="confirm"
      class="action"
      aria-label=${this.msg(revoke ? 'revoke' : 'replace')}
      @submit=${(e: Event) => {
        e.preventDefault();
        this.#submitConfirm(e.currentTarget as HTMLFormElement);
      }}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') this.confirm = undefined;
      }}
    >
      <p>${this.msg(revoke ? 'revokeQuestion' : 'replaceQuestion')}</p>
      ${revoke ? html`<label>${this.msg('reason')} <textarea name="reason" rows="3" required maxlength="2000"></textarea></label>` : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.msg(revoke ? 'confirmRevoke' : 'confirmReplace')}</button>
        <button type="button" @click=${() => (this.confirm = undefined)}>${this.msg('cancel')}</button>
      </div>
    </form>`;
  }

  #renderDetail(): TemplateResult {
    const back = html`<button type="button" @click=${() => this.#back()}>${this.msg('back')}</button>`;
    if (this.detailError && !this.detail) {
      const id = this.documentId!;
      return html`${back}${this.#renderError(this.detailError, () => void this.#loadDetail(id))}`;
    }
    const d = this.detail;
    if (!d) return html`${back}<p role="status">${this.msg('loading')}</p>`;
    const actions = this.#actions(d);
    const at = (t: string | null) => (t ? t.slice(0, 16).replace('T', ' ') : '—');
    return html`${back}
      <article part="detail" aria-labelledby="subject">
        <h3 id="subject">${d.subject ?? this.msg('noSubject')}${d.kind === 'revoke' ? html` <span class="kind">(${this.msg('kindRevoke')})</span>` : nothing}</h3>
        <dl>
          <dt>${this.msg('colNotation')}</dt>
          <dd>${d.notation}</dd>
          <dt>${this.msg('colIssued')}</dt>
          <dd>${d.issuedDate}</dd>
          <dt>${this.msg('state')}</dt>
          <dd data-state=${d.state}>${this.msg(d.state)}</dd>
          <dt>${this.msg('sentAt')}</dt>
          <dd>${at(d.sentAt)}</dd>
          <dt>${this.msg('exchangeId')}</dt>
          <dd>${d.exchangeId ?? '—'}</dd>
        </dl>
        ${d.replacedBy
          ? html`<p class="note" data-replaced-by=${d.replacedBy}>
              ${this.msg('replacedBy')}
              <button type="button" class="link" @click=${() => this.#open(d.replacedBy!)}>${this.msg('openReplacement')}</button>
            </p>`
          : nothing}
        ${d.replaces
          ? html`<p class="note" data-replaces=${d.replaces}>
              ${this.msg('replacesOther')}
              <button type="button" class="link" @click=${() => this.#open(d.replaces!)}>${this.msg('openReplaced')}</button>
            </p>`
          : nothing}
        ${d.lastError ? html`<p class="note"><strong>${this.msg('lastError')}:</strong> ${d.lastError.message[this.locale]} (${d.lastError.code})</p>` : nothing}
        ${this.detailError ? this.#renderError(this.detailError, () => (this.detailError = undefined)) : nothing}
        ${actions.length
          ? html`<div part="actions" class="actions">
              ${actions.map(
                (a) => html`<button
                  type="button"
                  data-action=${a}
                  ?disabled=${this.busy}
                  @click=${() => (a === 'resend' ? this.#resend() : this.#openConfirm(a))}
                >
                  ${this.msg(a)}
                </button>`,
              )}
            </div>`
          : nothing}
        ${this.confirm ? this.#renderConfirm() : nothing}
        <section>
          <h4 id="recipients">${this.msg('recipients')}</h4>
          <div class="scroller" tabindex="0" role="region" aria-labelledby="recipients">
            <table part="recipients">
              <thead>
                <tr>
                  <th scope="col">${this.msg('agency')}</th>
                  <th scope="col">${this.msg('stage')}</th>
                  <th scope="col" class="wide">${this.msg('delivery')}</th>
                  <th scope="col" class="wide">${this.msg('acknowledged')}</th>
                  <th scope="col"><span class="visually-hidden">${this.msg('resend')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${d.recipients.map((r) => {
                  const t = d.trace.find((x) => x.agency.code === r.agency.code);
                  return html`<tr data-agency=${r.agency.code}>
                    <td>${r.agency.name} <span class="wide">(${r.agency.code})</span></td>
                    <td>${this.#stage(r)}</td>
                    <td class="wide">${this.msg(`delivery_${r.delivery ?? 'none'}`)}</td>
                    <td class="wide">${at(t?.acknowledgedAt ?? null)}</td>
                    <td>
                      ${this.#mayResendTo(d, r)
                        ? html`<button type="button" data-resend=${r.agency.code} ?disabled=${this.busy} @click=${() => this.#resend([r.agency.code])}>
                            ${this.msg('resend')}<span class="visually-hidden"> — ${r.agency.name}</span>
                          </button>`
                        : nothing}
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>
        </section>
        <section part="trace" aria-labelledby="trace">
          <h4 id="trace">${this.msg('trace')}</h4>
          ${d.trace.map(
            (t) => html`<h5>${t.agency.name}</h5>
              ${t.statuses.length
                ? html`<ol class="trace">
                    ${t.statuses.map(
                      (s) => html`<li data-code=${s.code}>
                        ${at(s.at)} — ${s.code} ${s.label[this.locale]}${s.staff ? ` — ${s.staff}` : ''}${s.description ? ` — ${s.description}` : ''}
                      </li>`,
                    )}
                  </ol>`
                : html`<p>${this.msg('noTrace')}</p>`}`,
          )}
        </section>
        <section aria-labelledby="history">
          <h4 id="history">${this.msg('history')}</h4>
          <ol>
            ${d.history.map((h) => html`<li>${at(h.at)} — ${h.actor?.name ?? ''}: ${h.action}${h.note ? ` — ${h.note}` : ''}</li>`)}
          </ol>
        </section>
      </article>`;
  }

  override render() {
    const body = this.renderSafely(
      () => (!this.host ? html`<p>${this.msg('noBackend')}</p>` : this.documentId ? this.#renderDetail() : this.#renderList()),
      (error) => this.#renderError(error, () => void this.reload()),
    );
    return html`<div part="base" class="base">
      <h2>${this.msg('title')}</h2>
      ${body}
      <div role="status" class="visually-hidden">${this.status}</div>
    </div>`;
  }
}
