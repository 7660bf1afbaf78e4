import fontUrl from '@egov-vn/document-pdf/fonts/LiberationSerif-Regular.ttf?url';
import { createDemoPki } from '@egov-vn/pdf-signature/testing';
import { cryptoKeyProvider } from '@egov-vn/signature-elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OfficeBackend } from '../backend/types.js';
import type { OfficeHost } from '../context/context.js';
import { demoSeed, memoryOfficeBackend } from '../testing.js';
import '../context/office-context.js';
import './compose.js';
import './electronic-copy.js';

type Role = 'vanThu' | 'lanhDao' | 'chuyenVien';
interface Args {
  role: Role;
  draft: 'new' | 'list' | 'submitted';
}

const FONTS = fontUrl.replace(/LiberationSerif-Regular\.ttf.*$/, '');
const users = { vanThu: 'vanthu', lanhDao: 'lanhdao', chuyenVien: 'chuyenvien' } as const;
const names = { vanThu: 'Nguyễn Thị Lan', lanhDao: 'Trần Văn Minh', chuyenVien: 'Lê Thu Hà' } as const;
const agency = { code: '000.00.01.H53', name: 'Sở Thông tin và Truyền thông tỉnh Hà Giang', abbreviation: 'STTTT', place: 'Hà Giang', parentName: 'ỦY BAN NHÂN DÂN TỈNH HÀ GIANG' };

/** The demo PKI of @egov-vn/pdf-signature/testing (never for real documents): the leader's key and the agency's seal. */
const pki = createDemoPki({ keyAlgorithm: 'ECDSA' });

async function officeFor(args: Args): Promise<{ office: OfficeHost; id: string | undefined }> {
  const p = await pki;
  const backend = memoryOfficeBackend(demoSeed({ count: 3, today: '2026-12-02' }));
  backend.signIn('chuyenvien');
  const created = await backend.call('createDraft', {
    body: {
      document: {
        type: 'congVan',
        issuer: { name: agency.name, abbreviation: agency.abbreviation, code: agency.code, parentName: agency.parentName },
        symbol: 'STTTT-VP',
        place: agency.place,
        date: '2026-12-02',
        subject: 'Về việc triển khai chữ ký số trong cơ quan',
        content: { body: [{ kind: 'paragraph', text: 'Sở đề nghị các cơ quan, đơn vị triển khai.' }] },
        signer: { fullName: 'Trần Văn Minh', position: 'Giám đốc' },
        recipients: [{ name: 'Sở Tài chính tỉnh Hà Giang', agencyCode: '000.00.02.H53' }],
        archive: { draftingUnit: 'VP' },
        seal: 'digitalSignature',
      },
      recipients: ['000.00.02.H53'],
    },
  });
  if (args.draft === 'submitted') await backend.call('submitDraft', { params: { id: created.id }, body: { signer: 'lanhdao' } });
  backend.signIn(users[args.role]);
  return {
    id: args.draft === 'list' ? undefined : args.draft === 'new' ? 'new' : created.id,
    office: {
      backend,
      user: { id: users[args.role], name: names[args.role], role: args.role },
      today: '2026-12-02',
      agency,
      trustAnchors: [p.root.der],
      signers: (use) =>
        use === 'author'
          ? [cryptoKeyProvider(p.signer.privateKey, p.signer.chain.slice(0, -1), { vi: 'Khóa thử của lãnh đạo (CA thử nghiệm)', en: 'Leader demo key (demo CA)' }, 'demo-leader')]
          : [cryptoKeyProvider(p.seal.privateKey, p.seal.chain.slice(0, -1), { vi: 'Chữ ký số thử của cơ quan (CA thử nghiệm)', en: 'Agency demo seal (demo CA)' }, 'demo-seal')],
    },
  };
}

