import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { toPem } from '@egov-vn/pdf-signature/testing';
import type { VerificationReport } from '@egov-vn/pdf-signature';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { changePageContent, demoPki, expiredSignedPdf, makePdf, signedPdf } from '../internal/fixtures.js';
import { sampleReport } from '../internal/reports.js';
import './signature-panel.js';

interface Args {
  report?: VerificationReport;
  loading: boolean;
  error?: { vi: string; en: string };
}

const meta = {
  title: 'signature-elements/egov-signature-panel',
  component: 'egov-signature-panel',
  tags: ['autodocs'],
  args: { loading: false },
  render: (args) =>
    html`<egov-signature-panel .report=${args.report} .loading=${args.loading} .error=${args.error}></egov-signature-panel>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const panelText = (root: HTMLElement) => root.querySelector('egov-signature-panel')!.shadowRoot!.textContent;

/** No document yet. */
export const Empty: Story = {};

/** While the document is fetched and verified. */
export const Loading: Story = { args: { loading: true } };

/** Valid: the chain reaches a trust anchor, nothing changed after signing. */
export const Valid: Story = { args: { report: sampleReport(['valid']) } };

/** Valid but untrusted: intact, but the certificate does not chain to a configured trust anchor. */
export const Untrusted: Story = { args: { report: sampleReport(['valid-untrusted']) } };

/** The document was changed after signing. */
export const ModifiedAfterSigning: Story = { args: { report: sampleReport(['modified']) } };

/** Indeterminate (an expired certificate and no trusted timestamp). */
export const Indeterminate: Story = { args: { report: sampleReport(['indeterminate']) } };

/** Invalid: the signed bytes do not match. */
export const Invalid: Story = { args: { report: sampleReport(['invalid']) } };

/** Author signature, agency seal and a copy stamp with different verdicts. */
export const Several: Story = { args: { report: sampleReport(['valid', 'valid', 'valid-untrusted']) } };

/** The document has no signature. */
export const NoSignature: Story = { args: { report: sampleReport([]) } };

/** The document could not be loaded. */
export const LoadError: Story = {
  args: { error: { vi: 'Không tải được văn bản: HTTP 404', en: 'Could not load the document: HTTP 404' } },
};

/** A story that verifies a real PDF live against the demo root and waits for `text` in the panel. */
function live(pdf: () => Promise<Uint8Array>, text: string): Story {
  return {
    render: () => html`<egov-signature-panel></egov-signature-panel>`,
    play: async ({ canvasElement }) => {
      const panel = canvasElement.querySelector('egov-signature-panel')!;
      const pki = await demoPki();
      panel.trustAnchors = [toPem(pki.root.der)];
      panel.pdf = await pdf();
      await waitFor(() => expect(panelText(canvasElement)).toContain(text), { timeout: 10_000 });
    },
  };
}

/** A real PDF signed in the browser with the demo CA, verified live. */
export const LiveVerification: Story = live(() => signedPdf(), '1/1 chữ ký hợp lệ');

/** A real signed PDF whose page content a later incremental update replaced: modified after signing. */
export const ModifiedRealPdf: Story = live(
  async () => changePageContent(await signedPdf({}, await makePdf('Cong van 12/UBND-VP', { objectStreams: false }))),
  'Văn bản bị sửa sau khi ký',
);

/** A real PDF signed with an expired certificate and no timestamp: indeterminate. */
export const IndeterminateRealPdf: Story = live(expiredSignedPdf, 'Chưa xác định được');

/** The certificate chain opened: signer, issuing CA, and the root the portal trusts. */
export const CertificateChain: Story = {
  args: { report: sampleReport(['valid']) },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('egov-signature-panel')!.shadowRoot!;
    await waitFor(() => expect(root.querySelector('details')).not.toBeNull());
    root.querySelector('details')!.open = true;
    await waitFor(() => expect(root.querySelectorAll('[part=chain] > li')).toHaveLength(3));
  },
};

/** English, dark theme. */
export const EnglishDark: Story = {
  args: { report: sampleReport(['valid', 'modified']) },
  render: (args) =>
    html`<div lang="en" data-theme="dark" style="background: var(--egov-color-surface); padding: 1rem">
      <egov-signature-panel .report=${args.report}></egov-signature-panel>
    </div>`,
};
