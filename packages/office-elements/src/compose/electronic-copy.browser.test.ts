import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { verifyPdf } from '@egov-vn/pdf-signature';
import { createDemoPki, scanPng, type DemoPki } from '@egov-vn/pdf-signature/testing';
import { cryptoKeyProvider } from '@egov-vn/signature-elements';
import { html, render } from 'lit';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { demoSeed, memoryOfficeBackend } from '../backend/memory.js';
import type { OfficeHost } from '../context/context.js';
import type { EgovErrorEvent } from '../events.js';
import type { EgovComposeEvent } from './compose.js';
import { EgovElectronicCopy, type EgovElectronicCopyAttachEvent, type EgovElectronicCopyEvent } from './electronic-copy.js';

vi.setConfig({ testTimeout: 60_000 });
const host = document.createElement('div');
document.body.append(host);
const defaultLoaders = { ...EgovElectronicCopy.loaders };
let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki({ keyAlgorithm: 'ECDSA' });
}, 60_000);
beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => {
  render(html``, host);
  EgovElectronicCopy.loaders = { ...defaultLoaders };
});

const clerk = { id: 'vanthu', name: 'Nguyễn Thị Lan', role: 'vanThu' } as const;
function office(): OfficeHost {
  const backend = memoryOfficeBackend(demoSeed({ count: 1, today: '2026-12-02' }));
  return {
    backend,
    user: clerk,
    agency: { code: '000.00.01.H53', name: 'Sở Thông tin và Truyền thông tỉnh Hà Giang' },
    trustAnchors: [pki.root.der],
    signers: () => [cryptoKeyProvider(pki.seal.privateKey, pki.seal.chain.slice(0, -1), { vi: 'Chữ ký số thử của Sở', en: 'Demo agency seal' }, 'seal')],
  };
}
const q = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
async function mount(o: OfficeHost, draftId?: string): Promise<EgovElectronicCopy> {
  render(html`<egov-electronic-copy draft-id=${draftId ?? ''} .office=${o}></egov-electronic-copy>`, host);
  const el = host.querySelector('egov-electronic-copy')!;
  if (!draftId) el.removeAttribute('draft-id');
  await el.updateComplete;
  return el;
}
const scanFile = async (dpi: number, name: string) => new File([(await scanPng(dpi, { mm: [40, 50] })).slice()], name, { type: 'image/png' });

describe('<egov-electronic-copy> (sao y điện tử)', () => {
  it('makes a signed copy from a 300 dpi colour scan that passes checkNd30, and attaches it to a draft', async () => {
    const o = office();
    (o.backend as ReturnType<typeof memoryOfficeBackend>).signIn('vanthu');
    const draft = await o.backend.call('createDraft', { body: { document: { subject: 'Bản sao' }, recipients: [] } });
    const el = await mount(o, draft.id);
    await expectAxeClean(el);
    await userEvent.upload(q(el, '#c-files')!, await scanFile(300, 'scan-300.png'));
    await userEvent.click(q(el, 'input[name=kind][value=TrS]')!);
    const made = new Promise<EgovElectronicCopyEvent>((resolve) => host.addEventListener('egov-electronic-copy-made', (e) => resolve(e), { once: true }));
    await userEvent.click(q(el, 'button[type=submit]')!);
    const { detail } = await made;
    expect(detail.copyKind).toBe('TrS');
    expect(detail.dpi).toEqual([300]);
    await expect.poll(() => q(el, '[data-conforming]')).toBeTruthy();
    const report = await verifyPdf(detail.pdf, { trustAnchors: [pki.root.der] });
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED']);
    expect(q(el, '[part=result] a[download]')!.getAttribute('href')).toMatch(/^blob:/);
    const attached = new Promise<EgovElectronicCopyAttachEvent>((resolve) => host.addEventListener('egov-electronic-copy-attach', (e) => resolve(e), { once: true }));
    // The former name is still fired, with the same detail, until the next minor release.
    const former = new Promise<EgovComposeEvent>((resolve) => host.addEventListener('egov-compose-attach', (e) => resolve(e), { once: true }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await userEvent.click(q(el, '[data-action=attach]')!);
    expect((await attached).detail.draft.attachments).toMatchObject([{ name: detail.fileName, contentType: 'application/pdf' }]);
    expect((await former).detail).toBe((await attached).detail);
    warn.mockRestore();
    await expectAxeClean(el);
  });

  it('refuses a 150 dpi scan with the decree’s reason, in Vietnamese or English', async () => {
    const errors: Array<EgovErrorEvent['detail']> = [];
    host.addEventListener('egov-error', (e) => errors.push(e.detail));
    const el = await mount(office());
    await userEvent.upload(q(el, '#c-files')!, await scanFile(150, 'scan-150.png'));
    await userEvent.click(q(el, 'button[type=submit]')!);
    await expect.poll(() => q(el, '[part=error][role=alert]')?.textContent ?? '', { timeout: 20_000 }).toContain('150 dpi');
    expect(q(el, '[part=error]')!.textContent).toContain('200 dpi trở lên');
    expect(errors.at(-1)).toMatchObject({ code: 'COPY_DPI_LOW', operation: 'makeElectronicCopy' });
    expect(errors.at(-1)!.message.en).toContain('must be scanned at 200 dpi or more');
    expect(q(el, '[part=result]')).toBeNull();
    await expectAxeClean(el);
  });

  it('when the signing library chunk fails to load: an alert with a retry, nothing thrown', async () => {
    let fail = true;
    EgovElectronicCopy.loaders = { ...defaultLoaders, nd30: () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : defaultLoaders.nd30()) };
    const el = await mount(office());
    await userEvent.upload(q(el, '#c-files')!, await scanFile(300, 'scan.png'));
    await userEvent.click(q(el, 'button[type=submit]')!);
    await expect.poll(() => q(el, '[part=error]')?.textContent ?? '').toContain('Không tải được thư viện ký số');
    fail = false;
    await userEvent.click(q(el, '[part=retry]')!);
    await expect.poll(() => q(el, '[part=result]'), { timeout: 30_000 }).toBeTruthy();
  });
});
