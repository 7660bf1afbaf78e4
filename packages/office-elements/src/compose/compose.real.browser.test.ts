// <egov-compose> against the real office server (the gateway) with the real hub behind it (test/real-office.ts): A's
// officer drafts and submits, A's leader signs in the sign dialog, A's clerk numbers, seals and sends to B through the
// hub; B's office has it.
import { createDemoPki } from '@egov-vn/pdf-signature/testing';
import { cryptoKeyProvider } from '@egov-vn/signature-elements';
import type { EgovSignDialog } from '@egov-vn/signature-elements/sign-dialog';
import fontUrl from '@egov-vn/document-pdf/fonts/LiberationSerif-Regular.ttf?url';
import { html, render } from 'lit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { connectRealOffice, realCall, realOfficeInfo, realSend, type RealUserKey } from '../../test/real-office.browser.js';
import type { OfficeHost } from '../context/context.js';
import type { EgovErrorEvent } from '../events.js';
import './compose.js';
import type { EgovCompose, EgovComposeEvent, EgovComposeSendEvent } from './compose.js';

const FONTS = fontUrl.replace(/LiberationSerif-Regular\.ttf.*$/, '');
const host = document.createElement('div');
host.setAttribute('lang', 'vi');
document.body.append(host);
afterAll(() => render(html``, host));

const q = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const action = (el: Element, name: string) => q(el, `[data-action=${name}]`) as HTMLButtonElement | null;
const once = <T extends Event>(target: EventTarget, name: string) => new Promise<T>((resolve) => target.addEventListener(name, (e) => resolve(e as T), { once: true }));

