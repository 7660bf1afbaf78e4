import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OfficeBackend } from '../backend/types.js';
import { demoSeed, memoryOfficeBackend } from '../testing.js';
import '../context/office-context.js';
import './incoming.js';

interface Args {
  role: 'vanThu' | 'lanhDao' | 'chuyenVien';
  count: number;
}

const users = { vanThu: 'vanthu', lanhDao: 'lanhdao', chuyenVien: 'chuyenvien' } as const;
const names = { vanThu: 'Nguyễn Thị Lan', lanhDao: 'Trần Văn Minh', chuyenVien: 'Lê Thu Hà' } as const;

function officeFor(args: Args) {
  const backend = memoryOfficeBackend(demoSeed({ count: args.count, today: '2026-12-02' }));
  backend.signIn(users[args.role]);
  return { backend, user: { id: users[args.role], name: names[args.role], role: args.role }, today: '2026-12-02' };
}

const meta = {
  title: 'office-elements/egov-incoming',
  component: 'egov-incoming',
  tags: ['autodocs'],
  args: { role: 'vanThu', count: 240 },
  argTypes: { role: { control: 'select', options: ['vanThu', 'lanhDao', 'chuyenVien'] } },
  render: (args) => html`<egov-incoming .office=${officeFor(args)}></egov-incoming>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A văn thư's incoming documents (in-memory backend, 240 documents), Vietnamese. */
export const Default: Story = {};

/** A chuyên viên: only the actions of the lead handler. */
export const Officer: Story = { args: { role: 'chuyenVien' } };

/** English, dark theme, through <egov-office-context>. */
export const EnglishDark: Story = {
  render: (args) => {
    const o = officeFor(args);
    // The context sets data-theme="dark" on itself; the host paints the page behind it, as a portal in dark mode does.
    return html`<egov-office-context
      .backend=${o.backend}
      .user=${o.user}
      today=${o.today}
      locale="en"
      theme="dark"
      style="display: block; background: var(--egov-color-surface); padding: 1rem"
      ><egov-incoming></egov-incoming
    ></egov-office-context>`;
  },
};

/** At phone width (360 px). */
export const Phone: Story = {
  render: (args) => html`<div style="width:360px"><egov-incoming .office=${officeFor(args)}></egov-incoming></div>`,
};

/** The back end is down: the error state with a retry. */
export const BackendDown: Story = {
  render: () => {
    const backend: OfficeBackend = { call: () => Promise.reject(new TypeError('Failed to fetch')) };
    return html`<egov-incoming .office=${{ backend }}></egov-incoming>`;
  },
};
