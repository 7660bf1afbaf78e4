import fontUrl from '@egov-vn/document-pdf/fonts/LiberationSerif-Regular.ttf?url';
import { encodeBase64 } from '@egov-vn/edxml';
import { expectAxeClean } from '@egov-vn/elements-core/testing';
import type { Draft } from '@egov-vn/office-api';
import { verifyPdf } from '@egov-vn/pdf-signature';
import { createDemoPki, type DemoPki } from '@egov-vn/pdf-signature/testing';
import { cryptoKeyProvider } from '@egov-vn/signature-elements';
import type { EgovSignDialog } from '@egov-vn/signature-elements/sign-dialog';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { httpOfficeBackend } from '../backend/http.js';
import { demoSeed, memoryOfficeBackend, type MemoryOfficeBackend } from '../backend/memory.js';
import type { OfficeBackend } from '../backend/types.js';
import type { OfficeHost } from '../context/context.js';
import type { EgovErrorEvent, EgovNavigateEvent } from '../events.js';
import '../outgoing/outgoing.js';
import { EgovCompose, composeActions, documentFromForm, emptyForm } from './compose.js';
import type { EgovComposeEvent, EgovComposeSendEvent } from './compose.js';
import { mountIn, pageHost, q } from '../../test/feature-dom.js';

const TODAY = '2026-12-02';
// The journey, previews and failure tests render PDFs and sign with real keys: generous timeouts on a shared machine.
vi.setConfig({ testTimeout: 60_000 });
const FONTS = fontUrl.replace(/LiberationSerif-Regular\.ttf.*$/, '');
const host = pageHost();
const defaultLoaders = { ...EgovCompose.loaders };

const agency = {
  code: '000.00.01.H53',
  name: 'Sở Thông tin và Truyền thông tỉnh Hà Giang',
  abbreviation: 'STTTT',
  place: 'Hà Giang',
  parentName: 'ỦY BAN NHÂN DÂN TỈNH HÀ GIANG',
};
const users = {
  officer: { id: 'chuyenvien', name: 'Lê Thu Hà', role: 'chuyenVien' },
  leader: { id: 'lanhdao', name: 'Trần Văn Minh', role: 'lanhDao' },
  clerk: { id: 'vanthu', name: 'Nguyễn Thị Lan', role: 'vanThu' },
} as const;

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki({ keyAlgorithm: 'ECDSA' });
}, 60_000);

beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => {
  render(html``, host);
  host.style.width = '';
  EgovCompose.loaders = { ...defaultLoaders };
});

/** The host context: the user's signing providers come from the demo PKI (real WebCrypto keys, no stub). */
function office(backend: OfficeBackend, user: OfficeHost['user'] = users.officer): OfficeHost {
  return {
    backend,
    user,
    today: TODAY,
    agency,
    trustAnchors: [pki.root.der],
    signers: (use) =>
      use === 'author'
        ? [cryptoKeyProvider(pki.signer.privateKey, pki.signer.chain.slice(0, -1), { vi: 'Khóa thử của lãnh đạo', en: 'Leader demo key' }, 'leader')]
        : [cryptoKeyProvider(pki.seal.privateKey, pki.seal.chain.slice(0, -1), { vi: 'Khóa thử của cơ quan', en: 'Agency demo seal' }, 'seal')],
  };
}

const mount = (template: TemplateResult) => mountIn(host, template, 'egov-compose');
const action = (el: Element, name: string) => q<HTMLButtonElement>(el, `[data-action=${name}]`);
const once = <T extends Event>(target: EventTarget, name: string) =>
  new Promise<T>((resolve) => target.addEventListener(name, (e) => resolve(e as T), { once: true }));

async function fillDraft(el: EgovCompose): Promise<void> {
  await userEvent.fill(q(el, '#f-subject')!, 'Về việc triển khai chữ ký số trong cơ quan');
  await userEvent.fill(q(el, '#f-content')!, 'Sở đề nghị các cơ quan triển khai.');
  await userEvent.fill(q(el, '#f-agency')!, 'so tai chinh');
  await expect.poll(() => q(el, 'button[data-code="000.00.02.H53"]')).toBeTruthy();
  await userEvent.click(q(el, 'button[data-code="000.00.02.H53"]')!);
}

