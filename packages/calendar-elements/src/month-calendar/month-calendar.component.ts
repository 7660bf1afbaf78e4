import { addDays, compareDates, daysInMonth, formatIsoDate, isoWeekday } from '@egov-vn/calendar';
import type { CivilDate, WorkCalendar } from '@egov-vn/calendar';
import { buttonStyles, defineMessages, EgovElement, hostStyles, visuallyHidden } from '@egov-vn/elements-core';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { dayInfo, defaultWorkCalendar, lunarDayMonth, lunarShort, MONTHS_EN, parseIso, todayIso, vnDate, WEEKDAYS, WEEKDAYS_SHORT } from '../internal/days.js';
import styles from './month-calendar.styles.js';

/** An event shown in a day cell. */
export interface MonthCalendarEvent {
  readonly id?: string;
  /** yyyy-mm-dd. */
  readonly date: string;
  /** Last day (yyyy-mm-dd) of a multi-day event; the event is listed on every day from `date` to `end`. */
  readonly end?: string;
  readonly title: string;
  /** "HH:mm", shown before the title. */
  readonly time?: string;
}

const messages = defineMessages({
  vi: {
    previous: 'Tháng trước',
    next: 'Tháng sau',
    lunar: 'âm lịch',
    leapMonth: 'nhuận',
    /** "Tháng 2 năm 2026". */
    monthTitle: (month: number, year: number) => `Tháng ${month} năm ${year}`,
    /** Long accessible date: "Thứ Hai, 16/02/2026" (`weekday` 1 = Monday). */
    longDate: (d: CivilDate, weekday: number) => `${WEEKDAYS.vi[weekday - 1]!}, ${vnDate(d)}`,
    more: (n: number) => `+${n}`,
    moreLabel: (n: number) => `và ${n} sự kiện khác`,
    makeUp: (date: string) => `Làm bù cho ngày ${date}`,
    shown: (title: string) => `Đang xem ${title}`,
  },
  en: {
    previous: 'Previous month',
    next: 'Next month',
    lunar: 'lunar date',
    leapMonth: 'leap',
    monthTitle: (month: number, year: number) => `${MONTHS_EN[month - 1]!} ${year}`,
    longDate: (d: CivilDate, weekday: number) => `${WEEKDAYS.en[weekday - 1]!}, ${d.day} ${MONTHS_EN[d.month - 1]!} ${d.year}`,
    more: (n: number) => `+${n}`,
    moreLabel: (n: number) => `and ${n} more event${n === 1 ? '' : 's'}`,
    makeUp: (date: string) => `Make-up working day for ${date}`,
    shown: (title: string) => `Showing ${title}`,
  },
});

const pad = (n: number): string => String(n).padStart(2, '0');
const monthKey = (d: CivilDate): string => `${d.year}-${pad(d.month)}`;

/**
 * @summary A month grid with lunar day numbers (the first of each lunar month as d/m), public holidays, announced
 * swapped days and events with a "+N" overflow. WAI-ARIA grid: arrows, Home/End (week), PageUp/PageDown (month,
 * with Shift a year), Enter/Space to choose.
 * @tagname egov-month-calendar
 *
 * @fires {EgovMonthCalendarSelectEvent} egov-month-calendar-select - A day was chosen; `detail.date` is yyyy-mm-dd.
 * @fires {EgovMonthCalendarNavigateEvent} egov-month-calendar-navigate - The visible month changed; `detail.month` is yyyy-mm.
 *
 * @csspart base - The wrapper.
 * @csspart header - The title and the previous/next buttons.
 * @csspart title - The month title.
 * @csspart nav-button - The previous and next month buttons.
 * @csspart grid - The table (role grid).
 * @csspart day - Every day cell.
 * @csspart event - An event in a cell.
 * @csspart more - The "+N" overflow count.
 *
 * @cssprop --egov-month-calendar-cell-height - Height of a day cell (default 6rem; `auto` with the `compact` attribute).
 * @cssprop --egov-month-calendar-off-background - Background of days off (holidays, substitute and swapped days).
 * @cssprop --egov-color-primary - Selection ring, today, event marks.
 * @cssprop --egov-color-danger - Holiday names and the first day of a lunar month.
 */
