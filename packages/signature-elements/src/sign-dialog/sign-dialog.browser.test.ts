import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { PdfSignatureError } from '@egov-vn/pdf-signature';
import { createTimestampResponse, issueCertificate, toPem } from '@egov-vn/pdf-signature/testing';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { demoPki, makePdf } from '../internal/fixtures.js';
import '../signature-panel/signature-panel.js';
import type { EgovVerifiedEvent } from '../signature-panel/signature-panel.js';
import { cryptoKeyProvider, EgovSignDialog, localServiceProvider, registerSignerProvider, signerProviders } from './sign-dialog.js';
import type { EgovSignedEvent, EgovSignErrorEvent, SignerProvider } from './sign-dialog.js';

const host = document.createElement('div');
document.body.append(host);

beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => render(html``, host));

async function mount(template: TemplateResult): Promise<EgovSignDialog> {
  render(template, host);
  const el = host.querySelector('egov-sign-dialog')!;
  await el.updateComplete;
  return el;
}

const q = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel)!;
const once = <T extends Event>(el: EventTarget, name: string) => new Promise<T>((resolve) => el.addEventListener(name, (e) => resolve(e as T), { once: true }));

async function webCryptoProvider(): Promise<SignerProvider> {
  const pki = await demoPki();
  return cryptoKeyProvider(pki.signer.privateKey, pki.signer.chain.slice(0, -1));
}

