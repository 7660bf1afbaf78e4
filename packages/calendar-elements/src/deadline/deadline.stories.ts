import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './deadline.js';

interface Args {
  count: number;
}

const meta = {
  title: 'calendar-elements/egov-deadline',
  component: 'egov-deadline',
  tags: ['autodocs'],
  args: { count: 0 },
  render: (args) => html`<egov-deadline .count=${args.count}></egov-deadline>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Vietnamese, the default. */
export const Default: Story = {};

/** Under an ancestor with `lang="en"`. */
export const English: Story = {
  args: { count: 1 },
  render: (args) => html`<div lang="en"><egov-deadline .count=${args.count}></egov-deadline></div>`,
};
