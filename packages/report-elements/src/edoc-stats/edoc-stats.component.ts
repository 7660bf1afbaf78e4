import { buttonStyles, defineMessages, EgovElement, hostStyles, visuallyHidden } from '@egov-vn/elements-core';
import { html, nothing, svg } from 'lit';
import type { PropertyDeclarations, PropertyValues, SVGTemplateResult, TemplateResult } from 'lit';
import { edocStatsCsv } from '../csv.js';
import { checkRows, directiveTargets, edocMeasures, measureShare, meetsTarget, targetFor } from '../stats.js';
import type { EdocMeasure, EdocStatsRow, EdocTargets, RowProblem } from '../stats.js';
import type { EdocStatsView } from './edoc-stats.events.js';
import styles from './edoc-stats.styles.js';

const messages = defineMessages({
  vi: {
    /** The BCP 47 tag numbers are written in (an added language may set its own). */
    numberLocale: 'vi-VN',
    title: 'Tình hình sử dụng văn bản điện tử',
    views: 'Cách xem',
    chart: 'Biểu đồ',
    table: 'Bảng',
    export: 'Tải CSV',
    exported: (n: number) => `Đã tạo tệp CSV gồm ${n} dòng số liệu.`,
    empty: 'Chưa có số liệu.',
    problems: (n: number) => `${n} lỗi trong số liệu; các dòng lỗi không được vẽ:`,
    problem: (row: number, field: string, text: string) => (row < 0 ? text : `Dòng ${row}${field ? ` (${field})` : ''}: ${text}`),
    period: (agencies: number, first: string, last: string) =>
      `${agencies} cơ quan, ${first === last ? `tháng ${first}` : `từ tháng ${first} đến tháng ${last}`}.`,
    electronicOnly: 'Tỷ lệ văn bản đi gửi hoàn toàn điện tử',
    signed: 'Tỷ lệ văn bản đi có chữ ký số',
    sameDay: 'Tỷ lệ văn bản đến được tiếp nhận trong ngày',
    electronicOnlyShort: 'Gửi hoàn toàn điện tử',
    signedShort: 'Ký số',
    sameDayShort: 'Tiếp nhận trong ngày',
    met: (met: number, all: number) => `${met} trên ${all} lượt cơ quan–tháng đạt chỉ tiêu.`,
    noTarget: 'Không đặt chỉ tiêu.',
    lowest: (name: string, month: string, value: string) => `Thấp nhất: ${name}, tháng ${month}: ${value}.`,
    noData: 'không có văn bản',
    bar: (name: string, month: string, value: string) => `${name}, tháng ${month}: ${value}`,
    cellMet: (value: string, target: string) => `${value} (đạt, chỉ tiêu ${target})`,
    cellMissed: (value: string, target: string) => `${value} (chưa đạt, chỉ tiêu ${target})`,
    agency: 'Cơ quan',
    month: 'Tháng',
    outgoing: 'Văn bản đi',
    incoming: 'Văn bản đến',
    target: 'Chỉ tiêu',
    legend: 'Chú giải',
    tableCaption: 'Số liệu theo cơ quan và tháng',
  },
  en: {
    numberLocale: 'en-GB',
    title: 'Use of electronic documents',
    views: 'View',
    chart: 'Chart',
    table: 'Table',
    export: 'Download CSV',
    exported: (n: number) => `CSV file created with ${n} data ${n === 1 ? 'row' : 'rows'}.`,
    empty: 'No data yet.',
    problems: (n: number) => `${n} ${n === 1 ? 'problem' : 'problems'} in the data; rows with problems are not drawn:`,
    problem: (row: number, field: string, text: string) => (row < 0 ? text : `Row ${row}${field ? ` (${field})` : ''}: ${text}`),
    period: (agencies: number, first: string, last: string) =>
      `${agencies} ${agencies === 1 ? 'agency' : 'agencies'}, ${first === last ? first : `${first} to ${last}`}.`,
    electronicOnly: 'Share of outgoing documents sent electronically only',
    signed: 'Share of outgoing documents digitally signed',
    sameDay: 'Share of incoming documents acknowledged the same day',
    electronicOnlyShort: 'Electronic only',
    signedShort: 'Signed',
    sameDayShort: 'Same-day acknowledgement',
    met: (met: number, all: number) => `${met} of ${all} agency-months meet the target.`,
    noTarget: 'No target set.',
    lowest: (name: string, month: string, value: string) => `Lowest: ${name}, ${month}: ${value}.`,
    noData: 'no documents',
    bar: (name: string, month: string, value: string) => `${name}, ${month}: ${value}`,
    cellMet: (value: string, target: string) => `${value} (met, target ${target})`,
    cellMissed: (value: string, target: string) => `${value} (missed, target ${target})`,
    agency: 'Agency',
    month: 'Month',
    outgoing: 'Outgoing',
    incoming: 'Incoming',
    target: 'Target',
    legend: 'Legend',
    tableCaption: 'Figures by agency and month',
  },
});

