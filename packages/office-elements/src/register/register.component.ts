import { buttonStyles, defineMessages, hostStyles, visuallyHidden } from '@egov-vn/elements-core';
import type { RegisterEntry, RegisterKind } from '@egov-vn/office-api';
import { formatIsoDate, todayInVietnam } from '@egov-vn/schemas';
import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { OfficeBackendError } from '../backend/types.js';
import { OfficeFeature, renderErrorBlock } from '../feature.js';
import { pageLimit, PagedList, renderPager } from '../paged-list.js';
import { officeStyles } from '../styles.js';
import type { RegisterExportFormat } from './register.events.js';

const KINDS: RegisterKind[] = ['incoming', 'outgoing'];
const FORMATS: RegisterExportFormat[] = ['csv', 'pdf'];
const MEDIA: Record<RegisterExportFormat, string> = { csv: 'text/csv;charset=utf-8', pdf: 'application/pdf', json: 'application/json' };

const messages = defineMessages({
  vi: {
    title: 'Sổ đăng ký văn bản',
    incoming: 'Sổ văn bản đến',
    outgoing: 'Sổ văn bản đi',
    kinds: 'Loại sổ',
    filters: 'Lọc sổ đăng ký',
    year: 'Năm',
    search: 'Tìm (trích yếu, cơ quan, số ký hiệu, người ký)',
    apply: 'Tìm',
    export: 'Xuất sổ',
    export_csv: 'Xuất CSV',
    export_pdf: 'Xuất PDF (A4 ngang)',
    export_json: 'Xuất JSON',
    exported: (name: string) => `Đã xuất ${name}.`,
    // Phụ lục VI, Nghị định 30/2020: the columns of each register.
    in_arrivalDate: 'Ngày đến',
    in_number: 'Số đến',
    in_author: 'Tác giả',
    in_notation: 'Số, ký hiệu',
    in_date: 'Ngày tháng',
    in_subject: 'Tên loại và trích yếu nội dung',
    in_to: 'Đơn vị hoặc người nhận',
    in_due: 'Hạn giải quyết',
    out_notation: 'Số, ký hiệu văn bản',
    out_date: 'Ngày tháng văn bản',
    out_subject: 'Tên loại và trích yếu nội dung',
    out_signer: 'Người ký',
    out_to: 'Nơi nhận văn bản',
    note: 'Ghi chú',
    priority: ['Thường', 'Khẩn', 'Thượng khẩn', 'Hỏa tốc'].join('|'),
    empty: 'Sổ chưa có văn bản nào trong năm này.',
    loading: 'Đang tải…',
    page: (n: number) => `Trang ${n}`,
    previous: 'Trang trước',
    next: 'Trang sau',
    retry: 'Thử lại',
    errorTitle: 'Không tải được dữ liệu',
    noBackend: 'Chưa cấu hình máy chủ văn phòng.',
    open: (n: number) => `Mở văn bản số ${n}`,
  },
  en: {
    title: 'Document registers',
    incoming: 'Incoming register',
    outgoing: 'Outgoing register',
    kinds: 'Register',
    filters: 'Filter the register',
    year: 'Year',
    search: 'Search (subject, agency, number, signer)',
    apply: 'Search',
    export: 'Export',
    export_csv: 'Export CSV',
    export_pdf: 'Export PDF (A4 landscape)',
    export_json: 'Export JSON',
    exported: (name: string) => `Exported ${name}.`,
    in_arrivalDate: 'Arrival date',
    in_number: 'Arrival no.',
    in_author: 'Author',
    in_notation: 'Number, symbol',
    in_date: 'Date',
    in_subject: 'Type and subject',
    in_to: 'Handling unit or person',
    in_due: 'Due',
    out_notation: 'Number, symbol',
    out_date: 'Date',
    out_subject: 'Type and subject',
    out_signer: 'Signer',
    out_to: 'Recipients',
    note: 'Note',
    priority: ['Normal', 'Urgent', 'Very urgent', 'Immediate'].join('|'),
    empty: 'No document in this register this year.',
    loading: 'Loading…',
    page: (n: number) => `Page ${n}`,
    previous: 'Previous page',
    next: 'Next page',
    retry: 'Retry',
    errorTitle: 'Could not load the data',
    noBackend: 'No office back end is configured.',
    open: (n: number) => `Open document no. ${n}`,
  },
});

