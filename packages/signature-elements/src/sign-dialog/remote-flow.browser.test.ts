/**
 * The remote flow of <egov-sign-dialog> against a real relay and CSC mock (started in Node by the global setup): choose a
 * credential, wait for the phone with a countdown and a cancel button, approved, rejected, expired, unreachable —
 * and the service's client secret never appears in anything the page sends or receives.
 */
import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html, render } from 'lit';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { makePdf } from '../internal/fixtures.js';
import { remoteSigningProvider } from '../internal/providers.js';
import './sign-dialog.js';
import type { EgovSignDialog, EgovSignDialogErrorEvent, EgovSignDialogSignEvent } from './sign-dialog.js';

const host = document.createElement('div');
document.body.append(host);
const relayUrl = inject('remoteRelayUrl');
const phoneUrl = inject('remotePhoneUrl');
const root = Uint8Array.from(atob(inject('remoteRootDer')), (c) => c.charCodeAt(0));

/** Everything the page sends and receives through fetch. */
const traffic: string[] = [];
const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init);
  traffic.push(`${request.method} ${request.url}\n${[...request.headers].join('\n')}\n${request.body ? await request.clone().text() : ''}`);
  const response = await realFetch(request);
  traffic.push(`${response.status}\n${[...response.headers].join('\n')}\n${await response.clone().text()}`);
  return response;
};

beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => render(html``, host));

