import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoSeed, memoryOfficeBackend } from '../testing.js';
import '../context/office-context.js';
import './office.js';

interface Args {
  view: 'incoming' | 'outgoing' | 'compose' | 'register';
  role: 'vanThu' | 'lanhDao' | 'chuyenVien';
}

const users = {
  vanThu: { id: 'vanthu', name: 'Nguyễn Thị Lan' },
  lanhDao: { id: 'lanhdao', name: 'Trần Văn Minh' },
  chuyenVien: { id: 'chuyenvien', name: 'Lê Thu Hà' },
} as const;

function officeFor(args: Args) {
  const backend = memoryOfficeBackend(demoSeed({ count: 240, outgoing: 40, today: '2026-12-02' }));
  backend.signIn(users[args.role].id);
  return { backend, user: { ...users[args.role], role: args.role }, today: '2026-12-02' };
}

const meta = {
  title: 'office-elements/egov-office',
  component: 'egov-office',
  tags: ['autodocs'],
  args: { view: 'incoming', role: 'vanThu' },
  argTypes: {
    view: { control: 'select', options: ['incoming', 'outgoing', 'compose', 'register'] },
    role: { control: 'select', options: ['vanThu', 'lanhDao', 'chuyenVien'] },
  },
  render: (args) => html`<egov-office view=${args.view} .office=${officeFor(args)}></egov-office>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The whole office of a văn thư (in-memory backend): văn bản đến, đi, soạn thảo, sổ đăng ký. */
export const Default: Story = {};

/** English, dark theme, through <egov-office-context>, opened on the registers. */
export const EnglishDark: Story = {
  args: { view: 'register' },
  render: (args) => {
    const o = officeFor(args);
    return html`<egov-office-context .backend=${o.backend} .user=${o.user} today=${o.today} locale="en" theme="dark" style="display:block;background:var(--egov-color-surface);padding:1rem"
      ><egov-office view=${args.view}></egov-office
    ></egov-office-context>`;
  },
};

/** At phone width (360 px): the menu folds behind a button. */
export const Phone: Story = { render: (args) => html`<div style="width:360px"><egov-office view=${args.view} .office=${officeFor(args)}></egov-office></div>` };
