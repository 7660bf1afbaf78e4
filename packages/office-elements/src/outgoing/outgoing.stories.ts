import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OfficeBackend } from '../backend/types.js';
import { demoSeed, memoryOfficeBackend } from '../testing.js';
import '../context/office-context.js';
import './outgoing.js';

interface Args {
  role: 'vanThu' | 'lanhDao';
}

const users = { vanThu: { id: 'vanthu', name: 'Nguyễn Thị Lan' }, lanhDao: { id: 'lanhdao', name: 'Trần Văn Minh' } } as const;

function officeFor(args: Args) {
  const backend = memoryOfficeBackend(demoSeed({ count: 0, outgoing: 60, today: '2026-12-02' }));
  backend.signIn(users[args.role].id);
  return { backend, user: { ...users[args.role], role: args.role }, today: '2026-12-02' };
}

const meta = {
  title: 'office-elements/egov-outgoing',
  component: 'egov-outgoing',
  tags: ['autodocs'],
  args: { role: 'vanThu' },
  argTypes: { role: { control: 'select', options: ['vanThu', 'lanhDao'] } },
  render: (args) => html`<egov-outgoing .office=${officeFor(args)}></egov-outgoing>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A văn thư's sent documents (in-memory backend): each recipient's stage, resend, revoke, replace. */
export const Default: Story = {};

/** One document that failed at a recipient: its trace and the resend button of that recipient. */
export const FailedRecipient: Story = {
  render: (args) => {
    const o = officeFor(args);
    const failed = o.backend.outgoing().find((d) => d.state === 'failed')!;
    return html`<egov-outgoing document-id=${failed.id} .office=${o}></egov-outgoing>`;
  },
};

/** A lãnh đạo: the trace, no clerk action. */
export const Leader: Story = { args: { role: 'lanhDao' } };

/** English, dark theme, through <egov-office-context>. */
export const EnglishDark: Story = {
  render: (args) => {
    const o = officeFor(args);
    return html`<egov-office-context .backend=${o.backend} .user=${o.user} today=${o.today} locale="en" theme="dark" style="display:block;background:var(--egov-color-surface);padding:1rem"
      ><egov-outgoing></egov-outgoing
    ></egov-office-context>`;
  },
};

/** At phone width (360 px). */
export const Phone: Story = { render: (args) => html`<div style="width:360px"><egov-outgoing .office=${officeFor(args)}></egov-outgoing></div>` };

/** The back end is down: the error state with a retry. */
export const BackendDown: Story = {
  render: () => {
    const backend: OfficeBackend = { call: () => Promise.reject(new TypeError('Failed to fetch')) };
    return html`<egov-outgoing .office=${{ backend }}></egov-outgoing>`;
  },
};
