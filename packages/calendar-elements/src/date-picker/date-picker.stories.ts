import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import './date-picker.js';

interface Args {
  value: string;
  label: string;
  min: string;
  max: string;
  required: boolean;
  disabled: boolean;
  disableNonWorking: boolean;
}

const meta = {
  title: 'calendar-elements/egov-date-picker',
  component: 'egov-date-picker',
  tags: ['autodocs'],
  args: { value: '2026-04-26', label: 'Ngày họp', min: '', max: '', required: false, disabled: false, disableNonWorking: false },
  render: (a) =>
    html`<egov-date-picker
      name="ngay"
      value=${a.value}
      label=${a.label}
      min=${a.min}
      max=${a.max}
      ?required=${a.required}
      ?disabled=${a.disabled}
      ?disable-non-working=${a.disableNonWorking}
    ></egov-date-picker>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A value, with its lunar date (Giỗ Tổ Hùng Vương 2026 is 10/3 lunar). */
export const Default: Story = {};

/** Empty. */
export const Empty: Story = { args: { value: '' } };

/** Required and empty, after the user has left it: the message shows. */
export const Invalid: Story = {
  args: { value: '', required: true },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('egov-date-picker')!;
    await el.updateComplete;
    el.reportValidity();
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part=error]')!.textContent.trim()).toBe('Vui lòng chọn ngày.'));
  },
};

/** Working days only, within a range. */
export const WorkingDaysInRange: Story = { args: { value: '', min: '2026-04-01', max: '2026-04-30', disableNonWorking: true } };

/** Disabled. */
export const Disabled: Story = { args: { disabled: true } };

/** The calendar popup open. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('egov-date-picker')!;
    await el.updateComplete;
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('[part=button]')!);
    await waitFor(() => expect(el.shadowRoot!.querySelector('egov-month-calendar')).not.toBeNull());
  },
};

/** In a form, labelled by a `<label for>`. */
export const InAForm: Story = {
  render: (a) => html`<form>
    <label for="dp">Ngày nhận văn bản</label>
    <egov-date-picker id="dp" name="ngay" value=${a.value}></egov-date-picker>
    <button type="reset">Nhập lại</button>
  </form>`,
};

/** Under an ancestor with `lang="en"`. */
export const English: Story = {
  args: { label: 'Meeting date' },
  render: (a) => html`<div lang="en"><egov-date-picker value=${a.value} label=${a.label}></egov-date-picker></div>`,
};
