import { addDays, formatIsoDate, isoWeekDays, isoWeekOf, isoWeeksInYear } from '@egov-vn/calendar';
import type { WorkCalendar } from '@egov-vn/calendar';
import type { ScheduleEntry, Session, WeekSchedule, WeekScheduleInput } from '@egov-vn/calendar/schedule';
import { withScheduleDefaults } from './defaults.js';
import { defineMessages, EgovElement, hostStyles, visuallyHidden } from '@egov-vn/elements-core';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { dayInfo, defaultWorkCalendar, todayIso, lunarDayMonth, vnDate, WEEKDAYS } from '../internal/days.js';
import styles, { printPageCss } from './week-schedule.styles.js';

const messages = defineMessages({
  vi: {
    title: (from: string, to: string) => `Lịch công tác tuần từ ngày ${from} đến ngày ${to}`,
    week: (w: number, y: number) => `Tuần ${w}/${y}`,
    previous: 'Tuần trước',
    next: 'Tuần sau',
    thisWeek: 'Tuần này',
    leader: 'Lãnh đạo',
    unit: 'Đơn vị',
    all: 'Tất cả',
    print: 'In lịch',
    exportIcs: 'Xuất iCalendar',
    add: 'Thêm lịch',
    edit: 'Sửa',
    editLabel: (content: string) => `Sửa: ${content}`,
    day: 'Ngày',
    session: 'Buổi',
    time: 'Thời gian',
    content: 'Nội dung',
    chair: 'Chủ trì',
    participants: 'Thành phần',
    place: 'Địa điểm',
    preparingUnit: 'Đơn vị chuẩn bị',
    notes: 'Ghi chú',
    endTime: 'Thời gian kết thúc',
    status: 'Trạng thái',
    participantsHint: 'mỗi dòng một người hoặc đơn vị',
    lunar: (d: string) => `Âm lịch ${d}`,
    leapMonth: 'nhuận',
    none: 'Không có lịch',
    sang: 'Sáng',
    chieu: 'Chiều',
    toi: 'Tối',
    planned: 'Dự kiến',
    changed: 'Thay đổi',
    cancelled: 'Hủy',
    postponed: 'Hoãn',
    added: 'Bổ sung',
    save: 'Lưu',
    cancel: 'Đóng',
    formAdd: 'Thêm lịch công tác',
    formEdit: 'Sửa lịch công tác',
    errors: (n: number) => `Có ${n} lỗi cần sửa:`,
    shown: (w: string) => `Đang xem ${w}`,
    count: (n: number) => `${n} mục lịch`,
    endBeforeStart: 'Thời gian kết thúc: phải sau thời gian bắt đầu',
  },
  en: {
    title: (from: string, to: string) => `Work schedule from ${from} to ${to}`,
    week: (w: number, y: number) => `Week ${w}/${y}`,
    previous: 'Previous week',
    next: 'Next week',
    thisWeek: 'This week',
    leader: 'Leader',
    unit: 'Unit',
    all: 'All',
    print: 'Print',
    exportIcs: 'Export iCalendar',
    add: 'Add entry',
    edit: 'Edit',
    editLabel: (content: string) => `Edit: ${content}`,
    day: 'Day',
    session: 'Session',
    time: 'Time',
    content: 'Content',
    chair: 'Chair',
    participants: 'Participants',
    place: 'Place',
    preparingUnit: 'Preparing unit',
    notes: 'Notes',
    endTime: 'End time',
    status: 'Status',
    participantsHint: 'one person or unit per line',
    lunar: (d: string) => `Lunar ${d}`,
    leapMonth: 'leap',
    none: 'No entries',
    sang: 'Morning',
    chieu: 'Afternoon',
    toi: 'Evening',
    planned: 'Planned',
    changed: 'Changed',
    cancelled: 'Cancelled',
    postponed: 'Postponed',
    added: 'Added',
    save: 'Save',
    cancel: 'Close',
    formAdd: 'Add a schedule entry',
    formEdit: 'Edit a schedule entry',
    errors: (n: number) => `${n} problem${n === 1 ? '' : 's'} to fix:`,
    shown: (w: string) => `Showing ${w}`,
    count: (n: number) => `${n} entr${n === 1 ? 'y' : 'ies'}`,
    endBeforeStart: 'End time: must be after the start time',
  },
});