const SERIES = 6;

// Chart geometry in CSS pixels: the SVG is drawn at the width measured by a ResizeObserver, one user unit per
// pixel, so the 12 px labels stay 12 px on a phone and on a wide screen (a viewBox would scale them).
const MAX_BAR = 32;
const BAR_GAP = 2;
const GROUP_GAP = 10;
const LEFT = 44;
const RIGHT = 8;
const TOP = 14;
const PLOT = 150;
const BOTTOM = 26;
/** Width given to a month label `mm/yyyy` at 12 px, with room around it; closer labels are thinned. */
const LABEL_ROOM = 60;
/** Width drawn before the first measurement. */
const DEFAULT_WIDTH = 320;
/** Room above a bar for its "!" mark (12 px bold glyph and a gap). */
const MARK = 14;

const monthLabel = (month: string): string => `${month.slice(5)}/${month.slice(0, 4)}`;

/**
 * @summary The e-document usage report: for each agency and month, the share of outgoing documents sent
 * electronically only, the share digitally signed and the share of incoming documents acknowledged the same day,
 * drawn as bar charts against targets (the directives' 80% then 90% by default), with a table view, a text summary
 * for screen readers, and a CSV download (UTF-8 with BOM, RFC 4180). Build `data` with `statsRowsFrom` from
 * `@egov-vn/report-elements/data`.
 * @tagname egov-edoc-stats
 *
 * @fires {EgovEdocStatsExportEvent} egov-edoc-stats-export - The reader asked for the CSV (`detail.csv`, `detail.filename`, `detail.rows`); cancelable, `preventDefault()` stops the download.
 * @fires {EgovEdocStatsViewEvent} egov-edoc-stats-view - The reader switched between chart and table (`detail.view`).
 *
 * @csspart base - The wrapper.
 * @csspart header - The title and toolbar row.
 * @csspart title - The title.
 * @csspart toolbar - The view and export buttons.
 * @csspart view-button - The chart and table buttons (`aria-pressed` tells the current one).
 * @csspart export-button - The CSV button.
 * @csspart summary - The period covered.
 * @csspart chart - One chart (a figure per measure).
 * @csspart chart-title - A chart's caption.
 * @csspart chart-summary - A chart's text summary (targets met, lowest share).
 * @csspart tooltip - The value of the bar under the pointer or with keyboard focus.
 * @csspart legend - The legend of agencies and target line.
 * @csspart table - The table view.
 * @csspart problems - The list of rows that could not be drawn.
 * @csspart empty - The text shown without data.
 * @csspart status - The polite live region (export done).
 *
 * @cssprop --egov-edoc-stats-series-1 - Bar colour of the 1st agency (up to `--egov-edoc-stats-series-6`, then repeated).
 * @cssprop --egov-edoc-stats-target-color - The target line (default `--egov-color-text`).
 * @cssprop --egov-edoc-stats-missed-color - The mark over a bar below its target (default `--egov-color-danger`).
 * @cssprop --egov-edoc-stats-grid-color - The grid lines (default `--egov-color-border`).
 */
