import { WorkCalendar } from '@egov-vn/calendar';
import { buttonStyles, defineMessages, hostStyles, visuallyHidden } from '@egov-vn/elements-core';
import type {
  IncomingDetail,
  IncomingItem,
  IncomingState,
  ListIncomingQuery,
  Urgency,
  User,
  DirectoryEntry,
} from '@egov-vn/office-api';
import { formatIsoDate, todayInVietnam } from '@egov-vn/schemas';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import '@egov-vn/calendar-elements/deadline';
import { OfficeBackendError } from '../backend/types.js';
import { OfficeFeature, type Guarded, renderErrorBlock } from '../feature.js';
import { pageLimit, PagedList, renderFilterChoice, renderFilterForm, renderPager } from '../paged-list.js';
import type { IncomingAction } from './incoming.events.js';
import styles from './incoming.styles.js';

const STATES: IncomingState[] = ['arrived', 'registered', 'assigned', 'processing', 'done', 'returned'];
const URGENCIES: Urgency[] = ['thuong', 'khan', 'thuongKhan', 'hoaToc'];

const messages = defineMessages({
  vi: {
    title: 'Văn bản đến',
    filters: 'Lọc văn bản đến',
    state: 'Trạng thái',
    urgency: 'Độ khẩn',
    sender: 'Nơi gửi',
    from: 'Từ ngày',
    to: 'Đến ngày',
    overdue: 'Quá hạn',
    unreadOnly: 'Chưa đọc',
    search: 'Tìm (trích yếu, số ký hiệu)',
    apply: 'Tìm',
    all: 'Tất cả',
    arrived: 'Mới đến',
    registered: 'Đã vào sổ',
    assigned: 'Đã phân công',
    processing: 'Đang xử lý',
    done: 'Hoàn thành',
    returned: 'Đã trả lại',
    thuong: 'Thường',
    khan: 'Khẩn',
    thuongKhan: 'Thượng khẩn',
    hoaToc: 'Hỏa tốc',
    colUnread: 'Chưa đọc',
    colNumber: 'Số đến',
    colNotation: 'Số, ký hiệu',
    colSubject: 'Trích yếu',
    colFrom: 'Nơi gửi',
    colArrived: 'Ngày đến',
    colDue: 'Hạn xử lý',
    unread: 'Chưa đọc',
    noSubject: '(không có trích yếu)',
    empty: 'Không có văn bản nào.',
    loading: 'Đang tải…',
    total: (n: number) => `${n} văn bản`,
    page: (n: number) => `Trang ${n}`,
    previous: 'Trang trước',
    next: 'Trang sau',
    retry: 'Thử lại',
    errorTitle: 'Không tải được dữ liệu',
    back: 'Quay lại danh sách',
    details: 'Thông tin văn bản',
    metadata: 'Thông tin edXML',
    edxmlId: 'Mã văn bản edXML',
    signed: 'Có chữ ký số trên gói tin',
    yes: 'Có',
    no: 'Không',
    signer: 'Người ký',
    recipients: 'Nơi nhận',
    history: 'Quá trình xử lý',
    system: 'Hệ thống',
    noFile: 'Văn bản không có tệp PDF.',
    viewerFailed: 'Không tải được trình xem PDF.',
    receive: 'Tiếp nhận và vào sổ',
    assign: 'Phân công',
    start: 'Bắt đầu xử lý',
    markDone: 'Hoàn thành',
    return: 'Trả lại',
    cancel: 'Hủy',
    lead: 'Chủ trì',
    coHandlers: 'Phối hợp',
    forInformation: 'Để biết',
    workingDays: 'Số ngày làm việc',
    dueDate: (d: string) => `Hạn xử lý: ${d}`,
    note: 'Ý kiến chỉ đạo, ghi chú',
    reason: 'Lý do trả lại',
    submitAssign: 'Phân công',
    submitReturn: 'Trả lại văn bản',
    arrivalNumber: 'Số đến',
    arrivalDate: 'Ngày đến',
    handler: 'Người chủ trì',
    returnReason: 'Lý do trả lại',
    done_: (action: string) => `Đã thực hiện: ${action}.`,
    noBackend: 'Chưa cấu hình máy chủ văn phòng.',
  },
  en: {
    title: 'Incoming documents',
    filters: 'Filter incoming documents',
    state: 'Status',
    urgency: 'Urgency',
    sender: 'Sender',
    from: 'From',
    to: 'To',
    overdue: 'Overdue',
    unreadOnly: 'Unread',
    search: 'Search (subject, number)',
    apply: 'Search',
    all: 'All',
    arrived: 'New',
    registered: 'Registered',
    assigned: 'Assigned',
    processing: 'In progress',
    done: 'Done',
    returned: 'Returned',
    thuong: 'Normal',
    khan: 'Urgent',
    thuongKhan: 'Very urgent',
    hoaToc: 'Immediate',
    colUnread: 'Unread',
    colNumber: 'Arrival no.',
    colNotation: 'Number',
    colSubject: 'Subject',
    colFrom: 'Sender',
    colArrived: 'Arrived',
    colDue: 'Due',
    unread: 'Unread',
    noSubject: '(no subject)',
    empty: 'No documents.',
    loading: 'Loading…',
    total: (n: number) => (n === 1 ? '1 document' : `${n} documents`),
    page: (n: number) => `Page ${n}`,
    previous: 'Previous page',
    next: 'Next page',
    retry: 'Retry',
    errorTitle: 'Could not load the data',
    back: 'Back to the list',
    details: 'Document details',
    metadata: 'edXML information',
    edxmlId: 'edXML document id',
    signed: 'Package carries a digital signature',
    yes: 'Yes',
    no: 'No',
    signer: 'Signer',
    recipients: 'Recipients',
    history: 'History',
    system: 'System',
    noFile: 'The document has no PDF file.',
    viewerFailed: 'Could not load the PDF viewer.',
    receive: 'Receive and register',
    assign: 'Assign',
    start: 'Start handling',
    markDone: 'Mark done',
    return: 'Return',
    cancel: 'Cancel',
    lead: 'Lead handler',
    coHandlers: 'Co-handlers',
    forInformation: 'For information',
    workingDays: 'Working days',
    dueDate: (d: string) => `Due: ${d}`,
    note: 'Instructions, note',
    reason: 'Reason for returning',
    submitAssign: 'Assign',
    submitReturn: 'Return the document',
    arrivalNumber: 'Arrival no.',
    arrivalDate: 'Arrival date',
    handler: 'Lead handler',
    returnReason: 'Reason returned',
    done_: (action: string) => `Done: ${action}.`,
    noBackend: 'No office back end is configured.',
  },
});

