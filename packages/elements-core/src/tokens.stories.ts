import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { commonTokens, lightTokens } from './styles/tokens.js';

const colors = Object.keys(lightTokens).filter((name) => name.startsWith('--egov-color-'));

const swatches = (theme: 'light' | 'dark') => html`
  <section
    data-theme=${theme}
    style="padding: 1rem; background: var(--egov-color-surface); color: var(--egov-color-text); font-family: var(--egov-font-family); border-radius: var(--egov-radius-lg);"
  >
    <h2 style="margin-top: 0; font-size: var(--egov-font-size-lg);">${theme === 'light' ? 'Sáng / Light' : 'Tối / Dark'}</h2>
    <ul style="list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.5rem;">
      ${colors.map(
        (name) => html`
          <li style="display: flex; align-items: center; gap: 0.5rem;">
            <span
              aria-hidden="true"
              style="inline-size: 2rem; block-size: 2rem; border-radius: var(--egov-radius); border: 1px solid var(--egov-color-border); background: var(${name});"
            ></span>
            <code style="font-family: var(--egov-font-family-mono);">${name}</code>
          </li>
        `,
      )}
    </ul>
  </section>
`;

const meta = {
  title: 'Foundation/Design tokens',
  tags: ['autodocs'],
  parameters: { docs: { description: { component: 'CSS custom properties of @egov-vn/elements-core.' } } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The colour tokens in both schemes (`data-theme` on any ancestor switches them). */
export const Colors: Story = {
  render: () => html`${swatches('light')} ${swatches('dark')}`,
};

/** Font, spacing, radius and focus-ring tokens. */
export const Typography: Story = {
  render: () => html`
    <dl style="font-family: var(--egov-font-family); color: var(--egov-color-text);">
      ${Object.entries(commonTokens).map(
        ([name, value]) => html`<dt><code>${name}</code></dt>
          <dd style="margin: 0 0 0.5rem;">${value}</dd>`,
      )}
    </dl>
    <button type="button" style="font: inherit; padding: 0.5rem 1rem; border-radius: var(--egov-radius); outline: var(--egov-focus-ring); outline-offset: var(--egov-focus-ring-offset);">
      Vòng tiêu điểm / Focus ring
    </button>
  `,
};
