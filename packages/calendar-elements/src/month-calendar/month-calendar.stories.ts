import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import './month-calendar.js';
import type { MonthCalendarEvent } from './month-calendar.component.js';

interface Args {
  month: string;
  value: string;
  today: string;
  maxEvents: number;
  disableNonWorking: boolean;
  compact: boolean;
  events: MonthCalendarEvent[];
}

const meetings: MonthCalendarEvent[] = [
  { date: '2026-04-06', time: '08:00', title: 'Giao ban đầu tuần' },
  { date: '2026-04-06', time: '14:00', title: 'Họp Ban chỉ đạo chuyển đổi số' },
  { date: '2026-04-08', end: '2026-04-10', title: 'Hội nghị tổng kết' },
  ...Array.from({ length: 7 }, (_, i) => ({ date: '2026-04-15', time: `${String(8 + i).padStart(2, '0')}:00`, title: `Tiếp công dân ${i + 1}` })),
];

const meta = {
  title: 'calendar-elements/egov-month-calendar',
  component: 'egov-month-calendar',
  tags: ['autodocs'],
  args: { month: '2026-04', value: '', today: '2026-04-14', maxEvents: 3, disableNonWorking: false, compact: false, events: meetings },
  render: (a) =>
    html`<egov-month-calendar
      month=${a.month}
      .value=${a.value}
      today=${a.today}
      max-events=${a.maxEvents}
      ?disable-non-working=${a.disableNonWorking}
      ?compact=${a.compact}
      .events=${a.events}
    ></egov-month-calendar>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** April 2026: Giỗ Tổ (Sunday 26/4) and its substitute day Monday 27/4, 30/4; events with "+N". */
export const Default: Story = {};

/** Tết Bính Ngọ: 1/1 lunar shown as d/m, nine days off. */
export const Tet: Story = { args: { month: '2026-02', events: [] } };

/** January 2026: Friday 2/1 off, worked on Saturday 10/1 (announced swap). */
export const AnnouncedSwap: Story = { args: { month: '2026-01', events: [] } };

/** A selected day and days off disabled. */
export const SelectedAndDisabled: Story = { args: { value: '2026-04-14', disableNonWorking: true } };

/** The compact grid used by the date picker. */
export const Compact: Story = { args: { compact: true } };

/** Keyboard: arrows and PageDown move the focus and the month. */
export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('egov-month-calendar')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('td[tabindex="0"]')!.focus();
    await userEvent.keyboard('{ArrowRight}{PageDown}');
    await waitFor(() => expect(el.month).toBe('2026-05'));
    await waitFor(() => expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.date).toBe('2026-05-15'));
  },
};

/** Under an ancestor with `lang="en"`. */
export const English: Story = {
  render: (a) => html`<div lang="en"><egov-month-calendar month=${a.month} today=${a.today} .events=${a.events}></egov-month-calendar></div>`,
};