/** Signs in the sign dialog the element opened (the provider is the host's WebCrypto key). */
async function signInDialog(el: EgovCompose): Promise<void> {
  await expect.poll(() => (q<EgovSignDialog>(el, 'egov-sign-dialog')?.open ? 1 : 0), { timeout: 20_000 }).toBe(1);
  const dialog = q<EgovSignDialog>(el, 'egov-sign-dialog')!;
  await dialog.updateComplete;
  dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part=sign-button]')!.click();
}

describe('<egov-compose> with the in-memory backend', () => {
  it('follows the state machine of a draft by role', () => {
    const draft = (state: Draft['state'], signer = 'lanhdao') => ({ state, createdBy: { id: 'chuyenvien', name: '' }, signer: { id: signer, name: '' } }) as Draft;
    expect(composeActions(undefined, users.officer)).toEqual(['save', 'attach', 'submit']);
    expect(composeActions(draft('draft'), users.officer)).toEqual(['save', 'attach', 'submit']);
    expect(composeActions(draft('draft'), { id: 'chuyenvien2', name: '', role: 'chuyenVien' })).toEqual([]);
    expect(composeActions(draft('submitted'), users.leader)).toEqual(['sign']);
    expect(composeActions(draft('submitted', 'other'), users.leader)).toEqual([]);
    expect(composeActions(draft('submitted'), users.clerk)).toEqual([]);
    expect(composeActions(draft('signed'), users.clerk)).toEqual(['number']);
    expect(composeActions(draft('numbered'), users.clerk)).toEqual(['seal']);
    expect(composeActions(draft('sealed'), users.clerk)).toEqual(['send']);
    expect(composeActions(draft('sealed'), users.leader)).toEqual([]);
    expect(composeActions(draft('sent'), users.clerk)).toEqual([]);
  });

  it('validates live with the model’s Vietnamese messages under the fields, English when the page is English', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    backend.signIn('chuyenvien');
    const el = await mount(html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
    await userEvent.type(q(el, '#f-subject')!, 'x');
    await userEvent.clear(q(el, '#f-subject')!);
    await expect.poll(() => q(el, '#e-subject')?.textContent ?? '').toMatch(/trích yếu/i);
    expect(q(el, '#f-subject')!.getAttribute('aria-invalid')).toBe('true');
    // Not raw zod text.
    expect(q(el, '#e-subject')!.textContent).not.toMatch(/Invalid input|expected string|Too small/);
    // Submitting shows every message and saves nothing.
    await userEvent.click(action(el, 'submit')!);
    await expect.poll(() => q(el, '#e-recipients')?.textContent ?? '').not.toBe('');
    // The schemas' natural messages: the field named in words and what to do, never zod's locale text.
    expect(q(el, '#e-recipients')!.textContent.trim()).toBe('Nơi nhận cần ít nhất một mục: hãy thêm một mục.');
    expect(q(el, '[part=summary]')!.textContent).toMatch(/chưa đúng thể thức/);
    expect(backend.calls.some((c) => c.op === 'createDraft')).toBe(false);
    host.setAttribute('lang', 'en');
    await expect.poll(() => q(el, '[part=summary]')!.textContent).toMatch(/do not follow the format/);
    expect(q(el, '#e-subject')!.textContent).toMatch(/must have a subject/);
    await expectAxeClean(el);
    // A secret document is refused with the reason and offers no submit.
    await userEvent.selectOptions(q<HTMLSelectElement>(el, '#f-secrecy')!, 'mat');
    await expect.poll(() => q(el, '[role=alert]')?.textContent ?? '').toMatch(/Secret documents/);
    expect(action(el, 'submit')!.disabled).toBe(true);
  });

  it('runs the whole role-split journey: trình ký → the leader signs → the clerk numbers, seals and sends', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    const events: string[] = [];
    for (const verb of ['save', 'attach', 'submit', 'sign', 'number', 'seal', 'send']) host.addEventListener(`egov-compose-${verb}`, () => events.push(verb));
    const navigations: EgovNavigateEvent['detail'][] = [];
    host.addEventListener('egov-navigate', (e) => navigations.push(e.detail));

    // The chuyên viên drafts, attaches an appendix and submits to the leader.
    backend.signIn('chuyenvien');
    const el = await mount(html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
    await expect.poll(() => q<HTMLSelectElement>(el, '#f-signer')?.value).toBe('lanhdao');
    await fillDraft(el);
    expect(q(el, '[data-chosen]')!.textContent).toContain('Sở Tài chính tỉnh Hà Giang');
    await expect.poll(() => q(el, '[part=summary]')!.textContent).toContain('đúng thể thức');
    const saved = once<EgovComposeEvent>(host, 'egov-compose-save');
    await userEvent.click(action(el, 'save')!);
    const id = (await saved).detail.id;
    expect(el.draftId).toBe(id);
    expect(navigations).toContainEqual({ view: 'compose', id });
    const appendix = new File([new TextEncoder().encode('%PDF-1.4\n% phu luc\n%%EOF\n')], 'phu-luc-1.pdf', { type: 'application/pdf' });
    await userEvent.upload(q<HTMLInputElement>(el, 'input[name=appendix]')!, appendix);
    await expect.poll(() => q(el, '[part=appendices]')!.textContent).toContain('phu-luc-1.pdf');
    const submitted = once<EgovComposeEvent>(host, 'egov-compose-submit');
    await userEvent.click(action(el, 'submit')!);
    expect((await submitted).detail.draft).toMatchObject({ state: 'submitted', signer: { id: 'lanhdao' }, attachments: [{ name: 'phu-luc-1.pdf' }] });

    // The leader opens it (a new context: another user) and signs the rendered PDF in the sign dialog.
    backend.signIn('lanhdao');
    el.office = office(backend, users.leader);
    await expect.poll(() => action(el, 'sign')).toBeTruthy();
    expect(q(el, '[part=steps] [aria-current=step]')!.textContent).toContain('Chờ ký');
    const signed = once<EgovComposeEvent>(host, 'egov-compose-sign');
    await userEvent.click(action(el, 'sign')!);
    await signInDialog(el);
    expect((await signed).detail.draft.state).toBe('signed');

    // The văn thư gives the number, applies the agency seal over the signed PDF, and sends.
    backend.signIn('vanthu');
    el.office = office(backend, users.clerk);
    await expect.poll(() => action(el, 'number')).toBeTruthy();
    await userEvent.click(action(el, 'number')!);
    await expect.poll(() => q(el, '[data-field=notation]')?.textContent).toBe('01/STTTT-VP');
    const sealed = once<EgovComposeEvent>(host, 'egov-compose-seal');
    await userEvent.click(action(el, 'seal')!);
    await signInDialog(el);
    expect((await sealed).detail.draft.state).toBe('sealed');

    // The stored PDF carries the leader's signature, then the agency's seal, both valid and trusted.
    const pdf = backend.draftPdf(id)!;
    const report = await verifyPdf(pdf, { trustAnchors: [pki.root.der] });
    expect(report.signatures).toHaveLength(2);
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    // The clerk's issuing step wrote the number and the date of issue into the blanks the leader signed around: an
    // annotation added after the leader's signature (allowed), covered by the seal (nothing after it).
    expect(report.signatures.map((s) => s.modificationLevel)).toEqual(['ANNOTATIONS', 'NONE']);
    const text = (await commands.pdfToText(encodeBase64(pdf), true)).replace(/\s+/gu, ' ');
    expect(text).toMatch(/Số: 01\/STTTT-VP/u);
    expect(text).toContain('Hà Giang, ngày 02 tháng 12 năm 2026');

    const sent = once<EgovComposeSendEvent>(host, 'egov-compose-send');
    await userEvent.click(action(el, 'send')!);
    const { outgoing } = (await sent).detail;
    expect(outgoing).toMatchObject({ notation: '01/STTTT-VP', recipients: [{ agency: { code: '000.00.02.H53' } }] });
    await expect.poll(() => q(el, '[part=base]')!.textContent).toContain('Đã gửi văn bản 01/STTTT-VP tới 1 cơ quan');
    expect(events).toEqual(['save', 'attach', 'save', 'submit', 'sign', 'number', 'seal', 'send'].filter((v, i, a) => !(v === 'save' && a.indexOf(v) !== i)));
    await userEvent.click([...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.includes('Xem tình trạng gửi'))!);
    expect(navigations.at(-1)).toEqual({ view: 'outgoing', id: outgoing.id });
    await expectAxeClean(el);
  }, 90_000);

  it('previews the rendered PDF in <egov-pdf-viewer> (the renderer and viewer loaded on demand)', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    backend.signIn('chuyenvien');
    let rendered = 0;
    EgovCompose.loaders = {
      ...defaultLoaders,
      renderer: async () => {
        rendered += 1;
        return defaultLoaders.renderer();
      },
    };
    const el = await mount(html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
    expect(rendered).toBe(0);
    await fillDraft(el);
    // The viewer reads the rendered PDF (pdf.js loads it: a real PDF, not just bytes).
    const loaded = new Promise<Event>((resolve, reject) => {
      el.shadowRoot!.addEventListener('egov-pdf-viewer-load', resolve, { once: true });
      el.shadowRoot!.addEventListener('egov-pdf-viewer-error', reject, { once: true });
    });
    await userEvent.click(action(el, 'preview')!);
    await expect.poll(() => q(el, '[part=preview] egov-pdf-viewer'), { timeout: 20_000 }).toBeTruthy();
    await loaded;
    expect(rendered).toBe(1);
    const viewer = q(el, '[part=preview] egov-pdf-viewer') as HTMLElement & { pdf: Uint8Array };
    expect(new TextDecoder().decode(viewer.pdf.subarray(0, 5))).toBe('%PDF-');
    expect(q(el, '[part=preview] h3')!.textContent).toContain('du-thao-STTTT-VP.pdf');
  }, 60_000);

  it('refuses a stale save (VERSION_CONFLICT) with a reload, not a lost edit', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    backend.signIn('chuyenvien');
    const el = await mount(html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
await fillDraft(el);
    const saved = once<EgovComposeEvent>(host, 'egov-compose-save');
    await userEvent.click(action(el, 'save')!);
    const { id, draft } = (await saved).detail;
    // Someone else saves the same draft meanwhile.
    await backend.call('updateDraft', { params: { id }, body: { version: draft.version, recipients: ['000.00.03.H53'] } });
    await userEvent.type(q(el, '#f-subject')!, ' (sửa)');
    await userEvent.click(action(el, 'save')!);
    await expect.poll(() => q(el, '[part=error][role=alert]')?.textContent ?? '').toContain('VERSION_CONFLICT');
    expect(q(el, '[part=error]')!.textContent).toContain('hãy tải lại');
    await userEvent.click(q(el, '[part=retry]')!);
    await expect.poll(() => q(el, '[data-chosen]')?.textContent ?? '').toContain('Sở Nội vụ');
  });

  it('is keyboard complete: the form is filled, a recipient added and the draft submitted with the keyboard only', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    backend.signIn('chuyenvien');
    const el = await mount(html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
    await expect.poll(() => q<HTMLSelectElement>(el, '#f-signer')?.value).toBe('lanhdao');
    q(el, '#f-type')!.focus();
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement?.id).toBe('f-subject');
    await userEvent.keyboard('Về việc họp giao ban');
    await userEvent.tab();
    await userEvent.keyboard('Mời dự họp.');
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement?.id).toBe('f-agency');
    await userEvent.keyboard('noi vu');
    await expect.poll(() => q<HTMLInputElement>(el, '#f-agency')!.value).toBe('noi vu');
    await expect.poll(() => q(el, 'button[data-code="000.00.03.H53"]')).toBeTruthy();
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement?.getAttribute('data-code')).toBeTruthy();
    while (el.shadowRoot!.activeElement?.getAttribute('data-code') !== '000.00.03.H53') await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => q(el, '[data-chosen]')?.textContent ?? '').toContain('Sở Nội vụ');
    action(el, 'submit')!.focus();
    const submitted = once<EgovComposeEvent>(host, 'egov-compose-submit');
    await userEvent.keyboard('{Enter}');
    expect((await submitted).detail.draft.state).toBe('submitted');
  });

  it('lists drafts (by state, mine) and opens one; a prevented egov-navigate lets the host route', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    backend.signIn('chuyenvien');
    const doc = { type: 'congVan', subject: 'Dự thảo một' };
    const a = await backend.call('createDraft', { body: { document: doc, recipients: [] } });
    await backend.call('createDraft', { body: { document: { ...doc, subject: 'Dự thảo hai' }, recipients: [] } });
    const el = await mount(html`<egov-compose fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
    await expect.poll(() => el.shadowRoot!.querySelectorAll('[part=row]').length).toBe(2);
    await expectAxeClean(el);
    const prevent = (e: EgovNavigateEvent) => e.preventDefault();
    host.addEventListener('egov-navigate', prevent, { once: true });
    await userEvent.click(q(el, `[data-id="${a.id}"] button`)!);
    expect(el.draftId).toBeUndefined();
    await userEvent.click(q(el, `[data-id="${a.id}"] button`)!);
    expect(el.draftId).toBe(a.id);
    await expect.poll(() => q<HTMLTextAreaElement>(el, '#f-subject')?.value).toBe('Dự thảo một');
  });

  it('is usable at 360 px: one column, nothing wider than the screen', async () => {
    await page.viewport(360, 740);
    try {
      const backend = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
      backend.signIn('chuyenvien');
      host.style.width = '360px';
      const el = await mount(html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
      await fillDraft(el);
      const base = q(el, '[part=base]')!;
      const wide = [...el.shadowRoot!.querySelectorAll('*')].filter((n) => n.getBoundingClientRect().right > 361).map((n) => `${n.tagName}.${n.className}#${n.id}:${n.getBoundingClientRect().right}`);
      expect(wide).toEqual([]);
      expect(base.scrollWidth).toBeLessThanOrEqual(360);
      const subject = q(el, '#f-subject')!.getBoundingClientRect();
      const content = q(el, '#f-signerFullName')!.getBoundingClientRect();
      expect(content.width).toBeGreaterThan(250);
      expect(subject.right).toBeLessThanOrEqual(361);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(360);
    } finally {
      await page.viewport(1280, 720);
    }
  });

  it('takes integrator texts over the built-in ones', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    const el = await mount(html`<egov-compose draft-id="new" .texts=${{ vi: { submit: 'Trình Giám đốc ký' } }} .office=${office(backend)}></egov-compose>`);
    expect(action(el, 'submit')!.textContent.trim()).toBe('Trình Giám đốc ký');
  });
});