type Filters = Omit<ListIncomingQuery, 'cursor' | 'limit'>;

/** Loads <egov-pdf-viewer> and <egov-signature-panel> (a lazy chunk: a list page never pays for pdf.js). */
export type ViewerLoader = () => Promise<unknown>;

const defaultViewerLoader: ViewerLoader = () =>
  Promise.all([import('@egov-vn/signature-elements/pdf-viewer'), import('@egov-vn/signature-elements/signature-panel')]);

/**
 * @summary The agency's incoming documents (văn bản đến): a filtered, paged list with unread marks and deadline badges;
 * one document with its PDF, signatures and edXML metadata; the actions of the user's role (tiếp nhận, phân công, hoàn
 * thành, trả lại). Talks to the back end of the host context; a failure shows an error with a retry, never breaks the page.
 * @tagname egov-incoming
 *
 * @fires {EgovNavigateEvent} egov-navigate - The user opened a document (`{ view: 'incoming', id }`) or went back to the list (`{ view: 'incoming' }`). Cancelable: `preventDefault()` and the host routes.
 * @fires {EgovErrorEvent} egov-error - A back-end call (or the lazy viewer chunk) failed; `detail.code`, `detail.message`, `detail.operation`.
 * @fires {EgovIncomingOpenEvent} egov-incoming-open - A document's detail was shown.
 * @fires {EgovIncomingChangeEvent} egov-incoming-change - An action succeeded (`detail.action`: receive, assign, start, done, return).
 *
 * @csspart base - The wrapper.
 * @csspart filters - The filter form.
 * @csspart table - The list.
 * @csspart row - One document of the list.
 * @csspart pager - The paging controls.
 * @csspart error - The error state (role="alert") with its retry button.
 * @csspart retry - The retry button.
 * @csspart detail - One document.
 * @csspart actions - The action buttons of one document.
 * @csspart assign-form - The assignment form.
 * @csspart return-form - The return form.
 *
 * @cssprop --egov-color-primary - Links, unread marks, primary buttons.
 * @cssprop --egov-color-danger - Urgency and error accents.
 * @cssprop --egov-color-border - Table rules and form borders.
 */
