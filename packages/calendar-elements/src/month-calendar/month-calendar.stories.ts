import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './month-calendar.js';

interface Args {
  count: number;
}

const meta = {
  title: 'calendar-elements/egov-month-calendar',
  component: 'egov-month-calendar',
  tags: ['autodocs'],
  args: { count: 0 },
  render: (args) => html`<egov-month-calendar .count=${args.count}></egov-month-calendar>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Vietnamese, the default. */
export const Default: Story = {};

/** Under an ancestor with `lang="en"`. */
export const English: Story = {
  args: { count: 1 },
  render: (args) => html`<div lang="en"><egov-month-calendar .count=${args.count}></egov-month-calendar></div>`,
};