describe('<egov-compose> thay thế (replacing a sent document)', () => {
  /** Takes a draft through trình ký → ký → cấp số → đóng dấu → gửi on the back end (PDF steps with stand-in bytes). */
  async function sendOnBackend(backend: MemoryOfficeBackend, id: string, drafter: string) {
    const pdf = '%PDF-1.4\n% ky\n';
    backend.signIn(drafter);
    await backend.call('submitDraft', { params: { id }, body: { signer: 'lanhdao' } });
    backend.signIn('lanhdao');
    await backend.call('signDraft', { params: { id }, body: { pdf: encodeBase64(new TextEncoder().encode(pdf)) } });
    backend.signIn('vanthu');
    await backend.call('numberDraft', { params: { id }, body: { date: TODAY } });
    await backend.call('sealDraft', { params: { id }, body: { pdf: encodeBase64(new TextEncoder().encode(`${pdf}% dau\n`)) } });
    return backend.call('sendDraft', { params: { id }, body: {} });
  }

  it('from a sent document: a reason, then a new draft with its content and recipients, marked as replacing; once sent, the old one is replaced', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    backend.signIn('chuyenvien');
    const form = {
      ...emptyForm(),
      subject: 'Về việc triển khai chữ ký số',
      content: 'Sở đề nghị các cơ quan triển khai.',
      recipients: [{ code: '000.00.02.H53', name: 'Sở Tài chính tỉnh Hà Giang' }],
      signerId: 'lanhdao',
      signerFullName: 'Trần Văn Minh',
      signerPosition: 'Giám đốc',
    };
    const document = documentFromForm(form, { agency, date: TODAY }) as unknown as Record<string, unknown>;
    const first = await backend.call('createDraft', { body: { document, recipients: ['000.00.02.H53'] } });
    const original = await sendOnBackend(backend, first.id, 'chuyenvien');
    expect(original.notation).toBe('01/STTTT-VP');

    // The văn thư starts the replacement as <egov-outgoing> asks it (draft-id="new", replaces).
    backend.signIn('vanthu');
    const navigations: EgovNavigateEvent['detail'][] = [];
    host.addEventListener('egov-navigate', (e) => navigations.push(e.detail));
    const el = await mount(html`<egov-compose draft-id="new" replaces=${original.id} fonts-url=${FONTS} .office=${office(backend, users.clerk)}></egov-compose>`);
    await expect.poll(() => q(el, 'form[part=replaces] h3')?.textContent).toBe('Thay thế văn bản số 01/STTTT-VP ngày 02/12/2026');
    expect(backend.calls.some((c) => c.op === 'replaceOutgoing')).toBe(false);
    await expectAxeClean(el);
    // The reason is required; the keyboard reaches it and the button.
    await userEvent.click(action(el, 'replace')!);
    expect(backend.calls.some((c) => c.op === 'replaceOutgoing')).toBe(false);
    expect(el.shadowRoot!.activeElement?.id).toBe('f-reason');
    await userEvent.keyboard('Sai địa chỉ nơi nhận');
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).toBe('replace');
    const replaced = once<EgovComposeEvent>(host, 'egov-compose-replace');
    await userEvent.keyboard('{Enter}');
    const draft = (await replaced).detail.draft;
    expect(draft).toMatchObject({
      state: 'draft',
      recipients: [{ code: '000.00.02.H53' }],
      replaces: { outgoingId: original.id, notation: '01/STTTT-VP', reason: 'Sai địa chỉ nơi nhận' },
      document: { subject: 'Về việc triển khai chữ ký số' },
    });
    expect(draft.document.number).toBeUndefined();
    expect(el.draftId).toBe(draft.id);
    expect(navigations).toContainEqual({ view: 'compose', id: draft.id });
    // The draft opens in the form with the sent document's content, the note saying what it replaces.
    await expect.poll(() => q<HTMLTextAreaElement>(el, '#f-subject')?.value).toBe('Về việc triển khai chữ ký số');
    expect(q<HTMLTextAreaElement>(el, '#f-content')!.value).toBe('Sở đề nghị các cơ quan triển khai.');
    expect(q(el, '[data-chosen]')!.textContent).toContain('Sở Tài chính tỉnh Hà Giang');
    await expect.poll(() => q(el, 'p[part=replaces]')?.textContent ?? '').toContain('Thay thế văn bản số 01/STTTT-VP ngày 02/12/2026');
    expect(q(el, 'p[part=replaces]')!.textContent).toContain('Sai địa chỉ nơi nhận');
    await expectAxeClean(el);

    // Past drafting (submitted, signed, …) the detail says what it replaces; in English too.
    const replacement = await sendOnBackend(backend, draft.id, 'vanthu');
    expect(replacement.replaces).toBe(original.id);
    backend.signIn('vanthu');
    host.setAttribute('lang', 'en');
    el.draftId = undefined;
    el.draftId = draft.id;
    await expect.poll(() => q(el, 'article[part=detail]') && q(el, 'p[part=replaces]')?.textContent).toContain('Replaces document No. 01/STTTT-VP of 02/12/2026');

    // The sent document now shows that it was replaced, links to the replacement and offers no second replacement.
    host.setAttribute('lang', 'vi');
    render(html`<egov-outgoing document-id=${original.id} .office=${office(backend, users.clerk)}></egov-outgoing>`, host);
    const out = host.querySelector('egov-outgoing')!;
    await expect.poll(() => q(out, `[data-replaced-by="${replacement.id}"]`)?.textContent ?? '').toContain('Đã được thay thế bởi văn bản khác');
    expect(q(out, '[data-action=replace]')).toBeNull();
    expect(q(out, '[data-action=revoke]')).toBeTruthy();
    await expectAxeClean(out);
    await userEvent.click(q(out, `[data-replaced-by="${replacement.id}"] button`)!);
    expect(navigations.at(-1)).toEqual({ view: 'outgoing', id: replacement.id });
    await expect.poll(() => q(out, `[data-replaces="${original.id}"]`)?.textContent ?? '').toContain('thay thế một văn bản đã gửi');
  });
});