type Msg = typeof messages;
const SESSION_ORDER: readonly Session[] = ['sang', 'chieu', 'toi'];
const FIELDS = ['date', 'session', 'time', 'endTime', 'content', 'chair', 'participants', 'place', 'preparingUnit', 'notes', 'status'] as const;
type Field = (typeof FIELDS)[number];

let printSheetInstalled = false;
function installPrintPage(doc: Document): void {
  if (printSheetInstalled || !('adoptedStyleSheets' in doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(printPageCss);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  printSheetInstalled = true;
}

/** randomUUID exists only in secure contexts (https, localhost); intranet portals on plain http get a random id. */
const newId = (): string =>
  'randomUUID' in crypto ? crypto.randomUUID() : `e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const byTime = (a: ScheduleEntry, b: ScheduleEntry): number => (a.time ?? '').localeCompare(b.time ?? '');

/**
 * @summary The weekly work schedule (lịch công tác tuần) as agencies publish it: one block per day (Thứ Hai … Chủ
 * nhật with the solar and lunar date and holiday names), Sáng/Chiều rows, time / content / chair / participants /
 * place / preparing unit; filters by leader and unit; week navigation; changed, postponed and cancelled entries
 * marked in words; an A4 landscape print layout (a real table whose header repeats on every page); iCalendar export
 * (loaded on demand); and an editable mode whose form is validated by the zod models of @egov-vn/calendar/schedule.
 * @tagname egov-week-schedule
 *
 * @fires {EgovWeekScheduleChangeEvent} egov-week-schedule-change - An entry was added or changed in editable mode (cancelable).
 * @fires {EgovWeekScheduleNavigateEvent} egov-week-schedule-navigate - The visible week changed.
 * @fires {EgovWeekScheduleExportEvent} egov-week-schedule-export - iCalendar text of the visible entries (cancelable: prevents the download).
 *
 * @csspart base - The wrapper.
 * @csspart toolbar - Navigation, filters and actions (hidden in print).
 * @csspart table - The schedule table.
 * @csspart caption - The title and revision label.
 * @csspart day - The day heading cell of each day block.
 * @csspart entry - A row with an entry.
 * @csspart status - The status label of an added, changed, postponed or cancelled entry.
 * @csspart form - The edit form (in a modal dialog).
 *
 * @cssprop --egov-week-schedule-border-color - Table borders.
 * @cssprop --egov-week-schedule-header-background - Background of the column headings.
 * @cssprop --egov-week-schedule-font-size - Table font size (10pt in print).
 */
export class EgovWeekSchedule extends EgovElement<Msg> {
  static override messages = messages;
  static override styles = [hostStyles, visuallyHidden, styles];
  static override properties: PropertyDeclarations = {
    schedule: { attribute: false },
    week: { reflect: true },
    leader: {},
    unit: {},
    editable: { type: Boolean, reflect: true },
    calendar: { attribute: false },
    editing: { state: true },
    problems: { state: true },
  };

  /**
   * The schedule (a `WeekScheduleInput` of @egov-vn/calendar/schedule: fields with defaults, such as an entry's
   * `status` or `revisions`, may be left out). Entries outside the visible week are not shown.
   */
  declare schedule: WeekScheduleInput | undefined;
  #weekFor: WeekScheduleInput | undefined;
  #weekCache: WeekSchedule | undefined;
  /** `schedule` with the model's defaults filled in (recomputed when a new schedule object is set). */
  get #week(): WeekSchedule | undefined {
    if (this.schedule !== this.#weekFor) {
      this.#weekFor = this.schedule;
      this.#weekCache = this.schedule ? withScheduleDefaults(this.schedule) : undefined;
    }
    return this.#weekCache;
  }
  /** The visible ISO week, `yyyy-Www` (default: the schedule's week). */
  declare week: string;
  /** Show only entries this leader chairs or attends (exact name, as listed in the filter). */
  declare leader: string;
  /** Show only entries this unit prepares or attends. */
  declare unit: string;
  /** Show the add/edit buttons and the form. */
  declare editable: boolean;
  /** The work calendar (holidays, days off); default `new WorkCalendar()`. */
  declare calendar: WorkCalendar | undefined;
  declare private editing: ScheduleEntry | 'new' | undefined;
  declare private problems: ReadonlyMap<string, string>;

  #announce = '';
  #byDay = new Map<string, ScheduleEntry[]>();

  constructor() {
    super();
    this.schedule = undefined;
    this.week = '';
    this.leader = '';
    this.unit = '';
    this.editable = false;
    this.calendar = undefined;
    this.editing = undefined;
    this.problems = new Map();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installPrintPage(this.ownerDocument);
  }

  /** The visible ISO week. */
  get visibleWeek(): { isoYear: number; isoWeek: number } {
    const m = /^(\d{4})-W(\d{2})$/.exec(this.week);
    if (m) {
      const isoYear = Number(m[1]);
      const isoWeek = Number(m[2]);
      if (isoYear >= 1800 && isoYear <= 2199 && isoWeek >= 1 && isoWeek <= isoWeeksInYear(isoYear)) return { isoYear, isoWeek };
    }
    const schedule = this.#week;
    if (schedule) return { isoYear: schedule.isoYear, isoWeek: schedule.isoWeek };
    const { year, week } = isoWeekOf(todayIso());
    return { isoYear: year, isoWeek: week };
  }

  /** The entries shown: in the visible week and passing the leader and unit filters. */
  get visibleEntries(): ScheduleEntry[] {
    return [...this.#byDay.values()].flat();
  }

  /** Leaders that can be picked in the filter: every chair and participant, sorted. */
  get leaders(): string[] {
    const set = new Set<string>();
    for (const e of this.#week?.entries ?? []) {
      if (e.chair) set.add(e.chair);
    }
    return [...set].sort((a, b) => a.localeCompare(b, 'vi'));
  }

  /** Units that can be picked in the filter: every preparing unit, sorted. */
  get units(): string[] {
    const set = new Set<string>();
    for (const e of this.#week?.entries ?? []) if (e.preparingUnit) set.add(e.preparingUnit);
    return [...set].sort((a, b) => a.localeCompare(b, 'vi'));
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schedule') || changed.has('week') || changed.has('leader') || changed.has('unit')) {
      const days = new Set(this.#days().map(formatIsoDate));
      const map = new Map<string, ScheduleEntry[]>();
      for (const e of this.#week?.entries ?? []) {
        if (!days.has(e.date)) continue;
        if (this.leader && e.chair !== this.leader && !e.participants.includes(this.leader)) continue;
        if (this.unit && e.preparingUnit !== this.unit && !e.participants.includes(this.unit)) continue;
        let list = map.get(e.date);
        if (!list) map.set(e.date, (list = []));
        list.push(e);
      }
      for (const list of map.values()) list.sort(byTime);
      this.#byDay = map;
    }
  }

  #days() {
    const { isoYear, isoWeek } = this.visibleWeek;
    return isoWeekDays(isoYear, isoWeek);
  }

  /** Show the week `delta` weeks away (negative: earlier). */
  shiftWeek(delta: number): void {
    const first = this.#days()[0]!;
    const { year, week } = isoWeekOf(addDays(first, delta * 7));
    this.week = `${year}-W${String(week).padStart(2, '0')}`;
    this.#announce = this.msg('shown', this.msg('week', week, year));
    this.emit('egov-week-schedule-navigate', { detail: { isoYear: year, isoWeek: week } });
  }

  /** Build the iCalendar text of the visible entries (loads @egov-vn/calendar/ical on first use) and emit it. */
  async exportICalendar(): Promise<string> {
    const { scheduleEntryToEvent, toICalendar } = await import('@egov-vn/calendar/ical');
    const { isoYear, isoWeek } = this.visibleWeek;
    const ics = toICalendar(
      this.visibleEntries.map((e) => scheduleEntryToEvent(e)),
      { name: this.#week?.agency ?? this.msg('week', isoWeek, isoYear), lang: this.locale },
    );
    const filename = `lich-cong-tac-${isoYear}-W${String(isoWeek).padStart(2, '0')}.ics`;
    const event = this.emit('egov-week-schedule-export', { detail: { ics, filename }, cancelable: true });
    if (!event.defaultPrevented) {
      const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
      const a = Object.assign(this.ownerDocument.createElement('a'), { href: url, download: filename });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }
    return ics;
  }

  /** Open the form for a new entry (editable mode). */
  openForm(entry?: ScheduleEntry): void {
    this.problems = new Map();
    this.editing = entry ?? 'new';
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
    });
  }

  #closeForm(): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.editing = undefined;
  }

  readonly #handleSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const str = (k: Field): string | undefined => {
      const raw = data.get(k);
      const v = typeof raw === 'string' ? raw.trim() : '';
      return v === '' ? undefined : v;
    };
    const previous = this.editing === 'new' ? undefined : this.editing;
    const input = {
      id: previous?.id ?? newId(),
      date: str('date'),
      session: str('session'),
      time: str('time'),
      endTime: str('endTime'),
      content: str('content') ?? '',
      chair: str('chair'),
      participants: (str('participants') ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
      place: str('place'),
      preparingUnit: str('preparingUnit'),
      notes: str('notes'),
      status: str('status') ?? 'planned',
      revisions: previous?.revisions ?? [],
    };
    const { createScheduleSchemas, reviseEntry } = await import('@egov-vn/calendar/schedule');
    const parsed = createScheduleSchemas(this.locale).entry.safeParse(input);
    if (!parsed.success) {
      const problems = new Map<string, string>();
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'form');
        if (!problems.has(key)) problems.set(key, issue.message);
      }
      if (input.time && input.endTime && input.endTime <= input.time && !problems.has('endTime')) {
        problems.set('endTime', this.msg('endBeforeStart'));
      }
      this.problems = problems;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.errors')?.focus();
      return;
    }
    let entry = parsed.data;
    if (previous) {
      const patch: Partial<ScheduleEntry> = {};
      for (const f of FIELDS) (patch as Record<string, unknown>)[f] = entry[f];
      const status = entry.status === 'planned' && previous.status === 'planned' ? 'changed' : entry.status;
      entry = reviseEntry(previous, { ...patch, status }, { at: new Date().toISOString() });
    }
    const event = this.emit('egov-week-schedule-change', {
      detail: { action: previous ? 'update' : 'add', entry, ...(previous ? { previous } : {}) },
      cancelable: true,
    });
    const week = this.#week;
    if (!event.defaultPrevented && week) {
      const entries = previous ? week.entries.map((x) => (x.id === previous.id ? entry : x)) : [...week.entries, entry];
      this.schedule = { ...week, entries };
    }
    this.#closeForm();
  };

  #statusLabel(e: ScheduleEntry): TemplateResult | typeof nothing {
    if (e.status === 'planned') return nothing;
    return html` <span part="status" class="status">(${this.msg(e.status)})</span>`;
  }

  #entryCells(e: ScheduleEntry) {
    // data-label: the column heading shown before the value when the week is laid out as a day list (narrow widths).
    return html`<td class="time">${e.time ?? ''}${e.endTime ? `–${e.endTime}` : ''}</td>
      <td class="content">${e.content}${this.#statusLabel(e)}${e.notes ? html`<br /><em>${e.notes}</em>` : nothing}</td>
      <td data-label=${this.msg('chair')}>${e.chair ?? ''}</td>
      <td data-label=${this.msg('participants')}>${e.participants.join(', ')}</td>
      <td data-label=${this.msg('place')}>${e.place ?? ''}</td>
      <td data-label=${this.msg('preparingUnit')}>${e.preparingUnit ?? ''}</td>
      ${this.editable
        ? html`<td class="edit">
            <button type="button" aria-label=${this.msg('editLabel', e.content)} @click=${() => this.openForm(e)}>${this.msg('edit')}</button>
          </td>`
        : nothing}`;
  }

  #dayBlock(d: ReturnType<typeof isoWeekDays>[number], weekday: number, cal: WorkCalendar) {
    const iso = formatIsoDate(d);
    const info = dayInfo(cal, d, this.locale);
    const entries = this.#byDay.get(iso) ?? [];
    const sessions = SESSION_ORDER.filter((s) => s !== 'toi' || entries.some((e) => e.session === 'toi'));
    const rows: TemplateResult[] = [];
    const cols = this.editable ? 7 : 6;
    const total = sessions.reduce((n, s) => n + Math.max(1, entries.filter((e) => e.session === s).length), 0);
    const dayCell = html`<th part="day" class="day" scope="rowgroup" rowspan=${total}>
      ${WEEKDAYS[this.locale][weekday]} <span class="solar">${vnDate(d)}</span>
      <span class="lunar">${this.msg('lunar', lunarDayMonth(info.lunar, this.msg('leapMonth')))}</span>
      ${info.dayOff ? html`<span class="holiday">${info.dayOff}</span>` : nothing}
    </th>`;
    sessions.forEach((s, si) => {
      const list = entries.filter((e) => e.session === s);
      const sessionCell = html`<th scope="rowgroup" rowspan=${Math.max(1, list.length)}>${this.msg(s)}</th>`;
      if (list.length === 0) {
        rows.push(html`<tr>
          ${si === 0 ? dayCell : nothing}${sessionCell}
          <td class="empty" colspan=${cols}>${this.msg('none')}</td>
        </tr>`);
      }
      list.forEach((e, i) => {
        rows.push(html`<tr part="entry" class=${e.status} data-id=${e.id}>
          ${si === 0 && i === 0 ? dayCell : nothing}${i === 0 ? sessionCell : nothing}${this.#entryCells(e)}
        </tr>`);
      });
    });
    return html`<tbody>
      ${rows}
    </tbody>`;
  }

  #field(name: Field, label: string, control: TemplateResult, wide = false) {
    const error = this.problems.get(name);
    return html`<label class=${wide ? 'wide' : ''}
      >${label}${control}${error ? html`<span class="field-error" id=${`err-${name}`}>${error}</span>` : nothing}</label
    >`;
  }

  #form() {
    if (!this.editing) return nothing;
    const e = this.editing === 'new' ? undefined : this.editing;
    const days = this.#days();
    const inv = (n: Field) => (this.problems.has(n) ? 'true' : 'false');
    const desc = (n: Field) => (this.problems.has(n) ? `err-${n}` : nothing);
    const problems = [...this.problems.values()];
    return html`<dialog aria-labelledby="form-title" @close=${() => (this.editing = undefined)}>
      <h2 id="form-title">${e ? this.msg('formEdit') : this.msg('formAdd')}</h2>
      ${problems.length
        ? html`<div class="errors wide" tabindex="-1" role="alert">
            ${this.msg('errors', problems.length)}
            <ul>
              ${problems.map((p) => html`<li>${p}</li>`)}
            </ul>
          </div>`
        : nothing}
      <form part="form" novalidate @submit=${this.#handleSubmit}>
        ${this.#field(
          'date',
          this.msg('day'),
          html`<select name="date" aria-invalid=${inv('date')} aria-describedby=${desc('date')}>
            ${days.map((d, i) => {
              const iso = formatIsoDate(d);
              return html`<option value=${iso} ?selected=${e?.date === iso}>${WEEKDAYS[this.locale][i]} ${vnDate(d)}</option>`;
            })}
          </select>`,
        )}
        ${this.#field(
          'session',
          this.msg('session'),
          html`<select name="session" aria-invalid=${inv('session')} aria-describedby=${desc('session')}>
            ${SESSION_ORDER.map((s) => html`<option value=${s} ?selected=${e?.session === s}>${this.msg(s)}</option>`)}
          </select>`,
        )}
        ${this.#field('time', this.msg('time'), html`<input name="time" type="time" .value=${e?.time ?? ''} aria-invalid=${inv('time')} aria-describedby=${desc('time')} />`)}
        ${this.#field(
          'endTime',
          this.msg('endTime'),
          html`<input name="endTime" type="time" .value=${e?.endTime ?? ''} aria-invalid=${inv('endTime')} aria-describedby=${desc('endTime')} />`,
        )}
        ${this.#field(
          'content',
          this.msg('content'),
          html`<textarea name="content" rows="3" required aria-invalid=${inv('content')} aria-describedby=${desc('content')} .value=${e?.content ?? ''}></textarea>`,
          true,
        )}
        ${this.#field('chair', this.msg('chair'), html`<input name="chair" .value=${e?.chair ?? ''} aria-invalid=${inv('chair')} aria-describedby=${desc('chair')} />`)}
        ${this.#field('place', this.msg('place'), html`<input name="place" .value=${e?.place ?? ''} aria-invalid=${inv('place')} aria-describedby=${desc('place')} />`)}
        ${this.#field(
          'participants',
          `${this.msg('participants')} (${this.msg('participantsHint')})`,
          html`<textarea name="participants" rows="3" aria-invalid=${inv('participants')} aria-describedby=${desc('participants')} .value=${(e?.participants ?? []).join('\n')}></textarea>`,
          true,
        )}
        ${this.#field(
          'preparingUnit',
          this.msg('preparingUnit'),
          html`<input name="preparingUnit" .value=${e?.preparingUnit ?? ''} aria-invalid=${inv('preparingUnit')} aria-describedby=${desc('preparingUnit')} />`,
        )}
        ${this.#field(
          'status',
          this.msg('status'),
          html`<select name="status" aria-invalid=${inv('status')} aria-describedby=${desc('status')}>
            ${(['planned', 'added', 'changed', 'postponed', 'cancelled'] as const).map((s) => html`<option value=${s} ?selected=${e?.status === s}>${this.msg(s)}</option>`)}
          </select>`,
        )}
        ${this.#field('notes', this.msg('notes'), html`<input name="notes" .value=${e?.notes ?? ''} aria-invalid=${inv('notes')} aria-describedby=${desc('notes')} />`, true)}
        <div class="actions">
          <button type="button" @click=${() => this.#closeForm()}>${this.msg('cancel')}</button>
          <button type="submit" class="primary">${this.msg('save')}</button>
        </div>
      </form>
    </dialog>`;
  }

  override render() {
    const days = this.#days();
    const cal = this.calendar ?? defaultWorkCalendar();
    const { isoYear, isoWeek } = this.visibleWeek;
    const title = this.msg('title', vnDate(days[0]!), vnDate(days[6]!));
    const leaders = this.leaders;
    const units = this.units;
    return html`<div part="base" class="base">
      <div part="toolbar" class="toolbar">
        <button type="button" @click=${() => this.shiftWeek(-1)}>‹ ${this.msg('previous')}</button>
        <strong>${this.msg('week', isoWeek, isoYear)}</strong>
        <button type="button" @click=${() => this.shiftWeek(1)}>${this.msg('next')} ›</button>
        <label
          >${this.msg('leader')}
          <select @change=${(e: Event) => (this.leader = (e.target as HTMLSelectElement).value)}>
            <option value="">${this.msg('all')}</option>
            ${leaders.map((l) => html`<option value=${l} ?selected=${l === this.leader}>${l}</option>`)}
          </select></label
        >
        <label
          >${this.msg('unit')}
          <select @change=${(e: Event) => (this.unit = (e.target as HTMLSelectElement).value)}>
            <option value="">${this.msg('all')}</option>
            ${units.map((u) => html`<option value=${u} ?selected=${u === this.unit}>${u}</option>`)}
          </select></label
        >
        <button type="button" @click=${() => window.print()}>${this.msg('print')}</button>
        <button type="button" @click=${() => void this.exportICalendar()}>${this.msg('exportIcs')}</button>
        ${this.editable ? html`<button type="button" class="primary" @click=${() => this.openForm()}>${this.msg('add')}</button>` : nothing}
      </div>
      <table part="table">
        <caption part="caption">
          ${this.#week?.agency ? html`${this.#week.agency}<br />` : nothing}${this.#week?.title ?? title}
          ${this.#week?.revisionLabel ? html`<span class="revision">(${this.#week.revisionLabel})</span>` : nothing}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.msg('day')}</th>
            <th scope="col">${this.msg('session')}</th>
            <th scope="col">${this.msg('time')}</th>
            <th scope="col">${this.msg('content')}</th>
            <th scope="col">${this.msg('chair')}</th>
            <th scope="col">${this.msg('participants')}</th>
            <th scope="col">${this.msg('place')}</th>
            <th scope="col">${this.msg('preparingUnit')}</th>
            ${this.editable ? html`<th scope="col" class="edit"><span class="visually-hidden">${this.msg('edit')}</span></th>` : nothing}
          </tr>
        </thead>
        ${days.map((d, i) => this.#dayBlock(d, i, cal))}
      </table>
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announce}</div>
      ${this.#form()}
    </div>`;
  }
}