describe('<egov-compose> against the real office server and hub', () => {
  let info: Awaited<ReturnType<typeof realOfficeInfo>>;
  let pki: Awaited<ReturnType<typeof createDemoPki>>;
  beforeAll(async () => {
    [info, pki] = await Promise.all([realOfficeInfo(), createDemoPki({ keyAlgorithm: 'ECDSA' })]);
  }, 180_000);

  async function office(user: RealUserKey): Promise<OfficeHost> {
    const o = await connectRealOffice(user);
    return {
      backend: o.backend,
      ...(o.user ? { user: o.user } : {}),
      agency: { ...info.agencies.A, place: 'Quảng Ninh', parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH' },
      trustAnchors: [pki.root.der],
      signers: (use) =>
        use === 'author'
          ? [cryptoKeyProvider(pki.signer.privateKey, pki.signer.chain.slice(0, -1), { vi: 'Khóa thử của lãnh đạo', en: 'Leader demo key' }, 'leader')]
          : [cryptoKeyProvider(pki.seal.privateKey, pki.seal.chain.slice(0, -1), { vi: 'Khóa thử của cơ quan', en: 'Agency demo seal' }, 'seal')],
    };
  }

  async function signInDialog(el: EgovCompose): Promise<void> {
    await expect.poll(() => ((q(el, 'egov-sign-dialog') as EgovSignDialog | null)?.open ? 1 : 0), { timeout: 30_000 }).toBe(1);
    const dialog = q(el, 'egov-sign-dialog') as EgovSignDialog;
    await dialog.updateComplete;
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part=sign-button]')!.click();
  }

  it('drafts, submits, signs, numbers, seals and sends to B through the hub, each step by its role', async () => {
    const errors: Array<EgovErrorEvent['detail']> = [];
    host.addEventListener('egov-error', (e) => errors.push(e.detail));
    const subject = `Về việc thử soạn thảo liên thông ${Date.now().toString(36)}`;
    render(html`<egov-compose draft-id="new" fonts-url=${FONTS} .office=${await office('officerA')}></egov-compose>`, host);
    const el = host.querySelector('egov-compose')!;
    await expect.poll(() => (q(el, '#f-signer') as HTMLSelectElement | null)?.value, { timeout: 20_000 }).toBe(info.users.leaderA.id);
    await userEvent.fill(q(el, '#f-subject')!, subject);
    await userEvent.fill(q(el, '#f-content')!, 'Đề nghị Sở Tài chính phối hợp.');
    // The real directory, searched without diacritics.
    await userEvent.fill(q(el, '#f-agency')!, 'so tai chinh');
    await expect.poll(() => q(el, `button[data-code="${info.agencies.B.code}"]`), { timeout: 20_000 }).toBeTruthy();
    await userEvent.click(q(el, `button[data-code="${info.agencies.B.code}"]`)!);
    const submitted = once<EgovComposeEvent>(host, 'egov-compose-submit');
    await userEvent.click(action(el, 'submit')!);
    const { id } = (await submitted).detail;

    el.office = await office('leaderA');
    await expect.poll(() => action(el, 'sign'), { timeout: 20_000 }).toBeTruthy();
    const signed = once<EgovComposeEvent>(host, 'egov-compose-sign');
    await userEvent.click(action(el, 'sign')!);
    await signInDialog(el);
    expect((await signed).detail.draft).toMatchObject({ state: 'signed', signedBy: { id: info.users.leaderA.id } });

    el.office = await office('clerkA');
    await expect.poll(() => action(el, 'number'), { timeout: 20_000 }).toBeTruthy();
    const numbered = once<EgovComposeEvent>(host, 'egov-compose-number');
    await userEvent.click(action(el, 'number')!);
    const notation = (await numbered).detail.draft.notation!;
    expect(notation).toMatch(/^\d{2,}\/SNV-VP$/);
    const sealed = once<EgovComposeEvent>(host, 'egov-compose-seal');
    await expect.poll(() => action(el, 'seal')).toBeTruthy();
    await userEvent.click(action(el, 'seal')!);
    await signInDialog(el);
    expect((await sealed).detail.draft.state).toBe('sealed');
    const sent = once<EgovComposeSendEvent>(host, 'egov-compose-send');
    await userEvent.click(action(el, 'send')!);
    const { outgoing } = (await sent).detail;
    expect(outgoing).toMatchObject({ notation, draftId: id, recipients: [{ agency: { code: info.agencies.B.code } }] });
    expect(errors).toEqual([]);

    // B's office received it through the hub.
    await expect
      .poll(
        async () => {
          const r = await realCall('clerkB', 'GET', `/v1/incoming?q=${encodeURIComponent(subject)}&limit=5`);
          return (r.body as { items?: Array<{ notation: string | null }> }).items?.map((i) => i.notation) ?? [];
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toContain(notation);
  }, 240_000);

  it('thay thế through the gateway: the clerk gives a reason and the server’s replaceOutgoing opens the replacing draft', async () => {
    const errors: Array<EgovErrorEvent['detail']> = [];
    host.addEventListener('egov-error', (e) => errors.push(e.detail));
    const subject = `Về việc thử thay thế ${Date.now().toString(36)}`;
    const sent = await realSend({ subject, arrive: false });
    render(html`<egov-compose draft-id="new" replaces=${sent.outgoingId} fonts-url=${FONTS} .office=${await office('clerkA')}></egov-compose>`, host);
    const el = host.querySelector('egov-compose')!;
    await expect.poll(() => q(el, 'form[part=replaces] h3')?.textContent ?? '', { timeout: 20_000 }).toContain(`Thay thế văn bản số ${sent.notation} ngày `);
    await userEvent.fill(q(el, '#f-reason')!, 'Sửa nội dung');
    const replaced = once<EgovComposeEvent>(host, 'egov-compose-replace');
    await userEvent.click(action(el, 'replace')!);
    const { draft } = (await replaced).detail;
    expect(draft).toMatchObject({ state: 'draft', replaces: { outgoingId: sent.outgoingId, notation: sent.notation }, recipients: [{ code: info.agencies.B.code }] });
    await expect.poll(() => (q(el, '#f-subject') as HTMLTextAreaElement | null)?.value).toBe(subject);
    await expect.poll(() => q(el, 'p[part=replaces]')?.textContent ?? '').toContain(sent.notation);
    expect(errors).toEqual([]);
  }, 120_000);
});
