import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OfficeBackend } from '../backend/types.js';
import { demoSeed, memoryOfficeBackend } from '../testing.js';
import '../context/office-context.js';
import './register.js';

interface Args {
  kind: 'incoming' | 'outgoing';
}

function officeFor() {
  const backend = memoryOfficeBackend(demoSeed({ count: 400, outgoing: 60, today: '2026-12-02' }));
  return { backend, user: { id: 'vanthu', name: 'Nguyễn Thị Lan', role: 'vanThu' as const }, today: '2026-12-02' };
}

const meta = {
  title: 'office-elements/egov-register',
  component: 'egov-register',
  tags: ['autodocs'],
  args: { kind: 'incoming' },
  argTypes: { kind: { control: 'select', options: ['incoming', 'outgoing'] } },
  render: (args) => html`<egov-register kind=${args.kind} .office=${officeFor()}></egov-register>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Sổ đăng ký văn bản đến of this year (in-memory backend), with the Phụ lục VI columns; export CSV. */
export const Incoming: Story = {};

/** Sổ đăng ký văn bản đi. */
export const Outgoing: Story = { args: { kind: 'outgoing' } };

/** English, dark theme, through <egov-office-context>. */
export const EnglishDark: Story = {
  render: (args) => {
    const o = officeFor();
    return html`<egov-office-context .backend=${o.backend} .user=${o.user} today=${o.today} locale="en" theme="dark" style="display:block;background:var(--egov-color-surface);padding:1rem"
      ><egov-register kind=${args.kind}></egov-register
    ></egov-office-context>`;
  },
};

/** At phone width (360 px). */
export const Phone: Story = { render: (args) => html`<div style="width:360px"><egov-register kind=${args.kind} .office=${officeFor()}></egov-register></div>` };

/** The back end answers 500: the error state with a retry. */
export const BackendDown: Story = {
  render: () => {
    const backend: OfficeBackend = { call: () => Promise.reject(new TypeError('Failed to fetch')) };
    return html`<egov-register .office=${{ backend }}></egov-register>`;
  },
};