const meta: Meta<Args> = {
  title: 'office-elements/egov-compose',
  component: 'egov-compose',
  tags: ['autodocs'],
  args: { role: 'chuyenVien', draft: 'new' },
  argTypes: {
    role: { control: 'select', options: ['vanThu', 'lanhDao', 'chuyenVien'] },
    draft: { control: 'select', options: ['new', 'list', 'submitted'] },
  },
  loaders: [async ({ args }) => ({ setup: await officeFor(args) })],
  render: (_args, { loaded }) => {
    const { office, id } = (loaded as { setup: Awaited<ReturnType<typeof officeFor>> }).setup;
    return html`<egov-compose draft-id=${id ?? ''} fonts-url=${FONTS} .office=${office}></egov-compose>`;
  },
};

export default meta;
type Story = StoryObj<Args>;

/** A chuyên viên drafts a công văn (live validation, directory look-up, preview, trình ký). In-memory backend. */
export const Draft: Story = {};

/** The drafts of the agency as the văn thư sees them. */
export const List: Story = { args: { role: 'vanThu', draft: 'list' } };

/** The leader opens a draft submitted to him: Ký duyệt opens the sign dialog with the host's (demo) key. */
export const LeaderSigns: Story = { args: { role: 'lanhDao', draft: 'submitted' } };

/** English, dark theme, through <egov-office-context>. */
export const EnglishDark: Story = {
  render: (_args, { loaded }) => {
    const { office } = (loaded as { setup: Awaited<ReturnType<typeof officeFor>> }).setup;
    return html`<egov-office-context
      .backend=${office.backend}
      .user=${office.user}
      .agency=${office.agency}
      today="2026-12-02"
      locale="en"
      theme="dark"
      style="display: block; background: var(--egov-color-surface); padding: 1rem"
      ><egov-compose draft-id="new" fonts-url=${FONTS}></egov-compose
    ></egov-office-context>`;
  },
};

/** At phone width (360 px). */
export const Phone: Story = {
  render: (_args, { loaded }) => {
    const { office } = (loaded as { setup: Awaited<ReturnType<typeof officeFor>> }).setup;
    return html`<div style="width:360px"><egov-compose draft-id="new" fonts-url=${FONTS} .office=${office}></egov-compose></div>`;
  },
};

/** The back end is down: the error state with a retry. */
export const BackendDown: Story = {
  render: () => {
    const backend: OfficeBackend = { call: () => Promise.reject(new TypeError('Failed to fetch')) };
    return html`<egov-compose .office=${{ backend }}></egov-compose>`;
  },
};

/** Sao y điện tử: a văn thư makes an electronic copy of scans, signed with the agency's (demo) seal. */
export const ElectronicCopy: Story = {
  args: { role: 'vanThu', draft: 'list' },
  render: (_args, { loaded }) => {
    const { office } = (loaded as { setup: Awaited<ReturnType<typeof officeFor>> }).setup;
    return html`<egov-electronic-copy .office=${office}></egov-electronic-copy>`;
  },
};

/** A new draft with the back end down: the form shows; the signer list that failed to load is an alert with a retry. */
export const NewDraftBackendDown: Story = {
  render: () => {
    const backend: OfficeBackend = { call: () => Promise.reject(new TypeError('Failed to fetch')) };
    return html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${{ backend, user: { id: users.chuyenVien, name: names.chuyenVien, role: 'chuyenVien' }, agency }}></egov-compose>`;
  },
};

/** Thay thế: the văn thư starts a draft replacing a sent document (as <egov-outgoing> asks with `replaces`). */
export const Replace: Story = {
  args: { role: 'vanThu', draft: 'new' },
  loaders: [
    () => {
      const backend = memoryOfficeBackend(demoSeed({ count: 3, outgoing: 3, today: '2026-12-02' }));
      backend.signIn('vanthu');
      const sent = backend.outgoing().find((d) => d.state === 'sent' && d.kind === 'new');
      return { replace: { backend, id: sent?.id } };
    },
  ],
  render: (_args, { loaded }) => {
    const { backend, id } = (loaded as { replace: { backend: OfficeBackend; id: string | undefined } }).replace;
    const office: OfficeHost = { backend, user: { id: users.vanThu, name: names.vanThu, role: 'vanThu' }, today: '2026-12-02', agency };
    return html`<egov-compose draft-id="new" replaces=${id ?? ''} fonts-url=${FONTS} .office=${office}></egov-compose>`;
  },
};
