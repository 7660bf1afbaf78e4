import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { sampleWeek } from './fixtures.js';
import './week-schedule.js';

interface Args {
  editable: boolean;
  leader: string;
  unit: string;
}

const meta = {
  title: 'calendar-elements/egov-week-schedule',
  component: 'egov-week-schedule',
  tags: ['autodocs'],
  args: { editable: false, leader: '', unit: '' },
  render: (a) =>
    html`<egov-week-schedule .schedule=${sampleWeek()} ?editable=${a.editable} leader=${a.leader} unit=${a.unit}></egov-week-schedule>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Week 18 of 2026 (Giỗ Tổ substitute day, 30/4, 1/5) with changed, cancelled and postponed entries. */
export const Default: Story = {};

/** Filtered by leader. */
export const ByLeader: Story = { args: { leader: 'Phó Chủ tịch Lê Thị B' } };

/** Filtered by unit. */
export const ByUnit: Story = { args: { unit: 'Sở Tài chính' } };

/** An empty week. */
export const Empty: Story = {
  render: () => html`<egov-week-schedule .schedule=${{ ...sampleWeek(), entries: [] }}></egov-week-schedule>`,
};

/** Editable: add/edit buttons. */
export const Editable: Story = { args: { editable: true } };

/** The form, submitted empty: Vietnamese messages from the zod models. */
export const FormWithErrors: Story = {
  args: { editable: true },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('egov-week-schedule')!;
    await el.updateComplete;
    el.openForm();
    await waitFor(() => expect(el.shadowRoot!.querySelector('form')).not.toBeNull());
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitFor(() => expect(el.shadowRoot!.querySelector('.errors')?.textContent ?? '').toContain('Nội dung'), {
      // The first submit loads the zod models on demand.
      timeout: 10_000,
    });
  },
};

/** Under an ancestor with `lang="en"`. */
export const English: Story = {
  render: () => html`<div lang="en"><egov-week-schedule .schedule=${sampleWeek()}></egov-week-schedule></div>`,
};
