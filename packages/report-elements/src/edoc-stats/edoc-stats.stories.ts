import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { EdocStatsView } from './edoc-stats.events.js';
import { sampleRows } from './fixtures.js';
import type { EdocTargets } from '../stats.js';
import './edoc-stats.js';

interface Args {
  view: EdocStatsView;
  targets?: EdocTargets;
}

const meta = {
  title: 'report-elements/egov-edoc-stats',
  component: 'egov-edoc-stats',
  tags: ['autodocs'],
  args: { view: 'chart' },
  argTypes: { view: { control: 'inline-radio', options: ['chart', 'table'] } },
  render: (args) =>
    args.targets
      ? html`<egov-edoc-stats view=${args.view} .data=${sampleRows()} .targets=${args.targets}></egov-edoc-stats>`
      : html`<egov-edoc-stats view=${args.view} .data=${sampleRows()}></egov-edoc-stats>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const shadowOf = (root: HTMLElement) => root.querySelector('egov-edoc-stats')!.shadowRoot!;

/** Three agencies, four months, against the directives' targets (90% from 2015 on). */
export const Charts: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowOf(canvasElement).querySelectorAll('[part=chart]')).toHaveLength(3));
  },
};

/** The same figures as a table, each share with its verdict in words. */
export const Table: Story = {
  args: { view: 'table' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowOf(canvasElement).querySelectorAll('[part=table] tbody tr')).toHaveLength(12));
  },
};

/** A portal's own targets: 85% electronic only, 95% signed from March 2026, no same-day target. */
export const CustomTargets: Story = {
  args: { targets: { electronicOnly: 0.85, signed: [{ since: '2026-03', share: 0.95 }], sameDay: null } },
};

/** Under an ancestor with `lang="en"`. */
export const English: Story = {
  render: (args) => html`<div lang="en"><egov-edoc-stats view=${args.view} .data=${sampleRows()}></egov-edoc-stats></div>`,
};

/** Dark theme (`data-theme="dark"` on an ancestor). */
export const Dark: Story = {
  render: (args) =>
    html`<div data-theme="dark" style="background: var(--egov-color-surface); padding: 1rem">
      <egov-edoc-stats view=${args.view} .data=${sampleRows()}></egov-edoc-stats>
    </div>`,
};

/** No data yet. */
export const Empty: Story = { render: () => html`<egov-edoc-stats></egov-edoc-stats>` };

/** One agency in one month: a normal-sized chart (12 px labels, 190 px tall), not one blown up to the column. */
export const OneAgencyOneMonth: Story = {
  render: () => html`<egov-edoc-stats .data=${sampleRows().slice(0, 1)}></egov-edoc-stats>`,
};

/** On a 320 px wide phone: one chart per row, labels still 12 px. */
export const Phone: Story = {
  render: (args) => html`<div style="inline-size: 320px"><egov-edoc-stats view=${args.view} .data=${sampleRows()}></egov-edoc-stats></div>`,
};