export class EgovMonthCalendar extends EgovElement<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, visuallyHidden, buttonStyles, styles];
  static override properties: PropertyDeclarations = {
    month: { reflect: true },
    value: {},
    min: {},
    max: {},
    today: {},
    events: { attribute: false },
    maxEvents: { type: Number, attribute: 'max-events' },
    disableNonWorking: { type: Boolean, attribute: 'disable-non-working' },
    compact: { type: Boolean, reflect: true },
    calendar: { attribute: false },
    focusedDate: { state: true },
  };

  /** The month shown, yyyy-mm (default: the month of `value`, else the current month). */
  declare month: string;
  /** The selected day, yyyy-mm-dd (empty for none). */
  declare value: string;
  /** First day that can be chosen, yyyy-mm-dd. */
  declare min: string;
  /** Last day that can be chosen, yyyy-mm-dd. */
  declare max: string;
  /** The day marked as today, yyyy-mm-dd (default: today in Vietnam, UTC+7). */
  declare today: string;
  /** Events to list in the cells. */
  declare events: readonly MonthCalendarEvent[];
  /** Events listed per cell before "+N" (default 3). */
  declare maxEvents: number;
  /** Days off (rest days, holidays) cannot be chosen. */
  declare disableNonWorking: boolean;
  /** A smaller grid without events (used by the date picker). */
  declare compact: boolean;
  /** The work calendar (rest days, announcements, agency overrides); default `new WorkCalendar()`. */
  declare calendar: WorkCalendar | undefined;
  declare private focusedDate: string;

  #index = new Map<string, MonthCalendarEvent[]>();
  #focusAfterUpdate = false;
  #announce = '';

  constructor() {
    super();
    this.month = '';
    this.value = '';
    this.min = '';
    this.max = '';
    this.today = '';
    this.events = [];
    this.maxEvents = 3;
    this.disableNonWorking = false;
    this.compact = false;
    this.calendar = undefined;
    this.focusedDate = '';
  }

  /** The month shown as a civil date (its first day). */
  get visibleMonth(): CivilDate {
    const m = /^(\d{4})-(\d{2})$/.exec(this.month);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { year: Number(m[1]), month: Number(m[2]), day: 1 };
    const base = parseIso(this.value) ?? parseIso(this.today) ?? parseIso(todayIso())!;
    return { year: base.year, month: base.month, day: 1 };
  }

  /** Move the focus (roving tabindex) to a day, changing month when needed. */
  focusDate(iso: string): void {
    const d = parseIso(iso);
    if (!d) return;
    this.#goTo(d, true);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('events')) {
      const index = new Map<string, MonthCalendarEvent[]>();
      for (const ev of this.events) {
        const start = parseIso(ev.date);
        if (!start) continue;
        const end = parseIso(ev.end) ?? start;
        const span = Math.min(Math.max(0, compareDates(end, start) > 0 ? daysBetweenSafe(start, end) : 0), 366);
        for (let i = 0; i <= span; i++) {
          const key = i === 0 ? ev.date : formatIsoDate(addDays(start, i));
          let list = index.get(key);
          if (!list) index.set(key, (list = []));
          list.push(ev);
        }
      }
      for (const list of index.values()) list.sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''));
      this.#index = index;
    }
    const vm = this.visibleMonth;
    const f = parseIso(this.focusedDate);
    if (!f || f.year !== vm.year || f.month !== vm.month) {
      const v = parseIso(this.value);
      const t = parseIso(this.today || todayIso());
      const inMonth = (d: CivilDate | undefined) => d && d.year === vm.year && d.month === vm.month;
      this.focusedDate = formatIsoDate(inMonth(v) ? v! : inMonth(t) ? t! : vm);
    }
  }

  override updated(): void {
    if (this.#focusAfterUpdate) {
      this.#focusAfterUpdate = false;
      this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
    }
  }

  #isDisabled(iso: string, working: boolean): boolean {
    if (this.min && iso < this.min) return true;
    if (this.max && iso > this.max) return true;
    return this.disableNonWorking && !working;
  }

  #goTo(d: CivilDate, focus: boolean): void {
    const key = monthKey(d);
    const before = monthKey(this.visibleMonth);
    this.focusedDate = formatIsoDate(d);
    if (key !== before) {
      this.month = key;
      this.#announce = this.msg('shown', this.msg('monthTitle', d.month, d.year));
      this.emit('egov-month-calendar-navigate', { detail: { month: key } });
    }
    this.#focusAfterUpdate = focus;
  }

  #shiftMonths(n: number, focus: boolean): void {
    const f = parseIso(this.focusedDate) ?? this.visibleMonth;
    const total = f.year * 12 + (f.month - 1) + n;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    this.#goTo({ year, month, day: Math.min(f.day, daysInMonth(year, month)) }, focus);
  }

  #select(iso: string, working: boolean): void {
    if (this.#isDisabled(iso, working)) return;
    this.value = iso;
    this.emit('egov-month-calendar-select', { detail: { date: iso } });
  }

  readonly #handleKeydown = (e: KeyboardEvent): void => {
    const f = parseIso(this.focusedDate);
    if (!f) return;
    const wd = isoWeekday(f);
    let target: CivilDate | undefined;
    switch (e.key) {
      case 'ArrowLeft':
        target = addDays(f, -1);
        break;
      case 'ArrowRight':
        target = addDays(f, 1);
        break;
      case 'ArrowUp':
        target = addDays(f, -7);
        break;
      case 'ArrowDown':
        target = addDays(f, 7);
        break;
      case 'Home':
        target = addDays(f, 1 - wd);
        break;
      case 'End':
        target = addDays(f, 7 - wd);
        break;
      case 'PageUp':
        e.preventDefault();
        this.#shiftMonths(e.shiftKey ? -12 : -1, true);
        return;
      case 'PageDown':
        e.preventDefault();
        this.#shiftMonths(e.shiftKey ? 12 : 1, true);
        return;
      case 'Enter':
      case ' ': {
        e.preventDefault();
        const cell = this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]');
        this.#select(this.focusedDate, cell?.dataset.working === 'true');
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    this.#goTo(target, true);
  };

  readonly #handleClick = (e: Event): void => {
    const cell = (e.target as HTMLElement).closest('td');
    const iso = cell?.dataset.date;
    if (!cell || !iso) return;
    const d = parseIso(iso)!;
    this.#goTo(d, true);
    this.#select(iso, cell.dataset.working === 'true');
  };

  #cell(d: CivilDate, vm: CivilDate, cal: WorkCalendar, today: string) {
    const info = dayInfo(cal, d, this.locale);
    const iso = info.iso;
    const outside = d.month !== vm.month;
    const disabled = this.#isDisabled(iso, info.working);
    const list = this.compact ? undefined : this.#index.get(iso);
    const shown = list ? list.slice(0, Math.max(0, this.maxEvents)) : [];
    const hidden = list ? list.length - shown.length : 0;
    const first = info.lunar.day === 1;
    const classes = `${outside ? 'outside ' : ''}${info.working ? '' : 'off '}${iso === today ? 'today' : ''}`;
    return html`<td
      part="day"
      class=${classes}
      data-date=${iso}
      data-working=${String(info.working)}
      tabindex=${iso === this.focusedDate ? 0 : -1}
      aria-selected=${iso === this.value ? 'true' : 'false'}
      aria-disabled=${disabled ? 'true' : nothing}
      aria-current=${iso === today ? 'date' : nothing}
    >
      <span class="nums"
        ><span class="solar" aria-hidden="true">${d.day}</span
        ><span class="lunar ${first ? 'first' : ''}" aria-hidden="true">${lunarShort(info.lunar)}</span></span
      ><span class="visually-hidden"
        >${this.msg('longDate', d, isoWeekday(d))}, ${this.msg('lunar')} ${lunarDayMonth(info.lunar, this.msg('leapMonth'))}</span
      >${info.dayOff ? html`<span class="note">${info.dayOff}</span>` : nothing}${info.makeUpFor
        ? html`<span class="note makeup">${this.msg('makeUp', vnDate(parseIso(info.makeUpFor)!))}</span>`
        : nothing}${shown.length
        ? html`<ul>
            ${shown.map((ev) => html`<li part="event" title=${ev.title}>${ev.time ? `${ev.time} ` : ''}${ev.title}</li>`)}
          </ul>`
        : nothing}${hidden > 0
        ? html`<span part="more" class="more"
            ><span aria-hidden="true">${this.msg('more', hidden)}</span><span class="visually-hidden">${this.msg('moreLabel', hidden)}</span></span
          >`
        : nothing}
    </td>`;
  }

  override render() {
    const vm = this.visibleMonth;
    const cal = this.calendar ?? defaultWorkCalendar();
    const today = this.today || todayIso();
    const start = addDays(vm, 1 - isoWeekday(vm));
    const last = { year: vm.year, month: vm.month, day: daysInMonth(vm.year, vm.month) };
    const weeks = Math.ceil((daysBetweenSafe(start, last) + 1) / 7);
    const title = this.msg('monthTitle', vm.month, vm.year);
    const titleId = 'title';
    const rows = [];
    for (let w = 0; w < weeks; w++) {
      const cells = [];
      for (let i = 0; i < 7; i++) cells.push(this.#cell(addDays(start, w * 7 + i), vm, cal, today));
      rows.push(html`<tr>${cells}</tr>`);
    }
    return html`<div part="base" class="base">
      <div part="header" class="header">
        <button part="nav-button" type="button" aria-label=${this.msg('previous')} @click=${() => this.#shiftMonths(-1, false)}>‹</button>
        <h2 part="title" class="title" id=${titleId}>${title}</h2>
        <button part="nav-button" type="button" aria-label=${this.msg('next')} @click=${() => this.#shiftMonths(1, false)}>›</button>
      </div>
      <table part="grid" role="grid" aria-labelledby=${titleId} @keydown=${this.#handleKeydown} @click=${this.#handleClick}>
        <thead>
          <tr>
            ${WEEKDAYS_SHORT[this.locale].map((s, i) => html`<th scope="col" abbr=${WEEKDAYS[this.locale][i]!}>${s}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announce}</div>
    </div>`;
  }
}

function daysBetweenSafe(a: CivilDate, b: CivilDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