export class EgovEdocStats extends EgovElement<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, buttonStyles, visuallyHidden, styles];
  static override properties: PropertyDeclarations = {
    data: { attribute: false },
    targets: { attribute: false },
    view: { reflect: true },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    filename: {},
    status: { state: true },
  };

  /** The rows, one per agency and month (see `EdocStatsRow`); rows with problems are listed, not drawn. */
  declare data: readonly EdocStatsRow[];
  /** The target of each measure (default: the directives', `directiveTargets`). */
  declare targets: EdocTargets;
  /** `chart` (default) or `table`. */
  declare view: EdocStatsView;
  /** The title (default "Tình hình sử dụng văn bản điện tử" / "Use of electronic documents"). */
  declare heading: string;
  /** The title's heading level, 1–6 (default 2). */
  declare headingLevel: number;
  /** The CSV file name (default `bao-cao-van-ban-dien-tu.csv`). */
  declare filename: string;
  declare private status: string;

  #checked: { rows: EdocStatsRow[]; problems: RowProblem[] } = { rows: [], problems: [] };
  #formats = new Map<string, Intl.NumberFormat>();
  /** The measured content width of the charts (CSS px). */
  #width = DEFAULT_WIDTH;
  #resize?: ResizeObserver;
  /** The bar with the chart's one Tab stop, per measure (`agency\u0000month`). */
  #active = new Map<EdocMeasure, string>();
  /** The bar whose value is shown (hover or focus). */
  #tip?: { measure: EdocMeasure; key: string; text: string; x: number; y: number; right: boolean };

  constructor() {
    super();
    this.data = [];
    this.targets = directiveTargets;
    this.view = 'chart';
    this.heading = '';
    this.headingLevel = 2;
    this.filename = 'bao-cao-van-ban-dien-tu.csv';
    this.status = '';
  }

  /** The rows that can be drawn (checked `data`). */
  get rows(): readonly EdocStatsRow[] {
    return this.#checked.rows;
  }

  /** The rows of `data` that cannot be drawn, with the reason. */
  get problems(): readonly RowProblem[] {
    return this.#checked.problems;
  }

  /** The report as CSV text, in the element's language (what the CSV button downloads). */
  toCsv(): string {
    return edocStatsCsv(this.#checked.rows, { lang: this.locale, targets: this.targets });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize ??= new ResizeObserver(() => this.#measure());
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  override updated(): void {
    this.#measure();
  }

  /** Reads the width of a chart figure; draws again when it changed by a pixel or more. */
  #measure(): void {
    const figure = this.renderRoot.querySelector<HTMLElement>('figure.chart');
    if (!figure) return;
    const width = Math.floor(figure.clientWidth);
    if (width > 0 && Math.abs(width - this.#width) >= 1) {
      this.#width = width;
      this.requestUpdate();
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data')) this.#checked = checkRows(this.data);
    // An attribute may say anything: fall back to the chart.
    if (!(['chart', 'table'] as readonly string[]).includes(this.view)) this.view = 'chart';
  }

  #percent(share: number): string {
    const tag = this.msg('numberLocale');
    let format = this.#formats.get(tag);
    if (!format) {
      format = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
      this.#formats.set(tag, format);
    }
    return format.format(share);
  }

  #setView(view: EdocStatsView): void {
    if (view === this.view) return;
    this.view = view;
    this.emit('egov-edoc-stats-view', { detail: { view } });
  }

  readonly #onExport = (): void => {
    const rows = this.#checked.rows;
    const csv = this.toCsv();
    const filename = this.filename || 'bao-cao-van-ban-dien-tu.csv';
    const event = this.emit('egov-edoc-stats-export', { detail: { csv, filename, rows }, cancelable: true });
    if (!event.defaultPrevented) {
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.hidden = true;
      this.renderRoot.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    }
    this.status = this.msg('exported', rows.length);
  };

  #axes(rows: readonly EdocStatsRow[]): { agencies: Array<{ code: string; name: string }>; months: string[] } {
    const agencies = new Map<string, string>();
    for (const r of rows) if (!agencies.has(r.agency)) agencies.set(r.agency, r.agencyName);
    const months = [...new Set(rows.map((r) => r.month))].sort();
    return { agencies: [...agencies].map(([code, name]) => ({ code, name })), months };
  }

  #summary(measure: EdocMeasure, rows: readonly EdocStatsRow[]): string {
    let met = 0;
    let withTarget = 0;
    let lowest: { row: EdocStatsRow; share: number } | undefined;
    for (const row of rows) {
      const share = measureShare(row, measure);
      if (share === undefined) continue;
      if (!lowest || share < lowest.share) lowest = { row, share };
      const ok = meetsTarget(share, targetFor(this.targets, measure, row.month));
      if (ok !== undefined) {
        withTarget += 1;
        if (ok) met += 1;
      }
    }
    const parts = [withTarget > 0 ? this.msg('met', met, withTarget) : this.msg('noTarget')];
    if (lowest) parts.push(this.msg('lowest', lowest.row.agencyName, monthLabel(lowest.row.month), this.#percent(lowest.share)));
    return parts.join(' ');
  }

  #barText(measure: EdocMeasure, name: string, row: EdocStatsRow | undefined, month: string): string {
    const share = row ? measureShare(row, measure) : undefined;
    let value: string;
    if (share === undefined) value = this.msg('noData');
    else {
      const target = targetFor(this.targets, measure, month);
      const met = meetsTarget(share, target);
      value =
        met === undefined ? this.#percent(share) : this.msg(met ? 'cellMet' : 'cellMissed', this.#percent(share), this.#percent(target!));
    }
    return this.msg('bar', name, monthLabel(month), value);
  }

  #showTip(measure: EdocMeasure, key: string, text: string, node: Element): void {
    const plot = node.closest('.plot')!;
    const f = plot.getBoundingClientRect();
    const b = node.getBoundingClientRect();
    this.#tip = { measure, key, text, x: b.left + b.width / 2 - f.left, y: b.top - f.top, right: b.left + b.width / 2 - f.left > f.width / 2 };
    this.requestUpdate();
  }

  #hideTip(key?: string): void {
    if (!this.#tip || (key !== undefined && this.#tip.key !== key)) return;
    this.#tip = undefined;
    this.requestUpdate();
  }

  /** Arrow keys, Home and End move between the bars of a chart (one Tab stop per chart); Escape hides the value. */
  #onChartKey(event: KeyboardEvent, measure: EdocMeasure, keys: string[]): void {
    if (event.key === 'Escape') {
      this.#hideTip();
      return;
    }
    const current = keys.indexOf(this.#active.get(measure) ?? keys[0]!);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? Math.min(keys.length - 1, current + 1)
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? Math.max(0, current - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? keys.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    this.#active.set(measure, keys[next]!);
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const bars = this.renderRoot.querySelectorAll<SVGElement>(`figure[data-measure="${measure}"] [data-key]`);
      [...bars].find((b) => b.dataset['key'] === keys[next])?.focus();
    });
  }

  #chart(measure: EdocMeasure, rows: readonly EdocStatsRow[], agencies: Array<{ code: string; name: string }>, months: string[]): TemplateResult {
    const byKey = new Map(rows.map((r) => [`${r.agency}\u0000${r.month}`, r]));
    const width = Math.max(LEFT + RIGHT + months.length * 4, this.#width);
    const height = TOP + PLOT + BOTTOM;
    const plotWidth = width - LEFT - RIGHT;
    const slot = plotWidth / months.length;
    const bar = Math.max(1, Math.min(MAX_BAR, (slot - GROUP_GAP - (agencies.length - 1) * BAR_GAP) / agencies.length));
    const groupWidth = agencies.length * bar + (agencies.length - 1) * BAR_GAP;
    // Every `step`-th month is labelled when the labels would touch.
    const step = Math.max(1, Math.ceil(LABEL_ROOM / slot));
    const y = (share: number): number => TOP + PLOT * (1 - Math.min(1, Math.max(0, share)));
    const grid = [0, 0.25, 0.5, 0.75, 1].map(
      (g) => svg`<line class="grid" x1=${LEFT - 4} x2=${width - RIGHT} y1=${y(g)} y2=${y(g)}></line>
        <text class="tick" x=${LEFT - 8} y=${y(g) + 4} text-anchor="end">${Math.round(g * 100)}%</text>`,
    );
    const keys = months.flatMap((month) => agencies.map((a) => `${a.code}\u0000${month}`));
    const active = keys.includes(this.#active.get(measure) ?? '') ? this.#active.get(measure)! : keys[0];
    const bars = (month: string, x0: number, target: number | undefined): SVGTemplateResult[] =>
      agencies.map((agency, i) => {
        const key = `${agency.code}\u0000${month}`;
        const row = byKey.get(key);
        const share = row ? measureShare(row, measure) : undefined;
        const x = x0 + i * (bar + BAR_GAP);
        const label = this.#barText(measure, agency.name, row, month);
        const common = {
          key,
          label,
          tabindex: key === active ? '0' : '-1',
        };
        const events = {
          enter: (e: Event) => this.#showTip(measure, key, label, e.currentTarget as Element),
          focus: (e: Event) => {
            this.#active.set(measure, key);
            this.#showTip(measure, key, label, e.currentTarget as Element);
          },
          leave: () => this.#hideTip(key),
        };
        if (share === undefined) {
          // No documents: a dashed outline the height of the plot's lower quarter, with a dash, never a 0 % bar.
          return svg`<g class="no-data" role="img" aria-label=${common.label} tabindex=${common.tabindex} data-key=${key}
              data-agency=${agency.code} data-month=${month}
              @pointerenter=${events.enter} @pointerleave=${events.leave} @focus=${events.focus} @blur=${events.leave}>
            <rect x=${x + 0.5} y=${TOP + PLOT * 0.75} width=${Math.max(0, bar - 1)} height=${PLOT * 0.25 - 0.5}></rect>
            <text class="none" x=${x + bar / 2} y=${TOP + PLOT - 4} text-anchor="middle" aria-hidden="true">–</text>
          </g>`;
        }
        const missed = meetsTarget(share, target) === false;
        // A 0 % bar is still drawn: a 2 px sliver on the axis.
        const top = Math.min(y(share), TOP + PLOT - 2);
        // The "!" sits above the bar, or above the target line when the line runs through that room.
        const markY = target !== undefined && y(target) > top - MARK - 2 ? y(target) - 6 : top - 3;
        return svg`<rect class="bar series-${i % SERIES}${missed ? ' missed' : ''}" role="img" aria-label=${common.label}
            tabindex=${common.tabindex} data-key=${key} data-agency=${agency.code} data-month=${month}
            x=${x} y=${top} width=${bar} height=${TOP + PLOT - top}
            @pointerenter=${events.enter} @pointerleave=${events.leave} @focus=${events.focus} @blur=${events.leave}></rect>${
              missed
                ? svg`<text class="missed-mark" aria-hidden="true" data-month=${month} x=${x + bar / 2} y=${markY} text-anchor="middle">!</text>`
                : nothing
            }`;
      });
    const groups: SVGTemplateResult[] = months.map((month, g) => {
      const center = LEFT + slot * (g + 0.5);
      const x0 = center - groupWidth / 2;
      const target = targetFor(this.targets, measure, month);
      const targetLine =
        target === undefined
          ? nothing
          : svg`<line class="target" data-month=${month} x1=${x0 - 4} x2=${x0 + groupWidth + 4} y1=${y(target)} y2=${y(target)}></line>`;
      const label =
        g % step === 0
          ? svg`<text class="label" aria-hidden="true" x=${center} y=${TOP + PLOT + 18} text-anchor="middle">${monthLabel(month)}</text>`
          : nothing;
      return svg`<g class="group">${targetLine}${bars(month, x0, target)}${label}</g>`;
    });
    const id = `chart-${measure}`;
    const tip = this.#tip?.measure === measure ? this.#tip : undefined;
    return html`<figure part="chart" class="chart" data-measure=${measure}>
      <figcaption part="chart-title" id="${id}-title">${this.msg(measure)}</figcaption>
      <div class="plot">
        <svg
          role="group"
          aria-labelledby="${id}-title ${id}-summary"
          width=${width}
          height=${height}
          @keydown=${(e: KeyboardEvent) => this.#onChartKey(e, measure, keys)}
        >
          <g aria-hidden="true">${grid}</g>
          ${groups}
        </svg>
        ${tip
          ? html`<div
              part="tooltip"
              class="tooltip"
              aria-hidden="true"
              style=${tip.right ? `right: max(0px, calc(100% - ${tip.x + 16}px)); top: ${tip.y}px` : `left: max(0px, ${tip.x - 16}px); top: ${tip.y}px`}
            >
              ${tip.text}
            </div>`
          : nothing}
      </div>
      <p part="chart-summary" class="chart-summary" id="${id}-summary">${this.#summary(measure, rows)}</p>
    </figure>`;
  }

  #legend(agencies: Array<{ name: string }>): TemplateResult {
    const hasTarget = edocMeasures.some((m) => this.targets[m] !== undefined && this.targets[m] !== null);
    return html`<ul part="legend" class="legend" aria-label=${this.msg('legend')}>
      ${agencies.map((a, i) => html`<li><span class="swatch series-${i % SERIES}" aria-hidden="true"></span>${a.name}</li>`)}
      ${hasTarget ? html`<li><span class="swatch target" aria-hidden="true"></span>${this.msg('target')}</li>` : nothing}
      <li><span class="swatch no-data" aria-hidden="true"></span>${this.msg('noData')}</li>
    </ul>`;
  }

  #cell(row: EdocStatsRow, measure: EdocMeasure): TemplateResult {
    const share = measureShare(row, measure);
    if (share === undefined) return html`<td class="none">${this.msg('noData')}</td>`;
    const target = targetFor(this.targets, measure, row.month);
    const value = this.#percent(share);
    if (target === undefined) return html`<td>${value}</td>`;
    const met = meetsTarget(share, target)!;
    return html`<td class=${met ? 'met' : 'missed'}>${this.msg(met ? 'cellMet' : 'cellMissed', value, this.#percent(target))}</td>`;
  }

  #table(rows: readonly EdocStatsRow[], agencies: Array<{ code: string }>): TemplateResult {
    const order = new Map(agencies.map((a, i) => [a.code, i]));
    const ordered = [...rows].sort((a, b) => order.get(a.agency)! - order.get(b.agency)! || a.month.localeCompare(b.month));
    return html`<div class="table-wrap">
      <table part="table">
        <caption>${this.msg('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">${this.msg('agency')}</th>
            <th scope="col">${this.msg('month')}</th>
            <th scope="col">${this.msg('outgoing')}</th>
            <th scope="col">${this.msg('electronicOnlyShort')}</th>
            <th scope="col">${this.msg('signedShort')}</th>
            <th scope="col">${this.msg('incoming')}</th>
            <th scope="col">${this.msg('sameDayShort')}</th>
          </tr>
        </thead>
        <tbody>
          ${ordered.map(
            (row) => html`<tr data-agency=${row.agency} data-month=${row.month}>
              <th scope="row">${row.agencyName}</th>
              <td>${monthLabel(row.month)}</td>
              <td class="num">${row.outgoing.total}</td>
              ${this.#cell(row, 'electronicOnly')}${this.#cell(row, 'signed')}
              <td class="num">${row.incoming.received}</td>
              ${this.#cell(row, 'sameDay')}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const { rows, problems } = this.#checked;
    const { agencies, months } = this.#axes(rows);
    const level = Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6 ? this.headingLevel : 2;
    const chart = this.view === 'chart';
    return html`<section part="base" class="base" aria-labelledby="title">
      <div part="header" class="header">
        <div part="title" class="title" id="title" role="heading" aria-level=${level}>${this.heading || this.msg('title')}</div>
        <div part="toolbar" class="toolbar">
          <div role="group" aria-label=${this.msg('views')} class="views">
            <button part="view-button" type="button" aria-pressed=${chart ? 'true' : 'false'} @click=${() => this.#setView('chart')}>
              ${this.msg('chart')}
            </button>
            <button part="view-button" type="button" aria-pressed=${chart ? 'false' : 'true'} @click=${() => this.#setView('table')}>
              ${this.msg('table')}
            </button>
          </div>
          <button part="export-button" type="button" ?disabled=${rows.length === 0} @click=${this.#onExport}>${this.msg('export')}</button>
        </div>
      </div>
      ${problems.length > 0
        ? html`<div part="problems" class="problems" role="alert">
            <p>${this.msg('problems', problems.length)}</p>
            <ul>
              ${problems.map((p) => html`<li>${this.msg('problem', p.index < 0 ? -1 : p.index + 1, p.field, p.text[this.locale])}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${rows.length === 0
        ? html`<p part="empty" class="empty">${this.msg('empty')}</p>`
        : html`<p part="summary" class="summary">${this.msg('period', agencies.length, monthLabel(months[0]!), monthLabel(months.at(-1)!))}</p>
            ${chart
              ? html`${this.#legend(agencies)}
                  <div class="charts">${edocMeasures.map((m) => this.#chart(m, rows, agencies, months))}</div>`
              : this.#table(rows, agencies)}`}
      <p part="status" class="visually-hidden" role="status">${this.status}</p>
    </section>`;
  }
}
