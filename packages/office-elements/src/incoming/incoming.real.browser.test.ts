// <egov-incoming> against the real office server (the gateway) with the real hub behind it (test/real-office.ts):
// agency A sends through the hub; B's clerk receives and assigns in the element, B's officer starts and finishes;
// A's outgoing trace shows the statuses B's office answered through the hub.
import { html, render } from 'lit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { connectRealOffice, realCall, realOfficeInfo, realSend, realToken, type SentDocument } from '../../test/real-office.browser.js';
import '../context/office-context.js';
import type { EgovOfficeContext } from '../context/office-context.js';
import type { EgovErrorEvent } from '../events.js';
import './incoming.js';
import type { EgovIncoming, EgovIncomingChangeEvent } from './incoming.js';

const host = document.createElement('div');
host.setAttribute('lang', 'vi');
document.body.append(host);
afterAll(() => render(html``, host));

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type
const q = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const button = (el: Element, text: RegExp) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => text.test(b.textContent))!;

describe('<egov-incoming> against the real office server and hub', () => {
  let sent: SentDocument;
  const subject = `Về việc thử nghiệm liên thông ${Date.now().toString(36)}`;

  beforeAll(async () => {
    await realOfficeInfo();
    sent = await realSend({ subject });
  }, 180_000);

  it('B’s clerk finds it, receives it (số đến) and assigns it; B’s officer starts and finishes; A sees 03, 04, 05, 06', async () => {
    const clerk = await connectRealOffice('clerkB');
    const tokensAsked: string[] = [];
    const errors: Array<EgovErrorEvent['detail']> = [];
    render(
      html`<egov-office-context
        base-url=${clerk.baseUrl}
        .getToken=${() => {
          tokensAsked.push('clerkB');
          return realToken('clerkB');
        }}
        .user=${clerk.user}
        @egov-error=${(e: EgovErrorEvent) => errors.push(e.detail)}
        ><egov-incoming></egov-incoming
      ></egov-office-context>`,
      host,
    );
    const ctx = host.querySelector<EgovOfficeContext>('egov-office-context')!;
    const el = host.querySelector<EgovIncoming>('egov-incoming')!;
    const changes: Array<EgovIncomingChangeEvent['detail']> = [];
    el.addEventListener('egov-incoming-change', (e) => changes.push(e.detail));

    // The list of the real server, searched by words of the subject without diacritics.
    await expect.poll(() => q(el, 'table[part=table]'), { timeout: 20_000 }).toBeTruthy();
    await userEvent.fill(q<HTMLInputElement>(el, 'input[name=q]')!, subject.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'));
    await userEvent.click(button(el, /^Tìm$/));
    await expect.poll(() => el.shadowRoot!.querySelectorAll('tr[part=row]').length, { timeout: 20_000 }).toBe(1);
    const row = q(el, 'tr[part=row]')!;
    expect(row.dataset.id).toBe(sent.incomingId);
    expect(row.textContent).toContain('Mới đến');
    expect(tokensAsked.length).toBeGreaterThan(0);

    // Open it: the metadata of the edXML package that came through the hub.
    await userEvent.click(row.querySelector('button')!);
    await expect.poll(() => q(el, '[data-action=receive]'), { timeout: 20_000 }).toBeTruthy();
    expect(q(el, '[part=detail]')!.textContent).toContain(sent.notation);
    expect(q(el, '[part=detail]')!.textContent).toContain('Sở Nội vụ tỉnh Quảng Ninh');

    await userEvent.click(q(el, '[data-action=receive]')!);
    await expect.poll(() => q(el, '[data-field=arrivalNumber]')?.textContent.trim(), { timeout: 20_000 }).toMatch(/^\d+$/);
    await userEvent.click(q(el, '[data-action=assign]')!);
    await expect.poll(() => q(el, '[part=assign-form] select[name=lead] option[value="chuyenvien.stc"]'), { timeout: 10_000 }).toBeTruthy();
    await userEvent.selectOptions(q<HTMLSelectElement>(el, 'select[name=lead]')!, 'chuyenvien.stc');
    await userEvent.fill(q<HTMLInputElement>(el, 'input[name=days]')!, '3');
    const shownDue = /\d{4}-\d{2}-\d{2}/.exec(q(el, 'output[name=due]')!.textContent)?.[0];
    await userEvent.click(button(el, /^Phân công$/));
    await expect.poll(() => changes.map((c) => c.action), { timeout: 20_000 }).toEqual(['receive', 'assign']);
    // The server computed the same due date (WorkCalendar, 3 working days) the form showed.
    expect(changes[1]!.document.dueDate).toBe(shownDue);
    expect(changes[1]!.document.leadHandler?.id).toBe('chuyenvien.stc');

    // The officer signs in on the same page (a context change, no reload): only the lead handler's actions.
    const officer = await connectRealOffice('officerB');
    ctx.getToken = () => realToken('officerB');
    ctx.user = officer.user;
    await expect.poll(() => q(el, '[data-action=start]'), { timeout: 20_000 }).toBeTruthy();
    expect(q(el, '[data-action=assign]')).toBeNull();
    await userEvent.click(q(el, '[data-action=start]')!);
    await expect.poll(() => q(el, '[data-state]')?.dataset.state, { timeout: 20_000 }).toBe('processing');
    await userEvent.click(q(el, '[data-action=done]')!);
    await expect.poll(() => q(el, '[data-state]')?.dataset.state, { timeout: 20_000 }).toBe('done');
    expect(errors).toEqual([]);

    // Through the hub: A's outgoing document shows each status B's office answered.
    await expect
      .poll(
        async () => {
          const r = await realCall('clerkA', 'GET', `/v1/outgoing/${sent.outgoingId}`);
          const trace = (r.body as { trace: Array<{ statuses: Array<{ code: string }> }> }).trace;
          return trace[0]?.statuses.map((s) => s.code) ?? [];
        },
        { timeout: 60_000, interval: 500 },
      )
      .toEqual(['01', '03', '04', '05', '06']);
  }, 180_000);

  it('a token of the wrong agency sees nothing of B: the element shows the server’s refusal, not a crash', async () => {
    const info = await realOfficeInfo();
    const errors: Array<EgovErrorEvent['detail']> = [];
    const a = await connectRealOffice('clerkA');
    render(
      html`<egov-incoming
        document-id=${sent.incomingId!}
        .office=${a}
        @egov-error=${(e: EgovErrorEvent) => errors.push(e.detail)}
      ></egov-incoming>`,
      host,
    );
    const el = host.querySelector<EgovIncoming>('egov-incoming')!;
    await expect.poll(() => q(el, '[part=error][role=alert]')?.textContent ?? '', { timeout: 20_000 }).toContain('NOT_FOUND');
    expect(errors.some((e) => e.code === 'NOT_FOUND' && e.status === 404 && e.operation === 'getIncoming')).toBe(true);
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  }, 60_000);
});
