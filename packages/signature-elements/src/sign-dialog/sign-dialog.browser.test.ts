import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { PdfSignatureError } from '@egov-vn/pdf-signature';
import { createDemoPki, createTimestampResponse, issueCertificate, toPem } from '@egov-vn/pdf-signature/testing';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { demoPki, loadPdfJs, makePdf } from '../internal/fixtures.js';
import '../signature-panel/signature-panel.js';
import type { EgovSignaturePanelVerifyEvent } from '../signature-panel/signature-panel.js';
import { cryptoKeyProvider, EgovSignDialog, localServiceProvider, registerSignerProvider, signerProviders } from './sign-dialog.js';
import type { EgovSignDialogSignEvent, EgovSignDialogErrorEvent, SignerProvider } from './sign-dialog.js';

const host = document.createElement('div');
document.body.append(host);

// The custom position shows <egov-pdf-viewer>, which imports pdf.js on first use.
beforeAll(loadPdfJs, 120_000);

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

/** A dialog with a PDF, the demo root trusted and a provider (default: the demo signer's WebCrypto key), shown. */
async function openDialog(provider?: SignerProvider, show = true): Promise<EgovSignDialog> {
  const pki = await demoPki();
  const el = await mount(html`<egov-sign-dialog></egov-sign-dialog>`);
  el.pdf = await makePdf();
  el.trustAnchors = [pki.root.der];
  el.providers = [provider ?? (await webCryptoProvider())];
  if (show) {
    el.show();
    await el.updateComplete;
  }
  return el;
}

const onePixelPng = async (): Promise<Uint8Array> =>
  (await fetch('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==')).bytes();