describe('<egov-compose> failure isolation', () => {
  const errors: Array<EgovErrorEvent['detail']> = [];
  const onError = (e: EgovErrorEvent) => errors.push(e.detail);
  beforeEach(() => {
    errors.length = 0;
    host.addEventListener('egov-error', onError);
  });
  afterEach(() => host.removeEventListener('egov-error', onError));

  function flaky(inner: MemoryOfficeBackend) {
    const state = { down: false };
    const backend: OfficeBackend = {
      call: (op, input, options) => (state.down ? Promise.reject(new TypeError('Failed to fetch')) : inner.call(op, input, options)),
    };
    return { state, backend };
  }

  it('with the back end down while saving: an alert with a retry, egov-error, the edit kept, saved on retry', async () => {
    const inner = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    inner.signIn('chuyenvien');
    const { state, backend } = flaky(inner);
    const el = await mount(html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
    await fillDraft(el);
    state.down = true;
    await userEvent.click(action(el, 'save')!);
    await expect.poll(() => q(el, '[part=error][role=alert]')?.textContent ?? '').toContain('BAD_RESPONSE');
    expect(errors.at(-1)).toMatchObject({ operation: 'createDraft' });
    expect(q<HTMLTextAreaElement>(el, '#f-subject')!.value).toContain('chữ ký số');
    await expectAxeClean(el);
    state.down = false;
    const saved = once<EgovComposeEvent>(host, 'egov-compose-save');
    await userEvent.click(q(el, '[part=retry]')!);
    expect((await saved).detail.draft.state).toBe('draft');
    expect(q(el, '[part=error]')).toBeNull();
  });

  it('with the back end down: the drafts list is an alert with a retry; a new draft still opens, saying the signer list failed', async () => {
    const inner = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    inner.signIn('chuyenvien');
    await inner.call('createDraft', { body: { document: { type: 'congVan', subject: 'Dự thảo còn đó' }, recipients: [] } });
    const { state, backend } = flaky(inner);
    state.down = true;
    const el = await mount(html`<egov-compose fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
    await expect.poll(() => q(el, '[part=error][role=alert]')?.textContent ?? '').toContain('Không tải được dữ liệu');
    expect(errors.map((e) => e.operation)).toEqual(expect.arrayContaining(['listDrafts', 'listUsers']));
    await expectAxeClean(el);
    state.down = false;
    await userEvent.click(q(el, '[part=retry]')!);
    await expect.poll(() => el.shadowRoot!.querySelectorAll('[part=row]').length).toBe(1);

    // A new draft needs no back end to show; the leaders' list failing is said (non-blocking), with a retry.
    state.down = true;
    errors.length = 0;
    render(html``, host);
    const fresh = await mount(html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
    await expect.poll(() => q(fresh, '[data-error=leaders][role=alert]')?.textContent ?? '').toContain('Không tải được danh sách lãnh đạo ký');
    expect(errors).toEqual([expect.objectContaining({ operation: 'listUsers', code: 'BAD_RESPONSE' })]);
    expect(q(fresh, '#f-subject')).toBeTruthy();
    expect(q<HTMLSelectElement>(fresh, '#f-signer')!.options).toHaveLength(1);
    await expectAxeClean(fresh);
    state.down = false;
    await userEvent.click(q(fresh, '[data-error=leaders] [part=retry]')!);
    await expect.poll(() => q<HTMLSelectElement>(fresh, '#f-signer')?.value).toBe('lanhdao');
    expect(q(fresh, '[data-error=leaders]')).toBeNull();
  });

  it('with a slow back end: TIMEOUT after the client timeout, not a hang', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError'))));
    const backend = httpOfficeBackend({ baseUrl: 'https://office.invalid/', fetch: hanging, timeout: 200, retries: 0 });
    const el = await mount(html`<egov-compose .office=${office(backend)}></egov-compose>`);
    await expect.poll(() => q(el, '[part=error]')?.textContent ?? '', { timeout: 3000 }).toContain('TIMEOUT');
    expect(errors.some((e) => e.code === 'TIMEOUT')).toBe(true);
  });

  it('with a 500 or garbage answer: the error state, never an exception in the host; a sibling keeps working', async () => {
    const thrown: unknown[] = [];
    const onWindowError = (e: ErrorEvent) => thrown.push(e.error);
    const onRejection = (e: PromiseRejectionEvent) => thrown.push(e.reason);
    window.addEventListener('error', onWindowError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const server500: typeof fetch = () => Promise.resolve(new Response('<h1>Internal error</h1>', { status: 500 }));
      const garbage: typeof fetch = () => Promise.resolve(new Response('{"items":[{"id":1}]}', { status: 200, headers: { 'content-type': 'application/json' } }));
      const nonsense: OfficeBackend = { call: () => Promise.resolve({ items: [{ nope: true }], id: 7 } as never) };
      const sibling = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
      await sibling.call('createDraft', { body: { document: { subject: 'Còn hoạt động' }, recipients: [] } });
      render(
        html`<egov-compose id="a" .office=${office(httpOfficeBackend({ baseUrl: 'https://x.invalid/', fetch: server500, retries: 0 }))}></egov-compose>
          <egov-compose id="b" .office=${office(httpOfficeBackend({ baseUrl: 'https://x.invalid/', fetch: garbage, retries: 0 }))}></egov-compose>
          <egov-compose id="c" .office=${office(nonsense)}></egov-compose>
          <egov-compose id="c2" draft-id="aaaaaaaaaaaaaaaaaaaaaaaa" .office=${office(nonsense)}></egov-compose>
          <egov-compose id="d" .office=${office(sibling, users.clerk)}></egov-compose>`,
        host,
      );
      const [a, b, c, c2, d] = ['a', 'b', 'c', 'c2', 'd'].map((id) => host.querySelector<EgovCompose>(`#${id}`)!);
      await expect.poll(() => q(a!, '[part=error]')?.textContent ?? '').toContain('UNAVAILABLE');
      await expect.poll(() => q(b!, '[part=error]')?.textContent ?? '').toContain('BAD_RESPONSE');
      await expect.poll(() => q(c!, '[part=error]')?.textContent ?? '').toContain('BAD_RESPONSE');
      await expect.poll(() => q(c2!, '[part=error]')?.textContent ?? '').toContain('BAD_RESPONSE');
      await expect.poll(() => d!.shadowRoot!.querySelectorAll('[part=row]').length).toBe(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(thrown).toEqual([]);
    } finally {
      window.removeEventListener('error', onWindowError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('when the lazy renderer/viewer chunk fails to load: an alert with a retry that loads it', async () => {
    const backend = memoryOfficeBackend(demoSeed({ count: 2, today: TODAY }));
    backend.signIn('chuyenvien');
    let fail = true;
    EgovCompose.loaders = {
      ...defaultLoaders,
      signing: () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : defaultLoaders.signing()),
    };
    const el = await mount(html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${office(backend)}></egov-compose>`);
    await fillDraft(el);
    await userEvent.click(action(el, 'preview')!);
    await expect.poll(() => q(el, '[part=error][role=alert]')?.textContent ?? '').toContain('Không tải được trình xem');
    expect(errors.some((e) => e.operation === 'load-chunk')).toBe(true);
    // The form is still there with what was typed.
    expect(q<HTMLTextAreaElement>(el, '#f-subject')!.value).toContain('chữ ký số');
    fail = false;
    await userEvent.click(q(el, '[part=retry]')!);
    await expect.poll(() => q(el, '[part=preview] egov-pdf-viewer'), { timeout: 20_000 }).toBeTruthy();
  }, 60_000);
});