/**
 * @summary The registers of Nghị định 30/2020 Phụ lục VI (sổ đăng ký văn bản đến / đi): the columns of each register,
 * numbering by year (year selector), search, paging, and export as CSV or PDF (A4 landscape, printable) through the back
 * end's export. Never breaks the host page.
 * @tagname egov-register
 *
 * @fires {EgovNavigateEvent} egov-navigate - Opened a row's document (`{ view: 'incoming' | 'outgoing', id }`) or changed register (`{ view: 'register', kind }`). Cancelable.
 * @fires {EgovErrorEvent} egov-error - A back-end call failed.
 * @fires {EgovRegisterExportEvent} egov-register-export - An export is ready (`detail.bytes`, `detail.fileName`). Cancelable: `preventDefault()` and the host saves or prints it; otherwise the browser downloads it.
 *
 * @csspart base - The wrapper.
 * @csspart kinds - The register tabs.
 * @csspart tab - One register tab.
 * @csspart filters - The year and search form.
 * @csspart export - The export buttons.
 * @csspart table - The register.
 * @csspart row - One entry.
 * @csspart pager - The paging controls.
 * @csspart error - The error state (role="alert") with its retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --egov-color-primary - The selected tab, links.
 * @cssprop --egov-color-border - Table rules.
 */
