import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { toPem } from '@egov-vn/pdf-signature/testing';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { changePageContent, demoPki, expiredSignedPdf, makePdf, signedPdf, tamper } from '../internal/fixtures.js';
import { sampleReport } from '../internal/reports.js';
import { EgovSignaturePanel } from './signature-panel.js';
import type { EgovSignaturePanelErrorEvent, EgovSignaturePanelVerifyEvent } from './signature-panel.js';

const host = document.createElement('div');
document.body.append(host);

beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => render(html``, host));

async function mount(template: TemplateResult = html`<egov-signature-panel></egov-signature-panel>`): Promise<EgovSignaturePanel> {
  render(template, host);
  const el = host.querySelector('egov-signature-panel')!;
  await el.updateComplete;
  return el;
}

const q = (el: EgovSignaturePanel, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel)!;
const qa = (el: EgovSignaturePanel, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

function verified(el: EgovSignaturePanel): Promise<EgovSignaturePanelVerifyEvent> {
  return new Promise((resolve) => el.addEventListener('egov-signature-panel-verify', resolve, { once: true }));
}

describe('<egov-signature-panel>', () => {
  it('is registered and says there is nothing to check yet', async () => {
    const el = await mount();
    expect(customElements.get('egov-signature-panel')).toBe(EgovSignaturePanel);
    expect(q(el, '[part=summary]').textContent.trim()).toBe('Chưa có văn bản để kiểm tra.');
    await expectAxeClean(el);
  });

  it('verifies a signed PDF against the trust anchors: valid, with signer, agency and a typed egov-signature-panel-verify', async () => {
    const pki = await demoPki();
    const pdf = await signedPdf();
    const el = await mount();
    const event = verified(el);
    el.trustAnchors = [toPem(pki.root.der)];
    el.pdf = pdf;
    const { detail } = await event;
    await el.updateComplete;
    expect(detail.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(q(el, '[part=summary]').textContent.trim()).toBe('1/1 chữ ký hợp lệ');
    expect(q(el, '[part=signature]').dataset.verdict).toBe('valid');
    expect(q(el, '[part=verdict]').textContent.trim()).toBe('Hợp lệ');
    const text = q(el, '[part=signature]').textContent;
    expect(text).toContain('Nguyễn Văn A');
    expect(text).toContain('UBND tỉnh Demo');
    expect(text).toContain('Phê duyệt');
    await expectAxeClean(el);
  });

  it('says "valid but untrusted" without trust anchors, and "invalid" for a tampered file', async () => {
    const pdf = await signedPdf();
    const el = await mount();
    let event = verified(el);
    el.pdf = pdf;
    await event;
    await el.updateComplete;
    expect(q(el, '[part=signature]').dataset.verdict).toBe('valid-untrusted');
    expect(q(el, '[part=summary]').textContent.trim()).toBe('0/1 chữ ký hợp lệ');
    event = verified(el);
    el.pdf = tamper(pdf);
    await event;
    await el.updateComplete;
    expect(q(el, '[part=signature]').dataset.verdict).toBe('invalid');
    expect(q(el, '[part=verdict]').textContent.trim()).toBe('Không hợp lệ');
  });

  it('shows the certificate chain of a real signature, the configured root marked as the trust anchor', async () => {
    const pki = await demoPki();
    const el = await mount();
    const event = verified(el);
    el.trustAnchors = [toPem(pki.root.der)];
    el.pdf = await signedPdf({ location: 'Hà Nội', contactInfo: 'vanthu@demo.gov.vn' });
    await event;
    await el.updateComplete;
    const items = qa(el, '[part=chain] > li');
    expect(items.map((li) => li.dataset.trustAnchor)).toEqual(['false', 'false', 'true']);
    expect(items[0]!.textContent).toContain('CN=Nguyễn Văn A');
    expect(items[0]!.textContent).toContain('digitalSignature, nonRepudiation');
    expect(items[1]!.textContent).toContain('keyCertSign, cRLSign');
    expect(items[2]!.textContent).toContain('Gốc tin cậy (do cổng cấu hình)');
    expect(items[2]!.textContent).toMatch(/Hiệu lực\s*từ .+ đến .+/);
    const text = q(el, '[part=signature]').textContent;
    expect(text).toContain('Hà Nội');
    expect(text).toContain('vanthu@demo.gov.vn');
    await expectAxeClean(el);
  });

  it('says "modified after signing" for a real signed PDF whose page content an incremental update replaced', async () => {
    const pki = await demoPki();
    const signed = await signedPdf({}, await makePdf('Cong van 12/UBND-VP', { objectStreams: false }));
    const el = await mount();
    let event = verified(el);
    el.trustAnchors = [toPem(pki.root.der)];
    el.pdf = signed;
    await event;
    await el.updateComplete;
    expect(q(el, '[part=signature]').dataset.verdict).toBe('valid');
    event = verified(el);
    el.pdf = changePageContent(signed);
    const { detail } = await event;
    await el.updateComplete;
    const s = detail.report.signatures[0]!;
    expect(detail.report.revisions).toBe(3);
    expect([s.coverage, s.modificationLevel, s.verdict]).toEqual(['ENTIRE_REVISION', 'OTHER', 'modified']);
    expect(q(el, '[part=signature]').dataset.verdict).toBe('modified');
    expect(q(el, '[part=verdict]').textContent.trim()).toBe('Văn bản bị sửa sau khi ký');
    expect(q(el, '[part=signature]').textContent).toContain('Nội dung văn bản bị thay đổi');
    expect(q(el, '[part=summary]').textContent.trim()).toBe('0/1 chữ ký hợp lệ');
    await expectAxeClean(el);
  });

  it('says "indeterminate" for a real PDF signed with an expired certificate and no timestamp', async () => {
    const pki = await demoPki();
    const el = await mount();
    const event = verified(el);
    el.trustAnchors = [toPem(pki.root.der)];
    el.pdf = await expiredSignedPdf();
    const { detail } = await event;
    await el.updateComplete;
    const s = detail.report.signatures[0]!;
    expect([s.indication, s.subIndication, s.verdict]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', 'indeterminate']);
    expect(q(el, '[part=signature]').dataset.verdict).toBe('indeterminate');
    expect(q(el, '[part=verdict]').textContent).toContain('Chưa xác định được');
    expect(q(el, '[part=signature]').textContent).toContain('Chứng thư đã hết hạn');
    expect(q(el, '[part=signature]').textContent).toContain('Trần Thị B');
    await expectAxeClean(el);
  });

  it('fetches src and reports a load failure with egov-signature-panel-error (and its deprecated alias egov-verify-error)', async () => {
    const el = await mount();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failure = new Promise<EgovSignaturePanelErrorEvent>((resolve) => el.addEventListener('egov-signature-panel-error', resolve, { once: true }));
    const former = new Promise<EgovSignaturePanelErrorEvent>((resolve) => el.addEventListener('egov-verify-error', resolve, { once: true }));
    el.src = '/does-not-exist.pdf';
    const { detail } = await failure;
    expect((await former).detail).toBe(detail);
    warn.mockRestore();
    await el.updateComplete;
    expect(detail.message.vi).toContain('Không tải được văn bản');
    expect(q(el, '[part=summary]').textContent).toContain('Không tải được văn bản');
  });

  it('shows every verdict of a report and what changed after signing', async () => {
    const el = await mount();
    el.report = sampleReport(['valid', 'valid-untrusted', 'modified', 'indeterminate', 'invalid']);
    await el.updateComplete;
    expect(qa(el, '[part=signature]').map((s) => s.dataset.verdict)).toEqual(['valid', 'valid-untrusted', 'modified', 'indeterminate', 'invalid']);
    expect(qa(el, '[part=verdict]')[2]!.textContent.trim()).toBe('Văn bản bị sửa sau khi ký');
    expect(qa(el, '[part=signature]')[2]!.textContent).toContain('Nội dung văn bản bị thay đổi');
    await expectAxeClean(el);
  });

  it('opens the certificate details from the keyboard', async () => {
    const el = await mount(html`<button>trước</button><egov-signature-panel></egov-signature-panel>`);
    el.report = sampleReport(['valid']);
    await el.updateComplete;
    host.querySelector('button')!.focus();
    await userEvent.tab();
    const summary = q(el, 'details summary');
    expect(el.shadowRoot!.activeElement).toBe(summary);
    await userEvent.keyboard('{Enter}');
    expect(q(el, 'details').hasAttribute('open')).toBe(true);
    expect(q(el, 'details').textContent).toContain('CN=Demo Issuing CA');
    await expectAxeClean(el);
  });

  it('is axe-clean in the dark theme with every verdict', async () => {
    const el = await mount(
      html`<div data-theme="dark" style="background: var(--egov-color-surface)"><egov-signature-panel></egov-signature-panel></div>`,
    );
    el.report = sampleReport(['valid', 'valid-untrusted', 'modified', 'indeterminate', 'invalid']);
    await el.updateComplete;
    expect(getComputedStyle(el).getPropertyValue('--egov-color-surface').trim()).not.toBe(
      getComputedStyle(document.documentElement).getPropertyValue('--egov-color-surface').trim(),
    );
    await expectAxeClean(el);
  });

  it('writes signing and timestamp times dd/mm/yyyy with 24-hour time in Việt Nam time, vi and en', async () => {
    const el = await mount();
    el.report = sampleReport(['valid']);
    await el.updateComplete;
    // Signed 02:15:00 UTC, timestamped 02:15:03 UTC on 2 March 2026: 09:15 in Việt Nam (before: "09:15:00 2/3/26").
    const dd = () => qa(el, '[part=signature] dd').map((d) => d.textContent.trim());
    expect(dd()).toContain('02/03/2026 09:15:00');
    expect(dd().some((t) => t.startsWith('02/03/2026 09:15:03 — C=VN, CN=Demo TSA'))).toBe(true);
    host.setAttribute('lang', 'en');
    await expect.poll(() => dd()).toContain('02/03/2026, 09:15:00');
    expect(dd().some((t) => t.startsWith('02/03/2026, 09:15:03 — C=VN, CN=Demo TSA'))).toBe(true);
  });

  it('speaks English under lang="en"', async () => {
    const el = await mount();
    el.report = sampleReport(['modified']);
    host.setAttribute('lang', 'en');
    await expect.poll(() => q(el, '[part=verdict]').textContent.trim()).toBe('Document modified after signing');
    expect(q(el, '[part=summary]').textContent.trim()).toBe('0/1 signatures valid');
  });
});
