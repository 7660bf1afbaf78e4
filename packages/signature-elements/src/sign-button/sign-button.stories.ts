import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './sign-button.js';

interface Args {
  fileName: string;
}

const meta = {
  title: 'signature-elements/egov-sign-button',
  component: 'egov-sign-button',
  tags: ['autodocs'],
  args: { fileName: '12-UBND-VP.pdf' },
  render: (args) => html`<egov-sign-button file-name=${args.fileName}></egov-sign-button>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Vietnamese, the default. */
export const Default: Story = {};

/** With its own text. */
export const CustomText: Story = {
  render: (args) => html`<egov-sign-button file-name=${args.fileName}>Ký và đóng dấu</egov-sign-button>`,
};

/** Under an ancestor with `lang="en"`, dark theme. */
export const EnglishDark: Story = {
  render: (args) => html`<div lang="en" data-theme="dark"><egov-sign-button file-name=${args.fileName}></egov-sign-button></div>`,
};
