import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './date-picker.js';

interface Args {
  count: number;
}

const meta = {
  title: 'calendar-elements/egov-date-picker',
  component: 'egov-date-picker',
  tags: ['autodocs'],
  args: { count: 0 },
  render: (args) => html`<egov-date-picker .count=${args.count}></egov-date-picker>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Vietnamese, the default. */
export const Default: Story = {};

/** Under an ancestor with `lang="en"`. */
export const English: Story = {
  args: { count: 1 },
  render: (args) => html`<div lang="en"><egov-date-picker .count=${args.count}></egov-date-picker></div>`,
};
