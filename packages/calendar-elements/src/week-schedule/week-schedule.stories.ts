import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './week-schedule.js';

interface Args {
  count: number;
}

const meta = {
  title: 'calendar-elements/egov-week-schedule',
  component: 'egov-week-schedule',
  tags: ['autodocs'],
  args: { count: 0 },
  render: (args) => html`<egov-week-schedule .count=${args.count}></egov-week-schedule>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Vietnamese, the default. */
export const Default: Story = {};

/** Under an ancestor with `lang="en"`. */
export const English: Story = {
  args: { count: 1 },
  render: (args) => html`<div lang="en"><egov-week-schedule .count=${args.count}></egov-week-schedule></div>`,
};