export class EgovRegister extends OfficeFeature<typeof messages> {
  static override messages = messages;
  static override styles = [
    hostStyles,
    buttonStyles,
    visuallyHidden,
    officeStyles,
    css`
      [part='kinds'] {
        display: flex;
        gap: 4px;
        border-bottom: 1px solid var(--egov-color-border);
      }
      [part='tab'] {
        background: none;
        border: 0;
        border-bottom: 3px solid transparent;
        padding: 6px 12px;
        font: inherit;
        color: inherit;
        cursor: pointer;
        min-height: 40px;
      }
      [part='tab'][aria-selected='true'] {
        border-bottom-color: var(--egov-color-primary);
        font-weight: 700;
      }
      [part='tab']:focus-visible {
        outline: 2px solid var(--egov-color-focus, var(--egov-color-primary));
      }
      td.num {
        font-variant-numeric: tabular-nums;
      }
      @media print {
        [part='kinds'],
        [part='filters'],
        [part='export'],
        [part='pager'] {
          display: none;
        }
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    ...OfficeFeature.properties,
    kind: { reflect: true },
    year: { type: Number, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    exporting: { state: true },
    status: { state: true },
  };

  /** Which register: `incoming` (sổ văn bản đến, default) or `outgoing` (sổ văn bản đi). */
  declare kind: RegisterKind;
  /** The year shown (numbering restarts every 1 January); default this year in Việt Nam. */
  declare year: number | undefined;
  /** Entries per page (1–200, default 50). */
  declare pageSize: number;
  declare private exporting: RegisterExportFormat | undefined;
  declare private status: string;

  #q = '';
  readonly #list = new PagedList<RegisterEntry>(this, (cursor) => {
    const query = {
      year: this.#year,
      limit: pageLimit(this.pageSize),
      ...(this.#q ? { q: this.#q } : {}),
      ...(cursor ? { cursor } : {}),
    };
    return this.guard('listRegister', { params: { kind: this.kind }, query });
  });
  #loadedFor: unknown;

  constructor() {
    super();
    this.kind = 'incoming';
    this.pageSize = 50;
    this.status = '';
  }

  get #thisYear(): number {
    return Number((this.host?.today ?? formatIsoDate(todayInVietnam())).slice(0, 4));
  }

  get #year(): number {
    return this.year ?? this.#thisYear;
  }

  protected override hostChanged(): void {
    this.#loadedFor = undefined;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const host = this.host;
    if (!host) return;
    if (this.#loadedFor !== host || changed.has('kind') || changed.has('year') || (changed.has('pageSize') && changed.get('pageSize') !== undefined)) {
      this.#loadedFor = host;
      void this.#list.first();
    }
  }

  /** Reload the register. Never throws. */
  async reload(): Promise<void> {
    await this.#list.load();
  }

  #selectKind(kind: RegisterKind, focus = false): void {
    if (kind === this.kind) return;
    if (!this.navigate({ view: 'register', kind })) return;
    this.kind = kind;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[part=tab][data-kind=${kind}]`)?.focus());
  }

  #tabKey(e: KeyboardEvent): void {
    const i = KINDS.indexOf(this.kind);
    const next = e.key === 'ArrowRight' ? KINDS[(i + 1) % KINDS.length] : e.key === 'ArrowLeft' ? KINDS[(i + KINDS.length - 1) % KINDS.length] : e.key === 'Home' ? KINDS[0] : e.key === 'End' ? KINDS.at(-1) : undefined;
    if (!next) return;
    e.preventDefault();
    this.#selectKind(next, true);
  }

  /** Export the register of the year shown (the whole year, not only the page) in `format`. Never throws. */
  async export(format: RegisterExportFormat): Promise<void> {
    this.exporting = format;
    const year = this.#year;
    const kind = this.kind;
    const r = await this.guard('exportRegister', { params: { kind }, query: { year, format } });
    this.exporting = undefined;
    if (!r.ok) {
      if (r.error.code !== 'ABORTED') {
        this.#list.error = r.error;
        this.requestUpdate();
      }
      return;
    }
    const fileName = `so-van-ban-${kind === 'incoming' ? 'den' : 'di'}-${year}.${format}`;
    const event = this.emit('egov-register-export', { detail: { kind, year, format, fileName, bytes: r.value }, cancelable: true });
    this.status = this.msg('exported', fileName);
    if (event.defaultPrevented) return;
    const url = URL.createObjectURL(new Blob([r.value.slice()], { type: MEDIA[format] }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  #open(e: RegisterEntry): void {
    const view = e.kind === 'incoming' ? 'incoming' : 'outgoing';
    this.navigate({ view, id: e.documentId });
  }

  #renderError(error: OfficeBackendError): TemplateResult {
    return renderErrorBlock(error, this.locale, { title: this.msg('errorTitle'), retry: this.msg('retry') }, () => void this.#list.load());
  }


  #priority(n: number): string {
    return this.msg('priority').split('|')[n] ?? String(n);
  }

  #notation(e: RegisterEntry): string {
    return [e.codeNumber, e.codeNotation].filter(Boolean).join('/');
  }

  #renderHead(): TemplateResult {
    if (this.kind === 'incoming') {
      return html`<tr>
        <th scope="col" class="wide">${this.msg('in_arrivalDate')}</th>
        <th scope="col">${this.msg('in_number')}</th>
        <th scope="col" class="wide">${this.msg('in_author')}</th>
        <th scope="col" class="wide">${this.msg('in_notation')}</th>
        <th scope="col" class="wide">${this.msg('in_date')}</th>
        <th scope="col">${this.msg('in_subject')}</th>
        <th scope="col" class="wide">${this.msg('in_to')}</th>
        <th scope="col" class="wide">${this.msg('in_due')}</th>
        <th scope="col" class="wide">${this.msg('note')}</th>
      </tr>`;
    }
    return html`<tr>
      <th scope="col">${this.msg('out_notation')}</th>
      <th scope="col" class="wide">${this.msg('out_date')}</th>
      <th scope="col">${this.msg('out_subject')}</th>
      <th scope="col" class="wide">${this.msg('out_signer')}</th>
      <th scope="col" class="wide">${this.msg('out_to')}</th>
      <th scope="col" class="wide">${this.msg('note')}</th>
    </tr>`;
  }

  #subject(e: RegisterEntry): TemplateResult {
    const label = [e.typeName, e.subject].filter(Boolean).join(' — ');
    return html`<button type="button" class="link" aria-label=${`${this.msg('open', e.number)}: ${label}`} @click=${() => this.#open(e)}>${label || '—'}</button>${e.priority > 0
        ? html` <strong>(${this.#priority(e.priority)})</strong>`
        : nothing}`;
  }

  #renderRow(e: RegisterEntry): TemplateResult {
    if (e.kind === 'incoming') {
      return html`<tr part="row" data-number=${e.number}>
        <td class="wide">${e.arrivalDate ?? ''}</td>
        <td class="num">${e.number}</td>
        <td class="wide">${e.organName}</td>
        <td class="wide">${this.#notation(e)}</td>
        <td class="wide">${e.issuedDate ?? ''}</td>
        <td>${this.#subject(e)}</td>
        <td class="wide">${e.toPlaces ?? ''}</td>
        <td class="wide">${e.dueDate ?? ''}</td>
        <td class="wide">${e.note ?? ''}</td>
      </tr>`;
    }
    return html`<tr part="row" data-number=${e.number}>
      <td class="num">${this.#notation(e) || e.number}</td>
      <td class="wide">${e.issuedDate ?? ''}</td>
      <td>${this.#subject(e)}</td>
      <td class="wide">${e.signer ?? ''}</td>
      <td class="wide">${e.toPlaces ?? ''}</td>
      <td class="wide">${e.note ?? ''}</td>
    </tr>`;
  }

  #renderBody(): TemplateResult {
    const thisYear = this.#thisYear;
    const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
    const list = this.#list;
    if (!years.includes(this.#year)) years.push(this.#year);
    return html`<div part="kinds" role="tablist" aria-label=${this.msg('kinds')} @keydown=${(e: KeyboardEvent) => this.#tabKey(e)}>
        ${KINDS.map(
          (k) => html`<button
            part="tab"
            role="tab"
            type="button"
            id=${`tab-${k}`}
            data-kind=${k}
            aria-selected=${k === this.kind ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${k === this.kind ? '0' : '-1'}
            @click=${() => this.#selectKind(k)}
          >
            ${this.msg(k)}
          </button>`,
        )}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby=${`tab-${this.kind}`} class="base">
        <form
          part="filters"
          class="filters"
          aria-label=${this.msg('filters')}
          @submit=${(e: Event) => {
            e.preventDefault();
            const v = new FormData(e.currentTarget as HTMLFormElement).get('q');
            this.#q = typeof v === 'string' ? v.trim() : '';
            void this.#list.first();
          }}
        >
          <label
            >${this.msg('year')}
            <select name="year" @change=${(e: Event) => (this.year = Number((e.target as HTMLSelectElement).value))}>
              ${years.map((y) => html`<option value=${y} ?selected=${y === this.#year}>${y}</option>`)}
            </select></label
          >
          <label>${this.msg('search')} <input type="search" name="q" .value=${this.#q} /></label>
          <button type="submit">${this.msg('apply')}</button>
        </form>
        <div part="export" class="actions" role="group" aria-label=${this.msg('export')}>
          ${FORMATS.map(
            (f) => html`<button type="button" data-export=${f} ?disabled=${this.exporting !== undefined} @click=${() => void this.export(f)}>
              ${this.msg(`export_${f}`)}
            </button>`,
          )}
        </div>
        ${list.error
          ? this.#renderError(list.error)
          : html`<div class="scroller" tabindex="0" role="region" aria-label=${this.msg(this.kind)}>
                <table part="table" aria-busy=${list.loading ? 'true' : 'false'}>
                  <caption class="visually-hidden">${this.msg(this.kind)} ${this.#year}</caption>
                  <thead>${this.#renderHead()}</thead>
                  <tbody>
                    ${list.items.map((e) => this.#renderRow(e))}
                  </tbody>
                </table>
              </div>
              ${list.items.length === 0 && !list.loading ? html`<p>${this.msg('empty')}</p>` : nothing}
              ${renderPager(list, {
                label: this.msg(this.kind),
                previous: this.msg('previous'),
                next: this.msg('next'),
                position: this.msg('page', list.index + 1),
              })}`}
      </div>`;
  }

  override render() {
    const body = this.renderSafely(
      () => (this.host ? this.#renderBody() : html`<p>${this.msg('noBackend')}</p>`),
      (error) => this.#renderError(error),
    );
    return html`<div part="base" class="base">
      <h2>${this.msg('title')}</h2>
      ${body}
      <div role="status" class="visually-hidden">${this.status}</div>
    </div>`;
  }
}