describe('<egov-sign-dialog>', () => {
  it('offers the built-in providers (PKCS#12, local service) and is closed until shown', async () => {
    const el = await mount(html`<egov-sign-dialog></egov-sign-dialog>`);
    expect(customElements.get('egov-sign-dialog')).toBe(EgovSignDialog);
    expect(signerProviders().map((p) => p.id)).toEqual(['pkcs12', 'local-service']);
    expect((q(el, 'dialog') as HTMLDialogElement).open).toBe(false);
  });

  it('signs a real PDF with a WebCrypto key, emits egov-signed, and the panel verifies it as valid', async () => {
    const pki = await demoPki();
    const anchors = [toPem(pki.root.der)];
    const el = await mount(html`<egov-sign-dialog file-name="cong-van.pdf"></egov-sign-dialog><egov-signature-panel></egov-signature-panel>`);
    el.pdf = await makePdf();
    el.trustAnchors = anchors;
    el.providers = [await webCryptoProvider()];
    el.show();
    await el.updateComplete;
    expect((q(el, 'dialog') as HTMLDialogElement).open).toBe(true);
    await expectAxeClean(el);
    await userEvent.click(q(el, 'input[name=kind][value=seal]'));
    const signed = once<EgovSignedEvent>(el, 'egov-signed');
    await userEvent.click(q(el, '[part=sign-button]'));
    const { detail } = await signed;
    expect(detail.kind).toBe('seal');
    expect(detail.provider).toBe('webcrypto');
    expect(detail.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(detail.report.signatures[0]!.reason).toBe('Chữ ký số của cơ quan, tổ chức');
    await el.updateComplete;
    expect(q(el, '[part=status]').textContent).toContain('Đã ký văn bản. Kiểm tra lại: chữ ký hợp lệ.');
    await expectAxeClean(el);

    const panel = host.querySelector('egov-signature-panel')!;
    const verified = once<EgovVerifiedEvent>(panel, 'egov-verified');
    panel.trustAnchors = anchors;
    panel.pdf = detail.pdf;
    expect((await verified).detail.report.validSignaturesCount).toBe(1);
    await panel.updateComplete;
    expect(q(panel, '[part=signature]').dataset.verdict).toBe('valid');
    expect(q(panel, '[part=signature]').textContent).toContain('Nguyễn Văn A');
  });

  it('says when a signature will be invisible, and places the seal on a custom box', async () => {
    const pki = await demoPki();
    const el = await mount(html`<egov-sign-dialog></egov-sign-dialog>`);
    el.pdf = await makePdf();
    el.trustAnchors = [pki.root.der];
    el.providers = [await webCryptoProvider()];
    el.show();
    await el.updateComplete;
    // No image for an author signature: the dialog says it will be invisible.
    expect(q(el, 'dialog').textContent).toContain('không hiển thị hình');
    await userEvent.click(q(el, 'input[name=position][value=custom]'));
    await el.updateComplete;
    await userEvent.fill(q(el, 'input[name=box-left]'), '100');
    expect(el.box.left).toBe(100);
    el.signatureImage = undefined;
    el.sealImage = await (await fetch('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==')).bytes();
    await userEvent.click(q(el, 'input[name=kind][value=seal]'));
    await el.updateComplete;
    expect(q(el, 'dialog').textContent).not.toContain('không hiển thị hình');
    const signed = once<EgovSignedEvent>(el, 'egov-signed');
    await userEvent.click(q(el, '[part=sign-button]'));
    const { detail } = await signed;
    expect(detail.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    const tail = new TextDecoder('latin1').decode(detail.pdf.slice(-4000));
    const rect = /\/Rect\s*\[\s*([\d.\s-]+)\]/.exec(tail)![1]!.trim().split(/\s+/).map(Number);
    // The seal's right edge sits one third into the 60 mm box, which starts 100 mm from the left (points: 72/25.4 per mm).
    const mm = 72 / 25.4;
    expect(rect[2]!).toBeCloseTo(100 * mm + (60 * mm) / 3, 0);
    await expectAxeClean(el);
  });

  it('opens a document from src, adds a trusted timestamp (B-T) and the panel shows it', async () => {
    const pki = await demoPki();
    const tsaFetch: typeof fetch = async (_url, init) =>
      new Response((await createTimestampResponse(new Uint8Array(init!.body as Uint8Array), pki.tsa)) as Uint8Array<ArrayBuffer>, { status: 200 });
    const url = URL.createObjectURL(new Blob([(await makePdf()) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
    try {
      const el = await mount(html`<egov-sign-dialog></egov-sign-dialog><egov-signature-panel></egov-signature-panel>`);
      el.src = url;
      el.trustAnchors = [pki.root.der];
      el.timestamp = { url: 'https://tsa.invalid/', fetch: tsaFetch };
      el.providers = [await webCryptoProvider()];
      el.show();
      await el.updateComplete;
      const signed = once<EgovSignedEvent>(el, 'egov-signed');
      await userEvent.click(q(el, '[part=sign-button]'));
      const { detail } = await signed;
      expect(detail.report.signatures[0]!.format).toBe('PAdES-BASELINE-T');
      const panel = host.querySelector('egov-signature-panel')!;
      panel.report = detail.report;
      await panel.updateComplete;
      expect(q(panel, '[part=signature]').textContent).toMatch(/Dấu thời gian\s*[\s\S]*Demo TSA[\s\S]*\(tin cậy\)/);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('explains a timestamp authority that does not answer', async () => {
    const el = await mount(html`<egov-sign-dialog></egov-sign-dialog>`);
    el.pdf = await makePdf();
    el.timestamp = { url: 'https://tsa.invalid/', fetch: () => Promise.reject(new TypeError('Failed to fetch')) };
    el.providers = [await webCryptoProvider()];
    el.show();
    await el.updateComplete;
    const error = once<EgovSignErrorEvent>(el, 'egov-sign-error');
    await userEvent.click(q(el, '[part=sign-button]'));
    expect((await error).detail.problem.code).toBe('TSA_HTTP');
    await el.updateComplete;
    expect(q(el, '[part=problem]').textContent).toContain('Không lấy được dấu thời gian');
  });

  it('opens a PDF from the file picker and is axe-clean in the dark theme', async () => {
    const pki = await demoPki();
    const el = await mount(html`<div data-theme="dark"><egov-sign-dialog></egov-sign-dialog></div>`);
    el.trustAnchors = [pki.root.der];
    el.providers = [await webCryptoProvider()];
    el.show();
    await el.updateComplete;
    const file = new File([(await makePdf()) as Uint8Array<ArrayBuffer>], 'to-trinh.pdf', { type: 'application/pdf' });
    await userEvent.upload(q(el, 'input[type=file]'), file);
    await expect.poll(() => el.fileName).toBe('to-trinh.pdf');
    await el.updateComplete;
    expect(q(el, 'dialog').textContent).toContain('to-trinh.pdf');
    await expectAxeClean(el);
    const signed = once<EgovSignedEvent>(el, 'egov-signed');
    await userEvent.click(q(el, '[part=sign-button]'));
    expect((await signed).detail.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
  });

  it('traps focus in the modal, closes on Escape and gives focus back', async () => {
    const el = await mount(html`<button id="opener">Mở</button><egov-sign-dialog></egov-sign-dialog><button>sau</button>`);
    el.providers = [await webCryptoProvider()];
    const opener = host.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    el.show();
    await el.updateComplete;
    const dialog = q(el, 'dialog');
    expect(dialog.contains(el.shadowRoot!.activeElement)).toBe(true);
    for (let i = 0; i < 12; i++) {
      await userEvent.tab();
      expect(document.activeElement === el || document.activeElement === document.body).toBe(true);
    }
    const closed = once<CustomEvent<{ signed: boolean }>>(el, 'egov-sign-dialog-close');
    await userEvent.keyboard('{Escape}');
    expect((await closed).detail.signed).toBe(false);
    expect(el.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('explains a wrong PKCS#12 password in plain Vietnamese with what to do next', async () => {
    const el = await mount(html`<egov-sign-dialog></egov-sign-dialog>`);
    el.pdf = await makePdf();
    el.show();
    await el.updateComplete;
    // The PKCS#12 provider asks for a file and a password.
    expect(q(el, 'input[name=key-file]')).toBeTruthy();
    const failing: SignerProvider = {
      id: 'p12-test',
      label: { vi: 'Tệp thử', en: 'Test file' },
      fields: ['password'],
      createSigner: () => Promise.reject(new PdfSignatureError('P12_PASSWORD', { vi: 'Sai mật khẩu PKCS#12 hoặc tệp bị hỏng', en: 'Wrong PKCS#12 password or corrupt file' })),
    };
    el.providers = [failing];
    await el.updateComplete;
    await userEvent.type(q(el, 'input[name=password]'), 'sai');
    const error = once<EgovSignErrorEvent>(el, 'egov-sign-error');
    await userEvent.click(q(el, '[part=sign-button]'));
    expect((await error).detail.problem.code).toBe('P12_PASSWORD');
    await el.updateComplete;
    expect(q(el, '[part=problem]').textContent).toContain('Sai mật khẩu của tệp chứng thư số.');
    expect(q(el, '[part=problem]').textContent).toContain('Nhập lại mật khẩu');
    await expectAxeClean(el);
  });

  it('says the local signing service is not running when nothing listens', async () => {
    const el = await mount(html`<egov-sign-dialog></egov-sign-dialog>`);
    el.pdf = await makePdf();
    el.providers = [localServiceProvider({ baseUrl: 'ws://127.0.0.1:9', timeoutMs: 5000 })];
    el.show();
    await el.updateComplete;
    const error = once<EgovSignErrorEvent>(el, 'egov-sign-error');
    await userEvent.click(q(el, '[part=sign-button]'));
    expect(['REMOTE_CONNECT', 'REMOTE_CLOSED']).toContain((await error).detail.problem.code);
    await el.updateComplete;
    expect(q(el, '[part=problem]').textContent).toContain('Chưa kết nối được phần mềm ký số trên máy.');
  });

  it('refuses to hand out a signature made with an expired certificate', async () => {
    const pki = await demoPki();
    const expired = await issueCertificate(pki.intermediate, {
      commonName: 'Trần Thị B',
      keyAlgorithm: 'ECDSA',
      notBefore: new Date(Date.now() - 3 * 365 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    const el = await mount(html`<egov-sign-dialog></egov-sign-dialog>`);
    el.pdf = await makePdf();
    el.trustAnchors = [pki.root.der];
    el.providers = [cryptoKeyProvider(expired.privateKey, expired.chain.slice(0, -1))];
    el.show();
    await el.updateComplete;
    let signed = false;
    el.addEventListener('egov-signed', () => (signed = true));
    const error = once<EgovSignErrorEvent>(el, 'egov-sign-error');
    await userEvent.click(q(el, '[part=sign-button]'));
    expect((await error).detail.problem.code).toBe('CERT_EXPIRED');
    expect(signed).toBe(false);
    await el.updateComplete;
    expect(q(el, '[part=problem]').textContent).toContain('Chứng thư số đã hết hạn');
  });

  it('uses a provider a portal registered, and speaks English under lang="en"', async () => {
    const pki = await demoPki();
    const unregister = registerSignerProvider({
      ...cryptoKeyProvider(pki.seal.privateKey, pki.seal.chain.slice(0, -1)),
      id: 'vendor-token',
      label: { vi: 'Token của nhà cung cấp X', en: 'Vendor X token' },
    });
    try {
      host.setAttribute('lang', 'en');
      const el = await mount(html`<egov-sign-dialog></egov-sign-dialog>`);
      el.pdf = await makePdf();
      el.provider = 'vendor-token';
      el.show();
      await el.updateComplete;
      expect(q(el, '[part=title]').textContent.trim()).toBe('Sign the document');
      expect(q(el, 'dialog').textContent).toContain('Vendor X token');
      const signed = once<EgovSignedEvent>(el, 'egov-signed');
      await userEvent.click(q(el, '[part=sign-button]'));
      const { detail } = await signed;
      expect(detail.provider).toBe('vendor-token');
      // No trust anchors: intact but not trusted.
      expect(detail.report.signatures[0]!.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
      await el.updateComplete;
      expect(q(el, '[part=status]').textContent).toContain('not trusted by this portal');
    } finally {
      unregister();
    }
    expect(signerProviders().some((p) => p.id === 'vendor-token')).toBe(false);
  });
});