export class EgovIncoming extends OfficeFeature<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, buttonStyles, visuallyHidden, styles];
  static override properties: PropertyDeclarations = {
    ...OfficeFeature.properties,
    documentId: { attribute: 'document-id', reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    refreshSeconds: { type: Number, attribute: 'refresh-seconds' },
    detail: { state: true },
    detailError: { state: true },
    pdf: { state: true },
    viewerState: { state: true },
    form: { state: true },
    users: { state: true },
    senders: { state: true },
    workingDays: { state: true },
    busy: { state: true },
    status: { state: true },
    badges: { state: true },
  };

  /** Loads the PDF viewer and signature panel (replace it to load them from elsewhere, e.g. a CDN). */
  static loadViewers: ViewerLoader = defaultViewerLoader;

  /** The open document (deep link; attribute `document-id`). Empty: the list. */
  declare documentId: string | undefined;
  /** Documents per page (1–200, default 50). */
  declare pageSize: number;
  /**
   * Seconds between quiet refreshes of the list, so that new arrivals appear on a page left open (attribute
   * `refresh-seconds`, default 60, at least 10; 0: never). Only while the list is shown and the page is visible; a page
   * coming back into view refreshes at once if a refresh was due.
   */
  declare refreshSeconds: number;
  declare private detail: IncomingDetail | undefined;
  declare private detailError: OfficeBackendError | undefined;
  declare private pdf: Uint8Array | undefined;
  declare private viewerState: 'idle' | 'loading' | 'ready' | 'failed';
  declare private form: 'assign' | 'return' | undefined;
  declare private users: User[];
  declare private senders: DirectoryEntry[];
  declare private workingDays: number;
  declare private busy: boolean;
  declare private status: string;
  /** The list's deadline badges are drawn after the first rows are on screen (they are the heavy part of a row). */
  declare private badges: boolean;

  #filters: Filters = {};
  readonly #list = new PagedList<IncomingItem>(this, (cursor) => {
    const query: ListIncomingQuery = { ...this.#filters, limit: pageLimit(this.pageSize) };
    if (cursor) query.cursor = cursor;
    return this.guard('listIncoming', { query });
  });
  #detailSeq = 0;
  #loadedFor: unknown;
  #calendar = new WorkCalendar();
  #badgeTimer: { idle: number } | { timer: ReturnType<typeof setTimeout> } | undefined;
  #refreshTimer: ReturnType<typeof setInterval> | undefined;
  #refreshDue = false;

  constructor() {
    super();
    this.pageSize = 50;
    this.refreshSeconds = 60;
    this.viewerState = 'idle';
    this.users = [];
    this.senders = [];
    this.workingDays = 5;
    this.busy = false;
    this.status = '';
    this.badges = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('refreshSeconds')) this.#scheduleRefresh();
    // Once rows are on screen (dates as text), the deadline badges replace the dates when the browser is idle after
    // painting the list (at the latest 150 ms later).
    if (!this.badges && this.#list.items.length > 0 && this.#badgeTimer === undefined) {
      const show = () => {
        this.#badgeTimer = undefined;
        this.badges = true;
      };
      this.#badgeTimer =
        typeof requestIdleCallback === 'function' ? { idle: requestIdleCallback(show, { timeout: 150 }) } : { timer: setTimeout(show, 50) };
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
    // the first update schedules it (refreshSeconds changed); an element moved in the page schedules it again here
    if (this.hasUpdated) this.#scheduleRefresh();
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'visible' && this.#refreshDue) this.#refresh();
  };

  /** A quiet refresh of the list: skipped while a document is open, a page is loading or an action runs. */
  #refresh(): void {
    if (document.visibilityState === 'hidden') {
      this.#refreshDue = true;
      return;
    }
    this.#refreshDue = false;
    if (!this.host || this.documentId || this.#list.loading || this.busy) return;
    void this.#list.load();
  }

  #scheduleRefresh(): void {
    if (this.#refreshTimer !== undefined) clearInterval(this.#refreshTimer);
    this.#refreshTimer = undefined;
    const seconds = this.refreshSeconds;
    if (!this.isConnected || !Number.isFinite(seconds) || seconds <= 0) return;
    this.#refreshTimer = setInterval(() => this.#refresh(), Math.max(10, seconds) * 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    if (this.#refreshTimer !== undefined) clearInterval(this.#refreshTimer);
    this.#refreshTimer = undefined;
    if (this.#badgeTimer && 'idle' in this.#badgeTimer) cancelIdleCallback(this.#badgeTimer.idle);
    else if (this.#badgeTimer) clearTimeout(this.#badgeTimer.timer);
    this.#badgeTimer = undefined;
  }

  protected override hostChanged(): void {
    this.#loadedFor = undefined;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const host = this.host;
    // A new host context (backend, user, language) or a new page size: load again from the first page.
    if (host && this.#loadedFor !== host) {
      this.#loadedFor = host;
      // The first page first; the look-ups (users for assignment, senders for the filter) after it.
      void this.#list.first().then(() => this.#loadLookups());
      if (this.documentId) void this.#loadDetail(this.documentId);
    } else if (changed.has('documentId') && host) {
      if (this.documentId) void this.#loadDetail(this.documentId);
      else this.detail = undefined;
    }
    if (changed.has('pageSize') && changed.get('pageSize') !== undefined && host) void this.#list.first();
  }

  get #today(): string {
    return this.host?.today ?? formatIsoDate(todayInVietnam());
  }

  /** Reload the list (and the open document). Never throws. */
  async reload(): Promise<void> {
    await Promise.all([this.#list.load(), this.documentId ? this.#loadDetail(this.documentId) : Promise.resolve()]);
  }

  async #loadLookups(): Promise<void> {
    // Users (for assignment) and senders (for the filter) are helpers: a failure leaves them empty, silently.
    const host = this.host;
    if (!host?.backend) return;
    try {
      const [users, dir] = await Promise.allSettled([
        host.backend.call('listUsers', { query: { limit: 200 } }),
        host.backend.call('searchDirectory', { query: { limit: 200 } }),
      ]);
      // A custom backend may answer anything: keep only arrays.
      const userItems = users.status === 'fulfilled' ? (users.value as { items?: unknown } | undefined)?.items : undefined;
      const dirItems = dir.status === 'fulfilled' ? (dir.value as { items?: unknown } | undefined)?.items : undefined;
      if (Array.isArray(userItems)) this.users = userItems as User[];
      if (Array.isArray(dirItems)) this.senders = dirItems as DirectoryEntry[];
    } catch {
      // A backend that throws synchronously: nothing to show.
    }
  }

  async #loadDetail(id: string): Promise<void> {
    const seq = ++this.#detailSeq;
    this.detail = undefined;
    this.detailError = undefined;
    this.pdf = undefined;
    this.form = undefined;
    const r = await this.guard('getIncoming', { params: { id } });
    if (seq !== this.#detailSeq) return;
    if (!r.ok) {
      if (r.error.code !== 'ABORTED') this.detailError = r.error;
      return;
    }
    this.detail = r.value;
    // Opening marks it read in the list too.
    this.#list.update((items) => items.map((i) => (i.id === id ? { ...i, unread: false } : i)));
    this.emit('egov-incoming-open', { detail: { id, document: r.value } });
    const pdf = r.value.attachments.find((a) => a.contentType === 'application/pdf');
    if (pdf) {
      void this.#loadViewers();
      const bytes = await this.guard('downloadIncomingAttachment', { params: { id, index: pdf.index } });
      if (seq === this.#detailSeq && bytes.ok) this.pdf = bytes.value;
    }
  }

  async #loadViewers(): Promise<void> {
    if (this.viewerState === 'ready' || this.viewerState === 'loading') return;
    this.viewerState = 'loading';
    try {
      await (this.constructor as typeof EgovIncoming).loadViewers();
      this.viewerState = 'ready';
    } catch (e) {
      this.viewerState = 'failed';
      this.announce(
        new OfficeBackendError(
          { code: 'UNAVAILABLE', status: 0, messages: { vi: messages.vi.viewerFailed, en: messages.en.viewerFailed } },
          { cause: e },
        ),
        'load-viewer',
      );
    }
  }

  #open(id: string): void {
    const event = new CustomEvent('egov-navigate', {
      detail: { view: 'incoming' as const, id },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.documentId = id;
  }

  #back(): void {
    const event = new CustomEvent('egov-navigate', {
      detail: { view: 'incoming' as const },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    this.dispatchEvent(event);
    if (!event.defaultPrevented) {
      this.documentId = undefined;
      void this.#list.load();
    }
  }

  #applyFilters(form: HTMLFormElement): void {
    const data = new FormData(form);
    const text = (name: string): string => {
      const v = data.get(name);
      return typeof v === 'string' ? v.trim() : '';
    };
    const filters: Filters = {};
    const state = data.get('state');
    if (state) filters.state = state as IncomingState;
    const urgency = data.get('urgency');
    if (urgency) filters.urgency = urgency as Urgency;
    if (text('sender')) filters.sender = text('sender');
    if (text('from')) filters.from = text('from');
    if (text('to')) filters.to = text('to');
    if (data.get('overdue')) filters.overdue = 'true';
    if (data.get('unread')) filters.unread = 'true';
    if (text('q')) filters.q = text('q');
    this.#filters = filters;
    void this.#list.first();
  }

  async #act(action: IncomingAction, run: () => Promise<Guarded<IncomingDetail>>): Promise<void> {
    if (!this.detail || this.busy) return;
    this.busy = true;
    const r = await run();
    this.busy = false;
    if (!r.ok) {
      this.status = r.error.localized[this.locale];
      return;
    }
    const document = r.value;
    this.detail = document;
    this.form = undefined;
    this.#list.update((items) => items.map((i) => (i.id === document.id ? { ...i, ...document } : i)));
    this.status = this.msg('done_', this.#actionLabel(action));
    this.emit('egov-incoming-change', { detail: { action, id: document.id, document } });
  }

  #actionLabel(action: IncomingAction): string {
    const keys = { receive: 'receive', assign: 'assign', start: 'start', done: 'markDone', return: 'return' } as const;
    return this.msg(keys[action]);
  }

  #submitAssign(form: HTMLFormElement): void {
    const data = new FormData(form);
    const id = this.detail!.id;
    const text = (v: FormDataEntryValue | null): string => (typeof v === 'string' ? v.trim() : '');
    const lead = text(data.get('lead'));
    const coHandlers = data.getAll('co').map(text).filter((u) => u && u !== lead);
    const forInformation = data.getAll('info').map(text).filter((u) => u && u !== lead);
    const note = text(data.get('note'));
    const workingDays = Number(data.get('days'));
    void this.#act('assign', () =>
      this.guard('assignIncoming', {
        params: { id },
        body: { lead, coHandlers, forInformation, workingDays, ...(note ? { note } : {}) },
      }),
    );
  }

  #submitReturn(form: HTMLFormElement): void {
    const value = new FormData(form).get('reason');
    const reason = typeof value === 'string' ? value.trim() : '';
    if (!reason) return;
    const id = this.detail!.id;
    void this.#act('return', () => this.guard('returnIncoming', { params: { id }, body: { reason } }));
  }

  #renderError(error: OfficeBackendError, retry: () => void): TemplateResult {
    return renderErrorBlock(error, this.locale, { title: this.msg('errorTitle'), retry: this.msg('retry') }, retry);
  }

  #renderFilters(): TemplateResult {
    const f = this.#filters;
    return renderFilterForm(
      { label: this.msg('filters'), apply: this.msg('apply') },
      (form) => this.#applyFilters(form),
      html`${renderFilterChoice('state', { label: this.msg('state'), all: this.msg('all') }, STATES.map((s) => [s, this.msg(s)] as const), f.state)}
      ${renderFilterChoice('urgency', { label: this.msg('urgency'), all: this.msg('all') }, URGENCIES.map((u) => [u, this.msg(u)] as const), f.urgency)}
      ${renderFilterChoice('sender', { label: this.msg('sender'), all: this.msg('all') }, this.senders.map((s) => [s.code, s.name] as const), f.sender)}
      <label>${this.msg('from')} <input type="date" name="from" .value=${f.from ?? ''} /></label>
      <label>${this.msg('to')} <input type="date" name="to" .value=${f.to ?? ''} /></label>
      <label class="check"><input type="checkbox" name="overdue" .checked=${f.overdue === 'true'} />${this.msg('overdue')}</label>
      <label class="check"><input type="checkbox" name="unread" .checked=${f.unread === 'true'} />${this.msg('unreadOnly')}</label>
      <label>${this.msg('search')} <input type="search" name="q" .value=${f.q ?? ''} /></label>`,
    );
  }

  #renderRow(item: IncomingItem): TemplateResult {
    const urgent = item.urgency !== 'thuong';
    return html`<tr part="row" class=${item.unread ? 'unread' : ''} data-id=${item.id}>
      <td>${item.unread ? html`<span class="dot" role="img" aria-label=${this.msg('unread')}></span>` : nothing}</td>
      <td class="wide">${item.arrivalNumber ?? ''}</td>
      <td class="wide">${item.notation ?? ''}</td>
      <td class="subject">
        <button type="button" class="link" @click=${() => this.#open(item.id)}>${item.subject ?? this.msg('noSubject')}</button>
        ${urgent ? html` <span class="urgent">${this.msg(item.urgency)}</span>` : nothing}
      </td>
      <td class="wide">${item.from.name}</td>
      <td class="wide">${item.arrivedAt.slice(0, 10)}</td>
      <td>${this.msg(item.state)}</td>
      <td>
        ${item.dueDate && item.state !== 'done' && item.state !== 'returned'
          ? this.badges
            ? html`<egov-deadline due=${item.dueDate} today=${this.#today} .calendar=${this.#calendar}></egov-deadline>`
            : html`<time datetime=${item.dueDate}>${item.dueDate}</time>`
          : nothing}
      </td>
    </tr>`;
  }

  #renderList(): TemplateResult {
    const list = this.#list;
    const total = list.total;
    return html`${this.#renderFilters()}
      ${list.error
        ? this.#renderError(list.error, () => void list.load())
        : html`<div class="scroller" tabindex="0" role="region" aria-label=${this.msg('title')}>
              <table part="table" aria-busy=${list.loading ? 'true' : 'false'}>
                <thead>
                  <tr>
                    <th scope="col"><span class="visually-hidden">${this.msg('colUnread')}</span></th>
                    <th scope="col" class="wide">${this.msg('colNumber')}</th>
                    <th scope="col" class="wide">${this.msg('colNotation')}</th>
                    <th scope="col">${this.msg('colSubject')}</th>
                    <th scope="col" class="wide">${this.msg('colFrom')}</th>
                    <th scope="col" class="wide">${this.msg('colArrived')}</th>
                    <th scope="col">${this.msg('state')}</th>
                    <th scope="col">${this.msg('colDue')}</th>
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
              position: `${this.msg('page', list.index + 1)}${total === null ? '' : ` · ${this.msg('total', total)}`}`,
            })}`}`;
  }

  #actions(d: IncomingDetail): IncomingAction[] {
    const user = this.host?.user;
    if (!user) return [];
    const flags = this.host.features ?? {};
    const out: IncomingAction[] = [];
    if (user.role === 'vanThu' && d.state === 'arrived') out.push('receive');
    if ((user.role === 'vanThu' || user.role === 'lanhDao') && (d.state === 'registered' || d.state === 'assigned')) out.push('assign');
    const lead = d.assignment?.lead.id === user.id;
    if (lead && d.state === 'assigned') out.push('start');
    if (lead && (d.state === 'assigned' || d.state === 'processing')) out.push('done');
    if ((user.role === 'vanThu' || user.role === 'lanhDao') && (d.state === 'arrived' || d.state === 'registered')) out.push('return');
    return out.filter((a) => flags[a] !== false);
  }

  #runAction(action: IncomingAction): void {
    const id = this.detail!.id;
    if (action === 'assign' || action === 'return') {
      this.form = action;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`form.action select, form.action textarea`)?.focus());
      return;
    }
    if (action === 'receive') void this.#act('receive', () => this.guard('receiveIncoming', { params: { id }, body: {} }));
    if (action === 'start') void this.#act('start', () => this.guard('startIncoming', { params: { id }, body: {} }));
    if (action === 'done') void this.#act('done', () => this.guard('completeIncoming', { params: { id }, body: {} }));
  }

  #renderAssignForm(): TemplateResult {
    const handlers = this.users.filter((u) => u.roles.includes('chuyenVien') || u.roles.includes('lanhDao'));
    let due = '';
    try {
      due = formatIsoDate(this.#calendar.dueDate(this.#today, this.workingDays));
    } catch {
      due = '';
    }
    return html`<form
      part="assign-form"
      class="action"
      aria-label=${this.msg('assign')}
      @submit=${(e: Event) => {
        e.preventDefault();
        this.#submitAssign(e.currentTarget as HTMLFormElement);
      }}
    >
      <label
        >${this.msg('lead')}
        <select name="lead" required>
          ${handlers.map((u) => html`<option value=${u.id}>${u.name}${u.title ? ` — ${u.title}` : ''}</option>`)}
        </select></label
      >
      <fieldset>
        <legend>${this.msg('coHandlers')}</legend>
        ${handlers.map((u) => html`<label class="check"><input type="checkbox" name="co" value=${u.id} />${u.name}</label>`)}
      </fieldset>
      <fieldset>
        <legend>${this.msg('forInformation')}</legend>
        ${this.users.map((u) => html`<label class="check"><input type="checkbox" name="info" value=${u.id} />${u.name}</label>`)}
      </fieldset>
      <label
        >${this.msg('workingDays')}
        <input
          type="number"
          name="days"
          min="1"
          max="365"
          required
          .value=${String(this.workingDays)}
          @input=${(e: Event) => {
            const n = Number((e.target as HTMLInputElement).value);
            if (Number.isInteger(n) && n >= 1 && n <= 365) this.workingDays = n;
          }}
      /></label>
      <output part="due" name="due">${due ? this.msg('dueDate', due) : ''}</output>
      <label>${this.msg('note')} <textarea name="note" rows="2" maxlength="2000"></textarea></label>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.msg('submitAssign')}</button>
        <button type="button" @click=${() => (this.form = undefined)}>${this.msg('cancel')}</button>
      </div>
    </form>`;
  }

  #renderReturnForm(): TemplateResult {
    return html`<form
      part="return-form"
      class="action"
      aria-label=${this.msg('return')}
      @submit=${(e: Event) => {
        e.preventDefault();
        this.#submitReturn(e.currentTarget as HTMLFormElement);
      }}
    >
      <label>${this.msg('reason')} <textarea name="reason" rows="3" required maxlength="2000"></textarea></label>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.msg('submitReturn')}</button>
        <button type="button" @click=${() => (this.form = undefined)}>${this.msg('cancel')}</button>
      </div>
    </form>`;
  }

  #renderViewer(): TemplateResult {
    if (!this.detail?.attachments.some((a) => a.contentType === 'application/pdf')) return html`<p>${this.msg('noFile')}</p>`;
    if (this.viewerState === 'failed') {
      return html`<div part="error" role="alert">
        <strong>${this.msg('viewerFailed')}</strong>
        <button part="retry" type="button" @click=${() => void this.#loadViewers()}>${this.msg('retry')}</button>
      </div>`;
    }
    if (this.viewerState !== 'ready' || !this.pdf) return html`<p role="status">${this.msg('loading')}</p>`;
    return html`<div class="viewer">
      <egov-pdf-viewer .pdf=${this.pdf.slice()}></egov-pdf-viewer>
      <egov-signature-panel .pdf=${this.pdf.slice()}></egov-signature-panel>
    </div>`;
  }

  #renderDetail(): TemplateResult {
    const back = html`<button type="button" @click=${() => this.#back()}>${this.msg('back')}</button>`;
    if (this.detailError) {
      const id = this.documentId!;
      return html`${back}${this.#renderError(this.detailError, () => void this.#loadDetail(id))}`;
    }
    const d = this.detail;
    if (!d) return html`${back}<p role="status">${this.msg('loading')}</p>`;
    const actions = this.#actions(d);
    const labels = { receive: 'receive', assign: 'assign', start: 'start', done: 'markDone', return: 'return' } as const;
    return html`${back}
      <article part="detail" aria-labelledby="subject">
        <h3 id="subject">${d.subject ?? this.msg('noSubject')}</h3>
        <dl>
          <dt>${this.msg('colNotation')}</dt>
          <dd>${d.notation ?? ''}</dd>
          <dt>${this.msg('colFrom')}</dt>
          <dd>${d.from.name} (${d.from.code})</dd>
          <dt>${this.msg('state')}</dt>
          <dd data-state=${d.state}>${this.msg(d.state)}</dd>
          <dt>${this.msg('urgency')}</dt>
          <dd>${this.msg(d.urgency)}</dd>
          <dt>${this.msg('arrivalNumber')}</dt>
          <dd data-field="arrivalNumber">${d.arrivalNumber ?? '—'}</dd>
          <dt>${this.msg('arrivalDate')}</dt>
          <dd>${d.arrivalDate ?? '—'}</dd>
          <dt>${this.msg('handler')}</dt>
          <dd>${d.leadHandler?.name ?? '—'}</dd>
          <dt>${this.msg('colDue')}</dt>
          <dd data-field="dueDate">
            ${d.dueDate
              ? html`${d.dueDate}
                ${d.state !== 'done' && d.state !== 'returned'
                  ? html`<egov-deadline due=${d.dueDate} today=${this.#today} .calendar=${this.#calendar}></egov-deadline>`
                  : nothing}`
              : '—'}
          </dd>
          ${d.returnReason ? html`<dt>${this.msg('returnReason')}</dt><dd>${d.returnReason}</dd>` : nothing}
        </dl>
        ${actions.length
          ? html`<div part="actions" class="actions">
              ${actions.map(
                (a) => html`<button type="button" data-action=${a} ?disabled=${this.busy} @click=${() => this.#runAction(a)}>
                  ${this.msg(labels[a])}
                </button>`,
              )}
            </div>`
          : nothing}
        ${this.form === 'assign' ? this.#renderAssignForm() : nothing}
        ${this.form === 'return' ? this.#renderReturnForm() : nothing}
        ${this.#renderViewer()}
        <section aria-labelledby="meta">
          <h4 id="meta">${this.msg('metadata')}</h4>
          <dl>
            <dt>${this.msg('edxmlId')}</dt>
            <dd>${d.metadata.edxmlDocumentId ?? '—'}</dd>
            <dt>${this.msg('signed')}</dt>
            <dd>${d.metadata.signed ? this.msg('yes') : this.msg('no')}</dd>
            <dt>${this.msg('signer')}</dt>
            <dd>${[d.metadata.signerName, d.metadata.signerPosition].filter(Boolean).join(', ') || '—'}</dd>
            <dt>${this.msg('recipients')}</dt>
            <dd>${d.metadata.to.map((a) => a.name).join('; ')}</dd>
          </dl>
        </section>
        <section aria-labelledby="history">
          <h4 id="history">${this.msg('history')}</h4>
          <ol>
            ${d.history.map(
              (h) => html`<li>${h.at.slice(0, 16).replace('T', ' ')} — ${h.actor?.name ?? this.msg('system')}: ${h.action}${h.statusCode ? ` (${h.statusCode})` : ''}${h.note ? ` — ${h.note}` : ''}</li>`,
            )}
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