const q = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const once = <T extends Event>(el: EventTarget, name: string) => new Promise<T>((resolve) => el.addEventListener(name, (e) => resolve(e as T), { once: true }));
async function until<T>(get: () => T | null | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function openRemote(url = relayUrl): Promise<EgovSignDialog> {
  render(html`<egov-sign-dialog file-name="cong-van.pdf"></egov-sign-dialog>`, host);
  const el = host.querySelector('egov-sign-dialog')!;
  el.pdf = await makePdf();
  el.trustAnchors = [root];
  el.providers = [remoteSigningProvider({ relayUrl: url, headers: () => ({ authorization: 'Bearer demo-session' }), pollIntervalMs: 100, description: 'Công văn 12/UBND-VP' })];
  el.show();
  await el.updateComplete;
  return el;
}

/** The phone: answers the newest pending request. */
async function phone(action: 'approve' | 'reject'): Promise<void> {
  let handle: string | undefined;
  for (let i = 0; i < 200 && !handle; i++) {
    handle = ((await (await realFetch(`${phoneUrl}/phone/pending`)).json()) as { handle: string }[]).at(-1)?.handle;
    if (!handle) await new Promise((r) => setTimeout(r, 50));
  }
  if (!handle) throw new Error('no pending request on the phone');
  const answer = await realFetch(`${phoneUrl}/phone/${encodeURIComponent(handle)}/${action}`, { method: 'POST', redirect: 'manual' });
  expect([303, 0]).toContain(answer.status);
}

async function waitingState(el: EgovSignDialog): Promise<HTMLElement> {
  // The first request loads the signing core and lays out the PDF on demand (slow on a loaded CI machine).
  return until(() => q(el, '[part=cancel-remote-button]'), 25_000);
}

describe('<egov-sign-dialog> remote signing (relay + CSC mock over HTTP)', () => {
  it('lists the credentials, waits for the phone with a countdown and focus on Cancel, and signs when approved', async () => {
    const el = await openRemote();
    // The first listing loads the relay client on demand (a cold compile on a loaded CI machine): a longer wait.
    const radios = await until(() => el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=credential]').length === 2 && el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=credential]'), 25_000);
    expect([...radios].map((r) => r.value)).toEqual(['nva-dien-thoai', 'nva-pin']);
    expect(q(el, '[part=credentials]')!.textContent).toContain('xác nhận trên điện thoại');
    await expectAxeClean(el);
    const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
    await userEvent.click(q(el, '[part=sign-button]')!);
    const cancel = await waitingState(el);
    expect(q(el, '[part=status]')!.textContent).toContain('Mở ứng dụng ký số trên điện thoại');
    expect(q(el, '[part=countdown]')!.textContent).toMatch(/Thời gian còn lại: [0-2] phút \d\d giây/);
    expect(q(el, '[part=countdown]')!.getAttribute('role')).toBe('timer');
    await until(() => el.shadowRoot!.activeElement === cancel);
    await expectAxeClean(el);
    await phone('approve');
    const { detail } = await signed;
    expect(detail.provider).toBe('remote');
    expect(detail.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(detail.report.signatures[0]!.signerName).toBe('Nguyễn Văn A');
    expect(q(el, '[part=status]')!.textContent).toContain('Đã ký văn bản.');
  });

  it('a PIN credential asks for the PIN; a wrong one is explained', async () => {
    const el = await openRemote();
    await until(() => q(el, 'input[name=credential][value=nva-pin]'));
    await userEvent.click(q(el, 'input[name=credential][value=nva-pin]')!);
    const pin = await until(() => q(el, 'input[name=pin]'));
    await userEvent.type(pin, '000000');
    const failed = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    await userEvent.click(q(el, '[part=sign-button]')!);
    expect((await failed).detail.problem.code).toBe('REMOTE_AUTH_DATA');
    expect(q(el, '[part=problem]')!.textContent).toContain('Mã PIN hoặc mã OTP không đúng.');
  });

  it('rejected on the phone: a clear problem, nothing signed', async () => {
    const el = await openRemote();
    await until(() => q(el, 'input[name=credential]'));
    const failed = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    await userEvent.click(q(el, '[part=sign-button]')!);
    await waitingState(el);
    await phone('reject');
    expect((await failed).detail.problem.code).toBe('REMOTE_REJECTED');
    expect(q(el, '[part=problem]')!.textContent).toContain('Yêu cầu ký đã bị từ chối trên điện thoại.');
    expect(q(el, '[part=cancel-remote-button]')).toBeNull();
    await expectAxeClean(el);
  });

  it('left to expire: the expiry is explained (English)', async () => {
    host.setAttribute('lang', 'en');
    const el = await openRemote(inject('remoteExpiringRelayUrl'));
    await until(() => q(el, 'input[name=credential]'));
    const failed = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    await userEvent.click(q(el, '[part=sign-button]')!);
    await waitingState(el);
    expect(q(el, '[part=status]')!.textContent).toContain('Open the signing app on your phone');
    expect(q(el, '[part=countdown]')!.textContent).toMatch(/Time left: 0 min 0\d s/);
    expect((await failed).detail.problem.code).toBe('REMOTE_EXPIRED');
    expect(q(el, '[part=problem]')!.textContent).toContain('The signing request expired before it was confirmed.');
  });

  it('cancel from the keyboard (Enter on the focused Cancel button, or Escape) stops waiting and says so', async () => {
    const el = await openRemote();
    await until(() => q(el, 'input[name=credential]'));
    await userEvent.click(q(el, '[part=sign-button]')!);
    const cancel = await waitingState(el);
    await until(() => el.shadowRoot!.activeElement === cancel);
    await userEvent.keyboard('{Enter}');
    await until(() => q(el, '[part=status]')!.textContent.includes('Đã huỷ yêu cầu ký'));
    expect(q(el, '[part=problem]')).toBeNull();
    expect((q(el, '[part=sign-button]') as HTMLButtonElement).disabled).toBe(false);
    // Escape while waiting cancels too, and keeps the dialog open.
    await userEvent.click(q(el, '[part=sign-button]')!);
    await waitingState(el);
    await userEvent.keyboard('{Escape}');
    await until(() => q(el, '[part=status]')!.textContent.includes('Đã huỷ yêu cầu ký'));
    expect(el.open).toBe(true);
  });

  it('an unreachable service is explained when listing the credentials', async () => {
    const el = await openRemote('http://127.0.0.1:1');
    const problem = await until(() => q(el, '[part=problem]'));
    expect(problem.textContent).toContain('Không kết nối được dịch vụ ký số từ xa.');
    expect((q(el, '[part=sign-button]') as HTMLButtonElement).disabled).toBe(true);
    await expectAxeClean(el);
  });

  it('signs a batch of three documents with one confirmation on the phone: one transaction, three valid signatures', async () => {
    render(html`<egov-sign-dialog></egov-sign-dialog>`, host);
    const el = host.querySelector('egov-sign-dialog')!;
    el.documents = await Promise.all(['cong-van-1.pdf', 'cong-van-2.pdf', 'cong-van-3.pdf'].map(async (name) => ({ name, bytes: await makePdf() })));
    el.trustAnchors = [root];
    el.providers = [remoteSigningProvider({ relayUrl, headers: () => ({ authorization: 'Bearer demo-session' }), pollIntervalMs: 100, description: 'Lô 3 văn bản' })];
    el.show();
    await el.updateComplete;
    await until(() => q(el, 'input[name=credential][value=nva-dien-thoai]'));
    expect(q(el, 'dialog')!.textContent).toContain('một lần xác nhận');
    const posted = () => traffic.filter((t) => t.startsWith(`POST ${relayUrl}/transactions`)).length;
    const before = posted();
    const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
    await userEvent.click(q(el, '[part=sign-button]')!);
    await waitingState(el);
    let pending: { description?: string; numSignatures: number }[] = [];
    for (let i = 0; i < 200 && pending.length === 0; i++) {
      pending = ((await (await realFetch(`${phoneUrl}/phone/pending`)).json()) as typeof pending).filter((p) => p.description === 'Lô 3 văn bản');
      if (pending.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(pending.map((p) => p.numSignatures)).toEqual([3]);
    expect([...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=documents] li')].map((li) => li.dataset.state)).toEqual(['signing', 'signing', 'signing']);
    await phone('approve');
    const { detail } = await signed;
    expect(posted() - before).toBe(1);
    expect(detail.documents.map((d) => d.name)).toEqual(['cong-van-1.pdf', 'cong-van-2.pdf', 'cong-van-3.pdf']);
    for (const d of detail.documents) {
      expect(d.report.signatures).toHaveLength(1);
      expect(d.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
      expect(d.report.signatures[0]!.signerName).toBe('Nguyễn Văn A');
    }
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=documents] li')].map((li) => li.dataset.state)).toEqual(['signed', 'signed', 'signed']);
    expect(q(el, '[part=status]')!.textContent).toContain('Đã ký 3 văn bản.');
    await expectAxeClean(el);
  });

  it('a batch rejected on the phone signs none of its documents and says so for each', async () => {
    render(html`<egov-sign-dialog></egov-sign-dialog>`, host);
    const el = host.querySelector('egov-sign-dialog')!;
    el.documents = await Promise.all(['a.pdf', 'b.pdf'].map(async (name) => ({ name, bytes: await makePdf() })));
    el.trustAnchors = [root];
    el.providers = [remoteSigningProvider({ relayUrl, headers: () => ({ authorization: 'Bearer demo-session' }), pollIntervalMs: 100 })];
    el.show();
    await el.updateComplete;
    await until(() => q(el, 'input[name=credential][value=nva-dien-thoai]'));
    let signed = false;
    el.addEventListener('egov-sign-dialog-sign', () => (signed = true));
    const failed = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    const outcome = el.sign();
    await waitingState(el);
    await phone('reject');
    expect((await failed).detail.problem.code).toBe('REMOTE_REJECTED');
    expect(await outcome).toBe(false);
    expect(signed).toBe(false);
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=documents] li')].map((li) => li.dataset.state)).toEqual(['failed', 'failed']);
    expect(q(el, '[part=documents]')!.textContent).toContain('không ký được');
  });

  it('the service’s client secret never appears in any request or response the page saw, nor in storage', () => {
    const secret = inject('remoteSecret');
    expect(traffic.length).toBeGreaterThan(10);
    expect(traffic.some((t) => t.includes(relayUrl))).toBe(true);
    for (const t of traffic) {
      expect(t).not.toContain(secret);
      expect(t).not.toContain(btoa(`portal:${secret}`));
    }
    expect(document.cookie).not.toContain(secret);
    const stored = [localStorage, sessionStorage].flatMap((st) => Array.from({ length: st.length }, (_, i) => `${st.key(i)}=${st.getItem(st.key(i)!)}`));
    expect(stored.join('\n')).not.toContain(secret);
  });
});
