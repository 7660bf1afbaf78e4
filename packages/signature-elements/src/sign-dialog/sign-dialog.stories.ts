import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demoPki, makePdf } from '../internal/fixtures.js';
import type { SignProblem } from '../internal/sign-flow.js';
import { explainError } from '../internal/sign-flow.js';
import { cryptoKeyProvider } from './sign-dialog.js';
import type { EgovSignDialog } from './sign-dialog.js';

interface Args {
  problem?: SignProblem;
  busy: boolean;
}

const meta = {
  title: 'signature-elements/egov-sign-dialog',
  component: 'egov-sign-dialog',
  tags: ['autodocs'],
  args: { busy: false },
  render: (args) => html`<egov-sign-dialog open .busy=${args.busy} .problem=${args.problem}></egov-sign-dialog>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const dialogOf = (root: HTMLElement) => root.querySelector<EgovSignDialog>('egov-sign-dialog')!;

/** No document yet: the file picker is offered, with the built-in providers (PKCS#12, local service). */
export const Empty: Story = {};

/** Signing in progress (a token may be asking for its PIN). */
export const Signing: Story = { args: { busy: true } };

/** A real PDF signed in the browser with a WebCrypto key from the demo CA. */
export const SignedWithWebCrypto: Story = {
  render: () => html`<egov-sign-dialog open file-name="12-UBND-VP.pdf"></egov-sign-dialog>`,
  play: async ({ canvasElement }) => {
    const dialog = dialogOf(canvasElement);
    const pki = await demoPki();
    dialog.pdf = await makePdf();
    dialog.trustAnchors = [pki.root.der];
    dialog.providers = [cryptoKeyProvider(pki.signer.privateKey, pki.signer.chain.slice(0, -1))];
    await dialog.sign();
    await waitFor(() => expect(dialog.shadowRoot!.querySelector('[part=status]')!.textContent).toContain('chữ ký hợp lệ'));
  },
};

/**
 * Several documents (`documents`), signed with one choice of kind and place. A remote provider signs them with one
 * confirmation on the phone; a local key (here the demo CA's WebCrypto key) signs them one after another.
 */
export const SeveralDocuments: Story = {
  render: () => html`<egov-sign-dialog open></egov-sign-dialog>`,
  play: async ({ canvasElement }) => {
    const dialog = dialogOf(canvasElement);
    const pki = await demoPki();
    dialog.documents = await Promise.all(['12-UBND-VP.pdf', '13-UBND-VP.pdf', '14-UBND-VP.pdf'].map(async (name) => ({ name, bytes: await makePdf() })));
    dialog.trustAnchors = [pki.root.der];
    dialog.providers = [cryptoKeyProvider(pki.signer.privateKey, pki.signer.chain.slice(0, -1))];
    await dialog.sign();
    await waitFor(() => expect(dialog.shadowRoot!.querySelector('[part=status]')!.textContent).toContain('Đã ký 3 văn bản.'));
  },
};

const problem = (code: string, detail?: { vi: string; en: string }) => explainError({ code, ...detail });

/** Wrong PKCS#12 password. */
export const WrongPassword: Story = { args: { problem: problem('P12_PASSWORD', { vi: 'Sai mật khẩu PKCS#12 hoặc tệp bị hỏng', en: 'Wrong PKCS#12 password or corrupt file' }) } };

/** The local signing service is not running. */
export const ServiceNotRunning: Story = {
  args: { problem: problem('REMOTE_CONNECT', { vi: 'Không kết nối được dịch vụ ký tại wss://127.0.0.1:8987/GetCertInfo', en: 'Cannot connect to the signing service' }) },
};

/** Cancelled on the token. */
export const CancelledOnToken: Story = { args: { problem: problem('REMOTE_CANCELLED', { vi: 'Người dùng đã huỷ ký', en: 'The user cancelled signing' }) } };

/** Expired certificate: nothing is handed out. */
export const ExpiredCertificate: Story = { args: { problem: problem('CERT_EXPIRED') } };

/** Custom position: the signature box is dragged on the rendered page (or typed in millimetres). */
export const CustomPosition: Story = {
  render: () => html`<egov-sign-dialog open position="custom" file-name="12-UBND-VP.pdf"></egov-sign-dialog>`,
  play: async ({ canvasElement }) => {
    const dialog = dialogOf(canvasElement);
    dialog.pdf = await makePdf();
    await dialog.updateComplete;
    const viewer = dialog.shadowRoot!.querySelector('egov-pdf-viewer')!;
    await waitFor(() => expect(viewer.shadowRoot!.querySelector('[part=box]')).not.toBeNull(), { timeout: 14_000 });
  },
};

/** Appendix (phụ lục) in a separate file: text stamp with number/symbol, agency and time, top right of page 1. */
export const Appendix: Story = {
  render: () =>
    html`<egov-sign-dialog open kind="appendix" doc-number="12/UBND-VP" agency="Ủy ban nhân dân tỉnh Demo" reason="Ký số phụ lục"></egov-sign-dialog>`,
};

/** The certificate is not issued for signing: found before anything is signed. */
export const NotASigningCertificate: Story = {
  args: { problem: problem('CERT_KEY_USAGE', { vi: 'Chứng thư số không được cấp để ký (thiếu mục đích digitalSignature hoặc nonRepudiation)', en: 'The certificate is not issued for signing' }) },
};

/** The certificate does not chain to a root the portal trusts: found before anything is signed. */
export const UntrustedCertificate: Story = { args: { problem: problem('CERT_UNTRUSTED') } };

/** The timestamp authority does not answer. */
export const TimestampUnavailable: Story = { args: { problem: problem('TSA_HTTP', { vi: 'Máy chủ dấu thời gian trả về HTTP 503', en: 'The TSA answered HTTP 503' }) } };

/** The standard position (the signer's name line) is not in the document. */
export const StandardPositionNotFound: Story = { args: { problem: problem('LOCATE_NOT_FOUND') } };

/** The document is certified and allows no further signature. */
export const CertifiedDocument: Story = { args: { problem: problem('SIGN_DOCMDP') } };

/** The PDF is encrypted. */
export const EncryptedPdf: Story = { args: { problem: problem('PDF_ENCRYPTED') } };

/** No certificate on the token. */
export const NoCertificateOnToken: Story = { args: { problem: problem('REMOTE_NO_CERT') } };

/** The stamp font could not be fetched. */
export const StampFontMissing: Story = {
  args: { problem: problem('FONT_FETCH', { vi: 'Không tải được phông chữ của dấu: HTTP 404', en: 'Cannot fetch the stamp font: HTTP 404' }) },
};

/** English, dark theme. */
export const EnglishDark: Story = {
  render: () =>
    html`<div lang="en" data-theme="dark"><egov-sign-dialog open .problem=${problem('REMOTE_TIMEOUT')}></egov-sign-dialog></div>`,
};