describe('<egov-sign-dialog>', () => {
  it('offers the built-in providers (PKCS#12, local service) and is closed until shown', async () => {
    const el = await mount(html`<egov-sign-dialog></egov-sign-dialog>`);
    expect(customElements.get('egov-sign-dialog')).toBe(EgovSignDialog);
    expect(signerProviders().map((p) => p.id)).toEqual(['pkcs12', 'local-service']);
    expect((q(el, 'dialog') as HTMLDialogElement).open).toBe(false);
  });

  it('signs a real PDF with a WebCrypto key, emits egov-sign-dialog-sign (and its deprecated alias egov-signed, same detail), and the panel verifies it as valid', async () => {
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
    const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
    const alias = once<EgovSignDialogSignEvent>(el, 'egov-signed');
    await userEvent.click(q(el, '[part=sign-button]'));
    const { detail } = await signed;
    expect((await alias).detail).toBe(detail);
    expect(detail.documents).toEqual([{ name: 'cong-van.pdf', pdf: detail.pdf, report: detail.report }]);
    expect(detail.kind).toBe('seal');
    expect(detail.provider).toBe('webcrypto');
    expect(detail.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(detail.report.signatures[0]!.reason).toBe('Chữ ký số của cơ quan, tổ chức');
    await el.updateComplete;
    expect(q(el, '[part=status]').textContent).toContain('Đã ký văn bản. Kiểm tra lại: chữ ký hợp lệ.');
    await expectAxeClean(el);

    const panel = host.querySelector('egov-signature-panel')!;
    const verified = once<EgovSignaturePanelVerifyEvent>(panel, 'egov-signature-panel-verify');
    panel.trustAnchors = anchors;
    panel.pdf = detail.pdf;
    expect((await verified).detail.report.validSignaturesCount).toBe(1);
    await panel.updateComplete;
    expect(q(panel, '[part=signature]').dataset.verdict).toBe('valid');
    expect(q(panel, '[part=signature]').textContent).toContain('Nguyễn Văn A');
  });

  it('says when a signature will be invisible, and places the seal on a custom box', async () => {
    const el = await openDialog();
    // No image for an author signature: the dialog says it will be invisible.
    expect(q(el, 'dialog').textContent).toContain('không hiển thị hình');
    await userEvent.click(q(el, 'input[name=position][value=custom]'));
    await el.updateComplete;
    await userEvent.fill(q(el, 'input[name=box-left]'), '100');
    expect(el.box.left).toBe(100);
    el.signatureImage = undefined;
    el.sealImage = await onePixelPng();
    await userEvent.click(q(el, 'input[name=kind][value=seal]'));
    await el.updateComplete;
    expect(q(el, 'dialog').textContent).not.toContain('không hiển thị hình');
    const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
    q(el, '[part=sign-button]').click(); // (the viewer's “Đặt khung chữ ký…” button also matches the name “Ký”)
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
      const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
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
    const error = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
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
    const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
    await userEvent.click(q(el, '[part=sign-button]'));
    expect((await signed).detail.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
  });

  it('traps focus in the modal (Tab and Shift+Tab loop inside), closes on Escape and gives focus back', async () => {
    const el = await mount(html`<button id="opener">Mở</button><egov-sign-dialog></egov-sign-dialog><button>sau</button>`);
    el.providers = [await webCryptoProvider()];
    const opener = host.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    el.show();
    await el.updateComplete;
    const dialog = q(el, 'dialog');
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    expect(dialog.contains(focused())).toBe(true);
    const tabbable = [...dialog.querySelectorAll<HTMLElement>('input:not([type=radio]), input[type=radio]:checked, button, select, summary')].filter(
      (e) => !(e as HTMLButtonElement).disabled,
    );
    const first = tabbable[0]!;
    const last = tabbable.at(-1)!;
    // Forward: every Tab stays in the dialog, and after the last control comes the first one again.
    last.focus();
    await userEvent.tab();
    expect(focused()).toBe(first);
    const seen = new Set<Element>();
    for (let i = 0; i < tabbable.length + 2; i++) {
      await userEvent.tab();
      expect(dialog.contains(focused())).toBe(true);
      seen.add(focused()!);
    }
    expect(seen.size).toBe(tabbable.length);
    // Backward: Shift+Tab on the first control goes to the last one.
    first.focus();
    await userEvent.tab({ shift: true });
    expect(focused()).toBe(last);
    const closed = once<CustomEvent<{ signed: boolean }>>(el, 'egov-sign-dialog-close');
    await userEvent.keyboard('{Escape}');
    expect((await closed).detail.signed).toBe(false);
    expect(el.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('writes the reason, location and contact into the signature', async () => {
    const el = await openDialog();
    expect(q(el, 'dialog').textContent).toContain('Để trống: “Ký ban hành văn bản”.');
    await userEvent.fill(q(el, 'input[name=reason]'), 'Phê duyệt tờ trình');
    await userEvent.fill(q(el, 'input[name=location]'), 'Hà Nội');
    await userEvent.fill(q(el, 'input[name=contact-info]'), 'vanthu@demo.gov.vn');
    const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
    await userEvent.click(q(el, '[part=sign-button]'));
    const s = (await signed).detail.report.signatures[0]!;
    expect([s.reason, s.location, s.contactInfo]).toEqual(['Phê duyệt tờ trình', 'Hà Nội', 'vanthu@demo.gov.vn']);
    expect(s.verdict).toBe('valid');
  });

  it('signs an appendix with the Nghị định 30 text stamp at the top right of page 1 (shipped font fetched)', async () => {
    const pki = await demoPki();
    const el = await openDialog(cryptoKeyProvider(pki.seal.privateKey, pki.seal.chain.slice(0, -1)));
    el.position = 'custom';
    el.page = 2;
    await userEvent.click(q(el, 'input[name=kind][value=appendix]'));
    await el.updateComplete;
    // The appendix stamp has one place (top right of page 1): no custom box, no page to choose, no viewer.
    expect(el.shadowRoot!.querySelector('input[name=position][value=custom]')).toBeNull();
    expect(el.shadowRoot!.querySelector('input[name=page]')).toBeNull();
    expect(el.shadowRoot!.querySelector('egov-pdf-viewer')).toBeNull();
    expect(q(el, 'dialog').textContent).toContain('không hiển thị hình');
    await userEvent.fill(q(el, 'input[name=doc-number]'), '12/UBND-VP');
    await userEvent.fill(q(el, 'input[name=agency]'), 'Ủy ban nhân dân tỉnh Demo');
    await el.updateComplete;
    expect(q(el, 'dialog').textContent).not.toContain('không hiển thị hình');
    await expectAxeClean(el);
    const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
    await userEvent.click(q(el, '[part=sign-button]'));
    const { detail } = await signed;
    expect(detail.kind).toBe('appendix');
    const s = detail.report.signatures[0]!;
    expect([s.verdict, s.reason]).toEqual(['valid', 'Ký số phụ lục, văn bản kèm theo']);
    const tail = new TextDecoder('latin1').decode(detail.pdf.slice(-60_000));
    expect(tail).toContain('/FontFile2');
    const [x1, y1, x2, y2] = /\/Rect\s*\[\s*([\d.\s-]+)\]/.exec(tail)![1]!.trim().split(/\s+/).map(Number);
    // Top right of the A4 page (595.28 × 841.89 pt): right edge 20 mm and top edge 15 mm from the page's edges.
    const mm = 72 / 25.4;
    expect(x2!).toBeCloseTo(595.28 - 20 * mm, 0);
    expect(y2!).toBeCloseTo(841.89 - 15 * mm, 0);
    expect(x2! - x1!).toBeGreaterThan(40);
    expect(y2! - y1!).toBeGreaterThan(30); // three lines: number, agency, time
  });

  it('places the custom signature box by dragging on the rendered page, then signs there', async () => {
    const el = await openDialog(undefined, false);
    el.sealImage = await onePixelPng();
    el.kind = 'seal';
    el.show();
    await el.updateComplete;
    await userEvent.click(q(el, 'input[name=position][value=custom]'));
    await el.updateComplete;
    const viewer = q(el, 'egov-pdf-viewer') as HTMLElement & { pageCount: number; updateComplete: Promise<boolean> };
    await expect.poll(() => viewer.pageCount, { timeout: 10_000 }).toBe(1);
    await viewer.updateComplete;
    await expect.poll(() => viewer.shadowRoot!.querySelector('[part=box]'), { timeout: 5000 }).not.toBeNull();
    const placer = viewer.shadowRoot!.querySelector<HTMLElement>('.placer')!;
    const origin = placer.getBoundingClientRect();
    const pointer = (type: string, x: number, y: number) =>
      placer.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerId: 1, button: 0, clientX: origin.left + x, clientY: origin.top + y }));
    // At 100 %: from (72, 600) to (243, 672) CSS px = a 171 × 72 pt box whose bottom is 841.89 − 672 pt (A4).
    pointer('pointerdown', 72, 600);
    pointer('pointermove', 150, 640);
    pointer('pointermove', 243, 672);
    pointer('pointerup', 243, 672);
    await el.updateComplete;
    const mmPt = 72 / 25.4;
    expect(el.page).toBe(1);
    expect(el.box.left).toBeCloseTo(72 / mmPt, 0);
    expect(el.box.bottom).toBeCloseTo((841.89 - 672) / mmPt, 0);
    expect(el.box.width).toBeCloseTo(171 / mmPt, 0);
    const width = q(el, 'input[name=box-width]') as HTMLInputElement;
    expect(width.value).toBe(String(el.box.width));
    // Dragged sizes have tenths of a millimetre: the form must still submit.
    expect(width.value).toMatch(/\.\d$/);
    expect(width.checkValidity()).toBe(true);
    const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
    const failed = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    q(el, '[part=sign-button]').click(); // (the viewer's “Đặt khung chữ ký…” button also matches the name “Ký”)
    const outcome = await Promise.race([signed, failed]);
    expect(outcome.type === 'egov-sign-dialog-error' ? (outcome as EgovSignDialogErrorEvent).detail.problem : undefined).toBeUndefined();
    const { detail } = await signed;
    expect(detail.report.signatures[0]!.verdict).toBe('valid');
    const tail = new TextDecoder('latin1').decode(detail.pdf.slice(-4000));
    const rect = /\/Rect\s*\[\s*([\d.\s-]+)\]/.exec(tail)![1]!.trim().split(/\s+/).map(Number);
    // The seal's right edge sits one third into the dragged box.
    expect(rect[2]!).toBeCloseTo(72 + 171 / 3, -1);
    await expectAxeClean(el);
  });

  it('places the custom box from the keyboard alone, inside the focus trap', async () => {
    const el = await openDialog();
    const radio = q(el, 'input[name=position][value=custom]') as HTMLInputElement;
    radio.focus();
    await userEvent.keyboard(' ');
    await el.updateComplete;
    expect(el.position).toBe('custom');
    const viewer = q(el, 'egov-pdf-viewer') as HTMLElement & { pageCount: number; updateComplete: Promise<boolean> };
    await expect.poll(() => viewer.pageCount, { timeout: 10_000 }).toBe(1);
    await viewer.updateComplete;
    const inViewer = () => viewer.shadowRoot!.activeElement?.getAttribute('part');
    // Tab forward from the last box field until the viewer's own button: the trap lets focus into its shadow root.
    (q(el, 'input[name=box-height]') as HTMLInputElement).focus();
    for (let i = 0; i < 12 && inViewer() !== 'place-button'; i++) await userEvent.tab();
    expect(inViewer()).toBe('place-button');
    const before = { ...el.box };
    await userEvent.keyboard('{Enter}');
    await expect.poll(inViewer).toBe('box');
    await userEvent.keyboard('{ArrowRight}{Shift>}{ArrowUp}{/Shift}');
    await el.updateComplete;
    expect(el.box.left).toBeCloseTo(before.left + 1, 1);
    expect(el.box.height).toBeCloseTo(before.height + 1, 1);
    expect((q(el, 'input[name=box-left]') as HTMLInputElement).value).toBe(String(el.box.left));
    // Escape still closes the dialog from inside the viewer.
    const closed = once<CustomEvent<{ signed: boolean }>>(el, 'egov-sign-dialog-close');
    await userEvent.keyboard('{Escape}');
    await closed;
    expect(el.open).toBe(false);
  });

  it('checks the certificate before signing: not for signing, or not trusted by the portal (nothing is signed)', async () => {
    const pki = await demoPki();
    const other = await createDemoPki({ keyAlgorithm: 'ECDSA', prefix: 'Khác' });
    const encryptOnly = await issueCertificate(pki.intermediate, { commonName: 'Chỉ mã hoá', keyUsage: ['keyCertSign'], keyAlgorithm: 'ECDSA' });
    let signCalls = 0;
    const counting = (provider: SignerProvider): SignerProvider => ({
      ...provider,
      createSigner: async (input) => {
        const signer = await provider.createSigner(input);
        return { certificateChain: () => signer.certificateChain(), sign: (d, a) => (signCalls++, signer.sign(d, a)) };
      },
    });
    const el = await openDialog(counting(cryptoKeyProvider(encryptOnly.privateKey, encryptOnly.chain.slice(0, -1))));
    let error = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    await userEvent.click(q(el, '[part=sign-button]'));
    expect((await error).detail.problem.code).toBe('CERT_KEY_USAGE');
    await el.updateComplete;
    expect(q(el, '[part=problem]').textContent).toContain('Chứng thư số này không dùng để ký văn bản.');
    el.providers = [counting(cryptoKeyProvider(other.signer.privateKey, other.signer.chain.slice(0, -1)))];
    await el.updateComplete;
    error = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    await userEvent.click(q(el, '[part=sign-button]'));
    const untrusted = (await error).detail.problem;
    expect(untrusted.code).toBe('CERT_UNTRUSTED');
    expect(untrusted.detail?.vi).toContain('không dẫn tới tổ chức chứng thực');
    expect(signCalls).toBe(0);
    expect(el.shadowRoot!.querySelector('.result')).toBeNull();
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
    const error = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
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
    const error = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
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
    const el = await openDialog(cryptoKeyProvider(expired.privateKey, expired.chain.slice(0, -1)));
    let signed = false;
    el.addEventListener('egov-sign-dialog-sign', () => (signed = true));
    const error = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
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
      const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
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
  it('sign() with no way of signing rejects with a clear bilingual error, shows it and fires egov-sign-dialog-error', async () => {
    const el = await openDialog();
    el.providers = [];
    await el.updateComplete;
    expect((q(el, '[part=sign-button]') as HTMLButtonElement).disabled).toBe(true);
    const error = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    await expect(el.sign()).rejects.toMatchObject({ code: 'NO_PROVIDER', vi: 'Chưa có cách ký nào để ký văn bản.', en: 'There is no way of signing to sign with.' });
    expect((await error).detail.problem.code).toBe('NO_PROVIDER');
    await el.updateComplete;
    expect(q(el, '[part=problem]').textContent).toContain('Chưa có cách ký nào để ký văn bản.');
    host.setAttribute('lang', 'en');
    await expect.poll(() => q(el, '[part=problem]').textContent).toContain('The portal must offer at least one way of signing');
  });

  it('shows a src document as loading (never “0 KB”) until it is fetched, then its real size', async () => {
    const bytes = await makePdf();
    const blob = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
    const url = 'https://van-ban.invalid/van-ban.pdf';
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const realFetch = globalThis.fetch.bind(globalThis);
    // The document's server answers late: the real bytes, once released.
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => ((typeof input === 'string' ? input : input instanceof URL ? input.href : input.url) === url ? (await gate, realFetch(blob)) : realFetch(input, init)));
    try {
      const el = await mount(html`<egov-sign-dialog file-name="van-ban.pdf"></egov-sign-dialog>`);
      el.src = url;
      el.providers = [await webCryptoProvider()];
      el.show();
      await el.updateComplete;
      const line = () => q(el, 'form > .field .mono').textContent.trim();
      expect(line()).toBe('van-ban.pdf (đang tải…)');
      host.setAttribute('lang', 'en');
      await expect.poll(line).toBe('van-ban.pdf (loading…)');
      release();
      await expect.poll(line).toBe(`van-ban.pdf (${Math.round(bytes.length / 1024)} KB)`);
      expect(line()).not.toContain('0 KB');
    } finally {
      URL.revokeObjectURL(blob);
    }
  });

  it('a src that cannot be fetched shows its name only (fetched once, not again on every update); signing explains it', async () => {
    const gone = URL.createObjectURL(new Blob([(await makePdf()) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
    URL.revokeObjectURL(gone); // the browser now refuses it, as a server that went away
    const realFetch = globalThis.fetch.bind(globalThis);
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => realFetch(input, init));
    const el = await mount(html`<egov-sign-dialog file-name="mat.pdf"></egov-sign-dialog>`);
    el.src = gone;
    el.providers = [await webCryptoProvider()];
    el.show();
    await el.updateComplete;
    const line = () => q(el, 'form > .field .mono').textContent.trim();
    await expect.poll(line).toBe('mat.pdf');
    el.reason = 'Ký thử';
    await el.updateComplete;
    expect(spy).toHaveBeenCalledTimes(1);
    const error = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    await userEvent.click(q(el, '[part=sign-button]'));
    expect((await error).detail.problem.title.vi).toBe('Không ký được văn bản.');
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('is usable 360 px wide: no part scrolls sideways, Sign and Close are on screen, axe-clean', async () => {
    await page.viewport(360, 640);
    try {
      const el = await openDialog(undefined, false);
      el.fileName = 'QuyetDinhSo1234QDUBNDVeViecPheDuyetKeHoachChuyenDoiSoNam2026.pdf';
      el.show();
      await el.updateComplete;
      await userEvent.click(q(el, 'input[name=position][value=custom]'));
      await el.updateComplete;
      const dialog = q(el, 'dialog');
      expect(dialog.getBoundingClientRect().width).toBeLessThanOrEqual(360);
      for (const part of [dialog, q(el, '[part=form]'), ...el.shadowRoot!.querySelectorAll<HTMLElement>('fieldset, .field, .actions')]) {
        expect({ part: part.outerHTML.slice(0, 60), overflow: part.scrollWidth - part.clientWidth }).toEqual({ part: part.outerHTML.slice(0, 60), overflow: 0 });
      }
      for (const button of [q(el, '[part=sign-button]'), q(el, '[part=close-button]')]) {
        button.scrollIntoView();
        const box = button.getBoundingClientRect();
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(360);
        expect(box.bottom).toBeLessThanOrEqual(640);
      }
      await expectAxeClean(el);
      // Several documents with long names: the list wraps too.
      el.documents = [{ name: el.fileName, bytes: await makePdf() }, { name: `Phu${'Luc'.repeat(20)}.pdf`, bytes: await makePdf() }];
      await el.updateComplete;
      for (const part of [dialog, q(el, '[part=documents]'), ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=documents] li')]) {
        expect({ part: part.outerHTML.slice(0, 60), overflow: part.scrollWidth - part.clientWidth }).toEqual({ part: part.outerHTML.slice(0, 60), overflow: 0 });
      }
    } finally {
      await page.viewport(1280, 720);
    }
  });

  it('signs several documents (bytes and src) one after another with a local key, listing each with its state', async () => {
    const pki = await demoPki();
    const url = URL.createObjectURL(new Blob([(await makePdf()) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
    try {
      const el = await mount(html`<egov-sign-dialog></egov-sign-dialog>`);
      el.documents = [
        { name: 'cong-van-1.pdf', bytes: await makePdf() },
        { name: 'cong-van-2.pdf', src: url },
      ];
      el.trustAnchors = [pki.root.der];
      el.providers = [await webCryptoProvider()];
      el.show();
      await el.updateComplete;
      expect(q(el, '[part=documents]').textContent).toContain('cong-van-1.pdf');
      expect(q(el, 'dialog').textContent).toContain('ký lần lượt từng văn bản');
      const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
      await userEvent.click(q(el, '[part=sign-button]'));
      const { detail } = await signed;
      expect(detail.documents.map((d) => d.name)).toEqual(['cong-van-1.pdf', 'cong-van-2.pdf']);
      expect(detail.documents.map((d) => d.report.signatures.at(-1)!.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
      await el.updateComplete;
      expect([...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=documents] li')].map((li) => li.dataset.state)).toEqual(['signed', 'signed']);
      expect(q(el, '[part=status]').textContent).toContain('Đã ký 2 văn bản.');
      await expectAxeClean(el);
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
