import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import './deadline.js';

interface Args {
  due: string;
  today: string;
}

const meta = {
  title: 'calendar-elements/egov-deadline',
  component: 'egov-deadline',
  tags: ['autodocs'],
  args: { due: '2026-02-26', today: '2026-02-13' },
  render: (args) => html`<egov-deadline due=${args.due} today=${args.today}></egov-deadline>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const labelOf = (root: HTMLElement) => root.querySelector('egov-deadline')!.shadowRoot!.querySelector('[part=label]')!.textContent;

/** Several working days left: Tết 14–22/02/2026 is not counted. */
export const OnTrack: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(labelOf(canvasElement)).toBe('Còn 4 ngày làm việc'));
  },
};

/** Due within two working days. */
export const DueSoon: Story = { args: { due: '2026-03-02', today: '2026-02-27' } };

/** Due today. */
export const DueToday: Story = { args: { due: '2026-03-02', today: '2026-03-02' } };

/** Overdue, counted in working days. */
export const Overdue: Story = {
  args: { due: '2026-03-02', today: '2026-03-05' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(labelOf(canvasElement)).toBe('Quá hạn 3 ngày làm việc'));
  },
};

/** No valid due date. */
export const Invalid: Story = { args: { due: '2026-02-30', today: '2026-02-01' } };

/** Under an ancestor with `lang="en"`. */
export const English: Story = {
  args: { due: '2026-03-02', today: '2026-03-05' },
  render: (args) => html`<div lang="en"><egov-deadline due=${args.due} today=${args.today}></egov-deadline></div>`,
};
