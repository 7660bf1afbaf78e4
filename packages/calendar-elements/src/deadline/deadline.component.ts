import type { DeadlineInfo, WorkCalendar } from '@egov-vn/calendar';
import { defineMessages, EgovElement, hostStyles } from '@egov-vn/elements-core';
import { html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { defaultWorkCalendar, parseIso, todayIso, vnDate } from '../internal/days.js';
import styles from './deadline.styles.js';

const messages = defineMessages({
  vi: {
    label: (due: string, status: string) => `Hạn xử lý ${due}: ${status}`,
    invalid: 'Chưa có hạn xử lý hợp lệ',
    overdue: (days: number) => `Quá hạn ${days} ngày làm việc`,
    dueToday: 'Đến hạn hôm nay',
    dueSoon: (days: number) => `Sắp đến hạn: còn ${days} ngày làm việc`,
    onTrack: (days: number) => `Còn ${days} ngày làm việc`,
  },
  en: {
    label: (due: string, status: string) => `Due ${due}: ${status}`,
    invalid: 'No valid due date',
    overdue: (days: number) => `Overdue by ${days} working day${days === 1 ? '' : 's'}`,
    dueToday: 'Due today',
    dueSoon: (days: number) => `${days} working day${days === 1 ? '' : 's'} left`,
    onTrack: (days: number) => `${days} working day${days === 1 ? '' : 's'} left`,
  },
});

const ICONS: Record<DeadlineInfo['status'], string> = { overdue: '!', 'due-today': '●', 'due-soon': '◔', 'on-track': '○' };

/**
 * @summary A badge for a due date counted in working days: overdue, due today, or N working days left (the
 * status and its wording come from `WorkCalendar.deadlineStatus` of @egov-vn/calendar). The state is always written
 * out, never shown by colour only.
 * @tagname egov-deadline
 *
 * @fires {EgovDeadlineChangeEvent} egov-deadline-change - The status was computed or changed; `detail.status`, `detail.workingDaysLeft`.
 *
 * @csspart base - The badge.
 * @csspart icon - The status mark (decorative).
 * @csspart label - The status text.
 *
 * @cssprop --egov-deadline-overdue-color - Colour when overdue (default `--egov-color-danger`).
 * @cssprop --egov-deadline-soon-color - Colour when due today or soon (default `--egov-color-warning`).
 * @cssprop --egov-deadline-ok-color - Colour when on track (default `--egov-color-success`).
 * @cssprop --egov-deadline-background - Background of the badge.
 */
export class EgovDeadline extends EgovElement<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, styles];
  static override properties: PropertyDeclarations = {
    due: { reflect: true },
    today: {},
    calendar: { attribute: false },
    status: { reflect: true, attribute: 'status' },
  };

  /** The due date, yyyy-mm-dd. */
  declare due: string;
  /** The reference day, yyyy-mm-dd (default: today in Vietnam, UTC+7). */
  declare today: string;
  /** The work calendar (rest days, holidays, agency overrides); default `new WorkCalendar()`. */
  declare calendar: WorkCalendar | undefined;
  /** The computed status (read-only, reflected for styling): overdue, due-today, due-soon, on-track, or empty. */
  declare status: DeadlineInfo['status'] | '';

  #last = '';

  constructor() {
    super();
    this.due = '';
    this.today = '';
    this.calendar = undefined;
    this.status = '';
  }

  /** The deadline information, or undefined when `due` or `today` is not a valid date. */
  get info(): DeadlineInfo | undefined {
    const due = parseIso(this.due);
    const today = parseIso(this.today || todayIso());
    if (!due || !today) return undefined;
    return (this.calendar ?? defaultWorkCalendar()).deadlineStatus(due, today);
  }

  override willUpdate(): void {
    const info = this.info;
    this.status = info?.status ?? '';
  }

  override updated(): void {
    const info = this.info;
    const key = info ? `${info.status}:${info.workingDaysLeft}` : '';
    if (info && key !== this.#last) {
      this.#last = key;
      this.emit('egov-deadline-change', { detail: { status: info.status, workingDaysLeft: info.workingDaysLeft } });
    }
  }

  override render() {
    const info = this.info;
    if (!info) return html`<span part="base" class="base invalid"><span part="label">${this.msg('invalid')}</span></span>`;
    const days = Math.abs(info.workingDaysLeft);
    const text =
      info.status === 'overdue' ? this.msg('overdue', days)
      : info.status === 'due-today' ? this.msg('dueToday')
      : info.status === 'due-soon' ? this.msg('dueSoon', days)
      : this.msg('onTrack', days);
    const due = parseIso(this.due)!;
    return html`<span part="base" class="base ${info.status}" role="img" aria-label=${this.msg('label', vnDate(due), text)}
      ><span part="icon" class="icon" aria-hidden="true">${ICONS[info.status]}</span><span part="label" aria-hidden="true">${text}</span></span
    >`;
  }
}
